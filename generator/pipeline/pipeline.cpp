#include "pipeline/pipeline.hpp"

#include <filesystem>
#include <system_error>
#include <thread>

#include <fmt/format.h>

#include "common/workers.hpp"
#include "data/data.hpp"
#include "docx/docx.hpp"
#include "layout/fonts.hpp"
#include "layout/layout.hpp"
#include "markdown/markdown.hpp"
#include "pdf/pdf.hpp"

namespace lkjip::pipeline {

namespace {

// The folder relative paths in a file start from ("." for a bare name or standard input).
// (std::filesystem::path's parts never throw, unlike its queries of the file system.)
std::string folder_of(const std::string& file) {
    const std::filesystem::path dir = std::filesystem::path(file).parent_path();
    return dir.empty() ? std::string(".") : dir.string();
}

// F4 (folio, 215 x 330 mm), the paper many Indonesian offices print on; A4 is LayoutSettings' own.
void set_f4(layout::LayoutSettings& s) {
    s.page_width_mm = 215;
    s.page_height_mm = 330;
}

}  // namespace

// The Markdown is generated: its diagnostics point at the data file `file`, and the image paths in
// it were resolved by the loader against the file that names them, into paths from the current
// folder; so the typesetter starts relative paths from here, not from the data file's folder
// (which joined the folder twice: `dinas/dinas/foto/a.png`, found by tests/e2e/photos.sh).
layout::LayoutSettings settings_of(const AgencyYear& data, const std::string& file, report::DocumentKind kind) {
    layout::LayoutSettings s;
    if (data.style.paper.value == Paper::f4) set_f4(s);
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

namespace {

docx::Settings docx_settings(const layout::LayoutSettings& s) {
    docx::Settings d;
    d.page_width_mm = s.page_width_mm;
    d.page_height_mm = s.page_height_mm;
    d.margin_top_mm = s.margin_top_mm;
    d.margin_bottom_mm = s.margin_bottom_mm;
    d.margin_left_mm = s.margin_left_mm;
    d.margin_right_mm = s.margin_right_mm;
    d.sans = s.sans;
    d.size = s.size;
    d.line_spacing = s.line_spacing;
    d.running_header = s.running_header;
    d.source_name = s.source_name;
    d.base_dir = s.base_dir;
    d.info = s.info;
    return d;
}

}  // namespace

bool typeset(const std::string& markdown, const layout::LayoutSettings& settings, const Formats& formats, Diagnostics& diags,
             Typeset& out) {
    md::Document doc = md::parse(markdown, settings.source_name, diags);
    if (settings.link_urls) md::print_link_targets(doc);
    const auto laid_out = layout::typeset(doc, settings, diags);
    if (!laid_out || diags.has_errors()) return false;
    if (formats.pdf) {
        const pdf::WriteResult result = pdf::write_pdf(*laid_out, out.pdf);
        if (!result.ok) {
            diags.error(file_pos(settings.source_name), result.error);
            return false;
        }
    }
    if (formats.docx) {
        auto bytes = docx::write_docx(doc, *laid_out, docx_settings(settings), diags);
        if (!bytes) return false;
        out.docx = std::move(*bytes);
    }
    out.pages = laid_out->pages.size();
    return true;
}

bool typeset_to_pdf(const std::string& markdown, const layout::LayoutSettings& settings, Diagnostics& diags,
                    std::string& bytes, std::size_t& pages) {
    Typeset out;
    if (!typeset(markdown, settings, Formats{}, diags, out)) return false;
    bytes = std::move(out.pdf);
    pages = out.pages;
    return true;
}

bool render_markdown(const std::string& markdown, const MarkdownPage& page, const Formats& formats, Diagnostics& diags,
                     Typeset& out) {
    layout::LayoutSettings settings;
    settings.source_name = page.file == "-" ? "<stdin>" : page.file;
    // A Markdown file's images are relative to its own folder (standard input: the current one).
    settings.base_dir = folder_of(page.file == "-" ? std::string() : page.file);
    if (page.f4) set_f4(settings);
    settings.sans = page.sans;
    settings.link_urls = page.link_urls;
    settings.info.title = std::filesystem::path(settings.source_name).stem().string();
    return typeset(markdown, settings, formats, diags, out);
}

BuiltDocument build_model(const AgencyYear& model, const std::string& file, const DocumentOptions& options,
                          Diagnostics diags) {
    BuiltDocument out;
    out.diags = std::move(diags);
    if (options.lint) lint_agency_year(model, out.diags);
    report::MarkdownOptions mo;
    mo.template_dirs = options.templates;
    mo.dokumen = options.dokumen;
    std::optional<std::string> markdown = report::render_markdown(model, mo, out.diags);
    if (!markdown) return out;
    Typeset set;
    out.ok = typeset(*markdown, settings_of(model, file, options.dokumen), options.formats, out.diags, set);
    if (out.ok) {
        out.pdf = std::move(set.pdf);
        out.docx = std::move(set.docx);
        out.pages = set.pages;
    }
    if (options.keep_markdown) out.markdown = std::move(markdown);
    return out;
}

BuiltDocument build_document(const std::string& file, const DocumentOptions& options) {
    ReadLog log;
    Diagnostics diags;
    std::optional<AgencyYear> model = load_agency_year(file, diags);
    BuiltDocument out;
    if (!model) {
        out.diags = std::move(diags);
    } else {
        // The fonts and the hyphenation patterns are read on a second core while this one writes
        // the Markdown and parses it (issue 22); what that thread reads is recorded here, so an
        // output is still refused when it is one of them.
        std::vector<FileRead> preloaded;
        std::thread preload;
        if (threads_per_document() > 1) {
            const bool sans = model->style.font.value == FontFamily::sans;
            try {
                preload = std::thread([sans, &preloaded] {
                    ReadLog reads;
                    layout::preload(sans);
                    preloaded = reads.reads();
                });
            } catch (const std::system_error&) {
                // No thread to be had: typeset() loads them itself.
            }
        }
        out = build_model(*model, file, options, std::move(diags));
        if (preload.joinable()) preload.join();
        for (auto& r : preloaded) record_read(std::move(r));
    }
    out.reads = log.reads();
    return out;
}

std::vector<std::pair<std::string, std::string>> font_files(bool sans) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string& name : layout::font_files(sans)) out.emplace_back(name, layout::font_path(name));
    return out;
}

}  // namespace lkjip::pipeline
