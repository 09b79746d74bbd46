// Issue 15, seed 000: the revenue beside the belanja by jenis in BAB I (Tabel 1.9: Jumlah
// Pendapatan, Surplus / (Defisit)) with the sources of the funds, and the earlier years of a
// sasaran's indicators, the years before the Renstra included (Tabel III.3: 2017-2020).
#include <doctest/doctest.h>

#include "fixture.hpp"

using namespace lkjip;

namespace {

const char* const kKeuangan = R"TOML(
[anggaran]
sumber_dana = ["APBD Kota Contoh", "Dana Alokasi Khusus (DAK)"]
pendapatan = [
  { uraian = "Retribusi pasar", target = 300_000, realisasi = 250_000 },
  { uraian = "Sewa", target = 100_000, realisasi = 150_000 },
]

[[anggaran.belanja]]
uraian = "Belanja Operasi"
pagu = 1_000_000
realisasi = 900_000
)TOML";

std::string with(const std::string& extra) { return test::minimal_toml() + extra; }

}  // namespace

TEST_CASE("pendapatan beside the belanja by jenis: sums and the surplus computed, sources named, not again in BAB III") {
    const std::string bab1 = test::chapter_markdown(with(kKeuangan), 1);
    INFO(bab1);
    CHECK(bab1.find("tahun 2024 berasal dari APBD Kota Contoh dan Dana Alokasi Khusus (DAK), dengan rincian menurut "
                    "jenis belanja sebagai berikut.") != std::string::npos);
    CHECK(bab1.find("Anggaran dan Realisasi Pendapatan Tahun 2024") != std::string::npos);
    CHECK(bab1.find("| 2 | Sewa | 100.000 | 150.000 | 150,00 |\n") != std::string::npos);
    CHECK(bab1.find("| | **Jumlah Pendapatan** | **400.000** | **400.000** | **100,00** |\n") != std::string::npos);
    // 400.000 - 1.000.000 and 400.000 - 900.000.
    CHECK(bab1.find("| | **Surplus / (Defisit)** | **-600.000** | **-500.000** | **83,33** |\n") != std::string::npos);
    const std::string bab3 = test::chapter_markdown(with(kKeuangan), 3);
    CHECK(bab3.find("Target dan Realisasi Pendapatan") == std::string::npos);
    // Without the belanja by jenis the revenue stays in BAB III, and BAB I names no source.
    const std::string only = with("\n[anggaran]\npendapatan = [{ uraian = \"Sewa\", target = 100, realisasi = 150 }]\n");
    CHECK(test::chapter_markdown(only, 3).find("Target dan Realisasi Pendapatan Tahun 2024") != std::string::npos);
    CHECK(test::chapter_markdown(only, 1).find("Jumlah Pendapatan") == std::string::npos);
}

TEST_CASE("sasaran table: every earlier year with a realisasi, before the Renstra too, at most five years before it") {
    // IKU-1 holds 2019 and 2020 (before the Renstra 2021-2026) and 2023: columns 2019-2023.
    const std::string text =
        test::replaced(with(""), "realisasi = { 2023 = 85.45, 2024 = 85.75 }",
                       "realisasi = { 2019 = 80.1, 2020 = 81.2, 2023 = 85.45, 2024 = 85.75 }");
    const std::string md = test::chapter_markdown(text, 3);
    INFO(md);
    CHECK(md.find("| Kondisi Awal | Realisasi > 2019 | Realisasi > 2020 | Realisasi > 2021 | Realisasi > 2022 | "
                  "Realisasi > 2023 | Tahun 2024 > Target |") != std::string::npos);
    CHECK(md.find("| Nilai SAKIP OPD | Indeks | - | 80,10 | 81,20 | - | - | 85,45 | 85,60 |") != std::string::npos);
    CHECK(md.find("| Nilai ekspor | juta USD | - | - | - | - | - | - | 26,97 |") != std::string::npos);
    // 2010 lies more than five years before 2021: the columns start at 2016.
    const std::string old = test::replaced(with(""), "realisasi = { 2023 = 85.45, 2024 = 85.75 }",
                                           "realisasi = { 2010 = 70, 2023 = 85.45, 2024 = 85.75 }");
    const std::string md_old = test::chapter_markdown(old, 3);
    CHECK(md_old.find("| Realisasi > 2016 |") != std::string::npos);
    CHECK(md_old.find("2015") == std::string::npos);
}
