// The pipeline stage: one document in memory, from a data file (or its loaded model) to PDF bytes,
// page count and diagnostics, nothing written (load -> compute -> templates -> Markdown -> layout
// -> PDF). `lkjip build`, `check`, `batch`, `render` and the benchmarks (bench/) all go through
// it, so they typeset exactly the same way; the command-line stage only chooses the inputs and
// writes the outputs (docs/architecture.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/diagnostics.hpp"
#include "common/file_read.hpp"
#include "layout/layout.hpp"
#include "model/model.hpp"
#include "report/report.hpp"

namespace lkjip::pipeline {

// The page and type of the report, from the data file's [gaya], and the PDF's metadata; `file`
// is the data file (the name of the generated Markdown in diagnostics).
layout::LayoutSettings settings_of(const AgencyYear& data, const std::string& file,
                                   report::DocumentKind kind = report::DocumentKind::lkjip);

// Markdown to PDF bytes; false with diagnostics on error. `pages` gets the page count.
bool typeset_to_pdf(const std::string& markdown, const layout::LayoutSettings& settings, Diagnostics& diags,
                    std::string& bytes, std::size_t& pages);

// The outputs of one typesetting: the PDF, the Word file (issue 20: the same document tree,
// after the same layout, so both have the same pages, orientations and lists of contents), or both.
struct Formats {
    bool pdf = true;
    bool docx = false;
};
struct Typeset {
    std::string pdf, docx;   // the bytes of each format asked for
    std::size_t pages = 0;   // of the PDF layout
};
bool typeset(const std::string& markdown, const layout::LayoutSettings& settings, const Formats& formats, Diagnostics& diags,
             Typeset& out);

// `lkjip render`: any Markdown through the typesetter, the page chosen on the command line.
struct MarkdownPage {
    std::string file;        // the Markdown file, "-" for standard input (names, relative images)
    bool f4 = false;         // F4 (215 x 330 mm) instead of A4
    bool sans = false;
    bool link_urls = false;  // print each link's URL after its text
};
bool render_markdown(const std::string& markdown, const MarkdownPage& page, const Formats& formats, Diagnostics& diags,
                     Typeset& out);

struct DocumentOptions {
    std::vector<std::string> templates;  // --templates folders, before the built-in ones
    bool keep_markdown = false;          // also return the Markdown (build --md)
    bool lint = false;                   // add the warnings of `lkjip check` (batch)
    report::DocumentKind dokumen = report::DocumentKind::lkjip;
    Formats formats;                     // the PDF, the Word file, or both
};

struct BuiltDocument {
    bool ok = false;
    std::string pdf;                      // the PDF bytes when ok (and asked for)
    std::string docx;                     // the Word file's bytes when ok and asked for
    std::size_t pages = 0;
    std::optional<std::string> markdown;  // with keep_markdown, when rendering succeeded
    Diagnostics diags;                    // everything found, errors and warnings
    std::vector<FileRead> reads;          // every file read (build_document), in order
};

// A loaded model to PDF (and Word) bytes. `file` is the data file (names in diagnostics, base folder).
BuiltDocument build_model(const AgencyYear& model, const std::string& file, const DocumentOptions& options,
                          Diagnostics diags = {});

// A data file to PDF bytes: load (with `extends`), then build_model.
// `reads` lists every file read on the way (data, parents, images, fonts, templates): the outputs
// must not replace any of them.
BuiltDocument build_document(const std::string& file, const DocumentOptions& options);

// `build --xlsx`: every table of a report's Markdown as a sheet of an XLSX workbook (numbered as
// in the report, numbers as numbers with id-ID display formats, headers merged), as bytes for the
// caller to write. A Markdown without a table: an error in `diags` and nullopt.
std::optional<std::string> tables_workbook(const std::string& markdown, const std::string& name, Diagnostics& diags);

// The font files a document in the serif or the sans family is set in, each as the name the
// layout stage loads and the path it reads (`lkjip batch` hashes them into its cache key).
std::vector<std::pair<std::string, std::string>> font_files(bool sans);

}  // namespace lkjip::pipeline
