// Links of Markdown nobody here wrote (issue 17): bare URLs found in text, and link targets
// printed after the text that hides them. One pass over each text, no regular expressions
// (scan.hpp says why).
#include <algorithm>

#include "markdown/markdown.hpp"

namespace lkjip::md {

namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

// The end of a URL starting at `begin` (after its scheme or `www.`): up to a space or `<`, then
// without trailing ?!.,:*_~'" and without each `)` that closes no `(` of the URL (GFM spec 6.9,
// extended autolink path validation).
std::size_t url_end(std::string_view text, std::size_t begin) {
    std::size_t end = begin, open = 0, close = 0;
    for (; end < text.size() && !space(text[end]) && text[end] != '<'; ++end) {
        open += text[end] == '(';
        close += text[end] == ')';
    }
    while (end > begin) {
        const char c = text[end - 1];
        const bool trailing = c == '?' || c == '!' || c == '.' || c == ',' || c == ':' || c == '*' || c == '_' || c == '~' ||
                              c == '\'' || c == '"';
        if (!trailing && !(c == ')' && close > open)) break;
        close -= c == ')';
        --end;
    }
    return end;
}

// The visible text of a link: its spans from `first` while they carry the same target.
std::string link_text(const Spans& spans, std::size_t first, std::size_t& last) {
    std::string text;
    last = first;
    while (last < spans.size() && !spans[last].line_break && spans[last].link == spans[first].link) text += spans[last++].text;
    return text;
}

// The URL as a reader compares it with the text: without `mailto:`, a scheme's `//` and a
// final `/` (the text "example.com" shows https://example.com/).
std::string_view bare(std::string_view url) {
    if (starts_with_ci(url, "mailto:")) url.remove_prefix(7);
    if (const std::size_t at = url.find("://"); at != std::string_view::npos && at < 12) url.remove_prefix(at + 3);
    while (!url.empty() && url.back() == '/') url.remove_suffix(1);
    return url;
}

void print_targets(Spans& spans) {
    Spans out;
    for (std::size_t i = 0; i < spans.size();) {
        if (spans[i].link.empty() || spans[i].line_break) {
            out.push_back(std::move(spans[i++]));
            continue;
        }
        std::size_t last = i;
        const std::string text = link_text(spans, i, last);
        const std::string url = spans[i].link;
        for (std::size_t k = i; k < last; ++k) out.push_back(std::move(spans[k]));
        if (url.front() != '#' && bare(text) != bare(url)) {
            Span target;
            target.text = " (" + url + ")";
            target.link = url;
            out.push_back(std::move(target));
        }
        i = last;
    }
    spans = std::move(out);
}

void print_targets(Blocks& blocks) {
    for (auto& b : blocks) {
        print_targets(b.spans);
        if (b.caption) print_targets(*b.caption);
        for (auto& item : b.items) print_targets(item);
        print_targets(b.children);
        for (auto& level : b.table.header)
            for (auto& cell : level) print_targets(cell.spans);
        for (auto& row : b.table.rows)
            for (auto& cell : row) print_targets(cell.spans);
        if (b.table.source) print_targets(*b.table.source);
    }
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> bare_urls(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t i = 0;
    while (i < text.size()) {
        // A URL starts a word, or follows `(` or an emphasis mark (GFM spec 6.9).
        const bool word_start = i == 0 || space(text[i - 1]) || text[i - 1] == '(' || text[i - 1] == '*' ||
                                text[i - 1] == '_' || text[i - 1] == '~';
        std::size_t after = 0;
        if (word_start) {
            const std::string_view rest = text.substr(i);
            if (starts_with_ci(rest, "https://")) after = 8;
            else if (starts_with_ci(rest, "http://")) after = 7;
            else if (starts_with_ci(rest, "www.")) after = 4;
        }
        // The domain must start with a letter or digit: "www." alone or "http://" alone is text.
        if (after == 0 || i + after >= text.size() || !alnum(text[i + after])) {
            ++i;
            continue;
        }
        const std::size_t end = url_end(text, i + after);
        // A domain needs a dot after `www.`'s own (GFM: "a valid domain" has at least one period).
        const std::string_view host = text.substr(i + after, end - i - after);
        if (after == 4 && host.substr(0, host.find('/')).find('.') == std::string_view::npos) {
            i = end;
            continue;
        }
        out.emplace_back(i, end);
        i = end;
    }
    return out;
}

void print_link_targets(Document& doc) { print_targets(doc.blocks); }

}  // namespace lkjip::md
