// The layout stage's public header: the document tree of the Markdown stage to the page model
// (page_model.hpp). It knows fonts and geometry and nothing about PDF; the PDF writer
// (generator/pdf) draws what this returns. The cores it is built on (line breaking, column
// widths, pagination, paragraph setting, tables) have their own headers for their tests.
#pragma once

#include <optional>
#include <string>

#include "common/diagnostics.hpp"
#include "layout/page_model.hpp"
#include "markdown/markdown.hpp"

namespace lkjip::layout {

// Page and type of one document: the data file's [gaya] (docs/data-format.md), with defaults
// that look like a well-made Indonesian government report.
struct LayoutSettings {
    double page_width_mm = 210, page_height_mm = 297;    // A4; F4 is 215 × 330
    double margin_top_mm = 30, margin_bottom_mm = 25, margin_left_mm = 30, margin_right_mm = 25;
    bool sans = false;                                    // Liberation Sans instead of Serif
    double size = 12;                                     // body text, points
    double line_spacing = 1.5;                            // body leading as a multiple of size (Word's 1,5 lines)
    std::string running_header;                           // printed at the top of numbered pages, "" for none
    std::string source_name = "document.md";              // for diagnostics
    std::string base_dir = ".";                           // relative image paths start here
    bool link_urls = false;                               // print link targets after their text (render --link-urls)
    page::DocumentInfo info;
    // docs/limits.md: the longest real LKjIP seen has about 150 pages; past 5000 the input is a
    // data mistake (a table of every transaction), reported as an error.
    std::size_t max_pages = 5000;
};

// Loads, once per process, what typeset() needs of the system: the faces of the family and the
// hyphenation patterns (about a twentieth of a whole `lkjip build`). Calling it on a second
// thread while the data is still being read shortens a single build; typeset() waits for a load
// under way and does it itself when it was not called. Never fails: typeset() reports.
void preload(bool sans);

// Forgets the paragraphs this thread has set (paragraph.cpp remembers them for the documents
// that follow). For the benchmarks, whose repetitions of one document would otherwise find every
// paragraph already set and time less than a new document costs.
void forget_set_paragraphs();

// Sets `doc` into pages. Problems (an image that cannot be read, a word wider than its column)
// are diagnostics with the Markdown line; nullopt only when nothing sensible can be produced
// (the fonts cannot be loaded).
std::optional<page::Document> typeset(const md::Document& doc, const LayoutSettings& settings, Diagnostics& diags);

}  // namespace lkjip::layout
