// The Renja (issue 14): the ratios of Tabel 2.1 (Permendagri 86/2017 Tabel T-C.29) as pure
// functions, with missing years and zero targets; the pagu indikatif summed at every level; the
// Kalbar sample's Renja 2024 against seed 001; the Renja lints.
#include <doctest/doctest.h>

#include <string>

#include "compute/renja.hpp"
#include "data/data.hpp"
#include "fixture.hpp"
#include "report/report.hpp"

using namespace lkjip;
using namespace lkjip::compute;

namespace {

RenjaEvaluasi eval(const RenjaSeries& s, int n = 2024, int renstra_year = 2024) {
    return renja_evaluasi(s, n, renstra_year, n - 3, NegativeFormula::target_over_realisasi, ZeroTarget::achieved);
}

}  // namespace

TEST_CASE("renja: tingkat realisasi is the realisasi of N-2 over its target (seed 001 Tabel 2.1)") {
    // 2.17.01.1.05.0009: 9 of 20 trainees gives 45 %, where the seed printed 60 %.
    RenjaSeries s;
    s.target = {{2022, 20}, {2023, 20}, {2024, 20}};
    s.realisasi = {{2021, 6}, {2022, 9}};
    const RenjaEvaluasi e = eval(s);
    REQUIRE(e.tingkat_realisasi.persen);
    CHECK(*e.tingkat_realisasi.persen == doctest::Approx(45.0));
    CHECK(e.realisasi_sd_n3 == doctest::Approx(6.0));
    CHECK(e.target_n2 == doctest::Approx(20.0));
    CHECK(e.realisasi_n2 == doctest::Approx(9.0));
    CHECK(e.target_n1 == doctest::Approx(20.0));
    // Without a Renstra series the Renstra target is the indicator's own of that year.
    CHECK(e.target_renstra == doctest::Approx(20.0));
    // data terakhir: the expected realisasi up to N-1 is the target of N-1; over the Renstra's 20.
    CHECK(e.realisasi_sd_n1 == doctest::Approx(20.0));
    REQUIRE(e.tingkat_capaian.persen);
    CHECK(*e.tingkat_capaian.persen == doctest::Approx(100.0));
    // Program 2.17.02: 84,75 of 74,84 is 113,24 %, printed "113 %" by the seed.
    RenjaSeries p;
    p.target = {{2022, 74.84}};
    p.realisasi = {{2022, 84.75}};
    CHECK(*eval(p).tingkat_realisasi.persen == doctest::Approx(113.2416).epsilon(1e-4));
}

TEST_CASE("renja: tingkat capaian is the expected realisasi up to N-1 over the Renstra target") {
    RenjaSeries s;
    s.tipe = Aggregation::cumulative;
    s.target = {{2022, 10}, {2023, 12}};
    s.realisasi = {{2021, 8}, {2022, 9}};
    s.target_renstra = {{2024, 50}, {2026, 80}};
    // (10) = (5) + (7) + (9) = 8 + 9 + 12 = 29; (11) = 29 / 50.
    RenjaEvaluasi e = eval(s);
    CHECK(e.realisasi_sd_n3 == doctest::Approx(8.0));
    CHECK(e.realisasi_sd_n1 == doctest::Approx(29.0));
    CHECK(*e.tingkat_capaian.persen == doctest::Approx(58.0));
    // Another Renstra year for column (4).
    e = eval(s, 2024, 2026);
    CHECK(e.target_renstra == doctest::Approx(80.0));
    CHECK(*e.tingkat_capaian.persen == doctest::Approx(36.25));
    // A known realisasi of N-1 replaces its target.
    s.realisasi[2023] = 15;
    CHECK(eval(s).realisasi_sd_n1 == doctest::Approx(32.0));
}

TEST_CASE("renja: missing years and zero targets leave the ratios out, saying why") {
    RenjaSeries none;
    const RenjaEvaluasi e = eval(none);
    CHECK_FALSE(e.tingkat_realisasi.measurable());
    CHECK(e.tingkat_realisasi.reason == Unmeasurable::no_target);
    CHECK_FALSE(e.tingkat_capaian.measurable());
    CHECK_FALSE(e.realisasi_sd_n1);
    // A target without its realisasi (seed 001: "-").
    RenjaSeries t;
    t.target = {{2022, 4}};
    CHECK(eval(t).tingkat_realisasi.reason == Unmeasurable::no_realisasi);
    // A zero target has no ratio.
    RenjaSeries z;
    z.target = {{2022, 0}, {2023, 0}};
    z.realisasi = {{2022, 3}};
    z.target_renstra = {{2024, 0}};
    const RenjaEvaluasi ez = eval(z);
    CHECK(ez.tingkat_realisasi.reason == Unmeasurable::zero_target);
    CHECK(ez.tingkat_capaian.reason == Unmeasurable::zero_target);
    // No value of N-1 (neither realisasi nor target): no expectation up to N-1.
    RenjaSeries gap;
    gap.target = {{2022, 5}};
    gap.realisasi = {{2022, 5}};
    gap.target_renstra = {{2024, 5}};
    CHECK_FALSE(eval(gap).realisasi_sd_n1);
    CHECK_FALSE(eval(gap).tingkat_capaian.measurable());
    // Negative polarity follows the report's formula: target / realisasi.
    RenjaSeries neg;
    neg.polarity = Polarity::negative;
    neg.target = {{2022, 10}};
    neg.realisasi = {{2022, 8}};
    CHECK(*eval(neg).tingkat_realisasi.persen == doctest::Approx(125.0));
}

TEST_CASE("renja: the pagu indikatif adds up at every level, activities of the evaluation left out") {
    Activity k;
    k.level = ActivityLevel::kegiatan;
    k.kode.value = "2.17.01.1.09";
    for (std::int64_t rp : {50'205'000, 92'038'000, 20'000'000, 47'300'000}) {
        Activity s;
        s.level = ActivityLevel::sub_kegiatan;
        s.kode.value = "x";
        s.pagu = Located<Money>{Money{rp * 100}, {}};
        k.children.push_back(s);
    }
    Activity old;
    old.level = ActivityLevel::sub_kegiatan;
    old.kode.value = "2.17.01.1.09.01";
    old.hanya_evaluasi = true;
    k.children.push_back(old);
    std::vector<std::string> missing, overflow;
    // Seed 001 prints 352.728.181 for this kegiatan; its sub kegiatan add up to 209.543.000.
    RenjaBudget b = renja_budget(k, true, missing, overflow);
    CHECK(b.pagu_indikatif.sen == 209'543'000LL * 100);
    CHECK(b.rancangan.sen == b.pagu_indikatif.sen);
    CHECK_FALSE(b.prakiraan_maju);
    CHECK(missing.empty());
    // A plan year after the report year needs each leaf's own pagu_indikatif.
    b = renja_budget(k, false, missing, overflow);
    CHECK(b.pagu_indikatif.sen == 0);
    CHECK(missing.size() == 4);
    missing.clear();
    k.children[0].pagu_indikatif = Located<Money>{Money{100}, {}};
    k.children[0].prakiraan_maju = Located<Money>{Money{300}, {}};
    k.children[1].rancangan_awal = RancanganAwal{};
    k.children[1].rancangan_awal->pagu = Located<Money>{Money{700}, {}};
    b = renja_budget(k, true, missing, overflow);
    CHECK(b.pagu_indikatif.sen == 100 + (92'038'000LL + 20'000'000 + 47'300'000) * 100);
    CHECK(b.rancangan.sen == 100 + 700 + (20'000'000LL + 47'300'000) * 100);
    REQUIRE(b.prakiraan_maju);
    CHECK(b.prakiraan_maju->sen == 300);
}

TEST_CASE("renja: the Kalbar sample's Renja 2024 prints seed 001's tables with the computed totals") {
    const std::string path = std::string(LKJIP_SOURCE_DIR) + "/samples/provinsi-kalbar/diskumkm-2024.toml";
    Diagnostics diags;
    const auto model = load_agency_year(path, diags);
    REQUIRE(model);
    REQUIRE(model->renja);
    CHECK(report::document_supported(*model, report::DocumentKind::renja, nullptr));
    const auto md = report::render_markdown(*model, {std::nullopt, {}, report::DocumentKind::renja}, diags);
    REQUIRE(md);
    CHECK(md->find("# (RENJA) TAHUN 2024") != std::string::npos);
    CHECK(md->find("Pontianak, Juli 2023") != std::string::npos);
    // The kegiatan at the sum of its sub kegiatan, not the seed's 352.728.181; the agency total.
    CHECK(md->find("| 209.543.000 |") != std::string::npos);
    CHECK(md->find("352.728.181") == std::string::npos);
    CHECK(md->find("**16.818.270.585**") != std::string::npos);
    CHECK(md->find("8 (delapan) program, 16 (enam belas) kegiatan dan 54 (lima puluh empat) sub kegiatan") != std::string::npos);
    // 2.17.01.1.05.0009: tingkat realisasi 45,00 (the seed printed 60 %).
    CHECK(md->find("| 20 | 6 | 20 | 9 | 45,00 |") != std::string::npos);
    // check reports the seed's inconsistencies.
    Diagnostics lint;
    lint_agency_year(*model, lint);
    std::string all;
    for (const auto& d : lint.items()) all += format_diagnostic(d);
    CHECK(all.find("kegiatan 2.17.01.1.09 states a pagu of Rp 352.728.181, but its parts add up to Rp 209.543.000") != std::string::npos);
    CHECK(all.find("program 2.17.01 states the agency's whole pagu Rp 16.818.270.585 as its own") != std::string::npos);
    CHECK(all.find("sub kegiatan 2.17.01.1.07.05: the code does not have the shape of Permendagri 90/2019") != std::string::npos);
    CHECK(all.find("the Renja target of 2024 is 206,00, the Renstra target of that year 126,00") != std::string::npos);
    CHECK(all.find("sub kegiatan 2.17.08.1.01.0002 has no `lokasi`") != std::string::npos);
}

TEST_CASE("renja: --dokumen renja without [renja], or without a pagu indikatif, is refused at the data") {
    const AgencyYear plain = test::load(test::minimal_toml());
    Diagnostics d1;
    CHECK_FALSE(report::render_markdown(plain, {std::nullopt, {}, report::DocumentKind::renja}, d1));
    REQUIRE(d1.error_count() == 1);
    CHECK(format_diagnostic(d1.items().front()).find("error: `--dokumen renja` needs the Renja's date") != std::string::npos);
    // A plan year after the report year: the sub kegiatan's `pagu` is not its pagu indikatif.
    const AgencyYear next = test::load(test::minimal_toml() + "\n[renja]\ntanggal = \"2024-07\"\n");
    REQUIRE(next.renja);
    CHECK(next.renja->tahun.value == next.laporan.tahun.value + 1);
    CHECK(next.renja->tanggal.value.day == 0);
    Diagnostics d2;
    CHECK_FALSE(report::render_markdown(next, {std::nullopt, {}, report::DocumentKind::renja}, d2));
    CHECK(d2.error_count() >= 1);
    CHECK(format_diagnostic(d2.items().front()).find("has no `pagu_indikatif` for the plan year") != std::string::npos);
    // A bad month.
    CHECK(test::load_messages(test::minimal_toml() + "\n[renja]\ntanggal = \"Juli 2023\"\n")
              .find("is a date (2023-07-14) or a month \"2023-07\"") != std::string::npos);
}
