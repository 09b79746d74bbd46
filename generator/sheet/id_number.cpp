// Numbers as an Indonesian office writes them (PUEBI: a dot groups thousands, a comma separates
// decimals; DOMAIN.md, id-ID writing), read back exactly: the report's tables for `build --xlsx`
// and the money columns of a finance export for `lkjip import`. The decimal text is exact: a
// rupiah amount never passes through a double here.
#include "sheet/sheet.hpp"

namespace lkjip::sheet {
namespace {

// Spaces an id-ID text puts between "Rp" and the amount or before "%": ASCII space, no-break
// space (U+00A0) and narrow no-break space (U+202F).
bool eat_space(std::string_view& t) {
    bool any = false;
    for (;;) {
        if (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
        else if (t.substr(0, 2) == "\xC2\xA0") t.remove_prefix(2);
        else if (t.substr(0, 3) == "\xE2\x80\xAF") t.remove_prefix(3);
        else return any;
        any = true;
    }
}
void trim_back(std::string_view& t) {
    for (;;) {
        if (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
        else if (t.size() >= 2 && t.substr(t.size() - 2) == "\xC2\xA0") t.remove_suffix(2);
        else if (t.size() >= 3 && t.substr(t.size() - 3) == "\xE2\x80\xAF") t.remove_suffix(3);
        else return;
    }
}
bool eat(std::string_view& t, std::string_view prefix) {
    if (t.substr(0, prefix.size()) != prefix) return false;
    t.remove_prefix(prefix.size());
    return true;
}
bool eat_minus(std::string_view& t) { return eat(t, "-") || eat(t, "\xE2\x88\x92"); }  // - or U+2212
bool eat_rupiah(std::string_view& t) {
    if (t.size() < 2 || (t[0] != 'R' && t[0] != 'r') || (t[1] != 'p' && t[1] != 'P')) return false;
    t.remove_prefix(2);
    eat(t, ".");
    eat_space(t);
    return true;
}
bool all_digits(std::string_view t) {
    if (t.empty()) return false;
    for (char ch : t)
        if (ch < '0' || ch > '9') return false;
    return true;
}
// "1.234.567" → "1234567"; empty when the dots are not groups of three after a first group of 1–3.
std::string ungroup(std::string_view t) {
    std::string out;
    std::size_t group = 0;
    bool first = true;
    for (char ch : t) {
        if (ch == '.') {
            if ((first && (group == 0 || group > 3)) || (!first && group != 3)) return {};
            first = false;
            group = 0;
        } else {
            out += ch;
            ++group;
        }
    }
    if (!first && group != 3) return {};
    return out;
}

}  // namespace

std::optional<IdNumber> parse_id_number(std::string_view text) {
    std::string_view t = text;
    eat_space(t);
    trim_back(t);
    bool negative = false, parentheses = false, rupiah = false, percent = false;
    if (eat(t, "(")) {
        if (t.empty() || t.back() != ')') return std::nullopt;
        t.remove_suffix(1);
        parentheses = negative = true;
        eat_space(t);
        trim_back(t);
    }
    if (eat_minus(t)) negative = true, eat_space(t);
    if (eat_rupiah(t)) rupiah = true;
    if (!negative && eat_minus(t)) negative = true, eat_space(t);
    if (!t.empty() && t.back() == '%') {
        t.remove_suffix(1);
        trim_back(t);
        percent = true;
    }
    if (t.size() >= 2 && t.substr(t.size() - 2) == ",-") t.remove_suffix(2);  // "Rp 5.000,-": no sen

    std::string_view whole = t, fraction;
    bool grouped = false;
    if (const auto comma = t.find(','); comma != std::string_view::npos) {
        whole = t.substr(0, comma);
        fraction = t.substr(comma + 1);
        if (!all_digits(fraction)) return std::nullopt;
    }
    std::string digits;
    bool decimal_point = false;
    if (all_digits(whole)) {
        digits = std::string(whole);
    } else if (whole.find('.') != std::string_view::npos) {
        digits = ungroup(whole);
        if (!digits.empty()) {
            grouped = true;
        } else if (fraction.empty() && whole.find('.') == whole.rfind('.')) {
            // One dot that does not group thousands: a decimal point (another locale's export).
            const auto dot = whole.find('.');
            if (!all_digits(whole.substr(0, dot)) || !all_digits(whole.substr(dot + 1))) return std::nullopt;
            digits = std::string(whole.substr(0, dot));
            fraction = whole.substr(dot + 1);
            decimal_point = true;
        } else {
            return std::nullopt;
        }
    } else {
        return std::nullopt;
    }
    if (!all_digits(digits) || digits.size() + fraction.size() > 30) return std::nullopt;

    IdNumber n;
    n.rupiah = rupiah;
    n.percent = percent;
    n.point = decimal_point;
    std::string base = grouped ? "#,##0" : "0";  // i18n: not a message
    if (!fraction.empty()) base += "." + std::string(fraction.size(), '0');
    if (percent) base += "%";
    if (rupiah) base = "\"Rp \"" + base;  // i18n: not a message
    n.format = parentheses ? base + ";(" + base + ")" : base;

    // The exact decimal: for a percentage the point moves two places left.
    std::string all = digits + std::string(fraction);
    std::size_t point = digits.size();
    if (percent) {
        while (point < 2) all.insert(all.begin(), '0'), ++point;
        point -= 2;
    }
    std::string integer = all.substr(0, point), decimals = all.substr(point);
    while (integer.size() > 1 && integer.front() == '0') integer.erase(0, 1);
    if (integer.empty()) integer = "0";
    while (!decimals.empty() && decimals.back() == '0') decimals.pop_back();
    n.decimal = integer + (decimals.empty() ? "" : "." + decimals);
    if (negative && n.decimal != "0") n.decimal.insert(n.decimal.begin(), '-');
    return n;
}

}  // namespace lkjip::sheet
