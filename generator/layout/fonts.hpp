// The faces a document is set in: one family of four faces from Debian's fonts-liberation2
// (Liberation Serif is metric-compatible with Times New Roman, Liberation Sans with Arial, the
// fonts the seed reports were written in), DejaVu Sans as the fallback for glyphs Liberation
// lacks (➤), and Liberation Mono for code. fonts/README.md lists them and why.
#pragma once

#include <string>
#include <vector>

#include "layout/font_metrics.hpp"
#include "layout/page_model.hpp"
#include "layout/paragraph.hpp"
#include "layout/table.hpp"

namespace lkjip::layout {

struct FontBook {
    std::vector<FontMetrics> metrics;  // regular, bold, italic, bold italic, fallback, mono
    std::vector<page::Font> fonts;     // the same order: page-model font index = position
    FontSet set;                       // points into `metrics`
    FaceIds ids;                       // Face -> page-model font index
    static constexpr std::size_t kMono = 5;
};

// The six font files of the serif or sans family, in FontBook order (regular, bold, italic, bold
// italic, fallback, mono): what font_book loads, and what `lkjip batch` hashes into its cache key.
std::vector<std::string> font_files(bool sans);

// The font folders: LKJIP_FONT_DIR when set (a folder holding the same file names), else the
// Debian package folders.
std::string font_path(const std::string& file);

// Loads (once per process, thread-safe) the faces of the serif or sans family. nullptr with
// `error` naming the file when a font cannot be read.
const FontBook* font_book(bool sans, std::string& error);

}  // namespace lkjip::layout
