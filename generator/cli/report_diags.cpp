#include "cli/report_diags.hpp"

#include <cstdio>

#include <fmt/format.h>

namespace lkjip::cli {

void print_diagnostics(const Diagnostics& diags, bool colour, bool quiet) {
    for (const auto& d : diags.items()) {
        if (quiet && d.severity != Severity::error) continue;
        std::fputs(format_diagnostic(d, colour).c_str(), stderr);
    }
}

std::string summary_line(const std::string& file, const Diagnostics& diags, const std::string& tail) {
    const std::size_t errors = diags.error_count(), warnings = diags.warning_count();
    std::string line = errors == 0 && warnings == 0
                           ? file + ": ok"
                           : fmt::format("{}: {} error{}, {} warning{}", file, errors, errors == 1 ? "" : "s", warnings,
                                         warnings == 1 ? "" : "s");
    if (!tail.empty()) line += "; " + tail;
    return line + "\n";
}

}  // namespace lkjip::cli
