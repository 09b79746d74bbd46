#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "data/data.hpp"

namespace lkjip::cli {

int run_check(const CheckOptions& options, bool colour) {
    bool failed = false;
    for (const auto& file : options.files) {
        Diagnostics diags;
        const auto model = load_agency_year(file, diags);
        if (model) lint_agency_year(*model, diags);
        for (const auto& d : diags.items()) std::fputs(format_diagnostic(d, colour).c_str(), stderr);
        const std::size_t errors = diags.error_count(), warnings = diags.warning_count();
        if (!options.quiet) {
            if (errors == 0 && warnings == 0) {
                std::fprintf(stderr, "%s: ok\n", file.c_str());
            } else {
                std::fprintf(stderr, "%s: %zu error%s, %zu warning%s\n", file.c_str(), errors, errors == 1 ? "" : "s",
                             warnings, warnings == 1 ? "" : "s");
            }
        }
        if (errors > 0 || (options.werror && warnings > 0)) failed = true;
    }
    return failed ? 1 : 0;
}

}  // namespace lkjip::cli
