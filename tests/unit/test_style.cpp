// docs/style.md pinned over whole reports (issue 16): every document of every sample, and the
// variation file of tests/data, is free of the forms a careful planner never writes: the tool
// speaking ("dalam data", "tidak tercantum"), "mencapai capaian", "sebanyak 0 (nol)", non-KBBI
// scale words, a currency after its number, slash labels of a scale in prose, "Persen"
// mid-sentence, acronyms lower-cased from capitals in the data, "Dan" capitalised inside a name,
// and "antar" written apart.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "data/data.hpp"
#include "fixture.hpp"
#include "report/filters_id.hpp"
#include "report/report.hpp"
#include "template/template.hpp"

using namespace lkjip;

namespace {

namespace fs = std::filesystem;

struct Document {
    std::string name;
    std::string markdown;
    std::string data;  // the data file's text
    Scale scale;
};

std::vector<fs::path> data_files() {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(LKJIP_SOURCE_DIR) / "samples")) {
        if (e.path().extension() == ".toml" && !e.path().filename().string().starts_with("_")) out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    out.push_back(fs::path(LKJIP_SOURCE_DIR) / "tests" / "data" / "variasi.toml");
    return out;
}

// Every document kind each data file gives, rendered as `lkjip preview` renders it.
const std::vector<Document>& documents() {
    static const std::vector<Document> docs = [] {
        std::vector<Document> out;
        for (const auto& file : data_files()) {
            const std::string rel = fs::relative(file, LKJIP_SOURCE_DIR).string();
            const fs::path cwd = fs::current_path();
            fs::current_path(LKJIP_SOURCE_DIR);
            Diagnostics diags;
            const auto model = load_agency_year(rel, diags);
            for (auto kind : {report::DocumentKind::lkjip, report::DocumentKind::pk, report::DocumentKind::iku}) {
                if (!model || !report::document_supported(*model, kind, nullptr)) continue;
                Diagnostics d;
                auto md = report::render_markdown(*model, {std::nullopt, {}, kind}, d);
                if (md) out.push_back({rel + " (" + report::kind_name(kind) + ")", *md, test::source_file(rel), model->settings.scale.value});
            }
            fs::current_path(cwd);
        }
        return out;
    }();
    return docs;
}

// The lines of running prose: not table rows, not HTML comments (the layout directives).
std::vector<std::string> prose_lines(const std::string& md) {
    std::vector<std::string> out;
    std::istringstream in(md);
    for (std::string line; std::getline(in, line);) {
        const auto b = line.find_first_not_of(' ');
        if (b == std::string::npos || line[b] == '|' || line.compare(b, 4, "<!--") == 0) continue;
        out.push_back(line);
    }
    return out;
}

// A short excerpt around the first match, for the failure message.
std::string around(const std::string& text, std::size_t at) {
    const std::size_t from = at < 60 ? 0 : at - 60;
    return text.substr(from, 140);
}

void forbid(const Document& doc, const std::string& text, const std::regex& re, const std::string& what) {
    std::smatch m;
    const bool found = std::regex_search(text, m, re);
    // INFO captures lazily: the message is built here, while its parts are alive.
    const std::string message =
        doc.name + ": " + what + ": ..." + (found ? around(text, static_cast<std::size_t>(m.position(0))) : std::string()) + "...";
    INFO(message);
    CHECK_FALSE(found);
}

// As forbid, for the tool's own phrases: a match inside text the planner typed (the words around
// it appear verbatim in the data file: seed 004's "dibackup dalam data keragaan") is the
// agency's sentence, printed as written (docs/style.md: data text).
void forbid_generated(const Document& doc, const std::string& text, const std::regex& re, const std::string& what) {
    std::string generated = text;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
        const auto at = static_cast<std::size_t>(it->position(0));
        const std::size_t from = at < 15 ? 0 : at - 15;
        const std::string context = text.substr(from, it->length(0) + (at - from) + 15);
        if (doc.data.find(context) != std::string::npos) generated.replace(at, static_cast<std::size_t>(it->length(0)), std::string(static_cast<std::size_t>(it->length(0)), '_'));
    }
    forbid(doc, generated, re, what);
}

// Words written wholly in capitals (three letters or more: DI, KE are words too) inside a data
// string that also has lower-case letters: acronyms as the source wrote them ("Dalam Lingkup
// IUI, IPIU"). A string wholly in capitals is a heading, a word joined by "/" is part of a code
// (PER/09/M.PAN), and a word the data also writes with only its first letter capital ("CONTOH",
// "Contoh") is an ordinary word.
std::set<std::string> acronyms_of(const std::string& data) {
    std::set<std::string> out;
    const std::regex quoted("\"([^\"\\n]*)\"");
    const std::regex caps("(^|[^/A-Za-z])([A-Z]{3,8})(?![/A-Za-z])");
    for (std::sregex_iterator it(data.begin(), data.end(), quoted), end; it != end; ++it) {
        const std::string s = (*it)[1].str();
        if (std::none_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
        for (std::sregex_iterator w(s.begin(), s.end(), caps); w != end; ++w) {
            const std::string a = (*w)[2].str();
            std::string word = a.substr(0, 1);
            for (std::size_t i = 1; i < a.size(); ++i) word += static_cast<char>(a[i] + 32);
            // The planner writes it as a word too ("sembako" beside "SEMBAKO"): not only an acronym.
            std::string lower = a;
            for (auto& c : lower) c = static_cast<char>(c + 32);
            if (!std::regex_search(data, std::regex("\\b" + word + "\\b")) && !std::regex_search(data, std::regex("\\b" + lower + "\\b")))
                out.insert(a);
        }
    }
    return out;
}

// A template rendered with no context: the output, or "error: <diagnostic>".
std::string render(const std::string& text) {
    tpl::Environment env({});
    report::add_indonesian_filters(env);
    Diagnostics diags;
    auto out = env.render_string(text, "t.j2", tpl::Value::map({}), diags);
    if (out) return *out;
    std::string d = diags.items().empty() ? std::string("?") : format_diagnostic(diags.items()[0]);
    while (!d.empty() && d.back() == '\n') d.pop_back();
    return "error: " + d;
}

// kalimat.md.j2's macros on a hand-made indicator: `call` is the macro call, `ctx` adds variables.
std::string kalimat(const std::string& call, tpl::Entries ctx) {
    tpl::Environment env({std::string(LKJIP_SOURCE_DIR) + "/templates/lkjip"});
    report::add_indonesian_filters(env);
    ctx.emplace_back("tahun", tpl::Value(2024));
    ctx.emplace_back("pengaturan", tpl::Value::map({{"desimal", tpl::Value(2)}, {"metode", tpl::Value("rata-rata")}}));
    Diagnostics diags;
    auto out = env.render_string("{% import \"kalimat.md.j2\" as k %}" + call, "t.j2", tpl::Value::map(std::move(ctx)), diags);
    if (out) return *out;
    return "error: " + (diags.items().empty() ? std::string("?") : format_diagnostic(diags.items()[0]));
}

tpl::Value indikator(const char* nama, const char* satuan, const char* polaritas, tpl::Value realisasi, tpl::Value sebelumnya,
                     const char* arah, bool membaik) {
    using tpl::Value;
    return Value::map({{"nama", Value(nama)},
                       {"satuan", Value(satuan)},
                       {"desimal", Value(2)},
                       {"polaritas", Value(polaritas)},
                       {"realisasi_tahun", realisasi},
                       {"realisasi_sd", realisasi},
                       {"sebelumnya", sebelumnya},
                       {"tren", arah ? Value::map({{"arah", Value(arah)}, {"membaik", Value(membaik)}}) : Value()}});
}

}  // namespace

TEST_CASE("style: a trend says its polarity only where it turns the reading, absent realisasi once") {
    using tpl::Value;
    const Value negatif = indikator("Angka kemiskinan", "Persen", "negatif", Value(9.5), Value(10.1), "turun", true);
    const Value positif = indikator("Nilai ekspor", "Juta USD", "positif", Value(14.5), Value(11.09), "naik", true);
    const Value menurun = indikator("Nilai modal", "Rp Trilyun", "positif", Value(10.33), Value(11.46), "turun", false);
    const Value kosong = indikator("Jumlah UMKM binaan", "UMKM", "positif", Value(), Value(), nullptr, false);
    const Value kosong2 = indikator("Koperasi sehat", "Unit", "positif", Value(), Value(), nullptr, false);
    CHECK(kalimat("{{ k.tren(i) }}", {{"i", negatif}}) ==
          "Realisasi indikator Angka kemiskinan tahun 2024 sebesar 9,50% turun dibandingkan realisasi tahun 2023 sebesar "
          "10,10%; karena indikator ini semakin rendah semakin baik, penurunan tersebut menunjukkan kinerja yang membaik.");
    CHECK(kalimat("{{ k.tren(i) }}", {{"i", positif}}) ==
          "Realisasi indikator Nilai ekspor tahun 2024 sebesar USD 14,50 juta naik dibandingkan realisasi tahun 2023 sebesar "
          "USD 11,09 juta; kinerjanya membaik.");
    CHECK(kalimat("{{ k.tren(i) }}", {{"i", menurun}}) ==
          "Realisasi indikator Nilai modal tahun 2024 sebesar Rp 10,33 triliun turun dibandingkan realisasi tahun 2023 sebesar "
          "Rp 11,46 triliun; kinerjanya menurun.");
    CHECK(kalimat("{{ k.tren(i) }}", {{"i", kosong}}).empty());  // said once by belum_tersedia
    CHECK(kalimat("{{ k.belum_tersedia(l) }}", {{"l", Value::list({positif, kosong})}}) ==
          "Realisasi tahun 2024 indikator Jumlah UMKM binaan belum tersedia pada saat laporan ini disusun.");
    CHECK(kalimat("{{ k.belum_tersedia(l) }}", {{"l", Value::list({kosong, positif, kosong2})}}) ==
          "Realisasi tahun 2024 indikator Jumlah UMKM binaan dan Koperasi sehat belum tersedia pada saat laporan ini disusun.");
    CHECK(kalimat("{{ k.belum_tersedia(l) }}", {{"l", Value::list({kosong, kosong2})}}) ==
          "Realisasi tahun 2024 seluruh indikator di atas belum tersedia pada saat laporan ini disusun.");
    CHECK(kalimat("{{ k.belum_tersedia(l) }}", {{"l", Value::list({positif, negatif})}}).empty());
}

TEST_CASE("style: the id-ID filters of docs/style.md, through the template engine") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"{{ 10.33 | besaran('Rp Trilyun', 2) }}", "Rp 10,33 triliun"},
        {"{{ 85.75 | besaran('Indeks', 2) }}", "85,75"},
        {"{{ 85.5 | besaran(satuan='Persen', desimal=1) }}", "85,5%"},
        {"{{ 1250 | besaran('Orang') }}", "1.250 orang"},  // an integer: no decimals by default
        {"{{ 14.5 | besaran('Juta USD') }}", "USD 14,50 juta"},
        {"{{ none | besaran('Orang', 0) }}", "-"},
        {"{{ 7 | besaran(none, 0) }}", "7"},
        {"{{ 3537597309237210 | rupiah_ringkas }}", "Rp 3,54 kuadriliun"},
        {"{{ 1250000000 | rupiah_ringkas }}", "Rp 1,25 miliar"},
        {"{{ 'Rp Trilyun' | satuan }}", "Rp triliun"},
        {"{{ 'Persen' | satuan }}", "%"},
        {"{{ 'Pengawasan Dan Pemeriksaan Koperasi' | nama }}", "Pengawasan dan Pemeriksaan Koperasi"},
        {"{{ 'izin usaha industri (iui)' | nama }}", "izin usaha industri (IUI)"},
        {"{{ 'koordinasi antar bidang' | puebi }}", "koordinasi antarbidang"},
        // Wrong inputs are errors with the template's position, never a silent guess.
        {"{{ 'x' | besaran('Orang') }}", "error: t.j2:1:10: error: filter 'besaran': the input must be a number, found a string"},
        {"{{ 1 | besaran('Orang', 9) }}", "error: t.j2:1:8: error: filter 'besaran': the number of decimals must be between 0 and 6"},
        {"{{ 5 | nama }}", "error: t.j2:1:8: error: filter 'nama': a name must be a string, found an integer"},
        {"{{ 'Rp' | rupiah_ringkas }}", "error: t.j2:1:11: error: filter 'rupiah_ringkas': an amount of rupiah must be a number, found a string"},
        {"{{ 1 | besaran('Orang', 0, 3) }}", "error: t.j2:1:8: error: filter 'besaran': takes at most 2 arguments (3 given)"},
    };
    for (const auto& [text, expected] : cases) {
        INFO(text);
        CHECK(render(text) == expected);
    }
}

TEST_CASE("style: the reports never speak as the tool or fill with machine phrases") {
    REQUIRE(documents().size() >= 9);
    for (const auto& doc : documents()) {
        const std::string& md = doc.markdown;
        forbid_generated(doc, md, std::regex("dalam data"), "the tool speaking");
        forbid(doc, md, std::regex("tidak tercantum"), "the tool speaking");
        forbid(doc, md, std::regex("belum memiliki data realisasi"), "a filler repeated per indicator");
        forbid(doc, md, std::regex("mencapai capaian"), "mencapai capaian");
        forbid(doc, md, std::regex("sebanyak 0 \\(nol\\)"), "a count of zero");
        forbid(doc, md, std::regex("; untuk indikator (positif|negatif)"), "the polarity rule after a trend");
        forbid(doc, md, std::regex("ditetapkan dengan Rencana Strategis"), "the circular Renstra sentence");
    }
}

TEST_CASE("style: money, satuan and percent are written as docs/style.md says") {
    for (const auto& doc : documents()) {
        const std::string& md = doc.markdown;
        forbid(doc, md, std::regex("[Tt]rilyun|TRILYUN|[Mm]ilyar|MILYAR|[Tt]rilliun"), "a non-KBBI scale word");
        forbid(doc, md, std::regex("[0-9] (Rp|Rupiah|rupiah)\\b"), "the currency after its number");
        for (const auto& line : prose_lines(md)) {
            forbid(doc, line, std::regex("[0-9a-z,;] Persen\\b"), "\"Persen\" mid-sentence");
            forbid(doc, line, std::regex("[0-9] (Indeks|Nilai)\\b"), "an index satuan after its number");
        }
    }
}

TEST_CASE("style: one label of the scale in prose") {
    for (const auto& doc : documents()) {
        for (const auto& band : doc.scale.bands) {
            if (band.kategori.empty()) continue;
            const std::string slash = band.predikat + " / " + band.kategori;
            for (const auto& line : prose_lines(doc.markdown)) {
                const std::string message = doc.name + ": \"" + slash + "\" in prose: " + line.substr(0, 200);
                INFO(message);
                CHECK(line.find(slash) == std::string::npos);
            }
        }
    }
}

TEST_CASE("style: names keep their acronyms, function words and PUEBI joins") {
    for (const auto& doc : documents()) {
        const std::string& md = doc.markdown;
        forbid(doc, md, std::regex("[a-z,] Dan [A-Z]"), "\"Dan\" capitalised inside a name");
        forbid(doc, md, std::regex("\\b[Aa]ntar (?!jemput)[A-Za-z]"), "\"antar\" written apart");
        for (const auto& a : acronyms_of(doc.data)) {
            std::string lower = a;
            std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return static_cast<char>(c + 32); });
            // A lower-case whole word, not part of a longer one and not in a link or path.
            forbid(doc, md, std::regex("(^|[ (,])" + lower + "([ ),.;]|$)"), "the acronym " + a + " lower-cased");
        }
    }
}

TEST_CASE("style: BAB IV closes with the kepala dinas' signature, the Lampiran IKU is the full signed matrix") {
    for (const auto& doc : documents()) {
        if (doc.name.find("(lkjip)") == std::string::npos) continue;
        const std::string& md = doc.markdown;
        INFO(doc.name);
        const auto bab4 = md.find("# BAB IV PENUTUP");
        const auto lampiran = md.find("# LAMPIRAN");
        REQUIRE(bab4 != std::string::npos);
        REQUIRE(lampiran != std::string::npos);
        const std::string penutup = md.substr(bab4, lampiran - bab4);
        CHECK(penutup.find("<!-- lkjip:signature -->") != std::string::npos);
        CHECK(penutup.find("<!-- lkjip:end-signature -->") != std::string::npos);
        const auto lampiran2 = md.find("## Lampiran 2.", lampiran);
        const std::string iku = md.substr(lampiran, lampiran2 == std::string::npos ? std::string::npos : lampiran2 - lampiran);
        for (const char* column : {"| Tipe Indikator |", "| Kondisi Awal |", "| Formula |", "| Sumber Data |", "| Penanggung Jawab |", "Target > "}) {
            INFO(column);
            CHECK(iku.find(column) != std::string::npos);
        }
        CHECK(iku.find("<!-- lkjip:signature -->") != std::string::npos);
    }
}
