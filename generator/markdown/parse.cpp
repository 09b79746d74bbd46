// cmark-gfm's syntax tree to our blocks and spans. The conventions of docs/markdown.md are
// applied afterwards (conventions.cpp), on plain data.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

#include "common/i18n.hpp"
#include "markdown/internal.hpp"

namespace lkjip::md {

namespace {

// The longest link target kept as a link: RFC 9110, 4.1 asks senders and recipients to support
// URIs of at least 8000 octets; anything longer is no address a reader follows. Beyond it the
// text stays and has no link: every piece of a line carries its link's target, so an 800 KB
// bare "www.www.…" ran lkjip out of memory (issue 17).
constexpr std::size_t kMaxLinkTarget = 8000;

struct Style {
    bool bold = false, italic = false, code = false, strike = false;
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
            out_.back().code == s.code && out_.back().strike == s.strike && same_link(s.link)) {
            out_.back().text += text;
            return;
        }
        out_.push_back(Span{text, s.bold, s.italic, s.code, s.link, false, s.strike});
        last_link_ = s.link;
    }
    void line_break() { out_.push_back(Span{"", false, false, false, "", true}); }

private:
    // The same node's target is the same pointer: no comparison of a long URL per text node.
    bool same_link(const char* link) const { return link == last_link_ || out_.back().link == link; }

    Spans& out_;
    const char* last_link_ = nullptr;
};

// Where inline HTML is reported: the text of a report has none but `<br>`, and any other
// Markdown's (a README's `<kbd>`, `<img>`, `<sup>`) must not vanish without a word (issue 17).
struct InlineReport {
    std::shared_ptr<const std::string> file;
    Diagnostics* diags = nullptr;
    SourcePos at(cmark_node* n) const {
        return SourcePos{file, static_cast<std::uint32_t>(std::max(0, cmark_node_get_start_line(n))),
                         static_cast<std::uint32_t>(std::max(1, cmark_node_get_start_column(n)))};
    }
};

bool is_html_comment(std::string_view html) {
    const std::size_t at = html.find_first_not_of(" \t\r\n");
    return at != std::string_view::npos && html.substr(at).rfind("<!--", 0) == 0;
}

// A footnote's number as superior figures (U+00B9, U+00B2, U+00B3, U+2070, U+2074-U+2079): the
// font's own superscript digits are drawn for that size and weight (Bringhurst, The Elements of Typographic Style, 4.3.1: superscripts in the text), where a
// digit scaled down from the body size looks too light; and text extraction still gives a digit.
std::string superscript(std::string_view number) {
    static const char* const digits[] = {"\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074",
                                         "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
    std::string out;
    for (char c : number) {
        if (c >= '0' && c <= '9') out += digits[c - '0'];
        else out += c;
    }
    return out;
}

bool type_name_is(cmark_node* n, std::string_view name) {
    const char* t = cmark_node_get_type_string(n);
    return t && name == t;
}

// Bare URLs in plain text become links, as GFM's extended autolinks (links.cpp): the text is
// kept as written, `www.` targets get `http://`.
void link_bare_urls(Spans& spans, std::size_t from) {
    Spans out;
    for (std::size_t i = from; i < spans.size(); ++i) {
        Span& s = spans[i];
        const auto urls = s.link.empty() && !s.code && !s.line_break ? bare_urls(s.text) : decltype(bare_urls("")){};
        if (urls.empty()) {
            out.push_back(std::move(s));
            continue;
        }
        std::size_t at = 0;
        for (const auto& [begin, end] : urls) {
            if (end - begin > kMaxLinkTarget) continue;  // stays text
            Span part = s;
            if (begin > at) {
                part.text = s.text.substr(at, begin - at);
                out.push_back(part);
            }
            part.text = s.text.substr(begin, end - begin);
            part.link = (part.text[0] == 'w' || part.text[0] == 'W') ? "http://" + part.text : part.text;
            out.push_back(std::move(part));
            at = end;
        }
        if (at < s.text.size()) {
            Span rest = s;
            rest.text = s.text.substr(at);
            out.push_back(std::move(rest));
        }
    }
    spans.resize(from);
    for (auto& s : out) spans.push_back(std::move(s));
}

void inlines(cmark_node* node, Style style, Spans& out, const InlineReport* report = nullptr) {
    const std::size_t from = out.size();
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
            if (html == "<br>" || html == "<br/>" || html == "<br />") {
                w.line_break();
                break;
            }
            // lkjip does not interpret HTML: a tag is printed as written, in the code face, so
            // its attributes (a title, an alt text) are not lost; a comment is hidden in every
            // viewer, so it is skipped. Either way with a warning at its place.
            const bool comment = is_html_comment(html);
            if (report && report->diags) {
                report->diags->warning(report->at(n), comment ? std::string(_("inline HTML comment skipped (lkjip does not render HTML)"))
                                                              : _f("inline HTML `{}` printed as code (lkjip does not render HTML)",
                                                                   html.substr(0, std::min<std::size_t>(html.size(), 60))));
            }
            if (!comment) {
                Style c = s;
                c.code = true;
                w.add(literal, c);
            }
            break;
        }
        case CMARK_NODE_FOOTNOTE_REFERENCE: {
            // cmark-gfm has replaced the label by the note's number (its order of first reference).
            w.add(superscript(literal ? literal : "").c_str(), s);
            // Not a leaf to cmark-gfm's iterator (S_is_leaf): it is exited too.
            const Style same = s;
            styles.push_back(same);
            break;
        }
        default: {
            // Containers: emphasis, strong, links; images inside text and strikethrough give
            // their text in the surrounding style.
            Style c = s;
            if (type == CMARK_NODE_EMPH) c.italic = true;
            if (type == CMARK_NODE_STRONG) c.bold = true;
            if (type_name_is(n, "strikethrough")) c.strike = true;
            if (type == CMARK_NODE_LINK) {
                const char* url = cmark_node_get_url(n);
                c.link = url ? url : "";
                if (std::strlen(c.link) > kMaxLinkTarget) {
                    if (report && report->diags)
                        report->diags->warning(report->at(n), _f("a link target longer than {} bytes; its text is printed without the link", kMaxLinkTarget));
                    c.link = "";
                }
            }
            // Every node but the leaves handled above is exited (cmark-gfm's iterator, S_is_leaf).
            styles.push_back(c);
        }
        }
    }
    link_bare_urls(out, from);
}

// An absolute URI (RFC 3986, 3.1: a scheme of a letter and letters, digits, + - . then `:`; two
// characters at least, so a Windows drive `C:` stays a path) or a network-path reference `//host`.
bool is_url(std::string_view s) {
    if (s.rfind("//", 0) == 0) return true;
    const std::size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon < 2) return false;
    const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (!alpha(s[0])) return false;
    for (std::size_t i = 1; i < colon; ++i) {
        const char c = s[i];
        if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
    }
    return true;
}

std::string type_name(cmark_node* n) {
    const char* t = cmark_node_get_type_string(n);
    return t ? t : "";
}

Table table(cmark_node* node, const InlineReport* report) {
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
            inlines(cell, {}, c.spans, report);
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
    InlineReport report{file, &diags};
    int footnotes = 0;  // footnote definitions converted so far

    SourcePos pos(cmark_node* n) const {
        return SourcePos{file, static_cast<std::uint32_t>(cmark_node_get_start_line(n)),
                         static_cast<std::uint32_t>(std::max(1, cmark_node_get_start_column(n)))};
    }

    // Lists and quotes recurse, `depth` levels of them deep: limited (MarkdownLimits::max_depth).
    bool nest(cmark_node* n, std::size_t depth) {
        if (depth < limits.max_depth) return true;
        if (!too_deep) diags.error(pos(n), _f("block quotes and lists nested more than {} deep", limits.max_depth));
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
            inlines(n, {}, b.spans, &report);
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
                inlines(first, {}, alt, &report);
                b.alt = plain_text(alt);
                // lkjip reads no network (a build is the same offline and twice): a URL would
                // otherwise be looked up as a file path and reported as a missing file.
                if (is_url(b.url)) {
                    diags.error(report.at(first),
                                _f("the image `{}` is a URL; lkjip does not download images", b.url.substr(0, 200)),
                                _("save the image next to the Markdown file and give its file name"));
                    keep = false;  // not looked up as a file as well
                }
            } else {
                inlines(n, {}, b.spans, &report);
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
                // GFM task list items (the tasklist extension marks the item node itself).
                const int task = type_name_is(item, "tasklist") ? (cmark_gfm_extensions_get_tasklist_item_checked(item) ? 2 : 1) : 0;
                if (task != 0 || !b.tasks.empty()) {
                    b.tasks.resize(b.items.size(), 0);
                    b.tasks.back() = task;
                }
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
        case CMARK_NODE_HTML_BLOCK: {
            const std::string html = literal ? literal : "";
            keep = directive(html, b, SourcePos{file, b.line, 1}, diags);
            if (keep || html.find("lkjip:") != std::string::npos) break;  // a directive, or already warned about
            // Raw HTML (a README's <table>, <details>, <p align=center>): lkjip does not render
            // HTML, so its source is printed as a code block, every word of it kept, and said so.
            // A comment is hidden in every viewer: skipped, and said so.
            if (is_html_comment(html)) {
                diags.warning(SourcePos{file, b.line, 1}, _("HTML comment skipped (lkjip does not render HTML)"));
                break;
            }
            diags.warning(SourcePos{file, b.line, 1}, _("HTML block printed as code (lkjip does not render HTML)"),
                          _("write it in Markdown (a GFM table, a list) to have it typeset"));
            b.kind = Block::Kind::code;
            b.spans.push_back(Span{html, false, false, true, "", false});
            keep = true;
            break;
        }
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            // cmark-gfm moves the definitions that are referenced to the end of the document in
            // the order of their first reference, which is their number (1, 2, 3 …).
            b.kind = Block::Kind::footnote;
            b.number = std::to_string(++footnotes);
            if (!nest(n, depth)) {
                keep = false;
                break;
            }
            b.children = blocks(n, depth + 1);
            break;
        default:
            if (type_name(n) == "table") {
                b.kind = Block::Kind::table;
                b.table = table(n, &report);
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

NodePtr parse_tree(std::string_view text, bool extensions) {
    // cmark-gfm 0.29's registration checks and sets a plain flag without a lock: two threads
    // parsing at once for the first time (lkjip batch) would both append to its global list.
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    // The GFM extensions (issue 17: Markdown nobody here wrote must not show `~~`, `[ ]` or `[^1]`
    // raw): tables, strikethrough, task lists, and footnotes, which cmark-gfm has as a parser
    // option. Not "autolink": Debian 12's 0.29.0.gfm.6 reads out of bounds in it on crafted text
    // (CVE-2023-22485, fixed in gfm.7); bare URLs are found by scan.cpp's bare_urls instead.
    // tagfilter only changes HTML output, which lkjip does not write.
    ParserPtr parser(cmark_parser_new(extensions ? CMARK_OPT_FOOTNOTES : CMARK_OPT_DEFAULT), cmark_parser_free);
    for (const char* name : {"table", "strikethrough", "tasklist"}) {
        if (!extensions) break;
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser.get(), ext);
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
            c.diags.error(c.pos(n), _f("block quotes and lists nested more than {} deep", c.limits.max_depth));
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
    Blocks blocks = c.blocks(doc.get(), 0);
    // cmark-gfm drops a footnote nobody refers to, and the second of two with one label.
    if (text.find("[^") != std::string_view::npos) {
        for (const auto& f : footnote_problems(text)) {
            diags.warning(SourcePos{c.file, f.line, f.column},
                          f.duplicate ? _f("footnote `[^{}]` is defined twice; the second definition is skipped", f.label)
                                      : _f("footnote `[^{}]` is never referred to; it is skipped", f.label),
                          f.duplicate ? std::string(_("give each footnote its own label"))
                                      : _f("refer to it with `[^{}]` in the text", f.label));
        }
    }
    return blocks;
}

std::string plain_text(const Spans& spans) {
    std::string out;
    for (const auto& s : spans) out += s.line_break ? " " : s.text;
    return out;
}

}  // namespace lkjip::md
