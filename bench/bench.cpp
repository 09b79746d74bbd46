// Benchmarks (not tests): time per stage of the pipeline on every sample, and the template
// engine's throughput. Run: ./build/bench/lkjip_bench [repetitions]
// Timings depend on the machine; they are printed, never asserted.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "compute/compute.hpp"
#include "data/data.hpp"
#include "report/report.hpp"
#include "template/template.hpp"

using namespace lkjip;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

void bench_samples(int reps) {
    std::printf("%-50s %10s %10s %10s %10s\n", "sample (ms per run)", "load", "compute", "markdown", "KiB");
    namespace fs = std::filesystem;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(LKJIP_SOURCE_DIR) / "samples")) {
        if (e.path().extension() != ".toml" || e.path().filename().string().starts_with("_")) continue;
        double load = 0, compute_ms = 0, render = 0;
        std::size_t bytes = 0;
        for (int i = 0; i < reps; ++i) {
            Diagnostics diags;
            auto t0 = Clock::now();
            auto model = load_agency_year(e.path().string(), diags);
            load += ms_since(t0);
            if (!model) {
                std::printf("%s: does not load\n", e.path().c_str());
                return;
            }
            t0 = Clock::now();
            const auto values = compute::compute_report(*model);
            compute_ms += ms_since(t0);
            (void)values;
            t0 = Clock::now();
            auto md = report::render_markdown(*model, {}, diags);  // computes again: includes compute
            render += ms_since(t0);
            bytes = md ? md->size() : 0;
        }
        std::printf("%-50s %10.3f %10.3f %10.3f %10zu\n", e.path().filename().c_str(), load / reps, compute_ms / reps,
                    render / reps, bytes / 1024);
    }
}

void bench_template(int reps) {
    tpl::List rows;
    for (int i = 0; i < 10000; ++i) {
        rows.push_back(tpl::Value::map({{"nama", tpl::Value("Indikator " + std::to_string(i))},
                                        {"target", tpl::Value(85.6 + i)},
                                        {"realisasi", tpl::Value(std::int64_t{1'000'000} + i)}}));
    }
    const tpl::Value context = tpl::Value::map({{"rows", tpl::Value::list(rows)}});
    const std::string text =
        "{% macro baris(r, n) %}| {{ n }} | {{ r.nama | sel }} | {{ r.target | angka(2) }} | {{ r.realisasi | angka }} |"
        "{% endmacro %}| No | Nama | Target | Realisasi |\n|---:|---|---:|---:|\n"
        "{% for r in rows %}{{ baris(r, loop.index) }}\n{% endfor %}";
    tpl::Environment env({});
    double total = 0;
    std::size_t bytes = 0;
    for (int i = 0; i < reps; ++i) {
        Diagnostics diags;
        const auto t0 = Clock::now();
        auto out = env.render_string(text, "bench.j2", context, diags);
        total += ms_since(t0);
        bytes = out ? out->size() : 0;
    }
    const double ms = total / reps;
    std::printf("\ntemplate: 10 000 table rows through a macro: %.2f ms per render, %.0f rows/s, %.1f MB/s\n", ms,
                10000.0 / (ms / 1000.0), static_cast<double>(bytes) / 1e6 / (ms / 1000.0));
}

}  // namespace

int main(int argc, char** argv) {
    const int reps = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
    bench_samples(reps);
    bench_template(reps);
    return 0;
}
