#include "data/lint_words.hpp"

#include <cstdlib>

#include <fmt/format.h>

#include "compute/idformat.hpp"

namespace lkjip::lint_words {

std::string rp(Money m) {
    const std::int64_t whole = m.sen / 100, sen = std::llabs(m.sen % 100);
    if (sen == 0) return idfmt::rupiah(whole);
    return fmt::format("{}{},{:02}", m.sen < 0 ? "-" : "", idfmt::rupiah(std::llabs(whole)), sen);
}

const char* level_name(ActivityLevel l) {
    switch (l) {
    case ActivityLevel::program: return "program";
    case ActivityLevel::kegiatan: return "kegiatan";
    case ActivityLevel::sub_kegiatan: return "sub kegiatan";
    }
    return "program";
}

std::string activity_name(const Activity& a) { return fmt::format("{} {}", level_name(a.level), a.kode.value); }

}  // namespace lkjip::lint_words
