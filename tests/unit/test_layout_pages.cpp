// Page breaks, landscape pages and signatures (issue 17): the keep rules at every depth of the
// page, the last page of a Daftar Isi, a short wide table upright, landscape material sharing its
// pages, a table's signature on the table's page, signatures in columns.
#include <fmt/format.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "layout/layout.hpp"
#include "layout/paginate.hpp"
#include "markdown/markdown.hpp"

using namespace lkjip;

namespace {

page::Document set(const std::string& markdown, Diagnostics& diags) {
    layout::LayoutSettings settings;
    settings.source_name = "pages.md";
    settings.running_header = "LKjIP Dinas Contoh Tahun 2024";
    const md::Document doc = md::parse(markdown, "pages.md", diags);
    auto out = layout::typeset(doc, settings, diags);
    REQUIRE(out);
    return std::move(*out);
}

// The index of the page holding a text run `text` (the first one), or npos.
std::size_t page_of(const page::Document& doc, const std::string& text) {
    for (std::size_t i = 0; i < doc.pages.size(); ++i)
        for (const auto& r : doc.pages[i].text)
            if (r.text == text) return i;
    return std::string::npos;
}

// Distinct baselines of body text on a page (not the running header, not the page number).
std::size_t body_lines(const page::Page& p) {
    constexpr double mm = 72.0 / 25.4;
    std::vector<double> ys;
    for (const auto& r : p.text) {
        if (r.y > p.height - 30 * mm || r.y < 25 * mm) continue;
        if (std::none_of(ys.begin(), ys.end(), [&](double y) { return std::abs(y - r.y) < 1; })) ys.push_back(r.y);
    }
    return ys.size();
}

std::string filler(int lines) {
    std::string md;
    for (int i = 0; i < lines; ++i) md += fmt::format("Baris pengisi nomor {}.\n\n", i);
    return md;
}

// The Probolinggo tables of issue 17: Sasaran 5 (one row) and Sasaran 4 (three rows), both set
// upright in small type when alone; and a table of ten years of 14-digit realisations, wider than
// any upright column at 7 pt.
const std::string kHeader =
    "| No | Indikator | Satuan | Kondisi Awal | Realisasi > 2017 | Realisasi > 2018 | Realisasi > 2019 | Realisasi > 2020 | "
    "Tahun 2021 > Target | Tahun 2021 > Realisasi | Tahun 2021 > Capaian (%) | Target Akhir Renstra 2021 |\n"
    "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
const std::string kSasaran5 =
    kHeader + "| 1 | Peningkatan Nilai Produksi Sektor Industri | Rupiah | - | - | - | - | 26.500.000.000 | 50.000.000.000 | "
              "27.002.393.414 | 54,00 | 50.000.000.000 |\n";
const std::string kSasaran4 =
    kHeader +
    "| 1 | Peningkatan Nilai Perdagangan | Rupiah | - | - | - | - | - | 51.000.000.000 | 3.537.597.309.237 | 6.936,47 | 51.000.000.000 |\n"
    "| 2 | Persentase Peningkatan Nilai Ekspor | % | - | - | - | - | 11,00 | - | - | - | - |\n"
    "| 3 | Nilai Ekspor Perdagangan Non Migas | Rupiah | - | - | - | - | 265.251.567.556 | 2.525.000.000.000 | "
    "3.540.448.465.876 | 140,22 | 2.525.000.000.000 |\n";

std::string decade_table() {
    std::string head = "| Indikator | Satuan |", rule = "|---|---|", row = "| Peningkatan Nilai Produksi | Rupiah |";
    for (int y = 2015; y < 2025; ++y) {
        head += fmt::format(" Realisasi {} |", y);
        rule += "---:|";
        row += " 50.000.000.000 |";
    }
    return head + "\n" + rule + "\n" + row + "\n" + row + "\n";
}

}  // namespace

TEST_CASE("paginate: a paragraph's own widow minimum counts the lines of its items") {
    using layout::FlowItem;
    // Ten entries of 10 on a page of 100, then two more: the last page would hold two lines.
    std::vector<FlowItem> items;
    for (int i = 0; i < 12; ++i) items.push_back(FlowItem{10, 0, false, false, 0, 1, 3});
    CHECK(layout::paginate(items, {100, 2, 2}) == std::vector<std::size_t>{0, 9});
    // An entry of two lines counts twice: one entry moves back, not two.
    items.back() = FlowItem{20, 0, false, false, 0, 2, 3};
    CHECK(layout::paginate(items, {100, 2, 2}) == std::vector<std::size_t>{0, 10});
    // Without the item's minimum, the paragraph's widows stay two.
    for (auto& i : items) i.widows = 0, i.lines = 1, i.height = 10;
    CHECK(layout::paginate(items, {100, 2, 2}) == std::vector<std::size_t>{0, 10});
}

TEST_CASE("layout pages: the last page of a Daftar Isi holds at least three lines") {
    // From a list that just fits its first page to one that spills a line or two over.
    for (int headings = 24; headings <= 34; ++headings) {
        std::string md = "<!-- lkjip:front-matter -->\n\n# DAFTAR ISI\n\n<!-- lkjip:toc -->\n\n<!-- lkjip:main-matter -->\n\n";
        for (int h = 1; h <= headings; ++h) md += fmt::format("## {}.1 Bagian nomor {}\n\nTeks bagian.\n\n", h, h);
        Diagnostics diags;
        const page::Document doc = set(md, diags);
        // The list's pages: from the title to the page before the first body heading.
        const std::size_t first = page_of(doc, "ISI"), body = page_of(doc, "1.1");
        REQUIRE(first != std::string::npos);
        REQUIRE(body != std::string::npos);
        INFO(headings << " headings");
        if (body - first > 1) CHECK(body_lines(doc.pages[body - 1]) >= 3);
    }
}

TEST_CASE("layout pages: a run-in heading and a lead-in never end a page, a program row keeps its first kegiatan") {
    for (int lines = 20; lines <= 34; ++lines) {
        INFO(lines << " lines before");
        std::string md = filler(lines) + "**a. Perbandingan target dan realisasi kinerja**\n\nKalimatpertama sesudah judul.\n\n";
        md += "Rincian capaian disajikan pada tabel berikut:\n\n| No | Uraian |\n|---:|---|\n| 1 | Barispertama |\n| 2 | Dua |\n";
        Diagnostics diags;
        const page::Document doc = set(md, diags);
        CHECK(page_of(doc, "a.") == page_of(doc, "Kalimatpertama"));
        CHECK(page_of(doc, "berikut:") == page_of(doc, "Barispertama"));
    }
    for (int lines = 5; lines <= 34; ++lines) {
        INFO(lines << " lines before");
        std::string md = filler(lines) + "| Kode | Uraian | Pagu |\n|---|---|---:|\n";
        for (int p = 1; p <= 4; ++p) {
            md += fmt::format("| **{}** | **Programke{}** | **100** |\n", p, p);
            for (int k = 1; k <= 3; ++k) md += fmt::format("| {}.{} | Kegiatanke{}x{} | 10 |\n", p, k, p, k);
        }
        md += "| **Jumlah** | | **400** |\n";
        Diagnostics diags;
        const page::Document doc = set(md, diags);
        for (int p = 1; p <= 4; ++p) CHECK(page_of(doc, fmt::format("Programke{}", p)) == page_of(doc, fmt::format("Kegiatanke{}x1", p)));
        // The total never goes over with fewer than two body rows.
        CHECK(page_of(doc, "Jumlah") == page_of(doc, "Kegiatanke4x2"));
    }
}

TEST_CASE("layout pages: a short wide table is set upright in small type rather than alone on a landscape page") {
    Diagnostics diags;
    const page::Document doc = set(filler(3) + "**Tabel 3.17** Sasaran 5\n\n" + kSasaran5 + "\n" + filler(3), diags);
    const std::size_t at = page_of(doc, "27.002.393.414");
    REQUIRE(at != std::string::npos);
    CHECK(doc.pages[at].width < doc.pages[at].height);
    for (const auto& r : doc.pages[at].text)
        if (r.text == "27.002.393.414") CHECK(r.size >= 7);
    CHECK(doc.pages.size() == 1);
    const page::Document three = set("### Sasaran 4\n\n**Tabel 3.15** Sasaran 4\n\n" + kSasaran4, diags);
    CHECK(three.pages.size() == 1);
    CHECK(three.pages[0].width < three.pages[0].height);
    // Ten years of 14-digit numbers do not fit upright even at 7 pt: the landscape page stays.
    const page::Document wide = set("**Tabel 1** Sepuluh tahun\n\n" + decade_table(), diags);
    const std::size_t w = page_of(wide, "50.000.000.000");
    REQUIRE(w != std::string::npos);
    CHECK(wide.pages[w].width > wide.pages[w].height);
}

TEST_CASE("layout pages: consecutive landscape tables share a page, and the text after them is upright") {
    Diagnostics diags;
    const std::string md = "Pembuka.\n\n**Tabel 1** Pertama\n\n" + decade_table() + "\n### Sasaran berikutnya\n\n**Tabel 2** Kedua\n\n" +
                           decade_table() + "\nPenutup sesudah tabel.\n";
    const page::Document doc = set(md, diags);
    std::vector<std::size_t> landscape;
    for (std::size_t i = 0; i < doc.pages.size(); ++i)
        if (doc.pages[i].width > doc.pages[i].height) landscape.push_back(i);
    CHECK(landscape.size() == 1);
    const std::size_t closing = page_of(doc, "Penutup");
    REQUIRE(closing != std::string::npos);
    CHECK(doc.pages[closing].width < doc.pages[closing].height);
}

TEST_CASE("layout pages: the signature under a landscape table goes on the table's page") {
    Diagnostics diags;
    const std::string md = "## Lampiran 1\n\n" + decade_table() +
                           "\n<!-- lkjip:signature -->\n\nKota Contoh, 26 Februari 2025\n\nKepala Dinas Contoh\n\n&nbsp;\n\n&nbsp;\n\n"
                           "**NAMA KEPALA**\n\nPembina Utama Muda\n\nNIP. 19661008 199201 1 010\n\n<!-- lkjip:end-signature -->\n\n"
                           "<!-- lkjip:page-break -->\n\n## Lampiran 2\n\nTeks.\n";
    const page::Document doc = set(md, diags);
    const std::size_t name = page_of(doc, "KEPALA"), table = page_of(doc, "50.000.000.000");
    REQUIRE(name != std::string::npos);
    CHECK(name == table);
    const std::size_t next = page_of(doc, "Teks.");
    REQUIRE(next != std::string::npos);
    CHECK(doc.pages[next].width < doc.pages[next].height);
}

TEST_CASE("layout pages: three signatures side by side in thirds, tops and names level") {
    const std::string md =
        "<!-- lkjip:signatures -->\n\nPIHAK KEDUA,\n\nWali Kota\n\n&nbsp;\n\n**Ahmad**\n\n<!-- lkjip:column -->\n\n"
        "Mengetahui,\n\nSekretaris Daerah Kota Contoh yang menjabat\n\n&nbsp;\n\n**Budi**\n\n<!-- lkjip:column -->\n\n"
        "PIHAK PERTAMA,\n\nKepala Dinas\n\n&nbsp;\n\n**Citra**\n\n<!-- lkjip:end-signatures -->\n";
    Diagnostics diags;
    const page::Document doc = set(md, diags);
    REQUIRE(doc.pages.size() == 1);
    const page::Page& p = doc.pages[0];
    const page::TextRun *a = nullptr, *b = nullptr, *c = nullptr, *top_a = nullptr, *top_b = nullptr;
    for (const auto& r : p.text) {
        if (r.text == "Ahmad") a = &r;
        if (r.text == "Budi") b = &r;
        if (r.text == "Citra") c = &r;
        if (r.text == "PIHAK" && !top_a) top_a = &r;
        if (r.text == "Mengetahui,") top_b = &r;
    }
    REQUIRE((a && b && c && top_a && top_b));
    CHECK(a->y == doctest::Approx(b->y));
    CHECK(b->y == doctest::Approx(c->y));
    CHECK(top_a->y == doctest::Approx(top_b->y));
    constexpr double mm = 72.0 / 25.4;
    const double third = (p.width - 55 * mm) / 3;
    CHECK(a->x < 30 * mm + third);
    CHECK(b->x > 30 * mm + third);
    CHECK(b->x < 30 * mm + 2 * third);
    CHECK(c->x > 30 * mm + 2 * third);
    // A fourth signature goes on a row of its own under the first, on the same grid.
    const std::string four = md.substr(0, md.find("<!-- lkjip:end-signatures -->")) +
                             "<!-- lkjip:column -->\n\nAnggota,\n\n&nbsp;\n\n**Dewi**\n\n<!-- lkjip:end-signatures -->\n";
    const page::Document doc4 = set(four, diags);
    const std::size_t at = page_of(doc4, "Dewi");
    REQUIRE(at != std::string::npos);
    for (const auto& r : doc4.pages[at].text)
        if (r.text == "Dewi") CHECK(r.x < 30 * mm + third);
}
