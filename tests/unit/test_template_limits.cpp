// The template engine's limits under hostile templates (issue 18, classes 3, 4, 5 and 7): every
// chain and nesting is counted by the expression depth limit, every value built has a size limit
// checked before it is allocated, an evaluation budget ends runaway loops, template files are
// bounded in size and cannot leave their folder through a symlink. Each case is an error with a
// position in the template, never a crash, a hang or an exhausted machine.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include "template/template.hpp"

using namespace lkjip;

namespace {

namespace fs = std::filesystem;

struct Result {
    std::optional<std::string> out;
    std::string error;  // the first diagnostic, formatted
    std::size_t count = 0;
};

Result render(const std::string& text, tpl::Options options = {}, tpl::Value context = tpl::Value::map({})) {
    tpl::Environment env({}, options);
    Diagnostics diags;
    Result r;
    r.out = env.render_string(text, "t.j2", context, diags);
    r.count = diags.items().size();
    if (!diags.items().empty()) r.error = format_diagnostic(diags.items()[0]);
    return r;
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

bool mentions(const Result& r, const std::string& what) { return r.error.find(what) != std::string::npos; }

// A fresh folder under the temporary folder, removed at the end of the test.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name)
        : path(fs::temp_directory_path() / ("lkjip-tl-" + std::to_string(::getpid()) + "-" + name)) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    void write(const std::string& name, const std::string& text) const {
        fs::create_directories((path / name).parent_path());
        std::ofstream(path / name, std::ios::binary) << text;
    }
};

Result render_file(const std::vector<std::string>& search, const std::string& name) {
    tpl::Environment env(search);
    Diagnostics diags;
    Result r;
    r.out = env.render_file(name, tpl::Value::map({}), diags);
    r.count = diags.items().size();
    if (!diags.items().empty()) r.error = format_diagnostic(diags.items()[0]);
    return r;
}

const char* const kTooDeep = "error: expression nested deeper than 200 levels";

std::string fmt_col(int column) { return "t.j2:1:" + std::to_string(column) + ": "; }

}  // namespace

TEST_CASE("template limits: every kind of chain is counted by the expression depth limit") {
    const tpl::Value context = tpl::Value::map({{"x", tpl::Value("a")},
                                                {"xs", tpl::Value::list({tpl::Value::list({tpl::Value(1)})})},
                                                {"m", tpl::Value::map({{"b", tpl::Value(1)}})}});
    struct Chain {
        const char* name;
        std::string (*make)(int n);
    };
    const Chain chains[] = {
        {"filters", [](int n) { return "x" + repeat(" | upper", n); }},
        {"attributes", [](int n) { return "m" + repeat(".b", n); }},
        {"subscripts", [](int n) { return "xs" + repeat("[0]", n); }},
        {"plus", [](int n) { return "1" + repeat(" + 1", n); }},
        {"tilde", [](int n) { return "x" + repeat(" ~ x", n); }},
        {"times", [](int n) { return "1" + repeat(" * 1", n); }},
        {"and", [](int n) { return "true" + repeat(" and true", n); }},
        {"or", [](int n) { return "false" + repeat(" or false", n); }},

        {"tests", [](int n) { return "1" + repeat(" is number", n); }},
        {"not", [](int n) { return repeat("not ", n) + "true"; }},
        {"unary minus", [](int n) { return repeat("- ", n) + "1"; }},
        {"conditionals", [](int n) { return repeat("1 if true else ", n) + "1"; }},
        {"parentheses", [](int n) { return repeat("(", n) + "1" + repeat(")", n); }},
        {"lists", [](int n) { return repeat("[", n) + "1" + repeat("]", n); }},
        {"call arguments", [](int n) { return repeat("f(", n) + "1" + repeat(")", n); }},
        {"filter arguments", [](int n) { return repeat("x | default(", n) + "1" + repeat(")", n); }},
    };
    for (const Chain& c : chains) {
        INFO(std::string(c.name));
        // 20,000 terms: an error at the operator that went past the limit (the parse is linear: bench/
        // times it; a test never asserts a timing).
        const Result deep = render("{{ " + c.make(20000) + " }}", {}, context);
        CHECK_FALSE(deep.out);
        CHECK(deep.count == 1);
        CHECK(deep.error.rfind("t.j2:1:", 0) == 0);
        CHECK(mentions(deep, kTooDeep));
        // Within the limit the expression parses (it may fail to evaluate, never by depth).
        const Result fine = render("{{ " + c.make(60) + " }}", {}, context);
        CHECK_FALSE(mentions(fine, "nested deeper"));
    }
    // A comparison chain is one flat node evaluated in a loop (`a == b == c` is `a == b and b == c`,
    // as in Jinja): 20,000 terms need no depth, and parse and evaluate in linear time.
    for (const std::string& chain : {"1" + repeat(" == 1", 20000), "1" + repeat(" < 2", 20000), "1" + repeat(" in [1]", 20000)}) {
        const Result flat = render("{{ " + chain + " }}", {}, context);
        INFO(flat.error);
        CHECK(flat.count == 0);
    }
    // The position is that of the first construct too deep: the 200th `+` makes a tree of 201
    // levels; the first `+` is at column 6, each term takes 4 columns.
    CHECK(render("{{ " + repeat("1 + ", 20000) + "1 }}").error.rfind(fmt_col(6 + 4 * 199) + kTooDeep, 0) == 0);
    // Chains in statements are counted the same.
    CHECK(mentions(render("{% set a = 1" + repeat(" + 1", 20000) + " %}"), kTooDeep));
    CHECK(mentions(render("{% if " + repeat("not ", 20000) + "x %}{% endif %}"), kTooDeep));
    CHECK(mentions(render("{% for i in " + repeat("(", 20000) + "xs" + repeat(")", 20000) + " %}{% endfor %}"), kTooDeep));
    // Blocks have their own limit of 100.
    CHECK(mentions(render(repeat("{% if true %}", 101) + repeat("{% endif %}", 101)), "blocks nested deeper than 100 levels"));
    CHECK(render(repeat("{% for i in [1] %}", 99) + "ok" + repeat("{% endfor %}", 99)).out == "ok");
}

TEST_CASE("template limits: expressions at the depth limit evaluate") {
    // 199 additions and a filter chain of 150: values, not errors.
    CHECK(render("{{ 1" + repeat(" + 1", 198) + " }}").out == "199");
    CHECK(render("{{ 'a'" + repeat(" | upper | lower", 75) + " }}").out == "a");
    CHECK(render("{{ " + repeat("(", 190) + "2" + repeat(")", 190) + " }}").out == "2");
}

TEST_CASE("template limits: parsing is linear in the length of a tag") {
    // 20,000 list items, each 12 spaces apart: finding each token's position used to rescan the
    // tag from its start (quadratic: ~10^9 steps); now it is one pass.
    const std::string items = repeat("1,           ", 20000);
    const Result r = render("{{ [" + items + "1] | length }}");
    CHECK(r.out == "20001");
    // 3,000 tags of 150 terms each (the same as a 450,000-term template).
    const Result many = render(repeat("{{ 1" + repeat(" + 1", 149) + " }}\n", 3000));
    REQUIRE(many.out);
    CHECK(many.out->size() == 4 * 3000);
}

TEST_CASE("template limits: run-time nesting across macro calls is bounded") {
    // A macro that recurses inside 95 nested blocks and 180 parentheses: each level is within the
    // parser's limits, together they would overflow the stack.
    const std::string t = "{% macro f(n) %}" + repeat("{% if true %}", 95) + "{% if n > 0 %}{{ " + repeat("(", 180) +
                          "f(n - 1)" + repeat(")", 180) + " }}{% endif %}" + repeat("{% endif %}", 95) +
                          "{% endmacro %}{{ f(100) }}";
    const Result r = render(t);
    CHECK_FALSE(r.out);
    CHECK(r.count == 1);
    CHECK(mentions(r, "error: blocks, expressions, includes and macro calls nested deeper than 1000 levels"));
    CHECK(r.error.rfind("t.j2:1:", 0) == 0);
    CHECK(mentions(r, "in macro 'f' called from t.j2:1:"));
    // The renderer brings its own stack: the same from a thread with only 512 KiB of it (a
    // thousand levels need 1.3 MB in a release build, 20 MB in a sanitizer build).
    struct Job {
        const std::string* text;
        Result result;
    } job{&t, {}};
    pthread_attr_t attr;
    REQUIRE(pthread_attr_init(&attr) == 0);
    REQUIRE(pthread_attr_setstacksize(&attr, 512 * 1024) == 0);
    pthread_t thread;
    REQUIRE(pthread_create(&thread, &attr, [](void* p) -> void* {
        auto* j = static_cast<Job*>(p);
        j->result = render(*j->text);
        return nullptr;
    }, &job) == 0);
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);
    CHECK(job.result.error == r.error);
}

TEST_CASE("template limits: strings are bounded before they are built") {
    // 64 MiB is the limit; every case below would pass it and fails before allocating.
    const std::string mib = "('xxxx' * 262144)";
    auto check = [](const Result& r, const char* what) {
        INFO(std::string(what) << ": " << r.error);
        CHECK_FALSE(r.out);
        CHECK(r.count == 1);
        CHECK(r.error.rfind("t.j2:1:", 0) == 0);
        CHECK(mentions(r, "more than the limit of 67108864"));
    };
    check(render("{{ (" + mib + " * 100) | length }}"), "repetition");
    check(render("{{ ('x' * 1000000) * 1000000 }}"), "repetition of a long string");
    check(render("{% set s = " + mib + " * 64 %}{{ (s ~ 'y') | length }}"), "~");
    check(render("{% set s = " + mib + " * 64 %}{{ (s + 'y') | length }}"), "+");
    check(render("{{ ('x' * 1000000) | replace('x', 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy') | length }}"),
          "replace");
    check(render("{% set s = " + mib + " * 40 %}{{ [s, s] | join(',') | length }}"), "join");
    // Empty lines stay empty (Jinja's indent, blank=false): lines with text get the padding.
    check(render("{{ ('x\\n' * 1000000) | indent(100) | length }}"), "indent");
    check(render("{% set s = " + mib + " * 40 %}{{ [s, s] | length }}{{ [s, s] }}"), "printing a list");
    // A macro that doubles its argument stops when the string would pass the limit.
    check(render("{% macro f(s, n) %}{% if n > 0 %}{{ f(s ~ s, n - 1) }}{% else %}{{ s | length }}{% endif %}"
                 "{% endmacro %}{{ f('x', 40) }}"),
          "doubling macro");
    // At the limit itself a string is fine.
    CHECK(render("{{ (" + mib + " * 64) | length }}").out == "67108864");
}

TEST_CASE("template limits: lists and nested values are bounded") {
    // A list doubled 20 times passes one million items (the 21st doubling is never reached).
    const Result doubled = render("{% set l = [1] %}" + repeat("{% set l = l + l %}", 21) + "{{ l | length }}");
    INFO(doubled.error);
    CHECK_FALSE(doubled.out);
    CHECK(mentions(doubled, "would build a list of 1048576 items, more than the limit of 1000000"));
    CHECK(doubled.error.rfind("t.j2:1:", 0) == 0);
    CHECK(render("{% set l = [1] %}" + repeat("{% set l = l + l %}", 19) + "{{ l | length }}").out == "524288");
    // A string split into more than a million one-character items.
    const Result split = render("{{ ('x' * 1000000 ~ 'x') | list | length }}");
    INFO(split.error);
    CHECK(mentions(split, "more than the limit of 1000000"));
    // Values nested in each other 201 deep.
    const Result nested = render("{% set a = 1 %}" + repeat("{% set a = [a] %}", 201) + "{{ a | length }}");
    CHECK(mentions(nested, "would build a value nested 201 levels deep, more than the limit of 200"));
    CHECK(render("{% set a = 1 %}" + repeat("{% set a = [a] %}", 150) + "{{ a | length }}").out == "1");
    // A value holding itself twice per level: 2^24 values would take minutes to print or compare.
    const Result heavy = render("{% set a = 1 %}" + repeat("{% set a = [a, a] %}", 24) + "{{ a == a }}");
    CHECK(mentions(heavy, "more than the limit of 16000000"));
}

TEST_CASE("template limits: the evaluation budget ends a runaway loop") {
    tpl::Options options;
    options.max_steps = 200'000;
    tpl::List xs(1000, tpl::Value(1));
    const tpl::Value context = tpl::Value::map({{"xs", tpl::Value::list(xs)}});
    // 10^12 iterations.
    const Result r = render("{% for a in xs %}{% for b in xs %}{% for c in xs %}{% for d in xs %}{{ d }}{% endfor %}"
                            "{% endfor %}{% endfor %}{% endfor %}",
                            options, context);
    CHECK_FALSE(r.out);
    CHECK(r.count == 1);
    CHECK(r.error.rfind("t.j2:1:", 0) == 0);
    CHECK(mentions(r, "the template takes more than 200000 evaluation steps"));
    // Building large values costs steps too: a 64 MiB string is four million of them.
    const Result big = render("{{ ('xxxx' * 262144 * 64) | length }}", options);
    CHECK(mentions(big, "evaluation steps"));
    // Comparing heavy values is paid for by their weight.
    const Result cmp = render("{% set a = 1 %}" + repeat("{% set a = [a, a] %}", 17) + "{% for x in xs %}{{ a == a }}{% endfor %}",
                              options, context);
    CHECK(mentions(cmp, "evaluation steps"));
    // A normal template is far from the budget.
    CHECK(render("{% for x in xs %}{{ x }}{% endfor %}", options, context).out == std::string(1000, '1'));
    // The default budget is documented as 50 million steps.
    CHECK(tpl::Options{}.max_steps == 50'000'000);
}

TEST_CASE("template limits: a template file larger than 1 MiB is refused without being read whole") {
    TempDir dir("size");
    dir.write("big.j2", std::string((1u << 20) + 1, 'x'));
    dir.write("ok.j2", std::string(1u << 20, 'x'));
    dir.write("main.j2", "a\n{% include 'big.j2' %}\n");
    const Result big = render_file({dir.path.string()}, "big.j2");
    CHECK_FALSE(big.out);
    CHECK(mentions(big, "big.j2`: it is larger than 1048576 bytes"));
    CHECK(render_file({dir.path.string()}, "ok.j2").out->size() == (1u << 20));
    // Through an include, the error is at the include statement.
    const Result inc = render_file({dir.path.string()}, "main.j2");
    CHECK(inc.error.find("main.j2:2:3: error: cannot read template `") != std::string::npos);
    // A FIFO named like a template is refused at once, not read (it would block forever).
    REQUIRE(::mkfifo((dir.path / "fifo.j2").c_str(), 0600) == 0);
    const Result fifo = render_file({dir.path.string()}, "fifo.j2");
    INFO(fifo.error);
    CHECK(mentions(fifo, "fifo.j2`: it is a FIFO"));
}

TEST_CASE("template limits: symlinks may not lead out of the template folder") {
    TempDir root("sandbox");
    const fs::path folder = root.path / "templates";
    fs::create_directories(folder / "sub");
    root.write("secret.txt", "SECRET\n");
    root.write("templates/inner.j2", "inner\n");
    fs::create_symlink("/etc/passwd", folder / "passwd.j2");
    fs::create_symlink("../secret.txt", folder / "up.j2");
    fs::create_symlink(root.path / "secret.txt", folder / "abs.j2");
    fs::create_symlink("../inner.j2", folder / "sub" / "back.j2");  // stays inside: fine
    fs::create_symlink("../..", folder / "sub" / "parent");         // a folder link leading out
    root.write("templates/main.j2", "{% include 'up.j2' %}");
    const std::vector<std::string> search = {folder.string()};
    for (const char* name : {"passwd.j2", "up.j2", "abs.j2", "sub/parent/secret.txt"}) {
        INFO(name);
        const Result r = render_file(search, name);
        INFO(r.error);
        CHECK_FALSE(r.out);
        CHECK(r.count == 1);
        CHECK(mentions(r, "error: template '" + std::string(name) + "' resolves outside its template folder"));
        CHECK_FALSE(mentions(r, "SECRET"));
    }
    CHECK(render_file(search, "sub/back.j2").out == "inner\n");
    // Through an include: positioned at the include, the chain as usual.
    const Result inc = render_file(search, "main.j2");
    CHECK(mentions(inc, "main.j2:1:3: error: template 'up.j2' resolves outside its template folder"));
    // A template folder that is itself a symlink is resolved first: its files are inside it.
    fs::create_symlink(folder, root.path / "linked");
    CHECK(render_file({(root.path / "linked").string()}, "inner.j2").out == "inner\n");
    // A symlink loop is an error, not an exception.
    fs::create_symlink("loop2.j2", folder / "loop1.j2");
    fs::create_symlink("loop1.j2", folder / "loop2.j2");
    const Result loop = render_file(search, "loop1.j2");
    CHECK_FALSE(loop.out);
    CHECK(loop.count == 1);
    // A 300-character name is an error too.
    const Result long_name = render_file(search, std::string(300, 'a') + ".j2");
    CHECK_FALSE(long_name.out);
    CHECK(long_name.count == 1);
}

TEST_CASE("template limits: a template folder that does not exist is an error") {
    TempDir root("missing");
    root.write("file.j2", "x");
    const Result missing = render_file({(root.path / "nope").string()}, "lkjip.md.j2");
    CHECK_FALSE(missing.out);
    CHECK(mentions(missing, "error: the template folder '" + (root.path / "nope").string() + "' does not exist"));
    const Result file = render_file({(root.path / "file.j2").string()}, "file.j2");
    CHECK(mentions(file, "is not a folder"));
    // Also when the template comes from text (render_string), before anything is rendered.
    tpl::Environment env({(root.path / "nope").string()});
    Diagnostics diags;
    CHECK_FALSE(env.render_string("x", "t.j2", tpl::Value::map({}), diags));
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].message.find("does not exist") != std::string::npos);
}
