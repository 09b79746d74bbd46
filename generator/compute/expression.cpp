#include "compute/expression.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include <fmt/format.h>

namespace lkjip::expr {

namespace {

constexpr int kMaxDepth = 200;  // a hand-written formula never nests this deep

class Parser {
public:
    Parser(std::string_view text, const std::function<std::optional<double>(std::string_view)>* lookup)
        : text_(text), lookup_(lookup) {}

    // Parses the whole text; returns its value (0 when only collecting names).
    std::optional<double> run() {
        auto v = expression(0);
        skip_space();
        if (!failed() && pos_ < text_.size()) fail(fmt::format("unexpected '{}'", text_[pos_]));
        return failed() ? std::nullopt : v;
    }

    [[nodiscard]] bool failed() const { return !error_.message.empty(); }
    [[nodiscard]] const Error& error() const { return error_; }
    [[nodiscard]] bool divided_by_zero() const { return division_by_zero_; }
    [[nodiscard]] const std::vector<std::string>& names() const { return names_; }

private:
    void fail(std::string message) {
        if (!failed()) error_ = {pos_, std::move(message)};
    }
    void skip_space() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    }
    bool eat(char c) {
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }

    std::optional<double> expression(int depth) {
        auto left = term(depth);
        while (!failed()) {
            if (eat('+')) left = combine(left, term(depth), '+');
            else if (eat('-')) left = combine(left, term(depth), '-');
            else break;
        }
        return left;
    }

    std::optional<double> term(int depth) {
        auto left = unary(depth);
        while (!failed()) {
            if (eat('*')) left = combine(left, unary(depth), '*');
            else if (eat('/')) left = combine(left, unary(depth), '/');
            else break;
        }
        return left;
    }

    std::optional<double> combine(std::optional<double> a, std::optional<double> b, char op) {
        if (failed() || !a || !b) return std::nullopt;
        switch (op) {
        case '+': return *a + *b;
        case '-': return *a - *b;
        case '*': return *a * *b;
        default:
            if (*b == 0) {
                if (lookup_) division_by_zero_ = true;
                return std::nullopt;
            }
            return *a / *b;
        }
    }

    std::optional<double> unary(int depth) {
        if (depth > kMaxDepth) {
            fail(fmt::format("the formula nests deeper than {} levels", kMaxDepth));
            return std::nullopt;
        }
        if (eat('-')) {
            auto v = unary(depth + 1);
            return v ? std::optional<double>(-*v) : std::nullopt;
        }
        return primary(depth);
    }

    std::optional<double> primary(int depth) {
        skip_space();
        if (pos_ >= text_.size()) {
            fail("the formula ends where a number or a name was expected");
            return std::nullopt;
        }
        const char c = text_[pos_];
        if (c == '(') {
            ++pos_;
            auto v = expression(depth + 1);
            if (!failed() && !eat(')')) fail("expected ')'");
            return v;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') return number();
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') return name();
        fail(fmt::format("unexpected '{}': expected a number or a name", c));
        return std::nullopt;
    }

    std::optional<double> number() {
        const std::size_t start = pos_;
        bool dot = false;
        while (pos_ < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.')) {
            if (text_[pos_] == '.') {
                if (dot) {
                    fail("a number has two decimal points");
                    return std::nullopt;
                }
                dot = true;
            }
            ++pos_;
        }
        const std::string digits(text_.substr(start, pos_ - start));
        if (digits == ".") {
            pos_ = start;
            fail("expected a number");
            return std::nullopt;
        }
        return std::strtod(digits.c_str(), nullptr);
    }

    std::optional<double> name() {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) ++pos_;
        const std::string n(text_.substr(start, pos_ - start));
        if (std::find(names_.begin(), names_.end(), n) == names_.end()) names_.push_back(n);
        if (!lookup_) return 0.0;
        auto v = (*lookup_)(n);
        if (!v) {
            pos_ = start;
            fail(fmt::format("unknown component '{}'", n));
        }
        return v;
    }

    std::string_view text_;
    const std::function<std::optional<double>(std::string_view)>* lookup_;
    std::size_t pos_ = 0;
    Error error_;
    bool division_by_zero_ = false;
    std::vector<std::string> names_;
};

}  // namespace

std::vector<std::string> variables(std::string_view text, Error* error) {
    Parser p(text, nullptr);
    p.run();
    if (error) *error = p.error();
    return p.names();
}

Result evaluate(std::string_view text, const std::function<std::optional<double>(std::string_view)>& lookup) {
    Parser p(text, &lookup);
    Result r;
    r.value = p.run();
    if (p.failed()) {
        r.value.reset();
        r.error = p.error();
    } else if (p.divided_by_zero()) {
        r.value.reset();
        r.division_by_zero = true;
    }
    return r;
}

}  // namespace lkjip::expr
