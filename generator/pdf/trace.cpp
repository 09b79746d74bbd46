// trace(): the page model as text, one line per drawing operation in the order write_pdf draws
// them (like SILE's debug outputter), for golden layout tests. Format: docs/pdf.md.
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "pdf/pdf.hpp"

namespace lkjip::pdf {
namespace {

// 0.1 pt; "-0.0" is printed as "0.0" so that tiny negative noise does not change a golden file.
std::string num(double v) {
    std::string s = fmt::format("{:.1f}", v);
    if (s == "-0.0") s = "0.0";
    return s;
}

std::string color(const page::Color& c) {
    std::string s = "#";
    for (double v : {c.r, c.g, c.b}) {
        if (!std::isfinite(v)) return "#nan";
        s += fmt::format("{:02x}", static_cast<int>(std::lround(std::fmin(1.0, std::fmax(0.0, v)) * 255)));
    }
    return s;
}

std::string color(const std::optional<page::Color>& c) { return c ? color(*c) : "none"; }

std::string quoted(std::string_view text) {
    std::string s = "\"";
    for (char ch : text) {
        if (ch == '"' || ch == '\\') {
            s += '\\';
            s += ch;
        } else if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F) {
            s += fmt::format("\\x{:02x}", static_cast<unsigned char>(ch));
        } else {
            s += ch;
        }
    }
    return s + "\"";
}

// The last component of a path, so that traces do not depend on where the files are.
std::string_view base_name(std::string_view path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view style(page::PageLabelRange::Style s) {
    switch (s) {
        case page::PageLabelRange::Style::none: return "none";
        case page::PageLabelRange::Style::roman_lower: return "roman_lower";
        case page::PageLabelRange::Style::arabic: return "arabic";
    }
    return "?";
}

}  // namespace

std::string trace(const page::Document& doc) {
    std::string out;
    auto line = [&out](const std::string& s) {
        out += s;
        out += '\n';
    };
    for (std::size_t i = 0; i < doc.fonts.size(); ++i) line(fmt::format("font {} {}", i, doc.fonts[i].name));
    const auto& in = doc.info;
    line(fmt::format("info title={} author={} subject={} creator={} keywords={} date={:04}-{:02}-{:02}", quoted(in.title),
                     quoted(in.author), quoted(in.subject), quoted(in.creator), quoted(in.keywords), in.year, in.month,
                     in.day));
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        const auto& pg = doc.pages[p];
        line(fmt::format("page {} {}x{} label={}", p + 1, num(pg.width), num(pg.height), pg.label));
        for (const auto& b : pg.boxes) {
            line(fmt::format("box {} {} {} {} fill={} stroke={} lw={}", num(b.x), num(b.y), num(b.w), num(b.h),
                             color(b.fill), color(b.stroke), num(b.stroke_width)));
        }
        for (const auto& pa : pg.paths) {
            std::string s = fmt::format("path fill={} stroke={} lw={}", color(pa.fill), color(pa.stroke), num(pa.stroke_width));
            if (!pa.dash.empty()) {
                s += " dash=";
                for (std::size_t k = 0; k < pa.dash.size(); ++k) s += fmt::format("{}{}", k ? "," : "", num(pa.dash[k]));
            }
            for (const auto& op : pa.ops) {
                switch (op.kind) {
                    case page::PathOp::Kind::move: s += fmt::format(" M {} {}", num(op.x1), num(op.y1)); break;
                    case page::PathOp::Kind::line: s += fmt::format(" L {} {}", num(op.x1), num(op.y1)); break;
                    case page::PathOp::Kind::curve:
                        s += fmt::format(" C {} {} {} {} {} {}", num(op.x1), num(op.y1), num(op.x2), num(op.y2), num(op.x3),
                                         num(op.y3));
                        break;
                    case page::PathOp::Kind::close: s += " Z"; break;
                }
            }
            line(s);
        }
        for (const auto& im : pg.images) {
            line(fmt::format("image {} {} {} {} {}", num(im.x), num(im.y), num(im.w), num(im.h), quoted(base_name(im.file))));
        }
        for (const auto& r : pg.rules) {
            line(fmt::format("rule {} {} {} {} w={} c={}", num(r.x1), num(r.y1), num(r.x2), num(r.y2), num(r.width),
                             color(r.color)));
        }
        for (const auto& t : pg.text) {
            const std::string font = t.font < doc.fonts.size() ? doc.fonts[t.font].name : fmt::format("#{}", t.font);
            std::string s = fmt::format("text {} {} f={} s={} {}", num(t.x), num(t.y), font, num(t.size), quoted(t.text));
            if (!(t.color == page::Color{})) s += " c=" + color(t.color);
            line(s);
        }
        for (const auto& l : pg.links) {
            if (!l.uri.empty()) {
                line(fmt::format("link {} {} {} {} -> uri {}", num(l.x), num(l.y), num(l.w), num(l.h), quoted(l.uri)));
                continue;
            }
            line(fmt::format("link {} {} {} {} -> page {} y={}", num(l.x), num(l.y), num(l.w), num(l.h), l.target_page + 1,
                             num(l.target_y)));
        }
    }
    for (const auto& o : doc.outline) {
        line(fmt::format("outline {} {} -> page {} y={}", o.level, quoted(o.title), o.page + 1, num(o.y)));
    }
    for (const auto& r : doc.labels) {
        line(fmt::format("labels page {} {} start={}", r.first_page + 1, style(r.style), r.start));
    }
    return out;
}

}  // namespace lkjip::pdf
