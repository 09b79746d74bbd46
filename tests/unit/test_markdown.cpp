// The Markdown stage: GFM into blocks with the lkjip conventions (docs/markdown.md) resolved.
#include <doctest/doctest.h>

#include "data/data.hpp"
#include "fixture.hpp"
#include "markdown/markdown.hpp"
#include "report/report.hpp"

using namespace lkjip;
using md::Block;

namespace {

md::Document parse(const std::string& text, Diagnostics* diags = nullptr) {
    Diagnostics local;
    return md::parse(text, "t.md", diags ? *diags : local);
}

}  // namespace

TEST_CASE("markdown: paragraphs keep their inline styles") {
    const auto d = parse("Teks **tebal** dan *miring*, `kode` dan [tautan](https://x.id).\n");
    REQUIRE(d.blocks.size() == 1);
    const auto& s = d.blocks[0].spans;
    REQUIRE(s.size() == 9);
    CHECK(s[1] == md::Span{"tebal", true, false, false, "", false});
    CHECK(s[3] == md::Span{"miring", false, true, false, "", false});
    CHECK(s[5].code);
    CHECK(s[7].link == "https://x.id");
    CHECK(s[8].link.empty());
    CHECK(md::plain_text(s) == "Teks tebal dan miring, kode dan tautan.");
    CHECK(d.blocks[0].line == 1);
}

TEST_CASE("markdown: chapters split into number and title") {
    const auto d = parse("# BAB III AKUNTABILITAS KINERJA\n\n# KATA PENGANTAR\n\n## 3.1 Pengukuran\n");
    REQUIRE(d.blocks.size() == 3);
    CHECK(d.blocks[0].kind == Block::Kind::chapter);
    CHECK(d.blocks[0].number == "BAB III");
    CHECK(md::plain_text(d.blocks[0].spans) == "AKUNTABILITAS KINERJA");
    CHECK(d.blocks[1].kind == Block::Kind::chapter);
    CHECK(d.blocks[1].number.empty());
    CHECK(d.blocks[2].kind == Block::Kind::heading);
    CHECK(d.blocks[2].level == 2);
    CHECK(d.blocks[2].line == 5);
}

TEST_CASE("markdown: a caption, a table, its source note and a total row") {
    const auto d = parse("**Tabel 3.2** Capaian IKU\n\n| No | Indikator | Capaian |\n|---:|---|---:|\n| 1 | Nilai | 100,18 |\n"
                         "| | **Jumlah** | **100,18** |\n\nSumber: Dinas, 2024\n\nSesudahnya.\n");
    REQUIRE(d.blocks.size() == 2);
    const Block& t = d.blocks[0];
    CHECK(t.kind == Block::Kind::table);
    CHECK(t.caption_kind == "Tabel");
    CHECK(t.caption_number == "3.2");
    CHECK(md::plain_text(*t.caption) == "Tabel 3.2 Capaian IKU");
    CHECK(t.table.align == std::vector<md::Align>{md::Align::right, md::Align::none, md::Align::right});
    REQUIRE(t.table.rows.size() == 2);
    CHECK(t.table.total_row == std::vector<bool>{false, true});
    CHECK(t.table.rows[1][2].bold);
    REQUIRE(t.table.source);
    CHECK(md::plain_text(*t.table.source) == "Sumber: Dinas, 2024");
    CHECK(md::plain_text(d.blocks[1].spans) == "Sesudahnya.");
}

TEST_CASE("markdown: multi-level headers from `A > B` cells") {
    const auto d = parse("| No | Tahun 2024 > Target | Tahun 2024 > Realisasi | Tahun 2025 > Target | Ket |\n"
                         "|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 |\n");
    REQUIRE(d.blocks.size() == 1);
    const auto& h = d.blocks[0].table.header;
    REQUIRE(h.size() == 2);
    REQUIRE(h[0].size() == 4);
    CHECK(md::plain_text(h[0][0].spans) == "No");
    CHECK(h[0][0].rows == 2);
    CHECK(md::plain_text(h[0][1].spans) == "Tahun 2024");
    CHECK(h[0][1].first == 1);
    CHECK(h[0][1].span == 2);
    CHECK(md::plain_text(h[0][2].spans) == "Tahun 2025");
    CHECK(h[0][2].span == 1);
    CHECK(h[0][3].rows == 2);
    REQUIRE(h[1].size() == 3);
    CHECK(md::plain_text(h[1][0].spans) == "Target");
    CHECK(h[1][0].first == 1);
    CHECK(md::plain_text(h[1][1].spans) == "Realisasi");
    CHECK(h[1][2].first == 3);
}

TEST_CASE("markdown: line breaks and pipes in cells") {
    const auto d = parse("| A |\n|---|\n| satu<br>dua \\| tiga |\n");
    const auto& cell = d.blocks.at(0).table.rows.at(0).at(0).spans;
    REQUIRE(cell.size() == 3);
    CHECK(cell[0].text == "satu");
    CHECK(cell[1].line_break);
    CHECK(cell[2].text == "dua | tiga");
}

TEST_CASE("markdown: directives, known and unknown") {
    Diagnostics diags;
    const auto d = parse("<!-- lkjip:page-break -->\n\n<!-- lkjip:pagebreak -->\n\n<!-- biasa -->\n\nTeks.\n", &diags);
    REQUIRE(d.blocks.size() == 2);
    CHECK(d.blocks[0].kind == Block::Kind::directive);
    CHECK(d.blocks[0].directive == "page-break");
    REQUIRE(diags.items().size() == 2);
    CHECK(format_diagnostic(diags.items()[0]) ==
          "t.md:3:1: warning: unknown directive `lkjip:pagebreak`\n  hint: did you mean `lkjip:page-break`?\n");
    // Issue 17: an ordinary HTML comment is skipped, but not without a word.
    CHECK(format_diagnostic(diags.items()[1]) == "t.md:5:1: warning: HTML comment skipped (lkjip does not render HTML)\n");
}

TEST_CASE("markdown: a chart directive and a figure caption go with their table") {
    const auto d = parse("**Gambar 1.1** Struktur\n\n<!-- lkjip:chart type=org -->\n| Unit | Induk |\n|---|---|\n| A | - |\n");
    REQUIRE(d.blocks.size() == 1);
    CHECK(d.blocks[0].kind == Block::Kind::table);
    CHECK(d.blocks[0].chart == "type=org");
    CHECK(d.blocks[0].caption_kind == "Gambar");
    CHECK(d.blocks[0].caption_number == "1.1");
}

TEST_CASE("markdown: lists keep their markers and nesting") {
    const auto d = parse("3) tiga\n4) empat\n    - dalam\n\n- a\n- b\n");
    REQUIRE(d.blocks.size() == 2);
    const Block& ol = d.blocks[0];
    CHECK(ol.ordered);
    CHECK(ol.start == 3);
    CHECK(ol.delimiter == ')');
    REQUIRE(ol.items.size() == 2);
    REQUIRE(ol.items[1].size() == 2);
    CHECK(ol.items[1][1].kind == Block::Kind::list);
    CHECK_FALSE(d.blocks[1].ordered);
}

TEST_CASE("markdown: images with captions") {
    const auto d = parse("**Gambar 3.1** Pelatihan ekspor\n\n![Pelatihan ekspor](foto/a.png)\n");
    REQUIRE(d.blocks.size() == 1);
    CHECK(d.blocks[0].kind == Block::Kind::image);
    CHECK(d.blocks[0].url == "foto/a.png");
    CHECK(d.blocks[0].alt == "Pelatihan ekspor");
    CHECK(d.blocks[0].caption_number == "3.1");
}

TEST_CASE("markdown: every generated report parses without warnings, every caption finds its table") {
    Diagnostics load_diags;
    auto model = load_agency_year_text(test::minimal_toml(), "x.toml", load_diags);
    REQUIRE(model);
    Diagnostics diags;
    const auto text = report::render_markdown(*model, {}, diags);
    REQUIRE(text);
    const auto d = md::parse(*text, "lkjip.md", diags);
    CHECK(diags.items().empty());
    int captioned = 0, chapters = 0;
    bool cover = false;  // the cover ranks its lines by heading level (sampul.md.j2): not chapters
    for (const auto& b : d.blocks) {
        if (b.kind == Block::Kind::directive && (b.directive == "cover" || b.directive == "end-cover")) cover = b.directive == "cover";
        if (b.caption) ++captioned;
        if (b.kind == Block::Kind::chapter && !cover) ++chapters;
        CHECK_FALSE((b.kind == Block::Kind::paragraph && md::plain_text(b.spans).rfind("Tabel ", 0) == 0));
    }
    CHECK(captioned >= 8);
    CHECK(chapters == 10);  // kata pengantar, ikhtisar, three lists, BAB I-IV, lampiran
}

TEST_CASE("markdown: check reports exactly the errors parse reports") {
    // md::check skips building the tree where parse could find nothing (markdown.hpp); each of
    // these must give the same errors, at the same places, as parsing does.
    std::vector<std::string> texts = {
        "Capaian kinerja Undang-Undang 2020-2024 *baik*.",
        "![logo](https://example.org/logo.png)",
        "Teks ![gambar](logo.png) di tengah.",
        "| a |" + std::string(300, '|') + "\n|---|\n| b |",
        std::string(120, '>') + " kutipan",
        "- a\n" + std::string(101 * 2, ' ') + "- b",
        std::string(40, '[') + "x" + std::string(40, ']'),
        "",
    };
    std::string nested, chained, numbered, quoted;
    for (int i = 0; i < 105; ++i) {
        nested += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- level\n";
        chained += "- ";
        numbered += std::string(static_cast<std::size_t>(i) * 3, ' ') + "1. level\n";
        quoted += "> ";
    }
    texts.push_back(nested);
    texts.push_back(chained + "a");
    texts.push_back(numbered);
    texts.push_back(quoted + "- * + 1) a");
    texts.push_back(std::string(200, '.') + " titik 1.2.3 dan 4) bukan daftar");
    int with_errors = 0;
    for (const auto& text : texts) {
        Diagnostics parsed, checked;
        md::parse(text, "s", parsed);
        md::check(text, "s", checked);
        std::vector<std::string> a, b;
        for (const auto& d : parsed.items())
            if (d.severity == Severity::error) a.push_back(format_diagnostic(d, false));
        for (const auto& d : checked.items())
            if (d.severity == Severity::error) b.push_back(format_diagnostic(d, false));
        INFO(text.substr(0, 60));
        CHECK(a == b);
        with_errors += !a.empty();
    }
    CHECK(with_errors >= 5);  // the URL image, the deep quotes, the nested and chained lists at least
}
