// Runs the template spec: tests/template/*.spec, examples of template + data + expected output
// or expected error, as cmark's spec does for Markdown. The format is described at the top of
// tests/template/language.spec.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <toml++/toml.h>
#include <unistd.h>

#include "report/filters_id.hpp"
#include "template/template.hpp"

using namespace lkjip;

namespace {

namespace fs = std::filesystem;

// TOML data to template values (the spec's way to give a context).
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
    return {};
}

struct Example {
    std::string name;
    int line = 0;
    std::string template_text, data, expected, error;
    std::vector<std::pair<std::string, std::string>> files;  // extra templates: name, text
};

std::vector<Example> read_spec(const fs::path& path) {
    std::ifstream in(path);
    std::vector<Example> out;
    std::string line;
    int number = 0;
    std::string* section = nullptr;
    while (std::getline(in, line)) {
        ++number;
        if (line.starts_with("=== ")) {
            out.push_back({line.substr(4), number, {}, {}, {}, {}, {}});
            section = &out.back().template_text;
        } else if (out.empty() || line.starts_with("#!")) {
            continue;  // the header comment
        } else if (line == "--- data") {
            section = &out.back().data;
        } else if (line == "--- output") {
            section = &out.back().expected;
        } else if (line == "--- error") {
            section = &out.back().error;
        } else if (line.starts_with("--- file ")) {
            out.back().files.emplace_back(line.substr(9), "");
            section = &out.back().files.back().second;
        } else if (section) {
            *section += line + "\n";
        }
    }
    return out;
}

// Sections end with the newline of their last line; the spec writes `⏎` for "no final newline".
std::string body(std::string s) {
    if (!s.empty() && s.back() == '\n') s.pop_back();
    const std::string mark = "⏎";
    if (s.size() >= mark.size() && s.compare(s.size() - mark.size(), mark.size(), mark) == 0) {
        s.resize(s.size() - mark.size());
    } else {
        s += "\n";
    }
    return s;
}

}  // namespace

TEST_CASE("template: the spec examples") {
    const fs::path dir = fs::path(LKJIP_SOURCE_DIR) / "tests" / "template";
    int total = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".spec") continue;
        for (const Example& ex : read_spec(entry.path())) {
            ++total;
            INFO(entry.path().filename().string() << ":" << ex.line << ": " << ex.name);
            const fs::path tmp = fs::temp_directory_path() / ("lkjip-spec-" + std::to_string(::getpid()) + "-" + std::to_string(ex.line));
            fs::create_directories(tmp);
            for (const auto& [name, text] : ex.files) std::ofstream(tmp / name) << body(text);
            tpl::Environment env({tmp.string()});
            report::add_indonesian_filters(env);  // the spec covers the report's filters too
            env.add_function("hitung", [n = 0](const tpl::Args&) mutable { return tpl::Value(++n); });
            tpl::Value context = tpl::Value::map({});
            if (!ex.data.empty()) context = from_toml(toml::parse(ex.data));
            Diagnostics diags;
            const auto out = env.render_string(body(ex.template_text), "t.j2", context, diags);
            fs::remove_all(tmp);
            if (!ex.error.empty()) {
                if (diags.items().size() != 1) {
                    FAIL_CHECK("expected one error, got " << diags.items().size() << (out ? " and output: " + *out : ""));
                    continue;
                }
                std::string got = format_diagnostic(diags.items()[0]);
                // Included files live in a temporary folder: compare their names only.
                for (std::size_t at; (at = got.find(tmp.string() + "/")) != std::string::npos;) got.erase(at, tmp.string().size() + 1);
                CHECK(got == ex.error);
            } else {
                if (!out) {
                    FAIL_CHECK(format_diagnostic(diags.items().at(0)));
                    continue;
                }
                CHECK(*out == body(ex.expected));
            }
        }
    }
    CHECK(total >= 100);
}

TEST_CASE("template: pathological inputs finish quickly") {
    tpl::Environment env({});
    Diagnostics diags;
    // 100 000 loop iterations.
    tpl::List items;
    for (int i = 0; i < 100000; ++i) items.emplace_back(i);
    auto out = env.render_string("{% for x in xs %}{{ x }},{% endfor %}", "big.j2", tpl::Value::map({{"xs", tpl::Value::list(items)}}), diags);
    REQUIRE(out);
    CHECK(out->size() == 588890);
    // Deep nesting of parentheses and blocks is an error, not a stack overflow.
    CHECK_FALSE(env.render_string("{{ " + std::string(10000, '(') + "1" + std::string(10000, ')') + " }}", "deep.j2",
                                  tpl::Value::map({}), diags));
    std::string ifs;
    for (int i = 0; i < 1000; ++i) ifs += "{% if true %}";
    CHECK_FALSE(env.render_string(ifs, "ifs.j2", tpl::Value::map({}), diags));
    // A very long line.
    const std::string longline(2'000'000, 'x');
    auto long_out = env.render_string(longline + "{{ 1 }}", "long.j2", tpl::Value::map({}), diags);
    REQUIRE(long_out);
    CHECK(long_out->size() == 2'000'001);
    // Unclosed tags at the end of input.
    for (const char* bad : {"{{", "{%", "{#", "{{ x", "{% if x %}", "{% for %}", "{{ 'abc }}"}) {
        Diagnostics d;
        CHECK_FALSE(env.render_string(bad, "bad.j2", tpl::Value::map({{"x", tpl::Value(1)}}), d));
        CHECK(d.items().size() == 1);
    }
}

TEST_CASE("template: recursion and output size are bounded") {
    tpl::Options options;
    options.max_output = 1000;
    tpl::Environment env({}, options);
    Diagnostics diags;
    CHECK_FALSE(env.render_string("{% for i in range %}{{ 'x' * 100 }}{% endfor %}", "o.j2",
                                  tpl::Value::map({{"range", tpl::Value::list(tpl::List(20, tpl::Value(1)))}}), diags));
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].message == "the output exceeds 1000 bytes");
    CHECK(diags.items()[0].pos.str() == "o.j2:1:28");  // at the output that went past it
    Diagnostics rec;
    CHECK_FALSE(env.render_string("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "r.j2", tpl::Value::map({}), rec));
    REQUIRE(rec.items().size() == 1);
    CHECK(rec.items()[0].message == "includes and macro calls nested deeper than 64 levels");
}
