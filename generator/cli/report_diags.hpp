// What `lkjip check` and `lkjip build` print about one data file (issue 16): its diagnostics on
// standard error, then one summary line in the same form for both, so a warning `check` shows is
// a warning `build` shows too.
#pragma once

#include <string>

#include "common/diagnostics.hpp"

namespace lkjip::cli {

// Every diagnostic, or with `quiet` the errors only (an error is never silenced).
void print_diagnostics(const Diagnostics& diags, bool colour, bool quiet = false);

// One message of a command rather than of a place in a file ("lkjip batch: error: no data files
// found", "x.md: error: ..."), in the form of every diagnostic, with the words of the severity
// and the hint in the user's language: "WHO: error: MESSAGE" and "  hint: HINT".
void print_message(Severity severity, const std::string& who, const std::string& message, const std::string& hint = {});

// "FILE: ok" or "FILE: 1 error, 5 warnings"; `tail` (when not empty) follows after "; ".
std::string summary_line(const std::string& file, const Diagnostics& diags, const std::string& tail = {});

}  // namespace lkjip::cli
