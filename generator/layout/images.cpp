// Images: one captioned image centred in the column, or a run of captioned images (the
// "Dokumentasi kegiatan" photos of a sasaran, issue 6) set two to a row, each under its caption.
#include <algorithm>
#include <filesystem>

#include "common/i18n.hpp"
#include "layout/flow.hpp"

namespace lkjip::layout {

namespace {

constexpr double kCaptionSize = 11;
constexpr double kGridGap = 12;  // between the two columns and between rows

// Points for an image at 96 pixels per inch, scaled down to fit `w` × `h`.
std::pair<double, double> fitted(const ImageInfo& info, double w, double h) {
    const double iw = info.width * 0.75, ih = info.height * 0.75;
    const double scale = std::min({1.0, w / iw, h / ih});
    return {iw * scale, ih * scale};
}

}  // namespace

std::optional<std::pair<std::string, ImageInfo>> Builder::open_image(const md::Block& b) {
    namespace fs = std::filesystem;
    if (b.line > 0) line_ = b.line;
    std::string path = b.url;
    if (fs::path(path).is_relative()) path = (fs::path(settings_.base_dir) / path).lexically_normal().string();
    std::string error;
    const auto info = read_image_info(path, error);
    if (!info) {
        diags_.error(here(), error, _("image paths are relative to the Markdown file (for a data file: to the file that names them)"));
        return std::nullopt;
    }
    return std::make_pair(path, *info);
}

void Builder::add_image(const md::Block& b, double indent, double measure) {
    const auto image = open_image(b);
    if (!image) return;
    add_caption(b, indent, measure);
    // At most the column's width and 60% of the page height (a logo on the cover: 25%).
    const double max_h = geometry(section().landscape).body_height() * (section().cover ? 0.25 : 0.6);
    const auto [w, h] = fitted(image->second, measure, max_h);
    Piece p;
    p.space_before = settings_.size * 0.5;
    p.flow.height = p.space_before + h;
    p.ops.images.push_back(page::Image{image->first, indent + (measure - w) / 2, -(p.space_before + h), w, h});
    push(std::move(p));
}

void Builder::add_image_grid(const md::Block* images, std::size_t count, double indent, double measure) {
    const double cell_w = (measure - kGridGap) / 2;
    const double max_h = geometry(section().landscape).body_height() * 0.3;
    const double step = kCaptionSize * 1.3;
    for (std::size_t first = 0; first < count; first += 2) {
        // One row: an unbreakable piece holding up to two captions and their images.
        Piece p;
        p.space_before = kGridGap;
        // Captions first: the images of a row start level, under the taller caption.
        struct Cell {
            std::pair<std::string, ImageInfo> image;
            std::vector<PlacedLine> caption;
            double x = 0;
        };
        std::vector<Cell> cells;
        double caption_h = 0;
        for (std::size_t k = first; k < std::min(first + 2, count); ++k) {
            const md::Block& b = images[k];
            auto image = open_image(b);
            if (!image) continue;
            Cell c{std::move(*image), set_paragraph(*b.caption, book_.set, ParagraphStyle{kCaptionSize, cell_w, 0, false, hyphenator_}),
                   indent + static_cast<double>(k - first) * (cell_w + kGridGap)};
            caption_h = std::max(caption_h, static_cast<double>(c.caption.size()) * step + 4);
            p.anchors.push_back(Anchor{Anchor::Kind::figure, md::plain_text(*b.caption), 0, true, p.space_before});
            cells.push_back(std::move(c));
        }
        double row_h = 0;
        for (const auto& c : cells) {
            draw_lines(p.ops, c.caption, c.x, cell_w, kCaptionSize, p.space_before + baseline(kCaptionSize, step), step, true, false);
            const auto [w, h] = fitted(c.image.second, cell_w, max_h);
            p.ops.images.push_back(page::Image{c.image.first, c.x + (cell_w - w) / 2, -(p.space_before + caption_h + h), w, h});
            row_h = std::max(row_h, caption_h + h);
        }
        if (row_h == 0) continue;
        p.flow.height = p.space_before + row_h;
        push(std::move(p));
    }
}

}  // namespace lkjip::layout
