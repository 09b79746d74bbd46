// The pure parts of `lkjip batch` (generator/cli/batch_core.hpp) and the file `lkjip init`
// writes (templates/init/lkjip-init.toml): it loads without an error or a warning, and holds
// every key of docs/data-format.md's tables.
#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "cli/batch_core.hpp"
#include "data/data.hpp"
#include "fixture.hpp"

using namespace lkjip;
using namespace lkjip::cli;

TEST_CASE("batch: slug and output names") {
    CHECK(slug("Dindagkop UKM") == "dindagkop-ukm");
    CHECK(slug("Kota Pekalongan") == "kota-pekalongan");
    CHECK(slug("  Dinas Perdagangan, Koperasi dan UKM ") == "dinas-perdagangan-koperasi-dan-ukm");
    CHECK(slug("DKUPP--(2021)") == "dkupp-2021");
    CHECK(slug("Dinas Pariwisata Ñusa") == "dinas-pariwisata-usa");
    CHECK(slug("").empty());
    CHECK(slug("—").empty());
    CHECK(output_name(2024, "Dindagkop UKM", "Kota Pekalongan") == "LKjIP-2024-dindagkop-ukm-kota-pekalongan.pdf");
    CHECK(output_name(2024, "", "") == "LKjIP-2024-instansi-pemda.pdf");

    AgencyYear m;
    m.laporan.tahun.value = 2021;
    m.instansi.nama.value = "Dinas Koperasi";
    m.pemda.nama.value = "Kabupaten Sambas";
    CHECK(output_name(m) == "LKjIP-2021-dinas-koperasi-kabupaten-sambas.pdf");
    m.instansi.singkatan = Text{"Dinkop", {}};
    CHECK(output_name(m) == "LKjIP-2021-dinkop-kabupaten-sambas.pdf");
    m.instansi.singkatan = Text{"—", {}};  // nothing left of it: the full name
    CHECK(output_name(m) == "LKjIP-2021-dinas-koperasi-kabupaten-sambas.pdf");
}

TEST_CASE("batch: --shard parsing and the split") {
    CHECK(parse_shard("1/1").has_value());
    CHECK(parse_shard("2/3")->index == 2);
    CHECK(parse_shard("2/3")->count == 3);
    for (const char* bad : {"", "1", "0/2", "3/2", "1/0", "a/2", "1/b", "-1/2", "1/2/3", "/2", "1/", "1 /2", "9999999999/9999999999"})
        CHECK_MESSAGE(!parse_shard(bad), bad);
    // Every document in exactly one shard, the shards differing by at most one document.
    for (std::size_t n = 1; n <= 7; ++n) {
        for (std::size_t docs = 0; docs <= 20; ++docs) {
            std::size_t smallest = docs, largest = 0;
            for (std::size_t i = 1; i <= n; ++i) {
                std::size_t size = 0;
                for (std::size_t k = 0; k < docs; ++k) size += in_shard(k, Shard{i, n});
                smallest = std::min(smallest, size);
                largest = std::max(largest, size);
            }
            for (std::size_t k = 0; k < docs; ++k) {
                int owners = 0;
                for (std::size_t i = 1; i <= n; ++i) owners += in_shard(k, Shard{i, n});
                CHECK(owners == 1);
            }
            CHECK(largest - smallest <= 1);
        }
    }
}

TEST_CASE("batch: FNV-1a 64") {
    // The published test vectors (Fowler, Noll, Vo).
    CHECK(Fnv1a64{}.hex() == "cbf29ce484222325");
    Fnv1a64 a;
    a.add("a");
    CHECK(a.hex() == "af63dc4c8601ec8c");
    Fnv1a64 foobar;
    foobar.add("foobar");
    CHECK(foobar.hex() == "85944171f73967e8");
    // Fields are length-prefixed: the split between them matters.
    Fnv1a64 x, y;
    x.field("ab");
    x.field("c");
    y.field("a");
    y.field("bc");
    CHECK(x.hex() != y.hex());
}

TEST_CASE("batch: JSON strings") {
    CHECK(json_string("a\"b\\c\nd\te") == "\"a\\\"b\\\\c\\nd\\te\"");
    CHECK(json_string(std::string("\x01", 1)) == "\"\\u0001\"");
    CHECK(json_string("Ñusa – ✓") == "\"Ñusa – ✓\"");  // valid UTF-8 passes through
    CHECK(json_string("a\xff" "b") == "\"a\\ufffdb\"");   // an invalid byte
    CHECK(json_string("\xc3") == "\"\\ufffd\"");        // a truncated sequence
    CHECK(json_string("\xc0\xaf") == "\"\\ufffd\\ufffd\"");  // an overlong encoding
    CHECK(json_string("\xed\xa0\x80") == "\"\\ufffd\\ufffd\\ufffd\"");  // a surrogate
}

TEST_CASE("init: the new data file loads without errors or warnings") {
    const std::string path = std::string(LKJIP_SOURCE_DIR) + "/templates/init/lkjip-init.toml";
    Diagnostics diags;
    const auto model = load_agency_year(path, diags);
    REQUIRE(model);
    lint_agency_year(*model, diags);
    for (const auto& d : diags.items()) FAIL_CHECK(format_diagnostic(d));
    CHECK(model->indikator.size() >= 2);
    CHECK(!model->program.empty());
    CHECK(model->laporan.latar_belakang.has_value());
}

TEST_CASE("init: the new data file names every key of docs/data-format.md") {
    const std::string doc = test::source_file("docs/data-format.md");
    const std::string init = test::source_file("templates/init/lkjip-init.toml");
    REQUIRE(!doc.empty());
    REQUIRE(!init.empty());
    // The first column of every table whose header is "| key |".
    std::set<std::string> keys;
    std::istringstream lines(doc);
    std::string line;
    bool in_key_table = false;
    const std::regex name("`([a-z_]+)`");
    while (std::getline(lines, line)) {
        if (line.rfind("| key |", 0) == 0) {
            in_key_table = true;
            continue;
        }
        if (line.rfind("|", 0) != 0) {
            in_key_table = false;
            continue;
        }
        if (!in_key_table || line.rfind("|---", 0) == 0) continue;
        const std::string first = line.substr(1, line.find('|', 1) - 1);
        for (std::sregex_iterator it(first.begin(), first.end(), name), end; it != end; ++it) keys.insert((*it)[1].str());
    }
    CHECK(keys.size() > 90);  // 95 when written: the parsing still finds the tables
    for (const auto& key : keys) {
        // `key =` (possibly commented out, as optional keys are), or a table header ending in it.
        const std::regex present("(^|\\n)[ \\t]*(# ?)?(" + key + "[ \\t]*=|\\[\\[?([a-z_.]+\\.)?" + key + "\\]\\]?)");
        CHECK_MESSAGE(std::regex_search(init, present), "the init file lacks `" << key << "`");
    }
}
