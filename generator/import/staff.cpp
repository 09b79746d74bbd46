// The staff layout: the personnel office's count of staff per unit, by golongan, pendidikan,
// jabatan … (the LKjIP's BAB I tables, seed 002 Tabel 1.1 and 1.2), one table per sheet:
//   Unit Kerja | Gol I   | Gol II  | … | Jumlah
//              | L  | P  | L  | P  |   |
// The groups become `kelompok`, the rows `baris` with `l` and `p` (or `jumlah` when the groups
// are not split by sex), the Jumlah row's grand total `total_tertulis`, a "Sumber: …" line
// under the table `sumber`; the sheet's name is the table's `judul`.
#include <fmt/format.h>

#include "common/i18n.hpp"
#include "import/grid.hpp"
#include "import/layouts.hpp"

namespace lkjip::import::detail {

namespace {

bool unit_header(const std::string& n) {
    for (const char* u : {"unit", "unit kerja", "bidang", "sub unit", "satuan kerja", "unit organisasi", "bagian", "bidang unit kerja",
                          "nama unit", "nama unit kerja", "unit bidang", "jabatan"})
        if (n == u) return true;
    return false;
}
bool total_header(const std::string& n) { return n == "jumlah" || n == "total" || n == "jumlah total" || n == "jml"; }
// i18n: not a message (header names as sheets write them)
bool number_header(const std::string& n) { return n == "no" || n == "nomor" || n == "no urut"; }
int sex_of(const std::string& n) {  // 1 laki-laki, 2 perempuan, 0 neither
    if (n == "l" || n == "lk" || n == "laki laki" || n == "laki" || n == "pria") return 1;
    if (n == "p" || n == "pr" || n == "perempuan" || n == "wanita") return 2;
    return 0;
}

struct Group {
    std::string name;
    int l = -1, p = -1, only = -1;  // columns
};

struct Header {
    int row = 0, last_row = 0, unit = -1;
    bool by_sex = false;
    std::vector<Group> groups;
    Group total;  // the Jumlah column(s), if any
};

// `unit_column`, `header_row` (0-based, the header's last row): from a mapping file, -1 when not given.
std::optional<Header> find_header(const sheet::Sheet& s, int unit_column = -1, int header_row = -1) {
    const int rows = std::min(static_cast<int>(s.rows.size()), 40);
    const HeaderRegion region = header_region(s);
    const int columns = region.columns;
    const auto sex_row = [&](int r) {
        for (int c = 0; c < columns; ++c)
            if (sex_of(normalise(text_at(s, r, c))) != 0) return true;
        return false;
    };
    int from = 0, to = rows;
    if (header_row >= 0) {  // the group names' row: the one above the L/P row given, or the row given
        from = header_row > 0 && sex_row(header_row) ? header_row - 1 : header_row;
        to = from + 1;
    }
    for (int r = from; r < to; ++r) {
        Header h;
        h.row = h.last_row = r;
        if (unit_column >= 0) h.unit = unit_column;
        for (int c = 0; c < columns && h.unit < 0; ++c)
            if (unit_header(normalise(text_at(s, r, c)))) h.unit = c;
        if (h.unit < 0) continue;
        // The row below splits the groups by sex when it holds L and P.
        bool sexes = false;
        for (int c = h.unit + 1; c < columns && r + 1 < static_cast<int>(s.rows.size()); ++c)
            sexes = sexes || sex_of(normalise(text_at(s, r + 1, c))) != 0;
        h.by_sex = sexes;
        if (sexes) h.last_row = r + 1;
        // A group's name is over its L and P columns, merged or in the first of them only.
        int current = -1;  // index in groups, -2 the Jumlah, -1 none yet
        for (int c = h.unit + 1; c < columns; ++c) {
            const std::string name = covering_text(s, region, r, c);
            const std::string n = normalise(name);
            const int sex = sexes ? sex_of(normalise(text_at(s, r + 1, c))) : 0;
            const auto group = [&](int i) -> Group& { return i == -2 ? h.total : h.groups[static_cast<std::size_t>(i)]; };
            const auto free_for = [&](int i) {
                const Group& g = group(i);
                return sex == 1 ? g.l < 0 : sex == 2 ? g.p < 0 : g.only < 0 && g.l < 0 && g.p < 0;
            };
            int at = -1;
            if (n.empty()) {
                if (current == -1 || sex == 0 || !free_for(current)) continue;
                at = current;
            } else if (number_header(n)) {
                continue;
            } else if (total_header(n)) {
                at = -2;
            } else if (current >= 0 && group(current).name == name && sexes && free_for(current)) {
                at = current;
            } else {
                h.groups.push_back(Group{name});
                at = static_cast<int>(h.groups.size()) - 1;
            }
            Group& g = group(at);
            if (sex == 1) g.l = c;
            else if (sex == 2) g.p = c;
            else if (g.only < 0) g.only = c;
            current = at;
        }
        if (!h.groups.empty()) return h;
    }
    return std::nullopt;
}

bool total_row(const std::string& n) {
    return n == "jumlah" || n == "total" || n == "jumlah pegawai" || n == "jumlah total" || n == "total pegawai" || n == "jml";
}

}  // namespace

// A staff header with at least one unit under it: an empty sheet of the template workbook is
// left out of an import of every staff sheet.
bool looks_like_staff(const sheet::Sheet& sheet) {
    const auto h = find_header(sheet);
    if (!h) return false;
    for (int r = h->last_row + 1; r < static_cast<int>(sheet.rows.size()); ++r) {
        const std::string unit = text_at(sheet, r, h->unit);
        if (!unit.empty() && !total_row(normalise(unit)) && normalise(unit).rfind("sumber", 0) != 0) return true;
    }
    return false;
}

std::optional<std::string> import_staff(const sheet::Sheet& s, const std::string& file, const Request& request,
                                        Diagnostics& diags) {
    const Where w{file, s};
    int unit_column = -1;
    if (request.map) {
        unit_column = mapped_column(*request.map, "unit", s, header_region(s), {std::max(0, request.map->baris_judul - 1)}, diags);
        if (unit_column == -2) return std::nullopt;
    }
    const auto header = find_header(s, unit_column, request.map ? request.map->baris_judul - 1 : -1);
    if (!header) {
        diags.error(w.at(0, 0), _f("sheet `{}` has no header of a staff table (Unit Kerja, then the groups: Gol I, Gol II …)", s.name),
                    _("docs/import.md shows the staff layout; `lkjip init --workbook` writes a sheet to fill in"));
        return std::nullopt;
    }
    const Header& h = *header;
    const std::size_t before = diags.error_count();
    for (const Group& g : h.groups) {
        if (h.by_sex && (g.l < 0 || g.p < 0)) {
            diags.error(w.at(h.row, g.only >= 0 ? g.only : g.l >= 0 ? g.l : g.p),
                        _f("the group `{}` of sheet `{}` has no {} column; every group of a table by sex has an L and a P column", g.name,
                           s.name, g.l < 0 ? "L" : "P"));
            return std::nullopt;
        }
    }
    struct Row {
        std::string unit;
        std::vector<std::int64_t> l, p;
    };
    std::vector<Row> rows;
    std::optional<std::int64_t> stated;
    int stated_row = -1, stated_column = -1;
    std::string sumber;
    bool ended = false;
    for (int r = h.last_row + 1; r < static_cast<int>(s.rows.size()); ++r) {
        const std::string unit = text_at(s, r, h.unit);
        const std::string lead = text_at(s, r, 0);
        if (const std::string n = normalise(lead); n.rfind("sumber", 0) == 0) {
            std::string_view t = lead;
            t.remove_prefix(std::min(t.size(), t.find_first_of(":") == std::string_view::npos ? std::size_t{6} : t.find(':') + 1));
            while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
            sumber = std::string(t);
            continue;
        }
        if (ended || unit.empty()) continue;
        if (total_row(normalise(unit))) {
            ended = true;
            const Group& t = h.total;
            if (t.only >= 0) {
                stated = read_count(w, r, t.only, diags);
                stated_row = r, stated_column = t.only;
            } else if (t.l >= 0 && t.p >= 0) {
                const auto l = read_count(w, r, t.l, diags), p = read_count(w, r, t.p, diags);
                if (l && p) stated = *l + *p;
                stated_row = r, stated_column = t.l;
            }
            continue;
        }
        Row row{unit, {}, {}};
        for (const Group& g : h.groups) {
            const auto a = read_count(w, r, h.by_sex ? g.l : g.only, diags);
            row.l.push_back(a.value_or(0));
            if (h.by_sex) row.p.push_back(read_count(w, r, g.p, diags).value_or(0));
        }
        rows.push_back(std::move(row));
    }
    if (diags.error_count() > before) return std::nullopt;
    if (rows.empty()) {
        diags.error(w.at(h.last_row + 1, h.unit), _f("sheet `{}` has a staff header but no unit under it", s.name));
        return std::nullopt;
    }
    std::int64_t sum = 0;
    for (const Row& r : rows)
        for (const auto* v : {&r.l, &r.p})
            for (std::int64_t n : *v) sum += n;
    const std::string judul = request.map && !request.map->judul.empty() ? request.map->judul : s.name;
    if (stated && *stated != sum)
        diags.warning(w.at(stated_row, stated_column),
                      _f("staff table '{}' states a total of {}, but its rows add up to {}", judul, *stated, sum),
                      _("the report prints the computed total"));

    std::string out = fmt::format("# {}\n[[pegawai]]\njudul = {}\nkelompok = [", w.ref(h.row, h.unit), toml_string(judul));
    for (std::size_t i = 0; i < h.groups.size(); ++i) out += (i ? ", " : "") + toml_string(h.groups[i].name);
    out += "]\n";
    if (!h.by_sex) out += "per_jenis_kelamin = false\n";
    if (!sumber.empty()) out += fmt::format("sumber = {}\n", toml_string(sumber));
    if (stated) out += fmt::format("total_tertulis = {}\n", *stated);
    const auto list = [](const std::vector<std::int64_t>& v) {
        std::string t = "[";
        for (std::size_t i = 0; i < v.size(); ++i) t += (i ? ", " : "") + std::to_string(v[i]);
        return t + "]";
    };
    out += "baris = [\n";
    for (const Row& r : rows) {
        if (h.by_sex) out += fmt::format("  {{ unit = {}, l = {}, p = {} }},\n", toml_string(r.unit), list(r.l), list(r.p));
        else out += fmt::format("  {{ unit = {}, jumlah = {} }},\n", toml_string(r.unit), list(r.l));
    }
    out += "]\n\n";
    return out;
}

}  // namespace lkjip::import::detail
