// Shaping (HarfBuzz kerning) and UAX #14 line breaking in paragraphs (issue 17).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "layout/font_metrics.hpp"
#include "layout/paragraph.hpp"
#include "layout/uax14.hpp"

using namespace lkjip::layout;

namespace {

const std::string kDir = "/usr/share/fonts/truetype/liberation2/LiberationSerif-";

struct Serif {
    std::optional<FontMetrics> r, b, i, bi;
    FontSet set;
    Serif() {
        std::string e;
        r = FontMetrics::load(kDir + "Regular.ttf", e);
        b = FontMetrics::load(kDir + "Bold.ttf", e);
        i = FontMetrics::load(kDir + "Italic.ttf", e);
        bi = FontMetrics::load(kDir + "BoldItalic.ttf", e);
        for (int f = 0; f < 4; ++f) set.faces[f] = f == 0 ? &*r : f == 1 ? &*b : f == 2 ? &*i : &*bi;
        set.faces[4] = &*r;
    }
};

// The text of each line, runs joined with a space where the layout left a gap.
std::vector<std::string> lines_of(const std::vector<PlacedLine>& lines) {
    std::vector<std::string> out;
    for (const auto& l : lines) {
        std::string s;
        for (const auto& r : l.runs) s += (s.empty() ? "" : " ") + r.text;
        out.push_back(s);
    }
    return out;
}

lkjip::md::Spans plain(const std::string& text) {
    lkjip::md::Span s;
    s.text = text;
    return {s};
}

}  // namespace

TEST_CASE("shaping: kerning narrows the measure and the drawing is split where it applies") {
    Serif f;
    REQUIRE(f.r->shaper());
    // Liberation Serif kerns A-V, T-a, Y-o (GPOS): the shaped width is below the nominal sum.
    CHECK(f.r->width("AVATAR", 12) < f.r->nominal_width("AVATAR", 12) - 1);
    CHECK(f.r->width("Tahun", 12) < f.r->nominal_width("Tahun", 12));
    // Nothing to kern: one piece, the nominal width.
    const auto k = f.r->shaper()->shape("kinerja");
    CHECK(k.pieces.size() == 1);
    CHECK(f.r->width("kinerja", 12) == doctest::Approx(f.r->nominal_width("kinerja", 12)));
    // "Ta": the "a" starts a new piece at the kerned position.
    const auto ta = f.r->shaper()->shape("Tahun");
    REQUIRE(ta.pieces.size() == 2);
    CHECK(ta.pieces[1].at == 1);
    CHECK(ta.pieces[1].x * 12 < f.r->nominal_width("T", 12));
    CHECK(ta.width == doctest::Approx(f.r->width("Tahun", 1)));
    // The same text always gives the same pieces (the PDF must be reproducible), and the
    // writer finds the shaper the layout measured with.
    CHECK(f.r->shaper()->shape("Tahun").pieces == ta.pieces);
    CHECK(shaper_for_file(kDir + "Regular.ttf").get() != nullptr);
    // No ligature glyphs: "fi" and "fl" are measured as their letters.
    CHECK(f.r->width("efisiensi fleksibel", 12) == doctest::Approx(f.r->nominal_width("efisiensi fleksibel", 12)));
}

TEST_CASE("uax14: breaks inside words where the Unicode algorithm allows them") {
    auto kinds = [](const std::string& w) {
        std::vector<std::size_t> at;
        for (const auto& b : word_breaks(w, line_breaks(w))) at.push_back(b.at);
        return at;
    };
    CHECK(kinds("dan/atau") == std::vector<std::size_t>{4});
    CHECK(kinds("Tinggi/Berhasil") == std::vector<std::size_t>{7});
    CHECK(kinds("1.234,56").empty());      // a number stays whole
    CHECK(kinds("2020-2024").empty());
    CHECK(kinds("Undang-Undang").empty());  // extraction would drop a line-end hyphen
    CHECK(kinds("kinerja,").empty());       // no break before closing punctuation
    CHECK(kinds("(kinerja)").empty());
    // A URL also breaks before its dots and underscores (never inside "v1.2").
    const auto url = kinds("https://sakip.go.id/lap_kinerja/v1.2");
    CHECK(url == std::vector<std::size_t>{8, 13, 16, 20, 23, 32});
    CHECK(url_like("sakip.pekalongankota.go.id"));
    CHECK_FALSE(url_like("Rp1.234.567"));
}

TEST_CASE("uax14: bytes that are not UTF-8 give break opportunities at their offsets, never an abort") {
    // libunibreak asserts on a sequence cut short at the end ("\xff\xff", "\xe2\x80").
    for (const std::string& text : {std::string("kata \xff\xff"), std::string("kata \xe2\x80"), std::string("\xf0\x9f kata lain\xc3")}) {
        const std::string brks = line_breaks(text);
        CHECK(brks.size() == text.size());
    }
    // The valid text around a bad byte breaks as it would alone: after "kata " and before "lain".
    const std::string brks = line_breaks("kata \xff lain");
    CHECK(brks[4] == kAllowBreak);
}

TEST_CASE("paragraph: a narrow column breaks after slashes, never before closing punctuation") {
    Serif f;
    ParagraphStyle style;
    style.size = 10;
    style.justify = false;
    style.measure = f.r->width("Sangat Tinggi /", 10) + 2;
    // Issue 17: "Sangat Tinggi / Sangat Berhasil" wrapped as "Sangat / Tinggi / Sangat ...":
    // the "/" stays with the word before it (UAX #14 LB13).
    const auto spaced = lines_of(set_paragraph(plain("Sangat Tinggi / Sangat Berhasil"), f.set, style));
    REQUIRE(!spaced.empty());
    CHECK(spaced.front() == "Sangat Tinggi /");
    for (const auto& l : spaced) CHECK(l.front() != '/');
    // Without spaces the line breaks after the slash, and nothing is lost.
    style.measure = f.r->width("Berhasil", 10) + 1;
    const auto tight = lines_of(set_paragraph(plain("Tinggi/Berhasil"), f.set, style));
    CHECK(tight == std::vector<std::string>{"Tinggi/", "Berhasil"});
    // A closing parenthesis or a comma never starts a line, even after a space.
    style.measure = f.r->width("capaian kinerja", 10) + 1;
    for (const auto& l : lines_of(set_paragraph(plain("capaian kinerja ) dan , target"), f.set, style))) {
        CHECK(l.front() != ')');
        CHECK(l.front() != ',');
    }
}
