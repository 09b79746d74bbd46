// [[renstra.program]]: the Renstra program matrix (issue 15; seed 000 Tabel 6.1) — loading, its
// positioned errors, and the BAB II tables with the computed budget totals.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "data/data.hpp"
#include "fixture.hpp"
#include "report/report.hpp"

using namespace lkjip;

namespace {

// The minimal file (Renstra 2021-2026) with `extra` inserted right after its last sasaran.
std::string with_programs(const std::string& extra) {
    std::string t = test::minimal_toml();
    const std::string anchor = "analisis = \"Tercapai.\"\n";
    const auto at = t.find(anchor);
    REQUIRE(at != std::string::npos);
    t.insert(at + anchor.size(), "\n" + extra);
    return t;
}

std::string messages(const std::string& text) {
    Diagnostics diags;
    load_agency_year_text(text, "x.toml", diags);
    std::string out;
    for (const auto& d : diags.items()) out += format_diagnostic(d);
    return out;
}

const char* kTwoPrograms = R"([[renstra.program]]
nama = "Pembinaan Pasar Rakyat"
sasaran = "Meningkatnya pasar rakyat ber-SNI"
pagu = { 2021 = 1_000_000, 2022 = 2_500_000 }
[[renstra.program.indikator]]
nama = "Persentase pasar ber-SNI"
satuan = "Persen"
kondisi_awal = { 2019 = 5.88, 2020 = 5.88 }
target = { 2021 = 11.76, 2026 = 17.65 }

[[renstra.program]]
kode = "01.02"
nama = "Pelaporan Keuangan"
pagu = { 2022 = 500_000 }
indikator = [{ nama = "Opini BPK", satuan = "Opini", target = { 2021 = "WTP" } }]
)";

}  // namespace

TEST_CASE("renstra program: numbers, words, baselines and budget per year load") {
    Diagnostics diags;
    auto model = load_agency_year_text(with_programs(kTwoPrograms), "x.toml", diags);
    REQUIRE(model);
    CHECK(diags.items().empty());
    REQUIRE(model->renstra.program.size() == 2);
    const RenstraProgram& p = model->renstra.program[0];
    CHECK(p.nama.value == "Pembinaan Pasar Rakyat");
    CHECK(!p.kode);
    REQUIRE(p.indikator.size() == 1);
    CHECK(p.indikator[0].kondisi_awal.at(2019).nilai == doctest::Approx(5.88));
    CHECK(p.indikator[0].target.at(2026).nilai == doctest::Approx(17.65));
    CHECK(p.pagu.at(2022).value.sen == 250'000'000);
    const RenstraProgram& q = model->renstra.program[1];
    CHECK(q.kode->value == "01.02");
    CHECK(!q.indikator[0].target.at(2021).nilai);
    CHECK(q.indikator[0].target.at(2021).teks->value == "WTP");
}

TEST_CASE("renstra program: years outside their columns, bad cells and money are positioned errors") {
    const std::string base = R"([[renstra.program]]
nama = "P"
pagu = PAGU
indikator = [{ nama = "I", satuan = "Persen", AWAL target = TARGET }]
)";
    auto make = [&](const std::string& pagu, const std::string& awal, const std::string& target) {
        std::string t = base;
        t.replace(t.find("PAGU"), 4, pagu);
        t.replace(t.find("AWAL"), 4, awal);
        t.replace(t.find("TARGET"), 6, target);
        return with_programs(t);
    };
    // The inserted block starts on line 41 of the minimal file.
    CHECK(messages(make("{ 2021 = 1 }", "", "{ 2027 = 5 }")) ==
          "x.toml:44:66: error: `target.2027` in an indikator of [[renstra.program]] 'P': the year lies outside "
          "the Renstra period 2021-2026\n");
    CHECK(messages(make("{ 2021 = 1 }", "kondisi_awal = { 2021 = 3 },", "{ 2021 = 5 }")) ==
          "x.toml:44:71: error: `kondisi_awal.2021` in an indikator of [[renstra.program]] 'P': the year lies "
          "outside the 5 years before the Renstra period (2016-2020)\n");
    CHECK(messages(make("{ 2021 = 1 }", "kondisi_awal = { 2015 = 3 },", "{ 2021 = 5 }")).find("(2016-2020)") !=
          std::string::npos);
    CHECK(messages(make("{ 2021 = -1 }", "", "{ 2021 = 5 }")) ==
          "x.toml:43:17: error: `pagu.2021` in [[renstra.program]] 'P' is negative\n");
    CHECK(messages(make("{ 2020 = 1 }", "", "{ 2021 = 5 }")) ==
          "x.toml:43:17: error: `pagu.2020` in [[renstra.program]] 'P': the year lies outside the Renstra period "
          "2021-2026\n");
    CHECK(messages(make("{ 2021 = 1 }", "", "{ 2021 = true }")) ==
          "x.toml:44:66: error: `target.2021` in an indikator of [[renstra.program]] 'P' must be a finite number "
          "or a non-empty string, found a boolean\n");
    CHECK(messages(make("{ 2021 = 1 }", "", "{ 2021 = \"\" }")).find("non-empty string") != std::string::npos);
    CHECK(messages(make("{ 2021 = 1 }", "", "{ 2021 = \"  \" }")).find("non-empty string") != std::string::npos);
    CHECK(messages(make("{ tahun = 1 }", "", "{ 2021 = 5 }")).find("key `tahun` is not a year") != std::string::npos);
    CHECK(messages(make("{ 2021 = 1.5 }", "", "{ 2021 = 5 }")).find("`pagu.2021` in [[renstra.program]] 'P':") !=
          std::string::npos);
}

TEST_CASE("renstra program: budgets whose totals cannot be added exactly are refused") {
    // Every amount is the loader's largest (10^16 rupiah = 10^18 sen); ten of them pass the int64
    // range of sen, and the report prints the grand total of the matrix.
    const std::string max = "10_000_000_000_000_000";
    std::string programs;
    for (const std::string name : {"A", "B"}) {
        programs += "[[renstra.program]]\nnama = \"" + name + "\"\npagu = { 2021 = " + max + ", 2022 = " + max +
                    ", 2023 = " + max + ", 2024 = " + max + ", 2025 = " + max +
                    " }\nindikator = [{ nama = \"I\", satuan = \"Persen\", target = { 2021 = 5 } }]\n\n";
    }
    const std::string msg = messages(with_programs(programs));
    CHECK(msg.find("`pagu.2025` in [[renstra.program]] 'B': the indicative budget totals exceed what lkjip can add "
                   "exactly") != std::string::npos);
    CHECK(std::count(msg.begin(), msg.end(), '\n') == 1);
    // Nine of them are fine.
    const std::string nine = programs.substr(0, programs.rfind(", 2025 = ")) + " }\nindikator = [{ nama = \"I\", "
                             "satuan = \"Persen\", target = { 2021 = 5 } }]\n";
    CHECK(messages(with_programs(nine)).empty());
}

TEST_CASE("renstra program: a program needs its indicators, and unknown keys are reported") {
    CHECK(messages(with_programs("[[renstra.program]]\nnama = \"P\"\n")).find("`indikator`") != std::string::npos);
    CHECK(messages(with_programs("[[renstra.program]]\nnama = \"P\"\nindikator = [{ nama = \"I\", satuan = \"x\", "
                                 "target = { 2021 = 1 }, targt = 2 }]\n"))
              .find("targt") != std::string::npos);
}

TEST_CASE("renstra program: BAB II prints the targets and the computed budget totals") {
    Diagnostics diags;
    auto model = load_agency_year_text(with_programs(kTwoPrograms), "x.toml", diags);
    REQUIRE(model);
    auto md = report::render_markdown(*model, {2, {}, report::DocumentKind::lkjip}, diags);
    REQUIRE(md);
    INFO(*md);
    CHECK(md->find("Indikator Kinerja dan Target Program 2021-2026") != std::string::npos);
    CHECK(md->find("| Kondisi Awal > 2019 | Kondisi Awal > 2020 | Target > 2021 |") != std::string::npos);
    CHECK(md->find("| | Persentase pasar ber-SNI | Persen | 5,88 | 5,88 | 11,76 | - | - | - | - | 17,65 |") !=
          std::string::npos);
    CHECK(md->find("| | Opini BPK | Opini | - | - | WTP | - |") != std::string::npos);
    CHECK(md->find("*Sasaran: Meningkatnya pasar rakyat ber-SNI*") != std::string::npos);
    // Per program: 1.000.000 + 2.500.000; per year 2022: 2.500.000 + 500.000; all: 4.000.000.
    CHECK(md->find("| 1 | Pembinaan Pasar Rakyat | 1.000.000 | 2.500.000 | - | - | - | - | 3.500.000 |") !=
          std::string::npos);
    CHECK(md->find("| | **Jumlah** | **1.000.000** | **3.000.000** | **-** | **-** | **-** | **-** | **4.000.000** |") !=
          std::string::npos);
}

TEST_CASE("renstra program: without [[renstra.program]] BAB II has no program matrix") {
    Diagnostics diags;
    auto model = load_agency_year_text(test::minimal_toml(), "x.toml", diags);
    REQUIRE(model);
    auto md = report::render_markdown(*model, {2, {}, report::DocumentKind::lkjip}, diags);
    REQUIRE(md);
    CHECK(md->find("Target Program") == std::string::npos);
    CHECK(md->find("Pendanaan Indikatif") == std::string::npos);
}
