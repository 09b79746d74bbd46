// Issue 15, seed 002: a kegiatan's pagu penetapan given for the kegiatan only, the printed totals of
// an urusan row and of a sasaran's budget table (checked), the agency's "belanja non gaji" pair and
// the `desimal` of a program / kegiatan indicator (printed), and the Renja matrix that prints the
// sub kegiatan indicators.
#include <doctest/doctest.h>

#include <string>

#include "compute/compute.hpp"
#include "data/data.hpp"
#include "fixture.hpp"
#include "report/report.hpp"

using namespace lkjip;

namespace {

using lkjip::test::replaced;

// The minimal file with its one sub kegiatan split in two that carry pagu_perubahan only, and the
// kegiatan's penetapan `kegiatan_pagu` (none: no line).
std::string two_subs(const std::string& kegiatan_pagu, const std::string& sub_extra = "") {
    return replaced(test::minimal_toml(),
                    "nama = \"Perencanaan\"\n\n[[program.kegiatan.sub]]\nkode = \"3.30.01.2.01.0001\"\nnama = "
                    "\"Penyusunan Dokumen\"\npagu = 1_000_000\nrealisasi = 900_000\n",
                    "nama = \"Perencanaan\"\n" + kegiatan_pagu +
                        "\n[[program.kegiatan.sub]]\nkode = \"3.30.01.2.01.0001\"\nnama = \"Penyusunan Dokumen\"\n"
                        "pagu_perubahan = 700_000\nrealisasi = 600_000\n" + sub_extra +
                        "\n[[program.kegiatan.sub]]\nkode = \"3.30.01.2.01.0002\"\nnama = \"Evaluasi\"\n"
                        "pagu_perubahan = 400_000\nrealisasi = 300_000\n");
}

struct Loaded {
    std::optional<AgencyYear> model;
    std::string messages;  // every diagnostic of load (+ lint when it loaded), one per line
};

Loaded load_and_lint(const std::string& text) {
    Diagnostics diags;
    Loaded out;
    out.model = load_agency_year_text(text, "x.toml", diags);
    if (out.model && !diags.has_errors()) lint_agency_year(*out.model, diags);
    for (const auto& d : diags.items()) out.messages += format_diagnostic(d) + "\n";
    return out;
}

}  // namespace

TEST_CASE("budget: a kegiatan's own pagu penetapan over sub kegiatan with pagu_perubahan only (seed 002)") {
    const Loaded l = load_and_lint(two_subs("pagu = 1_050_000"));
    REQUIRE(l.model);
    CHECK(l.messages.find("error") == std::string::npos);
    const compute::ReportValues v = compute::compute_report(*l.model);
    CHECK(v.program[0].children[0].budget.pagu_penetapan.sen == 105'000'000);
    CHECK(v.program[0].children[0].budget.pagu.sen == 110'000'000);
    CHECK(v.program[0].budget.pagu_penetapan.sen == 105'000'000);
    CHECK(v.total.pagu.sen == 110'000'000);
    CHECK(v.total.realisasi.sen == 90'000'000);
}

TEST_CASE("budget: the penetapan is on the kegiatan or on every sub kegiatan, never half of each") {
    // Neither: the sub kegiatan without a penetapan is named.
    CHECK(load_and_lint(two_subs("")).messages.find("x.toml:66:1: error: sub kegiatan 3.30.01.2.01.0001 has no `pagu` "
                                                    "(penetapan)") != std::string::npos);
    // Both.
    CHECK(load_and_lint(two_subs("pagu = 1_050_000", "pagu = 650_000\n"))
              .messages.find("error: kegiatan 3.30.01.2.01 gives its `pagu` (penetapan), and so does its sub kegiatan "
                             "3.30.01.2.01.0001") != std::string::npos);
    // A kegiatan's penetapan over a sub kegiatan without pagu_perubahan: its pagu in force is unknown.
    const std::string no_change = replaced(two_subs("pagu = 1_050_000"), "pagu_perubahan = 400_000\n", "");
    CHECK(load_and_lint(no_change).messages.find("error: sub kegiatan 3.30.01.2.01.0002 has no `pagu_perubahan`") !=
          std::string::npos);
    // A program still cannot carry money.
    const std::string on_program = replaced(test::minimal_toml(), "sasaran = [\"S1\"]\n", "sasaran = [\"S1\"]\npagu = 5\n");
    CHECK(load_and_lint(on_program).messages.find("program 3.30.01 has sub-items, so its `pagu` is their sum") !=
          std::string::npos);
}

TEST_CASE("lint: the stated totals of an urusan and of a sasaran's budget table (seed 002 Tabel 3.12, Sasaran 2)") {
    std::string text = replaced(test::minimal_toml(), "[[program]]",
                                "[[urusan]]\nkode = \"3.30\"\nnama = \"Perdagangan\"\npagu_tertulis = 1_000_000\n"
                                "realisasi_tertulis = 900_100\n\n[[program]]");
    text = replaced(text, "analisis = \"Tercapai.\"\n",
                    "analisis = \"Tercapai.\"\npagu_penetapan_tertulis = 1_000_000\npagu_tertulis = 1_000_000\n"
                    "realisasi_tertulis = 800_000\n");
    const std::string msg = load_and_lint(text).messages;
    CHECK(msg.find("warning: urusan 3.30 states a realisasi of Rp 900.100, but its parts add up to Rp 900.000 (a "
                   "difference of Rp 100)") != std::string::npos);
    CHECK(msg.find("urusan 3.30 states a pagu") == std::string::npos);
    CHECK(msg.find("warning: the budget table of sasaran `S1` states a realisasi of Rp 800.000, but its parts add up to "
                   "Rp 900.000") != std::string::npos);
    CHECK(msg.find("sasaran `S1` states a pagu") == std::string::npos);
    // The positions are the stated values.
    CHECK(msg.find("x.toml:42:22: warning: the budget table") != std::string::npos);
}

TEST_CASE("report: belanja non gaji, activity indicator desimal and the Renja matrix") {
    std::string text = test::minimal_toml() + "\n[anggaran]\npagu_non_gaji = 800_000\nrealisasi_non_gaji = 720_000\n";
    text = replaced(text, "realisasi = 900_000\n",
                    "realisasi = 900_000\n\n[[program.kegiatan.sub.indikator]]\nnama = \"Jumlah dokumen\"\n"
                    "satuan = \"Persen\"\ntarget = 12.5\ndesimal = 2\n");
    Diagnostics diags;
    auto model = load_agency_year_text(text, "x.toml", diags);
    REQUIRE(model);
    const auto md = report::render_markdown(*model, {std::nullopt, {}, report::DocumentKind::lkjip}, diags);
    REQUIRE(md);
    CHECK(md->find("sebesar Rp 800.000 dengan realisasi sebesar Rp 720.000 atau 90,00%.") != std::string::npos);
    CHECK(md->find("Matriks Perencanaan Kinerja") != std::string::npos);
    CHECK(md->find("| Jumlah dokumen | 12,50 |") != std::string::npos);
    // Without any program, kegiatan or sub kegiatan indicator there is no matrix.
    Diagnostics d2;
    auto plain = load_agency_year_text(test::minimal_toml(), "x.toml", d2);
    REQUIRE(plain);
    const auto md2 = report::render_markdown(*plain, {std::nullopt, {}, report::DocumentKind::lkjip}, d2);
    REQUIRE(md2);
    CHECK(md2->find("Matriks Perencanaan Kinerja") == std::string::npos);
    CHECK(md2->find("Di luar belanja gaji") == std::string::npos);
}
