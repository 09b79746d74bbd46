// `lkjip next DATA.toml -o NEXT.toml`: the data file of the next year (data/data.hpp,
// docs/next.md). Never over an existing file without --force: the next year's file is edited
// by hand from then on.
#include <sys/stat.h>

#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/report_diags.hpp"
#include "common/file_read.hpp"
#include "common/i18n.hpp"
#include "data/data.hpp"

namespace lkjip::cli {

int run_next(const NextOptions& options, bool colour) {
    Diagnostics diags;
    ReadLog log;  // the data file and its parts: -o never replaces one of them
    const auto next = next_year_file(options.file, options.output, diags);
    bool ok = next.has_value();
    const std::vector<FileIdentity> inputs = log.identities();
    struct stat st {};
    if (ok && options.output != "-" && !options.force && ::lstat(options.output.c_str(), &st) == 0) {
        diags.error(file_pos(options.output), _("the file exists; lkjip next never overwrites a data file"),
                    _("choose another name, or add --force"));
        ok = false;
    }
    if (ok && options.output != "-") {
        if (const std::string why = check_output(options.output, inputs); !why.empty()) {
            diags.error(file_pos(options.output), why);
            ok = false;
        }
    }
    if (ok) ok = emit(options.output, next->text, inputs, diags);
    print_diagnostics(diags, colour, options.quiet);
    if (ok && !options.quiet) {
        const std::string who = options.output == "-" ? std::string("lkjip next") : options.output;
        std::fputs(fmt::format("{}: {}\n", who, _f("the data of {}; still to fill in:", next->year)).c_str(), stderr);
        for (const auto& f : next->to_fill) std::fputs(fmt::format("  - {}\n", f).c_str(), stderr);
    }
    if (!ok && !options.quiet) std::fputs(summary_line(options.file, diags, _("nothing written")).c_str(), stderr);
    return ok ? 0 : 1;
}

}  // namespace lkjip::cli
