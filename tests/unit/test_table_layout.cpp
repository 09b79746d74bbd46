// Table layout (issue 5): column widths from content, wrapping cells, multi-level headers, total
// and group rows, slices that repeat the header, and nothing lost. Small made-up tables.
#include <doctest/doctest.h>

#include <optional>

#include "layout/table.hpp"
#include "table_fixture.hpp"

using namespace lkjip;
using namespace lkjip::layout;

namespace {

using test_tables::Fonts;
using test_tables::table;

const std::string kIku =
    "| No | Indikator Kinerja | Target | Realisasi | Capaian (%) |\n"
    "|---:|---|---:|---:|---:|\n"
    "| 1 | Nilai SAKIP Perangkat Daerah yang dievaluasi oleh Inspektorat | 85,60 | 85,75 | 100,18 |\n"
    "| 2 | Persentase capaian kinerja program | 90,00 | 88,10 | 97,89 |\n"
    "| **Jumlah** | | **175,60** | **173,85** | **99,00** |\n";

std::string without_spaces(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c != ' ') out += c;
    }
    return out;
}

// The text of a placed cell, lines joined, a hyphen at a line's end dropped (the test tables
// have no hyphens of their own).
std::string cell_text(const PlacedCell& c) {
    std::string out;
    for (const auto& l : c.lines) {
        for (const auto& r : l.runs) out += r.text;
        if (!out.empty() && out.back() == '-') out.pop_back();
    }
    return without_spaces(out);
}

double line_end(const PlacedLine& l) { return l.runs.front().x + l.width; }

bool has_text(const page::Page& p, const std::string& text) {
    for (const auto& t : p.text) {
        if (t.text == text) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("table: widths come from the content and fill the measure") {
    Fonts f;
    const auto t = layout_table(table(kIku), f.set, f.style());
    CHECK(t.fits);
    CHECK_FALSE(t.overfull);
    REQUIRE(t.column_widths.size() == 5);
    double sum = 0;
    for (double w : t.column_widths) sum += w;
    CHECK(sum == doctest::Approx(t.width));
    CHECK(t.width <= 450 + 1e-6);
    // The text column gets the most room.
    for (std::size_t i : {0, 2, 3, 4}) CHECK(t.column_widths[1] > t.column_widths[i]);
    REQUIRE(t.body.size() == 3);
    for (const auto& row : t.body) {
        REQUIRE(row.cells.size() == 5);
        for (const auto& c : row.cells) {
            for (const auto& l : c.lines) CHECK(line_end(l) <= c.width - 3 + 1e-6);
        }
    }
}

TEST_CASE("table: a right-aligned number column ends at the cell's right inner edge") {
    Fonts f;
    const auto t = layout_table(table(kIku), f.set, f.style());
    for (const auto& row : t.body) {
        const auto& c = row.cells[4];
        REQUIRE(c.lines.size() == 1);
        CHECK(line_end(c.lines[0]) == doctest::Approx(c.width - 3));
    }
    // A left-aligned column starts at the padding.
    CHECK(t.body[1].cells[1].lines[0].runs[0].x == doctest::Approx(3));
}

TEST_CASE("table: a long text column wraps and its row grows") {
    Fonts f;
    const auto t = layout_table(table(kIku), f.set, f.style(200));
    CHECK(t.fits);
    CHECK(t.width == doctest::Approx(200));
    const auto& cell = t.body[0].cells[1];
    REQUIRE(cell.lines.size() >= 3);
    const double lead = 10 * 1.2;
    CHECK(t.body[0].height == doctest::Approx(static_cast<double>(cell.lines.size()) * lead + 4));
    for (const auto& row : t.body) {
        std::size_t lines = 1;
        for (const auto& c : row.cells) lines = std::max(lines, c.lines.size());
        CHECK(row.height == doctest::Approx(static_cast<double>(lines) * lead + 4));
    }
    REQUIRE(cell.baselines.size() == cell.lines.size());
    CHECK(cell.baselines[0] == doctest::Approx(2 + f.r->ascender() * 10));
    CHECK(cell.baselines[1] - cell.baselines[0] == doctest::Approx(lead));
    CHECK(cell_text(cell) == without_spaces("Nilai SAKIP Perangkat Daerah yang dievaluasi oleh Inspektorat"));
    // Numbers are never hyphenated.
    for (const auto& row : t.body) {
        for (std::size_t i : {2, 3, 4}) {
            for (const auto& l : row.cells[i].lines) CHECK(l.runs.back().text.back() != '-');
        }
    }
}

TEST_CASE("table: multi-level header cells cover their columns and rows") {
    Fonts f;
    const auto t = layout_table(table("| No | Tahun 2024 > Target | Tahun 2024 > Realisasi | Keterangan Capaian Kinerja |\n"
                                      "|---|---:|---:|---|\n| 1 | 2 | 3 | 4 |\n"),
                                f.set, f.style());
    REQUIRE(t.header.size() == 2);
    REQUIRE(t.header[0].cells.size() == 3);
    const auto& group = t.header[0].cells[1];
    CHECK(group.first_column == 1);
    CHECK(group.columns == 2);
    CHECK(group.x == doctest::Approx(t.column_widths[0]));
    CHECK(group.width == doctest::Approx(t.column_widths[1] + t.column_widths[2]));
    const auto& no = t.header[0].cells[0];
    CHECK(no.rows == 2);
    CHECK(no.height == doctest::Approx(t.header[0].height + t.header[1].height));
    // Centred vertically: the one line of "No" sits halfway down its two rows.
    CHECK(no.baselines[0] > t.header[0].height / 2);
    REQUIRE(t.header[1].cells.size() == 2);
    CHECK(t.header[1].cells[0].x == doctest::Approx(t.column_widths[0]));
    for (const auto& row : t.header) {
        for (const auto& c : row.cells) {
            for (const auto& l : c.lines) {
                for (const auto& r : l.runs) CHECK(r.face == Face::bold);
                // Centred horizontally, a wrapped line too (its width counts its filling stretch:
                // the end of its last run is where it ends).
                const double end = l.runs.back().x + f.set.get(l.runs.back().face).width(l.runs.back().text, t.size);
                CHECK(l.runs.front().x - 3 == doctest::Approx(c.width - 3 - end));
            }
        }
    }
}

TEST_CASE("table: a spanning header wider than its columns widens them") {
    Fonts f;
    const auto wide = layout_table(
        table("| Capaian Kinerja Sasaran Strategis > x | Capaian Kinerja Sasaran Strategis > y | B |\n|---|---|---|\n| 1 | 2 | 3 |\n"),
        f.set, f.style(120));
    CHECK(wide.fits);
    const auto& group = wide.header[0].cells[0];
    CHECK(group.columns == 2);
    for (const auto& l : group.lines) CHECK_FALSE(l.overfull);
    CHECK_FALSE(wide.overfull);
}

TEST_CASE("table: a total row is bold with a heavier rule above, and slices repeat the header") {
    Fonts f;
    std::string md = "| No | Indikator | Nilai |\n|---:|---|---:|\n";
    for (int i = 1; i <= 12; ++i) md += "| " + std::to_string(i) + " | Indikator nomor " + std::to_string(i) + " | " + std::to_string(i * 10) + ",5 |\n";
    md += "| **Jumlah** | | **780** |\n";
    const auto t = layout_table(table(md), f.set, f.style());
    REQUIRE(t.body.size() == 13);
    CHECK(t.body.back().total);
    for (const auto& c : t.body.back().cells) {
        for (const auto& l : c.lines) {
            for (const auto& r : l.runs) CHECK(r.face == Face::bold);
        }
    }
    const auto style = f.style();
    page::Page page;
    const double h = draw_table_slice(t, 5, 10, 50, 700, style, FaceIds{}, page);
    CHECK(h == doctest::Approx(t.header[0].height + 5 * t.body[5].height));
    CHECK(has_text(page, "Indikator"));  // the header again
    CHECK(has_text(page, "6"));
    CHECK_FALSE(has_text(page, "5"));
    CHECK_FALSE(has_text(page, "11"));
    REQUIRE(page.boxes.size() == 1);  // the header shading, behind the header only
    CHECK(page.boxes[0].h == doctest::Approx(t.header[0].height));
    CHECK(page.boxes[0].y == doctest::Approx(700 - t.header[0].height));
    CHECK(page.boxes[0].fill == page::Color{0.85, 0.85, 0.85});
    // A closed box: frame lines at the top, bottom, left and right of the slice.
    bool top = false, bottom = false, left = false, right = false;
    for (const auto& r : page.rules) {
        top = top || (r.y1 == 700 && r.y2 == 700);
        bottom = bottom || (r.y1 == doctest::Approx(700 - h) && r.y2 == r.y1);
        left = left || (r.x1 == 50 && r.x2 == 50 && r.y1 == 700 && r.y2 == doctest::Approx(700 - h));
        right = right || (r.x1 == doctest::Approx(50 + t.width) && r.x2 == r.x1);
        CHECK(r.width == style.rule_width);
    }
    CHECK((top && bottom && left && right));
    // Every row and every column: 5 inner horizontals (header + 4 row boundaries) and 2 inner
    // verticals, each one merged line, plus the frame.
    CHECK(page.rules.size() == 5 + 2 + 4);
    // The slice holding the total row draws the heavier rule above it.
    page::Page last;
    const double h2 = draw_table_slice(t, 10, 13, 50, 700, style, FaceIds{}, last);
    const double total_top = 700 - (h2 - t.body[12].height);
    bool heavy = false;
    for (const auto& r : last.rules) heavy = heavy || (r.width == style.total_rule_width && r.y1 == doctest::Approx(total_top));
    CHECK(heavy);
    // Text: baseline from the row top, face ids from FaceIds.
    const auto& first_run = page.text.front();
    CHECK(first_run.size == style.size);
    // Drawn at the size it was laid out at, whatever the style passed to draw says.
    auto other = style;
    other.size = 14;
    page::Page again;
    draw_table_slice(t, 5, 10, 50, 700, other, FaceIds{}, again);
    CHECK(again.text.front().size == style.size);
    CHECK(first_run.font == 1);  // the header is bold
}

TEST_CASE("table: group rows span the table, and hard breaks in cells") {
    Fonts f;
    const auto t = layout_table(table("| No | Program | Anggaran |\n|---|---|---:|\n"
                                      "| | **Urusan Pemerintahan Bidang Pendidikan dan Kebudayaan** | |\n"
                                      "| 1 | satu<br>dua | 1.000 |\n"),
                                f.set, f.style(200));
    REQUIRE(t.body.size() == 2);
    CHECK(t.body[0].group);
    CHECK_FALSE(t.body[0].total);
    REQUIRE(t.body[0].cells.size() == 1);
    CHECK(t.body[0].cells[0].columns == 3);
    CHECK(t.body[0].cells[0].width == doctest::Approx(t.width));
    CHECK(t.body[0].cells[0].lines[0].runs[0].face == Face::bold);
    REQUIRE(t.body[1].cells[1].lines.size() == 2);
    CHECK(t.body[1].cells[1].lines[1].runs[0].text == "dua");
    page::Page page;
    draw_table_slice(t, 0, 2, 0, 500, f.style(200), FaceIds{}, page);
    // No column rule crosses the group row.
    const double band_top = 500 - t.header[0].height, band_bottom = band_top - t.body[0].height;
    for (const auto& r : page.rules) {
        if (r.x1 == r.x2 && r.x1 > 0 && r.x1 < t.width - 1e-6) {
            CHECK_FALSE((std::max(r.y1, r.y2) > band_bottom + 1e-6 && std::min(r.y1, r.y2) < band_top - 1e-6));
        }
    }
}

TEST_CASE("table: too wide for the measure is fits=false, still complete") {
    Fonts f;
    std::string md = "|";
    std::string delim = "|";
    for (int i = 0; i < 10; ++i) {
        md += " Pertanggungjawaban" + std::to_string(i) + " |";
        delim += "---|";
    }
    md += "\n" + delim + "\n|";
    for (int i = 0; i < 10; ++i) md += " 1.234.567.890 |";
    const auto t = layout_table(table(md + "\n"), f.set, f.style(300));
    CHECK_FALSE(t.fits);
    CHECK(t.width > 300);
    CHECK_FALSE(t.overfull);  // at the minimum widths every word still fits its cell
    for (const auto& c : t.body[0].cells) CHECK(cell_text(c) == "1.234.567.890");
}

TEST_CASE("table: a very long unbreakable string is not lost and stays in the measure") {
    Fonts f;
    // No hyphen of its own (cell_text drops hyphens at line ends).
    const std::string url = "https://sakip.example.go.id/laporan/kinerja/2024/lampiran/pengukuran_kinerja_lengkap";
    const auto t = layout_table(table("| No | Sumber |\n|---|---|\n| 1 | " + url + " |\n"), f.set, f.style(150));
    CHECK_FALSE(t.fits);  // it wants more room: the caller tries a landscape page
    // Its column claims at most the measure, so the string alone does not widen the table past
    // it; set_paragraph cuts what no line can hold (or, failing that, the line is overfull).
    CHECK(t.column_widths[1] <= 150 + 1e-6);
    const auto& cell = t.body[0].cells[1];
    CHECK((t.overfull || cell.lines.size() > 1));
    if (!t.overfull) {
        for (const auto& l : cell.lines) CHECK(line_end(l) <= cell.width - 3 + 1e-6);
    }
    CHECK(cell_text(cell) == url);
    page::Page page;
    draw_table_slice(t, 0, 1, 0, 500, f.style(150), FaceIds{}, page);
    std::string drawn;
    for (const auto& r : page.text) drawn += r.text;
    CHECK(drawn == "No" "Sumber" "1" + url);
}

TEST_CASE("table: every word of every cell is drawn") {
    Fonts f;
    const std::string md =
        "| No | Sasaran > Indikator | Sasaran > Penjelasan | Capaian |\n|---:|---|---|:---:|\n"
        "| 1 | Meningkatnya akuntabilitas kinerja perangkat daerah | Pengukuran kinerja dilaksanakan secara berkala "
        "setiap triwulan<br>dengan **pemantauan** *berkelanjutan* | 100,18 |\n"
        "| 2 | Terwujudnya tata kelola pemerintahan | Evaluasi implementasi SAKIP oleh Inspektorat | 97,5 |\n"
        "| **Jumlah** | | | **99,1** |\n";
    const auto mt = table(md);
    const auto t = layout_table(mt, f.set, f.style(260));
    CHECK(t.fits);
    CHECK_FALSE(t.overfull);
    std::string expected, placed;
    for (std::size_t l = 0; l < mt.header.size(); ++l) {
        for (std::size_t c = 0; c < mt.header[l].size(); ++c) {
            expected += without_spaces(md::plain_text(mt.header[l][c].spans));
            placed += cell_text(t.header[l].cells[c]);
        }
    }
    for (std::size_t r = 0; r < mt.rows.size(); ++r) {
        for (std::size_t c = 0; c < mt.rows[r].size(); ++c) {
            const std::string want = without_spaces(md::plain_text(mt.rows[r][c].spans));
            CHECK(cell_text(t.body[r].cells[c]) == want);
            expected += want;
        }
    }
    for (const auto& row : t.body) {
        for (const auto& c : row.cells) placed += cell_text(c);
    }
    CHECK(placed == expected);
    // The page gets the same runs, in the same order, hyphens at line ends aside.
    page::Page page;
    draw_table_slice(t, 0, t.body.size(), 0, 800, f.style(260), FaceIds{}, page);
    std::string drawn;
    for (std::size_t i = 0; i < page.text.size(); ++i) {
        drawn += page.text[i].text;
        const bool line_end = i + 1 == page.text.size() || page.text[i + 1].y != page.text[i].y;
        if (line_end && drawn.back() == '-') drawn.pop_back();
    }
    CHECK(without_spaces(drawn) == expected);
}

TEST_CASE("table: 300 rows lay out, every row once") {
    // Speed is measured in bench/ (never asserted here); this checks the large case is complete.
    Fonts f;
    std::string md = "| No | Indikator Kinerja Utama | Target | Realisasi | Capaian (%) |\n|---:|---|---:|---:|---:|\n";
    for (int i = 1; i <= 300; ++i) {
        md += "| " + std::to_string(i) + " | Persentase capaian kinerja program pembangunan daerah nomor " + std::to_string(i) +
              " | 85,60 | 85,75 | 100,18 |\n";
    }
    const auto t = layout_table(table(md), f.set, f.style());
    REQUIRE(t.body.size() == 300);
    for (std::size_t i = 0; i < 300; ++i) CHECK(cell_text(t.body[i].cells[0]) == std::to_string(i + 1));
}
