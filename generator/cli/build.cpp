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
#include "cli/document.hpp"
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

void print(const Diagnostics& diags, bool colour) {
    for (const auto& d : diags.items()) std::fputs(format_diagnostic(d, colour).c_str(), stderr);
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
    DocumentOptions doc_options;
    doc_options.templates = options.templates;
    doc_options.keep_markdown = !options.markdown.empty();
    BuiltDocument doc = build_document(options.file, doc_options);
    bool ok = doc.ok;
    if (ok && doc.markdown) ok = write_output(options.markdown, *doc.markdown, doc.diags);
    if (ok) ok = write_output(options.output.empty() ? fs::path(options.file).replace_extension(".pdf").string() : options.output, doc.pdf, doc.diags);
    Diagnostics shown;
    for (const auto& d : doc.diags.items())
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
    std::size_t pages = 0;
    bool ok = typeset_to_pdf(text, settings, diags, bytes, pages);
    if (ok) ok = write_output(options.output, bytes, diags);
    print(diags, colour);
    return ok ? 0 : 1;
}

}  // namespace lkjip::cli
