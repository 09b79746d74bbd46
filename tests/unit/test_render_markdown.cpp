// Markdown nobody here wrote (issue 17, `lkjip render`): the GFM extensions, raw HTML, footnotes,
// links and bare URLs in the Markdown stage; inline code, strikethrough, link annotations, the
// six heading levels and the indentation limit in the layout.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "layout/fonts.hpp"
#include "layout/layout.hpp"
#include "markdown/markdown.hpp"

using namespace lkjip;

namespace {

md::Document parse(const std::string& text, Diagnostics& diags) { return md::parse(text, "t.md", diags); }

std::string messages(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += format_diagnostic(d) + "\n";
    return out;
}

page::Document set(const std::string& markdown, Diagnostics& diags, bool link_urls = false) {
    layout::LayoutSettings settings;
    settings.source_name = "t.md";
    settings.link_urls = link_urls;
    md::Document doc = md::parse(markdown, "t.md", diags);
    if (link_urls) md::print_link_targets(doc);
    auto out = layout::typeset(doc, settings, diags);
    REQUIRE(out);
    return std::move(*out);
}

// The font of the run whose text is `text`, "" when there is none.
std::string font_of(const page::Document& doc, const std::string& text) {
    for (const auto& p : doc.pages)
        for (const auto& r : p.text)
            if (r.text == text) return doc.fonts[r.font].name;
    return "";
}

const page::TextRun* run_of(const page::Document& doc, const std::string& text) {
    for (const auto& p : doc.pages)
        for (const auto& r : p.text)
            if (r.text == text) return &r;
    return nullptr;
}

}  // namespace

TEST_CASE("render markdown: strikethrough, task lists and footnotes are parsed") {
    Diagnostics diags;
    const auto doc = parse("Keep ~~gone~~ text[^n].\n\n- [ ] open\n- [x] done\n- plain\n\n[^n]: The *note*.\n", diags);
    CHECK(messages(diags).empty());
    REQUIRE(doc.blocks.size() == 3);
    const auto& spans = doc.blocks[0].spans;
    const auto struck = std::find_if(spans.begin(), spans.end(), [](const md::Span& s) { return s.strike; });
    REQUIRE(struck != spans.end());
    CHECK(struck->text == "gone");
    CHECK(md::plain_text(spans) == "Keep gone text\u00B9.");
    CHECK(doc.blocks[1].tasks == std::vector<int>{1, 2, 0});
    CHECK(doc.blocks[2].kind == md::Block::Kind::footnote);
    CHECK(doc.blocks[2].number == "1");
    REQUIRE(doc.blocks[2].children.size() == 1);
    CHECK(md::plain_text(doc.blocks[2].children[0].spans) == "The note.");
}

TEST_CASE("render markdown: footnote numbers follow the first reference, superior figures to 10 and beyond") {
    std::string text;
    for (int i = 1; i <= 12; ++i) text += "w[^" + std::to_string(13 - i) + "] ";
    text += "\n\n";
    for (int i = 1; i <= 12; ++i) text += "[^" + std::to_string(i) + "]: note " + std::to_string(i) + "\n\n";
    Diagnostics diags;
    const auto doc = parse(text, diags);
    CHECK(messages(diags).empty());
    CHECK(md::plain_text(doc.blocks[0].spans).rfind("w\u00B9 w\u00B2 w\u00B3 w\u2074", 0) == 0);
    CHECK(md::plain_text(doc.blocks[0].spans).find("w\u00B9\u2070 w\u00B9\u00B9 w\u00B9\u00B2") != std::string::npos);
    // Note 1 is the one cited first: [^12].
    REQUIRE(doc.blocks.size() == 13);
    CHECK(md::plain_text(doc.blocks[1].children[0].spans) == "note 12");
}

TEST_CASE("render markdown: footnotes cmark-gfm drops are warned about at their line") {
    Diagnostics diags;
    parse("Text[^a].\n\n[^a]: one\n\n[^b]: never cited\n\n```\n[^c]: in code\n```\n\n[^A]: again\n", diags);
    const std::string m = messages(diags);
    CHECK(m.find("t.md:5:1: warning: footnote `[^b]` is never referred to; it is skipped") != std::string::npos);
    CHECK(m.find("t.md:11:1: warning: footnote `[^a]` is defined twice") != std::string::npos);
    CHECK(m.find("[^c]") == std::string::npos);
}

TEST_CASE("render markdown: raw HTML is printed as code or skipped, always with a warning at its place") {
    Diagnostics diags;
    const auto doc = parse("Before.\n\n<table><tr><td>Sel</td></tr></table>\n\n<!-- hidden -->\n\nA <kbd>Ctrl</kbd> key<br>next.\n", diags);
    const std::string m = messages(diags);
    CHECK(m.find("t.md:3:1: warning: HTML block printed as code") != std::string::npos);
    CHECK(m.find("t.md:5:1: warning: HTML comment skipped") != std::string::npos);
    CHECK(m.find("t.md:7:3: warning: inline HTML `<kbd>` printed as code") != std::string::npos);
    CHECK(m.find("<br>") == std::string::npos);  // the one inline tag a report uses
    REQUIRE(doc.blocks.size() == 3);
    CHECK(doc.blocks[1].kind == md::Block::Kind::code);
    CHECK(md::plain_text(doc.blocks[1].spans).find("<td>Sel</td>") != std::string::npos);
    const auto& spans = doc.blocks[2].spans;
    CHECK(std::any_of(spans.begin(), spans.end(), [](const md::Span& s) { return s.code && s.text == "<kbd>"; }));
    CHECK(std::any_of(spans.begin(), spans.end(), [](const md::Span& s) { return s.line_break; }));
    // A directive stays a directive, without a warning.
    Diagnostics quiet;
    parse("<!-- lkjip:page-break -->\n", quiet);
    CHECK(messages(quiet).empty());
}

TEST_CASE("render markdown: a block image given by URL is an error at its position") {
    for (const std::string url : {"https://example.com/a.png", "http://x/y.jpg", "//cdn.example.com/b.png", "data:image/png;base64,AAAA"}) {
        Diagnostics diags;
        parse("Text.\n\n  ![Logo](" + url + ")\n", diags);
        CHECK(diags.has_errors());
        CHECK(messages(diags).find("t.md:3:3: error: the image `" + url + "` is a URL") != std::string::npos);
    }
    for (const std::string path : {"img/logo.png", "C:/logo.png", "./logo:v2.png"}) {
        Diagnostics diags;
        parse("![Logo](" + path + ")\n", diags);
        CAPTURE(path);
        CHECK(!diags.has_errors());
    }
    // Inside a paragraph an image is its alt text: no error, no word lost.
    Diagnostics inline_image;
    const auto doc = parse("A badge ![build passing](https://img.example/b.svg) here.\n", inline_image);
    CHECK(!inline_image.has_errors());
    CHECK(md::plain_text(doc.blocks[0].spans) == "A badge build passing here.");
}

TEST_CASE("render markdown: bare URLs are links, trailing punctuation left out") {
    using R = std::vector<std::pair<std::size_t, std::size_t>>;
    const std::string t = "See https://a.example/x_(y)), www.b.example/p. and (http://c.example/) or www.nodot, http://";
    const R urls = md::bare_urls(t);
    REQUIRE(urls.size() == 3);
    CHECK(t.substr(urls[0].first, urls[0].second - urls[0].first) == "https://a.example/x_(y)");
    CHECK(t.substr(urls[1].first, urls[1].second - urls[1].first) == "www.b.example/p");
    CHECK(t.substr(urls[2].first, urls[2].second - urls[2].first) == "http://c.example/");
    CHECK(md::bare_urls("no links here: wwwx.example, mailto").empty());
    Diagnostics diags;
    const auto doc = parse("Go to www.example.org today, or `https://not.a.link` in code.\n", diags);
    const auto& spans = doc.blocks[0].spans;
    REQUIRE(spans.size() >= 3);
    CHECK(spans[1].text == "www.example.org");
    CHECK(spans[1].link == "http://www.example.org");
    CHECK(std::none_of(spans.begin(), spans.end(), [](const md::Span& s) { return s.code && !s.link.empty(); }));
}

TEST_CASE("render markdown: --link-urls prints the targets the link text hides") {
    Diagnostics diags;
    md::Document doc = parse(
        "[the spec](https://spec.commonmark.org/) and <https://example.com> and [example.com](https://example.com/) "
        "and <me@example.com> and [here](#usage).\n",
        diags);
    md::print_link_targets(doc);
    CHECK(md::plain_text(doc.blocks[0].spans) ==
          "the spec (https://spec.commonmark.org/) and https://example.com and example.com and me@example.com and here.");
}

TEST_CASE("render markdown: inline code is monospace, struck text has its line, links are URI annotations") {
    Diagnostics diags;
    const auto doc = set("Call `lkjip_render` then ~~remove~~ and see [the spec](https://spec.commonmark.org/0.30/ \"t\").\n", diags);
    CHECK(!diags.has_errors());
    CHECK(font_of(doc, "lkjip_render") == "LiberationMono-Regular");
    const page::TextRun* struck = run_of(doc, "remove");
    REQUIRE(struck);
    const auto& page = doc.pages[0];
    CHECK(std::any_of(page.rules.begin(), page.rules.end(), [&](const page::Rule& r) {
        return r.y1 == r.y2 && r.y1 > struck->y && r.y1 < struck->y + struck->size * 0.5 && r.x1 == struck->x && r.x2 > r.x1;
    }));
    const auto link = std::find_if(page.links.begin(), page.links.end(), [](const page::Link& l) { return !l.uri.empty(); });
    REQUIRE(link != page.links.end());
    CHECK(link->uri == "https://spec.commonmark.org/0.30/");
    // One annotation over both words of "the spec", from "the" to past "spec".
    const page::TextRun* the = run_of(doc, "the");
    REQUIRE(the);
    CHECK(link->x == doctest::Approx(the->x));
    CHECK(link->w > 20);
    CHECK(std::count_if(page.links.begin(), page.links.end(), [](const page::Link& l) { return !l.uri.empty(); }) == 1);
}

TEST_CASE("render markdown: a non-ASCII link target is percent-encoded for the PDF") {
    Diagnostics diags;
    const auto doc = set("[laman](https://example.go.id/capaian kinerja/é)\n\n<https://example.go.id/ä>\n", diags);
    std::set<std::string> uris;
    for (const auto& l : doc.pages[0].links) uris.insert(l.uri);
    CHECK(uris.count("https://example.go.id/%C3%A4") == 1);
}

TEST_CASE("render markdown: heading levels 2 to 6 are all set differently") {
    Diagnostics diags;
    const auto doc = set("# Judul\n\n## Dua\n\n### Tiga\n\n#### Empat\n\n##### Lima\n\n###### Enam\n\nBody text.\n", diags);
    std::set<std::pair<std::string, double>> looks;
    for (const char* word : {"Dua", "Tiga", "Empat", "Lima", "Enam", "Body"}) {
        const page::TextRun* r = run_of(doc, word);
        REQUIRE(r);
        looks.insert({doc.fonts[r->font].name, r->size});
    }
    CHECK(looks.size() == 6);  // no two levels alike, and none like the body text
    CHECK(run_of(doc, "Dua")->size > run_of(doc, "Tiga")->size);
    CHECK(run_of(doc, "Enam")->size < run_of(doc, "Body")->size);
}

TEST_CASE("render markdown: 30 nested quotes and lists keep their text inside the text column") {
    std::string quotes, lists;
    for (int d = 1; d <= 30; ++d) quotes += std::string(static_cast<std::size_t>(d), '>') + " q" + std::to_string(d) + "\n";
    for (int d = 0; d < 30; ++d) lists += std::string(static_cast<std::size_t>(2 * d), ' ') + "- l" + std::to_string(d + 1) + " words\n";
    Diagnostics diags;
    const auto doc = set(quotes + "\n" + lists + "\nafter\n", diags);
    CHECK(!diags.has_errors());
    const double left = 30 * 72 / 25.4, right = (210 - 25) * 72 / 25.4;
    int seen = 0;
    for (const auto& p : doc.pages) {
        for (const auto& r : p.text) {
            CAPTURE(r.text);
            CHECK(r.x >= left - 0.01);
            CHECK(r.x + 20 <= right);
            seen += r.text == "q30" || r.text == "l30";
        }
    }
    CHECK(seen == 2);
}

TEST_CASE("render markdown: task boxes and footnotes are drawn") {
    Diagnostics diags;
    const auto doc = set("- [x] selesai\n- [ ] belum\n\nTeks[^a].\n\n[^a]: Catatan kaki.\n", diags);
    CHECK(run_of(doc, "\u2611"));
    CHECK(run_of(doc, "\u2610"));
    CHECK(font_of(doc, "\u2611") == "DejaVuSans");
    const page::TextRun* number = run_of(doc, "1.");
    const page::TextRun* note = run_of(doc, "Catatan");
    REQUIRE(number);
    REQUIRE(note);
    CHECK(note->size < 12);
    CHECK(number->y == doctest::Approx(note->y));
    CHECK(number->x < note->x);
}

TEST_CASE("render markdown: a link target past 8000 bytes stays text without its link") {
    std::string www;
    for (int i = 0; i < 3000; ++i) www += "www.";
    Diagnostics diags;
    const auto doc = parse(www + "\n\n[long](https://e.com/" + std::string(9000, 'a') + ")\n", diags);
    for (const auto& b : doc.blocks)
        for (const auto& s : b.spans) CHECK(s.link.size() <= 8000);
    CHECK(md::plain_text(doc.blocks[0].spans) == www);
    CHECK(messages(diags).find("t.md:3:1: warning: a link target longer than 8000 bytes") != std::string::npos);
}

TEST_CASE("render markdown: links inside table cells are URI annotations over their text") {
    Diagnostics diags;
    const auto doc = set("| Situs | Keterangan |\n|---|---|\n| [SAKIP](https://sakip.example.go.id/a) | lihat https://www.example.org |\n"
                         "| [bagian](#usage) | teks |\n",
                         diags);
    std::vector<page::Link> uris;
    for (const auto& l : doc.pages[0].links)
        if (!l.uri.empty()) uris.push_back(l);
    REQUIRE(uris.size() == 2);  // the fragment link gets none
    CHECK(uris[0].uri == "https://sakip.example.go.id/a");
    CHECK(uris[1].uri == "https://www.example.org");
    const page::TextRun* r = run_of(doc, "SAKIP");
    REQUIRE(r);
    CHECK(uris[0].x == doctest::Approx(r->x));
    CHECK(uris[0].y < r->y);
    CHECK(uris[0].y + uris[0].h > r->y);
    CHECK(uris[0].w > 0);
}
