// Markdown the reports do not write but any other Markdown does (issue 17, `lkjip render` of the
// CommonMark and GFM specs, READMEs, Indonesian documentation): the six heading levels, the
// limit on nested indentation, struck-through text and link annotations, footnotes.
// docs/layout.md ("Markdown beyond the reports") gives the sources of each rule.
#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include "layout/flow.hpp"

namespace lkjip::layout {

namespace {

// Nested block quotes and lists stop indenting once the indentation reaches this share of the
// text column, so the text keeps at least 60% of it: about 48 characters of 12 pt Liberation
// Serif on A4, above the 45 Bringhurst gives as the shortest comfortable line (The Elements of
// Typographic Style, 2.1.2). Issue 17: 30 quotes of 18 pt each set the text wholly off the page.
constexpr double kMaxIndentShare = 0.4;

// The strikethrough line: Liberation's OS/2 yStrikeoutPosition is about 0.26 em above the
// baseline (through the middle of the x-height) and yStrikeoutSize about 0.05 em.
constexpr double kStrikePosition = 0.26, kStrikeThickness = 0.05;

// Footnotes: a smaller size, the note number full-size (not superscript) hanging in the indent
// (Bringhurst 4.3.1: superscripts in the text, full-size numbers in the notes), and a short rule
// above the first, 0.4 of the column as LaTeX's \footnoterule.
constexpr double kNoteRuleShare = 0.4;
constexpr double kNoteSize = 10;
constexpr double kNoteIndent = 22;


}  // namespace

// A URI as a PDF URI action wants it: 7-bit ASCII (PDF 1.7, 12.6.4.7), so bytes outside
// printable ASCII are percent-encoded as in RFC 3986, 2.1.
std::string pdf_uri(std::string_view url) {
    std::string out;
    for (const char ch : url) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c >= 0x7F) out += fmt::format("%{:02X}", c);
        else out += ch;
    }
    return out;
}

// The hierarchy: size first, then weight, then italic, and less space above each lower level,
// as LaTeX's article class steps \section (\Large bold), \subsection (\large bold),
// \subsubsection (bold), \paragraph and \subparagraph (bold, run in); lkjip's levels stay on
// their own lines and use italic for the levels LaTeX runs in. Level 1 is a chapter (a page of
// its own, 14 pt centred: blocks.cpp add_chapter).
const Builder::HeadingStyle& Builder::heading_style(int level) {
    static const HeadingStyle styles[] = {
        {1, true, false, 1.2},    // ## 1.1 Latar Belakang: 13 pt bold
        {0, true, false, 1.0},    // ### 1.2.1: 12 pt bold
        {0, true, true, 1.0},     // ####: 12 pt bold italic
        {0, false, true, 0.8},    // #####: 12 pt italic
        {-1, false, true, 0.8},   // ######: 11 pt italic
    };
    return styles[std::clamp(level, 2, 6) - 2];
}

double Builder::nested_indent(double indent, double step) const {
    const double limit = measure_now_ * kMaxIndentShare;
    return indent + step <= limit ? indent + step : std::max(indent, limit);
}

void Builder::add_marks(page::Page& ops, const PlacedLine& line, double x, double baseline_y, double size) const {
    const FontMetrics& text = book_.set.get(Face::regular);
    bool strike_open = false;
    const std::string* open_link = nullptr;
    for (const auto& run : line.runs) {
        const double from = x + run.x;
        const double to = from + book_.set.get(run.face).width(run.text, size);
        // A struck or linked phrase is one mark across its spaces, as a reader sees it.
        if (run.strike) {
            const double y = baseline_y + kStrikePosition * size;
            if (strike_open) ops.rules.back().x2 = to;
            else ops.rules.push_back(page::Rule{from, y, to, y, kStrikeThickness * size, {}});
        }
        strike_open = run.strike;
        // A fragment (`#usage`) names a place in an HTML page, not in this PDF: no annotation.
        if (!run.link.empty() && run.link.front() != '#') {
            if (open_link && *open_link == run.link) {
                ops.links.back().w = to - ops.links.back().x;
            } else {
                const double bottom = baseline_y + text.descender() * size;
                page::Link l;
                l.x = from;
                l.y = bottom;
                l.w = to - from;
                l.h = (text.ascender() - text.descender()) * size;
                l.uri = pdf_uri(run.link);
                ops.links.push_back(std::move(l));
            }
            open_link = &run.link;
        } else {
            open_link = nullptr;
        }
    }
}

void Builder::add_footnote(const md::Block& b, double indent, double measure) {
    if (!notes_started_) {
        notes_started_ = true;
        Piece p;
        p.space_before = settings_.size;
        p.flow.height = p.space_before + kNoteSize;
        p.flow.keep_with_next = true;  // never a rule alone at a page foot
        p.ops.rules.push_back(page::Rule{indent, -p.space_before - kNoteSize / 2, indent + measure * kNoteRuleShare, -p.space_before - kNoteSize / 2, 0.5, {}});
        push(std::move(p));
    }
    const std::size_t first = section().pieces.size();
    const double inner = indent + kNoteIndent;
    for (const auto& child : b.children) {
        if (child.kind == md::Block::Kind::paragraph) add_paragraph(child.spans, inner, measure - kNoteIndent, kNoteSize, true, false, kNoteSize * 0.3);
        else add_block(child, inner, measure - kNoteIndent);
    }
    if (first >= section().pieces.size()) {  // an empty note still shows its number
        Piece p;
        p.flow.height = line_height(kNoteSize);
        push(std::move(p));
    }
    Piece& p = section().pieces[first];
    const std::string number = b.number + ".";
    const double w = book_.set.get(Face::regular).width(number, kNoteSize);
    const double step = line_height(kNoteSize);
    p.ops.text.push_back(page::TextRun{inner - 5 - w, -(p.space_before + baseline(kNoteSize, step)), book_.ids.ids[0], kNoteSize, number, {}});
}

}  // namespace lkjip::layout
