// Running one piece of work on several threads: `lkjip batch`'s documents, one document's PDF
// streams. Each worker takes the next item itself, so a thread the system refuses only means
// fewer workers, never an item left undone.
#pragma once

#include <cstddef>
#include <system_error>
#include <thread>
#include <vector>

namespace lkjip {

// How many threads one document may use where its stages share work (the fonts read beside the
// data, the PDF's streams compressed in parallel): 0, the default, for every core. `lkjip batch`,
// which builds one document per core, sets 1. The output never depends on it.
void set_threads_per_document(unsigned threads);
// The setting resolved: at least 1, every core for 0.
unsigned threads_per_document();

// Runs `worker()` on the calling thread and on up to `threads - 1` more, and returns when all
// have returned. `worker` must not throw.
template <class F>
void run_workers(std::size_t threads, F worker) {
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) {
        try {
            pool.emplace_back(worker);
        } catch (const std::system_error&) {
            break;  // no more threads to be had: the ones running take the rest
        }
    }
    worker();
    for (auto& t : pool) t.join();
}

}  // namespace lkjip
