// `lkjip import`: a spreadsheet the office already has (the finance system's budget export, the
// staff counts, the realisasi of the indicators) to a TOML part the data file names in
// `sertakan` (generator/import/import.hpp, docs/import.md). Written atomically, only without errors.
#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/report_diags.hpp"
#include "common/file_read.hpp"
#include "common/i18n.hpp"
#include "import/import.hpp"
#include "sheet/sheet.hpp"

namespace lkjip::cli {

int run_import(const ImportOptions& options, bool colour) {
    Diagnostics diags;
    ReadLog log;  // the workbook and the mapping file: -o never replaces one of them
    import::Request request;
    request.sheet = options.sheet;
    if (!options.jenis.empty()) request.layout = import::parse_layout(options.jenis);
    request.command_line = "lkjip import " + options.file;
    if (!options.sheet.empty()) request.command_line += " --sheet " + options.sheet;
    if (!options.jenis.empty()) request.command_line += " --jenis " + options.jenis;
    if (!options.map.empty()) request.command_line += " --map " + options.map;
    request.command_line += " -o " + options.output;
    bool ok = true;
    if (!options.map.empty()) {
        request.map = import::read_column_map(options.map, diags);
        ok = request.map.has_value();
    }
    std::optional<std::string> part;
    if (ok) {
        if (const auto workbook = sheet::read_workbook(options.file, diags)) part = import::import_part(*workbook, request, diags);
        ok = part.has_value() && !diags.has_errors();
    }
    const std::vector<FileIdentity> inputs = log.identities();
    if (ok && options.output != "-") {
        if (const std::string why = check_output(options.output, inputs); !why.empty()) {
            diags.error(file_pos(options.output), why);
            ok = false;
        }
    }
    if (ok) ok = emit(options.output, *part, inputs, diags);
    print_diagnostics(diags, colour, options.quiet);
    if (!options.quiet)
        std::fputs(summary_line(options.file, diags,
                                ok ? (options.output == "-" ? std::string(_("wrote the part to standard output"))
                                                            : _f("wrote {}", options.output))
                                   : std::string(_("nothing written")))
                       .c_str(),
                   stderr);
    return ok ? 0 : 1;
}

}  // namespace lkjip::cli
