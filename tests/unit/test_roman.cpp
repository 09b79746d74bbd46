// The one roman-numeral writer (generator/common/roman.hpp): the report's `romawi` and the front
// matter's page numbers.
#include <doctest/doctest.h>

#include "common/roman.hpp"

using namespace lkjip;

TEST_CASE("roman: the subtractive forms, 1 to 3999") {
    CHECK(roman_upper(1) == "I");
    CHECK(roman_upper(4) == "IV");
    CHECK(roman_upper(9) == "IX");
    CHECK(roman_upper(14) == "XIV");
    CHECK(roman_upper(40) == "XL");
    CHECK(roman_upper(90) == "XC");
    CHECK(roman_upper(400) == "CD");
    CHECK(roman_upper(1994) == "MCMXCIV");
    CHECK(roman_upper(2024) == "MMXXIV");
    CHECK(roman_upper(3999) == "MMMCMXCIX");
}

TEST_CASE("roman: no form outside 1 to 3999") {
    CHECK(roman_upper(0).empty());
    CHECK(roman_upper(4000).empty());
    CHECK(roman_upper(-1).empty());
    CHECK(roman_lower(0).empty());
    CHECK(roman_lower(4000).empty());
}

TEST_CASE("roman: page numbers in lower case") {
    CHECK(roman_lower(1) == "i");
    CHECK(roman_lower(4) == "iv");
    CHECK(roman_lower(14) == "xiv");
    CHECK(roman_lower(1994) == "mcmxciv");
    CHECK(roman_lower(3999) == "mmmcmxcix");
}
