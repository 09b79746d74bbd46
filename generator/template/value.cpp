#include <algorithm>
// Values as Jinja (that is, Python) writes and compares them: `str` of a value is what `~`,
// `string` and `join` give, and `{{ }}` prints except that none prints nothing (docs/templates.md,
// "Jinja compatibility"); inside a list or map items are written as Python's `repr`.
#include <array>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "common/utf8.hpp"
#include "template/limits.hpp"
#include "template/filters.hpp"
#include "template/template.hpp"

namespace lkjip::tpl {

namespace {

// Depth and weight of a list or map from its items (generator/template/limits.hpp says why).
template <class Items, class Get>
std::shared_ptr<const Boxed<Items>> boxed(Items items, Get get) {
    auto b = std::make_shared<Boxed<Items>>();
    for (const auto& item : items) {
        const Value& v = get(item);
        b->depth = std::max(b->depth, v.depth() + 1);
        const std::uint64_t w = v.weight();
        b->weight = b->weight > UINT64_MAX - w ? UINT64_MAX : b->weight + w;
    }
    b->items = std::move(items);
    return b;
}

}  // namespace

Value Value::list(List items) {
    Value v;
    v.v_ = boxed(std::move(items), [](const Value& x) -> const Value& { return x; });
    return v;
}

Value Value::map(Entries entries) {
    Value v;
    v.v_ = boxed(std::move(entries), [](const auto& kv) -> const Value& { return kv.second; });
    return v;
}

std::uint32_t Value::depth() const {
    if (is_list()) return std::get<5>(v_)->depth;
    if (is_map()) return std::get<6>(v_)->depth;
    return 0;
}

std::uint64_t Value::weight() const {
    if (is_list()) return std::get<5>(v_)->weight;
    if (is_map()) return std::get<6>(v_)->weight;
    return 1;
}

Value Value::callable(std::shared_ptr<const Callable> c) {
    Value v;
    v.v_ = std::move(c);
    return v;
}

double Value::as_double() const {
    if (kind() == Kind::integer) return static_cast<double>(as_int());
    return std::get<double>(v_);
}

const Value* Value::find(std::string_view key) const {
    if (!is_map()) return nullptr;
    for (const auto& [k, v] : as_map()) {
        if (k == key) return &v;
    }
    return nullptr;
}

bool Value::truthy() const {
    switch (kind()) {
    case Kind::none: return false;
    case Kind::boolean: return as_bool();
    case Kind::integer: return as_int() != 0;
    case Kind::number: return as_double() != 0.0;
    case Kind::string: return !as_string().empty();
    case Kind::list: return !as_list().empty();
    case Kind::map: return !as_map().empty();
    case Kind::callable: return true;
    }
    return false;
}

// ---- writing values as Python does -------------------------------------------------------------

// Python's repr of a float: the shortest digits that read back the same, in positional notation
// when the decimal exponent is in [-4, 16), else as d.ddde±XX; a whole number keeps ".0".
std::string float_repr(double x) {
    if (std::isnan(x)) return "nan";
    if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
    std::array<char, 64> buf{};
    const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), x, std::chars_format::scientific);
    const std::string text(buf.data(), r.ptr);  // [-]d[.ddd]e±XX
    const bool negative = text[0] == '-';
    const auto e = text.find('e');
    std::string digits = text.substr(negative ? 1 : 0, e - (negative ? 1 : 0));
    std::erase(digits, '.');
    int exponent = 0;
    std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(), exponent);
    std::string out = negative ? "-" : "";
    if (exponent < -4 || exponent >= 16) {
        out += digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        return out + fmt::format("e{}{:02d}", exponent < 0 ? '-' : '+', std::abs(exponent));
    }
    if (exponent < 0) return out + "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    const auto whole = static_cast<std::size_t>(exponent) + 1;
    if (digits.size() <= whole) return out + digits + std::string(whole - digits.size(), '0') + ".0";
    return out + digits.substr(0, whole) + "." + digits.substr(whole);
}

namespace {

// Code points Python's str.isprintable() refuses in the ranges a report meets (controls, the
// Latin-1 and general punctuation spaces and format characters); repr writes them escaped.
bool printable(char32_t c) {
    if (c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD) return false;
    if (c == 0x1680 || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F)) return false;
    if (c == 0x3000 || c == 0xFEFF || (c >= 0xD800 && c <= 0xDFFF) || (c >= 0xE000 && c <= 0xF8FF)) return false;
    return c != 0xFFFE && c != 0xFFFF && c <= 0x10FFFF;
}

std::string string_repr(const std::string& s) {
    const bool has_single = s.find('\'') != std::string::npos, has_double = s.find('"') != std::string::npos;
    const char quote = has_single && !has_double ? '"' : '\'';
    std::string out(1, quote);
    for (char32_t c : utf8::decode_escaped(s)) {
        if (c == static_cast<char32_t>(quote) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (printable(c)) utf8::append_escaped(out, c);
        else if (c < 0x100) out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
        else if (c < 0x10000) out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        else out += fmt::format("\\U{:08x}", static_cast<unsigned>(c));
    }
    return out + quote;
}

}  // namespace

std::string repr(const Value& v) { return v.is_string() ? string_repr(v.as_string()) : v.to_string(); }

std::string Value::to_string() const {
    switch (kind()) {
    case Kind::none: return "None";
    case Kind::boolean: return as_bool() ? "True" : "False";
    case Kind::integer: return std::to_string(as_int());
    case Kind::number: return float_repr(as_double());
    case Kind::string: return as_string();
    case Kind::list: {
        std::string out = "[";
        for (const auto& v : as_list()) {
            const std::string piece = repr(v);
            check_string_size(out.size() + piece.size() + 3, N_("printing a list"));
            out += (out.size() > 1 ? ", " : "") + piece;
        }
        return out + "]";
    }
    case Kind::map: {
        std::string out = "{";
        for (const auto& [k, v] : as_map()) {
            const std::string piece = string_repr(k) + ": " + repr(v);
            check_string_size(out.size() + piece.size() + 3, N_("printing a map"));
            out += (out.size() > 1 ? ", " : "") + piece;
        }
        return out + "}";
    }
    case Kind::callable: return "<macro>";
    }
    return "";
}

// Only ever inserted into a message, so translated here; `none` is the template's own word.
std::string Value::type_name() const {
    switch (kind()) {
    case Kind::none: return "none";
    case Kind::boolean: return _("a boolean");
    case Kind::integer: return _("an integer");
    case Kind::number: return _("a number");
    case Kind::string: return _("a string");
    case Kind::list: return _("a list");
    case Kind::map: return _("a map");
    case Kind::callable: return _("a macro");
    }
    return _("a value");
}

// As Python: booleans equal the numbers 0 and 1 (`true == 1`, `1 in [true]`); otherwise values of
// different kinds are never equal.
bool operator==(const Value& a, const Value& b) {
    const auto numeric = [](const Value& v) { return v.is_number() || v.kind() == Value::Kind::boolean; };
    if (numeric(a) && numeric(b)) {
        const auto as_int = [](const Value& v) { return v.kind() == Value::Kind::boolean ? std::int64_t{v.as_bool()} : v.as_int(); };
        if (a.kind() != Value::Kind::number && b.kind() != Value::Kind::number) return as_int(a) == as_int(b);
        const auto as_num = [](const Value& v) { return v.kind() == Value::Kind::boolean ? (v.as_bool() ? 1.0 : 0.0) : v.as_double(); };
        return as_num(a) == as_num(b);
    }
    if (a.kind() != b.kind()) return false;
    switch (a.kind()) {
    case Value::Kind::none: return true;
    case Value::Kind::string: return a.as_string() == b.as_string();
    case Value::Kind::list: return a.as_list() == b.as_list();
    case Value::Kind::map: {  // as Python's dicts: the same keys with equal values, in any order
        if (a.as_map().size() != b.as_map().size()) return false;
        for (const auto& [k, v] : a.as_map()) {
            const Value* w = b.find(k);
            if (!w || !(v == *w)) return false;
        }
        return true;
    }
    default: return false;
    }
}

const Value* Args::kw(std::string_view name) const {
    for (const auto& [k, v] : keyword) {
        if (k == name) return &v;
    }
    return nullptr;
}

}  // namespace lkjip::tpl
