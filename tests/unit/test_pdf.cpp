// The PDF writer (generator/pdf, issue 5): small page models built by hand, written, saved to a
// temporary file and checked with the tools a reader of the report would use (poppler-utils:
// pdftotext, pdffonts, pdfinfo, pdfimages, pdftoppm; qpdf).
#include <doctest/doctest.h>

#include <ctime>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <unistd.h>

#include "layout/font_metrics.hpp"
#include "layout/shaping.hpp"
#include "pdf/pdf.hpp"

using namespace lkjip;

namespace {

const std::string kSerif = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf";
const std::string kSerifBold = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf";
const std::string kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

// A file in a fresh temporary directory, removed with it at the end of the test.
class TempDir {
public:
    TempDir() {
        char pattern[] = "/tmp/lkjip-pdf-XXXXXX";
        const char* made = mkdtemp(pattern);
        REQUIRE(made != nullptr);
        dir_ = made;
    }
    ~TempDir() { std::system(("rm -rf '" + dir_ + "'").c_str()); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string path(const std::string& name) const { return dir_ + "/" + name; }
    std::string write(const std::string& name, const std::string& bytes) const {
        std::ofstream(path(name), std::ios::binary) << bytes;
        return path(name);
    }

private:
    std::string dir_;
};

struct Run {
    int status = -1;
    std::string out, err;
};

// Runs a shell command; standard error is collected through a file next to the output.
Run run(const std::string& command, const TempDir& tmp) {
    Run r;
    const std::string err = tmp.path("stderr.txt");
    FILE* p = popen((command + " 2>'" + err + "'").c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[4096];
    std::size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    r.status = pclose(p);
    std::ifstream in(err);
    std::ostringstream s;
    s << in.rdbuf();
    r.err = s.str();
    return r;
}

page::TextRun text(double x, double y, std::size_t font, double size, std::string s, page::Color c = {}) {
    page::TextRun t;
    t.x = x, t.y = y, t.font = font, t.size = size, t.text = std::move(s), t.color = c;
    return t;
}

// Three pages: i and ii (roman), then a landscape page 1; three fonts; every kind of element.
// The kerning the layout records (layout/document.cpp add_kerning): the pieces of each run as the
// shaper of its font sets them, in points.
void kern(page::Document& d) {
    for (auto& p : d.pages) {
        for (auto& t : p.text) {
            const auto shaper = lkjip::layout::shaper_for_file(d.fonts[t.font].file);
            if (!shaper) continue;
            const auto pieces = shaper->shape(t.text).pieces;
            t.pieces.clear();
            if (pieces.size() > 1)
                for (const auto& piece : pieces) t.pieces.push_back(page::TextPiece{piece.at, piece.x * t.size});
        }
    }
}

page::Document sample() {
    page::Document d;
    d.fonts = {{"LiberationSerif-Regular", kSerif}, {"LiberationSerif-Bold", kSerifBold}, {"DejaVuSans", kDejaVu}};
    for (int p = 0; p < 3; ++p) {
        page::Page pg;
        if (p == 2) std::swap(pg.width, pg.height);
        pg.label = p == 0 ? "i" : p == 1 ? "ii" : "1";
        pg.boxes.push_back({72, 600, 100, 50, page::Color{0.9, 0.9, 0.9}, page::Color{0, 0, 0.5}, 1});
        page::Path path;
        path.ops = {{page::PathOp::Kind::move, 72, 500},
                    {page::PathOp::Kind::line, 300, 500},
                    {page::PathOp::Kind::curve, 320, 520, 340, 480, 360, 500},
                    {page::PathOp::Kind::close}};
        path.stroke = page::Color{1, 0, 0};
        path.dash = {3, 1.5};
        pg.paths.push_back(path);
        pg.rules.push_back({72, 560, 520, 560, 0.5, {}});
        pg.text.push_back(text(72, 769.9, 1, 12, p == 0 ? "KATA PENGANTAR" : "BAB I"));
        pg.text.push_back(text(72, 740, 0, 11, "Capaian"));
        pg.text.push_back(text(110, 740, 2, 11, "▲", {0, 0.5, 0}));
        pg.text.push_back(text(122, 740, 0, 11, "kinerja"));
        pg.text.push_back(text(160, 740, 0, 11, "≥"));
        pg.text.push_back(text(170, 740, 0, 11, "100%"));
        pg.text.push_back(text(72, 720, 0, 11, "Perangkat Daerah – “baik” ≤ ➤ • Pekalongan"));
        pg.text.push_back(text(72, 700, 2, 11, "▼ turun"));
        pg.links.push_back({72, 735, 100, 12, 2, 500});
        d.pages.push_back(pg);
    }
    d.outline = {{"BAB I Pendahuluan", 1, 1, 769.9}, {"1.1 Latar Belakang “LKjIP”", 2, 1, 700}, {"BAB II ≥", 1, 2, 500}};
    d.labels = {{page::PageLabelRange::Style::roman_lower, 0, 1}, {page::PageLabelRange::Style::arabic, 2, 1}};
    d.info = {"Laporan Kinerja “2024”", "Dinas Perdagangan", "LKjIP 2024", "lkjip 0.1", "kinerja, capaian", 2024, 12, 31};
    return d;
}

std::string write_ok(const page::Document& d) {
    std::string bytes;
    const auto r = pdf::write_pdf(d, bytes);
    INFO(r.error);
    REQUIRE(r.ok);
    REQUIRE(bytes.size() > 1000);
    return bytes;
}

std::string error_of(const page::Document& d) {
    std::string bytes = "left over";
    const auto r = pdf::write_pdf(d, bytes);
    CHECK_FALSE(r.ok);
    CHECK(bytes.empty());
    return r.error;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// The uncompressed, one-object-a-line form of a PDF, for looking at its objects.
std::string qdf(const std::string& file, const TempDir& tmp) {
    const auto r = run("qpdf --qdf --object-streams=disable '" + file + "' -", tmp);
    REQUIRE(r.status == 0);
    return r.out;
}

}  // namespace

TEST_CASE("pdf: fonts are embedded TrueType subsets with a ToUnicode map") {
    TempDir tmp;
    const auto file = tmp.write("a.pdf", write_ok(sample()));
    const auto r = run("pdffonts '" + file + "'", tmp);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    // libharu 2.3.0 does subset (only the glyphs used are kept) and tags the name (HPDFAA+).
    int fonts = 0;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        if (!contains(line, "CID TrueType")) continue;
        ++fonts;
        INFO(line);
        CHECK(contains(line, "Identity-H       yes yes yes"));
        CHECK(line[6] == '+');
    }
    CHECK(fonts == 3);
}

TEST_CASE("pdf: pdftotext gives back the UTF-8 text, and no tool reports a syntax problem") {
    TempDir tmp;
    const auto file = tmp.write("a.pdf", write_ok(sample()));
    const auto text = run("pdftotext -layout '" + file + "' -", tmp);
    CHECK(text.status == 0);
    CHECK(text.err.empty());
    CHECK(contains(text.out, "Capaian ▲ kinerja ≥ 100%"));
    CHECK(contains(text.out, "Perangkat Daerah – “baik” ≤ ➤ • Pekalongan"));
    CHECK(contains(text.out, "▼ turun"));
    for (const std::string tool : {"pdffonts", "pdfinfo", "pdftotext", "pdfimages -list"}) {
        const auto r = run(tool + " '" + file + "' " + (tool == "pdftotext" ? "-" : ""), tmp);
        INFO(tool, r.err);
        CHECK(r.status == 0);
        CHECK_FALSE(contains(r.err, "Syntax"));
    }
}

TEST_CASE("pdf: qpdf --check passes without warnings") {
    TempDir tmp;
    const auto file = tmp.write("a.pdf", write_ok(sample()));
    const auto r = run("qpdf --check '" + file + "'", tmp);
    INFO(r.out, r.err);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(contains(r.out, "No syntax or stream encoding errors found"));
    CHECK_FALSE(contains(r.out, "WARNING"));
}

TEST_CASE("pdf: the ToUnicode CMaps are bfchar/bfrange maps of the codes used") {
    TempDir tmp;
    const auto q = qdf(tmp.write("a.pdf", write_ok(sample())), tmp);
    CHECK_FALSE(contains(q, "begincidrange"));  // what libharu 2.3.0 writes
    CHECK_FALSE(contains(q, "/CMapName /UTF-8"));
    CHECK(contains(q, "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange"));
    CHECK(contains(q, "<25B2> <25B2>"));          // ▲ in DejaVu Sans
    CHECK(contains(q, "<2264> <2265> <2264>"));   // ≤ ≥ in Liberation Serif, one range
    CHECK(contains(q, "/Ordering (Identity)"));
}

TEST_CASE("pdf: the text is drawn at the positions of the page model") {
    TempDir tmp;
    auto kerned = sample();
    kern(kerned);
    const auto file = tmp.write("a.pdf", write_ok(kerned));
    const auto r = run("pdftotext -f 1 -l 1 -bbox '" + file + "' -", tmp);
    REQUIRE(r.status == 0);
    // <word xMin="72.000000" yMin=... >Capaian</word>; y is measured from the top there. Kerned
    // runs are drawn in pieces placed with relative Td moves, so a position may be off by the
    // 1e-5 pt of libharu's number format.
    auto x_of = [&](const std::string& word) {
        const auto at = r.out.find(">" + word + "<");
        REQUIRE(at != std::string::npos);
        const auto start = r.out.rfind("<word", at);
        const auto x = r.out.find("xMin=\"", start);
        return std::stod(r.out.substr(x + 6, 12));
    };
    CHECK(x_of("Capaian") == doctest::Approx(72).epsilon(1e-6));
    CHECK(x_of("kinerja") == doctest::Approx(122).epsilon(1e-6));
    // Drawn where the kerned measure puts it, not where the nominal advances would (the kerning
    // of "KATA " in bold is 2.4 pt at 12 pt); /W widths are rounded to 1/1000 em.
    std::string e;
    const auto bold = lkjip::layout::FontMetrics::load(kSerifBold, e);
    REQUIRE(bold);
    CHECK(std::fabs(x_of("PENGANTAR") - (72 + bold->width("KATA ", 12))) < 0.05);
    CHECK(std::fabs(x_of("PENGANTAR") - (72 + bold->nominal_width("KATA ", 12))) > 0.5);
}

TEST_CASE("pdf: page sizes, document information and dates") {
    TempDir tmp;
    const auto file = tmp.write("a.pdf", write_ok(sample()));
    const auto r = run("pdfinfo -isodates -f 1 -l 3 '" + file + "'", tmp);
    INFO(r.out);
    CHECK(r.err.empty());
    CHECK(contains(r.out, "Page    1 size:  595.276 x 841.89 pts (A4)"));
    CHECK(contains(r.out, "Page    3 size:  841.89 x 595.276 pts (A4)"));
    CHECK(contains(r.out, "Title:           Laporan Kinerja “2024”"));
    CHECK(contains(r.out, "Author:          Dinas Perdagangan"));
    CHECK(contains(r.out, "Subject:         LKjIP 2024"));
    CHECK(contains(r.out, "Keywords:        kinerja, capaian"));
    CHECK(contains(r.out, "Creator:         lkjip 0.1"));
    CHECK(contains(r.out, "CreationDate:    2024-12-31T00:00:00Z"));
    CHECK(contains(r.out, "ModDate:         2024-12-31T00:00:00Z"));
}

TEST_CASE("pdf: page labels roman, decimal and none") {
    auto d = sample();
    d.pages.push_back(d.pages[0]);
    d.labels.push_back({page::PageLabelRange::Style::none, 3, 1});
    TempDir tmp;
    const auto file = tmp.write("a.pdf", write_ok(d));
    const auto r = run("qpdf --json --json-key=pagelabels '" + file + "'", tmp);
    INFO(r.out);
    CHECK(r.status == 0);
    auto squeeze = [](std::string s) {
        std::erase_if(s, [](char c) { return c == ' ' || c == '\n'; });
        return s;
    };
    const auto json = squeeze(r.out);
    CHECK(contains(json, R"("index":0,"label":{"/S":"/r","/St":1})"));
    CHECK(contains(json, R"("index":2,"label":{"/S":"/D","/St":1})"));
    CHECK(contains(json, R"("index":3,"label":{"/St":1})"));
}

TEST_CASE("pdf: the outline is nested by level, with UTF-8 titles and destinations") {
    TempDir tmp;
    const auto file = tmp.write("a.pdf", write_ok(sample()));
    const auto r = run("qpdf --json --json-key=outlines '" + file + "'", tmp);
    INFO(r.out);
    REQUIRE(r.status == 0);
    const auto chapter = r.out.find("\"title\": \"BAB I Pendahuluan\"");
    const auto section = r.out.find("\"title\": \"1.1 Latar Belakang “LKjIP”\"");
    const auto second = r.out.find("\"title\": \"BAB II ≥\"");
    REQUIRE(chapter != std::string::npos);
    REQUIRE(section != std::string::npos);
    REQUIRE(second != std::string::npos);
    // qpdf prints the kids of an entry before its title: the section is inside the first chapter.
    CHECK(section < chapter);
    CHECK(contains(r.out.substr(0, chapter), "\"destpageposfrom1\": 2"));
    CHECK(contains(r.out, "\"destpageposfrom1\": 3"));
    CHECK(contains(r.out, "769.9"));
}

TEST_CASE("pdf: links jump to the target page and y without a border") {
    TempDir tmp;
    const auto q = qdf(tmp.write("a.pdf", write_ok(sample())), tmp);
    CHECK(contains(q, "/Subtype /Link"));
    CHECK(contains(q, "/Border [\n    0\n    0\n    0\n  ]"));
    CHECK(contains(q, "/XYZ\n  0\n  500\n  null\n]"));  // zoom null: the reader's zoom is kept
}

TEST_CASE("pdf: PNG and JPEG images") {
    TempDir tmp;
    // The images are made from a first PDF by pdftoppm, so the test needs no binary files.
    const auto first = tmp.write("first.pdf", write_ok(sample()));
    REQUIRE(run("pdftoppm -r 10 -singlefile -png '" + first + "' '" + tmp.path("img") + "'", tmp).status == 0);
    REQUIRE(run("pdftoppm -r 10 -singlefile -jpeg '" + first + "' '" + tmp.path("img") + "'", tmp).status == 0);
    auto d = sample();
    d.pages[0].images.push_back({tmp.path("img.png"), 300, 600, 50, 70});
    d.pages[1].images.push_back({tmp.path("img.jpg"), 300, 600, 50, 70});
    d.pages[2].images.push_back({tmp.path("img.png"), 300, 400, 50, 70});  // loaded once
    const auto file = tmp.write("a.pdf", write_ok(d));
    const auto r = run("pdfimages -list '" + file + "'", tmp);
    INFO(r.out, r.err);
    CHECK(r.err.empty());
    CHECK(contains(r.out, "   1     0 image      83   117  rgb     3   8  image"));
    CHECK(contains(r.out, "   2     1 image      83   117  rgb     3   8  jpeg"));
    CHECK(contains(r.out, "   3     2 image      83   117  rgb     3   8  image"));
    CHECK(run("qpdf --check '" + file + "'", tmp).status == 0);
}

TEST_CASE("pdf: graphics state is set only when it changes") {
    TempDir tmp;
    auto d = sample();
    d.pages.resize(1);
    d.pages[0].links.clear();
    d.outline.clear();
    d.labels.resize(1);
    for (int i = 0; i < 50; ++i) d.pages[0].text.push_back(text(72, 600.0 - i * 10, 0, 11, "sama"));
    kern(d);
    const auto q = qdf(tmp.write("a.pdf", write_ok(d)), tmp);
    auto count = [&q](const std::string& op) {
        std::size_t n = 0;
        for (auto at = q.find(op); at != std::string::npos; at = q.find(op, at + 1)) ++n;
        return n;
    };
    // Bold 12, Serif 11, DejaVu 11, Serif 11, DejaVu 11, Serif 11 (the 50 runs add none).
    CHECK(count(" Tf\n") == 6);
    // One Tj per run, and one more per kerning adjustment inside a run (layout/shaping.hpp).
    std::size_t pieces = 0;
    for (const auto& t : d.pages[0].text) pieces += std::max<std::size_t>(t.pieces.size(), 1);
    CHECK(pieces > d.pages[0].text.size());  // "PENGANTAR", "Perangkat", "Pekalongan" are kerned
    CHECK(count(" Tj\n") == pieces);
    CHECK(count("BT\n") == 1);
}

TEST_CASE("pdf: two writes of the same document are byte-identical") {
    const auto d = sample();
    CHECK(write_ok(d) == write_ok(d));
}

TEST_CASE("pdf: bad input gives a message, never a crash") {
    TempDir tmp;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    {
        auto d = sample();
        d.fonts[0].file = tmp.path("missing.ttf");
        CHECK(contains(error_of(d), "missing.ttf"));
    }
    {
        auto d = sample();
        d.fonts[0].file = tmp.write("fake.ttf", "<html>not a font</html>");
        const auto e = error_of(d);
        CHECK(contains(e, "fake.ttf"));
        CHECK(contains(e, "not a TrueType font"));
    }
    {
        auto d = sample();
        std::ifstream in(kSerif, std::ios::binary);
        std::string head(2000, '\0');
        in.read(head.data(), 2000);
        d.fonts[0].file = tmp.write("cut.ttf", head);
        CHECK(contains(error_of(d), "truncated TrueType font"));
    }
    {
        auto d = sample();
        d.pages[1].images.push_back({tmp.path("missing.png"), 0, 0, 10, 10});
        CHECK(contains(error_of(d), "missing.png"));
    }
    {
        auto d = sample();
        d.pages[1].images.push_back({kSerif, 0, 0, 10, 10});
        CHECK(contains(error_of(d), "is no longer a PNG or JPEG file"));
    }
    {
        auto d = sample();
        d.pages[1].images.push_back({tmp.write("bad.png", std::string("\x89PNG\r\n\x1a\n", 8) + "garbage"), 0, 0, 10, 10});
        CHECK(contains(error_of(d), "bad.png`: not a readable PNG"));
    }
    {
        // A real PNG cut in the middle of its image data, and one with a changed byte there:
        // libpng would abort the process inside libharu (see png_decode_error).
        const auto first = tmp.write("first.pdf", write_ok(sample()));
        REQUIRE(run("pdftoppm -r 10 -singlefile -png '" + first + "' '" + tmp.path("img") + "'", tmp).status == 0);
        std::ifstream in(tmp.path("img.png"), std::ios::binary);
        const std::string png{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        const auto idat = png.find("IDAT");
        REQUIRE(idat != std::string::npos);
        auto d = sample();
        d.pages[1].images.push_back({tmp.write("cut.png", png.substr(0, idat + 40)), 0, 0, 10, 10});
        CHECK(contains(error_of(d), "cut.png`: damaged PNG"));
        std::string changed = png;
        changed[idat + 30] = static_cast<char>(changed[idat + 30] ^ 0x55);
        d.pages[1].images.back().file = tmp.write("changed.png", changed);
        CHECK(contains(error_of(d), "changed.png`: damaged PNG"));
        // JPEG: libharu reads only the markers; a cut file must give an error, not a crash.
        REQUIRE(run("pdftoppm -r 10 -singlefile -jpeg '" + first + "' '" + tmp.path("img") + "'", tmp).status == 0);
        std::ifstream jin(tmp.path("img.jpg"), std::ios::binary);
        const std::string jpg{std::istreambuf_iterator<char>(jin), std::istreambuf_iterator<char>()};
        d.pages[1].images.back().file = tmp.write("cut.jpg", jpg.substr(0, 12));
        CHECK(contains(error_of(d), "cut.jpg"));
    }
    {
        auto d = sample();
        d.pages[1].text[2].x = nan;
        CHECK(error_of(d) == "internal error in the PDF writer: page 2, text run 3: x is not a finite number within +-32767 "
                             "(please report this as a bug with the input)");
    }
    {
        auto d = sample();
        d.pages[0].paths[0].ops[1].y1 = std::numeric_limits<double>::infinity();
        CHECK(contains(error_of(d), "page 1, path 1: y1 is not a finite number"));
    }
    {
        auto d = sample();
        d.pages[0].boxes[0].fill = page::Color{2, 0, 0};
        CHECK(contains(error_of(d), "colour component outside 0..1"));
    }
    {
        auto d = sample();
        d.pages[0].text[0].font = 7;
        CHECK(contains(error_of(d), "font index 7 but the document has 3 fonts"));
    }
    {
        auto d = sample();
        d.pages[0].text[0].text = "bad \xC3\x28 utf-8";
        CHECK(contains(error_of(d), "page 1, text run 1: not valid UTF-8"));
    }
    {
        auto d = sample();
        d.pages[0].links[0].target_page = 9;
        CHECK(contains(error_of(d), "target page 10 but the document has 3 pages"));
    }
    {
        auto d = sample();
        d.outline[1].page = 5;
        CHECK(contains(error_of(d), "outline entry 2"));
    }
    {
        auto d = sample();
        d.info.month = 2, d.info.day = 30;
        CHECK(contains(error_of(d), "not a valid date"));
    }
    {
        auto d = sample();
        d.pages[0].width = nan;
        CHECK(contains(error_of(d), "page 1: size"));
    }
    {
        auto d = sample();
        d.pages[0].paths[0].ops.erase(d.pages[0].paths[0].ops.begin());
        CHECK(contains(error_of(d), "does not start with a move"));
    }
    {
        auto d = sample();
        d.pages.clear();
        CHECK(contains(error_of(d), "no pages"));
    }
    {
        auto d = sample();
        d.pages[0].text[0].size = 0;
        CHECK(contains(error_of(d), "font size"));
    }
}

TEST_CASE("pdf: a character outside the BMP is written as U+FFFD") {
    auto d = sample();
    d.pages.resize(1);
    d.outline.clear();
    d.labels.resize(1);
    d.pages[0].links.clear();
    d.pages[0].text.push_back(text(72, 300, 2, 11, "A\xF0\x9F\x98\x80Z"));
    TempDir tmp;
    const auto r = run("pdftotext '" + tmp.write("a.pdf", write_ok(d)) + "' -", tmp);
    CHECK(contains(r.out, "A\xEF\xBF\xBDZ"));
}

TEST_CASE("pdf: a 60-page document is written whole") {
    page::Document d = sample();
    d.pages.clear();
    for (int p = 0; p < 60; ++p) {
        page::Page pg;
        pg.label = std::to_string(p + 1);
        pg.text.push_back(text(72, 769.9, 1, 12, "BAB I"));
        for (int line = 0; line < 45; ++line) {
            for (int w = 0; w < 9; ++w) pg.text.push_back(text(72 + w * 50, 740.0 - line * 14, 0, 11, "pelaksanaan"));
            pg.text.push_back(text(520, 740.0 - line * 14, 2, 11, "▲"));
            pg.rules.push_back({72, 737.0 - line * 14, 520, 737.0 - line * 14, 0.25, {}});
        }
        d.pages.push_back(std::move(pg));
    }
    d.outline.clear();
    d.labels.clear();
    // Speed is measured by bench/ (never asserted in a test); this checks a large document is
    // complete: 60 pages, every page's text present.
    std::string bytes;
    const auto r = pdf::write_pdf(d, bytes);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(bytes.size() > 10000);
    std::size_t pages = 0;
    for (std::size_t at = bytes.find("/Type /Page"); at != std::string::npos; at = bytes.find("/Type /Page", at + 1))
        pages += bytes.compare(at, 12, "/Type /Pages") != 0;
    CHECK(pages >= 60);
}

TEST_CASE("pdf: trace lists every drawing operation") {
    page::Document d;
    d.fonts = {{"LiberationSerif-Bold", kSerifBold}};
    page::Page pg;
    pg.label = "iii";
    pg.boxes.push_back({72, 600, 100.04, 50, page::Color{1, 1, 1}, std::nullopt, 0.5});
    page::Path path;
    path.ops = {{page::PathOp::Kind::move, 1, 2}, {page::PathOp::Kind::curve, 3, 4, 5, 6, 7, 8}, {page::PathOp::Kind::close}};
    path.fill = page::Color{0, 0, 1};
    path.dash = {2};
    pg.paths.push_back(path);
    pg.images.push_back({"/some/where/logo.png", 10, 20, 30, 40});
    pg.rules.push_back({72, 560, 520, 560, 0.5, {}});
    pg.text.push_back(text(72, 769.94, 0, 12, "BAB \"I\""));
    pg.text.push_back(text(-0.01, 10, 0, 9, "x", {1, 0, 0}));
    pg.links.push_back({72, 735, 100, 12, 0, 500});
    d.pages.push_back(pg);
    d.outline = {{"BAB I", 1, 0, 769.9}};
    d.labels = {{page::PageLabelRange::Style::roman_lower, 0, 3}};
    d.info.title = "T";
    CHECK(pdf::trace(d) ==
          "font 0 LiberationSerif-Bold\n"
          "info title=\"T\" author=\"\" subject=\"\" creator=\"\" keywords=\"\" date=2000-01-01\n"
          "page 1 595.3x841.9 label=iii\n"
          "box 72.0 600.0 100.0 50.0 fill=#ffffff stroke=none lw=0.5\n"
          "path fill=#0000ff stroke=none lw=0.5 dash=2.0 M 1.0 2.0 C 3.0 4.0 5.0 6.0 7.0 8.0 Z\n"
          "image 10.0 20.0 30.0 40.0 \"logo.png\"\n"
          "rule 72.0 560.0 520.0 560.0 w=0.5 c=#000000\n"
          "text 72.0 769.9 f=LiberationSerif-Bold s=12.0 \"BAB \\\"I\\\"\"\n"
          "text 0.0 10.0 f=LiberationSerif-Bold s=9.0 \"x\" c=#ff0000\n"
          "link 72.0 735.0 100.0 12.0 -> page 1 y=500.0\n"
          "outline 1 \"BAB I\" -> page 1 y=769.9\n"
          "labels page 1 roman_lower start=3\n");
    CHECK(pdf::trace(d) == pdf::trace(d));
}

TEST_CASE("pdf: kerned pieces that do not fit their text are an error, never a cut character") {
    const auto with_pieces = [](std::vector<page::TextPiece> pieces) {
        auto d = sample();
        d.pages[0].text.push_back(text(72, 300, 0, 12, "Kota Pekalongan \xC3\xA9t\xC3\xA9"));
        d.pages[0].text.back().pieces = std::move(pieces);
        return d;
    };
    CHECK(contains(error_of(with_pieces({{0, 0}, {17, 5}})), "kerned pieces"));  // inside "é"
    CHECK(contains(error_of(with_pieces({{1, 0}, {5, 20}})), "kerned pieces"));  // not from 0
    CHECK(contains(error_of(with_pieces({{0, 0}, {5, 20}, {3, 30}})), "kerned pieces"));  // falling
    CHECK(contains(error_of(with_pieces({{0, 0}, {99, 1}})), "kerned pieces"));  // past the text
    CHECK(contains(error_of(with_pieces({{0, 0}, {5, std::numeric_limits<double>::quiet_NaN()}})), "kerned pieces"));
    std::string bytes;
    CHECK(pdf::write_pdf(with_pieces({{0, 0}, {5, 24.5}, {16, 90}}), bytes).ok);
}

TEST_CASE("pdf: every stream is deflated, and qpdf reads each back") {
    // libharu writes the streams uncompressed; the repair pass deflates them (postprocess.cpp).
    const std::string bytes = write_ok(sample());
    std::size_t streams = 0, deflated = 0;
    for (std::size_t at = bytes.find(">>\nstream\r\n"); at != std::string::npos; at = bytes.find(">>\nstream\r\n", at + 1)) {
        ++streams;
        const std::size_t dict = bytes.rfind("obj\n<<", at);
        if (bytes.substr(dict, at - dict).find("/Filter /FlateDecode") != std::string::npos) ++deflated;
    }
    CHECK(streams > 10);
    CHECK(deflated == streams);
    TempDir tmp;
    const auto file = tmp.write("a.pdf", bytes);
    const auto check = run("qpdf --check '" + file + "'", tmp);
    CHECK(check.status == 0);
    CHECK(contains(check.out, "No syntax or stream encoding errors"));
    // Decoded, the page content holds the text operators libharu wrote.
    CHECK(contains(qdf(file, tmp), " Td\n"));
}

TEST_CASE("pdf: the embedded fonts hold only the glyphs the text uses") {
    // A page of one word: the font program embedded is a small part of Liberation Serif (about
    // 400 KiB), cut down before libharu sees it (font_program.cpp).
    page::Document d;
    d.fonts = {{"LiberationSerif-Regular", kSerif}};
    page::Page pg;
    pg.text.push_back(text(72, 700, 0, 12, "Capaian"));
    d.pages.push_back(pg);
    d.info.year = 2025;
    d.info.month = 1;
    d.info.day = 1;
    const std::string bytes = write_ok(d);
    CHECK(bytes.size() < 40000);
    TempDir tmp;
    const auto file = tmp.write("a.pdf", bytes);
    const auto text_out = run("pdftotext '" + file + "' -", tmp);
    CHECK(contains(text_out.out, "Capaian"));
    const auto fonts = run("pdffonts '" + file + "'", tmp);
    CHECK(contains(fonts.out, "Identity-H       yes yes yes"));
}
