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
#include <vector>

#include <fmt/format.h>

#include "common/decimal.hpp"

namespace lkjip::idfmt {


namespace {

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

bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool ascii_letter(char c) { return ascii_upper(c) || ascii_lower(c); }
// A byte of a word: ASCII letters, and every byte of a multi-byte UTF-8 character, so a word
// with an accented letter is one word.
bool word_byte(char c) { return ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80; }
std::string lower_ascii(std::string s) {
    for (char& c : s) {
        if (ascii_upper(c)) c = static_cast<char>(c + 32);
    }
    return s;
}
std::string upper_ascii(std::string s) {
    for (char& c : s) {
        if (ascii_lower(c)) c = static_cast<char>(c - 32);
    }
    return s;
}
std::size_t count_upper(std::string_view w) {
    return static_cast<std::size_t>(std::count_if(w.begin(), w.end(), ascii_upper));
}
// An acronym as typed: at least two capitals ("UMKM", "LKjIP", "IKM").
bool acronym_like(std::string_view w) { return count_upper(w) >= 2; }
// "Orang", "orang": a word whose only capital, if any, is its first letter.
bool plain_word(std::string_view w) {
    return !w.empty() && std::none_of(w.begin() + 1, w.end(), ascii_upper);
}

// KBBI scale words and their usual misspellings, lower case -> the KBBI form.
std::optional<std::string> scale_word(const std::string& lower) {
    static constexpr std::array<std::pair<const char*, const char*>, 11> kWords = {{{"ribu", "ribu"},
                                                                                   {"juta", "juta"},
                                                                                   {"miliar", "miliar"},
                                                                                   {"milyar", "miliar"},
                                                                                   {"milliar", "miliar"},
                                                                                   {"triliun", "triliun"},
                                                                                   {"trilyun", "triliun"},
                                                                                   {"trilliun", "triliun"},
                                                                                   {"trilion", "triliun"},
                                                                                   {"kuadriliun", "kuadriliun"},
                                                                                   {"kuadrilyun", "kuadriliun"}}};
    for (const auto& [from, to] : kWords) {
        if (lower == from) return std::string(to);
    }
    return std::nullopt;
}

// The words of a satuan, lower case, without brackets and a trailing dot: "(Rp Trilyun)" ->
// {"rp", "trilyun"}.
std::vector<std::string> satuan_tokens(const std::string& satuan) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        while (!cur.empty() && cur.back() == '.') cur.pop_back();
        if (!cur.empty()) out.push_back(lower_ascii(cur));
        cur.clear();
    };
    for (char c : satuan) {
        if (c == ' ' || c == '\t' || c == '(' || c == ')') flush();
        else cur += c;
    }
    flush();
    return out;
}

// "-Rp 5" rather than "Rp -5", as rupiah() writes a negative amount.
std::string with_currency(const std::string& code, const std::string& number, const std::string& scale) {
    const bool negative = !number.empty() && number[0] == '-';
    std::string out = negative ? "-" : "";
    out += code;
    out += ' ';
    out += negative ? number.substr(1) : number;
    if (!scale.empty()) {
        out += ' ';
        out += scale;
    }
    return out;
}

// A satuan as it stands after a number in prose: words lower-cased unless typed as an acronym,
// "Rp" kept, scale words in their KBBI form ("Orang/Tahun" -> "orang/tahun", "Ribu UMKM" ->
// "ribu UMKM").
std::string satuan_prose(const std::string& satuan) {
    std::string out;
    for (std::size_t i = 0; i < satuan.size();) {
        if (!word_byte(satuan[i])) {
            out += satuan[i++];
            continue;
        }
        std::size_t j = i;
        while (j < satuan.size() && word_byte(satuan[j])) ++j;
        const std::string w = satuan.substr(i, j - i);
        const std::string lw = lower_ascii(w);
        if (auto sc = scale_word(lw)) out += *sc;
        else if (lw == "rp") out += "Rp";
        else if (acronym_like(w) || !plain_word(w)) out += w;
        else out += lw;
        i = j;
    }
    return out;
}

}  // namespace


std::string angka(double x, int places) {
    if (!std::isfinite(x)) return "-";
    const DecimalDigits d = decimal_digits(x, places);
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

std::string rupiah_ringkas(double x) {
    if (!std::isfinite(x)) return "-";
    // The whole rupiah as decimal digits, not rounded: the digit that decides the rounding at two
    // decimals of a juta or more lies in the whole part, so rounding first would round twice.
    std::string whole = decimal_text(std::fabs(x)).first;
    const auto first = whole.find_first_not_of('0');
    whole = first == std::string::npos ? "0" : whole.substr(first);
    const std::size_t g = (whole.size() - 1) / 3;  // index into kScale
    if (g < 2 || g >= kScale.size()) return with_currency("Rp", angka(x, 0), "");
    std::string kept = whole.substr(0, whole.size() - 3 * g + 2);
    std::size_t scale = g;
    if (whole[kept.size()] >= '5') increment_digits(kept);
    std::string integer = kept.substr(0, kept.size() - 2), fraction = kept.substr(kept.size() - 2);
    if (integer.size() > 3 && scale + 1 < kScale.size()) {  // 999,995 juta -> 1 miliar
        ++scale;
        integer = "1";
        fraction = "00";
    }
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    std::string number = group_thousands(integer);
    if (!fraction.empty()) {
        number += ',';
        number += fraction;
    }
    return with_currency("Rp", std::signbit(x) ? "-" + number : number, kScale[scale]);
}

std::string besaran(double x, const std::string& satuan_text, int places) {
    if (!std::isfinite(x)) return "-";
    const std::vector<std::string> tokens = satuan_tokens(satuan_text);
    const std::string number = angka(x, places);
    if (tokens.empty()) return number;
    if (tokens.size() == 1) {
        const std::string& t = tokens[0];
        if (t == "%" || t == "persen" || t == "prosen" || t == "persentase") return persen(x, places);
        // The indicator's name says what is measured: "Nilai SAKIP OPD mencapai realisasi 85,75"
        // (seed 002, BAB IV).
        if (t == "indeks" || t == "index" || t == "nilai" || t == "skor" || t == "poin" || t == "angka" || t == "rasio") return number;
        if (t.starts_with("rp/")) return with_currency("Rp", number, "") + satuan_text.substr(satuan_text.find('/'));
    }
    // "% per tahun", "Persen per Tahun": the percent glued, the rest of the satuan after it.
    const auto percent_word = [](const std::string& t) { return t == "%" || t == "persen" || t == "prosen"; };
    if (percent_word(tokens[0])) {
        // "Persen (%)": only percent words.
        if (std::all_of(tokens.begin(), tokens.end(), percent_word)) return persen(x, places);
        const auto cut = satuan_text.find_first_of(" \t(");
        const auto rest = cut == std::string::npos ? std::string::npos : satuan_text.find_first_not_of(" \t", cut);
        if (rest == std::string::npos) return persen(x, places);
        return persen(x, places) + " " + satuan_prose(satuan_text.substr(rest));
    }
    std::string currency, scale;
    bool other = false;
    for (const std::string& t : tokens) {
        if (t == "rp" || t == "rupiah") currency = "Rp";
        else if (t == "usd" || t == "us$" || t == "dolar" || t == "dollar" || t == "$") currency = "USD";
        else if (auto sc = scale_word(t)) scale = *sc;
        else other = true;
    }
    if (!currency.empty() && !other) {
        if (scale.empty() && currency == "Rp") return rupiah_ringkas(x);
        return with_currency(currency, number, scale);
    }
    return number + " " + satuan_prose(satuan_text);
}

std::string satuan(const std::string& text) {
    const std::vector<std::string> tokens = satuan_tokens(text);
    if (tokens.size() == 1 && (tokens[0] == "persen" || tokens[0] == "prosen")) return "%";
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        if (!word_byte(text[i])) {
            out += text[i++];
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && word_byte(text[j])) ++j;
        const std::string w = text.substr(i, j - i);
        const auto sc = scale_word(lower_ascii(w));
        out += sc ? *sc : w;
        i = j;
    }
    return out;
}

namespace {

// Function words kept lower case inside a name (PUEBI, capital letters rule 8: "dan", "di",
// "ke", "dari", "yang", "untuk" in titles). "dalam" is not among them: the budget nomenclature
// (Kepmendagri 050-5889/2021) writes "Produk Dalam Negeri".
constexpr std::array<const char*, 14> kFunctionWords = {"dan",  "serta", "atau",   "di",  "ke",       "dari",  "untuk",
                                                        "pada", "yang",  "dengan", "bagi", "terhadap", "tentang", "oleh"};

// Acronyms of government reporting, as they are written; a whole word typed in lower case that
// is one of them comes back in this form. Words that are also Indonesian words ("sop", "dak")
// are left out on purpose.
constexpr std::array<const char*, 33> kAcronyms = {
    "UMKM", "UKM",  "IKM",  "IUI",  "IPIU", "IUKI", "IPKI",  "OPD", "SKPD", "SAKIP", "LKjIP", "IKU",
    "IKK",  "APBD", "APBN", "PDRB", "ASN",  "PNS",  "BUMD",  "BUMN", "RPJMD", "RKPD", "RPJMN", "SPM",
    "KUR",  "NIB",  "OSS",  "SNI",  "UTTP", "SPBU", "HET",   "KUMKM", "DPA"};

struct Word {
    std::size_t begin, end;
};
std::vector<Word> words_of(const std::string& s) {
    std::vector<Word> out;
    for (std::size_t i = 0; i < s.size();) {
        if (!word_byte(s[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && word_byte(s[j])) ++j;
        out.push_back({i, j});
        i = j;
    }
    return out;
}

bool function_word(const std::string& lower) {
    return std::any_of(kFunctionWords.begin(), kFunctionWords.end(), [&](const char* f) { return lower == f; });
}

}  // namespace

std::string nama(const std::string& text) {
    std::string out = text;
    const std::vector<Word> ws = words_of(text);
    const bool all_capitals = std::none_of(text.begin(), text.end(), ascii_lower);
    // 1. Function words inside the name, when typed with a capital initial only ("Dan", not "DI"
    //    of "DI Yogyakarta"), and not after the end of a sentence or a colon.
    for (std::size_t k = 1; k < ws.size() && !all_capitals; ++k) {
        const std::string w = text.substr(ws[k].begin, ws[k].end - ws[k].begin);
        if (!ascii_upper(w[0]) || count_upper(w) != 1 || !function_word(lower_ascii(w))) continue;
        std::size_t b = ws[k].begin;
        while (b > 0 && text[b - 1] == ' ') --b;
        if (b == ws[k].begin || (b > 0 && std::string_view(".:;!?").find(text[b - 1]) != std::string_view::npos)) continue;
        out[ws[k].begin] = static_cast<char>(w[0] + 32);
    }
    // 2. Acronyms: a parenthesised abbreviation made of the initials of the words before it
    //    (with or without the function words among them), then every whole lower-case word that
    //    is such an abbreviation or a known acronym.
    std::vector<std::string> learned;
    for (std::size_t k = 0; k < ws.size(); ++k) {
        const Word& w = ws[k];
        const std::size_t n = w.end - w.begin;
        if (w.begin == 0 || text[w.begin - 1] != '(' || w.end >= text.size() || text[w.end] != ')') continue;
        const std::string a = text.substr(w.begin, n);
        if (n < 2 || n > 8 || !std::all_of(a.begin(), a.end(), ascii_lower)) continue;
        for (const bool skip_function_words : {false, true}) {
            std::string initials;
            for (std::size_t m = k; m-- > 0 && initials.size() < n;) {
                const std::string prev = lower_ascii(text.substr(ws[m].begin, ws[m].end - ws[m].begin));
                if (skip_function_words && function_word(prev)) continue;
                initials.insert(initials.begin(), prev[0]);
            }
            if (initials == a) {
                learned.push_back(a);
                break;
            }
        }
    }
    for (const Word& w : ws) {
        const std::string word = text.substr(w.begin, w.end - w.begin);
        if (!std::all_of(word.begin(), word.end(), ascii_lower)) continue;
        std::string replacement;
        if (std::find(learned.begin(), learned.end(), word) != learned.end()) replacement = upper_ascii(word);
        for (const char* a : kAcronyms) {
            if (lower_ascii(a) == word) replacement = a;
        }
        if (!replacement.empty()) out.replace(w.begin, replacement.size(), replacement);
    }
    return out;
}

std::string puebi(const std::string& text) {
    // The bound forms PUEBI writes joined (Kata, rule on bentuk terikat). Left out on purpose:
    // "maha" ("Yang Maha Esa" is written apart), "tuna" and "semi" (also words: ikan tuna, musim
    // semi), "ekstra" and "intra" (KBBI has "ekstra" as an adjective).
    static constexpr std::array<const char*, 7> kBound = {"antar", "non", "sub", "pasca", "pra", "multi", "swa"};
    std::string out;
    out.reserve(text.size());
    const std::vector<Word> ws = words_of(text);
    std::size_t copied = 0;
    for (std::size_t k = 0; k + 1 < ws.size(); ++k) {
        const Word& w = ws[k];
        const Word& next = ws[k + 1];
        // Exactly one space between them, nothing glued before the form ("non-" is already joined,
        // "(non" is fine).
        if (next.begin != w.end + 1 || text[w.end] != ' ') continue;
        if (w.begin > 0 && (text[w.begin - 1] == '-' || word_byte(text[w.begin - 1]))) continue;
        const std::string form = text.substr(w.begin, w.end - w.begin);
        const std::string lf = lower_ascii(form);
        if (std::none_of(kBound.begin(), kBound.end(), [&](const char* b) { return lf == b; })) continue;
        const std::string nw = text.substr(next.begin, next.end - next.begin);
        const std::string lnw = lower_ascii(nw);
        if (lf == "sub" && lnw.starts_with("kegiatan")) continue;  // Permendagri 90/2019's level
        if (lf == "antar" && lnw == "jemput") continue;            // antar jemput: two verbs
        if (lf == "antar" && k > 0) {                               // pesan antar, jasa antar: the verb
            const std::string before = lower_ascii(text.substr(ws[k - 1].begin, ws[k - 1].end - ws[k - 1].begin));
            if (before == "pesan" || before == "jasa" || before == "layanan") continue;
        }
        const bool form_capitals = form.size() > 1 && std::all_of(form.begin(), form.end(), ascii_upper);
        std::string joined;
        if (form_capitals) {
            joined = form + nw;  // ANTAR BIDANG -> ANTARBIDANG
        } else if (acronym_like(nw) || (ascii_upper(nw[0]) && !ascii_upper(form[0]))) {
            joined = form + "-" + nw;  // non-ASN, non-Indonesia
        } else if (ascii_upper(nw[0])) {
            joined = form + static_cast<char>(nw[0] + 32) + nw.substr(1);  // Antar Bidang -> Antarbidang
        } else {
            joined = form + nw;
        }
        out.append(text, copied, w.begin - copied);
        out += joined;
        copied = next.end;
        ++k;  // the bound word is consumed
    }
    out.append(text, copied, std::string::npos);
    return out;
}

std::string terbilang(std::int64_t n) {
    const unsigned long long mag = n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    return (n < 0 ? "minus " : "") + *words(std::to_string(mag));  // 19 digits: always named
}

std::string terbilang(double x, int places) {
    if (!std::isfinite(x)) return "-";
    const DecimalDigits d = decimal_digits(x, places);
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
