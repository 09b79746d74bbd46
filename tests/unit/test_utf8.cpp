// The one UTF-8 module (generator/common/utf8.hpp) on every class of invalid input of Unicode
// section 3.9 (table 3-7): a stray continuation byte, the lead bytes that never start a sequence
// (C0, C1, F5-FF), overlong forms, UTF-16 surrogates, values past U+10FFFF, sequences cut short
// by the end or by a byte that is not a continuation. Each invalid byte is replaced on its own.
#include <doctest/doctest.h>

#include <string>

#include "common/utf8.hpp"

using namespace lkjip;

namespace {

std::size_t length_at(std::string_view s) { return utf8::sequence_at(s, 0).length; }

}  // namespace

TEST_CASE("utf8: well-formed sequences of one to four bytes") {
    CHECK(utf8::sequence_at("a", 0).code_point == U'a');
    CHECK(length_at("a") == 1);
    CHECK(length_at(std::string_view("\0", 1)) == 1);
    CHECK(utf8::sequence_at("\xc2\x80", 0).code_point == 0x80);        // the smallest two-byte
    CHECK(utf8::sequence_at("é", 0).code_point == 0xE9);
    CHECK(utf8::sequence_at("\xe0\xa0\x80", 0).code_point == 0x800);   // the smallest three-byte
    CHECK(utf8::sequence_at("▲", 0).code_point == 0x25B2);
    CHECK(utf8::sequence_at("\xed\x9f\xbf", 0).code_point == 0xD7FF);  // just below the surrogates
    CHECK(utf8::sequence_at("\xee\x80\x80", 0).code_point == 0xE000);  // just above them
    CHECK(utf8::sequence_at("\xf0\x90\x80\x80", 0).code_point == 0x10000);
    CHECK(utf8::sequence_at("\xf4\x8f\xbf\xbf", 0).code_point == 0x10FFFF);
    CHECK(length_at("\xf4\x8f\xbf\xbf") == 4);
    CHECK(utf8::sequence_at("ab", 1).code_point == U'b');
    CHECK(utf8::sequence_at("ab", 2).length == 0);  // past the end
}

TEST_CASE("utf8: every class of invalid byte") {
    CHECK(length_at("\x80") == 0);              // a stray continuation byte
    CHECK(length_at("\xbf" "a") == 0);
    CHECK(length_at("\xc0\xaf") == 0);          // C0 and C1 only ever begin overlong forms
    CHECK(length_at("\xc1\xbf") == 0);
    CHECK(length_at("\xe0\x80\xaf") == 0);      // overlong three-byte '/'
    CHECK(length_at("\xe0\x9f\xbf") == 0);      // overlong U+07FF
    CHECK(length_at("\xf0\x80\x80\xaf") == 0);  // overlong four-byte '/'
    CHECK(length_at("\xf0\x8f\xbf\xbf") == 0);  // overlong U+FFFF
    CHECK(length_at("\xed\xa0\x80") == 0);      // U+D800, a surrogate
    CHECK(length_at("\xed\xbf\xbf") == 0);      // U+DFFF
    CHECK(length_at("\xf4\x90\x80\x80") == 0);  // U+110000
    CHECK(length_at("\xf5\x80\x80\x80") == 0);  // F5-FF never begin a sequence
    CHECK(length_at("\xff") == 0);
    CHECK(length_at("\xc3") == 0);              // cut short by the end
    CHECK(length_at("\xe2\x96") == 0);
    CHECK(length_at("\xf0\x9f\x98") == 0);
    CHECK(length_at("\xc3" "a") == 0);          // cut short by a byte that is not a continuation
    CHECK(length_at("\xe2\x96" "a") == 0);
    CHECK(length_at("\xf0\x9f\x98\xc3\xa9") == 0);
}

TEST_CASE("utf8: decoding replaces each invalid byte and goes on at the next") {
    CHECK(utf8::decode("a▲b") == U"a▲b");
    CHECK(utf8::decode("") == U"");
    CHECK(utf8::decode("\xff" "a") == U"\uFFFDa");
    CHECK(utf8::decode("\xe2\x96") == U"\uFFFD\uFFFD");
    CHECK(utf8::decode("\xe2\x96" "é") == U"\uFFFD\uFFFDé");  // the valid 'é' after the cut sequence
    CHECK(utf8::decode("\xc0\xaf") == U"\uFFFD\uFFFD");
    CHECK(utf8::decode("\xed\xa0\x80" "x") == U"\uFFFD\uFFFD\uFFFDx");
    CHECK(utf8::decode("\xf4\x90\x80\x80") == U"\uFFFD\uFFFD\uFFFD\uFFFD");
    std::size_t i = 0;
    const std::string s = "\x80" "é";
    CHECK(utf8::next(s, i) == utf8::kReplacement);
    CHECK(i == 1);
    CHECK(utf8::next(s, i) == 0xE9);
    CHECK(i == 3);
}

TEST_CASE("utf8: escaped decoding gives back every byte") {
    const std::string bytes = "a\xff" "é\xc0\xaf\xed\xa0\x80\xe2\x96";
    const std::u32string cps = utf8::decode_escaped(bytes);
    CHECK(cps.size() == 10);
    CHECK(cps[1] == 0xDCFF);
    CHECK(cps[2] == 0xE9);
    CHECK(cps[3] == 0xDCC0);
    CHECK(utf8::encode_escaped(cps) == bytes);
    std::string out;
    utf8::append_escaped(out, 0xDC80);
    CHECK(out == "\x80");
}

TEST_CASE("utf8: encoding at each length boundary") {
    const auto enc = [](char32_t c) {
        std::string out;
        utf8::append(out, c);
        return out;
    };
    CHECK(enc(U'a') == "a");
    CHECK(enc(0x7F) == "\x7f");
    CHECK(enc(0x80) == "\xc2\x80");
    CHECK(enc(0x7FF) == "\xdf\xbf");
    CHECK(enc(0x800) == "\xe0\xa0\x80");
    CHECK(enc(0xFFFD) == "\xef\xbf\xbd");
    CHECK(enc(0x10000) == "\xf0\x90\x80\x80");
    CHECK(enc(0x10FFFF) == "\xf4\x8f\xbf\xbf");
    for (char32_t c : {char32_t(0x41), char32_t(0xE9), char32_t(0x25B2), char32_t(0x1F600)})
        CHECK(utf8::decode(enc(c)) == std::u32string(1, c));
}

TEST_CASE("utf8: the first invalid byte of a text") {
    CHECK(utf8::first_invalid("") == std::string_view::npos);
    CHECK(utf8::first_invalid("Dinas Pariwisata Ñusa – ✓ 😀") == std::string_view::npos);
    CHECK(utf8::valid("Dinas Pariwisata Ñusa"));
    CHECK(utf8::first_invalid("ab\x80") == 2);
    CHECK(utf8::first_invalid("é\xe9t\xe9") == 2);       // Latin-1 'é' after a UTF-8 one
    CHECK(utf8::first_invalid("a\xc0\xaf") == 1);
    CHECK(utf8::first_invalid("ab\xed\xa0\x80") == 2);
    CHECK(utf8::first_invalid("\xf4\x90\x80\x80") == 0);
    CHECK(utf8::first_invalid("abc\xe2\x96") == 3);
    CHECK_FALSE(utf8::valid("\xff"));
}
