#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "template/limits.hpp"
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

std::string Value::to_string() const {
    switch (kind()) {
    case Kind::none: return "";
    case Kind::boolean: return as_bool() ? "True" : "False";
    case Kind::integer: return std::to_string(as_int());
    case Kind::number: {
        const double x = as_double();
        if (std::isfinite(x) && x == std::floor(x) && std::fabs(x) < 1e15) return fmt::format("{:.1f}", x);
        return fmt::format("{}", x);  // shortest round-trip, as Python prints floats
    }
    case Kind::string: return as_string();
    case Kind::list: {
        std::string out = "[";
        for (const auto& v : as_list()) {
            const std::string piece = v.is_string() ? "" : v.to_string();
            check_string_size(out.size() + piece.size() + (v.is_string() ? v.as_string().size() : 0) + 4, "printing a list");
            out += (out.size() > 1 ? ", " : "") + (v.is_string() ? "'" + v.as_string() + "'" : piece);
        }
        return out + "]";
    }
    case Kind::map: {
        std::string out = "{";
        for (const auto& [k, v] : as_map()) {
            const std::string piece = v.is_string() ? "" : v.to_string();
            check_string_size(out.size() + k.size() + piece.size() + (v.is_string() ? v.as_string().size() : 0) + 8,
                              "printing a map");
            out += (out.size() > 1 ? ", '" : "'") + k + "': " + (v.is_string() ? "'" + v.as_string() + "'" : piece);
        }
        return out + "}";
    }
    case Kind::callable: return "<macro>";
    }
    return "";
}

std::string Value::type_name() const {
    switch (kind()) {
    case Kind::none: return "none";
    case Kind::boolean: return "a boolean";
    case Kind::integer: return "an integer";
    case Kind::number: return "a number";
    case Kind::string: return "a string";
    case Kind::list: return "a list";
    case Kind::map: return "a map";
    case Kind::callable: return "a macro";
    }
    return "a value";
}

bool operator==(const Value& a, const Value& b) {
    if (a.is_number() && b.is_number()) {
        if (a.kind() == Value::Kind::integer && b.kind() == Value::Kind::integer) return a.as_int() == b.as_int();
        return a.as_double() == b.as_double();
    }
    if (a.kind() != b.kind()) return false;
    switch (a.kind()) {
    case Value::Kind::none: return true;
    case Value::Kind::boolean: return a.as_bool() == b.as_bool();
    case Value::Kind::string: return a.as_string() == b.as_string();
    case Value::Kind::list: return a.as_list() == b.as_list();
    case Value::Kind::map: return a.as_map() == b.as_map();
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
