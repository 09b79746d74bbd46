// FNV-1a, 64 bits, over bytes: small, stable across machines and versions, no dependency. Not
// cryptographic: it detects changed inputs (lkjip batch, issue 7 and 18), it does not resist an
// adversary.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace lkjip {

struct Fnv1a64 {
    std::uint64_t state = 0xcbf29ce484222325ull;
    void add(std::string_view bytes) {
        for (unsigned char c : bytes) {
            state ^= c;
            state *= 0x100000001b3ull;
        }
    }
    // A field with its length first, so ("ab","c") and ("a","bc") differ.
    void field(std::string_view bytes) {
        add(std::to_string(bytes.size()));
        add(":");
        add(bytes);
    }
    [[nodiscard]] std::string hex() const { return fmt::format("{:016x}", state); }
};

inline std::uint64_t digest_of(std::string_view bytes) {
    Fnv1a64 h;
    h.add(bytes);
    return h.state;
}

}  // namespace lkjip
