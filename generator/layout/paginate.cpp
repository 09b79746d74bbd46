#include "layout/paginate.hpp"

#include <algorithm>

namespace lkjip::layout {

namespace {

// How many lines of paragraph `id` lie in [from, to), counted up to `cap` (the widow and orphan
// minimums are small, and a paragraph of thousands of lines is broken on every page).
int lines_of(const std::vector<FlowItem>& items, std::size_t from, std::size_t to, int id, int cap) {
    int n = 0;
    for (std::size_t i = from; i < to && n < cap; ++i) n += items[i].paragraph == id ? std::max(1, items[i].lines) : 0;
    return n;
}

// Moves a break at `at` (the first item of the next page) back until it respects keep-with-next,
// orphans and widows, but never to `page_start` or before it (then the greedy break stands).
std::size_t adjust(const std::vector<FlowItem>& items, std::size_t page_start, std::size_t at, const PaginateParams& p) {
    std::size_t best = at;
    for (int guard = 0; guard < 64; ++guard) {
        std::size_t b = best;
        const int id = items[b].paragraph;
        if (id >= 0 && b > page_start && items[b - 1].paragraph == id) {
            // The break splits a paragraph: count its lines on each side.
            std::size_t first = b;
            while (first > 0 && items[first - 1].paragraph == id) --first;
            std::size_t last = b;
            while (last < items.size() && items[last].paragraph == id) ++last;
            const int widows = items[b].widows > 0 ? items[b].widows : p.widows;
            // Items move back one by one until the page head holds `widows` lines (an item may
            // hold several), never past the paragraph's first item.
            while (b > first && lines_of(items, b, last, id, widows) < widows) --b;
            if (lines_of(items, first, b, id, p.orphans) < p.orphans) b = first;
        }
        while (b > page_start && items[b - 1].keep_with_next) --b;
        if (b <= page_start) return at;  // nothing better fits on this page
        if (b == best) return best;
        best = b;
    }
    return best;
}

}  // namespace

std::vector<std::size_t> paginate(const std::vector<FlowItem>& items, const PaginateParams& p) {
    std::vector<std::size_t> starts{0};
    double used = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::size_t page_start = starts.back();
        if (items[i].break_before && i > page_start) {
            starts.push_back(i);
            used = items[i].repeat_height;
        } else if (used + items[i].height > p.page_height && i > page_start) {
            const std::size_t b = adjust(items, page_start, i, p);
            starts.push_back(b);
            i = b;
            used = items[i].repeat_height;
        }
        used += items[i].height;
    }
    return starts;
}

}  // namespace lkjip::layout
