// `lkjip init`: a new data file to start a dinas from. The text lives in
// templates/init/lkjip-init.toml (beside the built-in report templates, found the same way), a
// working example of a small dinas with every key of docs/data-format.md explained in Indonesian.
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>

#include "cli/commands.hpp"
#include "common/data_dir.hpp"
#include "common/file_read.hpp"
#include "common/file_write.hpp"

namespace lkjip::cli {

namespace {

// The init file is about 20 KiB of commented TOML; more means a wrong file in its place.
constexpr std::size_t kMaxInitTemplateBytes = 1u << 20;

}  // namespace

std::string init_template_path() {
    const DataDirSearch& found = find_data_dir();
    if (found.dir.empty()) return {};
    return (std::filesystem::path(found.dir) / "templates" / "init" / "lkjip-init.toml").string();
}

int run_init(const InitOptions& options) {
    const std::string source = init_template_path();
    if (source.empty()) {
        std::fprintf(stderr, "lkjip: error: lkjip's init template is not installed: looked in %s\n  hint: install lkjip completely "
                             "(`cmake --install`, or the Debian package), or set LKJIP_DATA_DIR to the folder holding templates/\n",
                     data_dir_places(find_data_dir()).c_str());
        return 1;
    }
    const FileContents in = read_regular_file(source, kMaxInitTemplateBytes, "init template");
    if (!in.ok() || in.bytes.empty()) {
        std::fprintf(stderr, "%s: error: cannot read lkjip's init template (is lkjip installed completely?)%s%s\n", source.c_str(),
                     in.ok() ? "" : "\n  hint: ", in.message.c_str());
        return 1;
    }
    const bool to_stdout = options.file.empty() || options.file == "-";
    struct stat st {};
    if (!to_stdout && !options.force && ::lstat(options.file.c_str(), &st) == 0) {
        std::fprintf(stderr, "%s: error: the file exists; lkjip init never overwrites a data file\n  hint: choose another name, or add --force\n",
                     options.file.c_str());
        return 1;
    }
    std::string error;
    if (!write_output(to_stdout ? std::string("-") : options.file, in.bytes, {in.identity}, error)) {
        std::fprintf(stderr, "%s: error: %s\n", to_stdout ? "lkjip init" : options.file.c_str(), error.c_str());
        return 1;
    }
    if (!to_stdout) {
        std::fprintf(stderr, "%s: written; replace the example values (marked CONTOH), then run `lkjip check %s`\n",
                     options.file.c_str(), options.file.c_str());
    }
    return 0;
}

}  // namespace lkjip::cli
