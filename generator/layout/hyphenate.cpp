#include "layout/hyphenate.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include <fmt/format.h>
#include <hyphen.h>

#include "common/file_read.hpp"
#include "common/i18n.hpp"
#include "common/utf8.hpp"
#include "layout/font_metrics.hpp"

namespace lkjip::layout {

void Hyphenator::Free::operator()(_HyphenDict* d) const { hnj_hyphen_free(d); }

std::optional<Hyphenator> Hyphenator::load(const std::string& path, std::string& error) {
    // Read like every other file (common/file_read.hpp: a regular file, a limit), then handed to
    // libhyphen as a memory stream, so libhyphen never opens a path itself.
    const FileContents file = read_regular_file(path, kMaxPatternBytes, "hyphenation patterns");
    if (!file.ok()) {
        error = _f("cannot read hyphenation patterns `{}`", path);
        return std::nullopt;
    }
    HyphenDict* d = nullptr;
    if (FILE* in = ::fmemopen(const_cast<char*>(file.bytes.data()), file.bytes.size(), "r")) {
        d = hnj_hyphen_load_file(in);
        std::fclose(in);
    }
    if (!d) {
        error = _f("cannot read hyphenation patterns `{}`", path);
        return std::nullopt;
    }
    static std::atomic<std::uint64_t> next_id{1};
    Hyphenator h;
    h.id_ = next_id++;
    h.dict_ = std::shared_ptr<_HyphenDict>(d, Free{});
    return h;
}

std::vector<std::size_t> Hyphenator::points(std::string_view word) const {
    // Reports repeat their words ("kinerja", "capaian") hundreds of times: the points of each
    // word are remembered per thread (the dictionary is shared read-only by batch threads).
    thread_local std::unordered_map<std::string, std::vector<std::size_t>> memo;
    thread_local const _HyphenDict* memo_dict = nullptr;
    if (memo_dict != dict_.get() || memo.size() > 100000) {
        memo.clear();
        memo_dict = dict_.get();
    }
    const auto [it, fresh] = memo.try_emplace(std::string(word));
    if (fresh) it->second = compute_points(word);
    return it->second;
}

namespace {

// Words where hyph_id_ID's patterns and the general corrections below (kbbi_corrections) still
// break against the KBBI syllabification (issue 17: "deng-an", "Pekalong-an", "memil-iki",
// "Masyarak-at"), written as KBBI divides them. tests/unit/test_hyphenate_kbbi.cpp checks these
// and a few hundred more common report words against KBBI. Indonesian words, not messages: the
// scan of docs/i18n.md is told so on every line (i18n: not a message).
constexpr std::string_view kExceptions[] = {
    "de-ngan",          "me-mi-li-ki",    "ma-sya-ra-kat",    "ke-ma-sya-ra-kat-an", "pe-ka-long-an",  // i18n: not a message
    "se-hing-ga",       "te-ngah",        "me-ne-ngah",       "ling-kung-an",        "khu-sus",  // i18n: not a message
    "a-khir",           "sya-rat",        "mu-sya-wa-rah",    "pro-vin-si",          "in-dus-tri",  // i18n: not a message
    "pe-me-rin-tah",    "pe-me-rin-tah-an", "kua-li-tas",     "kuan-ti-tas",         "se-kre-ta-ri-at",  // i18n: not a message
    "kon-struk-si",     "trans-pa-ran-si", "in-fra-struk-tur", "in-struk-si",        "de-mo-kra-si",  // i18n: not a message
};

// Words of other languages that reports use as they are; Indonesian patterns split them wrongly
// ("Tra-de", "websi-te"). Italic text is not hyphenated either (PUEBI writes foreign words italic).
constexpr std::string_view kForeign[] = {
    "trade",    "website",  "online",    "offline",   "marketplace", "software", "hardware", "update",
    "upgrade",  "feedback", "branding",  "packaging", "startup",     "workshop", "coaching", "training",
    "governance", "government", "oriented", "result", "performance", "business", "center", "centre",
    "digital", "commerce", "mobile", "android", "platform", "channel", "display", "service", "services",
    "smart", "creative", "festival", "showroom", "outlet", "dashboard", "database", "google", "whatsapp",
    "instagram", "facebook", "youtube", "twitter", "download", "upload", "email", "webinar", "meeting",
};

bool is_letter(char32_t c) {
    return c < 0x80 ? std::isalpha(static_cast<int>(c)) != 0
                    : (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7);
}

std::optional<std::vector<std::size_t>> exception_points(std::string_view lower) {
    // The table, without its hyphens, built once: building it per word was most of the cost of
    // hyphenating a word (issue 22, callgrind).
    static const auto table = [] {
        std::unordered_map<std::string, std::vector<std::size_t>> out;
        for (std::string_view e : kExceptions) {
            std::string plain;
            std::vector<std::size_t> at;
            for (char c : e) {
                if (c == '-') at.push_back(plain.size());
                else plain += c;
            }
            out.emplace(std::move(plain), std::move(at));
        }
        return out;
    }();
    if (const auto it = table.find(std::string(lower)); it != table.end()) return it->second;
    return std::nullopt;
}

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
           (static_cast<unsigned char>(c) >= 0xE0 && static_cast<unsigned char>(c) <= 0xFC);
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Corrections of the patterns' points (byte offsets in the lower-case Latin-1 `w`) toward the
// KBBI syllabification, where the patterns follow sound and KBBI the word's parts:
// - ng and ny before a vowel begin the syllable (PUEBI, Pemenggalan Kata 1c): "peng-ukuran"
//   becomes "pe-ngukuran";
// - no break after the per- of a per-…-an noun before a vowel ("per-ubahan"; KBBI
//   pe·ru·bah·an, pe·ru·sa·ha·an);
// - a last syllable consonant + "an" after a vowel is usually the suffix -an on a root ending
//   in that consonant (ke·gi·at·an, pe·nga·was·an, pem·ba·ngun·an): the pattern's break before
//   the consonant is then inside the root's last syllable, and KBBI's break (before "an") leaves
//   only two letters, so there is none; "-kan" in a me-/di-/ber-/ter- verb is the suffix -kan
//   and keeps its break (me·la·ku·kan);
// - every piece between breaks has a vowel: "kon-s-truksi", "men-do-r-ong" lose both breaks.
void kbbi_corrections(std::string_view w, std::vector<std::size_t>& at) {
    for (std::size_t& p : at) {
        if (p >= 4 && p < w.size() && w[p - 2] == 'n' && (w[p - 1] == 'g' || w[p - 1] == 'y') && is_vowel(w[p])) p -= 2;
    }
    std::erase_if(at, [&](std::size_t p) { return p == 3 && starts_with(w, "per") && is_vowel(w[3]); });
    if (w.size() >= 6 && w.substr(w.size() - 2) == "an") {
        const std::string_view tail = w.substr(0, w.size() - 2);
        const std::size_t c = tail.size() >= 2 && (tail.substr(tail.size() - 2) == "ng" || tail.substr(tail.size() - 2) == "ny" ||
                                                   tail.substr(tail.size() - 2) == "sy" || tail.substr(tail.size() - 2) == "kh")
                                  ? 2
                                  : 1;
        const std::size_t before_c = tail.size() - c;
        const bool consonant = !is_vowel(tail[before_c]);
        const bool verb_kan = c == 1 && tail.back() == 'k' &&
                              (starts_with(w, "me") || starts_with(w, "di") || starts_with(w, "ber") || starts_with(w, "ter"));
        if (consonant && before_c > 0 && is_vowel(tail[before_c - 1]) && !verb_kan) {
            std::erase(at, before_c);
        }
    }
    std::sort(at.begin(), at.end());
    at.erase(std::unique(at.begin(), at.end()), at.end());
    for (bool changed = true; changed;) {
        changed = false;
        std::size_t prev = 0;
        for (std::size_t k = 0; k <= at.size(); ++k) {
            const std::size_t end = k < at.size() ? at[k] : w.size();
            const std::string_view piece = w.substr(prev, end - prev);
            if (std::none_of(piece.begin(), piece.end(), is_vowel)) {
                // Drop the breaks on both sides of the piece that has no vowel. A word without
                // any vowel ("glyphs", "nth") has no break left to drop: it stays whole, and the
                // loop ends (it ran forever on docs/pdf.md's "glyphs").
                if (at.empty()) break;
                if (k < at.size()) at.erase(at.begin() + static_cast<std::ptrdiff_t>(k));
                if (k > 0) at.erase(at.begin() + static_cast<std::ptrdiff_t>(k - 1));
                changed = true;
                break;
            }
            prev = end;
        }
    }
}

}  // namespace

std::vector<std::size_t> Hyphenator::compute_points(std::string_view word) const {
    // The line breaker hands over text between spaces, punctuation included ("(Pekalongan),",
    // "koperasi,"): each run of letters is hyphenated on its own (issue 17: 13,6 % of the long
    // words of a report had no hyphenation point at all). A run touching a digit is a code or a
    // number ("2024an", "B3") and is left whole; so is a word with letters outside Latin-1.
    const std::u32string chars = utf8::decode(word);
    std::vector<std::size_t> byte_at(chars.size() + 1, 0);  // byte offset before each code point
    for (std::size_t i = 0; i < chars.size(); ++i) {
        const char32_t c = chars[i];
        if (c == 0xFFFD || (c > 0xFF && is_letter(c))) return {};
        byte_at[i + 1] = byte_at[i] + (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4);
    }
    // Punctuation between letters other than a hyphen or an apostrophe makes the word a URL, an
    // address, a path or a code ("sakip.go.id", "dan/atau", "pengukuran_kinerja"): a hyphen added
    // there would change what it says.
    {
        std::size_t first = 0, last = chars.size();
        while (first < last && !is_letter(chars[first])) ++first;
        while (last > first && !is_letter(chars[last - 1])) --last;
        for (std::size_t k = first; k < last; ++k) {
            const char32_t c = chars[k];
            if (!is_letter(c) && c != '-' && c != '\'' && c != 0x2019 && !(c < 0x80 && std::isdigit(static_cast<int>(c)))) {
                return {};
            }
        }
    }
    std::vector<std::size_t> out;
    std::size_t i = 0;
    while (i < chars.size()) {
        if (!is_letter(chars[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < chars.size() && is_letter(chars[end])) ++end;
        const bool by_digit = (i > 0 && chars[i - 1] < 0x80 && std::isdigit(static_cast<int>(chars[i - 1]))) ||
                              (end < chars.size() && chars[end] < 0x80 && std::isdigit(static_cast<int>(chars[end])));
        if (!by_digit) {
            for (std::size_t p : run_points(chars.substr(i, end - i))) out.push_back(byte_at[i + p]);
        }
        i = end;
    }
    return out;
}

std::vector<std::size_t> Hyphenator::run_points(std::u32string_view letters) const {
    // TeX-like minimums for Indonesian (issue 17): no word of five letters or fewer is split
    // ("Ko-ta", "ti-dak", "na-ik"), and a split leaves at least two letters before and three
    // after ("websi-te"); \lefthyphenmin and \righthyphenmin play the same part in TeX.
    constexpr std::size_t kLeft = 2, kRight = 3, kShortest = 6;
    if (letters.size() < kShortest || letters.size() > 200) return {};
    // A run in capitals is a heading set in capitals or an acronym ("MENE-NGAH", "UMKM"):
    // typesetters leave both whole.
    std::size_t capitals = 0;
    for (char32_t c : letters) capitals += (c < 0x80 ? std::isupper(static_cast<int>(c)) != 0 : c < 0xDF);
    if (capitals > 1) return {};
    std::string latin1;  // the patterns are ISO 8859-1, one byte per letter
    for (char32_t c : letters) {
        latin1 += c < 0x80 ? static_cast<char>(std::tolower(static_cast<int>(c)))
                           : static_cast<char>(c < 0xDF ? c + 0x20 : c);
    }
    for (std::string_view f : kForeign) {
        if (latin1 == f) return {};
    }
    std::vector<std::size_t> out;
    if (auto e = exception_points(latin1)) {
        out = std::move(*e);
    } else {
        std::vector<char> hyphens(latin1.size() + 5, '0');
        char** rep = nullptr;
        int* pos = nullptr;
        int* cut = nullptr;
        const int failed = hnj_hyphen_hyphenate2(dict_.get(), latin1.c_str(), static_cast<int>(latin1.size()),
                                                 hyphens.data(), nullptr, &rep, &pos, &cut);
        if (rep) {
            for (std::size_t i = 0; i < latin1.size(); ++i) std::free(rep[i]);
            std::free(rep);
        }
        std::free(pos);
        std::free(cut);
        if (failed) return {};
        for (std::size_t i = 0; i + 1 < latin1.size(); ++i) {
            if (hyphens[i] & 1) out.push_back(i + 1);  // odd: a break is allowed after letter i
        }
        kbbi_corrections(latin1, out);
    }
    std::erase_if(out, [&](std::size_t p) { return p < kLeft || p + kRight > latin1.size(); });
    return out;
}

}  // namespace lkjip::layout
