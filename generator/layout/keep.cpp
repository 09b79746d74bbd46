#include "layout/keep.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace lkjip::layout {

namespace {

// A run-in heading is a title, not a paragraph set in bold: at most this many characters.
constexpr std::size_t kRunInHeadingMax = 160;

std::string trimmed_lower(const md::Spans& spans) {
    std::string t = md::plain_text(spans);
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return t;
}

}  // namespace

bool is_run_in_heading(const md::Spans& spans) {
    bool any = false;
    std::size_t length = 0;
    for (const auto& s : spans) {
        const bool blank = std::all_of(s.text.begin(), s.text.end(), [](unsigned char c) { return std::isspace(c); });
        if (blank) continue;
        if (!s.bold) return false;
        any = true;
        length += s.text.size();
    }
    return any && length <= kRunInHeadingMax;
}

bool is_lead_in(const md::Spans& spans) {
    const std::string t = trimmed_lower(spans);
    if (t.empty()) return false;
    if (t.back() == ':') return true;
    // "… berikut." / "… sebagai berikut" / "… di bawah ini."
    std::string body = t;
    while (!body.empty() && (body.back() == '.' || body.back() == ':')) body.pop_back();
    for (const char* end : {" berikut", " di bawah ini", " sebagai berikut"}) {
        const std::string e = end;
        if (body.size() >= e.size() && body.compare(body.size() - e.size(), e.size(), e) == 0) return true;
    }
    return false;
}

}  // namespace lkjip::layout
