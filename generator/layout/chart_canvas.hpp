// Inside the chart drawing (chart*.cpp): a canvas in chart coordinates (y down from the chart's
// top) that writes page-model operations in the flow's convention (y = minus the distance below
// the top), records every label's box, and sets wrapped labels with the paragraph setter.
#pragma once

#include <string>
#include <vector>

#include "layout/chart.hpp"

namespace lkjip::layout::chart {

// Grey-print palette: distinct luminance per series (dark grey-blue, light grey with hatching,
// mid grey, white with an outline), so two series read apart on a black-and-white copy.
struct Swatch {
    page::Color fill;
    bool hatch = false;
    bool dashed = false;  // lines
};
const Swatch& swatch(std::size_t series);
inline constexpr page::Color kInk{0.15, 0.15, 0.15};
inline constexpr page::Color kGrid{0.82, 0.82, 0.82};
inline constexpr double kLabelSize = 8;
inline constexpr double kSmallSize = 7;

struct Label {
    std::vector<PlacedLine> lines;
    double size = kLabelSize;
    double width = 0;   // the widest line
    double height = 0;  // lines · leading
};

class Canvas {
public:
    Canvas(const Fonts& fonts, Drawing& out) : fonts_(fonts), out_(out) {}

    [[nodiscard]] double text_width(const std::string& s, double size, Face face = Face::regular) const;
    [[nodiscard]] double ascent(double size) const;
    // One line of text with its top-left corner at (x, top); returns its box.
    Rect text(double x, double top, const std::string& s, double size, Face face = Face::regular);
    // `s` wrapped to `width` (words longer than the line are cut), at most `max_lines` lines (the
    // last one shortened with "…").
    [[nodiscard]] Label wrap(const std::string& s, double width, double size, std::size_t max_lines = 99,
                             bool bold = false) const;
    // Draws a wrapped label, each line centred on `cx` (or left-aligned at `cx` when `left`).
    void label(const Label& l, double cx, double top, bool left = false);
    // Right-aligned at `right`.
    void label_right(const Label& l, double right, double top);

    void rule(double x1, double y1, double x2, double y2, double width = 0.5, page::Color c = kInk);
    void rect(const Rect& r, std::optional<page::Color> fill, std::optional<page::Color> stroke, double stroke_width = 0.5);
    // A filled bar as a path (drawn in order with the grid, so the grid stays behind it), with
    // the series' outline and hatching.
    void bar(const Rect& r, std::size_t series);
    void grid_line(double x1, double y1, double x2, double y2);
    // A filled polygon drawn in order with the bars (after the ones already drawn).
    void polygon(const std::vector<std::pair<double, double>>& pts, page::Color fill);
    void polyline(const std::vector<std::pair<double, double>>& pts, std::size_t series);
    void marker(double x, double y, std::size_t series);
    // The legend centred in `width`, starting at `top`; returns its height. Its keys are the
    // series' bars (or lines), or boxes of the given `fills` (the bands of a scale).
    double legend(const std::vector<std::string>& names, double width, double top, bool lines = false,
                  const std::vector<page::Color>* fills = nullptr);

private:
    const Fonts& fonts_;
    Drawing& out_;
};

}  // namespace lkjip::layout::chart
