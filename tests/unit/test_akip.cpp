// [[evaluasi_akip]] (seed 002 Tabel 3.40): loading, the total and predikat computed from the
// components, the indicator that takes the total, the lints of what a source printed, and the
// table in the report.
#include <doctest/doctest.h>

#include <string>

#include "compute/akip.hpp"
#include "data/data.hpp"
#include "fixture.hpp"
#include "report/report.hpp"

using namespace lkjip;

namespace {

std::string replaced(std::string t, const std::string& from, const std::string& to) {
    const auto at = t.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "text lacks: " << from);
    t.replace(at, from.size(), to);
    return t;
}

// Seed 002 Tabel 3.40, linked to the minimal file's Nilai SAKIP OPD.
const std::string kEvaluasi = R"toml(
[[evaluasi_akip]]
tahun = 2024
evaluator = "Inspektorat Daerah Kota Contoh"
indikator = "IKU-1"
nilai_tertulis = 85.75
predikat_tertulis = "A (Memuaskan)"
komponen = [
  { nama = "Perencanaan Kinerja", bobot = 30, nilai = 26.10 },
  { nama = "Pengukuran Kinerja", bobot = 30, nilai = 25.50 },
  { nama = "Pelaporan Kinerja", bobot = 15, nilai = 12.90 },
  { nama = "Evaluasi Akuntabilitas", bobot = 25, nilai = 21.25 },
]
)toml";

// The minimal file with IKU-1's 2024 realisasi left to the evaluation.
std::string untyped() {
    return replaced(test::minimal_toml(), "realisasi = { 2023 = 85.45, 2024 = 85.75 }", "realisasi = { 2023 = 85.45 }");
}

struct Loaded {
    std::optional<AgencyYear> model;
    std::string messages;  // every diagnostic as the CLI prints it, lints included
};

Loaded load(const std::string& text) {
    Diagnostics diags;
    Loaded l;
    l.model = load_agency_year_text(text, "x.toml", diags);
    if (l.model) lint_agency_year(*l.model, diags);
    for (const auto& d : diags.items()) l.messages += format_diagnostic(d);
    return l;
}

// What the minimal file alone gives (its own lints), which an agreeing evaluation must not change.
std::string baseline() { return load(test::minimal_toml()).messages; }

}  // namespace

TEST_CASE("akip: the predikat follows the bands of PermenPANRB 88/2021, lower bounds exclusive") {
    CHECK(compute::akip_predikat(100).kode == "AA");
    CHECK(compute::akip_predikat(90.01).kode == "AA");
    CHECK(compute::akip_predikat(90).kode == "A");
    CHECK(compute::akip_predikat(85.75).uraian == "Memuaskan");
    CHECK(compute::akip_predikat(80).kode == "BB");
    CHECK(compute::akip_predikat(73.02).kode == "BB");  // seed 002: Kota Pekalongan "BB"
    CHECK(compute::akip_predikat(60.5).kode == "B");
    CHECK(compute::akip_predikat(50.01).kode == "CC");
    CHECK(compute::akip_predikat(30.01).kode == "C");
    CHECK(compute::akip_predikat(30).kode == "D");
    CHECK(compute::akip_predikat(0).kode == "D");
}

TEST_CASE("akip: the total is the sum of the components and becomes the indicator's realisasi") {
    const Loaded l = load(untyped() + kEvaluasi);
    REQUIRE_MESSAGE(l.model, l.messages);
    CHECK(l.messages == baseline());
    REQUIRE(l.model->evaluasi_akip.size() == 1);
    const compute::AkipResult r = compute::akip_result(l.model->evaluasi_akip[0]);
    CHECK(r.nilai == doctest::Approx(85.75));
    CHECK(r.bobot == doctest::Approx(100));
    CHECK(r.predikat.kode == "A");
    const auto* v = l.model->indikator[0].realisasi.find(2024);
    REQUIRE(v != nullptr);
    CHECK(v->value == doctest::Approx(85.75));
    CHECK(v->pos.line > 0);  // points at the evaluation, for messages about the value
}

TEST_CASE("akip: a typed realisasi that agrees is kept, one that disagrees is an error at it") {
    CHECK(load(test::minimal_toml() + kEvaluasi).messages == baseline());
    const Loaded l = load(replaced(test::minimal_toml(), "2024 = 85.75 }", "2024 = 85.70 }") + kEvaluasi);
    CHECK_FALSE(l.model);
    CHECK(l.messages.find("x.toml:47:") != std::string::npos);
    CHECK(l.messages.find("realisasi 2024 of indicator 'IKU-1' is 85,70, but the components of [[evaluasi_akip]] "
                          "2024 add up to 85,75") != std::string::npos);
}

TEST_CASE("akip: wrong evaluations are positioned errors") {
    SUBCASE("a score above its weight") {
        const Loaded l = load(untyped() + replaced(kEvaluasi, "nilai = 12.90", "nilai = 15.90"));
        CHECK_FALSE(l.model);
        CHECK(l.messages.find("komponen 'Pelaporan Kinerja' scores 15,90, above its bobot 15") != std::string::npos);
    }
    SUBCASE("weights that do not add up to 100") {
        const Loaded l = load(untyped() + replaced(kEvaluasi, "bobot = 25", "bobot = 20"));
        CHECK_FALSE(l.model);
        CHECK(l.messages.find("add up to 95, not 100") != std::string::npos);
    }
    SUBCASE("an indicator that does not exist") {
        const Loaded l = load(untyped() + replaced(kEvaluasi, "\"IKU-1\"", "\"IKU-9\""));
        CHECK_FALSE(l.model);
        CHECK(l.messages.find("names indicator 'IKU-9', which does not exist") != std::string::npos);
    }
    SUBCASE("two evaluations of one year") {
        const Loaded l = load(untyped() + kEvaluasi + replaced(kEvaluasi, "indikator = \"IKU-1\"\n", ""));
        CHECK_FALSE(l.model);
        CHECK(l.messages.find("a second [[evaluasi_akip]] for 2024") != std::string::npos);
    }
    SUBCASE("an unknown key in a component") {
        const Loaded l = load(untyped() + replaced(kEvaluasi, "bobot = 30, nilai = 26.10", "bobot = 30, nilia = 26.10"));
        CHECK_FALSE(l.model);
        CHECK(l.messages.find("nilia") != std::string::npos);
    }
    SUBCASE("no components") {
        const Loaded l = load(untyped() + "\n[[evaluasi_akip]]\ntahun = 2024\n");
        CHECK_FALSE(l.model);
        CHECK(l.messages.find("komponen") != std::string::npos);
    }
}

TEST_CASE("akip: check warns about a printed total or predikat the components do not give") {
    CHECK(load(untyped() + replaced(kEvaluasi, "nilai_tertulis = 85.75", "nilai_tertulis = 85.80"))
              .messages.find("warning: the AKIP evaluation 2024 states a total of 85,80, but its components add up to "
                             "85,75") != std::string::npos);
    CHECK(load(untyped() + replaced(kEvaluasi, "\"A (Memuaskan)\"", "\"BB\""))
              .messages.find("states the predikat 'BB', but its total 85,75 is 'A' (Memuaskan)") != std::string::npos);
    CHECK(load(untyped() + replaced(kEvaluasi, "\"A (Memuaskan)\"", "\"A\"")).messages == baseline());
}

TEST_CASE("akip: the report prints the table in the analysis of the indicator's sasaran") {
    const Loaded l = load(untyped() + kEvaluasi);
    REQUIRE(l.model);
    Diagnostics diags;
    const auto md = report::render_markdown(*l.model, {}, diags);
    REQUIRE(md);
    const auto sasaran = md->find("#### Sasaran 1");
    const auto table = md->find("Rincian Hasil Evaluasi AKIP Dinas Contoh Kota Contoh Tahun 2024");
    REQUIRE(table != std::string::npos);
    CHECK(table > sasaran);
    CHECK(md->find("| 3 | Pelaporan Kinerja | 15 | 12,90 | 86,00 |") != std::string::npos);
    CHECK(md->find("| | **Nilai Hasil Evaluasi** | **100** | **85,75** | |") != std::string::npos);
    CHECK(md->find("**A (Memuaskan)**") != std::string::npos);
    CHECK(md->find("oleh Inspektorat Daerah Kota Contoh menghasilkan nilai 85,75 dengan predikat A (Memuaskan). Rincian") !=
          std::string::npos);
    // Once only: not again after the IKU tables.
    CHECK(md->find("Rincian Hasil Evaluasi AKIP", table + 1) == std::string::npos);
}

TEST_CASE("akip: an evaluation tied to no sasaran indicator prints after the IKU tables") {
    const Loaded l = load(test::minimal_toml() + replaced(kEvaluasi, "indikator = \"IKU-1\"\n", ""));
    REQUIRE_MESSAGE(l.model, l.messages);
    Diagnostics diags;
    const auto md = report::render_markdown(*l.model, {}, diags);
    REQUIRE(md);
    const auto table = md->find("Rincian Hasil Evaluasi AKIP");
    REQUIRE(table != std::string::npos);
    CHECK(table < md->find("#### Sasaran 1"));
    CHECK(md->find("Rincian Hasil Evaluasi AKIP", table + 1) == std::string::npos);
}
