// The template engine: Jinja's everyday subset, strict (an undefined name is an error, never a
// blank: seed 004 shipped "sejumlah koperasi. Sedangkan Koperasi Aktif berjumlah Koperasi"),
// with file:line:col errors and the include/macro chain. docs/templates.md is its manual.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "common/diagnostics.hpp"

namespace lkjip::tpl {

class Value;
using List = std::vector<Value>;
using Entries = std::vector<std::pair<std::string, Value>>;
struct Callable;
// A list's or map's items with their nesting depth and weight (generator/template/limits.hpp),
// computed once when the value is made, so the renderer can bound them without walking it.
template <class Items>
struct Boxed {
    Items items;
    std::uint32_t depth = 1;   // 1 + the deepest item's depth (a scalar has 0)
    std::uint64_t weight = 1;  // 1 + the items' weights, shared items counted each time (saturating)
};

// A dynamic value: none, bool, integer, number, string, list, map (insertion-ordered) or a
// callable (macro or function). Lists and maps are shared and immutable, so copies are cheap.
// `origin` optionally tells where in the data file the value came from, for error messages.
class Value {
public:
    enum class Kind { none, boolean, integer, number, string, list, map, callable };

    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : v_(b) {}
    Value(int n) : v_(static_cast<std::int64_t>(n)) {}
    Value(std::int64_t n) : v_(n) {}
    Value(double x) : v_(x) {}
    Value(std::string s) : v_(std::make_shared<const std::string>(std::move(s))) {}
    Value(const char* s) : Value(std::string(s)) {}
    static Value list(List items);
    static Value map(Entries entries);
    static Value callable(std::shared_ptr<const Callable> c);

    [[nodiscard]] Kind kind() const { return static_cast<Kind>(v_.index()); }
    [[nodiscard]] bool is_none() const { return kind() == Kind::none; }
    [[nodiscard]] bool is_number() const { return kind() == Kind::integer || kind() == Kind::number; }
    [[nodiscard]] bool is_string() const { return kind() == Kind::string; }
    [[nodiscard]] bool is_list() const { return kind() == Kind::list; }
    [[nodiscard]] bool is_map() const { return kind() == Kind::map; }

    [[nodiscard]] bool as_bool() const { return std::get<bool>(v_); }
    [[nodiscard]] std::int64_t as_int() const { return std::get<std::int64_t>(v_); }
    [[nodiscard]] double as_double() const;  // integer or number
    [[nodiscard]] const std::string& as_string() const { return *std::get<4>(v_); }
    [[nodiscard]] const List& as_list() const { return std::get<5>(v_)->items; }
    [[nodiscard]] const Entries& as_map() const { return std::get<6>(v_)->items; }
    [[nodiscard]] const Callable& as_callable() const { return *std::get<7>(v_); }

    // Map lookup; nullptr when the key is absent or this is not a map.
    [[nodiscard]] const Value* find(std::string_view key) const;
    [[nodiscard]] bool truthy() const;
    // Lists and maps nested inside this value (0 for a scalar), and the number of values it holds
    // counting itself (1 for a scalar): what printing or comparing it costs.
    [[nodiscard]] std::uint32_t depth() const;
    [[nodiscard]] std::uint64_t weight() const;
    // Text as Python's str() writes it (`~`, `string`, `join`): none -> "None", true -> "True",
    // 1.0 -> "1.0", [1, 'a'] -> "[1, 'a']". `{{ none }}` prints nothing (render.cpp).
    [[nodiscard]] std::string to_string() const;
    // "a string", "a list", for messages.
    [[nodiscard]] std::string type_name() const;
    friend bool operator==(const Value& a, const Value& b);

    SourcePos origin;

private:
    std::variant<std::monostate, bool, std::int64_t, double, std::shared_ptr<const std::string>,
                 std::shared_ptr<const Boxed<List>>, std::shared_ptr<const Boxed<Entries>>, std::shared_ptr<const Callable>>
        v_;
};

// Raised by filters and functions for a bad argument; the engine adds the position and chain.
struct Error {
    std::string message;
};

// Arguments of a filter or function call: positional and keyword.
struct Args {
    List positional;
    std::vector<std::pair<std::string, Value>> keyword;
    [[nodiscard]] const Value* kw(std::string_view name) const;
};

using Filter = std::function<Value(const Value& input, const Args& args)>;
using Function = std::function<Value(const Args& args)>;

struct Options {
    bool trim_blocks = true;    // drop the newline after a block tag
    bool lstrip_blocks = true;  // drop the indentation before a block tag on its own line
    int max_depth = 64;         // macro calls and includes, nested
    std::size_t max_output = std::size_t{64} << 20;
    // The evaluation budget (issue 18, class 5: a loop nest of 10^10 iterations never ended): one
    // step per expression evaluated and statement run, four per loop turn, one per 16 bytes of
    // output or of a value built. The built-in report takes 30,148 steps over the largest sample
    // (kota-pekalongan) and about 1,200 more per indicator (3,000 added: 3.6 million), so a report
    // at the page limit (5,000 pages, about 9,000 indicators) needs some 11 million; 50 million
    // leaves room for richer text and stops a runaway loop in about 3 s (docs/templates.md).
    std::uint64_t max_steps = 50'000'000;
};

class Environment {
public:
    // `search_path`: folders in order; the first that has a template name wins (a user folder
    // given with --templates comes before the built-in templates).
    explicit Environment(std::vector<std::string> search_path, Options options = {});
    ~Environment();
    Environment(const Environment&) = delete;
    Environment& operator=(const Environment&) = delete;

    void add_filter(const std::string& name, Filter f);
    void add_function(const std::string& name, Function f);

    // Renders a template of the search path with `context` (a map) as its global variables.
    // On error returns nullopt and adds positioned diagnostics.
    std::optional<std::string> render_file(const std::string& name, const Value& context, Diagnostics& diags);
    // The same from text; `name` is used in messages and includes resolve through the path.
    std::optional<std::string> render_string(std::string_view text, const std::string& name, const Value& context,
                                             Diagnostics& diags);

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace lkjip::tpl
