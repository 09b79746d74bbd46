#include "layout/paragraph.hpp"

#include "layout/linebreak.hpp"

namespace lkjip::layout {

namespace {

// What each item of the Knuth–Plass list stands for, to place it afterwards.
struct Piece {
    std::string text;
    Face face = Face::regular;
    std::string link;
    bool strike = false;
};

Face face_of(const md::Span& s) {
    if (s.code) return Face::mono;
    if (s.bold && s.italic) return Face::bold_italic;
    if (s.bold) return Face::bold;
    if (s.italic) return Face::italic;
    return Face::regular;
}

// Splits `text` into runs of the span's face and of the fallback face for missing glyphs.
void add_box_text(std::vector<Item>& items, std::vector<Piece>& pieces, const std::string& text, Face face,
                  const std::string& link, const FontSet& fonts, double size, bool strike = false) {
    const std::u32string cps = decode_utf8(text);
    std::string run;
    Face run_face = face;
    auto flush = [&] {
        if (run.empty()) return;
        items.push_back(Item::box(fonts.get(run_face).width(run, size)));
        pieces.push_back({run, run_face, link, strike});
        run.clear();
    };
    for (char32_t c : cps) {
        const Face f = fonts.get(face).has_glyph(c) || !fonts.faces[4] ? face : Face::fallback;
        if (f != run_face) {
            flush();
            run_face = f;
        }
        // Re-encoded from the decoded code point, so invalid input bytes (already U+FFFD) never
        // reach the page model as broken UTF-8.
        append_utf8(run, c);
    }
    flush();
}

// Byte offsets that cut `text` into pieces no wider than `measure`, at code point boundaries.
std::vector<std::size_t> cut_points(const std::string& text, const FontMetrics& font, double size, double measure) {
    std::vector<std::size_t> cuts;
    double width = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t len = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 1;
        const double w = font.width(text.substr(i, len), size);
        if (width + w > measure && i > 0 && (cuts.empty() || cuts.back() != i)) {
            cuts.push_back(i);
            width = 0;
        }
        width += w;
        i += len;
    }
    return cuts;
}

// The widest piece of `text` between its hyphenation points (a hyphen ignored: this only decides
// whether a word can be set at all).
double widest_piece(const std::string& text, const std::vector<std::size_t>& points, const FontMetrics& font, double size) {
    double widest = 0;
    std::size_t prev = 0;
    for (std::size_t p : points) {
        widest = std::max(widest, font.width(std::string_view(text).substr(prev, p - prev), size));
        prev = p;
    }
    return std::max(widest, font.width(std::string_view(text).substr(prev), size));
}

// One word (text between spaces, possibly in several styles) with its hyphenation points.
// The last word of a paragraph keeps at least four letters after a hyphen: a last line of one
// syllable ("berkelanjut-" / "an") is a runt that careful typesetting avoids.
// The parts point at their spans: a copy of the span per word copied its whole text each time,
// quadratic in a long paragraph (issue 18).
using WordParts = std::vector<std::pair<std::string, const md::Span*>>;

void add_word(std::vector<Item>& items, std::vector<Piece>& pieces, const WordParts& parts,
              const FontSet& fonts, const ParagraphStyle& style, bool last_word = false) {
    // A word of many styles ("[*[*…a*](u)…" nests 20 000 of them) can be wider than the line
    // though each of its parts fits: then it may also break between its parts, or its line ran
    // off the page (issue 18).
    double word_width = 0;
    for (const auto& [text, span_ptr] : parts) word_width += fonts.get(face_of(*span_ptr)).width(text, style.size);
    const bool break_between = parts.size() > 1 && word_width > style.measure;
    for (const auto& [text, span_ptr] : parts) {
        const md::Span& span = *span_ptr;
        const Face face = face_of(span);
        if (break_between && &text != &parts.front().first) {
            items.push_back(Item::pen(0, 1000));
            pieces.push_back({"", face, span.link});
        }
        std::vector<std::size_t> points;
        // Italic marks a foreign word (PUEBI): Indonesian patterns would split it wrongly.
        if (style.hyphenator && parts.size() == 1 && !span.code && !span.italic) points = style.hyphenator->points(text);
        if (last_word) {
            std::vector<std::size_t> trimmed = points;
            while (!trimmed.empty() && text.size() - trimmed.back() < 4) trimmed.pop_back();
            if (widest_piece(text, trimmed, fonts.get(face), style.size) <= style.measure) points = std::move(trimmed);
        }
        if (widest_piece(text, points, fonts.get(face), style.size) > style.measure) {
            // A string no line can hold (a long URL, an account number, a word in a very narrow
            // column even between its syllables): break it where the line is full, without a
            // hyphen, rather than let it run into the margin (issue 5).
            std::size_t prev = 0;
            for (std::size_t cut : cut_points(text, fonts.get(face), style.size, style.measure)) {
                add_box_text(items, pieces, text.substr(prev, cut - prev), face, span.link, fonts, style.size, span.strike);
                items.push_back(Item::pen(0, 1000));
                pieces.push_back({"", face, span.link});
                prev = cut;
            }
            add_box_text(items, pieces, text.substr(prev), face, span.link, fonts, style.size, span.strike);
            continue;
        }
        std::size_t prev = 0;
        for (std::size_t p : points) {
            add_box_text(items, pieces, text.substr(prev, p - prev), face, span.link, fonts, style.size, span.strike);
            // A discretionary hyphen: breaking here costs 50 and adds the width of "-".
            items.push_back(Item::pen(fonts.get(face).width("-", style.size), 50, true));
            pieces.push_back({"-", face, span.link});
            prev = p;
        }
        add_box_text(items, pieces, text.substr(prev), face, span.link, fonts, style.size, span.strike);
    }
}

}  // namespace

std::vector<PlacedLine> set_paragraph(const md::Spans& spans, const FontSet& fonts, const ParagraphStyle& style) {
    std::vector<Item> items;
    std::vector<Piece> pieces;  // parallel to items
    const double space = fonts.get(Face::regular).width(" ", style.size);
    if (style.first_indent > 0) {
        items.push_back(Item::box(style.first_indent));
        pieces.push_back({"", Face::regular, ""});
    }
    WordParts word;
    auto end_word = [&](bool last = false) {
        if (word.empty()) return;
        add_word(items, pieces, word, fonts, style, last);
        word.clear();
    };
    auto add_space = [&] {
        end_word();
        if (items.empty() || items.back().kind != Item::Kind::box) return;
        // Interword glue as in TeX: stretch half a space, shrink a third.
        items.push_back(style.justify ? Item::glue(space, space / 2, space / 3) : Item::glue(space, 0, 0));
        pieces.push_back({" ", Face::regular, ""});
        if (!style.justify) {
            // Ragged right: each space is a possible break with enough stretch to fill the line.
            items.back() = Item::glue(0, style.measure / 3, 0);
            items.push_back(Item::pen(0, 0));
            pieces.push_back({"", Face::regular, ""});
            items.push_back(Item::glue(space, -style.measure / 3, 0));
            pieces.push_back({" ", Face::regular, ""});
        }
    };
    for (const auto& s : spans) {
        if (s.line_break) {
            end_word();
            items.push_back(Item::glue(0, kInfinity, 0));
            pieces.push_back({"", Face::regular, ""});
            items.push_back(Item::pen(0, -kInfinity));
            pieces.push_back({"", Face::regular, ""});
            continue;
        }
        std::size_t at = 0;
        while (at <= s.text.size()) {
            const std::size_t sp = s.text.find(' ', at);
            const std::string part = s.text.substr(at, sp == std::string::npos ? std::string::npos : sp - at);
            if (!part.empty()) word.emplace_back(part, &s);
            if (sp == std::string::npos) break;
            add_space();
            at = sp + 1;
        }
    }
    end_word(true);
    if (items.empty()) return {};
    // The last line is ragged: fill it with infinitely stretchable glue, then force the break.
    items.push_back(Item::glue(0, kInfinity, 0));
    pieces.push_back({"", Face::regular, ""});
    items.push_back(Item::pen(0, -kInfinity));
    pieces.push_back({"", Face::regular, ""});

    BreakParams params;
    params.line_widths = {style.measure};  // the first-line indent is a box of its own
    const std::vector<Line> lines = break_lines(items, params);

    std::vector<PlacedLine> out;
    for (std::size_t li = 0; li < lines.size(); ++li) {
        const Line& line = lines[li];
        PlacedLine placed;
        placed.overfull = line.overfull;
        double x = 0;
        const double ratio = line.overfull ? 0 : line.ratio;
        for (std::size_t i = line.start; i < line.end; ++i) {
            const Item& it = items[i];
            if (it.kind == Item::Kind::glue) {
                const double stretch = ratio >= 0 ? it.stretch : it.shrink;
                x += it.width + ratio * (it.stretch >= kInfinity ? 0 : stretch);
                continue;
            }
            if (it.kind == Item::Kind::penalty) continue;
            const Piece& p = pieces[i];
            if (!p.text.empty()) {
                auto& runs = placed.runs;
                const bool joins = !runs.empty() && i > 0 && items[i - 1].kind != Item::Kind::glue && runs.back().face == p.face &&
                                   runs.back().link == p.link && runs.back().strike == p.strike;
                if (joins) runs.back().text += p.text;
                else runs.push_back(PlacedRun{x, p.text, p.face, p.link, p.strike});
            }
            x += it.width;
        }
        // A line broken at a hyphenation point shows the hyphen.
        const Item& brk = items[line.end];
        if (brk.kind == Item::Kind::penalty && brk.flagged && !placed.runs.empty()) {
            placed.runs.back().text += "-";
            x += brk.width;
        }
        placed.width = x;
        out.push_back(std::move(placed));
    }
    // An overfull break can leave a last line holding only the closing glue: it is not a line.
    while (out.size() > 1 && out.back().runs.empty()) out.pop_back();
    return out;
}

}  // namespace lkjip::layout
