// Internal to the template engine: tokens of a template and the syntax tree the parser builds.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "template/template.hpp"

namespace lkjip::tpl {

// A piece of a template file: literal text, or the inside of {{ }} / {% %}.
struct Token {
    enum class Kind { text, output, statement } kind = Kind::text;
    std::string text;
    SourcePos pos;  // where the text starts (inside the delimiters for tags)
};

// Splits a template into tokens, applying whitespace control (`{%-`, `-%}`, trim_blocks and
// lstrip_blocks) and {# comments #} and {% raw %}. Throws Error with a position on an unclosed tag.
struct LexError {
    SourcePos pos;
    std::string message;
};
std::vector<Token> lex(std::string_view text, const std::shared_ptr<const std::string>& file, const Options& options);

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
    enum class Kind { literal, list, name, attr, index, call, filter, test, unary, binary, ternary };
    Kind kind = Kind::literal;
    SourcePos pos;
    Value literal;
    std::string name;  // name, attribute, filter, test, or the operator
    std::vector<ExprPtr> items;  // list items, call/filter/test arguments
    std::vector<std::pair<std::string, ExprPtr>> kwargs;  // call keywords; a chain `a < b <= c`: ("<", b), ("<=", c)
    ExprPtr a, b, c;  // operands; a = object / callee / filter input / condition value
    bool negated = false;  // `is not`, `not in`
    // Levels of the tree below and including this node; the parser bounds it (kMaxExprDepth), so
    // evaluating, describing and freeing the tree recurse at most that deep.
    int height = 1;
};

struct Node;
using Body = std::vector<Node>;

struct Node {
    enum class Kind { text, output, if_, for_, set, include, import, macro };
    Kind kind = Kind::text;
    SourcePos pos;
    std::string text;                 // text; set/import/macro name
    std::vector<std::string> names;   // for targets; macro parameter names; set attribute path
    std::vector<ExprPtr> defaults;    // macro parameter defaults (null when none)
    ExprPtr expr;                     // output, for iterable, set value, include/import name
    ExprPtr condition;                // `for x in xs if condition` (null when none)
    std::vector<std::pair<ExprPtr, Body>> branches;  // if / elif (expr) and else (null expr)
    Body body, else_body;             // for body and {% else %}; macro body
};

struct Parsed {
    std::shared_ptr<const std::string> file;
    Body body;
};

struct ParseError {
    SourcePos pos;
    std::string message;
};
// Parses the tokens of one file; throws ParseError. Nesting of blocks and expressions is bounded.
Parsed parse(const std::vector<Token>& tokens, const std::shared_ptr<const std::string>& file);

}  // namespace lkjip::tpl
