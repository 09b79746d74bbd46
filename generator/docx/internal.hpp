// The Word writer's own pieces (not a public header): XML text, the zip package, the parts
// that do not depend on the body (styles, numbering, properties), charts and their pictures.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"
#include "docx/docx.hpp"
#include "layout/page_model.hpp"

namespace lkjip::docx {

// ---- Units (ECMA-376 Part 1: twentieths of a point for lengths, half-points for type,
// English Metric Units for drawings) ----
inline long twips(double points) { return std::lround(points * 20); }
inline long half_points(double points) { return std::lround(points * 2); }
inline long emu(double points) { return std::lround(points * 12700); }
inline double mm_to_points(double mm) { return mm * 72 / 25.4; }

// ---- XML text ----

// `text` as XML character data or an attribute value: & < > " escaped, and the characters XML 1.0
// does not allow (C0 controls other than tab, line feed and carriage return) left out.
std::string xml_escape(std::string_view text);

// ---- The package ----

struct Part {
    std::string name;          // "word/document.xml"
    std::string content_type;  // for [Content_Types].xml; "" for a part covered by a Default
    std::string bytes;
};

// [Content_Types].xml for `parts` (Defaults for rels, xml, png, jpeg, xlsx; an Override per part
// with its own content type).
std::string content_types_xml(const std::vector<Part>& parts);

// The parts as one zip file (libzip, deflated, entries in the given order, every entry dated
// from `date`); nullopt with `error` when libzip fails.
std::optional<std::string> zip_package(const std::vector<Part>& parts, const page::DocumentInfo& date, std::string& error);

// ---- Parts independent of the body ----

std::string styles_xml(const Settings& settings);
std::string settings_xml();
std::string core_properties_xml(const page::DocumentInfo& info);
std::string app_properties_xml();
std::string font_table_xml(const Settings& settings);

// The fonts an office expects: Times New Roman or Arial (Liberation Serif and Sans are their
// metric-compatible substitutes, which LibreOffice uses where they are missing).
std::string body_font(const Settings& settings);
inline constexpr const char* kMonoFont = "Courier New";

// ---- Charts ----

// Whether `figure` can be a native Word chart (bars, horizontal bars and lines on one value
// axis); a chart with one panel per category, a scale's bands or an organisation chart cannot,
// and is embedded as a picture of the PDF's drawing.
bool native_chart(const page::Figure& figure);

// The chart part (DrawingML chart, ECMA-376 Part 1 §21.2) with its data cached, and the
// embedded workbook it names (`externalData`, relationship rId1) so Word's "Edit Data" works.
std::string chart_xml(const page::Figure& figure);
std::optional<std::string> chart_workbook(const page::Figure& figure, Diagnostics& diags);

// The figure's drawing as SVG (its text as text, in the office's fonts): the vector picture
// Word 2016 and later show, the PNG beside it being the fallback for older readers.
std::string figure_svg(const page::Figure& figure, const std::vector<page::Font>& fonts);

// The figure's drawing as a PNG at `dpi` (cairo, the fonts of the page model); nullopt with
// `error` when cairo cannot draw it.
std::optional<std::string> figure_png(const page::Figure& figure, const std::vector<page::Font>& fonts, double dpi,
                                      std::string& error);

}  // namespace lkjip::docx
