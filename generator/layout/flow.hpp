// Inside the layout stage: the flow. Blocks of the document tree become pieces (a line of a
// paragraph, a heading, one table row, a signature block), each with its height and its drawing
// in local coordinates; pieces are grouped into sections (pages of one geometry and numbering),
// paginated, then drawn onto pages (document.cpp). Not a public header.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/diagnostics.hpp"
#include "layout/fonts.hpp"
#include "layout/image_info.hpp"
#include "layout/layout.hpp"
#include "layout/paginate.hpp"
#include "layout/table.hpp"

namespace lkjip::layout {

// A place that lists and the outline point at: a heading, a table or figure caption.
struct Anchor {
    enum class Kind { heading, table, figure } kind = Kind::heading;
    std::string title;
    int level = 1;       // heading level, 1 = chapter
    bool in_toc = true;  // false after lkjip:nonumber
    double y = 0;        // down from the piece top
};

// An entry of the Daftar Isi / Tabel / Gambar as the previous pass placed it.
struct ListEntry {
    Anchor::Kind kind = Anchor::Kind::heading;
    std::string title, label;  // label: the printed page number
    int level = 1;
    std::size_t page = 0;
    double y = 0;
    friend bool operator==(const ListEntry&, const ListEntry&) = default;
};

struct Piece {
    FlowItem flow;          // flow.height includes space_before
    double space_before = 0;  // dropped when the piece starts a page
    // Drawing with x from the content's left edge and y = minus the distance below the piece top.
    page::Page ops;
    const PlacedTable* table = nullptr;  // a table row: drawn with the table's other rows on the page
    const TableStyle* table_style = nullptr;
    std::size_t row = 0;
    double table_x = 0;
    bool header_only = false;            // a table without body rows
    std::vector<Anchor> anchors;
    std::uint32_t line = 0;  // the Markdown line of its block, for diagnostics after pagination
};

enum class Numbering { none, roman, arabic };

struct Section {
    bool landscape = false;
    bool cover = false;  // one page, its content centred vertically
    Numbering numbering = Numbering::none;
    bool restart = false;  // lkjip:front-matter / main-matter: counting starts again at i or 1
    std::vector<Piece> pieces;
};

struct Geometry {
    double width = 0, height = 0;  // page
    double left = 0, right = 0, top = 0, bottom = 0;
    [[nodiscard]] double measure() const { return width - left - right; }
    [[nodiscard]] double body_height() const { return height - top - bottom; }
};

// Turns blocks into sections of pieces, once per document; the lists of contents are then
// refreshed in place with the entries each layout pass finds.
class Builder {
public:
    Builder(const LayoutSettings& settings, const FontBook& book, const Hyphenator* hyphenator, Diagnostics& diags);

    void add_document(const md::Document& doc);
    // Replaces the pieces of every Daftar Isi / Tabel / Gambar with `entries` (kept by reference
    // until the next call).
    void refresh_lists(const std::vector<ListEntry>& entries);
    std::vector<Section>& sections() { return sections_; }
    // Every table's column widths and every chart, as set (page::Document's tables and figures).
    [[nodiscard]] const std::vector<page::TableLayout>& table_layouts() const { return table_layouts_; }
    [[nodiscard]] const std::vector<page::Figure>& figures() const { return figures_; }
    // Tables live here so pieces can point at them.
    std::vector<std::unique_ptr<PlacedTable>>& tables() { return tables_; }
    [[nodiscard]] Geometry geometry(bool landscape) const;

private:
    void add_blocks(const md::Blocks& blocks, double indent, double measure);
    void add_block(const md::Block& b, double indent, double measure);
    void add_chapter(const md::Block& b);
    void add_heading(const md::Block& b, double indent, double measure);
    void add_paragraph(const md::Spans& spans, double indent, double measure, double size, bool justify,
                       bool centred, double space_before);
    void add_list(const md::Block& b, double indent, double measure, int depth);
    void add_table(const md::Block& b, double indent, double measure);
    bool add_chart(const md::Block& b, double indent, double measure);
    // Opens a landscape section for a table or chart too wide for the portrait measure, carrying
    // the headings and captions just before it; returns the new measure.
    double begin_landscape();
    // The table set upright (portrait measure) in type from one point under style.size down to
    // `floor`, whole words; nullopt when no size fits.
    std::optional<std::pair<PlacedTable, TableStyle>> set_upright(const md::Table& table, TableStyle style, double floor) const;
    // Whether a table cannot be read upright even at the portrait floor.
    [[nodiscard]] bool wants_landscape(const md::Table& table) const;
    // Whether blocks[from...] continue a landscape run: a signature, or headings and lead-ins
    // before a table that wants landscape.
    [[nodiscard]] bool continues_landscape(const md::Blocks& blocks, std::size_t from) const;
    // The share of a landscape page's text area the table `b` would fill there with its caption,
    // note and the headings carried with it.
    [[nodiscard]] double landscape_fill(const md::Block& b, TableStyle style) const;
    void add_image(const md::Block& b, double indent, double measure);
    void add_image_grid(const md::Block* images, std::size_t count, double indent, double measure);
    // The image file of `b` resolved against the base folder, and its size; nullopt after an
    // error at the block's line.
    std::optional<std::pair<std::string, ImageInfo>> open_image(const md::Block& b);
    void add_code(const md::Block& b, double indent, double measure);
    // Markdown beyond the reports' own (issue 17, marks.cpp): headings 1-6, nesting, marks.
    struct HeadingStyle {
        double size_delta;  // points added to the body size
        bool bold, italic;
        double space_before;  // in body sizes
    };
    static const HeadingStyle& heading_style(int level);
    // Where a nested quote or list level starts: `step` further in, up to the indentation limit.
    [[nodiscard]] double nested_indent(double indent, double step) const;
    // Strikethrough lines and link annotations of the runs of a placed line.
    void add_marks(page::Page& ops, const PlacedLine& line, double x, double baseline_y, double size) const;
    void add_footnote(const md::Block& b, double indent, double measure);
    bool notes_started_ = false;  // the rule above the first footnote is drawn
    void add_caption(const md::Block& b, double indent, double measure);
    // Where a list of contents sits: pieces [first, first + count) of a section.
    struct ListSlot {
        std::size_t section = 0, first = 0, count = 0;
        Anchor::Kind kind = Anchor::Kind::heading;
        double indent = 0, measure = 0;
    };
    void add_list_of(Anchor::Kind kind, double indent, double measure);
    std::vector<Piece> list_pieces(const ListSlot& slot);
    void add_signatures(const std::vector<md::Blocks>& columns);
    // One row of signatures side by side, on a grid of `grid` columns (the first row's count).
    void add_signature_row(const std::vector<md::Blocks>& columns, std::size_t grid);
    Piece signature_piece(const std::vector<md::Blocks>& columns, std::size_t grid, double measure) const;
    // The height of the signature block that starts at blocks[from] (0 if none starts there),
    // set in `measure`.
    [[nodiscard]] double signature_height(const md::Blocks& blocks, std::size_t from, double measure) const;
    void add_letterhead(const md::Blocks& blocks);
    void add_cover(const md::Blocks& blocks);  // cover.cpp
    void add_centred(const md::Spans& spans);
    std::vector<PlacedLine> centred_lines(const md::Spans& spans, double measure) const;
    PlacedLine natural_line(const PlacedLine& line, double size, double measure) const;
    void directive(const md::Block& b);
    Piece& push(Piece p);
    Section& section() { return sections_.back(); }
    void new_section(bool landscape, bool cover, Numbering numbering);
    [[nodiscard]] double line_height(double size) const { return size * settings_.line_spacing; }
    [[nodiscard]] double baseline(double size, double height) const;
    void draw_lines(page::Page& ops, const std::vector<PlacedLine>& lines, double x, double measure, double size,
                    double first_baseline, double step, bool centred, bool right) const;

    const LayoutSettings& settings_;
    const FontBook& book_;
    const Hyphenator* hyphenator_;
    const std::vector<ListEntry>* entries_;
    std::vector<ListSlot> slots_;
    Diagnostics& diags_;
    TableStyle table_style_;
    std::vector<Section> sections_;
    std::vector<std::unique_ptr<PlacedTable>> tables_;
    std::vector<page::TableLayout> table_layouts_;
    std::vector<page::Figure> figures_;
    std::vector<std::unique_ptr<TableStyle>> table_styles_;  // each table's own (a wide one may be smaller)
    int next_paragraph_ = 0;
    bool break_next_ = false;
    bool no_number_next_ = false;
    Numbering numbering_ = Numbering::arabic;  // a hand-written file without directives is numbered 1, 2, 3
    bool landscape_ = false;
    bool landscape_open_ = false;  // a landscape section opened for a wide table, not yet closed
    // The blocks after the top-level block being set, for the landscape decisions.
    const md::Blocks* next_blocks_ = nullptr;
    std::size_t next_index_ = 0;
    // Blocks between paired directives, collected and set when the closing directive comes.
    enum class Collect { none, cover, signature, signatures, letterhead, center } collect_ = Collect::none;
    std::vector<md::Blocks> collected_;
    double measure_now_ = 0;
    std::uint32_t line_ = 0;  // the Markdown line of the block being set, for diagnostics
    std::shared_ptr<const std::string> file_;
    [[nodiscard]] SourcePos here() const { return SourcePos{file_, line_, line_ ? 1u : 0u}; }  // the content width of the current section
};

}  // namespace lkjip::layout
