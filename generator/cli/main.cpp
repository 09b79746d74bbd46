// lkjip: one executable, one subcommand per use (docs/cli.md).
// Exit status (documented in README.md): 0 success (warnings allowed), 1 the input has errors,
// 2 the command line is wrong.
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <memory>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include <functional>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include "cli/commands.hpp"
#include "common/diagnostics.hpp"
#include "common/i18n.hpp"

namespace {

// Every input error is reported where it is found; an exception reaching here is a bug in lkjip.
int internal_error(const char* what) {
    std::fputs(fmt::format("lkjip: {}\n", _f("internal error: {} (please report this as a bug with the input)", what)).c_str(), stderr);
    return 1;
}

// The final flush and close of standard output: a full disk or a closed pipe that buffered
// writes did not see yet is an error, not a silent exit 0 (issue 18, class 9).
int close_stdout(int status) {
    errno = 0;
    const bool flushed = std::fflush(stdout) == 0 && !std::ferror(stdout);
    const int flush_errno = errno;
    errno = 0;
    const bool closed = std::fclose(stdout) == 0;
    const int err = !flushed ? flush_errno : errno;
    if ((flushed && closed) || status != 0) return status;  // a failed command reported its own error
    std::fputs(fmt::format("lkjip: {}: {}\n", _("error"), _f("cannot write to standard output: {}", err != 0 ? std::strerror(err) : _("write error")))
                   .c_str(),
               stderr);
    return 1;
}

int run(int argc, char** argv);

// `--bahasa id|en` chooses the language of every message, so it is taken before anything is
// printed, wherever it stands before `--` (before or after the command), and removed from the
// words CLI11 parses. A later one wins, as for any option given twice. Returns 2 (after saying
// why) when its word is missing or not a language lkjip speaks, else 0.
int take_bahasa(std::vector<char*>& args) {
    std::string word;
    bool given = false;
    for (std::size_t i = 1; i < args.size();) {
        const std::string_view arg = args[i];
        if (arg == "--") break;
        if (arg == "--bahasa" || arg.rfind("--bahasa=", 0) == 0) {
            const bool joined = arg.size() > 8;
            if (!joined && i + 1 == args.size()) {
                lkjip::i18n::choose({});
                std::fputs(fmt::format("lkjip: {}: {}\n", _("error"), _("`--bahasa` needs a language: id or en")).c_str(), stderr);
                return 2;
            }
            word = joined ? std::string(arg.substr(9)) : std::string(args[i + 1]);
            given = true;
            args.erase(args.begin() + static_cast<std::ptrdiff_t>(i), args.begin() + static_cast<std::ptrdiff_t>(joined ? i + 1 : i + 2));
            continue;
        }
        ++i;
    }
    if (given && word.empty()) {
        lkjip::i18n::choose({});
        std::fputs(fmt::format("lkjip: {}: {}\n", _("error"), _("`--bahasa` needs a language: id or en")).c_str(), stderr);
        return 2;
    }
    if (!lkjip::i18n::choose(word)) {
        lkjip::i18n::choose({});
        std::fputs(fmt::format("lkjip: {}: {}\n", _("error"),
                               _f("`--bahasa {}`: lkjip speaks id (Indonesian) and en (English)", word))
                       .c_str(),
                   stderr);
        return 2;
    }
    return 0;
}

// "`check`, `preview`, `build`": words of the command line, each in backticks.
std::string code_list(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "`" : ", `") + w + "`";
    return out;
}

// "`A4` or `F4`", "`lkjip`, `pk` or `iku`": the values an option takes.
std::string code_choice(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string word = "`" + words[i] + "`";
        if (i == 0) out = word;
        else if (i + 1 == words.size()) out = _f("{} or {}", out, word);
        else out += ", " + word;
    }
    return out;
}

// The checks of an option's value, in place of CLI::IsMember and CLI::Range, so that a wrong
// value is told in the user's language and names its option: "`--paper` is `A4` or `F4`, not
// `A3`". The descriptions are CLI11's own forms, shown in --help after the type ("TEXT:{A4,F4}",
// "INT:INT in [1 - 4]"; tests/e2e/install_docs.sh reads the --dokumen values from there).
CLI::Validator one_of(const std::string& option, const std::vector<std::string>& words) {
    std::string braces;
    for (const auto& w : words) braces += (braces.empty() ? "{" : ",") + w;
    return CLI::Validator(
        [option, words](std::string& value) -> std::string {
            if (std::find(words.begin(), words.end(), value) != words.end()) return {};
            return _f("`{}` is {}, not `{}`", option, code_choice(words), value);
        },
        braces + "}");
}

CLI::Validator whole_number(const std::string& option, int low, int high) {
    return CLI::Validator(
        [option, low, high](std::string& value) -> std::string {
            int n = 0;
            const char* end = value.data() + value.size();
            const auto [stop, ec] = std::from_chars(value.data(), end, n);
            if (ec == std::errc{} && stop == end && n >= low && n <= high) return {};
            return _f("`{}` is a whole number from {} to {}, not `{}`", option, low, high, value);
        },
        _f("INT in [{} - {}]", low, high));
}

// CLI11 names an error after its class, or after the (sub)command for an ExtrasError.
template <class Kind>
bool is_a(const CLI::ParseError& e) {
    return dynamic_cast<const Kind*>(&e) != nullptr;
}

// The other slips CLI11 finds (a missing argument, one too many, an option without its value or
// given twice, a value a flag does not take), told as lkjip tells every usage error: one line
// "lkjip CMD: error: ..." with a hint, exit status 2. CLI11 2.1 (Debian 12) says which option in
// its English message (CLI/Error.hpp), which is read here for the names and values only.
void explain_parse_error(CLI::App& app, const CLI::ParseError& e, bool colour) {
    std::string who = "lkjip";
    std::vector<std::string> commands;
    for (CLI::App* s : app.get_subcommands({})) {
        commands.push_back(s->get_name());
        if (s->parsed()) who = "lkjip " + s->get_name();
    }
    const std::string what = e.what();
    const std::size_t colon = what.find(": ");
    const std::string name = colon == std::string::npos ? std::string() : what.substr(0, colon);
    const std::string rest = colon == std::string::npos ? std::string() : what.substr(colon + 2);
    std::string message = what;
    std::string hint = _f("run `{} --help` for more information", who);
    if (is_a<CLI::RequiredError>(e) && what == "A subcommand is required") {  // i18n: not a message (CLI11's text)
        message = _("a command is required");
        hint = _f("the commands are {}", code_list(commands));
    } else if (is_a<CLI::RequiredError>(e) && what.ends_with(" is required")) {  // i18n: not a message (CLI11's text)
        message = _f("`{}` is required", what.substr(0, what.size() - 12));
    } else if (is_a<CLI::ExtrasError>(e) && colon != std::string::npos) {
        // CLI11 lists the extra words last first (detail::rjoin): put back in the order typed.
        std::vector<std::string> extras;
        for (std::size_t at = 0; at <= rest.size();) {
            const std::size_t space = std::min(rest.find(' ', at), rest.size());
            extras.insert(extras.begin(), rest.substr(at, space - at));
            at = space + 1;
        }
        std::string typed;
        for (const auto& w : extras) typed += (typed.empty() ? "" : " ") + w;
        message = extras.size() > 1 ? _f("the arguments `{}` were not expected", typed) : _f("the argument `{}` was not expected", typed);
    } else if (is_a<CLI::ValidationError>(e) && colon != std::string::npos) {
        message = rest;  // the sentence of one_of or whole_number, or of CLI11 for another check
    } else if (is_a<CLI::ArgumentMismatch>(e) && rest.ends_with(" missing")) {
        message = _f("`{}` needs a value", name);
    } else if (is_a<CLI::ArgumentMismatch>(e) && rest.starts_with("At Most ")) {
        message = _f("`{}` is given more than once", name);
    } else if (is_a<CLI::ConversionError>(e) && what.starts_with("Could not convert: ")) {  // i18n: not a message
        const std::string words = what.substr(19);
        const std::size_t eq = words.find(" = ");
        if (eq != std::string::npos) {
            const std::string option = words.substr(0, eq);
            message = _f("`{}` takes no value: write `{}` alone, without `={}`", option, option, words.substr(eq + 3));
        }
    }
    lkjip::Diagnostic d;
    d.pos = lkjip::SourcePos{std::make_shared<const std::string>(who), 0, 0};
    d.message = std::move(message);
    d.hint = std::move(hint);
    std::fputs(lkjip::format_diagnostic(d, colour).c_str(), stderr);
}

// A command line CLI11 refused, told in the user's terms when the slip is a misspelt command or
// long option (issue 16, as for a misspelt key): "did you mean `check`?", or the words that would
// do. False when it is another slip, which CLI11's own message describes.
bool explain_usage(CLI::App& app, int argc, char** argv, bool colour) {
    const auto report = [&](const std::string& who, std::string message, std::string hint) {
        lkjip::Diagnostic d;
        d.pos = lkjip::SourcePos{std::make_shared<const std::string>(who), 0, 0};
        d.message = std::move(message);
        d.hint = std::move(hint);
        std::fputs(lkjip::format_diagnostic(d, colour).c_str(), stderr);
        return true;
    };
    const auto long_names = [](const CLI::App& a) {
        std::vector<std::string> out;
        for (const CLI::Option* o : a.get_options()) {
            for (const auto& n : o->get_lnames()) out.push_back("--" + n);
        }
        return out;
    };
    const auto unknown_option = [&](const CLI::App& a, const std::string& arg, const std::string& who) {
        const std::string name = arg.substr(0, arg.find('='));
        const std::vector<std::string> options = long_names(a);
        if (std::find(options.begin(), options.end(), name) != options.end()) return false;
        const std::string near = lkjip::closest_match(name, options);
        std::string list;
        for (const auto& w : options) list += (list.empty() ? "`" : ", `") + w + "`";
        return report(who, _f("unknown option `{}`", name),
                      near.empty() ? _f("the options of `{}` are {}", who, list) : _f("did you mean `{}`?", near));
    };
    int i = 1;
    while (i < argc && argv[i][0] == '-') {
        if (std::strcmp(argv[i], "--") == 0) return false;
        if (std::strncmp(argv[i], "--", 2) == 0 && unknown_option(app, argv[i], "lkjip")) return true;
        ++i;
    }
    if (i == argc) return false;
    const std::string word = argv[i];
    CLI::App* sub = nullptr;
    std::vector<std::string> names;
    for (CLI::App* s : app.get_subcommands({})) {
        names.push_back(s->get_name());
        if (s->check_name(word)) sub = s;
    }
    if (!sub) {
        const std::string near = lkjip::closest_match(word, names);
        std::string hint;
        if (!near.empty()) {
            hint = _f("did you mean `{}`?", near);
        } else if (word.size() > 5 && word.compare(word.size() - 5, 5, ".toml") == 0) {
            hint = _f("name the command first: `lkjip build {}` (or check, preview)", word);
        } else {
            hint = _f("the commands are {}", code_list(names));
        }
        return report("lkjip", _f("unknown command `{}`", word), hint);
    }
    for (int j = i + 1; j < argc; ++j) {
        const std::string arg = argv[j];
        if (arg == "--") break;
        if (arg.rfind("--", 0) == 0 && unknown_option(*sub, arg, "lkjip " + sub->get_name())) return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    int status = 1;
    try {
        status = run(argc, argv);
    } catch (const std::exception& e) {
        status = internal_error(e.what());
    } catch (...) {
        status = internal_error(_("unknown exception"));
    }
    const int code = close_stdout(status);
#if !defined(__SANITIZE_ADDRESS__)
    // Everything is written, flushed and closed, and every thread joined: the process-wide caches
    // (fonts, memos, parsed templates) need no destructors, whose freeing was 2 % of a build's
    // instructions (issue 22, callgrind). Under AddressSanitizer the exit stays normal, for its
    // leak check.
    std::fflush(stderr);
    std::_Exit(code);
#endif
    return code;
}

namespace {

int run(int argc, char** argv) {
    std::vector<char*> words(argv, argv + argc);
    if (const int status = take_bahasa(words); status != 0) return status;
    argc = static_cast<int>(words.size());
    argv = words.data();
    const bool colour = isatty(fileno(stderr)) && std::getenv("NO_COLOR") == nullptr;
    CLI::App app{_("lkjip: writes the annual performance report (LKjIP) of an Indonesian government agency "
                   "from one TOML data file")};
    app.name("lkjip");
    // The help in the user's language: the words of CLI11's layout (CLI/Formatter.hpp asks its
    // formatter for these labels), the group titles, the help and version flags. Subcommands share
    // the formatter and copy the groups and the help flag from here, so these come first.
    const auto formatter = app.get_formatter();
    formatter->label("Usage", _("Usage"));
    formatter->label("OPTIONS", _("OPTIONS"));
    formatter->label("SUBCOMMAND", _("SUBCOMMAND"));
    formatter->label("SUBCOMMANDS", _("SUBCOMMANDS"));
    formatter->label("Positionals", _("Positionals"));
    formatter->label("REQUIRED", _("REQUIRED"));
    formatter->label("TEXT", _("TEXT"));
    formatter->label("INT", _("INT"));
    formatter->label("Env", _("Env"));
    formatter->label("Needs", _("Needs"));
    formatter->label("Excludes", _("Excludes"));
    app.option_defaults()->group(_("Options"));
    app.group(_("Subcommands"));
    app.set_help_flag("-h,--help", _("Print this help message and exit"));
    app.set_version_flag("-V,--version", std::function<std::string()>([] { return lkjip::cli::version_text(); }),
                         _("Display program version information and exit"));
    app.require_subcommand(1);
    // Taken from the command line before parsing (take_bahasa); declared for --help.
    std::string bahasa_unused;
    app.add_option("--bahasa", bahasa_unused,
                   _("Language of the messages: id (Indonesian) or en (English); without it, the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)"));
    // A subcommand makes its help flag before it copies the option group (CLI::App's
    // constructor), so the flag is put in the translated group here.
    const auto command = [&app](const char* name, const char* description) {
        CLI::App* sub = app.add_subcommand(name, description);
        sub->get_help_ptr()->group(_("Options"));
        return sub;
    };
    const std::vector<std::string>& kinds = lkjip::cli::kind_words();

    lkjip::cli::CheckOptions check;
    CLI::App* check_cmd = command("check", _("Validate data files and warn about inconsistencies"));
    check_cmd->add_option(_("files"), check.files, _("Data files (TOML)"))->required();
    check_cmd->add_flag("-q,--quiet", check.quiet, _("Print only the diagnostics, no summary line"));
    check_cmd->add_flag("--werror", check.werror, _("Exit with 1 when there are warnings"));
    check_cmd->add_option("--templates", check.templates, _("Folder of templates that replace built-in ones (repeatable), as for build"))
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    check_cmd->add_option("--dokumen", check.dokumen, _("Check only this document (lkjip, pk, iku, renja; repeatable; default: every one the data has)"))
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->check(one_of("--dokumen", kinds))
        ->type_name(_("TEXT"));

    lkjip::cli::PreviewOptions preview;
    CLI::App* preview_cmd = command("preview", _("Write the report, or one chapter, as Markdown"));
    preview_cmd->add_option(_("file"), preview.file, _("Data file (TOML)"))->required();
    preview_cmd->add_option("--bab", preview.bab, _("Only chapter N (1-4) of the LKjIP"))->check(whole_number("--bab", 1, 4))->type_name(_("INT"));
    preview_cmd->add_option("--dokumen", preview.dokumen, _("Document: lkjip (default), pk (Perjanjian Kinerja), iku (Keputusan penetapan IKU), renja (Rencana Kerja)"))
        ->check(one_of("--dokumen", kinds))
        ->type_name(_("TEXT"));
    preview_cmd->add_option("-o,--output", preview.output, _("Output file (default: standard output)"));
    preview_cmd->add_option("--templates", preview.templates, _("Folder of templates that replace built-in ones (repeatable)"))
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);

    lkjip::cli::BuildOptions build;
    CLI::App* build_cmd = command("build", _("Write the LKjIP (or its PK, or its IKU decree) of a data file as PDF"));
    build_cmd->add_option(_("file"), build.file, _("Data file (TOML)"))->required();
    build_cmd->add_option("-o,--output", build.output, _("PDF file (default: the data file's name with .pdf; - for standard output)"));
    build_cmd->add_option("--md", build.markdown, _("Also write the report's Markdown to this file"));
    build_cmd->add_option("--xlsx", build.xlsx, _("Also write every table of the report as a sheet of this workbook"));
    build_cmd->add_option("--dokumen", build.dokumen, _("Document: lkjip (default), pk (Perjanjian Kinerja), iku (Keputusan penetapan IKU), renja (Rencana Kerja)"))
        ->check(one_of("--dokumen", kinds))
        ->type_name(_("TEXT"));
    build_cmd->add_option("--docx", build.docx, _("Also write the report as a Word file (.docx) here"));
    build_cmd->add_option("--format", build.format, _("Formats to write: pdf (default), docx, or pdf,docx"))
        ->check(one_of("--format", lkjip::cli::format_words()))
        ->type_name(_("TEXT"));
    build_cmd->add_option("--templates", build.templates, _("Folder of templates that replace built-in ones (repeatable)"))
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    build_cmd->add_flag("-q,--quiet", build.quiet, _("Print errors only: no warnings, no summary line"));

    lkjip::cli::RenderOptions render;
    CLI::App* render_cmd = command("render", _("Typeset any Markdown file to PDF"));
    render_cmd->add_option(_("file"), render.file, _("Markdown file (- for standard input)"))->required();
    render_cmd->add_option("-o,--output", render.output, _("PDF file (- for standard output)"));
    render_cmd->add_option("--docx", render.docx, _("Word file (.docx) to write, beside or instead of the PDF"));
    render_cmd->add_option("--paper", render.paper, _("A4 or F4"))->check(one_of("--paper", {"A4", "F4"}))->type_name(_("TEXT"));
    render_cmd->add_flag("--sans", render.sans, _("Liberation Sans instead of Liberation Serif"));
    render_cmd->add_flag("--link-urls", render.link_urls, _("Print each link's URL after its text where the text does not show it"));

    lkjip::cli::BatchOptions batch;
    CLI::App* batch_cmd = command("batch", _("Build the reports of many data files in parallel, incrementally"));
    batch_cmd->add_option(_("paths"), batch.paths, _("Data files, and folders searched recursively for *.toml (names starting with _ are skipped)"))
        ->required();
    batch_cmd->add_option("-o,--output", batch.outdir, _("Output folder (created when missing)"))->required();
    batch_cmd->add_option("-j,--jobs", batch.jobs, _("Parallel documents (default: the number of cores)"))
        ->check(whole_number("--jobs", 1, 1024))
        ->type_name(_("INT"));
    batch_cmd->add_option("--shard", batch.shard, _("Build only shard I of N (I/N, 1 <= I <= N): document k of the sorted list goes to shard (k mod N)+1"));
    batch_cmd->add_option("--templates", batch.templates, _("Folder of templates that replace built-in ones (repeatable)"))
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    batch_cmd->add_option("--dokumen", batch.dokumen, _("Documents to build of each file: lkjip (default), pk, iku, renja (repeatable)"))
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->check(one_of("--dokumen", kinds))
        ->type_name(_("TEXT"));
    batch_cmd->add_option("--format", batch.format, _("Formats to write of each document: pdf (default), docx, or pdf,docx"))
        ->check(one_of("--format", lkjip::cli::format_words()))
        ->type_name(_("TEXT"));
    batch_cmd->add_flag("--json", batch.json, _("Print a machine-readable summary on standard output"));
    batch_cmd->add_flag("--force", batch.force, _("Rebuild documents whose inputs have not changed"));
    batch_cmd->add_flag("-q,--quiet", batch.quiet, _("Print only the failures"));

    lkjip::cli::InitOptions init;
    CLI::App* init_cmd = command("init", _("Write a new, fully commented data file to start a dinas from"));
    init_cmd->add_option(_("file"), init.file, _("File to write (default, or -: standard output)"));
    init_cmd->add_option("--workbook", init.workbook, _("Write the workbook an office fills in for lkjip import (XLSX) instead"));
    init_cmd->add_flag("-f,--force", init.force, _("Overwrite an existing file"));

    lkjip::cli::ImportOptions import_options;
    CLI::App* import_cmd = command("import", _("Turn a spreadsheet (budget export, staff counts, indicator realisasi) into a TOML part of the data file"));
    import_cmd->add_option(_("file"), import_options.file, _("Workbook (.xlsx) or CSV file"))->required();
    import_cmd->add_option("-o,--output", import_options.output, _("TOML part to write (- for standard output)"))->required();
    import_cmd->add_option("--sheet", import_options.sheet, _("Import this sheet only (default: the sheets whose header fits)"));
    import_cmd->add_option("--jenis", import_options.jenis, _("What the sheet holds: anggaran, pegawai or indikator (default: by its header)"))
        ->check(one_of("--jenis", {"anggaran", "pegawai", "indikator"}))
        ->type_name(_("TEXT"));
    import_cmd->add_option("--map", import_options.map, _("Mapping file naming the sheet, header row and columns (docs/import.md)"));
    import_cmd->add_flag("-q,--quiet", import_options.quiet, _("Print errors only: no warnings, no summary line"));

    lkjip::cli::NextOptions next_options;
    CLI::App* next_cmd = command("next", _("Write the data file of the next year from this one"));
    next_cmd->add_option(_("file"), next_options.file, _("This year's data file (TOML)"))->required();
    next_cmd->add_option("-o,--output", next_options.output, _("The next year's data file (- for standard output)"))->required();
    next_cmd->add_flag("-f,--force", next_options.force, _("Overwrite an existing file"));
    next_cmd->add_flag("-q,--quiet", next_options.quiet, _("Print errors only"));

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        if (!explain_usage(app, argc, argv, colour)) explain_parse_error(app, e, colour);
        return 2;
    }

    if (check_cmd->parsed()) return lkjip::cli::run_check(check, colour);
    if (preview_cmd->parsed()) return lkjip::cli::run_preview(preview, colour);
    if (build_cmd->parsed()) return lkjip::cli::run_build(build, colour);
    if (render_cmd->parsed()) return lkjip::cli::run_render(render, colour);
    if (batch_cmd->parsed()) return lkjip::cli::run_batch(batch, colour);
    if (init_cmd->parsed()) return lkjip::cli::run_init(init);
    if (import_cmd->parsed()) return lkjip::cli::run_import(import_options, colour);
    if (next_cmd->parsed()) return lkjip::cli::run_next(next_options, colour);
    return 2;
}

}  // namespace
