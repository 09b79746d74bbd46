#include <fcntl.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <system_error>
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
    // A temporary name unique to this process and call (batch writes from several threads), in
    // the target's folder so the rename stays within one file system; O_EXCL never reuses a
    // stranger's file; fsync before the rename, so even a crash of the machine leaves either
    // the old file or the whole new one.
    static std::atomic<unsigned> counter{0};
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const fs::path tmp = dir / fmt::format(".{}.{}.{}.tmp", target.filename().string(), ::getpid(), counter++);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        error = fmt::format("cannot write `{}`: {}", path, std::generic_category().message(errno));
        return false;
    }
    std::size_t done = 0;
    int err = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            err = n < 0 ? errno : ENOSPC;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    if (err == 0 && ::fsync(fd) != 0) err = errno;
    if (::close(fd) != 0 && err == 0) err = errno;
    std::error_code ec;
    if (err != 0) {
        error = fmt::format("cannot write `{}`: {}", path, std::generic_category().message(err));
        fs::remove(tmp, ec);
        return false;
    }
    error.clear();
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
