#include "layout/paragraph.hpp"

#include <algorithm>
#include <unordered_map>

#include "common/utf8.hpp"
#include "layout/layout.hpp"
#include "layout/linebreak.hpp"
#include "layout/uax14.hpp"

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
    const std::u32string cps = utf8::decode(text);
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
        utf8::append(run, c);
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

// The widest piece of `text` between its break points (a hyphen ignored: this only decides
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

// What breaking at a point of a word costs (TeX's \hyphenpenalty and \exhyphenpenalty are both
// 50). A break after "/" costs what one after a hyphen costs in TeX; the breaks of a URL and the
// other UAX #14 opportunities inside a word cost more, so spaces and syllables are preferred.
constexpr double kHyphenPenalty = 50, kSlashPenalty = 50, kUrlPenalty = 200, kOtherPenalty = 100;

// One part of a word (text between spaces in one style) and the UAX #14 breaks inside it
// (uax14.hpp), `at` relative to the part; a break at 0 is a break before the part.
// The parts point at their spans: a copy of the span per word copied its whole text each time,
// quadratic in a long paragraph (issue 18).
struct WordPart {
    std::string text;
    const md::Span* span = nullptr;
    std::vector<WordBreak> breaks;
};
using WordParts = std::vector<WordPart>;

void add_break(std::vector<Item>& items, std::vector<Piece>& pieces, WordBreak::Kind kind, Face face, const std::string& link) {
    switch (kind) {
        case WordBreak::Kind::slash: items.push_back(Item::pen(0, kSlashPenalty)); break;
        case WordBreak::Kind::url: items.push_back(Item::pen(0, kUrlPenalty)); break;
        case WordBreak::Kind::other: items.push_back(Item::pen(0, kOtherPenalty)); break;
    }
    pieces.push_back({"", face, link});
}

// One word (text between spaces, possibly in several styles) with its breaks and hyphenation
// points. The last word of a paragraph keeps at least four letters after a hyphen: a last line
// of one syllable ("berkelanjut-" / "an") is a runt that careful typesetting avoids.
void add_word(std::vector<Item>& items, std::vector<Piece>& pieces, const WordParts& parts,
              const FontSet& fonts, const ParagraphStyle& style, bool last_word = false) {
    // A word of many styles ("[*[*…a*](u)…" nests 20 000 of them) can be wider than the line
    // though each of its parts fits: then it may also break between its parts, or its line ran
    // off the page (issue 18).
    double word_width = 0;
    for (const auto& part : parts) word_width += fonts.get(face_of(*part.span)).width(part.text, style.size);
    const bool break_between = parts.size() > 1 && word_width > style.measure;
    for (const auto& part : parts) {
        const std::string& text = part.text;
        const md::Span& span = *part.span;
        const Face face = face_of(span);
        const bool first = &part == &parts.front();
        const bool break_before = !first && !part.breaks.empty() && part.breaks.front().at == 0;
        if (break_before) add_break(items, pieces, part.breaks.front().kind, face, span.link);
        else if (break_between && !first) add_break(items, pieces, WordBreak::Kind::other, face, span.link);
        std::vector<std::size_t> points;
        // Italic marks a foreign word (PUEBI): Indonesian patterns would split it wrongly.
        if (style.hyphenator && parts.size() == 1 && !span.code && !span.italic) points = style.hyphenator->points(text);
        if (last_word) {
            std::vector<std::size_t> trimmed = points;
            while (!trimmed.empty() && text.size() - trimmed.back() < 4) trimmed.pop_back();
            points = std::move(trimmed);
        }
        // Every place the part may break, in order: UAX #14 breaks win over a hyphenation point
        // at the same place (the word's own hyphen or slash ends the line, not an added one).
        struct Cut {
            std::size_t at;
            bool hyphenation;
            WordBreak::Kind kind;
        };
        std::vector<Cut> cuts;
        for (const WordBreak& b : part.breaks) {
            if (b.at > 0 && b.at < text.size()) cuts.push_back({b.at, false, b.kind});
        }
        for (std::size_t p : points) {
            if (std::none_of(cuts.begin(), cuts.end(), [&](const Cut& c) { return c.at == p; })) {
                cuts.push_back({p, true, WordBreak::Kind::other});
            }
        }
        std::sort(cuts.begin(), cuts.end(), [](const Cut& a, const Cut& b) { return a.at < b.at; });
        std::vector<std::size_t> at;
        for (const Cut& c : cuts) at.push_back(c.at);
        if (last_word && widest_piece(text, at, fonts.get(face), style.size) > style.measure &&
            style.hyphenator && parts.size() == 1 && !span.code && !span.italic) {
            // The runt rule gave way: without it the word fits between its syllables.
            points = style.hyphenator->points(text);
            for (std::size_t p : points) {
                if (std::none_of(cuts.begin(), cuts.end(), [&](const Cut& c) { return c.at == p; })) {
                    cuts.push_back({p, true, WordBreak::Kind::other});
                }
            }
            std::sort(cuts.begin(), cuts.end(), [](const Cut& a, const Cut& b) { return a.at < b.at; });
            at.clear();
            for (const Cut& c : cuts) at.push_back(c.at);
        }
        if (widest_piece(text, at, fonts.get(face), style.size) > style.measure) {
            // A string no line can hold (a long URL, an account number, a word in a very narrow
            // column even between its syllables and breaks): break it where the line is full,
            // without a hyphen, rather than let it run into the margin (issue 5).
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
        for (const Cut& c : cuts) {
            add_box_text(items, pieces, text.substr(prev, c.at - prev), face, span.link, fonts, style.size, span.strike);
            if (c.hyphenation) {
                // A discretionary hyphen: breaking here costs 50 and adds the width of "-".
                items.push_back(Item::pen(fonts.get(face).width("-", style.size), kHyphenPenalty, true));
                pieces.push_back({"-", face, span.link});
            } else {
                add_break(items, pieces, c.kind, face, span.link);
            }
            prev = c.at;
        }
        add_box_text(items, pieces, text.substr(prev), face, span.link, fonts, style.size, span.strike);
    }
}

}  // namespace

namespace {

std::vector<PlacedLine> set_paragraph_once(const md::Spans& spans, const FontSet& fonts, const ParagraphStyle& style) {
    std::vector<Item> items;
    std::vector<Piece> pieces;  // parallel to items
    const double space = fonts.get(Face::regular).width(" ", style.size);
    if (style.first_indent > 0) {
        items.push_back(Item::box(style.first_indent));
        pieces.push_back({"", Face::regular, ""});
    }
    // UAX #14 over the whole paragraph (a line break span is a mandatory break), so that
    // the context across spaces and styles counts.
    std::string all;
    std::vector<std::size_t> span_at;  // offset of each span's text in `all`
    for (const auto& sp : spans) {
        span_at.push_back(all.size());
        all += sp.line_break ? std::string("\n") : sp.text;
    }
    const std::string brks = line_breaks(all);
    WordParts word;
    std::vector<std::size_t> word_at;  // offset of each part in `all`
    auto end_word = [&](bool last = false) {
        if (word.empty()) return;
        const std::size_t from = word_at.front();
        const std::size_t to = word_at.back() + word.back().text.size();
        std::string text;
        for (const auto& part : word) text += part.text;
        // The parts are contiguous in `all` unless a span boundary fell inside the word, which
        // is also contiguous: spans are concatenated with nothing between them.
        const std::vector<WordBreak> breaks =
            text.size() == to - from ? word_breaks(text, std::string_view(brks).substr(from, to - from)) : std::vector<WordBreak>{};
        std::size_t part_start = 0, k = 0;
        for (auto& part : word) {
            for (; k < breaks.size() && breaks[k].at < part_start + part.text.size(); ++k) {
                part.breaks.push_back({breaks[k].kind, breaks[k].at - part_start});
            }
            part_start += part.text.size();
        }
        add_word(items, pieces, word, fonts, style, last);
        word.clear();
        word_at.clear();
    };
    auto add_space = [&](std::size_t at) {
        end_word();
        if (items.empty() || items.back().kind != Item::Kind::box) return;
        // UAX #14 allows a break after the last of a run of spaces unless what follows is
        // closing punctuation, "/", "%", … (LB13: "Tinggi /" stays on one line): the space is
        // then a tie, as TeX's "~" (a penalty of 10000 before the glue).
        std::size_t last = at;
        while (last + 1 < all.size() && all[last + 1] == ' ') ++last;
        const bool tie = brks[last] == kNoBreak;
        if (tie) {
            items.push_back(Item::pen(0, kInfinity));
            pieces.push_back({"", Face::regular, ""});
        }
        // Interword glue as in TeX: stretch half a space, shrink a third.
        items.push_back(style.justify ? Item::glue(space, space / 2, space / 3) : Item::glue(space, 0, 0));
        pieces.push_back({" ", Face::regular, ""});
        if (!style.justify && !tie) {
            // Ragged right: each space is a possible break with enough stretch to fill the line.
            items.back() = Item::glue(0, style.measure / 3, 0);
            items.push_back(Item::pen(0, 0));
            pieces.push_back({"", Face::regular, ""});
            items.push_back(Item::glue(space, -style.measure / 3, 0));
            pieces.push_back({" ", Face::regular, ""});
        }
    };
    for (std::size_t si = 0; si < spans.size(); ++si) {
        const auto& s = spans[si];
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
            std::string part = s.text.substr(at, sp == std::string::npos ? std::string::npos : sp - at);
            if (!part.empty()) {
                word.push_back(WordPart{std::move(part), &s, {}});
                word_at.push_back(span_at[si] + at);
            }
            if (sp == std::string::npos) break;
            add_space(span_at[si] + sp);
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
        if (brk.kind == Item::Kind::penalty && brk.flagged && pieces[line.end].text == "-" && !placed.runs.empty()) {
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

}  // namespace

// Setting a paragraph is a pure function of its spans, fonts and style, and the same ones come
// again and again: a table is laid out at several sizes and widths before one is chosen
// (blocks.cpp, add_table), its cells repeat ("Persen", "Tercapai", "Rp"), and the documents of a
// batch share their fixed text. The lines of each are remembered per thread, keyed by every
// input (the fonts and the patterns by their ids, the numbers by their bits), so a hit returns
// exactly what setting it again would (issue 22).
namespace {
struct ParagraphMemo {
    std::unordered_map<std::string, std::vector<PlacedLine>> lines;
    std::size_t bytes = 0;
};
ParagraphMemo& paragraph_memo() {
    thread_local ParagraphMemo memo;
    return memo;
}
}  // namespace

void forget_set_paragraphs() {
    paragraph_memo().lines.clear();
    paragraph_memo().bytes = 0;
}

std::vector<PlacedLine> set_paragraph(const md::Spans& spans, const FontSet& fonts, const ParagraphStyle& style) {
    // At most this many bytes of keys and lines per thread (the budget is what keeps `lkjip batch`
    // flat in memory: the memo is cleared when it is spent).
    constexpr std::size_t kMaxBytes = 3u << 20;
    auto& memo = paragraph_memo().lines;
    std::size_t& memo_bytes = paragraph_memo().bytes;
    thread_local std::string key;
    key.clear();
    const auto add_number = [](std::string& k, auto v) { k.append(reinterpret_cast<const char*>(&v), sizeof v); };
    for (const FontMetrics* f : fonts.faces) add_number(key, f ? f->id() : std::uint64_t{0});
    add_number(key, style.size);
    add_number(key, style.measure);
    add_number(key, style.first_indent);
    add_number(key, style.hyphenator ? style.hyphenator->id() : std::uint64_t{0});
    key += style.justify ? 'j' : 'r';
    for (const auto& sp : spans) {
        key += static_cast<char>((sp.bold ? 1 : 0) | (sp.italic ? 2 : 0) | (sp.code ? 4 : 0) | (sp.line_break ? 8 : 0) |
                                 (sp.strike ? 16 : 0));
        add_number(key, sp.text.size());
        key += sp.text;
        add_number(key, sp.link.size());
        key += sp.link;
    }
    if (const auto it = memo.find(key); it != memo.end()) return it->second;
    std::vector<PlacedLine> lines = set_paragraph_once(spans, fonts, style);
    if (key.size() > 4096) return lines;  // a long paragraph comes once; its key would crowd the memo
    std::size_t bytes = key.size() + sizeof(lines) + 64;
    for (const auto& line : lines) {
        bytes += sizeof(PlacedLine);
        for (const auto& run : line.runs) bytes += sizeof(PlacedRun) + run.text.size() + run.link.size();
    }
    if (memo_bytes + bytes > kMaxBytes) {
        memo.clear();
        memo_bytes = 0;
    }
    memo_bytes += bytes;
    memo.emplace(key, lines);
    return lines;
}

}  // namespace lkjip::layout
