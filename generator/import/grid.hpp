// Inside the import stage: reading a sheet's grid the way every layout does (header text through
// merged cells, amounts and counts in id-ID or as Excel numbers) and writing TOML values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"
#include "import/import.hpp"
#include "sheet/sheet.hpp"

namespace lkjip::import::detail {

// A header as compared: lower case, every run of spaces and punctuation one space, trimmed; '%'
// kept ("Realisasi (%)" → "realisasi %"). "Anggaran Setelah-Perubahan (Rp)" → "anggaran setelah perubahan rp".
std::string normalise(std::string_view header);
bool has_word(const std::string& normalised, std::string_view word);  // a whole word or phrase of it

// The text a cell shows, trimmed ("" for an empty cell); a number cell's decimal text.
std::string text_at(const sheet::Sheet& sheet, int row, int column);
// Where a header is looked for: the first rows and columns of a sheet, and the merged ranges
// that reach into them. Bounded (a hostile sheet may list millions of ranges and 16,384 columns),
// so finding a header costs the same on any sheet; a real header has a few dozen merges.
constexpr int kHeaderRows = 64, kHeaderColumns = 256;
constexpr std::size_t kHeaderMerges = 4096;
struct HeaderRegion {
    int columns = 0;                    // the sheet's width, at most kHeaderColumns
    std::vector<sheet::Range> merged;   // the ranges that start in the region, at most kHeaderMerges
};
HeaderRegion header_region(const sheet::Sheet& sheet);
// The text of the merged range that covers (row, column), from its top-left cell; the cell's own
// text when no range covers it. `from_above` is set when the range starts on an earlier row.
std::string covering_text(const sheet::Sheet& sheet, const HeaderRegion& region, int row, int column,
                          bool* from_above = nullptr);
int column_count(const sheet::Sheet& sheet);

// A row of column numbers under the header ("1 2 3 4 5 6", as finance reports print them).
bool numbering_row(const sheet::Sheet& sheet, int row);

// The sheet and cell a diagnostic names.
struct Where {
    const std::string& file;
    const sheet::Sheet& sheet;
    [[nodiscard]] SourcePos at(int row, int column) const { return sheet::cell_pos(file, sheet.name, row, column); }
    [[nodiscard]] std::string ref(int row, int column) const { return sheet::cell_ref(sheet.name, row, column); }
};

// An amount of money in a cell: an Excel number with at most two decimals, or id-ID text
// ("1.234.567,89", "Rp 1.234.567,-", "(1.234)"); "-" and an empty cell are no amount. Anything
// else is an error at the cell; `what` names the column ("pagu").
struct Amount {
    bool ok = true;
    std::optional<std::int64_t> sen;
};
Amount read_amount(const Where& w, int row, int column, const char* what, Diagnostics& diags);

// A count of people in a cell: a whole number ≥ 0 (an empty cell or "-" is 0).
std::optional<std::int64_t> read_count(const Where& w, int row, int column, Diagnostics& diags);

// A measured value (an indicator's realisasi): exact decimal text, or nullopt for an empty cell
// or "-"; `bad` is set (and an error given) for text that is no number.
std::optional<std::string> read_value(const Where& w, int row, int column, bool& bad, Diagnostics& diags);

// TOML values as a hand-written part has them: "…" with escapes; 19_341_510_000 for whole
// rupiah, "1234.56" for an amount with sen; a decimal as written (85.6, 98).
std::string toml_string(std::string_view text);
std::string toml_money(std::int64_t sen);
std::string toml_integer(std::int64_t value);

// The column a mapping file gives for `role` (by letter, or by header text in `header_rows`);
// -1 when the mapping does not name it; -2 (after an error) when it names a column the sheet lacks.
int mapped_column(const ColumnMap& map, std::string_view role, const sheet::Sheet& sheet, const HeaderRegion& region,
                  const std::vector<int>& header_rows, Diagnostics& diags);
// The roles of a layout a mapping may name, for its errors.
const std::vector<std::string>& roles_of(Layout layout);

// The part's first lines: what it is, where it came from, how it is replaced.
std::string part_heading(const Request& request, const std::string& what);

}  // namespace lkjip::import::detail
