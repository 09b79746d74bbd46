// [[tabel_rujukan]] (issue 15; seed 000's registers and reference lists): cells as written, total
// rows computed and checked against what a source printed, printed where `letak` says, bounded.
#include <algorithm>

#include <doctest/doctest.h>

#include "fixture.hpp"

using namespace lkjip;

namespace {

const char* const kStok = R"TOML(
[[tabel_rujukan]]
judul = "Stok Bulan Desember"
letak = "S1"
uraian = "Stok akhir tahun adalah sebagai berikut."
sumber = "Bidang Perdagangan"
kolom = [{ judul = "Distributor" }, { judul = "Satuan" }, { judul = "Stok Awal", angka = true }, { judul = "Stok Akhir", angka = true }]

[[tabel_rujukan.kelompok]]
judul = "Beras"
jumlah = "Total Beras"
jumlah_tertulis = [594, 581]
baris = [["PD. A | B", "Ton", 145, 135], ["PT. C", "Ton", 449, "-"]]

[[tabel_rujukan.kelompok]]
jumlah = "Total Gula"
jumlah_tertulis = [2128, 9]
baris = [["D", "Ton", 76.25, 9], ["E", "Ton", 2052, 0]]

[[tabel_rujukan]]
judul = "Daftar Koperasi"
letak = "lampiran"
nomor = false
kolom = [{ judul = "IDKOP" }, { judul = "Koperasi" }]
baris = [["6171010011004", "Koperasi Karlina\nPontianak"]]
)TOML";

std::string with(const std::string& extra) { return test::minimal_toml() + extra; }

std::string document(const std::string& text) {
    Diagnostics diags;
    auto model = load_agency_year_text(text, "x.toml", diags);
    REQUIRE(model);
    auto md = report::render_markdown(*model, {std::nullopt, {}, report::DocumentKind::lkjip}, diags);
    REQUIRE(md);
    return *md;
}

}  // namespace

TEST_CASE("tabel rujukan: cells as written, group totals computed, printed in the sasaran and the lampiran") {
    const std::string md = document(with(kStok));
    INFO(md);
    CHECK(md.find("Stok akhir tahun adalah sebagai berikut.") != std::string::npos);
    CHECK(md.find("Stok Bulan Desember") != std::string::npos);
    CHECK(md.find("| No | Distributor | Satuan | Stok Awal | Stok Akhir |\n|---:|---|---|---:|---:|\n") != std::string::npos);
    CHECK(md.find("| | **Beras** | | | |\n") != std::string::npos);
    CHECK(md.find("| 1 | PD. A \\| B | Ton | 145 | 135 |\n") != std::string::npos);
    CHECK(md.find("| 2 | PT. C | Ton | 449 | - |\n") != std::string::npos);
    CHECK(md.find("| | **Total Beras** |  | **594** | **135** |\n") != std::string::npos);
    // Numbered across the groups; the column prints the decimals its cells have.
    CHECK(md.find("| 3 | D | Ton | 76,25 | 9 |\n") != std::string::npos);
    CHECK(md.find("| | **Total Gula** |  | **2.128,25** | **9** |\n") != std::string::npos);
    CHECK(md.find("Sumber: Bidang Perdagangan") != std::string::npos);
    // After the analysis of S1 (BAB III), before BAB IV.
    CHECK(md.find("Stok Bulan Desember") > md.find("#### Sasaran 1"));
    CHECK(md.find("Stok Bulan Desember") < md.find("# BAB IV"));
    // The lampiran: a Lampiran of its own, no No column, a line break kept in its cell.
    CHECK(md.find("## Lampiran 3. Daftar Koperasi") != std::string::npos);
    CHECK(md.find("| IDKOP | Koperasi |\n|---|---|\n| 6171010011004 | Koperasi Karlina<br>Pontianak |\n") != std::string::npos);
}

TEST_CASE("tabel rujukan: a stated total is compared at the decimals it is written with") {
    const std::string msg = test::load_messages(with(kStok), true);
    // 594 and 2.128 (for 2.128,25) agree; 581 does not (the rows give 135): one warning, at the value.
    CHECK(msg.find("warning: table 'Stok Bulan Desember': the row 'Total Beras' states 581 for 'Stok Akhir', but its "
                   "rows add up to 135") != std::string::npos);
    CHECK(msg.find("Total Gula") == std::string::npos);
    const std::string text = with(kStok);
    const auto at = text.find("581]");
    const auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
    const auto col = at - text.rfind('\n', at);
    CHECK(msg.find("x.toml:" + std::to_string(line) + ":" + std::to_string(col) + ": warning") != std::string::npos);
}

TEST_CASE("tabel rujukan: wrong shapes are errors at the value") {
    auto msg = [](const std::string& body) { return test::load_messages(with("[[tabel_rujukan]]\njudul = \"T\"\n" + body)); };
    const std::string k = "kolom = [{ judul = \"A\" }, { judul = \"N\", angka = true }]\n";
    const std::string letak = msg("letak = \"S9\"\n" + k + "baris = []\n");
    CHECK(letak.find("x.toml:") == 0);
    CHECK(letak.find(":9: error: `letak` of [[tabel_rujukan]] 'T' is 'S9', which is neither a sasaran id nor \"lampiran\"") !=
          std::string::npos);
    CHECK(letak.find("hint: one of: lampiran, S1") != std::string::npos);
    CHECK(msg("letak = \"S1\"\n" + k + "baris = [[\"a\"]]\n").find("has 1 cells, but the table has 2 columns") != std::string::npos);
    CHECK(msg("letak = \"S1\"\n" + k + "baris = [[\"a\", \"12\"]]\n").find("column 'N' of [[tabel_rujukan]] 'T' must be a number, not a string") !=
          std::string::npos);
    CHECK(msg("letak = \"S1\"\n" + k + "baris = [[5, 12]]\n").find("column 'A' of [[tabel_rujukan]] 'T' holds text, not an integer") !=
          std::string::npos);
    CHECK(msg("letak = \"S1\"\n" + k + "baris = [[\"a\", 1e13]]\n").find("is not a number below") != std::string::npos);
    CHECK(msg("letak = \"S1\"\n" + k + "baris = [[\"a\", 1]]\njumlah_tertulis = [1]\n").find("has `jumlah_tertulis` but no `jumlah`") !=
          std::string::npos);
    CHECK(msg("letak = \"S1\"\n" + k + "baris = [[\"a\", 1]]\njumlah = \"J\"\njumlah_tertulis = [1, 2]\n")
              .find("must be an array of 1 numbers") != std::string::npos);
    CHECK(msg("letak = \"S1\"\nkolom = [{ judul = \"A\" }]\nbaris = [[\"a\"]]\njumlah = \"J\"\n").find("no `angka` column to sum") !=
          std::string::npos);
    CHECK(msg("letak = \"S1\"\n" + k + "baris = [[\"a\", 1]]\n[[tabel_rujukan.kelompok]]\nbaris = []\n").find("both `baris` and `kelompok`") !=
          std::string::npos);
    CHECK(msg("letak = \"S1\"\nkolom = [{ judul = \"A\", desimal = 2 }]\nbaris = []\n").find("has `desimal` but not `angka = true`") !=
          std::string::npos);
    CHECK(msg("letak = \"S1\"\n" + k + "baris = [[\"a\", 1]]\nbaris_ = 1\n").find("unknown key") != std::string::npos);
}

TEST_CASE("tabel rujukan: rows, columns and tables are bounded") {
    std::string kolom = "kolom = [";
    for (int i = 0; i < 13; ++i) kolom += "{ judul = \"K\" },";
    kolom += "]\n";
    const std::string wide = test::load_messages(with("[[tabel_rujukan]]\njudul = \"T\"\nletak = \"S1\"\n" + kolom + "baris = []\n"));
    CHECK(wide.find("error: [[tabel_rujukan]] 'T' has more than 12 columns") != std::string::npos);
    CHECK(wide.find("x.toml:") == 0);

    std::string rows = "[[tabel_rujukan]]\njudul = \"T\"\nletak = \"S1\"\nkolom = [{ judul = \"A\" }]\nbaris = [\n";
    for (int i = 0; i < 1001; ++i) rows += "[\"a\"],\n";
    rows += "]\n";
    const std::string many = test::load_messages(with(rows));
    CHECK(many.find("error: [[tabel_rujukan]] 'T' has more than 1000 rows") != std::string::npos);
    // At the 1001st row, on its own line of the file.
    const auto base = std::count(test::minimal_toml().begin(), test::minimal_toml().end(), '\n');
    CHECK(many.find("x.toml:" + std::to_string(base + 1006) + ":1: error") == 0);

    std::string tables;
    for (int i = 0; i < 33; ++i) tables += "[[tabel_rujukan]]\njudul = \"T\"\nletak = \"S1\"\nkolom = [{ judul = \"A\" }]\nbaris = []\n";
    CHECK(test::load_messages(with(tables)).find("more than 32 [[tabel_rujukan]]") != std::string::npos);
}
