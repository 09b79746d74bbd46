#include "layout/hyphenate.hpp"

#include <cctype>
#include <cstdlib>
#include <unordered_map>

#include <fmt/format.h>
#include <hyphen.h>

#include "layout/font_metrics.hpp"

namespace lkjip::layout {

void Hyphenator::Free::operator()(_HyphenDict* d) const { hnj_hyphen_free(d); }

std::optional<Hyphenator> Hyphenator::load(const std::string& path, std::string& error) {
    HyphenDict* d = hnj_hyphen_load(path.c_str());
    if (!d) {
        error = fmt::format("cannot read hyphenation patterns `{}`", path);
        return std::nullopt;
    }
    Hyphenator h;
    h.dict_ = std::shared_ptr<_HyphenDict>(d, Free{});
    return h;
}

std::vector<std::size_t> Hyphenator::points(std::string_view word) const {
    // Reports repeat their words ("kinerja", "capaian") hundreds of times: the points of each
    // word are remembered per thread (the dictionary is shared read-only by batch threads).
    thread_local std::unordered_map<std::string, std::vector<std::size_t>> memo;
    thread_local const _HyphenDict* memo_dict = nullptr;
    if (memo_dict != dict_.get() || memo.size() > 100000) {
        memo.clear();
        memo_dict = dict_.get();
    }
    const auto [it, fresh] = memo.try_emplace(std::string(word));
    if (fresh) it->second = compute_points(word);
    return it->second;
}

std::vector<std::size_t> Hyphenator::compute_points(std::string_view word) const {
    // The patterns are ISO 8859-1: map the word letter by letter, remembering byte offsets.
    const std::u32string letters = decode_utf8(word);
    std::string latin1;
    std::vector<std::size_t> offsets;  // byte offset in `word` after each letter
    std::size_t at = 0;
    for (char32_t c : letters) {
        if (c > 0xFF || c == 0xFFFD || (c < 0x80 && !std::isalpha(static_cast<int>(c)))) return {};
        latin1 += static_cast<char>(std::tolower(static_cast<int>(c)));
        at += c < 0x80 ? 1 : 2;
        offsets.push_back(at);
    }
    constexpr std::size_t kLeft = 2, kRight = 2;
    if (latin1.size() < kLeft + kRight || latin1.size() > 200) return {};
    std::vector<char> hyphens(latin1.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    const int failed = hnj_hyphen_hyphenate2(dict_.get(), latin1.c_str(), static_cast<int>(latin1.size()), hyphens.data(),
                                             nullptr, &rep, &pos, &cut);
    if (rep) {
        for (std::size_t i = 0; i < latin1.size(); ++i) std::free(rep[i]);
        std::free(rep);
    }
    std::free(pos);
    std::free(cut);
    if (failed) return {};
    std::vector<std::size_t> out;
    for (std::size_t i = kLeft - 1; i + kRight < latin1.size(); ++i) {
        if (hyphens[i] & 1) out.push_back(offsets[i]);  // odd: a break is allowed after letter i
    }
    return out;
}

}  // namespace lkjip::layout
