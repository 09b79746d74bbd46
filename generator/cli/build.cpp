// `lkjip build` (a data file to the PDF report) and `lkjip render` (any Markdown file through
// the same typesetter). Both write their output atomically and only when there was no error,
// so a failed run never leaves a half-written PDF (issue 5).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "data/data.hpp"
#include "layout/layout.hpp"
#include "markdown/markdown.hpp"
#include "pdf/pdf.hpp"
#include "report/report.hpp"

namespace lkjip::cli {

namespace fs = std::filesystem;

namespace {

// docs/limits.md: a hand-written chapter is a few dozen KiB; 16 MiB is far beyond any report.
constexpr std::uintmax_t kMaxMarkdownBytes = 16u << 20;

// The folder relative paths in a file start from ("." for a bare name or standard input).
std::string folder_of(const std::string& file) {
    const fs::path dir = fs::path(file).parent_path();
    return dir.empty() ? std::string(".") : dir.string();
}

void print(const Diagnostics& diags, bool colour) {
    for (const auto& d : diags.items()) std::fputs(format_diagnostic(d, colour).c_str(), stderr);
}

// The page and type of the report, from the data file's [gaya].
layout::LayoutSettings settings_of(const AgencyYear& data) {
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
    const Date& d = data.laporan.tanggal.value;
    s.info.year = d.year;
    s.info.month = d.month;
    s.info.day = d.day;
    return s;
}

// Markdown to PDF bytes; false with diagnostics on error.
bool typeset_to_pdf(const std::string& markdown, const layout::LayoutSettings& settings, Diagnostics& diags,
                    std::string& bytes) {
    const md::Document doc = md::parse(markdown, settings.source_name, diags);
    const auto pages = layout::typeset(doc, settings, diags);
    if (!pages || diags.has_errors()) return false;
    const pdf::WriteResult result = pdf::write_pdf(*pages, bytes);
    if (!result.ok) {
        diags.error(SourcePos{std::make_shared<const std::string>(settings.source_name), 0, 0}, result.error);
        return false;
    }
    return true;
}

bool write_output(const std::string& path, const std::string& bytes, Diagnostics& diags) {
    if (path == "-") {
        std::fwrite(bytes.data(), 1, bytes.size(), stdout);
        return true;
    }
    std::string error;
    if (write_file_atomically(path, bytes, error)) return true;
    diags.error(SourcePos{std::make_shared<const std::string>(path), 0, 0}, error);
    return false;
}

}  // namespace

int run_build(const BuildOptions& options, bool colour) {
    Diagnostics diags;
    auto model = load_agency_year(options.file, diags);
    std::optional<std::string> markdown;
    if (model) {
        report::MarkdownOptions mo;
        mo.template_dirs = options.templates;
        markdown = report::render_markdown(*model, mo, diags);
    }
    std::string bytes;
    bool ok = markdown.has_value();
    if (ok) {
        layout::LayoutSettings settings = settings_of(*model);
        // The Markdown is generated: its diagnostics point at the data file, image paths in it
        // are already resolved.
        settings.source_name = options.file;
        settings.base_dir = folder_of(options.file);
        ok = typeset_to_pdf(*markdown, settings, diags, bytes);
    }
    if (ok && !options.markdown.empty()) ok = write_output(options.markdown, *markdown, diags);
    if (ok) ok = write_output(options.output.empty() ? fs::path(options.file).replace_extension(".pdf").string() : options.output, bytes, diags);
    Diagnostics shown;
    for (const auto& d : diags.items())
        if (d.severity == Severity::error || !options.quiet) shown.add(d);
    print(shown, colour);
    return ok ? 0 : 1;
}

int run_render(const RenderOptions& options, bool colour) {
    Diagnostics diags;
    std::string text;
    if (options.file == "-") {
        char chunk[65536];
        while (std::cin.read(chunk, sizeof chunk) || std::cin.gcount() > 0) {
            text.append(chunk, static_cast<std::size_t>(std::cin.gcount()));
            if (text.size() > kMaxMarkdownBytes) {
                std::fprintf(stderr, "<stdin>: error: more than %ju bytes; Markdown files are limited to that\n",
                             static_cast<std::uintmax_t>(kMaxMarkdownBytes));
                return 1;
            }
        }
    } else {
        std::ifstream in(options.file, std::ios::binary);
        std::error_code ec;
        const auto size = fs::file_size(options.file, ec);
        if (!in || ec) {
            std::fprintf(stderr, "%s: error: cannot read the file\n", options.file.c_str());
            return 1;
        }
        if (size > kMaxMarkdownBytes) {
            std::fprintf(stderr, "%s: error: the file is %ju bytes; Markdown files are limited to %ju bytes\n",
                         options.file.c_str(), static_cast<std::uintmax_t>(size), static_cast<std::uintmax_t>(kMaxMarkdownBytes));
            return 1;
        }
        std::ostringstream ss;
        ss << in.rdbuf();
        text = ss.str();
    }
    layout::LayoutSettings settings;
    settings.source_name = options.file == "-" ? "<stdin>" : options.file;
    settings.base_dir = folder_of(options.file == "-" ? std::string() : options.file);
    if (options.paper == "F4") {
        settings.page_width_mm = 215;
        settings.page_height_mm = 330;
    }
    settings.sans = options.sans;
    settings.info.title = fs::path(settings.source_name).stem().string();
    std::string bytes;
    bool ok = typeset_to_pdf(text, settings, diags, bytes);
    if (ok) ok = write_output(options.output, bytes, diags);
    print(diags, colour);
    return ok ? 0 : 1;
}

}  // namespace lkjip::cli
