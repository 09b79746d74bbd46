// Issue 18, classes 3, 5 and 6 for the Markdown and layout stages: the scanners that replaced
// std::regex, the nesting limit, the guard before cmark-gfm, line breaking linear in the
// paragraph and the organisation tree without quadratic walks or recursion. Each input is just
// past its limit or a modest size that took seconds before, so the suite stays fast under ASan.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <regex>
#include <string>

#include "data/data.hpp"
#include "fixture.hpp"
#include "layout/chart.hpp"
#include "layout/fonts.hpp"
#include "layout/linebreak.hpp"
#include "layout/paragraph.hpp"
#include "markdown/markdown.hpp"
#include "markdown/scan.hpp"

using namespace lkjip;

namespace {

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

// The first error of parsing `text`, "" when none.
std::string first_error(const std::string& text, const md::MarkdownLimits& limits = {}) {
    Diagnostics diags;
    (void)md::parse(text, "t.md", diags, limits);
    for (const auto& d : diags.items())
        if (d.severity == Severity::error) return format_diagnostic(d);
    return "";
}

}  // namespace

TEST_CASE("bounds: the directive scanner accepts what its regular expression did") {
    auto m = md::match_directive("<!-- lkjip:chart type=bar scale=each -->\n");
    REQUIRE(m);
    CHECK(m->name == "chart");
    CHECK(m->arguments == "type=bar scale=each");
    m = md::match_directive("  <!--lkjip:page-break-->");
    REQUIRE(m);
    CHECK(m->name == "page-break");
    CHECK(m->arguments.empty());
    m = md::match_directive("<!-- lkjip:x--->");  // the name stops before the closing `-->`
    REQUIRE(m);
    CHECK(m->name == "x-");
    CHECK_FALSE(md::match_directive("<!-- lkjip:a b\nc -->"));  // arguments on one line only
    m = md::match_directive("<!-- lkjip:a \n -->");  // spaces around them may span lines
    REQUIRE(m);
    CHECK(m->arguments.empty());
    CHECK_FALSE(md::match_directive("<!-- lkjip: -->"));
    CHECK_FALSE(md::match_directive("<!-- lkjip:Page -->"));
    CHECK_FALSE(md::match_directive("<!-->"));
    CHECK_FALSE(md::match_directive("<!-- other -->"));
    // A 100 KB line overflowed std::regex's recursion; the scanner is one pass.
    const std::string args = repeat("x ", 50000);
    m = md::match_directive("<!-- lkjip:signature " + args + " -->");
    REQUIRE(m);
    CHECK(m->arguments.size() == args.size() - 1);
}

TEST_CASE("bounds: the caption, chapter and numbered-entry scanners") {
    auto c = md::match_caption("Tabel 3.2. Capaian");
    REQUIRE(c);
    CHECK(c->kind == "Tabel");
    CHECK(c->number == "3.2");
    c = md::match_caption("  Gambar 1.1");
    REQUIRE(c);
    CHECK(c->number == "1.1");
    CHECK_FALSE(md::match_caption("Tabel 3.2x"));
    CHECK_FALSE(md::match_caption("Tabel3.2 a"));
    CHECK_FALSE(md::match_caption("Tabel .2 a"));
    CHECK(md::match_caption("Tabel 3.2.x") == std::nullopt);
    CHECK(md::match_caption("Tabel " + repeat("1.", 20000) + "1 x")->number.size() == 40001);

    auto ch = md::match_chapter("BAB III AKUNTABILITAS KINERJA");
    REQUIRE(ch);
    CHECK(ch->number == "BAB III");
    CHECK(ch->title == "AKUNTABILITAS KINERJA");
    ch = md::match_chapter("BAB  IV. PENUTUP");
    REQUIRE(ch);
    CHECK(ch->number == "BAB  IV");
    CHECK(ch->title == "PENUTUP");
    CHECK_FALSE(md::match_chapter("BAB III"));
    CHECK_FALSE(md::match_chapter("BAB IIIa JUDUL"));
    CHECK_FALSE(md::match_chapter("KATA PENGANTAR"));
    CHECK(md::match_chapter("BAB I " + repeat("A ", 20000))->title.size() == 40000);

    CHECK(md::numbered_prefix("Tabel 3.2 Capaian") == 10);
    CHECK(md::numbered_prefix("BAB III PENUTUP") == 8);
    CHECK(md::numbered_prefix("1.2.1 Sasaran") == 6);
    CHECK(md::numbered_prefix("Sasaran 1") == 0);
    CHECK(md::numbered_prefix("Tabel x") == 0);
    CHECK(md::numbered_prefix("12") == 0);  // the number needs a space after it
    CHECK(md::numbered_prefix(repeat("1.", 30000) + " x") == 60001);
}

TEST_CASE("bounds: block quotes and lists past the nesting limit are a positioned error") {
    md::MarkdownLimits limits;
    CHECK(first_error(repeat(">", limits.max_depth) + " x\n").empty());
    CHECK(first_error(repeat(">", limits.max_depth + 1) + " x\n") ==
          "t.md:1:101: error: block quotes and lists nested more than 100 deep\n");
    CHECK(first_error(repeat(">", 9400) + " x\n").find("t.md:1:101: error: block quotes") == 0);
    std::string list;
    for (std::size_t i = 0; i <= limits.max_depth; ++i) list += std::string(2 * i, ' ') + "- a\n";
    CHECK(first_error(list).find("t.md:101:201: error: block quotes and lists nested") == 0);
    // Many brackets and deep nesting: found from the block structure before the real parse.
    CHECK(first_error(list + std::string(2 * limits.max_depth + 2, ' ') + repeat("[a", 20000) + "\n")
              .find("t.md:101:201: error:") == 0);
}

TEST_CASE("bounds: emphasis and links nest without recursion") {
    Diagnostics diags;
    const auto d = md::parse(repeat("*", 40000) + "a" + repeat("*", 40000) + "\n" + repeat("_a ", 2) + "\n", "t.md", diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE(d.blocks.size() == 1);
    const auto nested = md::parse(repeat("[*", 20000) + "a" + repeat("*](u)", 20000) + "\n", "t.md", diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE(nested.blocks.size() == 1);
    CHECK(md::plain_text(nested.blocks[0].spans).find('a') != std::string::npos);
}

TEST_CASE("bounds: the guard rejects shapes on which cmark-gfm is super-linear") {
    md::MarkdownLimits limits;
    limits.max_bracket_steps = 1000;
    limits.max_html_scan_bytes = 10000;
    limits.max_table_cells = 50;
    Diagnostics diags;
    CHECK(md::guard("Teks [tautan](u) dan ![gambar](g.png).\n", "t.md", limits, diags));
    CHECK_FALSE(diags.has_errors());
    // CVE-2023-22486: ![[]() repeated; n links under n open images cost n²/2 steps.
    CHECK(first_error(repeat("![[]()", 44) + "\n", limits).empty());
    CHECK(first_error(repeat("![[]()", 46) + "\n", limits).find("t.md:1:") == 0);
    CHECK(first_error(repeat("![[]()", 46) + "\n", limits).find("CVE-2023-22486") != std::string::npos);
    // Paragraphs apart are counted together: the budget is the document's.
    CHECK_FALSE(first_error(repeat(repeat("![[]()", 30) + "\n\n", 3), limits).empty());
    CHECK(first_error(repeat("\\![[]()", 200) + "\n", limits).empty());  // escaped: no image
    CHECK(first_error("a" + repeat("<?", 100) + "\n", limits).find("t.md:1:") == 0);
    CHECK(first_error("a" + repeat("<? ?>", 100) + "\n", limits).empty());
    CHECK(first_error("a" + repeat("<![CDATA[", 60) + "\n", limits).find("t.md:1:") == 0);
    // Tables: columns, cells of a row, and all cells counting padded short rows.
    const md::MarkdownLimits defaults;
    CHECK(first_error(repeat("|a", 100) + "|\n" + repeat("|-", 100) + "|\n", defaults).empty());
    CHECK(first_error(repeat("|a", 101) + "|\n" + repeat("|-", 101) + "|\n", defaults).find("t.md:1:1: error: a table row") == 0);
    CHECK(first_error("|a|\n|-|\n" + repeat("|", 200) + "\n", defaults).find("t.md:3:1: error: a table row") == 0);
    CHECK(first_error(repeat("|", 200) + "\n", defaults).empty());  // not a table: text
    CHECK(first_error("|a|b|\n|-|-|\n" + repeat("x\n", 23), limits).empty());
    CHECK(first_error("|a|b|\n|-|-|\n" + repeat("x\n", 24), limits).find("t.md:26:1: error: the tables have more than 50") == 0);
}

TEST_CASE("bounds: the pathological inputs finish quickly with an error") {
    // Full size: 160 000 repetitions took minutes in cmark-gfm before the guard.
    CHECK(first_error(repeat("![[]()", 160000) + "\n").find("CVE-2023-22486") != std::string::npos);
    CHECK(first_error("a" + repeat("<?", 100000) + "\n").find("t.md:1:") == 0);
    CHECK(first_error(repeat("|a", 5000) + "\n" + repeat("|-", 5000) + "\n" + repeat("x\n", 5000)).find("t.md:1:1:") == 0);
}

TEST_CASE("bounds: line breaking of a long paragraph is linear") {
    // 60 000 words: about 6 s before (the span copied per word, lines inserted at the front).
    std::vector<layout::Item> items;
    for (int i = 0; i < 60000; ++i) {
        items.push_back(layout::Item::box(20 + (i * 7) % 30));
        items.push_back(layout::Item::glue(4, 2, 1.3));
    }
    items.back() = layout::Item::glue(0, layout::kInfinity, 0);
    items.push_back(layout::Item::pen(0, -layout::kInfinity));
    layout::BreakParams p;
    p.line_widths = {400};
    const auto lines = layout::break_lines(items, p);
    REQUIRE(lines.size() > 3000);
    CHECK(lines.front().start == 0);
    CHECK(lines.back().end + 1 == items.size());
    for (std::size_t i = 1; i < lines.size(); ++i) CHECK_LT(lines[i - 1].end, lines[i].start);

    // One span of 40 000 words: each word copied the whole span before (12 GB of copying).
    std::string error;
    const layout::FontBook* book = layout::font_book(false, error);
    REQUIRE_MESSAGE(book, error);
    std::string text;
    for (int i = 0; i < 40000; ++i) text += i % 3 ? "kinerja " : "pelaksanaan ";
    const auto placed = layout::set_paragraph({md::Span{text, false, false, false, "", false}}, book->set,
                                              layout::ParagraphStyle{12, 430, 0, true, nullptr});
    CHECK(placed.size() > 2000);
    std::size_t words = 0;
    for (const auto& line : placed)
        for (const auto& run : line.runs) words += static_cast<std::size_t>(std::count(run.text.begin(), run.text.end(), 'k'));
    CHECK(words == 40000);  // each word has one `k`: every word is set, once
}

TEST_CASE("bounds: an organisation of 16 000 units, a chain too deep, and a cycle through all of them") {
    std::string units;
    const int n = 16000;
    for (int i = 0; i < n; ++i) {
        units += "[[organisasi.unit]]\nid = \"U" + std::to_string(i) + "\"\nnama = \"Unit\"\njenis = \"" + (i ? "seksi" : "kepala") + "\"\n";
        if (i > 0) units += "induk = \"U" + std::to_string(i - 1) + "\"\n";
    }
    // A chain that deep is a mistake of `induk`: one error, at the first unit past 12 levels.
    Diagnostics deep;
    CHECK_FALSE(load_agency_year_text(test::minimal_toml() + "\n" + units, "x.toml", deep));
    REQUIRE(deep.error_count() == 1);
    CHECK(deep.items().front().message == "unit `U13` is 13 levels below the root; an organisation has at most 12");
    // The same 16 000 units under one root load.
    std::string flat;
    for (int i = 0; i < n; ++i) {
        flat += "[[organisasi.unit]]\nid = \"U" + std::to_string(i) + "\"\nnama = \"Unit\"\njenis = \"" + (i ? "seksi" : "kepala") + "\"\n";
        if (i > 0) flat += "induk = \"U0\"\n";
    }
    Diagnostics ok;
    CHECK(load_agency_year_text(test::minimal_toml() + "\n" + flat, "x.toml", ok));
    CHECK_FALSE(ok.has_errors());
    // The root's induk closes a cycle through every unit: each one is reported, once.
    const std::string cyclic = test::minimal_toml() + "\n" + units;
    const std::size_t root = cyclic.find("jenis = \"kepala\"\n") + 17;
    Diagnostics bad;
    (void)load_agency_year_text(cyclic.substr(0, root) + "induk = \"U" + std::to_string(n - 1) + "\"\n" + cyclic.substr(root),
                                "x.toml", bad);
    std::size_t cycles = 0;
    for (const auto& d : bad.items()) cycles += d.message.find("is its own ancestor") != std::string::npos;
    CHECK(cycles == static_cast<std::size_t>(n));

    // The org chart walks the same chain without recursion; a cycle becomes a root at its
    // first unit.
    std::string error;
    const layout::FontBook* book = layout::font_book(false, error);
    REQUIRE_MESSAGE(book, error);
    layout::chart::Data d;
    d.type = "org";
    for (int i = 0; i < 3000; ++i) {
        d.categories.push_back("U" + std::to_string(i));
        d.parents.push_back(i ? "U" + std::to_string(i - 1) : "U2999");
    }
    const auto drawing = layout::chart::draw_org(d, layout::chart::Fonts{&book->set, book->ids}, 430);
    REQUIRE(drawing.unit_parent.size() == 3000);
    CHECK(drawing.unit_parent[0] == -1);
    CHECK(drawing.unit_parent[1] == 0);
    CHECK(drawing.unit_parent[2999] == 2998);
}

TEST_CASE("bounds: the scanners agree with the regular expressions they replace") {
    // std::regex is safe on these short strings; random texts over the grammars' characters.
    const std::regex directive(R"(^\s*<!--\s*lkjip:([a-z-]+)\s*(.*?)\s*-->\s*$)");
    const std::regex caption(R"(^\s*(Tabel|Gambar)\s+(\d+(\.\d+)*)\.?(\s|$))");
    const std::regex chapter(R"(^\s*(BAB\s+[IVXLC]+)\.?\s+(.*)$)");
    const std::regex numbered(R"(^((Tabel|Gambar|Lampiran|BAB)\s+[0-9IVXLC.]+|[0-9][0-9.]*)\s)");
    const std::vector<std::string> pieces = {"<!--", "-->", "-", ">", " ", "\n", "lkjip:", "a", "z", "x", "Tabel", "Gambar",
                                             "Lampiran", "BAB", "1", "2", ".", "I", "V", "X", "\t", "\r", "A"};
    std::mt19937 rng(18);
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        const int n = static_cast<int>(rng() % 9);
        for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
        std::smatch m;
        const auto d = md::match_directive(s);
        REQUIRE_MESSAGE(std::regex_match(s, m, directive) == d.has_value(), s);
        if (d) CHECK((m[1] == d->name && m[2] == d->arguments));
        const auto c = md::match_caption(s);
        REQUIRE_MESSAGE(std::regex_search(s, m, caption) == c.has_value(), s);
        if (c) CHECK((m[1] == c->kind && m[2] == c->number));
        const auto ch = md::match_chapter(s);
        REQUIRE_MESSAGE(std::regex_match(s, m, chapter) == ch.has_value(), s);
        if (ch) CHECK((m[1] == ch->number && m[2] == ch->title));
        const std::size_t np = md::numbered_prefix(s);
        REQUIRE_MESSAGE(std::regex_search(s, m, numbered) == (np > 0), s);
        if (np > 0) CHECK(static_cast<std::size_t>(m.length(0)) == np);
    }
}
