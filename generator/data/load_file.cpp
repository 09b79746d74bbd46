// Reading the file, following `extends` and merging parent and child, and merging the part files
// a file includes (`sertakan`), before the typed mapping. The merge moves nodes (toml++ keeps a node's source region on move, not on copy), so every
// value still points at the file and line it was written in.
#include <filesystem>
#include <map>

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

    enum class Role { data, parent, part };  // what a file read is to the file that names it

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
    std::optional<toml::table> parse_file(const std::string& path, const SourcePos& from, Role role = Role::data) {
        const SourcePos at = from.known() ? from : SourcePos{std::make_shared<const std::string>(path), 0, 0};
        FileContents file = read_regular_file(path, limits.max_file_bytes, _("data file"));
        switch (file.error) {
        case FileError::none: return parse_text(file.bytes, path);
        case FileError::not_found:
            diags.error(at, role == Role::parent ? _f("parent file `{}` does not exist", path)
                            : role == Role::part ? _f("part file `{}` does not exist", path)
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
        if (!include_parts(table, name)) return std::nullopt;
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
        auto parent_table = parse_file(parent_name, pos_of(*ext), Role::parent);
        if (!parent_table) return std::nullopt;
        auto merged_parent = resolve(std::move(*parent_table), parent_name);
        if (!merged_parent) return std::nullopt;
        table.erase("extends");
        merge_into(*merged_parent, table);
        return merged_parent;
    }

    // `sertakan = ["anggaran-2024.toml", …]`: the part files are merged into this file, in order,
    // before its `extends` (so a part belongs to the file that names it, and a region file may
    // have parts too). Unlike a parent, a part adds to the file and replaces nothing: a value
    // given in both must be equal (docs/data-format.md "Parts"). An imported budget (`lkjip
    // import`, issue 21) is one such part, re-imported without touching the hand-written rest.
    bool include_parts(toml::table& table, const std::string& name) {
        const toml::node* node = table.get("sertakan");
        if (!node) return true;
        const auto* list = node->as_array();
        if (!list) {
            diags.error(pos_of(*node), _f("`sertakan` must be an array of strings (the paths of part files), found {}",
                                          data::toml_type_name(*node)),
                        _("write `sertakan = [\"anggaran-2024.toml\"]`"));
            return false;
        }
        if (list->size() > limits.max_parts) {
            diags.error(pos_of(*node), _f("`sertakan` names {} part files; a data file may include at most {}", list->size(),
                                          limits.max_parts));
            return false;
        }
        struct Named {
            std::string path;
            SourcePos at;
        };
        std::vector<Named> parts;
        bool ok = true;
        for (const auto& element : *list) {
            const auto* s = element.as_string();
            if (!s) {
                diags.error(pos_of(element), _f("every item of `sertakan` must be a string (the path of a part file), found {}",
                                                data::toml_type_name(element)));
                ok = false;
                continue;
            }
            parts.push_back({(fs::path(name).parent_path() / s->get()).lexically_normal().string(), pos_of(element)});
        }
        if (!ok) return false;
        table.erase("sertakan");
        std::vector<std::pair<std::string, FileIdentity>> seen;  // the file itself, its chain and the parts so far
        for (const auto& f : chain)
            if (auto id = identity_of(f)) seen.emplace_back(f, *id);
        for (const auto& part : parts) {
            const auto id = identity_of(part.path);
            bool repeated = false;
            for (const auto& [f, fid] : seen) {
                if (f == part.path || (id && fid == *id)) {
                    diags.error(part.at, _f("`sertakan` names `{}`, which is already part of this data", part.path),
                                _("include each part once, and never the data file itself or a file it extends"));
                    repeated = true;
                    break;
                }
            }
            if (repeated) {
                ok = false;
                continue;
            }
            if (id) seen.emplace_back(part.path, *id);
            auto part_table = parse_file(part.path, part.at, Role::part);
            if (!part_table) {
                ok = false;
                continue;
            }
            // A part holds data only: what it includes or extends would be a second, hidden tree.
            bool nested = false;
            for (const char* key : {"extends", "sertakan"}) {
                if (const toml::node* k = part_table->get(key)) {
                    diags.error(pos_of(*k), _f("a part file cannot have `{}`", key),
                                _("name every part in the `sertakan` of the data file itself"));
                    nested = true;
                }
            }
            if (nested) {
                ok = false;
                continue;
            }
            const std::size_t errors_before = diags.error_count();
            merge_part(table, *part_table, "");
            if (diags.error_count() > errors_before) ok = false;
        }
        return ok;
    }

    // Identity of the elements of two arrays of tables that are merged element by element: the
    // first of `kode` (urusan, program, kegiatan, sub kegiatan), `id` (indikator, sasaran …) and
    // `judul` (pegawai) that every element of both holds as a string; "" when none does.
    static std::string identity_key(const toml::array& a, const toml::array& b) {
        for (const char* key : {"kode", "id", "judul"}) {
            auto all_have = [&](const toml::array& arr) {
                for (const auto& e : arr) {
                    const auto* t = e.as_table();
                    if (!t || !t->get_as<std::string>(key)) return false;
                }
                return true;
            };
            if (all_have(a) && all_have(b)) return key;
        }
        return {};
    }

    static bool array_of_tables(const toml::node& n) {
        const auto* a = n.as_array();
        return a && !a->empty() && a->is_array_of_tables();
    }

    void conflict(const toml::node& in_part, const toml::node& in_file, const std::string& path) {
        diags.error(pos_of(in_part), _f("`{}` is given here and at {} with another value", path, pos_of(in_file).str()),
                    _("a value may be given in the data file or in one of its `sertakan` parts, not in both"));
    }

    // Moves every value of `part` into `base`: new keys are added, tables merge key by key,
    // arrays of tables element by element (merge_elements); any other value given in both must
    // be equal. `path` names the place in messages: program[2.17.03].kegiatan[2.17.03.1.01].
    void merge_part(toml::table& base, toml::table& part, const std::string& path) {
        for (auto& [key, node] : part) {
            const std::string here = path.empty() ? std::string(key.str()) : path + "." + std::string(key.str());
            toml::node* existing = base.get(key);
            if (!existing) {
                base.insert_or_assign(key, std::move(node));
            } else if (existing->is_table() && node.is_table()) {
                merge_part(*existing->as_table(), *node.as_table(), here);
            } else if (array_of_tables(*existing) && array_of_tables(node)) {
                merge_elements(*existing->as_array(), *node.as_array(), here);
            } else if (!data::same_value(*existing, node)) {
                conflict(node, *existing, here);
            }
        }
    }

    // Two arrays of tables merged by the identity of their elements: an element of the part that
    // the file has is merged into it; a new one comes after the element the part lists before it
    // (so a part listing the whole tree in code order keeps that order around the few programs
    // the file names). Linear in the two lengths.
    void merge_elements(toml::array& base, toml::array& part, const std::string& path) {
        const std::string key = identity_key(base, part);
        if (key.empty()) {
            diags.error(pos_of(part), _f("`{}` is given here and at {}", path, pos_of(base).str()),
                        _("arrays of tables are merged element by element only when every element has a `kode`, an `id` "
                          "or a `judul`; give the array in one file only"));
            return;
        }
        auto index_of = [&](toml::array& arr, std::map<std::string, std::size_t>& index) {
            bool ok = true;
            for (std::size_t i = 0; i < arr.size(); ++i) {
                const auto& t = *arr[i].as_table();
                const std::string value = t.get_as<std::string>(key)->get();
                if (!index.emplace(value, i).second) {
                    diags.error(pos_of(*t.get(key)), _f("`{}` {} appears twice in `{}`", key, value, path));
                    ok = false;
                }
            }
            return ok;
        };
        std::map<std::string, std::size_t> base_index, part_index;
        if (!index_of(base, base_index) || !index_of(part, part_index)) return;
        std::vector<std::vector<std::size_t>> before(base.size() + 1);  // new part elements before base[j]
        std::size_t cursor = 0;
        for (std::size_t i = 0; i < part.size(); ++i) {
            auto& element = *part[i].as_table();
            const std::string value = element.get_as<std::string>(key)->get();
            if (auto found = base_index.find(value); found != base_index.end()) {
                merge_part(*base[found->second].as_table(), element, fmt::format("{}[{}]", path, value));
                cursor = found->second + 1;
            } else {
                before[cursor].push_back(i);
            }
        }
        toml::array merged;
        for (std::size_t j = 0; j <= base.size(); ++j) {
            for (std::size_t i : before[j]) merged.push_back(std::move(*part[i].as_table()));
            if (j < base.size()) merged.push_back(std::move(*base[j].as_table()));
        }
        // Element by element, so the array keeps its own position (assigning would take the
        // position of `merged`, which has none).
        base.clear();
        for (auto& element : merged) base.push_back(std::move(*element.as_table()));
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
    md::check(text, "string", local);
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

std::vector<std::string> included_parts(const std::string& path) {
    std::vector<std::string> out;
    const LoadLimits limits;
    const FileContents file = read_regular_file(path, limits.max_file_bytes, N_("data file"));
    if (!file.ok() || file.bytes.find("sertakan") == std::string::npos) return out;  // most files name none
    try {
        const toml::table table = toml::parse(file.bytes, path);
        if (const toml::array* list = table.get_as<toml::array>("sertakan"))
            for (const auto& e : *list)
                if (const auto* s = e.as_string()) out.push_back((fs::path(path).parent_path() / s->get()).lexically_normal().string());
    } catch (const toml::parse_error&) {
    }
    return out;
}

namespace data {

std::optional<toml::table> load_own_table(const std::string& path, Diagnostics& diags, std::vector<std::string>& parts) {
    const LoadLimits limits;
    Loader loader{diags, limits, {}};
    auto table = loader.parse_file(path, {});
    if (!table) return std::nullopt;
    if (const toml::array* list = table->get_as<toml::array>("sertakan"))
        for (const auto& e : *list)
            if (const auto* s = e.as_string()) parts.push_back(s->get());
    loader.chain.push_back(path);
    if (!loader.include_parts(*table, path)) return std::nullopt;
    return table;
}

}  // namespace data

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
