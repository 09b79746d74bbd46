// `lkjip preview`: the report, or one chapter, as Markdown, on standard output or in a file
// (written like every output, common/file_write.hpp).
#include <cstdio>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "common/file_read.hpp"
#include "common/i18n.hpp"
#include "data/data.hpp"
#include "report/report.hpp"

namespace lkjip::cli {

int run_preview(const PreviewOptions& options, bool colour) {
    const report::DocumentKind kind = parse_kind(options.dokumen).value_or(report::DocumentKind::lkjip);
    if (options.bab > 0 && kind != report::DocumentKind::lkjip) {
        const char* document = kind == report::DocumentKind::pk      ? "Perjanjian Kinerja"
                               : kind == report::DocumentKind::renja ? "Renja"
                                                                     : "Keputusan penetapan IKU";
        std::fputs(fmt::format("lkjip preview: {}\n", _f("--bab selects a chapter of the LKjIP; the {} has no chapters", document)).c_str(),
                   stderr);
        return 2;
    }
    Diagnostics diags;
    std::optional<std::string> markdown;
    ReadLog log;  // the data files and templates read: -o never replaces one of them
    if (auto model = load_agency_year(options.file, diags)) {
        report::MarkdownOptions mo;
        if (options.bab > 0) mo.bab = options.bab;
        mo.template_dirs = options.templates;
        mo.dokumen = kind;
        markdown = report::render_markdown(*model, mo, diags);
    }
    bool ok = markdown.has_value();
    if (ok) ok = emit(options.output.empty() ? std::string("-") : options.output, *markdown, log.identities(), diags);
    for (const auto& d : diags.items()) {
        if (d.severity == Severity::error) std::fputs(format_diagnostic(d, colour).c_str(), stderr);
    }
    return ok ? 0 : 1;
}

}  // namespace lkjip::cli
