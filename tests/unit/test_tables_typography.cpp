// Issue 17, tables: column widths that favour reading, the budget tree in code order with its
// levels indented, row spans for repeated names, one precision per money column, decimal
// alignment, and tables too wide for any page set in parts. Layout properties on small made-up
// tables; template properties on the golden previews (pinned to the generator by test_preview).
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <set>

#include "fixture.hpp"
#include "layout/table.hpp"
#include "table_fixture.hpp"

using namespace lkjip;
using namespace lkjip::layout;

namespace {

using test_tables::Fonts;
using test_tables::table;

std::string text_of(const PlacedCell& c) {
    std::string out;
    for (const auto& l : c.lines) {
        for (const auto& r : l.runs) out += (out.empty() ? "" : " ") + r.text;
    }
    return out;
}

const std::vector<std::string> kSamples = {"kota-pekalongan--dindagkop-ukm-2024", "kota-pontianak--dinkumdag-2020",
                                           "kota-probolinggo--dinkumdagin-2021", "provinsi-kalbar--diskumkm-2024"};

std::vector<std::string> cells_of(const std::string& line) {
    std::vector<std::string> out;
    std::string cell;
    for (std::size_t i = 1; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) {
            cell += line[++i];
        } else if (line[i] == '|') {
            const auto a = cell.find_first_not_of(' '), b = cell.find_last_not_of(' ');
            out.push_back(a == std::string::npos ? "" : cell.substr(a, b - a + 1));
            cell.clear();
        } else {
            cell += line[i];
        }
    }
    return out;
}

// The tables of a Markdown text: header cells, then rows of cells.
std::vector<std::vector<std::vector<std::string>>> tables_of(const std::string& md) {
    std::vector<std::vector<std::vector<std::string>>> out;
    std::vector<std::vector<std::string>> t;
    std::size_t at = 0;
    while (at <= md.size()) {
        const auto nl = md.find('\n', at);
        const std::string line = md.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
        if (line.starts_with("|")) {
            if (line.find("---") == std::string::npos || line.find_first_not_of("|-: ") != std::string::npos) t.push_back(cells_of(line));
        } else if (!t.empty()) {
            out.push_back(std::move(t));
            t.clear();
        }
        if (nl == std::string::npos) break;
        at = nl + 1;
    }
    if (!t.empty()) out.push_back(std::move(t));
    return out;
}

std::string unbold(std::string s) {
    if (s.starts_with("**") && s.ends_with("**") && s.size() >= 4) s = s.substr(2, s.size() - 4);
    return s;
}

// Permendagri 90/2019 order, written independently of the generator's.
bool code_less(const std::string& a, const std::string& b) {
    auto parts = [](const std::string& s) {
        std::vector<long> v;
        std::size_t at = 0;
        while (at <= s.size()) {
            const auto dot = s.find('.', at);
            v.push_back(std::stol(s.substr(at, dot == std::string::npos ? std::string::npos : dot - at)));
            if (dot == std::string::npos) break;
            at = dot + 1;
        }
        return v;
    };
    return parts(a) < parts(b);
}

}  // namespace

TEST_CASE("tables: the budget tree of every sample is in code order, headed Kode, its levels indented") {
    for (const auto& sample : kSamples) {
        INFO(sample);
        const std::string md = test::source_file("tests/golden/preview/" + sample + ".md");
        REQUIRE(!md.empty());
        bool found = false;
        for (const auto& t : tables_of(md)) {
            if (t.size() < 2 || t[0].size() < 2 || t[0][1] != "Urusan / Program / Kegiatan / Sub Kegiatan") continue;
            found = true;
            CHECK(t[0][0] == "Kode");
            std::vector<std::string> codes;
            for (std::size_t r = 1; r < t.size(); ++r) {
                const std::string code = unbold(t[r][0]);
                const std::string& uraian = t[r][1];
                if (code.empty()) continue;
                codes.push_back(code);
                INFO(code << " " << uraian);
                // Levels by their title (Pontianak's 2020 codes follow Permendagri 13/2006, whose
                // segments do not count levels).
                std::size_t indent = 0;
                std::string rest = uraian;
                while (rest.starts_with("&emsp;")) rest = rest.substr(6), ++indent;
                if (rest.starts_with("**Program")) CHECK(indent == 0);
                if (rest.starts_with("Kegiatan")) CHECK(indent == 1);
                if (rest.starts_with("Sub Kegiatan")) CHECK(indent == 2);
            }
            CHECK(codes.size() > 3);
            CHECK(std::is_sorted(codes.begin(), codes.end(), code_less));
        }
        CHECK(found);
    }
}

TEST_CASE("tables: a money column of every sample has one precision") {
    for (const auto& sample : kSamples) {
        INFO(sample);
        const std::string md = test::source_file("tests/golden/preview/" + sample + ".md");
        for (const auto& t : tables_of(md)) {
            for (std::size_t c = 0; c < t[0].size(); ++c) {
                if (t[0][c].find("(Rp)") == std::string::npos) continue;
                std::set<std::size_t> decimals;
                for (std::size_t r = 1; r < t.size(); ++r) {
                    if (c >= t[r].size()) continue;
                    const std::string v = unbold(t[r][c]);
                    if (v.empty() || v == "-" || v == "^^") continue;
                    const auto comma = v.find(',');
                    decimals.insert(comma == std::string::npos ? 0 : v.size() - comma - 1);
                }
                INFO(t[0][c]);
                CHECK(decimals.size() <= 1);
            }
        }
    }
}

TEST_CASE("tables: a repeated program name spans its rows in the per-sasaran budget tables") {
    const std::string md = test::source_file("tests/golden/preview/kota-pontianak--dinkumdag-2020.md");
    std::size_t spans = 0;
    for (const auto& t : tables_of(md)) {
        if (t[0].size() < 3 || t[0][1] != "Program" || t[0][2] != "Kegiatan") continue;
        for (std::size_t r = 1; r < t.size(); ++r) {
            CHECK((t[r][1] != "^^" || r > 1));
            if (r > 1 && t[r][1] != "^^") CHECK(t[r][1] != t[r - 1][1]);  // never the same name twice
            spans += t[r][1] == "^^";
        }
    }
    CHECK(spans > 5);
}

TEST_CASE("tables: a ^^ cell continues the cell above, in code or in the first row it is text") {
    const auto t = table("| Program | Kegiatan |\n|---|---|\n| ^^ | A |\n| Program X | B |\n| ^^ | C |\n| `^^` | D |\n");
    CHECK_FALSE(t.rows[0][0].continued);
    CHECK(md::plain_text(t.rows[0][0].spans) == "^^");
    CHECK(t.rows[2][0].continued);
    CHECK(t.rows[2][0].spans.empty());
    CHECK_FALSE(t.rows[3][0].continued);
    const auto ind = table("| Uraian |\n|---|\n| &emsp;&emsp;Sub Kegiatan A |\n| Kegiatan &emsp;B |\n");
    CHECK(ind.rows[0][0].indent == 2);
    CHECK(md::plain_text(ind.rows[0][0].spans) == "Sub Kegiatan A");
    CHECK(ind.rows[1][0].indent == 0);
}

TEST_CASE("tables: a spanned cell is drawn once across its rows, without rules inside, again on a continuation") {
    Fonts f;
    const std::string md =
        "| No | Program | Kegiatan | Pagu (Rp) |\n|---:|---|---|---:|\n"
        "| 1 | Program Pembinaan dan Pengembangan Pasar Tradisional Kota | Pengamanan | 1.000 |\n"
        "| 2 | ^^ | Registrasi | 2.000 |\n| 3 | ^^ | Operasional | 3.000 |\n| 4 | Program Lain | Renovasi | 4.000 |\n";
    const auto t = layout_table(table(md), f.set, f.style(300));
    REQUIRE(t.body.size() == 4);
    CHECK(t.body[0].cells[1].joins_below);
    CHECK(t.body[1].cells[1].continued);
    CHECK(t.body[1].cells[1].joins_below);
    CHECK_FALSE(t.body[2].cells[1].joins_below);
    CHECK(t.body[1].cells[1].lines.empty());
    // The head's text needs more than its own row: the span's rows hold it, and the rows stay
    // together until it is complete.
    const double lead = t.size * 1.2;
    const double text_height = static_cast<double>(t.body[0].cells[1].lines.size()) * lead + 4;
    CHECK(t.body[0].cells[1].lines.size() >= 2);
    CHECK(t.body[0].height + t.body[1].height + t.body[2].height >= text_height - 1e-6);
    CHECK(t.body[0].height < text_height);
    CHECK(t.body[0].keep_with_next);
    CHECK_FALSE(t.body[2].keep_with_next);
    const FaceIds faces;
    page::Page whole;
    draw_table_slice(t, 0, 4, 0, 800, f.style(300), faces, whole);
    std::size_t heads = 0;
    for (const auto& run : whole.text) heads += run.text == "Program";
    CHECK(heads == 3);  // the header, "Program Pembinaan …" and "Program Lain", each once
    // No horizontal rule crosses the Program column between rows 1-3.
    const double x0 = t.column_widths[0], x1 = x0 + t.column_widths[1];
    const double top1 = 800 - (t.header[0].height + t.body[0].height);
    for (const auto& r : whole.rules) {
        if (r.y1 != r.y2) continue;
        const bool crosses = r.x1 < x1 - 1 && r.x2 > x0 + 1;
        if (crosses) CHECK(std::abs(r.y1 - top1) > 0.01);
    }
    // A slice starting at row 3 (inside the span) draws the program name again at its top.
    page::Page cont;
    draw_table_slice(t, 2, 4, 0, 800, f.style(300), faces, cont);
    heads = 0;
    for (const auto& run : cont.text) heads += run.text == "Program";
    CHECK(heads == 3);
}

TEST_CASE("tables: figures line up on the decimal comma and never wrap, text gets the width, not figure headers") {
    Fonts f;
    const std::string long_text = "Meningkatnya Akuntabilitas Kinerja Perangkat Daerah melalui Evaluasi Berkala atas Seluruh "
                                  "Program dan Kegiatan yang Dilaksanakan oleh Setiap Bidang pada Tahun Berjalan";
    const auto t = layout_table(table("| Sasaran | Target Kinerja Tahun Berjalan |\n|---|---:|\n"
                                      "| " + long_text + " | 85,6 |\n"
                                      "| Meningkatnya Nilai Ekspor | 100 |\n| Meningkatnya Modal | 12,50 |\n"),
                                f.set, f.style(200));
    // The figure column is as wide as its header's widest word needs, not its header on one line.
    const double header_word = f.set.get(Face::bold).width("Kinerja", t.size);
    CHECK(t.column_widths[1] < header_word + 6 + 12);
    CHECK(t.column_widths[0] > 200 - t.column_widths[1] - 1e-6);
    // Commas line up: the end of "85,6" plus the width of one more digit is the end of "12,50";
    // "100" ends where the commas are.
    auto end_of = [&](std::size_t r) {
        const auto& run = t.body[r].cells[1].lines.at(0).runs.at(0);
        return run.x + f.set.get(run.face).width(run.text, t.size);
    };
    auto comma_of = [&](std::size_t r) {
        const auto& run = t.body[r].cells[1].lines.at(0).runs.at(0);
        return run.x + f.set.get(run.face).width(run.text.substr(0, run.text.find(',')), t.size);
    };
    for (std::size_t r = 0; r < 3; ++r) REQUIRE(t.body[r].cells[1].lines.size() == 1);
    CHECK(comma_of(0) == doctest::Approx(comma_of(2)));
    CHECK(end_of(1) == doctest::Approx(comma_of(0)));
    CHECK(end_of(0) < end_of(2));
}

TEST_CASE("tables: an indented cell wraps under its own indent") {
    Fonts f;
    const auto t = layout_table(table("| Kode | Uraian |\n|---|---|\n| 1.01 | Program A |\n"
                                      "| 1.01.2.01.0001 | &emsp;&emsp;Sub Kegiatan Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik |\n"),
                                f.set, f.style(160));
    const auto& sub = t.body[1].cells[1];
    REQUIRE(sub.lines.size() >= 2);
    for (const auto& l : sub.lines) CHECK(l.runs.front().x == doctest::Approx(3 + 2 * t.size));
    CHECK(t.body[0].cells[1].lines[0].runs.front().x == doctest::Approx(3));
    CHECK(text_of(t.body[1].cells[0]) == "1.01.2.01.0001");  // a code never wraps
}

TEST_CASE("tables: a hostile 80-column table is cut into parts of whole columns, none lost") {
    Fonts f;
    std::string md = "| No | Uraian |";
    for (int c = 1; c <= 78; ++c) md += " Kolom " + std::to_string(c) + " |";
    md += "\n|---:|---|";
    for (int c = 1; c <= 78; ++c) md += "---:|";
    md += "\n";
    for (int r = 1; r <= 3; ++r) {
        md += "| " + std::to_string(r) + " | Baris uraian " + std::to_string(r) + " |";
        for (int c = 1; c <= 78; ++c) md += " " + std::to_string(r * 1000 + c) + " |";
        md += "\n";
    }
    const md::Table src = table(md);
    TableStyle st = f.style(672);
    st.size = 6;
    REQUIRE_FALSE(layout_table(src, f.set, st).fits);
    const auto parts = split_columns(src, f.set, st);
    REQUIRE(parts.size() > 1);
    std::vector<int> seen(80, 0);
    for (const auto& p : parts) {
        REQUIRE(p.size() > 2);
        CHECK(p[0] == 0);  // No and Uraian on every part
        CHECK(p[1] == 1);
        for (std::size_t k = 2; k < p.size(); ++k) ++seen[p[k]];
        const md::Table part = table_columns(src, p);
        CHECK(part.rows[0].size() == p.size());
        CHECK(part.header[0].size() == p.size());
        const auto placed = layout_table(part, f.set, st);
        CHECK(placed.fits);
        CHECK(placed.width <= 672 + 1e-6);
    }
    for (std::size_t c = 2; c < 80; ++c) CHECK(seen[c] == 1);
    // A table that fits is one part.
    CHECK(split_columns(table("| A | B |\n|---|---|\n| 1 | 2 |\n"), f.set, f.style()).size() == 1);
}

#include "layout/layout.hpp"

TEST_CASE("tables: a table too wide for a landscape page at 6 pt is said at its line and set whole, in parts") {
    std::string md = "# BAB I UJI\n\n**Tabel 1.1** Lebar\n\n| No | Uraian |";
    for (int c = 1; c <= 78; ++c) md += " Kolom " + std::to_string(c) + " |";
    md += "\n|---:|---|";
    for (int c = 1; c <= 78; ++c) md += "---:|";
    md += "\n";
    for (int r = 1; r <= 4; ++r) {
        md += "| " + std::to_string(r) + " | Baris uraian " + std::to_string(r) + " |";
        for (int c = 1; c <= 78; ++c) md += " " + std::to_string(r * 100000 + c) + " |";
        md += "\n";
    }
    Diagnostics diags;
    layout::LayoutSettings settings;
    settings.source_name = "lebar.md";
    const auto doc = layout::typeset(md::parse(md, "lebar.md", diags), settings, diags);
    REQUIRE(doc);
    bool said = false;
    for (const auto& d : diags.items()) {
        const std::string s = format_diagnostic(d);
        said = said || (s.starts_with("lebar.md:5:") && s.find("too wide for a page even at 6 pt") != std::string::npos);
    }
    CHECK(said);
    std::multiset<std::string> words;
    for (const auto& p : doc->pages) {
        for (const auto& t : p.text) {
            words.insert(t.text);
            CHECK(t.x >= 0);
            CHECK(t.x <= p.width);
        }
    }
    for (int r = 1; r <= 4; ++r) {
        for (int c = 1; c <= 78; ++c) CHECK(words.count(std::to_string(r * 100000 + c)) == 1);  // every figure, once
    }
    CHECK(words.count("(lanjutan)") >= 1);
}
