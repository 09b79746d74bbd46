#include "common/diagnostics.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "common/i18n.hpp"

namespace lkjip {

std::string SourcePos::str() const {
    if (!file) return {};
    if (line == 0) return *file;
    return fmt::format("{}:{}:{}", *file, line, column);
}

void Diagnostics::error(const SourcePos& pos, std::string message, std::string hint) {
    items_.push_back({Severity::error, pos, std::move(message), std::move(hint), {}});
}

void Diagnostics::warning(const SourcePos& pos, std::string message, std::string hint) {
    items_.push_back({Severity::warning, pos, std::move(message), std::move(hint), {}});
}

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(
        items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const {
    return static_cast<std::size_t>(std::count_if(
        items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::warning; }));
}

static const char* severity_word(Severity s) {
    switch (s) {
    case Severity::note: return _("note");
    case Severity::warning: return _("warning");
    case Severity::error: return _("error");
    }
    return _("error");
}

static const char* severity_colour(Severity s) {
    switch (s) {
    case Severity::note: return "\033[1;36m";
    case Severity::warning: return "\033[1;35m";
    case Severity::error: return "\033[1;31m";
    }
    return "";
}

std::string format_diagnostic(const Diagnostic& d, bool colour) {
    std::string out;
    const std::string where = d.pos.str();
    if (!where.empty()) out += where + ": ";
    if (colour) out += severity_colour(d.severity);
    out += severity_word(d.severity);
    if (colour) out += "\033[0m";
    out += ": " + d.message + "\n";
    for (const auto& c : d.context) out += "  " + c + "\n";
    if (!d.hint.empty()) out += fmt::format("  {}: {}\n", _("hint"), d.hint);
    return out;
}

// Optimal string alignment distance (Levenshtein plus adjacent transpositions, the commonest
// typing slip: "realiasi", "angak"); three rows; inputs are short keys and ids.
static std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], before[j - 2] + 1);
        }
        std::swap(before, prev);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = 0;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (best.empty() || d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    // A plausible typo changes at most a third of the word (and at least one letter may differ).
    const std::size_t limit = std::max<std::size_t>(1, std::max(word.size(), best.size()) / 3);
    return (!best.empty() && best_distance <= limit) ? best : std::string{};
}

}  // namespace lkjip
