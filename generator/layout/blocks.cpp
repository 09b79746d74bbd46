// Blocks of the document tree to pieces of the flow (flow.hpp): paragraphs line by line (so a
// page can break between lines, with widows and orphans counted), headings kept with what
// follows, lists with hanging indents, tables row by row, captions kept with their table.
#include <algorithm>
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "common/utf8.hpp"
#include "layout/keep.hpp"
#include "layout/chart.hpp"
#include "layout/flow.hpp"
#include "layout/image_info.hpp"

namespace lkjip::layout {

namespace {

constexpr double kCaptionSize = 11;
constexpr double kSourceSize = 9;
constexpr double kChapterSize = 14;
constexpr double kCodeSize = 9;
constexpr double kListIndent = 22;   // hanging indent of a list level
constexpr double kQuoteIndent = 18;  // indent of a block quote level, its bar in it
// The smallest type a table is set in on an upright page before it goes landscape: 8 pt is the
// table type of the seed reports (and two points under the tables' 10 pt).
constexpr double kPortraitFloor = 8;
// Issue 17: "never a landscape page mostly blank"; a landscape page under this fill is allowed
// only to a table that cannot be set upright at all.
constexpr double kMinLandscapeFill = 0.40;
// The floor for a table that would be alone on a mostly blank landscape page: 7 pt, the size of
// the seeds' densest tables (seed 004's budget matrix) and of footnotes (Bringhurst 4.3.2:
// notes two or three points under the text), still read on an A4 page held in the hand.
constexpr double kShortTableFloor = 7;
// How far past a landscape table the layout looks for more landscape material (headings and
// lead-ins, then a wide table; or a signature): what a reader sees as one run of pages.
constexpr std::size_t kLandscapeLookahead = 6;
// Signatures side by side in one row: the PK's two parties, or three with a witness (mengetahui);
// a fourth in a row would leave about 100 pt for a jabatan of 60 letters.
constexpr std::size_t kSignatureColumns = 3;

md::Spans all_bold(md::Spans spans) {
    for (auto& s : spans) s.bold = true;
    return spans;
}

bool is_blank(const md::Spans& spans) {
    const std::string t = md::plain_text(spans);
    return std::all_of(t.begin(), t.end(), [](char c) { return c == ' ' || c == '\t'; }) ||
           t == "\xC2\xA0";  // &nbsp;: a deliberately empty paragraph (the space to sign)
}

// List markers by depth: 1. / a. / 1) as Indonesian documents number nested items.
std::string marker(const md::Block& b, int depth, std::size_t index) {
    if (!b.ordered) return depth % 2 == 0 ? "\xE2\x80\xA2" : "\xE2\x80\x93";  // • then –
    const int n = b.start + static_cast<int>(index);
    if (depth % 3 == 1) {
        std::string letters;
        for (int k = n; k > 0; k = (k - 1) / 26) letters.insert(letters.begin(), static_cast<char>('a' + (k - 1) % 26));
        return letters + b.delimiter;
    }
    return fmt::format("{}{}", n, depth % 3 == 2 ? ')' : b.delimiter);
}

}  // namespace

Builder::Builder(const LayoutSettings& settings, const FontBook& book, const Hyphenator* hyphenator, Diagnostics& diags)
    : settings_(settings), book_(book), hyphenator_(hyphenator), diags_(diags) {
    static const std::vector<ListEntry> kNone;
    entries_ = &kNone;
    file_ = std::make_shared<const std::string>(settings.source_name);
    table_style_.size = std::max(7.0, settings.size - 2);
    table_style_.leading = 1.15;
    table_style_.hyphenator = hyphenator;
    new_section(false, false, numbering_);
}

Geometry Builder::geometry(bool landscape) const {
    constexpr double mm = 72.0 / 25.4;
    Geometry g;
    g.width = (landscape ? settings_.page_height_mm : settings_.page_width_mm) * mm;
    g.height = (landscape ? settings_.page_width_mm : settings_.page_height_mm) * mm;
    g.left = settings_.margin_left_mm * mm;
    g.right = settings_.margin_right_mm * mm;
    g.top = settings_.margin_top_mm * mm;
    g.bottom = settings_.margin_bottom_mm * mm;
    return g;
}

void Builder::new_section(bool landscape, bool cover, Numbering numbering) {
    bool restart = false;  // an emptied section hands its restart of the page count on
    if (!sections_.empty() && sections_.back().pieces.empty()) {
        restart = sections_.back().restart;
        sections_.pop_back();
    }
    Section s;
    s.restart = restart;
    s.landscape = landscape;
    s.cover = cover;
    s.numbering = numbering;
    sections_.push_back(std::move(s));
    measure_now_ = geometry(landscape).measure();
    break_next_ = false;
}

Piece& Builder::push(Piece p) {
    p.line = line_;
    if (break_next_) {
        p.flow.break_before = true;
        break_next_ = false;
    }
    section().pieces.push_back(std::move(p));
    return section().pieces.back();
}

double Builder::baseline(double size, double height) const {
    // The text's em box centred in the line: half the extra leading above, then the ascent.
    const FontMetrics& f = book_.set.get(Face::regular);
    const double em = (f.ascender() - f.descender()) * size;
    return (height - em) / 2 + f.ascender() * size;
}

void Builder::draw_lines(page::Page& ops, const std::vector<PlacedLine>& lines, double x, double measure, double size,
                         double first_baseline, double step, bool centred, bool right) const {
    double y = first_baseline;
    for (const auto& line : lines) {
        const double shift = centred ? (measure - line.width) / 2 : right ? measure - line.width : 0;
        for (const auto& run : line.runs) {
            ops.text.push_back(page::TextRun{x + shift + run.x, -y, book_.ids.ids[static_cast<int>(run.face)], size, run.text, {}});
        }
        add_marks(ops, line, x + shift, -y, size);
        y += step;
    }
}

void Builder::add_document(const md::Document& doc) { add_blocks(doc.blocks, 0, measure_now_); }

void Builder::add_blocks(const md::Blocks& blocks, double indent, double measure) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        // Two or more captioned images in a row (the dokumentasi kegiatan) are set as a grid.
        std::size_t run = i;
        while (collect_ == Collect::none && run < blocks.size() && blocks[run].kind == md::Block::Kind::image && blocks[run].caption) ++run;
        if (run - i >= 2) {
            add_image_grid(&blocks[i], run - i, indent, indent == 0 ? measure_now_ : measure);
            i = run - 1;
            continue;
        }
        const bool top = indent == 0 && collect_ == Collect::none;
        // Issue 17: consecutive landscape material shares pages; anything else goes back upright.
        if (top && landscape_open_ && !continues_landscape(blocks, i)) {
            landscape_open_ = false;
            new_section(false, false, numbering_);
        }
        if (top) next_blocks_ = &blocks, next_index_ = i + 1;
        add_block(blocks[i], indent, measure);
        next_blocks_ = nullptr;
    }
}

void Builder::add_block(const md::Block& b, double indent, double measure) {
    if (b.line > 0) line_ = b.line;
    if (b.kind == md::Block::Kind::directive) return directive(b);
    if (collect_ != Collect::none) {
        collected_.back().push_back(b);
        return;
    }
    // A landscape section measures its own width; blocks at the top level follow it.
    if (indent == 0) measure = measure_now_;
    switch (b.kind) {
        case md::Block::Kind::chapter: return add_chapter(b);
        case md::Block::Kind::heading: return add_heading(b, indent, measure);
        case md::Block::Kind::paragraph:
            return add_paragraph(b.spans, indent, measure, settings_.size, true, false, settings_.size * 0.5);
        case md::Block::Kind::list: return add_list(b, indent, measure, 0);
        case md::Block::Kind::quote: {
            const std::size_t from = section().pieces.size();
            const double inner = nested_indent(indent, kQuoteIndent);
            add_blocks(b.children, inner, measure - (inner - indent));
            // A grey bar beside the quoted lines, piece by piece so it follows page breaks; past
            // the indentation limit the bars of deeper quotes fall on the last one.
            const double bar = inner - kQuoteIndent + 6;
            for (std::size_t i = from; i < section().pieces.size(); ++i) {
                Piece& p = section().pieces[i];
                p.ops.rules.push_back(page::Rule{bar, -p.space_before, bar, -p.flow.height, 2, {0.6, 0.6, 0.6}});
            }
            return;
        }
        case md::Block::Kind::rule: {
            Piece p;
            p.flow.height = settings_.size;
            p.ops.rules.push_back(page::Rule{indent, -p.flow.height / 2, indent + measure, -p.flow.height / 2, 0.5, {}});
            push(std::move(p));
            return;
        }
        case md::Block::Kind::table: return add_table(b, indent, measure);
        case md::Block::Kind::image: return add_image(b, indent, measure);
        case md::Block::Kind::code: return add_code(b, indent, measure);
        case md::Block::Kind::footnote: return add_footnote(b, indent, measure);
        case md::Block::Kind::directive: return;
    }
}

void Builder::directive(const md::Block& b) {
    const std::string& d = b.directive;
    if (d == "page-break") break_next_ = true;
    else if (d == "front-matter" || d == "main-matter") {
        numbering_ = d == "front-matter" ? Numbering::roman : Numbering::arabic;
        new_section(landscape_, false, numbering_);
        section().restart = true;
    } else if (d == "nonumber") no_number_next_ = true;
    else if (d == "toc") add_list_of(Anchor::Kind::heading, 0, measure_now_);
    else if (d == "list-of-tables") add_list_of(Anchor::Kind::table, 0, measure_now_);  // i18n: not a message
    else if (d == "list-of-figures") add_list_of(Anchor::Kind::figure, 0, measure_now_);  // i18n: not a message
    else if (d == "landscape" || d == "end-landscape") {
        landscape_ = d == "landscape";
        new_section(landscape_, false, numbering_);
    } else if (d == "cover") {
        new_section(false, true, Numbering::none);
        collect_ = Collect::cover;
        collected_ = {{}};
    } else if (d == "end-cover" && collect_ == Collect::cover) {
        collect_ = Collect::none;
        add_cover(collected_.front());
        new_section(landscape_, false, numbering_);
    } else if (d == "letterhead" || d == "center") {
        collect_ = d == "letterhead" ? Collect::letterhead : Collect::center;
        collected_ = {{}};
    } else if ((d == "end-letterhead" && collect_ == Collect::letterhead) || (d == "end-center" && collect_ == Collect::center)) {
        const bool letterhead = collect_ == Collect::letterhead;
        collect_ = Collect::none;
        if (letterhead) {
            add_letterhead(collected_.front());
        } else {
            for (const auto& block : collected_.front()) {
                if (block.kind == md::Block::Kind::paragraph) add_centred(block.spans);
                else add_block(block, 0, measure_now_);
            }
        }
    } else if ((d == "signature" || d == "end-signature") && collect_ == Collect::signatures) {
        // A one-person block (templates' ttd macro) inside a side-by-side group only marks its
        // own extent; restarting collection here stacked both blocks in the right half (issue 13).
    } else if (d == "signature" || d == "signatures") {
        collect_ = d == "signature" ? Collect::signature : Collect::signatures;
        collected_ = {{}};
    } else if (d == "column" && collect_ == Collect::signatures) collected_.push_back({});
    else if ((d == "end-signature" && collect_ == Collect::signature) || (d == "end-signatures" && collect_ == Collect::signatures)) {
        if (collect_ == Collect::signature) collected_.insert(collected_.begin(), md::Blocks{});  // the left half stays empty
        collect_ = Collect::none;
        add_signatures(collected_);
    }
    // chart: the table it precedes carries it (md stage) and add_table draws it.
}

void Builder::add_chapter(const md::Block& b) {
    Piece p;
    p.flow.break_before = true;
    p.flow.keep_with_next = true;
    const double step = kChapterSize * 1.4;
    std::vector<PlacedLine> lines;
    ParagraphStyle style{kChapterSize, measure_now_, 0, false, nullptr};
    if (!b.number.empty()) {
        auto n = set_paragraph({md::Span{b.number, true, false, false, "", false}}, book_.set, style);
        lines.insert(lines.end(), n.begin(), n.end());
    }
    auto t = set_paragraph(all_bold(b.spans), book_.set, style);
    lines.insert(lines.end(), t.begin(), t.end());
    draw_lines(p.ops, lines, 0, measure_now_, kChapterSize, baseline(kChapterSize, step), step, true, false);
    p.flow.height = static_cast<double>(lines.size()) * step + 2 * settings_.size;  // space below the title
    const std::string title = (b.number.empty() ? "" : b.number + " ") + md::plain_text(b.spans);
    p.anchors.push_back(Anchor{Anchor::Kind::heading, title, 1, !no_number_next_, 0});
    no_number_next_ = false;
    break_next_ = false;
    push(std::move(p));
}

void Builder::add_heading(const md::Block& b, double indent, double measure) {
    const HeadingStyle& hs = heading_style(b.level);
    const double size = settings_.size + hs.size_delta;
    md::Spans spans = b.spans;
    for (auto& s : spans) {
        s.bold = s.bold || hs.bold;
        s.italic = s.italic || hs.italic;
    }
    const auto lines = set_paragraph(spans, book_.set, ParagraphStyle{size, measure, 0, false, hyphenator_});
    const double step = line_height(size);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Piece p;
        p.space_before = i == 0 ? settings_.size * hs.space_before : 0;
        p.flow.height = step + p.space_before;
        p.flow.keep_with_next = true;
        draw_lines(p.ops, {lines[i]}, indent, measure, size, p.space_before + baseline(size, step), step, false, false);
        if (i == 0) p.anchors.push_back(Anchor{Anchor::Kind::heading, md::plain_text(b.spans), b.level, !no_number_next_, p.space_before});
        push(std::move(p));
    }
    no_number_next_ = false;
}

void Builder::add_paragraph(const md::Spans& spans, double indent, double measure, double size, bool justify, bool centred,
                            double space_before) {
    const double step = line_height(size);
    if (is_blank(spans)) {  // an empty paragraph keeps its line (the space to sign)
        Piece p;
        p.flow.height = step;
        push(std::move(p));
        return;
    }
    const auto lines = set_paragraph(spans, book_.set, ParagraphStyle{size, measure, 0, justify, hyphenator_});
    if (std::any_of(lines.begin(), lines.end(), [](const PlacedLine& l) { return l.overfull; }))
        diags_.warning(here(), _("a line of this paragraph is wider than the text column"));
    const int id = next_paragraph_++;
    // A run-in heading stays whole with what follows; a lead-in sentence keeps its last line
    // (and, by the orphan rule, the one before) with the table or list it announces.
    const bool heading = is_run_in_heading(spans), lead_in = !heading && is_lead_in(spans);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Piece p;
        p.space_before = i == 0 ? space_before : 0;
        p.flow.height = step + p.space_before;
        p.flow.paragraph = id;
        p.flow.keep_with_next = heading || (lead_in && i + 1 == lines.size());
        draw_lines(p.ops, {lines[i]}, indent, measure, size, p.space_before + baseline(size, step), step, centred, false);
        push(std::move(p));
    }
}

void Builder::add_list(const md::Block& b, double indent, double measure, int depth) {
    for (std::size_t i = 0; i < b.items.size(); ++i) {
        const std::size_t first = section().pieces.size();
        // Past the indentation limit a deeper level is set where the last one was; its markers
        // (• – a. 1)) still tell the levels apart.
        const double inner = std::max(indent, nested_indent(indent, kListIndent));
        const double inner_measure = measure - (inner - indent);
        for (const auto& child : b.items[i]) {
            if (child.kind == md::Block::Kind::list) add_list(child, inner, inner_measure, depth + 1);
            else if (child.kind == md::Block::Kind::paragraph)
                add_paragraph(child.spans, inner, inner_measure, settings_.size, true, false, settings_.size * 0.25);
            else add_block(child, inner, inner_measure);
        }
        if (first >= section().pieces.size()) continue;
        // The marker hangs in the indent, right-aligned, on the first line of the item; a GFM
        // task item's marker is its box, open or ticked.
        Piece& p = section().pieces[first];
        const int task = i < b.tasks.size() ? b.tasks[i] : 0;
        const std::string m = task == 2 ? "\u2611" : task == 1 ? "\u2610" : marker(b, depth, i);  // ☑ ☐
        const Face face = book_.set.get(Face::regular).has_glyph(utf8::decode(m).front()) ? Face::regular : Face::fallback;
        const double w = book_.set.get(face).width(m, settings_.size);
        const double step = line_height(settings_.size);
        p.ops.text.push_back(page::TextRun{inner - 5 - w, -(p.space_before + baseline(settings_.size, step)),
                                           book_.ids.ids[static_cast<int>(face)], settings_.size, m, {}});
    }
}

void Builder::add_caption(const md::Block& b, double indent, double measure) {
    if (!b.caption) return;
    const double step = kCaptionSize * 1.3;
    const auto lines = set_paragraph(*b.caption, book_.set, ParagraphStyle{kCaptionSize, measure, 0, false, hyphenator_});
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Piece p;
        p.space_before = i == 0 ? settings_.size : 0;
        p.flow.height = step + p.space_before;
        p.flow.keep_with_next = true;
        draw_lines(p.ops, {lines[i]}, indent, measure, kCaptionSize, p.space_before + baseline(kCaptionSize, step), step, true, false);
        if (i == 0) {
            const auto kind = b.caption_kind == "Gambar" ? Anchor::Kind::figure : Anchor::Kind::table;
            p.anchors.push_back(Anchor{kind, md::plain_text(*b.caption), 0, true, p.space_before});
        }
        push(std::move(p));
    }
}

// A chart (issue 6) is drawn in place of its table: one unbreakable piece, its caption kept with it
// (a "Gambar N.M" caption is a figure, listed in the Daftar Gambar). A table the chart cannot be
// drawn from is printed as a table, with a warning.
bool Builder::add_chart(const md::Block& b, double indent, double measure) {
    std::string error;
    const auto data = chart::read_data(b.chart, b.table, error);
    if (!data) {
        diags_.warning(here(), error);
        return false;
    }
    const chart::Fonts fonts{&book_.set, book_.ids};
    chart::Drawing d = chart::draw(*data, fonts, measure);
    // An organisation chart that had to stack its units in 7 pt type, or to cut words, goes on a
    // landscape page of its own when it reads better there (issue 6: "landscape if it needs it"):
    // larger type or whole words, and the whole chart within the page.
    bool to_landscape = false;
    if (data->type == "org" && !section().landscape && indent == 0 && (d.words_cut || (d.stacked && d.text_size < 8))) {
        const Geometry wide = geometry(true);
        chart::Drawing l = chart::draw(*data, fonts, wide.measure());
        const bool better = (d.words_cut && !l.words_cut) || l.text_size > d.text_size || (d.stacked && !l.stacked);
        if (better && l.height + settings_.size * 4 < wide.body_height()) {
            to_landscape = true;
            measure = begin_landscape();
            d = std::move(l);
        }
    }
    // Taller than a page even on its own: no drawing can be read there (a tree of thousands of
    // units); the table it came from is printed instead, and breaks across pages as tables do.
    const double page_room = geometry(section().landscape).body_height() - settings_.size * 4;
    if (!(d.height <= page_room) || !(d.width <= measure * 4)) {
        // The type is the word of the chart directive (bar, hbar, line), the organisation chart
        // has a sentence of its own.
        diags_.warning(here(), data->type == "org"
                                   ? _f("the organisation chart is too large for a page ({} items); its table is printed instead",
                                        data->categories.size())
                                   : _f("the {} chart is too large for a page ({} items); its table is printed instead", data->type,
                                        data->categories.size()));
        return false;
    }
    if (d.width > measure + 0.5) diags_.warning(here(), _("the organisation chart is wider than the text column"));
    add_caption(b, indent, measure);
    Piece p;
    p.space_before = settings_.size * 0.5;
    p.flow.height = p.space_before + d.height + settings_.size * 0.5;
    figures_.push_back(page::Figure{b.line, data->type, data->scale_each, !data->bands.empty(), data->categories,
                                    data->series, data->values, d.ops, d.width, d.height});
    page::Page& ops = d.ops;
    for (auto& r : ops.text) r.x += indent, r.y -= p.space_before;
    for (auto& r : ops.rules) r.x1 += indent, r.x2 += indent, r.y1 -= p.space_before, r.y2 -= p.space_before;
    for (auto& r : ops.boxes) r.x += indent, r.y -= p.space_before;
    for (auto& path : ops.paths)
        for (auto& op : path.ops) {
            op.x1 += indent, op.x2 += indent, op.x3 += indent;
            op.y1 -= p.space_before, op.y2 -= p.space_before, op.y3 -= p.space_before;
        }
    p.ops = std::move(ops);
    push(std::move(p));
    if (to_landscape) new_section(false, false, numbering_);
    return true;
}

double Builder::begin_landscape() {
    // The headings just before go with it to the landscape page.
    std::vector<Piece> carried;
    while (!section().pieces.empty() && section().pieces.back().flow.keep_with_next && !section().pieces.back().table) {
        carried.insert(carried.begin(), std::move(section().pieces.back()));
        section().pieces.pop_back();
    }
    const double portrait = measure_now_;
    new_section(true, false, numbering_);
    for (auto& p : carried) {
        // A chapter title is centred: centre it again on the wider landscape measure.
        if (p.flow.break_before) {
            for (auto& run : p.ops.text) run.x += (measure_now_ - portrait) / 2;
        }
        section().pieces.push_back(std::move(p));
    }
    return measure_now_;
}

std::optional<std::pair<PlacedTable, TableStyle>> Builder::set_upright(const md::Table& table, TableStyle style,
                                                                        double floor) const {
    // Whole words still (issue 5: "Ru-piah" in a Satuan column is not read as a word).
    style.max_width = geometry(false).measure();
    while (style.size - 1 >= floor - 1e-9) {
        style.size -= 1;
        PlacedTable t = layout_table(table, book_.set, style);
        if (t.fits && !t.hyphenated) return std::make_pair(std::move(t), style);
    }
    return std::nullopt;
}

bool Builder::wants_landscape(const md::Table& table) const {
    TableStyle style = table_style_;
    style.max_width = geometry(false).measure();
    const PlacedTable t = layout_table(table, book_.set, style);
    return !(t.fits && !t.hyphenated) && !set_upright(table, style, kPortraitFloor);
}

bool Builder::continues_landscape(const md::Blocks& blocks, std::size_t from) const {
    for (std::size_t k = from; k < blocks.size() && k < from + kLandscapeLookahead; ++k) {
        const md::Block& b = blocks[k];
        switch (b.kind) {
            case md::Block::Kind::directive:
                // A signature goes with the table it signs (the Lampiran IKU).
                if (b.directive == "signature" || b.directive == "signatures") return true;
                if (b.directive == "chart" || b.directive == "nonumber") continue;
                return false;
            case md::Block::Kind::heading: continue;
            case md::Block::Kind::paragraph:
                if (is_run_in_heading(b.spans) || is_lead_in(b.spans)) continue;
                return false;
            case md::Block::Kind::table: return b.chart.empty() && wants_landscape(b.table);
            default: return false;
        }
    }
    return false;
}

double Builder::landscape_fill(const md::Block& b, TableStyle style) const {
    const Geometry g = geometry(true);
    style.max_width = g.measure();
    PlacedTable t = layout_table(b.table, book_.set, style);
    while (!t.fits && style.size > 6) {
        style.size -= 1;
        t = layout_table(b.table, book_.set, style);
    }
    // As the page would hold it: the headings begin_landscape carries over, the caption, the
    // table, its note; the first piece at the page head without its space above.
    double h = 0;
    bool head = true;
    std::vector<const Piece*> carried;
    for (auto it = sections_.back().pieces.rbegin(); it != sections_.back().pieces.rend() && it->flow.keep_with_next && !it->table; ++it)
        carried.insert(carried.begin(), &*it);
    for (const Piece* p : carried) {
        h += p->flow.height - (head ? p->space_before : 0);
        head = false;
    }
    if (b.caption) {
        const auto lines = set_paragraph(*b.caption, book_.set, ParagraphStyle{kCaptionSize, g.measure(), 0, false, hyphenator_});
        h += (head ? 0 : settings_.size) + static_cast<double>(lines.size()) * kCaptionSize * 1.3;
        head = false;
    }
    if (!head) h += b.caption ? settings_.size * 0.3 : settings_.size * 0.5;  // the gap above the table
    for (const auto& r : t.header) h += r.height;
    for (const auto& r : t.body) h += r.height;
    if (b.table.source) h += kSourceSize * 0.5 + line_height(kSourceSize);
    return h / g.body_height();
}

void Builder::add_table(const md::Block& b, double indent, double measure) {
    if (!b.chart.empty() && add_chart(b, indent, measure)) return;
    TableStyle style = table_style_;
    style.max_width = measure;
    auto table = std::make_unique<PlacedTable>(layout_table(b.table, book_.set, style));
    // A table too wide for a portrait page goes on a landscape page of its own (issue 5): too
    // wide means its whole words do not fit side by side ("Satuan", "50.000.000.000").
    bool to_landscape = (!table->fits || table->hyphenated) && !section().landscape && indent == 0;
    // Issue 17: a landscape page is for a table that cannot be read upright. Smaller type first,
    // to kPortraitFloor: a one-row table wide by a few words no longer takes a page of its own.
    if (to_landscape) {
        if (auto upright = set_upright(b.table, style, kPortraitFloor)) {
            *table = std::move(upright->first);
            style = upright->second;
            to_landscape = false;
        }
    }
    // A short table alone on a landscape page would leave it mostly blank (issue 17: Probolinggo's
    // one-row Sasaran 5 table, 85% blank): upright in still smaller type when that fits, unless
    // more landscape material follows to share its page.
    if (to_landscape && landscape_fill(b, style) < kMinLandscapeFill &&
        !(next_blocks_ && continues_landscape(*next_blocks_, next_index_))) {
        if (auto upright = set_upright(b.table, style, kShortTableFloor)) {
            *table = std::move(upright->first);
            style = upright->second;
            to_landscape = false;
        }
    }
    if (to_landscape) {
        measure = begin_landscape();
        style.max_width = measure;
        *table = layout_table(b.table, book_.set, style);
        // Issue 17: the signature under a landscape table (the Lampiran IKU) goes with the
        // table's last rows. A table on one page whose signature would go over alone is set a
        // point or two smaller, to kPortraitFloor, so both share the page (TeX's tightening).
        const double sign = next_blocks_ ? signature_height(*next_blocks_, next_index_, measure) : 0;
        const double room = geometry(true).body_height();
        for (TableStyle tight = style; sign > 0 && landscape_fill(b, tight) <= 1 &&
                                       landscape_fill(b, tight) * room + sign > room && tight.size - 1 >= kPortraitFloor;) {
            tight.size -= 1;
            if (landscape_fill(b, tight) * room + sign <= room) {
                style = tight;
                *table = layout_table(b.table, book_.set, style);
            }
        }
    }
    // Still too wide: smaller type, down to 6 pt, before any word sticks out of its cell.
    while (!table->fits && style.size > 6) {
        style.size -= 1;
        *table = layout_table(b.table, book_.set, style);
    }
    // Issue 17: still too wide at the smallest type, it is set in parts of whole columns, each
    // repeating the key columns, never silently cut at the page's edge (split_columns, table.hpp).
    if (!table->fits) {
        const auto parts = split_columns(b.table, book_.set, style);
        if (parts.size() > 1) {
            std::size_t keys = 0;  // the leading columns every part repeats
            while (keys < parts[1].size() && parts[1][keys] == keys) ++keys;
            diags_.warning(here(), _f("this table of {} columns is too wide for a page even at {} pt; it is set in {} parts "
                                      "of its columns, each repeating the first {}",
                                      table->column_widths.size(), style.size, parts.size(), keys));
            for (std::size_t k = 0; k < parts.size(); ++k) {
                md::Block part = b;
                part.table = table_columns(b.table, parts[k]);
                if (k + 1 < parts.size()) part.table.source.reset();
                if (k > 0 && b.caption) {
                    part.caption.reset();
                    add_paragraph({md::Span{b.caption_kind + " " + b.caption_number + " (lanjutan)", true, false, false, "", false}},
                                  indent, measure, kCaptionSize, false, true, settings_.size);
                    section().pieces.back().flow.keep_with_next = true;
                }
                add_table(part, indent, measure);
            }
            if (to_landscape) new_section(false, false, numbering_);
            return;
        }
        diags_.warning(here(), _("this table is too wide for a page even at 6 pt and runs past the right margin"));
    }
    if (table->overfull) {
        diags_.warning(here(), _("a word in this table is wider than its column and was cut to fit"));
    }
    add_caption(b, indent, measure);
    table_layouts_.push_back(page::TableLayout{b.line, table->column_widths, style.size});
    table_styles_.push_back(std::make_unique<TableStyle>(style));
    const TableStyle* drawn_style = table_styles_.back().get();
    const double x = indent + std::max(0.0, (measure - table->width) / 2);
    double header_height = 0;
    for (const auto& r : table->header) header_height += r.height;
    const double gap = b.caption ? settings_.size * 0.3 : settings_.size * 0.5;
    if (table->body.empty()) {
        Piece p;
        p.table = table.get();
        p.table_style = drawn_style;
        p.header_only = true;
        p.flow.keep_with_next = b.table.source.has_value();
        p.table_x = x;
        p.space_before = gap;
        p.flow.height = gap + header_height;
        push(std::move(p));
    }
    // A short table (under a third of the page) is never split.
    double total_height = header_height;
    for (const auto& row : table->body) total_height += row.height;
    const bool small_table = total_height < geometry(section().landscape).body_height() / 3;
    table_layouts_.back().whole = small_table;
    for (std::size_t r = 0; r < table->body.size(); ++r) {
        const bool small = small_table && r + 1 < table->body.size();
        Piece p;
        p.table = table.get();
        p.table_style = drawn_style;
        p.row = r;
        p.table_x = x;
        p.space_before = r == 0 ? gap : 0;
        p.flow.height = table->body[r].height + (r == 0 ? gap + header_height : 0);
        p.flow.repeat_height = r == 0 ? 0 : header_height;
        // The caption, the header and the first two rows stay together, and so do the last two rows
        // (a table's orphans and widows) and its "Sumber:" note.
        const std::size_t n = table->body.size();
        const bool last = r + 1 == n;
        // Issue 17: a closing total row never goes over alone with one body row, so the last two
        // body rows stay with it; a bold group row (a program over its kegiatan) stays with its
        // first child.
        const bool closing_total = n >= 3 && b.table.total_row.size() == n && b.table.total_row[n - 1];
        const bool group_row = !last && r < b.table.total_row.size() && b.table.total_row[r];
        p.flow.keep_with_next = (r == 0 && !last) || (r + 2 == n) || (closing_total && r + 3 == n) || group_row ||
                                (last && b.table.source.has_value()) || small || table->body[r].keep_with_next;
        push(std::move(p));
    }
    if (b.table.source) add_paragraph(*b.table.source, indent, measure, kSourceSize, false, false, kSourceSize * 0.5);
    tables_.push_back(std::move(table));
    // The landscape section stays open for what shares its pages (add_blocks closes it).
    if (to_landscape) landscape_open_ = true;
}

void Builder::add_code(const md::Block& b, double indent, double measure) {
    const FontMetrics& mono = book_.metrics[FontBook::kMono];
    const double step = kCodeSize * 1.3;
    const double char_w = mono.width("0", kCodeSize);
    const auto per_line = static_cast<std::size_t>(std::max(8.0, (measure - 8) / char_w));
    // Tabs to spaces at stops of four columns, as CommonMark counts them (spec 2.2, Tabs).
    std::string text;
    std::size_t column = 0;
    for (const char c : md::plain_text(b.spans)) {
        if (c == '\t') {
            const std::size_t n = 4 - column % 4;
            text.append(n, ' ');
            column += n;
            continue;
        }
        text += c;
        if (c == '\n') column = 0;
        else if (!utf8::is_continuation(c)) ++column;
    }
    std::vector<std::string> lines;
    std::size_t at = 0;
    while (at <= text.size()) {
        const std::size_t nl = text.find('\n', at);
        const std::string line = text.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
        // A code line longer than the column wraps (code has no hyphenation): after the last
        // space within `per_line` code points when the line has one past its indentation, so a
        // word is not cut (issue 17: "Golo" / "ngan" in a README's shell session), else at the
        // column; counting UTF-8 lead bytes.
        std::size_t start = 0, count = 0, space = std::string::npos;
        bool text_seen = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (utf8::is_continuation(line[i])) continue;
            if (count == per_line) {
                const std::size_t cut = space != std::string::npos ? space + 1 : i;
                lines.push_back(line.substr(start, cut - start));
                start = cut;
                count = 0;
                for (std::size_t k = cut; k < i; ++k) count += !utf8::is_continuation(line[k]);
                space = std::string::npos;
            }
            if (line[i] == ' ' && text_seen) space = i;
            text_seen = text_seen || line[i] != ' ';
            ++count;
        }
        lines.push_back(line.substr(start));
        if (nl == std::string::npos) break;
        at = nl + 1;
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Piece p;
        p.space_before = i == 0 ? settings_.size * 0.5 : 0;
        p.flow.height = step + p.space_before;
        p.flow.paragraph = next_paragraph_;
        p.ops.boxes.push_back(page::Box{indent, -(p.space_before + step), measure, step, page::Color{0.95, 0.95, 0.95}, std::nullopt, 0});
        // A character Liberation Mono lacks (box drawing beyond its set, arrows, CJK) in the
        // fallback face, as in text, rather than as a missing glyph.
        const FontMetrics& fallback = book_.set.get(Face::fallback);
        double x = indent + 4;
        std::string run;
        bool run_mono = true;
        const double y = -(p.space_before + baseline(kCodeSize, step));
        const auto flush = [&] {
            if (run.empty()) return;
            p.ops.text.push_back(page::TextRun{x, y, run_mono ? FontBook::kMono : book_.ids.ids[static_cast<int>(Face::fallback)], kCodeSize, run, {}});
            x += (run_mono ? mono : fallback).width(run, kCodeSize);
            run.clear();
        };
        for (const char32_t c : utf8::decode(lines[i])) {
            const bool in_mono = mono.has_glyph(c) || !fallback.has_glyph(c);
            if (in_mono != run_mono) flush();
            run_mono = in_mono;
            utf8::append(run, c);
        }
        flush();
        push(std::move(p));
    }
    ++next_paragraph_;
}

void Builder::add_signatures(const std::vector<md::Blocks>& all) {
    // Side by side in rows of at most kSignatureColumns: more would leave a jabatan a word per
    // line; a longer list (a team's members) goes on in rows under the first, on one grid.
    const std::size_t per_row = std::clamp<std::size_t>(all.size(), 1, kSignatureColumns);
    for (std::size_t from = 0; from < all.size(); from += per_row) {
        const std::vector<md::Blocks> row(all.begin() + static_cast<std::ptrdiff_t>(from),
                                          all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), from + per_row)));
        add_signature_row(row, per_row);
    }
}

void Builder::add_signature_row(const std::vector<md::Blocks>& columns, std::size_t grid) {
    // The last lines before a signature stay on its page, so a page never holds a lone signature.
    if (!section().pieces.empty()) section().pieces.back().flow.keep_with_next = true;
    push(signature_piece(columns, grid, measure_now_));
}

Piece Builder::signature_piece(const std::vector<md::Blocks>& columns, std::size_t grid, double measure) const {
    // One unbreakable piece: place and date, jabatan, the space to sign, name, pangkat and NIP
    // stay together (issue 5), each signature in its share of the text column: halves for the PK's
    // two parties (a one-person block takes the right half), thirds for three, two ems apart.
    Piece p;
    p.space_before = settings_.size;
    const double n = static_cast<double>(std::max<std::size_t>(1, grid));
    const double gutter = 2 * settings_.size;
    const double w = (measure - (n - 1) * gutter) / n;
    const double step = line_height(settings_.size);
    auto lines_of = [&](const md::Block& block) {
        return set_paragraph(block.spans, book_.set, ParagraphStyle{settings_.size, w, 0, false, nullptr});
    };
    // Side by side, the names sit on one baseline (issue 13: the PK's PIHAK KEDUA and PIHAK
    // PERTAMA): the space to sign of a column whose head (date, jabatan) is shorter grows by the
    // difference.
    std::vector<double> head(columns.size(), 0);
    double tallest_head = 0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        // The head ends at the first empty paragraph after some text; one before any text (the
        // place of a date the other column has) is a line of the head.
        bool text = false;
        for (const auto& block : columns[c]) {
            if (block.kind != md::Block::Kind::paragraph) continue;
            const bool blank = is_blank(block.spans);
            if (blank && text) break;
            text = text || !blank;
            head[c] += blank ? step : static_cast<double>(lines_of(block).size()) * step;
        }
        tallest_head = std::max(tallest_head, head[c]);
    }
    double tallest = 0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        double y = p.space_before;
        const double x = static_cast<double>(c) * (w + gutter);
        bool in_head = true, text = false;
        for (const auto& block : columns[c]) {
            if (block.kind != md::Block::Kind::paragraph) continue;
            if (is_blank(block.spans)) {
                if (in_head && text) y += tallest_head - head[c];
                in_head = in_head && !text;
                y += step;
                continue;
            }
            text = true;
            const auto lines = lines_of(block);
            draw_lines(p.ops, lines, x, w, settings_.size, y + baseline(settings_.size, step), step, false, false);
            y += static_cast<double>(lines.size()) * step;
        }
        tallest = std::max(tallest, y);
    }
    p.flow.height = tallest;
    return p;
}

double Builder::signature_height(const md::Blocks& blocks, std::size_t from, double measure) const {
    // The blocks between lkjip:signature(s) at `from` and its end directive, split at
    // lkjip:column, measured as directive() and add_signatures would set them.
    std::size_t k = from;
    if (k >= blocks.size() || blocks[k].kind != md::Block::Kind::directive) return 0;
    const bool group = blocks[k].directive == "signatures";
    if (!group && blocks[k].directive != "signature") return 0;
    std::vector<md::Blocks> columns{{}};
    for (++k; k < blocks.size(); ++k) {
        const md::Block& b = blocks[k];
        if (b.kind == md::Block::Kind::directive) {
            if (b.directive == (group ? "end-signatures" : "end-signature")) break;
            if (group && b.directive == "column") columns.emplace_back();
            continue;
        }
        columns.back().push_back(b);
    }
    if (!group) columns.insert(columns.begin(), md::Blocks{});
    const std::size_t per_row = std::clamp<std::size_t>(columns.size(), 1, kSignatureColumns);
    double h = 0;
    for (std::size_t at = 0; at < columns.size(); at += per_row) {
        const std::vector<md::Blocks> row(columns.begin() + static_cast<std::ptrdiff_t>(at),
                                          columns.begin() + static_cast<std::ptrdiff_t>(std::min(columns.size(), at + per_row)));
        h += signature_piece(row, per_row, measure).flow.height;
    }
    return h;
}

// Each line of a ragged paragraph is as wide as the measure (its stretch fills it), so a centred
// line is set again on its own: a last line has its natural width. Its runs keep every style
// (bold, italic, code, link, strike); a line that would not fit on its own stays as it was.
PlacedLine Builder::natural_line(const PlacedLine& line, double size, double measure) const {
    md::Spans again;
    for (const auto& run : line.runs) {
        if (!again.empty()) again.push_back(md::Span{" ", false, false, false, "", false});
        md::Span sp;
        sp.text = run.text;
        sp.bold = run.face == Face::bold || run.face == Face::bold_italic;
        sp.italic = run.face == Face::italic || run.face == Face::bold_italic;
        sp.code = run.face == Face::mono;
        sp.link = run.link;
        sp.strike = run.strike;
        again.push_back(std::move(sp));
    }
    auto one = set_paragraph(again, book_.set, ParagraphStyle{size, measure, 0, false, nullptr});
    return one.size() == 1 ? std::move(one.front()) : line;
}

std::vector<PlacedLine> Builder::centred_lines(const md::Spans& spans, double measure) const {
    std::vector<PlacedLine> out;
    for (const auto& line : set_paragraph(spans, book_.set, ParagraphStyle{settings_.size, measure, 0, false, nullptr}))
        out.push_back(natural_line(line, settings_.size, measure));
    return out;
}

void Builder::add_centred(const md::Spans& spans) {
    const double step = line_height(settings_.size);
    const auto lines = centred_lines(spans, measure_now_);
    const int id = next_paragraph_++;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Piece p;
        p.space_before = i == 0 ? settings_.size * 0.5 : 0;
        p.flow.height = step + p.space_before;
        p.flow.paragraph = id;
        p.flow.keep_with_next = true;  // a title stays with what it heads
        draw_lines(p.ops, {lines[i]}, 0, measure_now_, settings_.size, p.space_before + baseline(settings_.size, step), step, true, false);
        push(std::move(p));
    }
}

void Builder::add_letterhead(const md::Blocks& blocks) {
    // The kop surat of a naskah dinas (Permendagri 1/2023; seed 003): the logo at the left, the
    // lines centred in the width beside it, a thick and a thin rule under both. One piece.
    constexpr double kLogoMax = 62;  // 22 mm: a kop's logo is about as tall as its five lines
    constexpr double kGap = 8;
    Piece p;
    const double step = line_height(settings_.size);
    double logo_w = 0, logo_h = 0;
    for (const auto& block : blocks) {
        if (block.kind != md::Block::Kind::image || logo_w > 0) continue;
        if (const auto image = open_image(block)) {
            const double iw = image->second.width * 0.75, ih = image->second.height * 0.75;
            const double scale = std::min({1.0, kLogoMax / iw, kLogoMax / ih});
            logo_w = iw * scale;
            logo_h = ih * scale;
            p.ops.images.push_back(page::Image{image->first, 0, -logo_h, logo_w, logo_h});
        }
    }
    const double x = logo_w > 0 ? logo_w + kGap : 0;
    const double w = measure_now_ - x;
    double y = 0;
    for (const auto& block : blocks) {
        if (block.kind != md::Block::Kind::paragraph || is_blank(block.spans)) continue;
        const auto lines = centred_lines(block.spans, w);
        draw_lines(p.ops, lines, x, w, settings_.size, y + baseline(settings_.size, step), step, true, false);
        y += static_cast<double>(lines.size()) * step;
    }
    const double bottom = std::max(y, logo_h) + 4;
    p.ops.rules.push_back(page::Rule{0, -bottom, measure_now_, -bottom, 1.5, {}});
    p.ops.rules.push_back(page::Rule{0, -(bottom + 2.5), measure_now_, -(bottom + 2.5), 0.5, {}});
    p.flow.height = bottom + 2.5 + settings_.size;
    p.flow.keep_with_next = true;
    push(std::move(p));
}

}  // namespace lkjip::layout
