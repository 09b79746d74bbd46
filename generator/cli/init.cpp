// `lkjip init`: a new data file to start a dinas from. The text lives in
// templates/init/lkjip-init.toml (beside the built-in report templates, found the same way), a
// working example of a small dinas with every key of docs/data-format.md explained in Indonesian.
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>

#include "cli/commands.hpp"
#include "cli/report_diags.hpp"
#include "common/i18n.hpp"
#include "common/data_dir.hpp"
#include "common/file_read.hpp"
#include "common/file_write.hpp"
#include "import/import.hpp"
#include "sheet/sheet.hpp"

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

namespace {

// `lkjip init --workbook FILE.xlsx`: the sheets an office fills in for `lkjip import`.
int write_template_workbook(const InitOptions& options) {
    struct stat st {};
    if (options.workbook == "-") {
        print_message(Severity::error, "lkjip init", _("the workbook is written to a file, not to standard output"));
        return 1;
    }
    if (!options.force && ::lstat(options.workbook.c_str(), &st) == 0) {
        print_message(Severity::error, options.workbook, _("the file exists; lkjip init never overwrites it"),
                      _("choose another name, or add --force"));
        return 1;
    }
    Diagnostics diags;
    const auto bytes = sheet::workbook_bytes(import::template_sheets(), diags);
    std::string error;
    if (!bytes || !write_output(options.workbook, *bytes, {}, error)) {
        print_diagnostics(diags, false);
        if (bytes) print_message(Severity::error, options.workbook, error);
        return 1;
    }
    std::fputs((_f("{}: written; fill in its sheets, then run `lkjip import {} --sheet Anggaran -o anggaran.toml` (docs/import.md)",
                   options.workbook, options.workbook) +
                "\n")
                   .c_str(),
               stderr);
    return 0;
}

}  // namespace

int run_init(const InitOptions& options) {
    if (!options.workbook.empty()) {
        if (const int rc = write_template_workbook(options); rc != 0 || options.file.empty() || options.file == "-") return rc;
    }
    const std::string source = init_template_path();
    if (source.empty()) {
        print_message(Severity::error, "lkjip", _f("lkjip's init template is not installed: looked in {}", data_dir_places(find_data_dir())),
                      _("install lkjip completely (`cmake --install`, or the Debian package), or set LKJIP_DATA_DIR to the folder "
                        "holding templates/"));
        return 1;
    }
    const FileContents in = read_regular_file(source, kMaxInitTemplateBytes, N_("init template"));
    if (!in.ok() || in.bytes.empty()) {
        print_message(Severity::error, source, _("cannot read lkjip's init template (is lkjip installed completely?)"),
                      in.ok() ? std::string() : in.message);
        return 1;
    }
    const bool to_stdout = options.file.empty() || options.file == "-";
    struct stat st {};
    if (!to_stdout && !options.force && ::lstat(options.file.c_str(), &st) == 0) {
        print_message(Severity::error, options.file, _("the file exists; lkjip init never overwrites a data file"),
                      _("choose another name, or add --force"));
        return 1;
    }
    std::string error;
    if (!write_output(to_stdout ? std::string("-") : options.file, in.bytes, {in.identity}, error)) {
        print_message(Severity::error, to_stdout ? std::string("lkjip init") : options.file, error);
        return 1;
    }
    if (!to_stdout) {
        std::fputs((_f("{}: written; replace the example values (marked CONTOH), then run `lkjip check {}`", options.file, options.file) + "\n")
                       .c_str(),
                   stderr);
    }
    return 0;
}

}  // namespace lkjip::cli
