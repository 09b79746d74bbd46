#include "common/workers.hpp"

#include <algorithm>
#include <atomic>

namespace lkjip {
namespace {
std::atomic<unsigned> per_document{0};
}  // namespace

void set_threads_per_document(unsigned threads) { per_document.store(threads); }

unsigned threads_per_document() {
    const unsigned n = per_document.load();
    return n > 0 ? n : std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace lkjip
