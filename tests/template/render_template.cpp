// Test-only: renders one template of a folder with a TOML context, as the template engine does for
// the report, so tests/template/jinja_diff.py can compare the output with Jinja2's byte for byte.
//   render_template FOLDER NAME CONTEXT.toml
// Writes the output to standard output; on an error writes the diagnostics (file:line:col) to
// standard error and exits 1. The function `hitung()` counts its calls (1, 2, …), so a case can
// show how often an expression is evaluated; jinja_diff.py gives Jinja2 the same function.
#include <cstdio>
#include <iostream>

#include <toml++/toml.h>

#include "common/file_read.hpp"
#include "report/filters_id.hpp"
#include "template/template.hpp"

using namespace lkjip;

namespace {

// A test context, never a large file.
constexpr std::size_t kMaxContextBytes = std::size_t{1} << 20;

tpl::Value from_toml(const toml::node& n) {
    if (const auto* t = n.as_table()) {
        tpl::Entries e;
        for (const auto& [k, v] : *t) e.emplace_back(std::string(k.str()), from_toml(v));
        return tpl::Value::map(std::move(e));
    }
    if (const auto* a = n.as_array()) {
        tpl::List l;
        for (const auto& v : *a) l.push_back(from_toml(v));
        return tpl::Value::list(std::move(l));
    }
    if (const auto* s = n.as_string()) return tpl::Value(s->get());
    if (const auto* i = n.as_integer()) return tpl::Value(i->get());
    if (const auto* f = n.as_floating_point()) return tpl::Value(f->get());
    if (const auto* b = n.as_boolean()) return tpl::Value(b->get());
    return {};  // dates and times: the context file has none
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: render_template FOLDER NAME CONTEXT.toml\n";
        return 2;
    }
    const FileContents ctx = read_regular_file(argv[3], kMaxContextBytes, "context file");
    if (!ctx.ok()) {
        std::cerr << ctx.message << "\n";
        return 2;
    }
    tpl::Value context;
    try {
        context = from_toml(toml::parse(ctx.bytes, std::string_view(argv[3])));
    } catch (const toml::parse_error& e) {
        std::cerr << argv[3] << ": " << e.description() << "\n";
        return 2;
    }
    tpl::Environment env({argv[1]});
    report::add_indonesian_filters(env);  // the report's id-ID filters, as the report renders them
    env.add_function("hitung", [n = std::int64_t{0}](const tpl::Args&) mutable { return tpl::Value(++n); });
    Diagnostics diags;
    const auto out = env.render_file(argv[2], context, diags);
    if (!out) {
        for (const auto& d : diags.items()) std::cerr << format_diagnostic(d) << "\n";
        return 1;
    }
    std::fwrite(out->data(), 1, out->size(), stdout);
    return std::fflush(stdout) == 0 && !std::ferror(stdout) ? 0 : 2;
}
