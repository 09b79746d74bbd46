// Line break opportunities of Unicode Standard Annex #14 (the Unicode line breaking algorithm,
// libunibreak) and the breaks a typesetter adds in URLs (issue 17: lines broke only at ASCII
// spaces, so "Sangat Tinggi / Sangat Berhasil" wrapped badly in a narrow column and a long URL
// or code could only be cut where the line was full).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lkjip::layout {

// UAX #14 for the whole text: for byte i, whether a line may break after the code point that
// ends at i (values of libunibreak's LINEBREAK_MUSTBREAK, _ALLOWBREAK, _NOBREAK, _INSIDEACHAR).
// The whole paragraph is analysed at once so that the context across spaces counts ("× SP",
// "× CL": no break before a closing bracket or a "/" even after a space, LB7 and LB13).
std::string line_breaks(std::string_view utf8);
constexpr char kMustBreak = 0, kAllowBreak = 1, kNoBreak = 2;  // libunibreak's values

// A break inside a word (text between spaces), `at` bytes from its start.
struct WordBreak {
    enum class Kind {
        slash,   // after "/" ("dan/atau", "Tinggi/Berhasil", a path)
        url,     // in a URL or e-mail address: before . _ - ~ # ? & = % (The Chicago Manual of Style, 17th ed., on URLs)
        other,   // any other UAX #14 opportunity (after "?" or "!" inside a word, …)
    } kind = Kind::other;
    std::size_t at = 0;
    friend bool operator==(const WordBreak&, const WordBreak&) = default;
};

// The breaks inside `word`, given the UAX #14 values of its bytes (`brks`, same length). None
// after a hyphen or dash of the word (text extraction would drop it, uax14.cpp), none inside a
// number ("1.234,56", "2020-2024").
std::vector<WordBreak> word_breaks(std::string_view word, std::string_view brks);

// A URL, a host name or an e-mail address ("https://…", "www.…", "sakip.go.id", "a@b.id").
bool url_like(std::string_view word);

}  // namespace lkjip::layout
