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

namespace {

// A vertical value axis: two tick labels at least kMinTickGap apart (three label heights: the
// labels read as a scale, not a column of numbers), the count from the plot's height.
constexpr double kMinTickGap = 24;
// A non-zero value is drawn at least this long (issue 17: a target at zero height beside a huge
// realisasi); shorter than kMinVisible (half a label's height, under which a bar reads as
// nothing) beside the others, the axis is broken instead.
constexpr double kMinBar = 1;
constexpr double kMinVisible = 4;

// std::clamp with the bounds in either order (a label wider than its room is centred).
double fit(double v, double lo, double hi) { return lo <= hi ? std::clamp(v, lo, hi) : (lo + hi) / 2; }

struct Axis {
    Ticks ticks;
    AxisScale scale;
    std::vector<std::string> labels;
    double label_w = 0;  // the tick labels' column
    double largest = 0;  // for shortened value labels
};

Axis value_axis(const Canvas& c, const std::vector<double>& values, const std::string& unit, double plot_h) {
    Axis a;
    double lo = 0, hi = 0;
    std::vector<double> magnitudes;
    for (double v : values) lo = std::min(lo, v), hi = std::max(hi, v), magnitudes.push_back(std::fabs(v));
    a.largest = std::max(std::fabs(lo), std::fabs(hi));
    const double limit = axis_limit(magnitudes, kMinVisible / plot_h);
    if (limit > 0 && limit < hi) hi = limit;
    for (int wanted = tick_count(plot_h, kMinTickGap);; --wanted) {
        a.ticks = nice_ticks(lo, hi, true, wanted);
        const double gap = plot_h / static_cast<double>(std::max<std::size_t>(1, a.ticks.values.size() - 1));
        if (gap >= kMinTickGap || wanted <= 2) break;
    }
    a.scale = axis_scale(a.ticks, unit);
    a.labels = tick_labels(a.ticks, a.scale);
    for (const auto& t : a.labels) a.label_w = std::max(a.label_w, c.text_width(t, kSmallSize) + 5);
    a.label_w = std::max(a.label_w, c.text_width(a.scale.caption, kSmallSize) * 0.5);
    return a;
}

// The unit all series share ("Target (%)", "Realisasi (%)": "%"), else none.
std::string common_unit(const std::vector<std::string>& names) {
    std::string unit;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string u = unit_of(names[i]);
        if (i == 0) unit = u;
        else if (u != unit) return "";
    }
    return unit;
}

// The legend's names: without the unit when the axis' caption names it once for all.
std::vector<std::string> legend_names(const std::vector<std::string>& series, const std::string& unit) {
    std::vector<std::string> out;
    for (const auto& name : series) out.push_back(unit.empty() ? name : without_unit(name));
    return out;
}

// A white gap slanted across a cut bar: the bar goes on past the axis' end.
void break_mark(Canvas& c, double x, double w, double y) {
    const double slant = w * 0.18;
    c.polygon({{x - 0.5, y - 1.5 + slant}, {x + w + 0.5, y - 1.5 - slant}, {x + w + 0.5, y + 1.5 - slant}, {x - 0.5, y + 1.5 + slant}},
              page::Color{1, 1, 1});
}

}  // namespace

Drawing draw_bars(const Data& d, const Fonts& fonts, double width) {
    Drawing out;
    Canvas c(fonts, out);
    const std::size_t n = d.categories.size(), m = d.series.size();
    const double top = c.legend(legend_names(d.series, d.scale_each ? "" : common_unit(d.series)), width, 0) + 8;
    const double plot_h = std::clamp(width * 0.4, 130.0, 200.0);
    // The value axis: one for all, or (scale=each: the categories have different units) one per
    // category, each drawn with its ticks beside its own bars, never bars of different scales
    // side by side without an axis (issue 17).
    std::vector<Axis> axes;
    if (d.scale_each) {
        for (std::size_t k = 0; k < n; ++k) {
            std::vector<double> vs;
            for (std::size_t s = 0; s < m; ++s)
                if (d.values[s][k]) vs.push_back(*d.values[s][k]);
            axes.push_back(value_axis(c, vs, unit_of(d.categories[k]), plot_h));
        }
    } else {
        std::vector<double> vs;
        for (const auto& s : d.values)
            for (const auto& v : s)
                if (v) vs.push_back(*v);
        axes.push_back(value_axis(c, vs, common_unit(d.series), plot_h));
    }
    const bool captions = std::any_of(axes.begin(), axes.end(), [](const Axis& a) { return !a.scale.caption.empty(); });
    const double caption_top = top, value_room = kValueSize * kLead + 2;
    const double py0 = top + (captions ? kSmallSize * kLead + 3 : 0) + value_room, py1 = py0 + plot_h;
    const Axis& shared = axes.front();
    const double x_shared = d.scale_each ? 0 : shared.label_w;
    const double gw = (width - x_shared) / static_cast<double>(n);
    bool negative = false;
    std::vector<double> centres;
    std::vector<std::string> notes;
    for (std::size_t k = 0; k < n; ++k) {
        const Axis& a = d.scale_each ? axes[k] : shared;
        const double g0 = x_shared + static_cast<double>(k) * gw;      // the group's left edge
        const double x0 = d.scale_each ? g0 + a.label_w : g0;          // where its bars may start
        const double room = d.scale_each ? gw - a.label_w - 4 : gw;    // the bars' room
        auto y_of = [&](double v) {
            const double clamped = std::clamp(v, a.ticks.lo, a.ticks.hi);
            return py1 - (clamped - a.ticks.lo) / (a.ticks.hi - a.ticks.lo) * plot_h;
        };
        const double zero = y_of(0);
        negative = negative || a.ticks.lo < 0;
        // The axis: grid and tick labels, at the left of the chart or of the category's panel.
        if (d.scale_each || k == 0) {
            const double axis_x = d.scale_each ? x0 : x_shared;
            const double grid_right = d.scale_each ? g0 + gw - 4 : width;
            for (std::size_t i = 0; i < a.ticks.values.size(); ++i) {
                const double y = y_of(a.ticks.values[i]);
                if (a.ticks.values[i] != 0) c.grid_line(axis_x, y, grid_right, y);
                c.text(axis_x - 5 - c.text_width(a.labels[i], kSmallSize), y - kSmallSize * kLead / 2, a.labels[i], kSmallSize);
            }
            if (d.scale_each) c.rule(axis_x, py0, axis_x, py1, 0.5);
            if (!a.scale.caption.empty()) {
                const double w = c.text_width(a.scale.caption, kSmallSize);
                const double left = fit(axis_x - w / 2, d.scale_each ? g0 : 0.0, width - w);
                c.text(left, caption_top, a.scale.caption, kSmallSize);
            }
            c.rule(axis_x, zero, grid_right, zero, 0.8);
        }
        const double bw = std::min(room * 0.74 / static_cast<double>(m), 34.0), gap = 1.5;
        const double group_w = bw * static_cast<double>(m) + gap * static_cast<double>(m - 1);
        const double gx = x0 + (room - group_w) / 2;
        centres.push_back(x0 + room / 2);
        for (std::size_t s = 0; s < m; ++s) {
            const double bx = gx + static_cast<double>(s) * (bw + gap);
            const auto& v = d.values[s][k];
            double label_top = zero - kValueSize * kLead - 1;
            if (v) {
                double y = y_of(*v);
                if (*v != 0 && std::fabs(zero - y) < kMinBar) y = *v > 0 ? zero - kMinBar : zero + kMinBar;
                c.bar(Rect{bx, std::min(y, zero), bw, std::fabs(zero - y)}, s);
                if (*v > a.ticks.hi) break_mark(c, bx, bw, py0 + 6);
                label_top = *v >= 0 ? y - kValueSize * kLead - 1 : y + 1;
            }
            const std::string t = value_label(c, d, s, k, bw + gap - 1, a.largest);
            if (!t.empty()) c.text(bx + bw / 2 - c.text_width(t, kValueSize) / 2, label_top, t, kValueSize);
            // A cut bar whose value has no room over it is named under the chart.
            else if (v && *v > a.ticks.hi)
                notes.push_back("batang " + without_unit(d.series[s]) + " " + d.categories[k] + " terpotong; nilainya " + d.texts[s][k]);
        }
    }
    const auto labels = category_labels(c, d.categories, gw - 6);
    const double label_top = py1 + (negative ? kValueSize * kLead + 2 : 0) + 5;
    for (std::size_t k = 0; k < n; ++k) {
        const double g0 = x_shared + static_cast<double>(k) * gw;
        const double cx = fit(centres[k], g0 + labels[k].width / 2 + 1, g0 + gw - labels[k].width / 2 - 1);
        c.label(labels[k], cx, label_top);
    }
    out.width = width;
    out.height = label_top + tallest(labels) + 2;
    if (!notes.empty()) {
        std::string text = "Catatan: ";
        for (std::size_t i = 0; i < notes.size(); ++i) text += (i ? "; " : "") + notes[i];
        const Label l = c.wrap(text + ".", width, kSmallSize);
        c.label(l, 0, out.height + 2, true);
        out.height += 2 + l.height + 2;
    }
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
    const std::string unit = banded ? unit_of(d.series.front()) : common_unit(d.series);
    const double top = banded && m == 1 ? 3 : c.legend(legend_names(d.series, unit), width, 0) + 6;
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
    // Outliers beyond kBreakRatio times the rest are cut (as beyond a scale's cap), so no
    // non-zero bar is drawn at zero length beside them.
    if (!banded) {
        std::vector<double> magnitudes;
        for (const auto& s : d.values)
            for (const auto& v : s)
                if (v) magnitudes.push_back(std::fabs(*v));
        const double limit = axis_limit(magnitudes, kMinVisible / std::max(1.0, plot_w));
        if (limit > 0 && limit < all.hi) all.hi = limit;
    }
    Ticks ticks = nice_ticks(all.lo, all.hi, true);
    AxisScale scale = axis_scale(ticks, unit);
    std::vector<std::string> tick_text = tick_labels(ticks, scale);
    auto crowded = [&] {  // adjacent tick labels closer than 6 pt
        const double spacing = plot_w / static_cast<double>(ticks.values.size() - 1);
        for (const auto& t : tick_text) if (c.text_width(t, kSmallSize) + 6 > spacing) return true;
        return false;
    };
    for (int wanted = 4; crowded() && wanted >= 2; --wanted) {
        ticks = nice_ticks(all.lo, all.hi, true, wanted);
        scale = axis_scale(ticks, unit);
        tick_text = tick_labels(ticks, scale);
    }
    auto x_of = [&](double v) { return x0 + (v - ticks.lo) / (ticks.hi - ticks.lo) * plot_w; };
    const double bar_h = banded ? 11 : 9, gap = 1;
    const double bars_h = bar_h * static_cast<double>(m) + gap * static_cast<double>(m - 1);
    // Against a scale, the bounds are the axis' ticks (below the plot, issue 17: named above it
    // they crowded at its top edge).
    const double plot_top = top;
    std::vector<double> row_top{plot_top};
    for (std::size_t k = 0; k < n; ++k) row_top.push_back(row_top.back() + std::max(labels[k].height, bars_h) + 8);
    const double y = row_top.back();
    std::vector<page::Color> tints;
    std::vector<double> bounds;  // the scale's bounds inside the axis, highest first
    if (banded) {
        // Stripes behind everything (boxes are drawn before paths), each band from its bound to
        // the next band's, clipped to the axis; each bound a line, named above the plot where
        // its number does not touch the one to its right.
        tints = band_tints(d.bands.size());
        double upper = ticks.hi;
        for (std::size_t i = 0; i < d.bands.size(); ++i) {
            const double from = std::clamp(d.bands[i].from.value_or(ticks.lo), ticks.lo, ticks.hi);
            if (upper > from) c.rect(Rect{x_of(from), plot_top, x_of(upper) - x_of(from), y - plot_top}, tints[d.bands.size() - 1 - i], std::nullopt);
            upper = std::min(upper, from);
            if (!d.bands[i].from || *d.bands[i].from <= ticks.lo || *d.bands[i].from >= ticks.hi) continue;
            c.grid_line(x_of(*d.bands[i].from), plot_top, x_of(*d.bands[i].from), y);
            bounds.push_back(*d.bands[i].from);
        }
    }
    for (std::size_t k = 0; k < n; ++k) {
        const double row_h = row_top[k + 1] - row_top[k];
        c.label_right(labels[k], label_w, row_top[k] + (row_h - labels[k].height) / 2);
        double by = row_top[k] + (row_h - bars_h) / 2;
        for (std::size_t s = 0; s < m; ++s, by += bar_h + gap) {
            const auto& v = d.values[s][k];
            const bool cut = v && *v > ticks.hi;
            double xe = v ? x_of(cut ? ticks.hi : *v) : x_of(0);
            if (v && *v != 0 && std::fabs(xe - x_of(0)) < kMinBar) xe = x_of(0) + (*v > 0 ? kMinBar : -kMinBar);
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
    if (banded) {
        // The ticks are the axis' ends and the scale's bounds, each named where it keeps 4 pt
        // from its neighbours (the axis' end first: it gives the scale's reach).
        std::vector<double> at{ticks.lo};
        for (auto it = bounds.rbegin(); it != bounds.rend(); ++it) at.push_back(*it);
        at.push_back(ticks.hi);
        const int decimals = std::any_of(at.begin(), at.end(), [](double v) { return v != std::floor(v); }) ? 1 : 0;
        std::vector<std::pair<double, std::string>> kept;  // x, text
        auto box = [&](double v, const std::string& t) {
            const double w = c.text_width(t, kSmallSize);
            return std::pair{fit(x_of(v) - w / 2, x0 - 3, width - w), w};
        };
        const auto [end_x, end_w] = box(ticks.hi, id_number(ticks.hi, decimals));
        double right = -INFINITY;
        for (std::size_t i = 0; i + 1 < at.size(); ++i) {
            const std::string t = id_number(at[i], decimals);
            const auto [bx, w] = box(at[i], t);
            if (bx < right + 4 || bx + w + 4 > end_x) continue;
            c.text(bx, y + 3, t, kSmallSize);
            right = bx + w;
        }
        c.text(end_x, y + 3, id_number(ticks.hi, decimals), kSmallSize);
        (void)end_w;
    } else {
        for (std::size_t i = 0; i < ticks.values.size(); ++i) {
            const double x = x_of(ticks.values[i]);
            if (ticks.values[i] != 0) c.grid_line(x, plot_top, x, y);
            const double w = c.text_width(tick_text[i], kSmallSize);
            c.text(fit(x - w / 2, x0 - 3, width - w), y + 3, tick_text[i], kSmallSize);
        }
    }
    // The grid goes behind the bars: move it to the front of the path list.
    std::stable_partition(out.ops.paths.begin(), out.ops.paths.end(),
                          [](const page::Path& p) { return !p.fill && p.stroke && *p.stroke == kGrid; });
    c.rule(x_of(0), plot_top, x_of(0), y, 0.8);
    out.width = width;
    out.height = y + 3 + kSmallSize * kLead + 2;
    // The axis' unit under its numbers ("Rp miliar", "%"), centred on the plot.
    if (!scale.caption.empty()) {
        const double w = c.text_width(scale.caption, kSmallSize);
        c.text(fit(x0 + plot_w / 2 - w / 2, 0, width - w), out.height, scale.caption, kSmallSize);
        out.height += kSmallSize * kLead + 2;
    }
    if (banded) {
        std::vector<std::string> names;
        for (auto it = d.bands.rbegin(); it != d.bands.rend(); ++it) names.push_back(it->label);
        out.height += 4 + c.legend(names, width, out.height + 4, false, &tints);
    }
    return out;
}

}  // namespace lkjip::layout::chart
