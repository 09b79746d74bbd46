#include "common/decimal.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <utility>

#include <fmt/format.h>

namespace lkjip {

// Adds one unit in the last place of a digit string ("199" -> "200", "99" -> "100").
void increment_digits(std::string& digits) {
    for (std::size_t i = digits.size(); i-- > 0;) {
        if (digits[i] != '9') {
            ++digits[i];
            return;
        }
        digits[i] = '0';
    }
    digits.insert(digits.begin(), '1');
}

// The decimal text of |x| before rounding, as whole and fraction digits. Below 10^15 the double
// is written with 15 significant digits (DOMAIN.md §3: round what the value means, not the
// binary noise: 92.225 is 92.2249999... as a double but "92.225" in 15 digits). From 10^15 on,
// 15 digits would drop integer digits (1234567890123456 -> ...460), so the shortest text that
// reads back as the same double is used: every integer up to 2^53 exactly, and 1e25 as
// 1 followed by zeros rather than the double's ...0905969664.
std::pair<std::string, std::string> decimal_text(double ax) {
    std::string text;  // d[.ddd]e±XX
    if (ax < 1e15) {
        text = fmt::format("{:.14e}", ax);
    } else {
        std::array<char, 64> buf{};
        const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), ax, std::chars_format::scientific);
        text.assign(buf.data(), r.ptr);
    }
    const auto e = text.find('e');
    const int exponent = std::atoi(text.c_str() + e + 1);
    std::string mantissa = text.substr(0, e);
    std::erase(mantissa, '.');
    if (exponent < 0) return {"0", std::string(static_cast<std::size_t>(-exponent - 1), '0') + mantissa};
    const auto n = static_cast<std::size_t>(exponent + 1);  // digits before the point
    if (mantissa.size() < n) mantissa.append(n - mantissa.size(), '0');
    return {mantissa.substr(0, n), mantissa.substr(n)};
}

// More places than 12 would only print zeros or noise past the 15 significant digits; the cap
// also bounds the output for a nonsense `places` from a template.
constexpr int kMaxPlaces = 12;

DecimalDigits decimal_digits(double x, int places) {
    places = std::clamp(places, 0, kMaxPlaces);
    DecimalDigits d;
    d.negative = std::signbit(x);
    auto [whole, frac] = decimal_text(std::fabs(x));
    const auto p = static_cast<std::size_t>(places);
    if (frac.size() < p + 1) frac.append(p + 1 - frac.size(), '0');
    const bool round_up = frac[p] >= '5';  // half-up: the first dropped digit decides
    std::string kept = whole + frac.substr(0, p);
    if (round_up) increment_digits(kept);
    d.whole = kept.substr(0, kept.size() - p);
    d.fraction = kept.substr(kept.size() - p);
    const auto first = d.whole.find_first_not_of('0');
    d.whole = first == std::string::npos ? "0" : d.whole.substr(first);
    return d;
}


double round_half_up(double x, int places) {
    if (!std::isfinite(x)) return x;
    const DecimalDigits d = decimal_digits(x, places);
    const std::string text = d.whole + "." + (d.fraction.empty() ? "0" : d.fraction);
    double v = 0;  // from_chars, not strtod: strtod reads the locale's decimal separator
    std::from_chars(text.data(), text.data() + text.size(), v);
    return d.negative ? -v : v;
}

}  // namespace lkjip
