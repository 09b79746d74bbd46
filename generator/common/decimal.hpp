// The decimal digits of a double, rounded half-up on its decimal value: the one rounding of lkjip
// (DOMAIN.md §3 "Rounding"), used by the id-ID writing of compute/idformat and by the template
// engine's `round`. Pure, no locale.
#pragma once

#include <string>
#include <utility>

namespace lkjip {

// The decimal digits of |x| rounded half-up at `places` (clamped to 0..12): integer part and
// fraction part, and the sign of x.
struct DecimalDigits {
    bool negative = false;
    std::string whole;     // at least "0"
    std::string fraction;  // exactly `places` digits
};
DecimalDigits decimal_digits(double x, int places);

// The decimal text of |ax| (ax >= 0) before rounding, as whole and fraction digits: 15
// significant digits below 10^15, the shortest exact text from there on.
std::pair<std::string, std::string> decimal_text(double ax);
// Adds one unit in the last place of a digit string ("199" -> "200", "99" -> "100").
void increment_digits(std::string& digits);

// Round half-up (away from zero for negatives: -1,005 -> -1,01) on the *decimal* value at
// `places` digits, so 92.225 -> 92.23 even though the binary double is 92.22499999...
// The value is first written with 15 significant digits (what a person typed or what the
// formula means), then rounded on that decimal text. DOMAIN.md §3 "Rounding", seed 004 Tabel 45
// (99,9975 -> 100,00). Non-finite input is returned unchanged.
double round_half_up(double x, int places);

}  // namespace lkjip
