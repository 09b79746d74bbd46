// The formula evaluator of expression.hpp: recursive descent, one function per grammar rule,
// with the depth counted so that 100 000 '(' is an error rather than a stack overflow.
#include "compute/expression.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "common/utf8.hpp"

namespace lkjip::expr {

namespace {

constexpr int kMaxDepth = 200;  // a hand-written formula never nests this deep

// ASCII only, not <cctype>: its answers for bytes >= 0x80 follow the process locale.
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The character at `pos` for a message: the whole UTF-8 sequence ('é', not a lone lead byte,
// which would make the message itself invalid UTF-8), or the byte in hex when it is not text.
std::string describe(std::string_view text, std::size_t pos) {
    const auto b = static_cast<unsigned char>(text[pos]);
    if (b >= 0x20 && b < 0x7f) return fmt::format("'{}'", text[pos]);
    if (const std::size_t len = utf8::sequence_at(text, pos).length; b >= 0x80 && len > 0)
        return fmt::format("'{}'", text.substr(pos, len));
    return _f("byte 0x{:02x}", b);
}

class Parser {
public:
    Parser(std::string_view text, const std::function<std::optional<double>(std::string_view)>* lookup)
        : text_(text), lookup_(lookup) {}

    // Parses the whole text; returns its value (0 when only collecting names).
    std::optional<double> run() {
        skip_space();
        if (pos_ == text_.size()) {
            fail(_("the formula is empty"));
            return std::nullopt;
        }
        auto v = expression(0);
        skip_space();
        if (!failed() && pos_ < text_.size()) {
            if (text_[pos_] == ')') fail(_("unexpected ')': no '(' opens it"));
            else if (text_[pos_] == ',') fail(comma_message());
            else fail(_f("unexpected {}: expected an operator (+ - * /) or the end", describe(text_, pos_)));
        }
        if (!failed() && v && !std::isfinite(*v)) {
            pos_ = 0;  // the whole formula: an overflow, or a component that is not finite
            fail(_("the value is not a finite number"));
        }
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
        while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
    }
    // Writers of id-ID reports type 55,76; the formula language has only the decimal point.
    static std::string comma_message() { return _("unexpected ',': numbers use a decimal point (55.76, not 55,76)"); }
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
            fail(_f("the formula nests deeper than {} levels", kMaxDepth));
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
            fail(_("the formula ends where a number or a name was expected"));
            return std::nullopt;
        }
        const char c = text_[pos_];
        if (c == '(') {
            const std::size_t open = pos_++;
            auto v = expression(depth + 1);
            if (!failed() && !eat(')')) fail(_f("expected ')' to close the '(' at offset {}", open));
            return v;
        }
        if (is_digit(c) || c == '.') return number();
        if (is_name_start(c)) return name();
        if (c == ',') fail(comma_message());
        else fail(_f("unexpected {}: expected a number or a name", describe(text_, pos_)));
        return std::nullopt;
    }

    std::optional<double> number() {
        const std::size_t start = pos_;
        bool dot = false;
        while (pos_ < text_.size() && (is_digit(text_[pos_]) || text_[pos_] == '.')) {
            if (text_[pos_] == '.') {
                if (dot) {
                    fail(_("a number has two decimal points"));
                    return std::nullopt;
                }
                dot = true;
            }
            ++pos_;
        }
        const std::string_view digits = text_.substr(start, pos_ - start);
        if (digits == ".") {
            pos_ = start;
            fail(_("expected a number or a name"));
            return std::nullopt;
        }
        // from_chars, not strtod: strtod reads the locale's decimal separator.
        double v = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
        if (ec != std::errc() || end != digits.data() + digits.size()) {
            pos_ = start;
            fail(_("the number is out of range"));
            return std::nullopt;
        }
        return v;
    }

    std::optional<double> name() {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && is_name_char(text_[pos_])) ++pos_;
        const std::string n(text_.substr(start, pos_ - start));
        if (std::find(names_.begin(), names_.end(), n) == names_.end()) names_.push_back(n);
        if (!lookup_) return 0.0;
        auto v = (*lookup_)(n);
        if (!v) {
            pos_ = start;
            fail(_f("unknown component '{}'", n));
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
