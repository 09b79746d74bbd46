// Sections 1 and 5: the samples stage by stage, and whole documents on one thread against two.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <time.h>

#include "bench.hpp"
#include "common/workers.hpp"
#include "data/data.hpp"
#include "markdown/markdown.hpp"
#include "pdf/pdf.hpp"
#include "report/report.hpp"

namespace lkjip::bench {

namespace {

struct StageTimes {
    double load = 0, markdown = 0, parse = 0, layout = 0, pdf = 0;
    double total() const { return load + markdown + parse + layout + pdf; }
};

// One run of the whole pipeline on `file`, each stage timed; false (and a message) on error.
bool run_stages(const std::string& file, StageTimes& t, std::size_t& pages, std::size_t& bytes) {
    Diagnostics diags;
    auto t0 = Clock::now();
    auto model = load_agency_year(file, diags);
    t.load = ms_since(t0);
    if (!model) return false;
    t0 = Clock::now();
    auto markdown = report::render_markdown(*model, {}, diags);  // includes compute
    t.markdown = ms_since(t0);
    if (!markdown) return false;
    const auto settings = settings_of(*model, file);
    t0 = Clock::now();
    const md::Document doc = md::parse(*markdown, settings.source_name, diags);
    t.parse = ms_since(t0);
    t0 = Clock::now();
    const auto typeset = layout::typeset(doc, settings, diags);
    t.layout = ms_since(t0);
    if (!typeset || diags.has_errors()) return false;
    std::string pdf_bytes;
    t0 = Clock::now();
    const auto result = pdf::write_pdf(*typeset, pdf_bytes);
    t.pdf = ms_since(t0);
    pages = typeset->pages.size();
    bytes = pdf_bytes.size();
    return result.ok;
}

}  // namespace

void bench_samples(int reps) {
    std::printf("== 1. Samples: data file to PDF, ms per stage (median of %d runs after 1 warm-up) ==\n", reps);
    std::printf("%-28s %7s %8s %7s %7s %7s %8s %6s %8s %8s\n", "sample", "load", "markdown", "parse", "layout", "pdf",
                "total", "pages", "pages/s", "PDF KiB");
    for (const auto& path : sample_files()) {
        const std::string file = path.string();
        std::vector<double> load, markdown, parse, layout, pdf, total;
        std::size_t pages = 0, bytes = 0;
        bool ok = true;
        for (int i = 0; i <= reps && ok; ++i) {
            // Each repetition sets its paragraphs anew, as a new document would (the words'
            // shapes and hyphens stay known, as in a batch).
            layout::forget_set_paragraphs();
            StageTimes t;
            ok = run_stages(file, t, pages, bytes);
            if (i == 0) continue;  // warm-up: fonts, hyphenation patterns, template cache, page cache
            load.push_back(t.load);
            markdown.push_back(t.markdown);
            parse.push_back(t.parse);
            layout.push_back(t.layout);
            pdf.push_back(t.pdf);
            total.push_back(t.total());
        }
        const std::string name = path.filename().string();
        if (!ok) {
            std::printf("%-28s does not build: %s\n", name.c_str(), build_document(file).error.c_str());
            continue;
        }
        const double tot = median(total);
        std::printf("%-28s %7.2f %8.2f %7.2f %7.2f %7.2f %8.2f %6zu %8.0f %8.1f\n", name.c_str(), median(load),
                    median(markdown), median(parse), median(layout), median(pdf), tot, pages,
                    static_cast<double>(pages) / (tot / 1000.0), kib(bytes));
    }
}

namespace {

double process_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct BatchTime {
    double wall = 0, cpu = 0;  // ms; cpu: every thread of the process
};

// Builds every job (an index into `files`) on `threads` threads, each thread taking the next
// whole document; returns the wall and CPU time and the PDF bytes of every job.
BatchTime run_batch(const std::vector<std::string>& files, const std::vector<std::size_t>& jobs, unsigned threads,
                    std::vector<Built>& out) {
    out.assign(jobs.size(), Built{});
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t j = next++; j < jobs.size(); j = next++) {
            layout::forget_set_paragraphs();  // the same four samples again would find every paragraph set
            out[j] = build_document(files[jobs[j]]);
        }
    };
    // As `lkjip batch` runs them: one document per core when there are several workers.
    set_threads_per_document(threads > 1 ? 1 : 0);
    const double cpu0 = process_cpu_ms();
    const auto t0 = Clock::now();
    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    return {ms_since(t0), process_cpu_ms() - cpu0};
}

}  // namespace

void bench_batch(int reps) {
    std::vector<std::string> files;
    for (const auto& p : sample_files()) files.push_back(p.string());
    if (files.empty()) return;
    // One round builds every sample 4 times, interleaved, so that both threads often build the
    // same input at the same moment.
    constexpr std::size_t kCopies = 4;
    std::vector<std::size_t> jobs;
    for (std::size_t c = 0; c < kCopies; ++c)
        for (std::size_t f = 0; f < files.size(); ++f) jobs.push_back(f);
    const int rounds = std::max(3, reps / 2);
    std::printf("\n== 5. Batch: %zu documents per round (%zu samples x %zu), whole documents per thread, "
                "median of %d rounds ==\n",
                jobs.size(), files.size(), kCopies, rounds);

    std::vector<Built> reference;
    run_batch(files, jobs, 1, reference);  // warm-up, and the bytes every later run must equal
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        if (!reference[j].ok) {
            std::printf("%s does not build: %s\n", files[jobs[j]].c_str(), reference[j].error.c_str());
            return;
        }
    }
    std::size_t mismatches = 0;
    auto check = [&](const std::vector<Built>& got, unsigned threads) {
        for (std::size_t j = 0; j < jobs.size(); ++j) {
            if (got[j].ok && got[j].bytes == reference[j].bytes) continue;
            ++mismatches;
            std::printf("MISMATCH at -j%u: %s: %s (%zu bytes, reference %zu)\n", threads, files[jobs[j]].c_str(),
                        got[j].ok ? "different bytes" : got[j].error.c_str(), got[j].bytes.size(),
                        reference[j].bytes.size());
        }
    };
    std::vector<double> wall[2], cpu[2];
    std::vector<Built> got;
    for (int r = 0; r < rounds; ++r) {
        for (unsigned threads = 1; threads <= 2; ++threads) {
            const BatchTime t = run_batch(files, jobs, threads, got);
            wall[threads - 1].push_back(t.wall);
            cpu[threads - 1].push_back(t.cpu);
            check(got, threads);
        }
    }
    const double docs = static_cast<double>(jobs.size());
    std::printf("%-6s %10s %8s %12s %8s\n", "jobs", "ms/round", "docs/s", "CPU ms/doc", "CPU/wall");
    for (unsigned threads = 1; threads <= 2; ++threads) {
        const double w = median(wall[threads - 1]), c = median(cpu[threads - 1]);
        std::printf("-j%-4u %10.1f %8.1f %12.1f %8.2f\n", threads, w, docs / (w / 1000.0), c / docs, c / w);
    }
    const double m1 = median(wall[0]), m2 = median(wall[1]);
    std::printf("speed-up -j2 over -j1: %.2fx (hardware threads: %u); PDFs equal to the -j1 reference: %s\n", m1 / m2,
                std::thread::hardware_concurrency(),
                mismatches == 0 ? "all" : (std::to_string(mismatches) + " differ").c_str());
}

}  // namespace lkjip::bench
