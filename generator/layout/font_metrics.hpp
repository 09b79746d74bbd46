// Font metrics read from a TrueType file itself: advance widths (hmtx), the character map
// (cmap formats 4 and 12), ascender and descender (hhea), units per em (head). Enough to measure
// text and to know when a glyph is missing so the fallback font is used (issue 5: ▲ ▼ ➤ never as
// empty boxes). Every read is bounds-checked: a damaged font is an error, never a crash.
// Reference: Apple TrueType Reference Manual / OpenType specification, tables head, hhea, hmtx, cmap.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "layout/shaping.hpp"

namespace lkjip::layout {

class FontMetrics {
public:
    // Reads `path`; nullopt with `error` set when the file is not a usable TrueType font.
    static std::optional<FontMetrics> load(const std::string& path, std::string& error);
    // `shared`: the same bytes, kept by the shaper instead of a copy (load passes the file cache's).
    static std::optional<FontMetrics> parse(const std::vector<std::uint8_t>& bytes, std::string& error,
                                            std::shared_ptr<const std::string> shared = nullptr);

    [[nodiscard]] bool has_glyph(char32_t c) const { return glyph(c) != 0; }
    [[nodiscard]] std::uint16_t glyph(char32_t c) const;
    // Advance of one character in em (multiply by the font size in points).
    [[nodiscard]] double advance(char32_t c) const;
    [[nodiscard]] double ascender() const { return ascender_; }    // em, positive
    [[nodiscard]] double descender() const { return descender_; }  // em, negative
    // Width of UTF-8 text at `size` points as HarfBuzz sets it, kerning included (missing
    // glyphs count as the .notdef advance). The nominal advances when HarfBuzz cannot read the
    // font. pdf/draw.cpp draws with the same shaper (shaping.hpp), so measured = drawn.
    [[nodiscard]] double width(std::string_view utf8, double size) const;
    // The sum of the nominal advances (hmtx), without kerning.
    [[nodiscard]] double nominal_width(std::string_view utf8, double size) const;
    [[nodiscard]] const Shaper* shaper() const { return shaper_.get(); }
    // Which font this is, for caches of measured text (an address can be reused by a later
    // font; copies of one parsed font share it).
    [[nodiscard]] std::uint64_t id() const { return id_; }

private:
    std::uint64_t id_ = 0;
    // Glyph ids of U+0000..U+25FF (Latin, punctuation, arrows, ≥ ≤, ▲ ▼) in an array: measuring
    // is the inner loop of line breaking, and a hash lookup per letter was a tenth of it.
    static constexpr char32_t kDirect = 0x2600;
    std::vector<std::uint16_t> direct_;
    std::unordered_map<char32_t, std::uint16_t> cmap_;
    std::vector<std::uint16_t> advances_;  // per glyph, font units
    double units_per_em_ = 1000;
    double ascender_ = 0.8, descender_ = -0.2;
    std::shared_ptr<const Shaper> shaper_;
};

}  // namespace lkjip::layout
