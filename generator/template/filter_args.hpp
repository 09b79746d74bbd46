// The arguments of a filter, bound by name as Jinja2 (Python) binds a call: positional, then
// keyword, a wrong, unknown or extra argument an error. The engine's built-in filters use it, and
// so does a stage that registers its own (the report's id-ID filters, report/filters_id.cpp), so
// every filter of a template answers a bad call the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "template/template.hpp"

namespace lkjip::tpl::args {

using Params = std::vector<std::optional<Value>>;

// Binds positional then keyword arguments to `names`. Throws Error.
Params bind(const Args& a, const std::vector<std::string>& names);

using Bound = Value (*)(const Value&, const Params&);
// A filter taking the arguments `names`.
Filter with(std::vector<std::string> names, Bound f);

const Value& req(const Params& p, std::size_t i, const char* name);
Value opt(const Params& p, std::size_t i, Value fallback);
// The input or an argument as a number, a whole number or a string, else Error naming `what`:
// an argument's name (`count`) or a phrase marked N_ ("the input"), translated when it is named.
double number(const Value& v, const char* what);
std::int64_t whole(const Value& v, const char* what);
const std::string& text(const Value& v, const char* what);

// Decimal places of the id-ID filters and of round: a report never needs more than six.
constexpr int kMaxPlaces = 6;
int places(const Params& p, std::size_t i, int fallback);

}  // namespace lkjip::tpl::args
