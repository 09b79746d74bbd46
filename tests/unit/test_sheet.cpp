// The sheet stage (issue 21): cell names, CSV as offices save it, XLSX packages built here with
// libzip (the writers' variations: prefixes, inline strings, no r attributes, dates, 1904) and
// with our own writer, and hostile packages.
#include <doctest/doctest.h>

#include <zip.h>

#include <fstream>
#include <iterator>
#include <map>

#include "fixture.hpp"
#include "sheet/sheet.hpp"

using namespace lkjip;
using namespace lkjip::sheet;

namespace {

std::string joined(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += format_diagnostic(d);
    return out;
}

// A zip of the given parts, in memory (stored or deflated by libzip as it chooses).
std::string zip_of(const std::map<std::string, std::string>& parts) {
    test::TempDir dir;
    const std::string path = dir.at("t.zip");
    int error = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(z != nullptr);
    for (const auto& [name, bytes] : parts) {
        zip_source_t* s = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
        REQUIRE(s != nullptr);
        REQUIRE(zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE) >= 0);
    }
    REQUIRE(zip_close(z) == 0);
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

const std::string kContentTypes =
    R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";
const std::string kRootRels =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>)"
    R"(</Relationships>)";

// A workbook of one sheet `Data` whose sheetData is `sheet_data`, with shared strings and the
// cell formats 0 (General) and 1 (a custom dd/mm/yyyy date).
std::string xlsx(const std::string& sheet_data, const std::string& workbook_pr = "", const std::string& extra = "") {
    return zip_of({
        {"[Content_Types].xml", kContentTypes},
        {"_rels/.rels", kRootRels},
        {"xl/workbook.xml",
         R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)" +
             workbook_pr + R"(<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
        {"xl/_rels/workbook.xml.rels",
         R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
         R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
         R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>)"
         R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
         R"(</Relationships>)"},
        {"xl/sharedStrings.xml",
         R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Kode</t></si>)"
         R"(<si><r><t>Ura</t></r><r><rPr><b/></rPr><t>ian</t></r><rPh><t>x</t></rPh></si>)"
         R"(<si><t xml:space="preserve"> </t></si><si><t>a_x000A_b_x005F_x</t></si></sst>)"},
        {"xl/styles.xml",
         R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>)"
         R"(<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>)"},
        {"xl/worksheets/sheet1.xml",
         R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" + sheet_data +
             R"(</sheetData>)" + extra + R"(</worksheet>)"},
    });
}

Workbook read_ok(const std::string& bytes, const std::string& name = "t.xlsx") {
    Diagnostics diags;
    auto book = read_workbook_bytes(bytes, name, diags);
    INFO(joined(diags));
    REQUIRE(book);
    REQUIRE(!diags.has_errors());
    return *book;
}

// The one error reading `bytes` gives.
std::string read_error(const std::string& bytes, const std::string& name = "t.xlsx", const ReadLimits& limits = {}) {
    Diagnostics diags;
    auto book = read_workbook_bytes(bytes, name, diags, limits);
    CHECK(!book);
    REQUIRE(diags.items().size() == 1);
    return joined(diags);
}

std::string text_at(const Sheet& sheet, int row, int column) {
    const Cell* cell = sheet.at(row, column);
    return cell == nullptr ? std::string("<none>") : cell->text;
}

}  // namespace

TEST_CASE("sheet cell names are Excel's A1 names, quoted sheet names as in formulas") {
    CHECK(column_name(0) == "A");
    CHECK(column_name(25) == "Z");
    CHECK(column_name(26) == "AA");
    CHECK(column_name(701) == "ZZ");
    CHECK(column_name(702) == "AAA");
    CHECK(column_name(16383) == "XFD");
    CHECK(cell_name(13, 2) == "C14");
    CHECK(cell_ref("Sheet1", 13, 2) == "Sheet1!C14");
    CHECK(cell_ref("Data 2024", 0, 0) == "'Data 2024'!A1");
    CHECK(cell_ref("2024", 0, 0) == "'2024'!A1");
    CHECK(cell_ref("Dinas's", 0, 0) == "'Dinas''s'!A1");
    CHECK(*cell_pos("a.xlsx", "Sheet1", 13, 2).file == "a.xlsx:Sheet1!C14");
}

TEST_CASE("sheet CSV: separators, quoting, encodings") {
    SUBCASE("semicolon, as an id-ID Excel saves, with a decimal comma inside a field") {
        const Workbook b = read_ok("Kode;Uraian;Pagu\r\n1.01;\"Program; A\";1.234.567,89\r\n", "anggaran-2024.csv");
        REQUIRE(b.sheets.size() == 1);
        CHECK(b.sheets[0].name == "anggaran-2024");
        CHECK(b.sheets[0].rows.size() == 2);
        CHECK(text_at(b.sheets[0], 1, 1) == "Program; A");
        CHECK(text_at(b.sheets[0], 1, 2) == "1.234.567,89");
        CHECK(b.sheets[0].at(1, 2)->kind == CellKind::text);
    }
    SUBCASE("comma with quoted fields holding commas, doubled quotes and line breaks") {
        const Workbook b = read_ok("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n", "x.csv");
        CHECK(text_at(b.sheets[0], 1, 0) == "x, y");
        CHECK(text_at(b.sheets[0], 1, 1) == "say \"hi\"");
        CHECK(text_at(b.sheets[0], 1, 2) == "two\nlines");
    }
    SUBCASE("tabs (Excel's Unicode Text is UTF-16 with tabs)") {
        const std::string utf16 = std::string("\xFF\xFE", 2) + std::string("a\0\t\0b\0\n\0", 8);
        const Workbook b = read_ok(utf16, "x.txt");
        CHECK(text_at(b.sheets[0], 0, 0) == "a");
        CHECK(text_at(b.sheets[0], 0, 1) == "b");
    }
    SUBCASE("UTF-8 with BOM, Windows-1252 without") {
        CHECK(text_at(read_ok("\xEF\xBB\xBFKode;Nama\n", "x.csv").sheets[0], 0, 0) == "Kode");
        // 0x96 is an en dash in Windows-1252, 0xE9 é.
        CHECK(text_at(read_ok("Rp\x96;caf\xE9\n", "x.csv").sheets[0], 0, 0) == "Rp\xE2\x80\x93");
        CHECK(text_at(read_ok("Rp\x96;caf\xE9\n", "x.csv").sheets[0], 0, 1) == "caf\xC3\xA9");
    }
    SUBCASE("trailing empty cells and rows are dropped, empty cells inside a row kept") {
        const Workbook b = read_ok("a;;c;;\n\n;;\n", "x.csv");
        CHECK(b.sheets[0].rows.size() == 1);
        CHECK(b.sheets[0].rows[0].size() == 3);
        CHECK(b.sheets[0].at(0, 1)->kind == CellKind::empty);
    }
    SUBCASE("an unclosed quote is an error at the quote") {
        const std::string e = read_error("a;b\nc;\"open\n", "x.csv");
        CHECK(e.find("x.csv:2:3: error: this quoted field has no closing quote") != std::string::npos);
    }
    SUBCASE("a binary file is neither") {
        CHECK(read_error(std::string("\x01\x02\0\0abc", 7), "x.csv").find("is neither a workbook nor a text file") !=
              std::string::npos);
    }
    SUBCASE("cells past the limit") {
        ReadLimits limits;
        limits.max_cells = 5;
        CHECK(read_error("a;b;c\nd;e;f\n", "x.csv", limits).find("has more than 5 cells") != std::string::npos);
    }
}

TEST_CASE("sheet XLSX: strings, numbers kept as their decimal text, dates, booleans") {
    const Workbook b = read_ok(xlsx(
        R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>Pagu</t></is></c></row>)"
        R"(<row r="3"><c r="A3" t="str"><f>A1</f><v>1.01</v></c><c r="B3" s="2"><v>1234567.89</v></c>)"
        R"(<c r="C3" s="1"><v>45657</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#DIV/0!</v></c></row>)"
        R"(<row r="4"><c t="s"><v>2</v></c><c t="s"><v>3</v></c><c s="1"><v>59</v></c><c s="1"><v>61</v></c><c s="1"/></row>)"));
    REQUIRE(b.sheets.size() == 1);
    const Sheet& s = b.sheets[0];
    CHECK(s.name == "Data");
    REQUIRE(s.rows.size() == 4);
    CHECK(text_at(s, 0, 0) == "Kode");
    CHECK(text_at(s, 0, 1) == "Uraian");  // rich text runs joined, the phonetic run left out
    CHECK(s.at(0, 2)->kind == CellKind::empty);
    CHECK(text_at(s, 0, 3) == "Pagu");
    CHECK(s.rows[1].empty());  // row 2 is not in the file
    CHECK(text_at(s, 2, 0) == "1.01");
    CHECK(s.at(2, 1)->kind == CellKind::number);
    CHECK(text_at(s, 2, 1) == "1234567.89");
    CHECK(s.at(2, 1)->date.empty());  // #,##0.00 is not a date
    CHECK(s.at(2, 2)->date == "2024-12-31");
    CHECK(text_at(s, 2, 2) == "45657");
    CHECK(s.at(2, 3)->kind == CellKind::boolean);
    CHECK(text_at(s, 2, 3) == "TRUE");
    CHECK(s.at(2, 4)->kind == CellKind::error);
    // Cells without r follow each other; the shared string " " keeps its space; _xHHHH_ decoded.
    CHECK(text_at(s, 3, 0) == " ");
    CHECK(text_at(s, 3, 1) == "a\nb_x");
    // Around the 1900 leap-year bug: serial 59 is 1900-02-28, 61 is 1900-03-01.
    CHECK(s.at(3, 2)->date == "1900-02-28");
    CHECK(s.at(3, 3)->date == "1900-03-01");
    CHECK(s.rows[3].size() == 4);  // the styled cell without a value is an empty trailing cell
}

TEST_CASE("sheet XLSX: the 1904 date system, prefixed elements, merged cells") {
    const Workbook b = read_ok(xlsx(R"(<row r="1"><c r="A1" s="1"><v>0</v></c></row>)", R"(<workbookPr date1904="1"/>)",
                                    R"(<mergeCells count="1"><mergeCell ref="A1:C2"/></mergeCells>)"));
    CHECK(b.sheets[0].at(0, 0)->date == "1904-01-01");
    REQUIRE(b.sheets[0].merged.size() == 1);
    CHECK(b.sheets[0].merged[0].last_row == 1);
    CHECK(b.sheets[0].merged[0].last_column == 2);

    const std::string prefixed = zip_of({
        {"[Content_Types].xml", kContentTypes},
        {"_rels/.rels", kRootRels},
        {"xl/workbook.xml",
         R"(<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Anggaran 2024" sheetId="1" rel:id="s1"/></x:sheets></x:workbook>)"},
        {"xl/_rels/workbook.xml.rels",
         R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="ws/a.xml"/></Relationships>)"},
        {"xl/ws/a.xml",
         R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>ok</x:t></x:is></x:c><x:c><x:v>-5</x:v></x:c></x:row></x:sheetData></x:worksheet>)"},
    });
    const Workbook p = read_ok(prefixed);
    CHECK(p.sheets[0].name == "Anggaran 2024");
    CHECK(text_at(p.sheets[0], 0, 0) == "ok");
    CHECK(text_at(p.sheets[0], 0, 1) == "-5");
}

TEST_CASE("sheet XLSX: hostile and foreign files are one error") {
    SUBCASE("a damaged zip") {
        std::string bytes = xlsx("");
        bytes.resize(bytes.size() / 2);
        CHECK(read_error(bytes).find("is a damaged workbook") != std::string::npos);
    }
    SUBCASE("an .xls") {
        CHECK(read_error(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(100, '\0'), "a.xls")
                  .find("Excel 97-2003 workbook (.xls)") != std::string::npos);
    }
    SUBCASE("an .ods") {
        const std::string ods = zip_of({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<x/>"}});
        CHECK(read_error(ods, "a.ods").find("OpenDocument spreadsheet (.ods)") != std::string::npos);
    }
    SUBCASE("a zip that is not a workbook") {
        CHECK(read_error(zip_of({{"a.txt", "x"}}), "a.zip").find("is a zip file but not an .xlsx workbook") !=
              std::string::npos);
    }
    SUBCASE("broken XML, positioned in its part") {
        const std::string e = read_error(xlsx(R"(<row><c><v>1</v></row>)"));
        CHECK(e.find("t.xlsx:xl/worksheets/sheet1.xml:1:") != std::string::npos);
    }
    SUBCASE("a shared string index outside the table") {
        CHECK(read_error(xlsx(R"(<row r="1"><c r="A1" t="s"><v>99</v></c></row>)")).find("cell `Data!A1` refers to shared string 99 of 4") !=
              std::string::npos);
    }
    SUBCASE("rows or cells out of order or outside Excel's grid") {
        CHECK(read_error(xlsx(R"(<row r="2"/><row r="1"/>)")).find("row number `1`") != std::string::npos);
        CHECK(read_error(xlsx(R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)")).find("cell `XFE1`") != std::string::npos);
        CHECK(read_error(xlsx(R"(<row r="1048577"/>)")).find("row number") != std::string::npos);
    }
    SUBCASE("a cell far away counts the cells before it") {
        ReadLimits limits;
        limits.max_cells = 1000;
        CHECK(read_error(xlsx(R"(<row r="1"><c r="XFD1"><v>1</v></c></row>)"), "t.xlsx", limits).find("has more than 1000 cells") !=
              std::string::npos);
        CHECK(read_error(xlsx(R"(<row r="1000000"/>)"), "t.xlsx", limits).find("has more than 1000 cells") !=
              std::string::npos);
    }
    SUBCASE("a part that inflates past the limit (a zip bomb)") {
        ReadLimits limits;
        limits.max_part_bytes = 4096;
        const std::string big = xlsx(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>)" + std::string(100000, 'a') + "</t></is></c></row>");
        CHECK(big.size() < 4096);  // deflated, it is small: only its unpacked size is over
        CHECK(read_error(big, "t.xlsx", limits).find("unpacks to more than") != std::string::npos);
    }
    SUBCASE("one shared string copied into many cells is bounded too") {
        ReadLimits limits;
        limits.max_unpacked_bytes = 1 << 16;
        std::string rows;
        for (int r = 1; r <= 4000; ++r) rows += "<row r=\"" + std::to_string(r) + "\"><c t=\"s\"><v>1</v></c></row>";
        // 4000 copies of "Uraian" (6 bytes) plus the parts is past 64 KiB.
        CHECK(read_error(xlsx(rows), "t.xlsx", limits).find("unpacks to more than") != std::string::npos);
    }
    SUBCASE("a file past the byte limit") {
        ReadLimits limits;
        limits.max_file_bytes = 10;
        CHECK(read_error("a;b;c;d;e;f\n", "x.csv", limits).find("is larger than 10 bytes") != std::string::npos);
    }
}

TEST_CASE("sheet workbook_bytes: written, read back, byte-identical for identical input") {
    OutSheet table;
    table.name = "Tabel 3.1: Capaian/IKU [2024]";
    table.title = "Tabel 3.1 Capaian Indikator Kinerja Utama";
    table.header_rows = 2;
    auto head = [](const std::string& t) { OutCell c; c.text = t; c.header = true; return c; };
    auto text = [](const std::string& t, bool bold = false) { OutCell c; c.text = t; c.bold = bold; return c; };
    auto number = [](const std::string& n, bool bold = false) { OutCell c; c.number = n; c.bold = bold; return c; };
    table.rows = {
        {head("No"), head("Indikator"), head("2024"), head("")},
        {head(""), head(""), head("Target"), head("Realisasi")},
        {text("1"), text("Persentase UMKM naik kelas"), number("13.72"), number("1234567.89")},
        {text("Jumlah", true), text(""), number("-5", true), number("100")},
    };
    table.merged = {{0, 0, 1, 0}, {0, 1, 1, 1}, {0, 2, 0, 3}};
    table.note = "Sumber: data diolah";
    OutSheet second = table;
    second.name = "tabel 3.1: capaian/iku [2024]";  // the same name without regard to case

    Diagnostics diags;
    const auto bytes = workbook_bytes({table, second}, diags);
    REQUIRE(bytes);
    const auto again = workbook_bytes({table, second}, diags);
    REQUIRE(again);
    CHECK(*bytes == *again);

    const Workbook b = read_ok(*bytes, "tables.xlsx");
    REQUIRE(b.sheets.size() == 2);
    CHECK(b.sheets[0].name == "Tabel 3.1 Capaian IKU 2024");
    CHECK(b.sheets[1].name.size() <= 31);
    CHECK(b.sheets[1].name != b.sheets[0].name);
    const Sheet& s = b.sheets[0];
    CHECK(text_at(s, 0, 0) == "Tabel 3.1 Capaian Indikator Kinerja Utama");
    CHECK(text_at(s, 2, 0) == "No");
    CHECK(text_at(s, 2, 2) == "2024");
    CHECK(text_at(s, 3, 3) == "Realisasi");
    CHECK(s.at(4, 2)->kind == CellKind::number);
    CHECK(text_at(s, 4, 2) == "13.72");
    CHECK(text_at(s, 4, 3) == "1234567.89");
    CHECK(text_at(s, 5, 2) == "-5");
    CHECK(text_at(s, 7, 0) == "Sumber: data diolah");
    // The title's merge, then the table's merges shifted below it.
    REQUIRE(s.merged.size() == 4);
}

TEST_CASE("sheet parse_id_number reads numbers as id-ID writes them, exactly") {
    auto decimal = [](std::string_view t) {
        const auto n = parse_id_number(t);
        return n ? n->decimal : std::string("<none>");
    };
    auto format = [](std::string_view t) {
        const auto n = parse_id_number(t);
        return n ? n->format : std::string("<none>");
    };
    CHECK(decimal("1.234.567,89") == "1234567.89");
    CHECK(format("1.234.567,89") == "#,##0.00");
    CHECK(decimal("2024") == "2024");
    CHECK(format("2024") == "0");
    CHECK(decimal("1.234") == "1234");  // id-ID: a dot before three digits groups thousands
    CHECK(decimal("13.72") == "13.72"); // not a group: another locale's decimal point
    CHECK(decimal("13,72%") == "0.1372");
    CHECK(format("13,72 %") == "0.00%");
    CHECK(decimal("100%") == "1");
    CHECK(decimal("5%") == "0.05");
    CHECK(decimal("Rp 1.234.567") == "1234567");
    CHECK(format("Rp. 1.234.567") == "\"Rp \"#,##0");
    CHECK(decimal("Rp5.000,-") == "5000");
    CHECK(decimal("(1.234)") == "-1234");
    CHECK(format("(1.234)") == "#,##0;(#,##0)");
    CHECK(decimal("-1.234,5") == "-1234.5");
    CHECK(decimal("\xE2\x88\x92" "7,25") == "-7.25");
    CHECK(decimal("Rp\xC2\xA0" "250.000") == "250000");
    CHECK(decimal("0,00") == "0");
    CHECK(decimal("-0") == "0");
    CHECK(decimal("007") == "7");
    for (const char* text : {"", "-", "n/a", "2024/2025", "1.23.4", "12.3456.789", "1,2,3", "(5", "Rp", "%", "1 234", "1e5", "TW I"})
        CHECK_MESSAGE(!parse_id_number(text), text);
}

TEST_CASE("sheet XLSX: a number as a writer printed it is the shortest decimal of its double") {
    const Workbook b = read_ok(xlsx(R"(<row r="1"><c><v>0.8100000000000001</v></c><c><v>1.5E-3</v></c>)"
                                    R"(<c><v>8191603594.5700001</v></c><c><v>1E+21</v></c><c><v> 42 </v></c></row>)"));
    CHECK(text_at(b.sheets[0], 0, 0) == "0.81");
    CHECK(text_at(b.sheets[0], 0, 1) == "0.0015");
    CHECK(text_at(b.sheets[0], 0, 2) == "8191603594.57");
    CHECK(text_at(b.sheets[0], 0, 3) == "1E+21");  // past 1e21 kept as written
    CHECK(text_at(b.sheets[0], 0, 4) == "42");
}
