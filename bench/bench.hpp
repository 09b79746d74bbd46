// Shared helpers of the benchmark harness (bench/*.cpp). Benchmarks are run by hand
// (README "Benchmarks", docs/benchmarks.md): timings are printed, never asserted.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "layout/layout.hpp"
#include "model/model.hpp"

namespace lkjip::bench {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t);
double median(std::vector<double> values);
double mib(std::size_t bytes);
double kib(std::size_t bytes);

// The peak resident set size of this process so far (getrusage ru_maxrss), in MiB.
double peak_rss_mib();
void print_peak_rss(const char* after);

// Every sample data file (samples/**/*.toml whose name does not start with "_"), sorted.
std::vector<std::filesystem::path> sample_files();

// The page and type of the report from the data file's [gaya], with its source_name and base_dir:
// the commands' own mapping (generator/pipeline/pipeline.hpp).
layout::LayoutSettings settings_of(const AgencyYear& data, const std::string& file);

// One data file to PDF bytes in memory, through the function `lkjip build` and `lkjip batch` use
// (pipeline::build_document in generator/pipeline/pipeline.hpp; no file written).
struct Built {
    bool ok = false;
    std::string error;  // first error message when !ok
    std::string bytes;  // the PDF
    std::size_t pages = 0;
};
Built build_document(const std::string& file);

// Markdown to PDF bytes in memory (md::parse, layout::typeset, pdf::write_pdf), each stage timed:
// the medians of `reps` runs after one warm-up. !ok, with the diagnostics printed, when a stage
// fails.
struct MarkdownTimes {
    bool ok = false;
    std::size_t pages = 0, bytes = 0;
    double parse = 0, layout = 0, pdf = 0;
    [[nodiscard]] double total() const { return parse + layout + pdf; }
};
MarkdownTimes markdown_to_pdf(const std::string& text, const layout::LayoutSettings& settings, int reps);

// A synthetic report of `chapters` chapters (synthetic.cpp): front matter, Daftar Isi, and per
// chapter ten sections of paragraphs, a numbered list and a 30-row table with its caption.
std::string synthetic_markdown(int chapters);
layout::LayoutSettings synthetic_settings();
// The chapter counts of the scaling table (about 15, 30, 60 and 120 pages), and the one that
// is the target (about 60 pages; also the floor's document).
inline constexpr int kScalingChapters[] = {1, 2, 4, 8};
inline constexpr int kTargetChapters = 4;

// The sections, in the order main() runs them.
void bench_samples(int reps);
void bench_scaling(int reps);
void bench_floor(int reps);
void bench_batch(int reps);
void bench_template(int reps);
void bench_import(int reps);  // section 8: lkjip import of a finance export
void bench_linear(int reps);  // section 9: ten times the input (issue 22)
void bench_hostile();  // section 7, not in the default run (large inputs, once each)

}  // namespace lkjip::bench
