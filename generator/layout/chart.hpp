// Charts drawn from data (issue 6): the table after a `<!-- lkjip:chart type=… -->` directive
// (docs/markdown.md "Charts") becomes vector drawing operations of the page model: grouped
// vertical bars (`bar`), horizontal bars (`hbar`), lines over years (`line`) and the organisation
// chart (`org`). Text stays real, searchable text. The geometry (nice ticks, number formats, label
// placement, the org chart's tree layout) is made of pure functions, tested with made-up numbers
// (tests/unit/test_chart.cpp). Not a public header of the layout stage.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/page_model.hpp"
#include "layout/paragraph.hpp"
#include "layout/table.hpp"
#include "markdown/markdown.hpp"

namespace lkjip::layout::chart {

// ---- Numbers -----------------------------------------------------------------------------

// Axis ticks by Heckbert's "Nice numbers for graph labels" (Graphics Gems, 1990): steps of
// 1, 2 or 5 × 10^k, the range widened to whole steps. `from_zero` puts 0 inside the range (bars).
struct Ticks {
    double lo = 0, hi = 1, step = 1;
    int decimals = 0;            // digits after the comma that the step needs
    std::vector<double> values;  // lo, lo + step, …, hi
};
double nice_number(double x, bool round);
Ticks nice_ticks(double lo, double hi, bool from_zero, int wanted = 5);

// id-ID numbers, written here because the layout stage does not link the compute stage
// (compute/idformat.hpp has the full set): 1234567.891, 2 -> "1.234.567,89"; never "-0".
std::string id_number(double x, int decimals);
// A large number shortened with the Indonesian words' abbreviations: 7107730000 -> "7,11 M"
// (ribu "rb", juta "jt", miliar "M", triliun "T"), keeping `digits` significant digits at most.
// `largest` (the chart's largest value) sets the smallest unit used, so the labels of one chart
// do not mix forms: 900000 beside 1000000 is "0,9 jt", not "900.000".
std::string id_short(double x, int digits = 3, double largest = 0);
// Reads id-ID text ("1.234,56", "-12,5", "85", "Rp 1.000", "12,3%"); nullopt for "-" or
// anything without a number.
std::optional<double> parse_id(std::string_view text);

// ---- Honest scales (issue 17) --------------------------------------------------------------

// The unit a label names in its last parentheses: "Pagu (Rp)" -> "Rp", "Nilai SAKIP OPD
// (Indeks)" -> "Indeks", "Target" -> "". The templates name the unit that way (bab3.md.j2).
std::string unit_of(std::string_view label);
// The label without that unit: "Nilai SAKIP OPD (Indeks)" -> "Nilai SAKIP OPD".
std::string without_unit(std::string_view label);

// An axis' caption and the divisor of its tick labels: ticks reaching 10 000 000 000 of unit
// "Rp" read "0, 2, 4 … 10" under the caption "Rp miliar" (the issue: "2 M … 10 M" named no
// unit). Percentages and small numbers keep their unit as it is ("%", "juta USD").
struct AxisScale {
    double divisor = 1;
    std::string caption;  // "" when neither a unit nor a magnitude word is known
};
AxisScale axis_scale(const Ticks& ticks, const std::string& unit);
// Tick labels divided by the scale's divisor, with the decimals the step needs.
std::vector<std::string> tick_labels(const Ticks& ticks, const AxisScale& scale);

// How many ticks an axis of `length` points holds when two ticks stay `min_gap` apart (the tick
// count comes from the room, not a fixed five): between 3 and 7, Heckbert's range.
int tick_count(double length, double min_gap);

// Where a value axis stops. Normally at the largest magnitude; when the smallest non-zero value
// would be drawn under `min_fraction` of the axis beside a few outliers (at most a quarter of
// the values) that stand at least kBreakRatio times above the rest, the axis stops at the
// largest of the rest and the outliers are drawn cut with a break mark, keeping their printed
// value (Probolinggo 2021: a target of 51 miliar beside a realisasi of 3.537 triliun).
inline constexpr double kBreakRatio = 10;
double axis_limit(std::vector<double> magnitudes, double min_fraction);

// ---- Data ---------------------------------------------------------------------------------

// The directive's arguments: `type=bar title="…" scale=each`.
std::optional<std::string> argument(std::string_view args, std::string_view key);

// One band of an ordinal scale (hbar `bands=`): values from `from` up to the band above.
struct Band {
    std::optional<double> from;  // none: the lowest band, open below
    std::string label;           // "Sangat Tinggi (> 90)"
};
// `bands="90:Sangat Tinggi (> 90);75:Tinggi;…;:Sangat Rendah"`, highest first; nullopt with
// `error` when an item has no ':' or its bound is no number, the bounds do not fall, or only the
// last item is open below.
std::optional<std::vector<Band>> parse_bands(std::string_view text, std::string& error);

struct Data {
    std::string type;                                       // bar, hbar, line, org
    bool scale_each = false;                                // bar: each category on its own scale
    std::vector<Band> bands;                                // hbar: the scale drawn behind the bars
    std::vector<std::string> categories;                    // first column
    std::vector<std::string> series;                        // the header of the other columns
    std::vector<std::vector<std::optional<double>>> values; // [series][category]
    std::vector<std::vector<std::string>> texts;            // [series][category]: the cells as printed
    std::vector<std::string> parents;                       // org: the second column ("-" root)
};
// The table's data; nullopt with `error` when the chart cannot be drawn from it.
std::optional<Data> read_data(const std::string& args, const md::Table& table, std::string& error);

// ---- Drawing ------------------------------------------------------------------------------

// A rectangle in chart coordinates: x from the chart's left edge, y down from its top.
struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
    [[nodiscard]] double right() const { return x + w; }
    [[nodiscard]] double bottom() const { return y + h; }
};
bool overlap(const Rect& a, const Rect& b);

struct Fonts {
    const FontSet* set = nullptr;
    FaceIds ids;
};

struct Drawing {
    // Operations with x from the chart's left edge and y = minus the distance below its top
    // (the convention of the flow's pieces).
    page::Page ops;
    double width = 0, height = 0;
    std::vector<Rect> texts;  // every label's box, for the tests
    // The org chart: each unit's box (in table order) and the connector segments (x1, y1, x2, y2).
    std::vector<Rect> units;
    std::vector<int> unit_parent;  // index of the parent unit, -1 for a root
    std::vector<std::array<double, 4>> connectors;
    double text_size = 0;          // org: the size the units were set at
    bool stacked = false;          // org: some units' children are stacked, not in a row
    bool words_cut = false;        // org: no whole-word layout fitted; words were cut at the box
};

// Draws `data` in `width` points. Never fails: the data was checked by read_data.
Drawing draw(const Data& data, const Fonts& fonts, double width);
Drawing draw_bars(const Data& data, const Fonts& fonts, double width);
Drawing draw_hbars(const Data& data, const Fonts& fonts, double width);
Drawing draw_lines(const Data& data, const Fonts& fonts, double width);
Drawing draw_org(const Data& data, const Fonts& fonts, double width);

}  // namespace lkjip::layout::chart
