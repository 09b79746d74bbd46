// Column widths of a table, shared out like a browser's automatic table layout (CSS 2.1
// §17.5.2.2): every column gets at least its minimum (its widest unbreakable word); when the
// preferred widths (each cell on one line) fit, the spare space goes out in proportion to them;
// otherwise the space above the minimums goes out in proportion to what each column still wants.
// Pure: widths are numbers.
#pragma once

#include <vector>

namespace lkjip::layout {

struct ColumnWidths {
    std::vector<double> widths;
    bool fits = true;  // false: even the minimums exceed the space (the table wants landscape)
};

ColumnWidths solve_column_widths(const std::vector<double>& min, const std::vector<double>& max, double available);

}  // namespace lkjip::layout
