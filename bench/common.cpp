// Timing, statistics, memory and the data-file-to-PDF path shared by the benchmark sections.
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <utility>

#include <fmt/format.h>

#include "bench.hpp"
#include "common/diagnostics.hpp"
#include "markdown/markdown.hpp"
#include "pdf/pdf.hpp"
#include "pipeline/pipeline.hpp"

namespace lkjip::bench {

namespace fs = std::filesystem;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double mib(std::size_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }
double kib(std::size_t bytes) { return static_cast<double>(bytes) / 1024.0; }

double peak_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux: KiB
}

void print_peak_rss(const char* after) { std::printf("peak memory after %s: %.1f MiB (ru_maxrss)\n", after, peak_rss_mib()); }

std::vector<fs::path> sample_files() {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(LKJIP_SOURCE_DIR) / "samples")) {
        if (e.path().extension() == ".toml" && !e.path().filename().string().starts_with("_")) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

layout::LayoutSettings settings_of(const AgencyYear& data, const std::string& file) { return pipeline::settings_of(data, file); }

namespace {

std::string first_error(const Diagnostics& diags, const std::string& fallback) {
    for (const auto& d : diags.items())
        if (d.severity == Severity::error) return format_diagnostic(d, false);
    return fallback;
}

}  // namespace

Built build_document(const std::string& file) {
    pipeline::BuiltDocument doc = pipeline::build_document(file, {});
    if (!doc.ok) return {false, first_error(doc.diags, "does not build"), {}, 0};
    return {true, {}, std::move(doc.pdf), doc.pages};
}

MarkdownTimes markdown_to_pdf(const std::string& text, const layout::LayoutSettings& settings, int reps) {
    std::vector<double> parse, layout, pdf;
    MarkdownTimes out;
    for (int i = 0; i <= reps; ++i) {
        layout::forget_set_paragraphs();  // each repetition sets its paragraphs anew
        Diagnostics diags;
        auto t0 = Clock::now();
        const md::Document doc = md::parse(text, settings.source_name, diags);
        const double tp = ms_since(t0);
        t0 = Clock::now();
        const auto typeset = layout::typeset(doc, settings, diags);
        const double tl = ms_since(t0);
        if (!typeset || diags.has_errors()) {
            for (const auto& d : diags.items()) std::fputs(format_diagnostic(d, false).c_str(), stdout);
            return out;
        }
        std::string bytes;
        t0 = Clock::now();
        if (const auto r = pdf::write_pdf(*typeset, bytes); !r.ok) {
            std::printf("the PDF fails: %s\n", r.error.c_str());
            return out;
        }
        const double tw = ms_since(t0);
        out.pages = typeset->pages.size();
        out.bytes = bytes.size();
        if (i == 0) continue;  // the warm-up
        parse.push_back(tp);
        layout.push_back(tl);
        pdf.push_back(tw);
    }
    out.ok = true;
    out.parse = median(parse);
    out.layout = median(layout);
    out.pdf = median(pdf);
    return out;
}

}  // namespace lkjip::bench
