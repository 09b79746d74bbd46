// One libharu document being written: the handle, the error handler's record and the
// resources loaded so far (shared by writer.cpp and draw.cpp).
#pragma once

#include <hpdf.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/internal.hpp"

namespace lkjip::pdf::detail {

class Session {
public:
    Session();
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    HPDF_Doc pdf = nullptr;
    HPDF_Encoder utf8 = nullptr;  // for outline titles and document information
    // The first libharu error (the handler does not longjmp: libharu returns an error status
    // from the failing call, and we stop at the next check).
    HPDF_STATUS error = HPDF_OK, detail = 0;

    std::vector<HPDF_Page> pages;                 // one per page::Document::pages entry
    std::vector<HPDF_Font> fonts;                 // per page::Document::fonts index; null: unused
    std::vector<std::string> font_names;          // libharu's name of each (the BaseFont)
    std::map<std::string, CodeSet> codes;         // character codes used, per BaseFont
    std::vector<CodeSet*> font_codes;             // per font index: its entry in `codes`
    std::map<std::string, HPDF_Image> images;     // loaded once per file
    std::vector<std::string> image_data;          // kept alive until the document is saved

    bool failed() const { return error != HPDF_OK; }
    // "" or the recorded libharu error as a message.
    std::string haru_message() const { return failed() ? haru_error_text(error, detail) : ""; }
};

// Finite and within libharu's (and PDF 1.7 Annex C's) real range.
inline bool usable(double v) { return v == v && v >= -32767.0 && v <= 32767.0; }
inline HPDF_REAL real(double v) { return static_cast<HPDF_REAL>(v); }

// The TrueType program `font` cut down to the glyphs of `codes` (font_program.cpp); "" when
// HarfBuzz cannot subset it (the whole file is embedded then).
std::string subset_truetype(std::string_view font, const CodeSet& codes);

// Loads a TrueType program held in memory into libharu's document, embedded, as
// HPDF_LoadTTFontFromFile does a file; its BaseFont name, or null when the system offers no
// memory file (the caller loads the font's own file) or libharu refuses it (s.error says why).
const char* load_truetype_from_memory(Session& s, std::string_view program);

// Saves the document into a memory file (font_program.cpp) and reads it into `raw`; false, with
// `raw` empty, when the system offers no memory file (the caller saves to libharu's stream) or
// libharu fails (s.error says why).
bool save_to_memory_file(Session& s, std::string& raw);

// Marks, in each font, the glyphs of the characters its text runs set, for libharu's subsetting
// (draw.cpp); after the pages are drawn, before saving.
void mark_glyphs_used(Session& s);

// Draws page `index` of `doc` onto `s.pages[index]`; "" or what is wrong.
std::string draw_page(Session& s, const page::Document& doc, std::size_t index);

}  // namespace lkjip::pdf::detail
