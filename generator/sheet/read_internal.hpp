// Inside the sheet stage: the two readers read_workbook chooses between by the file's content.
#pragma once

#include "sheet/sheet.hpp"

namespace lkjip::sheet::detail {

// A CSV (or tab-separated) text of any of the encodings offices save: UTF-8 with or without BOM,
// UTF-16 with BOM (Excel's "Unicode Text"), else Windows-1252.
std::optional<Workbook> read_csv(const std::string& bytes, const std::string& name, Diagnostics& diags,
                                 const ReadLimits& limits);

// An XLSX package (ECMA-376 SpreadsheetML, transitional or strict).
std::optional<Workbook> read_xlsx(const std::string& bytes, const std::string& name, Diagnostics& diags,
                                  const ReadLimits& limits);

// The sheet name of a file read as CSV: its stem ("anggaran-2024.csv" → "anggaran-2024").
std::string stem_of(const std::string& name);

}  // namespace lkjip::sheet::detail
