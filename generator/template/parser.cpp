// The parser: statements by recursive descent, expressions by precedence climbing, in Jinja's
// order (lowest first): `a if c else b`, or, and, not, comparisons / in (chained as in Python:
// `a < b < c` is `a < b and b < c`), + -, ~, * / // %, ** (left to right, as Jinja), unary minus,
// then postfix .attr [index] (call) and filters `| f` and tests `is t`. Nesting depth is bounded so
// a pathological template is an error, not a stack overflow: one limit, kMaxExprDepth, counts both
// the parser's recursion (parentheses, lists, arguments, `not`, unary minus) and the height of the
// tree it builds, which left-associative chains grow without recursing (`1+1+1…`, `x|f|g…`,
// `a.b.c…`, `a[0][0]…`, `a and b and …`); so evaluating the tree recurses at most as deep
// (issue 18, class 3: such chains were not counted and crashed the evaluator). Positions of
// tokens are computed in one pass over the tag, so parsing is linear in its length (each lookup of
// a position used to rescan the tag from its start: quadratic, 20,000 terms took seconds).
#include <cctype>
#include <cstdlib>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "common/utf8.hpp"
#include "template/ast.hpp"
#include "template/filters.hpp"

namespace lkjip::tpl {

namespace {

// Expressions: parentheses, lists, arguments and operators nested, and chains of operators,
// filters, attributes and indexes, at most this many levels (the deepest expression of the
// built-in templates has about 10). The evaluator recurses once per level.
constexpr int kMaxExprDepth = 200;
// {% if %} / {% for %} / {% macro %} nested (the built-in templates nest 4 deep).
constexpr int kMaxBlockDepth = 100;

struct ETok {
    enum class Kind { name, integer, number, string, op, end } kind = Kind::end;
    std::string text;
    SourcePos pos;
};

// Positions of bytes inside a tag, for offsets that only grow: linear over the whole tag.
class PosTracker {
public:
    explicit PosTracker(const Token& t) : t_(t), pos_(t.pos) {}
    SourcePos at(std::size_t offset) {
        for (; done_ < offset && done_ < t_.text.size(); ++done_) {
            if (t_.text[done_] == '\n') {
                ++pos_.line;
                pos_.column = 1;
            } else if (!utf8::is_continuation(t_.text[done_])) {
                ++pos_.column;
            }
        }
        return pos_;
    }

private:
    const Token& t_;
    SourcePos pos_;
    std::size_t done_ = 0;
};

// The text of the string literal at [start, end) of the tag (quotes included), with Python's
// escapes, as Jinja reads literals: \n \t \r \\ \' \" \a \b \f \v, \ooo (octal), \xhh, \uhhhh,
// \Uhhhhhhhh; an unknown escape such as \q stays as written. \N{name} and a surrogate code point
// are refused (Jinja's output could not be written as UTF-8).
// `track` gives the positions of escapes for errors (offsets only grow within a tag).
std::string unescape(const Token& t, std::size_t start, std::size_t end, PosTracker& track) {
    const std::string& s = t.text;
    std::string out;
    for (std::size_t i = start + 1; i + 1 < end; ++i) {
        if (s[i] == '\r' && s[i + 1] == '\n') continue;  // Jinja normalises newlines in literals
        if (s[i] != '\\') {
            out += s[i];
            continue;
        }
        const std::size_t esc = i++;
        const char e = s[i];
        switch (e) {
        case 'n': out += '\n'; continue;
        case 't': out += '\t'; continue;
        case 'r': out += '\r'; continue;
        case 'a': out += '\a'; continue;
        case 'b': out += '\b'; continue;
        case 'f': out += '\f'; continue;
        case 'v': out += '\v'; continue;
        case '\\': case '\'': case '"': out += e; continue;
        case '\n': continue;  // a backslash at the end of a line joins the lines
        default: break;
        }
        if (e >= '0' && e <= '7') {
            char32_t cp = 0;
            std::size_t k = 0;
            for (; k < 3 && i + k < end - 1 && s[i + k] >= '0' && s[i + k] <= '7'; ++k) cp = cp * 8 + static_cast<char32_t>(s[i + k] - '0');
            utf8::append_escaped(out, cp);
            i += k - 1;
            continue;
        }
        if (e == 'x' || e == 'u' || e == 'U') {
            const std::size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            char32_t cp = 0;
            for (std::size_t k = 1; k <= n; ++k) {
                const char h = i + k < end - 1 ? s[i + k] : '\0';  // end - 1 is the closing quote
                const int d = std::isxdigit(static_cast<unsigned char>(h)) ? (std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (h | 0x20) - 'a' + 10) : -1;
                if (d < 0) throw ParseError{track.at(esc), _f("'\\{}' needs {} hexadecimal digits", e, n)};
                cp = cp * 16 + static_cast<char32_t>(d);
            }
            if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) throw ParseError{track.at(esc), _f("'\\{}' names no character", e)};
            utf8::append_escaped(out, cp);
            i += n;
            continue;
        }
        if (e == 'N') throw ParseError{track.at(esc), _("'\\N{…}' is not supported: write the character itself or \\u")};
        out += '\\';  // not an escape: Python keeps the backslash
        out += e;
    }
    return out;
}

std::vector<ETok> tokenize(const Token& t) {
    std::vector<ETok> out;
    const std::string& s = t.text;
    PosTracker track(t);
    auto at = [&](const Token&, std::size_t offset) { return track.at(offset); };
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
            out.push_back({ETok::Kind::name, s.substr(start, i - start), at(t, start)});
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            bool dot = false;
            while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '_' ||
                                    (s[i] == '.' && !dot && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))))) {
                dot = dot || s[i] == '.';
                ++i;
            }
            std::string digits;
            for (std::size_t k = start; k < i; ++k) {
                if (s[k] != '_') digits += s[k];
            }
            if (!dot && digits.size() > 1 && digits[0] == '0' && digits.find_first_not_of('0') != std::string::npos) {
                throw ParseError{at(t, start), _("an integer cannot start with 0 (Jinja reads '0' and then another number)")};
            }
            out.push_back({dot ? ETok::Kind::number : ETok::Kind::integer, digits, at(t, start)});
        } else if (c == '"' || c == '\'') {
            ++i;
            while (i < s.size() && s[i] != c) i += s[i] == '\\' && i + 1 < s.size() ? 2 : 1;
            if (i >= s.size()) throw ParseError{at(t, start), _("unterminated string")};
            ++i;
            const SourcePos string_pos = at(t, start);
            out.push_back({ETok::Kind::string, unescape(t, start, i, track), string_pos});
        } else {
            static const char* kTwo[] = {"==", "!=", "<=", ">=", "//", "**"};
            std::string op(1, c);
            for (const char* two : kTwo) {
                if (s.compare(i, 2, two) == 0) op = two;
            }
            if (std::string("+-*/%~<>=!|.,()[]:{}").find(c) == std::string::npos) {
                throw ParseError{at(t, start), _f("unexpected character '{}'", c)};
            }
            i += op.size();
            out.push_back({ETok::Kind::op, op, at(t, start)});
        }
    }
    out.push_back({ETok::Kind::end, "", at(t, s.size())});
    return out;
}

class ExprParser {
public:
    ExprParser(const Token& tag, std::vector<ETok> toks) : tag_(tag), toks_(std::move(toks)) {}

    [[nodiscard]] const ETok& peek(std::size_t ahead = 0) const {
        return toks_[std::min(pos_ + ahead, toks_.size() - 1)];
    }
    [[nodiscard]] bool at_end() const { return peek().kind == ETok::Kind::end; }
    [[nodiscard]] SourcePos here() const { return peek().pos; }
    bool is_op(const char* op) const { return peek().kind == ETok::Kind::op && peek().text == op; }
    bool is_name(const char* n) const { return peek().kind == ETok::Kind::name && peek().text == n; }
    const ETok& next() { return toks_[pos_ < toks_.size() - 1 ? pos_++ : pos_]; }
    // `what` is a phrase marked N_ ("a value") or a token in quotes ("')'"), translated here.
    [[noreturn]] void fail(const std::string& what) const {
        const ETok& t = peek();
        const char* shown = _(what.c_str());
        throw ParseError{here(), t.kind == ETok::Kind::end ? _f("expected {} at the end of the tag", shown)
                                                          : _f("expected {}, found '{}'", shown, t.text)};
    }
    void expect_op(const char* op) {
        if (!is_op(op)) fail(fmt::format("'{}'", op));
        next();
    }
    std::string expect_name(const char* what) {
        if (peek().kind != ETok::Kind::name) fail(what);
        return next().text;
    }
    void expect_end() {
        if (!at_end()) throw ParseError{here(), _f("unexpected '{}'", peek().text)};
    }

    ExprPtr expression() { return ternary(0); }
    // An expression without `a if c else b`: a for loop's iterable, followed by its `if` filter.
    ExprPtr without_condition() { return or_expr(0); }

private:
    ExprPtr make(Expr::Kind k, const SourcePos& p) {
        auto e = std::make_unique<Expr>();
        e->kind = k;
        e->pos = p;
        return e;
    }
    [[noreturn]] static void too_deep(const SourcePos& p) {
        throw ParseError{p, _f("expression nested deeper than {} levels", kMaxExprDepth)};
    }
    void guard(int depth) const {
        if (depth > kMaxExprDepth) too_deep(here());
    }
    // Sets the height of a node whose children are complete; one past the limit is an error at
    // the node (the operator, filter or bracket that went too deep).
    static void seal(Expr& e) {
        int h = 0;
        for (const Expr* c : {e.a.get(), e.b.get(), e.c.get()}) {
            if (c) h = std::max(h, c->height);
        }
        for (const auto& x : e.items) h = std::max(h, x->height);
        for (const auto& [k, x] : e.kwargs) h = std::max(h, x->height);
        e.height = h + 1;
        if (e.height > kMaxExprDepth) too_deep(e.pos);
    }
    ExprPtr binary(std::string op, ExprPtr a, ExprPtr b, const SourcePos& p) {
        auto e = make(Expr::Kind::binary, p);
        e->name = std::move(op);
        e->a = std::move(a);
        e->b = std::move(b);
        seal(*e);
        return e;
    }

    ExprPtr ternary(int depth) {
        guard(depth);
        auto value = or_expr(depth);
        if (is_name("if")) {
            const SourcePos p = here();
            next();
            auto e = make(Expr::Kind::ternary, p);
            e->b = or_expr(depth + 1);
            e->a = std::move(value);
            if (is_name("else")) {
                next();
                e->c = ternary(depth + 1);
            }
            seal(*e);
            return e;
        }
        return value;
    }
    ExprPtr or_expr(int depth) {
        auto left = and_expr(depth);
        while (is_name("or")) {
            const SourcePos p = here();
            next();
            left = binary("or", std::move(left), and_expr(depth + 1), p);
        }
        return left;
    }
    ExprPtr and_expr(int depth) {
        auto left = not_expr(depth);
        while (is_name("and")) {
            const SourcePos p = here();
            next();
            left = binary("and", std::move(left), not_expr(depth + 1), p);
        }
        return left;
    }
    ExprPtr not_expr(int depth) {
        guard(depth);
        if (is_name("not")) {
            const SourcePos p = here();
            next();
            auto e = make(Expr::Kind::unary, p);
            e->name = "not";
            e->a = not_expr(depth + 1);
            seal(*e);
            return e;
        }
        return comparison(depth);
    }
    ExprPtr comparison(int depth) {
        auto left = additive(depth);
        std::vector<std::pair<std::string, ExprPtr>> chain;
        SourcePos first;
        for (;;) {
            const SourcePos p = here();
            std::string op;
            if (peek().kind == ETok::Kind::op &&
                (is_op("==") || is_op("!=") || is_op("<") || is_op(">") || is_op("<=") || is_op(">="))) {
                op = next().text;
            } else if (is_name("in")) {
                next();
                op = "in";
            } else if (is_name("not") && peek(1).kind == ETok::Kind::name && peek(1).text == "in") {
                next();
                next();
                op = "not in";  // i18n: not a message (the operator)
            } else {
                break;
            }
            if (chain.empty()) first = p;
            chain.emplace_back(std::move(op), additive(depth + 1));
        }
        if (chain.empty()) return left;
        if (chain.size() == 1) {
            const bool negated = chain[0].first == "not in";  // i18n: not a message
            auto e = binary(negated ? "in" : chain[0].first, std::move(left), std::move(chain[0].second), first);
            e->negated = negated;
            return e;
        }
        auto e = binary("compare", std::move(left), nullptr, first);
        e->kwargs = std::move(chain);
        seal(*e);  // again: the chain's operands count for the height too
        return e;
    }
    ExprPtr additive(int depth) {
        auto left = concat(depth);
        while (is_op("+") || is_op("-")) {
            const SourcePos p = here();
            std::string op = next().text;
            left = binary(op, std::move(left), concat(depth + 1), p);
        }
        return left;
    }
    // `~` binds tighter than + and - (Jinja): `1 + 2 ~ 3` is `1 + (2 ~ 3)`.
    ExprPtr concat(int depth) {
        auto left = multiplicative(depth);
        while (is_op("~")) {
            const SourcePos p = here();
            next();
            left = binary("~", std::move(left), multiplicative(depth + 1), p);
        }
        return left;
    }
    ExprPtr multiplicative(int depth) {
        auto left = power(depth);
        while (is_op("*") || is_op("/") || is_op("//") || is_op("%")) {
            const SourcePos p = here();
            std::string op = next().text;
            left = binary(op, std::move(left), power(depth + 1), p);
        }
        return left;
    }
    // Jinja's `**` groups from the left (`2 ** 3 ** 2` is 64) and takes a unary minus first
    // (`-2 ** 2` is 4), unlike Python.
    ExprPtr power(int depth) {
        auto left = unary(depth);
        while (is_op("**")) {
            const SourcePos p = here();
            next();
            left = binary("**", std::move(left), unary(depth + 1), p);
        }
        return left;
    }
    // Jinja applies filters after a unary minus: `-5 | abs` is abs(-5).
    ExprPtr unary(int depth, bool with_filters = true) {
        guard(depth);
        ExprPtr e;
        if (is_op("-") || is_op("+")) {
            const SourcePos p = here();
            std::string op = next().text;
            e = make(Expr::Kind::unary, p);
            e->name = op;
            e->a = unary(depth + 1, false);
            seal(*e);
        } else {
            e = postfix(depth);
        }
        while (with_filters && (is_op("|") || is_name("is"))) {
            if (is_name("is")) {
                e = test(std::move(e), depth);
                continue;
            }
            next();
            auto f = make(Expr::Kind::filter, here());
            f->name = expect_name(N_("a filter name after '|'"));
            if (is_op("(")) arguments(*f, depth);
            f->a = std::move(e);
            seal(*f);
            e = std::move(f);
        }
        return e;
    }
    // `x is [not] name`, `x is name(args)` or `x is name arg` (one argument without parentheses,
    // as Jinja allows). Tests bind as filters do: `a ~ b is odd` tests b.
    ExprPtr test(ExprPtr value, int depth) {
        auto e = make(Expr::Kind::test, here());
        next();
        if (is_name("not")) {
            next();
            e->negated = true;
        }
        e->name = expect_name(N_("a test name after 'is'"));
        if (is_op("(")) {
            arguments(*e, depth);
        } else if ((peek().kind == ETok::Kind::name && !is_name("else") && !is_name("or") && !is_name("and") &&
                    !is_name("is") && !is_name("if") && !is_name("in") && !is_name("not")) ||
                   peek().kind == ETok::Kind::integer || peek().kind == ETok::Kind::number ||
                   peek().kind == ETok::Kind::string || is_op("[")) {
            e->items.push_back(postfix(depth + 1));
        }
        e->a = std::move(value);
        seal(*e);
        return e;
    }
    void arguments(Expr& e, int depth) {
        expect_op("(");
        while (!is_op(")")) {
            if (peek().kind == ETok::Kind::name && peek(1).kind == ETok::Kind::op && peek(1).text == "=") {
                std::string key = next().text;
                next();
                e.kwargs.emplace_back(std::move(key), ternary(depth + 1));
            } else {
                if (!e.kwargs.empty()) fail(N_("a keyword argument (positional arguments come first)"));
                e.items.push_back(ternary(depth + 1));
            }
            if (!is_op(",")) break;
            next();
        }
        expect_op(")");
    }
    ExprPtr postfix(int depth) {
        auto e = primary(depth);
        for (;;) {
            const SourcePos p = here();
            if (is_op(".")) {
                next();
                auto a = make(Expr::Kind::attr, p);
                if (peek().kind == ETok::Kind::integer) {
                    a->kind = Expr::Kind::index;
                    a->b = make(Expr::Kind::literal, p);
                    a->b->literal = Value(static_cast<std::int64_t>(std::strtoll(next().text.c_str(), nullptr, 10)));
                } else {
                    a->name = expect_name(N_("an attribute name after '.'"));
                }
                a->a = std::move(e);
                seal(*a);
                e = std::move(a);
            } else if (is_op("[")) {
                next();
                auto a = make(Expr::Kind::index, p);
                a->a = std::move(e);
                a->b = ternary(depth + 1);
                expect_op("]");
                seal(*a);
                e = std::move(a);
            } else if (is_op("(")) {
                auto a = make(Expr::Kind::call, p);
                a->a = std::move(e);
                arguments(*a, depth);
                seal(*a);
                e = std::move(a);
            } else {
                return e;
            }
        }
    }
    ExprPtr primary(int depth) {
        const SourcePos p = here();
        const ETok& t = peek();
        switch (t.kind) {
        case ETok::Kind::integer: {
            auto e = make(Expr::Kind::literal, p);
            errno = 0;
            const long long v = std::strtoll(t.text.c_str(), nullptr, 10);
            if (errno == ERANGE) throw ParseError{p, _f("integer {} is too large", t.text)};
            e->literal = Value(static_cast<std::int64_t>(v));
            next();
            return e;
        }
        case ETok::Kind::number: {
            auto e = make(Expr::Kind::literal, p);
            e->literal = Value(std::strtod(t.text.c_str(), nullptr));
            next();
            return e;
        }
        case ETok::Kind::string: {
            auto e = make(Expr::Kind::literal, p);
            e->literal = Value(t.text);
            next();
            return e;
        }
        case ETok::Kind::name: {
            auto e = make(Expr::Kind::literal, p);
            const std::string& n = t.text;
            if (n == "true" || n == "True") e->literal = Value(true);
            else if (n == "false" || n == "False") e->literal = Value(false);
            else if (n == "none" || n == "None") e->literal = Value();
            else {
                e->kind = Expr::Kind::name;
                e->name = n;
            }
            next();
            return e;
        }
        case ETok::Kind::op:
            if (t.text == "(") {
                next();
                auto e = ternary(depth + 1);
                expect_op(")");
                return e;
            }
            if (t.text == "[") {
                next();
                auto e = make(Expr::Kind::list, p);
                while (!is_op("]")) {
                    e->items.push_back(ternary(depth + 1));
                    if (!is_op(",")) break;
                    next();
                }
                expect_op("]");
                seal(*e);
                return e;
            }
            break;
        case ETok::Kind::end: break;
        }
        fail(N_("a value"));
    }

    const Token& tag_;
    std::vector<ETok> toks_;
    std::size_t pos_ = 0;
};

class StatementParser {
public:
    StatementParser(const std::vector<Token>& tokens) : tokens_(tokens) {}

    Body body(const std::vector<std::string>& ends, std::string& found, std::size_t& end_index, int depth) {
        if (depth > kMaxBlockDepth) {
            throw ParseError{tokens_[std::min(i_, tokens_.size() - 1)].pos,
                             _f("blocks nested deeper than {} levels", kMaxBlockDepth)};
        }
        Body out;
        while (i_ < tokens_.size()) {
            const Token& t = tokens_[i_];
            if (t.kind == Token::Kind::text) {
                Node n;
                n.kind = Node::Kind::text;
                n.pos = t.pos;
                n.text = t.text;
                out.push_back(std::move(n));
                ++i_;
                continue;
            }
            ExprParser ep(t, tokenize(t));
            if (t.kind == Token::Kind::output) {
                Node n;
                n.kind = Node::Kind::output;
                n.pos = t.pos;
                if (ep.at_end()) throw ParseError{t.pos, _("empty {{ }}")};
                n.expr = ep.expression();
                ep.expect_end();
                out.push_back(std::move(n));
                ++i_;
                continue;
            }
            if (ep.at_end()) throw ParseError{t.pos, _("empty {% %}")};
            const std::string keyword = ep.peek().kind == ETok::Kind::name ? ep.peek().text : "";
            for (const auto& e : ends) {
                if (keyword == e) {
                    found = keyword;
                    end_index = i_;
                    return out;
                }
            }
            ep.next();
            ++i_;
            out.push_back(statement(keyword, t, ep, depth));
        }
        found.clear();
        return out;
    }

private:
    Node statement(const std::string& keyword, const Token& t, ExprParser& ep, int depth) {
        Node n;
        n.pos = t.pos;
        if (keyword == "if") return if_block(t, ep, depth);
        if (keyword == "for") return for_block(t, ep, depth);
        if (keyword == "set") {
            n.kind = Node::Kind::set;
            n.text = ep.expect_name(N_("a variable name after 'set'"));
            ep.expect_op("=");
            n.expr = ep.expression();
            ep.expect_end();
            return n;
        }
        if (keyword == "include") {
            n.kind = Node::Kind::include;
            n.expr = ep.expression();
            ep.expect_end();
            return n;
        }
        if (keyword == "import") {
            n.kind = Node::Kind::import;
            n.expr = ep.expression();
            if (!ep.is_name("as")) ep.fail(N_("'as' and a name"));
            ep.next();
            n.text = ep.expect_name(N_("a name after 'as'"));
            ep.expect_end();
            return n;
        }
        if (keyword == "macro") return macro_block(t, ep, depth);
        const std::vector<std::string> known = {"if", "for", "set", "include", "import", "macro", "raw"};
        const std::string near = closest_match(keyword, known);
        throw ParseError{t.pos, keyword.empty()  ? std::string(_("expected a statement name after '{%'"))
                                : near.empty() ? _f("unknown statement '{}'", keyword)
                                               : _f("unknown statement '{}' (did you mean '{}'?)", keyword, near)};
    }

    // Checks the closing tag has nothing after its keyword.
    void close(std::size_t index) {
        const Token& t = tokens_[index];
        ExprParser ep(t, tokenize(t));
        ep.next();
        ep.expect_end();
        i_ = index + 1;
    }

    [[noreturn]] void unclosed(const Token& open, const char* what, const char* end) const {
        throw ParseError{open.pos, _f("'{}' is never closed: expected '{{% {} %}}'", what, end)};
    }

    Node if_block(const Token& t, ExprParser& ep, int depth) {
        Node n;
        n.kind = Node::Kind::if_;
        n.pos = t.pos;
        ExprPtr cond = ep.expression();
        ep.expect_end();
        for (;;) {
            std::string found;
            std::size_t end = 0;
            Body b = body({"elif", "else", "endif"}, found, end, depth + 1);
            if (found.empty()) unclosed(t, "if", "endif");
            n.branches.emplace_back(std::move(cond), std::move(b));
            const Token& et = tokens_[end];
            ExprParser ep2(et, tokenize(et));
            ep2.next();
            i_ = end + 1;
            if (found == "endif") {
                ep2.expect_end();
                return n;
            }
            if (found == "else") {
                ep2.expect_end();
                std::string f2;
                std::size_t e2 = 0;
                Body eb = body({"endif"}, f2, e2, depth + 1);
                if (f2.empty()) unclosed(t, "if", "endif");
                n.branches.emplace_back(nullptr, std::move(eb));
                close(e2);
                return n;
            }
            cond = ep2.expression();
            ep2.expect_end();
        }
    }

    Node for_block(const Token& t, ExprParser& ep, int depth) {
        Node n;
        n.kind = Node::Kind::for_;
        n.pos = t.pos;
        n.names.push_back(ep.expect_name(N_("a loop variable after 'for'")));
        while (ep.is_op(",")) {
            ep.next();
            n.names.push_back(ep.expect_name(N_("a loop variable")));
        }
        if (!ep.is_name("in")) ep.fail("'in'");
        ep.next();
        n.expr = ep.without_condition();
        if (ep.is_name("if")) {
            ep.next();
            n.condition = ep.expression();
        }
        ep.expect_end();
        std::string found;
        std::size_t end = 0;
        n.body = body({"else", "endfor"}, found, end, depth + 1);
        if (found.empty()) unclosed(t, "for", "endfor");
        if (found == "else") {
            close(end);
            n.else_body = body({"endfor"}, found, end, depth + 1);
            if (found.empty()) unclosed(t, "for", "endfor");
        }
        close(end);
        return n;
    }

    Node macro_block(const Token& t, ExprParser& ep, int depth) {
        Node n;
        n.kind = Node::Kind::macro;
        n.pos = t.pos;
        n.text = ep.expect_name(N_("a macro name"));
        ep.expect_op("(");
        while (!ep.is_op(")")) {
            n.names.push_back(ep.expect_name(N_("a parameter name")));
            if (ep.is_op("=")) {
                ep.next();
                n.defaults.push_back(ep.expression());
            } else {
                n.defaults.push_back(nullptr);
            }
            if (!ep.is_op(",")) break;
            ep.next();
        }
        ep.expect_op(")");
        ep.expect_end();
        std::string found;
        std::size_t end = 0;
        n.body = body({"endmacro"}, found, end, depth + 1);
        if (found.empty()) unclosed(t, "macro", "endmacro");
        close(end);
        return n;
    }

    const std::vector<Token>& tokens_;
    std::size_t i_ = 0;
};

}  // namespace

Parsed parse(const std::vector<Token>& tokens, const std::shared_ptr<const std::string>& file) {
    StatementParser p(tokens);
    std::string found;
    std::size_t end = 0;
    Parsed out;
    out.file = file;
    out.body = p.body({"endif", "endfor", "endmacro", "elif", "else", "endraw"}, found, end, 0);
    if (!found.empty()) {
        throw ParseError{tokens[end].pos, _f("'{}' without a matching opening statement", found)};
    }
    return out;
}

}  // namespace lkjip::tpl
