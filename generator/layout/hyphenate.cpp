#include "layout/hyphenate.hpp"

#include <cctype>
#include <cstdlib>
#include <unordered_map>

#include <fmt/format.h>
#include <hyphen.h>

#include "layout/font_metrics.hpp"

namespace lkjip::layout {

void Hyphenator::Free::operator()(_HyphenDict* d) const { hnj_hyphen_free(d); }

std::optional<Hyphenator> Hyphenator::load(const std::string& path, std::string& error) {
    HyphenDict* d = hnj_hyphen_load(path.c_str());
    if (!d) {
        error = fmt::format("cannot read hyphenation patterns `{}`", path);
        return std::nullopt;
    }
    Hyphenator h;
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

// Where hyph_id_ID's patterns break against the KBBI syllabification (issue 17: "deng-an",
// "Pekalong-an", "memil-iki", "Masyarak-at"): the digraphs ng, ny, sy, kh are one consonant and
// begin the syllable (PUEBI, Pemenggalan Kata 1b-1c). Written as KBBI divides them.
constexpr std::string_view kExceptions[] = {
    "de-ngan",        "me-mi-li-ki",     "ma-sya-ra-kat",  "pe-ka-lo-ngan",  "pe-nge-lo-la-an",
    "pe-nge-lo-la",   "pe-nge-lo-laan",  "me-nge-lo-la",   "pe-nga-wa-san",  "pe-nga-was-an",
    "me-nge-na-i",    "se-hing-ga",      "te-ngah",        "me-ne-ngah",     "ling-kung-an",
    "pe-nge-tahu-an", "ke-ma-sya-ra-kat-an", "pe-nyu-sun-an", "pe-nye-leng-ga-ra-an",
    "me-nye-leng-ga-ra-kan", "pe-nye-dia-an", "khu-sus",  "a-khir",         "sya-rat",
    "mu-sya-wa-rah",  "pro-vin-si",      "in-dus-tri",     "pe-me-rin-tah",  "pe-me-rin-tah-an",
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
    for (std::string_view e : kExceptions) {
        std::string plain;
        std::vector<std::size_t> at;
        for (char c : e) {
            if (c == '-') at.push_back(plain.size());
            else plain += c;
        }
        if (plain == lower) return at;
    }
    return std::nullopt;
}

}  // namespace

std::vector<std::size_t> Hyphenator::compute_points(std::string_view word) const {
    // The line breaker hands over text between spaces, punctuation included ("(Pekalongan),",
    // "koperasi,"): each run of letters is hyphenated on its own (issue 17: 13,6 % of the long
    // words of a report had no hyphenation point at all). A run touching a digit is a code or a
    // number ("2024an", "B3") and is left whole; so is a word with letters outside Latin-1.
    const std::u32string chars = decode_utf8(word);
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
    }
    std::erase_if(out, [&](std::size_t p) { return p < kLeft || p + kRight > latin1.size(); });
    return out;
}

}  // namespace lkjip::layout
