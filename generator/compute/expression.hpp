// Arithmetic over the components of an indicator: `sehat / aktif * 100` (seed 004: koperasi sehat
// 92 / koperasi aktif 165 = 55,76). A tiny recursive-descent evaluator, bounded in depth.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lkjip::expr {

struct Error {
    std::size_t offset = 0;  // 0-based byte offset in the text
    std::string message;     // empty: no error
};

// Names the formula uses, in order of first appearance, without duplicates. On a syntax error
// `error` (if given) is filled and the list is what was read before it.
std::vector<std::string> variables(std::string_view text, Error* error = nullptr);

struct Result {
    std::optional<double> value;
    std::optional<Error> error;
    bool division_by_zero = false;  // no value, and no error: the indicator is "tidak dapat diukur"
};

// Grammar: expr = term { ('+'|'-') term }; term = unary { ('*'|'/') unary };
// unary = '-' unary | primary; primary = number | name | '(' expr ')'.
// Numbers use a decimal point (the data format's convention); names [A-Za-z_][A-Za-z0-9_]*.
// A name the lookup does not know is an error naming it.
Result evaluate(std::string_view text, const std::function<std::optional<double>(std::string_view)>& lookup);

}  // namespace lkjip::expr
