// The report stage: one agency-year (model + computed values) through the templates of
// templates/lkjip/ to GitHub-flavoured Markdown (docs/report-context.md, docs/markdown.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "model/model.hpp"

namespace lkjip::report {

// The documents one data file gives (issues 13, 14): the LKjIP, the Perjanjian Kinerja, the
// Keputusan penetapan IKU, the Renja of the plan year. Each has its template folder templates/<kind>/.
enum class DocumentKind { lkjip, pk, iku, renja };

// "lkjip", "pk", "iku", "renja": the --dokumen word and the template folder's name.
const char* kind_name(DocumentKind kind);

struct MarkdownOptions {
    std::optional<int> bab;                  // 1-4: only that chapter; none: the whole report (LKjIP only)
    std::vector<std::string> template_dirs;  // user folders, searched before the built-in templates
    DocumentKind dokumen = DocumentKind::lkjip;
};

// The folder of the built-in templates of `kind` (templates/lkjip by default): next to an
// installed executable, or in the source tree it was built from.
std::string builtin_template_dir(DocumentKind kind = DocumentKind::lkjip);

// Whether the data holds what the document needs (PK: [pk] tanggal; IKU decree:
// [keputusan_iku] nomor; Renja: [renja] tanggal and a pagu indikatif on every sub kegiatan);
// when not, an error at the data naming the missing key and false.
bool document_supported(const AgencyYear& data, DocumentKind kind, Diagnostics* diags);

// Renders the report (or one chapter) to Markdown. nullopt and diagnostics on any error.
std::optional<std::string> render_markdown(const AgencyYear& data, const MarkdownOptions& options, Diagnostics& diags);

}  // namespace lkjip::report
