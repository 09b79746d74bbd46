// The layout driver: blocks to pieces (blocks.cpp), pieces to pages (paginate.cpp), pages to
// the page model with running headers, page numbers, labels, links and the outline. The lists of
// contents need the page numbers of what they list, and their own length can move those pages:
// the layout is repeated with the previous pass's entries until they settle (as Typst does,
// with a bounded number of passes).
#include <algorithm>
#include <mutex>
#include <unordered_set>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "common/roman.hpp"
#include "layout/flow.hpp"
#include "layout/layout.hpp"

namespace lkjip::layout {

namespace {

constexpr int kMaxPasses = 5;
constexpr double kRunningSize = 9;

const Hyphenator* shared_hyphenator(std::string& error) {
    // Loaded once per process; Hyphenator is read-only after loading, so threads can share it.
    static std::once_flag once;
    static std::optional<Hyphenator> hyphenator;
    static std::string load_error;
    std::call_once(once, [] { hyphenator = Hyphenator::load(Hyphenator::kDefaultPatterns, load_error); });
    error = load_error;
    return hyphenator ? &*hyphenator : nullptr;
}

void translate(const page::Page& local, double dx, double dy, page::Page& out) {
    for (auto r : local.text) {
        r.x += dx;
        r.y += dy;
        out.text.push_back(std::move(r));
    }
    for (auto r : local.rules) {
        r.x1 += dx;
        r.x2 += dx;
        r.y1 += dy;
        r.y2 += dy;
        out.rules.push_back(r);
    }
    for (auto b : local.boxes) {
        b.x += dx;
        b.y += dy;
        out.boxes.push_back(b);
    }
    for (auto i : local.images) {
        i.x += dx;
        i.y += dy;
        out.images.push_back(std::move(i));
    }
    for (auto l : local.links) {
        l.x += dx;
        l.y += dy;
        out.links.push_back(l);
    }
    for (auto p : local.paths) {
        for (auto& op : p.ops) {
            op.x1 += dx, op.x2 += dx, op.x3 += dx;
            op.y1 += dy, op.y2 += dy, op.y3 += dy;
        }
        out.paths.push_back(std::move(p));
    }
}

struct Assembly {
    page::Document doc;
    std::vector<ListEntry> entries;  // Daftar Isi, Tabel, Gambar, with the pages found this pass
};

class Assembler {
public:
    Assembler(Builder& builder, const FontBook& book, const LayoutSettings& settings)
        : builder_(builder), book_(book), settings_(settings) {}

    Assembly run() {
        for (const auto& section : builder_.sections()) {
            if (!section.pieces.empty()) add_section(section);
        }
        out_.doc.fonts = book_.fonts;
        out_.doc.info = settings_.info;
        return std::move(out_);
    }

private:
    void add_section(const Section& section) {
        const Geometry g = builder_.geometry(section.landscape);
        std::vector<FlowItem> flow;
        flow.reserve(section.pieces.size());
        for (const auto& p : section.pieces) flow.push_back(p.flow);
        const auto starts = paginate(flow, PaginateParams{g.body_height(), 2, 2});
        for (std::size_t k = 0; k < starts.size(); ++k) {
            const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : section.pieces.size();
            add_page(section, g, starts[k], end);
        }
    }

    std::string next_label(const Section& section) {
        // A new range where the style changes or a directive restarts the count (once per section).
        if (section.restart && restarted_ != &section) {
            restarted_ = &section;
            if (section.numbering == Numbering::roman) roman_ = 0;
            if (section.numbering == Numbering::arabic) arabic_ = 0;
            style_.reset();
        }
        if (section.numbering != style_) {
            style_ = section.numbering;
            using S = page::PageLabelRange::Style;
            const S s = style_ == Numbering::roman ? S::roman_lower : style_ == Numbering::arabic ? S::arabic : S::none;
            const int start = style_ == Numbering::roman ? roman_ + 1 : style_ == Numbering::arabic ? arabic_ + 1 : 1;
            out_.doc.labels.push_back(page::PageLabelRange{s, out_.doc.pages.size(), start});
        }
        if (style_ == Numbering::roman) return roman_lower(++roman_);
        if (style_ == Numbering::arabic) return std::to_string(++arabic_);
        return "";
    }

    void add_page(const Section& section, const Geometry& g, std::size_t from, std::size_t to) {
        page::Page pg;
        pg.width = g.width;
        pg.height = g.height;
        pg.label = next_label(section);
        const std::size_t index = out_.doc.pages.size();
        double y = g.height - g.top;
        if (section.cover) {
            // The cover's blocks are centred on the page as a group.
            double total = 0;
            for (std::size_t i = from; i < to; ++i) total += section.pieces[i].flow.height - (i == from ? section.pieces[i].space_before : 0);
            y -= std::max(0.0, (g.body_height() - total) / 2);
        }
        for (std::size_t i = from; i < to;) {
            const Piece& p = section.pieces[i];
            const bool first = i == from;
            const double origin = y + (first ? p.space_before : 0);
            if (p.table) {
                std::size_t j = i;
                double height = 0;
                while (j < to && section.pieces[j].table == p.table) {
                    height += section.pieces[j].flow.height;
                    ++j;
                }
                const double top = origin - p.space_before;
                const std::size_t first_row = p.header_only ? 0 : p.row;
                const std::size_t last_row = p.header_only ? 0 : section.pieces[j - 1].row + 1;
                const double drawn = draw_table_slice(*p.table, first_row, last_row, g.left + p.table_x, top,
                                                      *p.table_style, book_.ids, pg, &book_.set);
                y = top - drawn;
                (void)height;
                place(p, index, section);
                collect_anchors(p, index, origin);
                i = j;
                continue;
            }
            translate(p.ops, g.left, origin, pg);
            place(p, index, section);
            collect_anchors(p, index, origin);
            y -= p.flow.height - (first ? p.space_before : 0);
            ++i;
        }
        if (!pg.label.empty()) decorate(pg, g);
        out_.doc.pages.push_back(std::move(pg));
    }

    // The first piece of each Markdown line (its block) and the page it starts on.
    void place(const Piece& p, std::size_t page_index, const Section& section) {
        if (!placed_lines_.insert(p.line).second) return;
        out_.doc.placements.push_back(page::Placement{p.line, page_index, section.landscape});
    }

    void collect_anchors(const Piece& p, std::size_t page_index, double origin) {
        for (const auto& a : p.anchors) {
            const double y = origin - a.y + settings_.size;  // a little above the heading's line
            if (a.kind == Anchor::Kind::heading && a.level <= 3) {
                out_.doc.outline.push_back(page::OutlineEntry{a.title, a.level, page_index, y});
            }
            if (a.kind != Anchor::Kind::heading || (a.in_toc && a.level <= 3)) {
                out_.entries.push_back(ListEntry{a.kind, a.title, "", a.level, page_index, y});
            }
        }
    }

    // The running header (the report's title, small, over a thin rule) and the page number
    // centred in the bottom margin.
    void decorate(page::Page& pg, const Geometry& g) const {
        const FontMetrics& regular = book_.set.get(Face::regular);
        const double label_w = regular.width(pg.label, settings_.size - 1);
        pg.text.push_back(page::TextRun{(g.width - label_w) / 2, g.bottom / 2, book_.ids.ids[0], settings_.size - 1, pg.label, {}});
        if (settings_.running_header.empty()) return;
        const FontMetrics& italic = book_.set.get(Face::italic);
        const double header_y = g.height - g.top / 2;
        std::string text = settings_.running_header;
        const double w = italic.width(text, kRunningSize);
        pg.text.push_back(page::TextRun{g.width - g.right - std::min(w, g.measure()), header_y, book_.ids.ids[2], kRunningSize, text, {}});
        pg.rules.push_back(page::Rule{g.left, header_y - 4, g.width - g.right, header_y - 4, 0.5, {}});
    }

    Builder& builder_;
    const FontBook& book_;
    const LayoutSettings& settings_;
    Assembly out_;
    std::optional<Numbering> style_;  // none yet: the first page always opens a range (PDF 1.7 §12.4.2)
    int roman_ = 0, arabic_ = 0;
    const Section* restarted_ = nullptr;
    std::unordered_set<std::uint32_t> placed_lines_;
};

// The printed page number of each entry's page.
void label_entries(Assembly& a) {
    for (auto& e : a.entries) e.label = e.page < a.doc.pages.size() ? a.doc.pages[e.page].label : "";
}

// A piece taller than the page (a table row with pages of text in one cell, a huge image) gets
// a page of its own and still runs past the bottom margin: said once, not silently.
void warn_oversized(Builder& builder, const std::shared_ptr<const std::string>& file, Diagnostics& diags) {
    for (const auto& section : builder.sections()) {
        const double room = builder.geometry(section.landscape).body_height();
        for (const auto& p : section.pieces) {
            if (p.flow.height - p.space_before + p.flow.repeat_height <= room + 0.01) continue;
            diags.warning(SourcePos{file, p.line, p.line ? 1u : 0u},
                          p.table ? _("a table row is taller than a page and runs past the bottom margin")
                                  : _("a block is taller than a page and runs past the bottom margin"),
                          _("split the text of that row or block"));
            return;
        }
    }
}

// The kerning of every run, as the shaper measured it (layout/shaping.hpp): the writer draws the
// pieces where they are given, so the PDF stage needs no shaping of its own (docs/architecture.md).
void add_kerning(page::Document& doc, const FontBook& book) {
    for (page::Page& p : doc.pages) {
        for (page::TextRun& t : p.text) {
            if (t.font >= book.metrics.size() || book.metrics[t.font].shaper() == nullptr) continue;
            const auto shaped = book.metrics[t.font].shaper()->shape(t.text);
            if (shaped.pieces.size() <= 1) continue;
            t.pieces.reserve(shaped.pieces.size());
            for (const auto& piece : shaped.pieces) t.pieces.push_back(page::TextPiece{piece.at, piece.x * t.size});
        }
    }
}

}  // namespace

void preload(bool sans) {
    std::string error;
    font_book(sans, error);
    shared_hyphenator(error);
}

std::optional<page::Document> typeset(const md::Document& doc, const LayoutSettings& settings, Diagnostics& diags) {
    const auto file = std::make_shared<const std::string>(settings.source_name);
    std::string error;
    const FontBook* book = font_book(settings.sans, error);
    if (!book) {
        diags.error(SourcePos{file, 0, 0}, error, _("install the Debian packages fonts-liberation2 and fonts-dejavu-core"));
        return std::nullopt;
    }
    const Hyphenator* hyphenator = shared_hyphenator(error);
    if (!hyphenator) {
        diags.warning(SourcePos{file, 0, 0}, _f("{}; words are not hyphenated", error), _("install the Debian package hyphen-id"));
    }

    // The blocks are set once; each pass refreshes only the lists of contents with the entries
    // the previous pass found, and paginates again.
    Builder builder(settings, *book, hyphenator, diags);
    builder.add_document(doc);
    std::vector<ListEntry> entries;
    for (int pass = 1;; ++pass) {
        Assembly assembly = Assembler(builder, *book, settings).run();
        if (assembly.doc.pages.size() > settings.max_pages) {
            diags.error(SourcePos{file, 0, 0},
                        _f("the document runs to {} pages; lkjip sets at most {}", assembly.doc.pages.size(), settings.max_pages),
                        _("a table of thousands of rows belongs in an attachment, not in the report"));
            return std::nullopt;
        }
        label_entries(assembly);
        if (assembly.entries == entries || pass == kMaxPasses) {
            if (assembly.entries != entries) {
                diags.warning(SourcePos{file, 0, 0}, _f("the page numbers of the lists of contents did not settle after {} passes", pass));
            }
            warn_oversized(builder, file, diags);
            add_kerning(assembly.doc, *book);
            for (const ListEntry& e : assembly.entries) {
                using K = page::ContentsEntry::Kind;
                const K kind = e.kind == Anchor::Kind::table ? K::table : e.kind == Anchor::Kind::figure ? K::figure : K::heading;
                assembly.doc.contents.push_back(page::ContentsEntry{kind, e.title, e.level, e.label});
            }
            assembly.doc.tables = builder.table_layouts();
            assembly.doc.figures = builder.figures();
            return std::move(assembly.doc);
        }
        entries = std::move(assembly.entries);
        builder.refresh_lists(entries);
    }
}

}  // namespace lkjip::layout
