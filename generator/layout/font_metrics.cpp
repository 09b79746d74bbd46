#include "layout/font_metrics.hpp"

#include <atomic>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "common/file_cache.hpp"
#include "common/file_read.hpp"
#include "common/i18n.hpp"
#include "common/utf8.hpp"

namespace lkjip::layout {

namespace {

// Big-endian reads that fail (return false) instead of reading past the end.
struct Reader {
    const std::vector<std::uint8_t>& b;
    bool ok = true;
    std::uint32_t u32(std::size_t at) {
        if (at + 4 > b.size()) return fail();
        return (std::uint32_t{b[at]} << 24) | (std::uint32_t{b[at + 1]} << 16) | (std::uint32_t{b[at + 2]} << 8) | b[at + 3];
    }
    std::uint16_t u16(std::size_t at) {
        if (at + 2 > b.size()) return static_cast<std::uint16_t>(fail());
        return static_cast<std::uint16_t>((b[at] << 8) | b[at + 1]);
    }
    std::int16_t i16(std::size_t at) { return static_cast<std::int16_t>(u16(at)); }
    std::uint32_t fail() {
        ok = false;
        return 0;
    }
};

struct TableRecord {
    std::uint32_t offset = 0, length = 0;
};

std::optional<TableRecord> find_table(Reader& r, const char* tag) {
    const std::uint16_t count = r.u16(4);
    for (std::uint16_t i = 0; i < count && r.ok; ++i) {
        const std::size_t rec = 12 + std::size_t{i} * 16;
        const std::uint32_t t = r.u32(rec);
        const std::uint32_t want = (std::uint32_t(std::uint8_t(tag[0])) << 24) | (std::uint32_t(std::uint8_t(tag[1])) << 16) |
                                   (std::uint32_t(std::uint8_t(tag[2])) << 8) | std::uint8_t(tag[3]);
        if (t == want) {
            TableRecord tr{r.u32(rec + 8), r.u32(rec + 12)};
            if (std::size_t{tr.offset} + tr.length > r.b.size()) return std::nullopt;
            return tr;
        }
    }
    return std::nullopt;
}

// cmap format 4 (BMP, segments) into `out`.
void cmap4(Reader& r, std::size_t at, std::unordered_map<char32_t, std::uint16_t>& out) {
    const std::uint16_t seg2 = r.u16(at + 6);
    const std::size_t ends = at + 14, starts = ends + seg2 + 2, deltas = starts + seg2, ranges = deltas + seg2;
    for (std::size_t s = 0; s < seg2 / 2u && r.ok; ++s) {
        const std::uint16_t end = r.u16(ends + 2 * s), start = r.u16(starts + 2 * s);
        const std::uint16_t delta = r.u16(deltas + 2 * s), range = r.u16(ranges + 2 * s);
        if (start > end) continue;
        for (std::uint32_t c = start; c <= end && c != 0xFFFF && r.ok; ++c) {
            std::uint16_t g;
            if (range == 0) {
                g = static_cast<std::uint16_t>(c + delta);
            } else {
                const std::size_t addr = ranges + 2 * s + range + 2 * (c - start);
                g = r.u16(addr);
                if (g != 0) g = static_cast<std::uint16_t>(g + delta);
            }
            if (g != 0) out[c] = g;
        }
    }
}

// cmap format 12 (full Unicode, groups) into `out`.
void cmap12(Reader& r, std::size_t at, std::unordered_map<char32_t, std::uint16_t>& out) {
    const std::uint32_t groups = r.u32(at + 12);
    for (std::uint32_t i = 0; i < groups && i < 100000 && r.ok; ++i) {
        const std::size_t g = at + 16 + std::size_t{i} * 12;
        const std::uint32_t start = r.u32(g), end = r.u32(g + 4), glyph = r.u32(g + 8);
        if (end < start || end - start > 0x10FFFF) continue;
        for (std::uint32_t c = start; c <= end && r.ok; ++c) out[c] = static_cast<std::uint16_t>(glyph + (c - start));
    }
}

}  // namespace

std::optional<FontMetrics> FontMetrics::load(const std::string& path, std::string& error) {
    // common/file_read.hpp: a FIFO or a device named as a font is refused, not read forever.
    // Read once per process: the PDF writer embeds the same bytes (common/file_cache.hpp).
    const CachedFile file = read_cached_file(path, kMaxFontBytes, N_("font file"));
    if (!file.ok()) {
        error = file.error == FileError::not_found ? _f("cannot read font file `{}`", path) : file.message;
        return std::nullopt;
    }
    const std::vector<std::uint8_t> bytes(file.bytes->begin(), file.bytes->end());
    auto f = parse(bytes, error, file.bytes);
    if (!f) error = _f("font file `{}`: {}", path, error);
    // The PDF writer finds the shaper by the file the page model names (page::Font::file).
    else register_shaper(path, f->shaper_);
    return f;
}

std::optional<FontMetrics> FontMetrics::parse(const std::vector<std::uint8_t>& bytes, std::string& error,
                                              std::shared_ptr<const std::string> shared) {
    Reader r{bytes};
    static std::atomic<std::uint64_t> next_id{1};
    FontMetrics f;
    f.id_ = next_id++;
    const std::uint32_t version = r.u32(0);
    if (!r.ok || (version != 0x00010000 && version != 0x74727565)) {
        error = _("not a TrueType font");
        return std::nullopt;
    }
    const auto head = find_table(r, "head"), hhea = find_table(r, "hhea"), hmtx = find_table(r, "hmtx"),
               cmap = find_table(r, "cmap");
    if (!head || !hhea || !hmtx || !cmap) {
        error = _("a required table (head, hhea, hmtx, cmap) is missing");
        return std::nullopt;
    }
    const std::uint16_t upem = r.u16(head->offset + 18);
    f.units_per_em_ = upem > 0 ? upem : 1000;
    f.ascender_ = r.i16(hhea->offset + 4) / f.units_per_em_;
    f.descender_ = r.i16(hhea->offset + 6) / f.units_per_em_;
    const std::uint16_t metrics = r.u16(hhea->offset + 34);
    for (std::uint16_t g = 0; g < metrics && r.ok; ++g) f.advances_.push_back(r.u16(hmtx->offset + 4u * g));
    // Prefer the full-Unicode map (3,10) format 12, then the BMP map (3,1) format 4.
    const std::uint16_t subtables = r.u16(cmap->offset + 2);
    std::size_t best4 = 0, best12 = 0;
    for (std::uint16_t i = 0; i < subtables && r.ok; ++i) {
        const std::size_t rec = cmap->offset + 4 + std::size_t{i} * 8;
        const std::uint16_t platform = r.u16(rec), encoding = r.u16(rec + 2);
        const std::size_t at = cmap->offset + r.u32(rec + 4);
        const std::uint16_t format = r.u16(at);
        if (platform == 3 && encoding == 10 && format == 12) best12 = at;
        if ((platform == 3 && encoding == 1) || platform == 0) {
            if (format == 4 && !best4) best4 = at;
            if (format == 12 && !best12) best12 = at;
        }
    }
    if (best12) cmap12(r, best12, f.cmap_);
    else if (best4) cmap4(r, best4, f.cmap_);
    if (!r.ok || f.advances_.empty() || f.cmap_.empty()) {
        error = _("damaged font tables");
        return std::nullopt;
    }
    f.direct_.assign(kDirect, 0);
    for (const auto& [c, g] : f.cmap_) {
        if (c < kDirect) f.direct_[c] = g;
    }
    // HarfBuzz reads the font itself; it is used only when it sees the same glyphs for the
    // basic Latin letters as the cmap read here, so a font HarfBuzz rejects (or reads
    // differently) is still measured, without kerning, rather than measured as empty.
    if (auto shaper = Shaper::create(bytes, std::move(shared))) {
        bool same = true;
        for (char32_t c = 0x20; c < 0x7F && same; ++c) {
            const std::string one(1, static_cast<char>(c));
            same = shaper->shape(one).pieces.size() == 1 &&
                   std::abs(shaper->width(one) - f.advance(c)) < 1e-9;
        }
        if (same) f.shaper_ = std::move(shaper);
    }
    return f;
}

std::uint16_t FontMetrics::glyph(char32_t c) const {
    if (c < kDirect && !direct_.empty()) return direct_[c];
    auto it = cmap_.find(c);
    return it == cmap_.end() ? 0 : it->second;
}

double FontMetrics::advance(char32_t c) const {
    const std::uint16_t g = glyph(c);
    // Glyphs past numberOfHMetrics share the last advance (the hmtx rule for monospaced tails).
    const std::uint16_t units = g < advances_.size() ? advances_[g] : advances_.back();
    return units / units_per_em_;
}

double FontMetrics::width(std::string_view utf8, double size) const {
    if (shaper_) return shaper_->width(utf8) * size;
    return nominal_width(utf8, size);
}

double FontMetrics::nominal_width(std::string_view utf8, double size) const {
    double w = 0;
    for (std::size_t i = 0; i < utf8.size();) w += advance(utf8::next(utf8, i));
    return w * size;
}

}  // namespace lkjip::layout
