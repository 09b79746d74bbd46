// Internal to the template engine: the built-in filters, tests and operators.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "template/template.hpp"

namespace lkjip::tpl {

std::map<std::string, Filter> builtin_filters();
// `v` is nullopt for an undefined value (only `defined` / `undefined` accept that). Throws Error.
bool apply_test(const std::string& name, const std::optional<Value>& v, const Args& args);
// + - * / // % < > <= >= on values, as Jinja does them. Throws Error.
Value binary_op(const std::string& op, const Value& a, const Value& b);

}  // namespace lkjip::tpl
