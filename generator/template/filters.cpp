// Built-in filters and tests, registered in a table: one small function each. The Indonesian
// ones write through compute/idformat (one implementation of id-ID writing in the project).
#include "template/filters.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "compute/idformat.hpp"
#include "template/limits.hpp"

namespace lkjip::tpl {

namespace {

bool undefined_marker(const Value& v) { return v.is_map() && v.as_map().size() == 1 && v.find("__undefined__"); }

const Value& arg(const Args& a, std::size_t i, const char* name) {
    if (i < a.positional.size()) return a.positional[i];
    if (const Value* v = a.kw(name)) return *v;
    throw Error{fmt::format("missing argument '{}'", name)};
}
std::optional<Value> opt_arg(const Args& a, std::size_t i, const char* name) {
    if (i < a.positional.size()) return a.positional[i];
    if (const Value* v = a.kw(name)) return *v;
    return std::nullopt;
}

double number(const Value& v, const char* what) {
    if (!v.is_number()) throw Error{fmt::format("{} must be a number, found {}", what, v.type_name())};
    return v.as_double();
}
std::int64_t whole(const Value& v, const char* what) {
    if (v.kind() == Value::Kind::integer) return v.as_int();
    if (v.kind() == Value::Kind::number && v.as_double() == std::floor(v.as_double()) && std::fabs(v.as_double()) < 9e18) {
        return static_cast<std::int64_t>(v.as_double());
    }
    throw Error{fmt::format("{} must be a whole number, found {}", what, v.type_name())};
}
int places(const Args& a, std::size_t i, int fallback) {
    auto p = opt_arg(a, i, "desimal");
    if (!p) return fallback;
    const auto n = whole(*p, "the number of decimals");
    if (n < 0 || n > 6) throw Error{"the number of decimals must be between 0 and 6"};
    return static_cast<int>(n);
}
const std::string& text(const Value& v, const char* what) {
    if (!v.is_string()) throw Error{fmt::format("{} must be a string, found {}", what, v.type_name())};
    return v.as_string();
}
const List& items(const Value& v) {
    if (!v.is_list()) throw Error{fmt::format("the input must be a list, found {}", v.type_name())};
    return v.as_list();
}
Value attribute(const Value& item, const Args& a) {
    const Value* name = a.kw("attribute");
    if (!name) return item;
    const Value* v = item.find(text(*name, "attribute"));
    if (!v) throw Error{fmt::format("an item has no attribute '{}'", name->to_string())};
    return *v;
}
int compare(const Value& x, const Value& y) {
    if (x.is_number() && y.is_number()) return x.as_double() < y.as_double() ? -1 : (y.as_double() < x.as_double() ? 1 : 0);
    if (x.is_string() && y.is_string()) return x.as_string().compare(y.as_string());
    if (x.is_none() != y.is_none()) return x.is_none() ? -1 : 1;
    throw Error{fmt::format("cannot compare {} with {}", x.type_name(), y.type_name())};
}

// ---- the usual filters ----------------------------------------------------------------------

Value f_default(const Value& in, const Args& a) {
    const bool also_falsy = opt_arg(a, 1, "boolean").value_or(Value(false)).truthy();
    if (undefined_marker(in) || (also_falsy && !in.truthy())) return opt_arg(a, 0, "value").value_or(Value(""));
    return in;
}
Value f_length(const Value& in, const Args&) {
    if (in.is_list()) return Value(static_cast<std::int64_t>(in.as_list().size()));
    if (in.is_map()) return Value(static_cast<std::int64_t>(in.as_map().size()));
    if (in.is_string()) return Value(static_cast<std::int64_t>(in.as_string().size()));
    throw Error{fmt::format("has no length: {}", in.type_name())};
}
std::string map_ascii(std::string s, int (*f)(int)) {
    for (char& c : s) c = static_cast<char>(f(static_cast<unsigned char>(c)));
    return s;
}
Value f_upper(const Value& in, const Args&) { return Value(map_ascii(in.to_string(), ::toupper)); }
Value f_lower(const Value& in, const Args&) { return Value(map_ascii(in.to_string(), ::tolower)); }
Value f_capitalize(const Value& in, const Args&) {
    std::string s = map_ascii(in.to_string(), ::tolower);
    if (!s.empty()) s[0] = static_cast<char>(::toupper(static_cast<unsigned char>(s[0])));
    return Value(s);
}
Value f_title(const Value& in, const Args&) {
    std::string s = in.to_string();
    bool start = true;
    for (char& c : s) {
        const auto u = static_cast<unsigned char>(c);
        c = static_cast<char>(start ? ::toupper(u) : ::tolower(u));
        start = !std::isalnum(u) && u < 0x80;
    }
    return Value(s);
}
Value f_trim(const Value& in, const Args&) {
    std::string s = in.to_string();
    const auto b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    return Value(b == std::string::npos ? std::string() : s.substr(b, e - b + 1));
}
Value f_replace(const Value& in, const Args& a) {
    std::string s = in.to_string();
    const std::string& from = text(arg(a, 0, "old"), "old");
    const std::string& to = text(arg(a, 1, "new"), "new");
    if (from.empty()) return Value(s);
    std::string out;
    std::size_t pos = 0, hit;
    while ((hit = s.find(from, pos)) != std::string::npos) {
        check_string_size(out.size() + (hit - pos) + to.size(), "replace");
        out += s.substr(pos, hit - pos) + to;
        pos = hit + from.size();
    }
    return Value(out + s.substr(pos));
}
Value f_join(const Value& in, const Args& a) {
    const std::string sep = opt_arg(a, 0, "d").value_or(Value("")).to_string();
    std::string out;
    for (const auto& v : items(in)) {
        const std::string piece = attribute(v, a).to_string();
        check_string_size(out.size() + sep.size() + piece.size(), "join");
        out += (out.empty() && &v == &in.as_list().front() ? "" : sep) + piece;
    }
    return Value(out);
}
Value f_first(const Value& in, const Args&) {
    const auto& l = items(in);
    if (l.empty()) throw Error{"the list is empty"};
    return l.front();
}
Value f_last(const Value& in, const Args&) {
    const auto& l = items(in);
    if (l.empty()) throw Error{"the list is empty"};
    return l.back();
}
Value f_sort(const Value& in, const Args& a) {
    List l = items(in);
    const bool reverse = opt_arg(a, 0, "reverse").value_or(Value(false)).truthy();
    std::stable_sort(l.begin(), l.end(), [&](const Value& x, const Value& y) {
        const int c = compare(attribute(x, a), attribute(y, a));
        return reverse ? c > 0 : c < 0;
    });
    return Value::list(std::move(l));
}
Value f_reverse(const Value& in, const Args&) {
    List l = items(in);
    std::reverse(l.begin(), l.end());
    return Value::list(std::move(l));
}
Value f_sum(const Value& in, const Args& a) {
    Value total(std::int64_t{0});
    for (const auto& v : items(in)) total = binary_op("+", total, attribute(v, a));
    return total;
}
Value f_map(const Value& in, const Args& a) {
    if (!a.kw("attribute")) throw Error{"map needs attribute="};
    List out;
    for (const auto& v : items(in)) out.push_back(attribute(v, a));
    return Value::list(std::move(out));
}
List select(const Value& in, const Args& a, bool keep) {
    const std::string& attr = text(arg(a, 0, "attribute"), "attribute");
    const std::string test = a.positional.size() > 1 ? text(a.positional[1], "test") : "";
    Args rest;
    for (std::size_t i = 2; i < a.positional.size(); ++i) rest.positional.push_back(a.positional[i]);
    List out;
    for (const auto& v : items(in)) {
        const Value* field = v.find(attr);
        const bool r = test.empty() ? (field && field->truthy())
                                    : apply_test(test, field ? std::optional<Value>(*field) : std::nullopt, rest);
        if (r == keep) out.push_back(v);
    }
    return out;
}
Value f_selectattr(const Value& in, const Args& a) { return Value::list(select(in, a, true)); }
Value f_rejectattr(const Value& in, const Args& a) { return Value::list(select(in, a, false)); }
Value f_groupby(const Value& in, const Args& a) {
    const std::string& attr = text(arg(a, 0, "attribute"), "attribute");
    List groups;
    for (const auto& v : items(in)) {
        const Value* key = v.find(attr);
        if (!key) throw Error{fmt::format("an item has no attribute '{}'", attr)};
        auto it = std::find_if(groups.begin(), groups.end(), [&](const Value& g) { return *g.find("grouper") == *key; });
        if (it == groups.end()) {
            groups.push_back(Value::map({{"grouper", *key}, {"list", Value::list({v})}}));
        } else {
            List l = it->find("list")->as_list();
            l.push_back(v);
            *it = Value::map({{"grouper", *key}, {"list", Value::list(std::move(l))}});
        }
    }
    return Value::list(std::move(groups));
}
Value f_round(const Value& in, const Args& a) {
    return Value(idfmt::round_half_up(number(in, "the input"), places(a, 0, 0)));
}
Value f_int(const Value& in, const Args&) {
    if (in.is_string()) return Value(static_cast<std::int64_t>(std::strtoll(in.as_string().c_str(), nullptr, 10)));
    const double x = number(in, "the input");
    if (!std::isfinite(x) || std::fabs(x) > 9e18) throw Error{"the number does not fit an integer"};
    return Value(static_cast<std::int64_t>(std::trunc(x)));
}
Value f_float(const Value& in, const Args&) {
    if (in.is_string()) return Value(std::strtod(in.as_string().c_str(), nullptr));
    return Value(number(in, "the input"));
}
Value f_abs(const Value& in, const Args&) {
    if (in.kind() == Value::Kind::integer && in.as_int() != INT64_MIN) return Value(in.as_int() < 0 ? -in.as_int() : in.as_int());
    return Value(std::fabs(number(in, "the input")));
}
Value f_string(const Value& in, const Args&) { return Value(in.to_string()); }
Value f_list(const Value& in, const Args&) {
    if (in.is_list()) return in;
    if (in.is_string()) {
        check_list_size(in.as_string().size(), "list");
        List out;
        for (char c : in.as_string()) out.emplace_back(std::string(1, c));
        return Value::list(std::move(out));
    }
    throw Error{fmt::format("cannot make a list of {}", in.type_name())};
}
// Indents every line but the first by `width` spaces (Jinja's default), so a multi-line
// Markdown text stays inside the list item it is placed in.
Value f_indent(const Value& in, const Args& a) {
    const auto width = whole(opt_arg(a, 0, "width").value_or(Value(4)), "width");
    if (width < 0 || width > 100) throw Error{"width must be between 0 and 100"};
    const std::string pad(static_cast<std::size_t>(width), ' ');
    std::string out;
    for (char c : in.to_string()) {
        out += c;
        if (c == '\n') check_string_size(out.size() + pad.size(), "indent");
        if (c == '\n') out += pad;
    }
    // Blank lines stay blank (no trailing spaces).
    std::string clean;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] == '\n') {
            std::size_t j = i + 1;
            while (j < out.size() && out[j] == ' ') ++j;
            if (j < out.size() && out[j] == '\n') {
                clean += '\n';
                i = j - 1;
                continue;
            }
        }
        clean += out[i];
    }
    return Value(clean);
}

// ---- Indonesian filters (DOMAIN.md §4) -----------------------------------------------------------

Value f_angka(const Value& in, const Args& a) {
    if (in.kind() == Value::Kind::integer && a.positional.empty() && !a.kw("desimal")) return Value(idfmt::angka(in.as_int()));
    return Value(idfmt::angka(number(in, "the input"), places(a, 0, in.kind() == Value::Kind::integer ? 0 : 2)));
}
Value f_persen(const Value& in, const Args& a) { return Value(idfmt::persen(number(in, "the input"), places(a, 0, 2))); }
Value f_rupiah(const Value& in, const Args&) { return Value(idfmt::rupiah(whole(in, "an amount of rupiah"))); }
Value f_terbilang(const Value& in, const Args& a) {
    if (in.kind() == Value::Kind::integer) return Value(idfmt::terbilang(in.as_int()));
    return Value(idfmt::terbilang(number(in, "the input"), places(a, 0, 2)));
}
Value f_angka_terbilang(const Value& in, const Args&) { return Value(idfmt::angka_terbilang(whole(in, "a count"))); }
Value f_tanggal(const Value& in, const Args&) {
    int y = 0, m = 0, d = 0;
    if (in.is_string()) {
        if (std::sscanf(in.as_string().c_str(), "%d-%d-%d", &y, &m, &d) != 3) throw Error{"expected a date as YYYY-MM-DD"};
    } else if (in.is_map() && in.find("tahun") && in.find("bulan") && in.find("hari")) {
        y = static_cast<int>(whole(*in.find("tahun"), "tahun"));
        m = static_cast<int>(whole(*in.find("bulan"), "bulan"));
        d = static_cast<int>(whole(*in.find("hari"), "hari"));
    } else {
        throw Error{fmt::format("expected a date, found {}", in.type_name())};
    }
    std::string out = idfmt::tanggal(y, m, d);
    if (out.empty()) throw Error{fmt::format("{}-{}-{} is not a date", y, m, d)};
    return Value(out);
}
Value f_romawi(const Value& in, const Args&) {
    const auto n = whole(in, "the input");
    if (n < 1 || n > 3999) throw Error{"roman numerals go from 1 to 3999"};
    return Value(idfmt::romawi(static_cast<int>(n)));
}
Value f_huruf(const Value& in, const Args&) {
    const auto n = whole(in, "the input");
    if (n < 1 || n > 1'000'000) throw Error{"list letters go from 1 (a) upwards"};
    return Value(idfmt::huruf(static_cast<int>(n)));
}
// Text placed in a Markdown table cell: `|` escaped, line breaks as <br>, trimmed.
Value f_sel(const Value& in, const Args&) {
    std::string out;
    const std::string s = f_trim(in, {}).to_string();
    for (std::size_t i = 0; i < s.size(); ++i) {
        check_string_size(out.size() + 4, "sel");
        if (s[i] == '|') out += "\\|";
        else if (s[i] == '\r') continue;
        else if (s[i] == '\n') {
            while (!out.empty() && out.back() == ' ') out.pop_back();
            if (out.size() < 4 || out.compare(out.size() - 4, 4, "<br>") != 0) out += "<br>";
            while (i + 1 < s.size() && (s[i + 1] == '\n' || s[i + 1] == ' ' || s[i + 1] == '\r')) ++i;
        } else out += s[i];
    }
    return Value(out);
}

}  // namespace

std::map<std::string, Filter> builtin_filters() {
    return {
        {"default", f_default}, {"d", f_default}, {"length", f_length}, {"count", f_length}, {"upper", f_upper},
        {"lower", f_lower}, {"title", f_title}, {"capitalize", f_capitalize}, {"trim", f_trim}, {"replace", f_replace},
        {"join", f_join}, {"first", f_first}, {"last", f_last}, {"sort", f_sort}, {"reverse", f_reverse}, {"sum", f_sum},
        {"map", f_map}, {"selectattr", f_selectattr}, {"rejectattr", f_rejectattr}, {"groupby", f_groupby},
        {"round", f_round}, {"int", f_int}, {"float", f_float}, {"abs", f_abs}, {"string", f_string}, {"list", f_list},
        {"indent", f_indent}, {"angka", f_angka}, {"persen", f_persen}, {"rupiah", f_rupiah}, {"terbilang", f_terbilang},
        {"angka_terbilang", f_angka_terbilang}, {"tanggal", f_tanggal}, {"romawi", f_romawi}, {"huruf", f_huruf},
        {"sel", f_sel}, {"cell", f_sel},
    };
}

bool apply_test(const std::string& name, const std::optional<Value>& v, const Args& a) {
    if (name == "defined") return v.has_value();
    if (name == "undefined") return !v.has_value();
    if (!v) throw Error{fmt::format("test '{}' of an undefined value", name)};
    if (name == "none") return v->is_none();
    if (name == "number") return v->is_number();
    if (name == "integer") return v->kind() == Value::Kind::integer;
    if (name == "string") return v->is_string();
    if (name == "mapping") return v->is_map();
    if (name == "sequence" || name == "iterable") return v->is_list() || v->is_string() || v->is_map();
    if (name == "boolean") return v->kind() == Value::Kind::boolean;
    if (name == "true") return v->kind() == Value::Kind::boolean && v->as_bool();
    if (name == "false") return v->kind() == Value::Kind::boolean && !v->as_bool();
    if (name == "even" || name == "odd") return (whole(*v, "the value") % 2 == 0) == (name == "even");
    if (name == "divisibleby") {
        const auto d = whole(arg(a, 0, "num"), "the divisor");
        if (d == 0) throw Error{"divisibleby(0)"};
        return whole(*v, "the value") % d == 0;
    }
    if (name == "eq" || name == "equalto" || name == "==") return *v == arg(a, 0, "other");
    if (name == "ne" || name == "!=") return !(*v == arg(a, 0, "other"));
    if (name == "gt" || name == ">") return compare(*v, arg(a, 0, "other")) > 0;
    if (name == "ge" || name == ">=") return compare(*v, arg(a, 0, "other")) >= 0;
    if (name == "lt" || name == "<") return compare(*v, arg(a, 0, "other")) < 0;
    if (name == "le" || name == "<=") return compare(*v, arg(a, 0, "other")) <= 0;
    throw Error{fmt::format("unknown test '{}'", name)};
}

Value binary_op(const std::string& op, const Value& a, const Value& b) {
    if (op == "+" && a.is_list() && b.is_list()) {
        check_list_size(std::uint64_t{a.as_list().size()} + b.as_list().size(), "'+'");
        List l = a.as_list();
        l.insert(l.end(), b.as_list().begin(), b.as_list().end());
        return Value::list(std::move(l));
    }
    if (op == "+" && a.is_string() && b.is_string()) {
        check_string_size(std::uint64_t{a.as_string().size()} + b.as_string().size(), "'+'");
        return Value(a.as_string() + b.as_string());
    }
    if (op == "*" && a.is_string() && b.kind() == Value::Kind::integer) {
        if (b.as_int() < 0 || b.as_int() > 1'000'000) throw Error{"string repetition count out of range"};
        check_string_size(std::uint64_t{a.as_string().size()} * static_cast<std::uint64_t>(b.as_int()), "'*'");
        std::string out;
        for (std::int64_t i = 0; i < b.as_int(); ++i) out += a.as_string();
        return Value(out);
    }
    if (op == "<" || op == ">" || op == "<=" || op == ">=") {
        const int c = compare(a, b);
        return Value(op == "<" ? c < 0 : op == ">" ? c > 0 : op == "<=" ? c <= 0 : c >= 0);
    }
    if (!a.is_number() || !b.is_number()) {
        throw Error{fmt::format("'{}' needs numbers, found {} and {}", op, a.type_name(), b.type_name())};
    }
    const bool ints = a.kind() == Value::Kind::integer && b.kind() == Value::Kind::integer;
    if (ints && (op == "+" || op == "-" || op == "*" || op == "//" || op == "%")) {
        const std::int64_t x = a.as_int(), y = b.as_int();
        std::int64_t r = 0;
        bool overflow = false;
        if (op == "+") overflow = __builtin_add_overflow(x, y, &r);
        else if (op == "-") overflow = __builtin_sub_overflow(x, y, &r);
        else if (op == "*") overflow = __builtin_mul_overflow(x, y, &r);
        else {
            if (y == 0) throw Error{"division by zero"};
            if (x == INT64_MIN && y == -1) throw Error{"integer overflow"};
            r = op == "//" ? x / y - ((x % y != 0) && ((x < 0) != (y < 0)) ? 1 : 0) : ((x % y) + y) % y;
        }
        if (overflow) throw Error{"integer overflow"};
        return Value(r);
    }
    const double x = a.as_double(), y = b.as_double();
    if ((op == "/" || op == "//" || op == "%") && y == 0) throw Error{"division by zero"};
    if (op == "+") return Value(x + y);
    if (op == "-") return Value(x - y);
    if (op == "*") return Value(x * y);
    if (op == "/") return Value(x / y);
    if (op == "//") return Value(std::floor(x / y));
    if (op == "%") return Value(std::fmod(x, y));
    throw Error{fmt::format("unknown operator '{}'", op)};
}

}  // namespace lkjip::tpl
