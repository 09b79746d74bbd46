// `lkjip batch`: every data file under some folders to its PDF, in parallel, each document
// isolated, incremental, atomic (docs/cli.md, issue 7).
//
// 1. Collect: files named on the command line, and *.toml under folders (recursively), except
//    names starting with "_" (the shared parents a dinas `extends`) and the parts another file
//    found names in `sertakan` (an imported budget); sorted, duplicates dropped.
// 2. Plan (all documents, in parallel): load each to learn its output name; two documents with
//    the same name both fail before anything is written. Every shard plans every document, so
//    each sees the same collisions and the same split.
// 3. Build (this shard's documents, in parallel): reload, lint, hash the bytes loaded; skip when
//    the hash recorded beside the output matches, the other files the last build read are
//    unchanged and the output exists; else build in memory, write the PDF atomically, then its
//    record (none when a file changed while the document was built). A worker drops each document before taking the next.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "cli/batch_core.hpp"
#include "cli/commands.hpp"
#include "cli/report_diags.hpp"
#include "common/file_read.hpp"
#include "common/file_write.hpp"
#include "common/i18n.hpp"
#include "common/workers.hpp"
#include "data/data.hpp"
#include "pipeline/pipeline.hpp"
#include "report/report.hpp"

namespace lkjip::cli {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

enum class Status { pending, built, up_to_date, failed };

// The status of a document in the --json summary: a value for programs, not a message.
const char* status_word(Status s) {
    switch (s) {
    case Status::built: return "built";
    case Status::up_to_date: return "up-to-date";  // i18n: not a message
    case Status::failed: return "failed";
    case Status::pending: break;
    }
    return "pending";
}

struct Job {
    std::string input;   // as found (the command line's spelling)
    std::string name;    // output file name, "" when the data does not load
    std::string output;  // OUTDIR/name (the Word file's name when only docx is asked for)
    std::string docx;    // OUTDIR/name with .docx when the Word file is asked for beside the PDF
    report::DocumentKind kind = report::DocumentKind::lkjip;
    bool lint = true;    // the first document of its data file carries the file's lint warnings
    bool skipped = false;  // the data does not give this kind (no [pk], no [keputusan_iku])
    bool mine = true;    // in this shard
    Status status = Status::pending;
    std::size_t pages = 0;
    double seconds = 0;
    std::vector<Diagnostic> diags;  // errors and warnings, in order
    [[nodiscard]] std::size_t count(Severity s) const {
        return static_cast<std::size_t>(
            std::count_if(diags.begin(), diags.end(), [s](const Diagnostic& d) { return d.severity == s; }));
    }
};

void fail(Job& job, const std::string& message) {
    job.diags.push_back(Diagnostic{Severity::error, file_pos(job.input), message, {}, {}});
    job.status = Status::failed;
}

// Runs `work(i)` for i in [0, count) on `threads` threads. `work` must not throw.
template <class F>
void parallel_for(std::size_t count, std::size_t threads, F work) {
    std::atomic<std::size_t> next{0};
    auto loop = [&] {
        for (std::size_t i = next++; i < count; i = next++) work(i);
    };
    run_workers(std::max<std::size_t>(1, std::min(threads, count)), loop);
}

// ---- collecting ----------------------------------------------------------------------------

bool is_data_file(const fs::path& p) {
    const std::string name = p.filename().string();
    return p.extension() == ".toml" && !name.starts_with("_") && !name.starts_with(".");
}

// Files and folders to a sorted list of data files; a PATH that does not exist is kept, so it
// fails as a document ("cannot read") like any unreadable file.
std::vector<std::string> collect(const std::vector<std::string>& paths, std::vector<std::string>& empty_folders) {
    std::vector<std::string> files;
    std::set<std::string> found_in_folders;
    for (const auto& p : paths) {
        std::error_code ec;
        if (!fs::is_directory(p, ec)) {
            files.push_back(p);
            continue;
        }
        const std::size_t before = files.size();
        fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            const fs::path& entry = it->path();
            // Hidden folders (.git, an output folder's .lkjip) are not data.
            if (it->is_directory(ec) && entry.filename().string().starts_with(".")) {
                it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file(ec) && is_data_file(entry)) {
                files.push_back(entry.lexically_normal().string());
                found_in_folders.insert(files.back());
            }
        }
        if (files.size() == before) empty_folders.push_back(p);
    }
    // A part (`sertakan`) found in a folder is data of the file that names it, not a document.
    std::set<std::string> parts;
    for (const auto& f : files)
        for (const auto& part : included_parts(f)) parts.insert(part);
    std::erase_if(files, [&](const std::string& f) { return found_in_folders.count(f) && parts.count(f); });
    std::sort(files.begin(), files.end());
    // The same file reached twice (a folder and a file in it, or two spellings): once.
    std::vector<std::string> unique;
    std::set<std::string> seen;
    for (const auto& f : files) {
        std::error_code ec;
        const fs::path canonical = fs::weakly_canonical(f, ec);
        if (seen.insert(ec ? f : canonical.string()).second) unique.push_back(f);
    }
    return unique;
}

// ---- hashing the inputs --------------------------------------------------------------------

// No input of a report is larger than an image may be (common/file_read.hpp); a bigger file in a
// template folder is hashed as unreadable, which only means it is never up to date.
constexpr std::size_t kMaxHashedFileBytes = kMaxImageBytes;
// A record holds a hash and a line per file read (a few hundred for a report with many photos).
constexpr std::size_t kMaxRecordBytes = 1u << 20;

// A file's name and bytes ("<unreadable>" when it cannot be read: a later run sees the change).
void hash_file(Fnv1a64& h, const std::string& label, const std::string& path) {
    const FileContents file = read_regular_file(path, kMaxHashedFileBytes, N_("file"));
    h.field(label);
    h.field(file.ok() ? std::string_view(file.bytes) : std::string_view("<unreadable>"));
}

// Every file under a template folder, by relative path, sorted.
void hash_folder(Fnv1a64& h, const std::string& dir) {
    h.field("folder");
    std::vector<fs::path> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) hash_file(h, f.lexically_relative(dir).generic_string(), f.string());
}

// The inputs shared by every document: this build of lkjip (its version and build id, so an
// upgraded or rebuilt lkjip rebuilds everything) and the template folders (the user's in order,
// then the built-in one); then per family the six font files it is set in, the list the layout
// stage loads (pipeline::font_files).
std::string templates_hash(const std::vector<std::string>& templates) {
    Fnv1a64 h;
    h.field(version_text());  // the version, the git commit and the build id
    for (const auto& dir : templates) hash_folder(h, dir);
    for (auto kind : {report::DocumentKind::lkjip, report::DocumentKind::pk, report::DocumentKind::iku, report::DocumentKind::renja})
        hash_folder(h, report::builtin_template_dir(kind));
    return h.hex();
}

std::string shared_hash(const std::string& templates, bool sans) {
    Fnv1a64 h;
    h.field(templates);
    for (const auto& [name, path] : pipeline::font_files(sans)) hash_file(h, name, path);
    return h.hex();
}

fs::path record_path(const std::string& outdir, const std::string& name) { return fs::path(outdir) / ".lkjip" / (name + ".inputs"); }

std::optional<Record> read_record(const fs::path& path) {
    const FileContents file = read_regular_file(path.string(), kMaxRecordBytes, N_("record"));
    if (!file.ok()) return std::nullopt;
    return parse_record(file.bytes);
}

// Whether every file a previous build read beyond the loaded ones still has the digest it had.
bool reads_unchanged(const Record& r) {
    for (const auto& [path, digest] : r.reads) {
        const FileContents file = read_regular_file(path, kMaxHashedFileBytes, N_("file"));
        if (!file.ok() || digest_of(file.bytes) != digest) return false;
    }
    return true;
}

// ---- reporting -----------------------------------------------------------------------------

class Progress {
public:
    Progress(std::size_t total, bool bar, bool lines, bool colour) : total_(total), bar_(bar), lines_(lines), colour_(colour) {}

    void finished(const Job& job) {
        const std::lock_guard<std::mutex> lock(mutex_);
        ++done_;
        if (job.status == Status::failed) ++failed_;
        if (bar_) {
            draw();
        } else if (lines_) {
            const std::size_t warnings = job.count(Severity::warning);
            const std::string ok = paint(_("ok"), "\033[32m");
            std::string line;
            switch (job.status) {
            case Status::built:
                line = warnings ? _f("{} {} -> {} ({} pages, {})", ok, job.input, job.output, job.pages,
                                     _n("{} warning", "{} warnings", warnings))
                                : _f("{} {} -> {} ({} pages)", ok, job.input, job.output, job.pages);
                break;
            case Status::up_to_date:
                line = _f("{} {} -> {} (up to date)", ok, job.input, job.output);
                break;
            default:
                line = fmt::format("{} {}", paint(_("FAIL"), "\033[1;31m"), job.input);
            }
            std::fputs((line + "\n").c_str(), stderr);
        }
    }

    void close() {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (bar_ && drawn_) std::fputs("\n", stderr);
    }

private:
    std::string paint(const char* word, const char* code) const {
        return colour_ ? fmt::format("{}{}\033[0m", code, word) : std::string(word);
    }

    void draw() {
        constexpr std::size_t width = 30;
        const std::size_t filled = total_ ? done_ * width / total_ : width;
        const std::string bar = std::string(filled, '#') + std::string(width - filled, '.');
        const std::string failures = failed_ ? paint(_f("{} failed", failed_).c_str(), "\033[1;31m") : _f("{} failed", 0);
        std::fprintf(stderr, "\r\033[K[%s] %zu/%zu  %s", bar.c_str(), done_, total_, failures.c_str());
        std::fflush(stderr);
        drawn_ = true;
    }

    std::mutex mutex_;
    std::size_t total_, done_ = 0, failed_ = 0;
    bool bar_, lines_, colour_, drawn_ = false;
};

std::string trimmed(std::string s) {
    while (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
}

// What the documents of this run (this shard) came to, for the summary line and --json.
struct Totals {
    std::size_t documents = 0, built = 0, up = 0, failed = 0, pages = 0, warnings = 0, errors = 0;
};

Totals tally(const std::vector<Job>& jobs) {
    Totals t;
    for (const auto& job : jobs) {
        if (!job.mine) continue;
        ++t.documents;
        t.built += job.status == Status::built;
        t.up += job.status == Status::up_to_date;
        t.failed += job.status == Status::failed;
        t.pages += job.pages;
        t.warnings += job.count(Severity::warning);
        t.errors += job.count(Severity::error);
    }
    return t;
}

// False (with the error printed) when standard output cannot take it.
bool print_json(const std::vector<Job>& jobs, const BatchOptions& options, const Totals& t, double seconds) {
    std::string out = "{\n";
    out += fmt::format("  \"lkjip\": {},\n", json_string(LKJIP_VERSION));
    out += fmt::format("  \"shard\": {},\n", options.shard.empty() ? std::string("null") : json_string(options.shard));
    out += "  \"documents\": [";
    std::size_t n = 0;
    for (const auto& job : jobs) {
        if (!job.mine) continue;
        std::string diags;
        for (const auto& d : job.diags) diags += fmt::format("{}{}", diags.empty() ? "" : ", ", json_string(trimmed(format_diagnostic(d, false))));
        out += fmt::format(
            "{}\n    {{\"input\": {}, \"output\": {}{}, \"status\": \"{}\", \"pages\": {}, \"warnings\": {}, \"errors\": {}, "
            "\"seconds\": {:.3f}, \"diagnostics\": [{}]}}",
            n ? "," : "", json_string(job.input), job.output.empty() ? std::string("null") : json_string(job.output),
            job.docx.empty() ? std::string() : ", \"docx\": " + json_string(job.docx), status_word(job.status), job.pages, job.count(Severity::warning), job.count(Severity::error), job.seconds, diags);
        ++n;
    }
    out += n ? "\n  ],\n" : "],\n";
    out += fmt::format(
        "  \"totals\": {{\"documents\": {}, \"built\": {}, \"up_to_date\": {}, \"failed\": {}, \"pages\": {}, "
        "\"warnings\": {}, \"errors\": {}, \"seconds\": {:.3f}}}\n}}\n",
        t.documents, t.built, t.up, t.failed, t.pages, t.warnings, t.errors, seconds);
    std::string error;
    if (write_stdout(out, error)) return true;
    print_message(Severity::error, "lkjip batch", _f("the --json summary: {}", error));
    return false;
}

// ---- the two passes ------------------------------------------------------------------------

// Pass 2 for one document; never throws.
void build_one(Job& job, const BatchOptions& options, const std::string shared[2]) {
    const auto start = Clock::now();
    try {
        const fs::path record = record_path(options.outdir, job.name);
        const auto previous = read_record(record);
        // Every file this document reads, from here on, whichever stage reads it.
        ReadLog log;
        Diagnostics diags;
        std::optional<AgencyYear> model = load_agency_year(job.input, diags);
        if (!model) {
            job.diags = diags.items();
            job.status = Status::failed;
        } else {
            if (job.lint) lint_agency_year(*model, diags);
            const std::size_t loaded = log.reads().size();
            // The formats are part of what was built: `--format pdf,docx` after a PDF-only run builds again.
            const pipeline::Formats formats = parse_formats(options.format).value_or(pipeline::Formats{});
            const std::string hash = document_hash(log.reads(), shared[model->style.font.value == FontFamily::sans ? 1 : 0]) +
                                     (formats.docx ? (formats.pdf ? "+pdf+docx" : "+docx") : "");
            std::error_code ec;
            // No build id (no /proc/self/exe): no record can tell this build from another one.
            const bool cacheable = !build_id().empty();
            if (cacheable && !options.force && previous && previous->hash == hash && fs::is_regular_file(job.output, ec) &&
                (job.docx.empty() || fs::is_regular_file(job.docx, ec)) && reads_unchanged(*previous)) {
                job.diags = diags.items();
                job.pages = previous->pages;
                job.status = Status::up_to_date;
            } else {
                pipeline::DocumentOptions doc_options;
                doc_options.templates = options.templates;
                doc_options.dokumen = job.kind;
                doc_options.formats = formats;
                pipeline::BuiltDocument doc = pipeline::build_model(*model, job.input, doc_options, std::move(diags));
                model.reset();  // the model is not needed while writing
                std::string error;
                // The Word file first: the PDF is what an up-to-date check looks for.
                const std::string& docx = formats.pdf ? job.docx : job.output;
                if (doc.ok && formats.docx && !write_output(docx, doc.docx, log.identities(), error, false)) {
                    doc.diags.error(file_pos(docx), error);
                    doc.ok = false;
                }
                if (doc.ok && formats.pdf && !write_output(job.output, doc.pdf, log.identities(), error, false)) {
                    doc.diags.error(file_pos(job.output), error);
                    doc.ok = false;
                }
                if (doc.ok) {
                    const std::string changed = changed_while_built(log.reads());
                    const std::string text = record_text(hash, doc.pages, job.input, log.reads(), loaded);
                    if (!changed.empty()) {
                        doc.diags.warning(file_pos(job.input),
                                          _f("`{}` changed while this document was built; the next run builds it again", changed));
                        fs::remove(record, ec);
                    } else if (text.empty() || !cacheable) {
                        fs::remove(record, ec);
                    } else {
                        fs::create_directories(record.parent_path(), ec);
                        // A record that cannot be written only costs a rebuild next time.
                        std::string ignored;
                        write_output(record.string(), text, {}, ignored, false);
                    }
                }
                job.diags = doc.diags.items();
                job.pages = doc.ok ? doc.pages : 0;
                job.status = doc.ok ? Status::built : Status::failed;
                if (!doc.ok && job.count(Severity::error) == 0) fail(job, _("the document could not be built"));
            }
        }
    } catch (const std::exception& e) {
        fail(job, _f("internal error: {} (please report this as a bug with the input)", e.what()));
    } catch (...) {
        fail(job, _("internal error (please report this as a bug with the input)"));
    }
    job.seconds = std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int run_batch(const BatchOptions& options, bool colour) {
    const auto start = Clock::now();
    Shard shard;
    if (!options.shard.empty()) {
        const auto parsed = parse_shard(options.shard);
        if (!parsed) {
            print_message(Severity::error, "lkjip batch", _f("--shard must be I/N with 1 <= I <= N, got `{}`", options.shard));
            return 2;
        }
        shard = *parsed;
    }
    std::size_t threads = options.jobs > 0 ? static_cast<std::size_t>(options.jobs) : std::thread::hardware_concurrency();
    if (threads == 0) threads = 1;

    std::vector<std::string> empty_folders;
    const std::vector<std::string> files = collect(options.paths, empty_folders);
    for (const auto& folder : empty_folders)
        if (!options.quiet) print_message(Severity::warning, folder, _("no data files (*.toml not starting with _) in this folder"));
    if (files.empty()) {
        print_message(Severity::error, "lkjip batch", _("no data files found"));
        if (options.json) print_json({}, options, Totals{}, 0);
        return 1;
    }
    // One document per data file and --dokumen kind, in the order of the kinds' words.
    std::vector<report::DocumentKind> kinds;
    for (const auto& word : kind_words()) {
        if (std::find(options.dokumen.begin(), options.dokumen.end(), word) != options.dokumen.end()) kinds.push_back(*parse_kind(word));
    }
    if (kinds.empty()) kinds.push_back(report::DocumentKind::lkjip);
    std::vector<Job> jobs;
    for (const auto& file : files) {
        for (std::size_t i = 0; i < kinds.size(); ++i) {
            Job job;
            job.input = file;
            job.kind = kinds[i];
            job.lint = i == 0;
            jobs.push_back(std::move(job));
        }
    }

    // Pass 1: every document's output name (every shard does this for all documents, so each
    // sees every collision).
    parallel_for(jobs.size(), threads, [&](std::size_t k) {
        Job& job = jobs[k];
        try {
            Diagnostics diags;
            if (const auto model = load_agency_year(job.input, diags)) {
                // A kind the data does not give is left out when several were asked for (the
                // IKU decree of an agency without [keputusan_iku]); asked for alone, it fails
                // with the error build gives.
                if (kinds.size() > 1 && !report::document_supported(*model, job.kind, nullptr)) {
                    job.skipped = true;
                    return;
                }
                job.name = output_name(*model, job.kind);
                job.output = (fs::path(options.outdir) / job.name).string();
                const pipeline::Formats formats = parse_formats(options.format).value_or(pipeline::Formats{});
                if (formats.docx) {
                    const std::string docx = (fs::path(options.outdir) / fs::path(job.name).replace_extension(".docx")).string();
                    (formats.pdf ? job.docx : job.output) = docx;
                }
            } else if (!job.lint) {
                job.skipped = true;  // its file's first document reports why it does not load
                job.status = Status::failed;
            } else {
                job.diags = diags.items();
                job.status = Status::failed;
            }
        } catch (const std::exception& e) {
            fail(job, _f("internal error: {} (please report this as a bug with the input)", e.what()));
        } catch (...) {
            fail(job, _("internal error (please report this as a bug with the input)"));
        }
    });
    // Left out: kinds the data does not give (a note each), and the further kinds of a file
    // that does not load (its first document reports why).
    std::vector<std::string> skipped_notes;
    {
        std::vector<Job> kept;
        for (auto& job : jobs) {
            if (job.skipped && job.status != Status::failed) {
                const bool pk = job.kind == report::DocumentKind::pk, renja = job.kind == report::DocumentKind::renja;
                skipped_notes.push_back(format_diagnostic(
                    Diagnostic{Severity::note, file_pos(job.input),
                               _f("no {} in this data file, so it gives no {}", pk ? "[pk]" : renja ? "[renja]" : "[keputusan_iku]",
                                  pk ? "Perjanjian Kinerja" : renja ? "Renja" : "Keputusan penetapan IKU"),
                               {}, {}},
                    false));
                continue;
            }
            if (job.skipped) continue;
            kept.push_back(std::move(job));
        }
        jobs = std::move(kept);
    }
    // Document k of the sorted list goes to shard (k mod N)+1 (docs/cli.md).
    for (std::size_t k = 0; k < jobs.size(); ++k) jobs[k].mine = in_shard(k, shard);
    std::map<std::string, std::vector<std::size_t>> by_name;
    for (std::size_t k = 0; k < jobs.size(); ++k)
        if (!jobs[k].name.empty()) by_name[jobs[k].name].push_back(k);
    for (const auto& [name, ks] : by_name) {
        if (ks.size() < 2) continue;
        for (std::size_t k : ks) {
            std::string others;
            for (std::size_t o : ks)
                if (o != k) others += (others.empty() ? "" : ", ") + jobs[o].input;
            jobs[k].diags.push_back(Diagnostic{Severity::error, file_pos(jobs[k].input),
                                               _f("output name `{}` is also the output of {}; nothing written for either", name, others),
                                               _("give each agency-year its own instansi.singkatan (or nama), pemda.nama or laporan.tahun"), {}});
            jobs[k].status = Status::failed;
        }
    }

    std::vector<std::size_t> mine;
    for (std::size_t k = 0; k < jobs.size(); ++k)
        if (jobs[k].mine) mine.push_back(k);

    if (!options.quiet)
        for (const auto& note : skipped_notes) std::fputs(note.c_str(), stderr);
    const bool terminal = isatty(fileno(stderr)) != 0;
    Progress progress(mine.size(), terminal && !options.quiet, !terminal && !options.quiet, colour);
    std::vector<std::size_t> todo;
    for (std::size_t k : mine) {
        if (jobs[k].status == Status::failed) progress.finished(jobs[k]);
        else todo.push_back(k);
    }
    if (!todo.empty()) {
        std::error_code ec;
        fs::create_directories(options.outdir, ec);
        if (ec || !fs::is_directory(options.outdir, ec)) {
            progress.close();
            print_message(Severity::error, options.outdir, _("cannot create the output folder"));
            return 1;
        }
        // What a killed run left: its temporary PDFs and records (common/file_write.hpp).
        remove_stale_temp_files(options.outdir);
        remove_stale_temp_files((fs::path(options.outdir) / ".lkjip").string());
    }
    const std::string templates = templates_hash(options.templates);
    const std::string shared[2] = {shared_hash(templates, false), shared_hash(templates, true)};

    // Pass 2: this shard's documents, one per core: each document's own stages stay on its thread.
    if (threads > 1) set_threads_per_document(1);
    parallel_for(todo.size(), threads, [&](std::size_t i) {
        Job& job = jobs[todo[i]];
        build_one(job, options, shared);
        progress.finished(job);
    });
    progress.close();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();

    // The failures, each with its diagnostics, after the progress output.
    const Totals t = tally(jobs);
    const std::size_t failed = t.failed, warnings = t.warnings;
    if (failed > 0) {
        std::fputs((_n("{} document failed:", "{} documents failed:", failed) + "\n").c_str(), stderr);
        for (std::size_t k : mine) {
            const Job& job = jobs[k];
            if (job.status != Status::failed) continue;
            std::fputs(fmt::format("{}{}{} {}\n", colour ? "\033[1;31m" : "", _("FAIL"), colour ? "\033[0m" : "", job.input).c_str(), stderr);
            for (const auto& d : job.diags)
                if (d.severity == Severity::error || !options.quiet) std::fputs(format_diagnostic(d, colour).c_str(), stderr);
        }
    }
    if (!options.quiet) {
        std::string documents = _n("{} document", "{} documents", mine.size());
        if (!options.shard.empty()) documents = _f("{} (shard {} of {} documents)", documents, options.shard, jobs.size());
        const std::string line = _f("{}: {} built, {} up to date, {} failed; {} pages; {}, {}; {:.2f} s", documents, t.built, t.up, failed,
                                    t.pages, _n("{} warning", "{} warnings", warnings), _n("{} error", "{} errors", t.errors), seconds);
        std::fputs((line + "\n").c_str(), stderr);
        if (warnings > 0) std::fprintf(stderr, "%s\n", _("`lkjip check FILE` shows the warnings of a document"));
    }
    if (options.json && !print_json(jobs, options, t, seconds)) return 1;
    return failed > 0 ? 1 : 0;
}

}  // namespace lkjip::cli
