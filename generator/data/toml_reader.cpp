#include "data/toml_reader.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <limits>

#include <fmt/format.h>

#include "compute/idformat.hpp"

namespace lkjip::data {

namespace fs = std::filesystem;

SourcePos pos_of(const toml::node& node) {
    const auto& src = node.source();
    return SourcePos{src.path, src.begin.line, src.begin.column};
}

std::string toml_type_name(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    default: return "nothing";
    }
}

TableReader::TableReader(const toml::table& table, std::string where, Diagnostics& diags)
    : table_(table), where_(std::move(where)), diags_(diags) {}

const toml::node* TableReader::get(std::string_view key) {
    used_.emplace(key);
    return table_.get(key);
}

void TableReader::missing(std::string_view key) {
    diags_.error(pos(), fmt::format("{} is missing the required key `{}`", where_, key));
}

void TableReader::wrong_type(const toml::node& node, std::string_view key, std::string_view expected) {
    diags_.error(pos_of(node), fmt::format("`{}` in {} must be {}, found {}", key, where_, expected,
                                           toml_type_name(node)));
}

OptText TableReader::opt_string(std::string_view key) {
    const toml::node* n = get(key);
    if (!n) return std::nullopt;
    if (const auto* s = n->as_string()) return Text{s->get(), pos_of(*n)};
    wrong_type(*n, key, "a string");
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
        diags_.error(t->pos, fmt::format("`{}` in {} must not be empty", key, where_));
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
        diags_.error(t->pos, fmt::format("`{}` in {} must not be empty", key, where_));
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
        wrong_type(*n, key, "an array of strings");
        return out;
    }
    for (const auto& el : *arr) {
        if (const auto* s = el.as_string()) {
            out.push_back(Text{s->get(), pos_of(el)});
        } else {
            diags_.error(pos_of(el), fmt::format("every item of `{}` in {} must be a string, found {}",
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
        wrong_type(*n, key, "an integer");
        return std::nullopt;
    }
    const std::int64_t v = i->get();
    if (v < min || v > max) {
        diags_.error(pos_of(*n), fmt::format("`{}` in {} must be between {} and {}, found {}", key,
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
        wrong_type(*n, key, "an array of integers");
        return out;
    }
    for (const auto& el : *arr) {
        const auto* i = el.as_integer();
        if (!i) {
            diags_.error(pos_of(el), fmt::format("every item of `{}` in {} must be an integer, found {}",
                                                 key, where_, toml_type_name(el)));
            continue;
        }
        if (i->get() < min || i->get() > max) {
            diags_.error(pos_of(el), fmt::format("items of `{}` in {} must be between {} and {}, found {}",
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
        diags_.error(pos_of(*n), fmt::format("`{}` in {} must be a finite number, found {}", key,
                                             where_, n->as_floating_point()->get()));
    } else {
        wrong_type(*n, key, "a number");
    }
    return std::nullopt;
}

std::optional<Located<double>> TableReader::opt_number_in(std::string_view key, double min, double max) {
    auto v = opt_number(key);
    if (v && (v->value < min || v->value > max)) {
        diags_.error(v->pos, fmt::format("`{}` in {} must be between {} and {}, found {}", key, where_,
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
    wrong_type(*n, key, "true or false");
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
        wrong_type(*n, key, "a date such as 2025-02-26 (without quotes)");
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
    diags_.error(pos_of(*n), fmt::format("`{}` in {}: {}", key, where_, error),
                 "write whole rupiah as an integer (19_341_510_000) or sen as a string (\"1234.56\")");
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
        wrong_type(*n, key, "a table of years, such as { 2023 = 85.5, 2024 = 86 }");
        return out;
    }
    for (const auto& [k, v] : *t) {
        int year = 0;
        const std::string_view ks = k.str();
        auto [ptr, ec] = std::from_chars(ks.data(), ks.data() + ks.size(), year);
        const SourcePos kpos{k.source().path, k.source().begin.line, k.source().begin.column};
        if (ec != std::errc{} || ptr != ks.data() + ks.size() || year < 1900 || year > 2200) {
            diags_.error(kpos.known() ? kpos : pos_of(v),
                         fmt::format("`{}` in {}: key `{}` is not a year", key, where_, ks));
            continue;
        }
        if (auto num = finite_number(v)) {
            out.by_year[year] = Located<double>{*num, pos_of(v)};
        } else {
            diags_.error(pos_of(v), fmt::format("`{}.{}` in {} must be a finite number, found {}", key,
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
    diags_.error(t->pos, fmt::format("unknown {} `{}` in {}; expected one of {}", key, t->value, where_, list),
                 near.empty() ? std::string{} : fmt::format("did you mean `{}`?", near));
    return std::nullopt;
}

const toml::table* TableReader::opt_table(std::string_view key) {
    const toml::node* n = get(key);
    if (!n) return nullptr;
    if (const auto* t = n->as_table()) return t;
    wrong_type(*n, key, "a table");
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
        wrong_type(*n, key, fmt::format("an array of tables (write it as [[{}]])", key));
        return out;
    }
    for (const auto& el : *arr) {
        if (const auto* t = el.as_table()) {
            out.push_back(t);
        } else {
            diags_.error(pos_of(el), fmt::format("every item of `{}` in {} must be a table, found {}", key,
                                                 where_, toml_type_name(el)));
        }
    }
    return out;
}

// Keys of the top level of a data file (docs/data-format.md), for the hint below.
static bool is_top_level_key(std::string_view key) {
    static const std::set<std::string, std::less<>> keys = {
        "extends", "laporan", "pemda", "instansi", "pimpinan", "pengaturan", "gaya", "dasar_hukum", "isu_strategis",
        "langkah_ke_depan", "organisasi", "pegawai", "sarana", "renstra", "indikator", "urusan", "program", "anggaran",
        "prestasi", "inovasi", "pk", "keputusan_iku"};
    return keys.count(key) > 0;
}

void TableReader::finish() {
    std::vector<std::string> known(used_.begin(), used_.end());
    for (const auto& [k, v] : table_) {
        if (used_.count(k.str())) continue;
        const std::string near = closest_match(std::string(k.str()), known);
        const SourcePos kpos{k.source().path, k.source().begin.line, k.source().begin.column};
        std::string hint = near.empty() ? std::string{} : fmt::format("did you mean `{}`?", near);
        if (hint.empty() && is_top_level_key(k.str()) && where_ != "the data file") {
            // The commonest TOML slip: a key written after a [table] header belongs to that table.
            hint = fmt::format("`{}` is a top-level key: move it above the first [table] header of the file", k.str());
        }
        diags_.error(kpos.known() ? kpos : pos_of(v), fmt::format("unknown key `{}` in {}", k.str(), where_), hint);
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
            error = fmt::format("{} is beyond the largest amount lkjip handles ({} rupiah)", v, kMaxSen / 100);
            return std::nullopt;
        }
        return Money{v * 100};
    }
    if (const auto* s = node.as_string()) return parse_money_text(s->get(), error);
    if (node.is_floating_point()) {
        error = "money must be exact, not a float (a float cannot hold every sen)";
    } else {
        error = fmt::format("money must be an integer or a string, found {}", toml_type_name(node));
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
        error = fmt::format("`{}` is not an amount of money: {}", text, why);
        return std::nullopt;
    };
    if (whole.empty()) return bad("no digits before the decimal mark");
    if (frac.size() > 2 || (mark != std::string_view::npos && frac.empty()))
        return bad("at most two decimals (sen) after the decimal mark");
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
                return bad("thousands separators must group three digits");
            grouped = true;
            group = 0;
        } else {
            return bad(fmt::format("unexpected character '{}'", c));
        }
    }
    if (grouped && group != 3) return bad("thousands separators must group three digits");
    for (char c : frac) {
        if (c < '0' || c > '9') return bad(fmt::format("unexpected character '{}'", c));
    }
    if (digits.size() > 16) return bad("the amount is too large");
    std::int64_t rupiah = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), rupiah);
    std::int64_t sen = 0;
    if (!frac.empty()) {
        std::from_chars(frac.data(), frac.data() + frac.size(), sen);
        if (frac.size() == 1) sen *= 10;
    }
    const std::int64_t total = rupiah * 100 + sen;
    if (total > kMaxSen) return bad("the amount is too large");
    return Money{negative ? -total : total};
}

}  // namespace lkjip::data
