// Inside the import stage: the three layouts, each a sheet to the TOML text of its part.
#pragma once

#include <optional>
#include <string>

#include "common/diagnostics.hpp"
#include "import/import.hpp"
#include "sheet/sheet.hpp"

namespace lkjip::import::detail {

// Whether the sheet has the header of the layout (used to pick the layout and the sheets
// when neither --jenis nor --sheet says).
bool looks_like_budget(const sheet::Sheet& sheet);
bool looks_like_staff(const sheet::Sheet& sheet);
bool looks_like_indicators(const sheet::Sheet& sheet);

// The TOML of one sheet (without the part's heading); nullopt after errors in `diags`.
std::optional<std::string> import_budget(const sheet::Sheet& sheet, const std::string& file, const Request& request,
                                         Diagnostics& diags);
std::optional<std::string> import_staff(const sheet::Sheet& sheet, const std::string& file, const Request& request,
                                        Diagnostics& diags);
std::optional<std::string> import_indicators(const sheet::Sheet& sheet, const std::string& file, const Request& request,
                                             Diagnostics& diags);

}  // namespace lkjip::import::detail
