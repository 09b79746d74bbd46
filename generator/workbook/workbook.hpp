// The workbook stage: plain sheets of cells to the bytes of an .xlsx file, through libxlsxwriter
// (Debian). One module for every workbook lkjip writes: the report's tables (`build --xlsx`,
// issue 21), the templates an office fills in for `lkjip import` (`init --workbook`), and the data
// embedded in the Word writer's native charts (issue 20). It knows nothing of the report: callers
// give text and numbers with their display formats.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"

namespace lkjip::workbook {

enum class Align { none, left, center, right };

struct Cell {
    enum class Kind { empty, text, number } kind = Kind::empty;
    std::string text;     // Kind::text
    double number = 0;    // Kind::number
    // Excel's number format of a number ("#,##0", "#,##0.00", "0.00%", "@"); "" is General.
    // Excel shows it in the reader's locale, so "#,##0.00" reads "1.234,56" on an Indonesian Excel.
    std::string format;
    bool bold = false;
    bool wrap = false;     // wrap long text inside the cell
    bool border = false;   // thin border on all sides (a table cell)
    bool fill = false;     // the light header fill
    int indent = 0;        // levels of indentation (the budget tree)
    Align align = Align::none;
    std::string comment;   // a note on the cell ("" none): what a template's column expects
};

// A rectangle of cells shown as one (a multi-level header). Zero-based, inclusive.
struct Merge {
    std::size_t first_row = 0, first_column = 0, last_row = 0, last_column = 0;
};

// Cells of one column that only take one of `values` (a template's drop-down list).
struct ListValidation {
    std::size_t first_row = 0, last_row = 0, column = 0;
    std::vector<std::string> values;
};

struct Sheet {
    std::string name;  // at most 31 characters, none of []:*?/\ ; unique in the workbook
    std::vector<std::vector<Cell>> rows;
    std::vector<Merge> merges;
    std::vector<double> column_widths;  // per column, in Excel's character units; missing = default
    std::size_t frozen_rows = 0;        // header rows kept in view while scrolling
    std::vector<ListValidation> validations;
    bool landscape = false;             // printed landscape
};

struct Workbook {
    std::vector<Sheet> sheets;
    std::string title, author;  // document properties
};

// The .xlsx bytes; byte-identical for identical input (fixed dates in the package). A sheet name
// Excel refuses, overlapping merges or a sheet past Excel's limits are errors in `diags`
// (`where` names the file being produced), and then nullopt.
std::optional<std::string> write(const Workbook& book, const std::string& where, Diagnostics& diags);

// Excel's name of a cell: (0, 0) -> "A1", (13, 2) -> "C14" (row, column zero-based). Used by
// every positioned message about a workbook ("Sheet1!C14").
std::string cell_name(std::size_t row, std::size_t column);

}  // namespace lkjip::workbook
