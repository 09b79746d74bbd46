// compute_report on a whole (small) agency-year, and the lints of `lkjip check`.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "compute/compute.hpp"
#include "compute/idformat.hpp"
#include "data/data.hpp"
#include "fixture.hpp"

using namespace lkjip;

namespace {

std::string fixture() { return test::minimal_toml(); }

using lkjip::test::replaced;

using lkjip::test::load;

// Warnings (and errors) the lints give, one message per line, without positions.
std::string lint_messages(const std::string& text) {
    Diagnostics diags;
    lint_agency_year(load(text), diags);
    std::string out;
    for (const auto& d : diags.items()) out += d.message + "\n";
    return out;
}

const char* kStaff = R"(
[[pegawai]]
judul = "Golongan"
kelompok = ["Gol I", "Gol II"]
total_tertulis = 59
[[pegawai.baris]]
unit = "Sekretariat"
l = [0, 1]
p = [2, 3]
[[pegawai.baris]]
unit = "Bidang"
l = [50, 1]
p = [1, 2]
)";

}  // namespace

TEST_CASE("report: indicators, sasaran, budget and staff from the minimal file") {
    const AgencyYear d = load(fixture() + kStaff);
    const compute::ReportValues v = compute::compute_report(d);
    REQUIRE(v.indikator.size() == 2);
    CHECK(idfmt::angka(*v.indikator[0].capaian.persen, 2) == "100,18");
    CHECK(v.indikator[0].tercapai);
    CHECK(v.indikator[0].trend == compute::Trend::naik);
    CHECK(idfmt::angka(*v.indikator[0].progres.persen, 2) == "99,94");
    CHECK_FALSE(v.indikator[1].tercapai);
    REQUIRE(v.sasaran.size() == 1);
    CHECK(v.sasaran[0].indicators.size() == 2);
    CHECK(v.sasaran[0].capaian.counts.tercapai == 1);
    CHECK(v.sasaran[0].budget.pagu.sen == 100'000'000);
    CHECK(idfmt::angka(*v.sasaran[0].share, 2) == "100,00");
    CHECK(idfmt::angka(*v.total.serapan, 2) == "90,00");
    // The tujuan has no indicator of its own: its sasaran measure it.
    CHECK(*v.tujuan[0].capaian.persen == doctest::Approx(*v.sasaran[0].capaian.persen));
    REQUIRE(v.pegawai.size() == 1);
    CHECK(v.pegawai[0].total == 60);
    CHECK(v.pegawai[0].row_total == std::vector<std::int64_t>{6, 54});
    CHECK(v.pegawai[0].column_laki == std::vector<std::int64_t>{50, 2});
    CHECK(v.pegawai[0].group_total == std::vector<std::int64_t>{53, 7});
}

TEST_CASE("report: realisasi computed from components (seed 004: 92 / 165 = 55,76)") {
    const std::string text = replaced(fixture(), "realisasi = { 2024 = 14.5 }",
                                      "rumus = \"sehat / aktif * 100\"\n[[indikator.komponen]]\nid = \"sehat\"\n"
                                      "nama = \"Koperasi sehat\"\nnilai = { 2023 = 80, 2024 = 92 }\n[[indikator.komponen]]\n"
                                      "id = \"aktif\"\nnama = \"Koperasi aktif\"\nnilai = { 2023 = 0, 2024 = 165 }");
    const AgencyYear d = load(text);
    const auto real = compute::indicator_realisasi(d.indikator[1]);
    REQUIRE(real.count(2024));
    CHECK(idfmt::angka(real.at(2024), 2) == "55,76");
    CHECK_FALSE(real.count(2023));  // 80 / 0: not measurable that year
}

TEST_CASE("report: kegiatan mapped to a sasaran replace their program's mapping") {
    std::string text = fixture();
    text = replaced(text, "id = \"S1\"\ntujuan", "id = \"S2\"\ntujuan = \"T1\"\nuraian = \"Dua\"\n\n[[renstra.sasaran]]\nid = \"S1\"\ntujuan");
    text = replaced(text, "nama = \"Perencanaan\"", "nama = \"Perencanaan\"\nsasaran = [\"S2\"]");
    text += "\n[[program.kegiatan]]\nkode = \"3.30.01.2.02\"\nnama = \"Keuangan\"\n[[program.kegiatan.sub]]\n"
            "kode = \"3.30.01.2.02.0001\"\nnama = \"Gaji\"\npagu = 3_000_000\npagu_perubahan = 4_000_000\nrealisasi = 3_500_000\n";
    const AgencyYear d = load(text);
    const auto v = compute::compute_report(d);
    // sasaran order in the file: S2 then S1.
    CHECK(v.sasaran[0].budget.pagu.sen == 100'000'000);   // S2: the kegiatan that names it
    CHECK(v.sasaran[1].budget.pagu.sen == 400'000'000);   // S1: the rest of the program
    CHECK(v.sasaran[1].budget.pagu_penetapan.sen == 300'000'000);
    CHECK(v.total.pagu.sen == 500'000'000);
    CHECK(v.total.realisasi.sen == 440'000'000);
    CHECK(idfmt::angka(*v.program[0].budget.serapan, 2) == "88,00");
}

TEST_CASE("lint: stated totals that are not sums (seed 002 Tabel 1.1, Tabel 3.12)") {
    CHECK(lint_messages(fixture() + kStaff) ==
          "staff table 'Golongan' states a total of 59, but its rows add up to 60\n");
    const std::string text = replaced(fixture(), "nama = \"Perencanaan\"", "nama = \"Perencanaan\"\nrealisasi_tertulis = 800_000");
    CHECK(lint_messages(text) == "kegiatan 3.30.01.2.01 states a realisasi of Rp 800.000, but its parts add up to "
                                 "Rp 900.000 (a difference of -Rp 100.000)\n");
    CHECK(lint_messages(fixture() + "[anggaran]\npagu_tertulis = 1_000_000\n").empty());
}

TEST_CASE("lint: PK target differs from the Renstra, units drift, years outside the period") {
    std::string text = replaced(fixture(), "target = { 2024 = 26.97 }", "target = { 2024 = 26.97, 2027 = 30 }\ntarget_pk = 27\n"
                                                                         "satuan_tahun = { 2023 = \"Rp Trilyun\" }");
    const std::string msg = lint_messages(text);
    CHECK(msg.find("indikator `IKU-2`: the PK target 27,00 differs from the Renstra target 26,97 for 2024\n") != std::string::npos);
    CHECK(msg.find("indikator `IKU-2` is in `Rp Trilyun` in 2023 but in `Juta USD` otherwise") != std::string::npos);
    CHECK(msg.find("indikator `IKU-2` has a target for 2027, outside the Renstra period 2021-2026\n") != std::string::npos);
    CHECK(lint_messages(replaced(fixture(), "tahun = 2024", "tahun = 2027")).find("the report year 2027 is outside the Renstra period") !=
          std::string::npos);
}

TEST_CASE("lint: below target without any analysis") {
    const std::string text = replaced(fixture(), "analisis = \"Tercapai.\"\n", "");
    CHECK(lint_messages(text) == "indikator `IKU-2` is below target (53,76%) but sasaran `S1` has no `analisis`, "
                                 "`faktor_penghambat` or `solusi`\n");
    CHECK(lint_messages(fixture()).empty());
}

TEST_CASE("lint: the Perjanjian Kinerja, its signatories and the IKU decree (issue 13)") {
    // No [pk]: one warning, the Lampiran leaves it out.
    CHECK(lint_messages(replaced(fixture(), "\n[pk]\ntanggal = 2024-01-02\n", "\n")) ==
          "the data file has no [pk]: the Lampiran of the LKjIP leaves the Perjanjian Kinerja 2024 out\n");
    // Dated outside its year, and after the report it is measured in.
    CHECK(lint_messages(replaced(fixture(), "tanggal = 2024-01-02\n", "tanggal = 2025-03-01\n")) ==
          "the PK of 2024 is dated 1 Maret 2025, outside its year\n"
          "the PK is dated after the report it is measured in (26 Februari 2025)\n");
    // A Perubahan dated before the PK it revises: an error of the loader.
    Diagnostics diags;
    CHECK_FALSE(load_agency_year_text(replaced(fixture(), "tanggal = 2024-01-02\n", "tanggal = 2024-01-02\n[pk.perubahan]\ntanggal = 2023-12-30\n"),
                                      "x.toml", diags));
    CHECK(diags.items().front().message == "the PK Perubahan is dated before the PK it revises");
    // A Bupati does not head a kota.
    CHECK(lint_messages(replaced(fixture(), "jabatan = \"Wali Kota Contoh\"", "jabatan = \"Bupati Contoh\"")) ==
          "the kepala daerah of a kota is a Wali Kota, but [pemda.kepala] is `Bupati Contoh`\n");
    CHECK(lint_messages(replaced(fixture(), "jabatan = \"Wali Kota Contoh\"", "jabatan = \"Penjabat Walikota Contoh\"")).empty());
    // [pk] without [pemda.kepala] has one party: an error.
    Diagnostics one_party;
    CHECK_FALSE(load_agency_year_text(replaced(fixture(), "[pemda.kepala]\njabatan = \"Wali Kota Contoh\"\nnama = \"CONTOH NAMA WALI KOTA\"\n", ""),
                                      "x.toml", one_party));
    CHECK(one_party.items().front().message.starts_with("[pk] needs the kepala daerah who signs it as PIHAK KEDUA"));
    // The decree states how each IKU is computed and where its data comes from.
    const std::string decree = "\n[keputusan_iku]\nnomor = \"1\"\ntanggal = 2024-01-02\nmenimbang = [\"bahwa …;\"]\n";
    const std::string bare = lint_messages(fixture() + decree);
    CHECK(bare.find("has no `sumber_data`: the decree's Sumber Data is empty") != std::string::npos);
    CHECK(lint_messages(fixture()).find("the decree's") == std::string::npos);  // no decree, no warning
}
