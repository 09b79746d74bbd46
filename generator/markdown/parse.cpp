// cmark-gfm's syntax tree to our blocks and spans. The conventions of docs/markdown.md are
// applied afterwards (conventions.cpp), on plain data.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include <fmt/format.h>

#include "markdown/internal.hpp"

namespace lkjip::md {

namespace {

struct Style {
    bool bold = false, italic = false, code = false;
    const char* link = "";  // owned by the cmark node: nested styles never copy a long target
};

// Spans from a subtree, without recursion: emphasis and links nest as deep as the text has
// `*` and `[` (40 000 levels overflowed the stack, issue 18), so the styles are an explicit stack.
class InlineWriter {
public:
    explicit InlineWriter(Spans& out) : out_(out) {}

    void add(const char* text, const Style& s) {
        if (!text || !*text) return;
        if (!out_.empty() && !out_.back().line_break && out_.back().bold == s.bold && out_.back().italic == s.italic &&
            out_.back().code == s.code && same_link(s.link)) {
            out_.back().text += text;
            return;
        }
        out_.push_back(Span{text, s.bold, s.italic, s.code, s.link, false});
        last_link_ = s.link;
    }
    void line_break() { out_.push_back(Span{"", false, false, false, "", true}); }

private:
    // The same node's target is the same pointer: no comparison of a long URL per text node.
    bool same_link(const char* link) const { return link == last_link_ || out_.back().link == link; }

    Spans& out_;
    const char* last_link_ = nullptr;
};

void inlines(cmark_node* node, Style style, Spans& out) {
    InlineWriter w(out);
    std::vector<Style> styles{style};
    std::unique_ptr<cmark_iter, void (*)(cmark_iter*)> it(cmark_iter_new(node), cmark_iter_free);
    for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(it.get());
        if (n == node) continue;
        const cmark_node_type type = cmark_node_get_type(n);
        const char* literal = cmark_node_get_literal(n);
        if (ev == CMARK_EVENT_EXIT) {  // only containers are exited
            styles.pop_back();
            continue;
        }
        const Style& s = styles.back();
        switch (type) {
        case CMARK_NODE_TEXT: w.add(literal, s); break;
        case CMARK_NODE_SOFTBREAK: w.add(" ", s); break;
        case CMARK_NODE_LINEBREAK: w.line_break(); break;
        case CMARK_NODE_CODE: {
            Style c = s;
            c.code = true;
            w.add(literal, c);
            break;
        }
        case CMARK_NODE_HTML_INLINE: {
            const std::string_view html = literal ? literal : "";
            if (html == "<br>" || html == "<br/>" || html == "<br />") w.line_break();
            break;  // other inline HTML is not part of a report
        }
        default: {
            // Containers: emphasis, strong, links; images inside text and strikethrough give
            // their text in the surrounding style.
            Style c = s;
            if (type == CMARK_NODE_EMPH) c.italic = true;
            if (type == CMARK_NODE_STRONG) c.bold = true;
            if (type == CMARK_NODE_LINK) {
                const char* url = cmark_node_get_url(n);
                c.link = url ? url : "";
            }
            // Every node but the leaves handled above is exited (cmark-gfm's iterator, S_is_leaf).
            styles.push_back(c);
        }
        }
    }
}

std::string type_name(cmark_node* n) {
    const char* t = cmark_node_get_type_string(n);
    return t ? t : "";
}

Table table(cmark_node* node) {
    Table t;
    const uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
    const uint8_t* align = cmark_gfm_extensions_get_table_alignments(node);
    for (uint16_t c = 0; c < columns; ++c) {
        const uint8_t a = align ? align[c] : 0;
        t.align.push_back(a == 'l' ? Align::left : a == 'c' ? Align::center : a == 'r' ? Align::right : Align::none);
    }
    for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
        std::vector<TableCell> cells;
        for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
            TableCell c;
            inlines(cell, {}, c.spans);
            cells.push_back(std::move(c));
        }
        cells.resize(columns);  // GFM pads short rows and drops extra cells; so do we
        if (cmark_gfm_extensions_get_table_row_is_header(row)) {
            std::vector<HeaderCell> level;
            for (std::size_t i = 0; i < cells.size(); ++i) level.push_back(HeaderCell{cells[i].spans, i, 1});
            t.header.push_back(std::move(level));
        } else {
            t.rows.push_back(std::move(cells));
        }
    }
    return t;
}

struct Converter {
    const std::string& name;
    const MarkdownLimits& limits;
    Diagnostics& diags;
    std::shared_ptr<const std::string> file = std::make_shared<const std::string>(name);
    bool too_deep = false;

    SourcePos pos(cmark_node* n) const {
        return SourcePos{file, static_cast<std::uint32_t>(cmark_node_get_start_line(n)),
                         static_cast<std::uint32_t>(std::max(1, cmark_node_get_start_column(n)))};
    }

    // Lists and quotes recurse, `depth` levels of them deep: limited (MarkdownLimits::max_depth).
    bool nest(cmark_node* n, std::size_t depth) {
        if (depth < limits.max_depth) return true;
        if (!too_deep) diags.error(pos(n), fmt::format("block quotes and lists nested more than {} deep", limits.max_depth));
        too_deep = true;  // one error, not one per deep branch
        return false;
    }

    Block block(cmark_node* n, std::size_t depth, bool& keep) {
        Block b;
        keep = true;
        b.line = static_cast<std::uint32_t>(cmark_node_get_start_line(n));
        const char* literal = cmark_node_get_literal(n);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_HEADING:
            b.kind = Block::Kind::heading;
            b.level = cmark_node_get_heading_level(n);
            inlines(n, {}, b.spans);
            break;
        case CMARK_NODE_PARAGRAPH: {
            b.kind = Block::Kind::paragraph;
            // A paragraph that is only an image is an image block (docs/markdown.md, Images).
            cmark_node* first = cmark_node_first_child(n);
            if (first && !cmark_node_next(first) && cmark_node_get_type(first) == CMARK_NODE_IMAGE) {
                b.kind = Block::Kind::image;
                const char* url = cmark_node_get_url(first);
                b.url = url ? url : "";
                Spans alt;
                inlines(first, {}, alt);
                b.alt = plain_text(alt);
            } else {
                inlines(n, {}, b.spans);
            }
            break;
        }
        case CMARK_NODE_LIST:
            b.kind = Block::Kind::list;
            b.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
            b.start = cmark_node_get_list_start(n);
            b.delimiter = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? ')' : '.';
            if (!nest(n, depth)) {
                keep = false;
                break;
            }
            for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
                b.items.push_back(blocks(item, depth + 1));
            }
            break;
        case CMARK_NODE_BLOCK_QUOTE:
            b.kind = Block::Kind::quote;
            if (!nest(n, depth)) {
                keep = false;
                break;
            }
            b.children = blocks(n, depth + 1);
            break;
        case CMARK_NODE_THEMATIC_BREAK: b.kind = Block::Kind::rule; break;
        case CMARK_NODE_CODE_BLOCK:
            b.kind = Block::Kind::code;
            b.spans.push_back(Span{literal ? literal : "", false, false, true, "", false});
            break;
        case CMARK_NODE_HTML_BLOCK:
            keep = directive(literal ? literal : "", b, SourcePos{file, b.line, 1}, diags);
            break;
        default:
            if (type_name(n) == "table") {
                b.kind = Block::Kind::table;
                b.table = table(n);
            } else {
                keep = false;
            }
        }
        return b;
    }

    Blocks blocks(cmark_node* parent, std::size_t depth) {
        Blocks out;
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            bool keep = true;
            Block b = block(n, depth, keep);
            if (keep) out.push_back(std::move(b));
        }
        return out;
    }
};

using ParserPtr = std::unique_ptr<cmark_parser, void (*)(cmark_parser*)>;
using NodePtr = std::unique_ptr<cmark_node, void (*)(cmark_node*)>;

NodePtr parse_tree(std::string_view text, bool tables) {
    // cmark-gfm 0.29's registration checks and sets a plain flag without a lock: two threads
    // parsing at once for the first time (lkjip batch) would both append to its global list.
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    ParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT), cmark_parser_free);
    if (cmark_syntax_extension* ext = tables ? cmark_find_syntax_extension("table") : nullptr) {
        cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
    cmark_parser_feed(parser.get(), text.data(), text.size());
    return NodePtr(cmark_parser_finish(parser.get()), cmark_node_free);
}

// cmark-gfm walks up the open containers for every `[` (MarkdownLimits::max_container_steps).
// When brackets times the deepest nesting the text could have exceeds that budget, the block
// structure is parsed first from a copy without brackets and `<` (they start no container, and
// without them the inline pass is linear), and a nesting past the limit is reported from it.
bool nesting_within_limits(std::string_view text, const Converter& c) {
    const auto brackets = static_cast<std::uint64_t>(std::count(text.begin(), text.end(), '['));
    if (brackets * text.size() <= c.limits.max_container_steps) return true;
    std::string plain(text);
    for (char& ch : plain) {
        if (ch == '[' || ch == ']' || ch == '<') ch = 'x';
    }
    const NodePtr doc = parse_tree(plain, false);
    std::unique_ptr<cmark_iter, void (*)(cmark_iter*)> it(cmark_iter_new(doc.get()), cmark_iter_free);
    std::size_t depth = 0;
    for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(it.get());
        const cmark_node_type type = cmark_node_get_type(n);
        if (type != CMARK_NODE_LIST && type != CMARK_NODE_BLOCK_QUOTE) continue;
        if (ev == CMARK_EVENT_EXIT) {
            --depth;
            continue;
        }
        if (depth >= c.limits.max_depth) {
            c.diags.error(c.pos(n), fmt::format("block quotes and lists nested more than {} deep", c.limits.max_depth));
            return false;
        }
        ++depth;
    }
    return true;
}

}  // namespace

Blocks parse_blocks(std::string_view text, const std::string& name, Diagnostics& diags, const MarkdownLimits& limits) {
    if (!guard(text, name, limits, diags)) return {};
    Converter c{name, limits, diags};
    if (!nesting_within_limits(text, c)) return {};
    const NodePtr doc = parse_tree(text, true);
    return c.blocks(doc.get(), 0);
}

std::string plain_text(const Spans& spans) {
    std::string out;
    for (const auto& s : spans) out += s.line_break ? " " : s.text;
    return out;
}

}  // namespace lkjip::md
