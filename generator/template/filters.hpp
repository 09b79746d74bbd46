// Internal to the template engine: the built-in filters, tests and operators, and the Python
// semantics they share (Jinja2 runs on Python; docs/templates.md, "Jinja compatibility").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "template/template.hpp"

namespace lkjip::tpl {

// The built-in filters. `all` is the environment's whole table (built-ins and the caller's), which
// `map("filter")` calls into; it must outlive the filters.
std::map<std::string, Filter> builtin_filters(const std::map<std::string, Filter>* all);
// `v` is nullopt for an undefined value (only `defined` / `undefined` accept that). Throws Error.
bool apply_test(const std::string& name, const std::optional<Value>& v, const Args& args);
// + - * / // % ** < > <= >= on values, as Python does them (integers are 64-bit: overflow is an
// error). Throws Error.
Value binary_op(const std::string& op, const Value& a, const Value& b);
// Python's ordering: <0, 0, >0. Numbers (and booleans) with numbers, strings by code point, lists
// item by item; anything else throws Error (Python's TypeError).
int compare(const Value& a, const Value& b);
// `a in b`: an item of a list, a key of a map, a part of a string. Throws Error.
bool contains(const Value& b, const Value& a);

// Python's repr: strings quoted and escaped, everything else as to_string().
std::string repr(const Value& v);
std::string float_repr(double x);

}  // namespace lkjip::tpl
