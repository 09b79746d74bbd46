// Reading the file, following `extends` and merging parent and child before the typed mapping.
// The merge moves nodes (toml++ keeps a node's source region on move, not on copy), so every
// value still points at the file and line it was written in.
#include <filesystem>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "common/file_read.hpp"
#include "common/i18n.hpp"
#include "data/data.hpp"
#include "data/load_model.hpp"
#include "data/toml_reader.hpp"
#include "markdown/markdown.hpp"

namespace lkjip {

namespace fs = std::filesystem;
using data::pos_of;

namespace {

struct Loader {
    Diagnostics& diags;
    const LoadLimits& limits;
    std::vector<std::string> chain;  // files being loaded, child first, for cycle detection

    std::optional<toml::table> parse_text(std::string_view text, const std::string& name) {
        if (text.size() > limits.max_file_bytes) {
            diags.error(SourcePos{std::make_shared<const std::string>(name), 0, 0},
                        _f("the file is {} bytes; data files are limited to {} bytes", text.size(),
                                    limits.max_file_bytes));
            return std::nullopt;
        }
        try {
            return toml::parse(text, name);
        } catch (const toml::parse_error& e) {
            const auto& src = e.source();
            SourcePos pos{src.path ? src.path : std::make_shared<const std::string>(name), src.begin.line,
                          src.begin.column};
            // The usual slips (85,5; 37.912.400; ya; an unclosed quote) in the user's terms, at
            // where the slip begins; anything else in the parser's words (issue 16).
            if (auto hint = data::explain_syntax_error(text, src.begin.line, src.begin.column, e.description())) {
                diags.error(SourcePos{pos.file, hint->line, hint->column}, std::move(hint->message), std::move(hint->hint));
            } else {
                diags.error(pos, _f("invalid TOML: {}", e.description()));
            }
            return std::nullopt;
        }
    }

    // Read once through common/file_read.hpp: a FIFO, a device, a folder, a name too long or a
    // symlink loop is an error (at the `extends` value `from` for a parent), never a hang, an
    // exhausted memory or an exception (issue 18, classes 1 and 2).
    std::optional<toml::table> parse_file(const std::string& path, const SourcePos& from) {
        const SourcePos at = from.known() ? from : SourcePos{std::make_shared<const std::string>(path), 0, 0};
        FileContents file = read_regular_file(path, limits.max_file_bytes, _("data file"));
        switch (file.error) {
        case FileError::none: return parse_text(file.bytes, path);
        case FileError::not_found:
            diags.error(at, from.known() ? _f("parent file `{}` does not exist", path)
                                         : _f("cannot read data file `{}`", path));
            return std::nullopt;
        case FileError::too_large:
            diags.error(at, _f("data file `{}` is larger than {} bytes; data files are limited to {} bytes", path,
                                        limits.max_file_bytes, limits.max_file_bytes));
            return std::nullopt;
        default:
            diags.error(at, file.message);
            return std::nullopt;
        }
    }

    // Loads the parents of `table` (its `extends`) and returns the merged table.
    std::optional<toml::table> resolve(toml::table table, const std::string& name) {
        chain.push_back(name);
        const toml::node* ext = table.get("extends");
        if (!ext) return table;
        const auto* s = ext->as_string();
        if (!s) {
            diags.error(pos_of(*ext), _f("`extends` must be a string (the path of a parent file), found {}",
                                                  data::toml_type_name(*ext)));
            return std::nullopt;
        }
        if (static_cast<int>(chain.size()) > limits.max_extends_depth) {
            diags.error(pos_of(*ext), _f("`extends` goes more than {} files deep", limits.max_extends_depth));
            return std::nullopt;
        }
        fs::path parent = fs::path(name).parent_path() / s->get();
        const std::string parent_name = parent.lexically_normal().string();
        // By identity (st_dev, st_ino): `./a.toml`, a symlink or a hard link to a file being loaded
        // is that file. A name that cannot be resolved is no cycle; reading it reports why.
        const auto parent_id = identity_of(parent_name);
        for (const auto& f : chain) {
            const auto id = identity_of(f);
            if (f == parent_name || (parent_id && id && *id == *parent_id)) {
                diags.error(pos_of(*ext), _f("`extends` cycle: `{}` is already being loaded", parent_name));
                return std::nullopt;
            }
        }
        auto parent_table = parse_file(parent_name, pos_of(*ext));
        if (!parent_table) return std::nullopt;
        auto merged_parent = resolve(std::move(*parent_table), parent_name);
        if (!merged_parent) return std::nullopt;
        table.erase("extends");
        merge_into(*merged_parent, table);
        return merged_parent;
    }

    // Child values win; tables merge key by key; everything else is replaced whole.
    static void merge_into(toml::table& base, toml::table& over) {
        for (auto& [key, node] : over) {
            toml::node* existing = base.get(key);
            if (existing && existing->is_table() && node.is_table()) {
                merge_into(*existing->as_table(), *node.as_table());
            } else {
                base.insert_or_assign(key, std::move(node));
            }
        }
    }
};

// Every string of a data file can reach the report's Markdown (free text as paragraphs, names in
// table cells), so a string that the Markdown stage would refuse (nested past its depth, a
// pathological bracket run, too many table columns: markdown/scan.hpp) is an error here, at the
// string, where the user can fix it; in the generated Markdown its line would name nothing the
// user wrote (issue 18, class 11). Only strings with a character Markdown gives meaning to are
// parsed; the limits are the Markdown stage's own, so the two never disagree.
void check_markdown_strings(const toml::node& node, Diagnostics& diags) {
    if (const auto* t = node.as_table()) {
        for (const auto& [k, v] : *t) check_markdown_strings(v, diags);
        return;
    }
    if (const auto* a = node.as_array()) {
        for (const auto& v : *a) check_markdown_strings(v, diags);
        return;
    }
    const auto* s = node.as_string();
    if (!s) return;
    const std::string& text = s->get();
    if (text.find_first_of(">[]<|*_`-+!#\n") == std::string::npos) return;
    Diagnostics local;
    md::parse(text, "string", local);
    if (!local.has_errors()) return;
    const SourcePos at = pos_of(node);
    for (const auto& d : local.items()) {
        if (d.severity != Severity::error) continue;
        // A position inside the string: its line below the key's (a multi-line string starts on
        // the line after `"""`), or its column after the opening quote.
        SourcePos where = at;
        if (d.pos.line > 1 || text.find('\n') != std::string::npos) {
            where.line = at.line + d.pos.line;
            where.column = d.pos.column;
        } else if (d.pos.column > 0) {
            where.column = at.column + d.pos.column;
        }
        diags.error(where, _f("this text cannot be set as Markdown: {}", d.message),
                    _("the text of a data file is Markdown; see docs/markdown.md for its limits"));
        return;  // one error per string
    }
}

std::optional<AgencyYear> finish(std::optional<toml::table> root, Loader& loader, Diagnostics& diags,
                                 const std::string& name) {
    if (!root) return std::nullopt;
    auto merged = loader.resolve(std::move(*root), name);
    if (!merged) return std::nullopt;
    const std::size_t errors_before = diags.error_count();
    check_markdown_strings(*merged, diags);
    AgencyYear model = data::map_agency_year(*merged, name, diags);
    model.chain = loader.chain;
    data::validate_references(model, diags);
    if (diags.error_count() > errors_before) return std::nullopt;
    return model;
}

}  // namespace

std::optional<AgencyYear> load_agency_year(const std::string& path, Diagnostics& diags,
                                           const LoadLimits& limits) {
    Loader loader{diags, limits, {}};
    return finish(loader.parse_file(path, {}), loader, diags, path);
}

std::optional<AgencyYear> load_agency_year_text(std::string_view text, const std::string& name,
                                                Diagnostics& diags, const LoadLimits& limits) {
    Loader loader{diags, limits, {}};
    return finish(loader.parse_text(text, name), loader, diags, name);
}

}  // namespace lkjip
