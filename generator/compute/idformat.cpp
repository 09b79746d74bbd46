// id-ID writing of numbers, money, dates, words (DOMAIN.md §4). No locale machinery: the rules
// are fixed by the reports, not by the machine.
#include "compute/idformat.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

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

Decimal to_decimal(double x, int places) {
    places = std::clamp(places, 0, 12);
    Decimal d;
    d.negative = std::signbit(x);
    // 15 significant digits: what the value means, without binary noise (92.225 is 92.2249999…
    // as a double, but "92.225" with 15 digits).
    std::string text = fmt::format("{:.14e}", std::fabs(x));  // d.dddddddddddddde±XX
    const auto e = text.find('e');
    const int exponent = std::atoi(text.c_str() + e + 1);
    std::string mantissa = text.substr(0, 1) + text.substr(2, e - 2);  // 15 digits
    // Place the decimal point: digits before it = exponent + 1.
    std::string whole, frac;
    if (exponent >= 0) {
        const auto n = static_cast<std::size_t>(exponent + 1);
        if (mantissa.size() < n) mantissa.append(n - mantissa.size(), '0');
        whole = mantissa.substr(0, n);
        frac = mantissa.substr(n);
    } else {
        whole = "0";
        frac = std::string(static_cast<std::size_t>(-exponent - 1), '0') + mantissa;
    }
    const auto p = static_cast<std::size_t>(places);
    if (frac.size() < p + 1) frac.append(p + 1 - frac.size(), '0');
    const bool round_up = frac[p] >= '5';
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

std::string words_unsigned(unsigned long long n) {
    if (n == 0) return "nol";
    static constexpr std::array<const char*, 7> kScale = {"", "ribu", "juta", "miliar", "triliun", "kuadriliun",
                                                          "kuintiliun"};
    std::string out;
    std::array<unsigned, 7> groups{};
    for (int i = 0; n > 0; ++i) {
        groups[static_cast<std::size_t>(i)] = static_cast<unsigned>(n % 1000);
        n /= 1000;
    }
    for (int i = 6; i >= 0; --i) {
        const unsigned g = groups[static_cast<std::size_t>(i)];
        if (g == 0) continue;
        std::string part;
        if (i == 1 && g == 1) part = "seribu";  // "seribu", never "satu ribu"
        else {
            part = words_below_thousand(g);
            if (i > 0) part += std::string(" ") + kScale[static_cast<std::size_t>(i)];
        }
        out += (out.empty() ? "" : " ") + part;
    }
    return out;
}

}  // namespace

double round_half_up(double x, int places) {
    if (!std::isfinite(x)) return x;
    const Decimal d = to_decimal(x, places);
    const double v = std::strtod((d.whole + "." + (d.fraction.empty() ? "0" : d.fraction)).c_str(), nullptr);
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

std::string persen(double x, int places) { return angka(x, places) + "%"; }

std::string rupiah(std::int64_t n) {
    const unsigned long long mag = n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    return (n < 0 ? "-Rp " : "Rp ") + group_thousands(std::to_string(mag));
}

std::string terbilang(std::int64_t n) {
    const unsigned long long mag = n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    return (n < 0 ? "minus " : "") + words_unsigned(mag);
}

std::string terbilang(double x, int places) {
    if (!std::isfinite(x)) return "-";
    const Decimal d = to_decimal(x, places);
    std::string fraction = d.fraction;
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    const bool zero = d.whole == "0" && fraction.empty();
    std::string out = (d.negative && !zero ? "minus " : "") + words_unsigned(std::stoull(d.whole));
    if (fraction.empty()) return out;
    out += " koma";
    std::size_t i = 0;
    for (; i < fraction.size() && fraction[i] == '0'; ++i) out += " nol";
    if (i < fraction.size()) {
        out += ' ';
        out += words_unsigned(std::stoull(fraction.substr(i)));
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
