// The warnings of `lkjip check` for issue 16: plausibility (a capaian outside the band, money
// beyond or below what can be, a PK without its target, staff tables that disagree, years outside
// the Renstra, an urusan without program, a jabatan of another kind of region) and consistency (a
// narrative that contradicts the computed trend or verdict). Each with its exact message and
// position; the matcher of the narrative also on its own, over made-up sentences.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "data/data.hpp"
#include "data/lint_narrative.hpp"
#include "fixture.hpp"

using namespace lkjip;

namespace {

// The minimal file with pieces of text replaced (each must exist).
std::string with(std::string t, const std::vector<std::pair<std::string, std::string>>& edits) {
    for (const auto& [from, to] : edits) {
        const auto at = t.find(from);
        REQUIRE_MESSAGE(at != std::string::npos, "fixture lacks: " << from);
        t.replace(at, from.size(), to);
    }
    return t;
}
std::string with(const std::string& from, const std::string& to) { return with(test::minimal_toml(), {{from, to}}); }

// Every diagnostic of load + lint, as the CLI prints it.
std::vector<std::string> lint(const std::string& text) {
    Diagnostics diags;
    auto model = load_agency_year_text(text, "x.toml", diags);
    if (model) lint_agency_year(*model, diags);
    std::vector<std::string> out;
    for (const auto& d : diags.items()) out.push_back(format_diagnostic(d));
    return out;
}

// The diagnostics whose text contains `needle`.
std::vector<std::string> lint_about(const std::string& text, const std::string& needle) {
    std::vector<std::string> out;
    for (auto& l : lint(text)) {
        if (l.find(needle) != std::string::npos) out.push_back(l);
    }
    return out;
}

// "x.toml:LINE:COL" of the first occurrence of `needle` in `text` (the column of its first byte).
std::string at(const std::string& text, const std::string& needle) {
    const auto pos = text.find(needle);
    REQUIRE_MESSAGE(pos != std::string::npos, "text lacks: " << needle);
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n');
    const auto start = text.rfind('\n', pos);
    const auto col = pos - (start == std::string::npos ? 0 : start + 1) + 1;
    return "x.toml:" + std::to_string(line) + ":" + std::to_string(col);
}

const char* kBandHint =
    "  hint: a unit or a scale typed wrong, a digit too many? The band is [pengaturan] `capaian_wajar_min` and "
    "`capaian_wajar_maks`\n";

}  // namespace

TEST_CASE("lint: the minimal file has no issue-16 warning") {
    CHECK(lint(test::minimal_toml()).empty());
}

TEST_CASE("lint: a capaian outside the plausible band points at the value that makes it") {
    SUBCASE("a realisasi a thousandfold too large, no other year to compare with: the realisasi") {
        const std::string t = with("realisasi = { 2024 = 14.5 }", "realisasi = { 2024 = 145000 }");
        CHECK(lint_about(t, "plausible") ==
              std::vector<std::string>{at(t, "145000") + ": warning: indikator `IKU-2`: the realisasi 145.000,00 of 2024 gives "
                                       "a capaian of 537.634,41% against the target 26,97, outside the plausible band 0-300%\n" +
                                       kBandHint});
    }
    SUBCASE("a target out of line with the other years: the target") {
        const std::string t = with("2024 = 85.6,", "2024 = 0.856,");
        CHECK(lint_about(t, "plausible") ==
              std::vector<std::string>{at(t, "0.856") + ": warning: indikator `IKU-1`: the target 0,86 of 2024 gives the "
                                       "realisasi 85,75 a capaian of 10.017,52%, outside the plausible band 0-300%\n" +
                                       kBandHint});
    }
    SUBCASE("below zero") {
        const std::string t = with("realisasi = { 2024 = 14.5 }", "realisasi = { 2024 = -5 }");
        CHECK(lint_about(t, "plausible") ==
              std::vector<std::string>{at(t, "-5 }") + ": warning: indikator `IKU-2`: the realisasi -5,00 of 2024 gives "
                                       "a capaian of -18,54% against the target 26,97, outside the plausible band 0-300%\n" +
                                       kBandHint});
    }
    SUBCASE("the band is a setting, and program indicators are measured against it too") {
        const std::string t = test::minimal_toml() +
                              "\n[pengaturan]\ncapaian_wajar_min = 60\ncapaian_wajar_maks = 150.5\n"
                              "\n[[program.indikator]]\nnama = \"Persentase dokumen\"\nsatuan = \"Persen\"\ntarget = 10\n"
                              "realisasi = 16\n";
        const auto w = lint_about(t, "plausible");
        REQUIRE(w.size() == 2);
        CHECK(w[0] == at(t, "14.5 }") +
                          ": warning: indikator `IKU-2`: the realisasi 14,50 of 2024 gives a capaian of 53,76% against the "
                          "target 26,97, outside the plausible band 60-150,50%\n" + kBandHint);
        CHECK(w[1] == at(t, "16\n") + ": warning: program 3.30.01, indikator `Persentase dokumen`: the realisasi 16,00 gives "
                                      "a capaian of 160,00% against the target 10,00, outside the plausible band 60-150,50%\n" +
                          kBandHint);
    }
}

TEST_CASE("lint: the progress against the Renstra's end target outside the band") {
    const char* hint = "  hint: were those years measured on another basis than the Renstra's targets (a definition changed "
                       "between plans), or was a value typed wrong? The report prints the value without a category\n";
    SUBCASE("an end target out of line with the other years: the target") {
        const std::string t = with("2026 = 85.8 }", "2026 = 8.58 }");
        CHECK(lint_about(t, "plausible") ==
              std::vector<std::string>{at(t, "8.58") + ": warning: indikator `IKU-1`: the realisasi 85,75 of 2024 is 999,42% "
                                       "of the Renstra's end target 8,58 (2026), outside the plausible band 0-300%\n" + hint});
    }
    SUBCASE("the last realisasi of an earlier year, on another basis: that realisasi") {
        const std::string t = with(test::minimal_toml(), {{"{ 2023 = 85.5, 2024 = 85.6, 2026 = 85.8 }", "{ 2023 = 4.15, 2024 = 4.25, 2026 = 4.3 }"},
                                                          {"realisasi = { 2023 = 85.45, 2024 = 85.75 }", "realisasi = { 2022 = 29.5 }"}});
        CHECK(lint_about(t, "end target") ==
              std::vector<std::string>{at(t, "29.5") + ": warning: indikator `IKU-1`: the realisasi 29,50 of 2022 is 686,05% "
                                       "of the Renstra's end target 4,30 (2026), outside the plausible band 0-300%\n" + hint});
    }
}

TEST_CASE("lint: realisasi above the pagu at every leaf, and negative money") {
    SUBCASE("a sub kegiatan") {
        const std::string t = with("realisasi = 900_000", "realisasi = 1_000_001");
        CHECK(lint_about(t, "exceeds") ==
              std::vector<std::string>{at(t, "1_000_001") + ": warning: sub kegiatan 3.30.01.2.01.0001: realisasi Rp 1.000.001 "
                                       "exceeds its pagu Rp 1.000.000\n  hint: check the realisasi and the pagu against the DPA\n"});
    }
    SUBCASE("a kegiatan without sub kegiatan (before 2021), against its pagu perubahan") {
        const std::string t = with(test::minimal_toml(),
                                   {{"[[program.kegiatan.sub]]\nkode = \"3.30.01.2.01.0001\"\nnama = \"Penyusunan Dokumen\"\n", ""},
                                    {"pagu = 1_000_000", "pagu = 1_000_000\npagu_perubahan = 800_000"}});
        CHECK(lint_about(t, "exceeds") ==
              std::vector<std::string>{at(t, "900_000") + ": warning: kegiatan 3.30.01.2.01: realisasi Rp 900.000 exceeds its "
                                       "pagu Rp 800.000\n  hint: check the realisasi and the pagu against the DPA\n"});
    }
    SUBCASE("negative amounts, wherever money is") {
        const std::string t = with(test::minimal_toml(), {{"realisasi = 900_000", "realisasi = \"-0,50\""}}) +
                              "\n[anggaran]\npagu_tertulis = -1\npendapatan = [{ uraian = \"Retribusi\", target = 10, "
                              "realisasi = -2 }]\n";
        CHECK(lint_about(t, "negative") ==
              std::vector<std::string>{
                  at(t, "\"-0,50\"") + ": warning: sub kegiatan 3.30.01.2.01.0001: `realisasi` is negative (-Rp 0,50)\n"
                                       "  hint: a pagu or a realisasi is an amount budgeted or spent, never below zero\n",
                  at(t, "-1\n") + ": warning: [anggaran] `pagu_tertulis` is negative (-Rp 1)\n"
                                  "  hint: a pagu or a realisasi is an amount budgeted or spent, never below zero\n",
                  at(t, "-2 }") + ": warning: pendapatan `Retribusi`: `realisasi` is negative (-Rp 2)\n"
                                  "  hint: revenue targeted or received is never below zero\n"});
    }
}

TEST_CASE("lint: an IKU of the PK without a target for the report year") {
    const std::string t = with("target = { 2024 = 26.97 }", "target = { 2023 = 26.97 }");
    CHECK(lint_about(t, "no target for") ==
          std::vector<std::string>{at(t, "{ 2023 = 26.97 }") + ": warning: IKU `IKU-2` has no target for 2024, the year of the "
                                   "report and of its Perjanjian Kinerja: its capaian cannot be measured\n"
                                   "  hint: add 2024 to `target` (or give `target_pk`) from the PK 2024\n"});
    // With target_pk the PK has its target; an indicator that is no IKU is not in the PK.
    CHECK(lint_about(with("target = { 2024 = 26.97 }", "target = { 2023 = 26.97 }\ntarget_pk = 26.97"), "no target for").empty());
    CHECK(lint_about(with("target = { 2024 = 26.97 }", "target = { 2023 = 26.97 }\niku = false"), "no target for").empty());
}

TEST_CASE("lint: staff tables of the same staff that disagree") {
    const std::string golongan = "\n[[pegawai]]\njudul = \"Golongan\"\nkelompok = [\"III\", \"IV\"]\n"
                                 "[[pegawai.baris]]\nunit = \"Sekretariat\"\nl = [1, 2]\np = [3, 4]\n"
                                 "[[pegawai.baris]]\nunit = \"Bidang\"\nl = [1, 0]\np = [0, 0]\n";
    const std::string pendidikan = "\n[[pegawai]]\njudul = \"Pendidikan\"\nkelompok = [\"S1\"]\nper_jenis_kelamin = false\n"
                                   "[[pegawai.baris]]\nunit = \"Bidang\"\njumlah = [1]\n"
                                   "[[pegawai.baris]]\nunit = \"sekretariat \"\njumlah = [9]\n";
    SUBCASE("the same units, rows in another order: 11 against 10") {
        const std::string t = test::minimal_toml() + golongan + pendidikan;
        const std::string second = "[[pegawai]]\njudul = \"Pendidikan\"";
        CHECK(lint_about(t, "staff table") ==
              std::vector<std::string>{at(t, second) + ": warning: staff table 'Pendidikan' counts 10 staff, but table "
                                       "'Golongan' counts 11 in the same units\n"
                                       "  hint: both count the agency's staff: check the rows of both against one staff list\n"});
    }
    SUBCASE("other scopes are not compared: another set of units, staff over the years") {
        const std::string bidang = "\n[[pegawai]]\njudul = \"Jabatan\"\nkelompok = [\"Fungsional\"]\nper_jenis_kelamin = false\n"
                                   "[[pegawai.baris]]\nunit = \"Bidang\"\njumlah = [4]\n";
        const std::string tahun = "\n[[pegawai]]\njudul = \"Perkembangan\"\nkelompok = [\"2022\", \"2023\"]\n"
                                  "per_jenis_kelamin = false\n[[pegawai.baris]]\nunit = \"Sekretariat\"\njumlah = [10, 10]\n"
                                  "[[pegawai.baris]]\nunit = \"Bidang\"\njumlah = [1, 1]\n";
        CHECK(lint_about(test::minimal_toml() + golongan + bidang + tahun, "staff table").empty());
    }
}

TEST_CASE("lint: realisasi years outside the Renstra and its previous period") {
    // Renstra 2021-2026: 2016 belongs to the period before (the trend prints it), 2015 is too early.
    const std::string t = with("realisasi = { 2023 = 85.45, 2024 = 85.75 }",
                               "realisasi = { 2015 = 80, 2016 = 81, 2023 = 85.45, 2024 = 85.75 }");
    CHECK(lint_about(t, "has a realisasi") ==
          std::vector<std::string>{at(t, "80,") + ": warning: indikator `IKU-1` has a realisasi for 2015, outside the Renstra "
                                   "period 2021-2026 and the 5 years before it\n"});
    const std::string later = with("realisasi = { 2024 = 14.5 }", "realisasi = { 2024 = 14.5, 2025 = 15 }");
    CHECK(lint_about(later, "has a realisasi") ==
          std::vector<std::string>{at(later, "15 }") + ": warning: indikator `IKU-2` has a realisasi for 2025, after the "
                                   "report year 2024\n"});
}

TEST_CASE("lint: an urusan without program") {
    const std::string t = test::minimal_toml() + "\n[[urusan]]\nkode = \"3.30\"\nnama = \"Urusan Perdagangan\"\n"
                                                 "\n[[urusan]]\nkode = \"3.31\"\nnama = \"Urusan Perindustrian\"\n";
    CHECK(lint_about(t, "urusan") ==
          std::vector<std::string>{at(t, "\"3.31\"") + ": warning: urusan 3.31 (Urusan Perindustrian) has no program\n"
                                   "  hint: give its programs `urusan = \"3.31\"` (or a kode that starts with it), or remove it\n"});
}

TEST_CASE("lint: a jabatan or a pemda name of another kind of region") {
    SUBCASE("the kepala dinas of a kabupaten in a kota") {
        const std::string t = with("jabatan = \"Kepala Dinas Contoh\"", "jabatan = \"Kepala Dinas Contoh Kabupaten Contoh\"");
        CHECK(lint_about(t, "names a") ==
              std::vector<std::string>{at(t, "\"Kepala Dinas Contoh Kabupaten") +
                                       ": warning: [pimpinan] `jabatan` `Kepala Dinas Contoh Kabupaten Contoh` names a "
                                       "kabupaten, but [pemda] `jenis` is kota\n"
                                       "  hint: check the jabatan against the region of this data file\n"});
    }
    SUBCASE("the pemda's own name, and a Gubernur as PIHAK KEDUA of a kota") {
        const std::string t = with(test::minimal_toml(), {{"nama = \"Kota Contoh\"", "nama = \"Provinsi Contoh\""},
                                                          {"jabatan = \"Wali Kota Contoh\"", "jabatan = \"Gubernur Contoh\""}});
        const auto w = lint_about(t, "names a");
        REQUIRE(w.size() == 1);  // the kepala's title has its own warning (below), not two
        CHECK(w[0] == at(t, "\"Provinsi Contoh\"") + ": warning: [pemda] `nama` `Provinsi Contoh` names a provinsi, but "
                                                     "[pemda] `jenis` is kota\n"
                                                     "  hint: check the jabatan against the region of this data file\n");
        CHECK(lint_about(t, "the kepala daerah of a kota is a Wali Kota").size() == 1);
    }
    SUBCASE("generic words are no region's name") {
        CHECK(lint_about(with("jabatan = \"Kepala Dinas Contoh\"",
                              "jabatan = \"Kepala Dinas Urusan Kabupaten/Kota dan Ibu Kota Contoh\""),
                         "names a")
                  .empty());
    }
}

TEST_CASE("lint: a sasaran narrative that contradicts the computed trend or verdict") {
    SUBCASE("a movement against the trend, naming the indicator") {
        const std::string t = with("analisis = \"Tercapai.\"",
                                   "analisis = \"Nilai SAKIP OPD menurun dibandingkan tahun lalu, nilai ekspor meningkat.\"");
        CHECK(lint_about(t, "says") ==
              std::vector<std::string>{at(t, "\"Nilai SAKIP OPD menurun") +
                                       ": warning: `analisis` of sasaran `S1` says \"Nilai SAKIP OPD menurun\", but indikator "
                                       "`IKU-1` (Nilai SAKIP OPD) rose from 85,45 in 2023 to 85,75 in 2024\n"
                                       "  hint: the report prints the computed figures beside this text: reword it or correct "
                                       "the figures\n"});
    }
    SUBCASE("a verdict of the sasaran's only indicator, said without its name") {
        const std::string t = with(test::minimal_toml(), {{"sasaran = \"S1\"\nsatuan = \"Juta USD\"", "sasaran = \"S2\"\nsatuan = \"Juta USD\""},
                                                          {"analisis = \"Tercapai.\"", ""}}) +
                              "\n[[renstra.sasaran]]\nid = \"S2\"\ntujuan = \"T1\"\nuraian = \"Meningkatnya ekspor\"\n"
                              "faktor_pendukung = \"Target indikator ini telah tercapai berkat kerja sama.\"\n";
        CHECK(lint_about(t, "says") ==
              std::vector<std::string>{at(t, "\"Target indikator ini") +
                                       ": warning: `faktor_pendukung` of sasaran `S2` says \"indikator ini telah tercapai\", "
                                       "but indikator `IKU-2` (Nilai ekspor) is below its target: capaian 53,76% (belum "
                                       "tercapai)\n"
                                       "  hint: the report prints the computed figures beside this text: reword it or correct "
                                       "the figures\n"});
    }
    SUBCASE("agreeing text, aims and negations give nothing") {
        const std::string t = with("analisis = \"Tercapai.\"",
                                   "analisis = \"Nilai SAKIP OPD meningkat. Nilai ekspor belum tercapai. Upaya peningkatan "
                                   "nilai ekspor dan untuk menurunkan biaya.\"");
        CHECK(lint_about(t, "says").empty());
    }
}

TEST_CASE("lint: a penjelasan that contradicts the verdict of its indicator") {
    const std::string ind = "\n[[program.kegiatan.sub.indikator]]\nnama = \"Persentase dokumen tersusun\"\nsatuan = \"Persen\"\n"
                            "target = 100\nrealisasi = 96.28\n";
    const std::string t = test::minimal_toml() + ind +
                          "penjelasan = \"Indikator program ini dapat terealisasi karena adanya komitmen.\"\n";
    CHECK(lint_about(t, "says") ==
          std::vector<std::string>{at(t, "\"Indikator program ini") +
                                   ": warning: `penjelasan` of sub kegiatan 3.30.01.2.01.0001, indikator `Persentase dokumen "
                                   "tersusun`, says \"Indikator program ini dapat terealisasi\", but its capaian is 96,28% "
                                   "(belum tercapai)\n"
                                   "  hint: the report prints the computed capaian beside this text: reword it or correct "
                                   "the figures\n"});
    CHECK(lint_about(test::minimal_toml() + ind +
                         "penjelasan = \"Indikator program ini belum dapat terealisasi karena kurangnya sarana.\"\n",
                     "says")
              .empty());
}

// ---- the matcher alone --------------------------------------------------------------------

namespace {

narrative::Subject subject(std::string name, std::optional<int> movement, std::optional<bool> better,
                           std::optional<bool> tercapai) {
    return {std::move(name), movement, better, tercapai};
}

std::vector<std::string> quotes(std::string_view text, const std::vector<narrative::Subject>& subjects,
                                std::optional<std::size_t> default_subject = std::nullopt,
                                std::vector<std::string> titles = {}) {
    narrative::Context ctx;
    ctx.subjects = &subjects;
    ctx.default_subject = default_subject;
    ctx.titles = std::move(titles);
    std::vector<std::string> out;
    for (const auto& c : narrative::contradictions(text, ctx)) out.push_back(c.quote);
    return out;
}

using Q = std::vector<std::string>;

}  // namespace

TEST_CASE("narrative: a movement word about a named indicator, against its trend") {
    const std::vector<narrative::Subject> ekspor = {subject("Nilai Ekspor Perdagangan", 1, true, false)};
    // The example: the value rose, the text explains a fall.
    CHECK(quotes("Penurunan nilai ekspor dikarenakan adanya penurunan harga komoditas.", ekspor) ==
          Q{"Penurunan nilai ekspor"});
    CHECK(quotes("Nilai ekspor perdagangan mengalami penurunan pada tahun ini.", ekspor) ==
          Q{"Nilai ekspor perdagangan mengalami penurunan"});
    CHECK(quotes("Nilai ekspor meningkat.", ekspor).empty());
    // The same fall of something else, or with no indicator named, says nothing of it.
    CHECK(quotes("Penurunan harga komoditas dan perlambatan ekonomi global.", ekspor).empty());
    // A value that stayed did not rise; "tidak menurun" agrees with a rise.
    CHECK(quotes("Nilai ekspor naik.", {subject("Nilai Ekspor Perdagangan", 0, std::nullopt, false)}) == Q{"Nilai ekspor naik"});
    CHECK(quotes("Nilai ekspor tidak menurun.", ekspor).empty());
    CHECK(quotes("Nilai ekspor tidak menurun.", {subject("Nilai Ekspor Perdagangan", -1, false, false)}) ==
          Q{"Nilai ekspor tidak menurun"});
    // Unknown values never contradict.
    CHECK(quotes("Penurunan nilai ekspor.", {subject("Nilai Ekspor Perdagangan", std::nullopt, std::nullopt, false)}).empty());
}

TEST_CASE("narrative: the quantity under a ratio is not the ratio") {
    // Seed 004 S3: the number of pelaku usaha mikro rose while the share of mandiri ones stayed.
    const std::vector<narrative::Subject> share = {subject("Persentase Pelaku Usaha Mikro Mandiri", 0, std::nullopt, false)};
    CHECK(quotes("Pelaku Usaha Mikro Tahun 2020 sejumlah 19.263 PUM dan mengalami kenaikan.", share).empty());
    CHECK(quotes("Persentase pelaku usaha mikro mandiri mengalami kenaikan.", share) ==
          Q{"Persentase pelaku usaha mikro mandiri mengalami kenaikan"});
}

TEST_CASE("narrative: aims and transitive verbs are not statements") {
    const std::vector<narrative::Subject> ekspor = {subject("Nilai Ekspor Perdagangan", -1, false, false)};
    CHECK(quotes("Upaya peningkatan nilai ekspor dilaksanakan melalui pameran.", ekspor).empty());
    CHECK(quotes("Pelatihan diadakan untuk meningkatkan nilai ekspor.", ekspor).empty());
    CHECK(quotes("Dalam rangka peningkatan nilai ekspor, dinas mengikuti pameran.", ekspor).empty());
}

TEST_CASE("narrative: polarity: a fall of a negative indicator is good news") {
    // "menurunnya angka pengangguran" states the movement (down), which agrees; its quality is
    // judged by polarity: "membaik" agrees, "kinerja yang menurun" does not.
    const std::vector<narrative::Subject> pengangguran = {subject("Tingkat Pengangguran Terbuka", -1, true, true)};
    CHECK(quotes("Hal ini disebabkan menurunnya tingkat pengangguran terbuka.", pengangguran).empty());
    CHECK(quotes("Tingkat pengangguran terbuka membaik.", pengangguran).empty());
    CHECK(quotes("Tingkat pengangguran terbuka memburuk.", pengangguran) == Q{"Tingkat pengangguran terbuka memburuk"});
    CHECK(quotes("Hal ini menunjukkan kinerja yang menurun.", pengangguran, 0) == Q{"kinerja yang menurun"});
    CHECK(quotes("Hal ini menunjukkan kinerja yang meningkat.", pengangguran, 0).empty());
    // Without the indicator to speak of, "kinerja" is anyone's.
    CHECK(quotes("Hal ini menunjukkan kinerja yang menurun.", pengangguran).empty());
}

TEST_CASE("narrative: verdicts, negated and not") {
    const std::vector<narrative::Subject> belum = {subject("Persentase peningkatan volume ekspor", std::nullopt, std::nullopt, false)};
    const std::vector<narrative::Subject> sudah = {subject("Persentase peningkatan volume ekspor", std::nullopt, std::nullopt, true)};
    CHECK(quotes("Indikator program ini dapat terealisasi karena adanya komitmen.", belum, 0) ==
          Q{"Indikator program ini dapat terealisasi"});
    CHECK(quotes("Indikator program ini belum dapat terealisasi karena kurangnya sarana.", belum, 0).empty());
    CHECK(quotes("Indikator program ini belum dapat terealisasi karena kurangnya sarana.", sudah, 0) ==
          Q{"Indikator program ini belum dapat terealisasi"});
    CHECK(quotes("Realisasi melampaui target yang ditetapkan.", belum, 0) == Q{"Realisasi melampaui target"});
    CHECK(quotes("Indikator ini tidak tercapai karena kurangnya dukungan.", sudah, 0) == Q{"Indikator ini tidak tercapai"});
    // The indicator's own name holds a direction word: a name, not a claim.
    CHECK(quotes("Persentase peningkatan volume ekspor tercapai.", belum) == Q{"Persentase peningkatan volume ekspor tercapai"});
    CHECK(quotes("Persentase peningkatan volume ekspor sebesar 7,50 persen.", {subject("Persentase peningkatan volume ekspor", -1,
                                                                                       false, false)})
              .empty());
    // The end-of-Renstra target is another verdict; an aim is none.
    CHECK(quotes("Target akhir Renstra belum tercapai.", sudah, 0).empty());
    CHECK(quotes("Diharapkan pada tahun depan target dapat tercapai.", belum, 0).empty());
}

TEST_CASE("narrative: several indicators: each word goes to the one it stands beside") {
    const std::vector<narrative::Subject> two = {subject("Nilai Ekspor Perdagangan", 1, true, false),
                                                 subject("Nilai Modal Usaha UMKM dari Koperasi", -1, false, true)};
    CHECK(quotes("Nilai ekspor naik, sedangkan nilai modal usaha UMKM turun.", two).empty());
    CHECK(quotes("Nilai ekspor turun, sedangkan nilai modal usaha UMKM naik.", two) ==
          Q{"Nilai ekspor turun", "nilai modal usaha UMKM naik"});
    // The example: a rise of the modal explained while it fell.
    CHECK(quotes("Hal ini berdampak baik pada meningkatnya nilai modal usaha UMKM yang bersumber dari Koperasi.", two) ==
          Q{"meningkatnya nilai modal usaha UMKM"});
    // Two indicators sharing the words named equally: neither.
    const std::vector<narrative::Subject> shared = {subject("Nilai modal koperasi", 1, true, true),
                                                    subject("Nilai modal anggota", -1, false, true)};
    CHECK(quotes("Nilai modal menurun.", shared).empty());
    // Titles (a sasaran "Meningkatnya …") are no claims.
    CHECK(quotes("Sasaran Meningkatnya Nilai Ekspor Perdagangan dicapai melalui dua program.", two, std::nullopt,
                 {"Meningkatnya Nilai Ekspor Perdagangan"})
              .empty());
}

TEST_CASE("narrative: hostile sizes stay bounded") {
    // Thousands of indicators sharing words and a narrative of 60 000 words full of claims (what an
    // 8 MiB data file can hold): the matcher reads the first kMaxClaimWords claims near their
    // words only, so this takes well under a second, not minutes.
    std::vector<narrative::Subject> many;
    for (int i = 0; i < 3000; ++i) many.push_back(subject("Nilai ekspor modal komoditas " + std::to_string(i) + " wilayah", 1, true, true));
    many.push_back(subject("Indeks Kepuasan Masyarakat", -1, false, false));
    std::string text;
    for (int i = 0; i < 5000; ++i) text += "Nilai ekspor naik dan nilai modal turun, kinerja yang menurun. ";
    text += "Indeks kepuasan masyarakat meningkat.";
    narrative::Context ctx;
    ctx.subjects = &many;
    for (int i = 0; i < 2000; ++i) ctx.titles.push_back("Program nilai ekspor " + std::to_string(i));
    const auto found = narrative::contradictions(text, ctx);
    CHECK(found.empty());  // the last sentence is past the claims read; the shared words name no one
    ctx.default_subject = 0;
    CHECK(narrative::claims(text, ctx).size() <= 500);
}
