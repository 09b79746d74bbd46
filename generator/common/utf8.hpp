// UTF-8 (RFC 3629; Unicode 15, section 3.9, table 3-7 of well-formed byte sequences): the one
// decoder and encoder of lkjip. A sequence is well formed only when its lead byte is one of
// 00-7F, C2-F4, it has as many continuation bytes (80-BF) as the lead says, and it is not an
// overlong form, a UTF-16 surrogate (U+D800-U+DFFF) or past U+10FFFF. Every other byte (a stray
// continuation byte, C0, C1, F5-FF, the start of a sequence cut short) is invalid on its own: a
// decoder gives one replacement per invalid byte and goes on at the next byte, so the text after
// a bad byte decodes as it would without it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lkjip::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

// Whether the byte continues a sequence (10xxxxxx): code points are counted by the other bytes.
inline bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The well-formed sequence starting at byte `i` of `s`: its code point and length in bytes
// (1 to 4), or length 0 (and code point 0) when the byte at `i` does not start one.
struct Sequence {
    char32_t code_point = 0;
    std::size_t length = 0;
};
Sequence sequence_at(std::string_view s, std::size_t i);

// The code point at byte `i` of `s`, advancing `i` past it; an invalid byte gives U+FFFD and
// advances `i` by one.
char32_t next(std::string_view s, std::size_t& i);

// Every code point of `s`, each invalid byte as U+FFFD (text to measure and typeset).
std::u32string decode(std::string_view s);

// Every code point of `s`, each invalid byte b as U+DC00 + b (PEP 383, Python's "surrogateescape"):
// encode_escaped gives back exactly the bytes of `s`, whatever it holds (the template engine's
// strings, which slice and case-fold like Python's).
std::u32string decode_escaped(std::string_view s);

// Appends the UTF-8 form of `c` (at most U+10FFFF).
void append(std::string& out, char32_t c);

// As append, except that U+DC80-U+DCFF (an escaped byte of decode_escaped) appends that byte.
void append_escaped(std::string& out, char32_t c);
std::string encode_escaped(std::u32string_view s);

// The offset of the first byte of `s` that is not part of a well-formed sequence; npos when `s`
// is all UTF-8.
std::size_t first_invalid(std::string_view s);
inline bool valid(std::string_view s) { return first_invalid(s) == std::string_view::npos; }

}  // namespace lkjip::utf8
