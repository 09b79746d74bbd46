#include "import/grid.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "data/data.hpp"

namespace lkjip::import::detail {

std::string normalise(std::string_view header) {
    std::string out;
    bool space = false;
    for (unsigned char ch : header) {
        const bool keep = ch >= 0x80 || ch == '%' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
                          (ch >= 'A' && ch <= 'Z');
        if (!keep) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    }
    return out;
}

bool has_word(const std::string& normalised, std::string_view word) {
    for (std::size_t at = normalised.find(word); at != std::string::npos; at = normalised.find(word, at + 1)) {
        const bool start = at == 0 || normalised[at - 1] == ' ';
        const std::size_t end = at + word.size();
        if (start && (end == normalised.size() || normalised[end] == ' ')) return true;
    }
    return false;
}

namespace {
std::string trimmed(std::string_view t) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!t.empty() && space(t.front())) t.remove_prefix(1);
    while (!t.empty() && space(t.back())) t.remove_suffix(1);
    // No-break spaces an export pads with.
    while (t.substr(0, 2) == "\xC2\xA0") t.remove_prefix(2);
    while (t.size() >= 2 && t.substr(t.size() - 2) == "\xC2\xA0") t.remove_suffix(2);
    return std::string(t);
}
}  // namespace

std::string text_at(const sheet::Sheet& sheet, int row, int column) {
    const sheet::Cell* c = sheet.at(row, column);
    if (!c || c->kind == sheet::CellKind::empty) return {};
    return trimmed(c->text);
}

HeaderRegion header_region(const sheet::Sheet& sheet) {
    HeaderRegion region;
    region.columns = std::min(column_count(sheet), kHeaderColumns);
    for (const auto& r : sheet.merged) {
        if (r.first_row >= kHeaderRows || r.first_column >= kHeaderColumns) continue;
        region.merged.push_back(r);
        if (region.merged.size() == kHeaderMerges) break;
    }
    return region;
}

std::string covering_text(const sheet::Sheet& sheet, const HeaderRegion& region, int row, int column, bool* from_above) {
    if (from_above) *from_above = false;
    for (const auto& r : region.merged) {
        if (row < r.first_row || row > r.last_row || column < r.first_column || column > r.last_column) continue;
        if (from_above) *from_above = r.first_row < row;
        return text_at(sheet, r.first_row, r.first_column);
    }
    return text_at(sheet, row, column);
}

int column_count(const sheet::Sheet& sheet) {
    std::size_t n = 0;
    for (const auto& r : sheet.rows) n = std::max(n, r.size());
    return static_cast<int>(n);
}

bool numbering_row(const sheet::Sheet& sheet, int row) {
    if (row < 0 || row >= static_cast<int>(sheet.rows.size())) return false;
    long expected = -1;
    int seen = 0;
    for (const auto& cell : sheet.rows[static_cast<std::size_t>(row)]) {
        if (cell.kind == sheet::CellKind::empty) continue;
        long v = 0;
        const std::string t = trimmed(cell.text);
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        if (ec != std::errc{} || end != t.data() + t.size()) return false;
        if (expected >= 0 && v != expected) return false;
        expected = v + 1;
        ++seen;
    }
    return seen >= 3;
}

namespace {

// "1234567.89" → sen; nullopt (with `why`) for more than two decimals or an amount past 10^16 rupiah.
std::optional<std::int64_t> decimal_to_sen(const std::string& decimal, std::string& why) {
    std::string_view t = decimal;
    const bool negative = !t.empty() && t.front() == '-';
    if (negative) t.remove_prefix(1);
    const std::size_t dot = t.find('.');
    std::string_view whole = t.substr(0, dot), frac = dot == std::string_view::npos ? std::string_view{} : t.substr(dot + 1);
    while (frac.size() > 2 && frac.back() == '0') frac.remove_suffix(1);
    if (frac.size() > 2) {
        why = _("more than two decimals: an amount of money is whole rupiah and sen");
        return std::nullopt;
    }
    if (whole.size() > 16) {
        why = _("the amount is too large");
        return std::nullopt;
    }
    std::int64_t rupiah = 0, sen = 0;
    if (!whole.empty()) std::from_chars(whole.data(), whole.data() + whole.size(), rupiah);
    if (!frac.empty()) {
        std::from_chars(frac.data(), frac.data() + frac.size(), sen);
        if (frac.size() == 1) sen *= 10;
    }
    const std::int64_t total = rupiah * 100 + sen;
    return negative ? -total : total;
}

// "1,234,567.89" or "1,234,567": thousands grouped by commas, as an English-locale export writes
// an amount. Only for money, where it cannot be id-ID ("1,234" would be three decimals of sen).
std::optional<std::string> english_grouped(std::string_view t) {
    std::string_view s = t;
    const bool negative = !s.empty() && s.front() == '-';
    if (negative) s.remove_prefix(1);
    const std::size_t dot = s.find('.');
    std::string_view whole = s.substr(0, dot), frac = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
    if (dot != std::string_view::npos && (frac.empty() || frac.size() > 2)) return std::nullopt;
    for (char c : frac)
        if (c < '0' || c > '9') return std::nullopt;
    std::string digits;
    std::size_t group = 0, groups = 0;
    for (char c : whole) {
        if (c == ',') {
            if ((groups == 0 && (group == 0 || group > 3)) || (groups > 0 && group != 3)) return std::nullopt;
            ++groups;
            group = 0;
        } else if (c >= '0' && c <= '9') {
            digits += c;
            ++group;
        } else {
            return std::nullopt;
        }
    }
    if (groups == 0 || group != 3) return std::nullopt;
    return (negative ? "-" : "") + digits + (frac.empty() ? "" : "." + std::string(frac));
}

bool no_value(const std::string& t) {
    return t.empty() || t == "-" || t == "\xE2\x80\x93" || t == "\xE2\x80\x94";  // - – —
}

}  // namespace

Amount read_amount(const Where& w, int row, int column, const char* what, Diagnostics& diags) {
    if (column < 0) return {};
    const sheet::Cell* c = w.sheet.at(row, column);
    if (!c || c->kind == sheet::CellKind::empty) return {};
    std::string why;
    std::optional<std::int64_t> sen;
    if (c->kind == sheet::CellKind::number) {
        if (!c->date.empty()) why = _("the cell is a date");
        else sen = decimal_to_sen(c->text, why);
    } else if (c->kind == sheet::CellKind::text) {
        const std::string t = trimmed(c->text);
        if (no_value(t)) return {};
        const auto n = sheet::parse_id_number(t);
        if (n && n->percent) why = _("it is a percentage");
        else if (n) sen = decimal_to_sen(n->decimal, why);
        if (!sen && (!n || !n->percent)) {
            if (const auto english = english_grouped(t)) {
                why.clear();
                sen = decimal_to_sen(*english, why);
            } else if (!n) {
                why = _("it is not a number");
            }
        }
    } else {
        why = c->kind == sheet::CellKind::error ? _("the cell holds a formula error") : _("it is not a number");
    }
    if (sen) return Amount{true, sen};
    diags.error(w.at(row, column), _f("`{}` in the {} column is not an amount of money: {}", c->text, what, why),
                _("write the amount in rupiah as the DPA gives it: 1.234.567.000 or 1234567000, with sen as 1.234.567,89"));
    return Amount{false, std::nullopt};
}

std::optional<std::int64_t> read_count(const Where& w, int row, int column, Diagnostics& diags) {
    const sheet::Cell* c = w.sheet.at(row, column);
    if (!c || c->kind == sheet::CellKind::empty) return 0;
    const std::string t = trimmed(c->text);
    if (c->kind == sheet::CellKind::text && no_value(t)) return 0;
    if (c->kind == sheet::CellKind::number || c->kind == sheet::CellKind::text) {
        const auto n = c->kind == sheet::CellKind::text ? sheet::parse_id_number(t) : std::optional<sheet::IdNumber>{};
        const std::string decimal = c->kind == sheet::CellKind::number ? t : n && !n->percent && !n->rupiah ? n->decimal : "";
        std::int64_t v = 0;
        const auto [end, ec] = std::from_chars(decimal.data(), decimal.data() + decimal.size(), v);
        if (!decimal.empty() && ec == std::errc{} && end == decimal.data() + decimal.size() && v >= 0 && v <= kMaxCount)
            return v;
    }
    diags.error(w.at(row, column), _f("`{}` is not a number of staff: a count is a whole number from 0 to {}", c->text, kMaxCount));
    return std::nullopt;
}

std::optional<std::string> read_value(const Where& w, int row, int column, bool& bad, Diagnostics& diags) {
    const sheet::Cell* c = w.sheet.at(row, column);
    if (!c || c->kind == sheet::CellKind::empty) return std::nullopt;
    const std::string t = trimmed(c->text);
    if (c->kind == sheet::CellKind::number && c->date.empty()) return t;
    if (c->kind == sheet::CellKind::text) {
        if (no_value(t)) return std::nullopt;
        if (const auto n = sheet::parse_id_number(t); n && !n->rupiah) {
            if (!n->percent) return n->decimal;
            // "85,6%" is the 85,6 a Persen indicator reports; the reader gives the fraction 0.856.
            std::string_view s = t;
            while (!s.empty() && (s.back() == '%' || s.back() == ' ')) s.remove_suffix(1);
            if (const auto m = sheet::parse_id_number(s); m && !m->percent) return m->decimal;
        }
    }
    bad = true;
    diags.error(w.at(row, column), _f("`{}` is not a realisasi: give the number the report prints (85,6 or 85.6)", c->text));
    return std::nullopt;
}

std::string toml_string(std::string_view text) {
    std::string out = "\"";
    for (unsigned char ch : text) {
        switch (ch) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (ch < 0x20 || ch == 0x7F) out += fmt::format("\\u{:04X}", ch);
            else out += static_cast<char>(ch);
        }
    }
    return out + "\"";
}

std::string toml_integer(std::int64_t value) {
    std::string digits = std::to_string(value < 0 ? -static_cast<unsigned long long>(value) : static_cast<unsigned long long>(value));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '_';
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}

std::string toml_money(std::int64_t sen) {
    if (sen % 100 == 0) return toml_integer(sen / 100);
    const std::int64_t a = sen < 0 ? -sen : sen;
    return fmt::format("\"{}{}.{:02}\"", sen < 0 ? "-" : "", a / 100, a % 100);
}

const std::vector<std::string>& roles_of(Layout layout) {
    static const std::vector<std::string> anggaran = {"kode", "uraian", "pagu", "pagu_perubahan", "realisasi"};
    static const std::vector<std::string> pegawai = {"unit"};
    static const std::vector<std::string> indikator = {"id", "tahun", "realisasi"};
    return layout == Layout::anggaran ? anggaran : layout == Layout::pegawai ? pegawai : indikator;
}

int mapped_column(const ColumnMap& map, std::string_view role, const sheet::Sheet& sheet, const HeaderRegion& region,
                  const std::vector<int>& header_rows, Diagnostics& diags) {
    for (const auto& choice : map.kolom) {
        if (choice.role != role) continue;
        if (!choice.letters.empty()) {
            int column = 0;
            for (char ch : choice.letters) column = column * 26 + (ch - 'A' + 1);
            return column - 1;
        }
        const std::string want = normalise(choice.header);
        const int columns = region.columns;
        for (int r : header_rows)
            for (int c = 0; c < columns; ++c)
                if (normalise(covering_text(sheet, region, r, c)) == want) return c;
        // Two header rows: the merged group above and the name below ("Anggaran Murni").
        if (header_rows.size() == 2)
            for (int c = 0; c < columns; ++c)
                if (normalise(covering_text(sheet, region, header_rows[0], c) + " " + text_at(sheet, header_rows[1], c)) == want)
                    return c;
        diags.error(choice.pos, _f("the mapping names the column `{}` for `{}`, but the header of sheet `{}` has no such column",
                                   choice.header, choice.role, sheet.name),
                    _("give the column's letter instead (`pagu = \"D\"`), or the header text as the sheet shows it"));
        return -2;
    }
    return -1;
}

std::string part_heading(const Request& request, const std::string& what) {
    std::string out = fmt::format("# {}\n", what);
    if (!request.command_line.empty()) out += fmt::format("# {}\n", _f("Made by `{}`.", request.command_line));
    out += fmt::format("# {}\n", _("Run the import again to replace this file; the data file that names it in `sertakan` "
                                   "keeps its own hand-written values."));
    return out;
}

}  // namespace lkjip::import::detail
