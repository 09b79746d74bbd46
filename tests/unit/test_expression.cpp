// Indicator formulas over components (expression.hpp), with the seed reports' own cases.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "compute/expression.hpp"
#include "compute/idformat.hpp"

using namespace lkjip;

namespace {

std::optional<double> components(std::string_view n) {
    if (n == "sehat") return 92;     // seed 004: koperasi sehat
    if (n == "aktif") return 165;    // seed 004: koperasi aktif
    if (n == "capai") return 64;     // seed 000
    if (n == "jumlah") return 519;   // seed 000
    if (n == "nol") return 0;
    if (n == "besar") return 1e300;
    if (n == "x_1") return 2;
    if (n == "_y") return 3;
    if (n == "kosong") return std::numeric_limits<double>::quiet_NaN();
    return std::nullopt;
}

double value(std::string_view text) {
    const expr::Result r = expr::evaluate(text, components);
    REQUIRE_MESSAGE(r.value, text);
    CHECK_FALSE(r.error);
    CHECK_FALSE(r.division_by_zero);
    return *r.value;
}

expr::Error error(std::string_view text) {
    const expr::Result r = expr::evaluate(text, components);
    CHECK_FALSE(r.value);
    CHECK_FALSE(r.division_by_zero);
    REQUIRE_MESSAGE(r.error, text);
    return *r.error;
}

}  // namespace

TEST_CASE("expression: seed formulas") {
    CHECK(idfmt::angka(value("sehat / aktif * 100"), 2) == "55,76");  // seed 004
    CHECK(idfmt::angka(value("capai / jumlah * 100"), 2) == "12,33");  // seed 000
    CHECK(value("sehat / aktif * 100") == doctest::Approx(55.757575757));
    CHECK(value("sehat/aktif*100") == value("  sehat\t/\naktif *  100 "));
}

TEST_CASE("expression: arithmetic, precedence and associativity") {
    CHECK(value("2 + 3 * 4") == 14);
    CHECK(value("(2 + 3) * 4") == 20);
    CHECK(value("2 - 3 - 4") == -5);
    CHECK(value("8 / 4 / 2") == 1);
    CHECK(value("10 / 4") == 2.5);
    CHECK(value("-2 * -3") == 6);
    CHECK(value("--1") == 1);
    CHECK(value("-(1 + 2) * 3 - -1") == -8);
    CHECK(value("0.5 * 2") == 1);
    CHECK(value(".5 + 5.") == 5.5);
    CHECK(value("007") == 7);
    CHECK(value("x_1 * _y") == 6);
    CHECK(value("((((1))))") == 1);
}

TEST_CASE("expression: division by zero is not an error") {
    for (const char* text : {"sehat / nol", "0 / 0", "1 / (aktif - aktif)", "sehat / nol * 100 + 1", "1 / -0"}) {
        const expr::Result r = expr::evaluate(text, components);
        CAPTURE(text);
        CHECK_FALSE(r.value);
        CHECK_FALSE(r.error);
        CHECK(r.division_by_zero);
    }
    // A real error later in the formula wins: the formula must be fixed first.
    const expr::Result r = expr::evaluate("sehat / nol + aktf", components);
    REQUIRE(r.error);
    CHECK(r.error->message == "unknown component 'aktf'");
    CHECK_FALSE(r.division_by_zero);
}

TEST_CASE("expression: unknown components") {
    const expr::Error e = error("sehat / aktf");
    CHECK(e.message == "unknown component 'aktf'");
    CHECK(e.offset == 8);
    CHECK(error("Sehat").message == "unknown component 'Sehat'");  // names are case-sensitive
}

TEST_CASE("expression: syntax errors with offsets") {
    struct Case {
        const char* text;
        std::size_t offset;
        const char* message;
    };
    const Case cases[] = {
        {"", 0, "the formula is empty"},
        {"   ", 3, "the formula is empty"},
        {"(sehat + 1", 10, "expected ')' to close the '(' at offset 0"},
        {"sehat + 1)", 9, "unexpected ')': no '(' opens it"},
        {"sehat +", 7, "the formula ends where a number or a name was expected"},
        {"sehat $ 1", 6, "unexpected '$': expected an operator (+ - * /) or the end"},
        {"$", 0, "unexpected '$': expected a number or a name"},
        {"()", 1, "unexpected ')': expected a number or a name"},
        {"2 sehat", 2, "unexpected 's': expected an operator (+ - * /) or the end"},
        {"92,5 * 2", 2, "unexpected ',': numbers use a decimal point (55.76, not 55,76)"},
        {"1.2.3", 3, "a number has two decimal points"},
        {". + 1", 0, "expected a number or a name"},
        {"sehat \xc3\xa9", 6, "unexpected '\xc3\xa9': expected an operator (+ - * /) or the end"},  // é
        {"sehat \xff", 6, "unexpected byte 0xff: expected an operator (+ - * /) or the end"},
        {"* 2", 0, "unexpected '*': expected a number or a name"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const expr::Error e = error(c.text);
        CHECK(e.message == c.message);
        CHECK(e.offset == c.offset);
    }
}

TEST_CASE("expression: values that are not finite") {
    CHECK(error(std::string(400, '9')).message == "the number is out of range");
    CHECK(error("besar * besar").message == "the value is not a finite number");
    CHECK(error("kosong + 1").message == "the value is not a finite number");
}

TEST_CASE("expression: nesting is bounded") {
    const std::string ok = std::string(200, '(') + "1" + std::string(200, ')');
    CHECK(value(ok) == 1);
    const std::string deep = std::string(201, '(') + "1" + std::string(201, ')');
    CHECK(error(deep).message == "the formula nests deeper than 200 levels");
    // Hostile input: refused, not a stack overflow.
    CHECK(error(std::string(100000, '(') + "1").message == "the formula nests deeper than 200 levels");
    CHECK(error(std::string(100000, '-') + "1").message == "the formula nests deeper than 200 levels");
    // Long flat formulas are loops, not nesting.
    std::string flat = "1";
    for (int i = 0; i < 99999; ++i) flat += "+1";
    CHECK(value(flat) == 100000);
}

TEST_CASE("expression: variables") {
    expr::Error e{99, "stale"};
    CHECK(expr::variables("aktif + sehat * aktif - x_1", &e) == std::vector<std::string>{"aktif", "sehat", "x_1"});
    CHECK(e.message.empty());
    CHECK(expr::variables("1 / 0", &e).empty());  // no values: no division by zero either
    CHECK(e.message.empty());
    CHECK(expr::variables("unknown_name * 2") == std::vector<std::string>{"unknown_name"});
    // On a syntax error: the names read before it, and the error.
    CHECK(expr::variables("a + b $ c", &e) == std::vector<std::string>{"a", "b"});
    CHECK(e.offset == 6);
    CHECK(e.message == "unexpected '$': expected an operator (+ - * /) or the end");
    expr::variables("(a + b", &e);
    CHECK(e.message == "expected ')' to close the '(' at offset 0");
    CHECK(expr::variables("", &e).empty());
    CHECK(e.message == "the formula is empty");
}
