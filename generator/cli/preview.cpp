#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <unistd.h>

#include "cli/commands.hpp"
#include "data/data.hpp"
#include "report/report.hpp"

namespace lkjip::cli {

namespace fs = std::filesystem;

bool write_file_atomically(const std::string& path, const std::string& text, std::string& error) {
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const fs::path tmp = dir / fmt::format(".{}.{}.tmp", target.filename().string(), ::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) {
            error = fmt::format("cannot write `{}`", path);
            return false;
        }
        out << text;
        out.flush();
        if (!out) {
            error = fmt::format("cannot write `{}` (disk full?)", path);
            std::error_code ec;
            fs::remove(tmp, ec);
            return false;
        }
    }
    std::error_code ec;
    fs::rename(tmp, target, ec);
    if (ec) {
        error = fmt::format("cannot write `{}`: {}", path, ec.message());
        fs::remove(tmp, ec);
        return false;
    }
    return true;
}

int run_preview(const PreviewOptions& options, bool colour) {
    Diagnostics diags;
    std::optional<std::string> markdown;
    if (auto model = load_agency_year(options.file, diags)) {
        report::MarkdownOptions mo;
        if (options.bab > 0) mo.bab = options.bab;
        mo.template_dirs = options.templates;
        markdown = report::render_markdown(*model, mo, diags);
    }
    for (const auto& d : diags.items()) {
        if (d.severity == Severity::error) std::fputs(format_diagnostic(d, colour).c_str(), stderr);
    }
    if (!markdown) return 1;
    if (options.output.empty() || options.output == "-") {
        std::fwrite(markdown->data(), 1, markdown->size(), stdout);
        return 0;
    }
    std::string error;
    if (!write_file_atomically(options.output, *markdown, error)) {
        std::fprintf(stderr, "%s: error: %s\n", options.output.c_str(), error.c_str());
        return 1;
    }
    return 0;
}

}  // namespace lkjip::cli
