#include "layout/columns.hpp"

#include <algorithm>
#include <cmath>
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

namespace lkjip::layout {

namespace {

// Word visits the width search may spend (estimated_lines over the cells of the columns it tries):
// a report table (300 rows, 2 000 words) takes about 2 million; a table at the Markdown stage's cell
// limit (1 000 000 cells, MarkdownLimits) gets fewer, larger steps instead of minutes of search.
constexpr double kMaxWidthSearchWork = 4e7;
// Steps the space above the minimums is cut into: a step of a 450 pt measure is 3,5 pt, under one
// character of 10 pt type.
constexpr double kWidthSteps = 128;

struct Search {
    const std::vector<ColumnNeed>& cols;
    std::vector<double> w;
    std::size_t rows = 0;
    std::vector<std::vector<std::size_t>> lines;  // [column][row]
    // [column][row]: the cell's words on one line, summed as estimated_lines sums them; -1 for a
    // cell with a hard break. A cell whose line fits is one line without visiting its words: most
    // cells of a report table are a figure or a few words, and the search asks each of them at
    // every width it tries (estimated_lines was a twentieth of a batch, issue 22).
    std::vector<std::vector<double>> one_line;

    void measure_lines() {
        one_line.assign(cols.size(), {});
        for (std::size_t c = 0; c < cols.size(); ++c) {
            for (const auto& words : cols[c].rows) {
                double line = words.empty() ? 0 : words[0];
                for (std::size_t k = 0; k < words.size() && line >= 0; ++k) {
                    if (words[k] < 0) line = -1;  // kHardBreak
                    else if (k > 0) line += cols[c].space + words[k];
                }
                one_line[c].push_back(line);
            }
        }
    }

    std::vector<std::size_t> column_lines(std::size_t c, double width) const {
        std::vector<std::size_t> out(rows, 0);
        const ColumnNeed& col = cols[c];
        const double inner = std::max(width - col.pad, 1e-3);  // as estimated_lines bounds it
        for (std::size_t r = 0; r < rows && r < col.rows.size(); ++r) {
            const double one = one_line[c][r];
            // Every prefix of the line is no longer than the whole, so first-fit keeps it on one.
            if (one >= 0 && one <= inner) {
                out[r] = col.rows[r].empty() ? 0 : 1;
            } else {
                out[r] = estimated_lines(col.rows[r], col.space, width - col.pad);
            }
        }
        return out;
    }
    // Per row, the sum of its cells' lines to the 4th power: the row's height is its tallest cell,
    // and the 4-norm is a smooth stand-in for that maximum, so that shortening one of two equally
    // tall cells already counts (with the maximum itself, neither alone would ever gain).
    std::vector<double> power;
    static double p4(std::size_t l) {
        const double x = static_cast<double>(l);
        return x * x * x * x;
    }
    void settle() {
        power.assign(rows, 0);
        for (std::size_t k = 0; k < cols.size(); ++k) {
            for (std::size_t r = 0; r < rows; ++r) power[r] += p4(lines[k][r]);
        }
    }
    // The estimated table height with column c's lines replaced by `with`.
    double objective(std::size_t c, const std::vector<std::size_t>& with) const {
        double total = 0;
        for (std::size_t r = 0; r < rows; ++r) {
            total += std::sqrt(std::sqrt(std::max(0.0, power[r] - p4(lines[c][r]) + p4(with[r]))));
        }
        return total;
    }
    // Gives space to the candidates, step by step, where it saves the most per point; returns the
    // space left.
    double grow(const std::vector<std::size_t>& candidates, double spare, double step, double max_of(std::size_t, const Search&)) {
        while (spare > 1e-9) {
            std::size_t best = cols.size();
            double best_rate = 0, best_add = 0;
            std::vector<std::size_t> best_lines;
            for (std::size_t c : candidates) {
                const double room = std::min(spare, max_of(c, *this) - w[c]);
                if (room <= 1e-9) continue;
                const double now = objective(c, lines[c]);
                for (double add = std::min(step, room), below = 0;; below = add, add = std::min(add * 2, room)) {
                    std::vector<std::size_t> l = column_lines(c, w[c] + add);
                    double gain = now - objective(c, l);
                    if (gain > 1e-12) {
                        // The doubling overshot: the least width (within 1/64 of the step) that
                        // gains as much, so that the column does not take what another needs.
                        for (int k = 0; k < 6 && add - below > 0.1; ++k) {
                            const double mid = (below + add) / 2;
                            std::vector<std::size_t> m = column_lines(c, w[c] + mid);
                            const double g = now - objective(c, m);
                            if (g >= gain - 1e-12) {
                                add = mid;
                                l = std::move(m);
                                gain = g;
                            } else {
                                below = mid;
                            }
                        }
                        if (gain / add > best_rate) {
                            best = c;
                            best_rate = gain / add;
                            best_add = add;
                            best_lines = std::move(l);
                        }
                        break;
                    }
                    if (add >= room) break;
                }
            }
            if (best == cols.size()) break;
            w[best] += best_add;
            lines[best] = std::move(best_lines);
            settle();
            spare -= best_add;
        }
        return spare;
    }
};

}  // namespace

std::size_t estimated_lines(const std::vector<double>& words, double space, double inner) {
    if (words.empty()) return 0;
    inner = std::max(inner, 1e-3);
    std::size_t lines = 1;
    double line = 0;
    bool fresh = true;  // nothing on the current line yet
    auto start = [&](double word) {
        // A word wider than the line is cut into lines of its own (set_paragraph's last resort).
        const double parts = std::max(1.0, std::ceil(word / inner - 1e-9));
        lines += static_cast<std::size_t>(parts) - 1;
        line = word - (parts - 1) * inner;
        fresh = false;
    };
    for (double word : words) {
        if (word < 0) {  // kHardBreak
            ++lines;
            line = 0;
            fresh = true;
            continue;
        }
        if (fresh) {
            start(word);
        } else if (line + space + word <= inner + 1e-6) {
            line += space + word;
        } else {
            ++lines;
            start(word);
        }
    }
    return lines;
}

ColumnWidths solve_reading_widths(const std::vector<ColumnNeed>& cols, double available) {
    ColumnWidths out;
    const std::size_t n = cols.size();
    if (n == 0) return out;
    Search s{cols, std::vector<double>(n), 0, {}, {}, {}};
    std::vector<double> max(n);
    double sum = 0, words = 0;
    for (std::size_t i = 0; i < n; ++i) {
        s.w[i] = std::isfinite(cols[i].min) ? std::max(0.0, cols[i].min) : 0.0;
        max[i] = std::isfinite(cols[i].max) ? std::max(s.w[i], cols[i].max) : s.w[i];
        sum += s.w[i];
        s.rows = std::max(s.rows, cols[i].rows.size());
        for (const auto& r : cols[i].rows) words += static_cast<double>(r.size());
    }
    if (!(sum < available)) {
        out.widths = s.w;
        out.fits = sum <= available;
        return out;
    }
    s.lines.resize(n);
    s.measure_lines();
    for (std::size_t i = 0; i < n; ++i) s.lines[i] = s.column_lines(i, s.w[i]);
    s.settle();
    // Each try of a column estimates its cells once per doubling of the step and per halving back
    // (about 14 times).
    const double steps = std::clamp(kMaxWidthSearchWork / (14 * words + 1), 4.0, kWidthSteps);
    const double step = std::max(available / steps, 0.25);
    std::vector<std::size_t> text, figures;
    for (std::size_t i = 0; i < n; ++i) (cols[i].figures ? figures : text).push_back(i);
    const auto up_to_max = [](std::size_t c, const Search& se) { return std::max(se.w[c], se.cols[c].max); };
    double spare = available - sum;
    spare = s.grow(text, spare, step, up_to_max);
    spare = s.grow(figures, spare, step, up_to_max);
    // Whatever is left widens the text columns: first to their one-line widths, then in proportion
    // to them, so that the table spans the measure as report tables do.
    double want = 0, weight = 0;
    for (std::size_t c : text) {
        want += max[c] - s.w[c];
        weight += max[c];
    }
    if (spare > 1e-9 && want > 1e-9) {
        const double share = std::min(1.0, spare / want);
        for (std::size_t c : text) s.w[c] += (max[c] - s.w[c]) * share;
        spare -= want * share;
    }
    if (spare > 1e-9 && !text.empty()) {
        for (std::size_t c : text) s.w[c] += weight > 0 ? spare * max[c] / weight : spare / static_cast<double>(text.size());
    }
    out.widths = std::move(s.w);
    return out;
}

}  // namespace lkjip::layout
