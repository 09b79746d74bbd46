// The scanners of scan.hpp. Each mirrors its regular expression step by step; where the
// expression could backtrack, the comment says why the greedy choice is the only one that can
// match, so a single pass gives the same answer.
#include "markdown/scan.hpp"

#include <algorithm>
#include <unordered_set>
#include <vector>

namespace lkjip::md {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_roman(char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C'; }

std::size_t skip_spaces(std::string_view s, std::size_t i) {
    while (i < s.size() && is_space(s[i])) ++i;
    return i;
}

bool starts_with(std::string_view s, std::size_t at, std::string_view word) { return s.substr(at, word.size()) == word; }

bool has_line_end(std::string_view s) { return s.find_first_of("\n\r") != std::string_view::npos; }

}  // namespace

std::optional<DirectiveMatch> match_directive(std::string_view html) {
    // The closing `-->` is the last non-space text (`\s*$` after it); `.*?` cannot cross a line
    // end, while the `\s*` around it can: so the arguments are the trimmed middle, on one line.
    std::size_t begin = skip_spaces(html, 0), end = html.size();
    while (end > begin && is_space(html[end - 1])) --end;
    if (end - begin < 7 || !starts_with(html, begin, "<!--") || html.substr(end - 3, 3) != "-->") return std::nullopt;
    const std::string_view inner = html.substr(begin + 4, end - 3 - (begin + 4));
    std::size_t i = skip_spaces(inner, 0);
    if (!starts_with(inner, i, "lkjip:")) return std::nullopt;
    i += 6;
    const std::size_t name_begin = i;
    // [a-z-]+ greedy: whatever it leaves goes to the arguments, so the longest name matches.
    while (i < inner.size() && ((inner[i] >= 'a' && inner[i] <= 'z') || inner[i] == '-')) ++i;
    if (i == name_begin) return std::nullopt;
    std::size_t a = skip_spaces(inner, i), b = inner.size();
    while (b > a && is_space(inner[b - 1])) --b;
    const std::string_view arguments = inner.substr(a, b - a);
    if (has_line_end(arguments)) return std::nullopt;
    return DirectiveMatch{std::string(inner.substr(name_begin, i - name_begin)), std::string(arguments)};
}

std::optional<CaptionMatch> match_caption(std::string_view text) {
    std::size_t i = skip_spaces(text, 0);
    std::string kind;
    if (starts_with(text, i, "Tabel")) kind = "Tabel";
    else if (starts_with(text, i, "Gambar")) kind = "Gambar";
    else return std::nullopt;
    i += kind.size();
    const std::size_t after_kind = i;
    i = skip_spaces(text, i);
    if (i == after_kind) return std::nullopt;
    // \d+(\.\d+)* greedy: a shorter number is followed by a digit or by `.digit`, neither of
    // which `\.?(\s|$)` accepts, so only the longest number can match.
    const std::size_t number_begin = i;
    if (i >= text.size() || !is_digit(text[i])) return std::nullopt;
    while (i < text.size() && is_digit(text[i])) ++i;
    while (i + 1 < text.size() && text[i] == '.' && is_digit(text[i + 1])) {
        ++i;
        while (i < text.size() && is_digit(text[i])) ++i;
    }
    const std::size_t number_end = i;
    if (i < text.size() && text[i] == '.') ++i;
    if (i < text.size() && !is_space(text[i])) return std::nullopt;
    return CaptionMatch{kind, std::string(text.substr(number_begin, number_end - number_begin))};
}

std::optional<ChapterMatch> match_chapter(std::string_view text) {
    std::size_t i = skip_spaces(text, 0);
    const std::size_t number_begin = i;
    if (!starts_with(text, i, "BAB")) return std::nullopt;
    i += 3;
    const std::size_t after_bab = i;
    i = skip_spaces(text, i);
    if (i == after_bab) return std::nullopt;
    // [IVXLC]+ greedy: a shorter numeral is followed by a numeral letter, which is neither `.`
    // nor a space.
    const std::size_t roman_begin = i;
    while (i < text.size() && is_roman(text[i])) ++i;
    if (i == roman_begin) return std::nullopt;
    const std::size_t number_end = i;
    if (i < text.size() && text[i] == '.') ++i;
    const std::size_t after_dot = i;
    i = skip_spaces(text, i);
    if (i == after_dot) return std::nullopt;
    const std::string_view title = text.substr(i);
    if (has_line_end(title)) return std::nullopt;
    return ChapterMatch{std::string(text.substr(number_begin, number_end - number_begin)), std::string(title)};
}

std::size_t numbered_prefix(std::string_view s) {
    std::size_t i = 0;
    for (std::string_view word : {"Tabel", "Gambar", "Lampiran", "BAB"}) {
        if (!starts_with(s, 0, word)) continue;
        // \s+ then [0-9IVXLC.]+ then \s: the classes are disjoint, so each run is taken whole.
        i = word.size();
        const std::size_t after_word = i;
        while (i < s.size() && is_space(s[i])) ++i;
        if (i == after_word) return 0;
        const std::size_t number_begin = i;
        while (i < s.size() && (is_digit(s[i]) || is_roman(s[i]) || s[i] == '.')) ++i;
        if (i == number_begin || i >= s.size() || !is_space(s[i])) return 0;
        return i + 1;
    }
    if (s.empty() || !is_digit(s[0])) return 0;
    while (i < s.size() && (is_digit(s[i]) || s[i] == '.')) ++i;
    return i < s.size() && is_space(s[i]) ? i + 1 : 0;
}

namespace {

std::string fold_label(std::string_view label) {
    std::string out;
    for (char c : label) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

// The label of `[^label]` at `at` (the `[`), "" when there is none there; `end` after the `]`.
std::string_view footnote_label(std::string_view s, std::size_t at, std::size_t& end) {
    if (!starts_with(s, at, "[^")) return {};
    std::size_t i = at + 2;
    while (i < s.size() && s[i] != ']' && s[i] != '[' && !is_space(s[i])) ++i;
    if (i >= s.size() || s[i] != ']' || i == at + 2) return {};
    end = i + 1;
    return s.substr(at + 2, i - at - 2);
}

}  // namespace

std::vector<FootnoteProblem> footnote_problems(std::string_view text) {
    struct Definition {
        std::string label;
        std::uint32_t line, column;
    };
    std::vector<Definition> definitions;
    std::vector<std::string> references;
    char fence = 0;
    std::size_t fence_length = 0;
    std::uint32_t number = 0;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t stop = text.find('\n', start);
        if (stop == std::string_view::npos) stop = text.size();
        const std::string_view line = text.substr(start, stop - start);
        ++number;
        start = stop + 1;
        // Block quote markers, then at most three spaces: four would be indented code.
        std::size_t i = 0;
        bool indented = false;
        for (;;) {
            std::size_t j = i;
            while (j < line.size() && line[j] == ' ' && j - i < 4) ++j;
            indented = j - i >= 4;
            if (!indented && j < line.size() && line[j] == '>') {
                i = j + 1;
                continue;
            }
            i = j;
            break;
        }
        if (indented && fence == 0) continue;
        std::size_t run = 0;
        while (i + run < line.size() && (line[i + run] == '`' || line[i + run] == '~') && line[i + run] == line[i]) ++run;
        if (run >= 3 && (fence == 0 || (line[i] == fence && run >= fence_length))) {
            fence = fence == 0 ? line[i] : 0;
            fence_length = run;
            continue;
        }
        if (fence != 0) continue;
        std::size_t end = 0;
        const std::string_view label = footnote_label(line, i, end);
        const bool definition = !label.empty() && end < line.size() && line[end] == ':';
        if (definition) definitions.push_back({fold_label(label), number, static_cast<std::uint32_t>(i + 1)});
        for (std::size_t at = definition ? end : 0; (at = line.find("[^", at)) != std::string_view::npos;) {
            std::size_t after = 0;
            const std::string_view ref = footnote_label(line, at, after);
            if (ref.empty()) {
                at += 2;
                continue;
            }
            references.push_back(fold_label(ref));
            at = after;
        }
    }
    std::sort(references.begin(), references.end());
    std::vector<FootnoteProblem> out;
    std::unordered_set<std::string> seen;  // linear in the definitions, however many
    for (const auto& d : definitions) {
        const bool twice = !seen.insert(d.label).second;
        if (twice) out.push_back({d.label, d.line, d.column, true});
        else if (!std::binary_search(references.begin(), references.end(), d.label)) out.push_back({d.label, d.line, d.column, false});
    }
    return out;
}

}  // namespace lkjip::md
