// The parts of the Word file that do not depend on the body: the styles (the typesetter's sizes
// and spacing as Word styles, docs/layout.md), the settings, the fonts and the document
// properties. Style ids are Word's built-in ones (Heading1, Caption, TOC1 …), so Word's
// navigation pane, its table of contents and its captions recognise them, in any UI language.
#include <fmt/format.h>

#include "docx/internal.hpp"

namespace lkjip::docx {

namespace {

constexpr double kChapterSize = 14;  // layout/blocks.cpp: the chapter title
constexpr double kCaptionSize = 11;
constexpr double kSourceSize = 9;
constexpr double kCodeSize = 9;
constexpr double kRunningSize = 9;

// A paragraph style. `ppr` and `rpr` are the inner XML of its w:pPr and w:rPr.
std::string paragraph_style(const std::string& id, const std::string& name, const std::string& based_on, const std::string& ppr,
                            const std::string& rpr, bool primary = true, const std::string& next = "") {
    std::string x = fmt::format("<w:style w:type=\"paragraph\" w:styleId=\"{}\"><w:name w:val=\"{}\"/>", id, name);
    if (!based_on.empty()) x += fmt::format("<w:basedOn w:val=\"{}\"/>", based_on);
    if (!next.empty()) x += fmt::format("<w:next w:val=\"{}\"/>", next);
    if (primary) x += "<w:qFormat/>";
    if (!ppr.empty()) x += "<w:pPr>" + ppr + "</w:pPr>";
    if (!rpr.empty()) x += "<w:rPr>" + rpr + "</w:rPr>";
    return x + "</w:style>";
}

std::string size(double points) { return fmt::format("<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>", half_points(points)); }
// Space above and below, and (when given) lines at least `line` points apart: the leading the
// layout gives that kind of text (layout/blocks.cpp), not the body's. One w:spacing element per
// paragraph's properties (CT_PPrBase allows one).
std::string spacing(double before, double after, double line = 0) {
    if (line > 0)
        return fmt::format("<w:spacing w:before=\"{}\" w:after=\"{}\" w:line=\"{}\" w:lineRule=\"atLeast\"/>", twips(before), twips(after), twips(line));
    return fmt::format("<w:spacing w:before=\"{}\" w:after=\"{}\"/>", twips(before), twips(after));
}
// The same with lines `multiple` times single spacing (w:lineRule auto, 240 = single).
std::string spacing_auto(double before, double after, double multiple) {
    return fmt::format("<w:spacing w:before=\"{}\" w:after=\"{}\" w:line=\"{}\" w:lineRule=\"auto\"/>", twips(before), twips(after),
                       std::lround(240 * multiple));
}
// Lines at least `leading` points apart: the PDF's leading, where Word's "1,5 lines" would
// follow the font's own line gap; "at least" so an inline picture is never clipped.

}  // namespace

std::string body_font(const Settings& settings) { return settings.sans ? "Arial" : "Times New Roman"; }

std::string styles_xml(const Settings& s) {
    const std::string font = body_font(s);
    const double measure = mm_to_points(s.page_width_mm - s.margin_left_mm - s.margin_right_mm);
    const double table_size = std::max(7.0, s.size - 2);  // layout/blocks.cpp: the tables' type
    std::string x =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">";
    x += fmt::format(
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"{0}\" w:hAnsi=\"{0}\" w:eastAsia=\"{0}\" w:cs=\"{0}\"/>"
        "{1}<w:lang w:val=\"id-ID\" w:eastAsia=\"id-ID\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
        "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"{2}\" w:lineRule=\"atLeast\"/></w:pPr></w:pPrDefault></w:docDefaults>",
        xml_escape(font), size(s.size), twips(s.size * s.line_spacing));
    // Body text: justified, half a line before each paragraph (layout/blocks.cpp).
    x += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/><w:pPr>" +
         spacing(s.size * 0.5, 0) + "<w:jc w:val=\"both\"/></w:pPr></w:style>";
    // The chapter: a new page, "BAB I" over its title, centred, 14 pt bold, two lines' space below.
    x += paragraph_style("Heading1", "heading 1", "Normal", "<w:keepNext/><w:keepLines/><w:pageBreakBefore/>" + spacing(0, s.size * 2, kChapterSize * 1.4) +
                                                                "<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
                         "<w:b/><w:bCs/>" + size(kChapterSize), true, "Normal");
    // Sections: the sizes, weights and the space above of layout/marks.cpp's heading styles.
    struct Level {
        double delta;
        bool bold, italic;
        double before;
    };
    const Level levels[] = {{1, true, false, 1.2}, {0, true, false, 1.0}, {0, true, true, 1.0}, {0, false, true, 0.8}, {-1, false, true, 0.8}};
    for (int k = 0; k < 5; ++k) {
        const Level& l = levels[k];
        // CT_RPr's order: b before i before sz.
        const std::string rpr = std::string(l.bold ? "<w:b/><w:bCs/>" : "") + (l.italic ? "<w:i/><w:iCs/>" : "") + size(s.size + l.delta);
        x += paragraph_style(fmt::format("Heading{}", k + 2), fmt::format("heading {}", k + 2), "Normal",
                             "<w:keepNext/><w:keepLines/>" + spacing(s.size * l.before, 0, (s.size + l.delta) * s.line_spacing) +
                                 fmt::format("<w:jc w:val=\"left\"/><w:outlineLvl w:val=\"{}\"/>", k + 1),
                             rpr, true, "Normal");
    }
    // A heading after `lkjip:nonumber`: the same look, outside the Daftar Isi. A style of its own,
    // since TOC \o takes every paragraph of the Heading styles whatever its outline level.
    for (int k = 1; k <= 6; ++k) {
        x += paragraph_style(fmt::format("Heading{}Plain", k), fmt::format("Heading {} Plain", k), fmt::format("Heading{}", k),
                             "<w:outlineLvl w:val=\"9\"/>", "", false, "Normal");
    }
    // The cover (layout/cover.cpp): the title largest, then the agency, the pemda and the year.
    x += paragraph_style("Title", "Title", "Normal", "<w:keepNext/>" + spacing(0, 0) + "<w:jc w:val=\"center\"/>", "<w:b/><w:bCs/>" + size(18));
    x += paragraph_style("Subtitle", "Subtitle", "Normal", "<w:keepNext/>" + spacing(0, 0) + "<w:jc w:val=\"center\"/>", "<w:b/><w:bCs/>" + size(16));
    x += paragraph_style("CoverLine", "Cover Line", "Normal", spacing(0, 0) + "<w:jc w:val=\"center\"/>", "");
    x += paragraph_style("Caption", "caption", "Normal", "<w:keepNext/><w:keepLines/>" + spacing(s.size, s.size * 0.3, kCaptionSize * 1.3) + "<w:jc w:val=\"center\"/>",
                         size(kCaptionSize));
    x += paragraph_style("TableText", "Table Text", "Normal",
                         spacing_auto(0, 0, 1.15) + "<w:jc w:val=\"left\"/>",
                         size(table_size));
    x += paragraph_style("TableHeading", "Table Heading", "TableText", "<w:keepNext/><w:jc w:val=\"center\"/>", "<w:b/><w:bCs/>");
    x += paragraph_style("Source", "Source", "Normal", spacing(kSourceSize * 0.5, 0, kSourceSize * s.line_spacing) + "<w:jc w:val=\"left\"/>", size(kSourceSize));
    // Daftar Isi, Tabel, Gambar: title, dot leaders, the page number at the right margin.
    const std::string tab = fmt::format("<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"{}\"/></w:tabs>", twips(measure));
    for (int level = 1; level <= 3; ++level) {
        x += paragraph_style(fmt::format("TOC{}", level), fmt::format("toc {}", level), "Normal",
                             tab + spacing(level == 1 ? s.size * 0.5 : 0, 0) +
                                 fmt::format("<w:ind w:left=\"{}\"/><w:jc w:val=\"left\"/>", twips(s.size * 1.5 * (level - 1))),
                             level == 1 ? "<w:b/><w:bCs/>" : "", false, "Normal");
    }
    x += paragraph_style("TableofFigures", "table of figures", "Normal",  // i18n: not a message (Word's own style name)
                         tab + spacing(0, 0) + "<w:jc w:val=\"left\"/>", "", false,
                         "Normal");
    x += paragraph_style("Quote", "Quote", "Normal",
                         fmt::format("<w:pBdr><w:left w:val=\"single\" w:sz=\"16\" w:space=\"8\" w:color=\"999999\"/></w:pBdr>"
                                     "<w:ind w:left=\"{}\"/>",
                                     twips(18)),
                         "");
    x += paragraph_style("CodeBlock", "Code Block", "Normal", spacing_auto(s.size * 0.5, 0, 1) + "<w:jc w:val=\"left\"/>",
                         fmt::format("<w:rFonts w:ascii=\"{0}\" w:hAnsi=\"{0}\" w:cs=\"{0}\"/>", kMonoFont) + size(kCodeSize));
    x += paragraph_style("ListParagraph", "List Paragraph", "Normal", spacing(s.size * 0.25, 0), "");
    // A signature block's lines: flush left, close together, kept on one page.
    x += paragraph_style("Signature", "Signature", "Normal", "<w:keepNext/><w:keepLines/>" + spacing(0, 0) + "<w:jc w:val=\"left\"/>", "");
    x += paragraph_style("Picture", "Picture", "Normal",
                         "<w:keepLines/>" + spacing_auto(s.size * 0.5, s.size * 0.5, 1) + "<w:jc w:val=\"center\"/>", "",
                         false);
    x += paragraph_style("FootnoteText", "footnote text", "Normal", spacing(s.size * 0.25, 0), size(std::max(7.0, s.size - 2)), false);
    x += paragraph_style("Header", "header", "Normal", spacing(0, 0, kRunningSize * 1.2) + "<w:jc w:val=\"right\"/>",
                         "<w:i/><w:iCs/>" + size(kRunningSize), false);
    x += paragraph_style("Footer", "footer", "Normal", spacing(0, 0) + "<w:jc w:val=\"center\"/>", size(s.size - 1), false);
    // Character styles.
    x += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/></w:style>";
    x += "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:rPr><w:color w:val=\"0000EE\"/>"
         "<w:u w:val=\"single\"/></w:rPr></w:style>";
    x += fmt::format("<w:style w:type=\"character\" w:styleId=\"CodeChar\"><w:name w:val=\"Code\"/><w:rPr><w:rFonts w:ascii=\"{0}\" "
                     "w:hAnsi=\"{0}\" w:cs=\"{0}\"/></w:rPr></w:style>",
                     kMonoFont);
    // Tables: a grid of 0,5 pt rules, the cells padded 2 pt: a point less than the PDF's 3 pt at
    // each side, the slack Word and LibreOffice need to set a figure in the width the column
    // solver measured for it (at 3 pt they wrapped "19" in its 16 pt column).
    x += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr>"
         "<w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
         "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>";
    x += "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>"
         "<w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr><w:tblPr><w:tblBorders>"
         "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
         "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
         "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
         "</w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"40\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/>"
         "<w:right w:w=\"40\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>";
    // Signatures, the letterhead: tables without rules.
    x += "<w:style w:type=\"table\" w:styleId=\"PlainTable\"><w:name w:val=\"Plain Table\"/><w:basedOn w:val=\"TableNormal\"/>"
         "<w:tblPr><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"0\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
         "<w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>";
    x += "</w:styles>";
    return x;
}

std::string settings_xml() {
    // No w:updateFields: the fields are filled already, and Word would ask about them on opening.
    // Hyphenation on, as the PDF hyphenates (Indonesian patterns, at most two lines in a row).
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
           "<w:defaultTabStop w:val=\"720\"/><w:autoHyphenation/><w:consecutiveHyphenLimit w:val=\"2\"/><w:hyphenationZone w:val=\"357\"/>"
           "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
           "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
           "<w:themeFontLang w:val=\"id-ID\"/></w:settings>";
}

std::string font_table_xml(const Settings& s) {
    // The substitutes named for the office that lacks a font: Liberation has the same metrics.
    const auto font = [](const char* name, const char* alt, const char* family, const char* pitch) {
        return fmt::format("<w:font w:name=\"{}\"><w:altName w:val=\"{}\"/><w:family w:val=\"{}\"/><w:pitch w:val=\"{}\"/></w:font>", name, alt,
                           family, pitch);
    };
    std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">";
    x += s.sans ? font("Arial", "Liberation Sans", "swiss", "variable") : font("Times New Roman", "Liberation Serif", "roman", "variable");
    x += font(kMonoFont, "Liberation Mono", "modern", "fixed");
    return x + "</w:fonts>";
}

std::string core_properties_xml(const page::DocumentInfo& info) {
    // The report's date, never the clock (identical input, identical bytes).
    const std::string date = fmt::format("{:04}-{:02}-{:02}T00:00:00Z", info.year, info.month, info.day);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
           "<dc:title>" + xml_escape(info.title) + "</dc:title><dc:subject>" + xml_escape(info.subject) + "</dc:subject>"
           "<dc:creator>" + xml_escape(info.author) + "</dc:creator><cp:keywords>" + xml_escape(info.keywords) + "</cp:keywords>"
           "<dc:language>id-ID</dc:language>"
           "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + date + "</dcterms:created>"
           "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + date + "</dcterms:modified></cp:coreProperties>";
}

std::string app_properties_xml() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
           "<Application>lkjip " LKJIP_VERSION "</Application></Properties>";
}

}  // namespace lkjip::docx
