// What `lkjip check` accepts, `lkjip build` builds (issue 18, class 11). check runs the whole build
// in memory, so the two agree by construction; this test holds the stronger promise behind it:
// a data file whose values are hostile (a pagu of 0, a negative count, an empty name) is either
// refused by the loader at a position in the data file, or its report is written, never stopped by
// a built-in template. Every sample and test data file is varied one value at a time.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/pipeline.hpp"
#include "data/data.hpp"
#include "fixture.hpp"
#include "report/report.hpp"

using namespace lkjip;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

struct Outcome {
    bool refused = false;         // the loader or lint reported an error
    bool refused_in_data = false; // ... and every error names the data file
    bool rendered = false;        // the Markdown of the report was written
    std::string first_error;
};

Outcome run(const std::string& text, const std::string& name) {
    Outcome o;
    Diagnostics diags;
    auto model = load_agency_year_text(text, name, diags);
    if (model) lint_agency_year(*model, diags);
    if (!model || diags.has_errors()) {
        o.refused = true;
        o.refused_in_data = true;
        for (const auto& d : diags.items()) {
            if (d.severity != Severity::error) continue;
            if (o.first_error.empty()) o.first_error = format_diagnostic(d);
            // The data file itself or one of its `extends` parents, with a line.
            const bool in_data = d.pos.known() && d.pos.file->ends_with(".toml");
            o.refused_in_data = o.refused_in_data && in_data;
        }
        return o;
    }
    Diagnostics render_diags;
    o.rendered = report::render_markdown(*model, {}, render_diags).has_value() && !render_diags.has_errors();
    for (const auto& d : render_diags.items()) {
        if (d.severity == Severity::error && o.first_error.empty()) o.first_error = format_diagnostic(d);
    }
    return o;
}

std::vector<fs::path> data_files() {
    std::vector<fs::path> files;
    const fs::path root(LKJIP_SOURCE_DIR);
    for (const auto& dir : {root / "samples", root / "tests" / "data"}) {
        for (const auto& e : fs::recursive_directory_iterator(dir)) {
            const std::string n = e.path().filename().string();
            if (e.path().extension() == ".toml" && !n.starts_with("_")) files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("check and build: every value of every data file varied, refused in the data or built") {
    // `key = 123`, `key = 1_000.5`, `key = -2`: one scalar number per line.
    static const std::regex number_line(R"re(^(\s*[A-Za-z_][A-Za-z0-9_]*\s*=\s*)-?[0-9][0-9_.eE+-]*(\s*(#.*)?)$)re");
    static const std::regex string_line(R"re(^(\s*(nama|uraian|satuan|judul)\s*=\s*)"[^"]*"(\s*(#.*)?)$)re");
    std::size_t variants = 0;
    for (const auto& file : data_files()) {
        const std::string text = test::source_file(fs::relative(file, LKJIP_SOURCE_DIR).string());
        REQUIRE(!text.empty());
        const auto lines = split_lines(text);
        // The samples have hundreds of values: every fourth keeps the test quick under sanitizers and
        // still reaches every table kind; the small test files are varied in full.
        const bool small = lines.size() < 300;
        std::size_t seen = 0;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::smatch m;
            std::vector<std::string> replacements;
            if (std::regex_match(lines[i], m, number_line)) {
                if (!small && seen++ % 4 != 0) continue;
                replacements = {m[1].str() + "0" + m[2].str(), m[1].str() + "-1" + m[2].str()};
            } else if (std::regex_match(lines[i], m, string_line)) {
                if (!small && seen++ % 4 != 0) continue;
                replacements = {m[1].str() + "\"\"" + m[3].str()};
            } else {
                continue;
            }
            for (const auto& r : replacements) {
                auto varied = lines;
                varied[i] = r;
                const Outcome o = run(join_lines(varied), file.string());
                ++variants;
                INFO(file.string() << ":" << i + 1 << ": `" << r << "`\n" << o.first_error);
                CHECK((o.refused ? o.refused_in_data : o.rendered));
            }
        }
    }
    CHECK(variants > 200);
}

TEST_CASE("check and build: a budget of zero is built, with warnings at the data") {
    // tests/data/minimal.toml's only sub kegiatan with a pagu of 0: with its realisasi, and without.
    for (const std::string realisasi : {"900_000", "0"}) {
        std::string text = test::minimal_toml();
        text.replace(text.find("pagu = 1_000_000"), 16, "pagu = 0");
        text.replace(text.find("realisasi = 900_000"), 19, "realisasi = " + realisasi);
        Diagnostics diags;
        auto model = load_agency_year_text(text, "zero.toml", diags);
        REQUIRE(model);
        lint_agency_year(*model, diags);
        CHECK_FALSE(diags.has_errors());
        bool warned = false;
        for (const auto& d : diags.items()) warned = warned || d.message.find("adds up to Rp 0") != std::string::npos;
        CHECK(warned);
        const pipeline::BuiltDocument built = pipeline::build_model(*model, "zero.toml", {});
        CHECK(built.ok);
        CHECK(built.pages > 3);
    }
}

TEST_CASE("check and build: data text the Markdown stage refuses is an error at the text") {
    // Any string of a data file may reach the report's Markdown; past the Markdown stage's limits
    // (nesting, CVE-2023-22486 brackets, table columns) it is refused at the string, by check and
    // build alike, instead of at a line of the generated Markdown.
    const std::string base = test::minimal_toml();
    const std::string key = "analisis = \"Tercapai.\"";
    REQUIRE(base.find(key) != std::string::npos);
    std::size_t key_line = 1;
    for (std::size_t i = 0; i < base.find(key); ++i) key_line += base[i] == '\n';
    struct Case {
        std::string text;
        std::string message;
        std::size_t line;
    };
    std::string row = "|", rule = "|";
    for (int i = 0; i < 150; ++i) row += " a |", rule += "---|";
    const Case cases[] = {
        {"analisis = \"\"\"\nTercapai.\n\n" + std::string(150, '>') + " kutipan\n\"\"\"", "nested more than 100 deep", key_line + 3},
        {"analisis = \"" + [] { std::string s; for (int i = 0; i < 200000; ++i) s += "![[]()"; return s; }() + "\"", "CVE-2023-22486",
         key_line},
        {"analisis = \"\"\"\n" + row + "\n" + rule + "\n\"\"\"", "more than 100 cells", key_line + 1},
    };
    for (const auto& c : cases) {
        std::string text = base;
        text.replace(text.find(key), key.size(), c.text);
        Diagnostics diags;
        CHECK_FALSE(load_agency_year_text(text, "t.toml", diags));
        REQUIRE(diags.has_errors());
        const Diagnostic& d = diags.items().front();
        INFO(format_diagnostic(d));
        CHECK(d.message.find(c.message) != std::string::npos);
        CHECK(*d.pos.file == "t.toml");
        CHECK(d.pos.line == c.line);
    }
    // Ordinary Markdown in a text field passes.
    std::string fine = base;
    fine.replace(fine.find(key), key.size(), "analisis = \"\"\"\n> kutipan\n\n- satu\n- dua\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\"\"\"");
    Diagnostics ok;
    CHECK(load_agency_year_text(fine, "t.toml", ok));
}

TEST_CASE("check and build: an organisation too large to draw is printed as its table") {
    // 300 units under the kepala: no drawing fits a page, so the chart's table is printed (and
    // breaks across pages) with one warning, instead of a chart running off the page.
    std::string units = "[[organisasi.unit]]\nid = \"U0\"\nnama = \"Kepala Dinas\"\njenis = \"kepala\"\n";
    for (int i = 1; i < 300; ++i) {
        units += "[[organisasi.unit]]\nid = \"U" + std::to_string(i) + "\"\nnama = \"Bidang " + std::to_string(i) +
                 "\"\njenis = \"bidang\"\ninduk = \"U0\"\n";
    }
    Diagnostics diags;
    auto model = load_agency_year_text(test::minimal_toml() + "\n" + units, "org.toml", diags);
    REQUIRE(model);
    const pipeline::BuiltDocument built = pipeline::build_model(*model, "org.toml", {});
    CHECK(built.ok);
    std::size_t warned = 0;
    for (const auto& d : built.diags.items()) {
        if (d.message.find("organisation chart is too large for a page (300 items)") == std::string::npos) continue;
        ++warned;
        CHECK(*d.pos.file == "org.toml (lkjip preview)");
    }
    CHECK(warned == 1);
}
