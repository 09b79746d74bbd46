#include "common/utf8.hpp"

namespace lkjip::utf8 {

Sequence sequence_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return {};
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return {b0, 1};
    std::size_t len = 0;
    char32_t cp = 0;
    // Table 3-7: the second byte's range depends on the lead, which excludes the overlong forms
    // (E0 80-9F, F0 80-8F), the surrogates (ED A0-BF) and the values past U+10FFFF (F4 90-BF).
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2, cp = b0 & 0x1Fu;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3, cp = b0 & 0x0Fu;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4, cp = b0 & 0x07u;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return {};  // a continuation byte, C0, C1 (always overlong) or F5-FF
    }
    if (s.size() - i < len) return {};
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if (k == 1 ? (b < lo || b > hi) : !is_continuation(static_cast<char>(b))) return {};
        cp = (cp << 6) | (b & 0x3Fu);
    }
    return {cp, len};
}

char32_t next(std::string_view s, std::size_t& i) {
    const Sequence q = sequence_at(s, i);
    if (q.length == 0) {
        ++i;
        return kReplacement;
    }
    i += q.length;
    return q.code_point;
}

std::u32string decode(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) out.push_back(next(s, i));
    return out;
}

std::u32string decode_escaped(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const Sequence q = sequence_at(s, i);
        if (q.length == 0) {
            out.push_back(static_cast<char32_t>(0xDC00 + static_cast<unsigned char>(s[i])));
            ++i;
        } else {
            out.push_back(q.code_point);
            i += q.length;
        }
    }
    return out;
}

void append(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

void append_escaped(std::string& out, char32_t c) {
    if (c >= 0xDC80 && c <= 0xDCFF) {
        out += static_cast<char>(c - 0xDC00);  // an undecodable byte, given back
    } else {
        append(out, c);
    }
}

std::string encode_escaped(std::u32string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char32_t c : s) append_escaped(out, c);
    return out;
}

std::size_t first_invalid(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = sequence_at(s, i).length;
        if (len == 0) return i;
        i += len;
    }
    return std::string_view::npos;
}

}  // namespace lkjip::utf8
