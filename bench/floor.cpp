// Section 3: the floor. The words of the 60-page synthetic document written straight with
// libharu (one embedded TrueType font, UTF-8, one HPDF_Page_TextOut per line, no layout, no
// second pass): the time lkjip's PDF stage cannot beat.
#include <hpdf.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "bench.hpp"
#include "markdown/markdown.hpp"

namespace lkjip::bench {

namespace {

struct Line {
    double x = 0, y = 0;
    std::size_t font = 0;  // the font and size of the line's first run
    double size = 12;
    std::string text;
};
struct FloorPage {
    double width = 0, height = 0;
    std::vector<Line> lines;
};

// The text of the typeset pages regrouped into lines: runs with the same baseline joined by
// spaces in x order (the positions lkjip computed are reused, nothing is measured). With
// `join` false, every run stays its own "line", as lkjip's writer draws them.
std::vector<FloorPage> lines_of(const page::Document& doc, bool join, std::size_t& run_count) {
    std::vector<FloorPage> pages;
    run_count = 0;
    for (const auto& pg : doc.pages) {
        std::map<long, std::multimap<double, const page::TextRun*>> by_baseline;  // y in 0.1 pt, x → run
        for (const auto& run : pg.text) by_baseline[std::lround(-run.y * 10)].emplace(run.x, &run);
        FloorPage fp{pg.width, pg.height, {}};
        for (const auto& [y10, runs] : by_baseline) {
            const page::TextRun& first = *runs.begin()->second;
            Line line{first.x, -static_cast<double>(y10) / 10, first.font, first.size, {}};
            for (const auto& [x, run] : runs) {
                if (!join && !line.text.empty()) {
                    fp.lines.push_back(std::move(line));
                    line = Line{x, run->y, run->font, run->size, {}};
                }
                if (!line.text.empty()) line.text += ' ';
                line.text += run->text;
                ++run_count;
            }
            fp.lines.push_back(std::move(line));
        }
        pages.push_back(std::move(fp));
    }
    return pages;
}

void HPDF_STDCALL on_error(HPDF_STATUS error_no, HPDF_STATUS, void* user_data) {
    auto* first = static_cast<HPDF_STATUS*>(user_data);
    if (*first == HPDF_OK) *first = error_no;
}

struct Variant {
    const char* name;
    bool all_fonts;   // false: every line in the first font; true: each line in its own font and size
    bool per_run;     // one TextOut per run of the page model (a word), not per line
    HPDF_UINT compression;
};

// Writes `pages` with libharu into `out`; returns libharu's first error status (0: none).
HPDF_STATUS write_raw(const std::vector<FloorPage>& pages, const std::vector<page::Font>& fonts, const Variant& v,
                      std::string& out) {
    HPDF_STATUS error = HPDF_OK;
    HPDF_Doc pdf = HPDF_New(on_error, &error);
    if (!pdf) return HPDF_FAILD_TO_ALLOC_MEM;
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    HPDF_SetCompressionMode(pdf, v.compression);
    // Fonts are loaded when first used, as lkjip's writer loads only the faces the text uses.
    std::vector<HPDF_Font> loaded(fonts.size(), nullptr);
    auto font_of = [&](std::size_t i) -> HPDF_Font {
        if (!v.all_fonts || i >= fonts.size()) i = 0;
        if (!loaded[i]) {
            const char* name = HPDF_LoadTTFontFromFile(pdf, fonts[i].file.c_str(), HPDF_TRUE);
            loaded[i] = name ? HPDF_GetFont(pdf, name, "UTF-8") : nullptr;
        }
        return loaded[i];
    };
    for (const auto& fp : pages) {
        if (error != HPDF_OK) break;
        HPDF_Page page = HPDF_AddPage(pdf);
        HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(fp.width));
        HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(fp.height));
        HPDF_Page_BeginText(page);
        for (const auto& line : fp.lines) {
            HPDF_Font font = font_of(line.font);
            if (!font) break;
            HPDF_Page_SetFontAndSize(page, font, static_cast<HPDF_REAL>(v.all_fonts ? line.size : 12));
            HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(line.x), static_cast<HPDF_REAL>(line.y), line.text.c_str());
        }
        HPDF_Page_EndText(page);
    }
    if (error == HPDF_OK) HPDF_SaveToStream(pdf);
    if (error == HPDF_OK) {
        HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
        out.resize(size);
        HPDF_ResetStream(pdf);
        HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
        out.resize(size);
    }
    HPDF_Free(pdf);
    return error;
}

}  // namespace

void bench_floor(int reps) {
    std::printf("\n== 3. Floor: the same words written straight with libharu, no layout (median of %d runs after 1 warm-up) ==\n",
                reps);
    const auto settings = synthetic_settings();
    Diagnostics diags;
    const md::Document doc = md::parse(synthetic_markdown(kTargetChapters), settings.source_name, diags);
    const auto typeset = layout::typeset(doc, settings, diags);
    if (!typeset || typeset->fonts.empty()) {
        std::printf("the synthetic document does not typeset\n");
        return;
    }
    std::size_t run_count = 0;
    const auto pages = lines_of(*typeset, true, run_count);
    const auto runs = lines_of(*typeset, false, run_count);
    std::size_t lines = 0;
    for (const auto& p : pages) lines += p.lines.size();
    std::printf("%zu pages, %zu lines, %zu text runs (words) placed by lkjip's layout\n", pages.size(), lines,
                run_count);
    const Variant variants[] = {
        {"FLOOR: 1 font, a TextOut per line", false, false, HPDF_COMP_ALL},
        {"lkjip's faces, a TextOut per line", true, false, HPDF_COMP_ALL},
        {"lkjip's faces, a TextOut per word", true, true, HPDF_COMP_ALL},
        {"same, nothing compressed", true, true, HPDF_COMP_NONE},
    };
    std::printf("%-38s %6s %8s %8s %8s\n", "libharu only (compressed unless said)", "fonts", "ms", "ms/page", "PDF KiB");
    for (const auto& v : variants) {
        std::vector<double> times;
        std::string out;
        for (int i = 0; i <= reps; ++i) {
            const auto t0 = Clock::now();
            const HPDF_STATUS error = write_raw(v.per_run ? runs : pages, typeset->fonts, v, out);
            const double t = ms_since(t0);
            if (error != HPDF_OK) {
                std::printf("%s: libharu error 0x%04lX\n", v.name, static_cast<unsigned long>(error));
                return;
            }
            if (i > 0) times.push_back(t);
        }
        std::size_t used = 1;
        if (v.all_fonts) {
            std::vector<bool> seen(typeset->fonts.size(), false);
            for (const auto& p : pages)
                for (const auto& l : p.lines)
                    if (l.font < seen.size()) seen[l.font] = true;
            used = static_cast<std::size_t>(std::count(seen.begin(), seen.end(), true));
        }
        std::printf("%-38s %6zu %8.2f %8.3f %8.1f\n", v.name, used, median(times),
                    median(times) / static_cast<double>(pages.size()), kib(out.size()));
    }
}

}  // namespace lkjip::bench
