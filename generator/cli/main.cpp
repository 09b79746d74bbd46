// lkjip: one executable, one subcommand per use (docs/cli.md).
// Exit status (documented in README.md): 0 success (warnings allowed), 1 the input has errors,
// 2 the command line is wrong.
#include <cerrno>
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
    std::fprintf(stderr, "lkjip: internal error: %s (please report this as a bug with the input)\n", what);
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
    std::fprintf(stderr, "lkjip: error: cannot write to standard output: %s\n", err != 0 ? std::strerror(err) : "write error");
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
        return report(who, fmt::format("unknown option `{}`", name),
                      near.empty() ? fmt::format("the options of `{}` are {}", who, list) : fmt::format("did you mean `{}`?", near));
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
    const auto listed = [](const std::vector<std::string>& words) {
        std::string out;
        for (const auto& w : words) out += (out.empty() ? "`" : ", `") + w + "`";
        return out;
    };
    if (!sub) {
        const std::string near = lkjip::closest_match(word, names);
        std::string hint;
        if (!near.empty()) {
            hint = fmt::format("did you mean `{}`?", near);
        } else if (word.size() > 5 && word.compare(word.size() - 5, 5, ".toml") == 0) {
            hint = fmt::format("name the command first: `lkjip build {}` (or check, preview)", word);
        } else {
            hint = "the commands are " + listed(names);
        }
        return report("lkjip", fmt::format("unknown command `{}`", word), hint);
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
        status = internal_error("unknown exception");
    }
    return close_stdout(status);
}

namespace {

int run(int argc, char** argv) {
    std::vector<char*> words(argv, argv + argc);
    if (const int status = take_bahasa(words); status != 0) return status;
    argc = static_cast<int>(words.size());
    argv = words.data();
    const bool colour = isatty(fileno(stderr)) && std::getenv("NO_COLOR") == nullptr;
    CLI::App app{"lkjip: writes the annual performance report (LKjIP) of an Indonesian government agency "
                 "from one TOML data file"};
    app.name("lkjip");
    app.set_version_flag("-V,--version", std::function<std::string()>([] { return lkjip::cli::version_text(); }));
    app.require_subcommand(1);
    // Taken from the command line before parsing (take_bahasa); declared for --help.
    std::string bahasa_unused;
    app.add_option("--bahasa", bahasa_unused,
                   _("Language of the messages: id (Indonesian) or en (English); without it, the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)"));

    lkjip::cli::CheckOptions check;
    CLI::App* check_cmd = app.add_subcommand("check", "Validate data files and warn about inconsistencies");
    check_cmd->add_option("files", check.files, "Data files (TOML)")->required();
    check_cmd->add_flag("-q,--quiet", check.quiet, "Print only the diagnostics, no summary line");
    check_cmd->add_flag("--werror", check.werror, "Exit with 1 when there are warnings");
    check_cmd->add_option("--templates", check.templates, "Folder of templates that replace built-in ones (repeatable), as for build")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    check_cmd->add_option("--dokumen", check.dokumen, "Check only this document (lkjip, pk, iku, renja; repeatable; default: every one the data has)")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->check(CLI::IsMember(lkjip::cli::kind_words()));

    lkjip::cli::PreviewOptions preview;
    CLI::App* preview_cmd = app.add_subcommand("preview", "Write the report, or one chapter, as Markdown");
    preview_cmd->add_option("file", preview.file, "Data file (TOML)")->required();
    preview_cmd->add_option("--bab", preview.bab, "Only chapter N (1-4) of the LKjIP")->check(CLI::Range(1, 4));
    preview_cmd->add_option("--dokumen", preview.dokumen, "Document: lkjip (default), pk (Perjanjian Kinerja), iku (Keputusan penetapan IKU), renja (Rencana Kerja)")
        ->check(CLI::IsMember(lkjip::cli::kind_words()));
    preview_cmd->add_option("-o,--output", preview.output, "Output file (default: standard output)");
    preview_cmd->add_option("--templates", preview.templates, "Folder of templates that replace built-in ones (repeatable)")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);

    lkjip::cli::BuildOptions build;
    CLI::App* build_cmd = app.add_subcommand("build", "Write the LKjIP (or its PK, or its IKU decree) of a data file as PDF");
    build_cmd->add_option("file", build.file, "Data file (TOML)")->required();
    build_cmd->add_option("-o,--output", build.output, "PDF file (default: the data file's name with .pdf; - for standard output)");
    build_cmd->add_option("--md", build.markdown, "Also write the report's Markdown to this file");
    build_cmd->add_option("--dokumen", build.dokumen, "Document: lkjip (default), pk (Perjanjian Kinerja), iku (Keputusan penetapan IKU), renja (Rencana Kerja)")
        ->check(CLI::IsMember(lkjip::cli::kind_words()));
    build_cmd->add_option("--templates", build.templates, "Folder of templates that replace built-in ones (repeatable)")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    build_cmd->add_flag("-q,--quiet", build.quiet, "Print errors only: no warnings, no summary line");

    lkjip::cli::RenderOptions render;
    CLI::App* render_cmd = app.add_subcommand("render", "Typeset any Markdown file to PDF");
    render_cmd->add_option("file", render.file, "Markdown file (- for standard input)")->required();
    render_cmd->add_option("-o,--output", render.output, "PDF file (- for standard output)")->required();
    render_cmd->add_option("--paper", render.paper, "A4 or F4")->check(CLI::IsMember({"A4", "F4"}));
    render_cmd->add_flag("--sans", render.sans, "Liberation Sans instead of Liberation Serif");
    render_cmd->add_flag("--link-urls", render.link_urls, "Print each link's URL after its text where the text does not show it");

    lkjip::cli::BatchOptions batch;
    CLI::App* batch_cmd = app.add_subcommand("batch", "Build the reports of many data files in parallel, incrementally");
    batch_cmd->add_option("paths", batch.paths, "Data files, and folders searched recursively for *.toml (names starting with _ are skipped)")
        ->required();
    batch_cmd->add_option("-o,--output", batch.outdir, "Output folder (created when missing)")->required();
    batch_cmd->add_option("-j,--jobs", batch.jobs, "Parallel documents (default: the number of cores)")->check(CLI::Range(1, 1024));
    batch_cmd->add_option("--shard", batch.shard, "Build only shard I of N (I/N, 1 <= I <= N): document k of the sorted list goes to shard (k mod N)+1");
    batch_cmd->add_option("--templates", batch.templates, "Folder of templates that replace built-in ones (repeatable)")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    batch_cmd->add_option("--dokumen", batch.dokumen, "Documents to build of each file: lkjip (default), pk, iku, renja (repeatable)")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->check(CLI::IsMember(lkjip::cli::kind_words()));
    batch_cmd->add_flag("--json", batch.json, "Print a machine-readable summary on standard output");
    batch_cmd->add_flag("--force", batch.force, "Rebuild documents whose inputs have not changed");
    batch_cmd->add_flag("-q,--quiet", batch.quiet, "Print only the failures");

    lkjip::cli::InitOptions init;
    CLI::App* init_cmd = app.add_subcommand("init", "Write a new, fully commented data file to start a dinas from");
    init_cmd->add_option("file", init.file, "File to write (default, or -: standard output)");
    init_cmd->add_flag("-f,--force", init.force, "Overwrite an existing file");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        if (!explain_usage(app, argc, argv, colour)) app.exit(e);
        return 2;
    }

    if (check_cmd->parsed()) return lkjip::cli::run_check(check, colour);
    if (preview_cmd->parsed()) return lkjip::cli::run_preview(preview, colour);
    if (build_cmd->parsed()) return lkjip::cli::run_build(build, colour);
    if (render_cmd->parsed()) return lkjip::cli::run_render(render, colour);
    if (batch_cmd->parsed()) return lkjip::cli::run_batch(batch, colour);
    if (init_cmd->parsed()) return lkjip::cli::run_init(init);
    return 2;
}

}  // namespace
