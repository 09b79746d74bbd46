// Charts: numbers (nice ticks, id-ID formats), the chart's data read from its table, and the
// canvas the chart types draw on (chart_bars.cpp, chart_lines.cpp, chart_org.cpp).
#include "layout/chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "common/utf8.hpp"
#include "layout/chart_canvas.hpp"

namespace lkjip::layout::chart {

// ---- Numbers -----------------------------------------------------------------------------

double nice_number(double x, bool round) {
    if (!(x > 0) || !std::isfinite(x)) return 1;
    const double e = std::floor(std::log10(x));
    const double p = std::pow(10.0, e);
    const double f = x / p;  // 1 <= f < 10
    double nice = 10;
    if (round) nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    else nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return nice * p;
}

namespace {

Ticks ticks_with(double lo, double hi, int wanted) {
    Ticks t;
    const double range = nice_number(hi - lo, false);
    t.step = nice_number(range / std::max(1, wanted - 1), true);
    t.lo = std::floor(lo / t.step + 1e-9) * t.step;
    t.hi = std::ceil(hi / t.step - 1e-9) * t.step;
    if (t.hi <= t.lo) t.hi = t.lo + t.step;
    t.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(t.step) + 1e-9)));
    const auto n = static_cast<int>(std::llround((t.hi - t.lo) / t.step));
    for (int i = 0; i <= n; ++i) {
        double v = t.lo + i * t.step;
        if (std::fabs(v) < t.step * 1e-9) v = 0;
        t.values.push_back(v);
    }
    return t;
}

}  // namespace

Ticks nice_ticks(double lo, double hi, bool from_zero, int wanted) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0, hi = 1;
    if (lo > hi) std::swap(lo, hi);
    if (from_zero) lo = std::min(lo, 0.0), hi = std::max(hi, 0.0);
    if (hi == lo) {  // one value: a range around it
        if (hi == 0) hi = 1;
        else if (from_zero) (hi > 0 ? hi : lo) *= 1.0;
        else lo -= std::fabs(lo) * 0.1, hi += std::fabs(hi) * 0.1;
    }
    // Heckbert's loose labelling, then the count held to 4–7 ticks.
    Ticks t = ticks_with(lo, hi, wanted);
    for (int w = wanted; t.values.size() > 7 && w > 2; --w) t = ticks_with(lo, hi, w - 1);
    for (int w = wanted; t.values.size() < 4 && w < 12; ++w) t = ticks_with(lo, hi, w + 1);
    return t;
}

std::string id_number(double x, int decimals) {
    if (!std::isfinite(x)) return "-";
    decimals = std::clamp(decimals, 0, 6);
    const double scale = std::pow(10.0, decimals);
    double r = std::round(std::fabs(x) * scale);
    const bool negative = x < 0 && r > 0;
    const std::string digits = fmt::format("{:.0f}", r);
    std::string whole = digits.size() > static_cast<std::size_t>(decimals)
                            ? digits.substr(0, digits.size() - static_cast<std::size_t>(decimals))
                            : "0";
    std::string frac = decimals > 0 ? digits.substr(digits.size() > static_cast<std::size_t>(decimals)
                                                        ? digits.size() - static_cast<std::size_t>(decimals)
                                                        : 0)
                                    : "";
    while (frac.size() < static_cast<std::size_t>(decimals)) frac.insert(frac.begin(), '0');
    std::string out;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) out += '.';
        out += whole[i];
    }
    if (!frac.empty()) out += "," + frac;
    return negative ? "-" + out : out;
}

namespace {

struct Unit {
    double div = 1;
    const char* name = "";
};

Unit unit_for(double magnitude) {
    if (magnitude >= 1e12) return {1e12, " T"};
    if (magnitude >= 1e9) return {1e9, " M"};
    if (magnitude >= 1e6) return {1e6, " jt"};
    return {};
}

}  // namespace

std::string id_short(double x, int digits, double largest) {
    if (!std::isfinite(x)) return "-";
    const Unit own = unit_for(std::fabs(x)), floor = unit_for(std::min(std::fabs(largest), 1e6));
    const Unit u = own.div >= floor.div ? own : floor;
    const double v = x / u.div;
    const int whole = std::fabs(v) < 1 ? 1 : static_cast<int>(std::floor(std::log10(std::fabs(v)))) + 1;
    int decimals = std::clamp(digits - whole, 0, 2);
    if (u.div == 1 && std::fabs(v - std::round(v)) < 1e-9) decimals = 0;
    std::string s = id_number(v, decimals);
    if (s.find(',') != std::string::npos) {  // no trailing zeros after the comma
        while (s.back() == '0') s.pop_back();
        if (s.back() == ',') s.pop_back();
    }
    return s + u.name;
}

std::optional<double> parse_id(std::string_view text) {
    std::string digits;
    bool negative = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') digits += c, any = true;
        else if (c == '.') continue;  // thousands
        else if (c == ',') digits += '.';
        else if (c == '-' && !any) negative = true;
        else if (text.substr(i, 3) == "\xE2\x88\x92" && !any) negative = true, i += 2;  // −
    }
    if (!any) return std::nullopt;
    if (std::count(digits.begin(), digits.end(), '.') > 1) return std::nullopt;
    try {
        const double v = std::stod(digits);
        return negative ? -v : v;
    } catch (...) {
        return std::nullopt;
    }
}

// ---- Honest scales ---------------------------------------------------------------------------

namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// The position of the '(' that opens the label's last, closing parentheses; npos without one.
std::size_t unit_open(std::string_view s) {
    s = trimmed(s);
    if (s.empty() || s.back() != ')') return std::string_view::npos;
    int depth = 0;
    for (std::size_t i = s.size(); i-- > 0;) {
        if (s[i] == ')') ++depth;
        else if (s[i] == '(' && --depth == 0) return i;
    }
    return std::string_view::npos;
}

}  // namespace

std::string unit_of(std::string_view label) {
    const std::string_view s = trimmed(label);
    const std::size_t open = unit_open(s);
    if (open == std::string_view::npos || open == 0) return "";  // "(LKjIP)" alone names no unit
    return std::string(trimmed(s.substr(open + 1, s.size() - open - 2)));
}

std::string without_unit(std::string_view label) {
    const std::string_view s = trimmed(label);
    const std::size_t open = unit_open(s);
    if (open == std::string_view::npos || open == 0) return std::string(s);
    return std::string(trimmed(s.substr(0, open)));
}

AxisScale axis_scale(const Ticks& ticks, const std::string& unit) {
    const double top = std::max(std::fabs(ticks.lo), std::fabs(ticks.hi));
    // Words, not "M" or "jt": the caption is read once and must not be mistaken (M for million).
    struct Word {
        double div;
        const char* name;
    };
    static constexpr Word kWords[] = {{1e12, "triliun"}, {1e9, "miliar"}, {1e6, "juta"}};
    AxisScale out;
    const char* word = nullptr;
    for (const auto& w : kWords)
        if (top >= w.div) {
            out.divisor = w.div;
            word = w.name;
            break;
        }
    if (!word) {
        out.caption = unit;
        return out;
    }
    const bool rupiah = unit == "Rp" || unit == "Rupiah" || unit == "rupiah";
    if (rupiah) out.caption = std::string("Rp ") + word;
    else out.caption = unit.empty() ? std::string(word) : std::string(word) + " " + unit;
    return out;
}

std::vector<std::string> tick_labels(const Ticks& t, const AxisScale& scale) {
    const double step = t.step / scale.divisor;
    const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
    std::vector<std::string> out;
    for (double v : t.values) out.push_back(v == 0 ? "0" : id_number(v / scale.divisor, decimals));
    return out;
}

int tick_count(double length, double min_gap) {
    if (!(length > 0) || !(min_gap > 0)) return 3;
    return std::clamp(static_cast<int>(std::floor(length / min_gap)) + 1, 3, 7);
}

double axis_limit(std::vector<double> magnitudes, double min_fraction) {
    std::erase_if(magnitudes, [](double v) { return !(v > 0) || !std::isfinite(v); });
    if (magnitudes.empty()) return 0;
    std::sort(magnitudes.begin(), magnitudes.end());
    const double largest = magnitudes.back();
    if (magnitudes.front() >= min_fraction * largest) return largest;
    // The widest gap among the top quarter (at least the largest value alone).
    const std::size_t n = magnitudes.size(), most_cut = std::max<std::size_t>(1, n / 4);
    std::size_t best = n;
    double best_ratio = 0;
    for (std::size_t i = n - 1; i >= 1 && n - i <= most_cut; --i) {
        const double ratio = magnitudes[i] / magnitudes[i - 1];
        if (ratio > best_ratio) best_ratio = ratio, best = i;
    }
    if (best == n || best_ratio < kBreakRatio) return largest;
    return magnitudes[best - 1];
}

// ---- Data ---------------------------------------------------------------------------------

std::optional<std::string> argument(std::string_view args, std::string_view key) {
    std::size_t i = 0;
    while (i < args.size()) {
        while (i < args.size() && args[i] == ' ') ++i;
        const std::size_t eq = args.find('=', i);
        if (eq == std::string_view::npos) break;
        const std::string_view k = args.substr(i, eq - i);
        std::size_t end;
        std::string value;
        if (eq + 1 < args.size() && args[eq + 1] == '"') {
            end = args.find('"', eq + 2);
            if (end == std::string_view::npos) end = args.size();
            value = std::string(args.substr(eq + 2, end - eq - 2));
            ++end;
        } else {
            end = args.find(' ', eq + 1);
            if (end == std::string_view::npos) end = args.size();
            value = std::string(args.substr(eq + 1, end - eq - 1));
        }
        if (k == key) return value;
        i = end;
    }
    return std::nullopt;
}

namespace {

std::string header_text(const md::Table& table, std::size_t column) {
    std::string out;
    for (const auto& level : table.header) {
        for (const auto& cell : level) {
            if (column < cell.first || column >= cell.first + cell.span) continue;
            const std::string t = md::plain_text(cell.spans);
            if (!t.empty()) out += (out.empty() ? "" : " ") + t;
        }
    }
    return out;
}

std::string cell_text(const md::Table& table, std::size_t row, std::size_t column) {
    const auto& r = table.rows[row];
    return column < r.size() ? md::plain_text(r[column].spans) : "";
}

bool is_missing(const std::string& s) {
    const auto first = s.find_first_not_of(' ');
    return first == std::string::npos || s.substr(first, s.find_last_not_of(' ') - first + 1) == "-";
}

}  // namespace

std::optional<std::vector<Band>> parse_bands(std::string_view text, std::string& error) {
    std::vector<Band> out;
    // `why` is one of the reasons below, said inside the whole message.
    auto fail = [&](const std::string& why) {
        error = _f("bands=\"{}\": {} (items 'bound:label' separated by ';', highest bound first, the last may have no bound)", text, why);
        return std::nullopt;
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(';', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view item = text.substr(start, end - start);
        const std::size_t colon = item.find(':');
        if (colon == std::string_view::npos) return fail(_f("'{}' has no ':'", item));
        Band b;
        const std::string bound(item.substr(0, colon));
        if (bound.find_first_not_of(' ') != std::string::npos) {
            b.from = parse_id(bound);
            if (!b.from) return fail(_f("'{}' is not a number", bound));
        }
        b.label = std::string(item.substr(colon + 1));
        if (!out.empty() && !out.back().from) return fail(_("only the last band may be open below"));
        if (!out.empty() && b.from && !(*b.from < *out.back().from)) return fail(_("the bounds must fall from the first band to the last"));
        out.push_back(std::move(b));
        start = end + 1;
    }
    return out;
}

std::optional<Data> read_data(const std::string& args, const md::Table& table, std::string& error) {
    Data d;
    d.type = argument(args, "type").value_or("");
    d.scale_each = argument(args, "scale").value_or("") == "each";
    if (d.type != "bar" && d.type != "hbar" && d.type != "line" && d.type != "org") {
        error = _f("unknown chart type '{}' (bar, hbar, line or org); the table is printed instead", d.type);
        return std::nullopt;
    }
    if (const auto bands = argument(args, "bands")) {
        if (d.type != "hbar") {
            error = _("bands= is drawn behind horizontal bars only (type=hbar); the table is printed instead");
            return std::nullopt;
        }
        auto parsed = parse_bands(*bands, error);
        if (!parsed) {
            error = _f("{}; the table is printed instead", error);
            return std::nullopt;
        }
        d.bands = std::move(*parsed);
    }
    const std::size_t columns = table.align.size();
    if (columns < 2 || table.rows.empty()) {
        error = _("a chart needs a table of at least two columns and one row; the table is printed instead");
        return std::nullopt;
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        if (r < table.total_row.size() && table.total_row[r]) continue;  // a total dwarfs the parts
        d.categories.push_back(cell_text(table, r, 0));
        if (d.type == "org") d.parents.push_back(cell_text(table, r, 1));
    }
    if (d.type == "org") return d;
    bool any = false;
    for (std::size_t c = 1; c < columns; ++c) {
        std::vector<std::optional<double>> values;
        std::vector<std::string> texts;
        bool numeric = true;
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            if (r < table.total_row.size() && table.total_row[r]) continue;
            const std::string t = cell_text(table, r, c);
            const auto v = is_missing(t) ? std::nullopt : parse_id(t);
            if (!v && !is_missing(t)) numeric = false;
            values.push_back(v);
            texts.push_back(v ? t : "-");
            any = any || v.has_value();
        }
        if (!numeric) continue;  // a text column (Satuan) is not a series
        d.series.push_back(header_text(table, c));
        d.values.push_back(std::move(values));
        d.texts.push_back(std::move(texts));
    }
    if (!any || d.categories.empty()) {
        error = _("the chart's table has no numbers; the table is printed instead");
        return std::nullopt;
    }
    return d;
}

// ---- Drawing ------------------------------------------------------------------------------

bool overlap(const Rect& a, const Rect& b) {
    constexpr double e = 0.01;
    return a.x < b.right() - e && b.x < a.right() - e && a.y < b.bottom() - e && b.y < a.bottom() - e;
}

const Swatch& swatch(std::size_t series) {
    static const Swatch kSwatches[] = {
        {{0.22, 0.33, 0.50}, false, false},  // dark grey-blue
        {{0.80, 0.80, 0.80}, true, true},    // light grey, hatched, outlined
        {{0.52, 0.56, 0.60}, false, false},  // mid grey
        {{1.00, 1.00, 1.00}, true, true},    // white, hatched, outlined
    };
    return kSwatches[series % 4];
}

double Canvas::text_width(const std::string& s, double size, Face face) const {
    return fonts_.set->get(face).width(s, size);
}

double Canvas::ascent(double size) const { return fonts_.set->get(Face::regular).ascender() * size; }

namespace {
constexpr double kLeading = 1.15;
double baseline_in(const FontSet& f, double size) {
    const FontMetrics& m = f.get(Face::regular);
    const double em = (m.ascender() - m.descender()) * size;
    return (size * kLeading - em) / 2 + m.ascender() * size;
}
}  // namespace

Rect Canvas::text(double x, double top, const std::string& s, double size, Face face) {
    const Rect r{x, top, text_width(s, size, face), size * kLeading};
    out_.ops.text.push_back(page::TextRun{x, -(top + baseline_in(*fonts_.set, size)), fonts_.ids.ids[static_cast<int>(face)],
                                          size, s, kInk});
    out_.texts.push_back(r);
    return r;
}

Label Canvas::wrap(const std::string& s, double width, double size, std::size_t max_lines, bool bold) const {
    Label l;
    l.size = size;
    l.lines = set_paragraph({md::Span{s, bold, false, false, "", false}}, *fonts_.set,
                            ParagraphStyle{size, std::max(1.0, width), 0, false, nullptr});
    // Too long: the name is shortened, never its unit (issue 17: "Nilai Modal Usaha UMKM dari
    // Koperasi (Rp triliun)" lost "(Rp triliun)" to the "…").
    const std::string unit = unit_of(s);
    if (l.lines.size() > max_lines && max_lines > 1 && !unit.empty()) {
        const Label u = wrap("(" + unit + ")", width, size, 99, bold);
        if (u.lines.size() < max_lines) {
            Label name = wrap(without_unit(s), width, size, max_lines - u.lines.size(), bold);
            name.lines.insert(name.lines.end(), u.lines.begin(), u.lines.end());
            name.width = std::max(name.width, u.width);
            name.height = static_cast<double>(name.lines.size()) * size * kLeading;
            return name;
        }
    }
    if (l.lines.size() > max_lines && max_lines == 1 && !unit.empty()) {
        // One line (a legend's key): the name shortened before " (unit)", the unit whole.
        const std::string tail = " (" + unit + ")";
        const Face face = bold ? Face::bold : Face::regular;
        const double room = width - text_width(tail, size, face);
        if (room > text_width("\xE2\x80\xA6", size, face) * 3) {
            std::u32string chars = utf8::decode(without_unit(s));
            std::string t;
            while (!chars.empty()) {
                t.clear();
                for (char32_t ch : chars) utf8::append(t, ch);
                if (text_width(t + "\xE2\x80\xA6", size, face) <= room) break;
                chars.pop_back();
            }
            const std::string line = t + "\xE2\x80\xA6" + tail;
            l.lines = {PlacedLine{{PlacedRun{0, line, face, ""}}, text_width(line, size, face), false}};
            l.width = l.lines.front().width;
            l.height = size * kLeading;
            return l;
        }
    }
    if (l.lines.size() > max_lines && max_lines > 0) {
        std::string rest;  // the text of the lines that do not fit, shortened into the last one
        for (std::size_t i = max_lines - 1; i < l.lines.size(); ++i)
            for (const auto& run : l.lines[i].runs) rest += (rest.empty() ? "" : " ") + run.text;
        l.lines.resize(max_lines);
        const Face face = bold ? Face::bold : Face::regular;
        std::u32string chars = utf8::decode(rest);
        std::string t;
        while (!chars.empty()) {
            t.clear();
            for (char32_t c : chars) utf8::append(t, c);
            if (text_width(t + "\xE2\x80\xA6", size, face) <= width) break;
            chars.pop_back();
        }
        l.lines.back() = PlacedLine{{PlacedRun{0, t + "\xE2\x80\xA6", face, ""}}, text_width(t + "\xE2\x80\xA6", size, face), false};
    }
    // The ink's width (a ragged line's width may count the glue after its last word).
    for (auto& line : l.lines) {
        if (!line.runs.empty()) line.width = line.runs.back().x + text_width(line.runs.back().text, size, line.runs.back().face);
        l.width = std::max(l.width, line.width);
    }
    l.height = static_cast<double>(l.lines.size()) * size * kLeading;
    return l;
}

void Canvas::label(const Label& l, double cx, double top, bool left) {
    double y = top;
    for (const auto& line : l.lines) {
        const double x0 = left ? cx : cx - line.width / 2;
        for (const auto& run : line.runs)
            out_.ops.text.push_back(page::TextRun{x0 + run.x, -(y + baseline_in(*fonts_.set, l.size)),
                                                  fonts_.ids.ids[static_cast<int>(run.face)], l.size, run.text, kInk});
        out_.texts.push_back(Rect{x0, y, line.width, l.size * kLeading});
        y += l.size * kLeading;
    }
}

void Canvas::label_right(const Label& l, double right, double top) {
    for (std::size_t i = 0; i < l.lines.size(); ++i) {
        Label one = l;
        one.lines = {l.lines[i]};
        label(one, right - l.lines[i].width, top + static_cast<double>(i) * l.size * kLeading, true);
    }
}

void Canvas::rule(double x1, double y1, double x2, double y2, double width, page::Color c) {
    out_.ops.rules.push_back(page::Rule{x1, -y1, x2, -y2, width, c});
}

void Canvas::rect(const Rect& r, std::optional<page::Color> fill, std::optional<page::Color> stroke, double stroke_width) {
    out_.ops.boxes.push_back(page::Box{r.x, -r.bottom(), r.w, r.h, fill, stroke, stroke_width});
}

namespace {
page::PathOp move(double x, double y) { return page::PathOp{page::PathOp::Kind::move, x, -y, 0, 0, 0, 0}; }
page::PathOp line(double x, double y) { return page::PathOp{page::PathOp::Kind::line, x, -y, 0, 0, 0, 0}; }
page::PathOp close() { return page::PathOp{page::PathOp::Kind::close, 0, 0, 0, 0, 0, 0}; }
}  // namespace

void Canvas::grid_line(double x1, double y1, double x2, double y2) {
    page::Path p;
    p.ops = {move(x1, y1), line(x2, y2)};
    p.stroke = kGrid;
    p.stroke_width = 0.4;
    out_.ops.paths.push_back(std::move(p));
}

void Canvas::polygon(const std::vector<std::pair<double, double>>& pts, page::Color fill) {
    if (pts.size() < 3) return;
    page::Path p;
    for (std::size_t i = 0; i < pts.size(); ++i) p.ops.push_back(i == 0 ? move(pts[i].first, pts[i].second) : line(pts[i].first, pts[i].second));
    p.ops.push_back(close());
    p.fill = fill;
    out_.ops.paths.push_back(std::move(p));
}

void Canvas::bar(const Rect& r, std::size_t series) {
    if (r.w <= 0 || r.h <= 0) return;
    const Swatch& s = swatch(series);
    page::Path p;
    p.ops = {move(r.x, r.y), line(r.right(), r.y), line(r.right(), r.bottom()), line(r.x, r.bottom()), close()};
    p.fill = s.fill;
    if (s.hatch) p.stroke = kInk, p.stroke_width = 0.5;
    out_.ops.paths.push_back(std::move(p));
    if (!s.hatch) return;
    // Hatching: 45° lines every 3 pt, clipped to the bar by hand (the page model has no clip).
    page::Path h;
    h.stroke = page::Color{0.35, 0.35, 0.35};
    h.stroke_width = 0.3;
    constexpr double kStep = 3;
    for (double c = r.x - r.h + kStep / 2; c < r.right(); c += kStep) {
        // Points (c + t, bottom - t) for t in [0, h], kept where x is inside the bar.
        const double t0 = std::max(0.0, r.x - c), t1 = std::min(r.h, r.right() - c);
        if (t1 - t0 < 0.3) continue;
        h.ops.push_back(move(c + t0, r.bottom() - t0));
        h.ops.push_back(line(c + t1, r.bottom() - t1));
    }
    if (!h.ops.empty()) out_.ops.paths.push_back(std::move(h));
}

void Canvas::polyline(const std::vector<std::pair<double, double>>& pts, std::size_t series) {
    if (pts.size() < 2) return;
    page::Path p;
    for (std::size_t i = 0; i < pts.size(); ++i) p.ops.push_back(i == 0 ? move(pts[i].first, pts[i].second) : line(pts[i].first, pts[i].second));
    const Swatch& s = swatch(series);
    p.stroke = series % 4 == 1 || series % 4 == 3 ? kInk : s.fill;
    p.stroke_width = 1.4;
    if (s.dashed) p.dash = {4, 2};
    out_.ops.paths.push_back(std::move(p));
}

void Canvas::marker(double x, double y, std::size_t series) {
    page::Path p;
    const double r = 2.6;
    if (series % 2 == 0) {  // a filled circle (four Bézier quarters)
        const double k = 0.5523 * r;
        auto curve = [&](double x1, double y1, double x2, double y2, double x3, double y3) {
            p.ops.push_back(page::PathOp{page::PathOp::Kind::curve, x1, -y1, x2, -y2, x3, -y3});
        };
        p.ops.push_back(move(x + r, y));
        curve(x + r, y + k, x + k, y + r, x, y + r);
        curve(x - k, y + r, x - r, y + k, x - r, y);
        curve(x - r, y - k, x - k, y - r, x, y - r);
        curve(x + k, y - r, x + r, y - k, x + r, y);
        p.ops.push_back(close());
        p.fill = swatch(series).fill;
        p.stroke = page::Color{1, 1, 1};
        p.stroke_width = 0.6;
    } else {  // an open square
        p.ops = {move(x - r, y - r), line(x + r, y - r), line(x + r, y + r), line(x - r, y + r), close()};
        p.fill = page::Color{1, 1, 1};
        p.stroke = kInk;
        p.stroke_width = 0.8;
    }
    out_.ops.paths.push_back(std::move(p));
}

double Canvas::legend(const std::vector<std::string>& names, double width, double top, bool lines,
                      const std::vector<page::Color>* fills) {
    constexpr double kKey = 14, kGap = 4, kBetween = 14;
    const double size = kLabelSize, h = size * kLeading;
    // Rows of items, each row centred.
    std::vector<std::vector<std::size_t>> rows{{}};
    std::vector<double> row_width{0};
    for (std::size_t i = 0; i < names.size(); ++i) {
        const double w = kKey + kGap + std::min(text_width(names[i], size), width - kKey - kGap);
        if (!rows.back().empty() && row_width.back() + kBetween + w > width) rows.push_back({}), row_width.push_back(0);
        row_width.back() += (rows.back().empty() ? 0 : kBetween) + w;
        rows.back().push_back(i);
    }
    double y = top;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        double x = (width - row_width[r]) / 2;
        for (std::size_t i : rows[r]) {
            if (fills) {
                rect(Rect{x + 2, y + 1.5, kKey - 4, h - 3}, (*fills)[i], kInk, 0.4);
            } else if (lines) {
                polyline({{x, y + h / 2}, {x + kKey, y + h / 2}}, i);
                marker(x + kKey / 2, y + h / 2, i);
            } else {
                bar(Rect{x + 2, y + 1.5, kKey - 4, h - 3}, i);
            }
            const Label l = wrap(names[i], width - kKey - kGap, size, 1);
            label(l, x + kKey + kGap, y, true);
            x += kKey + kGap + l.width + kBetween;
        }
        y += h + 2;
    }
    return y - top;
}

Drawing draw(const Data& data, const Fonts& fonts, double width) {
    if (data.type == "hbar") return draw_hbars(data, fonts, width);
    if (data.type == "line") return draw_lines(data, fonts, width);
    if (data.type == "org") return draw_org(data, fonts, width);
    return draw_bars(data, fonts, width);
}

}  // namespace lkjip::layout::chart
