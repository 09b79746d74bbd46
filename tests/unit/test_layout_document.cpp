// The typesetter on whole documents: small Markdown files in tests/layout/ set into the page model,
// checked for the properties a reader sees (chapters on new pages, page labels, the Daftar Isi's
// numbers, repeated table headers, landscape for wide tables, nothing outside the page) and
// compared with golden traces (one line per drawing operation). Regenerate after a deliberate
// layout change, then review the diff:
//   LKJIP_UPDATE_GOLDEN=1 ./build-test/tests/lkjip_tests -tc='layout document*'
#include <fmt/format.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "common/utf8.hpp"
#include "layout/fonts.hpp"
#include "layout/layout.hpp"
#include "markdown/markdown.hpp"
#include "pdf/pdf.hpp"

using namespace lkjip;
namespace fs = std::filesystem;

namespace {

fs::path layout_dir() { return fs::path(LKJIP_SOURCE_DIR) / "tests" / "layout"; }

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

page::Document set(const std::string& markdown, Diagnostics& diags, const std::string& name = "test.md") {
    layout::LayoutSettings settings;
    settings.source_name = name;
    settings.base_dir = layout_dir().string();
    settings.running_header = "LKjIP Dinas Contoh Tahun 2024";
    const md::Document doc = md::parse(markdown, name, diags);
    auto out = layout::typeset(doc, settings, diags);
    REQUIRE(out);
    return std::move(*out);
}

page::Document set_file(const std::string& file) {
    Diagnostics diags;
    auto doc = set(read(layout_dir() / file), diags, file);
    for (const auto& d : diags.items()) INFO(format_diagnostic(d));
    CHECK(!diags.has_errors());
    return doc;
}

// All text of a page, runs joined by spaces.
std::string page_text(const page::Page& p) {
    std::string out;
    for (const auto& r : p.text) out += r.text + " ";
    return out;
}

bool has(const page::Page& p, const std::string& s) { return page_text(p).find(s) != std::string::npos; }

}  // namespace

TEST_CASE("layout document: golden traces") {
    const bool update = std::getenv("LKJIP_UPDATE_GOLDEN") != nullptr;
    for (const auto& e : fs::directory_iterator(layout_dir())) {
        if (e.path().extension() != ".md") continue;
        const std::string trace = pdf::trace(set_file(e.path().filename().string()));
        const fs::path golden = fs::path(LKJIP_SOURCE_DIR) / "tests" / "golden" / "layout" / (e.path().stem().string() + ".trace");
        const std::string expected = read(golden);
        // Regenerating writes the new file and still fails where it changed, so a run with
        // LKJIP_UPDATE_GOLDEN left set (in CI's environment, say) can never pass on a difference.
        if (update && expected != trace) std::ofstream(golden, std::ios::binary) << trace;
        INFO(golden.string() << (update ? " was regenerated: review the change and run again"
                                        : " differs; review and regenerate with LKJIP_UPDATE_GOLDEN=1"));
        CHECK(expected == trace);
    }
}

TEST_CASE("layout document: identical input gives an identical page model") {
    CHECK(pdf::trace(set_file("toc.md")) == pdf::trace(set_file("toc.md")));
}

TEST_CASE("layout document: cover unnumbered, front matter roman, body arabic, chapters on new pages") {
    const page::Document doc = set_file("toc.md");
    REQUIRE(doc.pages.size() >= 6);
    CHECK(doc.pages[0].label.empty());
    CHECK(has(doc.pages[0], "LAPORAN KINERJA"));
    CHECK(doc.pages[1].label == "i");
    CHECK(has(doc.pages[1], "KATA PENGANTAR"));
    // The signature block is whole on one page.
    CHECK(has(doc.pages[1], "Kepala Dinas Contoh"));
    CHECK(has(doc.pages[1], "NIP. 19661008 199201 1 010"));
    std::size_t bab1 = 0, bab2 = 0;
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        if (has(doc.pages[i], "PENDAHULUAN") && has(doc.pages[i], "Latar")) bab1 = i;
        if (has(doc.pages[i], "PERENCANAAN KINERJA") && has(doc.pages[i], "Rencana")) bab2 = i;
    }
    CHECK(doc.pages[bab1].label == "1");
    CHECK(doc.pages[bab1 + 1].label == "2");  // the explicit page break
    CHECK(bab2 == bab1 + 2);                    // BAB II on a new page
    REQUIRE(doc.labels.size() == 3);
    CHECK(doc.labels[1].style == page::PageLabelRange::Style::roman_lower);
    CHECK(doc.labels[2].first_page == bab1);
    CHECK(doc.labels[2].style == page::PageLabelRange::Style::arabic);
    CHECK(doc.labels[2].start == 1);
}

TEST_CASE("layout document: the Daftar Isi and Daftar Tabel give the pages their entries are on, with links") {
    const page::Document doc = set_file("toc.md");
    // The Daftar Isi page: each entry's page label is the run at the right end of its line.
    std::map<std::string, std::string> expected = {{"1.1 Latar Belakang", "1"}, {"1.2 Gambaran Umum", "2"},
                                                   {"2.1 Rencana Strategis", "3"}, {"Tabel 1.1 Pegawai", "2"}};
    std::size_t checked = 0;
    for (const auto& p : doc.pages) {
        // Lines: runs that share a baseline, in x order; the entry's number is the last run.
        std::map<double, std::vector<const page::TextRun*>> lines;
        for (const auto& r : p.text) lines[r.y].push_back(&r);
        for (auto& [y, runs] : lines) {
            std::sort(runs.begin(), runs.end(), [](auto* a, auto* b) { return a->x < b->x; });
            std::string text;
            for (const auto* r : runs) text += (text.empty() ? "" : " ") + r->text;
            for (const auto& [title, number] : expected) {
                if (text.rfind(title + " .", 0) != 0) continue;
                CHECK_MESSAGE(runs.back()->text == number, title);
                ++checked;
            }
        }
    }
    CHECK(checked == expected.size());
    std::size_t links = 0;
    for (const auto& p : doc.pages) links += p.links.size();
    CHECK(links >= 6);  // KATA PENGANTAR … BAB II, 2.1, and the table
    // The outline follows the headings.
    REQUIRE(doc.outline.size() >= 6);
    CHECK(doc.outline.front().title == "KATA PENGANTAR");
    CHECK(doc.outline.front().page == 1);
}

TEST_CASE("layout document: a long table continues with its header on every page, its note stays with it") {
    const page::Document doc = set_file("table.md");
    REQUIRE(doc.pages.size() >= 2);
    int pages_with_rows = 0;
    for (const auto& p : doc.pages) {
        if (!has(p, "Penyediaan")) continue;
        ++pages_with_rows;
        CHECK(has(p, "Uraian"));
        CHECK(has(p, "Anggaran"));
    }
    CHECK(pages_with_rows >= 2);
    const auto& last = doc.pages.back();
    CHECK(has(last, "Jumlah"));
    CHECK(has(last, "Sumber:"));
    // Every row is drawn once, in order.
    std::string all;
    for (const auto& p : doc.pages) all += page_text(p);
    std::size_t at = 0;
    for (int i = 1; i <= 60; ++i) {
        const auto found = all.find("nomor " + std::to_string(i) + " ", at);
        REQUIRE_MESSAGE(found != std::string::npos, "row " << i);
        at = found;
    }
}

TEST_CASE("layout document: a table too wide for portrait goes on a landscape page") {
    const page::Document doc = set_file("wide.md");
    bool landscape_table = false, portrait_text = false;
    for (const auto& p : doc.pages) {
        if (has(p, "Realisasi") && p.width > p.height) landscape_table = true;
        if (has(p, "sesudah") && p.width < p.height) portrait_text = true;
    }
    CHECK(landscape_table);
    CHECK(portrait_text);
}

TEST_CASE("layout document: an organisation chart too wide for portrait goes on a landscape page") {
    // tests/layout/chart.md: four bidang of three seksi each need stacking in 7 pt type on a
    // portrait page; on a landscape page they stand in whole words at a larger size.
    const page::Document doc = set_file("chart.md");
    bool landscape_org = false, portrait_after = false, small_chart_portrait = false;
    for (const auto& p : doc.pages) {
        if (has(p, "Gambar 1.6") && has(p, "Seksi Kerja Sama") && p.width > p.height) landscape_org = true;
        if (has(p, "cannot draw") && p.width < p.height) portrait_after = true;
        if (has(p, "Gambar 1.1") && p.width < p.height) small_chart_portrait = true;
    }
    CHECK(landscape_org);
    CHECK(portrait_after);        // the next text is portrait again
    CHECK(small_chart_portrait);  // an org chart that fits stays on its portrait page
}

TEST_CASE("layout document: nothing is drawn outside the page, body text stays in the text column") {
    std::string error;
    const layout::FontBook* book = layout::font_book(false, error);
    REQUIRE(book);
    for (const char* file : {"blocks.md", "table.md", "toc.md", "wide.md"}) {
        const page::Document doc = set_file(file);
        for (std::size_t i = 0; i < doc.pages.size(); ++i) {
            const auto& p = doc.pages[i];
            for (const auto& r : p.text) {
                const double w = book->metrics[r.font].width(r.text, r.size);
                INFO(file << " page " << i + 1 << ": " << r.text);
                CHECK(r.x >= 30);
                CHECK(r.x + w <= p.width - 30);
                CHECK(r.y >= 30);
                CHECK(r.y <= p.height - 30);
            }
        }
    }
}

TEST_CASE("layout document: every word of the input is set") {
    const page::Document doc = set_file("blocks.md");
    std::string all;
    for (const auto& p : doc.pages) all += page_text(p);
    // Words of the paragraph (hyphenated words are checked by their first syllables).
    for (const char* word : {"Akuntabilitas", "perwujudan", "periodik.", "capaian", "kinerja", "▲", "▼", "≥", "≤", "➤",
                             "Nepotisme;", "pelaporan.", "Kutipan", "kode", "berakhir"}) {
        CHECK_MESSAGE(all.find(word) != std::string::npos, word);
    }
    // The 200-character string is broken into pieces that each fit the column, nothing lost.
    std::string joined, expected;
    for (const auto& p : doc.pages)
        for (const auto& r : p.text) joined += r.text;
    for (int i = 0; i < 10; ++i) expected += "ABCDEFGHIJ0123456789";
    CHECK(joined.find("panjang:" + expected + "berakhir") != std::string::npos);
}

TEST_CASE("layout document: a missing image is an error at its line, a damaged one too") {
    Diagnostics diags;
    set("# BAB I A\n\nTeks.\n\n![logo](tidak-ada.png)\n", diags, "bab.md");
    REQUIRE(diags.has_errors());
    CHECK(diags.items().back().pos.str() == "bab.md:5:1");
    CHECK(diags.items().back().message.find("cannot read image") != std::string::npos);
    Diagnostics d2;
    set("![x](blocks.md)\n", d2, "bab.md");
    REQUIRE(d2.has_errors());
    CHECK(d2.items().back().message.find("is not a PNG or JPEG image") != std::string::npos);
}

TEST_CASE("layout document: a wide table is set upright in smaller type before it goes landscape") {
    // Sample Probolinggo, Tabel 3.13: at 10 pt "Satuan" and "Rupiah" would be cut into syllables;
    // at 8 or 9 pt the words fit whole, and a one-row table no longer takes a landscape page of
    // its own (issue 17).
    const std::string md =
        "**Tabel 3.13** Pengukuran Capaian Kinerja Sasaran 5\n\n"
        "| No | Indikator | Satuan | Kondisi Awal | Realisasi > 2017 | Realisasi > 2018 | Realisasi > 2019 | Realisasi > 2020 | "
        "Tahun 2021 > Target | Tahun 2021 > Realisasi | Tahun 2021 > Capaian (%) | Target Akhir Renstra 2021 |\n"
        "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        "| 1 | Peningkatan Nilai Produksi Sektor Industri | Rupiah | - | - | - | - | - | 50.000.000.000 | 27.002.393.414 | 54,00 | "
        "50.000.000.000 |\n";
    Diagnostics diags;
    const page::Document doc = set(md, diags);
    bool found = false;
    for (const auto& p : doc.pages) {
        for (const auto& r : p.text) {
            if (r.text != "Rupiah") continue;
            found = true;
            CHECK(p.width < p.height);
            CHECK(r.size < 10);
            CHECK(r.size >= 8);
        }
    }
    CHECK(found);
    CHECK(diags.warning_count() == 0);
}

TEST_CASE("layout document: a table whose whole words do not fit side by side even at 8 pt goes landscape") {
    std::string head = "| Indikator | Satuan |", rule = "|---|---|", row = "| Peningkatan Nilai Produksi | Rupiah |";
    for (int y = 2015; y < 2025; ++y) {
        head += fmt::format(" Realisasi {} |", y);
        rule += "---:|";
        row += " 50.000.000.000 |";
    }
    Diagnostics diags;
    const page::Document doc = set(head + "\n" + rule + "\n" + row + "\n", diags);
    bool found = false;
    for (const auto& p : doc.pages) {
        for (const auto& r : p.text) {
            if (r.text != "50.000.000.000") continue;
            found = true;
            CHECK(p.width > p.height);
        }
    }
    CHECK(found);
}

TEST_CASE("layout document: invalid UTF-8 is set as U+FFFD, never as broken text (fuzz_layout regression)") {
    // Found by fuzz_layout: bytes of a cut multi-byte sequence inside a table cell made the
    // paragraph setter read past the end of the word.
    const std::string md = "| No | Uraian |\n|---:|---|\n| 4 | noM\x93\x90\x8d\xdf\xcb\xdf\x83[49 |\n\nteks \xe2\x82 akhir\n";
    Diagnostics diags;
    const page::Document doc = set(md, diags);
    std::size_t replaced = 0;
    for (const auto& p : doc.pages) {
        for (const auto& r : p.text) {
            const std::u32string cps = utf8::decode(r.text);
            for (char32_t c : cps) replaced += c == 0xFFFD;
        }
    }
    CHECK(replaced >= 2);
    std::string bytes;
    CHECK(pdf::write_pdf(doc, bytes).ok);
}

TEST_CASE("layout document: a short table is never split across pages") {
    // Lines of text fill the page to every depth; a four-row table that would break after its
    // second row (as the sample Pekalongan's Tabel 3.2 did) moves whole to the next page.
    for (int lines = 20; lines <= 30; ++lines) {
        std::string md;
        for (int i = 0; i < lines; ++i) md += "Baris teks nomor " + std::to_string(i) + ".\n\n";
        md += "**Tabel 1.1** Empat baris\n\n| No | Uraian |\n|---:|---|\n";
        for (int i = 1; i <= 4; ++i) md += "| " + std::to_string(i) + " | Baris tabel " + std::to_string(i) + " |\n";
        Diagnostics diags;
        const page::Document doc = set(md, diags);
        std::vector<std::size_t> pages_of_rows;
        for (std::size_t i = 0; i < doc.pages.size(); ++i)
            for (const auto& r : doc.pages[i].text)
                if (r.text == "tabel") pages_of_rows.push_back(i);
        INFO(lines << " lines before the table");
        REQUIRE(pages_of_rows.size() == 4);
        CHECK(pages_of_rows.front() == pages_of_rows.back());
    }
}

TEST_CASE("layout document: more pages than the limit is an error, not a document") {
    layout::LayoutSettings settings;
    settings.source_name = "panjang.md";
    settings.max_pages = 2;
    Diagnostics diags;
    const md::Document doc = md::parse("# BAB I A\n\nteks\n\n# BAB II B\n\nteks\n\n# BAB III C\n\nteks\n", "panjang.md", diags);
    CHECK_FALSE(layout::typeset(doc, settings, diags));
    REQUIRE(diags.has_errors());
    CHECK(diags.items().back().message == "the document runs to 3 pages; lkjip sets at most 2");
}

TEST_CASE("layout document: a table row taller than a page is drawn and said") {
    std::string cell;
    for (int i = 0; i < 120; ++i) cell += "baris " + std::to_string(i) + "<br>";
    Diagnostics diags;
    const page::Document doc = set("| No | Uraian |\n|---:|---|\n| 1 | " + cell + " |\n", diags);
    CHECK(doc.pages.size() >= 1);
    CHECK(diags.warning_count() == 1);
    CHECK(diags.items().back().message == "a table row is taller than a page and runs past the bottom margin");
    CHECK(diags.items().back().pos.str() == "test.md:1:1");
}

#include <png.h>

namespace {

// A grey PNG of w × h pixels, written with libpng's simplified API.
void write_png(const fs::path& file, unsigned w, unsigned h) {
    png_image img{};
    img.version = PNG_IMAGE_VERSION;
    img.width = w;
    img.height = h;
    img.format = PNG_FORMAT_GRAY;
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h, 128);
    REQUIRE(png_image_write_to_file(&img, file.c_str(), 0, pixels.data(), 0, nullptr));
}

}  // namespace

TEST_CASE("layout document: captioned photos in a row are set two to a row, each under its caption") {
    const fs::path dir = fs::temp_directory_path() / "lkjip-test-photos";
    fs::create_directories(dir);
    write_png(dir / "a.png", 800, 600);
    write_png(dir / "b.png", 600, 800);
    write_png(dir / "c.png", 400, 300);
    const std::string md = "**Dokumentasi kegiatan**\n\n**Gambar 3.1** Rapat koordinasi penyusunan laporan kinerja dan perjanjian kinerja "
                           "seluruh bidang\n\n![Rapat](a.png)\n\n"
                           "**Gambar 3.2** Pelatihan UMKM\n\n![Pelatihan](b.png)\n\n**Gambar 3.3** Pasar murah\n\n![Pasar](c.png)\n";
    layout::LayoutSettings settings;
    settings.source_name = "foto.md";
    settings.base_dir = dir.string();
    Diagnostics diags;
    const auto doc = layout::typeset(md::parse(md, "foto.md", diags), settings, diags);
    REQUIRE(doc);
    CHECK_FALSE(diags.has_errors());
    std::vector<page::Image> images;
    for (const auto& p : doc->pages) images.insert(images.end(), p.images.begin(), p.images.end());
    REQUIRE(images.size() == 3);
    const double measure = (210 - 30 - 25) * 72 / 25.4;
    // a and b side by side (tops level, though the captions differ in length), c below; each
    // within its half of the column.
    CHECK(images[0].y + images[0].h == doctest::Approx(images[1].y + images[1].h));
    CHECK(images[1].x > images[0].x + images[0].w);
    CHECK(images[2].y + images[2].h < images[0].y);
    for (const auto& im : images) CHECK(im.w <= (measure - 12) / 2 + 0.01);
    // The captions are figures: listed once each in the outline-free lists (anchors), drawn above.
    int captions = 0;
    for (const auto& p : doc->pages)
        for (const auto& r : p.text) captions += r.text == "Gambar";
    CHECK(captions == 3);
    fs::remove_all(dir);
}

TEST_CASE("layout document: two signatures side by side, the names on one baseline (issue 13)") {
    const page::Document doc = set_file("signatures.md");
    REQUIRE(doc.pages.size() == 1);
    const page::Page& p = doc.pages[0];
    const page::TextRun *kedua = nullptr, *pertama = nullptr, *left_name = nullptr, *right_name = nullptr;
    for (const auto& r : p.text) {
        if (r.text == "KEDUA,") kedua = &r;
        if (r.text == "PERTAMA,") pertama = &r;
        if (r.text == "H.") left_name = &r;
        if (r.text == "Drs.") right_name = &r;
    }
    REQUIRE(kedua);
    REQUIRE(pertama);
    REQUIRE(left_name);
    REQUIRE(right_name);
    // The right jabatan takes two lines, the left one; the names still sit level, and so do the
    // PIHAK lines under the right column's place and date.
    CHECK(left_name->y == doctest::Approx(right_name->y));
    CHECK(kedua->y == doctest::Approx(pertama->y));
    CHECK(left_name->x < p.width / 2);
    CHECK(right_name->x > p.width / 2);
}

TEST_CASE("layout document: a kop surat has its logo left, its lines beside it, two rules under both") {
    const page::Document doc = set_file("kop.md");
    REQUIRE(!doc.pages.empty());
    const page::Page& p = doc.pages[0];
    REQUIRE(p.images.size() == 1);
    const auto& logo = p.images.front();
    const page::TextRun* pemerintah = nullptr;
    for (const auto& r : p.text)
        if (r.text == "PEMERINTAH" && !pemerintah) pemerintah = &r;
    REQUIRE(pemerintah);
    CHECK(pemerintah->x > logo.x + logo.w);
    int under = 0;
    for (const auto& rule : p.rules)
        if (rule.y1 < logo.y && rule.y1 == rule.y2) ++under;
    CHECK(under >= 2);
}
