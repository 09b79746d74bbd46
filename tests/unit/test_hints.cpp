// Syntax errors, NIPs and unknown keys in the user's terms (issue 16). tests/e2e/hints.sh asserts
// every hint as the CLI prints it; these pin what the command line cannot easily reach: positions
// after non-ASCII text and in arrays, CRLF files, hostile line lengths, and that an error outside
// the known slips keeps the parser's own words.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "data/data.hpp"
#include "data/toml_reader.hpp"
#include "fixture.hpp"

using namespace lkjip;

namespace {

// The diagnostics of loading `text` as "x.toml", as the CLI prints them.
std::string messages(const std::string& text) {
    Diagnostics diags;
    (void)load_agency_year_text(text, "x.toml", diags);
    std::string out;
    for (const auto& d : diags.items()) out += format_diagnostic(d);
    return out;
}

std::string with(const std::string& from, const std::string& to) {
    std::string t = test::minimal_toml();
    const auto at = t.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "fixture lacks: " << from);
    t.replace(at, from.size(), to);
    return t;
}

}  // namespace

TEST_CASE("hints: a decimal comma and a thousands dot, at the value") {
    CHECK(messages("[laporan]\ntarget = 85,5\n") ==
          "x.toml:2:10: error: `85,5` is written with a decimal comma\n  hint: write 85.5\n");
    CHECK(messages("[laporan]\npagu = 37.912.400\n") ==
          "x.toml:2:8: error: `37.912.400` is written with dots between the thousands\n"
          "  hint: write 37912400 or 37_912_400\n");
    // In a table of years the comma also separates the entries: the value is still found.
    CHECK(messages("a = { 2023 = 1.234,5 }\n") ==
          "x.toml:1:14: error: `1.234,5` is written with dots between the thousands\n  hint: write 1234.5 or 1_234.5\n");
    // In an array, and on a line of a multi-line array.
    CHECK(messages("a = [1, 85%]\n") ==
          "x.toml:1:9: error: `85%` is written with a percent sign; a value is a plain number\n"
          "  hint: write 85 (the indicator's `satuan` says it is a percentage)\n");
    CHECK(messages("a = [\n  1,\n  85%,\n]\n") ==
          "x.toml:3:3: error: `85%` is written with a percent sign; a value is a plain number\n"
          "  hint: write 85 (the indicator's `satuan` says it is a percentage)\n");
}

TEST_CASE("hints: columns count characters, as the parser's do") {
    // "é" is two bytes and one column: the value after it is at column 20, not 21.
    CHECK(messages("a = { k = \"\xC3\xA9\", b = ya }\n") ==
          "x.toml:1:20: error: `ya` is not a yes/no value of TOML, which are true and false\n"
          "  hint: write true (in lower case, without quotes)\n");
    CHECK(messages("[laporan]\r\ntarget = 85,5\r\n") ==
          "x.toml:2:10: error: `85,5` is written with a decimal comma\n  hint: write 85.5\n");
}

TEST_CASE("hints: an unclosed string points at where it begins") {
    // The parser stops at the end of the file, eight lines on; the user's mistake is on line 2.
    const std::string text = "[laporan]\nkata_pengantar = '''Puji syukur\n\n\n\n\n\n\ntahun = 2024\n";
    CHECK(messages(text) == "x.toml:2:18: error: the string that begins on line 2 has no closing '''\n"
                            "  hint: end it with '''; the file ends before one\n");
    // Quotes inside comments and closed strings before it do not count.
    CHECK(messages("# it's \"here\"\na = \"x\" # \"\nb = 'y\n") ==
          "x.toml:3:5: error: the string that begins on line 3 has no closing '\n"
          "  hint: end it with ' on line 3; text of several lines goes between ''' and '''\n");
    CHECK(messages("a = \"tanpa akhir") ==
          "x.toml:1:5: error: the string that begins on line 1 has no closing \"\n"
          "  hint: end it with \" on line 1; text of several lines goes between \"\"\" and \"\"\"\n");
}

TEST_CASE("hints: other errors keep the parser's words") {
    for (const char* text : {"[laporan\n", "a = 1\na = 2\n", "a = = 1\n", "tanggal = 2024-13-01\n", "a = 1e400\n",
                             "tanggal = 31-02-2024\n"}) {
        CAPTURE(text);
        const std::string m = messages(text);
        CHECK(m.find("error: invalid TOML: ") != std::string::npos);
        CHECK(m.find("hint:") == std::string::npos);
    }
}

TEST_CASE("hints: every slip of the class, not only the examples") {
    struct Case {
        const char* line;
        const char* hint;
    };
    const Case cases[] = {
        {"a = 0,5", "write 0.5"},
        {"a = 100,00", "write 100.00"},
        {"a = +1.000.000", "write +1000000 or +1_000_000"},
        {"a = 12.345.678.901", "write 12345678901 or 12_345_678_901"},
        {"a = IDR 2.500", "write 2500 or 2_500"},
        {"a = rp 750.000,00", "write 750000 or 750_000"},
        {"a = 99,9%", "write 99.9 (the indicator's `satuan` says it is a percentage)"},
        {"a = 1.234,5%", "write 1234.5 (the indicator's `satuan` says it is a percentage)"},
        {"a = 1.12.2024", "write 2024-12-01 (year-month-day, without quotes)"},
        {"a = 2024/12/31", "write 2024-12-31 (year-month-day, without quotes)"},
        {"a = 5 Agustus 2024", "write 2024-08-05 (year-month-day, without quotes)"},
        {"a = 17 agt 2024", "write 2024-08-17 (year-month-day, without quotes)"},
        {"a = Tidak", "write false (in lower case, without quotes)"},
        {"a = benar", "write true (in lower case, without quotes)"},
        {"a = FALSE", "write false (in lower case, without quotes)"},
        {"a = Kepala Dinas", "write a = \"Kepala Dinas\""},
        {"a = Dinas \"Baru\"", "write a = 'Dinas \"Baru\"'"},
        {"a = ‘Dinas’", "write \"Dinas\""},
        {"nip_pejabat = 19661008 199201 1 010", "write nip_pejabat = \"19661008 199201 1 010\""},
        {"a = 12 34", "write \"12 34\" in quotes if it is a code or a number with its spaces"},
        {"a b c = 1", "write a_b_c"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.line);
        const std::string m = messages(std::string(c.line) + "\n");
        CHECK(m.find("  hint: " + std::string(c.hint) + "\n") != std::string::npos);
        CHECK(m.find("invalid TOML") == std::string::npos);
    }
}

TEST_CASE("hints: a hostile line is looked at in bounded time") {
    // A line of 4 MiB of digits and commas: only its first kHintLineBytes are examined.
    std::string text = "a = 1,";
    text.append(4u << 20, '5');
    text += "\n";
    const auto start = std::chrono::steady_clock::now();
    const std::string m = messages(text);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(m.starts_with("x.toml:1:"));
    CHECK(seconds < 5.0);
    // An unclosed string over a long file: one walk of the text.
    std::string open = "a = \"\"\"";
    for (int i = 0; i < 100000; ++i) open += "baris \"kutip\" \\\" lagi\n";
    CHECK(messages(open) == "x.toml:1:5: error: the string that begins on line 1 has no closing \"\"\"\n"
                            "  hint: end it with \"\"\"; the file ends before one\n");
}

TEST_CASE("hints: an unknown key lists its table's keys when no key is near") {
    const std::string text = with("tempat = \"Pekalongan\"", "tempat = \"Pekalongan\"\nwarna = \"biru\"");
    CHECK(messages(text) == "x.toml:6:1: error: unknown key `warna` in [laporan]\n"
                            "  hint: the keys of [laporan] are `judul`, `kata_pengantar`, `latar_belakang`, `penutup`, "
                            "`tahun`, `tanggal`, `tempat`\n");
}

TEST_CASE("hints: a NIP names its wrong characters and what the 18 digits are") {
    const std::string parts = "a NIP is 18 digits: birth date (yyyymmdd), appointment (yyyymm), sex (1 or 2) and a serial of 3";
    CHECK(messages(with("19661008 199201 1 010", "19661008.199201.1.010")) ==
          "x.toml:19:7: error: NIP `19661008.199201.1.010` has `.` in it; " + parts +
              "\n  hint: write \"19661008 199201 1 010\" (spaces between the groups are allowed)\n");
    // A non-breaking space, pasted from a word processor, is a space.
    CHECK(messages(with("19661008 199201 1 010", "19661008\xC2\xA0" "199201 1 010")).empty());
    CHECK(messages(with("19661008 199201 1 010", "19661008 199201 1 010 (PNS)")) ==
          "x.toml:19:7: error: NIP `19661008 199201 1 010 (PNS)` has `(` and `P` and `N` and `S` and `)` in it; " + parts +
              "\n  hint: write \"19661008 199201 1 010\" (spaces between the groups are allowed)\n");
    CHECK(messages(with("\"19661008 199201 1 010\"", "196610081992011010")) ==
          "x.toml:19:7: error: a NIP is text: it is written in quotes\n  hint: write nip = \"196610081992011010\"\n");
}

TEST_CASE("hints: money with one dot between the thousands") {
    const std::string text = with("pagu = 1_000_000", "pagu = 37.912");
    const std::string m = messages(text);
    CHECK(m.find("  hint: a dot between the thousands is a decimal point in TOML (it read 37.912): for 37912 rupiah "
                 "write 37912 or 37_912\n") != std::string::npos);
    // A float with sen is no such slip: the general hint stands.
    CHECK(messages(with("pagu = 1_000_000", "pagu = 1000000.5")).find("  hint: write whole rupiah as an integer") !=
          std::string::npos);
}
