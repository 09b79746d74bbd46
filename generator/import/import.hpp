// The import stage (issue 21): the sheets an office already has (the finance system's budget
// export, the personnel office's staff counts, the realisasi of the indicators) as a TOML part of
// the data file, the file a `sertakan` names (docs/data-format.md "Parts"). It reads the grids of
// the sheet stage, finds the columns by the header names those sheets use (or by a mapping file),
// checks what it reads (Permendagri 90/2019 codes, a child under its parent, money exact, counts
// whole) and writes the part's text; the data stage reads it back like any hand-written file.
// docs/import.md documents each layout.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"
#include "sheet/sheet.hpp"

namespace lkjip::import {

// What a sheet holds, and so which part of the data file it becomes.
enum class Layout : std::uint8_t {
    anggaran,   // the budget: [[urusan]], [[program]] with kegiatan and sub kegiatan, [anggaran] totals
    pegawai,    // staff counts: one [[pegawai]] table per sheet
    indikator,  // realisasi of the [[indikator]] by id and year
};
std::optional<Layout> parse_layout(std::string_view word);  // "anggaran", "pegawai", "indikator"
const char* layout_word(Layout layout);

// A column of a mapping file: a column letter ("D") or the header text the sheet shows
// ("Anggaran Murni"), with the position of the value in the mapping file for messages.
struct ColumnChoice {
    std::string role;     // "kode", "uraian", "pagu", …: the roles docs/import.md lists per layout
    std::string letters;  // "D" (set when the mapping names a column by its letter)
    std::string header;   // else the header text, compared without case, spaces or punctuation
    SourcePos pos;
};

// `--map MAP.toml`: which sheet, where the header is, which column is what, for a sheet whose
// header names are not those the finance exports use (docs/import.md "Mapping file").
struct ColumnMap {
    std::optional<Layout> jenis;
    SourcePos jenis_pos;
    std::string lembar;                 // the sheet's name ("" : as without the mapping)
    int baris_judul = 0;                // the header row as Excel numbers it (its last row, when two); 0: found
    std::string judul;                  // (pegawai) the table's `judul`; "" : the sheet's name
    std::vector<ColumnChoice> kolom;
};

// Reads a mapping file; nullopt with positioned errors for a malformed one.
std::optional<ColumnMap> read_column_map(const std::string& path, Diagnostics& diags);

struct Request {
    std::string sheet;                  // --sheet: only this sheet ("" : every sheet that fits)
    std::optional<Layout> layout;       // --jenis; nullopt: by the headers (or the mapping's jenis)
    std::optional<ColumnMap> map;       // --map
    std::string command_line;           // how it was made, for the part's first comment
};

// The workbook as the text of a TOML part, or nullopt with one positioned error per bad input
// (`budget.xlsx:Sheet1!C14: error: …`). Warnings (a stated total that is not the sum of its
// rows, as `lkjip check` words it) go to `diags` and do not stop the import.
std::optional<std::string> import_part(const sheet::Workbook& workbook, const Request& request, Diagnostics& diags);

// The sheets of `lkjip init --workbook`: one sheet per layout, with the header an import reads,
// an example row marked as such and a note on how to fill it in (docs/import.md).
std::vector<sheet::OutSheet> template_sheets();

}  // namespace lkjip::import
