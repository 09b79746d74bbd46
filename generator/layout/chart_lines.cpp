// Line charts: values over the years (categories along x), a line with markers per series; a
// missing value breaks its line. The value axis need not start at zero (a line shows change).
#include <algorithm>
#include <cmath>

#include "layout/chart.hpp"
#include "layout/chart_canvas.hpp"

namespace lkjip::layout::chart {

Drawing draw_lines(const Data& d, const Fonts& fonts, double width) {
    Drawing out;
    Canvas c(fonts, out);
    const std::size_t n = d.categories.size(), m = d.series.size();
    // The series' shared unit ("Target (Indeks)", "Realisasi (Indeks)") names the axis, once.
    std::string unit = m > 0 ? unit_of(d.series.front()) : "";
    for (const auto& name : d.series)
        if (unit_of(name) != unit) unit.clear();
    std::vector<std::string> names;
    for (const auto& name : d.series) names.push_back(unit.empty() ? name : without_unit(name));
    const double top = c.legend(names, width, 0, true) + 8;
    double lo = INFINITY, hi = -INFINITY;
    for (const auto& s : d.values)
        for (const auto& v : s)
            if (v) lo = std::min(lo, *v), hi = std::max(hi, *v);
    // Starting at zero unless that squeezes the lines into the top fifth of the plot.
    const bool from_zero = lo >= 0 && lo < (hi - lo) * 4;
    // The tick count from the plot's height: two labels at least three label heights apart.
    constexpr double kMinTickGap = 24;
    const double plot_h = std::clamp(width * 0.36, 120.0, 180.0);
    Ticks ticks;
    for (int wanted = tick_count(plot_h, kMinTickGap);; --wanted) {
        ticks = nice_ticks(lo, hi, from_zero, wanted);
        if (plot_h / static_cast<double>(ticks.values.size() - 1) >= kMinTickGap || wanted <= 2) break;
    }
    const AxisScale scale = axis_scale(ticks, unit);
    const auto tick_text = tick_labels(ticks, scale);
    double axis_w = 0;
    for (const auto& t : tick_text) axis_w = std::max(axis_w, c.text_width(t, kSmallSize) + 5);
    const double x0 = axis_w, slot = (width - x0) / static_cast<double>(n);
    const double caption_h = scale.caption.empty() ? 0 : kSmallSize * 1.15 + 3;
    if (!scale.caption.empty()) {
        const double w = c.text_width(scale.caption, kSmallSize);
        c.text(std::max(0.0, std::min(x0 - w / 2, width - w)), top, scale.caption, kSmallSize);
    }
    const double py0 = top + caption_h + 4, py1 = py0 + plot_h;
    auto y_of = [&](double v) { return py1 - (v - ticks.lo) / (ticks.hi - ticks.lo) * plot_h; };
    auto x_of = [&](std::size_t k) { return x0 + (static_cast<double>(k) + 0.5) * slot; };
    for (std::size_t i = 0; i < ticks.values.size(); ++i) {
        const double y = y_of(ticks.values[i]);
        if (i > 0) c.grid_line(x0, y, width, y);
        c.text(x0 - 5 - c.text_width(tick_text[i], kSmallSize), y - kSmallSize * 1.15 / 2, tick_text[i], kSmallSize);
    }
    c.rule(x0, py1, width, py1, 0.8);
    for (std::size_t s = 0; s < m; ++s) {
        std::vector<std::pair<double, double>> run;
        for (std::size_t k = 0; k <= n; ++k) {
            if (k < n && d.values[s][k]) {
                run.emplace_back(x_of(k), y_of(*d.values[s][k]));
                continue;
            }
            c.polyline(run, s);
            run.clear();
        }
    }
    // Each point carries its value as printed in the table, above its marker or else below it,
    // where it touches no marker, no other value and stays inside the plot; else it is left out
    // (the table gives it).
    std::vector<Rect> taken;
    for (std::size_t s = 0; s < m; ++s)
        for (std::size_t k = 0; k < n; ++k)
            if (d.values[s][k]) {
                c.marker(x_of(k), y_of(*d.values[s][k]), s);
                taken.push_back(Rect{x_of(k) - 3.5, y_of(*d.values[s][k]) - 3.5, 7, 7});
            }
    constexpr double kValueSize = 7;
    const double value_h = kValueSize * 1.15;
    for (std::size_t s = 0; s < m; ++s)
        for (std::size_t k = 0; k < n; ++k) {
            if (!d.values[s][k]) continue;
            const double w = c.text_width(d.texts[s][k], kValueSize), x = x_of(k), y = y_of(*d.values[s][k]);
            for (const double label_top : {y - 4 - value_h, y + 4}) {
                const Rect r{std::clamp(x - w / 2, x0 + 1, width - w), label_top, w, value_h};
                if (r.y < top + caption_h || r.bottom() > py1 - 1 || w > slot - 2) continue;
                if (std::any_of(taken.begin(), taken.end(), [&](const Rect& o) { return overlap(r, o); })) continue;
                c.text(r.x, r.y, d.texts[s][k], kValueSize);
                taken.push_back(r);
                break;
            }
        }
    std::vector<Label> labels;
    double label_h = 0;
    for (const auto& name : d.categories) {
        labels.push_back(c.wrap(name, slot - 4, kLabelSize, 3));
        label_h = std::max(label_h, labels.back().height);
    }
    for (std::size_t k = 0; k < n; ++k) {
        c.rule(x_of(k), py1, x_of(k), py1 + 3, 0.5);
        c.label(labels[k], x_of(k), py1 + 5);
    }
    out.width = width;
    out.height = py1 + 5 + label_h + 2;
    return out;
}

}  // namespace lkjip::layout::chart
