// The fonts and the Markdown table of the table-layout tests (test_table_layout.cpp,
// test_tables_typography.cpp): the Liberation Serif faces, DejaVu as fallback, the Indonesian
// patterns, and a table parsed from one Markdown table.
#pragma once

#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "common/diagnostics.hpp"
#include "layout/hyphenate.hpp"
#include "layout/table.hpp"
#include "markdown/markdown.hpp"

namespace test_tables {

using namespace lkjip;
using namespace lkjip::layout;

struct Fonts {
    std::optional<FontMetrics> r, b, i, bi, fb;
    std::optional<Hyphenator> hy;
    FontSet set;
    Fonts() {
        std::string e;
        const std::string dir = "/usr/share/fonts/truetype/liberation2/LiberationSerif-";
        r = FontMetrics::load(dir + "Regular.ttf", e);
        b = FontMetrics::load(dir + "Bold.ttf", e);
        i = FontMetrics::load(dir + "Italic.ttf", e);
        bi = FontMetrics::load(dir + "BoldItalic.ttf", e);
        fb = FontMetrics::load("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", e);
        hy = Hyphenator::load(Hyphenator::kDefaultPatterns, e);
        set.faces[0] = &*r;
        set.faces[1] = &*b;
        set.faces[2] = &*i;
        set.faces[3] = &*bi;
        set.faces[4] = &*fb;
    }
    [[nodiscard]] TableStyle style(double max_width = 450) const {
        TableStyle s;
        s.max_width = max_width;
        s.hyphenator = &*hy;
        return s;
    }
};

inline md::Table table(const std::string& markdown) {
    Diagnostics diags;
    const auto doc = md::parse(markdown, "t.md", diags);
    REQUIRE(doc.blocks.size() == 1);
    REQUIRE(doc.blocks[0].kind == md::Block::Kind::table);
    return doc.blocks[0].table;
}

}  // namespace test_tables
