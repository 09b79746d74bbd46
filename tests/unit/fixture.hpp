// Shared by the unit tests: reading files of the source tree.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "data/data.hpp"
#include "report/report.hpp"

namespace lkjip::test {

// The whole text of a file below the source tree (LKJIP_SOURCE_DIR), "" when it cannot be read.
inline std::string source_file(const std::string& relative) {
    std::ifstream in(std::string(LKJIP_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The minimal complete data file used by the loader, compute and hostile-input tests.
inline const std::string& minimal_toml() {
    static const std::string text = source_file("tests/data/minimal.toml");
    return text;
}

// A fresh folder under /tmp, removed with everything in it at the end of the test.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char tmpl[] = "/tmp/lkjip-test-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] std::string at(const std::string& name) const { return (path / name).string(); }
    // Writes `text` to `name` in the folder; returns its path.
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(at(name), std::ios::binary) << text;
        return at(name);
    }
};

// `t` with the first `from` replaced by `to`; the test fails when the fixture lacks `from`.
inline std::string replaced(std::string t, const std::string& from, const std::string& to) {
    const auto at = t.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "fixture lacks: " << from);
    t.replace(at, from.size(), to);
    return t;
}

// A data text loaded as "x.toml"; the test fails with the first diagnostic when it does not load.
inline AgencyYear load(const std::string& text) {
    Diagnostics diags;
    auto m = load_agency_year_text(text, "x.toml", diags);
    REQUIRE_MESSAGE(m, (diags.items().empty() ? std::string() : format_diagnostic(diags.items()[0])));
    return *m;
}

// The diagnostics of loading a data text as "x.toml" (and of its lints), one formatted per line.
inline std::string load_messages(const std::string& text, bool lint = false) {
    Diagnostics diags;
    auto model = load_agency_year_text(text, "x.toml", diags);
    if (model && lint) lint_agency_year(*model, diags);
    std::string out;
    for (const auto& d : diags.items()) out += format_diagnostic(d);
    return out;
}

// One chapter of the LKjIP of a data text, as Markdown; the test fails when it does not render.
inline std::string chapter_markdown(const std::string& text, int bab) {
    Diagnostics diags;
    auto model = load_agency_year_text(text, "x.toml", diags);
    REQUIRE(model);
    auto md = report::render_markdown(*model, {bab, {}, report::DocumentKind::lkjip}, diags);
    REQUIRE(md);
    return *md;
}

}  // namespace lkjip::test
