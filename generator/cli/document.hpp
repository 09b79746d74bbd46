// One document in memory: a data file (or its loaded model) to PDF bytes, page count and
// diagnostics, nothing written. `lkjip build`, `lkjip batch` and the benchmarks (bench/) share it,
// so they all typeset exactly the same way. Header-only (inline) so bench/ and the unit tests can
// use it without linking the executable's sources.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "common/diagnostics.hpp"
#include "common/file_read.hpp"
#include "common/file_write.hpp"
#include "data/data.hpp"
#include "layout/layout.hpp"
#include "markdown/markdown.hpp"
#include "model/model.hpp"
#include "pdf/pdf.hpp"
#include "report/report.hpp"

namespace lkjip::cli {

// The folder relative paths in a file start from ("." for a bare name or standard input).
// (std::filesystem::path's parts never throw, unlike its queries of the file system.)
inline std::string folder_of(const std::string& file) {
    const std::filesystem::path dir = std::filesystem::path(file).parent_path();
    return dir.empty() ? std::string(".") : dir.string();
}

// The page and type of the report, from the data file's [gaya], and the PDF's metadata. The
// Markdown is generated: its diagnostics point at the data file `file`, and the image paths in
// it were resolved by the loader against the file that names them, into paths from the current
// folder; so the typesetter starts relative paths from here, not from the data file's folder
// (which joined the folder twice: `dinas/dinas/foto/a.png`, found by tests/e2e/photos.sh).
inline layout::LayoutSettings settings_of(const AgencyYear& data, const std::string& file,
                                          report::DocumentKind kind = report::DocumentKind::lkjip) {
    layout::LayoutSettings s;
    if (data.style.paper.value == Paper::f4) {
        s.page_width_mm = 215;
        s.page_height_mm = 330;
    }
    s.sans = data.style.font.value == FontFamily::sans;
    s.size = data.style.size.value;
    s.margin_top_mm = data.style.margin_top.value;
    s.margin_bottom_mm = data.style.margin_bottom.value;
    s.margin_left_mm = data.style.margin_left.value;
    s.margin_right_mm = data.style.margin_right.value;
    const int year = data.laporan.tahun.value;
    const std::string agency = data.instansi.nama.value + " " + data.pemda.nama.value;
    s.running_header = fmt::format("LKjIP {} Tahun {}", agency, year);
    s.info.title = fmt::format("Laporan Kinerja Instansi Pemerintah {} Tahun {}", agency, year);
    s.info.author = agency;
    s.info.subject = fmt::format("LKjIP Tahun {}", year);
    s.info.keywords = "LKjIP, SAKIP, laporan kinerja";
    // The signing date, never the clock: identical data gives an identical PDF.
    Date d = data.laporan.tanggal.value;
    // A PK or a decree is a signed letter of a few pages: no running header (seeds 002, 003).
    if (kind == report::DocumentKind::pk && data.pk) {
        const bool revised = data.pk->perubahan.has_value();
        s.running_header.clear();
        s.info.title = fmt::format("Perjanjian Kinerja{} {} Tahun {}", revised ? " Perubahan" : "", agency, year);
        s.info.subject = fmt::format("Perjanjian Kinerja Tahun {}", year);
        s.info.keywords = "Perjanjian Kinerja, SAKIP";
        d = revised ? data.pk->perubahan->tanggal.value : data.pk->tanggal.value;
    } else if (kind == report::DocumentKind::iku && data.keputusan_iku) {
        s.running_header.clear();
        s.info.title = fmt::format("Keputusan Penetapan Indikator Kinerja Utama {} Nomor {} Tahun {}", agency,
                                   data.keputusan_iku->nomor.value, data.keputusan_iku->tahun.value);
        s.info.subject = "Penetapan Indikator Kinerja Utama";
        s.info.keywords = "Indikator Kinerja Utama, IKU, SAKIP";
        d = data.keputusan_iku->tanggal.value;
    } else if (kind == report::DocumentKind::renja && data.renja) {
        // The Renja of plan year N (Permendagri 86/2017), signed in N-1; a month-only date
        // ("Juli 2023", seed 001) dates the PDF on the month's first day.
        const int n = data.renja->tahun.value;
        s.running_header = fmt::format("Renja {} Tahun {}", agency, n);
        s.info.title = fmt::format("Rencana Kerja {} Tahun {}", agency, n);
        s.info.subject = fmt::format("Renja Tahun {}", n);
        s.info.keywords = "Renja, Rencana Kerja Perangkat Daerah, Permendagri 86/2017";
        d = data.renja->tanggal.value;
        if (d.day == 0) d.day = 1;
    }
    s.info.year = d.year;
    s.info.month = d.month;
    s.info.day = d.day;
    // The typesetter's diagnostics give lines of the generated Markdown, not of the data file: the
    // name says where those lines are (the output of `lkjip preview FILE`), so no message points
    // at a line of the data file that holds something else.
    s.source_name = file + " (lkjip preview)";
    return s;  // base_dir stays "."
}

// Markdown to PDF bytes; false with diagnostics on error. `pages` gets the page count.
inline bool typeset_to_pdf(const std::string& markdown, const layout::LayoutSettings& settings, Diagnostics& diags,
                           std::string& bytes, std::size_t& pages) {
    md::Document doc = md::parse(markdown, settings.source_name, diags);
    if (settings.link_urls) md::print_link_targets(doc);
    const auto typeset = layout::typeset(doc, settings, diags);
    if (!typeset || diags.has_errors()) return false;
    const pdf::WriteResult result = pdf::write_pdf(*typeset, bytes);
    if (!result.ok) {
        diags.error(SourcePos{std::make_shared<const std::string>(settings.source_name), 0, 0}, result.error);
        return false;
    }
    pages = typeset->pages.size();
    return true;
}

struct DocumentOptions {
    std::vector<std::string> templates;  // --templates folders, before the built-in ones
    bool keep_markdown = false;          // also return the Markdown (build --md)
    bool lint = false;                   // add the warnings of `lkjip check` (batch)
    report::DocumentKind dokumen = report::DocumentKind::lkjip;
};

struct BuiltDocument {
    bool ok = false;
    std::string pdf;                      // the PDF bytes when ok
    std::size_t pages = 0;
    std::optional<std::string> markdown;  // with keep_markdown, when rendering succeeded
    Diagnostics diags;                    // everything found, errors and warnings
    std::vector<FileRead> reads;          // every file read (build_document), in order
};

// A loaded model to PDF bytes. `file` is the data file (names in diagnostics, base folder).
inline BuiltDocument build_model(const AgencyYear& model, const std::string& file, const DocumentOptions& options,
                                 Diagnostics diags = {}) {
    BuiltDocument out;
    out.diags = std::move(diags);
    if (options.lint) lint_agency_year(model, out.diags);
    report::MarkdownOptions mo;
    mo.template_dirs = options.templates;
    mo.dokumen = options.dokumen;
    std::optional<std::string> markdown = report::render_markdown(model, mo, out.diags);
    if (!markdown) return out;
    out.ok = typeset_to_pdf(*markdown, settings_of(model, file, options.dokumen), out.diags, out.pdf, out.pages);
    if (!out.ok) out.pdf.clear();
    if (options.keep_markdown) out.markdown = std::move(markdown);
    return out;
}

// A data file to PDF bytes: load (with `extends`), then build_model.
// `reads` lists every file read on the way (data, parents, images, fonts, templates): the outputs
// must not replace any of them.
inline BuiltDocument build_document(const std::string& file, const DocumentOptions& options) {
    ReadLog log;
    Diagnostics diags;
    std::optional<AgencyYear> model = load_agency_year(file, diags);
    BuiltDocument out;
    if (!model) {
        out.diags = std::move(diags);
    } else {
        out = build_model(*model, file, options, std::move(diags));
    }
    out.reads = log.reads();
    return out;
}

// Writes an output of a command (common/file_write.hpp; "-": standard output); a failure is an
// error on `diags` at the output's name. `inputs`: the files it was made from, never replaced.
inline bool emit(const std::string& path, std::string_view bytes, const std::vector<FileIdentity>& inputs, Diagnostics& diags) {
    std::string error;
    if (write_output(path, bytes, inputs, error)) return true;
    diags.error(SourcePos{std::make_shared<const std::string>(path == "-" ? std::string("lkjip") : path), 0, 0}, error);
    return false;
}

inline std::vector<FileIdentity> identities_of(const std::vector<FileRead>& reads) {
    std::vector<FileIdentity> out;
    for (const auto& r : reads) out.push_back(r.identity);
    return out;
}

}  // namespace lkjip::cli
