// The sheet stage (issue 21): spreadsheets in and out as plain grids of cells. Reading takes an
// XLSX workbook (libzip for the package, pugixml for its XML) or a CSV file (comma or semicolon,
// UTF-8 or Windows-1252) and gives every sheet as rows of cells with the text Excel shows and, for
// a number cell, the shortest decimal of the double it stores (so money stays exact: "1234567.89", never a double
// rounded again). Writing gives an XLSX workbook through libxlsxwriter: numbers as numbers with
// id-ID display formats, merged ranges, column widths. Nothing here knows the data model: the
// import (generator/import/) and the report's tables (pipeline) map their own data to grids.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"

namespace lkjip::sheet {

// "A", "Z", "AA", … for a 0-based column; "C14" for 0-based row 13, column 2; "Sheet1!C14"
// (the sheet name quoted as Excel quotes it, 'Data 2024'!C14, when it holds anything but
// letters, digits and _). Positions of every diagnostic about a cell use this form.
std::string column_name(int column);
std::string cell_name(int row, int column);
std::string cell_ref(const std::string& sheet, int row, int column);
// The position of a diagnostic about a cell: "budget.xlsx:Sheet1!C14", printed as
// "budget.xlsx:Sheet1!C14: error: ..." (the GNU form with the cell in place of line:column).
SourcePos cell_pos(const std::string& file, const std::string& sheet, int row, int column);

enum class CellKind : std::uint8_t { empty, text, number, boolean, error };

struct Cell {
    CellKind kind = CellKind::empty;
    // text: the string as typed (shared or inline string, or the CSV field, in UTF-8);
    // number: the shortest plain decimal of the double the file stores ("1234567.89", "-5",
    // "0.0015"), the amount as typed for up to 15 significant digits: parse it exactly, do not go
    // through double again for money; boolean: "TRUE"/"FALSE"; error: "#DIV/0!".
    std::string text;
    // A number cell whose number format is a date or time (Excel serial day): the ISO date
    // "2024-12-31" in `date`, `text` still the serial. Empty otherwise.
    std::string date;
};

struct Range {  // inclusive, 0-based
    int first_row = 0, first_column = 0, last_row = 0, last_column = 0;
};

struct Sheet {
    std::string name;                       // the tab's name; a CSV file's sheet is its file stem
    std::vector<std::vector<Cell>> rows;    // rows[r][c], 0-based; trailing empty cells omitted
    std::vector<Range> merged;              // merged ranges as the file lists them; the value is
                                            // in the top-left cell, the others are empty
    [[nodiscard]] const Cell* at(int row, int column) const;  // nullptr outside the grid
};

struct Workbook {
    std::string file;                       // the path read, for messages
    std::vector<Sheet> sheets;              // in tab order
};

// Bounds on what is read, so a hostile file (a zip bomb, a billion rows, a 2 GB shared string
// table) is one error, never an exhausted memory (issue 18).
struct ReadLimits {
    // A budget export of 2,000 sub kegiatan in 20 columns is 40,000 cells and an XML part of a
    // few MB; the bounds leave room for two orders of magnitude more and keep the worst case
    // (every cell a string, the DOM of the largest part) to a few hundred MB.
    std::uint64_t max_file_bytes = 64u << 20;      // the file itself
    std::uint64_t max_part_bytes = 64u << 20;      // one unpacked XML part of the package
    std::uint64_t max_unpacked_bytes = 256u << 20; // all parts unpacked, and the text cells copy
                                                   // from shared strings (a zip bomb's ratio is ~1000:1)
    std::uint64_t max_cells = 1'000'000;           // all sheets together, empty cells inside rows counted
};

// Reads an XLSX (by its content: a zip package with xl/workbook.xml) or a CSV file (anything
// else that is text). A file that is neither, a damaged package, a special file (FIFO, device,
// folder) or one past the limits: one error in `diags` naming the file (and the part or
// line:column where known), and nullopt.
std::optional<Workbook> read_workbook(const std::string& path, Diagnostics& diags, const ReadLimits& limits = {});

// The same from bytes in memory (tests, standard input); `name` is used in messages and gives a
// CSV sheet its name.
std::optional<Workbook> read_workbook_bytes(const std::string& bytes, const std::string& name, Diagnostics& diags,
                                            const ReadLimits& limits = {});

// ---- Numbers as id-ID writes them ----

// A number as an Indonesian office writes it in a table or a sheet: "1.234.567,89" (dots group
// thousands, a comma before the decimals), "Rp 1.234.567", "Rp. 1.234.567,-", "(1.234)" or
// "-1.234" or "−1.234" for a negative, "13,72%" or "13,72 %", or plain digits "2024". Also what a
// CSV export of another locale holds for a plain decimal ("1234567.89": a dot followed by other
// than three digits, or two groups of digits that are not thousands, is a decimal point).
struct IdNumber {
    std::string decimal;  // exact decimal text with a point: "1234567.89", "-1234", "0.1372" for 13,72%
    std::string format;   // the Excel format that shows it as written: "#,##0.00", "0", "0.00%",
                          // "Rp "#,##0 (the Rp quoted), "#,##0;(#,##0)" for parentheses
    bool percent = false; // written with %: `decimal` is the fraction (13,72% → 0.1372)
    bool rupiah = false;  // written with Rp
    bool point = false;   // read with a decimal point ("13.72"), which id-ID text never writes
};
// nullopt for anything else ("-", "n/a", "2024/2025", "1.23.4", an empty string).
std::optional<IdNumber> parse_id_number(std::string_view text);

// ---- Writing ----

struct OutCell {
    std::string text;                       // shown text (for a number: ignored)
    std::optional<std::string> number;      // a number as exact decimal text ("1234567.89", "-13.72")
    // Excel number format for a number cell; "" gives the default for its decimals in id-ID
    // display: "#,##0" or "#,##0.00" (Excel shows its own locale's separators; the format code
    // is always written with , for thousands and . for decimals).
    std::string format;
    bool bold = false;
    bool header = false;                    // a header cell: bold, centred, wrapped, bordered
    bool wrap = false;
};

struct OutSheet {
    std::string name;                       // made valid and unique by the writer (31 chars, no []:*?/\)
    std::string title;                      // optional line above the table (merged across it)
    std::vector<std::vector<OutCell>> rows; // rows of the table, header rows first
    int header_rows = 0;                    // repeated when printed, frozen in view
    std::vector<Range> merged;              // 0-based in `rows` (the title line is not counted)
    std::vector<double> column_widths;      // in Excel character units; empty: from the content
    std::string note;                       // optional line below the table (source, remark)
};

// The sheets as the bytes of one XLSX file, made in memory (libxlsxwriter's output buffer, or a
// private temporary file removed before returning), for the caller to write with
// common/file_write.hpp (atomic, never over an input). Byte-identical output for identical input
// (a fixed creation date in the document properties). No sheets, or a failure of the library:
// an error in `diags` and nullopt.
std::optional<std::string> workbook_bytes(const std::vector<OutSheet>& sheets, Diagnostics& diags);

}  // namespace lkjip::sheet
