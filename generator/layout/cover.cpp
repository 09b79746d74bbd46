// The cover (`lkjip:cover` … `lkjip:end-cover`, issue 17): a type hierarchy and the logo, placed
// as a printed LKjIP cover is. The Markdown names each line's rank by its heading level (the
// template templates/lkjip/sampul.md.j2; docs/markdown.md): `#` the title, `##` the agency, `###`
// the pemda, `####` the year, a paragraph a small line (the address); an image is the logo.
// The title block stands high on the page, the agency block at its foot, the logo centred in the
// space between; a cover of paragraphs only (a hand-written file) is centred as one group.
#include <algorithm>

#include "layout/flow.hpp"

namespace lkjip::layout {

namespace {

// Sizes on Bringhurst's traditional scale (The Elements of Typographic Style, 3.1.1: 6 7 8 9 10
// 11 12 14 16 18 21 24 36 …), falling by rank in the order DOMAIN.md gives a cover (title,
// agency, region, year; seed 001's Renja cover: "RENJA TAHUN 2024" / the dinas / the province /
// "TAHUN 2023"). Before issue 17 every line was 14 pt bold.
constexpr double kTitleSize = 21;   // `#`: LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2024
constexpr double kAgencySize = 16;  // `##`: DINAS PERDAGANGAN, KOPERASI DAN UKM
constexpr double kRegionSize = 14;  // `###`: KOTA PEKALONGAN
constexpr double kYearSize = 12;    // `####`: the year the report is issued
constexpr double kNoteSize = 10;    // a paragraph: the address
// Display lines are set solid-ish (1.2 × size, Bringhurst 2.2.1: display type needs less lead
// than text); the lines of one rank sit a third of their size apart.
constexpr double kDisplayLeading = 1.2;
constexpr double kItemGap = 0.35;
// The title block's top a twentieth of the text area below the top margin, the agency block's
// foot on the bottom margin: the layout of printed LKjIP covers (title high, issuer low, the
// emblem between).
constexpr double kTitleDrop = 0.05;
// Without a logo the title stands at a fifth of the text area, so the page is not an empty
// middle under a title pressed to the top.
constexpr double kTitleDropBare = 0.2;
// The logo: 45 mm tall (a pemda emblem on a printed A4 cover is about 4–5 cm), at most 60% of
// the measure wide; scaled up or down to it, so every cover has the same emblem size.
constexpr double kLogoHeight = 45 * 72.0 / 25.4;
constexpr double kLogoWidthShare = 0.6;
// The least space between the logo and the blocks above and below it.
constexpr double kLogoGap = 18;

struct Item {
    enum class Rank { title, agency, region, year, note, image } rank = Rank::note;
    std::vector<PlacedLine> lines;
    double size = kNoteSize;
    std::string image;  // path, for an image
    double w = 0, h = 0;
    [[nodiscard]] double height() const { return rank == Rank::image ? h : static_cast<double>(lines.size()) * size * kDisplayLeading; }
};

bool blank(const md::Spans& spans) {
    const std::string t = md::plain_text(spans);
    return t.find_first_not_of(" \t") == std::string::npos || t == "\xC2\xA0";  // &nbsp;
}

md::Spans bold(md::Spans spans) {
    for (auto& s : spans) s.bold = true;
    return spans;
}

}  // namespace

void Builder::add_cover(const md::Blocks& blocks) {
    const Geometry g = geometry(false);
    const double measure = measure_now_, body = g.body_height();
    // Each line set on its own at its natural width so it centres; a line that must wrap is
    // balanced (the narrowest measure that still gives as many lines), so a two-line title does
    // not leave one word alone below.
    auto centred = [&](const md::Spans& spans, double size) {
        const auto set = [&](double w) { return set_paragraph(spans, book_.set, ParagraphStyle{size, w, 0, false, nullptr}); };
        std::vector<PlacedLine> lines = set(measure);
        if (lines.size() > 1) {
            double lo = measure / static_cast<double>(lines.size()), hi = measure;
            for (int i = 0; i < 12; ++i) {
                const double mid = (lo + hi) / 2;
                (set(mid).size() <= lines.size() ? hi : lo) = mid;
            }
            lines = set(hi);
        }
        for (auto& line : lines) line = natural_line(line, size, measure);
        return lines;
    };
    std::vector<Item> items;
    bool ranked = false, plain = true;
    for (const auto& b : blocks) {
        if (b.line > 0) line_ = b.line;
        Item it;
        if (b.kind == md::Block::Kind::image) {
            const auto image = open_image(b);
            if (!image) continue;  // the error is reported at the image's line
            const double iw = image->second.width, ih = image->second.height;
            const double scale = std::min(kLogoHeight / ih, measure * kLogoWidthShare / iw);
            it.rank = Item::Rank::image;
            it.image = image->first;
            it.w = iw * scale;
            it.h = ih * scale;
        } else if (b.kind == md::Block::Kind::chapter || b.kind == md::Block::Kind::heading) {
            const int level = b.kind == md::Block::Kind::chapter ? 1 : b.level;
            static constexpr Item::Rank kRanks[] = {Item::Rank::title, Item::Rank::agency, Item::Rank::region, Item::Rank::year};
            static constexpr double kSizes[] = {kTitleSize, kAgencySize, kRegionSize, kYearSize};
            const auto at = static_cast<std::size_t>(std::clamp(level, 1, 4) - 1);
            it.rank = kRanks[at];
            it.size = kSizes[at];
            md::Spans spans = b.spans;
            if (b.kind == md::Block::Kind::chapter && !b.number.empty())
                spans.insert(spans.begin(), md::Span{b.number + " ", false, false, false, "", false});
            it.lines = centred(bold(spans), it.size);
            ranked = true;
        } else if (b.kind == md::Block::Kind::paragraph) {
            if (blank(b.spans)) continue;
            it.lines = centred(b.spans, kNoteSize);
        } else {
            plain = false;
        }
        if (!it.lines.empty() || it.rank == Item::Rank::image) items.push_back(std::move(it));
    }
    // The top block: everything before the logo, or without one the leading title lines.
    std::size_t split = 0;
    const auto logo = std::find_if(items.begin(), items.end(), [](const Item& i) { return i.rank == Item::Rank::image; });
    if (logo != items.end()) split = static_cast<std::size_t>(logo - items.begin());
    else
        while (split < items.size() && items[split].rank == Item::Rank::title) ++split;
    auto block_height = [&](std::size_t from, std::size_t to) {
        double h = 0;
        for (std::size_t i = from; i < to; ++i) h += items[i].height() + (i > from ? kItemGap * items[i].size : 0);
        return h;
    };
    const std::size_t after_logo = logo != items.end() ? split + 1 : split;
    const double top_h = block_height(0, split), bottom_h = block_height(after_logo, items.size());
    const double logo_h = logo != items.end() ? logo->h : 0;
    const double top_y = body * (logo != items.end() ? kTitleDrop : kTitleDropBare);
    const bool fits = top_y + top_h + logo_h + bottom_h + 2 * kLogoGap <= body;
    if (!ranked || !plain || !fits) {
        // A cover of plain paragraphs, or one the page cannot hold as designed: one group
        // centred on the page (document.cpp), broken across pages only if it must.
        for (const auto& b : blocks) {
            if (b.kind == md::Block::Kind::image) add_image(b, 0, measure);
            else if (b.kind == md::Block::Kind::paragraph && !blank(b.spans))
                add_paragraph(b.spans, 0, measure, settings_.size + 2, false, true, settings_.size * 1.2);
            else if (b.kind != md::Block::Kind::paragraph) add_block(b, 0, measure);
        }
        return;
    }
    // One piece as tall as the text area: nothing moves it, and the page holds nothing else.
    Piece p;
    p.flow.height = body - 0.01;
    auto draw_block = [&](std::size_t from, std::size_t to, double y) {
        for (std::size_t i = from; i < to; ++i) {
            const Item& it = items[i];
            if (i > from) y += kItemGap * it.size;
            if (it.rank == Item::Rank::image) {
                p.ops.images.push_back(page::Image{it.image, (measure - it.w) / 2, -(y + it.h), it.w, it.h});
            } else {
                const double step = it.size * kDisplayLeading;
                draw_lines(p.ops, it.lines, 0, measure, it.size, y + baseline(it.size, step), step, true, false);
            }
            y += it.height();
        }
    };
    draw_block(0, split, top_y);
    const double bottom_top = body - bottom_h;
    draw_block(after_logo, items.size(), bottom_top);
    if (logo != items.end()) {
        // Centred in the space between the blocks.
        const double free_top = top_y + top_h, free_bottom = bottom_top;
        const double y = free_top + (free_bottom - free_top - logo->h) / 2;
        p.ops.images.push_back(page::Image{logo->image, (measure - logo->w) / 2, -(y + logo->h), logo->w, logo->h});
    }
    push(std::move(p));
}

}  // namespace lkjip::layout
