// The report stage: one agency-year (model + computed values) through the templates of
// templates/lkjip/ to GitHub-flavoured Markdown (docs/report-context.md, docs/markdown.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "model/model.hpp"

namespace lkjip::report {

struct MarkdownOptions {
    std::optional<int> bab;                  // 1-4: only that chapter; none: the whole report
    std::vector<std::string> template_dirs;  // user folders, searched before the built-in templates
};

// The folder of the built-in templates (templates/lkjip): next to an installed executable, or
// in the source tree it was built from.
std::string builtin_template_dir();

// Renders the report (or one chapter) to Markdown. nullopt and diagnostics on any error.
std::optional<std::string> render_markdown(const AgencyYear& data, const MarkdownOptions& options, Diagnostics& diags);

}  // namespace lkjip::report
