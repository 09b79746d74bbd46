// The budget layout: a finance system's export of the DPA and its realisasi, one row per urusan,
// program, kegiatan and sub kegiatan (or sub kegiatan rows only), as the SIPD / SIMDA reports of
// realisasi anggaran print it: Kode | Uraian | Anggaran (Sebelum / Setelah Perubahan) | Realisasi.
// The rows become the program tree of docs/data-format.md: leaves carry pagu, pagu_perubahan and
// realisasi; every row above them what the sheet states for it (*_tertulis), which `lkjip check`
// compares with the sums, and so does the import, in the same words.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "data/lint_words.hpp"
#include "import/grid.hpp"
#include "import/layouts.hpp"

namespace lkjip::import::detail {

namespace {

using lint_words::rp;

enum class Role : std::uint8_t { none, kode, uraian, pagu, pagu_perubahan, realisasi };
constexpr std::array<const char*, 6> kRoleName = {"", "kode", "uraian", "pagu", "pagu_perubahan", "realisasi"};

bool starts_with(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

// The header names of the finance exports (SIPD "Laporan Realisasi Anggaran", SIMDA, the
// agencies' own sheets): Kode / Kode Rekening, Uraian / Nama Program…, Anggaran / Pagu / DPA
// with "Sebelum / Setelah Perubahan" or "Murni / Perubahan", Realisasi. Percentages, remainders
// and physical progress are columns the report computes or does not use.
Role classify(const std::string& n) {
    if (n.empty()) return Role::none;
    for (const char* skip : {"%", "persen", "persentase", "serapan", "capaian", "sisa", "selisih", "deviasi", "fisik",
                             "kinerja", "target", "keterangan", "lokasi", "sumber dana"})
        if (std::string_view(skip) == "%" ? n.find('%') != std::string::npos : has_word(n, skip)) return Role::none;
    if (starts_with(n, "kode") || has_word(n, "kode") || has_word(n, "rekening")) return Role::kode;
    if (has_word(n, "uraian") || starts_with(n, "nama") || n == "program kegiatan" || n == "program kegiatan sub kegiatan" ||
        n == "urusan program kegiatan sub kegiatan" || n == "sub kegiatan" || n == "program kegiatan subkegiatan")
        return Role::uraian;
    if (has_word(n, "realisasi")) return Role::realisasi;
    for (const char* money : {"anggaran", "pagu", "dpa", "dppa", "apbd", "apbdp", "alokasi", "murni", "perubahan", "penetapan", "induk"}) {
        if (!has_word(n, money)) continue;
        const bool changed = (has_word(n, "perubahan") && !has_word(n, "sebelum")) || has_word(n, "dppa") ||
                             has_word(n, "apbdp") || has_word(n, "apbd p") || has_word(n, "p apbd") || has_word(n, "pergeseran");
        return changed ? Role::pagu_perubahan : Role::pagu;
    }
    return Role::none;
}

struct Columns {
    std::array<int, 6> at{-1, -1, -1, -1, -1, -1};
    std::vector<int> header_rows;
    std::vector<std::pair<Role, std::pair<int, int>>> twice;  // a role two columns claim
    [[nodiscard]] int operator[](Role r) const { return at[static_cast<std::size_t>(r)]; }
    [[nodiscard]] bool complete() const {
        return (*this)[Role::kode] >= 0 && (*this)[Role::uraian] >= 0 &&
               ((*this)[Role::pagu] >= 0 || (*this)[Role::pagu_perubahan] >= 0 || (*this)[Role::realisasi] >= 0);
    }
    [[nodiscard]] int money() const {
        return ((*this)[Role::pagu] >= 0) + ((*this)[Role::pagu_perubahan] >= 0) + ((*this)[Role::realisasi] >= 0);
    }
};

// The header text of a column over one header row, or two (the group over its parts: "Anggaran"
// merged over "Sebelum Perubahan" and "Setelah Perubahan" reads "anggaran sebelum perubahan").
std::string header_of(const sheet::Sheet& s, const HeaderRegion& region, int row, int column, bool two) {
    if (!two) return normalise(text_at(s, row, column));
    bool above = false;
    // A title merged across the table is not a group of columns.
    for (const auto& m : region.merged)
        if (row >= m.first_row && row <= m.last_row && column >= m.first_column && column <= m.last_column &&
            2 * (m.last_column - m.first_column + 1) > region.columns)
            return normalise(text_at(s, row + 1, column));
    const std::string top = covering_text(s, region, row, column);
    covering_text(s, region, row + 1, column, &above);
    const std::string bottom = above ? std::string() : text_at(s, row + 1, column);
    return normalise(top + " " + bottom);
}

Columns columns_of(const sheet::Sheet& s, const HeaderRegion& region, int row, bool two) {
    Columns c;
    c.header_rows = two ? std::vector<int>{row, row + 1} : std::vector<int>{row};
    for (int col = 0; col < region.columns; ++col) {
        const Role r = classify(header_of(s, region, row, col, two));
        if (r == Role::none) continue;
        int& slot = c.at[static_cast<std::size_t>(r)];
        if (slot < 0) slot = col;
        else c.twice.push_back({r, {slot, col}});
    }
    return c;
}

bool code_like(const std::string& t) {
    if (t.empty() || t.front() < '0' || t.front() > '9') return false;
    return std::all_of(t.begin(), t.end(), [](char ch) { return (ch >= '0' && ch <= '9') || ch == '.'; });
}

// The header: the first of the sheet's first rows that names a code, a name and an amount; over
// two rows when the row below it completes it (a merged group over its parts) and is not data.
std::optional<Columns> find_header(const sheet::Sheet& s, const HeaderRegion& region, int only_last_row) {
    const int rows = static_cast<int>(s.rows.size());
    const int first = only_last_row > 0 ? std::max(0, only_last_row - 2) : 0;
    const int limit = only_last_row > 0 ? std::min(only_last_row, rows) : std::min(rows, kHeaderRows - 2);
    for (int r = first; r < limit; ++r) {
        int filled = 0;  // a header row names several columns (a blank row or a title is none)
        for (const auto& cell : s.rows[static_cast<std::size_t>(r)]) filled += cell.kind != sheet::CellKind::empty;
        if (filled < 2) continue;
        const Columns one = columns_of(s, region, r, false);
        if (r + 1 < rows && (only_last_row == 0 || r + 2 == only_last_row)) {
            const Columns two = columns_of(s, region, r, true);
            const bool below_is_data = two[Role::kode] >= 0 && code_like(text_at(s, r + 1, two[Role::kode]));
            bool below_has_text = false;
            for (const auto& cell : s.rows[static_cast<std::size_t>(r + 1)])
                below_has_text = below_has_text || cell.kind == sheet::CellKind::text;
            if (two.complete() && !below_is_data && below_has_text && !numbering_row(s, r + 1) &&
                (!one.complete() || two.money() > one.money()))
                return two;
        }
        if (one.complete() && (only_last_row == 0 || r + 1 == only_last_row)) return one;
    }
    return std::nullopt;
}

struct Node {
    std::string kode;
    int level = 0;  // 0 urusan, 1 program, 2 kegiatan, 3 sub kegiatan
    std::string nama;
    int row = -1;   // -1: implied by its children's codes (a sheet of sub kegiatan rows only)
    std::optional<std::int64_t> pagu, pagu_perubahan, realisasi;
    std::vector<std::size_t> children;
};

constexpr std::array<const char*, 4> kLevel = {"urusan", "program", "kegiatan", "sub kegiatan"};
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Permendagri 90/2019 Lampiran as Kepmendagri 050-5889/2021 numbers it: urusan 2.17, program
// 2.17.03, kegiatan 2.17.03.2.01, sub kegiatan 2.17.03.2.01.0001 (two digits before the 2021
// renumbering: 2.17.03.2.01.01). An eight-part code is the unit (SKPD) itself, as SIPD heads its
// report with it; a one-part code (2) is the group of urusan. -1: no shape of the regulation.
int level_of(const std::string& code, std::vector<std::string>& parts) {
    parts.clear();
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = code.find('.', start);
        parts.push_back(code.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    std::vector<std::size_t> len;
    for (const auto& p : parts) {
        if (p.empty()) return -1;
        len.push_back(p.size());
    }
    const auto is = [&](std::initializer_list<std::size_t> l) { return std::equal(len.begin(), len.end(), l.begin(), l.end()); };
    if (is({1})) return -2;
    if (is({1, 2})) return 0;
    if (is({1, 2, 2})) return 1;
    if (is({1, 2, 2, 1, 2})) return 2;
    if (is({1, 2, 2, 1, 2, 4}) || is({1, 2, 2, 1, 2, 2})) return 3;
    if (len.size() == 8) return 9;
    return -1;
}

std::string parent_code(const std::vector<std::string>& parts, int level) {
    const std::size_t keep = level == 1 ? 2 : level == 2 ? 3 : 5;
    std::string out;
    for (std::size_t i = 0; i < keep; ++i) out += (i ? "." : "") + parts[i];
    return out;
}

bool total_word(const std::string& n) {
    for (const char* t : {"jumlah", "total", "jumlah total", "total belanja", "jumlah belanja", "grand total",
                          "jumlah keseluruhan", "total keseluruhan", "jumlah seluruhnya", "total anggaran", "jumlah anggaran"})
        if (n == t) return true;
    return false;
}

// A name as the tree holds it: one line, single spaces, without the level word the export puts
// before it ("Program Pengembangan UMKM" → "Pengembangan UMKM", as the data file names programs).
std::string name_of(std::string text, int level) {
    std::string out;
    bool space = false;
    for (char ch : text) {
        if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += ch;
    }
    const auto strip = [&](std::string_view word) {
        if (out.size() <= word.size() + 1) return false;
        for (std::size_t i = 0; i < word.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(out[i])) != word[i]) return false;
        if (out[word.size()] != ' ' && out[word.size()] != ':') return false;
        std::size_t from = word.size();
        while (from < out.size() && (out[from] == ' ' || out[from] == ':')) ++from;
        out.erase(0, from);
        return true;
    };
    if (level == 1) strip("program");
    if (level == 2) strip("kegiatan");
    if (level == 3 && !strip("sub kegiatan") && !strip("sub-kegiatan")) strip("subkegiatan");
    return out;
}

// Sums of the leaves under a node, for the stated totals; an overflow (only hostile sheets reach
// 10^16 rupiah) leaves the comparison to `lkjip check`, which reports it.
struct Sums {
    std::int64_t penetapan = 0, in_force = 0, realisasi = 0;
    bool any_realisasi = false, overflow = false;
    void add(std::int64_t& into, std::int64_t v) { overflow = overflow || __builtin_add_overflow(into, v, &into); }
    void add(const Sums& o) {
        add(penetapan, o.penetapan);
        add(in_force, o.in_force);
        add(realisasi, o.realisasi);
        any_realisasi = any_realisasi || o.any_realisasi;
        overflow = overflow || o.overflow;
    }
};

struct Budget {
    const sheet::Sheet& s;
    Where w;
    Columns cols;
    bool has_perubahan_column = false;
    std::vector<Node> nodes;
    std::vector<std::size_t> top;  // urusan and programs in sheet order
    struct Stated {
        int row = -1;
        std::optional<std::int64_t> pagu, pagu_perubahan, realisasi;
    } total;
    int errors = 0;

    bool leaf(const Node& n) const { return n.level >= 2 && n.children.empty(); }
    // A kegiatan that carries the pagu penetapan for its sub kegiatan (none of which has one).
    bool carries_pagu(const Node& n) const {
        return n.level == 2 && !n.children.empty() && n.pagu &&
               std::none_of(n.children.begin(), n.children.end(), [&](std::size_t c) { return nodes[c].pagu.has_value(); });
    }

    Sums sums(const Node& n) const {
        Sums out;
        if (leaf(n)) {
            out.penetapan = n.pagu.value_or(0);
            out.in_force = n.pagu_perubahan ? *n.pagu_perubahan : n.pagu.value_or(0);
            out.realisasi = n.realisasi.value_or(0);
            out.any_realisasi = n.realisasi.has_value();
            return out;
        }
        for (std::size_t c : n.children) out.add(sums(nodes[c]));
        if (carries_pagu(n)) out.penetapan = *n.pagu;
        return out;
    }

    void compare(std::optional<std::int64_t> stated, std::int64_t computed, const std::string& what, const char* kind,
                 int row, Role role, Diagnostics& diags) const {
        if (!stated || *stated == computed) return;
        diags.warning(w.at(row, cols[role]),
                      _f("{} states {} {}, but its parts add up to {} (a difference of {})", what, kind, rp(Money{*stated}),
                         rp(Money{computed}), rp(Money{*stated - computed})),
                      _("the report prints the computed sum"));
    }

    // What a row above the leaves states as its pagu: the pagu in force where the sheet has the
    // column of the pagu after the change (and the row fills it), else the pagu penetapan, which
    // the data then marks as such (`pagu_tertulis_jenis`; an urusan's stated pagu is always the
    // one in force, so an urusan row gives none then). A kegiatan's own pagu penetapan (carried
    // for its sub kegiatan) is no stated total.
    struct StatedPagu {
        std::optional<std::int64_t> value;
        bool penetapan = false;
    };
    StatedPagu stated_pagu(std::optional<std::int64_t> pagu, std::optional<std::int64_t> perubahan, bool urusan) const {
        if (perubahan) return {perubahan, false};
        if (!pagu) return {};
        if (!has_perubahan_column) return {pagu, false};
        if (urusan) return {};
        return {pagu, true};
    }

    // Compared as `lkjip check` compares them, in its words; also the penetapan of a row that
    // states both, which the data keeps no field for.
    void check_stated(const std::string& what, int row, const Sums& sum, std::optional<std::int64_t> pagu,
                      std::optional<std::int64_t> perubahan, std::optional<std::int64_t> realisasi, bool agency,
                      bool urusan, Diagnostics& diags) const {
        if (sum.overflow) return;
        const StatedPagu st = stated_pagu(pagu, perubahan, urusan);
        const Role column = perubahan ? Role::pagu_perubahan : Role::pagu;
        if (st.penetapan)
            compare(st.value, sum.penetapan, what, agency ? _("a total pagu penetapan of") : _("a pagu penetapan of"), row, column, diags);
        else
            compare(st.value, sum.in_force, what, agency ? _("a total pagu of") : _("a pagu of"), row, column, diags);
        if (perubahan && pagu && !urusan)
            compare(pagu, sum.penetapan, what, agency ? _("a total pagu penetapan of") : _("a pagu penetapan of"), row,
                    Role::pagu, diags);
        if (sum.any_realisasi)
            compare(realisasi, sum.realisasi, what, agency ? _("a total realisasi of") : _("a realisasi of"), row,
                    Role::realisasi, diags);
    }

    void write_stated(std::string& out, std::optional<std::int64_t> pagu, std::optional<std::int64_t> perubahan,
                      std::optional<std::int64_t> realisasi, bool urusan) const {
        const StatedPagu st = stated_pagu(pagu, perubahan, urusan);
        if (st.value) out += fmt::format("pagu_tertulis = {}\n", toml_money(*st.value));
        if (st.penetapan) out += "pagu_tertulis_jenis = \"penetapan\"\n";
        if (realisasi) out += fmt::format("realisasi_tertulis = {}\n", toml_money(*realisasi));
    }

    bool error(Diagnostics& diags, const SourcePos& pos, std::string message, std::string hint = {}) {
        if (++errors <= 20) diags.error(pos, std::move(message), std::move(hint));
        return false;
    }
};

}  // namespace

bool looks_like_budget(const sheet::Sheet& sheet) { return find_header(sheet, header_region(sheet), 0).has_value(); }

std::optional<std::string> import_budget(const sheet::Sheet& s, const std::string& file, const Request& request,
                                         Diagnostics& diags) {
    Budget b{s, Where{file, s}, {}, false, {}, {}, {}, 0};
    const int start_errors = static_cast<int>(diags.error_count());
    const int header_row = request.map ? request.map->baris_judul : 0;
    const HeaderRegion region = header_region(s);
    std::optional<Columns> found = find_header(s, region, header_row);
    if (request.map) {
        // The roles the mapping does not name are still found by their header names, in the row it gives.
        Columns c = found ? *found : header_row > 0 && header_row <= static_cast<int>(s.rows.size())
                                         ? columns_of(s, region, header_row - 1, false)
                                         : Columns{};
        bool bad = false;
        for (std::size_t r = 1; r < kRoleName.size(); ++r) {
            const int col = mapped_column(*request.map, kRoleName[r], s, region, c.header_rows, diags);
            bad = bad || col == -2;
            if (col >= 0) {
                c.at[r] = col;
                std::erase_if(c.twice, [&](const auto& t) { return static_cast<std::size_t>(t.first) == r; });
            }
        }
        if (bad) return std::nullopt;
        // A mapped sheet may have no name column (the data file names every activity).
        if (c[Role::kode] >= 0 && c.money() > 0) found = c;
    }
    if (!found) {
        diags.error(sheet::cell_pos(file, s.name, 0, 0),
                    _f("sheet `{}` has no header with a code, a name and an amount (Kode, Uraian, Anggaran or Pagu, Realisasi)", s.name),
                    _("name the columns in a mapping file (--map), docs/import.md"));
        return std::nullopt;
    }
    b.cols = *found;
    for (const auto& [role, where] : b.cols.twice) {
        diags.error(b.w.at(b.cols.header_rows.back(), where.second),
                    _f("two columns of sheet `{}` read as the {}: {} and {}", s.name, kRoleName[static_cast<std::size_t>(role)],
                       sheet::column_name(where.first), sheet::column_name(where.second)),
                    _f("say which one in a mapping file (--map): `{} = \"{}\"`", kRoleName[static_cast<std::size_t>(role)],
                       sheet::column_name(where.first)));
        return std::nullopt;
    }
    b.has_perubahan_column = b.cols[Role::pagu_perubahan] >= 0;
    const int kode_col = b.cols[Role::kode], uraian_col = b.cols[Role::uraian];
    const int rows = static_cast<int>(s.rows.size());
    const int first_data = b.cols.header_rows.empty() ? 0 : b.cols.header_rows.back() + 1;

    // Which levels the sheet lists: a level it lists is the parent of the level below row by row;
    // a level it leaves out (a sheet of sub kegiatan rows only) is implied by the codes.
    std::array<bool, 4> listed{};
    std::vector<std::string> parts;
    for (int r = first_data; r < rows; ++r) {
        const int level = level_of(text_at(s, r, kode_col), parts);
        if (level >= 0 && level <= 3) listed[static_cast<std::size_t>(level)] = true;
    }

    std::map<std::string, std::size_t> by_code;
    std::array<std::size_t, 4> last{kNone, kNone, kNone, kNone};
    const auto implied = [&](auto&& self, const std::string& code, int level) -> std::size_t {
        if (auto it = by_code.find(code); it != by_code.end()) return it->second;
        Node n;
        n.kode = code;
        n.level = level;
        std::size_t parent = kNone;
        if (level >= 2) {
            std::vector<std::string> p;
            level_of(code, p);
            parent = self(self, parent_code(p, level), level - 1);
        }
        b.nodes.push_back(n);
        const std::size_t at = b.nodes.size() - 1;
        by_code[code] = at;
        if (parent != kNone) b.nodes[parent].children.push_back(at);
        else b.top.push_back(at);
        return at;
    };

    for (int r = first_data; r < rows && b.errors <= 20; ++r) {
        if (numbering_row(s, r)) continue;
        const std::string code = text_at(s, r, kode_col);
        const std::string uraian = uraian_col >= 0 ? text_at(s, r, uraian_col) : std::string();
        const Amount pagu = read_amount(b.w, r, b.cols[Role::pagu], "pagu", diags);
        const Amount perubahan = read_amount(b.w, r, b.cols[Role::pagu_perubahan], "pagu_perubahan", diags);
        const Amount realisasi = read_amount(b.w, r, b.cols[Role::realisasi], "realisasi", diags);
        if (!pagu.ok || !perubahan.ok || !realisasi.ok) {
            ++b.errors;
            continue;
        }
        const bool amounts = pagu.sen || perubahan.sen || realisasi.sen;
        const bool has_digit = std::any_of(code.begin(), code.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
        if (code.empty() || (!has_digit && !amounts)) {
            const std::string n = normalise(code.empty() ? uraian : code);
            if (total_word(n) || (code.empty() && total_word(normalise(uraian)))) {
                if (b.total.row >= 0) {
                    b.error(diags, b.w.at(r, kode_col), _f("a second total row; the first is {}", b.w.ref(b.total.row, uraian_col >= 0 ? uraian_col : kode_col)),
                            _("keep the one total of the agency and delete the subtotals"));
                    continue;
                }
                b.total = {r, pagu.sen, perubahan.sen, realisasi.sen};
            } else if (amounts) {
                b.error(diags, b.w.at(r, kode_col), _("a row with amounts but no code"),
                        _("give the row its Permendagri 90/2019 code, or delete it if it is a subtotal"));
            }
            continue;  // a heading, a note, a blank row
        }
        const int level = level_of(code, parts);
        if (level == -2) continue;  // the group of urusan ("2 URUSAN PEMERINTAHAN WAJIB …")
        if (level == 9) {           // the unit itself: its amounts are the agency's total
            if (b.total.row < 0) b.total = {r, pagu.sen, perubahan.sen, realisasi.sen};
            continue;
        }
        if (level < 0) {
            const sheet::Cell* cell = s.at(r, kode_col);
            b.error(diags, b.w.at(r, kode_col),
                    _f("`{}` does not have the shape of a Permendagri 90/2019 code (urusan X.XX, program X.XX.XX, "
                       "kegiatan X.XX.XX.X.XX, sub kegiatan X.XX.XX.X.XX.XXXX)", code),
                    cell && cell->kind == sheet::CellKind::number
                        ? _("the cell is a number, and a number loses the code's trailing zeros (3.30 becomes 3.3): "
                            "format the code column as text")
                        : _("give the code as the DPA prints it"));
            continue;
        }
        if (auto it = by_code.find(code); it != by_code.end()) {
            const Node& first = b.nodes[it->second];
            if (first.row >= 0) {
                b.error(diags, b.w.at(r, kode_col), _f("the code {} is listed twice; it is first at {}", code, b.w.ref(first.row, kode_col)),
                        _("each urusan, program, kegiatan and sub kegiatan has one row"));
                continue;
            }
        }
        std::size_t parent = kNone;
        if (level >= 1) {
            const std::string want = parent_code(parts, level);
            const auto up = static_cast<std::size_t>(level - 1);
            if (listed[up]) {
                const std::size_t above = last[up];
                if (above == kNone || b.nodes[above].kode != want) {
                    if (level > 1 || above != kNone) {
                        b.error(diags, b.w.at(r, kode_col),
                                above == kNone
                                    ? _f("{} {} comes before its {} {}", kLevel[static_cast<std::size_t>(level)], code, kLevel[up], want)
                                    : _f("{} {} is listed under {} {} ({}), not under its {} {}", kLevel[static_cast<std::size_t>(level)],
                                         code, kLevel[up], b.nodes[above].kode, b.w.ref(b.nodes[above].row, kode_col), kLevel[up], want),
                                _("a row's code starts with the code of the row it belongs to; sort the sheet by code"));
                        continue;
                    }
                }
                if (level > 1) parent = above;
            } else if (level >= 2) {
                parent = implied(implied, want, level - 1);
            }
        }
        std::size_t at = kNone;
        if (auto it = by_code.find(code); it != by_code.end()) at = it->second;  // implied before, now listed
        else {
            b.nodes.push_back(Node{});
            at = b.nodes.size() - 1;
            by_code[code] = at;
            if (parent != kNone) b.nodes[parent].children.push_back(at);
            else b.top.push_back(at);
        }
        Node& n = b.nodes[at];
        n.kode = code;
        n.level = level;
        n.nama = name_of(uraian, level);
        n.row = r;
        n.pagu = pagu.sen;
        n.pagu_perubahan = perubahan.sen;
        n.realisasi = realisasi.sen;
        last[static_cast<std::size_t>(level)] = at;
        for (std::size_t below = static_cast<std::size_t>(level) + 1; below < 4; ++below) last[below] = kNone;
    }
    if (b.errors > 20)
        diags.error(sheet::cell_pos(file, s.name, 0, 0), _f("more than 20 errors in sheet `{}`; the rest are not reported", s.name));
    if (static_cast<int>(diags.error_count()) > start_errors) return std::nullopt;
    const bool any = std::any_of(b.nodes.begin(), b.nodes.end(), [](const Node& n) { return n.level >= 1; });
    if (!any) {
        diags.error(sheet::cell_pos(file, s.name, first_data, kode_col),
                    _f("sheet `{}` has no program, kegiatan or sub kegiatan row under its header", s.name));
        return std::nullopt;
    }

    // The stated totals, compared with the leaves as `lkjip check` compares them.
    Sums agency;
    std::map<std::string, Sums> by_urusan;
    for (const Node& n : b.nodes) {
        if (n.level != 1) continue;
        const Sums sum = b.sums(n);
        agency.add(sum);
        by_urusan[n.kode.substr(0, n.kode.rfind('.'))].add(sum);
    }
    for (const Node& n : b.nodes) {
        if (n.row < 0 || b.leaf(n)) continue;
        const std::string what = fmt::format("{} {}", kLevel[static_cast<std::size_t>(n.level)], n.kode);
        if (n.level == 0 && !by_urusan.count(n.kode)) continue;  // its programs are not in the sheet
        const Sums sum = n.level == 0 ? by_urusan[n.kode] : b.sums(n);
        b.check_stated(what, n.row, sum, b.carries_pagu(n) ? std::nullopt : n.pagu, n.pagu_perubahan, n.realisasi, false,
                       n.level == 0, diags);
    }
    if (b.total.row >= 0)
        b.check_stated(_("the agency"), b.total.row, agency, b.total.pagu, b.total.pagu_perubahan, b.total.realisasi, true,
                       false, diags);

    std::string out;
    if (b.total.row >= 0 && (b.total.pagu || b.total.pagu_perubahan || b.total.realisasi)) {
        out += fmt::format("# {}\n[anggaran]\n", b.w.ref(b.total.row, kode_col));
        b.write_stated(out, b.total.pagu, b.total.pagu_perubahan, b.total.realisasi, false);
        out += '\n';
    }
    for (const Node& n : b.nodes) {
        if (n.level != 0 || n.row < 0) continue;
        out += fmt::format("# {}\n[[urusan]]\nkode = {}\n", b.w.ref(n.row, kode_col), toml_string(n.kode));
        if (!n.nama.empty()) out += fmt::format("nama = {}\n", toml_string(n.nama));
        // An urusan's stated pagu is always the pagu in force (docs/data-format.md).
        b.write_stated(out, n.pagu, n.pagu_perubahan, n.realisasi, true);
        out += '\n';
    }
    const auto emit = [&](auto&& self, const Node& n, const std::string& table) -> void {
        if (n.row >= 0) out += fmt::format("# {}\n", b.w.ref(n.row, kode_col));
        out += fmt::format("[[{}]]\nkode = {}\n", table, toml_string(n.kode));
        if (!n.nama.empty()) out += fmt::format("nama = {}\n", toml_string(n.nama));
        if (b.leaf(n) || b.carries_pagu(n)) {
            if (n.pagu) out += fmt::format("pagu = {}\n", toml_money(*n.pagu));
        }
        if (b.leaf(n)) {
            if (n.pagu_perubahan) out += fmt::format("pagu_perubahan = {}\n", toml_money(*n.pagu_perubahan));
            if (n.realisasi) out += fmt::format("realisasi = {}\n", toml_money(*n.realisasi));
        } else {
            b.write_stated(out, b.carries_pagu(n) ? std::nullopt : n.pagu, n.pagu_perubahan, n.realisasi, false);
        }
        out += '\n';
        for (std::size_t c : n.children) self(self, b.nodes[c], n.level == 1 ? "program.kegiatan" : "program.kegiatan.sub");
    };
    for (std::size_t i : b.top)
        if (b.nodes[i].level == 1) emit(emit, b.nodes[i], "program");
    return out;
}

}  // namespace lkjip::import::detail
