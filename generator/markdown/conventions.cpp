// The lkjip conventions on top of GFM (docs/markdown.md): directives, chapters, captions kept
// with their table or image, "Sumber:" notes, chart declarations, multi-level table headers and
// total rows. Pure functions over plain data.
#include <algorithm>
#include <string_view>

#include "common/i18n.hpp"
#include "markdown/internal.hpp"

namespace lkjip::md {

const std::vector<std::string>& directive_names() {
    static const std::vector<std::string> names = {  // i18n: not a message (the directives' names)
        "page-break", "front-matter", "main-matter", "toc", "list-of-tables", "list-of-figures", "cover", "end-cover",
        "signature", "end-signature", "signatures", "column", "end-signatures", "landscape", "end-landscape", "chart",
        "nonumber", "letterhead", "end-letterhead", "center", "end-center"};
    return names;
}

bool directive(const std::string& html, Block& b, const SourcePos& pos, Diagnostics& diags) {
    const std::optional<DirectiveMatch> m = match_directive(html);
    if (!m) {
        if (html.find("lkjip:") != std::string::npos) {
            diags.warning(pos, _("malformed lkjip directive; expected `<!-- lkjip:name -->` on a line of its own"));
        }
        return false;
    }
    const std::string& name = m->name;
    const auto& known = directive_names();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
        const std::string near = closest_match(name, known);
        diags.warning(pos, _f("unknown directive `lkjip:{}`", name), near.empty() ? std::string{} : _f("did you mean `lkjip:{}`?", near));
        return false;
    }
    b.kind = Block::Kind::directive;
    b.directive = name;
    b.arguments = m->arguments;
    return true;
}

namespace {

// "Tabel 3.2" or "Gambar 1.1" at the start of a paragraph (bold or not).
bool caption_of(const Spans& spans, std::string& kind, std::string& number) {
    const std::optional<CaptionMatch> m = match_caption(plain_text(spans));
    if (!m) return false;
    kind = m->kind;
    number = m->number;
    return true;
}

// "BAB III AKUNTABILITAS KINERJA" -> number "BAB III", title "AKUNTABILITAS KINERJA".
void chapter(Block& b) {
    b.kind = Block::Kind::chapter;
    if (std::optional<ChapterMatch> m = match_chapter(plain_text(b.spans))) {
        b.number = std::move(m->number);
        b.spans = {Span{std::move(m->title), false, false, false, "", false}};
    }
}

// Splits "Tahun 2024 > Target" header cells into levels. Adjacent columns that share a group
// (the same labels down to that level) get one cell spanning them; a column with fewer levels gets
// one cell covering the levels below (DESIGN.md's idea for merged headers).
void header_levels(Table& t) {
    if (t.header.size() != 1) return;
    std::vector<std::vector<std::string>> paths;
    std::size_t depth = 1;
    for (const auto& cell : t.header.front()) {
        std::vector<std::string> parts;
        std::string text = plain_text(cell.spans);
        for (std::size_t at; (at = text.find(" > ")) != std::string::npos;) {
            parts.push_back(text.substr(0, at));
            text = text.substr(at + 3);
        }
        parts.push_back(text);
        depth = std::max(depth, parts.size());
        paths.push_back(std::move(parts));
    }
    if (depth == 1) return;
    const auto same_group = [&](std::size_t a, std::size_t b, std::size_t level) {
        if (paths[a].size() <= level + 1 || paths[b].size() <= level + 1) return false;  // leaves never merge
        return std::equal(paths[a].begin(), paths[a].begin() + static_cast<long>(level + 1), paths[b].begin());
    };
    std::vector<std::vector<HeaderCell>> levels(depth);
    for (std::size_t level = 0; level < depth; ++level) {
        for (std::size_t col = 0; col < paths.size(); ++col) {
            const auto& p = paths[col];
            if (level >= p.size()) continue;  // covered by the cell above
            if (col > 0 && !levels[level].empty() && levels[level].back().first + levels[level].back().span == col &&
                same_group(col - 1, col, level)) {
                levels[level].back().span += 1;
                continue;
            }
            const std::size_t rows = level + 1 == p.size() ? depth - level : 1;
            levels[level].push_back(HeaderCell{{Span{p[level], false, false, false, "", false}}, col, 1, rows});
        }
    }
    t.header = std::move(levels);
}

bool cell_is_bold(const TableCell& c) {
    bool any = false;
    for (const auto& s : c.spans) {
        if (s.line_break) continue;
        if (s.text.find_first_not_of(" ") == std::string::npos) continue;
        if (!s.bold) return false;
        any = true;
    }
    return any;
}

// docs/markdown.md, Tables: a cell whose whole text is `^^` (not code) continues the cell above
// it, the row-span mark of markdown-it-multimd-table, which a GFM viewer shows as a ditto mark.
bool continues_above(const TableCell& c) {
    std::string text;
    for (const auto& s : c.spans) {
        if (s.code || s.line_break) return false;
        text += s.text;
    }
    const auto first = text.find_first_not_of(' ');
    return first != std::string::npos && text.substr(first, text.find_last_not_of(' ') + 1 - first) == "^^";
}

// Leading em spaces (`&emsp;`, U+2003) indent the cell by one level each; they are removed, so the
// text wraps under itself rather than under the spaces.
int take_indent(TableCell& c) {
    static constexpr std::string_view kEmSpace = "\xE2\x80\x83";
    int levels = 0;
    std::size_t span = 0, at = 0;  // where the text starts
    for (; span < c.spans.size(); ++span, at = 0) {
        const Span& s = c.spans[span];
        if (s.line_break || s.code) break;
        while (true) {
            if (s.text.compare(at, kEmSpace.size(), kEmSpace) == 0) {
                ++levels;
                at += kEmSpace.size();
            } else if (at < s.text.size() && s.text[at] == ' ') {
                ++at;
            } else {
                break;
            }
        }
        if (at < s.text.size()) break;
    }
    if (levels == 0) return 0;
    c.spans.erase(c.spans.begin(), c.spans.begin() + static_cast<long>(std::min(span, c.spans.size())));
    if (!c.spans.empty()) c.spans.front().text.erase(0, at);
    return levels;
}

void table_rows(Table& t) {
    t.total_row.clear();
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        for (auto& cell : t.rows[r]) {
            if (r > 0 && continues_above(cell)) {
                cell.continued = true;
                cell.spans.clear();
            }
            cell.indent = take_indent(cell);
        }
    }
    for (auto& row : t.rows) {
        bool total = false;
        for (auto& cell : row) cell.bold = cell_is_bold(cell);
        for (const auto& cell : row) {
            if (plain_text(cell.spans).find_first_not_of(" ") == std::string::npos) continue;
            total = cell.bold;
            break;
        }
        t.total_row.push_back(total);
    }
}

}  // namespace

void apply_conventions(Blocks& in) {
    Blocks out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        Block& b = in[i];
        for (auto& item : b.items) apply_conventions(item);
        apply_conventions(b.children);
        if (b.kind == Block::Kind::heading && b.level == 1) chapter(b);
        if (b.kind == Block::Kind::table) {
            header_levels(b.table);
            table_rows(b.table);
        }
        // A caption paragraph before a table or image (possibly with a chart directive between).
        std::string kind, number;
        if (b.kind == Block::Kind::paragraph && caption_of(b.spans, kind, number) && i + 1 < in.size()) {
            std::size_t target = i + 1;
            std::string chart;
            if (in[target].kind == Block::Kind::directive && in[target].directive == "chart" && target + 1 < in.size()) {
                chart = in[target].arguments;
                ++target;
            }
            const Block::Kind k = in[target].kind;
            if ((kind == "Tabel" && k == Block::Kind::table) || (kind == "Gambar" && (k == Block::Kind::image || k == Block::Kind::table))) {
                Block& t = in[target];
                t.caption = b.spans;
                t.caption_kind = kind;
                t.caption_number = number;
                t.chart = chart;
                i = target - 1;  // the caption (and directive) are now part of the target
                continue;
            }
        }
        // A chart directive directly before a table without a caption.
        if (b.kind == Block::Kind::directive && b.directive == "chart" && i + 1 < in.size() &&
            in[i + 1].kind == Block::Kind::table) {
            in[i + 1].chart = b.arguments;
            continue;
        }
        // "Sumber: …" right after a table is its source note.
        if (b.kind == Block::Kind::paragraph && !out.empty() && out.back().kind == Block::Kind::table &&
            plain_text(b.spans).rfind("Sumber", 0) == 0) {
            out.back().table.source = b.spans;
            continue;
        }
        out.push_back(std::move(b));
    }
    in = std::move(out);
}

namespace {

// The list and quote markers that open a line (after its indentation and the markers before them
// on it): '>', a bullet '-', '+' or '*' before a space, a number before '.' or ')' and a space.
// Each level of nesting needs one of these (CommonMark 0.29, 5.1-5.3), so fewer of them than
// max_depth cannot nest too deep.
std::size_t line_markers(std::string_view text) {
    std::size_t count = 0, i = 0;
    const auto blank = [&](std::size_t k) { return k >= text.size() || text[k] == ' ' || text[k] == '\t' || text[k] == '\n'; };
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        for (;;) {
            if (i < text.size() && text[i] == '>') {
                ++count;
                ++i;
            } else if (i < text.size() && (text[i] == '-' || text[i] == '+' || text[i] == '*') && blank(i + 1)) {
                ++count;
                ++i;
            } else {
                std::size_t d = i;
                while (d < text.size() && d - i < 9 && text[d] >= '0' && text[d] <= '9') ++d;
                if (d == i || d >= text.size() || (text[d] != '.' && text[d] != ')') || !blank(d + 1)) break;
                ++count;
                i = d + 1;
            }
            while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        }
        const std::size_t eol = text.find('\n', i);
        i = eol == std::string_view::npos ? text.size() : eol + 1;
    }
    return count;
}

}  // namespace

void check(std::string_view text, const std::string& name, Diagnostics& diags, const MarkdownLimits& limits) {
    if (line_markers(text) < limits.max_depth && text.find("![") == std::string_view::npos) {
        guard(text, name, limits, diags);
        return;
    }
    parse_blocks(text, name, diags, limits);
}

Document parse(std::string_view text, const std::string& name, Diagnostics& diags, const MarkdownLimits& limits) {
    Document d;
    d.blocks = parse_blocks(text, name, diags, limits);
    apply_conventions(d.blocks);
    return d;
}

}  // namespace lkjip::md
