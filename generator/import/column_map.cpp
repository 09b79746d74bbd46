// `--map MAP.toml` (docs/import.md "Mapping file"): which sheet, which header row and which
// column is what, for a sheet whose header names are not those of the finance exports.
//   jenis = "anggaran"
//   lembar = "Realisasi 2024"
//   baris_judul = 6
//   [kolom]
//   kode = "A"
//   uraian = "B"
//   pagu = "Anggaran Murni"
#include <algorithm>

#include <toml++/toml.h>

#include <fmt/format.h>

#include "common/file_read.hpp"
#include "common/i18n.hpp"
#include "import/grid.hpp"

namespace lkjip::import {

namespace {

SourcePos pos_of(const toml::node& n, const std::string& file) {
    const auto& src = n.source();
    return SourcePos{src.path ? src.path : std::make_shared<const std::string>(file), src.begin.line, src.begin.column};
}

bool letters_only(std::string_view t) {
    if (t.empty() || t.size() > 3) return false;
    for (char ch : t)
        if (ch < 'A' || ch > 'Z') return false;
    return t.size() < 3 || t <= "XFD";  // Excel's last column
}

}  // namespace

std::optional<Layout> parse_layout(std::string_view word) {
    if (word == "anggaran") return Layout::anggaran;
    if (word == "pegawai") return Layout::pegawai;
    if (word == "indikator") return Layout::indikator;
    return std::nullopt;
}

const char* layout_word(Layout layout) {
    switch (layout) {
    case Layout::anggaran: return "anggaran";
    case Layout::pegawai: return "pegawai";
    case Layout::indikator: return "indikator";
    }
    return "anggaran";
}

std::optional<ColumnMap> read_column_map(const std::string& path, Diagnostics& diags) {
    FileContents file = read_regular_file(path, 1u << 20, N_("mapping file"));
    if (!file.ok()) {
        diags.error(file_pos(path), file.message);
        return std::nullopt;
    }
    toml::table table;
    try {
        table = toml::parse(file.bytes, path);
    } catch (const toml::parse_error& e) {
        const auto& src = e.source();
        diags.error(SourcePos{std::make_shared<const std::string>(path), src.begin.line, src.begin.column},
                    _f("invalid TOML: {}", e.description()));
        return std::nullopt;
    }
    ColumnMap map;
    const std::size_t before = diags.error_count();
    const auto string_of = [&](const toml::node& n, std::string_view key) -> std::optional<std::string> {
        if (const auto* s = n.as_string()) return s->get();
        diags.error(pos_of(n, path), _f("`{}` must be a string", key));
        return std::nullopt;
    };
    for (const auto& [key, node] : table) {
        const std::string k(key.str());
        if (k == "jenis") {
            if (auto s = string_of(node, k)) {
                map.jenis = parse_layout(*s);
                map.jenis_pos = pos_of(node, path);
                if (!map.jenis) diags.error(pos_of(node, path), _f("`jenis = \"{}\"` is none of anggaran, pegawai, indikator", *s));
            }
        } else if (k == "lembar") {
            if (auto s = string_of(node, k)) map.lembar = *s;
        } else if (k == "judul") {
            if (auto s = string_of(node, k)) map.judul = *s;
        } else if (k == "baris_judul") {
            const auto* i = node.as_integer();
            if (!i || i->get() < 1 || i->get() > 1'048'576)
                diags.error(pos_of(node, path), _("`baris_judul` is the header's row as Excel numbers it: a whole number from 1"));
            else map.baris_judul = static_cast<int>(i->get());
        } else if (k == "kolom") {
            const auto* cols = node.as_table();
            if (!cols) {
                diags.error(pos_of(node, path), _("`kolom` must be a table: `[kolom]` with `kode = \"A\"` …"));
                continue;
            }
            for (const auto& [role, value] : *cols) {
                ColumnChoice choice;
                choice.role = std::string(role.str());
                choice.pos = pos_of(value, path);
                const auto text = string_of(value, choice.role);
                if (!text) continue;
                if (letters_only(*text)) choice.letters = *text;
                else if (text->empty()) {
                    diags.error(choice.pos, _f("`{}` names no column", choice.role));
                    continue;
                } else choice.header = *text;
                map.kolom.push_back(std::move(choice));
            }
        } else {
            diags.error(pos_of(node, path), _f("unknown key `{}` in a mapping file", k),
                        _("a mapping file has jenis, lembar, judul, baris_judul and [kolom] (docs/import.md)"));
        }
    }
    // Each role once, and only the roles of the layout it maps.
    std::vector<std::string> known;
    for (Layout l : {Layout::anggaran, Layout::pegawai, Layout::indikator})
        if (!map.jenis || *map.jenis == l)
            for (const auto& r : detail::roles_of(l)) known.push_back(r);
    for (std::size_t i = 0; i < map.kolom.size(); ++i) {
        const auto& c = map.kolom[i];
        if (std::find(known.begin(), known.end(), c.role) == known.end()) {
            const std::string near = closest_match(c.role, known);
            diags.error(c.pos, _f("`{}` is not a column a mapping names here", c.role),
                        near.empty() ? _f("the columns are: {}", fmt::join(known, ", ")) : _f("did you mean `{}`?", near));
        }
    }
    if (diags.error_count() > before) return std::nullopt;
    return map;
}

}  // namespace lkjip::import
