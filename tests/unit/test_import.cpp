// The import stage (issue 21): small sheets made here, as the finance exports, personnel sheets
// and indicator lists lay them out, to the TOML parts of docs/import.md; every bad input one
// error at its cell. The e2e test (tests/e2e/import.sh) rebuilds the samples from imported parts.
#include <doctest/doctest.h>

#include <toml++/toml.h>

#include <fstream>

#include "fixture.hpp"
#include "import/grid.hpp"
#include "import/import.hpp"

using namespace lkjip;
using namespace lkjip::sheet;

namespace {

// Cells: "" empty, "#123" a number cell holding 123, anything else text.
std::vector<Cell> row(std::initializer_list<const char*> cells) {
    std::vector<Cell> out;
    for (const char* c : cells) {
        const std::string t = c;
        if (t.empty()) out.push_back(Cell{});
        else if (t[0] == '#') out.push_back(Cell{CellKind::number, t.substr(1), ""});
        else out.push_back(Cell{CellKind::text, t, ""});
    }
    return out;
}

Workbook book(std::vector<std::vector<Cell>> rows, std::vector<Range> merged = {}, const std::string& name = "Sheet1") {
    Workbook wb;
    wb.file = "t.xlsx";
    wb.sheets.push_back(Sheet{name, std::move(rows), std::move(merged)});
    return wb;
}

std::string joined(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += format_diagnostic(d);
    return out;
}

std::string imported(const Workbook& wb, Diagnostics& diags, std::optional<import::Layout> layout = std::nullopt) {
    import::Request request;
    request.layout = layout;
    const auto part = import::import_part(wb, request, diags);
    REQUIRE_MESSAGE(part.has_value(), joined(diags));
    // The part is TOML the data stage can read.
    CHECK_NOTHROW((void)toml::parse(*part));
    return *part;
}

std::string only_error(const Workbook& wb, std::optional<import::Layout> layout = std::nullopt) {
    Diagnostics diags;
    import::Request request;
    request.layout = layout;
    CHECK_FALSE(import::import_part(wb, request, diags).has_value());
    CHECK(diags.error_count() == 1);
    return joined(diags);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("import helpers: header text, TOML values") {
    CHECK(import::detail::normalise("  Anggaran Setelah-Perubahan (Rp) ") == "anggaran setelah perubahan rp");
    CHECK(import::detail::normalise("Realisasi (%)") == "realisasi %");
    CHECK(import::detail::has_word("anggaran setelah perubahan", "perubahan"));
    CHECK_FALSE(import::detail::has_word("anggaran perubahanx", "perubahan"));
    CHECK(import::detail::toml_money(1'934'151'000'000) == "19_341_510_000");
    CHECK(import::detail::toml_money(123'456) == "\"1234.56\"");
    CHECK(import::detail::toml_money(-100'000) == "-1_000");
    CHECK(import::detail::toml_string("a \"b\" \\ c\n") == "\"a \\\"b\\\" \\\\ c\\n\"");
}

TEST_CASE("import anggaran: a finance export with a two-row merged header, a title and a numbering row") {
    // SIPD's layout (docs/import.md): Kode | Uraian | Anggaran over Sebelum/Setelah | Realisasi over Rp/%.
    const Workbook wb = book({row({"LAPORAN REALISASI ANGGARAN 2024"}),
                              row({}),
                              row({"Kode Rekening", "Uraian", "Anggaran", "", "Realisasi", ""}),
                              row({"", "", "Sebelum Perubahan", "Setelah Perubahan", "Rp", "%"}),
                              row({"#1", "#2", "#3", "#4", "#5", "#6"}),
                              row({"2.17", "Urusan Koperasi", "", "#300", "#250", "83,33"}),
                              row({"2.17.03", "Program Pengawasan", "", "#300", "#260", ""}),
                              row({"2.17.03.2.01", "Kegiatan Pemeriksaan", "", "#300", "#250", ""}),
                              row({"2.17.03.2.01.0001", "Sub Kegiatan A", "#100", "#120", "Rp 100", ""}),
                              row({"2.17.03.2.01.0002", "Sub  Kegiatan  B", "#200", "#180", "(1.234,50)", ""}),
                              row({"", "JUMLAH", "", "#300", "#250", ""})},
                             {{0, 0, 0, 5}, {2, 0, 3, 0}, {2, 1, 3, 1}, {2, 2, 2, 3}, {2, 4, 2, 5}});
    Diagnostics diags;
    const std::string part = imported(wb, diags);
    CHECK(has(part, "[[urusan]]\nkode = \"2.17\"\nnama = \"Urusan Koperasi\"\npagu_tertulis = 300\nrealisasi_tertulis = 250\n"));
    CHECK(has(part, "[[program]]\nkode = \"2.17.03\"\nnama = \"Pengawasan\"\npagu_tertulis = 300\nrealisasi_tertulis = 260\n"));
    CHECK(has(part, "[[program.kegiatan]]\nkode = \"2.17.03.2.01\"\nnama = \"Pemeriksaan\"\n"));
    CHECK(has(part, "kode = \"2.17.03.2.01.0001\"\nnama = \"A\"\npagu = 100\npagu_perubahan = 120\nrealisasi = 100\n"));
    CHECK(has(part, "nama = \"B\"\npagu = 200\npagu_perubahan = 180\nrealisasi = \"-1234.50\"\n"));
    CHECK(has(part, "[anggaran]\npagu_tertulis = 300\nrealisasi_tertulis = 250\n"));
    CHECK(has(part, "# Sheet1!A9\n"));
    // The realisasi adds up to 100 - 1234,50: every stated realisasi is off, each at its cell, in check's words.
    const std::string w = joined(diags);
    CHECK(has(w, "t.xlsx:Sheet1!E7: warning: program 2.17.03 states a realisasi of Rp 260, but its parts add up to -Rp 1.134,50"));
    CHECK(has(w, "t.xlsx:Sheet1!E11: warning: the agency states a total realisasi of Rp 250"));
    CHECK(has(w, "t.xlsx:Sheet1!E6: warning: urusan 2.17 states a realisasi of"));
    CHECK_FALSE(has(w, "a pagu of"));  // 120 + 180 = 300 everywhere
}

TEST_CASE("import anggaran: sub kegiatan rows only imply their kegiatan and program") {
    const Workbook wb = book({row({"Kode", "Nama Sub Kegiatan", "Pagu", "Realisasi"}),
                              row({"3.30.01.2.01.0001", "Penyusunan Dokumen", "1.500.000", "1.250.000,75"}),
                              row({"3.30.01.2.02.0003", "Penyediaan Gaji", "#2000000", "#1999999.5"})});
    Diagnostics diags;
    const std::string part = imported(wb, diags);
    CHECK(has(part, "[[program]]\nkode = \"3.30.01\"\n\n[[program.kegiatan]]\nkode = \"3.30.01.2.01\"\n\n# Sheet1!A2\n[[program.kegiatan.sub]]\n"));
    CHECK(has(part, "pagu = 1_500_000\nrealisasi = \"1250000.75\"\n"));
    CHECK(has(part, "kode = \"3.30.01.2.02\"\n"));
    CHECK(has(part, "pagu = 2_000_000\nrealisasi = \"1999999.50\"\n"));
    CHECK(diags.warning_count() == 0);
    // An English-locale export groups thousands with commas; as id-ID that would be three decimals of sen.
    Diagnostics english;
    const std::string part2 = imported(book({row({"Kode", "Uraian", "Pagu", "Realisasi"}),
                                             row({"2.17.03.2.01.0001", "S", "1,234,567.89", "1,234"})}),
                                       english);
    CHECK(has(part2, "pagu = \"1234567.89\"\nrealisasi = 1_234\n"));
}

TEST_CASE("import anggaran: a kegiatan carrying the pagu penetapan of its sub kegiatan") {
    // The Pekalongan LKjIP 2024: the penetapan per kegiatan only, the sub kegiatan with their pagu after the change.
    const Workbook wb = book({row({"Kode", "Uraian", "Sebelum Perubahan", "Setelah Perubahan", "Realisasi"}),
                              row({"3.30.01", "Penunjang", "", "#90", "#80"}),
                              row({"3.30.01.2.01", "Perencanaan", "#100", "#90", "#80"}),
                              row({"3.30.01.2.01.0001", "Renstra", "", "#40", "#35"}),
                              row({"3.30.01.2.01.0002", "Renja", "", "#50", "#45"})});
    Diagnostics diags;
    const std::string part = imported(wb, diags);
    CHECK(has(part, "kode = \"3.30.01.2.01\"\nnama = \"Perencanaan\"\npagu = 100\npagu_tertulis = 90\nrealisasi_tertulis = 80\n"));
    CHECK(has(part, "nama = \"Renstra\"\npagu_perubahan = 40\nrealisasi = 35\n"));
    CHECK(diags.warning_count() == 0);
}

TEST_CASE("import anggaran: each bad input is one error at its cell, nothing imported") {
    const auto head = row({"Kode", "Uraian", "Pagu", "Realisasi"});
    CHECK(has(only_error(book({head, row({"2.17.03.2.01.0001", "A", "#5", "lima"})})),
              "t.xlsx:Sheet1!D2: error: `lima` in the realisasi column is not an amount of money: it is not a number"));
    CHECK(has(only_error(book({head, row({"2.17.03.2.01.0001", "A", "12,5%", "#1"})})), "Sheet1!C2: error: `12,5%` in the pagu column"));
    CHECK(has(only_error(book({head, row({"2.17.03.2.01.0001", "A", "#5.125", "#1"})})), "more than two decimals"));
    CHECK(has(only_error(book({head, row({"#3.3", "Urusan", "", ""}), row({"3.30.01.2.01.0001", "A", "#5", "#5"})})),
              "Sheet1!A2: error: `3.3` does not have the shape of a Permendagri 90/2019 code"));
    CHECK(has(only_error(book({head, row({"2.17.03.2.01", "K", "", ""}), row({"2.17.05.2.01.0001", "S", "#5", "#5"})})),
              "Sheet1!A3: error: sub kegiatan 2.17.05.2.01.0001 is listed under kegiatan 2.17.03.2.01 (Sheet1!A2), not under its kegiatan 2.17.05.2.01"));
    CHECK(has(only_error(book({head, row({"2.17.03.2.01.0001", "S", "#5", "#5"}), row({"2.17.03.2.01.0001", "S", "#5", "#5"})})),
              "Sheet1!A3: error: the code 2.17.03.2.01.0001 is listed twice; it is first at Sheet1!A2"));
    CHECK(has(only_error(book({head, row({"", "Subtotal", "#5", "#5"})})), "Sheet1!A2: error: a row with amounts but no code"));
    CHECK(has(only_error(book({row({"Nomor", "Barang", "Harga"}), row({"1", "Meja", "#500"})})),
              "t.xlsx:Sheet1!A1: error: sheet `Sheet1` has the header of no layout"));
    CHECK(has(only_error(book({row({"Kode", "Uraian", "Pagu", "Pagu Murni"}), row({"2.17.03.2.01.0001", "S", "#5", "#5"})})),
              "two columns of sheet `Sheet1` read as the pagu: C and D"));
}

TEST_CASE("import pegawai: groups over L and P, the Jumlah row, the source line") {
    const Workbook wb = book({row({"Jumlah Pegawai Berdasarkan Golongan"}),
                              row({"No", "Unit Kerja", "Gol I", "", "Gol II", "", "Jumlah"}),
                              row({"", "", "L", "P", "L", "P", ""}),
                              row({"#1", "Sekretariat", "#1", "", "#2", "#3", "#6"}),
                              row({"#2", "Bidang Koperasi", "-", "#1", "#0", "#1", "#2"}),
                              row({"", "Jumlah", "", "", "", "", "#9"}),
                              row({}),
                              row({"Sumber: DUK 2024"})},
                             {}, "Golongan");
    Diagnostics diags;
    const std::string part = imported(wb, diags);
    CHECK(has(part, "judul = \"Golongan\"\nkelompok = [\"Gol I\", \"Gol II\"]\nsumber = \"DUK 2024\"\ntotal_tertulis = 9\n"));
    CHECK(has(part, "{ unit = \"Sekretariat\", l = [1, 2], p = [0, 3] },\n"));
    CHECK(has(part, "{ unit = \"Bidang Koperasi\", l = [0, 0], p = [1, 1] },\n"));
    CHECK(has(joined(diags), "t.xlsx:Golongan!G6: warning: staff table 'Golongan' states a total of 9, but its rows add up to 8"));
    CHECK(has(only_error(book({row({"Unit Kerja", "SD", "SMP"}), row({"Sekretariat", "#1", "dua"})}), import::Layout::pegawai),
              "Sheet1!C2: error: `dua` is not a number of staff"));
}

TEST_CASE("import indikator: a column per year, or Tahun and Realisasi") {
    Diagnostics diags;
    const std::string wide = imported(book({row({"Id", "Indikator", "Realisasi 2023", "2024"}),
                                            row({"IKU-1", "Indeks", "#80.5", "85,6%"}),
                                            row({"IKU-2", "Laju", "-", "-3,50"})}),
                                      diags);
    CHECK(has(wide, "id = \"IKU-1\"\nrealisasi = { 2023 = 80.5, 2024 = 85.6 }\n"));
    CHECK(has(wide, "id = \"IKU-2\"\nrealisasi = { 2024 = -3.5 }\n"));
    const std::string tall = imported(book({row({"Kode Indikator", "Tahun", "Realisasi"}), row({"IS-1", "#2024", "#98.53"}),
                                            row({"IS-1", "#2023", "#97"})}),
                                      diags);
    CHECK(has(tall, "id = \"IS-1\"\nrealisasi = { 2023 = 97, 2024 = 98.53 }\n"));
    CHECK(has(only_error(book({row({"Id", "Tahun", "Realisasi"}), row({"IS-1", "#2024", "#1"}), row({"IS-1", "#2024", "#2"})})),
              "Sheet1!C3: error: indikator `IS-1` has a second realisasi for 2024; the first is Sheet1!C2"));
}

TEST_CASE("import: the mapping file") {
    test::TempDir dir;
    const auto write = [&](const char* text) {
        std::ofstream(dir.at("map.toml")) << text;
        return dir.at("map.toml");
    };
    Diagnostics diags;
    const auto map = import::read_column_map(write("jenis = \"anggaran\"\nbaris_judul = 2\n[kolom]\nkode = \"B\"\npagu = \"Anggaran Murni\"\n"), diags);
    REQUIRE_MESSAGE(map.has_value(), joined(diags));
    CHECK(map->baris_judul == 2);
    REQUIRE(map->kolom.size() == 2);
    CHECK(map->kolom[0].letters == "B");
    CHECK(map->kolom[1].header == "Anggaran Murni");
    import::Request request;
    request.map = map;
    const Workbook wb = book({row({"Laporan"}), row({"No", "Kd", "Nama", "Anggaran Murni", "Realisasi"}),
                              row({"#1", "2.17.03.2.01.0001", "Sub A", "#10", "#9"})});
    const auto part = import::import_part(wb, request, diags);
    REQUIRE_MESSAGE(part.has_value(), joined(diags));
    CHECK(has(*part, "kode = \"2.17.03.2.01.0001\"\nnama = \"Sub A\"\npagu = 10\nrealisasi = 9\n"));

    Diagnostics bad;
    CHECK_FALSE(import::read_column_map(write("jenis = \"anggaran\"\n[kolom]\nkodee = \"A\"\n"), bad).has_value());
    CHECK(has(joined(bad), "map.toml:3:9: error: `kodee` is not a column a mapping names here"));
    Diagnostics bad2;
    CHECK_FALSE(import::read_column_map(write("lembar = 3\n"), bad2).has_value());
    CHECK(has(joined(bad2), "map.toml:1:10: error: `lembar` must be a string"));
}
