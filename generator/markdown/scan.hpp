// Hand-written scanners for the few text patterns of the lkjip conventions (docs/markdown.md),
// and the guard that runs over the Markdown before cmark-gfm sees it. No std::regex: libstdc++'s
// matcher recurses once per character, so a 70 KB `<!-- lkjip:… -->` line or a 40 KB heading
// overflowed the stack (issue 18, class 3). Each scanner is one pass over its input and accepts
// exactly what the regular expression in its comment accepts (ECMAScript: `\s` is [ \t\n\v\f\r],
// `.` is anything but \n and \r, `$` is the end of the text).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"

namespace lkjip::md {

struct DirectiveMatch {
    std::string name, arguments;
};
// ^\s*<!--\s*lkjip:([a-z-]+)\s*(.*?)\s*-->\s*$   (the whole HTML block)
std::optional<DirectiveMatch> match_directive(std::string_view html);

struct CaptionMatch {
    std::string kind, number;
};
// ^\s*(Tabel|Gambar)\s+(\d+(\.\d+)*)\.?(\s|$)   (at the start of a paragraph)
std::optional<CaptionMatch> match_caption(std::string_view text);

struct ChapterMatch {
    std::string number, title;
};
// ^\s*(BAB\s+[IVXLC]+)\.?\s+(.*)$   (a level-1 heading's whole text)
std::optional<ChapterMatch> match_chapter(std::string_view text);

// ^((Tabel|Gambar|Lampiran|BAB)\s+[0-9IVXLC.]+|[0-9][0-9.]*)\s   (an entry of the lists of
// contents): the length of the match (its number and the one space after it), 0 for none.
std::size_t numbered_prefix(std::string_view title);

// Footnote definitions (`[^label]:` at a line's start, outside fenced code) that cmark-gfm
// 0.29.0.gfm.6 drops without a word: one no `[^label]` refers to, or the second of one label.
struct FootnoteProblem {
    std::string label;  // case-folded
    std::uint32_t line = 0, column = 0;
    bool duplicate = false;
};
std::vector<FootnoteProblem> footnote_problems(std::string_view text);

// Limits of the Markdown stage (docs/markdown.md, "Limits"). Each is far above any report and
// keeps hostile input linear in time and memory.
struct MarkdownLimits {
    // Block quotes and lists inside each other. A report uses 2 or 3; each level indents 18 pt,
    // so past ~25 the text column is gone. The conversion and the typesetter recurse per level.
    std::size_t max_depth = 100;
    // Columns of one table. At 6 pt in landscape A4 (277 mm) 100 columns leave under 3 mm
    // each; cmark-gfm 0.29's table extension is quadratic in the cells of a row (measured:
    // 10 000 cells in a row 0.26 s, 40 000 8 s), so a row may hold at most this many pipes too.
    std::size_t max_table_columns = 100;
    // Cells of all tables together, counting the cells GFM adds to pad short rows (a header
    // of 5 000 columns over 5 000 one-letter rows is 25 million cells from 35 KB: 14 s and
    // gigabytes; 15 MB of empty cells needed more than 4 GiB, issue 18). Measured: about 320
    // bytes of peak memory per cell through parsing and layout (2 million cells: 637 MB), so this
    // bounds tables to about 320 MB; 25 000 rows of 40 cells, far beyond a report's appendix.
    std::size_t max_table_cells = 1'000'000;
    // cmark-gfm 0.29.0.gfm.6 (Debian 12) walks back over every open `![` each time a link
    // closes (CVE-2023-22486, `![[]()` repeated: 10 000 times 0.24 s, 20 000 1.7 s, 160 000
    // minutes). The guard counts those steps over the whole document; at about 5-8 ns a step
    // this budget is 0.1-0.2 s. A report's paragraphs have no unclosed `![` at all.
    std::uint64_t max_bracket_steps = 20'000'000;
    // Likewise each `<?` or `<![CDATA[` scans on to its `?>` / `]]>` or the paragraph's end
    // (quadratic: `a<?` repeated 10 000 times 0.15 s, 40 000 3.9 s, about 1.5 ns a byte).
    std::uint64_t max_html_scan_bytes = 100'000'000;
    // cmark-gfm finds the containing block of every `[` by walking up its open containers
    // (GHSA-66g8-4hjf-77xh, CVE-2023-24824): 1 000 000 `[` in a list 3000 deep took more than a
    // minute. Brackets times nesting depth is budgeted like the bracket steps above.
    std::uint64_t max_container_steps = 20'000'000;
};

// Scans `text` in linear time for the shapes on which cmark-gfm 0.29.0.gfm.6 takes super-linear
// time or memory (the limits above) and reports each as an error at its line and column in
// `name`. Returns false when it found one: then the text must not be given to cmark-gfm.
bool guard(std::string_view text, const std::string& name, const MarkdownLimits& limits, Diagnostics& diags);

}  // namespace lkjip::md
