// Bar charts: grouped vertical bars (target and realisasi per indicator) and horizontal bars
// (pagu and realisasi per program). Labels never overlap: category labels wrap (then shrink, then
// end in "…"), a value label is drawn only where it fits its bar, tick labels are thinned.
#include <algorithm>
#include <cmath>

#include "layout/chart.hpp"
#include "layout/chart_canvas.hpp"

namespace lkjip::layout::chart {

namespace {

constexpr double kValueSize = 7;
constexpr double kLead = 1.15;

struct Range {
    double lo = 0, hi = 0;
};

Range value_range(const Data& d, std::size_t category_only = SIZE_MAX) {
    Range r;
    for (const auto& s : d.values)
        for (std::size_t c = 0; c < s.size(); ++c)
            if (s[c] && (category_only == SIZE_MAX || c == category_only)) r.lo = std::min(r.lo, *s[c]), r.hi = std::max(r.hi, *s[c]);
    return r;
}

double magnitude(const Range& r) { return std::max(std::fabs(r.lo), std::fabs(r.hi)); }

// The value as printed in the table if it fits `room`, else shortened in the unit of `largest`
// at least ("7,11 M"), else nothing.
std::string value_label(const Canvas& c, const Data& d, std::size_t s, std::size_t k, double room, double largest) {
    if (!d.values[s][k]) return c.text_width("-", kValueSize) <= room ? "-" : "";
    const std::string full = d.texts[s][k];
    if (c.text_width(full, kValueSize) <= room) return full;
    const std::string brief = id_short(*d.values[s][k], 3, largest);
    return c.text_width(brief, kValueSize) <= room ? brief : "";
}

// Category labels under (or beside) the bars: wrapped at 8 pt, at most three lines, else 7 pt
// and four lines, the last shortened with "…".
std::vector<Label> category_labels(const Canvas& c, const std::vector<std::string>& names, double width) {
    for (double size : {kLabelSize, kSmallSize}) {
        std::vector<Label> out;
        bool ok = true;
        for (const auto& n : names) {
            out.push_back(c.wrap(n, width, size));
            ok = ok && out.back().lines.size() <= 3 &&
                 std::none_of(out.back().lines.begin(), out.back().lines.end(), [](const PlacedLine& l) { return l.overfull; });
        }
        if (ok) return out;
    }
    std::vector<Label> out;
    for (const auto& n : names) out.push_back(c.wrap(n, width, kSmallSize, 4));
    return out;
}

double tallest(const std::vector<Label>& labels) {
    double h = 0;
    for (const auto& l : labels) h = std::max(h, l.height);
    return h;
}

}  // namespace

Drawing draw_bars(const Data& d, const Fonts& fonts, double width) {
    Drawing out;
    Canvas c(fonts, out);
    const std::size_t n = d.categories.size(), m = d.series.size();
    double top = c.legend(d.series, width, 0) + 8;
    // The value axis: shared (nice ticks, grid) or, when the categories have different units,
    // none: each category is scaled to its own largest value and every bar carries its value.
    const Range all = value_range(d);
    const Ticks ticks = nice_ticks(all.lo, all.hi, true);
    const auto tick_text = tick_labels(ticks);
    double axis_w = 0;
    if (!d.scale_each)
        for (const auto& t : tick_text) axis_w = std::max(axis_w, c.text_width(t, kSmallSize) + 5);
    const double x0 = axis_w, gw = (width - x0) / static_cast<double>(n);
    const double bw = std::min(gw * 0.74 / static_cast<double>(m), 34.0), gap = 1.5;
    const double group_w = bw * static_cast<double>(m) + gap * static_cast<double>(m - 1);
    const double plot_h = std::clamp(width * 0.4, 130.0, 200.0);
    const double py0 = top + kValueSize * kLead + 2, py1 = py0 + plot_h;  // value-label room above
    const bool negative = all.lo < 0;
    auto y_of = [&](double v, std::size_t k) {
        if (!d.scale_each) return py1 - (v - ticks.lo) / (ticks.hi - ticks.lo) * plot_h;
        const Range r = value_range(d, k);
        return r.hi > 0 ? py1 - std::max(0.0, v) / r.hi * plot_h * 0.92 : py1;
    };
    const double zero = d.scale_each ? py1 : y_of(0, 0);
    if (!d.scale_each) {
        for (std::size_t i = 0; i < ticks.values.size(); ++i) {
            const double y = y_of(ticks.values[i], 0);
            if (ticks.values[i] != 0) c.grid_line(x0, y, width, y);
            c.text(x0 - 5 - c.text_width(tick_text[i], kSmallSize), y - kSmallSize * kLead / 2, tick_text[i], kSmallSize);
        }
    }
    for (std::size_t k = 0; k < n; ++k) {
        const double gx = x0 + static_cast<double>(k) * gw + (gw - group_w) / 2;
        for (std::size_t s = 0; s < m; ++s) {
            const double bx = gx + static_cast<double>(s) * (bw + gap);
            const auto& v = d.values[s][k];
            double label_top = zero - kValueSize * kLead - 1;
            if (v) {
                const double y = y_of(*v, k);
                c.bar(Rect{bx, std::min(y, zero), bw, std::fabs(zero - y)}, s);
                label_top = *v >= 0 ? y - kValueSize * kLead - 1 : y + 1;
            }
            // Categories of different units (scale=each) each have their own largest value.
            const double largest = magnitude(d.scale_each ? value_range(d, k) : all);
            const std::string t = value_label(c, d, s, k, bw + gap - 1, largest);
            if (!t.empty()) c.text(bx + bw / 2 - c.text_width(t, kValueSize) / 2, label_top, t, kValueSize);
        }
    }
    c.rule(x0, zero, width, zero, 0.8);
    const auto labels = category_labels(c, d.categories, gw - 6);
    const double label_top = py1 + (negative ? kValueSize * kLead + 2 : 0) + 5;
    for (std::size_t k = 0; k < n; ++k) c.label(labels[k], x0 + (static_cast<double>(k) + 0.5) * gw, label_top);
    out.width = width;
    out.height = label_top + tallest(labels) + 2;
    return out;
}

// The bands of a scale, lowest first, in tints that step evenly in lightness from near-white
// (the lowest) to a light grey-blue (the highest), so their order reads in a grey print and the
// series' bars stay darker than any of them.
std::vector<page::Color> band_tints(std::size_t n) {
    std::vector<page::Color> out;
    for (std::size_t j = 0; j < n; ++j) {
        const double t = n > 1 ? static_cast<double>(j) / static_cast<double>(n - 1) : 0;
        out.push_back(page::Color{0.97 - 0.25 * t, 0.97 - 0.21 * t, 0.97 - 0.14 * t});
    }
    return out;
}

Drawing draw_hbars(const Data& d, const Fonts& fonts, double width) {
    Drawing out;
    Canvas c(fonts, out);
    const std::size_t n = d.categories.size(), m = d.series.size();
    const bool banded = !d.bands.empty();
    // Against a scale, one series needs no legend of its own: the bands' legend is below.
    const double top = banded && m == 1 ? 0 : c.legend(d.series, width, 0) + 6;
    // The category column: as wide as the longest name on one line, at most 38% of the width.
    double names_w = 0;
    for (const auto& name : d.categories) names_w = std::max(names_w, c.text_width(name, kLabelSize) + 1);
    const double label_w = std::min(names_w, width * 0.38);
    const auto labels = category_labels(c, d.categories, label_w);
    // The value at each bar's end: as printed in the table against a scale (a capaian), else
    // shortened ("6,83 M").
    Range all = value_range(d);
    const double largest = magnitude(all);
    auto end_text = [&](std::size_t s, std::size_t k) {
        if (!d.values[s][k]) return std::string("-");
        return banded ? d.texts[s][k] : id_short(*d.values[s][k], 3, largest);
    };
    double value_w = 0;
    for (std::size_t s = 0; s < m; ++s)
        for (std::size_t k = 0; k < n; ++k) value_w = std::max(value_w, c.text_width(end_text(s, k), kValueSize) + 4);
    const double x0 = label_w + 6, plot_w = width - x0 - value_w;
    // Against a scale the axis reaches past its highest bound, and stops at 2,5 times it (or
    // 250): a capaian of 6.936.465% (seed 004's Nilai Perdagangan, a unit error) would flatten
    // every other bar, so a bar beyond the axis is cut at its end with a break mark and keeps
    // its value.
    double cap = INFINITY;
    if (banded) {
        const double top_bound = d.bands.front().from.value_or(100);
        cap = 2.5 * std::max(top_bound, 100.0);
        double hi = top_bound * 1.15;
        for (const auto& s : d.values)
            for (const auto& v : s)
                if (v && *v <= cap) hi = std::max(hi, *v);
        all.hi = std::max(hi, all.hi > cap ? std::min(all.hi, cap) : 0.0);
    }
    Ticks ticks = nice_ticks(all.lo, all.hi, true);
    std::vector<std::string> tick_text = tick_labels(ticks);
    auto crowded = [&] {  // adjacent tick labels closer than 6 pt
        const double spacing = plot_w / static_cast<double>(ticks.values.size() - 1);
        for (const auto& t : tick_text) if (c.text_width(t, kSmallSize) + 6 > spacing) return true;
        return false;
    };
    for (int wanted = 4; crowded() && wanted >= 2; --wanted) {
        ticks = nice_ticks(all.lo, all.hi, true, wanted);
        tick_text = tick_labels(ticks);
    }
    auto x_of = [&](double v) { return x0 + (v - ticks.lo) / (ticks.hi - ticks.lo) * plot_w; };
    const double bar_h = banded ? 11 : 9, gap = 1;
    const double bars_h = bar_h * static_cast<double>(m) + gap * static_cast<double>(m - 1);
    // Against a scale, the bounds are named above the plot.
    const double plot_top = banded ? top + kSmallSize * kLead + 2 : top;
    std::vector<double> row_top{plot_top};
    for (std::size_t k = 0; k < n; ++k) row_top.push_back(row_top.back() + std::max(labels[k].height, bars_h) + 8);
    const double y = row_top.back();
    std::vector<page::Color> tints;
    if (banded) {
        // Stripes behind everything (boxes are drawn before paths), each band from its bound to
        // the next band's, clipped to the axis; each bound a line, named above the plot where
        // its number does not touch the one to its right.
        tints = band_tints(d.bands.size());
        double upper = ticks.hi, named_left = INFINITY;
        for (std::size_t i = 0; i < d.bands.size(); ++i) {
            const double from = std::clamp(d.bands[i].from.value_or(ticks.lo), ticks.lo, ticks.hi);
            if (upper > from) c.rect(Rect{x_of(from), plot_top, x_of(upper) - x_of(from), y - plot_top}, tints[d.bands.size() - 1 - i], std::nullopt);
            upper = std::min(upper, from);
            if (!d.bands[i].from || *d.bands[i].from <= ticks.lo || *d.bands[i].from >= ticks.hi) continue;
            const double bound = *d.bands[i].from, x = x_of(bound);
            c.grid_line(x, plot_top - 1, x, y);
            const std::string t = id_number(bound, bound == std::floor(bound) ? 0 : 1);
            const double w = c.text_width(t, kSmallSize);
            if (x + w / 2 + 3 <= named_left && x + w / 2 <= width) {
                c.text(x - w / 2, top, t, kSmallSize);
                named_left = x - w / 2;
            }
        }
    }
    for (std::size_t k = 0; k < n; ++k) {
        const double row_h = row_top[k + 1] - row_top[k];
        c.label_right(labels[k], label_w, row_top[k] + (row_h - labels[k].height) / 2);
        double by = row_top[k] + (row_h - bars_h) / 2;
        for (std::size_t s = 0; s < m; ++s, by += bar_h + gap) {
            const auto& v = d.values[s][k];
            const bool cut = v && *v > ticks.hi;
            const double xe = v ? x_of(cut ? ticks.hi : *v) : x_of(0);
            if (v) c.bar(Rect{std::min(xe, x_of(0)), by, std::fabs(xe - x_of(0)), bar_h}, s);
            if (cut) {  // the break: a white gap slanted across the bar, a bar's height from its end
                const double bx = xe - bar_h, slant = bar_h * 0.35;
                c.polygon({{bx - 1.5 + slant, by - 0.5}, {bx + 1.5 + slant, by - 0.5}, {bx + 1.5 - slant, by + bar_h + 0.5},
                           {bx - 1.5 - slant, by + bar_h + 0.5}},
                          page::Color{1, 1, 1});
            }
            c.text(std::max(xe, x_of(0)) + 3, by + (bar_h - kValueSize * kLead) / 2, end_text(s, k), kValueSize);
        }
    }
    for (std::size_t i = 0; i < ticks.values.size(); ++i) {
        const double x = x_of(ticks.values[i]);
        if (ticks.values[i] != 0 && !banded) c.grid_line(x, plot_top, x, y);
        const double w = c.text_width(tick_text[i], kSmallSize);
        c.text(std::clamp(x - w / 2, x0 - 3, width - w), y + 3, tick_text[i], kSmallSize);
    }
    // The grid goes behind the bars: move it to the front of the path list.
    std::stable_partition(out.ops.paths.begin(), out.ops.paths.end(),
                          [](const page::Path& p) { return !p.fill && p.stroke && *p.stroke == kGrid; });
    c.rule(x_of(0), plot_top, x_of(0), y, 0.8);
    out.width = width;
    out.height = y + 3 + kSmallSize * kLead + 2;
    if (banded) {
        std::vector<std::string> names;
        for (auto it = d.bands.rbegin(); it != d.bands.rend(); ++it) names.push_back(it->label);
        out.height += 4 + c.legend(names, width, out.height + 4, false, &tints);
    }
    return out;
}

}  // namespace lkjip::layout::chart
