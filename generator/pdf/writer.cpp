// write_pdf: the document-level part of the PDF writer (fonts, pages, outline, page labels,
// document information, saving), then the repair pass over libharu's output (postprocess.cpp).
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "common/file_cache.hpp"
#include "common/i18n.hpp"
#include "pdf/pdf.hpp"
#include "pdf/session.hpp"

namespace lkjip::pdf {
namespace detail {
namespace {

// libharu calls this for every error and then returns an error status from the failing
// function; recording the first error (instead of longjmp, which would skip C++ destructors)
// lets the writer stop at its next check and still free everything.
void HPDF_STDCALL on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
    auto* s = static_cast<Session*>(user_data);
    if (s->error == HPDF_OK) {
        s->error = error_no;
        s->detail = detail_no;
    }
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::string check_date(const page::DocumentInfo& info) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (info.year < 1 || info.year > 9999 || info.month < 1 || info.month > 12 || info.day < 1 ||
        info.day > days[info.month - 1] + (info.month == 2 && leap(info.year) ? 1 : 0)) {
        return _f("document date {}-{}-{} is not a valid date", info.year, info.month, info.day);
    }
    return "";
}

// Loads the fonts the text runs use, once per file, in font-index order (so that libharu's
// subset tags and object numbers do not depend on the order of the runs). Each is cut down first
// to the characters its runs set (font_program.cpp), so the runs are read once before any font is
// loaded; a run that is not UTF-8 is reported when it is drawn.
std::string load_fonts(Session& s, const page::Document& doc) {
    std::vector<bool> used(doc.fonts.size(), false);
    std::map<std::string, CodeSet> codes_by_file;
    std::string scratch;
    for (const auto& pg : doc.pages) {
        for (const auto& t : pg.text) {
            if (t.font >= used.size()) continue;
            used[t.font] = true;
            to_bmp(t.text, scratch, codes_by_file[doc.fonts[t.font].file]);
        }
    }
    s.fonts.assign(doc.fonts.size(), nullptr);
    s.font_names.assign(doc.fonts.size(), "");
    s.font_codes.assign(doc.fonts.size(), nullptr);
    std::map<std::string, std::size_t> by_file;
    for (std::size_t i = 0; i < doc.fonts.size(); ++i) {
        if (!used[i]) continue;
        const auto& f = doc.fonts[i];
        if (auto it = by_file.find(f.file); it != by_file.end()) {
            s.fonts[i] = s.fonts[it->second];
            s.font_names[i] = s.font_names[it->second];
            s.font_codes[i] = s.font_codes[it->second];
            continue;
        }
        // The bytes the layout measured, read once per process (common/file_cache.hpp).
        const CachedFile file = read_cached_file(f.file, kMaxFontBytes, N_("font file"));
        if (!file.ok()) return _f("font '{}': {}", f.name, file.message);
        if (auto why = check_truetype(*file.bytes, file.bytes->size()); !why.empty()) {
            return _f("font '{}' ('{}'): {}", f.name, f.file, why);
        }
        // Embedded and subset (PDF 1.7, 9.9 Embedded Font Programs; 9.6.4 Font Subsets).
        const std::string program = subset_truetype(*file.bytes, codes_by_file[f.file]);
        const char* name = program.empty() ? nullptr : load_truetype_from_memory(s, program);
        if (!name && s.failed()) {
            // libharu refused the cut-down program (a table it wants that HarfBuzz left out): the
            // whole font then, as without subsetting.
            HPDF_ResetError(s.pdf);
            s.error = HPDF_OK;
            s.detail = 0;
        }
        if (!name) name = HPDF_LoadTTFontFromFile(s.pdf, f.file.c_str(), HPDF_TRUE);
        HPDF_Font font = name ? HPDF_GetFont(s.pdf, name, "UTF-8") : nullptr;
        if (!font || s.failed()) return _f("font '{}' ('{}'): {}", f.name, f.file, s.haru_message());
        s.fonts[i] = font;
        s.font_names[i] = name;
        s.font_codes[i] = &s.codes[name];  // std::map: the address stays valid
        by_file.emplace(f.file, i);
    }
    return "";
}

// PDF 1.7, 12.3.3 Document Outline: entries nested by level under the last entry of a
// smaller level; a skipped level (1 then 3) nests under the deepest entry there is.
std::string add_outline(Session& s, const page::Document& doc) {
    std::vector<std::pair<int, HPDF_Outline>> open;  // the chain of ancestors, by level
    std::string title;
    for (std::size_t i = 0; i < doc.outline.size(); ++i) {
        const auto& e = doc.outline[i];
        if (e.page >= s.pages.size()) {
            return _f("outline entry {} ('{}'): page {} but the document has {} pages", i + 1, e.title, e.page + 1,
                      s.pages.size());
        }
        if (!usable(e.y)) return _f("outline entry {} ('{}'): y is not a finite number", i + 1, e.title);
        CodeSet ignored;
        if (!to_bmp(e.title, title, ignored)) return _f("outline entry {}: title is not valid UTF-8", i + 1);
        while (!open.empty() && open.back().first >= e.level) open.pop_back();
        HPDF_Outline parent = open.empty() ? nullptr : open.back().second;
        HPDF_Outline o = HPDF_CreateOutline(s.pdf, parent, title.c_str(), s.utf8);
        if (!o || s.failed()) return _f("outline entry {} ('{}'): {}", i + 1, e.title, s.haru_message());
        HPDF_Destination dst = HPDF_Page_CreateDestination(s.pages[e.page]);
        HPDF_Destination_SetXYZ(dst, 0, real(std::max(0.0, e.y)), 1);  // zoom: see PageWriter::link
        HPDF_Outline_SetDestination(o, dst);
        HPDF_Outline_SetOpened(o, HPDF_FALSE);
        open.emplace_back(e.level, o);
    }
    return s.haru_message();
}

// PDF 1.7, 12.4.2 Page Labels. Ranges are sorted by first page (a number tree needs ascending
// keys) and a later range for the same page replaces an earlier one. libharu has no style
// "none"; such a range is written as decimal and its /S removed by postprocess().
std::string add_labels(Session& s, const page::Document& doc) {
    std::map<std::size_t, page::PageLabelRange> ranges;
    for (const auto& r : doc.labels) {
        if (r.first_page >= s.pages.size()) {
            return _f("page label range starts at page {} but the document has {} pages", r.first_page + 1, s.pages.size());
        }
        if (r.start < 1) return _f("page label range at page {} starts at {} (must be >= 1)", r.first_page + 1, r.start);
        ranges[r.first_page] = r;
    }
    for (const auto& [first, r] : ranges) {
        const HPDF_PageNumStyle style =
            r.style == page::PageLabelRange::Style::roman_lower ? HPDF_PAGE_NUM_STYLE_LOWER_ROMAN : HPDF_PAGE_NUM_STYLE_DECIMAL;
        HPDF_AddPageLabel(s.pdf, static_cast<HPDF_UINT>(first), style, static_cast<HPDF_UINT>(r.start), nullptr);
    }
    return s.haru_message();
}

// PDF 1.7, 14.3.3 Document Information Dictionary; text strings written by libharu's UTF-8
// encoder, dates from the data (7.9.4) so the bytes never depend on the clock.
std::string add_info(Session& s, const page::DocumentInfo& info) {
    const std::pair<HPDF_InfoType, const std::string*> fields[] = {{HPDF_INFO_TITLE, &info.title},
                                                                   {HPDF_INFO_AUTHOR, &info.author},
                                                                   {HPDF_INFO_SUBJECT, &info.subject},
                                                                   {HPDF_INFO_CREATOR, &info.creator},
                                                                   {HPDF_INFO_KEYWORDS, &info.keywords}};
    std::string value;
    for (const auto& [type, text] : fields) {
        if (text->empty()) continue;
        CodeSet ignored;
        if (!to_bmp(*text, value, ignored)) return _("document information: a field is not valid UTF-8");
        HPDF_SetInfoAttr(s.pdf, type, value.c_str());
    }
    if (auto why = check_date(info); !why.empty()) return why;
    const HPDF_Date date{info.year, info.month, info.day, 0, 0, 0, 'Z', 0, 0};
    HPDF_SetInfoDateAttr(s.pdf, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(s.pdf, HPDF_INFO_MOD_DATE, date);
    return s.haru_message();
}

std::string build(Session& s, const page::Document& doc, std::string& raw) {
    if (!s.pdf) return _("libharu cannot create a document (out of memory)");
    if (doc.pages.empty()) return _("the document has no pages");
    HPDF_UseUTFEncodings(s.pdf);
    HPDF_SetCurrentEncoder(s.pdf, "UTF-8");
    s.utf8 = HPDF_GetEncoder(s.pdf, "UTF-8");
    HPDF_SetCompressionMode(s.pdf, HPDF_COMP_NONE);
    if (s.failed() || !s.utf8) return s.haru_message();
    if (auto why = load_fonts(s, doc); !why.empty()) return why;
    // Every page exists before any is drawn: links and the outline point forwards.
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        const auto& pg = doc.pages[i];
        // HPDF_MIN_PAGESIZE and HPDF_MAX_PAGESIZE; PDF 1.7 Annex C.2 (14 400 units).
        if (!(pg.width >= 3 && pg.width <= 14400 && pg.height >= 3 && pg.height <= 14400)) {
            return _f("page {}: size {}x{} is outside 3..14400 pt", i + 1, pg.width, pg.height);
        }
        HPDF_Page p = HPDF_AddPage(s.pdf);
        HPDF_Page_SetWidth(p, real(pg.width));
        HPDF_Page_SetHeight(p, real(pg.height));
        if (!p || s.failed()) return _f("page {}: {}", i + 1, s.haru_message());
        s.pages.push_back(p);
    }
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        if (auto why = draw_page(s, doc, i); !why.empty()) return why;
    }
    mark_glyphs_used(s);
    if (auto why = add_outline(s, doc); !why.empty()) return why;
    if (!doc.outline.empty()) HPDF_SetPageMode(s.pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    if (auto why = add_labels(s, doc); !why.empty()) return why;
    if (auto why = add_info(s, doc.info); !why.empty()) return why;
    if (save_to_memory_file(s, raw)) return "";
    if (s.failed()) return _f("saving: {}", s.haru_message());
    HPDF_SaveToStream(s.pdf);
    const HPDF_UINT32 size = HPDF_GetStreamSize(s.pdf);
    if (s.failed() || size == 0) return _f("saving: {}", s.haru_message());
    // Read back in large chunks: HPDF_GetContents of the whole file went through libharu's
    // memory stream buffer by buffer and cost as much as writing the file (callgrind).
    raw.resize(size);
    HPDF_ResetStream(s.pdf);
    std::size_t got = 0;
    while (got < size && !s.failed()) {
        HPDF_UINT32 chunk = std::min<HPDF_UINT32>(size - static_cast<HPDF_UINT32>(got), 1u << 20);
        const HPDF_STATUS st = HPDF_ReadFromStream(s.pdf, reinterpret_cast<HPDF_BYTE*>(raw.data() + got), &chunk);
        got += chunk;
        if (chunk == 0 || (st != HPDF_OK && st != HPDF_STREAM_EOF)) break;
    }
    if (s.failed() || got != size) return _f("saving: {}", s.haru_message());
    return "";
}

}  // namespace

Session::Session() : pdf(HPDF_New(on_error, this)) {}
Session::~Session() {
    if (pdf) HPDF_Free(pdf);
}

}  // namespace detail

WriteResult write_pdf(const page::Document& doc, std::string& bytes) {
    bytes.clear();
    std::string raw, error;
    std::map<std::string, detail::CodeSet> codes;
    {
        detail::Session s;
        error = detail::build(s, doc, raw);
        codes = std::move(s.codes);
    }  // libharu's document is freed before the second pass
    if (error.empty() && !detail::postprocess(raw, codes, doc, bytes, error)) bytes.clear();
    if (!error.empty()) {
        bytes.clear();
        return {false, error};
    }
    return {true, ""};
}

}  // namespace lkjip::pdf
