// The Word writer (issue 20): its parts on small made-up inputs, and the small Markdown files of
// tests/layout/ written as .docx, their document.xml compared with golden files (one element per
// line). Regenerate after a deliberate change, then review the diff:
//   LKJIP_UPDATE_GOLDEN=1 ./build/tests/lkjip_tests -tc='docx*'
#include <doctest/doctest.h>

#include <filesystem>
#include <limits>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>

#include <zip.h>

#include "docx/docx.hpp"
#include "fixture.hpp"
#include "docx/internal.hpp"
#include "layout/layout.hpp"
#include "markdown/markdown.hpp"
#include "sheet/sheet.hpp"

using namespace lkjip;
namespace fs = std::filesystem;

namespace {

fs::path layout_dir() { return fs::path(LKJIP_SOURCE_DIR) / "tests" / "layout"; }

// A file of tests/layout/ or of the golden folder.
std::string read(const fs::path& p) { return test::source_file(fs::relative(p, LKJIP_SOURCE_DIR).string()); }

struct Written {
    std::string bytes;
    page::Document laid;
    Diagnostics diags;
};

Written write(const std::string& markdown, const std::string& name = "test.md") {
    Written w;
    layout::LayoutSettings settings;
    settings.source_name = name;
    settings.base_dir = layout_dir().string();
    settings.running_header = "LKjIP Dinas Contoh Tahun 2024";
    settings.info.year = 2025;
    settings.info.month = 2;
    settings.info.day = 26;
    const md::Document doc = md::parse(markdown, name, w.diags);
    auto laid = layout::typeset(doc, settings, w.diags);
    REQUIRE(laid);
    w.laid = *laid;
    docx::Settings s;
    s.source_name = name;
    s.base_dir = settings.base_dir;
    s.running_header = settings.running_header;
    s.info = settings.info;
    auto bytes = docx::write_docx(doc, w.laid, s, w.diags);
    if (bytes) w.bytes = std::move(*bytes);
    return w;
}

// The entries of a zip in their order, with their contents.
std::vector<std::pair<std::string, std::string>> unzip(const std::string& bytes) {
    std::vector<std::pair<std::string, std::string>> out;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    REQUIRE(src);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    REQUIRE(z);
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
        zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
        std::string data(static_cast<std::size_t>(st.size), '\0');
        CHECK(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
        zip_fclose(f);
        out.emplace_back(st.name, std::move(data));
    }
    zip_discard(z);
    zip_error_fini(&error);
    return out;
}

std::string part(const std::string& bytes, const std::string& name) {
    for (auto& [n, data] : unzip(bytes))
        if (n == name) return data;
    return "";
}

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

// One paragraph, table, row or section per line, for a golden file a reviewer can diff.
std::string lines_of(std::string xml) {
    static const std::regex starts("(<w:p>|<w:p/>|<w:tbl>|<w:tr>|<w:sectPr>)");
    return std::regex_replace(xml, starts, "\n$1") + "\n";
}

}  // namespace

TEST_CASE("docx: XML text escapes markup and drops what XML 1.0 cannot hold") {
    CHECK(docx::xml_escape("a < b & \"c\" > d") == "a &lt; b &amp; &quot;c&quot; &gt; d");
    CHECK(docx::xml_escape(std::string("x\x01y\x1Fz\tw\n", 9)) == "xyz\tw\n");
    CHECK(docx::xml_escape("Rp 1.234,56 \xE2\x80\x94 ≤ 50") == "Rp 1.234,56 \xE2\x80\x94 ≤ 50");
}

TEST_CASE("docx: units") {
    CHECK(docx::twips(12) == 240);
    CHECK(docx::half_points(10.5) == 21);
    CHECK(docx::emu(72) == 914400);
    CHECK(docx::mm_to_points(25.4) == doctest::Approx(72));
}

TEST_CASE("docx: the package keeps its parts' order, dates them from the document, and is deterministic") {
    std::vector<docx::Part> parts = {{"[Content_Types].xml", "", "<Types/>"}, {"word/document.xml", "x", std::string(5000, 'a')},
                                     {"word/media/image1.png", "", "\x89PNG"}};
    page::DocumentInfo date;
    date.year = 2025, date.month = 2, date.day = 26;
    std::string error;
    const auto a = docx::zip_package(parts, date, error);
    const auto b = docx::zip_package(parts, date, error);
    REQUIRE(a);
    CHECK(*a == *b);
    const auto entries = unzip(*a);
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].first == "[Content_Types].xml");
    CHECK(entries[1].second == std::string(5000, 'a'));
    CHECK(a->size() < 2000);  // the XML deflated
    // Another date, other bytes: the date comes from the document, not the clock.
    date.year = 2024;
    CHECK(*docx::zip_package(parts, date, error) != *a);
    const std::string types = docx::content_types_xml(parts);
    CHECK(types.find("<Override PartName=\"/word/document.xml\" ContentType=\"x\"/>") != std::string::npos);
    CHECK(types.find("PartName=\"/word/media") == std::string::npos);  // a Default covers it
}

TEST_CASE("docx: golden document.xml of the layout fixtures") {
    const bool update = std::getenv("LKJIP_UPDATE_GOLDEN") != nullptr;
    for (const char* name : {"toc.md", "table.md", "table_spans.md", "signatures.md", "cover.md", "kop.md", "wide.md", "blocks.md"}) {
        Written w = write(read(layout_dir() / name), name);
        for (const auto& d : w.diags.items()) INFO(format_diagnostic(d));
        REQUIRE(!w.bytes.empty());
        const std::string xml = lines_of(part(w.bytes, "word/document.xml"));
        const fs::path golden = fs::path(LKJIP_SOURCE_DIR) / "tests" / "golden" / "docx" / (fs::path(name).stem().string() + ".document.xml");
        const std::string expected = read(golden);
        if (update && expected != xml) {
            fs::create_directories(golden.parent_path());
            std::ofstream(golden, std::ios::binary) << xml;
        }
        INFO(golden.string() << (update ? " was regenerated: review the change and run again"
                                        : " differs; review and regenerate with LKJIP_UPDATE_GOLDEN=1"));
        CHECK(expected == xml);
    }
}

TEST_CASE("docx: identical input gives an identical package") {
    const std::string md = read(layout_dir() / "chart.md");
    CHECK(write(md, "chart.md").bytes == write(md, "chart.md").bytes);
}

TEST_CASE("docx: the lists of contents are TOC fields filled with the layout's entries and page numbers") {
    Written w = write(read(layout_dir() / "toc.md"), "toc.md");
    const std::string xml = part(w.bytes, "word/document.xml");
    CHECK(xml.find("TOC \\o &quot;1-3&quot; \\h \\z \\u") != std::string::npos);
    std::size_t headings = 0;
    for (const auto& e : w.laid.contents) {
        if (e.kind != page::ContentsEntry::Kind::heading) continue;
        ++headings;
        // The entry's title, then its page number as the PAGEREF's cached result.
        CHECK_MESSAGE(xml.find(docx::xml_escape(e.title)) != std::string::npos, e.title);
    }
    CHECK(headings > 3);
    CHECK(count(xml, "<w:pStyle w:val=\"TOC") == headings);
    CHECK(count(xml, "PAGEREF _Toc") == w.laid.contents.size());  // the Daftar Tabel's entries too
    // Every entry's bookmark is at its heading.
    for (std::size_t i = 1; i <= headings; ++i) CHECK(xml.find("w:name=\"_Toc" + std::to_string(i) + "\"") != std::string::npos);
    // Sections: the cover unnumbered, the front matter from i, the body from 1.
    CHECK(xml.find("w:fmt=\"lowerRoman\" w:start=\"1\"") != std::string::npos);
    CHECK(xml.find("w:fmt=\"decimal\" w:start=\"1\"") != std::string::npos);
    CHECK(xml.find("r:id=\"rId8\"") != std::string::npos);  // the cover's empty footer
    CHECK(part(w.bytes, "word/footer1.xml").find("PAGE") != std::string::npos);
    CHECK(part(w.bytes, "word/header1.xml").find("LKjIP Dinas Contoh Tahun 2024") != std::string::npos);
}

TEST_CASE("docx: tables merge their multi-level headers and row spans, repeat their header, align numbers") {
    Written w = write(read(layout_dir() / "table_spans.md"), "table_spans.md");
    const std::string xml = part(w.bytes, "word/document.xml");
    CHECK(xml.find("<w:tblHeader/>") != std::string::npos);
    CHECK(xml.find("<w:vMerge w:val=\"restart\"/>") != std::string::npos);
    CHECK(xml.find("<w:vMerge/>") != std::string::npos);
    CHECK(xml.find("<w:jc w:val=\"right\"/>") != std::string::npos);
    CHECK(xml.find("<w:cantSplit/>") != std::string::npos);
    // The column solver's widths: the grid is the layout's, in twips.
    REQUIRE(!w.laid.tables.empty());
    CHECK(xml.find("<w:gridCol w:w=\"" + std::to_string(docx::twips(w.laid.tables.front().widths.front())) + "\"/>") != std::string::npos);
}

TEST_CASE("docx: a table too wide for portrait is in a landscape section") {
    Written w = write(read(layout_dir() / "wide.md"), "wide.md");
    const std::string xml = part(w.bytes, "word/document.xml");
    CHECK(xml.find("w:orient=\"landscape\"") != std::string::npos);
    CHECK(xml.find("<w:gridSpan w:val=\"2\"/>") != std::string::npos);  // "2021 > Target" under "2021"
    // The text after it goes back upright: the last section is portrait.
    const auto last = xml.rfind("<w:sectPr>");
    CHECK(xml.find("w:orient", last) == std::string::npos);
}

TEST_CASE("docx: bars and lines are native charts with their workbook, org, bands and panels vector pictures") {
    Written w = write(read(layout_dir() / "chart.md"), "chart.md");
    std::size_t charts = 0, pictures = 0, vectors = 0, workbooks = 0;
    for (const auto& [name, data] : unzip(w.bytes)) {
        if (std::regex_match(name, std::regex("word/charts/chart[0-9]+\\.xml"))) {
            ++charts;
            CHECK(data.find("<c:externalData r:id=\"rId1\">") != std::string::npos);
            CHECK(data.find("<c:numCache>") != std::string::npos);
        }
        if (name.starts_with("word/media/") && name.ends_with(".png")) {
            ++pictures;
            CHECK(data.starts_with("\x89PNG"));
        }
        if (name.starts_with("word/media/") && name.ends_with(".svg")) {
            ++vectors;
            CHECK(data.find("<svg xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos);
            CHECK(data.find("<text ") != std::string::npos);  // the labels stay text
            CHECK(data.ends_with("</svg>"));
        }
        if (name.starts_with("word/embeddings/")) {
            ++workbooks;
            Diagnostics diags;
            const auto book = sheet::read_workbook_bytes(data, name, diags);
            REQUIRE(book);
            REQUIRE(!book->sheets.empty());
            CHECK(book->sheets.front().name == "Sheet1");
        }
    }
    std::size_t native = 0, drawn = 0;
    for (const auto& f : w.laid.figures) (docx::native_chart(f) ? native : drawn)++;
    CHECK(native == 3);  // bar, hbar, line
    CHECK(charts == native);
    CHECK(workbooks == native);
    CHECK(pictures == drawn);  // the two org charts, the banded hbar, the panels
    CHECK(vectors == drawn);   // each also as SVG, the PNG its fallback
    CHECK(part(w.bytes, "word/document.xml").find("<asvg:svgBlip") != std::string::npos);
    CHECK(drawn == 4);
}

TEST_CASE("docx: a chart's part caches every value and names its series") {
    page::Figure f;
    f.type = "line";
    f.categories = {"2021", "2022", "2023"};
    f.series = {"Target", "Realisasi"};
    f.values = {{1.5, 2.5, 3.5}, {1.25, std::nullopt, 4}};
    CHECK(docx::native_chart(f));
    const std::string xml = docx::chart_xml(f);
    CHECK(xml.find("<c:lineChart>") != std::string::npos);
    CHECK(xml.find("<c:v>Realisasi</c:v>") != std::string::npos);
    CHECK(xml.find("<c:pt idx=\"1\"><c:v>2.5</c:v></c:pt>") != std::string::npos);
    CHECK(xml.find("<c:pt idx=\"0\"><c:v>1.25</c:v></c:pt>") != std::string::npos);
    // 2.5, and 2022 in each series' categories; no point for the missing value.
    CHECK(count(xml, "<c:pt idx=\"1\"><c:v>") == 3);
    CHECK(xml.find("<c:dispBlanksAs val=\"gap\"/>") != std::string::npos);
    f.type = "bar";
    f.scale_each = true;
    CHECK(!docx::native_chart(f));
    // A number past double's range (hundreds of digits in a cell) cannot be cached: a picture.
    f.scale_each = false;
    CHECK(docx::native_chart(f));
    f.values[0][0] = std::numeric_limits<double>::infinity();
    CHECK(!docx::native_chart(f));
}

TEST_CASE("docx: captions carry SEQ fields with the report's numbers") {
    Written w = write("# BAB III AKUNTABILITAS\n\n**Tabel 3.1** Satu\n\n| A | B |\n|---|---:|\n| x | 1 |\n\n**Tabel 3.2** Dua\n\n| A | B |\n|---|---:|\n| y | 2 |\n\n"
                      "**Tabel 3.5** Lima\n\n| A | B |\n|---|---:|\n| z | 5 |\n");
    const std::string xml = part(w.bytes, "word/document.xml");
    CHECK(xml.find("SEQ Tabel \\* ARABIC \\r 1 \\s 1") != std::string::npos);
    CHECK(xml.find("SEQ Tabel \\* ARABIC \\s 1") != std::string::npos);
    CHECK(xml.find("SEQ Tabel \\* ARABIC \\r 5") != std::string::npos);  // not the count Word would reach
    CHECK(xml.find(">Tabel 3.</w:t>") != std::string::npos);
}

TEST_CASE("docx: a table or figure named in the text is a cross-reference to its caption") {
    Written w = write("# BAB II PERENCANAAN\n\nTargetnya disajikan pada Tabel 2.1. Tabel 2.10 dan Tabel 9.9 tidak ada; subTabel 2.1 bukan.\n\n"
                      "**Tabel 2.1** Target\n\n| A | B |\n|---|---:|\n| x | 1 |\n");
    const std::string xml = part(w.bytes, "word/document.xml");
    CHECK(count(xml, "REF _Ref1 \\h") == 1);  // only the whole "Tabel 2.1" names the caption
    CHECK(xml.find("<w:t xml:space=\"preserve\">Tabel 2.1</w:t>") != std::string::npos);  // the shown result
    // The bookmark holds the caption's label and number, the words a REF shows.
    const auto mark = xml.find("w:name=\"_Ref1\"/>");
    REQUIRE(mark != std::string::npos);
    CHECK(xml.find("SEQ Tabel", mark) < xml.find("<w:bookmarkEnd", mark));
    CHECK(xml.find(" Target</w:t>", mark) > xml.find("<w:bookmarkEnd", mark));
}

TEST_CASE("docx: an image that cannot be embedded is an error at its line, and nothing is made") {
    Diagnostics diags;
    const md::Document doc = md::parse("# A\n\nTeks.\n\n![logo](tidak-ada.png)\n", "x.md", diags);
    docx::Settings s;
    s.source_name = "x.md";
    s.base_dir = layout_dir().string();
    const auto bytes = docx::write_docx(doc, page::Document{}, s, diags);
    CHECK(!bytes);
    REQUIRE(diags.has_errors());
    CHECK(format_diagnostic(diags.items().back()).find("x.md:5:") != std::string::npos);
}
