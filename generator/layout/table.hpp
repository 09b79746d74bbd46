// Table layout: a Markdown table (generator/markdown) to rows of cells with their lines placed,
// in coordinates relative to the table's top-left corner, so that the document typesetter can
// cut the body between any two rows, repeat the header rows on every page the table continues
// on, and draw each slice where its page needs it. Column widths come from the content
// (solve_column_widths, CSS 2.1 §17.5.2.2); cells wrap with the paragraph setter.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "layout/page_model.hpp"
#include "layout/paragraph.hpp"
#include "markdown/markdown.hpp"

namespace lkjip::layout {

struct TableStyle {
    double size = 10;            // points, body and header text
    double leading = 1.2;        // line height as a multiple of size
    double pad_x = 3, pad_y = 2; // cell padding, points
    double rule_width = 0.5;     // grid lines
    double total_rule_width = 1; // the heavier rule above a total row
    double max_width = 450;      // the measure the table must fit in
    page::Color header_fill{0.85, 0.85, 0.85};  // light grey behind the header rows
    const Hyphenator* hyphenator = nullptr;
};

// One cell, placed: its left edge and width inside the table, its text lines (already aligned
// inside the cell: runs' x are relative to the cell's left edge, padding included), and the
// baseline of each line measured down from the top of its row.
struct PlacedCell {
    double x = 0, width = 0;
    std::size_t first_column = 0, columns = 1;  // header cells may span columns
    std::size_t rows = 1;                       // header rows covered (multi-level headers)
    double height = 0;                          // a header cell may cover several header rows
    std::vector<PlacedLine> lines;
    std::vector<double> baselines;              // per line, from the row top
    // Row spans (a `^^` cell, docs/markdown.md): the cell at the head of a span holds the text, set
    // from its row's top across the rows of the span; each continued cell has no text of its own;
    // no rule is drawn under a cell whose next row continues it.
    bool continued = false;
    bool joins_below = false;
};

struct PlacedRow {
    double height = 0;
    std::vector<PlacedCell> cells;
    bool header = false;
    bool total = false;   // a total row: bold text, a heavier rule above
    bool group = false;   // a group row: its one bold cell spans the whole table, left-aligned
    // The text of a row span started here or above runs past this row's bottom: a page break here
    // would cut it (the typesetter keeps the row with the next).
    bool keep_with_next = false;
};

struct PlacedTable {
    double width = 0;                    // sum of the column widths
    std::vector<double> column_widths;
    std::vector<PlacedRow> header;       // repeated on every page the table continues on
    std::vector<PlacedRow> body;
    // false: even the minimum widths exceed max_width (the caller tries a landscape page). The
    // layout is still complete, at the minimum widths; a single unbreakable string wider than
    // max_width (a long URL) only claims max_width, so it alone never widens the table beyond
    // the measure: it is set overfull instead.
    bool fits = true;
    bool hyphenated = false;             // the whole words did not fit: columns were narrowed to
                                         // syllables (the caller may prefer a landscape page)
    bool overfull = false;               // some word could not be broken to fit its cell
    double size = 10;                    // the text size it was laid out at (style.size); drawn at it
};

// Lays the table out in `style.max_width` (column widths: solve_reading_widths, columns.hpp).
// Pure: fonts are metrics, nothing is drawn. Figures in a right-aligned column line up on their
// decimal comma; a cell's leading `&emsp;` levels indent it by one em each.
PlacedTable layout_table(const md::Table& table, const FontSet& fonts, const TableStyle& style);

// Issue 17: a table too wide for `style.max_width` even at its smallest type lost its right-hand
// columns without a word. Such a table is cut into parts of whole columns: each part repeats the
// key columns (the leading columns up to the first text column, No and Uraian: at most 3, in at
// most a third of the measure), then takes the next columns while their minimum widths fit. One
// part when the table fits, or when no cut helps (a single column wider than the measure).
std::vector<std::vector<std::size_t>> split_columns(const md::Table& table, const FontSet& fonts, const TableStyle& style);
// The table of the given columns (in order): header cells cut to the columns they still cover,
// rows, total marks and the source note kept.
md::Table table_columns(const md::Table& table, const std::vector<std::size_t>& columns);

// Font indices of the page model for each Face (regular, bold, italic, bold_italic, fallback).
struct FaceIds {
    std::size_t ids[6] = {0, 1, 2, 3, 4, 5};  // by Face, mono last
};

// Draws the header rows then body rows [first, last) with the table's top-left corner at
// (x, top) in page coordinates (y upwards): text runs, the grid, header shading. The slice is a
// closed box (frame, every column, every row); `last` is clamped to the body. Text is drawn at
// table.size, whatever style.size says (a caller that shrank the type to make the table fit
// cannot draw it at the wrong size); `style` gives the rules and the header fill. A row span cut by
// the slice's first row has its text drawn again there (as much as its rows in the slice hold).
// Returns the height drawn. With `fonts`, a linked run of a cell gets its URI link annotation, as
// in running text (issue 17: links inside table cells were not clickable).
double draw_table_slice(const PlacedTable& table, std::size_t first, std::size_t last, double x, double top,
                        const TableStyle& style, const FaceIds& faces, page::Page& page, const FontSet* fonts = nullptr);

// A URI as a PDF URI action wants it: 7-bit ASCII (PDF 1.7, 12.6.4.7), percent-encoded (marks.cpp).
std::string pdf_uri(std::string_view url);

}  // namespace lkjip::layout
