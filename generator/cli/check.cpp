#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/document.hpp"
#include "data/data.hpp"

namespace lkjip::cli {

int run_check(const CheckOptions& options, bool colour) {
    bool failed = false;
    for (const auto& file : options.files) {
        Diagnostics diags;
        const auto model = load_agency_year(file, diags);
        if (model) lint_agency_year(*model, diags);
        // The whole build in memory (templates, typesetting, PDF), nothing written: an input that
        // passes check and then fails in build (a pagu of 0 reaching a percentage in a built-in
        // template, issue 18) cannot exist by construction. Its own warnings (an oversized table,
        // say) are build's warnings too.
        if (model && !diags.has_errors()) {
            DocumentOptions doc_options;
            doc_options.templates = options.templates;
            BuiltDocument built = build_model(*model, file, doc_options);
            for (const auto& d : built.diags.items()) diags.add(d);
        }
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
