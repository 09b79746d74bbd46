#include "cli/report_diags.hpp"

#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "common/i18n.hpp"

namespace lkjip::cli {

void print_diagnostics(const Diagnostics& diags, bool colour, bool quiet) {
    for (const auto& d : diags.items()) {
        if (quiet && d.severity != Severity::error) continue;
        std::fputs(format_diagnostic(d, colour).c_str(), stderr);
    }
}

void print_message(Severity severity, const std::string& who, const std::string& message, const std::string& hint) {
    Diagnostic d;
    d.severity = severity;
    d.pos = SourcePos{std::make_shared<const std::string>(who), 0, 0};
    d.message = message;
    d.hint = hint;
    std::fputs(format_diagnostic(d, false).c_str(), stderr);
}

std::string summary_line(const std::string& file, const Diagnostics& diags, const std::string& tail) {
    const std::size_t errors = diags.error_count(), warnings = diags.warning_count();
    std::string line = errors == 0 && warnings == 0
                           ? _f("{}: ok", file)
                           : fmt::format("{}: {}, {}", file, _n("{} error", "{} errors", errors), _n("{} warning", "{} warnings", warnings));
    if (!tail.empty()) line += "; " + tail;
    return line + "\n";
}

}  // namespace lkjip::cli
