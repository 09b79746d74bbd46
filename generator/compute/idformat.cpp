// id-ID writing of numbers, money, dates, words (DOMAIN.md §4). No locale machinery: the rules
// are fixed by the reports, not by the machine.
#include "compute/idformat.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace lkjip::idfmt {

namespace {

// The decimal digits of |x| rounded half-up at `places`: integer part and fraction part.
struct Decimal {
    bool negative = false;
    std::string whole;     // at least "0"
    std::string fraction;  // exactly `places` digits
};

// Adds one unit in the last place of a digit string ("199" -> "200", "99" -> "100").
void increment(std::string& digits) {
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

Decimal to_decimal(double x, int places) {
    places = std::clamp(places, 0, kMaxPlaces);
    Decimal d;
    d.negative = std::signbit(x);
    auto [whole, frac] = decimal_text(std::fabs(x));
    const auto p = static_cast<std::size_t>(places);
    if (frac.size() < p + 1) frac.append(p + 1 - frac.size(), '0');
    const bool round_up = frac[p] >= '5';  // half-up: the first dropped digit decides
    std::string kept = whole + frac.substr(0, p);
    if (round_up) increment(kept);
    d.whole = kept.substr(0, kept.size() - p);
    d.fraction = kept.substr(kept.size() - p);
    const auto first = d.whole.find_first_not_of('0');
    d.whole = first == std::string::npos ? "0" : d.whole.substr(first);
    return d;
}

std::string group_thousands(const std::string& digits) {
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[i];
        const std::size_t left = n - 1 - i;
        if (left > 0 && left % 3 == 0) out += '.';
    }
    return out;
}

constexpr std::array<const char*, 12> kOnes = {"nol",   "satu",  "dua",     "tiga",     "empat",  "lima",
                                               "enam",  "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"};

// 0 < n < 1000.
std::string words_below_thousand(unsigned n) {
    std::string out;
    auto add = [&](const std::string& w) { out += (out.empty() ? "" : " ") + w; };
    const unsigned hundreds = n / 100, rest = n % 100;
    if (hundreds == 1) add("seratus");
    else if (hundreds > 1) add(std::string(kOnes[hundreds]) + " ratus");
    if (rest == 0) return out;
    if (rest < 12) add(kOnes[rest]);
    else if (rest < 20) add(std::string(kOnes[rest % 10]) + " belas");
    else {
        add(std::string(kOnes[rest / 10]) + " puluh");
        if (rest % 10) add(kOnes[rest % 10]);
    }
    return out;
}

// Short-scale names as KBBI and Indonesian usage have them (10^3 ribu ... 10^33 desiliun).
// int64 needs up to kuintiliun (10^18); the rest serve terbilang(double).
constexpr std::array<const char*, 12> kScale = {"",          "ribu",       "juta",       "miliar",
                                                "triliun",   "kuadriliun", "kuintiliun", "sekstiliun",
                                                "septiliun", "oktiliun",   "noniliun",   "desiliun"};

// Words for a string of decimal digits (leading zeros allowed); nullopt from 10^36 on, which has
// no name in the scale.
std::optional<std::string> words(std::string_view digits) {
    const auto first = digits.find_first_not_of('0');
    if (first == std::string_view::npos) return "nol";
    digits.remove_prefix(first);
    const std::size_t groups = (digits.size() + 2) / 3;
    if (groups > kScale.size()) return std::nullopt;
    std::string out;
    std::size_t pos = 0, len = digits.size() - (groups - 1) * 3;  // the leading group may be short
    for (std::size_t i = groups; i-- > 0; pos += len, len = 3) {
        unsigned g = 0;
        for (char c : digits.substr(pos, len)) g = g * 10 + static_cast<unsigned>(c - '0');
        if (g == 0) continue;
        std::string part;
        if (i == 1 && g == 1) part = "seribu";  // "seribu", never "satu ribu"
        else {
            part = words_below_thousand(g);
            if (i > 0) part += std::string(" ") + kScale[i];
        }
        out += (out.empty() ? "" : " ") + part;
    }
    return out;
}

}  // namespace

double round_half_up(double x, int places) {
    if (!std::isfinite(x)) return x;
    const Decimal d = to_decimal(x, places);
    const std::string text = d.whole + "." + (d.fraction.empty() ? "0" : d.fraction);
    double v = 0;  // from_chars, not strtod: strtod reads the locale's decimal separator
    std::from_chars(text.data(), text.data() + text.size(), v);
    return d.negative ? -v : v;
}

std::string angka(double x, int places) {
    if (!std::isfinite(x)) return "-";
    const Decimal d = to_decimal(x, places);
    const bool zero = d.whole == "0" && d.fraction.find_first_not_of('0') == std::string::npos;
    // Built by appending: `const char* + std::string` trips GCC 12's -Wrestrict at -O3 (a false
    // positive, GCC bug 105329).
    std::string out;
    if (d.negative && !zero) out += '-';
    out += group_thousands(d.whole);
    if (!d.fraction.empty()) {
        out += ',';
        out += d.fraction;
    }
    return out;
}

std::string angka(std::int64_t n) {
    // Via unsigned so INT64_MIN has a magnitude.
    const unsigned long long mag = n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    std::string out;
    if (n < 0) out += '-';
    out += group_thousands(std::to_string(mag));
    return out;
}

std::string persen(double x, int places) {
    if (!std::isfinite(x)) return "-";  // not "-%"
    return angka(x, places) + "%";
}

std::string rupiah(std::int64_t n) {
    const unsigned long long mag = n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    return (n < 0 ? "-Rp " : "Rp ") + group_thousands(std::to_string(mag));
}

std::string terbilang(std::int64_t n) {
    const unsigned long long mag = n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    return (n < 0 ? "minus " : "") + *words(std::to_string(mag));  // 19 digits: always named
}

std::string terbilang(double x, int places) {
    if (!std::isfinite(x)) return "-";
    const Decimal d = to_decimal(x, places);
    std::string fraction = d.fraction;
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    const bool zero = d.whole == "0" && fraction.empty();
    const auto whole = words(d.whole);
    if (!whole) return "-";
    std::string out = (d.negative && !zero ? "minus " : "") + *whole;
    if (fraction.empty()) return out;
    out += " koma";
    std::size_t i = 0;
    for (; i < fraction.size() && fraction[i] == '0'; ++i) out += " nol";  // seed 000: 5,08 "koma nol delapan"
    if (i < fraction.size()) {
        out += ' ';
        out += *words(std::string_view(fraction).substr(i));  // at most 12 digits
    }
    return out;
}

std::string angka_terbilang(std::int64_t n) { return angka(n) + " (" + terbilang(n) + ")"; }

std::string nama_bulan(int month) {
    static constexpr std::array<const char*, 12> kNames = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                                           "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
    if (month < 1 || month > 12) return {};
    return kNames[static_cast<std::size_t>(month - 1)];
}

bool tanggal_valid(int year, int month, int day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int max = kDays[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
    return day <= max;
}

std::string tanggal(int year, int month, int day) {
    if (!tanggal_valid(year, month, day)) return {};
    return fmt::format("{} {} {}", day, nama_bulan(month), year);
}

std::string romawi(int n) {
    if (n < 1 || n > 3999) return {};
    static constexpr std::array<std::pair<int, const char*>, 13> kTable = {{{1000, "M"}, {900, "CM"}, {500, "D"},
                                                                             {400, "CD"}, {100, "C"}, {90, "XC"},
                                                                             {50, "L"}, {40, "XL"}, {10, "X"},
                                                                             {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}};
    std::string out;
    for (const auto& [value, letters] : kTable) {
        while (n >= value) {
            out += letters;
            n -= value;
        }
    }
    return out;
}

std::string huruf(int n) {
    // Bijective base 26 (a..z, aa..az, ba..): seed 002 lists a.-bv. for 74 items.
    std::string out;
    while (n > 0) {
        --n;
        out.insert(out.begin(), static_cast<char>('a' + n % 26));
        n /= 26;
    }
    return out;
}

std::optional<std::string> nip(const std::string& raw) {
    std::string digits;
    for (char c : raw) {
        if (c == ' ') continue;
        if (c < '0' || c > '9') return std::nullopt;
        digits += c;
    }
    if (digits.size() != 18) return std::nullopt;
    return fmt::format("{} {} {} {}", digits.substr(0, 8), digits.substr(8, 6), digits.substr(14, 1), digits.substr(15, 3));
}

}  // namespace lkjip::idfmt
