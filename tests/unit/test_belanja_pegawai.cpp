// Issue 15 (seed 000): staff over the years (`[[pegawai]]` with `total = false`, Tabel 1.4/1.5/1.7)
// and the belanja by jenis (`[[anggaran.belanja]]`, Tabel 1.9): loading, positioned errors, the
// computed sums, the check against the programs, and what BAB I prints.
#include <doctest/doctest.h>

#include <string>

#include "data/data.hpp"
#include "fixture.hpp"
#include "report/report.hpp"

using namespace lkjip;

namespace {

std::string with(const std::string& extra) { return test::minimal_toml() + "\n" + extra; }

std::string messages(const std::string& text, bool lint = false) { return lkjip::test::load_messages(text, lint); }

std::string markdown(const std::string& text) { return lkjip::test::chapter_markdown(text, 1); }

const char* kYears = R"([[pegawai]]
judul = "Golongan"
kelompok = ["2019", "2020"]
per_jenis_kelamin = false
total = false
baris = [
  { unit = "Golongan III", jumlah = [42, 39] },
  { unit = "Golongan II", jumlah = [13, 12] },
]

[[pegawai]]
judul = "Uraian"
kelompok = ["2019", "2020"]
per_jenis_kelamin = false
total = false
baris = [{ unit = "Jumlah pegawai", jumlah = [65, 59] }]
)";

// The minimal file's one leaf: pagu 1.000.000, realisasi 900.000.
const char* kBelanja = R"([anggaran]
[[anggaran.belanja]]
uraian = "Belanja Operasi"
pagu_tertulis = 800_000
realisasi_tertulis = 750_000
rincian = [
  { uraian = "Belanja Pegawai", pagu = 600_000, realisasi = 550_000 },
  { uraian = "Belanja Barang dan Jasa", pagu = 200_000, realisasi = 200_000 },
]

[[anggaran.belanja]]
uraian = "Belanja Modal"
rincian = [{ uraian = "Belanja Tanah" }, { uraian = "Belanja Peralatan dan Mesin", pagu = 200_000, realisasi = 150_000 }]

[[anggaran.belanja]]
uraian = "Belanja Tidak Terduga"
)";

}  // namespace

TEST_CASE("pegawai over the years: per-year totals only, after the other staff tables") {
    const std::string md = markdown(with(kYears));
    INFO(md);
    CHECK(md.find("Perkembangan Jumlah Pegawai") != std::string::npos);
    CHECK(md.find("Menurut Golongan Tahun 2019–2020") != std::string::npos);
    CHECK(md.find("| No | Golongan | 2019 | 2020 |\n") != std::string::npos);
    CHECK(md.find("| 1 | Golongan III | 42 | 39 |\n") != std::string::npos);
    CHECK(md.find("| | **Jumlah** | **55** | **51** |\n") != std::string::npos);
    // One row: no "Jumlah" row repeating it, no "Menurut" in the caption.
    CHECK(md.find("Tahun 2019–2020") != md.rfind("Tahun 2019–2020"));
    CHECK(md.find("| 1 | Jumlah pegawai | 65 | 59 |\n") != std::string::npos);
    CHECK(md.find("| | **Jumlah** | **65** |") == std::string::npos);
    // No sum over the years anywhere (42 + 39 + 13 + 12 = 106; 65 + 59 = 124).
    CHECK(md.find("106") == std::string::npos);
    CHECK(md.find("124") == std::string::npos);
    CHECK(md.find("Data kepegawaian tidak disajikan") == std::string::npos);
}

TEST_CASE("pegawai over the years: total = false refuses the L/P split and a stated grand total") {
    const std::string sex = with("[[pegawai]]\njudul = \"G\"\nkelompok = [\"2020\"]\ntotal = false\n"
                                 "baris = [{ unit = \"A\", l = [1], p = [2] }]\n");
    CHECK(messages(sex).find("has `total = false`, which needs `per_jenis_kelamin = false`") != std::string::npos);
    const std::string stated = with("[[pegawai]]\njudul = \"G\"\nkelompok = [\"2020\"]\nper_jenis_kelamin = false\n"
                                    "total = false\ntotal_tertulis = 3\nbaris = [{ unit = \"A\", jumlah = [1] }]\n");
    const std::string msg = messages(stated);
    CHECK(msg.find("error: [[pegawai]] 'G' has `total = false`: it has no grand total to state") != std::string::npos);
    CHECK(msg.find("x.toml:") == 0);
}

TEST_CASE("belanja by jenis: sums computed, stated sums and the programs checked") {
    const std::string md = markdown(with(kBelanja));
    INFO(md);
    CHECK(md.find("Sumber Daya Keuangan") != std::string::npos);
    CHECK(md.find("| 1 | Belanja Operasi | 800.000 | 750.000 | 93,75 |\n") != std::string::npos);
    CHECK(md.find("| | – Belanja Pegawai | 600.000 | 550.000 |") != std::string::npos);
    CHECK(md.find("| | – Belanja Tanah | - | - | - |\n") != std::string::npos);
    CHECK(md.find("| 3 | Belanja Tidak Terduga | - | - | - |\n") != std::string::npos);
    CHECK(md.find("| | **Jumlah Belanja** | **1.000.000** | **900.000** | **90,00** |\n") != std::string::npos);
    // Stated 750.000 matches; lines add up to the programs' 1.000.000 / 900.000: no warning.
    CHECK(messages(with(kBelanja), true).empty());

    std::string off = kBelanja;
    off.replace(off.find("realisasi_tertulis = 750_000"), 28, "realisasi_tertulis = 753_000");
    off.replace(off.find("pagu = 200_000, realisasi = 150_000"), 35, "pagu = 200_000, realisasi = 147_000");
    const std::string msg = messages(with(off), true);
    CHECK(msg.find("warning: belanja 'Belanja Operasi' states a realisasi of Rp 753.000, but its rincian add up to "
                   "Rp 750.000") != std::string::npos);
    CHECK(msg.find("warning: the belanja by jenis adds up to a realisasi of Rp 897.000, but the programs' realisasi to "
                   "Rp 900.000") != std::string::npos);
    CHECK(msg.find("pagu of") == std::string::npos);
}

TEST_CASE("belanja by jenis: amounts beside rincian, stated sums without, nesting and overflow are errors") {
    auto msg = [](const std::string& body) { return messages(with("[anggaran]\n" + body)); };
    CHECK(msg("[[anggaran.belanja]]\nuraian = \"A\"\npagu = 5\nrincian = [{ uraian = \"B\", pagu = 5 }]\n")
              .find("error: belanja 'A' has `rincian`: its amounts are their sum") != std::string::npos);
    CHECK(msg("[[anggaran.belanja]]\nuraian = \"A\"\npagu_tertulis = 5\n")
              .find("error: belanja 'A' has no `rincian`") != std::string::npos);
    CHECK(msg("[[anggaran.belanja]]\nuraian = \"A\"\nrincian = [{ uraian = \"B\", rincian = [] }]\n")
              .find("rincian") != std::string::npos);
    CHECK(msg("[[anggaran.belanja]]\nuraian = \"A\"\npagu = -5\n").find("an amount below zero") != std::string::npos);
    // 10^16 rupiah each: ten of them pass the int64 range of sen.
    std::string many;
    for (int i = 0; i < 10; ++i) many += "[[anggaran.belanja]]\nuraian = \"A\"\npagu = 10_000_000_000_000_000\n";
    CHECK(msg(many).find("add up beyond what a rupiah total can hold") != std::string::npos);
    std::string lines;
    for (int i = 0; i < 65; ++i) lines += "[[anggaran.belanja]]\nuraian = \"A\"\npagu = 1\n";
    CHECK(msg(lines).find("has more than 64 lines") != std::string::npos);
    CHECK(msg(lines).find("x.toml:") == 0);
}

TEST_CASE("staff tables of one row each are compared only when the row names the same staff") {
    const std::string all = "\n[[pegawai]]\njudul = \"Golongan\"\nkelompok = [\"III\"]\nper_jenis_kelamin = false\n"
                            "baris = [{ unit = \"Seluruh pegawai\", jumlah = [59] }]\n";
    const std::string posts = "\n[[pegawai]]\njudul = \"Eselon\"\nkelompok = [\"IV\"]\nper_jenis_kelamin = false\n"
                              "baris = [{ unit = \"Pejabat struktural\", jumlah = [23] }]\n";
    const std::string same = "\n[[pegawai]]\njudul = \"Pendidikan\"\nkelompok = [\"S1\"]\nper_jenis_kelamin = false\n"
                             "baris = [{ unit = \"Seluruh pegawai\", jumlah = [58] }]\n";
    CHECK(messages(test::minimal_toml() + all + posts, true).find("staff table") == std::string::npos);
    CHECK(messages(test::minimal_toml() + all + posts + same, true)
              .find("staff table 'Pendidikan' counts 58 staff, but table 'Golongan' counts 59") != std::string::npos);
}
