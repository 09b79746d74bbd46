// Column widths of a table. Two pure functions on numbers:
// - solve_column_widths: a browser's automatic table layout (CSS 2.1 §17.5.2.2): every column gets
//   at least its minimum (its widest unbreakable word); when the preferred widths (each cell on one
//   line) fit, the spare space goes out in proportion to them; otherwise the space above the
//   minimums goes out in proportion to what each column still wants.
// - solve_reading_widths (issue 17): widths that favour reading. Proportional sharing gave a column
//   of figures under a long header ("Pagu Penetapan (Rp)") the room a label column needed, which then
//   wrapped to five lines ("Meningkatnya / Akuntabilitas / Kinerja / Perangkat / Daerah"). Here a
//   column of figures gets exactly what its widest figure or header word needs; the space above the
//   minimums goes to the text columns, step by step to the column where it saves the most lines of
//   table height (rows are as tall as their tallest cell); figures' headers go to one line only when
//   the text has all it can use.
#pragma once

#include <cstddef>
#include <vector>

namespace lkjip::layout {

struct ColumnWidths {
    std::vector<double> widths;
    bool fits = true;  // false: even the minimums exceed the space (the table wants landscape)
};

ColumnWidths solve_column_widths(const std::vector<double>& min, const std::vector<double>& max, double available);

// A hard break inside a cell's word list (`<br>`).
inline constexpr double kHardBreak = -1;

// What one column needs, for solve_reading_widths. Widths include the cell padding (`pad`, both
// sides); word widths do not.
struct ColumnNeed {
    double min = 0;        // never narrower: the widest word (or syllable), for figures the widest figure
    double max = 0;        // every cell on one line
    bool figures = false;  // figures, codes, numbers: served after the text columns
    double pad = 0;        // both sides of a cell
    double space = 0;      // the interword space
    // Per row of the table (header rows first, then body rows; the same count for every column):
    // the widths of the cell's words in order, kHardBreak for a hard break; empty for no cell of its
    // own there (a cell spanning columns, a continued cell, an empty cell).
    std::vector<std::vector<double>> rows;
};

// Lines of a cell of `words` set first-fit at inner width `inner` (a word wider than the line takes
// the lines it is cut into). 0 for no words. The table layout's estimate of a cell's height.
std::size_t estimated_lines(const std::vector<double>& words, double space, double inner);

// Widths for `columns` in `available`: each at least its min; `fits` false when the minimums do
// not fit (then the minimums). The space above the minimums goes, in steps, to the text column whose
// step saves the most estimated table height (then the most lines), up to each column's max; then to
// the figure columns' headers, up to their max; what is left widens the text columns in proportion
// to their max, so the table spans the measure. A table of figures only keeps its natural width.
ColumnWidths solve_reading_widths(const std::vector<ColumnNeed>& columns, double available);

}  // namespace lkjip::layout
