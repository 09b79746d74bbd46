// Timing, statistics, memory and the data-file-to-PDF path shared by the benchmark sections.
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "bench.hpp"
#include "data/data.hpp"
#include "markdown/markdown.hpp"
#include "pdf/pdf.hpp"
#include "report/report.hpp"

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

layout::LayoutSettings settings_of(const AgencyYear& data, const std::string& file) {
    layout::LayoutSettings s;
    if (data.style.paper.value == Paper::f4) {
        s.page_width_mm = 215;
        s.page_height_mm = 330;
    }
    s.sans = data.style.font.value == FontFamily::sans;
    s.size = data.style.size.value;
    s.margin_top_mm = data.style.margin_top.value;
    s.margin_bottom_mm = data.style.margin_bottom.value;
    s.margin_left_mm = data.style.margin_left.value;
    s.margin_right_mm = data.style.margin_right.value;
    const int year = data.laporan.tahun.value;
    const std::string agency = data.instansi.nama.value + " " + data.pemda.nama.value;
    s.running_header = fmt::format("LKjIP {} Tahun {}", agency, year);
    s.info.title = fmt::format("Laporan Kinerja Instansi Pemerintah {} Tahun {}", agency, year);
    s.info.author = agency;
    s.info.subject = fmt::format("LKjIP Tahun {}", year);
    s.info.keywords = "LKjIP, SAKIP, laporan kinerja";
    const Date& d = data.laporan.tanggal.value;
    s.info.year = d.year;
    s.info.month = d.month;
    s.info.day = d.day;
    s.source_name = file;
    const fs::path dir = fs::path(file).parent_path();
    s.base_dir = dir.empty() ? std::string(".") : dir.string();
    return s;
}

namespace {

std::string first_error(const Diagnostics& diags, const std::string& fallback) {
    for (const auto& d : diags.items())
        if (d.severity == Severity::error) return format_diagnostic(d, false);
    return fallback;
}

}  // namespace

Built build_document(const std::string& file) {
    Built out;
    Diagnostics diags;
    auto model = load_agency_year(file, diags);
    if (!model) return {false, first_error(diags, "does not load"), {}, 0};
    auto markdown = report::render_markdown(*model, {}, diags);
    if (!markdown) return {false, first_error(diags, "no Markdown"), {}, 0};
    const auto settings = settings_of(*model, file);
    const md::Document doc = md::parse(*markdown, settings.source_name, diags);
    const auto pages = layout::typeset(doc, settings, diags);
    if (!pages || diags.has_errors()) return {false, first_error(diags, "no pages"), {}, 0};
    const pdf::WriteResult result = pdf::write_pdf(*pages, out.bytes);
    if (!result.ok) return {false, result.error, {}, 0};
    out.ok = true;
    out.pages = pages->pages.size();
    return out;
}

}  // namespace lkjip::bench
