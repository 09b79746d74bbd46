// The guard of scan.hpp: one pass over the lines, with a model of what cmark-gfm 0.29.0.gfm.6
// does on each shape that is super-linear in it, counted pessimistically (a count here is never
// below what cmark-gfm does), so staying within the budgets keeps cmark-gfm linear. The unit of
// inline parsing in cmark-gfm is a paragraph, a heading or a table cell, none of which spans a
// blank line, so the model works on runs of non-blank lines and ignores the block structure
// (a code block is counted as if it were text: only an over-estimate).
#include <memory>
#include <vector>

#include "common/i18n.hpp"
#include "markdown/scan.hpp"

namespace lkjip::md {

namespace {

struct Line {
    std::string_view text;
    std::uint32_t number;
};

bool blank(std::string_view s) { return s.find_first_not_of(" \t\v\f") == std::string_view::npos; }

// The line without the markers of block quotes and list items before a table.
std::string_view content(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '>')) ++i;
    return s.substr(i);
}

// A GFM delimiter row (`| --- | :-: |`): its column count, 0 when the line is not one.
std::size_t delimiter_columns(std::string_view s) {
    s = content(s);
    std::size_t columns = 0;
    bool dash = false, pipe = false;
    for (char c : s) {
        if (c == '-') {
            dash = true;
        } else if (c == '|') {
            pipe = true;
            if (dash) ++columns;
            dash = false;
        } else if (c != ':' && c != ' ' && c != '\t') {
            return 0;
        }
    }
    if (dash) ++columns;
    return pipe || columns > 0 ? columns : 0;
}

std::size_t unescaped_pipes(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\') ++i;
        else if (s[i] == '|') ++n;
    }
    return n;
}

class Guard {
public:
    Guard(const std::string& name, const MarkdownLimits& limits, Diagnostics& diags)
        : file_(std::make_shared<const std::string>(name)), limits_(limits), diags_(diags) {}

    void run(std::string_view text) {
        std::vector<Line> block;
        std::uint32_t number = 1;
        std::size_t at = 0;
        while (at <= text.size() && ok_) {
            std::size_t end = text.find_first_of("\r\n", at);
            if (end == std::string_view::npos) end = text.size();
            const std::string_view line = text.substr(at, end - at);
            if (blank(line)) {
                finish(block);
                block.clear();
            } else {
                block.push_back({line, number});
            }
            if (end == text.size()) break;
            at = end + (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
            ++number;
        }
        if (ok_) finish(block);
    }

    [[nodiscard]] bool ok() const { return ok_; }

private:
    void error(std::uint32_t line, std::size_t column, std::string message) {
        diags_.error(SourcePos{file_, line, static_cast<std::uint32_t>(column + 1)}, std::move(message));
        ok_ = false;
    }

    void finish(const std::vector<Line>& block) {
        if (block.empty()) return;
        brackets(block);
        if (ok_) html(block);
        if (ok_) tables(block);
    }

    // CVE-2023-22486: each link that closes walks back over the open `![` openers.
    void brackets(const std::vector<Line>& block) {
        std::vector<bool> open;  // the bracket stack: true for `![`
        std::uint64_t images = 0;
        for (const auto& [s, number] : block) {
            for (std::size_t i = 0; i < s.size(); ++i) {
                const char c = s[i];
                if (c == '\\') {
                    ++i;
                } else if (c == '!' && i + 1 < s.size() && s[i + 1] == '[') {
                    open.push_back(true);
                    ++images;
                    ++i;
                } else if (c == '[') {
                    open.push_back(false);
                } else if (c == ']' && !open.empty()) {
                    const bool image = open.back();
                    open.pop_back();
                    if (image) {
                        --images;
                        continue;
                    }
                    bracket_steps_ += images;
                    if (bracket_steps_ > limits_.max_bracket_steps) {
                        return error(number, i,
                                     _f("too many unclosed `![` before links: cmark-gfm would take minutes "
                                        "(more than {} steps; CVE-2023-22486)",
                                        limits_.max_bracket_steps));
                    }
                }
            }
        }
    }

    // `<?` and `<![CDATA[` scan on to their end, or to the end of the paragraph.
    void html(const std::vector<Line>& block) {
        struct Open {
            std::uint64_t offset;
            std::uint32_t line;
            std::size_t column;
        };
        std::vector<Open> pi, cdata;
        std::uint64_t offset = 0;
        const auto close = [&](std::vector<Open>& opens) {
            for (const auto& o : opens) {
                html_bytes_ += offset - o.offset;
                if (html_bytes_ > limits_.max_html_scan_bytes) {
                    error(o.line, o.column,
                          _f("too many unclosed `<?` or `<![CDATA[`: cmark-gfm would scan more than {} bytes "
                             "for their ends",
                             limits_.max_html_scan_bytes));
                    return;
                }
            }
            opens.clear();
        };
        for (const auto& [s, number] : block) {
            for (std::size_t i = 0; i < s.size() && ok_; ++i, ++offset) {
                if (s[i] != '<' && s[i] != '?' && s[i] != ']') continue;
                const std::string_view rest = s.substr(i);
                if (rest.substr(0, 2) == "<?") pi.push_back({offset, number, i});
                else if (rest.substr(0, 9) == "<![CDATA[") cdata.push_back({offset, number, i});
                else if (rest.substr(0, 2) == "?>") close(pi);
                else if (rest.substr(0, 3) == "]]>") close(cdata);
            }
            ++offset;  // the line end
        }
        if (ok_) close(pi);
        if (ok_) close(cdata);
    }

    // The table extension's cost (and our cells) grows with the cells of a row and, through
    // the padding of short rows, with rows times columns.
    void tables(const std::vector<Line>& block) {
        std::size_t columns = 0;  // of the table being read, 0 outside one
        for (std::size_t k = 0; k < block.size(); ++k) {
            const auto& [s, number] = block[k];
            if (const std::size_t pipes = unescaped_pipes(s); pipes > limits_.max_table_columns + 1) {
                // Only a table's lines are split into cells; a line of pipes elsewhere is text,
                // but it is the header row if a delimiter row follows.
                const bool in_table = columns > 0 || (k + 1 < block.size() && delimiter_columns(block[k + 1].text) > 0);
                if (in_table) {
                    return error(number, s.find('|'),
                                 _f("a table row of more than {} cells; tables have at most {} columns",
                                    limits_.max_table_columns, limits_.max_table_columns));
                }
            }
            if (columns == 0) {
                if (k == 0) continue;
                columns = delimiter_columns(s);
                if (columns == 0) continue;
                if (columns > limits_.max_table_columns) {
                    return error(number, 0, _f("a table of {} columns; tables have at most {}", columns,
                                               limits_.max_table_columns));
                }
                cells_ += columns;  // the header row
            }
            cells_ += columns;
            if (cells_ > limits_.max_table_cells) {
                return error(number, 0,
                             _f("the tables have more than {} cells together (short rows count as full); "
                                "split the data or attach it as a file",
                                limits_.max_table_cells));
            }
        }
    }

    std::shared_ptr<const std::string> file_;
    const MarkdownLimits& limits_;
    Diagnostics& diags_;
    bool ok_ = true;
    std::uint64_t bracket_steps_ = 0, html_bytes_ = 0, cells_ = 0;
};

}  // namespace

bool guard(std::string_view text, const std::string& name, const MarkdownLimits& limits, Diagnostics& diags) {
    Guard g(name, limits, diags);
    g.run(text);
    return g.ok();
}

}  // namespace lkjip::md
