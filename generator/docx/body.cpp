// The body of the Word file (word/document.xml) from the Markdown stage's tree, following the
// layout: a section per run of pages of one orientation and numbering (a landscape section where
// the PDF turns the page, roman front matter, arabic from BAB I), the lists of contents as Word
// TOC fields filled with the PDF's entries and page numbers, captions with SEQ fields, tables
// with merged headers at the column solver's widths, charts native or as the PDF's drawing.
// docs/docx.md gives the mapping of each convention of docs/markdown.md.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "common/file_read.hpp"
#include "common/i18n.hpp"
#include "common/image_info.hpp"
#include "docx/internal.hpp"

namespace lkjip::docx {

namespace {

namespace fs = std::filesystem;
using Kind = md::Block::Kind;

constexpr double kListIndent = 22;        // layout/blocks.cpp: the hanging indent of a list level
constexpr double kLetterheadLogo = 22;    // mm, docs/markdown.md
constexpr double kDisplayLeading = 1.2;   // layout/cover.cpp
constexpr double kCoverItemGap = 0.35;    // layout/cover.cpp: kItemGap, times the item's size
constexpr double kPictureDpi = 200;       // a chart that cannot be native: sharp in print, small in the file

const char* const kRelStyles = "rId1";
const char* const kRelSettings = "rId2";
const char* const kRelNumbering = "rId3";
const char* const kRelFonts = "rId4";
const char* const kRelHeader = "rId5";
const char* const kRelFooter = "rId6";
const char* const kRelEmptyHeader = "rId7";
const char* const kRelEmptyFooter = "rId8";

enum class Numbering { none, roman, arabic };

// A paragraph's properties, written in the order CT_PPrBase requires (ECMA-376 Part 1 §17.3.1.26):
// Word refuses a file whose pPr children are out of order.
struct PPr {
    std::string style;
    bool keep_next = false, keep_lines = false, page_break = false;
    int num_id = 0, ilvl = 0;   // a list item's number, 0 for none
    std::string borders;        // inner XML of w:pBdr
    std::string tabs;           // inner XML of w:tabs
    std::string spacing;        // a whole w:spacing element
    std::string ind;            // a whole w:ind element
    std::string jc;
    [[nodiscard]] std::string xml() const {
        std::string x = "<w:pPr>";
        if (!style.empty()) x += "<w:pStyle w:val=\"" + style + "\"/>";
        if (keep_next) x += "<w:keepNext/>";
        if (keep_lines) x += "<w:keepLines/>";
        if (page_break) x += "<w:pageBreakBefore/>";
        if (num_id > 0) x += fmt::format("<w:numPr><w:ilvl w:val=\"{}\"/><w:numId w:val=\"{}\"/></w:numPr>", ilvl, num_id);
        if (!borders.empty()) x += "<w:pBdr>" + borders + "</w:pBdr>";
        if (!tabs.empty()) x += "<w:tabs>" + tabs + "</w:tabs>";
        x += spacing + ind;
        if (!jc.empty()) x += "<w:jc w:val=\"" + jc + "\"/>";
        return x + "</w:pPr>";
    }
};

PPr styled(const char* style) {
    PPr p;
    p.style = style;
    return p;
}

// How a run looks beyond its span's own marks.
struct RunStyle {
    double size = 0;  // points; 0: the paragraph style's
    bool bold = false, italic = false, superscript = false;
};

std::string run_properties(const md::Span& s, const RunStyle& rs) {
    std::string x;
    if (!s.link.empty()) x += "<w:rStyle w:val=\"Hyperlink\"/>";
    else if (s.code) x += "<w:rStyle w:val=\"CodeChar\"/>";
    if (s.bold || rs.bold) x += "<w:b/><w:bCs/>";
    if (s.italic || rs.italic) x += "<w:i/><w:iCs/>";
    if (s.strike) x += "<w:strike/>";
    if (rs.size > 0) x += fmt::format("<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>", half_points(rs.size));
    if (rs.superscript) x += "<w:vertAlign w:val=\"superscript\"/>";
    return x.empty() ? x : "<w:rPr>" + x + "</w:rPr>";
}

std::string text_run(std::string_view text, const std::string& rpr) {
    return "<w:r>" + rpr + "<w:t xml:space=\"preserve\">" + xml_escape(text) + "</w:t></w:r>";
}

// A complex field (ECMA-376 Part 1 §17.16.18): its instruction and the result Word shows until
// it updates it, already right (the layout's page numbers, the caption's number).
std::string field(const std::string& instruction, const std::string& result, const std::string& rpr) {
    return "<w:r>" + rpr + "<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>" + rpr + "<w:instrText xml:space=\"preserve\"> " +
           xml_escape(instruction) + " </w:instrText></w:r><w:r>" + rpr + "<w:fldChar w:fldCharType=\"separate\"/></w:r>" +
           text_run(result, rpr) + "<w:r>" + rpr + "<w:fldChar w:fldCharType=\"end\"/></w:r>";
}

bool blank(const md::Spans& spans) {
    const std::string t = md::plain_text(spans);
    return t.find_first_not_of(" \t") == std::string::npos || t == "\xC2\xA0";  // &nbsp;: the space to sign
}

bool all_bold(const md::TableCell& c) {
    if (c.bold) return true;
    bool any = false;
    for (const auto& s : c.spans) {
        if (s.line_break || s.text.find_first_not_of(' ') == std::string::npos) continue;
        if (!s.bold) return false;
        any = true;
    }
    return any;
}

// docs/markdown.md "Group rows": the only non-empty cell is the first or second, and bold.
std::optional<std::size_t> group_cell(const std::vector<md::TableCell>& row) {
    std::optional<std::size_t> found;
    for (std::size_t c = 0; c < row.size(); ++c) {
        if (blank(row[c].spans)) continue;
        if (found) return std::nullopt;
        found = c;
    }
    if (!found || *found > 1 || row.size() < 2 || !all_bold(row[*found])) return std::nullopt;
    return found;
}

class Writer {
public:
    Writer(const md::Document& doc, const page::Document& laid, const Settings& settings, Diagnostics& diags)
        : doc_(doc), laid_(laid), s_(settings), diags_(diags), file_(std::make_shared<const std::string>(settings.source_name)) {
        for (const auto& p : laid.placements) placement_.emplace(p.line, &p);
        for (const auto& t : laid.tables) tables_.emplace(t.line, &t);
        for (const auto& f : laid.figures) figures_.emplace(f.line, &f);
        for (const auto& pg : laid.pages)
            for (const auto& im : pg.images) image_sizes_[im.file].push_back({im.w, im.h});
        for (std::size_t i = 0; i < laid.contents.size(); ++i) bookmark_of_.push_back("_Toc" + std::to_string(i + 1));
    }

    std::optional<std::string> run();

private:
    // ---- sections ----
    [[nodiscard]] double page_w(bool landscape) const { return mm_to_points(landscape ? s_.page_height_mm : s_.page_width_mm); }
    [[nodiscard]] double page_h(bool landscape) const { return mm_to_points(landscape ? s_.page_width_mm : s_.page_height_mm); }
    [[nodiscard]] double measure() const {
        return page_w(landscape_) - mm_to_points(s_.margin_left_mm + s_.margin_right_mm);
    }
    [[nodiscard]] double body_height() const { return page_h(landscape_) - mm_to_points(s_.margin_top_mm + s_.margin_bottom_mm); }
    std::string section_properties() const;
    void close_section();
    void set_landscape(bool landscape) {
        if (landscape == landscape_) return;
        close_section();
        landscape_ = landscape;
    }

    // ---- blocks ----
    void blocks(const md::Blocks& blocks);
    void block(const md::Block& b, int list_depth = -1);
    void directive(const md::Block& b);
    void paragraph(const md::Spans& spans, PPr p, const RunStyle& rs = {});
    void emit_paragraph(PPr p, const std::string& runs);
    std::string runs(const md::Spans& spans, const RunStyle& rs);
    void heading(const md::Block& b);
    void caption(const md::Block& b);
    void table(const md::Block& b);
    std::string table_xml(const md::Table& t, const std::vector<double>& widths, double size, bool keep_all);
    void chart(const md::Block& b, const page::Figure& f);
    void image(const md::Block& b, PPr p = {}, double max_w = 0);
    std::string picture_run(const std::string& rel, double w, double h, const std::string& name, const std::string& alt,
                            const std::string& svg_rel = "");
    void list(const md::Block& b, int depth);
    void contents(page::ContentsEntry::Kind kind);
    void cover(const md::Blocks& blocks);
    void signatures(const std::vector<md::Blocks>& columns);
    void letterhead(const md::Blocks& blocks);
    std::string cell_blocks(const md::Blocks& blocks, const std::string& style);

    // ---- parts ----
    std::string add_relationship(const std::string& type, const std::string& target, bool external = false);
    // The image's relationship and its header (read once, with the bytes it embeds).
    struct Embedded {
        std::string rel;
        ImageInfo info;
    };
    std::optional<Embedded> embed_image(const std::string& path, const md::Block& b);
    std::string numbering_xml() const;
    int new_list_numbering(const md::Block& b, int depth);
    std::string header_xml(bool running) const;
    std::string footer_xml(bool numbered) const;
    SourcePos here(const md::Block& b) const { return SourcePos{file_, b.line, b.line ? 1u : 0u}; }
    std::string take_bookmark(page::ContentsEntry::Kind kind, const std::string& title);

    const md::Document& doc_;
    const page::Document& laid_;
    const Settings& s_;
    Diagnostics& diags_;
    std::shared_ptr<const std::string> file_;
    std::map<std::uint32_t, const page::Placement*> placement_;
    std::multimap<std::uint32_t, const page::TableLayout*> tables_;
    std::map<std::uint32_t, const page::Figure*> figures_;
    std::map<std::string, std::vector<std::pair<double, double>>> image_sizes_;
    std::map<std::string, std::size_t> image_uses_;
    std::vector<std::string> bookmark_of_;   // per contents entry
    std::vector<bool> bookmark_taken_;
    int bookmark_id_ = 0;

    std::vector<std::string> body_;          // top-level elements (w:p, w:tbl)
    std::size_t section_start_ = 0;
    bool landscape_ = false;
    bool cover_ = false;
    Numbering numbering_ = Numbering::none;  // of the section being written
    Numbering next_numbering_ = Numbering::none;
    bool restart_ = false;
    bool landscape_directive_ = false;
    bool page_break_ = false;
    bool no_number_ = false;
    bool ok_ = true;
    int drawing_id_ = 0;

    // Blocks between paired directives.
    enum class Collect { none, cover, center, letterhead, signature, signatures } collect_ = Collect::none;
    std::vector<md::Blocks> collected_;

    // Captions: the count per kind since the last chapter (SEQ fields).
    std::map<std::string, int> caption_count_;
    // Cross-references: "Tabel 2.1" of every caption -> the bookmark around its label and number,
    // which a "pada Tabel 2.1" of the text refers to with a REF field (Word's caption reference,
    // "only label and number").
    std::map<std::string, std::string> reference_of_;
    void collect_references(const md::Blocks& blocks);
    std::string with_references(const std::string& text, const std::string& rpr);

    std::vector<Part> parts_;                // media, charts, workbooks
    std::string relationships_;
    int next_rel_ = 9;
    std::map<std::string, Embedded> image_rel_;  // resolved path -> relationship and header
    int images_ = 0, charts_ = 0;
    struct ListNum {
        bool ordered;
        char delimiter;
        int depth, start;
    };
    std::vector<ListNum> nums_;
};

std::string Writer::add_relationship(const std::string& type, const std::string& target, bool external) {
    const std::string id = "rId" + std::to_string(next_rel_++);
    relationships_ += "<Relationship Id=\"" + id + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + type +
                      "\" Target=\"" + xml_escape(target) + "\"" + (external ? " TargetMode=\"External\"" : "") + "/>";
    return id;
}

std::string Writer::section_properties() const {
    const bool numbered = numbering_ != Numbering::none;
    std::string x = "<w:sectPr>";
    // Every section names its header and footer: one without would inherit the previous one's.
    x += fmt::format("<w:headerReference w:type=\"default\" r:id=\"{}\"/>", numbered && !s_.running_header.empty() ? kRelHeader : kRelEmptyHeader);
    x += fmt::format("<w:footerReference w:type=\"default\" r:id=\"{}\"/>", numbered ? kRelFooter : kRelEmptyFooter);
    x += "<w:type w:val=\"nextPage\"/>";
    x += fmt::format("<w:pgSz w:w=\"{}\" w:h=\"{}\"{}/>", twips(page_w(landscape_)), twips(page_h(landscape_)),
                     landscape_ ? " w:orient=\"landscape\"" : "");
    // The running header's baseline half-way down the top margin, the page number's half-way up
    // the bottom one (layout/document.cpp, decorate).
    const double top = mm_to_points(s_.margin_top_mm), bottom = mm_to_points(s_.margin_bottom_mm);
    x += fmt::format("<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/>",
                     twips(top), twips(mm_to_points(s_.margin_right_mm)), twips(bottom), twips(mm_to_points(s_.margin_left_mm)),
                     twips(std::max(0.0, top / 2 - 9)), twips(std::max(0.0, bottom / 2 - 4)));
    if (numbered) {
        x += fmt::format("<w:pgNumType w:fmt=\"{}\"{}/>", numbering_ == Numbering::roman ? "lowerRoman" : "decimal", restart_ ? " w:start=\"1\"" : "");
    }
    x += "<w:docGrid w:linePitch=\"360\"/></w:sectPr>";
    return x;
}

// Ends the section being written at the last element written (a paragraph carries the
// properties of the section it closes, §17.6.18); an empty section is not written at all.
void Writer::close_section() {
    if (body_.size() == section_start_) return;
    std::string& last = body_.back();
    const std::string props = section_properties();
    const auto end = last.find("</w:pPr>");
    if (last.starts_with("<w:p>") && end != std::string::npos) last.insert(end, props);
    else body_.push_back("<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/>" + props + "</w:pPr></w:p>");
    section_start_ = body_.size();
    restart_ = false;
    cover_ = false;
    numbering_ = next_numbering_;
}

void Writer::emit_paragraph(PPr p, const std::string& content) {
    if (page_break_) {
        p.page_break = true;
        page_break_ = false;
    }
    body_.push_back("<w:p>" + p.xml() + content + "</w:p>");
}

std::string Writer::runs(const md::Spans& spans, const RunStyle& rs) {
    std::string x;
    for (const md::Span& s : spans) {
        if (s.line_break) {
            x += "<w:r><w:br/></w:r>";
            continue;
        }
        md::Span shown = s;
        if (s.link.starts_with("#")) shown.link.clear();
        const std::string rpr = run_properties(shown, rs);
        std::string run = shown.link.empty() && !s.code ? with_references(s.text, rpr) : text_run(s.text, rpr);
        if (!s.link.empty()) {
            // A `#fragment` (a place in an HTML page) keeps its text, as in the PDF (docs/cli.md).
            if (!s.link.starts_with("#")) {
                run = "<w:hyperlink r:id=\"" + add_relationship("hyperlink", s.link, true) + "\" w:history=\"1\">" + run + "</w:hyperlink>";
            }
        }
        x += run;
    }
    return x;
}

void Writer::paragraph(const md::Spans& spans, PPr p, const RunStyle& rs) {
    emit_paragraph(std::move(p), blank(spans) ? std::string() : runs(spans, rs));
}

std::string Writer::take_bookmark(page::ContentsEntry::Kind kind, const std::string& title) {
    if (bookmark_taken_.empty()) bookmark_taken_.assign(laid_.contents.size(), false);
    for (std::size_t i = 0; i < laid_.contents.size(); ++i) {
        if (bookmark_taken_[i] || laid_.contents[i].kind != kind || laid_.contents[i].title != title) continue;
        bookmark_taken_[i] = true;
        return bookmark_of_[i];
    }
    return "";
}

void Writer::heading(const md::Block& b) {
    PPr p;
    std::string content;
    std::string title;
    if (b.kind == Kind::chapter) {
        p.style = "Heading1";
        if (!b.number.empty()) content = text_run(b.number, "") + "<w:r><w:br/></w:r>";
        content += runs(b.spans, {});
        title = (b.number.empty() ? "" : b.number + " ") + md::plain_text(b.spans);
        caption_count_.clear();  // captions are numbered per chapter
    } else {
        p.style = fmt::format("Heading{}", std::clamp(b.level, 2, 6));
        content = runs(b.spans, {});
        title = md::plain_text(b.spans);
    }
    if (no_number_) p.style += "Plain";  // lkjip:nonumber: not in the Daftar Isi
    const std::string mark = no_number_ || b.level > 3 ? "" : take_bookmark(page::ContentsEntry::Kind::heading, title);
    no_number_ = false;
    if (!mark.empty()) {
        const int id = ++bookmark_id_;
        content = fmt::format("<w:bookmarkStart w:id=\"{}\" w:name=\"{}\"/>", id, mark) + content + fmt::format("<w:bookmarkEnd w:id=\"{}\"/>", id);
    }
    emit_paragraph(p, content);
}

// "Tabel 3.2 …": the number's last part is a SEQ field Word renumbers (\s 1: from 1 in each
// chapter, a Heading 1; \r where the report's number is not the count Word would reach).
void Writer::caption(const md::Block& b) {
    if (!b.caption) return;
    const std::string& kind = b.caption_kind;
    const std::string& number = b.caption_number;
    const auto dot = number.rfind('.');
    const std::string prefix = kind + " " + (dot == std::string::npos ? "" : number.substr(0, dot + 1));
    const std::string last = dot == std::string::npos ? number : number.substr(dot + 1);
    const int expected = ++caption_count_[kind];
    // The first of a chapter also says \r 1: LibreOffice ignores \s when it reads the file.
    std::string switches;
    if (last != std::to_string(expected)) switches = " \\r " + (last.empty() ? std::string("1") : last);
    else if (dot != std::string::npos) switches = expected == 1 ? " \\r 1 \\s 1" : " \\s 1";
    const std::string instruction = fmt::format("SEQ {} \\* ARABIC{}", kind, switches);
    std::string content;
    bool done = false;
    for (const md::Span& s : *b.caption) {
        const auto at = s.text.find(kind + " " + number);
        if (done || s.line_break || at == std::string::npos || !s.link.empty()) {
            content += runs({s}, {});
            continue;
        }
        const std::string rpr = run_properties(s, {});
        if (at > 0) content += text_run(s.text.substr(0, at), rpr);
        const auto ref = reference_of_.find(kind + " " + number);
        const std::string label = text_run(prefix, rpr) + field(instruction, last, rpr);
        if (ref != reference_of_.end()) {
            const int id = ++bookmark_id_;
            content += fmt::format("<w:bookmarkStart w:id=\"{}\" w:name=\"{}\"/>", id, ref->second) + label +
                       fmt::format("<w:bookmarkEnd w:id=\"{}\"/>", id);
        } else {
            content += label;
        }
        const std::string rest = s.text.substr(at + kind.size() + 1 + number.size());
        if (!rest.empty()) content += text_run(rest, rpr);
        done = true;
    }
    if (!done) content = runs(*b.caption, {});
    const std::string mark =
        take_bookmark(kind == "Gambar" ? page::ContentsEntry::Kind::figure : page::ContentsEntry::Kind::table, md::plain_text(*b.caption));
    if (!mark.empty()) {
        const int id = ++bookmark_id_;
        content = fmt::format("<w:bookmarkStart w:id=\"{}\" w:name=\"{}\"/>", id, mark) + content + fmt::format("<w:bookmarkEnd w:id=\"{}\"/>", id);
    }
    PPr p;
    p.style = "Caption";
    emit_paragraph(p, content);
}

void Writer::collect_references(const md::Blocks& blocks) {
    for (const md::Block& b : blocks) {
        if (b.caption && !b.caption_kind.empty() && !b.caption_number.empty()) {
            const std::string key = b.caption_kind + " " + b.caption_number;
            if (!reference_of_.count(key)) reference_of_.emplace(key, "_Ref" + std::to_string(reference_of_.size() + 1));
        }
        collect_references(b.children);
        for (const md::Blocks& item : b.items) collect_references(item);
    }
}

// `text` as runs, each "Tabel N.M" / "Gambar N.M" that names a caption of the document a REF
// field to it (\h: a link), showing the same words until Word updates it.
std::string Writer::with_references(const std::string& text, const std::string& rpr) {
    if (reference_of_.empty()) return text_run(text, rpr);
    std::string out;
    std::size_t from = 0, at = 0;
    while (at < text.size()) {
        std::size_t found = std::string::npos, length = 0;
        std::string bookmark;
        for (const char* kind : {"Tabel ", "Gambar "}) {
            for (std::size_t k = text.find(kind, at); k != std::string::npos && (found == std::string::npos || k < found);
                 k = text.find(kind, k + 1)) {
                // The number: digits and dots, not ending in a dot ("Tabel 2.1." ends a sentence),
                // so "Tabel 2.10" is never read as "Tabel 2.1".
                std::size_t e = k + std::char_traits<char>::length(kind);
                while (e < text.size() && (std::isdigit(static_cast<unsigned char>(text[e])) || text[e] == '.')) ++e;
                while (e > k && text[e - 1] == '.') --e;
                const auto ref = reference_of_.find(text.substr(k, e - k));
                const bool starts_word = k == 0 || !std::isalnum(static_cast<unsigned char>(text[k - 1]));  // not "subTabel"
                if (ref == reference_of_.end() || !starts_word) continue;
                found = k;
                length = e - k;
                bookmark = ref->second;
                break;
            }
        }
        if (found == std::string::npos) break;
        if (found > from) out += text_run(std::string_view(text).substr(from, found - from), rpr);
        out += field("REF " + bookmark + " \\h", text.substr(found, length), rpr);
        from = at = found + length;
    }
    if (from < text.size() || out.empty()) out += text_run(std::string_view(text).substr(from), rpr);
    return out;
}

// The Daftar Isi (TOC \o "1-3"), Daftar Tabel and Daftar Gambar (TOC \c "Tabel" / "Gambar"),
// each entry a link to its heading or caption with a PAGEREF showing the PDF's page number.
void Writer::contents(page::ContentsEntry::Kind kind) {
    using K = page::ContentsEntry::Kind;
    const std::string instruction = kind == K::heading ? "TOC \\o \"1-3\" \\h \\z \\u"
                                    : kind == K::table ? "TOC \\h \\z \\c \"Tabel\""
                                                       : "TOC \\h \\z \\c \"Gambar\"";
    std::vector<std::size_t> entries;
    for (std::size_t i = 0; i < laid_.contents.size(); ++i)
        if (laid_.contents[i].kind == kind) entries.push_back(i);
    const std::string begin = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> " +
                              xml_escape(instruction) + " </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
    const std::string end = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
    if (entries.empty()) {
        PPr p;
        p.style = kind == K::heading ? "TOC1" : "TableofFigures";
        emit_paragraph(p, begin + end);
        return;
    }
    for (std::size_t k = 0; k < entries.size(); ++k) {
        const page::ContentsEntry& e = laid_.contents[entries[k]];
        PPr p;
        p.style = kind == K::heading ? fmt::format("TOC{}", std::clamp(e.level, 1, 3)) : "TableofFigures";
        const std::string& mark = bookmark_of_[entries[k]];
        std::string x = k == 0 ? begin : "";
        x += "<w:hyperlink w:anchor=\"" + mark + "\" w:history=\"1\">" + text_run(e.title, "") + "<w:r><w:tab/></w:r>" +
             field("PAGEREF " + mark + " \\h", e.label, "") + "</w:hyperlink>";
        if (k + 1 == entries.size()) x += end;
        emit_paragraph(p, x);
    }
}

std::optional<Writer::Embedded> Writer::embed_image(const std::string& path, const md::Block& b) {
    if (const auto it = image_rel_.find(path); it != image_rel_.end()) return it->second;
    FileContents file = read_regular_file(path, kMaxImageBytes, N_("image"));
    std::string error;
    const auto info = file.ok() ? image_info_of(file.bytes, path, error) : std::nullopt;
    if (!info) {
        diags_.error(here(b), file.ok() ? error : file.message, _("image paths are relative to the Markdown file (for a data file: to the file that names them)"));
        ok_ = false;
        return std::nullopt;
    }
    const std::string ext = info->format == ImageInfo::Format::png ? "png" : "jpeg";
    const std::string name = fmt::format("media/image{}.{}", ++images_, ext);
    parts_.push_back(Part{"word/" + name, "", std::move(file.bytes)});
    const Embedded embedded{add_relationship("image", name), *info};
    image_rel_.emplace(path, embedded);
    return embedded;
}

std::string Writer::picture_run(const std::string& rel, double w, double h, const std::string& name, const std::string& alt,
                                const std::string& svg_rel) {
    const int id = ++drawing_id_;
    // A vector picture: Office 2016's SVG extension of the blip, the PNG the fallback (MS-ODRAWXML 2.3.3).
    const std::string svg = svg_rel.empty() ? std::string()
                                            : "<a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\"><asvg:svgBlip "
                                              "xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"" +
                                                  svg_rel + "\"/></a:ext></a:extLst>";
    return fmt::format(
        "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{0}\" cy=\"{1}\"/>"
        "<wp:docPr id=\"{2}\" name=\"{3}\" descr=\"{4}\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
        "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr>"
        "<pic:cNvPr id=\"{2}\" name=\"{3}\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"{5}\">{6}</a:blip><a:stretch><a:fillRect/></a:stretch>"
        "</pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{0}\" cy=\"{1}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
        "</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>",
        emu(w), emu(h), id, xml_escape(name), xml_escape(alt), rel, svg);
}

void Writer::image(const md::Block& b, PPr p, double max_w) {
    std::string path = b.url;
    if (fs::path(path).is_relative()) path = (fs::path(s_.base_dir) / path).lexically_normal().string();
    const auto embedded = embed_image(path, b);
    if (!embedded) return;
    // The size the PDF gave it (the k-th use of the file), else its pixels at 96 per inch.
    double w = 0, h = 0;
    const auto sizes = image_sizes_.find(path);
    const std::size_t use = image_uses_[path]++;
    if (sizes != image_sizes_.end() && !sizes->second.empty()) {
        std::tie(w, h) = sizes->second[std::min(use, sizes->second.size() - 1)];
    } else {
        w = embedded->info.width * 0.75;
        h = embedded->info.height * 0.75;
    }
    const double limit = max_w > 0 ? max_w : measure();
    if (w > limit) h *= limit / w, w = limit;
    caption(b);
    if (p.style.empty()) p.style = "Picture";
    emit_paragraph(p, picture_run(embedded->rel, w, h, fs::path(path).filename().string(), b.alt));
}

void Writer::chart(const md::Block& b, const page::Figure& f) {
    caption(b);
    PPr p;
    p.style = "Picture";
    const double w = std::min(f.width, measure()), h = f.width > 0 ? f.height * w / f.width : f.height;
    if (native_chart(f)) {
        const int n = ++charts_;
        const std::string title = b.caption ? md::plain_text(*b.caption) : "";
        const auto workbook = chart_workbook(f, diags_);
        if (!workbook) {
            ok_ = false;
            return;
        }
        parts_.push_back(Part{fmt::format("word/charts/chart{}.xml", n), "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
                              chart_xml(f)});
        parts_.push_back(Part{fmt::format("word/charts/_rels/chart{}.xml.rels", n), "",
                              fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                          "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/package\" "
                                          "Target=\"../embeddings/Microsoft_Excel_Worksheet{}.xlsx\"/></Relationships>",
                                          n)});
        parts_.push_back(Part{fmt::format("word/embeddings/Microsoft_Excel_Worksheet{}.xlsx", n), "", *workbook});
        const std::string rel = add_relationship("chart", fmt::format("charts/chart{}.xml", n));
        const int id = ++drawing_id_;
        emit_paragraph(p, fmt::format("<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{}\" cy=\"{}\"/>"
                                      "<wp:docPr id=\"{}\" name=\"Grafik {}\" descr=\"{}\"/><wp:cNvGraphicFramePr/><a:graphic>"
                                      "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">"
                                      "<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\"{}\"/>"
                                      "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>",
                                      emu(w), emu(std::max(h, 200.0)), id, n, xml_escape(title), rel));
        return;
    }
    std::string error;
    auto png = figure_png(f, laid_.fonts, kPictureDpi, error);
    if (!png) {
        diags_.error(here(b), _f("the chart could not be drawn as a picture: {}", error));
        ok_ = false;
        return;
    }
    const std::string name = fmt::format("media/image{}.png", ++images_);
    parts_.push_back(Part{"word/" + name, "", std::move(*png)});
    const std::string rel = add_relationship("image", name);
    const std::string svg_name = fmt::format("media/image{}.svg", images_);
    parts_.push_back(Part{"word/" + svg_name, "", figure_svg(f, laid_.fonts)});
    const std::string svg_rel = add_relationship("image", svg_name);
    emit_paragraph(p, picture_run(rel, w, h, name.substr(6), b.caption ? md::plain_text(*b.caption) : f.type, svg_rel));
}

// ---- tables ----

std::string Writer::table_xml(const md::Table& t, const std::vector<double>& widths, double size, bool keep_all) {
    const std::size_t n = t.align.size();
    long total = 0;
    for (double w : widths) total += twips(w);
    std::string x = fmt::format("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
                                "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" "
                                "w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
                                total);
    for (double w : widths) x += fmt::format("<w:gridCol w:w=\"{}\"/>", twips(w));
    x += "</w:tblGrid>";
    const auto span_width = [&](std::size_t first, std::size_t span) {
        long w = 0;
        for (std::size_t c = first; c < std::min(n, first + span); ++c) w += twips(widths[c]);
        return w;
    };
    const RunStyle text{size, false, false, false};
    const auto cell_paragraph = [&](const md::Spans& spans, const std::string& style, const std::string& jc, bool keep, int indent,
                                    const RunStyle& rs) {
        PPr p;
        p.style = style;
        p.keep_next = keep;
        p.jc = jc;
        if (indent > 0) p.ind = fmt::format("<w:ind w:left=\"{}\"/>", twips(size * indent));
        return "<w:p>" + p.xml() + runs(spans, rs) + "</w:p>";
    };
    // Header levels: each column covered once, by a cell of its own level or one above reaching down.
    struct Cover {
        const md::HeaderCell* cell = nullptr;
        std::size_t level = 0;
    };
    const std::size_t levels = t.header.size();
    std::vector<std::vector<Cover>> cover(levels, std::vector<Cover>(n));
    for (std::size_t l = 0; l < levels; ++l)
        for (const auto& h : t.header[l])
            for (std::size_t r = l; r < std::min(levels, l + h.rows); ++r)
                for (std::size_t c = h.first; c < std::min(n, h.first + h.span); ++c) cover[r][c] = Cover{&h, l};
    const RunStyle head{size, true, false, false};
    for (std::size_t l = 0; l < levels; ++l) {
        x += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
        for (std::size_t c = 0; c < n;) {
            const Cover& cv = cover[l][c];
            const std::size_t first = cv.cell ? cv.cell->first : c;
            const std::size_t span = cv.cell ? std::max<std::size_t>(1, std::min(cv.cell->span, n - first)) : 1;
            std::string tcpr = fmt::format("<w:tcW w:w=\"{}\" w:type=\"dxa\"/>", span_width(first, span));
            if (span > 1) tcpr += fmt::format("<w:gridSpan w:val=\"{}\"/>", span);
            if (cv.cell && cv.level < l) tcpr += "<w:vMerge/>";
            else if (cv.cell && cv.cell->rows > 1) tcpr += "<w:vMerge w:val=\"restart\"/>";
            tcpr += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\"/><w:vAlign w:val=\"center\"/>";
            const bool own = cv.cell && cv.level == l;
            x += "<w:tc><w:tcPr>" + tcpr + "</w:tcPr>" + cell_paragraph(own ? cv.cell->spans : md::Spans{}, "TableHeading", "center", true, 0, head) +
                 "</w:tc>";
            c = std::max(c + 1, first + span);
        }
        x += "</w:tr>";
    }
    const std::size_t rows = t.rows.size();
    for (std::size_t r = 0; r < rows; ++r) {
        const auto& row = t.rows[r];
        const bool total_row = r < t.total_row.size() && t.total_row[r];
        const auto group = group_cell(row);
        // A table's first two rows stay with its header, the last two together (orphans, widows);
        // a short table is kept whole (layout/blocks.cpp).
        const bool keep = keep_all ? r + 1 < rows : (r < 1 || r + 2 == rows);
        x += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
        for (std::size_t c = 0; c < n && c < row.size(); ++c) {
            const md::TableCell& cell = row[c];
            const bool spanning = group && c == *group;
            const std::size_t span = spanning ? n - c : 1;
            std::string tcpr = fmt::format("<w:tcW w:w=\"{}\" w:type=\"dxa\"/>", span_width(c, span));
            if (span > 1) tcpr += fmt::format("<w:gridSpan w:val=\"{}\"/>", span);
            if (cell.continued) tcpr += "<w:vMerge/>";
            else if (r + 1 < rows && c < t.rows[r + 1].size() && t.rows[r + 1][c].continued && !group) tcpr += "<w:vMerge w:val=\"restart\"/>";
            if (total_row) tcpr += "<w:tcBorders><w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/></w:tcBorders>";
            const std::string jc = t.align[c] == md::Align::right ? "right" : t.align[c] == md::Align::center ? "center" : "left";
            RunStyle rs = text;
            rs.bold = total_row || cell.bold;
            x += "<w:tc><w:tcPr>" + tcpr + "</w:tcPr>" +
                 cell_paragraph(cell.continued ? md::Spans{} : cell.spans, "TableText", spanning ? "left" : jc, keep, cell.indent, rs) + "</w:tc>";
            if (spanning) break;
        }
        x += "</w:tr>";
    }
    return x + "</w:tbl>";
}

void Writer::table(const md::Block& b) {
    if (!b.chart.empty()) {
        if (const auto f = figures_.find(b.line); f != figures_.end()) return chart(b, *f->second);
    }
    const std::size_t n = b.table.align.size();
    if (n == 0) return;
    // The column solver's widths (layout/columns.hpp). A table the PDF cut into parts of its
    // columns is one Word table here, its widths scaled to the page.
    std::vector<double> widths;
    double size = std::max(7.0, s_.size - 2);
    bool keep_all = b.table.rows.size() <= 12;
    const auto [lo, hi] = tables_.equal_range(b.line);
    if (lo != hi && std::next(lo) == hi && lo->second->widths.size() == n) {
        widths = lo->second->widths;
        size = lo->second->size;
        keep_all = lo->second->whole;
    } else {
        if (lo != hi) size = lo->second->size;
        std::vector<double> weight(n, 1);
        for (const auto& row : b.table.rows)
            for (std::size_t c = 0; c < n && c < row.size(); ++c)
                weight[c] = std::max(weight[c], std::min(40.0, static_cast<double>(md::plain_text(row[c].spans).size())));
        double sum = 0;
        for (double w : weight) sum += w;
        for (double w : weight) widths.push_back(measure() * w / sum);
    }
    caption(b);
    if (page_break_) {
        emit_paragraph(PPr{}, "");  // a table cannot start a page by itself: an empty paragraph does
    }
    body_.push_back(table_xml(b.table, widths, size, keep_all));
    if (b.table.source) paragraph(*b.table.source, styled("Source"));
}

// ---- lists ----

int Writer::new_list_numbering(const md::Block& b, int depth) {
    nums_.push_back(ListNum{b.ordered, b.delimiter, depth, b.start});
    return static_cast<int>(nums_.size());
}

void Writer::list(const md::Block& b, int depth) {
    const int num = new_list_numbering(b, depth);
    for (std::size_t i = 0; i < b.items.size(); ++i) {
        bool first = true;
        const int task = i < b.tasks.size() ? b.tasks[i] : 0;
        for (const md::Block& child : b.items[i]) {
            if (child.kind == Kind::paragraph) {
                PPr p;
                p.style = "ListParagraph";
                if (first) {
                    p.num_id = num;
                    p.ilvl = std::min(depth, 8);
                } else {
                    p.ind = fmt::format("<w:ind w:left=\"{}\"/>", twips(kListIndent * (std::min(depth, 8) + 1)));
                }
                md::Spans spans = child.spans;
                if (first && task) spans.insert(spans.begin(), md::Span{task == 2 ? "\xE2\x98\x92 " : "\xE2\x98\x90 ", false, false, false, "", false});
                paragraph(spans, p);
            } else {
                if (first) {
                    // An item that starts with another block: its number on a line of its own.
                    PPr p;
                    p.style = "ListParagraph";
                    p.num_id = num;
                    p.ilvl = std::min(depth, 8);
                    emit_paragraph(p, "");
                }
                block(child, depth + 1);
            }
            first = false;
        }
        if (b.items[i].empty()) {
            PPr p;
            p.style = "ListParagraph";
            p.num_id = num;
            p.ilvl = std::min(depth, 8);
            emit_paragraph(p, "");
        }
    }
}

std::string Writer::numbering_xml() const {
    std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">";
    // One abstract numbering per kind: bullets (• then –), and ordered 1. / a. / 1) by depth
    // (layout/blocks.cpp, marker), with '.' or ')' after the first level's number.
    const auto level = [](int l, bool ordered, char delimiter) {
        std::string fmt_name = "bullet", text;
        if (!ordered) text = l % 2 == 0 ? "\xE2\x80\xA2" : "\xE2\x80\x93";
        else if (l % 3 == 1) fmt_name = "lowerLetter", text = fmt::format("%{}{}", l + 1, delimiter);
        else fmt_name = "decimal", text = fmt::format("%{}{}", l + 1, l % 3 == 2 ? ')' : delimiter);
        return fmt::format("<w:lvl w:ilvl=\"{0}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{1}\"/><w:lvlText w:val=\"{2}\"/><w:lvlJc w:val=\"left\"/>"
                           "<w:pPr><w:ind w:left=\"{3}\" w:hanging=\"{4}\"/></w:pPr></w:lvl>",
                           l, fmt_name, xml_escape(text), twips(kListIndent * (l + 1)), twips(kListIndent));
    };
    const struct {
        bool ordered;
        char delimiter;
    } kinds[] = {{false, '.'}, {true, '.'}, {true, ')'}};
    for (int k = 0; k < 3; ++k) {
        x += fmt::format("<w:abstractNum w:abstractNumId=\"{}\"><w:multiLevelType w:val=\"hybridMultilevel\"/>", k);
        for (int l = 0; l < 9; ++l) x += level(l, kinds[k].ordered, kinds[k].delimiter);
        x += "</w:abstractNum>";
    }
    for (std::size_t i = 0; i < nums_.size(); ++i) {
        const ListNum& n = nums_[i];
        const int abstract = !n.ordered ? 0 : n.delimiter == ')' ? 2 : 1;
        x += fmt::format("<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"{}\"/>", i + 1, abstract);
        // Every list counts from its own first number, nested ones included.
        x += fmt::format("<w:lvlOverride w:ilvl=\"{}\"><w:startOverride w:val=\"{}\"/></w:lvlOverride>", std::min(n.depth, 8), std::max(0, n.start));
        x += "</w:num>";
    }
    return x + "</w:numbering>";
}

// ---- paired directives ----

// The cover as the PDF sets it (layout/cover.cpp): the title block high, the agency block at
// the foot, the logo centred between; the gaps are the PDF's, measured on its cover page.
void Writer::cover(const md::Blocks& blocks) {
    struct Item {
        const md::Block* block;
        double size;
        std::string style;
    };
    std::vector<Item> items;
    for (const md::Block& b : blocks) {
        if (b.kind == Kind::chapter || b.kind == Kind::heading) {
            static constexpr double kSizes[] = {21, 16, 14, 12};
            static const char* const kStyles[] = {"Title", "Subtitle", "CoverLine", "CoverLine"};
            const int level = b.kind == Kind::chapter ? 1 : std::clamp(b.level, 1, 4);
            items.push_back(Item{&b, kSizes[level - 1], kStyles[level - 1]});
        } else if (b.kind == Kind::paragraph && !blank(b.spans)) {
            items.push_back(Item{&b, 10, "CoverLine"});
        } else if (b.kind == Kind::image) {
            items.push_back(Item{&b, 0, "Picture"});
        }
    }
    // The cover page of the PDF: its first page without a label.
    const page::Page* pg = nullptr;
    for (const auto& p : laid_.pages) {
        if (p.label.empty()) {
            pg = &p;
            break;
        }
    }
    const double top_edge = page_h(false) - mm_to_points(s_.margin_top_mm);
    const page::Image* logo = pg && !pg->images.empty() ? &pg->images.front() : nullptr;
    // Text tops and bottoms above and below the logo, from the runs' baselines.
    double first_top = top_edge, above_bottom = top_edge, below_top = 0;
    bool any_above = false, any_below = false;
    if (pg) {
        for (const auto& t : pg->text) {
            const double top = t.y + t.size * 0.95, bottom = t.y - t.size * 0.25;
            if (!logo || t.y > logo->y + logo->h) {
                first_top = any_above ? std::max(first_top, top) : top;
                above_bottom = any_above ? std::min(above_bottom, bottom) : bottom;
                any_above = true;
            } else {
                below_top = any_below ? std::max(below_top, top) : top;
                any_below = true;
            }
        }
    }
    bool seen_logo = false, first = true, first_below = true;
    for (const Item& it : items) {
        PPr p;
        p.style = it.style;
        double before = first ? std::max(0.0, top_edge - first_top) : kCoverItemGap * it.size;
        if (it.block->kind == Kind::image) {
            seen_logo = true;
            if (logo) before = std::max(0.0, above_bottom - (logo->y + logo->h));
            p.spacing = fmt::format("<w:spacing w:before=\"{}\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>", twips(before));
            image(*it.block, p, measure());
        } else {
            if (seen_logo && first_below && logo && any_below) before = std::max(0.0, logo->y - below_top);
            if (seen_logo) first_below = false;
            p.spacing = fmt::format("<w:spacing w:before=\"{}\" w:after=\"0\" w:line=\"{}\" w:lineRule=\"exact\"/>", twips(before),
                                    twips(it.size * kDisplayLeading));
            md::Spans spans = it.block->spans;
            if (it.block->kind == Kind::chapter && !it.block->number.empty())
                spans.insert(spans.begin(), md::Span{it.block->number + " ", false, false, false, "", false});
            paragraph(spans, p, RunStyle{it.size, it.block->kind != Kind::paragraph, false, false});
        }
        first = false;
    }
}

// The paragraphs of a cell (a signature, the letterhead's text) as Word paragraphs.
std::string Writer::cell_blocks(const md::Blocks& blocks, const std::string& style) {
    const std::size_t mark = body_.size();
    for (const md::Block& b : blocks) {
        if (b.kind == Kind::paragraph) {
            PPr p;
            p.style = style;
            paragraph(b.spans, p);
        } else if (b.kind == Kind::directive) {
            continue;
        } else {
            block(b);
        }
    }
    std::string x;
    for (std::size_t i = mark; i < body_.size(); ++i) x += body_[i];
    body_.resize(mark);
    if (x.empty() || !x.ends_with("</w:p>")) x += "<w:p/>";  // a cell ends with a paragraph (§17.4.66)
    return x;
}

// Signatures side by side in a table without rules, its one row kept on one page; a single
// signature sits in the right half (docs/markdown.md).
void Writer::signatures(const std::vector<md::Blocks>& columns) {
    const double w = measure() / static_cast<double>(std::max<std::size_t>(1, columns.size()));
    std::string x = fmt::format("<w:tbl><w:tblPr><w:tblStyle w:val=\"PlainTable\"/><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
                                "</w:tblPr><w:tblGrid>",
                                twips(measure()));
    for (std::size_t c = 0; c < columns.size(); ++c) x += fmt::format("<w:gridCol w:w=\"{}\"/>", twips(w));
    x += "</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>";
    for (const md::Blocks& column : columns) {
        x += fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr>", twips(w)) + cell_blocks(column, "Signature") + "</w:tc>";
    }
    x += "</w:tr></w:tbl>";
    if (page_break_) emit_paragraph(PPr{}, "");
    // The last lines before a signature stay on its page (layout/blocks.cpp).
    if (!body_.empty() && body_.back().starts_with("<w:p>") && body_.size() > section_start_) {
        const auto at = body_.back().find("<w:pPr>");
        if (at != std::string::npos && body_.back().find("<w:keepNext/>") == std::string::npos) {
            const auto style_end = body_.back().find("/>", at);
            const bool styled = body_.back().compare(at + 7, 11, "<w:pStyle w") == 0;
            body_.back().insert(styled ? style_end + 2 : at + 7, "<w:keepNext/>");
        }
    }
    body_.push_back(x);
}

// The kop surat: the logo at the left, at most 22 mm, the paragraphs centred beside it, and
// a thick and a thin rule under both.
void Writer::letterhead(const md::Blocks& blocks) {
    const md::Block* logo = nullptr;
    md::Blocks text;
    for (const md::Block& b : blocks) {
        if (b.kind == Kind::image && !logo) logo = &b;
        else text.push_back(b);
    }
    const double logo_w = logo ? mm_to_points(kLetterheadLogo) + 6 : 0;
    std::string x = fmt::format("<w:tbl><w:tblPr><w:tblStyle w:val=\"PlainTable\"/><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
                                "</w:tblPr><w:tblGrid>",
                                twips(measure()));
    if (logo) x += fmt::format("<w:gridCol w:w=\"{}\"/>", twips(logo_w));
    x += fmt::format("<w:gridCol w:w=\"{}\"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>", twips(measure() - logo_w));
    if (logo) {
        const std::size_t mark = body_.size();
        PPr p;
        p.style = "Picture";
        p.spacing = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>";
        p.jc = "left";
        image(*logo, p, mm_to_points(kLetterheadLogo));
        std::string cell;
        for (std::size_t i = mark; i < body_.size(); ++i) cell += body_[i];
        body_.resize(mark);
        x += fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>", twips(logo_w)) +
             (cell.empty() ? "<w:p/>" : cell) + "</w:tc>";
    }
    std::string cell;
    for (const md::Block& b : text) {
        if (b.kind != Kind::paragraph) continue;
        PPr p;
        p.jc = "center";
        p.spacing = "<w:spacing w:before=\"0\" w:after=\"0\"/>";
        cell += "<w:p>" + p.xml() + runs(b.spans, {}) + "</w:p>";
    }
    x += fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>", twips(measure() - logo_w)) +
         (cell.empty() ? "<w:p/>" : cell) + "</w:tc></w:tr></w:tbl>";
    body_.push_back(x);
    PPr rule;
    rule.borders = "<w:bottom w:val=\"thickThinSmallGap\" w:sz=\"24\" w:space=\"1\" w:color=\"000000\"/>";
    rule.spacing = "<w:spacing w:before=\"0\" w:after=\"120\" w:line=\"120\" w:lineRule=\"exact\"/>";
    emit_paragraph(rule, "");
}

// ---- the walk ----

void Writer::directive(const md::Block& b) {
    const std::string& d = b.directive;
    if (collect_ != Collect::none) {
        const bool ends = (d == "end-cover" && collect_ == Collect::cover) || (d == "end-center" && collect_ == Collect::center) ||
                          (d == "end-letterhead" && collect_ == Collect::letterhead) ||
                          (d == "end-signature" && collect_ == Collect::signature) || (d == "end-signatures" && collect_ == Collect::signatures);
        if (!ends) {
            if (d == "column" && collect_ == Collect::signatures) collected_.push_back({});
            return;  // a signature's own markers inside a side-by-side group only delimit it
        }
        const Collect what = collect_;
        collect_ = Collect::none;
        if (what == Collect::cover) {
            cover(collected_.front());
            close_section();
        } else if (what == Collect::center) {
            for (const md::Block& c : collected_.front()) {
                if (c.kind == Kind::paragraph) {
                    PPr p;
                    p.jc = "center";
                    paragraph(c.spans, p);
                } else {
                    block(c);
                }
            }
        } else if (what == Collect::letterhead) {
            letterhead(collected_.front());
        } else {
            if (what == Collect::signature) collected_.insert(collected_.begin(), md::Blocks{});
            signatures(collected_);
        }
        return;
    }
    if (d == "page-break") page_break_ = true;
    else if (d == "front-matter" || d == "main-matter") {
        next_numbering_ = d == "front-matter" ? Numbering::roman : Numbering::arabic;
        close_section();
        numbering_ = next_numbering_;
        restart_ = true;
    } else if (d == "nonumber") no_number_ = true;
    else if (d == "toc") contents(page::ContentsEntry::Kind::heading);
    else if (d == "list-of-tables") contents(page::ContentsEntry::Kind::table);    // i18n: not a message
    else if (d == "list-of-figures") contents(page::ContentsEntry::Kind::figure);  // i18n: not a message
    else if (d == "landscape" || d == "end-landscape") landscape_directive_ = d == "landscape";
    else if (d == "cover") {
        close_section();
        const Numbering after = numbering_;
        numbering_ = Numbering::none;
        next_numbering_ = after;
        cover_ = true;
        landscape_ = false;
        collect_ = Collect::cover;
        collected_ = {{}};
    } else if (d == "letterhead" || d == "center") {
        collect_ = d == "letterhead" ? Collect::letterhead : Collect::center;
        collected_ = {{}};
    } else if (d == "signature" || d == "signatures") {
        collect_ = d == "signature" ? Collect::signature : Collect::signatures;
        collected_ = {{}};
    }
}

void Writer::block(const md::Block& b, int list_depth) {
    switch (b.kind) {
        case Kind::chapter:
        case Kind::heading: return heading(b);
        case Kind::paragraph: {
            PPr p;
            if (list_depth >= 0) p.ind = fmt::format("<w:ind w:left=\"{}\"/>", twips(kListIndent * std::min(list_depth, 9)));
            return paragraph(b.spans, p);
        }
        case Kind::list: return list(b, std::max(0, list_depth));
        case Kind::quote:
            for (const md::Block& c : b.children) {
                if (c.kind == Kind::paragraph) paragraph(c.spans, styled("Quote"));
                else block(c, list_depth);
            }
            return;
        case Kind::rule: {
            PPr p;
            p.borders = "<w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"808080\"/>";
            return emit_paragraph(p, "");
        }
        case Kind::table: return table(b);
        case Kind::image: return image(b);
        case Kind::code: {
            std::string x;
            const std::string text = md::plain_text(b.spans);
            std::size_t from = 0;
            while (from <= text.size()) {
                auto nl = text.find('\n', from);
                if (nl == std::string::npos) nl = text.size();
                if (from > 0) x += "<w:r><w:br/></w:r>";
                if (nl > from) x += text_run(std::string_view(text).substr(from, nl - from), "");
                from = nl + 1;
            }
            return emit_paragraph(styled("CodeBlock"), x);
        }
        case Kind::footnote: {
            // As the PDF sets a note: its number raised, then its text, small.
            bool first = true;
            for (const md::Block& c : b.children) {
                std::string x = first ? text_run(b.number, "<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>") + text_run(" ", "") : "";
                if (c.kind == Kind::paragraph) {
                    emit_paragraph(styled("FootnoteText"), x + runs(c.spans, {}));
                } else {
                    if (first) emit_paragraph(styled("FootnoteText"), x);
                    block(c, list_depth);
                }
                first = false;
            }
            if (b.children.empty()) emit_paragraph(styled("FootnoteText"), text_run(b.number, "<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>"));
            return;
        }
        case Kind::directive: return directive(b);
    }
}

void Writer::blocks(const md::Blocks& blocks) {
    for (const md::Block& b : blocks) {
        if (collect_ != Collect::none && b.kind != Kind::directive) {
            collected_.back().push_back(b);
            continue;
        }
        if (b.kind != Kind::directive && !cover_) {
            // The orientation of the PDF page the block starts on (a table too wide for portrait
            // and the headings carried with it), else the directives' own.
            const auto p = placement_.find(b.line);
            set_landscape(p != placement_.end() ? p->second->landscape : landscape_directive_);
        }
        block(b);
    }
}

std::string Writer::header_xml(bool running) const {
    std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">";
    if (running) {
        // The report's title, small and italic, over a thin rule (layout/document.cpp, decorate).
        x += "<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" w:color=\"000000\"/></w:pBdr></w:pPr>" +
             text_run(s_.running_header, "") + "</w:p>";
    } else {
        x += "<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr></w:p>";
    }
    return x + "</w:hdr>";
}

std::string Writer::footer_xml(bool numbered) const {
    std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    "<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>";
    if (numbered) x += field("PAGE", "1", "");
    return x + "</w:p></w:ftr>";
}

std::optional<std::string> Writer::run() {
    collect_references(doc_.blocks);
    blocks(doc_.blocks);
    if (collect_ == Collect::cover) {  // an unclosed cover: what was collected is still printed
        collect_ = Collect::none;
        cover(collected_.front());
    } else if (collect_ != Collect::none) {
        collect_ = Collect::none;
        for (const md::Blocks& bs : collected_) blocks(bs);
    }
    if (!ok_) return std::nullopt;
    if (body_.empty()) emit_paragraph(PPr{}, "");
    std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
                    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
                    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "  // i18n: not a message
                    "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>";
    for (const std::string& e : body_) x += e;
    x += section_properties();  // the last section's properties close the body (§17.6.17)
    x += "</w:body></w:document>";

    const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    std::string doc_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    const std::pair<const char*, std::string> fixed[] = {
        {kRelStyles, "styles\" Target=\"styles.xml"},       {kRelSettings, "settings\" Target=\"settings.xml"},
        {kRelNumbering, "numbering\" Target=\"numbering.xml"}, {kRelFonts, "fontTable\" Target=\"fontTable.xml"},
        {kRelHeader, "header\" Target=\"header1.xml"},      {kRelFooter, "footer\" Target=\"footer1.xml"},
        {kRelEmptyHeader, "header\" Target=\"header2.xml"}, {kRelEmptyFooter, "footer\" Target=\"footer2.xml"}};
    for (const auto& [id, rest] : fixed) doc_rels += "<Relationship Id=\"" + std::string(id) + "\" Type=\"" + rel + rest + "\"/>";
    doc_rels += relationships_ + "</Relationships>";

    std::vector<Part> parts;
    parts.push_back(Part{"[Content_Types].xml", "", ""});  // filled last, from the list
    parts.push_back(Part{"_rels/.rels", "",
                         "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                         "<Relationship Id=\"rId1\" Type=\"" + rel + "officeDocument\" Target=\"word/document.xml\"/>"
                         "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
                         "<Relationship Id=\"rId3\" Type=\"" + rel + "extended-properties\" Target=\"docProps/app.xml\"/></Relationships>"});
    parts.push_back(Part{"docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml", core_properties_xml(s_.info)});
    parts.push_back(Part{"docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml", app_properties_xml()});
    parts.push_back(Part{"word/document.xml", wml + "document.main+xml", std::move(x)});
    parts.push_back(Part{"word/_rels/document.xml.rels", "", std::move(doc_rels)});
    parts.push_back(Part{"word/styles.xml", wml + "styles+xml", styles_xml(s_)});
    parts.push_back(Part{"word/settings.xml", wml + "settings+xml", settings_xml()});
    parts.push_back(Part{"word/numbering.xml", wml + "numbering+xml", numbering_xml()});
    parts.push_back(Part{"word/fontTable.xml", wml + "fontTable+xml", font_table_xml(s_)});
    parts.push_back(Part{"word/header1.xml", wml + "header+xml", header_xml(true)});
    parts.push_back(Part{"word/footer1.xml", wml + "footer+xml", footer_xml(true)});
    parts.push_back(Part{"word/header2.xml", wml + "header+xml", header_xml(false)});
    parts.push_back(Part{"word/footer2.xml", wml + "footer+xml", footer_xml(false)});
    for (Part& p : parts_) parts.push_back(std::move(p));
    parts.front().bytes = content_types_xml(parts);
    std::string error;
    auto bytes = zip_package(parts, s_.info, error);
    if (!bytes) diags_.error(SourcePos{file_, 0, 0}, _f("the Word file could not be made: {}", error));
    return bytes;
}

}  // namespace

std::optional<std::string> write_docx(const md::Document& doc, const page::Document& laid_out, const Settings& settings,
                                      Diagnostics& diags) {
    return Writer(doc, laid_out, settings, diags).run();
}

}  // namespace lkjip::docx
