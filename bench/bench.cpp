// Benchmarks (not tests): time per stage of the pipeline on every sample, scaling with the
// number of pages, the libharu floor, batch throughput on one and two threads, peak memory and
// the template engine's throughput. Run: ./build/bench/lkjip_bench [REPETITIONS] (default 10);
// a second argument runs only some sections (digits, e.g. 23), for profiling; section 7
// (hostile inputs of issue 18, large) runs only when named: ./build/bench/lkjip_bench 1 7.
// Timings depend on the machine; they are printed, never asserted (docs/benchmarks.md).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "bench.hpp"

int main(int argc, char** argv) {
    using namespace lkjip::bench;
    const int reps = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10;
    std::printf("lkjip_bench: %d repetitions, %u hardware threads; times in ms, medians\n\n", reps,
                std::thread::hardware_concurrency());
    // An optional second argument picks sections ("23": scaling and floor), for profiling.
    const std::string only = argc > 2 ? argv[2] : "1235689";
    auto wanted = [&](char section) { return only.find(section) != std::string::npos; };
    print_peak_rss("start");
    if (wanted('1')) {
        bench_samples(reps);
        print_peak_rss("1. samples");
    }
    if (wanted('2')) {
        bench_scaling(reps);
        print_peak_rss("2. scaling (up to the largest synthetic document)");
    }
    if (wanted('3')) {
        bench_floor(reps);
        print_peak_rss("3. floor");
    }
    if (wanted('5')) {
        bench_batch(reps);
        print_peak_rss("5. batch");
    }
    if (wanted('6')) {
        bench_template(reps);
        print_peak_rss("6. template");
    }
    if (wanted('8')) {
        bench_import(reps);
        print_peak_rss("8. import");
    }
    if (wanted('9')) {
        bench_linear(reps);
        print_peak_rss("9. linear (up to the 500-page report, the 300 000-word paragraph)");
    }
    if (wanted('7')) bench_hostile();  // last: its inputs raise the peak memory
    return 0;
}
