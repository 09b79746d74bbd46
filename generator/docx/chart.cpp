// Charts of the Word file. A bar, horizontal-bar or line chart on one value axis is a native
// Word chart: a DrawingML chart part (ECMA-376 Part 1 §21.2) with its numbers cached, and the
// workbook it was made from embedded, so Word's "Edit Data" opens it. A chart Word's chart model
// cannot draw as the PDF does (one panel per category, a scale's bands behind the bars, the
// organisation chart) is the PDF's own drawing, rendered by cairo into a picture.
#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>

#include <cairo-ft.h>
#include <cairo.h>
#include <png.h>
#include <fmt/format.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include "docx/internal.hpp"
#include "sheet/sheet.hpp"

namespace lkjip::docx {

namespace {

// The PDF's grey-print palette (layout/chart_canvas.hpp), so both outputs read alike on a
// black-and-white copy: distinct luminance per series.
const char* const kSeriesColours[] = {"3F5A73", "B4B9BE", "7A7F85", "FFFFFF", "2B2B2B", "D9D9D9"};

std::string column_name(std::size_t index) {
    std::string name;
    for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
    return name;
}

// A number as the cache and the workbook write it: shortest round-trip text, "." for decimals.
std::string number_text(double v) { return fmt::format("{}", v); }

bool all_whole(const page::Figure& f) {
    for (const auto& series : f.values)
        for (const auto& v : series)
            if (v && std::fabs(*v - std::round(*v)) > 1e-9) return false;
    return true;
}

std::string string_cache(const std::string& ref, const std::vector<std::string>& texts) {
    std::string x = "<c:strRef><c:f>" + ref + "</c:f><c:strCache>" + fmt::format("<c:ptCount val=\"{}\"/>", texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) x += fmt::format("<c:pt idx=\"{}\"><c:v>{}</c:v></c:pt>", i, xml_escape(texts[i]));
    return x + "</c:strCache></c:strRef>";
}

std::string text_properties(double size) {
    return fmt::format("<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"{}\"/></a:pPr><a:endParaRPr lang=\"id-ID\"/></a:p></c:txPr>",
                       std::lround(size * 100));
}

}  // namespace

bool native_chart(const page::Figure& f) {
    // A value past double's range (hundreds of digits in a cell) is no number a chart can hold.
    for (const auto& series : f.values)
        for (const auto& v : series)
            if (v && !std::isfinite(*v)) return false;
    return (f.type == "bar" && !f.scale_each) || (f.type == "hbar" && !f.banded) || f.type == "line";
}

// No title inside the chart: the caption above it is its title, as in the PDF.
std::string chart_xml(const page::Figure& f) {
    const bool line = f.type == "line", horizontal = f.type == "hbar";
    const std::size_t n = f.categories.size();
    const std::string format = all_whole(f) ? "#,##0" : "#,##0.00";
    std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
                    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "  // i18n: not a message
                    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    "<c:date1904 val=\"0\"/><c:lang val=\"id-ID\"/><c:roundedCorners val=\"0\"/>"
                    "<c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea><c:layout/>";
    x += line ? "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>"
              : fmt::format("<c:barChart><c:barDir val=\"{}\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>", horizontal ? "bar" : "col");
    const std::string last_row = std::to_string(n + 1);
    for (std::size_t s = 0; s < f.series.size(); ++s) {
        const std::string col = column_name(s + 1);
        const char* colour = kSeriesColours[s % std::size(kSeriesColours)];
        x += fmt::format("<c:ser><c:idx val=\"{0}\"/><c:order val=\"{0}\"/><c:tx>", s) + string_cache("Sheet1!$" + col + "$1", {f.series[s]}) + "</c:tx>";
        if (line) {
            x += fmt::format("<c:spPr><a:ln w=\"22225\"><a:solidFill><a:srgbClr val=\"{0}\"/></a:solidFill>{1}</a:ln></c:spPr>"
                             "<c:marker><c:symbol val=\"circle\"/><c:size val=\"6\"/><c:spPr><a:solidFill><a:srgbClr val=\"{0}\"/></a:solidFill></c:spPr></c:marker>",
                             s % 2 == 1 ? "7A7F85" : colour, s % 2 == 1 ? "<a:prstDash val=\"dash\"/>" : "");
        } else {
            x += fmt::format("<c:spPr><a:solidFill><a:srgbClr val=\"{}\"/></a:solidFill><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"404040\"/>"
                             "</a:solidFill></a:ln></c:spPr><c:invertIfNegative val=\"0\"/>",
                             colour);
        }
        // The value over each bar or point, as the PDF prints it.
        x += "<c:dLbls>" + fmt::format("<c:numFmt formatCode=\"{}\" sourceLinked=\"0\"/>", format) + text_properties(8) +
             fmt::format("<c:dLblPos val=\"{}\"/>", line ? "t" : "outEnd") +
             "<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/>"
             "<c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>";
        x += "<c:cat>" + string_cache("Sheet1!$A$2:$A$" + last_row, f.categories) + "</c:cat>";
        x += "<c:val><c:numRef><c:f>Sheet1!$" + col + "$2:$" + col + "$" + last_row + "</c:f><c:numCache><c:formatCode>" + format +
             "</c:formatCode>" + fmt::format("<c:ptCount val=\"{}\"/>", n);
        for (std::size_t c = 0; c < n && s < f.values.size() && c < f.values[s].size(); ++c) {
            // A missing value is no point: the line breaks there (dispBlanksAs gap).
            const auto& v = f.values[s][c];
            if (v && std::isfinite(*v)) x += fmt::format("<c:pt idx=\"{}\"><c:v>{}</c:v></c:pt>", c, number_text(*v));
        }
        x += "</c:numCache></c:numRef></c:val>";
        if (line) x += "<c:smooth val=\"0\"/>";
        x += "</c:ser>";
    }
    x += line ? "<c:marker val=\"1\"/>" : "<c:gapWidth val=\"80\"/>";
    x += "<c:axId val=\"50010001\"/><c:axId val=\"50010002\"/>";
    x += line ? "</c:lineChart>" : "</c:barChart>";
    // Horizontal bars list the categories top down, as the table does.
    x += fmt::format("<c:catAx><c:axId val=\"50010001\"/><c:scaling><c:orientation val=\"{}\"/></c:scaling><c:delete val=\"0\"/>"
                     "<c:axPos val=\"{}\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/>"
                     "<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"low\"/>{}<c:crossAx val=\"50010002\"/><c:crosses val=\"autoZero\"/>"
                     "<c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>",
                     horizontal ? "maxMin" : "minMax", horizontal ? "l" : "b", text_properties(8));
    x += fmt::format("<c:valAx><c:axId val=\"50010002\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/>"
                     "<c:axPos val=\"{}\"/><c:majorGridlines><c:spPr><a:ln w=\"3175\"><a:solidFill><a:srgbClr val=\"D1D1D1\"/></a:solidFill>"
                     "</a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode=\"{}\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/>"
                     "<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>{}<c:crossAx val=\"50010001\"/><c:crosses val=\"{}\"/>"
                     "<c:crossBetween val=\"between\"/></c:valAx>",
                     horizontal ? "b" : "l", all_whole(f) ? "#,##0" : "#,##0.0", text_properties(8), horizontal ? "max" : "autoZero");
    x += "</c:plotArea>";
    if (f.series.size() > 1 || line) x += "<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/>" + text_properties(8) + "</c:legend>";
    x += "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>";
    x += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>" + text_properties(9);
    x += "<c:externalData r:id=\"rId1\"><c:autoUpdate val=\"0\"/></c:externalData></c:chartSpace>";
    return x;
}

std::optional<std::string> chart_workbook(const page::Figure& f, Diagnostics& diags) {
    // The sheet the chart's references name: categories in A, one series per column from B.
    sheet::OutSheet sheet;
    sheet.name = "Sheet1";
    std::vector<sheet::OutCell> head{sheet::OutCell{"", std::nullopt, "", false, true, false}};
    for (const auto& s : f.series) head.push_back(sheet::OutCell{s, std::nullopt, "", false, true, true});
    sheet.rows.push_back(std::move(head));
    sheet.header_rows = 1;
    const std::string format = all_whole(f) ? "#,##0" : "#,##0.00";
    for (std::size_t c = 0; c < f.categories.size(); ++c) {
        std::vector<sheet::OutCell> row{sheet::OutCell{f.categories[c], std::nullopt, "", false, false, true}};
        for (std::size_t s = 0; s < f.series.size(); ++s) {
            const auto& v = s < f.values.size() && c < f.values[s].size() ? f.values[s][c] : std::nullopt;
            row.push_back(v && std::isfinite(*v) ? sheet::OutCell{"", number_text(*v), format, false, false, false} : sheet::OutCell{});
        }
        sheet.rows.push_back(std::move(row));
    }
    return sheet::workbook_bytes({sheet}, diags);
}

// ---- pictures ----

namespace {

// The fonts of the drawing, loaded once per process and shared by every picture (cairo font
// faces are reference counted and thread-safe; FreeType's library is not, hence the lock).
cairo_font_face_t* font_face(const std::string& file, std::string& error) {
    static std::mutex lock;
    static FT_Library library = nullptr;
    static std::map<std::string, cairo_font_face_t*> faces;
    const std::lock_guard<std::mutex> guard(lock);
    if (!library && FT_Init_FreeType(&library) != 0) {
        library = nullptr;
        error = "FreeType could not be initialised";  // i18n: not a message (reported under a translated lead)
        return nullptr;
    }
    if (const auto it = faces.find(file); it != faces.end()) return it->second;
    FT_Face face = nullptr;
    if (FT_New_Face(library, file.c_str(), 0, &face) != 0) {
        error = file + ": not a font FreeType reads";  // i18n: not a message
        return nullptr;
    }
    cairo_font_face_t* cf = cairo_ft_font_face_create_for_ft_face(face, 0);
    static const cairo_user_data_key_t key{};
    // The FreeType face lives as long as cairo's font face (cairo-ft's rule).
    cairo_font_face_set_user_data(cf, &key, face, [](void* f) { FT_Done_Face(static_cast<FT_Face>(f)); });
    faces.emplace(file, cf);
    return cf;
}

void set_colour(cairo_t* cr, const page::Color& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

void append(png_structp png, png_bytep data, png_size_t length) {
    static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), length);
}

// The surface as an RGB PNG through libpng at a fast setting: cairo's own writer deflates at
// zlib's default level with adaptive filters, which cost more than drawing the charts (perf: a
// third of a Word build went to libpng and zlib); a flat chart of a few greys compresses nearly
// as well with the Sub filter at level 3.
bool encode_png(cairo_surface_t* surface, std::string& out) {
    const int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        return false;
    }
    std::vector<unsigned char> row(static_cast<std::size_t>(w) * 3);
    if (setjmp(png_jmpbuf(png))) {  // libpng's way of reporting an error
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_set_write_fn(png, &out, append, nullptr);
    png_set_IHDR(png, info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(h), 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
    png_set_compression_level(png, 3);
    png_write_info(png, info);
    for (int y = 0; y < h; ++y) {
        // CAIRO_FORMAT_RGB24: one native-endian 32-bit word per pixel, 0x00RRGGBB.
        const auto* px = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < w; ++x) {
            row[static_cast<std::size_t>(x) * 3] = static_cast<unsigned char>(px[x] >> 16);
            row[static_cast<std::size_t>(x) * 3 + 1] = static_cast<unsigned char>(px[x] >> 8);
            row[static_cast<std::size_t>(x) * 3 + 2] = static_cast<unsigned char>(px[x]);
        }
        png_write_row(png, row.data());
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

}  // namespace

std::optional<std::string> figure_png(const page::Figure& f, const std::vector<page::Font>& fonts, double dpi, std::string& error) {
    const double scale = dpi / 72;
    const int w = static_cast<int>(std::ceil(std::max(1.0, f.width) * scale)), h = static_cast<int>(std::ceil(std::max(1.0, f.height) * scale));
    // docs/limits.md: a chart is at most a page; 8000 pixels is a landscape F4 page at 200 dpi and more.
    if (w > 8000 || h > 8000) {
        error = fmt::format("{} × {} pixels", w, h);
        return std::nullopt;
    }
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h),
                                                                              cairo_surface_destroy);
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> context(cairo_create(surface.get()), cairo_destroy);
    cairo_t* cr = context.get();
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    const page::Page& d = f.drawing;
    // The drawing's convention: x from the left, y = minus the distance below the top.
    for (const page::Box& b : d.boxes) {
        cairo_rectangle(cr, b.x, -(b.y + b.h), b.w, b.h);
        if (b.fill) {
            set_colour(cr, *b.fill);
            b.stroke ? cairo_fill_preserve(cr) : cairo_fill(cr);
        }
        if (b.stroke) {
            set_colour(cr, *b.stroke);
            cairo_set_line_width(cr, b.stroke_width);
            cairo_stroke(cr);
        }
        cairo_new_path(cr);
    }
    for (const page::Path& p : d.paths) {
        for (const page::PathOp& op : p.ops) {
            switch (op.kind) {
                case page::PathOp::Kind::move: cairo_move_to(cr, op.x1, -op.y1); break;
                case page::PathOp::Kind::line: cairo_line_to(cr, op.x1, -op.y1); break;
                case page::PathOp::Kind::curve: cairo_curve_to(cr, op.x1, -op.y1, op.x2, -op.y2, op.x3, -op.y3); break;
                case page::PathOp::Kind::close: cairo_close_path(cr); break;
            }
        }
        if (p.fill) {
            set_colour(cr, *p.fill);
            p.stroke ? cairo_fill_preserve(cr) : cairo_fill(cr);
        }
        if (p.stroke) {
            set_colour(cr, *p.stroke);
            cairo_set_line_width(cr, p.stroke_width);
            cairo_set_dash(cr, p.dash.empty() ? nullptr : p.dash.data(), static_cast<int>(p.dash.size()), 0);
            cairo_stroke(cr);
            cairo_set_dash(cr, nullptr, 0, 0);
        }
        cairo_new_path(cr);
    }
    for (const page::Rule& r : d.rules) {
        set_colour(cr, r.color);
        cairo_set_line_width(cr, r.width);
        cairo_move_to(cr, r.x1, -r.y1);
        cairo_line_to(cr, r.x2, -r.y2);
        cairo_stroke(cr);
    }
    for (const page::TextRun& t : d.text) {
        if (t.font >= fonts.size()) continue;
        cairo_font_face_t* face = font_face(fonts[t.font].file, error);
        if (!face) return std::nullopt;
        cairo_set_font_face(cr, face);
        cairo_set_font_size(cr, t.size);
        set_colour(cr, t.color);
        if (t.pieces.empty()) {
            cairo_move_to(cr, t.x, -t.y);
            cairo_show_text(cr, t.text.c_str());
        } else {
            for (std::size_t k = 0; k < t.pieces.size(); ++k) {
                const std::size_t end = k + 1 < t.pieces.size() ? t.pieces[k + 1].at : t.text.size();
                cairo_move_to(cr, t.x + t.pieces[k].x, -t.y);
                cairo_show_text(cr, t.text.substr(t.pieces[k].at, end - t.pieces[k].at).c_str());
            }
        }
    }
    cairo_surface_flush(surface.get());
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
        error = cairo_status_to_string(cairo_status(cr));
        return std::nullopt;
    }
    std::string png;
    if (!encode_png(surface.get(), png)) {
        error = "libpng could not write the picture";  // i18n: not a message
        return std::nullopt;
    }
    return png;
}

namespace {

std::string svg_colour(const page::Color& c) {
    const auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    return fmt::format("#{:02x}{:02x}{:02x}", byte(c.r), byte(c.g), byte(c.b));
}

// Numbers of the drawing to 0.01 pt, the same text for the same number on every machine.
std::string num(double v) { return fmt::format("{:.2f}", std::fabs(v) < 0.005 ? 0.0 : v); }

// The face of a page-model font as CSS names it: the office's font first, then its metric twin.
std::string font_attributes(const page::Font& f) {
    const std::string& n = f.name;
    std::string family = n.find("Mono") != std::string::npos    ? "'Courier New', 'Liberation Mono', monospace"
                         : n.find("DejaVu") != std::string::npos ? "'DejaVu Sans', sans-serif"
                         : n.find("Sans") != std::string::npos   ? "Arial, 'Liberation Sans', sans-serif"
                                                                 : "'Times New Roman', 'Liberation Serif', serif";
    std::string x = " font-family=\"" + xml_escape(family) + "\"";
    if (n.find("Bold") != std::string::npos) x += " font-weight=\"bold\"";
    if (n.find("Italic") != std::string::npos) x += " font-style=\"italic\"";
    return x;
}

std::string paint(const std::optional<page::Color>& fill, const std::optional<page::Color>& stroke, double width) {
    std::string x = " fill=\"" + (fill ? svg_colour(*fill) : std::string("none")) + "\"";
    if (stroke) x += " stroke=\"" + svg_colour(*stroke) + "\" stroke-width=\"" + num(width) + "\"";
    return x;
}

}  // namespace

std::string figure_svg(const page::Figure& f, const std::vector<page::Font>& fonts) {
    // The drawing's convention: x from the left, y = minus the distance below the top; SVG's y
    // runs down from the top, so every y is negated. Drawn in the PDF's order: boxes, paths,
    // rules, then text, which stays text.
    const page::Page& d = f.drawing;
    std::string x = fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}pt\" "
                                "height=\"{1}pt\" viewBox=\"0 0 {0} {1}\"><rect width=\"{0}\" height=\"{1}\" fill=\"#ffffff\"/>",
                                num(f.width), num(f.height));
    for (const page::Box& b : d.boxes) {
        x += "<rect x=\"" + num(b.x) + "\" y=\"" + num(-(b.y + b.h)) + "\" width=\"" + num(b.w) + "\" height=\"" + num(b.h) + "\"" +
             paint(b.fill, b.stroke, b.stroke_width) + "/>";
    }
    for (const page::Path& p : d.paths) {
        std::string path;
        for (const page::PathOp& op : p.ops) {
            switch (op.kind) {
                case page::PathOp::Kind::move: path += "M" + num(op.x1) + " " + num(-op.y1); break;
                case page::PathOp::Kind::line: path += "L" + num(op.x1) + " " + num(-op.y1); break;
                case page::PathOp::Kind::curve:
                    path += "C" + num(op.x1) + " " + num(-op.y1) + " " + num(op.x2) + " " + num(-op.y2) + " " + num(op.x3) + " " + num(-op.y3);
                    break;
                case page::PathOp::Kind::close: path += "Z"; break;
            }
        }
        x += "<path d=\"" + path + "\"" + paint(p.fill, p.stroke, p.stroke_width);
        if (!p.dash.empty()) {
            std::string dash;
            for (double v : p.dash) dash += (dash.empty() ? "" : " ") + num(v);
            x += " stroke-dasharray=\"" + dash + "\"";
        }
        x += "/>";
    }
    for (const page::Rule& r : d.rules) {
        x += "<line x1=\"" + num(r.x1) + "\" y1=\"" + num(-r.y1) + "\" x2=\"" + num(r.x2) + "\" y2=\"" + num(-r.y2) + "\" stroke=\"" +
             svg_colour(r.color) + "\" stroke-width=\"" + num(r.width) + "\"/>";
    }
    for (const page::TextRun& t : d.text) {
        if (t.font >= fonts.size()) continue;
        x += "<text x=\"" + num(t.x) + "\" y=\"" + num(-t.y) + "\" font-size=\"" + num(t.size) + "\"" + font_attributes(fonts[t.font]) +
             " fill=\"" + svg_colour(t.color) + "\" xml:space=\"preserve\">" + xml_escape(t.text) + "</text>";
    }
    return x + "</svg>";
}

}  // namespace lkjip::docx
