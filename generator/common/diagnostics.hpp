// Diagnostics are values: every stage reports problems as Diagnostic records that carry the
// source position they refer to, instead of throwing. Printing happens once, in the CLI.
// Format follows the GNU convention so editors can jump to it: `file:line:col: error: message`.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lkjip {

// A position in an input file (data TOML, template, Markdown). line and column are 1-based;
// 0 means "unknown" (for example a value computed rather than read).
struct SourcePos {
    std::shared_ptr<const std::string> file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    [[nodiscard]] bool known() const { return file && line > 0; }
    // "file:line:col", or just "file" when line is unknown, or "" when nothing is known.
    [[nodiscard]] std::string str() const;
};

// A position naming a whole file (no line): an output that cannot be written, a file refused.
inline SourcePos file_pos(const std::string& file) { return SourcePos{std::make_shared<const std::string>(file), 0, 0}; }

enum class Severity { note, warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    SourcePos pos;
    std::string message;
    std::string hint;  // optional, printed on its own line ("hint: did you mean `realisasi`?")
    std::vector<std::string> context;  // optional chain (template include/macro stack), innermost first
};

// Collects diagnostics in order of discovery.
class Diagnostics {
public:
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    void error(const SourcePos& pos, std::string message, std::string hint = {});
    void warning(const SourcePos& pos, std::string message, std::string hint = {});

    [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
    [[nodiscard]] std::size_t error_count() const;
    [[nodiscard]] std::size_t warning_count() const;
    [[nodiscard]] bool has_errors() const { return error_count() > 0; }

private:
    std::vector<Diagnostic> items_;
};

// One diagnostic as text, e.g. "a.toml:3:7: error: message\n  hint: ...\n". With colour, the
// severity word is coloured (the CLI decides: only on a terminal and never with NO_COLOR).
std::string format_diagnostic(const Diagnostic& d, bool colour = false);

// The closest candidate to `word` by edit distance, or "" if none is close enough to be a
// plausible typo. Used for "did you mean" hints on keys, ids and template names.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace lkjip
