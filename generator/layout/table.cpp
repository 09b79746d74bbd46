#include "layout/table.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "layout/columns.hpp"

namespace lkjip::layout {

namespace {

// Points added to measured widths: set_paragraph sums the same advances in another order, and a
// cell measured at exactly its one-line width must still set on one line.
constexpr double kSlack = 0.01;

Face face_of(const md::Span& s, bool bold) {
    if (s.code) return Face::mono;  // as set_paragraph sets it (issue 17)
    const bool b = bold || s.bold;
    if (b && s.italic) return Face::bold_italic;
    if (b) return Face::bold;
    if (s.italic) return Face::italic;
    return Face::regular;
}

// Width of text as set_paragraph sets it: a glyph the face lacks comes from the fallback face.
double text_width(std::string_view text, Face face, const FontSet& fonts, double size) {
    const FontMetrics& f = fonts.get(face);
    const FontMetrics* fallback = fonts.faces[static_cast<int>(Face::fallback)];
    double w = 0;
    auto add = [&](char32_t c) { w += (f.has_glyph(c) || !fallback ? f : *fallback).advance(c); };
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        for (char c : text) add(static_cast<char32_t>(c));  // ASCII, the common case: no decoding
    } else {
        for (char32_t c : decode_utf8(text)) add(c);
    }
    return w * size;
}

using WordParts = std::vector<std::pair<std::string_view, const md::Span*>>;

// One word (text between spaces, maybe in several styles): its width and its widest piece
// between the hyphenation points set_paragraph offers (single-style words outside code only),
// a hyphen included. Numbers have no points (the hyphenator leaves words with digits whole).
// Hyphenating is the costly part, so a word no wider than `floor` (what its column already
// needs) is not hyphenated (its pieces cannot change the minimum), and the widest piece of each
// word is remembered: report tables repeat their words row after row.
using PieceCache = std::unordered_map<std::string, double>;  // face + word -> widest piece

std::pair<double, double> word_extent(const WordParts& parts, bool bold, double floor, const FontSet& fonts,
                                      const TableStyle& st, PieceCache& cache) {
    double total = 0;
    for (const auto& [text, span] : parts) total += text_width(text, face_of(*span, bold), fonts, st.size);
    if (parts.size() != 1 || !st.hyphenator || parts[0].second->code || parts[0].second->italic || total <= floor) {
        return {total, total};
    }
    const std::string_view text = parts[0].first;
    const Face face = face_of(*parts[0].second, bold);
    std::string key(1, static_cast<char>('0' + static_cast<int>(face)));
    key += text;
    const auto [it, fresh] = cache.try_emplace(std::move(key), total);
    if (!fresh) return {total, it->second};
    const std::vector<std::size_t> points = st.hyphenator->points(text);
    if (points.empty()) return {total, total};
    const double hyphen = fonts.get(face).width("-", st.size);
    double piece = 0;
    std::size_t prev = 0;
    for (std::size_t p : points) {
        piece = std::max(piece, text_width(text.substr(prev, p - prev), face, fonts, st.size) + hyphen);
        prev = p;
    }
    it->second = std::max(piece, text_width(text.substr(prev), face, fonts, st.size));
    return {total, it->second};
}

// Minimum and preferred inner widths of a cell (CSS 2.1 §17.5.2.2: the widest unbreakable piece,
// and the widest line when only hard breaks break). Tokenises exactly as set_paragraph does:
// words end at spaces and hard breaks, a space counts once and only after a word.
struct Extent {
    double min = 0, max = 0;
    double word = 0;  // the widest whole word: the minimum when the table can afford no hyphens
};

Extent measure(const md::Spans& spans, bool bold, double floor, const FontSet& fonts, const TableStyle& st, PieceCache& cache) {
    Extent e;
    const double space = fonts.get(Face::regular).width(" ", st.size);
    WordParts word;
    double line = 0;
    bool after_word = false;
    auto end_word = [&] {
        if (word.empty()) return;
        const auto [w, piece] = word_extent(word, bold, floor, fonts, st, cache);
        line += w;
        e.min = std::max(e.min, piece);
        e.word = std::max(e.word, w);
        word.clear();
        after_word = true;
    };
    for (const auto& s : spans) {
        if (s.line_break) {
            end_word();
            e.max = std::max(e.max, line);
            line = 0;
            after_word = false;
            continue;
        }
        const std::string_view text = s.text;
        for (std::size_t at = 0; at <= text.size();) {
            const std::size_t sp = text.find(' ', at);
            const std::string_view part = text.substr(at, sp == std::string_view::npos ? std::string_view::npos : sp - at);
            if (!part.empty()) word.emplace_back(part, &s);
            if (sp == std::string_view::npos) break;
            end_word();
            if (after_word) line += space;
            after_word = false;
            at = sp + 1;
        }
    }
    end_word();
    e.max = std::max(e.max, line);
    return e;
}

bool blank(const md::TableCell& c) { return md::plain_text(c.spans).find_first_not_of(' ') == std::string::npos; }

// docs/markdown.md: a row whose only non-empty cell is the first or second, and bold, is a group
// heading (an urusan or program in the budget table): it spans the table.
std::vector<bool> group_rows(const md::Table& t, std::size_t n) {
    std::vector<bool> out(t.rows.size(), false);
    if (n < 2) return out;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        std::size_t filled = 0, at = 0;
        for (std::size_t i = 0; i < t.rows[r].size() && i < n; ++i) {
            if (blank(t.rows[r][i])) continue;
            ++filled;
            at = i;
        }
        out[r] = filled == 1 && at <= 1 && t.rows[r][at].bold;
    }
    return out;
}

std::size_t group_cell(const std::vector<md::TableCell>& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (!blank(row[i])) return i;
    }
    return 0;
}

std::size_t column_count(const md::Table& t) {
    std::size_t n = t.align.size();
    for (const auto& level : t.header) {
        for (const auto& c : level) n = std::max(n, c.first + std::max<std::size_t>(c.span, 1));
    }
    for (const auto& row : t.rows) n = std::max(n, row.size());  // a hand-built table may be ragged
    return n;
}

// Makes the columns [first, first+span) of `w` hold `need` together: the excess goes out in
// proportion to what the columns already have (evenly when they have nothing), as browsers do
// for a cell spanning columns (CSS 2.1 §17.5.2.2 leaves the distribution to the user agent).
void spread(std::vector<double>& w, std::size_t first, std::size_t span, double need) {
    double have = 0;
    for (std::size_t i = first; i < first + span; ++i) have += w[i];
    if (need <= have) return;
    for (std::size_t i = first; i < first + span; ++i) {
        w[i] += (need - have) * (have > 0 ? w[i] / have : 1.0 / static_cast<double>(span));
    }
}

struct Demands {
    std::vector<double> min, max;
    std::vector<double> word_min;  // minimums without hyphenation
    // Each cell's one-line (preferred) inner width, header cells by level then body rows (a group
    // row has one): a cell that fits on one line is set without hyphenation (it changes nothing).
    std::vector<std::vector<double>> header_max, body_max;
};

// Per-column minimum and preferred widths, padding included: single-column cells first, then
// spanning cells (multi-level headers, group rows) narrowest first, each widening its columns.
Demands column_demands(const md::Table& t, const std::vector<bool>& group, const FontSet& fonts, const TableStyle& st,
                       std::size_t n) {
    const double pad = 2 * st.pad_x + kSlack;
    Demands d;
    d.min.assign(n, pad);
    d.max.assign(n, pad);
    d.word_min.assign(n, pad);
    struct Spanning {
        std::size_t first, span;
        Extent e;
    };
    std::vector<Spanning> spanning;
    PieceCache cache;
    auto add = [&](const md::Spans& spans, bool bold, std::size_t first, std::size_t span, std::vector<double>& pref) {
        const Extent e = measure(spans, bold, span > 1 ? 0 : d.min[first] - pad, fonts, st, cache);
        pref.push_back(e.max);
        if (span > 1) {
            spanning.push_back({first, span, e});
            return;
        }
        d.min[first] = std::max(d.min[first], e.min + pad);
        d.word_min[first] = std::max(d.word_min[first], e.word + pad);
        d.max[first] = std::max(d.max[first], e.max + pad);
    };
    d.header_max.resize(t.header.size());
    for (std::size_t l = 0; l < t.header.size(); ++l) {
        for (const auto& c : t.header[l]) {
            if (c.first < n) add(c.spans, true, c.first, std::clamp<std::size_t>(c.span, 1, n - c.first), d.header_max[l]);
        }
    }
    d.body_max.resize(t.rows.size());
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        const bool total = r < t.total_row.size() && t.total_row[r];
        if (group[r]) {
            add(row[group_cell(row)].spans, true, 0, n, d.body_max[r]);
            continue;
        }
        for (std::size_t i = 0; i < row.size() && i < n; ++i) add(row[i].spans, total || row[i].bold, i, 1, d.body_max[r]);
    }
    std::stable_sort(spanning.begin(), spanning.end(), [](const Spanning& a, const Spanning& b) { return a.span < b.span; });
    for (const auto& s : spanning) {
        spread(d.min, s.first, s.span, s.e.min + pad);
        spread(d.word_min, s.first, s.span, s.e.word + pad);
        spread(d.max, s.first, s.span, s.e.max + pad);
    }
    return d;
}

// Sets every cell once, at its final width; collects overfull lines.
struct Setter {
    const FontSet& fonts;
    const TableStyle& style;
    bool overfull = false;

    // A cell placed at `x` with `width`; its height is the content's (lines and padding) until
    // the row settles; baselines are measured from the cell's top.
    PlacedCell set(const md::Spans& spans, bool bold, md::Align align, double x, double width, double preferred) {
        PlacedCell cell;
        cell.x = x;
        cell.width = width;
        md::Spans bolded;
        if (bold) {
            bolded = spans;
            for (auto& s : bolded) s.bold = true;
        }
        ParagraphStyle ps;
        ps.size = style.size;
        ps.measure = std::max(width - 2 * style.pad_x, 0.0);
        ps.justify = false;
        ps.hyphenator = preferred + kSlack <= ps.measure ? nullptr : style.hyphenator;
        cell.lines = set_paragraph(bold ? bolded : spans, fonts, ps);
        const double lead = style.size * style.leading;
        const double first = style.pad_y + fonts.get(Face::regular).ascender() * style.size;
        for (std::size_t i = 0; i < cell.lines.size(); ++i) {
            PlacedLine& line = cell.lines[i];
            overfull = overfull || line.overfull;
            const double room = std::max(ps.measure - line.width, 0.0);
            const double shift = align == md::Align::right ? room : align == md::Align::center ? room / 2 : 0;
            for (auto& run : line.runs) run.x += style.pad_x + shift;
            cell.baselines.push_back(first + static_cast<double>(i) * lead);
        }
        // An empty cell still has the height of one line, so that an empty row stays a row.
        cell.height = static_cast<double>(std::max<std::size_t>(cell.lines.size(), 1)) * lead + 2 * style.pad_y;
        return cell;
    }
};

// The header levels: bold, centred cells; a cell covering several levels grows the last of them
// when it is taller than they are; then every cell is centred vertically in its area.
std::vector<PlacedRow> header_rows(const md::Table& t, std::size_t n, const std::vector<double>& colx, const Demands& d,
                                   Setter& setter) {
    const std::size_t levels = t.header.size();
    std::vector<PlacedRow> rows(levels);
    for (std::size_t l = 0; l < levels; ++l) {
        rows[l].header = true;
        for (const auto& hc : t.header[l]) {
            if (hc.first >= n) continue;
            const std::size_t span = std::clamp<std::size_t>(hc.span, 1, n - hc.first);
            const double x = colx[hc.first], preferred = d.header_max[l][rows[l].cells.size()];
            PlacedCell cell = setter.set(hc.spans, true, md::Align::center, x, colx[hc.first + span] - x, preferred);
            cell.first_column = hc.first;
            cell.columns = span;
            cell.rows = std::clamp<std::size_t>(hc.rows, 1, levels - l);
            if (cell.rows == 1) rows[l].height = std::max(rows[l].height, cell.height);
            rows[l].cells.push_back(std::move(cell));
        }
    }
    auto covered = [&](std::size_t l, std::size_t k) {
        double h = 0;
        for (std::size_t i = l; i < l + k; ++i) h += rows[i].height;
        return h;
    };
    for (std::size_t l = 0; l < levels; ++l) {
        for (const auto& cell : rows[l].cells) {
            const double have = covered(l, cell.rows);
            if (cell.height > have) rows[l + cell.rows - 1].height += cell.height - have;
        }
    }
    for (std::size_t l = 0; l < levels; ++l) {
        for (auto& cell : rows[l].cells) {
            const double area = covered(l, cell.rows);
            for (auto& b : cell.baselines) b += (area - cell.height) / 2;
            cell.height = area;
        }
    }
    return rows;
}

PlacedRow body_row(const md::Table& t, std::size_t r, bool group, std::size_t n, const std::vector<double>& colx,
                   const std::vector<double>& preferred, Setter& setter) {
    const auto& src = t.rows[r];
    PlacedRow row;
    row.group = group;
    row.total = !group && r < t.total_row.size() && t.total_row[r];
    if (group) {
        PlacedCell cell = setter.set(src[group_cell(src)].spans, true, md::Align::left, 0, colx[n], preferred[0]);
        cell.columns = n;
        row.cells.push_back(std::move(cell));
    } else {
        static const md::Spans kEmpty;
        for (std::size_t i = 0; i < n; ++i) {
            const md::TableCell* c = i < src.size() ? &src[i] : nullptr;
            const md::Align align = i < t.align.size() ? t.align[i] : md::Align::none;
            const double pref = i < preferred.size() ? preferred[i] : 0;
            PlacedCell cell = setter.set(c ? c->spans : kEmpty, row.total || (c && c->bold), align, colx[i], colx[i + 1] - colx[i], pref);
            cell.first_column = i;
            row.cells.push_back(std::move(cell));
        }
    }
    for (const auto& cell : row.cells) row.height = std::max(row.height, cell.height);
    for (auto& cell : row.cells) cell.height = row.height;
    return row;
}

std::vector<double> prefix(const std::vector<double>& widths) {
    std::vector<double> x(widths.size() + 1, 0.0);
    for (std::size_t i = 0; i < widths.size(); ++i) x[i + 1] = x[i] + widths[i];
    return x;
}

}  // namespace

PlacedTable layout_table(const md::Table& table, const FontSet& fonts, const TableStyle& style) {
    PlacedTable out;
    out.size = style.size;
    const std::size_t n = column_count(table);
    if (n == 0) return out;
    const std::vector<bool> group = group_rows(table, n);
    const Demands d = column_demands(table, group, fonts, style, n);
    // `fits` answers for the true minimums; the layout lets no column claim more than the
    // measure, so one overlong string is set overfull rather than pushing the table off the page.
    // Words are hyphenated only when the table cannot give every column its widest whole word
    // ("Satuan" stays whole in a narrow unit column when the text columns can give way).
    double sum_min = 0, sum_words = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sum_min += d.min[i];
        sum_words += std::min(d.word_min[i], style.max_width);
    }
    out.hyphenated = sum_words > style.max_width;
    const std::vector<double>& minimums = out.hyphenated ? d.min : d.word_min;
    std::vector<double> capped(n);
    for (std::size_t i = 0; i < n; ++i) capped[i] = std::min(minimums[i], style.max_width);
    const ColumnWidths cw = solve_column_widths(capped, d.max, style.max_width);
    out.fits = cw.fits && sum_min <= style.max_width;
    out.column_widths = cw.widths;
    const std::vector<double> colx = prefix(out.column_widths);
    out.width = colx[n];
    Setter setter{fonts, style};
    out.header = header_rows(table, n, colx, d, setter);
    out.body.reserve(table.rows.size());
    for (std::size_t r = 0; r < table.rows.size(); ++r) out.body.push_back(body_row(table, r, group[r], n, colx, d.body_max[r], setter));
    out.overfull = setter.overfull;
    return out;
}

namespace {

using Interval = std::pair<std::size_t, std::size_t>;  // [begin, end) of column or row indices

// Joins touching intervals so that a rule is one line, not a segment per cell.
std::vector<Interval> merged(std::vector<Interval> v) {
    std::sort(v.begin(), v.end());
    std::vector<Interval> out;
    for (const auto& iv : v) {
        if (!out.empty() && iv.first <= out.back().second) out.back().second = std::max(out.back().second, iv.second);
        else out.push_back(iv);
    }
    return out;
}

// The rows of one slice and their edges, measured down from the slice's top.
struct Slice {
    std::vector<const PlacedRow*> rows;
    std::vector<double> edge;  // edge[k]: top of row k; edge[rows.size()]: the bottom
};

// The grid of a slice: each cell's right and bottom edges (a spanning cell has none inside),
// merged, plus the frame; the rule under a row is heavier when a total row follows it.
void draw_grid(const Slice& s, const std::vector<double>& colx, double x, double top, const TableStyle& st, page::Page& page) {
    const std::size_t n = colx.size() - 1, count = s.rows.size();
    std::vector<std::vector<Interval>> below(count), right(n + 1);
    for (std::size_t k = 0; k < count; ++k) {
        for (const auto& c : s.rows[k]->cells) {
            const std::size_t last = std::min(k + c.rows, count) - 1;
            const std::size_t end = std::min(c.first_column + c.columns, n);
            if (last + 1 < count) below[last].emplace_back(c.first_column, end);
            if (end < n) right[end].emplace_back(k, last + 1);
        }
    }
    for (std::size_t k = 0; k + 1 < count; ++k) {
        const double w = s.rows[k + 1]->total ? st.total_rule_width : st.rule_width;
        const double y = top - s.edge[k + 1];
        for (const auto& [a, b] : merged(below[k])) page.rules.push_back({x + colx[a], y, x + colx[b], y, w, {}});
    }
    for (std::size_t j = 1; j < n; ++j) {
        for (const auto& [a, b] : merged(right[j])) page.rules.push_back({x + colx[j], top - s.edge[a], x + colx[j], top - s.edge[b], st.rule_width, {}});
    }
    // The frame; its horizontal sides reach over the corners so that they close squarely.
    const double half = st.rule_width / 2, bottom = top - s.edge.back(), left = x, rgt = x + colx[n];
    page.rules.push_back({left - half, top, rgt + half, top, st.rule_width, {}});
    page.rules.push_back({left - half, bottom, rgt + half, bottom, st.rule_width, {}});
    page.rules.push_back({left, top, left, bottom, st.rule_width, {}});
    page.rules.push_back({rgt, top, rgt, bottom, st.rule_width, {}});
}

}  // namespace

double draw_table_slice(const PlacedTable& table, std::size_t first, std::size_t last, double x, double top,
                        const TableStyle& style, const FaceIds& faces, page::Page& page) {
    Slice s;
    last = std::min(last, table.body.size());
    for (const auto& row : table.header) s.rows.push_back(&row);
    for (std::size_t r = first; r < last; ++r) s.rows.push_back(&table.body[r]);
    s.edge.push_back(0);
    for (const auto* row : s.rows) s.edge.push_back(s.edge.back() + row->height);
    if (s.rows.empty() || table.column_widths.empty()) return 0;
    const double header = s.edge[table.header.size()];
    if (header > 0) page.boxes.push_back({x, top - header, table.width, header, style.header_fill, std::nullopt, style.rule_width});
    for (std::size_t k = 0; k < s.rows.size(); ++k) {
        for (const auto& cell : s.rows[k]->cells) {
            for (std::size_t i = 0; i < cell.lines.size(); ++i) {
                const double y = top - (s.edge[k] + cell.baselines[i]);
                for (const auto& run : cell.lines[i].runs) {
                    page.text.push_back({x + cell.x + run.x, y, faces.ids[static_cast<int>(run.face)], table.size, run.text, {}});
                }
            }
        }
    }
    draw_grid(s, prefix(table.column_widths), x, top, style, page);
    return s.edge.back();
}

}  // namespace lkjip::layout
