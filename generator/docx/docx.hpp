// The Word writer stage (issue 20): the Markdown stage's document tree, as the layout set it, to
// a WordprocessingML package (.docx, ECMA-376 / ISO/IEC 29500) in memory. It reads the same tree
// the typesetter reads, so a Markdown convention (docs/markdown.md) means the same in both
// outputs, and it follows the layout's decisions (page orientation, column widths, the page
// numbers of the lists of contents, the charts' data and drawings) from the page model. Word's
// own tools work on the result: styles, Heading 1–4, TOC and SEQ fields, sections, tables with
// merged headers, native charts. docs/docx.md describes the mapping.
#pragma once

#include <optional>
#include <string>

#include "common/diagnostics.hpp"
#include "layout/page_model.hpp"
#include "markdown/markdown.hpp"

namespace lkjip::docx {

// The page and type of the document: the data file's [gaya], as the layout used them.
struct Settings {
    double page_width_mm = 210, page_height_mm = 297;
    double margin_top_mm = 30, margin_bottom_mm = 25, margin_left_mm = 30, margin_right_mm = 25;
    bool sans = false;          // Arial instead of Times New Roman
    double size = 12;           // body text, points
    double line_spacing = 1.5;  // body leading as a multiple of size
    std::string running_header; // "" for none
    std::string source_name = "document.md";  // for diagnostics
    std::string base_dir = ".";               // relative image paths start here
    page::DocumentInfo info;
};

// The package's bytes; nullopt with an error in `diags` (at the Markdown line of the block) when
// an image cannot be embedded or the package cannot be made. Deterministic: identical input
// gives byte-identical output (the zip entries are dated from `settings.info`, never the clock).
std::optional<std::string> write_docx(const md::Document& doc, const page::Document& laid_out, const Settings& settings,
                                      Diagnostics& diags);

}  // namespace lkjip::docx
