// The page model: what the layout stage produces and the PDF writer draws. Plain data with
// absolute positions, no PDF in it: a page is a list of drawing operations in points
// (1/72 inch), origin at the bottom-left corner of the page, y upwards (the PDF convention, so
// the writer copies numbers through). Text is UTF-8 and already shaped: the layout engine
// placed every word (libharu's word spacing does not apply to two-byte text).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lkjip::page {

struct Color {
    double r = 0, g = 0, b = 0;  // 0..1
    friend bool operator==(const Color&, const Color&) = default;
};

// A font face the document uses: the TrueType file and a name for traces and messages.
struct Font {
    std::string name;  // "LiberationSerif-Bold"
    std::string file;  // absolute path of the .ttf
};

// Where kerning moves the text of a run (issue 17): piece k starts at byte `at` of the run's text
// and is drawn `x` points right of the run's origin. The layout measured the shaped advances
// (layout/shaping.hpp); the writer draws each piece with the font's nominal ones, so the pieces
// touch and text extraction still reads whole words.
struct TextPiece {
    std::size_t at = 0;
    double x = 0;
    friend bool operator==(const TextPiece&, const TextPiece&) = default;
};

// A run of text in one font and size, placed at its baseline origin.
struct TextRun {
    double x = 0, y = 0;
    std::size_t font = 0;  // index into Document::fonts
    double size = 12;
    std::string text;      // UTF-8
    Color color{};
    std::vector<TextPiece> pieces{};  // kerned text: two or more pieces, the first at 0; empty: one piece
};

// A straight line (table rules, dot leaders are text, underlines).
struct Rule {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width = 0.5;
    Color color{};
};

// A rectangle: filled (table header shading, bars of a chart) and/or stroked (boxes of the
// organisation chart).
struct Box {
    double x = 0, y = 0, w = 0, h = 0;  // (x, y) is the bottom-left corner
    std::optional<Color> fill;
    std::optional<Color> stroke;
    double stroke_width = 0.5;
};

// A general path for charts and connectors: move/line/curve/close in page coordinates.
struct PathOp {
    enum class Kind { move, line, curve, close } kind = Kind::move;
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0, x3 = 0, y3 = 0;  // curve: two controls then the end point
};

struct Path {
    std::vector<PathOp> ops;
    std::optional<Color> fill;
    std::optional<Color> stroke;
    double stroke_width = 0.5;
    std::vector<double> dash;  // empty: solid
};

// A raster image (PNG or JPEG file) scaled into a rectangle.
struct Image {
    std::string file;
    double x = 0, y = 0, w = 0, h = 0;
};

// A clickable area that jumps to a place in the document (Daftar Isi entries), or, when `uri`
// is set, opens that URI (a Markdown link: a PDF URI action, PDF 1.7 12.6.4.7).
struct Link {
    double x = 0, y = 0, w = 0, h = 0;
    std::size_t target_page = 0;  // index into Document::pages
    double target_y = 0;
    std::string uri = {};         // "" for a link inside the document
};

struct Page {
    double width = 595.276, height = 841.89;  // A4 portrait
    std::vector<Box> boxes;    // drawn first (backgrounds)
    std::vector<Path> paths;
    std::vector<Image> images;
    std::vector<Rule> rules;
    std::vector<TextRun> text;  // drawn last
    std::vector<Link> links;
    std::string label;          // the printed page number ("iii", "12") or "" for none
};

// An entry of the PDF outline (bookmarks), in document order; level 1 = chapter.
struct OutlineEntry {
    std::string title;
    int level = 1;
    std::size_t page = 0;
    double y = 0;
};

// PDF page labels: from page `first_page` on, pages are labelled in `style` starting at `start`.
struct PageLabelRange {
    enum class Style { none, roman_lower, arabic } style = Style::arabic;
    std::size_t first_page = 0;
    int start = 1;
};

struct DocumentInfo {
    std::string title, author, subject, creator, keywords;
    // From the data (the report's date), never the clock: identical input gives identical bytes.
    int year = 2000, month = 1, day = 1;
};

// ---- What the writers of other formats follow (the .docx writer, generator/docx) ----

// An entry of the Daftar Isi, Tabel or Gambar with the page label the layout settled on: the
// Word file's table-of-contents fields are filled with these, so they are right before an update.
struct ContentsEntry {
    enum class Kind { heading, table, figure } kind = Kind::heading;
    std::string title;
    int level = 1;
    std::string label;  // the printed page number
};

// Where a Markdown block (by its source line) starts: the page, and whether that page is landscape
// (a table too wide for portrait, the headings carried with it, an org chart turned).
struct Placement {
    std::uint32_t line = 0;
    std::size_t page = 0;
    bool landscape = false;
};

// A table as the column solver set it: its columns' widths (points) and its type size. A table
// cut into parts of its columns has one entry per part, in order, with the same line.
struct TableLayout {
    std::uint32_t line = 0;
    std::vector<double> widths;
    double size = 10;
    bool whole = false;  // short enough that its rows are kept on one page
};

// A chart as the layout drew it: its data (for a native chart) and its drawing, x from the chart's
// left edge and y = minus the distance below its top, in `width` × `height` points.
struct Figure {
    std::uint32_t line = 0;
    std::string type;                 // bar, hbar, line, org
    bool scale_each = false;          // bar: one panel per category
    bool banded = false;              // hbar: a scale's bands behind the bars
    std::vector<std::string> categories, series;
    std::vector<std::vector<std::optional<double>>> values;  // [series][category]
    Page drawing;
    double width = 0, height = 0;
};

struct Document {
    std::vector<Font> fonts;
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    std::vector<PageLabelRange> labels;
    DocumentInfo info;
    std::vector<ContentsEntry> contents;  // every list entry, in document order
    std::vector<Placement> placements;    // the first piece of each block line, in page order
    std::vector<TableLayout> tables;      // in document order
    std::vector<Figure> figures;          // in document order
};

}  // namespace lkjip::page
