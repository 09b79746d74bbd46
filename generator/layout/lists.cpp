// The Daftar Isi, Daftar Tabel and Daftar Gambar. Their entries (titles and page numbers) are only
// known after the layout, and their own length can move pages: document.cpp lays the document
// out once, then replaces only these lists' pieces with the entries found and paginates again,
// until the entries settle.
#include <cmath>

#include "layout/flow.hpp"

namespace lkjip::layout {

namespace {

// Issue 17: "a last TOC page never holds only two lines". TeX's \widowpenalty keeps one line
// off a page head; a list of contents is read as a block, so its last page holds at least three.
constexpr int kListWidows = 3;

}  // namespace

void Builder::add_list_of(Anchor::Kind kind, double indent, double measure) {
    ListSlot slot{sections_.size() - 1, section().pieces.size(), 0, kind, indent, measure};
    for (auto& p : list_pieces(slot)) push(std::move(p));
    slot.count = section().pieces.size() - slot.first;
    slots_.push_back(slot);
}

void Builder::refresh_lists(const std::vector<ListEntry>& entries) {
    entries_ = &entries;
    // From the last slot back, so the positions of earlier slots stay valid.
    for (auto it = slots_.rbegin(); it != slots_.rend(); ++it) {
        auto& pieces = sections_[it->section].pieces;
        std::vector<Piece> fresh = list_pieces(*it);
        const bool keep = it->count > 0 && pieces[it->first].flow.break_before;
        pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(it->first),
                     pieces.begin() + static_cast<std::ptrdiff_t>(it->first + it->count));
        if (keep && !fresh.empty()) fresh.front().flow.break_before = true;
        const std::size_t delta = fresh.size();
        pieces.insert(pieces.begin() + static_cast<std::ptrdiff_t>(it->first), std::make_move_iterator(fresh.begin()),
                      std::make_move_iterator(fresh.end()));
        for (auto later = slots_.rbegin(); later != it; ++later) {
            if (later->section == it->section) later->first = later->first - it->count + delta;
        }
        it->count = delta;
    }
}

std::vector<Piece> Builder::list_pieces(const ListSlot& slot) {
    // Dot leaders run from the title to the page number, which is right-aligned; each entry
    // links to its target.
    const double size = settings_.size;
    const double step = line_height(size);
    const double indent = slot.indent, measure = slot.measure;
    const FontMetrics& regular = book_.set.get(Face::regular);
    const double number_w = regular.width("0000", size);
    const double dot_pitch = regular.width(". ", size);
    const int list_id = next_paragraph_++;
    std::vector<Piece> out;
    for (const auto& e : *entries_) {
        if (e.kind != slot.kind) continue;
        const double level_indent = slot.kind == Anchor::Kind::heading ? (e.level - 1) * 18.0 : 0;
        const bool chapter = slot.kind == Anchor::Kind::heading && e.level == 1;
        const double text_w = measure - level_indent - number_w - 12;
        // A wrapped entry's next lines hang under its text, past its number ("1.2.1", "Tabel 3.2").
        const std::size_t number = md::numbered_prefix(e.title);
        const double hang =
            number > 0 ? std::min(text_w / 3, book_.set.get(chapter ? Face::bold : Face::regular).width(e.title.substr(0, number), size))
                       : 0;
        const auto lines = set_paragraph({md::Span{e.title, chapter, false, false, "", false}}, book_.set,
                                         ParagraphStyle{size, text_w - hang, 0, false, hyphenator_});
        if (lines.empty()) continue;
        Piece p;
        p.space_before = chapter ? size * 0.4 : 0;
        p.flow.height = p.space_before + static_cast<double>(lines.size()) * step;
        p.flow.paragraph = list_id;  // one "paragraph": no lone entry at the head or foot of a page
        p.flow.lines = static_cast<int>(lines.size());
        p.flow.widows = kListWidows;
        const double first = p.space_before + baseline(size, step);
        for (std::size_t k = 0; k < lines.size(); ++k) {
            draw_lines(p.ops, {lines[k]}, indent + level_indent + (k > 0 ? hang : 0), text_w, size,
                       first + static_cast<double>(k) * step, step, false, false);
        }
        const double last_y = first + static_cast<double>(lines.size() - 1) * step;
        const double number_right = indent + measure;
        const double label_w = regular.width(e.label, size);
        p.ops.text.push_back(page::TextRun{number_right - label_w, -last_y, book_.ids.ids[0], size, e.label, {}});
        // Dots on a grid shared by every line, so the leaders of all entries line up.
        const double from = indent + level_indent + (lines.size() > 1 ? hang : 0) + lines.back().width + dot_pitch;
        const double to = number_right - label_w - dot_pitch / 2;
        std::string dots;
        const double start = std::ceil((from - indent) / dot_pitch) * dot_pitch + indent;
        for (double x = start; x + dot_pitch <= to; x += dot_pitch) dots += ". ";
        if (!dots.empty()) p.ops.text.push_back(page::TextRun{start, -last_y, book_.ids.ids[0], size, dots, {}});
        p.ops.links.push_back(page::Link{indent, -p.flow.height, measure, p.flow.height - p.space_before, e.page, e.y});
        out.push_back(std::move(p));
    }
    if (out.empty() && slot.kind != Anchor::Kind::heading) {
        const char* none = slot.kind == Anchor::Kind::table ? "Tidak ada tabel dalam laporan ini." : "Tidak ada gambar dalam laporan ini.";
        const auto lines = set_paragraph({md::Span{none, false, true, false, "", false}}, book_.set,
                                         ParagraphStyle{size, measure, 0, false, hyphenator_});
        Piece p;
        p.flow.height = static_cast<double>(lines.size()) * step;
        draw_lines(p.ops, lines, indent, measure, size, baseline(size, step), step, false, false);
        out.push_back(std::move(p));
    }
    // An empty list still holds its place (a section with no pieces would be dropped).
    if (out.empty()) out.emplace_back();
    return out;
}

}  // namespace lkjip::layout
