// `lkjip build` (a data file to the PDF report) and `lkjip render` (any Markdown file through
// the same typesetter). Both write their output atomically and only when there was no error,
// so a failed run never leaves a half-written PDF (issue 5).
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/report_diags.hpp"
#include "common/file_read.hpp"
#include "common/i18n.hpp"
#include "pipeline/pipeline.hpp"
#include "report/report.hpp"

namespace lkjip::cli {

namespace fs = std::filesystem;

namespace {

// docs/limits.md: a hand-written chapter is a few dozen KiB; 16 MiB is far beyond any report.
constexpr std::size_t kMaxMarkdownBytes = 16u << 20;

void print(const Diagnostics& diags, bool colour) {
    for (const auto& d : diags.items()) std::fputs(format_diagnostic(d, colour).c_str(), stderr);
}

// Whether two output names are one file: the same spelling, or the same existing file.
bool same_output(const std::string& a, const std::string& b) {
    if (a == "-" || b == "-") return false;
    if (fs::path(a).lexically_normal() == fs::path(b).lexically_normal()) return true;
    const auto ia = identity_of(a), ib = identity_of(b);
    return ia && ib && *ia == *ib;
}

}  // namespace

std::optional<report::DocumentKind> parse_kind(const std::string& word) {
    for (auto kind : {report::DocumentKind::lkjip, report::DocumentKind::pk, report::DocumentKind::iku, report::DocumentKind::renja}) {
        if (word == report::kind_name(kind)) return kind;
    }
    return std::nullopt;
}

const std::vector<std::string>& kind_words() {
    static const std::vector<std::string> words = {"lkjip", "pk", "iku", "renja"};
    return words;
}

std::optional<pipeline::Formats> parse_formats(const std::string& word) {
    if (word == "pdf") return pipeline::Formats{true, false};
    if (word == "docx") return pipeline::Formats{false, true};
    if (word == "pdf,docx" || word == "docx,pdf") return pipeline::Formats{true, true};
    return std::nullopt;
}

const std::vector<std::string>& format_words() {
    static const std::vector<std::string> words = {"pdf", "docx", "pdf,docx", "docx,pdf"};
    return words;
}

int run_build(const BuildOptions& options, bool colour) {
    pipeline::DocumentOptions doc_options;
    doc_options.templates = options.templates;
    doc_options.keep_markdown = !options.markdown.empty() || !options.xlsx.empty();
    doc_options.lint = true;  // the warnings `lkjip check` gives (issue 16)
    doc_options.dokumen = parse_kind(options.dokumen).value_or(report::DocumentKind::lkjip);
    // --docx alone adds the Word file to the PDF; --format chooses (main.cpp checked the word).
    pipeline::Formats formats{true, !options.docx.empty()};
    if (!options.format.empty()) formats = parse_formats(options.format).value_or(formats);
    Diagnostics usage;
    if (!formats.pdf && !options.output.empty())
        usage.error(file_pos(options.output), _f("`-o {}` names the PDF, which `--format {}` leaves out", options.output, options.format));
    if (!formats.docx && !options.docx.empty())
        usage.error(file_pos(options.docx), _f("`--docx {}` names the Word file, which `--format {}` leaves out", options.docx, options.format));
    if (!options.docx.empty() && options.docx == "-")
        usage.error(file_pos("-"), _("the Word file is written to a file, not to standard output"));
    if (usage.has_errors()) {
        print_diagnostics(usage, colour, options.quiet);
        return 1;
    }
    doc_options.formats = formats;
    pipeline::BuiltDocument doc = pipeline::build_document(options.file, doc_options);
    bool ok = doc.ok;
    // dinas-2024.toml gives dinas-2024.pdf, dinas-2024-pk.pdf, dinas-2024-iku.pdf, dinas-2024-renja.pdf
    // (and the same names with .docx).
    const std::string base = doc_options.dokumen == report::DocumentKind::lkjip ? std::string() : "-" + options.dokumen;
    fs::path stem = fs::path(options.file);
    stem.replace_extension();
    const std::string pdf = !formats.pdf ? std::string() : options.output.empty() ? stem.string() + base + ".pdf" : options.output;
    const std::string docx = !formats.docx ? std::string() : options.docx.empty() ? stem.string() + base + ".docx" : options.docx;
    const std::vector<FileIdentity> inputs = identities_of(doc.reads);
    // The workbook is made before anything is written, so a report without tables writes nothing.
    std::optional<std::string> workbook;
    if (ok && !options.xlsx.empty() && doc.markdown) {
        workbook = pipeline::tables_workbook(*doc.markdown, options.file, doc.diags);
        ok = workbook.has_value();
    }
    // Every output is checked before any is written, so a refused -o leaves no new --md or --xlsx.
    const std::vector<std::pair<std::string, std::string>> named = {
        {"--md", options.markdown}, {"--xlsx", options.xlsx}, {"--docx", docx}, {"-o", pdf}};
    for (std::size_t i = 0; ok && i < named.size(); ++i)
        for (std::size_t j = i + 1; ok && j < named.size(); ++j)
            if (!named[i].second.empty() && !named[j].second.empty() && same_output(named[i].second, named[j].second)) {
                doc.diags.error(file_pos(named[j].second), _f("`{} {}` and `{} {}` are one file", named[i].first,
                                                              named[i].second, named[j].first, named[j].second));
                ok = false;
            }
    if (ok && !options.xlsx.empty() && options.xlsx == "-") {
        doc.diags.error(file_pos("-"), _("the workbook is written to a file, not to standard output"));
        ok = false;
    }
    for (const std::string* out : {&options.markdown, &options.xlsx, &docx, &pdf}) {
        if (!ok || out->empty()) continue;
        if (const std::string why = check_output(*out, inputs); !why.empty()) {
            doc.diags.error(file_pos(*out), why);
            ok = false;
        }
    }
    std::vector<std::string> written;
    if (ok && !options.markdown.empty() && doc.markdown && (ok = emit(options.markdown, *doc.markdown, inputs, doc.diags)))
        written.push_back(options.markdown);
    if (ok && workbook && (ok = emit(options.xlsx, *workbook, inputs, doc.diags))) written.push_back(options.xlsx);
    if (ok && !docx.empty() && (ok = emit(docx, doc.docx, inputs, doc.diags))) written.push_back(docx);
    if (ok && !pdf.empty() && (ok = emit(pdf, doc.pdf, inputs, doc.diags)))
        written.push_back(fmt::format("{} ({})", pdf == "-" ? std::string(_("the PDF to standard output")) : pdf,
                                      _n("{} page", "{} pages", doc.pages)));
    print_diagnostics(doc.diags, colour, options.quiet);
    if (!options.quiet) {
        std::string tail = _("nothing written");
        if (written.size() == 1) tail = _f("wrote {}", written.back());
        if (written.size() == 2) tail = _f("wrote {} and {}", written.front(), written.back());
        if (written.size() == 3) tail = _f("wrote {}, {} and {}", written[0], written[1], written[2]);
        if (written.size() == 4) tail = _f("wrote {}, {}, {} and {}", written[0], written[1], written[2], written[3]);
        std::fputs(summary_line(options.file, doc.diags, tail).c_str(), stderr);
    }
    return ok ? 0 : 1;
}

int run_render(const RenderOptions& options, bool colour) {
    Diagnostics diags;
    std::string text;
    ReadLog log;  // the Markdown file and its images: -o never replaces one of them
    if (options.file == "-") {
        FileContents in = read_standard_input(kMaxMarkdownBytes, "Markdown");
        if (in.error == FileError::too_large) {
            print_message(Severity::error, "<stdin>", _f("more than {} bytes; Markdown files are limited to that", kMaxMarkdownBytes));
            return 1;
        }
        if (!in.ok()) {
            print_message(Severity::error, "<stdin>", in.message);
            return 1;
        }
        text = std::move(in.bytes);
    } else {
        FileContents file = read_regular_file(options.file, kMaxMarkdownBytes, N_("Markdown file"));
        if (file.error == FileError::too_large) {
            print_message(Severity::error, options.file,
                          _f("the file is larger than {} bytes; Markdown files are limited to {} bytes", kMaxMarkdownBytes, kMaxMarkdownBytes));
            return 1;
        }
        if (!file.ok()) {
            print_message(Severity::error, options.file, file.message);
            return 1;
        }
        text = std::move(file.bytes);
    }
    if (options.output.empty() && options.docx.empty()) {
        print_message(Severity::error, options.file, _("nothing to write: give `-o FILE.pdf`, `--docx FILE.docx` or both"));
        return 1;
    }
    if (options.docx == "-") {
        print_message(Severity::error, "-", _("the Word file is written to a file, not to standard output"));
        return 1;
    }
    if (!options.output.empty() && !options.docx.empty() && same_output(options.output, options.docx)) {
        print_message(Severity::error, options.docx, _f("`{} {}` and `{} {}` are one file", "-o", options.output, "--docx", options.docx));
        return 1;
    }
    pipeline::MarkdownPage page;
    page.file = options.file;
    page.f4 = options.paper == "F4";
    page.sans = options.sans;
    page.link_urls = options.link_urls;
    pipeline::Typeset out;
    const pipeline::Formats formats{!options.output.empty(), !options.docx.empty()};
    bool ok = pipeline::render_markdown(text, page, formats, diags, out);
    const std::vector<FileIdentity> inputs = log.identities();
    for (const std::string* name : {&options.docx, &options.output}) {
        if (!ok || name->empty()) continue;
        if (const std::string why = check_output(*name, inputs); !why.empty()) {
            diags.error(file_pos(*name), why);
            ok = false;
        }
    }
    if (ok && !options.docx.empty()) ok = emit(options.docx, out.docx, inputs, diags);
    if (ok && !options.output.empty()) ok = emit(options.output, out.pdf, inputs, diags);
    print(diags, colour);
    return ok ? 0 : 1;
}

}  // namespace lkjip::cli
