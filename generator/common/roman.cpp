#include "common/roman.hpp"

#include <array>
#include <utility>

namespace lkjip {

std::string roman_upper(int n) {
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

std::string roman_lower(int n) {
    std::string out = roman_upper(n);
    for (char& c : out) c = static_cast<char>(c - 'A' + 'a');  // only the letters IVXLCDM
    return out;
}

}  // namespace lkjip
