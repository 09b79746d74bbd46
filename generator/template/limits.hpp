// Internal to the template engine: the size limits every value built while rendering must keep
// (issue 18, class 4: string repetition, `~`, `replace`, `join` and a doubling macro built
// gigabytes and aborted, because only the final output had a limit). Each check is made before
// the allocation it guards, and fails with an Error that the renderer positions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/i18n.hpp"
#include "template/template.hpp"

namespace lkjip::tpl {

// A string value: the output limit (Options::max_output, 64 MB). A longer string can never be
// printed whole, and every piece of the real report is a few KB; it also covers a string field of
// the largest data file (8 MiB, docs/limits.md) with room to spare.
inline constexpr std::size_t kMaxStringBytes = std::size_t{64} << 20;

// A list or map: one million items. The largest list a data file within its 8 MiB limit gives is
// far smaller (10,000 indicators is already a 1700-page report), and a million Values is about
// 50 MB.
inline constexpr std::size_t kMaxListItems = 1'000'000;

// Values nested inside each other (`{% set a = [a] %}` repeated): printing, comparing and freeing a
// value recurse once per level. The data format nests 3 deep; 200 is the expression limit too.
inline constexpr std::uint32_t kMaxValueDepth = 200;

// All values a value contains, counting a shared one each time it appears (`[a, a]` doubles it):
// printing and comparing take time in proportion to it. Sixteen million is twice the most values an
// 8 MiB data file can spell out (`1,` is two bytes), so `[data, data]` still works.
inline constexpr std::uint64_t kMaxValueWeight = 16'000'000;

// Throws when a string of `bytes` would exceed kMaxStringBytes; `what` names the operation: an
// operator or filter (`'~'`, `join`) or a phrase marked N_ ("printing a list"), translated only
// when the limit is passed, so that a check made for every item costs no catalogue lookup.
inline void check_string_size(std::uint64_t bytes, const char* what) {
    if (bytes > kMaxStringBytes) {
        throw Error{_f("{} would build a string of {} bytes, more than the limit of {}", _(what), bytes,
                       kMaxStringBytes)};
    }
}

// Throws when a list of `items` would exceed kMaxListItems.
inline void check_list_size(std::uint64_t items, const char* what) {
    if (items > kMaxListItems) {
        throw Error{_f("{} would build a list of {} items, more than the limit of {}", _(what), items,
                       kMaxListItems)};
    }
}

// Throws when a value (built already, cheaply: lists share their items) is past any limit above.
void check_value(const Value& v, const char* what);

}  // namespace lkjip::tpl
