// `lkjip init`: a new data file to start a dinas from. The text lives in
// templates/init/lkjip-init.toml (beside the built-in report templates, found the same way), a
// working example of a small dinas with every key of docs/data-format.md explained in Indonesian.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.hpp"
#include "report/report.hpp"

namespace lkjip::cli {

namespace fs = std::filesystem;

std::string init_template_path() {
    return (fs::path(report::builtin_template_dir()).parent_path() / "init" / "lkjip-init.toml").string();
}

int run_init(const InitOptions& options) {
    const std::string source = init_template_path();
    std::ifstream in(source, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (!in || ss.str().empty()) {
        std::fprintf(stderr, "%s: error: cannot read lkjip's init template (is lkjip installed completely?)\n", source.c_str());
        return 1;
    }
    const std::string text = ss.str();
    if (options.file.empty() || options.file == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return std::fflush(stdout) == 0 ? 0 : 1;
    }
    std::error_code ec;
    if (!options.force && fs::exists(fs::symlink_status(options.file, ec))) {
        std::fprintf(stderr, "%s: error: the file exists; lkjip init never overwrites a data file\n  hint: choose another name, or add --force\n",
                     options.file.c_str());
        return 1;
    }
    std::string error;
    if (!write_file_atomically(options.file, text, error)) {
        std::fprintf(stderr, "%s: error: %s\n", options.file.c_str(), error.c_str());
        return 1;
    }
    std::fprintf(stderr, "%s: written; replace the example values (marked CONTOH), then run `lkjip check %s`\n",
                 options.file.c_str(), options.file.c_str());
    return 0;
}

}  // namespace lkjip::cli
