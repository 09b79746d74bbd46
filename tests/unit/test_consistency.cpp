// Generated sentences never contradict a table beside them (issue 16, Consistency): every sentence
// the templates write about an indicator (its trend, its verdict) is read back with the matcher of
// `lkjip check` (generator/data/lint_narrative.cpp) and checked against the values compute gives.
// Over the four samples, the test data, and a corpus of made-up indicators that walks target,
// realisasi, the year before and polarity through every case (above, at, below target; naik, tetap,
// turun; zero; missing).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "compute/compute.hpp"
#include "compute/idformat.hpp"
#include "data/data.hpp"
#include "data/lint_narrative.hpp"
#include "data/lint_scope.hpp"
#include "fixture.hpp"
#include "report/report.hpp"

using namespace lkjip;
namespace fs = std::filesystem;

namespace {

struct Scope {
    std::vector<narrative::Subject> subjects;
    std::vector<std::string> titles;
};

void add_subject(std::map<std::string, std::size_t>& by_name, Scope& s, narrative::Subject subj) {
    // Two indicators of one name (a kegiatan indicator repeated under two kegiatan) with different
    // values: a sentence naming it cannot be tied to either.
    if (auto it = by_name.find(subj.name); it != by_name.end()) {
        auto& old = s.subjects[it->second];
        if (old.movement != subj.movement) old.movement.reset();
        if (old.better != subj.better) old.better.reset();
        if (old.tercapai != subj.tercapai) old.tercapai.reset();
        return;
    }
    by_name.emplace(subj.name, s.subjects.size());
    s.subjects.push_back(std::move(subj));
}

void add_activity(const Activity& a, const compute::ActivityResult& r, std::map<std::string, std::size_t>& by_name,
                  Scope& s) {
    s.titles.push_back(a.nama.value);
    for (std::size_t i = 0; i < a.indikator.size(); ++i) {
        narrative::Subject subj;
        subj.name = a.indikator[i].nama.value;
        if (r.indikator[i].capaian.measurable()) subj.tercapai = r.indikator[i].tercapai;
        add_subject(by_name, s, std::move(subj));
    }
    for (std::size_t i = 0; i < a.children.size(); ++i) add_activity(a.children[i], r.children[i], by_name, s);
}

Scope scope_of(const AgencyYear& d, const compute::ReportValues& v) {
    Scope s;
    std::map<std::string, std::size_t> by_name;
    for (std::size_t i = 0; i < d.indikator.size(); ++i) add_subject(by_name, s, narrative::indicator_subject(d.indikator[i], v.indikator[i]));
    for (std::size_t i = 0; i < d.program.size(); ++i) add_activity(d.program[i], v.program[i], by_name, s);
    for (const auto& t : d.renstra.tujuan) s.titles.push_back(t.uraian.value);
    for (const auto& x : d.renstra.sasaran) s.titles.push_back(x.uraian.value);
    narrative::add_scale_titles(d.settings.scale.value, s.titles);
    return s;
}

// The data's own narrative, which the report transcribes: `lkjip check` judges it (test_lint.cpp),
// this test judges what lkjip writes.
std::vector<std::string> data_texts(const AgencyYear& d) {
    std::vector<std::string> out;
    auto add = [&](const OptText& t) {
        if (t) out.push_back(t->value);
    };
    for (const auto& s : d.renstra.sasaran) {
        for (const auto* f : {&s.analisis, &s.faktor_pendukung, &s.faktor_penghambat, &s.solusi, &s.upaya}) add(*f);
    }
    std::vector<const Activity*> stack;
    for (const auto& p : d.program) stack.push_back(&p);
    while (!stack.empty()) {
        const Activity* a = stack.back();
        stack.pop_back();
        for (const auto& ind : a->indikator) add(ind.penjelasan);
        for (const auto& c : a->children) stack.push_back(&c);
    }
    add(d.laporan.kata_pengantar);
    add(d.laporan.latar_belakang);
    add(d.laporan.penutup);
    add(d.organisasi.gambaran_umum);
    for (const auto& t : d.isu_strategis) out.push_back(t.value);
    for (const auto& t : d.langkah_ke_depan) out.push_back(t.value);
    for (const auto& ind : d.indikator) {
        add(ind.standar_keterangan);
        for (const auto& p : ind.pembanding) add(p.keterangan);
    }
    return out;
}

// Removes every line of every data text from the Markdown (each paragraph of a data text is
// printed as it was written).
std::string generated_only(std::string md, const std::vector<std::string>& texts) {
    for (const auto& t : texts) {
        std::istringstream in(t);
        for (std::string line; std::getline(in, line);) {
            // List markers and emphasis are the Markdown of the data: match the words after them.
            std::size_t from = line.find_first_not_of(" \t0123456789.-*");
            if (from == std::string::npos) continue;
            const std::string body = line.substr(from);
            if (body.size() < 12) continue;  // "Tercapai." would also take generated words
            // Narrative text is printed through the `puebi` filter (docs/style.md §5): match both forms.
            for (const std::string& form : {body, idfmt::puebi(body)}) {
                for (std::size_t at = md.find(form); at != std::string::npos; at = md.find(form, at)) md.erase(at, form.size());
            }
        }
    }
    return md;
}

struct Finding {
    std::string line, quote, subject;
};

// How many claims about an indicator the generated text made (agreeing or not), per kind: the test
// must read the sentences it judges, not pass because it found none.
struct Read {
    std::size_t movement = 0, quality = 0, verdict = 0;
};

std::vector<Finding> contradictions_in(const AgencyYear& d, const std::string& markdown, Read* read = nullptr) {
    const compute::ReportValues v = compute::compute_report(d);
    const Scope s = scope_of(d, v);
    const std::string md = generated_only(markdown, data_texts(d));
    std::vector<Finding> out;
    std::istringstream in(md);
    for (std::string line; std::getline(in, line);) {
        narrative::Context ctx;
        ctx.subjects = &s.subjects;
        ctx.titles = s.titles;
        // A line (a paragraph, a list item, a table row) that names one indicator speaks of it
        // throughout: "… naik …; hal ini menunjukkan kinerja yang membaik".
        std::optional<std::size_t> named;
        int count = 0;
        for (std::size_t i = 0; i < s.subjects.size(); ++i) {
            if (line.find(s.subjects[i].name) != std::string::npos) {
                named = i;
                ++count;
            }
        }
        if (count == 1) ctx.default_subject = named;
        for (const auto& c : narrative::claims(line, ctx)) {
            if (read) {
                (c.kind == narrative::ClaimKind::movement ? read->movement
                 : c.kind == narrative::ClaimKind::quality ? read->quality
                                                           : read->verdict)++;
            }
            if (narrative::contradicts(c, s.subjects[c.subject])) out.push_back({line, c.quote, s.subjects[c.subject].name});
        }
    }
    return out;
}

AgencyYear load_text(const std::string& text, const std::string& name) {
    Diagnostics diags;
    auto m = load_agency_year_text(text, name, diags);
    REQUIRE_MESSAGE(m, (diags.items().empty() ? std::string() : format_diagnostic(diags.items()[0])));
    return *m;
}

std::string render(const AgencyYear& d, std::optional<int> bab = std::nullopt) {
    Diagnostics diags;
    report::MarkdownOptions opt;
    opt.bab = bab;
    auto md = report::render_markdown(d, opt, diags);
    REQUIRE_MESSAGE(md, (diags.items().empty() ? std::string() : format_diagnostic(diags.items()[0])));
    return *md;
}

std::string report_findings(const std::vector<Finding>& f) {
    std::string out;
    for (const auto& x : f) out += fmt::format("  \"{}\" about `{}` in: {}\n", x.quote, x.subject, x.line.substr(0, 400));
    return out;
}

}  // namespace

TEST_CASE("consistency: the matcher finds a contradiction planted in generated text") {
    // The test below can fail: the same reading flags a sentence that says the opposite of the value.
    const AgencyYear d = load_text(test::minimal_toml(), "x.toml");
    const std::string md = "Realisasi indikator Nilai SAKIP OPD tahun 2024 sebesar 85,75 Indeks turun dibandingkan "
                           "realisasi tahun 2023 sebesar 85,45 Indeks.\n"
                           "Indikator Nilai ekspor mencapai realisasi 14,50 Juta USD, sehingga capaiannya 53,76% (tercapai).\n";
    const auto found = contradictions_in(d, md);
    REQUIRE(found.size() == 2);
    CHECK(found[0].quote == "Nilai SAKIP OPD tahun 2024 sebesar 85,75 Indeks turun");
    CHECK(found[1].subject == "Nilai ekspor");
}

TEST_CASE("consistency: generated sentences of the samples and the test data agree with their values") {
    std::vector<fs::path> files;
    const fs::path root(LKJIP_SOURCE_DIR);
    for (const auto& dir : {root / "samples", root / "tests" / "data"}) {
        for (const auto& e : fs::recursive_directory_iterator(dir)) {
            const std::string n = e.path().filename().string();
            if (e.path().extension() == ".toml" && !n.starts_with("_")) files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 6);
    for (const auto& f : files) {
        Diagnostics diags;
        auto model = load_agency_year(f.string(), diags);
        if (!model) continue;  // a test file that is meant to be refused
        Read read;
        const auto found = contradictions_in(*model, render(*model), &read);
        INFO(f.string() << "\n" << report_findings(found));
        CHECK(found.empty());
        // A report with a measurable indicator states verdicts; with one measured over two years, its trend.
        const compute::ReportValues v = compute::compute_report(*model);
        const bool measurable = std::any_of(v.indikator.begin(), v.indikator.end(),
                                            [](const auto& r) { return r.capaian.measurable(); });
        if (measurable) CHECK(read.verdict > 0);
        const bool trend = std::any_of(v.indikator.begin(), v.indikator.end(), [](const auto& r) { return r.trend.has_value(); });
        if (trend) CHECK(read.movement + read.quality > 0);
    }
}

TEST_CASE("consistency: generated sentences over a corpus of targets, realisasi and polarities") {
    // IKU-1 of the minimal file, walked through every case the templates word differently.
    const std::vector<std::string> targets = {"85.6", "100", "0"};
    const std::vector<std::string> before = {"", "40", "85.6", "85.75", "120"};
    const std::vector<std::string> now = {"", "0", "40", "85.6", "85.75", "200"};
    const std::string base = test::minimal_toml();
    const std::string target_line = "target = { 2023 = 85.5, 2024 = 85.6, 2026 = 85.8 }";
    const std::string realisasi_line = "realisasi = { 2023 = 85.45, 2024 = 85.75 }";
    REQUIRE(base.find(target_line) != std::string::npos);
    REQUIRE(base.find(realisasi_line) != std::string::npos);
    std::size_t cases = 0;
    for (const std::string polarity : {"positif", "negatif"}) {
        for (const auto& t : targets) {
            for (const auto& b : before) {
                for (const auto& n : now) {
                    std::string r = "realisasi = {";
                    if (!b.empty()) r += " 2023 = " + b + (n.empty() ? "" : ",");
                    if (!n.empty()) r += " 2024 = " + n;
                    r += " }";
                    std::string text = base;
                    text.replace(text.find(realisasi_line), realisasi_line.size(), r);
                    text.replace(text.find(target_line), target_line.size(),
                                 "target = { 2023 = 85.5, 2024 = " + t + ", 2026 = 85.8 }\npolaritas = \"" + polarity + "\"");
                    const AgencyYear d = load_text(text, "corpus.toml");
                    Read read;
                    const auto found = contradictions_in(d, render(d, 3), &read);
                    ++cases;
                    INFO("target " << t << ", realisasi 2023 " << b << ", 2024 " << n << ", " << polarity << "\n"
                                   << report_findings(found));
                    CHECK(found.empty());
                    // The sentence of IKU-1 is read: its verdict when measurable, its trend when
                    // both years have a value.
                    const compute::ReportValues v = compute::compute_report(d);
                    // (A value that stayed is said without a direction word: nothing to read.)
                    if (v.indikator[0].trend && *v.indikator[0].trend != compute::Trend::tetap)
                        CHECK(read.movement + read.quality > 0);
                    if (v.indikator[0].capaian.measurable()) CHECK(read.verdict > 0);
                }
            }
        }
    }
    CHECK(cases == 180);
}
