// The subcommands of the lkjip executable, each a function from parsed options to an exit code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/pipeline.hpp"
#include "report/report.hpp"

namespace lkjip::cli {

// The --dokumen words, in the order batch builds them: lkjip, pk, iku (report::kind_name).
std::optional<report::DocumentKind> parse_kind(const std::string& word);
const std::vector<std::string>& kind_words();

struct CheckOptions {
    std::vector<std::string> files;
    std::vector<std::string> templates;  // --templates folders, as build uses them
    std::vector<std::string> dokumen;    // --dokumen kinds; none: every kind the data supports
    bool quiet = false;
    bool werror = false;
};

// Loads, validates and lints each file, then builds its documents in memory (nothing written), so
// that what check accepts, build builds: the LKjIP, and the PK and the IKU decree where the data
// has [pk] and [keputusan_iku] (or exactly the --dokumen kinds, each required). Diagnostics on
// stderr. 0 ok, 1 errors.
int run_check(const CheckOptions& options, bool colour);

struct PreviewOptions {
    std::string file;
    int bab = 0;                          // 0: the whole report
    std::string output;                   // "" or "-": standard output
    std::vector<std::string> templates;   // --templates folders, before the built-in ones
    std::string dokumen = "lkjip";        // --dokumen: lkjip, pk or iku
};

// The report (or one chapter) as Markdown. 0 ok, 1 errors (nothing written).
int run_preview(const PreviewOptions& options, bool colour);

struct BuildOptions {
    std::string file;
    std::string output;                   // "" : the data file's name with .pdf; "-": standard output
    std::string markdown;                 // also write the Markdown here ("" : no)
    std::string xlsx;                     // also write the report's tables as a workbook here ("" : no)
    std::string docx;                     // --docx: the Word file ("" : the data file's name with .docx, if asked for)
    std::string format;                   // --format: pdf, docx or pdf,docx ("" : pdf, and docx when --docx is given)
    std::vector<std::string> templates;
    std::string dokumen = "lkjip";        // --dokumen: lkjip, pk or iku
    bool quiet = false;                   // errors only
};

// The data file to the PDF report. 0 ok, 1 errors (no output written).
int run_build(const BuildOptions& options, bool colour);

struct RenderOptions {
    std::string file;                     // Markdown, "-" for standard input
    std::string output;                   // PDF, "-" for standard output ("" : no PDF)
    std::string docx;                     // the Word file ("" : none); one of the two is required
    std::string paper = "A4";             // A4 or F4
    bool sans = false;
    bool link_urls = false;               // print each link's URL after its text
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
    std::vector<std::string> dokumen;     // --dokumen kinds (repeatable); none: lkjip
    std::string format = "pdf";           // --format: pdf, docx or pdf,docx
};

// `--format pdf,docx` as the pipeline's choice; nullopt for anything else (main.cpp checks).
std::optional<pipeline::Formats> parse_formats(const std::string& word);
const std::vector<std::string>& format_words();

// Many data files to PDFs in parallel (docs/cli.md). 0 all built or up to date, 1 any failed,
// 2 usage (a malformed --shard).
int run_batch(const BatchOptions& options, bool colour);

struct InitOptions {
    std::string file = "-";               // "-": standard output
    std::string workbook;                 // --workbook: write the import template workbook instead
    bool force = false;                   // overwrite an existing file
};

// A new, fully commented data file (templates/init/lkjip-init.toml). 0 ok, 1 the file exists
// (without --force) or cannot be written.
int run_init(const InitOptions& options);

struct ImportOptions {
    std::string file;                     // the workbook (.xlsx) or CSV file
    std::string sheet;                    // --sheet
    std::string map;                      // --map
    std::string jenis;                    // --jenis: anggaran, pegawai, indikator ("" : by the headers)
    std::string output;                   // -o, required; "-": standard output
    bool quiet = false;
};

// A spreadsheet to a TOML part of the data file (docs/import.md). 0 ok, 1 errors (nothing written).
int run_import(const ImportOptions& options, bool colour);

struct NextOptions {
    std::string file;                     // this year's data file
    std::string output;                   // -o, required; "-": standard output
    bool force = false;                   // replace an existing file
    bool quiet = false;
};

// The data file of the next year (docs/next.md). 0 ok, 1 errors (nothing written).
int run_next(const NextOptions& options, bool colour);

// The path of the init file: templates/init/lkjip-init.toml, beside the built-in templates.
std::string init_template_path();

// What identifies this build of lkjip, beyond its version: the digest (common/digest.hpp) of the
// running executable's bytes (/proc/self/exe), so any change of code, compiler or library linked
// in gives another id; "" when it cannot be read. `lkjip --version` prints it, and `lkjip batch`
// keys its records with it (a new build rebuilds every document; issue 18, class 10).
const std::string& build_id();

// "lkjip 0.1.0 (git 18d19c2a1b3c, build 1a2b3c4d5e6f7a8b)": the project version, the git commit it
// was built from (omitted outside a git checkout) and the build id; batch records are keyed by it.
const std::string& version_text();

}  // namespace lkjip::cli
