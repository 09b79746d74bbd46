// Seed 004's plan as it stands (issue 15): a sub kegiatan serving a sasaran its siblings do not
// (Tabel 8), indicators of an earlier IKU set kept for the IKU history only (Tabel 2), tujuan
// indicators outside the PK (Tabel 3), the PK's purposes (§2.3 a-e) and the per-sasaran analysis
// of the programs (Tabel 12).
#include <doctest/doctest.h>

#include <string>

#include "compute/compute.hpp"
#include "data/data.hpp"
#include "fixture.hpp"
#include "report/report.hpp"

using namespace lkjip;

namespace {

using lkjip::test::replaced;

std::string errors(const std::string& text) {
    Diagnostics diags;
    (void)load_agency_year_text(text, "x.toml", diags);
    std::string out;
    for (const auto& d : diags.items()) out += format_diagnostic(d) + "\n";
    return out;
}

AgencyYear load(const std::string& text) {
    Diagnostics diags;
    auto m = load_agency_year_text(text, "x.toml", diags);
    REQUIRE_MESSAGE(m, (diags.items().empty() ? std::string() : format_diagnostic(diags.items()[0])));
    CHECK(diags.items().empty());
    return *m;
}

std::string markdown(const std::string& text, std::optional<int> bab,
                     report::DocumentKind kind = report::DocumentKind::lkjip) {
    Diagnostics diags;
    auto model = load_agency_year_text(text, "x.toml", diags);
    REQUIRE(model);
    auto md = report::render_markdown(*model, {bab, {}, kind}, diags);
    REQUIRE(md);
    return *md;
}

std::string lint_messages(const std::string& text) {
    Diagnostics diags;
    lint_agency_year(load(text), diags);
    std::string out;
    for (const auto& d : diags.items()) out += d.message + "\n";
    return out;
}

// A second sasaran S2 and a second sub kegiatan (Rp 3.000.000) in the fixture's one kegiatan.
std::string two_sasaran(const std::string& second_sub_extra) {
    std::string t = replaced(test::minimal_toml(), "[[indikator]]\nid = \"IKU-1\"",
                             "[[renstra.sasaran]]\nid = \"S2\"\ntujuan = \"T1\"\nuraian = \"Meningkatnya pelayanan\"\n\n"
                             "[[indikator]]\nid = \"IKU-1\"");
    t = replaced(t, "realisasi = 900_000\n",
                 "realisasi = 900_000\n\n[[program.kegiatan.sub]]\nkode = \"3.30.01.2.01.0002\"\nnama = \"Koordinasi Sarana\"\n" +
                     second_sub_extra + "pagu = 3_000_000\nrealisasi = 2_000_000\n");
    return t;
}

}  // namespace

TEST_CASE("plan: a sub kegiatan's own sasaran counts only that sub kegiatan (seed 004 Tabel 8)") {
    const AgencyYear d = load(two_sasaran("sasaran = [\"S2\"]\n"));
    const auto v = compute::compute_report(d);
    REQUIRE(v.sasaran.size() == 2);
    // S1 (the program's) keeps the sibling, S2 takes the one sub kegiatan that names it.
    CHECK(v.sasaran[0].budget.pagu.sen == 100'000'000);
    CHECK(v.sasaran[0].budget.realisasi.sen == 90'000'000);
    CHECK(v.sasaran[1].budget.pagu.sen == 300'000'000);
    CHECK(v.sasaran[1].budget.realisasi.sen == 200'000'000);
    REQUIRE(v.sasaran[1].kegiatan_sub.size() == 1);
    CHECK(v.sasaran[1].kegiatan_sub[0] == 1);
    CHECK(v.sasaran[0].kegiatan_sub == std::vector<std::size_t>{0});
    CHECK(v.total.pagu.sen == 400'000'000);
    // The sasaran's budget table names the sub kegiatan, not its whole kegiatan.
    const std::string md = markdown(two_sasaran("sasaran = [\"S2\"]\n"), 3);
    CHECK(md.find("Sub Kegiatan Koordinasi Sarana") != std::string::npos);
}

TEST_CASE("plan: a kegiatan whose sub kegiatan all serve a sasaran counts whole") {
    const auto v = compute::compute_report(load(two_sasaran("sasaran = [\"S1\", \"S2\"]\n")));
    CHECK(v.sasaran[0].budget.pagu.sen == 400'000'000);
    CHECK(v.sasaran[0].kegiatan_sub == std::vector<std::size_t>{compute::kWholeKegiatan});
    CHECK(v.sasaran[1].budget.pagu.sen == 300'000'000);
    CHECK(v.sasaran[1].kegiatan_sub == std::vector<std::size_t>{1});
    // Without any sub kegiatan list the kegiatan follows its program, as before.
    const auto plain = compute::compute_report(load(two_sasaran("")));
    CHECK(plain.sasaran[0].budget.pagu.sen == 400'000'000);
    CHECK(plain.sasaran[1].kegiatan.empty());
}

TEST_CASE("plan: a sub kegiatan naming an unknown sasaran is an error at its position") {
    const std::string msg = errors(two_sasaran("sasaran = [\"S9\"]\n"));
    CHECK(msg.find("x.toml:") == 0);
    CHECK(msg.find("S9") != std::string::npos);
    CHECK(msg.find("sub kegiatan 3.30.01.2.01.0002") != std::string::npos);
}

namespace {

const std::string kHistory = R"(
[[indikator]]
id = "IK-OLD"
nama = "Persentase IKM Yang Terstandarisasi"
sasaran = "S1"
satuan = "Persen"
riwayat = true
target = { 2021 = 10, 2022 = 12 }
)";

}  // namespace

TEST_CASE("plan: an indicator of an earlier IKU set stands in the Renstra table only (seed 004 Tabel 2)") {
    const std::string text = test::minimal_toml() + kHistory;
    const AgencyYear d = load(text);
    REQUIRE(d.indikator.size() == 3);
    CHECK(d.indikator[2].riwayat);
    CHECK_FALSE(d.indikator[2].iku);
    CHECK_FALSE(d.indikator[2].pk);
    const auto v = compute::compute_report(d);
    CHECK(v.sasaran[0].indicators == std::vector<std::size_t>{0, 1});
    CHECK(v.iku.indicators == std::vector<std::size_t>{0, 1});
    const std::string bab2 = markdown(text, 2);
    CHECK(bab2.find("| | | Persentase IKM Yang Terstandarisasi | % |") != std::string::npos);
    const std::string bab3 = markdown(text, 3);
    CHECK(bab3.find("Persentase IKM Yang Terstandarisasi") == std::string::npos);
    CHECK(markdown(text, std::nullopt, report::DocumentKind::pk).find("Persentase IKM") == std::string::npos);
    // No measurement of the report year, so nothing to lint: the same warnings as without it.
    CHECK(lint_messages(text) == lint_messages(test::minimal_toml()));
}

TEST_CASE("plan: riwayat with iku or pk set true is a contradiction") {
    const std::string iku = errors(test::minimal_toml() + replaced(kHistory, "riwayat = true", "riwayat = true\niku = true"));
    CHECK(iku.find("x.toml:") == 0);
    CHECK(iku.find("`riwayat = true`") != std::string::npos);
    const std::string pk = errors(test::minimal_toml() + replaced(kHistory, "riwayat = true", "riwayat = true\npk = true"));
    CHECK(pk.find("Perjanjian Kinerja") != std::string::npos);
    CHECK(errors(test::minimal_toml() + replaced(kHistory, "riwayat = true", "riwayat = \"ya\"")).find("x.toml:") == 0);
}

namespace {

const std::string kTujuanIndicator = R"(
[[indikator]]
id = "IT-1"
nama = "Angka Pertumbuhan PDRB Sektor Industri"
tujuan = "T1"
satuan = "Persen"
target = {}
)";

}  // namespace

TEST_CASE("plan: pk = false keeps a tujuan indicator out of the PK form and its lint (seed 004 Tabel 3)") {
    const std::string in_pk = test::minimal_toml() + kTujuanIndicator;
    const std::string out_pk = test::minimal_toml() + replaced(kTujuanIndicator, "target = {}", "pk = false\ntarget = {}");
    CHECK(markdown(in_pk, std::nullopt, report::DocumentKind::pk).find("Angka Pertumbuhan PDRB") != std::string::npos);
    CHECK(markdown(out_pk, std::nullopt, report::DocumentKind::pk).find("Angka Pertumbuhan PDRB") == std::string::npos);
    CHECK(lint_messages(in_pk).find("`IT-1` has no target for 2024") != std::string::npos);
    CHECK(lint_messages(out_pk).find("`IT-1` has no target") == std::string::npos);
    // Still a tujuan indicator of the Renstra table.
    CHECK(markdown(out_pk, 2).find("| | | Angka Pertumbuhan PDRB Sektor Industri |") != std::string::npos);
}

TEST_CASE("plan: the PK's purposes and account in BAB II, the programs' analysis under part g") {
    std::string text = replaced(test::minimal_toml(), "[pk]\ntanggal = 2024-01-02",
                                "[pk]\ntanggal = 2024-01-02\ntujuan = [\"Menciptakan tolok ukur kinerja;\", "
                                "\"Sebagai dasar dalam penetapan sasaran kinerja pegawai.\"]\n"
                                "uraian = \"Perjanjian kinerja terdiri atas 2 (dua) bagian.\"");
    text = replaced(text, "analisis = \"Tercapai.\"",
                    "analisis = \"Tercapai.\"\nanalisis_program = \"Dari 4 kegiatan terdapat 4 kegiatan yang efisien.\"");
    const std::string bab2 = markdown(text, 2);
    const auto list = bab2.find("1. Menciptakan tolok ukur kinerja;\n2. Sebagai dasar dalam penetapan sasaran kinerja pegawai.");
    CHECK(list != std::string::npos);
    const auto account = bab2.find("Perjanjian kinerja terdiri atas 2 (dua) bagian.");
    CHECK(account != std::string::npos);
    CHECK(list < account);
    const std::string bab3 = markdown(text, 3);
    const auto g = bab3.find("**g. Program dan kegiatan");
    const auto analysis = bab3.find("Dari 4 kegiatan terdapat 4 kegiatan yang efisien.");
    REQUIRE(g != std::string::npos);
    CHECK(analysis != std::string::npos);
    CHECK(g < analysis);
    // Without them BAB II says nothing of the PK's purposes.
    CHECK(markdown(test::minimal_toml(), 2).find("Tujuan Perjanjian Kinerja") == std::string::npos);
}
