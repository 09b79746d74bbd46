// Shaping with HarfBuzz (issue 17: "no kerning, no shaping at all"): the advances of a piece of
// text as the font's GPOS/kern data sets it, for measuring (FontMetrics::width) and for drawing
// (the layout records the pieces in the page model, page::TextPiece, and pdf/draw.cpp draws each
// piece where it is told, because libharu draws
// code points with the nominal advances of its /W array and has no TJ operator).
//
// Ligatures: HarfBuzz's default features (liga, clig) are on, but a cluster HarfBuzz sets as
// anything other than one nominal glyph per character is measured and drawn as its characters
// with their nominal advances. libharu writes one code per character and a ToUnicode entry per
// code, so a ligature glyph could only be drawn through a presentation-form code point (U+FB01),
// which text extraction and search would then read as "ﬁ", not "fi". Liberation 2 has no Latin
// ligature lookups, so nothing is lost with the Liberation faces (docs/layout.md, "Shaping").
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct hb_font_t;

namespace lkjip::layout {

class Shaper {
public:
    // A shaper over the font file's bytes (copied); nullptr when HarfBuzz cannot read them.
    // `shared`, when given, holds the same bytes and is kept instead of a copy (the fonts of the
    // file cache, common/file_cache.hpp: one copy of each font per process, issue 22).
    static std::shared_ptr<const Shaper> create(const std::vector<std::uint8_t>& bytes,
                                                std::shared_ptr<const std::string> shared = nullptr);
    ~Shaper();
    Shaper(const Shaper&) = delete;
    Shaper& operator=(const Shaper&) = delete;

    // One piece of `utf8` set without a kerning adjustment inside it: it starts at byte `at`,
    // `x` em from the start of the text. The first piece starts at 0, 0.
    struct Piece {
        std::size_t at = 0;
        double x = 0;
        friend bool operator==(const Piece&, const Piece&) = default;
    };
    struct Shaped {
        double width = 0;           // em, the sum of the shaped advances
        std::vector<Piece> pieces;  // one piece when nothing is kerned
    };

    // The shaped text and its width, remembered per thread: a report repeats its words hundreds
    // of times and the line breaker measures each piece of a word several times.
    [[nodiscard]] Shaped shape(std::string_view utf8) const;
    [[nodiscard]] double width(std::string_view utf8) const;  // em

private:
    Shaper() = default;
    [[nodiscard]] Shaped compute(std::string_view utf8) const;
    // The memo entry of `utf8` (valid until the next call on this thread).
    [[nodiscard]] const Shaped& cached(std::string_view utf8) const;
    hb_font_t* font_ = nullptr;
    double upem_ = 1000;
    std::uint64_t id_ = 0;  // the cache key (an address can be reused by a later font)
    static std::atomic<std::uint64_t> next_id_;
};

// The shaper of a font file, as FontMetrics::load made it (the PDF writer draws with the same
// advances the layout measured); the file is loaded if it was not yet. nullptr when it cannot be
// read or HarfBuzz does not read it as the cmap does (then text is drawn unkerned).
std::shared_ptr<const Shaper> shaper_for_file(const std::string& path);
void register_shaper(const std::string& path, std::shared_ptr<const Shaper> shaper);

}  // namespace lkjip::layout
