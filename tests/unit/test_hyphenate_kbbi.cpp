// The hyphenator against KBBI's syllabification of common report words (issue 17: "deng-an",
// "Pekalong-an", "memil-iki", "Masyarak-at" were wrong breaks). The list is
// tests/data/kbbi_words.txt; every point returned must be a KBBI boundary that the minimums
// allow, and the long words must keep points (a hyphenator returning nothing passes nothing).
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "layout/hyphenate.hpp"

using namespace lkjip::layout;

namespace {

struct KbbiWord {
    std::string plain;
    std::set<std::size_t> boundaries;  // byte offsets (the list is ASCII)
};

std::vector<KbbiWord> kbbi_words() {
    std::ifstream in(std::string(LKJIP_SOURCE_DIR) + "/tests/data/kbbi_words.txt");
    std::vector<KbbiWord> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        KbbiWord w;
        for (char c : line) {
            if (c == '-') w.boundaries.insert(w.plain.size());
            else w.plain += c;
        }
        out.push_back(std::move(w));
    }
    return out;
}

std::string shown(const std::string& w, const std::vector<std::size_t>& points) {
    std::string out;
    std::size_t prev = 0;
    for (std::size_t p : points) {
        out += w.substr(prev, p - prev) + "-";
        prev = p;
    }
    return out + w.substr(prev);
}

}  // namespace

TEST_CASE("hyphenation: every point is a KBBI syllable boundary (issue 17)") {
    std::string error;
    const auto h = Hyphenator::load(Hyphenator::kDefaultPatterns, error);
    REQUIRE_MESSAGE(h, error);
    const auto words = kbbi_words();
    REQUIRE(words.size() >= 300);
    std::size_t with_points = 0, long_words = 0;
    for (const auto& w : words) {
        const auto points = h->points(w.plain);
        for (std::size_t p : points) {
            CHECK_MESSAGE(w.boundaries.count(p) == 1, w.plain << ": " << shown(w.plain, points) << " breaks inside a syllable");
            CHECK_MESSAGE(p >= 2, w.plain << ": fewer than two letters before a break");
            CHECK_MESSAGE(p + 3 <= w.plain.size(), w.plain << ": fewer than three letters after a break");
        }
        if (w.plain.size() <= 5) CHECK_MESSAGE(points.empty(), w.plain << " is split: " << shown(w.plain, points));
        const bool allowed = std::any_of(w.boundaries.begin(), w.boundaries.end(),
                                         [&](std::size_t b) { return b >= 2 && b + 3 <= w.plain.size(); });
        if (w.plain.size() >= 8 && allowed) {
            ++long_words;
            with_points += !points.empty();
        }
        // The same word after punctuation, capitalised, and inside parentheses gets the same points.
        std::string cap = w.plain;
        cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap[0])));
        std::vector<std::size_t> shifted;
        for (std::size_t p : points) shifted.push_back(p + 1);
        CHECK_MESSAGE(h->points("(" + cap + "),") == shifted, cap);
    }
    // The patterns and exceptions keep most long words breakable: a hyphenator that gave up on
    // them would pass the boundary check and set loose lines.
    CHECK(with_points * 10 >= long_words * 9);
}

TEST_CASE("hyphenation: foreign words are not split by Indonesian patterns") {
    std::string error;
    const auto h = Hyphenator::load(Hyphenator::kDefaultPatterns, error);
    REQUIRE_MESSAGE(h, error);
    for (const char* w : {"Trade", "website", "marketplace", "Government", "performance", "dashboard", "software"}) {
        CHECK_MESSAGE(h->points(w).empty(), w << ": " << shown(w, h->points(w)));
    }
}

TEST_CASE("hyphenation: a word without a vowel stays whole and ends (docs/pdf.md's glyphs hung render)") {
    std::string error;
    const auto h = Hyphenator::load(Hyphenator::kDefaultPatterns, error);
    REQUIRE_MESSAGE(h, error);
    for (const char* w : {"glyphs", "rhythms", "nth", "crwths", "(glyphs),", "Glyphs"}) {
        CHECK_MESSAGE(h->points(w).empty(), w << ": " << shown(w, h->points(w)));
    }
}
