// Indonesian hyphenation with libhyphen (the Hunspell/LibreOffice hyphenator, Liang's patterns)
// and the hyph_id_ID patterns from Debian's hyphen-id package.
#pragma once

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

    // Loads a pattern file; nullopt with `error` when it cannot be read.
    static std::optional<Hyphenator> load(const std::string& path, std::string& error);

    // Byte offsets inside `word` (UTF-8) where a hyphen may go: "kinerja" -> {2, 5} (ki-ner-ja).
    // At least two letters stay on each side (Indonesian typesetting practice, as TeX's idhyph).
    // Words with digits, or letters outside Latin-1, are not hyphenated.
    [[nodiscard]] std::vector<std::size_t> points(std::string_view word) const;

private:
    [[nodiscard]] std::vector<std::size_t> compute_points(std::string_view word) const;
    struct Free {
        void operator()(_HyphenDict* d) const;
    };
    std::shared_ptr<_HyphenDict> dict_;
};

}  // namespace lkjip::layout
