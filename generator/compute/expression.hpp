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
// Numbers use a decimal point (the data format's convention; an id-ID comma "55,76" is an error
// that says so); names [A-Za-z_][A-Za-z0-9_]*; whitespace is ignored. Nesting (parentheses and
// unary minus) deeper than 200 is an error, so hostile input cannot exhaust the stack.
// Errors: an empty formula, a syntax error, a name the lookup does not know ("unknown component
// 'aktf'", offset at the name), a number out of range, a value that is not finite (overflow).
// Division by zero (anywhere, also 0/0) is not an error: no value and division_by_zero = true.
// A syntax or unknown-name error wins over division by zero.
Result evaluate(std::string_view text, const std::function<std::optional<double>(std::string_view)>& lookup);

}  // namespace lkjip::expr
