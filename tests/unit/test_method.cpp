// The method of issue 16: how capaian enter averages (clamped, with the rule stated and every
// clamped value named), implausible figures never classified or headlined, efficiency against the
// achievement, target 0 / realisasi 0, the year of a "s.d." value, standards by polarity, the
// components of a computed indicator and the pagu penetapan. Small made-up inputs, exact values.
#include <doctest/doctest.h>

#include <string>

#include "compute/compute.hpp"
#include "compute/idformat.hpp"
#include "data/data.hpp"
#include "fixture.hpp"
#include "report/report.hpp"

using namespace lkjip;
using namespace lkjip::compute;

namespace {

Capaian positive(double t, double r) { return capaian(t, r, Polarity::positive, NegativeFormula::target_over_realisasi); }

Scale scale54() { return *scale_preset("permendagri-54-2010"); }

AveragePolicy capped() { return {AverageRule::capped, 0, 120, 0, 300}; }

std::string shown(std::optional<double> v) { return v ? idfmt::angka(*v, 2) : "none"; }

using lkjip::test::replaced;

using lkjip::test::load;

std::string markdown(const std::string& text) {
    Diagnostics diags;
    report::MarkdownOptions options;
    options.template_dirs = {};
    auto md = report::render_markdown(load(text), options, diags);
    REQUIRE_MESSAGE(md, (diags.items().empty() ? std::string() : format_diagnostic(diags.items()[0])));
    return *md;
}

// The minimal file with IKU-2 realised at `realisasi` against 26,97 and settings added.
std::string with(const std::string& iku2_realisasi, const std::string& pengaturan = "") {
    std::string t = replaced(test::minimal_toml(), "realisasi = { 2024 = 14.5 }", "realisasi = { 2024 = " + iku2_realisasi + " }");
    if (!pengaturan.empty()) t += "\n[pengaturan]\n" + pengaturan + "\n";
    return t;
}

}  // namespace

TEST_CASE("method: target 0 and realisasi 0 on a negative indicator follows target_nol") {
    const Capaian achieved = capaian(0, 0, Polarity::negative, NegativeFormula::target_over_realisasi, ZeroTarget::achieved);
    CHECK(shown(achieved.persen) == "100,00");
    CHECK(achieved.zero_zero);
    const Capaian two = capaian(0, 0, Polarity::negative, NegativeFormula::two_target_minus_realisasi, ZeroTarget::achieved);
    CHECK(shown(two.persen) == "100,00");
    const Capaian off = capaian(0, 0, Polarity::negative, NegativeFormula::target_over_realisasi, ZeroTarget::not_measurable);
    CHECK_FALSE(off.measurable());
    CHECK(off.reason == Unmeasurable::zero_target);
    // Only zero against zero on a negative indicator: a case against a target of none is no
    // achievement, and a positive indicator at 0 of 0 has no ratio.
    CHECK(capaian(0, 3, Polarity::negative, NegativeFormula::target_over_realisasi).reason == Unmeasurable::zero_target);
    CHECK(capaian(0, 0, Polarity::positive, NegativeFormula::target_over_realisasi).reason == Unmeasurable::zero_target);
}

TEST_CASE("method: the plausible band is compared as printed") {
    CHECK(plausible(300.004, 0, 300, 2));  // prints 300,00
    CHECK_FALSE(plausible(300.006, 0, 300, 2));
    CHECK(plausible(-0.004, 0, 300, 2));  // prints 0,00
    CHECK_FALSE(plausible(-0.006, 0, 300, 2));
    CHECK_FALSE(plausible(6936465.31, 0, 300, 2));
}

TEST_CASE("method: averages clamp each capaian to 0-120 and name what they clamped") {
    // Probolinggo 2021: one input three orders of magnitude off (6.936.465,31%).
    const std::vector<Capaian> iku = {positive(1, 69364.6531), positive(10, 10), positive(10, 9)};
    const GroupCapaian c = group_capaian(iku, GroupMethod::mean, scale54(), 2, capped());
    CHECK(shown(c.persen) == "103,33");  // (120 + 100 + 90) / 3
    CHECK(shown(c.rata_rata) == "103,33");
    REQUIRE(c.clamped.size() == 1);
    CHECK(c.clamped[0].member == 0);
    CHECK(idfmt::angka(c.clamped[0].computed, 2) == "6.936.465,31");
    CHECK(c.clamped[0].used == 120);
    REQUIRE(c.implausible.size() == 1);
    CHECK(c.implausible[0].member == 0);
    CHECK(c.plausible);
    // Reached or not stays the indicator's own result.
    CHECK(c.counts.tercapai == 2);
    CHECK(c.counts.tidak_tercapai == 1);

    // As computed, the mean is the implausible figure and may not be headlined.
    const GroupCapaian as_is = group_capaian(iku, GroupMethod::mean, scale54(), 2, {});
    CHECK(shown(as_is.persen) == "2.312.218,44");
    CHECK(as_is.clamped.empty());
    CHECK_FALSE(as_is.plausible);

    // Pekalongan 2024, the three tujuan: 102,82 and 198,80 exceed their target, -371,82 is a fall.
    const std::vector<Capaian> tujuan = {positive(95.83, 98.53), positive(3.32, 6.60), positive(3.69, -13.72)};
    const GroupCapaian t = group_capaian(tujuan, GroupMethod::mean, scale54(), 2, capped());
    CHECK(shown(t.persen) == "74,27");  // (102,82 + 120 + 0) / 3, not -23,40
    REQUIRE(t.clamped.size() == 2);
    CHECK(t.clamped[0].member == 1);
    CHECK(t.clamped[0].used == 120);
    CHECK(t.clamped[1].member == 2);
    CHECK(t.clamped[1].used == 0);
    CHECK(idfmt::angka(t.clamped[1].computed, 2) == "-371,82");
    CHECK(scale54().bands[band_index(scale54(), *t.persen, 2)].predikat == "Sedang");

    // Data kelompok classifies the clamped value; the achievement (rata_rata) is the plain mean.
    const GroupCapaian g = group_capaian(tujuan, GroupMethod::grouped_mean, scale54(), 2, capped());
    CHECK(shown(g.persen) == "71,67");  // (95 + 95 + 25) / 3
    CHECK(shown(g.rata_rata) == "74,27");

    // Only implausible members: the clamped mean is no result to classify.
    const GroupCapaian alone = group_capaian({positive(1, 69364.6531)}, GroupMethod::mean, scale54(), 2, capped());
    CHECK(shown(alone.persen) == "120,00");
    CHECK_FALSE(alone.plausible);
    // A value the clamp leaves as printed is not named: 120,004 shows as 120,00.
    const GroupCapaian edge = group_capaian({positive(100, 120.004)}, GroupMethod::mean, scale54(), 2, capped());
    CHECK(edge.clamped.empty());
    // A clamp band reaching past the plausible band makes the mean implausible again.
    const GroupCapaian wide = group_capaian(iku, GroupMethod::mean, scale54(), 2, {AverageRule::capped, 0, 1000, 0, 300});
    CHECK_FALSE(wide.plausible);
}

TEST_CASE("method: realisasi to date names the year it comes from") {
    const std::map<int, double> r = {{2021, 60}, {2022, 66.85}};
    std::optional<int> from;
    CHECK(*realisasi_to_date(r, 2021, 2023, Aggregation::last_value, &from) == doctest::Approx(66.85));
    CHECK(from == 2022);
    CHECK(*realisasi_to_date(r, 2021, 2023, Aggregation::cumulative, &from) == doctest::Approx(126.85));
    CHECK(from == 2022);
    CHECK(*realisasi_to_date(r, 2021, 2021, Aggregation::cumulative, &from) == doctest::Approx(60));
    CHECK(from == 2021);
    CHECK_FALSE(realisasi_to_date(r, 2021, 2020, Aggregation::last_value, &from));
    CHECK_FALSE(from);
}

TEST_CASE("method: a standard is compared by polarity at display precision") {
    CHECK(standing(5, 7, Polarity::negative, 2) == Standing::better);
    CHECK(standing(9, 7, Polarity::negative, 2) == Standing::below);
    CHECK(standing(9, 7, Polarity::positive, 2) == Standing::better);
    CHECK(standing(5, 7, Polarity::positive, 2) == Standing::below);
    CHECK(standing(7.004, 7, Polarity::negative, 2) == Standing::equal);
}

TEST_CASE("method: efficiency compares the achievement, never a class mean") {
    // Pontianak 2020 in small: both IKU at or above target (100,18% and 100,11%), serapan 97,47%.
    // Data kelompok gives the sasaran 95 (its class mean), below serapan; the achievement is above.
    std::string t = with("27", "metode_sasaran = \"data-kelompok\"");
    t = replaced(t, "realisasi = 900_000", "realisasi = 974_700");
    const AgencyYear d = load(t);
    const ReportValues v = compute_report(d);
    CHECK(shown(v.sasaran[0].capaian.persen) == "95,00");
    CHECK(shown(v.sasaran[0].efisiensi.capaian) == "100,14");  // (100,1752 + 100,1112) / 2
    CHECK(v.sasaran[0].efisiensi.efisien);
    CHECK(shown(v.sasaran[0].efisiensi.nilai) == "2,74");
    const std::string md = markdown(t);
    CHECK(md.find("Dibandingkan dengan rata-rata capaian indikator sasaran ini sebesar 100,14%, terdapat efisiensi "
                  "penggunaan sumber daya sebesar 2,74%.") != std::string::npos);
}

TEST_CASE("method: an implausible capaian is printed in its table, never headlined, classified or efficient") {
    // Probolinggo 2021: 3.537.597.309.237.210 against 51.000.000.000.
    std::string t = replaced(test::minimal_toml(), "target = { 2024 = 26.97 }", "target = { 2024 = 51_000_000_000 }");
    t = replaced(t, "realisasi = { 2024 = 14.5 }", "realisasi = { 2024 = 3_537_597_309_237_210 }");
    const std::string md = markdown(t);
    CHECK(md.find("| 6.936.465,31 |") != std::string::npos);  // the table
    CHECK(md.find("6.936.465,31% dengan kategori") == std::string::npos);
    CHECK(md.find("1.387.365") == std::string::npos);
    // (100,1752 + 120) / 2, the rule beside it and the clamped value named.
    CHECK(md.find("dengan rata-rata capaian indikator kinerja utama sebesar 110,09% (capaian setiap indikator dibatasi "
                  "pada 0–120%). Capaian indikator Nilai ekspor sebesar 6.936.465,31% diperhitungkan 120% "
                  "dalam rata-rata tersebut.") != std::string::npos);
    CHECK(md.find("perbandingan keduanya, 6.936.465,31%, berada di luar batas kewajaran 0–300% sehingga tidak diberi "
                  "kategori") != std::string::npos);
    CHECK(md.find("Efisiensi penggunaan sumber daya tidak dinilai karena capaian indikator Nilai ekspor sebesar "
                  "6.936.465,31% berada di luar batas kewajaran 0–300%.") != std::string::npos);
    CHECK(md.find("efisien karena") == std::string::npos);
    CHECK(md.find("terdapat efisiensi penggunaan sumber daya sebesar") == std::string::npos);

    // As computed, no verdict is headlined at all.
    const std::string as_is = markdown(t + "\n[pengaturan]\nrata_rata = \"apa-adanya\"\n");
    CHECK(as_is.find("dapat dikatakan") == std::string::npos);
    CHECK(as_is.find("Rata-rata capaian indikator kinerja utama tidak disimpulkan karena capaian indikator Nilai "
                     "ekspor sebesar 6.936.465,31% berada di luar batas kewajaran 0–300%") != std::string::npos);
    // The sasaran's mean is not concluded in its table, and stays out of the chart.
    CHECK(as_is.find("| 1 | Meningkatnya akuntabilitas | 2 | - | Tidak disimpulkan (capaian indikator di luar batas "
                     "kewajaran) |") != std::string::npos);
    CHECK(as_is.find("| Sasaran 1: Meningkatnya akuntabilitas | 3.468.282,74 |") == std::string::npos);
    CHECK(as_is.find("3.468.282,74%") == std::string::npos);
}

TEST_CASE("method: target 0 and realisasi 0 in the report") {
    std::string t = replaced(test::minimal_toml(), "satuan = \"Juta USD\"", "satuan = \"kasus\"\npolaritas = \"negatif\"");
    t = replaced(t, "target = { 2024 = 26.97 }", "target = { 2024 = 0 }");
    t = replaced(t, "realisasi = { 2024 = 14.5 }", "realisasi = { 2024 = 0 }");
    const std::string md = markdown(t);
    CHECK(md.find("Indikator Nilai ekspor ditargetkan 0 kasus dan realisasinya 0 kasus; karena semakin rendah "
                  "realisasi semakin baik, target tersebut dinyatakan tercapai dengan capaian 100,00%") != std::string::npos);
    const std::string off = markdown(t + "\n[pengaturan]\ntarget_nol = \"tidak-dapat-diukur\"\n");
    CHECK(off.find("belum dapat diukur capaiannya karena targetnya bernilai nol") != std::string::npos);
}

TEST_CASE("method: progress to the Renstra end names the year of its value") {
    // IKU-1 without a 2024 realisasi: the last value is 2023's.
    const std::string t = replaced(test::minimal_toml(), "realisasi = { 2023 = 85.45, 2024 = 85.75 }", "realisasi = { 2023 = 85.45 }");
    const std::string md = markdown(t);
    CHECK(md.find("Realisasi indikator Nilai SAKIP OPD tahun 2024 belum tersedia; realisasi terakhir, tahun 2023, "
                  "sebesar 85,45 atau 99,59% dari target akhir Renstra tahun 2026 sebesar 85,80.") !=
          std::string::npos);
    CHECK(md.find("| 85,45 (2023) |") != std::string::npos);
    CHECK(md.find("Sampai dengan tahun 2024, realisasi indikator Nilai SAKIP OPD") == std::string::npos);
    // With this year's value, the sentence says this year.
    CHECK(markdown(test::minimal_toml()).find("Realisasi indikator Nilai SAKIP OPD tahun 2024 sebesar 85,75 atau "
                                              "99,94% dari target akhir Renstra tahun 2026") != std::string::npos);
}

TEST_CASE("method: a standard is worded by polarity in the report") {
    std::string t = replaced(test::minimal_toml(), "satuan = \"Juta USD\"",
                             "satuan = \"persen\"\npolaritas = \"negatif\"\nstandar_nasional = 20");
    const std::string md = markdown(t);  // realisasi 14,50 below a standard of 20: better
    CHECK(md.find("Standar nasional untuk indikator Nilai ekspor adalah 20,00%; realisasi tahun 2024 lebih baik "
                  "dari standar tersebut.") != std::string::npos);
    CHECK(md.find("berada di atas standar") == std::string::npos);
}

TEST_CASE("method: tujuan indicators get the analyses of the IKU") {
    std::string t = test::minimal_toml() + R"(
[[indikator]]
id = "IKT-1"
nama = "Pertumbuhan ekonomi"
tujuan = "T1"
satuan = "persen"
kondisi_awal = 4.1
standar_nasional = 5
target = { 2023 = 5, 2024 = 5.2, 2026 = 5.6 }
realisasi = { 2023 = 5.1, 2024 = 5.4 }
[[indikator.pembanding]]
nama = "Kota Lain"
satuan = "persen"
nilai = 5.3
)";
    const std::string md = markdown(t);
    CHECK(md.find("Realisasi indikator Pertumbuhan ekonomi tahun 2024 sebesar 5,40% naik dibandingkan realisasi "
                  "tahun 2023") != std::string::npos);
    CHECK(md.find("Realisasi indikator Pertumbuhan ekonomi tahun 2024 sebesar 5,40% atau 96,43% dari target akhir "
                  "Renstra tahun 2026 sebesar 5,60%.") != std::string::npos);
    CHECK(md.find("Standar nasional untuk indikator Pertumbuhan ekonomi adalah 5,00%; realisasi tahun 2024 lebih "
                  "baik dari standar tersebut.") != std::string::npos);
    CHECK(md.find("| 2 | Kota Lain | persen | 5,30 | - |") != std::string::npos);
}

TEST_CASE("method: the components of a computed indicator beside its value") {
    std::string t = replaced(test::minimal_toml(), "realisasi = { 2024 = 14.5 }", R"(rumus = "tempat / daftar * 100"
[[indikator.komponen]]
id = "tempat"
nama = "Pencari kerja ditempatkan"
satuan = "orang"
nilai = { 2024 = 5604 }
[[indikator.komponen]]
id = "daftar"
nama = "Pencari kerja terdaftar"
satuan = "orang"
nilai = { 2024 = 12937 })");
    const std::string md = markdown(t);
    CHECK(md.find("Realisasi tersebut dihitung dari Pencari kerja ditempatkan sebesar 5.604 orang dan Pencari kerja "
                  "terdaftar sebesar 12.937 orang") != std::string::npos);
}

TEST_CASE("method: the pagu penetapan beside the pagu after the APBD-P") {
    const std::string t = replaced(test::minimal_toml(), "pagu = 1_000_000", "pagu = 1_000_000\npagu_perubahan = 1_200_000");
    const std::string md = markdown(t);
    CHECK(md.find("setelah perubahan APBD (pagu penetapan Rp 1.000.000) sebesar Rp 1.200.000") != std::string::npos);
    CHECK(md.find("| Pagu Penetapan (Rp) | Pagu Perubahan (Rp) |") != std::string::npos);
    CHECK(md.find("| | **Jumlah** | **1.000.000** | **1.200.000** |") != std::string::npos);
}

TEST_CASE("method: absent realisasi of program indicators is said once per section") {
    std::string t = replaced(test::minimal_toml(), "sasaran = [\"S1\"]", R"(sasaran = ["S1"]
[[program.indikator]]
nama = "Dokumen perencanaan"
satuan = "dokumen"
target = 3
[[program.indikator]]
nama = "Laporan kinerja"
satuan = "dokumen"
target = 2)");
    const std::string md = markdown(t);
    CHECK(md.find("belum memiliki data realisasi") == std::string::npos);
    CHECK(md.find("Target indikator Dokumen perencanaan sebesar 3 dokumen. Target indikator Laporan kinerja sebesar 2 dokumen.") !=
          std::string::npos);
    std::size_t n = 0;
    for (auto at = md.find("Untuk indikator yang hanya disebutkan targetnya, realisasi tahun 2024 belum tersedia"); at != std::string::npos;
         at = md.find("Untuk indikator yang hanya disebutkan targetnya, realisasi tahun 2024 belum tersedia", at + 1)) {
        ++n;
    }
    CHECK(n == 1);
    CHECK(md.find("tidak tercantum dalam data") == std::string::npos);
}

TEST_CASE("method: pagu_tertulis says which pagu it states") {
    const std::string base = replaced(test::minimal_toml(), "pagu = 1_000_000", "pagu = 1_000_000\npagu_perubahan = 1_200_000");
    auto warnings = [](const std::string& text) {
        Diagnostics diags;
        lint_agency_year(load(text), diags);
        std::string out;
        for (const auto& d : diags.items()) {
            // The first line: position and message (the hint follows on its own line).
            const std::string f = format_diagnostic(d);
            if (d.message.find("pagu") != std::string::npos) out += f.substr(0, f.find('\n')) + "\n";
        }
        return out;
    };
    // By default the stated pagu is the pagu in force after the APBD-P.
    CHECK(warnings(base + "\n[anggaran]\npagu_tertulis = 1_000_000\n") ==
          "x.toml:81:17: warning: the agency states a total pagu of Rp 1.000.000, but its parts add up to Rp 1.200.000 "
          "(a difference of -Rp 200.000)\n");
    CHECK(warnings(base + "\n[anggaran]\npagu_tertulis = 1_000_000\npagu_tertulis_jenis = \"penetapan\"\n").empty());
    CHECK(warnings(base + "\n[anggaran]\npagu_tertulis = 1_200_000\npagu_tertulis_jenis = \"penetapan\"\n") ==
          "x.toml:81:17: warning: the agency states a total pagu penetapan of Rp 1.200.000, but its parts add up to "
          "Rp 1.000.000 (a difference of Rp 200.000)\n");
    // On a kegiatan too.
    const std::string kegiatan = replaced(base, "nama = \"Perencanaan\"",
                                          "nama = \"Perencanaan\"\npagu_tertulis = 1_000_000\npagu_tertulis_jenis = \"penetapan\"");
    CHECK(warnings(kegiatan).empty());
    Diagnostics bad;
    CHECK_FALSE(load_agency_year_text(base + "\n[anggaran]\npagu_tertulis_jenis = \"apbd\"\n", "x.toml", bad));
}

TEST_CASE("method: trends and progress without data are said once per section") {
    // IKU-2 has no 2023 realisasi and no 2026 target; IKU-1 has both.
    std::string md = markdown(test::minimal_toml());
    CHECK(md.find("Perbandingan dengan realisasi tahun 2023 belum dapat disajikan untuk indikator Nilai ekspor karena "
                  "realisasi tahun tersebut atau tahun 2024 belum tersedia pada saat laporan ini disusun.") != std::string::npos);
    CHECK(md.find("Target akhir Renstra untuk indikator Nilai ekspor belum ditetapkan, sehingga kemajuannya belum dapat "
                  "diukur.") != std::string::npos);
    CHECK(md.find("Realisasi indikator Nilai ekspor belum dapat dibandingkan") == std::string::npos);
    // No realisasi at all: one sentence for the section.
    std::string t = replaced(test::minimal_toml(), "realisasi = { 2023 = 85.45, 2024 = 85.75 }", "");
    t = replaced(t, "realisasi = { 2024 = 14.5 }", "target_akhir = 30");
    t = replaced(t, "realisasi = 900_000\n", "");
    md = markdown(t);
    CHECK(md.find("Kemajuan seluruh indikator di atas terhadap target akhir Renstra tahun 2026 belum dapat diukur karena "
                  "realisasinya belum tersedia pada saat laporan ini disusun.") != std::string::npos);
    CHECK(md.find("Perbandingan dengan realisasi tahun 2023 belum dapat disajikan untuk seluruh indikator di atas") !=
          std::string::npos);
}

TEST_CASE("method: an average names the indicators it left out") {
    const std::string t = replaced(test::minimal_toml(), "realisasi = { 2024 = 14.5 }", "");
    const std::string md = markdown(t);
    CHECK(md.find("sebesar 100,18% (capaian setiap indikator dibatasi pada 0–120%) dengan kategori **Sangat Tinggi**. Indikator Nilai ekspor, yang belum "
                  "dapat diukur capaiannya, tidak diikutkan dalam rata-rata tersebut.") != std::string::npos);
    const GroupCapaian g = group_capaian({positive(10, 12), capaian(10, std::nullopt, Polarity::positive, {})},
                                         GroupMethod::mean, scale54(), 2, capped());
    REQUIRE(g.unmeasured.size() == 1);
    CHECK(g.unmeasured[0] == 1);
}
