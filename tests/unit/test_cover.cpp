// The cover (generator/layout/cover.cpp, issue 17): each rank of line in its own size, largest
// first (title, agency, pemda, year, address), the title block high, the agency block at the
// foot, the logo drawn between them when the data names one; a missing logo is an error.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "fixture.hpp"
#include "layout/layout.hpp"
#include "markdown/markdown.hpp"

using namespace lkjip;
namespace fs = std::filesystem;

namespace {

page::Document set(const std::string& markdown, Diagnostics& diags) {
    layout::LayoutSettings settings;
    settings.source_name = "sampul.md";
    settings.base_dir = (fs::path(LKJIP_SOURCE_DIR) / "tests" / "layout").string();
    const md::Document doc = md::parse(markdown, "sampul.md", diags);
    auto out = layout::typeset(doc, settings, diags);
    REQUIRE(out);
    return std::move(*out);
}

// The size and the highest baseline of the first run whose text is `word`.
const page::TextRun* run(const page::Page& p, const std::string& word) {
    for (const auto& r : p.text)
        if (r.text == word) return &r;
    return nullptr;
}

const std::string kCover =
    "<!-- lkjip:cover -->\n\n# LAPORAN KINERJA INSTANSI PEMERINTAH\n\n# (LKjIP) TAHUN 2024\n\n"
    "![Logo](logo.png)\n\n## DINAS CONTOH\n\n### PEMERINTAH KOTA CONTOH\n\nJalan Merdeka 1\n\n#### 2025\n\n"
    "<!-- lkjip:end-cover -->\n\n# BAB I PENDAHULUAN\n\nTeks.\n";

}  // namespace

TEST_CASE("cover: a type hierarchy, the title high, the agency low, the logo between") {
    Diagnostics diags;
    const page::Document doc = set(kCover, diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE(doc.pages.size() >= 2);
    const page::Page& p = doc.pages[0];
    CHECK(p.label.empty());
    const auto *title = run(p, "LAPORAN"), *agency = run(p, "DINAS"), *pemda = run(p, "KOTA"), *year = run(p, "2025"),
               *address = run(p, "Merdeka");
    REQUIRE((title && agency && pemda && year && address));
    CHECK(title->size > agency->size);
    CHECK(agency->size > pemda->size);
    CHECK(pemda->size > year->size);
    CHECK(year->size > address->size);
    // Top to bottom (PDF y grows upwards): title, logo, agency, pemda, address, year.
    REQUIRE(p.images.size() == 1);
    const page::Image& logo = p.images.front();
    CHECK(title->y > logo.y + logo.h);
    CHECK(logo.y > agency->y);
    CHECK(agency->y > pemda->y);
    CHECK(pemda->y > address->y);
    CHECK(address->y > year->y);
    // The title in the upper fifth, the year near the foot, the logo 45 mm tall, centred.
    CHECK(title->y > p.height * 0.75);
    CHECK(year->y < p.height * 0.2);
    CHECK(logo.h == doctest::Approx(45 * 72.0 / 25.4));
    CHECK(logo.x + logo.w / 2 == doctest::Approx((p.width + (30.0 - 25.0) * 72 / 25.4) / 2).epsilon(0.01));
    // Every run centred on the text column and inside the page.
    for (const auto& r : p.text) {
        CHECK(r.x >= 0);
        CHECK(r.y > 0);
        CHECK(r.y < p.height);
    }
}

TEST_CASE("cover: a cover of plain paragraphs is one centred group, as before") {
    Diagnostics diags;
    const page::Document doc = set("<!-- lkjip:cover -->\n\n**LAPORAN KINERJA**\n\n**TAHUN 2024**\n\n<!-- lkjip:end-cover -->\n\nTeks.\n", diags);
    REQUIRE(doc.pages.size() >= 2);
    const auto* r = run(doc.pages[0], "LAPORAN");
    REQUIRE(r);
    CHECK(r->y < doc.pages[0].height * 0.6);
    CHECK(r->y > doc.pages[0].height * 0.4);
}

TEST_CASE("cover: the sample with a logo draws it, the others draw none, a missing logo is an error") {
    for (const auto& [file, logos] : std::map<std::string, std::size_t>{{"kota-pekalongan/dindagkop-ukm-2024.toml", 1},
                                                                         {"kota-pontianak/dinkumdag-2020.toml", 0}}) {
        INFO(file);
        Diagnostics diags;
        const auto model = load_agency_year((fs::path(LKJIP_SOURCE_DIR) / "samples" / file).string(), diags);
        REQUIRE(model);
        const auto text = report::render_markdown(*model, {}, diags);
        REQUIRE(text);
        CHECK((text->find("![Logo") != std::string::npos) == (logos == 1));
        layout::LayoutSettings settings;
        settings.source_name = "lkjip.md";
        const md::Document doc = md::parse(*text, "lkjip.md", diags);
        auto out = layout::typeset(doc, settings, diags);
        REQUIRE(out);
        CHECK(out->pages.front().images.size() == logos);
        if (logos) {
            const auto* title = run(out->pages.front(), "LAPORAN");
            REQUIRE(title);
            CHECK(title->size > 14);  // no longer every line 14 pt
        }
    }
    // The loader refuses a logo that is not there (data/validate.cpp), at its key.
    test::TempDir dir;
    const std::string text = test::replaced(test::minimal_toml(), "nama = \"Dinas Contoh\"", "nama = \"Dinas Contoh\"\nlogo = \"tidak-ada.png\"");
    Diagnostics diags;
    CHECK_FALSE(load_agency_year(dir.write("d.toml", text), diags));
    REQUIRE(diags.has_errors());
    CHECK(diags.items().front().message.find("tidak-ada.png") != std::string::npos);
}
