// Built-in filters and tests, registered in a table: one small function each, with the parameter
// names Jinja2 gives them, so a call binds its arguments as Python does and a wrong, unknown or
// extra argument is an error (Jinja raises TypeError), not silently ignored. The Indonesian ones
// are the report stage's (report/filters_id.cpp): the engine knows no language.
#include "template/filters.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>

#include "common/decimal.hpp"
#include "common/i18n.hpp"
#include "common/utf8.hpp"
#include "template/filter_args.hpp"
#include "template/limits.hpp"

namespace lkjip::tpl {

using namespace args;

namespace {

bool undefined_marker(const Value& v) { return v.is_map() && v.as_map().size() == 1 && v.find("__undefined__"); }

// ---- text: code points, case, whitespace -------------------------------------------------------

std::string char_at(const std::u32string& s, std::size_t i) { return utf8::encode_escaped(s.substr(i, 1)); }

// Python's str.isspace().
bool py_space(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Simple case mappings of Basic Latin, Latin-1 Supplement, Latin Extended-A, Greek and Cyrillic
// (Unicode's UnicodeData.txt for these blocks); other code points are left as they are.
char32_t lower_of(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c < 0xC0) return c;
    if (c <= 0xDE) return c == 0xD7 ? c : c + 32;
    if (c >= 0x100 && c <= 0x17F) {
        if (c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F) return c;
        if (c == 0x178) return 0xFF;
        const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        return (c % 2 == 1) == odd_upper ? c + 1 : c;
    }
    if (c == 0x386) return 0x3AC;
    if (c >= 0x388 && c <= 0x38A) return c + 37;
    if (c == 0x38C) return 0x3CC;
    if (c == 0x38E || c == 0x38F) return c + 63;
    if ((c >= 0x391 && c <= 0x3A1) || (c >= 0x3A3 && c <= 0x3AB)) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c == 0x4C0) return 0x4CF;
    if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x52F)) return c % 2 == 0 ? c + 1 : c;
    if (c >= 0x4C1 && c <= 0x4CE) return c % 2 == 1 ? c + 1 : c;
    return c;
}
char32_t upper_of(char32_t c) {
    if (c >= 'a' && c <= 'z') return c - 32;
    if (c == 0xB5) return 0x39C;
    if (c < 0xE0) return c;
    if (c <= 0xFE) return c == 0xF7 ? c : c - 32;
    if (c == 0xFF) return 0x178;
    if (c >= 0x100 && c <= 0x17F) {
        if (c == 0x131) return 'I';
        if (c == 0x17F) return 'S';
        if (c == 0x130 || c == 0x138 || c == 0x149 || c == 0x178) return c;
        const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        return (c % 2 == 0) == odd_upper ? c - 1 : c;
    }
    if (c == 0x3AC) return 0x386;
    if (c >= 0x3AD && c <= 0x3AF) return c - 37;
    if (c == 0x3CC) return 0x38C;
    if (c == 0x3CD || c == 0x3CE) return c - 63;
    if (c == 0x3C2) return 0x3A3;
    if ((c >= 0x3B1 && c <= 0x3C1) || (c >= 0x3C3 && c <= 0x3CB)) return c - 32;
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    if (c == 0x4CF) return 0x4C0;
    if ((c >= 0x461 && c <= 0x481) || (c >= 0x48B && c <= 0x4BF) || (c >= 0x4D1 && c <= 0x52F)) return c % 2 == 1 ? c - 1 : c;
    if (c >= 0x4C2 && c <= 0x4CE) return c % 2 == 0 ? c - 1 : c;
    return c;
}
bool cased(char32_t c) { return lower_of(c) != c || upper_of(c) != c || c == 0xDF || c == 0x138 || c == 0x149 || c == 0x130; }

// Full mappings where Python's differ from the simple ones: ß -> SS, ŉ -> ʼN, İ -> i̇, and Σ at
// the end of a word -> ς.
void append_upper(std::u32string& out, char32_t c, bool title) {
    if (c == 0xDF) out += title ? U"Ss" : U"SS";
    else if (c == 0x149) out += U"\u02BCN";
    else out += upper_of(c);
}
std::u32string lower_all(const std::u32string& s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char32_t c = s[i];
        if (c == 0x130) {
            out += U"i\u0307";
        } else if (c == 0x3A3) {
            const bool after_letter = i > 0 && cased(s[i - 1]);
            const bool before_letter = i + 1 < s.size() && cased(s[i + 1]);
            out += after_letter && !before_letter ? char32_t{0x3C2} : char32_t{0x3C3};
        } else {
            out += lower_of(c);
        }
    }
    return out;
}
std::u32string upper_all(const std::u32string& s) {
    std::u32string out;
    for (char32_t c : s) append_upper(out, c, false);
    return out;
}
std::string lower_text(const std::string& s) { return utf8::encode_escaped(lower_all(utf8::decode_escaped(s))); }

// Sort keys ignore case the way Jinja's do: strings lowered, other values as they are.
Value ignore_case(const Value& v) { return v.is_string() ? Value(lower_text(v.as_string())) : v; }

// ---- sequences and attributes ------------------------------------------------------------------

// What Python's iter() gives: the items of a list, the characters of a string, the keys of a map.
List iterate(const Value& v) {
    if (v.is_list()) return v.as_list();
    List out;
    if (v.is_string()) {
        const std::u32string s = utf8::decode_escaped(v.as_string());
        for (std::size_t i = 0; i < s.size(); ++i) out.emplace_back(char_at(s, i));
        return out;
    }
    if (v.is_map()) {
        for (const auto& [k, x] : v.as_map()) out.emplace_back(k);
        return out;
    }
    throw Error{_f("the input must be a list, found {}", v.type_name())};
}

// An attribute of Jinja's filters: "a.b.0" (a dotted path, numbers index a list) or an integer.
using Path = std::vector<Value>;
Path path_of(const Value& attr) {
    if (attr.kind() == Value::Kind::integer) return {attr};
    const std::string& s = text(attr, "attribute");
    Path out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = s.find('.', start);
        std::string part = s.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        const bool digits = !part.empty() && part.size() < 19 && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
        out.push_back(digits ? Value(static_cast<std::int64_t>(std::stoll(part))) : Value(std::move(part)));
        if (dot == std::string::npos) return out;
        start = dot + 1;
    }
}
std::optional<Value> lookup(const Value& item, const Path& path) {
    Value v = item;
    for (const Value& part : path) {
        // Each step copies the item out before replacing `v`, which owns it.
        if (part.is_string() && v.is_map()) {
            const Value* f = v.find(part.as_string());
            if (!f) return std::nullopt;
            Value next = *f;
            v = std::move(next);
        } else if (part.kind() == Value::Kind::integer && v.is_list()) {
            const List& l = v.as_list();
            auto i = part.as_int();
            if (i < 0) i += static_cast<std::int64_t>(l.size());
            if (i < 0 || i >= static_cast<std::int64_t>(l.size())) return std::nullopt;
            Value next = l[static_cast<std::size_t>(i)];
            v = std::move(next);
        } else if (part.kind() == Value::Kind::integer && v.is_string()) {
            const std::u32string s = utf8::decode_escaped(v.as_string());
            auto i = part.as_int();
            if (i < 0) i += static_cast<std::int64_t>(s.size());
            if (i < 0 || i >= static_cast<std::int64_t>(s.size())) return std::nullopt;
            v = Value(utf8::encode_escaped(s.substr(static_cast<std::size_t>(i), 1)));
        } else {
            return std::nullopt;
        }
    }
    return v;
}
std::string path_text(const Value& attr) { return attr.to_string(); }
Value lookup_or_fail(const Value& item, const Value& attr) {
    if (auto v = lookup(item, path_of(attr))) return *v;
    throw Error{_f("an item has no attribute '{}'", path_text(attr))};
}

}  // namespace

// ---- operators -----------------------------------------------------------------------------------

int compare(const Value& x, const Value& y) {
    const auto numeric = [](const Value& v) { return v.is_number() || v.kind() == Value::Kind::boolean; };
    if (numeric(x) && numeric(y)) {
        const auto num = [](const Value& v) { return v.kind() == Value::Kind::boolean ? (v.as_bool() ? 1.0 : 0.0) : v.as_double(); };
        if (x.kind() == Value::Kind::integer && y.kind() == Value::Kind::integer) {
            return x.as_int() < y.as_int() ? -1 : (y.as_int() < x.as_int() ? 1 : 0);
        }
        return num(x) < num(y) ? -1 : (num(y) < num(x) ? 1 : 0);
    }
    if (x.is_string() && y.is_string()) {
        const int c = x.as_string().compare(y.as_string());  // UTF-8 byte order is code point order
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    if (x.is_list() && y.is_list()) {
        const List &a = x.as_list(), &b = y.as_list();
        for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
            if (!(a[i] == b[i])) return compare(a[i], b[i]);
        }
        return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
    }
    throw Error{_f("cannot compare {} with {}", x.type_name(), y.type_name())};
}

bool contains(const Value& b, const Value& a) {
    if (b.is_list()) return std::any_of(b.as_list().begin(), b.as_list().end(), [&](const Value& x) { return x == a; });
    if (b.is_string()) {
        if (!a.is_string()) throw Error{_f("'in' a string needs a string on its left, found {}", a.type_name())};
        return b.as_string().find(a.as_string()) != std::string::npos;
    }
    if (b.is_map()) {
        if (a.is_list() || a.is_map()) throw Error{_f("{} cannot be a key of a map", a.type_name())};
        return a.is_string() && b.find(a.as_string()) != nullptr;
    }
    throw Error{_f("'in' needs a list, map or string on its right, found {}", b.type_name())};
}

namespace {

// Python's float % and //: the remainder has the sign of the divisor (CPython's float_divmod).
double py_mod(double x, double y) {
    double m = std::fmod(x, y);
    if (m != 0.0) {
        if ((y < 0) != (m < 0)) m += y;
    } else {
        m = std::copysign(0.0, y);
    }
    return m;
}
double py_floordiv(double x, double y) {
    double m = std::fmod(x, y);
    double div = (x - m) / y;
    if (m != 0.0 && (y < 0) != (m < 0)) div -= 1.0;
    if (div == 0.0) return std::copysign(0.0, x / y);
    double f = std::floor(div);
    if (div - f > 0.5) f += 1.0;
    return f;
}

Value power(const Value& a, const Value& b) {
    if (a.kind() == Value::Kind::integer && b.kind() == Value::Kind::integer && b.as_int() >= 0) {
        std::int64_t base = a.as_int(), e = b.as_int(), r = 1;
        while (e > 0) {
            if ((e & 1) && __builtin_mul_overflow(r, base, &r)) throw Error{_("integer overflow")};
            e >>= 1;
            if (e > 0 && __builtin_mul_overflow(base, base, &base)) throw Error{_("integer overflow")};
        }
        return Value(r);
    }
    const double x = a.as_double(), y = b.as_double();
    if (x == 0.0 && y < 0) throw Error{_("zero cannot be raised to a negative power")};
    if (x < 0 && y != std::floor(y)) throw Error{_("a negative number to a fractional power is not a real number")};
    const double r = std::pow(x, y);
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) throw Error{_("the power is too large")};
    return Value(r);
}

}  // namespace

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
    if (op == "*" && ((a.is_string() && b.kind() == Value::Kind::integer) || (b.is_string() && a.kind() == Value::Kind::integer))) {
        const std::string& s = a.is_string() ? a.as_string() : b.as_string();
        const std::int64_t count = a.is_string() ? b.as_int() : a.as_int();
        if (count > 1'000'000) throw Error{_("string repetition count out of range")};
        if (count > 0) check_string_size(std::uint64_t{s.size()} * static_cast<std::uint64_t>(count), "'*'");
        std::string out;
        for (std::int64_t i = 0; i < count; ++i) out += s;  // a count below 1 gives "", as in Python
        return Value(out);
    }
    if (op == "<" || op == ">" || op == "<=" || op == ">=") {
        const int c = compare(a, b);
        return Value(op == "<" ? c < 0 : op == ">" ? c > 0 : op == "<=" ? c <= 0 : c >= 0);
    }
    if (!a.is_number() || !b.is_number()) {
        throw Error{_f("'{}' needs numbers, found {} and {}", op, a.type_name(), b.type_name())};
    }
    if (op == "**") return power(a, b);
    const bool ints = a.kind() == Value::Kind::integer && b.kind() == Value::Kind::integer;
    if (ints && (op == "+" || op == "-" || op == "*" || op == "//" || op == "%")) {
        const std::int64_t x = a.as_int(), y = b.as_int();
        std::int64_t r = 0;
        bool overflow = false;
        if (op == "+") overflow = __builtin_add_overflow(x, y, &r);
        else if (op == "-") overflow = __builtin_sub_overflow(x, y, &r);
        else if (op == "*") overflow = __builtin_mul_overflow(x, y, &r);
        else {
            if (y == 0) throw Error{_("division by zero")};
            if (x == INT64_MIN && y == -1) throw Error{_("integer overflow")};
            const std::int64_t q = x / y, m = x % y;
            const bool adjust = m != 0 && ((m < 0) != (y < 0));  // Python floors; C++ truncates
            r = op == "//" ? q - (adjust ? 1 : 0) : m + (adjust ? y : 0);
        }
        if (overflow) throw Error{_("integer overflow")};
        return Value(r);
    }
    const double x = a.as_double(), y = b.as_double();
    if ((op == "/" || op == "//" || op == "%") && y == 0) throw Error{_("division by zero")};
    if (op == "+") return Value(x + y);
    if (op == "-") return Value(x - y);
    if (op == "*") return Value(x * y);
    if (op == "/") return Value(x / y);
    if (op == "//") return Value(py_floordiv(x, y));
    if (op == "%") return Value(py_mod(x, y));
    throw Error{_f("unknown operator '{}'", op)};
}

namespace {

// ---- the usual filters (Jinja 3.1's parameters) ---------------------------------------------

Value f_default(const Value& in, const Params& p) {
    const bool also_falsy = opt(p, 1, Value(false)).truthy();
    if (undefined_marker(in) || (also_falsy && !in.truthy())) return opt(p, 0, Value(""));
    return in;
}
Value f_length(const Value& in, const Params&) {
    if (in.is_list()) return Value(static_cast<std::int64_t>(in.as_list().size()));
    if (in.is_map()) return Value(static_cast<std::int64_t>(in.as_map().size()));
    if (in.is_string()) return Value(static_cast<std::int64_t>(utf8::decode_escaped(in.as_string()).size()));
    throw Error{_f("has no length: {}", in.type_name())};
}
Value f_upper(const Value& in, const Params&) { return Value(utf8::encode_escaped(upper_all(utf8::decode_escaped(in.to_string())))); }
Value f_lower(const Value& in, const Params&) { return Value(lower_text(in.to_string())); }
Value f_capitalize(const Value& in, const Params&) {
    const std::u32string s = utf8::decode_escaped(in.to_string());
    if (s.empty()) return Value("");
    std::u32string out;
    append_upper(out, s[0], true);
    return Value(utf8::encode_escaped(out + lower_all(s.substr(1))));
}
// Jinja: each word begins after a run of '-', whitespace, '(', '{', '[' or '<'; its first
// character is upper-cased, the rest lower-cased.
Value f_title(const Value& in, const Params&) {
    const std::u32string s = utf8::decode_escaped(in.to_string());
    std::u32string out;
    bool start = true;
    for (std::size_t i = 0; i < s.size();) {
        const char32_t c = s[i];
        if (c == '-' || c == '(' || c == '{' || c == '[' || c == '<' || py_space(c)) {
            out += c;
            start = true;
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && !(s[j] == '-' || s[j] == '(' || s[j] == '{' || s[j] == '[' || s[j] == '<' || py_space(s[j]))) ++j;
        if (start) append_upper(out, s[i], false);
        out += lower_all(s.substr(i + 1, j - i - 1));
        start = false;
        i = j;
    }
    return Value(utf8::encode_escaped(out));
}
Value f_trim(const Value& in, const Params& p) {
    const std::u32string s = utf8::decode_escaped(in.to_string());
    const Value chars = opt(p, 0, Value());
    const std::u32string set = chars.is_none() ? std::u32string() : utf8::decode_escaped(text(chars, "chars"));
    const auto strip = [&](char32_t c) { return chars.is_none() ? py_space(c) : set.find(c) != std::u32string::npos; };
    std::size_t b = 0, e = s.size();
    while (b < e && strip(s[b])) ++b;
    while (e > b && strip(s[e - 1])) --e;
    return Value(utf8::encode_escaped(s.substr(b, e - b)));
}
// str.replace(old, new, count): count < 0 (or none) replaces all; an empty `old` matches before
// every character and at the end.
Value f_replace(const Value& in, const Params& p) {
    const std::string s = in.to_string();
    const std::string from = req(p, 0, "old").to_string();
    const std::string to = req(p, 1, "new").to_string();
    const Value c = opt(p, 2, Value());
    std::int64_t count = c.is_none() ? -1 : whole(c, "count");
    if (count < 0) count = std::numeric_limits<std::int64_t>::max();
    std::string out;
    if (from.empty()) {
        const std::u32string cs = utf8::decode_escaped(s);
        for (std::size_t i = 0; i <= cs.size(); ++i) {
            if (count > 0) {
                check_string_size(out.size() + to.size() + 4, "replace");
                out += to;
                --count;
            }
            if (i < cs.size()) utf8::append_escaped(out, cs[i]);
        }
        return Value(out);
    }
    std::size_t pos = 0, hit;
    while (count > 0 && (hit = s.find(from, pos)) != std::string::npos) {
        check_string_size(out.size() + (hit - pos) + to.size(), "replace");
        out += s.substr(pos, hit - pos) + to;
        pos = hit + from.size();
        --count;
    }
    return Value(out + s.substr(pos));
}
Value f_join(const Value& in, const Params& p) {
    const std::string sep = opt(p, 0, Value("")).to_string();
    const Value attr = opt(p, 1, Value());
    std::string out;
    bool first = true;
    for (const auto& v : iterate(in)) {
        const std::string piece = (attr.is_none() ? v : lookup_or_fail(v, attr)).to_string();
        check_string_size(out.size() + (first ? 0 : sep.size()) + piece.size(), "join");
        if (!first) out += sep;
        first = false;
        out += piece;
    }
    return Value(out);
}
Value f_first(const Value& in, const Params&) {
    const List l = iterate(in);
    if (l.empty()) throw Error{_("the list is empty")};
    return l.front();
}
Value f_last(const Value& in, const Params&) {
    const List l = iterate(in);
    if (l.empty()) throw Error{_("the list is empty")};
    return l.back();
}
// Sort keys: one value, or a list of values for "a,b" (Jinja's multi-attribute sort).
Value sort_key(const Value& item, const Value& attr, bool case_sensitive) {
    if (attr.is_none()) return case_sensitive ? item : ignore_case(item);
    std::vector<Value> parts;
    if (attr.is_string()) {
        const std::string& s = attr.as_string();
        for (std::size_t start = 0;;) {
            const std::size_t comma = s.find(',', start);
            parts.emplace_back(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    } else {
        parts.push_back(attr);
    }
    List key;
    for (const Value& part : parts) {
        const Value v = lookup_or_fail(item, part);
        key.push_back(case_sensitive ? v : ignore_case(v));
    }
    return Value::list(std::move(key));
}
// A stable sort on precomputed keys (Python's sorted: stable, also when reversed).
List sorted(const List& items, const std::vector<Value>& keys, bool reverse) {
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        const int c = compare(keys[x], keys[y]);
        return reverse ? c > 0 : c < 0;
    });
    List out;
    for (std::size_t i : order) out.push_back(items[i]);
    return out;
}
Value f_sort(const Value& in, const Params& p) {
    const List l = iterate(in);
    const bool reverse = opt(p, 0, Value(false)).truthy();
    const bool case_sensitive = opt(p, 1, Value(false)).truthy();
    const Value attr = opt(p, 2, Value());
    std::vector<Value> keys;
    for (const auto& v : l) keys.push_back(sort_key(v, attr, case_sensitive));
    return Value::list(sorted(l, keys, reverse));
}
Value f_reverse(const Value& in, const Params&) {
    if (in.is_string()) {
        std::u32string s = utf8::decode_escaped(in.as_string());
        std::reverse(s.begin(), s.end());
        return Value(utf8::encode_escaped(s));
    }
    List l = iterate(in);
    std::reverse(l.begin(), l.end());
    return Value::list(std::move(l));
}
Value f_sum(const Value& in, const Params& p) {
    const Value attr = opt(p, 0, Value());
    Value total = opt(p, 1, Value(std::int64_t{0}));
    if (total.is_string()) throw Error{_("sum cannot add strings (use join)")};
    for (const auto& v : iterate(in)) total = binary_op("+", total, attr.is_none() ? v : lookup_or_fail(v, attr));
    return total;
}
Value f_items(const Value& in, const Params&) {
    if (!in.is_map()) throw Error{_f("the input must be a map, found {}", in.type_name())};
    List out;
    for (const auto& [k, v] : in.as_map()) out.push_back(Value::list({Value(k), v}));
    return Value::list(std::move(out));
}
Value f_groupby(const Value& in, const Params& p) {
    const Path path = path_of(req(p, 0, "attribute"));
    const Value fallback = opt(p, 1, Value());
    const bool case_sensitive = opt(p, 2, Value(false)).truthy();
    const List l = iterate(in);
    List keys, sort_keys;
    for (const auto& v : l) {
        auto k = lookup(v, path);
        if (!k && fallback.is_none()) throw Error{_f("an item has no attribute '{}'", path_text(*p[0]))};
        keys.push_back(k ? *k : fallback);
        sort_keys.push_back(case_sensitive ? keys.back() : ignore_case(keys.back()));
    }
    std::vector<std::size_t> order(l.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return compare(sort_keys[x], sort_keys[y]) < 0; });
    List groups;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        List members;
        while (j < order.size() && sort_keys[order[j]] == sort_keys[order[i]]) members.push_back(l[order[j++]]);
        // The grouper is the key as the first item of the group has it, not its lowered form.
        groups.push_back(Value::map({{"grouper", keys[order[i]]}, {"list", Value::list(std::move(members))}}));
        i = j;
    }
    return Value::list(std::move(groups));
}
// round(precision=0, method="common"): "common" rounds half up on the decimal value (docs:
// Jinja rounds the binary value half to even); "ceil" and "floor" compute as Jinja does,
// ceil(x * 10^p) / 10^p, so they agree to the last bit.
Value f_round(const Value& in, const Params& p) {
    const int n = places(p, 0, 0);
    const std::string method = opt(p, 1, Value("common")).to_string();
    if (method != "common" && method != "ceil" && method != "floor") {
        throw Error{_f("method must be 'common', 'ceil' or 'floor', found '{}'", method)};
    }
    const double x = number(in, N_("the input"));
    if (method == "common") {
        if (in.kind() == Value::Kind::integer) return in;  // Python: round(7, 1) is 7, an integer
        return Value(round_half_up(x, n));
    }
    const double scale = std::pow(10.0, n);
    // + 0.0: Python's math.ceil gives an integer, so -0.5 rounds up to 0.0, not -0.0.
    return Value(((method == "ceil" ? std::ceil(x * scale) : std::floor(x * scale)) + 0.0) / scale);
}

// The text of a number as Python's int() and float() read it: surrounding whitespace (Python's
// isspace) removed; nullopt when what is left holds a character outside ASCII.
std::optional<std::string> ascii_number_text(const std::string& raw) {
    const std::u32string all = utf8::decode_escaped(raw);
    std::size_t b = 0, e = all.size();
    while (b < e && py_space(all[b])) ++b;
    while (e > b && py_space(all[e - 1])) --e;
    std::string s;
    for (std::size_t i = b; i < e; ++i) {
        if (all[i] >= 0x80) return std::nullopt;
        s += static_cast<char>(all[i]);
    }
    return s;
}

// Python's int(text, base): optional sign, a 0x/0o/0b prefix matching the base (any with base 0),
// single underscores between digits, surrounding whitespace.
std::optional<std::int64_t> parse_int(const std::string& raw, std::int64_t base) {
    const std::optional<std::string> stripped = ascii_number_text(raw);
    if (!stripped) return std::nullopt;
    const std::string& s = *stripped;
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    const auto prefix = [&](char c) { return i + 1 < s.size() && s[i] == '0' && (s[i + 1] | 0x20) == c; };
    bool had_prefix = false;
    if (base == 0) {
        base = prefix('x') ? 16 : prefix('o') ? 8 : prefix('b') ? 2 : 10;
        had_prefix = base != 10;
        if (base == 10 && i < s.size() && s[i] == '0') {  // base 0: "0", "00", "0_0" only
            for (std::size_t k = i; k < s.size(); ++k) {
                if (s[k] != '0' && s[k] != '_') return std::nullopt;
            }
        }
    } else if ((base == 16 && prefix('x')) || (base == 8 && prefix('o')) || (base == 2 && prefix('b'))) {
        had_prefix = true;
    }
    if (had_prefix) {
        i += 2;
        if (i < s.size() && s[i] == '_') ++i;
    }
    if (i >= s.size()) return std::nullopt;
    std::uint64_t mag = 0;
    bool last_underscore = true;  // no leading underscore
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '_') {
            if (last_underscore) return std::nullopt;
            last_underscore = true;
            continue;
        }
        const int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10 : 99;
        if (d >= base) return std::nullopt;
        if (mag > (std::numeric_limits<std::uint64_t>::max() - static_cast<std::uint64_t>(d)) / static_cast<std::uint64_t>(base)) {
            throw Error{_("the number does not fit a 64-bit integer")};
        }
        mag = mag * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
        last_underscore = false;
    }
    if (last_underscore) return std::nullopt;
    if (mag > static_cast<std::uint64_t>(INT64_MAX) + (negative ? 1 : 0)) throw Error{_("the number does not fit a 64-bit integer")};
    return negative ? static_cast<std::int64_t>(0 - mag) : static_cast<std::int64_t>(mag);
}
// Python's float(text): decimal with optional exponent and single underscores between digits,
// or inf / infinity / nan in any case; surrounding whitespace.
std::optional<double> parse_float(const std::string& raw) {
    const std::optional<std::string> stripped = ascii_number_text(raw);
    if (!stripped) return std::nullopt;
    const std::string& s = *stripped;
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    std::string word = lower_text(s.substr(i));
    if (word == "inf" || word == "infinity") return negative ? -HUGE_VAL : HUGE_VAL;
    if (word == "nan") return std::numeric_limits<double>::quiet_NaN();
    std::string clean = negative ? "-" : "";
    const auto digits = [&](bool required) {
        std::size_t n = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
            clean += s[i++];
            ++n;
            if (i + 1 < s.size() && s[i] == '_' && std::isdigit(static_cast<unsigned char>(s[i + 1]))) ++i;
        }
        return n > 0 || !required;
    };
    const std::size_t before = clean.size();
    digits(false);
    bool any = clean.size() > before;
    if (i < s.size() && s[i] == '.') {
        clean += s[i++];
        const std::size_t at = clean.size();
        digits(false);
        any = any || clean.size() > at;
    }
    if (!any) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        clean += s[i++];
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) clean += s[i++];
        if (!digits(true)) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    double v = 0;  // from_chars, not strtod: strtod reads the locale's decimal separator
    const auto r = std::from_chars(clean.data(), clean.data() + clean.size(), v);
    if (r.ec == std::errc::result_out_of_range) {
        const auto ex = clean.find_first_of("eE");
        const bool big = ex == std::string::npos || clean[ex + 1] != '-';
        return big ? (negative ? -HUGE_VAL : HUGE_VAL) : (negative ? -0.0 : 0.0);
    }
    return v;
}
// int(default=0, base=10): as Jinja, text that is not an integer is read as a float and
// truncated ("12.7" -> 12), and what cannot be read gives the default.
Value f_int(const Value& in, const Params& p) {
    const Value fallback = opt(p, 0, Value(std::int64_t{0}));
    const std::int64_t base = whole(opt(p, 1, Value(std::int64_t{10})), "base");
    if (base != 0 && (base < 2 || base > 36)) throw Error{_("base must be 0 or between 2 and 36")};
    const auto truncate = [&](double x) -> Value {
        if (std::isnan(x)) return fallback;
        if (!std::isfinite(x) || std::fabs(x) >= 9.2e18) throw Error{_("the number does not fit a 64-bit integer")};
        return Value(static_cast<std::int64_t>(std::trunc(x)));
    };
    switch (in.kind()) {
    case Value::Kind::integer: return in;
    case Value::Kind::boolean: return Value(std::int64_t{in.as_bool()});
    case Value::Kind::number: return truncate(in.as_double());
    case Value::Kind::string:
        if (auto n = parse_int(in.as_string(), base)) return Value(*n);
        if (auto x = parse_float(in.as_string())) return truncate(*x);
        return fallback;
    default: return fallback;
    }
}
Value f_float(const Value& in, const Params& p) {
    const Value fallback = opt(p, 0, Value(0.0));
    switch (in.kind()) {
    case Value::Kind::integer:
    case Value::Kind::number: return Value(in.as_double());
    case Value::Kind::boolean: return Value(in.as_bool() ? 1.0 : 0.0);
    case Value::Kind::string:
        if (auto x = parse_float(in.as_string())) return Value(*x);
        return fallback;
    default: return fallback;
    }
}
Value f_abs(const Value& in, const Params&) {
    if (in.kind() == Value::Kind::integer) {
        if (in.as_int() == INT64_MIN) throw Error{_("integer overflow")};
        return Value(in.as_int() < 0 ? -in.as_int() : in.as_int());
    }
    return Value(std::fabs(number(in, N_("the input"))));
}
Value f_string(const Value& in, const Params&) { return Value(in.to_string()); }
Value f_list(const Value& in, const Params&) {
    if (in.is_string()) check_list_size(in.as_string().size(), "list");
    return Value::list(iterate(in));
}

// Python's str.splitlines(): \n, \r\n, \r, \v, \f, \x1c-\x1e, \x85, U+2028, U+2029 end a line.
std::vector<std::u32string> split_lines(const std::u32string& s) {
    std::vector<std::u32string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char32_t c = s[i];
        if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 || c == 0x2029) {
            out.push_back(s.substr(start, i - start));
            if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            start = i + 1;
        }
    }
    if (start < s.size()) out.push_back(s.substr(start));
    return out;
}
// indent(width=4, first=false, blank=false), as Jinja 3.1: every line but the first (all with
// first=true) gets the indentation; empty lines stay empty unless blank=true. `width` may be
// the indentation text itself. Keeps a multi-line Markdown text inside its list item.
constexpr std::int64_t kMaxIndent = 100;  // a Markdown list never nests deeper
Value f_indent(const Value& in, const Params& p) {
    const std::string& s = text(in, N_("the input"));
    const Value width = opt(p, 0, Value(std::int64_t{4}));
    std::u32string pad;
    if (width.is_string()) {
        pad = utf8::decode_escaped(width.as_string());
    } else {
        const auto w = whole(width, "width");
        if (w < 0 || w > kMaxIndent) throw Error{_f("width must be between 0 and {}", kMaxIndent)};
        pad.assign(static_cast<std::size_t>(w), U' ');
    }
    const bool first = opt(p, 1, Value(false)).truthy(), blank = opt(p, 2, Value(false)).truthy();
    const std::vector<std::u32string> lines = split_lines(utf8::decode_escaped(s) + U"\n");
    std::u32string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) out += U"\n";
        if (i > 0 && (blank || !lines[i].empty())) {
            check_string_size((out.size() + pad.size()) * 4, "indent");
            out += pad;
        }
        out += lines[i];
    }
    if (first) out = pad + out;
    return Value(utf8::encode_escaped(out));
}

// map(attribute=, default=) or map("filter", args…): the named filter applied to each item.
Value f_map(const Value& in, const Args& a, const std::map<std::string, Filter>& all) {
    List out;
    if (a.positional.empty()) {
        const Params p = bind(a, {"attribute", "default"});
        if (!p[0]) throw Error{_("map needs a filter name or attribute=")};
        const Path path = path_of(*p[0]);
        for (const auto& v : iterate(in)) {
            auto x = lookup(v, path);
            if (!x && (!p[1] || p[1]->is_none())) throw Error{_f("an item has no attribute '{}'", path_text(*p[0]))};
            out.push_back(x ? *x : *p[1]);
        }
        return Value::list(std::move(out));
    }
    const std::string& name = text(a.positional[0], N_("the filter name"));
    const auto it = all.find(name);
    if (it == all.end()) throw Error{_f("unknown filter '{}'", name)};
    Args rest;
    rest.positional.assign(a.positional.begin() + 1, a.positional.end());
    rest.keyword = a.keyword;
    for (const auto& v : iterate(in)) out.push_back(it->second(v, rest));
    return Value::list(std::move(out));
}
// select / reject (test, args…) and selectattr / rejectattr (attribute, test, args…). Without a
// test an item's truth decides. A missing attribute is undefined: only the tests `defined` and
// `undefined` accept it (Jinja's StrictUndefined fails on any other use).
Value select(const Value& in, const Args& a, bool keep, bool by_attribute) {
    if (!a.keyword.empty()) throw Error{_f("unexpected keyword argument '{}'", a.keyword.front().first)};
    std::size_t at = 0;
    std::optional<Value> attr;
    if (by_attribute) {
        if (a.positional.empty()) throw Error{_("missing argument 'attribute'")};
        attr = a.positional[at++];
    }
    const std::string test = at < a.positional.size() ? text(a.positional[at++], N_("the test name")) : "";
    Args rest;
    rest.positional.assign(a.positional.begin() + static_cast<std::ptrdiff_t>(std::min(at, a.positional.size())), a.positional.end());
    const std::optional<Path> path = attr ? std::optional<Path>(path_of(*attr)) : std::nullopt;
    List out;
    for (const auto& v : iterate(in)) {
        const std::optional<Value> field = path ? lookup(v, *path) : std::optional<Value>(v);
        if (!field && test != "defined" && test != "undefined") throw Error{_f("an item has no attribute '{}'", path_text(*attr))};
        const bool r = test.empty() ? field->truthy() : apply_test(test, field, rest);
        if (r == keep) out.push_back(v);
    }
    return Value::list(std::move(out));
}

}  // namespace

std::map<std::string, Filter> builtin_filters(const std::map<std::string, Filter>* all) {
    const std::vector<std::string> none;
    return {
        {"default", with({"default_value", "boolean"}, f_default)},
        {"d", with({"default_value", "boolean"}, f_default)},
        {"length", with(none, f_length)},
        {"count", with(none, f_length)},
        {"upper", with(none, f_upper)},
        {"lower", with(none, f_lower)},
        {"title", with(none, f_title)},
        {"capitalize", with(none, f_capitalize)},
        {"trim", with({"chars"}, f_trim)},
        {"replace", with({"old", "new", "count"}, f_replace)},
        {"join", with({"d", "attribute"}, f_join)},
        {"first", with(none, f_first)},
        {"last", with(none, f_last)},
        {"sort", with({"reverse", "case_sensitive", "attribute"}, f_sort)},
        {"reverse", with(none, f_reverse)},
        {"sum", with({"attribute", "start"}, f_sum)},
        {"items", with(none, f_items)},
        {"map", [all](const Value& in, const Args& a) { return f_map(in, a, *all); }},
        {"select", [](const Value& in, const Args& a) { return select(in, a, true, false); }},
        {"reject", [](const Value& in, const Args& a) { return select(in, a, false, false); }},
        {"selectattr", [](const Value& in, const Args& a) { return select(in, a, true, true); }},
        {"rejectattr", [](const Value& in, const Args& a) { return select(in, a, false, true); }},
        {"groupby", with({"attribute", "default", "case_sensitive"}, f_groupby)},
        {"round", with({"precision", "method"}, f_round)},
        {"int", with({"default", "base"}, f_int)},
        {"float", with({"default"}, f_float)},
        {"abs", with(none, f_abs)},
        {"string", with(none, f_string)},
        {"list", with(none, f_list)},
        {"indent", with({"width", "first", "blank"}, f_indent)},
    };
}

namespace {
const std::vector<std::string> kTests = {"defined", "undefined", "none", "number", "integer", "float", "string",
                                         "mapping", "sequence", "iterable", "boolean", "true", "false", "even",
                                         "odd", "divisibleby", "eq", "equalto", "==", "ne", "!=", "gt", ">",
                                         "ge", ">=", "lt", "<", "le", "<=", "in", "lower", "upper"};
bool takes_argument(const std::string& n) {
    return n == "divisibleby" || n == "in" || n == "eq" || n == "equalto" || n == "==" || n == "ne" || n == "!=" ||
           n == "gt" || n == ">" || n == "ge" || n == ">=" || n == "lt" || n == "<" || n == "le" || n == "<=";
}
}  // namespace

bool apply_test(const std::string& name, const std::optional<Value>& v, const Args& a) {
    if (std::find(kTests.begin(), kTests.end(), name) == kTests.end()) throw Error{_f("unknown test '{}'", name)};
    if (!a.keyword.empty()) throw Error{_f("test '{}' takes no keyword arguments", name)};
    const std::size_t wanted = takes_argument(name) ? 1 : 0;
    if (a.positional.size() != wanted) {
        // i18n: not a message (the plural form below: xgettext takes it as the msgid_plural of _n)
        throw Error{_n("test '{1}' takes {0} argument ({2} given)", "test '{1}' takes {0} arguments ({2} given)", wanted, name,
                       a.positional.size())};
    }
    if (name == "defined") return v.has_value();
    if (name == "undefined") return !v.has_value();
    if (!v) throw Error{_f("test '{}' of an undefined value", name)};
    const Value& x = *v;
    if (name == "none") return x.is_none();
    if (name == "number") return x.is_number() || x.kind() == Value::Kind::boolean;  // Python: bool is a number
    if (name == "integer") return x.kind() == Value::Kind::integer;
    if (name == "float") return x.kind() == Value::Kind::number;
    if (name == "string") return x.is_string();
    if (name == "mapping") return x.is_map();
    if (name == "sequence" || name == "iterable") return x.is_list() || x.is_string() || x.is_map();
    if (name == "boolean") return x.kind() == Value::Kind::boolean;
    if (name == "true") return x.kind() == Value::Kind::boolean && x.as_bool();
    if (name == "false") return x.kind() == Value::Kind::boolean && !x.as_bool();
    if (name == "even" || name == "odd") return binary_op("%", x, Value(2)) == Value(name == "even" ? 0 : 1);
    if (name == "divisibleby") return binary_op("%", x, a.positional[0]) == Value(0);
    if (name == "lower" || name == "upper") {
        const std::u32string s = utf8::decode_escaped(x.to_string());
        bool any = false;
        for (char32_t c : s) {
            if (!cased(c)) continue;
            any = true;
            const bool upper_case = lower_of(c) != c || c == 0x130;
            if (name == "lower" ? upper_case : !upper_case) return false;
        }
        return any;
    }
    const Value& other = a.positional[0];
    if (name == "in") return contains(other, x);
    if (name == "eq" || name == "equalto" || name == "==") return x == other;
    if (name == "ne" || name == "!=") return !(x == other);
    const int c = compare(x, other);
    if (name == "gt" || name == ">") return c > 0;
    if (name == "ge" || name == ">=") return c >= 0;
    if (name == "lt" || name == "<") return c < 0;
    return c <= 0;  // le, <=
}

}  // namespace lkjip::tpl
