// Drawing one page of the page model with libharu: boxes, paths, images, rules, then the text
// (in one text object), then the link annotations. The graphics state is tracked here so that
// a colour, line width, font or size is only set when it changes (PDF 1.7, 8.4 Graphics State).
#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <hpdf_pages.h>

#include "common/i18n.hpp"
#include "common/image_info.hpp"
#include "common/utf8.hpp"
#include "pdf/session.hpp"

namespace lkjip::pdf::detail {
namespace {

using page::Color;

// The first field of an element that is not a usable number, or nullptr.
const char* bad_number(std::initializer_list<std::pair<const char*, double>> fields) {
    for (const auto& [name, v] : fields) {
        if (!usable(v)) return name;
    }
    return nullptr;
}

bool bad_color(const Color& c) {
    for (double v : {c.r, c.g, c.b}) {
        if (!(v >= 0.0 && v <= 1.0)) return true;  // also false for NaN
    }
    return false;
}

// What the content stream has set so far on this page (each page starts with the default
// graphics state: black, line width 1, solid).
struct State {
    std::optional<Color> fill, stroke;
    double line_width = 1.0;
    HPDF_Font font = nullptr;
    double size = 0;
};

// A real as libharu writes it (HPDF_FToA, hpdf_utils.c of 2.3.0): the float rounded to five
// decimals, trailing zeros and a bare point dropped ("12.5", "-3", "0.00001").
void append_real(std::string& out, HPDF_REAL val) {
    if (val > HPDF_LIMIT_MAX_REAL) val = HPDF_LIMIT_MAX_REAL;
    if (val < HPDF_LIMIT_MIN_REAL) val = HPDF_LIMIT_MIN_REAL;
    if (val < 0) {
        out += '-';
        val = -val;
    }
    const auto int_val = static_cast<HPDF_INT32>(val + 0.000005);
    auto fpart_val = static_cast<HPDF_INT32>(static_cast<HPDF_REAL>(val - static_cast<HPDF_REAL>(int_val) + 0.000005) * 100000);
    char digits[5];
    for (int i = 4; i >= 0; --i) {
        digits[i] = static_cast<char>('0' + fpart_val % 10);
        fpart_val /= 10;
    }
    out += fmt::format("{}", int_val);
    int last = 4;
    while (last >= 0 && digits[last] == '0') --last;
    if (last >= 0) {
        out += '.';
        out.append(digits, static_cast<std::size_t>(last + 1));
    }
}

// One byte of a literal string (PDF 1.7, 7.3.4.2): the delimiters and the backslash escaped, and
// the line ends too, which a reader would otherwise read as one LF; every other byte as it is.
void append_string_byte(std::string& out, unsigned char byte) {
    switch (byte) {
        case '(': out += "\\("; break;
        case ')': out += "\\)"; break;
        case '\\': out += "\\\\"; break;
        case '\r': out += "\\r"; break;
        case '\n': out += "\\n"; break;
        default: out += static_cast<char>(byte);
    }
}

// The text operators of one text object, written into the page's content stream: "dx dy Td"
// from the start of the line, with libharu's number format, as HPDF_Page_TextOut writes it, then
// the two-byte codes as a literal string and Tj (PDF 1.7, 9.4.2 and 9.4.3). TextOut cleared two
// 512-byte buffers byte by byte, measured the text again and went through the encoder per word, a
// seventh of a whole build (issue 22, callgrind); its hex strings also doubled the bytes of the
// text to copy and to deflate. The glyphs the runs use are marked for libharu's subsetting once
// per font instead (mark_glyphs_used).
class TextWriter {
public:
    explicit TextWriter(HPDF_Page page) : attr_(static_cast<HPDF_PageAttr>(page->attr)) {}

    // After HPDF_Page_BeginText: the line starts at the origin.
    void begin() { line_x_ = line_y_ = 0; }

    // `utf8` is valid UTF-8 of BMP characters only (to_bmp).
    void show(HPDF_REAL x, HPDF_REAL y, std::string_view utf8) {
        const HPDF_REAL dx = x - line_x_, dy = y - line_y_;
        buffer_.clear();
        append_real(buffer_, dx);
        buffer_ += ' ';
        append_real(buffer_, dy);
        buffer_ += " Td\012(";
        for (std::size_t i = 0; i < utf8.size();) {
            const char32_t c = utf8::next(utf8, i);
            for (const auto byte : {static_cast<unsigned char>(c >> 8), static_cast<unsigned char>(c & 0xFF)}) {
                append_string_byte(buffer_, byte);
            }
        }
        buffer_ += ") Tj\012";
        HPDF_Stream_Write(attr_->stream, reinterpret_cast<const HPDF_BYTE*>(buffer_.data()), static_cast<HPDF_UINT>(buffer_.size()));
        line_x_ += dx;
        line_y_ += dy;
        // libharu's own record of the text position, as HPDF_Page_MoveTextPos keeps it.
        attr_->text_matrix.x = line_x_;
        attr_->text_matrix.y = line_y_;
        attr_->text_pos.x = line_x_;
        attr_->text_pos.y = line_y_;
    }

private:
    HPDF_PageAttr attr_;
    HPDF_REAL line_x_ = 0, line_y_ = 0;
    std::string buffer_;
};

class PageWriter {
public:
    PageWriter(Session& s, const page::Document& doc, std::size_t index)
        : s_(s), doc_(doc), page_(doc.pages[index]), hp_(s.pages[index]), n_(index + 1) {}

    std::string run() {
        for (std::size_t i = 0; i < page_.boxes.size() && ok(); ++i) box(i);
        for (std::size_t i = 0; i < page_.paths.size() && ok(); ++i) path(i);
        for (std::size_t i = 0; i < page_.images.size() && ok(); ++i) image(i);
        for (std::size_t i = 0; i < page_.rules.size() && ok(); ++i) rule(i);
        if (ok()) text();
        for (std::size_t i = 0; i < page_.links.size() && ok(); ++i) link(i);
        if (error_.empty() && s_.failed()) error_ = _f("page {}: {}", n_, s_.haru_message());
        return error_;
    }

private:
    bool ok() const { return error_.empty() && !s_.failed(); }

    // A page element the layout should never have made: a bug of lkjip, said as such, never
    // dressed up as a problem of the user's input.
    // `what`: the kind of element, an N_() word ("path", "text run").
    void fail(const char* what, std::size_t i, std::string_view why) {
        error_ = _f("internal error in the PDF writer: page {}, {} {}: {} (please report this as a bug with the input)", n_,
                    _(what), i + 1, why);
    }
    // An image is the user's file: checked where the data file or Markdown names it, so it fails
    // here only when it changed or vanished since; the message names the file, not the page.
    void fail_image(std::string why) { error_ = std::move(why); }

    bool check_numbers(const char* what, std::size_t i,
                       std::initializer_list<std::pair<const char*, double>> fields) {
        if (const char* name = bad_number(fields)) {
            fail(what, i, _f("{} is not a finite number within +-32767", name));
            return false;
        }
        return true;
    }

    bool check_color(const char* what, std::size_t i, const std::optional<Color>& c) {
        if (c && bad_color(*c)) {
            fail(what, i, _("colour component outside 0..1"));
            return false;
        }
        return true;
    }

    void set_fill(const Color& c) {
        if (st_.fill == c) return;
        HPDF_Page_SetRGBFill(hp_, real(c.r), real(c.g), real(c.b));
        st_.fill = c;
    }
    void set_stroke(const Color& c) {
        if (st_.stroke == c) return;
        HPDF_Page_SetRGBStroke(hp_, real(c.r), real(c.g), real(c.b));
        st_.stroke = c;
    }
    void set_line_width(double w) {
        if (st_.line_width == w) return;
        HPDF_Page_SetLineWidth(hp_, real(w));
        st_.line_width = w;
    }

    // Colours and line width go before the path: inside a path object only path construction
    // and painting operators are allowed (PDF 1.7, 8.2 Figure 9; libharu checks it).
    void prepare(const std::optional<Color>& fill, const std::optional<Color>& stroke, double width) {
        if (fill) set_fill(*fill);
        if (stroke) {
            set_stroke(*stroke);
            set_line_width(width);
        }
    }

    // Paints the current path: f, S or B (PDF 1.7, 8.5.3), or n when there is nothing to paint.
    void paint(const std::optional<Color>& fill, const std::optional<Color>& stroke) {
        if (fill && stroke) {
            HPDF_Page_FillStroke(hp_);
        } else if (fill) {
            HPDF_Page_Fill(hp_);
        } else if (stroke) {
            HPDF_Page_Stroke(hp_);
        } else {
            HPDF_Page_EndPath(hp_);
        }
    }

    void box(std::size_t i) {
        const auto& b = page_.boxes[i];
        if (!check_numbers(N_("box"), i, {{"x", b.x}, {"y", b.y}, {"w", b.w}, {"h", b.h},
                                      {"stroke_width", b.stroke_width}}) ||
            !check_color(N_("box"), i, b.fill) || !check_color(N_("box"), i, b.stroke)) {
            return;
        }
        if (b.stroke_width < 0) return fail(N_("box"), i, _("negative stroke width"));
        if (!b.fill && !b.stroke) return;
        prepare(b.fill, b.stroke, b.stroke_width);
        HPDF_Page_Rectangle(hp_, real(b.x), real(b.y), real(b.w), real(b.h));
        paint(b.fill, b.stroke);
    }

    void path(std::size_t i) {
        const auto& p = page_.paths[i];
        if (!check_numbers(N_("path"), i, {{"stroke_width", p.stroke_width}}) ||
            !check_color(N_("path"), i, p.fill) || !check_color(N_("path"), i, p.stroke)) {
            return;
        }
        if (p.stroke_width < 0) return fail(N_("path"), i, _("negative stroke width"));
        if (p.ops.empty()) return;
        if (p.ops.front().kind != page::PathOp::Kind::move) return fail(N_("path"), i, _("does not start with a move"));
        double lo = 0, hi = 0;
        for (const auto& op : p.ops) {
            if (!check_numbers(N_("path"), i, {{"x1", op.x1}, {"y1", op.y1}, {"x2", op.x2}, {"y2", op.y2},
                                           {"x3", op.x3}, {"y3", op.y3}})) {
                return;
            }
            for (double v : {op.x1 - p.ops.front().x1, op.y1 - p.ops.front().y1}) lo = std::min(lo, v), hi = std::max(hi, v);
        }
        if (p.dash.size() > 8) return fail(N_("path"), i, _("more than 8 dash lengths"));
        for (double d : p.dash) {
            if (!(d > 0 && d <= 1000)) return fail(N_("path"), i, _("dash length not in (0, 1000]"));
        }
        // libharu 2.3.0 takes dash lengths as integers (HPDF_Page_SetDash, HPDF_UINT16). A dashed
        // path is drawn in a coordinate system scaled by 1/k (k = 10 when the path is small
        // enough for libharu's real limit), so dashes keep 1/k pt of precision; the origin is
        // moved to the first point to keep the scaled numbers small (PDF 1.7, 8.3.4 cm).
        double k = 1, ox = 0, oy = 0;
        const bool dashed = !p.dash.empty() && p.stroke.has_value();
        State saved;
        if (dashed) {
            k = (hi - lo) * 10 < 32000 && p.stroke_width * 10 < 32000 ? 10 : 1;
            ox = p.ops.front().x1, oy = p.ops.front().y1;
            saved = st_;
            HPDF_Page_GSave(hp_);
            HPDF_Page_Concat(hp_, real(1 / k), 0, 0, real(1 / k), real(ox), real(oy));
            std::vector<HPDF_UINT16> pattern;
            for (double d : p.dash) pattern.push_back(static_cast<HPDF_UINT16>(std::max(1.0, std::round(d * k))));
            HPDF_Page_SetDash(hp_, pattern.data(), static_cast<HPDF_UINT>(pattern.size()), 0);
            // Inside the scaled system the width is set afresh (scaled); Q below restores the
            // state of before q, in the viewer and here.
            st_.line_width = -1;
            prepare(p.fill, p.stroke, p.stroke_width * k);
        } else {
            prepare(p.fill, p.stroke, p.stroke_width);
        }
        auto X = [&](double x) { return real((x - ox) * k); };
        auto Y = [&](double y) { return real((y - oy) * k); };
        for (const auto& op : p.ops) {
            switch (op.kind) {
                case page::PathOp::Kind::move: HPDF_Page_MoveTo(hp_, X(op.x1), Y(op.y1)); break;
                case page::PathOp::Kind::line: HPDF_Page_LineTo(hp_, X(op.x1), Y(op.y1)); break;
                case page::PathOp::Kind::curve:
                    HPDF_Page_CurveTo(hp_, X(op.x1), Y(op.y1), X(op.x2), Y(op.y2), X(op.x3), Y(op.y3));
                    break;
                case page::PathOp::Kind::close: HPDF_Page_ClosePath(hp_); break;
            }
        }
        paint(p.fill, p.stroke);
        if (dashed) {
            HPDF_Page_GRestore(hp_);
            st_ = saved;
        }
    }

    void image(std::size_t i) {
        const auto& im = page_.images[i];
        if (!check_numbers(N_("image"), i, {{"x", im.x}, {"y", im.y}, {"w", im.w}, {"h", im.h}})) return;
        auto it = s_.images.find(im.file);
        if (it == s_.images.end()) {
            std::string data, why;
            if (!read_file(im.file, data, why)) return fail_image(why);
            const ImageKind kind = image_kind(data);
            if (kind == ImageKind::other) {
                return fail_image(_f("image `{}` is no longer a PNG or JPEG file (it changed while the report was written)", im.file));
            }
            if (kind == ImageKind::png) {
                if (auto bad = png_decode_error(data); !bad.empty()) return fail_image(_f("image `{}`: {}", im.file, bad));
            }
            if (data.size() > 0xFFFFFFFFu) return fail_image(_f("image `{}` is too large", im.file));
            const auto* bytes = reinterpret_cast<const HPDF_BYTE*>(data.data());
            const auto size = static_cast<HPDF_UINT>(data.size());
            HPDF_Image h = kind == ImageKind::png ? HPDF_LoadPngImageFromMem(s_.pdf, bytes, size)
                                                  : HPDF_LoadJpegImageFromMem(s_.pdf, bytes, size);
            if (!h || s_.failed()) {
                return fail_image(_f("image `{}` cannot be embedded: {}", im.file, s_.haru_message()));
            }
            s_.image_data.push_back(std::move(data));
            it = s_.images.emplace(im.file, h).first;
        }
        HPDF_Page_DrawImage(hp_, it->second, real(im.x), real(im.y), real(im.w), real(im.h));
    }

    void rule(std::size_t i) {
        const auto& r = page_.rules[i];
        if (!check_numbers(N_("rule"), i, {{"x1", r.x1}, {"y1", r.y1}, {"x2", r.x2}, {"y2", r.y2}, {"width", r.width}}) ||
            !check_color(N_("rule"), i, r.color)) {
            return;
        }
        if (r.width < 0) return fail(N_("rule"), i, _("negative width"));
        prepare(std::nullopt, r.color, r.width);
        HPDF_Page_MoveTo(hp_, real(r.x1), real(r.y1));
        HPDF_Page_LineTo(hp_, real(r.x2), real(r.y2));
        paint(std::nullopt, r.color);
    }

    // Every run in one BT/ET text object; each placed with its own Td (libharu's TextOut), so
    // the layout's positions are kept exactly (PDF 1.7, 9.4 Text Objects).
    void text() {
        bool open = false;
        std::string utf8;
        for (std::size_t i = 0; i < page_.text.size() && ok(); ++i) {
            const auto& t = page_.text[i];
            if (!check_numbers(N_("text run"), i, {{"x", t.x}, {"y", t.y}, {"size", t.size}}) ||
                !check_color(N_("text run"), i, t.color)) {
                break;
            }
            if (!(t.size > 0 && t.size <= 600)) {
                fail(N_("text run"), i, _("font size not in (0, 600]"));  // HPDF_MAX_FONTSIZE
                break;
            }
            if (t.font >= s_.fonts.size() || !s_.fonts[t.font]) {
                fail(N_("text run"), i, _f("font index {} but the document has {} fonts", t.font, doc_.fonts.size()));
                break;
            }
            if (t.text.empty()) continue;
            if (t.text.size() > 65535) {  // HPDF_LIMIT_MAX_STRING_LEN
                fail(N_("text run"), i, _("longer than 65535 bytes"));
                break;
            }
            if (!to_bmp(t.text, utf8, *s_.font_codes[t.font])) {
                fail(N_("text run"), i, _("not valid UTF-8"));
                break;
            }
            if (!pieces_valid(t)) {
                fail(N_("text run"), i, _("its kerned pieces do not start at 0, rise, fall on characters and lie in the text"));
                break;
            }
            if (!open) {
                HPDF_Page_BeginText(hp_);
                text_.begin();
                open = true;
            }
            if (st_.font != s_.fonts[t.font] || st_.size != t.size) {
                HPDF_Page_SetFontAndSize(hp_, s_.fonts[t.font], real(t.size));
                st_.font = s_.fonts[t.font];
                st_.size = t.size;
            }
            set_fill(t.color);
            const auto& pieces = t.pieces;
            if (pieces.size() <= 1) {
                text_.show(real(t.x), real(t.y), utf8);
                continue;
            }
            // Kerned text: each piece between two kerning adjustments at the x the layout
            // measured (layout/shaping.hpp). The pieces touch, so text extraction reads one word.
            for (std::size_t k = 0; k < pieces.size(); ++k) {
                const std::size_t end = k + 1 < pieces.size() ? pieces[k + 1].at : t.text.size();
                to_bmp(std::string_view(t.text).substr(pieces[k].at, end - pieces[k].at), utf8, *s_.font_codes[t.font]);
                text_.show(real(t.x + pieces[k].x), real(t.y), utf8);
            }
        }
        if (open) HPDF_Page_EndText(hp_);
    }

    // A link annotation without border whose destination is [page /XYZ 0 y null] (PDF 1.7,
    // 12.3.2.2 Explicit Destinations; 12.5.6.5 Link Annotations). libharu 2.3.0 accepts only
    // zoom factors 0.08..32; 1 is written here and replaced by null (keep the reader's zoom)
    // in postprocess().
    void link(std::size_t i) {
        const auto& l = page_.links[i];
        if (!check_numbers(N_("link"), i, {{"x", l.x}, {"y", l.y}, {"w", l.w}, {"h", l.h}, {"target_y", l.target_y}})) return;
        if (!l.uri.empty()) return uri_link(l);
        if (l.target_page >= s_.pages.size()) {
            return fail(N_("link"), i, _f("target page {} but the document has {} pages", l.target_page + 1, s_.pages.size()));
        }
        HPDF_Destination dst = HPDF_Page_CreateDestination(s_.pages[l.target_page]);
        HPDF_Destination_SetXYZ(dst, 0, real(std::max(0.0, l.target_y)), 1);
        const HPDF_Rect rect{real(std::min(l.x, l.x + l.w)), real(std::min(l.y, l.y + l.h)),
                             real(std::max(l.x, l.x + l.w)), real(std::max(l.y, l.y + l.h))};
        HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(hp_, rect, dst);
        HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    }

    // Pieces start at byte 0 at x 0, each later one at a character boundary inside the text, with
    // finite offsets: anything else would cut a character in two or draw text off its line.
    static bool pieces_valid(const page::TextRun& t) {
        if (t.pieces.empty()) return true;
        if (t.pieces.front().at != 0 || t.pieces.front().x != 0) return false;
        for (std::size_t k = 1; k < t.pieces.size(); ++k) {
            const auto at = t.pieces[k].at;
            if (at <= t.pieces[k - 1].at || at >= t.text.size() || !std::isfinite(t.pieces[k].x)) return false;
            if (utf8::is_continuation(t.text[at])) return false;  // inside a character
        }
        return true;
    }

    // A Markdown link: a link annotation without border whose action is a URI action (PDF 1.7,
    // 12.6.4.7). The layout has made the URI 7-bit ASCII; libharu escapes ( ) and \ in it.
    void uri_link(const page::Link& l) {
        const HPDF_Rect rect{real(std::min(l.x, l.x + l.w)), real(std::min(l.y, l.y + l.h)),
                             real(std::max(l.x, l.x + l.w)), real(std::max(l.y, l.y + l.h))};
        HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(hp_, rect, l.uri.c_str());
        if (a) HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    }

    Session& s_;
    const page::Document& doc_;
    const page::Page& page_;
    HPDF_Page hp_;
    std::size_t n_;  // 1-based, for messages
    State st_;
    TextWriter text_{hp_};
    std::string error_;
};

}  // namespace

std::string draw_page(Session& s, const page::Document& doc, std::size_t index) {
    return PageWriter(s, doc, index).run();
}

void mark_glyphs_used(Session& s) {
    // libharu keeps in the embedded font only the glyphs its text measuring has marked
    // (HPDF_TTFontDef_GetCharWidth); TextWriter does not measure, so each font measures the
    // characters it set once, in pieces below libharu's string limit.
    std::vector<HPDF_Font> done;
    std::string utf8;
    for (std::size_t f = 0; f < s.fonts.size(); ++f) {
        if (!s.fonts[f] || !s.font_codes[f] || std::find(done.begin(), done.end(), s.fonts[f]) != done.end()) continue;
        done.push_back(s.fonts[f]);
        const CodeSet& codes = *s.font_codes[f];
        utf8.clear();
        for (std::size_t c = 1; c < codes.size(); ++c) {
            if (!codes[c] || (c >= 0xD800 && c <= 0xDFFF)) continue;
            utf8::append(utf8, static_cast<char32_t>(c));
            if (utf8.size() > 60000) {
                HPDF_Font_TextWidth(s.fonts[f], reinterpret_cast<const HPDF_BYTE*>(utf8.data()), static_cast<HPDF_UINT>(utf8.size()));
                utf8.clear();
            }
        }
        if (!utf8.empty()) {
            HPDF_Font_TextWidth(s.fonts[f], reinterpret_cast<const HPDF_BYTE*>(utf8.data()), static_cast<HPDF_UINT>(utf8.size()));
        }
    }
}

}  // namespace lkjip::pdf::detail
