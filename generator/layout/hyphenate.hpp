// Indonesian hyphenation with libhyphen (the Hunspell/LibreOffice hyphenator, Liang's patterns)
// and the hyph_id_ID patterns from Debian's hyphen-id package.
#pragma once

#include <cstdint>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct _HyphenDict;

namespace lkjip::layout {

class Hyphenator {
public:
    static constexpr const char* kDefaultPatterns = "/usr/share/hyphen/hyph_id_ID.dic";
    // hyph_id_ID.dic is about 100 KiB; 16 MiB is far beyond any pattern file.
    static constexpr std::size_t kMaxPatternBytes = 16u << 20;

    // Loads a pattern file; nullopt with `error` when it cannot be read.
    static std::optional<Hyphenator> load(const std::string& path, std::string& error);

    // Byte offsets inside `word` (UTF-8) where a hyphen may go: "kinerja" -> {2, 5} (ki-ner-ja).
    // Each run of letters between punctuation is hyphenated alone ("(Pekalongan)," too); a run
    // of five letters or fewer, in capitals, beside a digit or of a foreign word stays whole; two
    // letters stay before a break and three after (issue 17). Letters outside Latin-1: none.
    [[nodiscard]] std::vector<std::size_t> points(std::string_view word) const;
    // Which pattern set this is, for caches (copies of one loaded set share it).
    [[nodiscard]] std::uint64_t id() const { return id_; }

private:
    std::uint64_t id_ = 0;
    [[nodiscard]] std::vector<std::size_t> compute_points(std::string_view word) const;
    // Letter offsets inside one run of letters.
    [[nodiscard]] std::vector<std::size_t> run_points(std::u32string_view letters) const;
    struct Free {
        void operator()(_HyphenDict* d) const;
    };
    std::shared_ptr<_HyphenDict> dict_;
};

}  // namespace lkjip::layout
