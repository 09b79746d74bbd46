#include "layout/columns.hpp"

#include <algorithm>
#include <numeric>

namespace lkjip::layout {

ColumnWidths solve_column_widths(const std::vector<double>& min_in, const std::vector<double>& max_in, double available) {
    ColumnWidths out;
    const std::size_t n = min_in.size();
    std::vector<double> min(n), max(n);
    for (std::size_t i = 0; i < n; ++i) {
        min[i] = std::max(0.0, min_in[i]);
        max[i] = std::max(min[i], i < max_in.size() ? max_in[i] : min[i]);
    }
    const double sum_min = std::accumulate(min.begin(), min.end(), 0.0);
    const double sum_max = std::accumulate(max.begin(), max.end(), 0.0);
    if (n == 0) return out;
    if (sum_min >= available) {
        out.widths = min;
        out.fits = sum_min <= available;
        return out;
    }
    if (sum_max <= available) {
        // Everything fits on one line: widen in proportion to the preferred widths, so the table
        // spans the measure as report tables do.
        const double spare = available - sum_max;
        out.widths = max;
        if (sum_max > 0) {
            for (std::size_t i = 0; i < n; ++i) out.widths[i] += spare * max[i] / sum_max;
        } else {
            for (auto& w : out.widths) w = available / static_cast<double>(n);
        }
        return out;
    }
    const double share = (available - sum_min) / (sum_max - sum_min);
    out.widths.resize(n);
    for (std::size_t i = 0; i < n; ++i) out.widths[i] = min[i] + (max[i] - min[i]) * share;
    return out;
}

}  // namespace lkjip::layout
