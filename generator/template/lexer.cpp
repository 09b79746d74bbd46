// Splitting a template into text and tags, with Jinja's whitespace control:
// `{%-` strips whitespace before the tag, `-%}` after it; with trim_blocks the first newline
// after a block tag or comment is removed; with lstrip_blocks the spaces and tabs before a block
// tag or comment on its own line are removed. So templates can be indented freely without blank
// lines leaking into the Markdown.
#include <fmt/format.h>

#include "common/i18n.hpp"
#include "common/utf8.hpp"
#include "template/ast.hpp"

namespace lkjip::tpl {

namespace {

struct Cursor {
    std::string_view text;
    std::size_t at = 0;
    std::uint32_t line = 1, column = 1;
    std::shared_ptr<const std::string> file;

    [[nodiscard]] SourcePos pos() const { return SourcePos{file, line, column}; }
    [[nodiscard]] bool starts_with(std::string_view s) const { return text.substr(at).starts_with(s); }
    void advance(std::size_t n) {
        for (std::size_t i = 0; i < n && at < text.size(); ++i, ++at) {
            if (text[at] == '\n') {
                ++line;
                column = 1;
            } else if (!utf8::is_continuation(text[at])) {
                ++column;  // columns count characters, not UTF-8 continuation bytes
            }
        }
    }
};

void rstrip_all(std::string& s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.pop_back();
}

// lstrip_blocks: remove spaces/tabs at the end of `s` if only they follow the last newline, or
// make up all of `s` when `s` starts a line (after a tag whose newline trim_blocks removed, as
// Jinja sees it: the tag is still at the start of its line).
void lstrip_line(std::string& s, bool starts_line) {
    std::size_t i = s.size();
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t')) --i;
    if (i == 0 ? starts_line : s[i - 1] == '\n') s.resize(i);
}

}  // namespace

std::vector<Token> lex(std::string_view text, const std::shared_ptr<const std::string>& file, const Options& options) {
    std::vector<Token> out;
    Cursor c{text, 0, 1, 1, file};
    std::string pending;  // current text token
    SourcePos pending_pos = c.pos();
    bool strip_next = false;  // a `-%}` asked to strip the whitespace that follows
    bool trim_newline = false;

    auto flush_text = [&] {
        if (!pending.empty()) out.push_back({Token::Kind::text, pending, pending_pos});
        pending.clear();
    };
    while (c.at < text.size()) {
        const bool tag = c.starts_with("{{") || c.starts_with("{%") || c.starts_with("{#");
        if (!tag) {
            const char ch = text[c.at];
            if (pending.empty()) pending_pos = c.pos();
            if (strip_next && (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r')) {
                c.advance(1);
                continue;
            }
            strip_next = false;
            if (trim_newline) {
                trim_newline = false;
                if (ch == '\n') {
                    c.advance(1);
                    continue;
                }
                if (ch == '\r' && c.at + 1 < text.size() && text[c.at + 1] == '\n') {
                    c.advance(2);
                    continue;
                }
            }
            pending += ch;
            c.advance(1);
            continue;
        }
        strip_next = false;
        trim_newline = false;
        const char kind = text[c.at + 1];  // '{', '%' or '#'
        const SourcePos open = c.pos();
        c.advance(2);
        bool minus_left = false, keep_indent = false;  // `{%+` keeps the indentation
        if (c.at < text.size() && (text[c.at] == '-' || text[c.at] == '+')) {
            minus_left = text[c.at] == '-';
            keep_indent = text[c.at] == '+';
            c.advance(1);
        }
        if (minus_left) {
            rstrip_all(pending);
        } else if (options.lstrip_blocks && kind != '{' && !keep_indent) {
            lstrip_line(pending, pending.empty() || pending_pos.column == 1);
        }
        const std::string close = kind == '{' ? "}}" : (kind == '%' ? "%}" : "#}");
        const std::size_t end = text.find(close, c.at);
        if (end == std::string_view::npos) {
            throw LexError{open, _f("unclosed '{}{}': expected '{}'", '{', kind, close)};
        }
        std::size_t inner_end = end;
        bool minus_right = false;
        if (inner_end > c.at && text[inner_end - 1] == '-') {
            minus_right = true;
            --inner_end;
        }
        const SourcePos inner_pos = c.pos();
        std::string inner(text.substr(c.at, inner_end - c.at));
        c.advance(end + 2 - c.at);
        if (kind == '#') {
            strip_next = minus_right;
            trim_newline = !minus_right && options.trim_blocks;
            continue;
        }
        // {% raw %} … {% endraw %}: everything between is text.
        const auto first = inner.find_first_not_of(" \t\r\n");
        const auto last = inner.find_last_not_of(" \t\r\n");
        if (kind == '%' && first != std::string::npos && inner.substr(first, last - first + 1) == "raw") {
            const std::size_t stop = text.find("endraw", c.at);
            const std::size_t tag_start = stop == std::string_view::npos ? stop : text.rfind("{%", stop);
            if (stop == std::string_view::npos || tag_start == std::string_view::npos || tag_start < c.at) {
                throw LexError{open, _("{% raw %} without {% endraw %}")};
            }
            if (pending.empty()) pending_pos = c.pos();
            std::string raw(text.substr(c.at, tag_start - c.at));
            if (minus_right) raw.erase(0, raw.find_first_not_of(" \t\r\n") == std::string::npos ? raw.size() : raw.find_first_not_of(" \t\r\n"));
            if (text[tag_start + 2] == '-') rstrip_all(raw);
            else if (options.lstrip_blocks && text[tag_start + 2] != '+') lstrip_line(raw, c.column == 1);
            pending += raw;
            const std::size_t raw_end = text.find("%}", stop);
            if (raw_end == std::string_view::npos) throw LexError{open, _("unclosed {% endraw %}")};
            const bool raw_minus = text[raw_end - 1] == '-';
            c.advance(raw_end + 2 - c.at);
            strip_next = raw_minus;
            trim_newline = !raw_minus && options.trim_blocks;
            continue;
        }
        flush_text();
        out.push_back({kind == '{' ? Token::Kind::output : Token::Kind::statement, inner, inner_pos});
        strip_next = minus_right;
        trim_newline = kind == '%' && !minus_right && options.trim_blocks;
    }
    flush_text();
    return out;
}

}  // namespace lkjip::tpl
