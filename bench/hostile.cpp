// Section 7: the hostile inputs of issue 18 (classes 3, 5 and 6) at full size, each run once:
// how long lkjip takes to reach its error or its PDF, and the peak memory so far. The same
// shapes, just past their limits, are the tests (tests/e2e/hostile_markdown.sh,
// tests/unit/test_bounds.cpp); the sizes here are the issue's.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include <fmt/format.h>

#include "bench.hpp"
#include "common/file_read.hpp"
#include "pipeline/pipeline.hpp"
#include "markdown/markdown.hpp"

namespace lkjip::bench {

namespace {

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

std::string first_error(const Diagnostics& diags) {
    for (const auto& d : diags.items())
        if (d.severity == Severity::error) return d.message.substr(0, 60);
    return "";
}

// Markdown through parse, layout and the PDF writer, as `lkjip render` does.
void markdown_case(const char* name, const std::string& text) {
    Diagnostics diags;
    std::string bytes;
    std::size_t pages = 0;
    const auto t0 = Clock::now();
    const bool ok = pipeline::typeset_to_pdf(text, synthetic_settings(), diags, bytes, pages);
    const double ms = ms_since(t0);
    std::printf("%-34s %9.0f %10.1f %9.0f  %s\n", name, kib(text.size()), ms, peak_rss_mib(),
                ok ? fmt::format("{} pages", pages).c_str() : first_error(diags).c_str());
}

std::string words(std::size_t n) {
    static const char* const kWords[] = {"pelaksanaan", "kinerja", "instansi", "pemerintah", "capaian", "dan", "yang"};
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        if (i) out += ' ';
        out += kWords[(i * 2654435761u >> 7) % 7];
    }
    return out + "\n";
}

// A data file: the minimal one with `extra` appended, or with its indicators replaced.
void data_case(const char* name, const std::string& text) {
    const std::filesystem::path file = std::filesystem::temp_directory_path() / "lkjip-bench-hostile.toml";
    std::ofstream(file, std::ios::binary) << text;
    const auto t0 = Clock::now();
    const Built b = build_document(file.string());
    const double ms = ms_since(t0);
    std::filesystem::remove(file);
    std::printf("%-34s %9.0f %10.1f %9.0f  %s\n", name, kib(text.size()), ms, peak_rss_mib(),
                b.ok ? fmt::format("{} pages", b.pages).c_str() : b.error.substr(0, 60).c_str());
}

std::string minimal() {
    return read_regular_file(std::string(LKJIP_SOURCE_DIR) + "/tests/data/minimal.toml", 1u << 20, "data file").bytes;
}

}  // namespace

void bench_hostile() {
    std::printf("\n== 7. Hostile inputs (issue 18): once each, to the error or the PDF ==\n");
    std::printf("%-34s %9s %10s %9s  %s\n", "input", "KiB", "ms", "peak MiB", "result");
    markdown_case("![[]() x 160000 (CVE-2023-22486)", repeat("![[]()", 160000) + "\n");
    markdown_case("a<? x 100000", "a" + repeat("<?", 100000) + "\n");
    markdown_case("a<![CDATA[ x 40000", "a" + repeat("<![CDATA[", 40000) + "\n");
    markdown_case("> x 9400 (nested quotes)", repeat(">", 9400) + " x\n");
    std::string list;
    for (int i = 0; i < 3000; ++i) list += std::string(2 * static_cast<std::size_t>(i), ' ') + "- a\n";
    markdown_case("list 3000 deep + 1 000 000 [", list + std::string(6000, ' ') + repeat("[a", 1000000) + "\n");
    markdown_case("* x 40000 emphasis", repeat("*", 40000) + "a" + repeat("*", 40000) + "\n");
    markdown_case("<!-- lkjip:… --> line of 100 KB", "Teks.\n\n<!-- lkjip:page-break " + repeat("x ", 50000) + "-->\n");
    markdown_case("heading of 40 KB", "# BAB I " + repeat("A ", 20000) + "\n");
    markdown_case("table 5000 columns x 5000 rows", repeat("|a", 5000) + "\n" + repeat("|-", 5000) + "\n" + repeat("x\n", 5000));
    markdown_case("table of 15 MB empty cells", "|" + repeat("a|", 10) + "\n|" + repeat("-|", 10) + "\n" + repeat("|" + repeat("|", 10) + "\n", 1300000));
    markdown_case("table 10 x 99 000 (990 000 cells)", "|" + repeat("a|", 10) + "\n|" + repeat("-|", 10) + "\n" + repeat("|" + repeat(" |", 10) + "\n", 99000));
    markdown_case("paragraph of 300 000 words", words(300000));
    markdown_case("paragraph of 400 000 words", words(400000));
    std::string org = "<!-- lkjip:chart type=org -->\n\n| Unit | Induk |\n|---|---|\n";
    for (int i = 0; i < 16000; ++i) org += fmt::format("| U{} | {} |\n", i, i ? fmt::format("U{}", i - 1) : "-");
    markdown_case("org chart chain of 16 000 units", org);

    const std::string base = minimal();
    std::string units;
    for (int i = 0; i < 16000; ++i) {
        units += fmt::format("[[organisasi.unit]]\nid = \"U{}\"\nnama = \"Unit {}\"\njenis = \"{}\"\n", i, i, i ? "seksi" : "kepala");
        units += fmt::format("induk = \"U{}\"\n", i ? i - 1 : 15999);
    }
    data_case("16 000 units in a cycle (data)", base + "\n" + units);
    const std::size_t from = base.find("[[indikator]]"), to = base.find("[[program]]");
    std::string indicators;
    for (int i = 0; i < 10000; ++i) {
        indicators += fmt::format("[[indikator]]\nid = \"IKU-{}\"\nnama = \"Indikator {}\"\nsasaran = \"S1\"\nsatuan = \"Indeks\"\n"
                                  "target = {{ 2024 = 85.6 }}\nrealisasi = {{ 2024 = 85.75 }}\n\n",
                                  i, i);
    }
    data_case("10 000 indicators (data)", base.substr(0, from) + indicators + base.substr(to));
}

}  // namespace lkjip::bench
