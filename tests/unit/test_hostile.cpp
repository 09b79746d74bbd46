// Hostile data files (issue 8): every one gets positioned errors and no crash, hang or throw.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "data/data.hpp"
#include "fixture.hpp"

using namespace lkjip;

namespace {

const std::string& minimal_text() { return test::minimal_toml(); }

// Loads `text`; returns the first diagnostic as printed ("" when it loaded cleanly).
std::string first_error(const std::string& text) {
    Diagnostics diags;
    auto model = load_agency_year_text(text, "h.toml", diags);
    if (model) lint_agency_year(*model, diags);
    for (const auto& d : diags.items()) {
        if (d.severity == Severity::error) return format_diagnostic(d);
    }
    return {};
}

}  // namespace

TEST_CASE("hostile: empty, truncated and binary files") {
    CHECK(first_error("") == "h.toml:1:1: error: the data file has no [laporan] table\n");
    const std::string full = minimal_text();
    for (std::size_t cut : {std::size_t{10}, full.find("Dinas Contoh") + 3, full.find("tahun = 2024") + 7, full.find("{ 2023 = 85.5") + 5}) {
        CAPTURE(cut);
        CHECK_FALSE(first_error(full.substr(0, cut)).empty());
    }
    std::string garbage;
    for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919 + 13) % 256);
    CHECK(first_error(garbage).starts_with("h.toml:"));
}

TEST_CASE("hostile: invalid UTF-8 and control characters are parse errors with a position") {
    CHECK(first_error("[laporan]\ntempat = \"Peka\xff\xfe\"\n").starts_with("h.toml:2:"));
    CHECK(first_error("[laporan]\ntempat = \"a\x01b\"\n").starts_with("h.toml:2:"));
    CHECK(first_error(std::string("[laporan]\ntempat = \"a\0b\"\n", 22)).starts_with("h.toml:2:"));
}

TEST_CASE("hostile: numbers out of range, nan and inf") {
    const std::string base = minimal_text();
    auto replace = [&](const std::string& from, const std::string& to) {
        std::string t = base;
        t.replace(t.find(from), from.size(), to);
        return t;
    };
    CHECK(first_error(replace("realisasi = { 2024 = 14.5 }", "realisasi = { 2024 = 1e400 }")).find("invalid TOML") !=
          std::string::npos);
    CHECK(first_error(replace("realisasi = { 2024 = 14.5 }", "realisasi = { 2024 = inf }")).find("must be a finite number") !=
          std::string::npos);
    CHECK(first_error(replace("tahun = 2024", "tahun = 99999999999999999999")).find("invalid TOML") != std::string::npos);
    CHECK(first_error(replace("pagu = 1_000_000", "pagu = 9_223_372_036_854_775_807")).find("beyond the largest amount") !=
          std::string::npos);
}

TEST_CASE("hostile: deep nesting and very large values") {
    std::string deep = "x = " + std::string(5000, '[') + std::string(5000, ']') + "\n";
    CHECK(first_error(deep).find("invalid TOML") != std::string::npos);
    std::string deep_tables = "x = ";
    for (int i = 0; i < 3000; ++i) deep_tables += "{ a = ";
    deep_tables += "1";
    for (int i = 0; i < 3000; ++i) deep_tables += " }";
    CHECK_FALSE(first_error(deep_tables + "\n").empty());
    // A 3 MB string loads (and is only text): no quadratic behaviour, no crash.
    const std::string base = minimal_text();
    std::string big = base;
    big.replace(big.find("Melaksanakan urusan contoh."), 27, std::string(3u << 20, 'a'));
    CHECK(first_error(big).empty());
}

TEST_CASE("hostile: thousands of indicators") {
    std::string text = minimal_text();
    for (int i = 0; i < 3000; ++i) {
        text += "\n[[indikator]]\nid = \"X-" + std::to_string(i) + "\"\nnama = \"Indikator " + std::to_string(i) +
                "\"\nsasaran = \"S1\"\nsatuan = \"Persen\"\ntarget = { 2024 = 10 }\nrealisasi = { 2024 = 12 }\n";
    }
    Diagnostics diags;
    auto model = load_agency_year_text(text, "h.toml", diags);
    REQUIRE(model);
    CHECK(model->indikator.size() == 3002);
}

TEST_CASE("hostile: a file too large to be hand-written data") {
    Diagnostics diags;
    LoadLimits limits;
    limits.max_file_bytes = 1000;
    CHECK_FALSE(load_agency_year_text(minimal_text(), "h.toml", diags, limits));
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].message.find("data files are limited to 1000 bytes") != std::string::npos);
}
