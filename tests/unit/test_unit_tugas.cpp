// Each unit's own tugas and fungsi, and the agency's orbitasi (issue 15: seed 004 prints both in
// BAB I; the samples printed a generic agency text instead).
#include <doctest/doctest.h>

#include <string>

#include "data/data.hpp"
#include "fixture.hpp"
#include "report/report.hpp"

using namespace lkjip;

namespace {

using lkjip::test::replaced;

const std::string kFungsi = "fungsi = [\"Perumusan kebijakan.\", \"Pelaksanaan kebijakan.\"]";

const std::string kUnits = R"(
[[organisasi.unit]]
id = "kadis"
nama = "Kepala Dinas"
jenis = "kepala"

[[organisasi.unit]]
id = "sekre"
nama = "Sekretariat"
jenis = "sekretariat"
induk = "kadis"
tugas = "Sekretaris mempunyai tugas mengoordinasikan administrasi Dinas."
fungsi = ["pengelolaan administrasi umum;", "pengelolaan keuangan Dinas."]

[[organisasi.unit]]
id = "bidang"
nama = "Bidang Koperasi"
jenis = "bidang"
induk = "kadis"

[[organisasi.unit]]
id = "seksi"
nama = "Seksi Pengawasan"
jenis = "seksi"
induk = "bidang"
tugas = """Seksi Pengawasan mempunyai tugas:

1. menghimpun peraturan;
2. melaksanakan pengawasan koperasi."""
)";

std::string messages(const std::string& text) { return lkjip::test::load_messages(text); }

std::string bab1(const std::string& text) { return lkjip::test::chapter_markdown(text, 1); }

std::size_t at(const std::string& md, const std::string& needle) {
    const auto p = md.find(needle);
    INFO(needle);
    REQUIRE(p != std::string::npos);
    return p;
}

}  // namespace

TEST_CASE("unit tugas: loaded per unit, both optional") {
    Diagnostics diags;
    auto model = load_agency_year_text(replaced(test::minimal_toml(), kFungsi, kFungsi + kUnits), "x.toml", diags);
    REQUIRE(model);
    CHECK(diags.items().empty());
    const auto& u = model->organisasi.units;
    REQUIRE(u.size() == 4);
    CHECK(!u[0].tugas);
    CHECK(u[0].fungsi.empty());
    REQUIRE(u[1].tugas);
    CHECK(u[1].tugas->value == "Sekretaris mempunyai tugas mengoordinasikan administrasi Dinas.");
    REQUIRE(u[1].fungsi.size() == 2);
    CHECK(u[1].fungsi[1].value == "pengelolaan keuangan Dinas.");
    CHECK(u[3].tugas->value.find("2. melaksanakan pengawasan koperasi.") != std::string::npos);
    CHECK(u[3].fungsi.empty());
}

TEST_CASE("unit tugas: a wrong type is a positioned error at the unit's key") {
    const std::string bad = replaced(kUnits, "fungsi = [\"pengelolaan administrasi umum;\", \"pengelolaan keuangan Dinas.\"]",
                                     "fungsi = \"pengelolaan administrasi umum\"");
    const std::string msg = messages(replaced(test::minimal_toml(), kFungsi, kFungsi + bad));
    CHECK(msg.find("error:") != std::string::npos);
    CHECK(msg.find("`fungsi`") != std::string::npos);
    CHECK(msg.find("[[organisasi.unit]]") != std::string::npos);
    const std::string bad_tugas = replaced(kUnits, "tugas = \"Sekretaris mempunyai tugas mengoordinasikan administrasi Dinas.\"", "tugas = 7");
    CHECK(messages(replaced(test::minimal_toml(), kFungsi, kFungsi + bad_tugas)).find("`tugas`") != std::string::npos);
}

TEST_CASE("unit tugas: BAB I prints each unit's tugas and fungsi after the agency's, in tree order") {
    const std::string md = bab1(replaced(test::minimal_toml(), kFungsi, kFungsi + kUnits));
    const auto agency = at(md, "Pelaksanaan kebijakan.");
    const auto sekre = at(md, "**Sekretariat**");
    const auto sekre_tugas = at(md, "Sekretaris mempunyai tugas mengoordinasikan administrasi Dinas.");
    const auto sekre_fungsi = at(md, "2. pengelolaan keuangan Dinas.");
    const auto seksi = at(md, "**Seksi Pengawasan**");
    const auto seksi_list = at(md, "2. melaksanakan pengawasan koperasi.");
    const auto struktur = at(md, "Struktur Organisasi");
    CHECK(agency < sekre);
    CHECK(sekre < sekre_tugas);
    CHECK(sekre_tugas < sekre_fungsi);
    CHECK(sekre_fungsi < seksi);
    CHECK(seksi < seksi_list);
    CHECK(seksi_list < struktur);
    // A unit with neither gets no heading of its own.
    CHECK(md.find("**Bidang Koperasi**") == std::string::npos);
    CHECK(md.find("**Kepala Dinas**") == std::string::npos);
}

TEST_CASE("unit tugas: without any unit text, BAB I is as before") {
    const std::string md = bab1(test::minimal_toml());
    CHECK(md.find("Tugas dan fungsi setiap unit kerja") == std::string::npos);
    CHECK(md.find("Orbitasi") == std::string::npos);
}

TEST_CASE("orbitasi: printed after the dasar hukum with the agency's contact lines, only when given") {
    const std::string text = replaced(test::minimal_toml(), "[instansi]\n",
                                      "[instansi]\nalamat = \"Jl. Mastrip 155\"\ntelepon = \"(0335) 423053\"\n"
                                      "faks = \"(0335) 423053\"\norbitasi = \"\"\"- Jarak ke Kantor Walikota: 3 km\"\"\"\n");
    const std::string md = bab1(text);
    const auto heading = at(md, "Orbitasi");
    CHECK(at(md, "| Alamat | Jl. Mastrip 155 |") > heading);
    // One number for both is printed once.
    CHECK(at(md, "| Telepon/Faks | (0335) 423053 |") > heading);
    CHECK(at(md, "- Jarak ke Kantor Walikota: 3 km") > heading);
    CHECK(heading < at(md, "Tugas dan Fungsi"));
}
