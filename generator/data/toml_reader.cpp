#include "data/toml_reader.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <limits>
#include <regex>
#include <set>
#include <utility>
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "common/utf8.hpp"
#include "compute/idformat.hpp"

namespace lkjip::data {

namespace fs = std::filesystem;

SourcePos pos_of(const toml::node& node) {
    const auto& src = node.source();
    return SourcePos{src.path, src.begin.line, src.begin.column};
}

std::string toml_type_name(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::table: return _("a table");
    case toml::node_type::array: return _("an array");
    case toml::node_type::string: return _("a string");
    case toml::node_type::integer: return _("an integer");
    case toml::node_type::floating_point: return _("a float");
    case toml::node_type::boolean: return _("a boolean");
    case toml::node_type::date: return _("a date");
    case toml::node_type::time: return _("a time");
    case toml::node_type::date_time: return _("a date-time");
    default: return _("nothing");
    }
}

TableReader::TableReader(const toml::table& table, std::string where, Diagnostics& diags)
    : table_(table), where_(std::move(where)), diags_(diags) {}

const toml::node* TableReader::get(std::string_view key) {
    used_.emplace(key);
    return table_.get(key);
}

void TableReader::missing(std::string_view key) {
    diags_.error(pos(), _f("{} is missing the required key `{}`", where_, key));
}

void TableReader::wrong_type(const toml::node& node, std::string_view key, std::string_view expected) {
    diags_.error(pos_of(node), _f("`{}` in {} must be {}, found {}", key, where_, expected,
                                           toml_type_name(node)));
}

OptText TableReader::opt_string(std::string_view key) {
    const toml::node* n = get(key);
    if (!n) return std::nullopt;
    if (const auto* s = n->as_string()) return Text{s->get(), pos_of(*n)};
    wrong_type(*n, key, _("a string"));
    return std::nullopt;
}

Text TableReader::string(std::string_view key) {
    if (!table_.contains(key)) {
        used_.emplace(key);
        missing(key);
        return Text{{}, pos()};
    }
    auto t = opt_string(key);
    if (t && t->value.find_first_not_of(" \t\r\n") == std::string::npos) {
        diags_.error(t->pos, _f("`{}` in {} must not be empty", key, where_));
    }
    return t ? *t : Text{{}, pos()};
}

// Relative paths are relative to the file the value was written in, so a region file that sets
// the pemda logo can live in another folder than the dinas files that extend it.
static Text resolve_relative(Text t) {
    fs::path p(t.value);
    if (p.is_relative() && t.pos.file) {
        p = fs::path(*t.pos.file).parent_path() / p;
        t.value = p.lexically_normal().string();
    }
    return t;
}

OptText TableReader::opt_path(std::string_view key) {
    auto t = opt_string(key);
    if (!t) return t;
    if (t->value.empty()) {
        diags_.error(t->pos, _f("`{}` in {} must not be empty", key, where_));
        return std::nullopt;
    }
    return resolve_relative(*t);
}

Text TableReader::path(std::string_view key) {
    Text t = string(key);
    return t.value.empty() ? t : resolve_relative(t);
}

std::vector<Text> TableReader::string_list(std::string_view key, bool required) {
    std::vector<Text> out;
    const toml::node* n = get(key);
    if (!n) {
        if (required) missing(key);
        return out;
    }
    const auto* arr = n->as_array();
    if (!arr) {
        wrong_type(*n, key, _("an array of strings"));
        return out;
    }
    for (const auto& el : *arr) {
        if (const auto* s = el.as_string()) {
            out.push_back(Text{s->get(), pos_of(el)});
        } else {
            diags_.error(pos_of(el), _f("every item of `{}` in {} must be a string, found {}",
                                                 key, where_, toml_type_name(el)));
        }
    }
    return out;
}

std::optional<Located<std::int64_t>> TableReader::opt_integer(std::string_view key, std::int64_t min,
                                                              std::int64_t max) {
    const toml::node* n = get(key);
    if (!n) return std::nullopt;
    const auto* i = n->as_integer();
    if (!i) {
        wrong_type(*n, key, _("an integer"));
        return std::nullopt;
    }
    const std::int64_t v = i->get();
    if (v < min || v > max) {
        diags_.error(pos_of(*n), _f("`{}` in {} must be between {} and {}, found {}", key,
                                             where_, min, max, v));
        return std::nullopt;
    }
    return Located<std::int64_t>{v, pos_of(*n)};
}

Located<std::int64_t> TableReader::integer(std::string_view key, std::int64_t min, std::int64_t max) {
    if (!table_.contains(key)) {
        used_.emplace(key);
        missing(key);
        return {min, pos()};
    }
    auto v = opt_integer(key, min, max);
    return v ? *v : Located<std::int64_t>{min, pos()};
}

std::vector<Located<std::int64_t>> TableReader::integer_list(std::string_view key, std::int64_t min,
                                                             std::int64_t max) {
    std::vector<Located<std::int64_t>> out;
    const toml::node* n = get(key);
    if (!n) {
        missing(key);
        return out;
    }
    const auto* arr = n->as_array();
    if (!arr) {
        wrong_type(*n, key, _("an array of integers"));
        return out;
    }
    for (const auto& el : *arr) {
        const auto* i = el.as_integer();
        if (!i) {
            diags_.error(pos_of(el), _f("every item of `{}` in {} must be an integer, found {}",
                                                 key, where_, toml_type_name(el)));
            continue;
        }
        if (i->get() < min || i->get() > max) {
            diags_.error(pos_of(el), _f("items of `{}` in {} must be between {} and {}, found {}",
                                                 key, where_, min, max, i->get()));
            continue;
        }
        out.push_back({i->get(), pos_of(el)});
    }
    return out;
}

// A number for a target or realisation: int or float, never nan/inf (DOMAIN.md: every value
// must be a real measurement; 1e400 is already refused by the TOML parser as out of range).
static std::optional<double> finite_number(const toml::node& n) {
    if (const auto* i = n.as_integer()) return static_cast<double>(i->get());
    if (const auto* f = n.as_floating_point()) {
        if (std::isfinite(f->get())) return f->get();
    }
    return std::nullopt;
}

std::optional<Located<double>> TableReader::opt_number(std::string_view key) {
    const toml::node* n = get(key);
    if (!n) return std::nullopt;
    if (auto v = finite_number(*n)) return Located<double>{*v, pos_of(*n)};
    if (n->is_floating_point()) {
        diags_.error(pos_of(*n), _f("`{}` in {} must be a finite number, found {}", key,
                                             where_, n->as_floating_point()->get()));
    } else {
        wrong_type(*n, key, _("a number"));
    }
    return std::nullopt;
}

std::optional<Located<double>> TableReader::opt_number_in(std::string_view key, double min, double max) {
    auto v = opt_number(key);
    if (v && (v->value < min || v->value > max)) {
        diags_.error(v->pos, _f("`{}` in {} must be between {} and {}, found {}", key, where_,
                                         min, max, v->value));
        return std::nullopt;
    }
    return v;
}

Located<double> TableReader::number(std::string_view key) {
    if (!table_.contains(key)) {
        used_.emplace(key);
        missing(key);
        return {0.0, pos()};
    }
    auto v = opt_number(key);
    return v ? *v : Located<double>{0.0, pos()};
}

std::optional<bool> TableReader::opt_bool(std::string_view key) {
    const toml::node* n = get(key);
    if (!n) return std::nullopt;
    if (const auto* b = n->as_boolean()) return b->get();
    wrong_type(*n, key, _("true or false"));
    return std::nullopt;
}

std::optional<Located<Date>> TableReader::date(std::string_view key, bool required) {
    const toml::node* n = get(key);
    if (!n) {
        if (required) missing(key);
        return std::nullopt;
    }
    const auto* d = n->as_date();
    if (!d) {
        wrong_type(*n, key, _("a date such as 2025-02-26 (without quotes)"));
        return std::nullopt;
    }
    const toml::date v = d->get();
    return Located<Date>{Date{v.year, v.month, v.day}, pos_of(*n)};
}

std::optional<Located<Money>> TableReader::opt_money(std::string_view key) {
    const toml::node* n = get(key);
    if (!n) return std::nullopt;
    std::string error;
    if (auto m = parse_money(*n, error)) return Located<Money>{*m, pos_of(*n)};
    std::string hint = _("write whole rupiah as an integer (19_341_510_000) or sen as a string (\"1234.56\")");
    if (const auto* f = n->as_floating_point()) {
        // `pagu = 1.500`: one dot between the thousands is valid TOML, read as 1.5. An amount below
        // 1000 rupiah with a fraction of up to three digits is that slip (issue 16): one dot
        // groups at most 999.999, and a pagu of a few rupiah is no budget.
        const double thousand = f->get() * 1000;
        // 37.912 is not exact in binary: 37.912 * 1000 is within a rounding error of 37912.
        if (std::fabs(f->get()) < 1000 && std::fabs(thousand - std::round(thousand)) < 1e-6 &&
            f->get() != std::round(f->get())) {
            const std::string digits = fmt::format("{}", std::llround(std::fabs(thousand)));
            std::string grouped;
            for (std::size_t i = 0; i < digits.size(); ++i) {
                if (i > 0 && (digits.size() - i) % 3 == 0) grouped += '_';
                grouped += digits[i];
            }
            const std::string sign = thousand < 0 ? "-" : "";
            hint = _f("a dot between the thousands is a decimal point in TOML (it read {}): for {}{} rupiah write {}{} or {}{}",
                               f->get(), sign, digits, sign, digits, sign, grouped);
        }
    }
    diags_.error(pos_of(*n), fmt::format("`{}` in {}: {}", key, where_, error), hint);
    return std::nullopt;
}

YearValues TableReader::years(std::string_view key, bool required) {
    YearValues out;
    const toml::node* n = get(key);
    if (!n) {
        if (required) missing(key);
        out.pos = pos();
        return out;
    }
    out.pos = pos_of(*n);
    const auto* t = n->as_table();
    if (!t) {
        wrong_type(*n, key, _("a table of years, such as { 2023 = 85.5, 2024 = 86 }"));
        return out;
    }
    for (const auto& [k, v] : *t) {
        int year = 0;
        const std::string_view ks = k.str();
        auto [ptr, ec] = std::from_chars(ks.data(), ks.data() + ks.size(), year);
        const SourcePos kpos{k.source().path, k.source().begin.line, k.source().begin.column};
        if (ec != std::errc{} || ptr != ks.data() + ks.size() || year < 1900 || year > 2200) {
            diags_.error(kpos.known() ? kpos : pos_of(v),
                         _f("`{}` in {}: key `{}` is not a year", key, where_, ks));
            continue;
        }
        if (auto num = finite_number(v)) {
            out.by_year[year] = Located<double>{*num, pos_of(v)};
        } else {
            diags_.error(pos_of(v), _f("`{}.{}` in {} must be a finite number, found {}", key,
                                                year, where_, toml_type_name(v)));
        }
    }
    return out;
}

std::optional<Located<std::size_t>> TableReader::choice(std::string_view key,
                                                        const std::vector<std::string>& choices) {
    auto t = opt_string(key);
    if (!t) return std::nullopt;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (choices[i] == t->value) return Located<std::size_t>{i, t->pos};
    }
    std::string list;
    for (const auto& c : choices) list += (list.empty() ? "" : ", ") + ("`" + c + "`");
    const std::string near = closest_match(t->value, choices);
    diags_.error(t->pos, _f("unknown {} `{}` in {}; expected one of {}", key, t->value, where_, list),
                 near.empty() ? std::string{} : _f("did you mean `{}`?", near));
    return std::nullopt;
}

const toml::table* TableReader::opt_table(std::string_view key) {
    const toml::node* n = get(key);
    if (!n) return nullptr;
    if (const auto* t = n->as_table()) return t;
    wrong_type(*n, key, _("a table"));
    return nullptr;
}

std::vector<const toml::table*> TableReader::table_array(std::string_view key, bool required) {
    std::vector<const toml::table*> out;
    const toml::node* n = get(key);
    if (!n) {
        if (required) missing(key);
        return out;
    }
    const auto* arr = n->as_array();
    if (!arr) {
        wrong_type(*n, key, _f("an array of tables (write it as [[{}]])", key));
        return out;
    }
    for (const auto& el : *arr) {
        if (const auto* t = el.as_table()) {
            out.push_back(t);
        } else {
            diags_.error(pos_of(el), _f("every item of `{}` in {} must be a table, found {}", key,
                                                 where_, toml_type_name(el)));
        }
    }
    return out;
}

bool same_value(const toml::node& a, const toml::node& b) {
    if (a.type() != b.type()) return false;
    switch (a.type()) {
    case toml::node_type::table: {
        const auto& ta = *a.as_table();
        const auto& tb = *b.as_table();
        if (ta.size() != tb.size()) return false;
        for (const auto& [k, v] : ta) {
            const toml::node* w = tb.get(k);
            if (!w || !same_value(v, *w)) return false;
        }
        return true;
    }
    case toml::node_type::array: {
        const auto& aa = *a.as_array();
        const auto& ab = *b.as_array();
        if (aa.size() != ab.size()) return false;
        for (std::size_t i = 0; i < aa.size(); ++i)
            if (!same_value(aa[i], ab[i])) return false;
        return true;
    }
    case toml::node_type::string: return a.as_string()->get() == b.as_string()->get();
    case toml::node_type::integer: return a.as_integer()->get() == b.as_integer()->get();
    case toml::node_type::floating_point: return a.as_floating_point()->get() == b.as_floating_point()->get();
    case toml::node_type::boolean: return a.as_boolean()->get() == b.as_boolean()->get();
    case toml::node_type::date: return a.as_date()->get() == b.as_date()->get();
    case toml::node_type::time: return a.as_time()->get() == b.as_time()->get();
    case toml::node_type::date_time: return a.as_date_time()->get() == b.as_date_time()->get();
    default: return false;
    }
}

// Keys of the top level of a data file (docs/data-format.md), for the hint below.
static bool is_top_level_key(std::string_view key) {
    static const std::set<std::string, std::less<>> keys = {
        "extends", "sertakan", "laporan", "pemda", "instansi", "pimpinan", "pengaturan", "gaya", "dasar_hukum", "isu_strategis",
        "langkah_ke_depan", "organisasi", "pegawai", "sarana", "renstra", "indikator", "urusan", "program", "anggaran",
        "prestasi", "inovasi", "pk", "keputusan_iku", "evaluasi_akip", "tabel_rujukan"};
    return keys.count(key) > 0;
}

void TableReader::finish() {
    std::vector<std::string> known(used_.begin(), used_.end());
    for (const auto& [k, v] : table_) {
        if (used_.count(k.str())) continue;
        const std::string near = closest_match(std::string(k.str()), known);
        const SourcePos kpos{k.source().path, k.source().begin.line, k.source().begin.column};
        std::string hint = near.empty() ? std::string{} : _f("did you mean `{}`?", near);
        if (hint.empty() && is_top_level_key(k.str()) && where_ != _("the data file")) {
            // The commonest TOML slip: a key written after a [table] header belongs to that table.
            hint = _f("`{}` is a top-level key: move it above the first [table] header of the file", k.str());
        }
        if (hint.empty() && !known.empty()) {
            // No key is near enough to be the one meant: the keys this table takes, so the user
            // picks one instead of guessing again (issue 16).
            std::string list;
            for (const auto& key : known) list += (list.empty() ? "`" : ", `") + key + "`";
            hint = _f("the keys of {} are {}", where_, list);
        }
        diags_.error(kpos.known() ? kpos : pos_of(v), _f("unknown key `{}` in {}", k.str(), where_), hint);
    }
}

// ---- money -------------------------------------------------------------------------------

// One amount may reach 10^16 rupiah (10^18 sen, below INT64_MAX = 9.22·10^18); sums are
// checked for overflow where they are made (compute/budget).
constexpr std::int64_t kMaxSen = 1'000'000'000'000'000'000;

std::optional<Money> parse_money(const toml::node& node, std::string& error) {
    if (const auto* i = node.as_integer()) {
        const std::int64_t v = i->get();
        if (v > kMaxSen / 100 || v < -kMaxSen / 100) {
            error = _f("{} is beyond the largest amount lkjip handles ({} rupiah)", v, kMaxSen / 100);
            return std::nullopt;
        }
        return Money{v * 100};
    }
    if (const auto* s = node.as_string()) return parse_money_text(s->get(), error);
    if (node.is_floating_point()) {
        error = _("money must be exact, not a float (a float cannot hold every sen)");
    } else {
        error = _f("money must be an integer or a string, found {}", toml_type_name(node));
    }
    return std::nullopt;
}

// Accepts "1234567", "1234567.89", "1.234.567", "1.234.567,89" and a leading '-'.
std::optional<Money> parse_money_text(std::string_view text, std::string& error) {
    std::string_view t = text;
    bool negative = false;
    if (!t.empty() && t.front() == '-') {
        negative = true;
        t.remove_prefix(1);
    }
    // id-ID style when there is a comma, or when the last dot is followed by exactly three
    // digits ("1.234" is one thousand two hundred and thirty-four rupiah, never 1,234 rupiah).
    const bool id_style = t.find(',') != std::string_view::npos ||
                          (t.find('.') != std::string_view::npos && t.size() - t.rfind('.') == 4);
    const char decimal_mark = id_style ? ',' : '.';
    const std::size_t mark = t.find(decimal_mark);
    std::string_view whole = t.substr(0, mark);
    std::string_view frac = mark == std::string_view::npos ? std::string_view{} : t.substr(mark + 1);
    auto bad = [&](const std::string& why) {
        error = _f("`{}` is not an amount of money: {}", text, why);
        return std::nullopt;
    };
    if (whole.empty()) return bad(_("no digits before the decimal mark"));
    if (frac.size() > 2 || (mark != std::string_view::npos && frac.empty()))
        return bad(_("at most two decimals (sen) after the decimal mark"));
    std::string digits;
    std::size_t group = 0;
    bool grouped = false;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        const char c = whole[i];
        if (c >= '0' && c <= '9') {
            digits += c;
            ++group;
        } else if (c == '.' && id_style) {
            if ((grouped && group != 3) || (!grouped && (group == 0 || group > 3)))
                return bad(_("thousands separators must group three digits"));
            grouped = true;
            group = 0;
        } else {
            return bad(_f("unexpected character '{}'", c));
        }
    }
    if (grouped && group != 3) return bad(_("thousands separators must group three digits"));
    for (char c : frac) {
        if (c < '0' || c > '9') return bad(_f("unexpected character '{}'", c));
    }
    if (digits.size() > 16) return bad(_("the amount is too large"));
    std::int64_t rupiah = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), rupiah);
    std::int64_t sen = 0;
    if (!frac.empty()) {
        std::from_chars(frac.data(), frac.data() + frac.size(), sen);
        if (frac.size() == 1) sen *= 10;
    }
    const std::int64_t total = rupiah * 100 + sen;
    if (total > kMaxSen) return bad(_("the amount is too large"));
    return Money{negative ? -total : total};
}

}  // namespace lkjip::data

// ---- syntax errors in the user's terms (issue 16) ------------------------------------------

namespace lkjip::data {

namespace {

// A data line is a key and a value of a few dozen characters: the explanations look at this much
// of the line where the parser stopped, so a hostile line of megabytes costs no more (issue 18:
// bounded time; std::regex recurses per character matched).
constexpr std::size_t kHintLineBytes = 512;

using Explained = std::optional<std::pair<std::string, std::string>>;  // message, hint

std::uint32_t column_of_byte(std::string_view line, std::size_t byte) {
    std::uint32_t col = 1;
    for (std::size_t i = 0; i < byte && i < line.size(); ++i) {
        if (!utf8::is_continuation(line[i])) ++col;
    }
    return col;
}

// The byte offset of 1-based code-point column `column` in `line` (its end when past it).
std::size_t byte_of_column(std::string_view line, std::uint32_t column) {
    std::uint32_t col = 1;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (utf8::is_continuation(line[i])) continue;
        if (col == column) return i;
        ++col;
    }
    return line.size();
}

std::string_view line_at(std::string_view text, std::uint32_t line) {
    std::size_t start = 0;
    for (std::uint32_t l = 1; l < line; ++l) {
        const std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) return {};
        start = nl + 1;
    }
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view s = text.substr(start, end - start);
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    return s;
}

std::string trim(std::string_view s) {
    const std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    const std::size_t e = s.find_last_not_of(" \t");
    return std::string(s.substr(b, e - b + 1));
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// 37912400 -> 37_912_400 (the digit grouping TOML has).
std::string underscored(const std::string& digits) {
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += '_';
        out += digits[i];
    }
    return out;
}

std::string without(std::string s, std::string_view chars) {
    std::erase_if(s, [&](char c) { return chars.find(c) != std::string_view::npos; });
    return s;
}

// "write 37912400 or 37_912_400", "write 1234.5 or 1_234.5": a whole part of several digits
// gets its grouped spelling too.
std::string write_number(const std::string& sign, const std::string& whole, const std::string& frac) {
    const std::string tail = frac.empty() ? std::string() : "." + frac;
    const std::string plain = sign + whole + tail;
    if (whole.size() <= 3) return _f("write {}", plain);
    return _f("write {} or {}{}{}", plain, sign, underscored(whole), tail);
}

// A number as a planner writes it (85,5; 1.234,56; 37.912.400; 37,912,400) in TOML's spelling.
std::string toml_number(std::string n) {
    std::string sign;
    if (!n.empty() && (n[0] == '-' || n[0] == '+')) {
        sign = n.substr(0, 1);
        n.erase(0, 1);
    }
    n = without(n, "_");
    const std::size_t commas = static_cast<std::size_t>(std::count(n.begin(), n.end(), ','));
    const std::size_t dots = static_cast<std::size_t>(std::count(n.begin(), n.end(), '.'));
    if (commas == 1 && (dots == 0 || n.rfind('.') < n.find(','))) {
        const std::size_t c = n.find(',');
        return sign + without(n.substr(0, c), ".") + "." + n.substr(c + 1);
    }
    if (commas > 1) return sign + without(n, ",");
    if (dots > 1) return sign + without(n, ".");
    return sign + n;
}

struct MonthName {
    const char* name;
    int month;
};

int month_of(const std::string& word) {
    static const MonthName names[] = {
        {"januari", 1}, {"jan", 1}, {"februari", 2}, {"feb", 2}, {"pebruari", 2}, {"maret", 3}, {"mar", 3},
        {"april", 4}, {"apr", 4}, {"mei", 5}, {"juni", 6}, {"jun", 6}, {"juli", 7}, {"jul", 7}, {"agustus", 8},
        {"agu", 8}, {"agt", 8}, {"ags", 8}, {"september", 9}, {"sep", 9}, {"sept", 9}, {"oktober", 10},
        {"okt", 10}, {"november", 11}, {"nov", 11}, {"nopember", 11}, {"desember", 12}, {"des", 12},
        {"january", 1}, {"february", 2}, {"march", 3}, {"may", 5}, {"june", 6}, {"july", 7}, {"august", 8},
        {"aug", 8}, {"october", 10}, {"oct", 10}, {"december", 12}, {"dec", 12}};
    const std::string w = lower(word);
    for (const auto& m : names) {
        if (w == m.name) return m.month;
    }
    return 0;
}

Explained date_hint(const std::string& token, int y, int m, int d, const char* how) {
    if (!idfmt::tanggal_valid(y, m, d)) return std::nullopt;
    return std::pair{_f("`{}` is a date written {}", token, how),
                     _f("write {:04}-{:02}-{:02} (year-month-day, without quotes)", y, m, d)};
}

// The value that begins `v` (a position after `=`, `[`, `,` or `{`, blanks skipped), or nothing.
// `key`: the key whose value it is; `after_key`: `v` is the value of a key (after its `=`), where
// a word can only be text without quotes.
Explained explain_value(std::string_view v, const std::string& key, bool after_key) {
    // Where a value ends: the line, a comment, or the `,` `]` `}` of an array or table (a comma
    // before a digit is part of the number: 1.500.000,50).
    static const std::string end = R"((?=[ \t]*(?:$|,(?![0-9])|[\]}#])))";
    const std::string s(v);
    std::smatch m;
    const auto match = [&](const std::regex& re) { return std::regex_search(s, m, re, std::regex_constants::match_continuous); };

    // “…” and ‘…’: a word processor's quotes, pasted.
    for (const char* open : {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99"}) {
        if (s.rfind(open, 0) != 0) continue;
        std::size_t close = std::string::npos;
        for (const char* c : {"\xE2\x80\x9D", "\xE2\x80\x9C", "\xE2\x80\x99", "\xE2\x80\x98"}) close = std::min(close, s.find(c, 3));
        const std::string message = _f("`{}` is a curly quote; text is written between straight quotes (\")", open);
        if (close == std::string::npos) return std::pair{message, std::string(_("write \" (the straight quote) in place of “ and ”"))};
        return std::pair{message, _f("write \"{}\"", s.substr(3, close - 3))};
    }

    static const std::regex rupiah(R"(^(?:Rp|RP|rp|IDR)\.?[ \t]*([0-9][0-9.,]*?)(,-)?)" + end);
    if (match(rupiah)) {
        std::string amount = m[1].str();
        std::string frac;
        if (const std::size_t c = amount.rfind(','); c != std::string::npos && amount.size() - c <= 3 && amount.size() - c >= 2) {
            frac = amount.substr(c + 1);
            amount.erase(c);
        }
        const std::string whole = without(amount, ".,");
        const std::string message = _f("`{}` is an amount written with `Rp`; amounts are plain numbers of rupiah", m[0].str());
        if (frac.find_first_not_of('0') == std::string::npos)
            return std::pair{message, write_number("", whole, "")};
        return std::pair{message, _f("write \"{}.{}\" (an amount with sen is written as a string)", whole, frac)};
    }

    static const std::regex percent(R"(^([+-]?[0-9][0-9.,_]*)[ \t]*%)" + end);
    if (match(percent)) {
        return std::pair{_f("`{}` is written with a percent sign; a value is a plain number", m[0].str()),
                         _f("write {} (the indicator's `satuan` says it is a percentage)", toml_number(m[1].str()))};
    }

    static const std::regex dmy(R"(^([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4}))" + end);
    static const std::regex ymd(R"(^([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2}))" + end);
    static const std::regex words(R"(^([0-9]{1,2})[ \t]+([A-Za-z]+)[ \t]+([0-9]{4}))" + end);
    if (match(dmy)) return date_hint(m[0].str(), std::stoi(m[4].str()), std::stoi(m[3].str()), std::stoi(m[1].str()), _("day-month-year"));
    if (match(ymd)) return date_hint(m[0].str(), std::stoi(m[1].str()), std::stoi(m[3].str()), std::stoi(m[4].str()), _("with other separators or without leading zeros"));
    if (match(words) && month_of(m[2].str()) > 0)
        return date_hint(m[0].str(), std::stoi(m[3].str()), month_of(m[2].str()), std::stoi(m[1].str()), _("in words"));


    static const std::regex dots(R"(^([+-]?)([0-9]{1,3}(?:\.[0-9]{3})+)(?:,([0-9]+))?)" + end);
    if (match(dots) && (m[3].matched || std::count(m[2].first, m[2].second, '.') > 1)) {
        return std::pair{_f("`{}` is written with dots between the thousands", m[0].str()),
                         write_number(m[1].str(), without(m[2].str(), "."), m[3].str())};
    }
    static const std::regex commas(R"(^([+-]?)([0-9]{1,3}(?:,[0-9]{3}){2,})(?:\.([0-9]+))?)" + end);
    if (match(commas)) {
        return std::pair{_f("`{}` is written with commas between the thousands", m[0].str()),
                         write_number(m[1].str(), without(m[2].str(), ","), m[3].str())};
    }
    static const std::regex decimal_comma(R"(^([+-]?)([0-9]+),([0-9]+))" + end);
    if (match(decimal_comma)) {
        const std::string message = _f("`{}` is written with a decimal comma", m[0].str());
        const std::string point = m[1].str() + m[2].str() + "." + m[3].str();
        if (m[2].length() <= 3 && m[3].length() == 3)
            return std::pair{message, _f("write {} (a decimal point), or {}{}{} if it is a thousand", point, m[1].str(), m[2].str(), m[3].str())};
        return std::pair{message, _f("write {}", point)};
    }
    static const std::regex spaced(R"(^[0-9]+(?:[ \t]+[0-9]+)+)" + end);
    if (match(spaced)) {
        if (lower(key).find("nip") != std::string::npos)
            return std::pair{std::string(_("a NIP is text: it is written in quotes")), _f("write {} = \"{}\"", key, m[0].str())};
        static const std::regex thousands(R"(^[0-9]{1,3}(?: [0-9]{3})+$)");
        if (std::regex_match(m[0].str(), thousands))
            return std::pair{_f("`{}` is written with spaces between the thousands", m[0].str()),
                             write_number("", without(m[0].str(), " "), "")};
        return std::pair{_f("`{}` is several numbers, not one", m[0].str()),
                         _f("write \"{}\" in quotes if it is a code or a number with its spaces", m[0].str())};
    }
    static const std::regex leading_zero(R"(^0[0-9]+)" + end);
    if (match(leading_zero)) {
        return std::pair{_f("`{}` starts with 0, which a number does not", m[0].str()),
                         _f("write \"{}\" in quotes if it is a code or a telephone number, or {} if it is a number",
                                     m[0].str(), m[0].str().substr(m[0].str().find_first_not_of('0') == std::string::npos ? m[0].length() - 1 : m[0].str().find_first_not_of('0')))};
    }
    static const std::regex word(R"(^[A-Za-z]+)" + end);
    if (match(word)) {
        static const std::set<std::string, std::less<>> yes = {"ya", "iya", "y", "yes", "benar", "betul", "true", "on"};
        static const std::set<std::string, std::less<>> no = {"tidak", "tdk", "bukan", "no", "n", "salah", "false", "off"};
        const std::string w = lower(m[0].str());
        if (yes.count(w) || no.count(w)) {
            return std::pair{_f("`{}` is not a yes/no value of TOML, which are true and false", m[0].str()),
                             _f("write {} (in lower case, without quotes)", yes.count(w) ? "true" : "false")};
        }
    }
    // A word where a value begins: text without its quotes (`nama = Dinas Perdagangan`).
    const unsigned char first = s.empty() ? 0 : static_cast<unsigned char>(s[0]);
    if (after_key && (std::isalpha(first) || first >= 0x80)) {
        std::string text = s.substr(0, s.find('#'));
        if (const std::size_t stop = text.find_first_of(",}]"); stop != std::string::npos) text.erase(stop);
        text = trim(text);
        const char quote = text.find('"') != std::string::npos && text.find('\'') == std::string::npos ? '\'' : '"';
        return std::pair{std::string(_("text is written in quotes")),
                         key.empty() ? _f("write {}{}{}", quote, text, quote)
                                     : _f("write {} = {}{}{}", key, quote, text, quote)};
    }
    return std::nullopt;
}

// The bare key written just before the `=` at `eq` ("" when it is quoted or dotted oddly).
std::string key_before(std::string_view line, std::size_t eq) {
    std::size_t e = eq;
    while (e > 0 && (line[e - 1] == ' ' || line[e - 1] == '\t')) --e;
    std::size_t b = e;
    while (b > 0 && (std::isalnum(static_cast<unsigned char>(line[b - 1])) || line[b - 1] == '_' || line[b - 1] == '-')) --b;
    return std::string(line.substr(b, e - b));
}

struct OpenString {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string quote;
};

// The string open where the parser stopped: the text is walked as TOML's lexer walks strings and
// comments, up to the line of the error. A one-line string must close on its line, a multi-line
// one before the end of the file.
std::optional<OpenString> open_string(std::string_view text, std::uint32_t error_line) {
    enum class State { code, comment, basic, literal, ml_basic, ml_literal } state = State::code;
    std::uint32_t line = 1, column = 1;
    OpenString open;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        const auto starts = [&](std::string_view w) { return text.substr(i, w.size()) == w; };
        std::size_t step = 1;
        const auto begin = [&](State s, const char* quote) {
            state = s;
            open = OpenString{line, column, quote};
            step = std::string_view(quote).size();
        };
        switch (state) {
        case State::code:
            if (c == '#') state = State::comment;
            else if (starts("\"\"\"")) begin(State::ml_basic, "\"\"\"");
            else if (starts("'''")) begin(State::ml_literal, "'''");
            else if (c == '"') begin(State::basic, "\"");
            else if (c == '\'') begin(State::literal, "'");
            break;
        case State::comment:
            if (c == '\n') state = State::code;
            break;
        case State::basic:
        case State::literal:
            if (c == '\n' || (c == '\r' && starts("\r\n"))) return open.line == error_line ? std::optional(open) : std::nullopt;
            if (state == State::basic && c == '\\') step = 2;
            else if (c == open.quote[0]) state = State::code;
            break;
        case State::ml_basic:
            if (c == '\\') step = 2;
            else if (starts("\"\"\"")) {
                state = State::code;
                step = 3;
            }
            break;
        case State::ml_literal:
            if (starts("'''")) {
                state = State::code;
                step = 3;
            }
            break;
        }
        for (std::size_t k = 0; k < step && i < text.size(); ++k, ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else if (!utf8::is_continuation(text[i])) {
                ++column;
            }
        }
        // Past the error with no string open there: the error is something else.
        if (line > error_line && state != State::ml_basic && state != State::ml_literal) return std::nullopt;
    }
    if (state == State::code || state == State::comment) return std::nullopt;
    return open;
}

}  // namespace

std::optional<SyntaxHint> explain_syntax_error(std::string_view text, std::uint32_t line, std::uint32_t column,
                                               std::string_view description) {
    const auto has = [&](std::string_view w) { return description.find(w) != std::string_view::npos; };
    if (line == 0) return std::nullopt;
    if (has("invalid utf-8") || has("invalid UTF-8")) {
        // The parser reports where it was; the byte that is not UTF-8 may be the next one.
        std::string_view l = line_at(text, line);
        if (l.size() > kHintLineBytes) l = l.substr(0, kHintLineBytes);
        if (const std::size_t bad = utf8::first_invalid(l); bad != std::string_view::npos) column = column_of_byte(l, bad);
        return SyntaxHint{line, column, _("this byte is not UTF-8: the file was saved in another encoding"),
                          _("save the file as UTF-8 (\"Save as\", encoding UTF-8, in the editor or spreadsheet that wrote it)")};
    }
    if (has("unknown escape sequence")) {  // i18n: not a message (toml++'s description)
        const std::string_view l = line_at(text, line);
        const std::size_t b = byte_of_column(l, column);
        const std::string escape = b > 0 && b <= l.size() ? std::string(l.substr(b - 1, std::min<std::size_t>(2, l.size() - b + 1))) : "\\";
        return SyntaxHint{line, column > 1 ? column - 1 : column,
                          _f("`{}` is not an escape: in text between \"…\" a backslash starts one", escape),
                          _("write a path with / (foto/logo.png), or put the text between single quotes ('…'), where \\ is itself")};
    }
    if (has("string") || has("end-of-file")) {  // i18n: not a message (toml++'s description)
        if (auto open = open_string(text, line)) {
            const bool multi = open->quote.size() == 3;
            std::string hint = multi ? _f("end it with {}; the file ends before one", open->quote)
                                     : _f("end it with {} on line {}; text of several lines goes between {}{}{} and {}{}{}",
                                                   open->quote, open->line, open->quote, open->quote, open->quote,
                                                   open->quote, open->quote, open->quote);
            return SyntaxHint{open->line, open->column,
                              _f("the string that begins on line {} has no closing {}", open->line, open->quote),
                              std::move(hint)};
        }
    }

    std::string_view l = line_at(text, line);
    if (l.size() > kHintLineBytes) l = l.substr(0, kHintLineBytes);
    const std::size_t err = byte_of_column(l, column);
    // The delimiters of the line outside quotes, up to where the parser stopped.
    std::vector<std::size_t> starts;  // positions after `=`, `[`, `,`, `{`
    std::size_t first_eq = std::string_view::npos;
    char quote = 0;
    for (std::size_t i = 0; i < l.size(); ++i) {
        const char c = l[i];
        if (quote) {
            if (c == '\\' && quote == '"') ++i;
            else if (c == quote) quote = 0;
            continue;
        }
        if (c == '"' || c == '\'') quote = c;
        else if (c == '#') break;
        else if (c == '=' || c == '[' || c == ',' || c == '{') {
            if (c == '=' && first_eq == std::string_view::npos) first_eq = i;
            if (i < err) starts.push_back(i + 1);
        }
    }
    const std::string line_text = trim(l);
    const bool header = !line_text.empty() && line_text[0] == '[';
    if (!header && (first_eq == std::string_view::npos || err <= first_eq)) {
        static const std::regex spaced_key(R"(^[ \t]*([A-Za-z0-9_-]+(?:[ \t]+[A-Za-z0-9_-]+)+)[ \t]*=)");
        static const std::regex colon(R"(^[ \t]*([A-Za-z0-9_.-]+)[ \t]*:[ \t]*(.*)$)");
        std::smatch m;
        const std::string s(l);
        if (std::regex_search(s, m, spaced_key)) {
            std::string joined;
            for (char c : m[1].str()) {
                if (c == ' ' || c == '\t') {
                    if (!joined.empty() && joined.back() != '_') joined += '_';
                } else {
                    joined += c;
                }
            }
            return SyntaxHint{line, column_of_byte(l, static_cast<std::size_t>(m.position(1))),
                              _f("a key is one word: `{}` has a space", m[1].str()), _f("write {}", joined)};
        }
        if (first_eq == std::string_view::npos && std::regex_search(s, m, colon)) {
            return SyntaxHint{line, column_of_byte(l, static_cast<std::size_t>(m.position(1))),
                              _("a key and its value are separated by `=`, not `:`"),
                              _f("write {} = {}", m[1].str(), trim(m[2].str()))};
        }
        if (first_eq == std::string_view::npos) starts.insert(starts.begin(), 0);  // a line of a multi-line array
    }
    for (auto it = starts.rbegin(); it != starts.rend(); ++it) {
        std::size_t p = *it;
        while (p < l.size() && (l[p] == ' ' || l[p] == '\t')) ++p;
        if (p >= l.size()) continue;
        const bool after_key = *it > 0 && l[*it - 1] == '=';
        const std::string key = after_key ? key_before(l, *it - 1) : std::string();
        if (auto e = explain_value(l.substr(p), key, after_key))
            return SyntaxHint{line, column_of_byte(l, p), std::move(e->first), std::move(e->second)};
    }
    return std::nullopt;
}

}  // namespace lkjip::data
