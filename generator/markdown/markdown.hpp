// The Markdown stage: GitHub-flavoured Markdown, parsed by cmark-gfm with its table extension,
// into a plain document tree that carries the lkjip conventions of docs/markdown.md already
// resolved (directives, captions kept with their table or image, multi-level table headers,
// total rows, chapters). The typesetter reads only this tree; every block keeps its source line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"
#include "markdown/scan.hpp"

namespace lkjip::md {

// A run of text in one style. Line breaks inside a paragraph or cell are their own spans.
struct Span {
    std::string text;
    bool bold = false, italic = false, code = false;
    std::string link;          // target of a link, "" for none
    bool line_break = false;   // a hard break (`<br>` in a table cell, two spaces at a line end)
    bool strike = false;       // GFM strikethrough (`~~text~~`)
    friend bool operator==(const Span&, const Span&) = default;
};
using Spans = std::vector<Span>;

enum class Align { none, left, center, right };

struct TableCell {
    Spans spans;
    bool bold = false;  // the whole cell is bold text
    // `^^`: the cell continues the cell above (a row span, docs/markdown.md); its spans are empty.
    bool continued = false;
    // Leading `&emsp;` (U+2003): levels of indentation of the whole cell (the budget tree's kegiatan
    // and sub kegiatan); the em spaces are removed from the spans.
    int indent = 0;
};

// A header cell spanning `span` columns at one level of a multi-level header ("Tahun 2024 >
// Target" gives "Tahun 2024" over "Target").
struct HeaderCell {
    Spans spans;
    std::size_t first = 0, span = 1;  // columns
    std::size_t rows = 1;             // levels it covers downwards (a column without sub-headers)
};

struct Table {
    std::vector<Align> align;                      // per column, from the GFM delimiter row
    // Header levels, top first. A column whose header has fewer levels than the deepest one has
    // a single cell that covers the remaining levels (`rows`), so every column is covered once.
    std::vector<std::vector<HeaderCell>> header;
    std::vector<std::vector<TableCell>> rows;      // body rows, each exactly align.size() cells
    std::vector<bool> total_row;                   // first non-empty cell entirely bold
    std::optional<Spans> source;                   // a "Sumber: …" paragraph right after it
};

struct Block;
using Blocks = std::vector<Block>;

struct Block {
    enum class Kind { chapter, heading, paragraph, list, quote, rule, table, image, code, directive, footnote } kind = Kind::paragraph;
    std::uint32_t line = 0;
    int level = 0;             // heading level (chapter: 1)
    std::string number;        // chapter: "BAB I" (or "" for KATA PENGANTAR, LAMPIRAN …)
    Spans spans;               // heading / chapter title, paragraph text, code text
    // Lists: ordered or not, the first number, the delimiter ('.' or ')'), items of blocks.
    bool ordered = false;
    int start = 1;
    char delimiter = '.';
    std::vector<Blocks> items;
    // GFM task lists, per item (empty for a list without any): 0 not a task, 1 open `[ ]`, 2 done `[x]`.
    std::vector<int> tasks;
    Blocks children;           // block quote content; a footnote's content (its number in `number`)
    Table table;
    std::string url, alt;      // image
    std::optional<Spans> caption;  // "Tabel 3.2 …" / "Gambar 1.1 …" paragraph kept with its table or image
    std::string caption_kind;      // "Tabel" or "Gambar"
    std::string caption_number;    // "3.2"
    // Directives: `<!-- lkjip:NAME ARGS -->`; a chart directive is attached to the table it precedes.
    std::string directive, arguments;
    std::string chart;             // the table's chart directive arguments, "" for none
};

struct Document {
    Blocks blocks;
};

// The known directive names (docs/markdown.md). Unknown ones are warnings, never dropped silently.
const std::vector<std::string>& directive_names();

// Parses `text`; `name` is used in diagnostics. What is not understood is a warning; only text
// past the limits of MarkdownLimits (scan.hpp) is an error, at its line and column, and then the
// document is empty.
Document parse(std::string_view text, const std::string& name, Diagnostics& diags, const MarkdownLimits& limits = {});

// The errors parse() would report for `text`, without building its tree where none can be found
// there: the guard's scan (scan.hpp) always runs; the tree is built only for a text with an image
// (`![`, whose URL may be refused) or with as many list and quote markers as max_depth (nesting
// past it). The loader checks every string of a data file this way (issue 22: parsing each
// string that had a hyphen or a star was a twentieth of a batch).
void check(std::string_view text, const std::string& name, Diagnostics& diags, const MarkdownLimits& limits = {});

// Prints the target of every link whose text does not show it, after the text: "the spec
// (https://spec.commonmark.org/)", so a printed page loses no address (`lkjip render
// --link-urls`). A link whose text is its URL (an autolink), with or without `mailto:`, and a
// link to a fragment (`#usage`, a place in an HTML page) are left as they are.
void print_link_targets(Document& doc);

// The bare URLs of a text (GFM's extended autolinks: `https://…`, `http://…`, `www.…`), as
// [begin, end) byte ranges, trailing punctuation and unbalanced `)` left out (GFM spec 6.9).
std::vector<std::pair<std::size_t, std::size_t>> bare_urls(std::string_view text);

// Plain text of spans, for tests, outlines and lists of tables.
std::string plain_text(const Spans& spans);

}  // namespace lkjip::md
