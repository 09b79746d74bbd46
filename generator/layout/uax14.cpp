#include "layout/uax14.hpp"

#include <mutex>

#include <linebreak.h>

#include "common/utf8.hpp"
#include "layout/font_metrics.hpp"

namespace lkjip::layout {

static_assert(kMustBreak == LINEBREAK_MUSTBREAK && kAllowBreak == LINEBREAK_ALLOWBREAK && kNoBreak == LINEBREAK_NOBREAK);

namespace {

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Letters for the hyphenation minimums: ASCII and Latin-1 letters, as hyphenate.cpp counts them.
bool is_letter(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014; }

// Where a URL may also break: before these (the punctuation then starts the next line, which
// tells the reader the address goes on).
bool url_break_before(char32_t c) {
    return c == '.' || c == '_' || c == '-' || c == '~' || c == '#' || c == '?' || c == '&' || c == '=' || c == '%';
}

}  // namespace

std::string line_breaks(std::string_view utf8) {
    static std::once_flag once;
    std::call_once(once, [] { init_linebreak(); });
    std::string brks(utf8.size(), static_cast<char>(LINEBREAK_NOBREAK));
    if (utf8.empty()) return brks;
    // libunibreak 5.1 asserts (aborting the process) on a sequence cut short at the text's end:
    // each byte that is not well-formed UTF-8 is read as a letter of the same one byte ('x', class
    // AL; '?' would forbid the break before it), so the break opportunities keep their offsets (found by
    // fuzz_layout: "\xff\xff" at a paragraph's end aborted `lkjip render`).
    std::string repaired;
    if (!utf8::valid(utf8)) {
        repaired.reserve(utf8.size());
        for (std::size_t i = 0; i < utf8.size();) {
            const auto seq = utf8::sequence_at(utf8, i);
            if (seq.length == 0) {
                repaired += 'x';
                ++i;
            } else {
                repaired.append(utf8.substr(i, seq.length));
                i += seq.length;
            }
        }
        utf8 = repaired;
    }
    set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(utf8.data()), utf8.size(), "id", brks.data());
    return brks;
}

bool url_like(std::string_view w) {
    if (w.find("://") != std::string_view::npos || w.rfind("www.", 0) == 0) return true;
    const std::size_t at = w.find('@');
    if (at != std::string_view::npos && at > 0 && w.find('.', at) != std::string_view::npos) return true;
    // A host name: two dots with letters on both sides of each ("sakip.pekalongankota.go.id").
    int dots = 0;
    for (std::size_t i = 1; i + 1 < w.size(); ++i) {
        const auto prev = static_cast<unsigned char>(w[i - 1]), next = static_cast<unsigned char>(w[i + 1]);
        if (w[i] == '.' && std::isalpha(prev) && std::isalpha(next)) ++dots;
    }
    return dots >= 2;
}

std::vector<WordBreak> word_breaks(std::string_view word, std::string_view brks) {
    std::vector<WordBreak> out;
    if (word.size() != brks.size() || word.size() < 2) return out;
    const bool url = url_like(word);
    // Most words have no opportunity inside them: every break below is at a UAX #14 opportunity
    // or in a URL (issue 22: this function ran for every word of every paragraph).
    if (!url && brks.substr(0, brks.size() - 1).find_first_of(std::string_view("\0\1", 2)) == std::string_view::npos) return out;
    // Scratch per thread: a vector and a string per word were a tenth of the layout's allocations.
    thread_local std::vector<std::size_t> start;  // byte offset of each code point
    thread_local std::u32string cps;
    start.clear();
    cps.clear();
    for (std::size_t i = 0; i < word.size();) {
        start.push_back(i);
        cps.push_back(utf8::next(word, i));
    }
    start.push_back(word.size());
    // Between code points k-1 and k.
    for (std::size_t k = 1; k < cps.size(); ++k) {
        const char32_t before = cps[k - 1], after = cps[k];
        // Inside a number, its separators included: "1.234,56", "2020-2024", "v1.2".
        const bool in_number = (is_digit(before) && is_digit(after)) ||
                               (is_digit(before) && k + 1 < cps.size() && !is_letter(after) && is_digit(cps[k + 1])) ||
                               (k >= 2 && is_digit(cps[k - 2]) && !is_letter(before) && is_digit(after));
        if (in_number) continue;
        const char b = brks[start[k] - 1];
        const bool uax = b == LINEBREAK_ALLOWBREAK || b == LINEBREAK_MUSTBREAK;
        // No break after a hyphen the word has ("Undang-Undang", "sub-kegiatan"): text
        // extraction (poppler's pdftotext, copy and paste) removes a hyphen that ends a line
        // before a letter, as it must for the added ones, so "Undang-" / "Undang" would read
        // "UndangUndang". Such a word breaks at its syllables instead; a URL before the hyphen.
        if (is_hyphen(before)) continue;
        if (uax && before == '/') {
            out.push_back({WordBreak::Kind::slash, start[k]});
            continue;
        }
        if (url && url_break_before(after) && before != '/' && !is_digit(after)) {
            out.push_back({WordBreak::Kind::url, start[k]});
            continue;
        }
        if (uax) out.push_back({WordBreak::Kind::other, start[k]});
    }
    return out;
}

}  // namespace lkjip::layout
