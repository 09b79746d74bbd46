// Digests that detect changed inputs (lkjip batch, issues 7 and 18); not cryptographic, they do
// not resist an adversary. FNV-1a (64 bits) for the short fields of a hash; XXH3 (xxHash, 64 bits)
// for whole files, which every read is digested for: FNV-1a costs about four instructions a byte,
// and the fonts alone are 2 MB per document (issue 22, callgrind). Both are stable across machines
// and versions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <xxhash.h>

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
    return static_cast<std::uint64_t>(XXH3_64bits(bytes.data(), bytes.size()));
}

}  // namespace lkjip
