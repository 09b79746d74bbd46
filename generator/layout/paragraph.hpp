// Setting one paragraph: styled spans -> boxes, glue and penalties (with Indonesian hyphenation
// points and the fallback font for missing glyphs) -> Knuth–Plass lines -> words placed at exact
// x positions. libharu's word spacing does not apply to two-byte text (issue 5), so every word is
// positioned here and the PDF writer only draws runs where it is told.
#pragma once

#include <string>
#include <vector>

#include "layout/font_metrics.hpp"
#include "layout/hyphenate.hpp"
#include "markdown/markdown.hpp"

namespace lkjip::layout {

enum class Face { regular, bold, italic, bold_italic, fallback, mono };

// The faces of one family plus the fallback for glyphs the family lacks (▲ ▼ ➤ …) and the
// monospace face of inline code (a set without it sets code in the text face).
struct FontSet {
    const FontMetrics* faces[6] = {nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};
    // A set without the mono face measures and sets code in the text face.
    [[nodiscard]] const FontMetrics& get(Face f) const {
        const FontMetrics* m = faces[static_cast<int>(f)];
        return m || f != Face::mono ? *m : *faces[0];
    }
};

struct ParagraphStyle {
    double size = 12;          // points
    double measure = 450;      // line width, points
    double first_indent = 0;   // extra indent of the first line
    bool justify = true;       // false: ragged right
    const Hyphenator* hyphenator = nullptr;
};

// A piece of text in one face, placed at `x` from the start of the line.
struct PlacedRun {
    double x = 0;
    std::string text;
    Face face = Face::regular;
    std::string link;
    bool strike = false;  // GFM strikethrough: drawn with a line through it
    friend bool operator==(const PlacedRun&, const PlacedRun&) = default;
};

struct PlacedLine {
    std::vector<PlacedRun> runs;
    double width = 0;       // from the line start to the end of its last run
    bool overfull = false;  // an unbreakable word wider than the measure
};

std::vector<PlacedLine> set_paragraph(const md::Spans& spans, const FontSet& fonts, const ParagraphStyle& style);

}  // namespace lkjip::layout
