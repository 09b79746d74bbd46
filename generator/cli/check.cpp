#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "pipeline/pipeline.hpp"
#include "cli/report_diags.hpp"
#include "data/data.hpp"
#include "report/report.hpp"

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
        // Every document the data gives (the PK and the IKU decree where it has [pk] and
        // [keputusan_iku]), or exactly those named with --dokumen, which the data must then support.
        if (model && !diags.has_errors()) {
            std::vector<report::DocumentKind> kinds;
            for (const auto& word : options.dokumen) {
                if (auto k = parse_kind(word); k && std::find(kinds.begin(), kinds.end(), *k) == kinds.end()) kinds.push_back(*k);
            }
            if (options.dokumen.empty()) {
                for (auto k : {report::DocumentKind::lkjip, report::DocumentKind::pk, report::DocumentKind::iku, report::DocumentKind::renja}) {
                    if (report::document_supported(*model, k, nullptr)) kinds.push_back(k);
                }
            }
            for (auto kind : kinds) {
                pipeline::DocumentOptions doc_options;
                doc_options.templates = options.templates;
                doc_options.dokumen = kind;
                pipeline::BuiltDocument built = pipeline::build_model(*model, file, doc_options);
                for (const auto& d : built.diags.items()) diags.add(d);
            }
        }
        print_diagnostics(diags, colour);
        if (!options.quiet) std::fputs(summary_line(file, diags).c_str(), stderr);
        const std::size_t errors = diags.error_count(), warnings = diags.warning_count();
        if (errors > 0 || (options.werror && warnings > 0)) failed = true;
    }
    return failed ? 1 : 0;
}

}  // namespace lkjip::cli
