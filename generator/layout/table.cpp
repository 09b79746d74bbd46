#include "layout/table.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "common/utf8.hpp"
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

// The width the paragraph setter gives the text: shaped (kerned) when the face has every glyph,
// else each character in the face that has it, as set_paragraph falls back (layout/shaping.hpp).
double text_width(std::string_view text, Face face, const FontSet& fonts, double size) {
    const FontMetrics& f = fonts.get(face);
    const FontMetrics* fallback = fonts.faces[static_cast<int>(Face::fallback)];
    bool whole = true;
    for (std::size_t i = 0; whole && i < text.size();) whole = f.has_glyph(utf8::next(text, i));
    if (whole || !fallback) return f.width(text, size);
    double w = 0;
    for (char32_t c : utf8::decode(text)) w += (f.has_glyph(c) ? f : *fallback).advance(c);
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

// `words`, when given, receives each word's width and kHardBreak for a hard break (the width
// search's line estimate, columns.hpp).
Extent measure(const md::Spans& spans, bool bold, double floor, const FontSet& fonts, const TableStyle& st, PieceCache& cache,
               std::vector<double>* words = nullptr) {
    Extent e;
    const double space = fonts.get(Face::regular).width(" ", st.size);
    WordParts word;
    double line = 0;
    bool after_word = false;
    auto end_word = [&] {
        if (word.empty()) return;
        const auto [w, piece] = word_extent(word, bold, floor, fonts, st, cache);
        line += w;
        if (words) words->push_back(w);
        e.min = std::max(e.min, piece);
        e.word = std::max(e.word, w);
        word.clear();
        after_word = true;
    };
    for (const auto& s : spans) {
        if (s.line_break) {
            end_word();
            if (words) words->push_back(kHardBreak);
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

// A figure as report tables print them: one token of digits with id-ID separators, a sign, a
// percent sign or brackets ("1.234.567", "85,60", "-12,5%", "(2023)"), or two ("Rp 1.234", "100
// (2023)"), or a dash for a missing value. Codes ("2.17.03.2.01.0001") are figures too: they never
// wrap either.
bool figure_like(std::string_view text) {
    std::size_t tokens = 0;
    bool digit = false, dash_only = true;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t sp = text.find(' ', at);
        const std::string_view tok = text.substr(at, sp == std::string_view::npos ? std::string_view::npos : sp - at);
        if (!tok.empty()) {
            ++tokens;
            const bool numeric = std::all_of(tok.begin(), tok.end(), [](char c) {
                return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '%' || c == '-' || c == '+' || c == '(' || c == ')' ||
                       c == '/';
            });
            const bool has_digit = std::any_of(tok.begin(), tok.end(), [](char c) { return c >= '0' && c <= '9'; });
            digit = digit || (numeric && has_digit);
            dash_only = dash_only && (tok == "-" || tok == "\xE2\x80\x93" || tok == "\xE2\x80\x94");
        }
        if (sp == std::string_view::npos) break;
        at = sp + 1;
    }
    return tokens == 0 || (tokens <= 2 && digit) || (tokens == 1 && dash_only);
}

// A number that lines up on its decimal comma in a right-aligned column: one token, digits with
// thousands dots, an optional ",decimals", an optional sign and percent sign. Returns the position
// of what hangs right of the alignment point (the comma, else the percent sign, else the end).
std::optional<std::size_t> decimal_point(std::string_view t) {
    std::size_t i = 0;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    const std::size_t digits = i;
    while (i < t.size() && ((t[i] >= '0' && t[i] <= '9') || t[i] == '.')) ++i;
    if (i == digits || t[digits] == '.') return std::nullopt;
    const std::size_t point = i;
    if (i < t.size() && t[i] == ',') {
        ++i;
        const std::size_t frac = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
        if (i == frac) return std::nullopt;
    }
    if (i < t.size() && t[i] == '%') ++i;
    if (i != t.size()) return std::nullopt;
    return point;
}

// The text of a cell when it is one run of one style (the figures templates write), else "".
std::string_view single_run(const md::TableCell& c) {
    if (c.spans.size() != 1 || c.spans[0].line_break) return {};
    return c.spans[0].text;
}

struct Demands {
    std::vector<double> min, max;
    std::vector<double> word_min;  // minimums without hyphenation
    // Each cell's one-line (preferred) inner width, header cells by level then body rows (a group
    // row has one): a cell that fits on one line is set without hyphenation (it changes nothing).
    std::vector<std::vector<double>> header_max, body_max;
    std::vector<bool> figures;        // the column holds figures (figure_like) only
    std::vector<double> body_line;    // per column, its widest body cell on one line, padding included
    std::vector<double> tail;         // per right-aligned column, the widest part right of a decimal comma
    std::vector<std::vector<std::vector<double>>> words;  // [column][header levels, then body rows]
};

// Width of what hangs right of a right-aligned number's decimal point, or -1 for a cell that is
// not such a number.
double tail_width(const md::TableCell& c, bool bold, const FontSet& fonts, const TableStyle& st) {
    const std::string_view t = single_run(c);
    const auto point = decimal_point(t);
    if (!point || c.spans[0].code) return -1;
    return text_width(t.substr(*point), face_of(c.spans[0], bold || c.bold), fonts, st.size);
}

bool continues(const md::Table& t, const std::vector<bool>& group, std::size_t r, std::size_t i) {
    return r > 0 && i < t.rows[r].size() && t.rows[r][i].continued && !group[r] && !group[r - 1];
}

// Per-column minimum and preferred widths, padding included: single-column cells first, then
// spanning cells (multi-level headers, group rows) narrowest first, each widening its columns.
Demands column_demands(const md::Table& t, const std::vector<bool>& group, const FontSet& fonts, const TableStyle& st,
                       std::size_t n) {
    const double pad = 2 * st.pad_x + kSlack;
    Demands d;
    d.min.assign(n, pad);
    d.max.assign(n, pad);
    d.word_min.assign(n, pad);
    d.figures.assign(n, true);
    d.body_line.assign(n, pad);
    d.tail.assign(n, 0);
    d.words.assign(n, std::vector<std::vector<double>>(t.header.size() + t.rows.size()));
    struct Spanning {
        std::size_t first, span;
        Extent e;
    };
    std::vector<Spanning> spanning;
    PieceCache cache;
    // `row`: the row of the estimate (header levels, then body rows); `extra`: what the cell needs
    // beside its text (an indent, the room a decimal alignment leaves right of a whole number).
    auto add = [&](const md::Spans& spans, bool bold, std::size_t first, std::size_t span, std::vector<double>& pref,
                   std::size_t row, double extra, bool estimate = true) {
        std::vector<double>* words = span == 1 && estimate ? &d.words[first][row] : nullptr;
        Extent e = measure(spans, bold, span > 1 ? 0 : d.min[first] - pad - extra, fonts, st, cache, words);
        e.min += extra;
        e.max += extra;
        e.word += extra;
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
            if (c.first >= n) continue;
            const std::size_t span = std::clamp<std::size_t>(c.span, 1, n - c.first);
            // A header cell covering several levels is not weighed in the height estimate (its
            // levels share its lines).
            add(c.spans, true, c.first, span, d.header_max[l], l, 0, c.rows <= 1);
        }
    }
    // Decimal alignment: per right-aligned column, the widest part right of a comma.
    std::vector<std::vector<double>> tails(t.rows.size());
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        if (group[r]) continue;
        const bool total = r < t.total_row.size() && t.total_row[r];
        for (std::size_t i = 0; i < t.rows[r].size() && i < n; ++i) {
            const bool right = i < t.align.size() && t.align[i] == md::Align::right;
            tails[r].push_back(right ? tail_width(t.rows[r][i], total, fonts, st) : -1);
            d.tail[i] = std::max(d.tail[i], tails[r].back());
        }
    }
    d.body_max.resize(t.rows.size());
    const std::size_t h = t.header.size();
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        const bool total = r < t.total_row.size() && t.total_row[r];
        if (group[r]) {
            add(row[group_cell(row)].spans, true, 0, n, d.body_max[r], h + r, 0);
            continue;
        }
        for (std::size_t i = 0; i < row.size() && i < n; ++i) {
            static const md::Spans kEmpty;
            const bool cont = continues(t, group, r, i);
            // A whole number beside decimals (different indicators of one column: "265.251.567.556"
            // rupiah over "11,00" %) ends at the commas only where the column has the room: its
            // alignment never widens the column (the short wide table upright at 7 pt, issue 17).
            const double extra = row[i].indent * st.size + (tails[r][i] > 0 ? d.tail[i] - tails[r][i] : 0);
            add(cont ? kEmpty : row[i].spans, total || row[i].bold, i, 1, d.body_max[r], h + r, extra);
            if (!cont) {
                d.body_line[i] = std::max(d.body_line[i], d.body_max[r].back() + pad);
                if (!figure_like(md::plain_text(row[i].spans))) d.figures[i] = false;
            }
        }
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
    bool hyphenate = false;  // only when whole words do not fit (PlacedTable::hyphenated)
    bool overfull = false;

    // A cell placed at `x` with `width`; its height is the content's (lines and padding) until
    // the row settles; baselines are measured from the cell's top. `indent` moves every line right;
    // `hang` is the room kept right of a right-aligned line (decimal alignment).
    PlacedCell set(const md::Spans& spans, bool bold, md::Align align, double x, double width, double preferred,
                   double indent = 0, double hang = 0) {
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
        ps.measure = std::max(width - 2 * style.pad_x - indent, 0.0);
        ps.justify = false;
        ps.hyphenator = !hyphenate || preferred + kSlack <= ps.measure + indent ? nullptr : style.hyphenator;
        cell.lines = set_paragraph(bold ? bolded : spans, fonts, ps);
        const double lead = style.size * style.leading;
        const double first = style.pad_y + fonts.get(Face::regular).ascender() * style.size;
        for (std::size_t i = 0; i < cell.lines.size(); ++i) {
            PlacedLine& line = cell.lines[i];
            overfull = overfull || line.overfull;
            // A ragged line's width includes the stretch that fills it: centring and right
            // alignment use where its last run ends.
            double natural = 0;
            for (const auto& run : line.runs) natural = std::max(natural, run.x + text_width(run.text, run.face, fonts, style.size));
            const double room = std::max(ps.measure - (line.runs.empty() ? line.width : natural), 0.0);
            const double shift = align == md::Align::right ? std::max(room - hang, 0.0) : align == md::Align::center ? room / 2 : 0;
            for (auto& run : line.runs) run.x += style.pad_x + indent + shift;
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

PlacedRow body_row(const md::Table& t, std::size_t r, const std::vector<bool>& group, std::size_t n, const std::vector<double>& colx,
                   const std::vector<double>& preferred, const Demands& d, Setter& setter) {
    const auto& src = t.rows[r];
    PlacedRow row;
    row.group = group[r];
    row.total = !row.group && r < t.total_row.size() && t.total_row[r];
    if (row.group) {
        PlacedCell cell = setter.set(src[group_cell(src)].spans, true, md::Align::left, 0, colx[n], preferred[0]);
        cell.columns = n;
        row.cells.push_back(std::move(cell));
    } else {
        static const md::Spans kEmpty;
        for (std::size_t i = 0; i < n; ++i) {
            const md::TableCell* c = i < src.size() ? &src[i] : nullptr;
            const md::Align align = i < t.align.size() ? t.align[i] : md::Align::none;
            const double pref = i < preferred.size() ? preferred[i] : 0;
            const bool cont = continues(t, group, r, i);
            const bool bold = row.total || (c && c->bold);
            double hang = 0;
            if (c && !cont && align == md::Align::right) {
                const double own = tail_width(*c, bold, setter.fonts, setter.style);
                if (own >= 0) hang = d.tail[i] - own;
            }
            const double indent = c && !cont ? c->indent * setter.style.size : 0;
            PlacedCell cell = setter.set(c && !cont ? c->spans : kEmpty, bold, align, colx[i], colx[i + 1] - colx[i], pref, indent, hang);
            cell.first_column = i;
            cell.continued = cont;
            row.cells.push_back(std::move(cell));
        }
    }
    return row;
}

// Row heights: each row as tall as its tallest cell, except that the head of a row span only needs
// its rows together to hold it (the last of them grows when they do not); then no rule under a cell
// that the next row continues, and rows kept together while a span's text runs on.
void settle_rows(std::vector<PlacedRow>& rows, std::size_t n) {
    const auto head_of_span = [&](std::size_t r, std::size_t i) {
        return !rows[r].group && r + 1 < rows.size() && !rows[r + 1].group && i < rows[r + 1].cells.size() &&
               rows[r + 1].cells[i].continued;
    };
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t i = 0; i < rows[r].cells.size(); ++i) {
            if (!head_of_span(r, i)) rows[r].height = std::max(rows[r].height, rows[r].cells[i].height);
        }
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (rows[r].group) continue;
        for (std::size_t i = 0; i < n && i < rows[r].cells.size(); ++i) {
            if (rows[r].cells[i].continued || !head_of_span(r, i)) continue;
            const double need = rows[r].cells[i].height;
            std::size_t last = r;
            double have = rows[r].height;
            while (head_of_span(last, i)) {
                rows[last].cells[i].joins_below = true;
                if (have < need - 1e-9) rows[last].keep_with_next = true;
                ++last;
                have += rows[last].height;
            }
            if (have < need) rows[last].height += need - have;
        }
    }
    for (auto& row : rows) {
        for (auto& cell : row.cells) cell.height = row.height;
    }
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
    // A column of figures is never narrower than its widest figure: figures never wrap.
    std::vector<double> hyphen_min(n), word_min(n);
    for (std::size_t i = 0; i < n; ++i) {
        hyphen_min[i] = d.figures[i] ? std::max(d.min[i], d.body_line[i]) : d.min[i];
        word_min[i] = d.figures[i] ? std::max(d.word_min[i], d.body_line[i]) : d.word_min[i];
    }
    // `fits` answers for the true minimums; the layout lets no column claim more than the
    // measure, so one overlong string is set overfull rather than pushing the table off the page.
    // Words are hyphenated only when the table cannot give every column its widest whole word
    // ("Satuan" stays whole in a narrow unit column when the text columns can give way).
    double sum_min = 0, sum_words = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sum_min += hyphen_min[i];
        sum_words += std::min(word_min[i], style.max_width);
    }
    out.hyphenated = sum_words > style.max_width;
    const std::vector<double>& minimums = out.hyphenated ? hyphen_min : word_min;
    std::vector<ColumnNeed> needs(n);
    const double space = fonts.get(Face::regular).width(" ", style.size);
    for (std::size_t i = 0; i < n; ++i) {
        needs[i].min = std::min(minimums[i], style.max_width);
        needs[i].max = std::min(d.max[i], style.max_width);
        needs[i].figures = d.figures[i];
        needs[i].pad = 2 * style.pad_x + kSlack;
        needs[i].space = space;
        needs[i].rows = d.words[i];
    }
    const ColumnWidths cw = solve_reading_widths(needs, style.max_width);
    out.fits = cw.fits && sum_min <= style.max_width;
    out.column_widths = cw.widths;
    const std::vector<double> colx = prefix(out.column_widths);
    out.width = colx[n];
    Setter setter{fonts, style, out.hyphenated};
    out.header = header_rows(table, n, colx, d, setter);
    out.body.reserve(table.rows.size());
    for (std::size_t r = 0; r < table.rows.size(); ++r) out.body.push_back(body_row(table, r, group, n, colx, d.body_max[r], d, setter));
    settle_rows(out.body, n);
    out.overfull = setter.overfull;
    return out;
}

std::vector<std::vector<std::size_t>> split_columns(const md::Table& table, const FontSet& fonts, const TableStyle& style) {
    const std::size_t n = column_count(table);
    std::vector<std::size_t> all(n);
    for (std::size_t i = 0; i < n; ++i) all[i] = i;
    if (n < 2) return {all};
    const std::vector<bool> group = group_rows(table, n);
    const Demands d = column_demands(table, group, fonts, style, n);
    std::vector<double> min(n);
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        min[i] = d.figures[i] ? std::max(d.min[i], d.body_line[i]) : d.min[i];
        sum += min[i];
    }
    if (sum <= style.max_width) return {all};
    // Key columns: what a reader needs on every part to know the row (No, Uraian).
    constexpr std::size_t kMaxKeyColumns = 3;
    std::vector<std::size_t> keys;
    double key_width = 0;
    for (std::size_t i = 0; i < n && keys.size() < kMaxKeyColumns; ++i) {
        if (key_width + min[i] > style.max_width / 3) break;
        keys.push_back(i);
        key_width += min[i];
        if (!d.figures[i]) break;
    }
    if (keys.size() == n) keys.clear();
    std::vector<std::vector<std::size_t>> parts;
    std::vector<std::size_t> part = keys;
    double width = key_width;
    for (std::size_t i = keys.size(); i < n; ++i) {
        if (part.size() > keys.size() && width + min[i] > style.max_width) {
            parts.push_back(std::move(part));
            part = keys;
            width = key_width;
        }
        part.push_back(i);
        width += min[i];
    }
    if (part.size() > keys.size()) parts.push_back(std::move(part));
    return parts;
}

md::Table table_columns(const md::Table& table, const std::vector<std::size_t>& columns) {
    md::Table out;
    std::vector<std::size_t> index(column_count(table) + 1, SIZE_MAX);  // old column -> new
    for (std::size_t k = 0; k < columns.size(); ++k) {
        if (columns[k] < index.size()) index[columns[k]] = k;
        out.align.push_back(columns[k] < table.align.size() ? table.align[columns[k]] : md::Align::none);
    }
    for (const auto& level : table.header) {
        std::vector<md::HeaderCell> cells;
        for (const auto& hc : level) {
            std::size_t first = SIZE_MAX, count = 0;
            for (std::size_t c = hc.first; c < hc.first + std::max<std::size_t>(hc.span, 1) && c < index.size(); ++c) {
                if (index[c] == SIZE_MAX) continue;
                first = std::min(first, index[c]);
                ++count;
            }
            if (count == 0) continue;
            md::HeaderCell cell = hc;
            cell.first = first;
            cell.span = count;
            cells.push_back(std::move(cell));
        }
        out.header.push_back(std::move(cells));
    }
    for (const auto& row : table.rows) {
        std::vector<md::TableCell> cells;
        for (std::size_t c : columns) cells.push_back(c < row.size() ? row[c] : md::TableCell{});
        out.rows.push_back(std::move(cells));
    }
    out.total_row = table.total_row;
    out.source = table.source;
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
            if (last + 1 < count && !c.joins_below) below[last].emplace_back(c.first_column, end);
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
                        const TableStyle& style, const FaceIds& faces, page::Page& page, const FontSet* fonts) {
    Slice s;
    last = std::min(last, table.body.size());
    for (const auto& row : table.header) s.rows.push_back(&row);
    for (std::size_t r = first; r < last; ++r) s.rows.push_back(&table.body[r]);
    s.edge.push_back(0);
    for (const auto* row : s.rows) s.edge.push_back(s.edge.back() + row->height);
    if (s.rows.empty() || table.column_widths.empty()) return 0;
    const double header = s.edge[table.header.size()];
    if (header > 0) page.boxes.push_back({x, top - header, table.width, header, style.header_fill, std::nullopt, style.rule_width});
    const std::size_t heads = table.header.size();
    const double lead = table.size * style.leading;
    for (std::size_t k = 0; k < s.rows.size(); ++k) {
        const PlacedRow& row = *s.rows[k];
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const PlacedCell* cell = &row.cells[c];
            const bool spans = cell->continued || cell->joins_below;
            // A row span's text is drawn at its head, or again at the top of a slice that starts
            // inside it; it may use the rows of the span that are in this slice.
            if (cell->continued) {
                if (k != heads || first == 0) continue;
                std::size_t h = first;
                while (h > 0 && c < table.body[h].cells.size() && table.body[h].cells[c].continued) --h;
                if (c >= table.body[h].cells.size()) continue;
                cell = &table.body[h].cells[c];
            }
            double room = s.edge[k + 1] - s.edge[k];
            for (std::size_t j = k; j + 1 < s.rows.size() && c < s.rows[j]->cells.size() && s.rows[j]->cells[c].joins_below; ++j) {
                room = s.edge[j + 2] - s.edge[k];
            }
            for (std::size_t i = 0; i < cell->lines.size(); ++i) {
                // A line that would cross the span's last rule in this slice is left to the slice
                // that repeats it (the rows are kept together until the text is complete).
                if (spans && i > 0 && style.pad_y + static_cast<double>(i + 1) * lead > room - style.pad_y + 0.5) break;
                const double y = top - (s.edge[k] + cell->baselines[i]);
                for (const auto& run : cell->lines[i].runs) {
                    page.text.push_back({x + cell->x + run.x, y, faces.ids[static_cast<int>(run.face)], table.size, run.text, {}});
                    // A fragment (`#usage`) names a place in an HTML page: no annotation (marks.cpp).
                    if (fonts == nullptr || run.link.empty() || run.link.front() == '#') continue;
                    const FontMetrics& m = fonts->get(Face::regular);
                    page::Link l;
                    l.x = x + cell->x + run.x;
                    l.y = y + m.descender() * table.size;
                    l.w = fonts->get(run.face).width(run.text, table.size);
                    l.h = (m.ascender() - m.descender()) * table.size;
                    l.uri = pdf_uri(run.link);
                    page.links.push_back(std::move(l));
                }
            }
        }
    }
    draw_grid(s, prefix(table.column_widths), x, top, style, page);
    return s.edge.back();
}

}  // namespace lkjip::layout
