// Roman numerals: the one writer, for the report's `romawi` (chapter numbers BAB I..V, the
// sasaran of a renstra: seeds 001 and 002) and the page numbers of the front matter (i, ii, iii).
#pragma once

#include <string>

namespace lkjip {

// 1..3999 in upper case with the subtractive forms (4 IV, 9 IX, 40 XL, 90 XC, 400 CD, 900 CM):
// 1994 is MCMXCIV. Empty outside 1..3999, which has no standard form (no zero, and 4000 would
// need a bar over the letters).
std::string roman_upper(int n);

// The same in lower case: "iv", as the front matter's pages are numbered.
std::string roman_lower(int n);

}  // namespace lkjip
