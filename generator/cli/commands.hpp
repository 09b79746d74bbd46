// The subcommands of the lkjip executable, each a function from parsed options to an exit code.
#pragma once

#include <string>
#include <vector>

namespace lkjip::cli {

struct CheckOptions {
    std::vector<std::string> files;
    std::vector<std::string> templates;  // --templates folders, as build uses them
    bool quiet = false;
    bool werror = false;
};

// Loads, validates and lints each file, then builds its report in memory (nothing written), so
// that what check accepts, build builds; prints diagnostics on stderr. 0 ok, 1 errors.
int run_check(const CheckOptions& options, bool colour);

struct PreviewOptions {
    std::string file;
    int bab = 0;                          // 0: the whole report
    std::string output;                   // "" or "-": standard output
    std::vector<std::string> templates;   // --templates folders, before the built-in ones
};

// The report (or one chapter) as Markdown. 0 ok, 1 errors (nothing written).
int run_preview(const PreviewOptions& options, bool colour);

struct BuildOptions {
    std::string file;
    std::string output;                   // "" : the data file's name with .pdf; "-": standard output
    std::string markdown;                 // also write the Markdown here ("" : no)
    std::vector<std::string> templates;
    bool quiet = false;                   // errors only
};

// The data file to the PDF report. 0 ok, 1 errors (no output written).
int run_build(const BuildOptions& options, bool colour);

struct RenderOptions {
    std::string file;                     // Markdown, "-" for standard input
    std::string output;                   // PDF, "-" for standard output
    std::string paper = "A4";             // A4 or F4
    bool sans = false;
};

// Any Markdown file through the typesetter. 0 ok, 1 errors (no output written).
int run_render(const RenderOptions& options, bool colour);

struct BatchOptions {
    std::vector<std::string> paths;       // data files and folders (searched for *.toml, not _*)
    std::string outdir;                   // -o, required
    int jobs = 0;                         // -j; 0: std::thread::hardware_concurrency()
    std::string shard;                    // "I/N" or "" (all)
    std::vector<std::string> templates;
    bool json = false;                    // a machine-readable summary on standard output
    bool force = false;                   // rebuild documents that are up to date
    bool quiet = false;                   // only the failures
};

// Many data files to PDFs in parallel (docs/cli.md). 0 all built or up to date, 1 any failed,
// 2 usage (a malformed --shard).
int run_batch(const BatchOptions& options, bool colour);

struct InitOptions {
    std::string file = "-";               // "-": standard output
    bool force = false;                   // overwrite an existing file
};

// A new, fully commented data file (templates/init/lkjip-init.toml). 0 ok, 1 the file exists
// (without --force) or cannot be written.
int run_init(const InitOptions& options);

// The path of the init file: templates/init/lkjip-init.toml, beside the built-in templates.
std::string init_template_path();

// Writes `text` to `path` atomically: a temporary file in the same folder, then a rename, so a
// failed run never leaves a truncated file or destroys a previous good one.
bool write_file_atomically(const std::string& path, const std::string& text, std::string& error);

}  // namespace lkjip::cli
