#include "layout/shaping.hpp"

#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include <hb.h>

#include "common/utf8.hpp"
#include "layout/font_metrics.hpp"

namespace lkjip::layout {

std::atomic<std::uint64_t> Shaper::next_id_{1};

namespace {

// Shaped pieces remembered per thread, across fonts (the key starts with the shaper's id). A
// report has a few thousand distinct words and pieces; the bound only keeps a hostile document
// of millions of distinct words from growing the cache without end (issue 18).
constexpr std::size_t kMaxCachedShapes = 1 << 17;

// Longer text is shaped in one go but not remembered: a cache key that long is a paragraph
// without spaces (a hostile input), never a word repeated.
constexpr std::size_t kMaxCachedBytes = 256;

struct Registry {
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<const Shaper>> by_path;
};

Registry& registry() {
    static Registry r;
    return r;
}

}  // namespace

Shaper::~Shaper() {
    if (font_) hb_font_destroy(font_);
}

std::shared_ptr<const Shaper> Shaper::create(const std::vector<std::uint8_t>& bytes, std::shared_ptr<const std::string> shared) {
    if (bytes.empty() || bytes.size() > 0xFFFFFFFFu) return nullptr;
    // HarfBuzz keeps the blob: the shared bytes stay alive with it (the blob's destroy callback
    // drops the reference), else HB_MEMORY_MODE_DUPLICATE copies them, so the caller's vector may
    // go away.
    hb_blob_t* blob = nullptr;
    if (shared && shared->size() == bytes.size()) {
        auto* keep = new std::shared_ptr<const std::string>(std::move(shared));
        blob = hb_blob_create((*keep)->data(), static_cast<unsigned>((*keep)->size()), HB_MEMORY_MODE_READONLY, keep,
                              [](void* p) { delete static_cast<std::shared_ptr<const std::string>*>(p); });
    } else {
        blob = hb_blob_create(reinterpret_cast<const char*>(bytes.data()), static_cast<unsigned>(bytes.size()),
                              HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr);
    }
    hb_face_t* face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    const unsigned glyphs = hb_face_get_glyph_count(face);
    const unsigned upem = hb_face_get_upem(face);
    if (glyphs == 0 || upem == 0) {
        hb_face_destroy(face);
        return nullptr;
    }
    std::shared_ptr<Shaper> s(new Shaper());
    s->font_ = hb_font_create(face);
    hb_face_destroy(face);
    hb_font_make_immutable(s->font_);  // shared read-only by the batch threads
    s->upem_ = upem;
    s->id_ = next_id_++;
    return s;
}

Shaper::Shaped Shaper::compute(std::string_view utf8) const {
    Shaped out;
    out.pieces.push_back(Piece{0, 0});
    if (utf8.empty()) return out;
    // One buffer per thread, destroyed when the thread ends (a raw pointer leaked one per batch
    // worker: LeakSanitizer in CI).
    struct BufferDeleter {
        void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
    };
    thread_local const std::unique_ptr<hb_buffer_t, BufferDeleter> owned(hb_buffer_create());
    hb_buffer_t* buffer = owned.get();
    hb_buffer_reset(buffer);
    hb_buffer_add_utf8(buffer, utf8.data(), static_cast<int>(utf8.size()), 0, static_cast<int>(utf8.size()));
    // Fixed properties rather than guessed ones, so the same text is always shaped the same way.
    hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer, HB_SCRIPT_LATIN);
    hb_buffer_set_language(buffer, hb_language_from_string("id", 2));
    hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
    hb_shape(font_, buffer, nullptr, 0);
    unsigned n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &n);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &n);

    // The code points of the text (HarfBuzz's clusters are their byte offsets) with their
    // nominal glyphs.
    struct Char {
        std::size_t at;
        hb_codepoint_t glyph;
        hb_position_t nominal;
        hb_position_t shaped;
    };
    std::vector<Char> chars;
    {
        for (std::size_t i = 0; i < utf8.size();) {
            const std::size_t at = i;
            const char32_t cp = utf8::next(utf8, i);
            hb_codepoint_t g = 0;
            hb_font_get_nominal_glyph(font_, cp, &g);
            chars.push_back(Char{at, g, hb_font_get_glyph_h_advance(font_, g), 0});
        }
    }
    // A cluster set as one nominal glyph per character keeps its shaped advance (kerning);
    // anything else (a ligature, a decomposition, a mark moved) keeps its nominal advances.
    std::size_t gi = 0, ci = 0;
    while (ci < chars.size()) {
        const std::size_t cluster_start = ci;
        std::size_t cluster_end = ci + 1;
        const std::size_t glyph_start = gi;
        while (gi < n && info[gi].cluster <= chars[ci].at) ++gi;
        // Characters up to the next glyph's cluster belong to this cluster.
        const std::size_t next_at = gi < n ? info[gi].cluster : utf8.size();
        while (cluster_end < chars.size() && chars[cluster_end].at < next_at) ++cluster_end;
        const bool simple = cluster_end - cluster_start == 1 && gi - glyph_start == 1 &&
                            info[glyph_start].codepoint == chars[ci].glyph && pos[glyph_start].x_offset == 0 &&
                            pos[glyph_start].y_offset == 0;
        for (std::size_t k = cluster_start; k < cluster_end; ++k) {
            chars[k].shaped = simple ? pos[glyph_start].x_advance : chars[k].nominal;
        }
        ci = cluster_end;
    }
    // A new piece wherever the shaped position leaves the nominal one (the char after a kern).
    hb_position_t shaped_x = 0, piece_x = 0, nominal_since = 0;
    for (std::size_t k = 0; k < chars.size(); ++k) {
        if (k > 0 && shaped_x != piece_x + nominal_since) {
            out.pieces.push_back(Piece{chars[k].at, shaped_x / upem_});
            piece_x = shaped_x;
            nominal_since = 0;
        }
        shaped_x += chars[k].shaped;
        nominal_since += chars[k].nominal;
    }
    out.width = shaped_x / upem_;
    return out;
}

const Shaper::Shaped& Shaper::cached(std::string_view utf8) const {
    // One memo for the widths the line breaker asks and the pieces the page model records: the
    // layout asks both of most words, and shaping is the costly part (issue 22, callgrind).
    thread_local std::unordered_map<std::string, Shaped> cache;
    thread_local std::string key;
    key.assign(sizeof id_, '\0');
    std::memcpy(key.data(), &id_, sizeof id_);
    key.append(utf8);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    if (cache.size() >= kMaxCachedShapes) cache.clear();
    return cache.emplace(key, compute(utf8)).first->second;
}

Shaper::Shaped Shaper::shape(std::string_view utf8) const {
    if (utf8.size() > kMaxCachedBytes) return compute(utf8);
    return cached(utf8);
}

double Shaper::width(std::string_view utf8) const {
    if (utf8.size() > kMaxCachedBytes) return compute(utf8).width;
    return cached(utf8).width;
}

std::shared_ptr<const Shaper> shaper_for_file(const std::string& path) {
    Registry& r = registry();
    {
        const std::lock_guard<std::mutex> lock(r.mutex);
        if (auto it = r.by_path.find(path); it != r.by_path.end()) return it->second;
    }
    // A page model made without the layout (the writer's tests, a caller's own): the font is
    // read here, so the same page model is drawn the same way whoever made it.
    std::string error;
    if (!FontMetrics::load(path, error)) register_shaper(path, nullptr);  // not again for each run
    const std::lock_guard<std::mutex> lock(r.mutex);
    auto it = r.by_path.find(path);
    return it == r.by_path.end() ? nullptr : it->second;
}

void register_shaper(const std::string& path, std::shared_ptr<const Shaper> shaper) {
    Registry& r = registry();
    const std::lock_guard<std::mutex> lock(r.mutex);
    r.by_path[path] = std::move(shaper);
}

}  // namespace lkjip::layout
