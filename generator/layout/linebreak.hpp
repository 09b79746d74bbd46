// Optimal line breaking: the total-fit algorithm of D. E. Knuth and M. F. Plass, "Breaking
// Paragraphs into Lines", Software—Practice and Experience 11 (1981) 1119-1184. A paragraph is a
// list of boxes (words, syllables), glue (stretchable space) and penalties (possible breaks,
// hyphens); the breaks chosen minimise the sum of demerits over the whole paragraph rather than
// line by line, so a paragraph is justified evenly. Pure: widths are numbers, no fonts here.
#pragma once

#include <limits>
#include <vector>

namespace lkjip::layout {

struct Item {
    enum class Kind { box, glue, penalty } kind = Kind::box;
    double width = 0;
    double stretch = 0, shrink = 0;  // glue
    double penalty = 0;              // penalty: cost of breaking here; ±infinity forbids / forces
    bool flagged = false;            // penalty: a hyphen (two flagged breaks in a row cost more)

    static Item box(double w) { return {Kind::box, w, 0, 0, 0, false}; }
    static Item glue(double w, double stretch, double shrink) { return {Kind::glue, w, stretch, shrink, 0, false}; }
    static Item pen(double w, double penalty, bool flagged = false) { return {Kind::penalty, w, 0, 0, penalty, flagged}; }
};

constexpr double kInfinity = 10000;  // a penalty of ±10000 is ±infinity, as in TeX

struct BreakParams {
    std::vector<double> line_widths;  // width of line 1, 2, …; the last one repeats
    double tolerance = 3;             // largest adjustment ratio accepted on the first pass
    double line_penalty = 10;
    double flagged_demerits = 100;    // two hyphenated lines in a row
    double fitness_demerits = 100;    // a tight line next to a loose one
    double final_hyphen_demerits = 5000;  // the last full line ends in a hyphen (TeX's default)
};

struct Line {
    std::size_t start = 0, end = 0;  // items [start, end); `end` is the break item
    double ratio = 0;                // adjustment ratio: > 0 stretches the glue, < 0 shrinks it
    bool overfull = false;           // nothing fitted: the line is wider than its measure
};

// Breaks `items` (which should end with a forced break, Item::pen(0, -kInfinity)) into lines.
// Tries the given tolerance, then a looser one; when no break sequence fits at all (a word wider
// than the line), it still returns lines and marks the overfull ones instead of failing.
std::vector<Line> break_lines(const std::vector<Item>& items, const BreakParams& params);

}  // namespace lkjip::layout
