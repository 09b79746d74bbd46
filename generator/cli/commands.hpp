// The subcommands of the lkjip executable, each a function from parsed options to an exit code.
#pragma once

#include <string>
#include <vector>

namespace lkjip::cli {

struct CheckOptions {
    std::vector<std::string> files;
    bool quiet = false;
    bool werror = false;
};

// Loads, validates and lints each file; prints diagnostics on stderr. 0 ok, 1 errors.
int run_check(const CheckOptions& options, bool colour);

struct PreviewOptions {
    std::string file;
    int bab = 0;                          // 0: the whole report
    std::string output;                   // "" or "-": standard output
    std::vector<std::string> templates;   // --templates folders, before the built-in ones
};

// The report (or one chapter) as Markdown. 0 ok, 1 errors (nothing written).
int run_preview(const PreviewOptions& options, bool colour);

// Writes `text` to `path` atomically: a temporary file in the same folder, then a rename, so a
// failed run never leaves a truncated file or destroys a previous good one.
bool write_file_atomically(const std::string& path, const std::string& text, std::string& error);

}  // namespace lkjip::cli
