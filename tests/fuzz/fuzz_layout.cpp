// libFuzzer target: any bytes as Markdown through the typesetter, the PDF writer and the Word
// writer, in memory (issue 8: Markdown → layout → PDF; issue 20: → .docx). Must never crash, hang or leak; errors are diagnostics.
#include <cstdint>
#include <string>

#include "docx/docx.hpp"
#include "layout/layout.hpp"
#include "markdown/markdown.hpp"
#include "pdf/pdf.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 64 * 1024) return 0;  // a page of Markdown is a few KiB; larger inputs only slow the search
    lkjip::Diagnostics diags;
    const auto doc = lkjip::md::parse(std::string(reinterpret_cast<const char*>(data), size), "fuzz.md", diags);
    lkjip::layout::LayoutSettings settings;
    settings.source_name = "fuzz.md";
    settings.base_dir = "/nonexistent";  // image paths in the input never reach real files
    const auto pages = lkjip::layout::typeset(doc, settings, diags);
    if (!pages || diags.has_errors()) return 0;
    std::string bytes;
    (void)lkjip::pdf::write_pdf(*pages, bytes);
    lkjip::docx::Settings word;
    word.source_name = settings.source_name;
    word.base_dir = settings.base_dir;
    (void)lkjip::docx::write_docx(doc, *pages, word, diags);
    return 0;
}
