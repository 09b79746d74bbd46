// cmark-gfm's syntax tree to our blocks and spans. The conventions of docs/markdown.md are
// applied afterwards (conventions.cpp), on plain data.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <memory>
#include <mutex>

#include <fmt/format.h>

#include "markdown/internal.hpp"

namespace lkjip::md {

namespace {

struct Style {
    bool bold = false, italic = false, code = false;
    std::string link;
};

void add_text(Spans& out, const std::string& text, const Style& s) {
    if (text.empty()) return;
    if (!out.empty() && !out.back().line_break && out.back().bold == s.bold && out.back().italic == s.italic &&
        out.back().code == s.code && out.back().link == s.link) {
        out.back().text += text;
        return;
    }
    out.push_back(Span{text, s.bold, s.italic, s.code, s.link, false});
}

void inlines(cmark_node* node, Style style, Spans& out) {
    for (cmark_node* n = cmark_node_first_child(node); n; n = cmark_node_next(n)) {
        const char* literal = cmark_node_get_literal(n);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT: add_text(out, literal ? literal : "", style); break;
        case CMARK_NODE_SOFTBREAK: add_text(out, " ", style); break;
        case CMARK_NODE_LINEBREAK: out.push_back(Span{"", false, false, false, "", true}); break;
        case CMARK_NODE_CODE: {
            Style s = style;
            s.code = true;
            add_text(out, literal ? literal : "", s);
            break;
        }
        case CMARK_NODE_HTML_INLINE: {
            const std::string html = literal ? literal : "";
            if (html == "<br>" || html == "<br/>" || html == "<br />") out.push_back(Span{"", false, false, false, "", true});
            break;  // other inline HTML is not part of a report
        }
        case CMARK_NODE_EMPH: {
            Style s = style;
            s.italic = true;
            inlines(n, s, out);
            break;
        }
        case CMARK_NODE_STRONG: {
            Style s = style;
            s.bold = true;
            inlines(n, s, out);
            break;
        }
        case CMARK_NODE_LINK: {
            Style s = style;
            const char* url = cmark_node_get_url(n);
            s.link = url ? url : "";
            inlines(n, s, out);
            break;
        }
        default: inlines(n, style, out); break;  // images inside text, strikethrough: their text
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

Blocks blocks(cmark_node* parent, const std::string& name, Diagnostics& diags);

Block block(cmark_node* n, const std::string& name, Diagnostics& diags, bool& keep) {
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
        for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
            b.items.push_back(blocks(item, name, diags));
        }
        break;
    case CMARK_NODE_BLOCK_QUOTE:
        b.kind = Block::Kind::quote;
        b.children = blocks(n, name, diags);
        break;
    case CMARK_NODE_THEMATIC_BREAK: b.kind = Block::Kind::rule; break;
    case CMARK_NODE_CODE_BLOCK:
        b.kind = Block::Kind::code;
        b.spans.push_back(Span{literal ? literal : "", false, false, true, "", false});
        break;
    case CMARK_NODE_HTML_BLOCK:
        keep = directive(literal ? literal : "", b, SourcePos{std::make_shared<const std::string>(name), b.line, 1}, diags);
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

Blocks blocks(cmark_node* parent, const std::string& name, Diagnostics& diags) {
    Blocks out;
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
        bool keep = true;
        Block b = block(n, name, diags, keep);
        if (keep) out.push_back(std::move(b));
    }
    return out;
}

}  // namespace

Blocks parse_blocks(std::string_view text, const std::string& name, Diagnostics& diags) {
    // cmark-gfm 0.29's registration checks and sets a plain flag without a lock: two threads
    // parsing at once for the first time (lkjip batch) would both append to its global list.
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    std::unique_ptr<cmark_parser, void (*)(cmark_parser*)> parser(cmark_parser_new(CMARK_OPT_DEFAULT), cmark_parser_free);
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension("table")) {
        cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
    cmark_parser_feed(parser.get(), text.data(), text.size());
    std::unique_ptr<cmark_node, void (*)(cmark_node*)> doc(cmark_parser_finish(parser.get()), cmark_node_free);
    return blocks(doc.get(), name, diags);
}

std::string plain_text(const Spans& spans) {
    std::string out;
    for (const auto& s : spans) out += s.line_break ? " " : s.text;
    return out;
}

}  // namespace lkjip::md
