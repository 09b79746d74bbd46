// The second pass over libharu's output: what libharu 2.3.0 writes wrongly is repaired object
// by object, and the cross-reference table is written again for the new offsets.
//
// libharu's /ToUnicode for a Type0 font under its "UTF-8" encoder is a copy of the encoding
// CMap (a begincidrange <0000> <FFFF> 0 with /CMapName /UTF-8), which is not a ToUnicode CMap:
// PDF 1.7, 9.10.3 allows only bfchar/bfrange there, so poppler warns "Invalid 'begincidrange'
// operator in ToUnicode CMap" and text extraction or search fails in stricter readers.
// docs/pdf.md has the details.
//
// The pass also compresses the streams (libharu writes them uncompressed, HPDF_COMP_NONE): its
// own deflate runs zlib at one fixed level and was a fifth of a whole `lkjip build` (issue 22,
// callgrind); libdeflate gives smaller streams in about a third of the instructions, and the
// streams, independent of each other, are compressed on every core of the machine.
#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <set>
#include <vector>

#include <fmt/format.h>
#include <libdeflate.h>

#include "common/i18n.hpp"
#include "common/workers.hpp"
#include "pdf/internal.hpp"

namespace lkjip::pdf::detail {
namespace {

// Appends blocks of at most 100 entries (the limit of PDF 1.7, 9.10.3 and Adobe Technical
// Note #5411, section 1.4.2).
void append_blocks(std::string& out, const std::vector<std::string>& entries, std::string_view kind) {
    for (std::size_t i = 0; i < entries.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, entries.size() - i);
        out += fmt::format("{} begin{}\n", n, kind);
        for (std::size_t k = i; k < i + n; ++k) out += entries[k];
        out += fmt::format("end{}\n", kind);
    }
}

// "HPDFAA+LiberationSerif" -> "LiberationSerif" (PDF 1.7, 9.6.4: a subset tag is six upper-case
// letters and a plus sign).
std::string without_subset_tag(const std::string& name) {
    if (name.size() > 7 && name[6] == '+' &&
        std::all_of(name.begin(), name.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; })) {
        return name.substr(7);
    }
    return name;
}

}  // namespace

std::string to_unicode_cmap(const CodeSet& codes) {
    std::vector<std::string> chars, ranges;
    // Consecutive codes become one bfrange; a range may only vary in the last byte of the code
    // (9.10.3: "the source codes ... shall differ only in the last byte"), and as source and
    // destination are equal, the destination never carries into a second byte either.
    std::size_t c = 0;
    while (c < codes.size()) {
        if (!codes[c]) {
            ++c;
            continue;
        }
        std::size_t end = c;
        while (end + 1 < codes.size() && codes[end + 1] && (end + 1) >> 8 == c >> 8) ++end;
        if (end == c) {
            chars.push_back(fmt::format("<{:04X}> <{:04X}>\n", c, c));
        } else {
            ranges.push_back(fmt::format("<{:04X}> <{:04X}> <{:04X}>\n", c, end, c));
        }
        c = end + 1;
    }
    // The structure of the example in PDF 1.7, 9.10.3 (Example 2), CMapType 2 as in
    // Adobe Technical Note #5411.
    std::string out =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n"
        "<0000> <FFFF>\n"
        "endcodespacerange\n";
    append_blocks(out, chars, "bfchar");
    append_blocks(out, ranges, "bfrange");
    out +=
        "endcmap\n"
        "CMapName currentdict /CMap defineresource pop\n"
        "end\n"
        "end\n";
    return out;
}

namespace {

// One indirect object of libharu's file: its number and its bytes [begin, end).
struct Object {
    std::size_t number = 0, begin = 0, end = 0;
};

// The file as libharu writes it (PDF 1.3, 7.5): a header, the objects, one classic
// cross-reference table ("xref", "0 N", N entries of 20 bytes), the trailer, startxref.
struct Layout {
    std::vector<Object> objects;  // in file order
    std::size_t entries = 0;      // N of the xref subsection
    std::string trailer;          // "trailer\n<< ... >>\n"
};

std::optional<std::size_t> number_at(std::string_view s, std::size_t& at) {
    while (at < s.size() && (s[at] == ' ' || s[at] == '\r' || s[at] == '\n')) ++at;
    std::size_t v = 0;
    const auto [end, ec] = std::from_chars(s.data() + at, s.data() + s.size(), v);
    if (ec != std::errc{}) return std::nullopt;
    at = static_cast<std::size_t>(end - s.data());
    return v;
}

bool read_layout(std::string_view in, Layout& out, std::string& error) {
    const std::size_t sx = in.rfind("startxref");
    std::size_t at = sx + 9;
    const auto xref = sx == std::string_view::npos ? std::nullopt : number_at(in, at);
    if (!xref || *xref >= in.size() || in.compare(*xref, 4, "xref") != 0) {
        error = _("no cross-reference table");
        return false;
    }
    at = *xref + 4;
    const auto first = number_at(in, at), count = number_at(in, at);
    if (!first || *first != 0 || !count || *count == 0) {
        error = _("an unexpected cross-reference subsection");
        return false;
    }
    while (at < in.size() && (in[at] == '\r' || in[at] == '\n' || in[at] == ' ')) ++at;
    if (at + *count * 20 > in.size()) {
        error = _("a truncated cross-reference table");
        return false;
    }
    for (std::size_t k = 0; k < *count; ++k) {
        const std::string_view entry = in.substr(at + k * 20, 20);
        std::size_t offset = 0;
        std::from_chars(entry.data(), entry.data() + 10, offset);
        if (entry[17] == 'n') out.objects.push_back({k, offset, 0});
    }
    const std::size_t trailer = in.find("trailer", at + *count * 20);
    if (trailer == std::string_view::npos || trailer > sx) {
        error = _("no trailer");
        return false;
    }
    out.entries = *count;
    out.trailer = std::string(in.substr(trailer, sx - trailer));
    std::sort(out.objects.begin(), out.objects.end(), [](const Object& a, const Object& b) { return a.begin < b.begin; });
    for (std::size_t i = 0; i < out.objects.size(); ++i) {
        Object& o = out.objects[i];
        o.end = i + 1 < out.objects.size() ? out.objects[i + 1].begin : *xref;
        const std::string start = fmt::format("{} 0 obj", o.number);
        if (o.begin >= o.end || in.compare(o.begin, start.size(), start) != 0) {
            error = _f("object {} is not where the cross-reference table says", o.number);
            return false;
        }
    }
    return true;
}

// The dictionary part of an object (before its stream data, which is never edited).
std::size_t head_length(std::string_view body) {
    const std::size_t s = body.find(">>\nstream");
    return s == std::string_view::npos ? body.size() : s + 2;
}

// The value after `key` up to the next white space or delimiter ("/ToUnicode 5 0 R" -> "5").
std::string token_after(std::string_view head, std::string_view key) {
    std::size_t at = head.find(key);
    if (at == std::string_view::npos) return "";
    at += key.size();
    while (at < head.size() && head[at] == ' ') ++at;
    std::size_t end = at;
    while (end < head.size() && std::strchr(" \r\n/[]<>()", head[end]) == nullptr) ++end;
    if (end == at && at < head.size() && head[at] == '/') {  // a name: "/HPDFAA+LiberationSerif"
        end = at + 1;
        while (end < head.size() && std::strchr(" \r\n/[]<>()", head[end]) == nullptr) ++end;
    }
    return std::string(head.substr(at, end - at));
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

// [page /XYZ left top 1] -> [page /XYZ left top null]: "leave the zoom unchanged" (12.3.2.2,
// Table 151), which libharu cannot write (it accepts only 0.08..32).
void null_zoom(std::string& head) {
    for (std::size_t at = head.find("/XYZ "); at != std::string::npos; at = head.find("/XYZ ", at + 5)) {
        std::size_t p = at + 5;
        for (int field = 0; field < 2; ++field) {  // left and top
            while (p < head.size() && std::strchr("-.0123456789", head[p])) ++p;
            if (p < head.size() && head[p] == ' ') ++p;
        }
        if (head.compare(p, 3, "1 ]") == 0) head.replace(p, 1, "null");
    }
}

// Page label ranges of style none: libharu always writes /S; a label dictionary without /S has
// "no numeric portion" (12.4.2, Table 159).
void labels_without_style(std::string& head, const page::Document& doc) {
    std::set<std::size_t> none;
    for (const auto& l : doc.labels) {
        if (l.style == page::PageLabelRange::Style::none) none.insert(l.first_page);
    }
    for (std::size_t first : none) {
        for (const char* before : {"[ ", ">> "}) {
            const std::string key = fmt::format("{}{} <<\n", before, first);
            const std::size_t at = head.find(key);
            if (at == std::string::npos) continue;
            const std::size_t s = at + key.size();
            if (head.compare(s, 3, "/S ") != 0) continue;
            head.erase(s, head.find('\n', s) + 1 - s);
        }
    }
}

// libdeflate's level 6: at the size of zlib's default level (docs/benchmarks.md).
constexpr int kDeflateLevel = 6;

// A stream of libharu's file: `data` is what lies between "stream\r\n" and "\nendstream".
struct Stream {
    std::size_t object = 0;        // index into Layout::objects
    std::size_t length_object = 0; // the object holding its /Length (0: a direct /Length)
    std::string_view data;
    std::string deflated;          // zlib format (FlateDecode, PDF 1.7 7.4.4); empty: kept as it is
};

// The value of an object that is one non-negative integer ("9 0 obj\n131070\nendobj\n").
std::optional<std::size_t> integer_object(std::string_view body) {
    std::size_t at = body.find("obj");
    if (at == std::string_view::npos) return std::nullopt;
    at += 3;
    const auto v = number_at(body, at);
    while (at < body.size() && (body[at] == ' ' || body[at] == '\r' || body[at] == '\n')) ++at;
    if (!v || body.compare(at, 6, "endobj") != 0) return std::nullopt;
    return v;
}

// The stream of object `i` when it has no /Filter yet, else nullopt.
std::optional<Stream> unfiltered_stream(std::string_view in, const Layout& layout, const std::vector<std::size_t>& index_of, std::size_t i) {
    const Object& o = layout.objects[i];
    const std::string_view body(in.data() + o.begin, o.end - o.begin);
    const std::size_t head = body.find(">>\nstream\r\n");
    if (head == std::string_view::npos) return std::nullopt;
    const std::string_view dict = body.substr(0, head);
    if (dict.find("/Filter") != std::string_view::npos) return std::nullopt;
    const std::size_t key = dict.find("\n/Length ");
    if (key == std::string_view::npos) return std::nullopt;
    std::size_t at = key + 9;
    const auto first = number_at(dict, at);
    if (!first) return std::nullopt;
    Stream s;
    s.object = i;
    std::size_t length = *first;
    if (dict.compare(at, 4, " 0 R") == 0) {  // an indirect length: "/Length 9 0 R"
        if (*first >= index_of.size() || index_of[*first] == SIZE_MAX) return std::nullopt;
        const Object& l = layout.objects[index_of[*first]];
        const auto value = integer_object(in.substr(l.begin, l.end - l.begin));
        if (!value) return std::nullopt;
        s.length_object = *first;
        length = *value;
    }
    const std::size_t data = head + 11;
    if (data + length > body.size() || body.compare(data + length, 10, "\nendstream") != 0) return std::nullopt;
    s.data = body.substr(data, length);
    return s;
}

// Deflates every stream; `threads` at most, each taking the next stream (the result does not
// depend on which thread compressed which stream).
void deflate_all(std::vector<Stream>& streams, unsigned threads) {
    std::size_t total = 0;
    for (const auto& s : streams) total += s.data.size();
    // Below this, starting a thread costs more than it saves.
    if (total < (256u << 10)) threads = 1;
    std::atomic<std::size_t> next{0};
    const auto work = [&streams, &next] {
        libdeflate_compressor* c = libdeflate_alloc_compressor(kDeflateLevel);
        if (!c) return;
        // One scratch buffer per thread, the deflated bytes copied out at their size: a buffer of
        // the bound kept per stream held the whole file's size again until it was written.
        std::string scratch;
        for (std::size_t k = next++; k < streams.size(); k = next++) {
            Stream& s = streams[k];
            scratch.resize(libdeflate_zlib_compress_bound(c, s.data.size()));
            const std::size_t n = libdeflate_zlib_compress(c, s.data.data(), s.data.size(), scratch.data(), scratch.size());
            // Kept as it is when deflate does not make it smaller (or fails: n == 0).
            if (n > 0 && n < s.data.size()) s.deflated.assign(scratch.data(), n);
        }
        libdeflate_free_compressor(c);
    };
    run_workers(threads, work);
}

}  // namespace

bool postprocess(const std::string& in, const std::map<std::string, CodeSet>& codes_by_font, const page::Document& doc,
                 std::string& out, std::string& error) {
    Layout layout;
    if (!read_layout(in, layout, error)) {
        error = _f("the PDF libharu wrote cannot be read back: {}", error);
        return false;
    }
    static const CodeSet none;
    std::map<std::size_t, std::string> cmaps;  // ToUnicode object number -> its new stream
    std::vector<std::string> heads(layout.objects.size());
    for (std::size_t i = 0; i < layout.objects.size(); ++i) {
        const Object& o = layout.objects[i];
        const std::string_view body(in.data() + o.begin, o.end - o.begin);
        std::string head(body.substr(0, head_length(body)));
        if (head.find("/Subtype /Type0") != std::string::npos) {
            const auto it = codes_by_font.find(without_subset_tag(token_after(head, "/BaseFont").substr(1)));
            std::size_t unicode = 0;
            const std::string ref = token_after(head, "/ToUnicode");
            std::from_chars(ref.data(), ref.data() + ref.size(), unicode);
            if (unicode > 0) cmaps[unicode] = to_unicode_cmap(it == codes_by_font.end() ? none : it->second);
        }
        // libharu names the CIDFont's character collection "Identity-H", the name of the CMap;
        // the collection of the Identity-H CMap is Adobe-Identity-0 (9.7.3, 9.7.5.2).
        if (head.find("/Subtype /CIDFontType2") != std::string::npos) replace_all(head, "/Ordering (Identity-H)", "/Ordering (Identity)");
        if (head.find("/XYZ ") != std::string::npos) null_zoom(head);
        if (head.find("/PageLabels") != std::string::npos) labels_without_style(head, doc);
        heads[i] = std::move(head);
    }
    // The streams to compress: libharu's (none has a /Filter: HPDF_COMP_NONE) and the new
    // ToUnicode CMaps. A stream's indirect /Length object becomes free (its stream gets a direct
    // /Length of the bytes written).
    std::vector<std::size_t> index_of(layout.entries, SIZE_MAX);
    for (std::size_t i = 0; i < layout.objects.size(); ++i) index_of[layout.objects[i].number] = i;
    std::vector<Stream> streams;
    std::vector<std::size_t> stream_of(layout.objects.size(), SIZE_MAX);
    std::vector<bool> freed(layout.entries, false);
    for (std::size_t i = 0; i < layout.objects.size(); ++i) {
        auto st = unfiltered_stream(in, layout, index_of, i);
        if (!st) continue;
        if (const auto c = cmaps.find(layout.objects[i].number); c != cmaps.end()) st->data = c->second;
        if (st->length_object) freed[st->length_object] = true;
        stream_of[i] = streams.size();
        streams.push_back(*st);
    }
    deflate_all(streams, threads_per_document());

    out.clear();
    out.reserve(in.size() + 16 * 1024);
    out.append(in, 0, layout.objects.empty() ? 0 : layout.objects.front().begin);
    std::vector<std::size_t> offsets(layout.entries, 0);
    for (std::size_t i = 0; i < layout.objects.size(); ++i) {
        const Object& o = layout.objects[i];
        if (freed[o.number]) continue;
        offsets[o.number] = out.size();
        if (stream_of[i] != SIZE_MAX) {
            const Stream& st = streams[stream_of[i]];
            const bool deflated = !st.deflated.empty();
            const std::string_view bytes = deflated ? std::string_view(st.deflated) : st.data;
            std::string& head = heads[i];
            if (cmaps.count(o.number)) head = fmt::format("{} 0 obj\n<<\n/Length 0\n>>", o.number);
            const std::size_t key = head.find("\n/Length ");
            const std::size_t eol = head.find('\n', key + 1);
            head.replace(key, eol - key, fmt::format("{}\n/Length {}", deflated ? "\n/Filter /FlateDecode" : "", bytes.size()));
            out += head;
            out += "\nstream\r\n";
            out += bytes;
            out += "\nendstream\nendobj\n";
            continue;
        }
        out += heads[i];
        const std::size_t kept = in.size() > o.begin ? std::min(o.end - o.begin, in.size() - o.begin) : 0;
        const std::size_t head_in = head_length(std::string_view(in.data() + o.begin, kept));
        out.append(in, o.begin + head_in, kept - head_in);
    }
    // Free entries form a list from entry 0 through every free object back to 0, and a freed
    // object's next generation is 1 (PDF 1.7, 7.5.4).
    std::vector<std::size_t> free_list;
    for (std::size_t k = 1; k < layout.entries; ++k) {
        if (!offsets[k]) free_list.push_back(k);
    }
    const std::size_t xref = out.size();
    out += fmt::format("xref\n0 {}\n{:010} 65535 f\r\n", layout.entries, free_list.empty() ? 0 : free_list.front());
    std::size_t next_free = 0;
    for (std::size_t k = 1; k < layout.entries; ++k) {
        if (offsets[k]) {
            out += fmt::format("{:010} 00000 n\r\n", offsets[k]);
        } else {
            ++next_free;
            out += fmt::format("{:010} 00001 f\r\n", next_free < free_list.size() ? free_list[next_free] : 0);
        }
    }
    out += layout.trailer;
    out += fmt::format("startxref\n{}\n%%EOF\n", xref);
    return true;
}

}  // namespace lkjip::pdf::detail

