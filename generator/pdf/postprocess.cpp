// The second pass over libharu's output, with libqpdf: what libharu 2.3.0 writes wrongly is
// repaired on the object level, and the file is written again with a deterministic /ID.
//
// libharu's /ToUnicode for a Type0 font under its "UTF-8" encoder is a copy of the encoding
// CMap (a begincidrange <0000> <FFFF> 0 with /CMapName /UTF-8), which is not a ToUnicode CMap:
// PDF 1.7, 9.10.3 allows only bfchar/bfrange there, so poppler warns "Invalid 'begincidrange'
// operator in ToUnicode CMap" and text extraction or search fails in stricter readers.
// docs/pdf.md has the details.
#include <algorithm>
#include <memory>

#include <fmt/format.h>
// New code uses std::shared_ptr only (qpdf/PointerHolder.hh asks every user to choose).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

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

bool postprocess(const std::string& in, const std::map<std::string, CodeSet>& codes_by_font,
                 const page::Document& doc, std::string& out, std::string& error) {
    try {
        QPDF q;
        q.setSuppressWarnings(true);
        q.processMemoryFile("lkjip PDF", in.data(), in.size());

        static const CodeSet none;
        for (auto& obj : q.getAllObjects()) {
            // Link and outline destinations [page /XYZ left top 1]: the zoom becomes null, "leave
            // unchanged" (12.3.2.2, Table 151), which libharu cannot write.
            if (obj.isDictionary() && obj.hasKey("/Dest")) {
                auto dest = obj.getKey("/Dest");
                if (dest.isArray() && dest.getArrayNItems() == 5 && dest.getArrayItem(1).isName() &&
                    dest.getArrayItem(1).getName() == "/XYZ") {
                    dest.setArrayItem(4, QPDFObjectHandle::newNull());
                }
            }
            if (!obj.isDictionary() || !obj.getKey("/Type").isName() || obj.getKey("/Type").getName() != "/Font" ||
                !obj.getKey("/Subtype").isName() || obj.getKey("/Subtype").getName() != "/Type0") {
                continue;
            }
            auto base = obj.getKey("/BaseFont");
            const auto it = codes_by_font.find(without_subset_tag(base.isName() ? base.getName().substr(1) : ""));
            const CodeSet& codes = it == codes_by_font.end() ? none : it->second;
            obj.replaceKey("/ToUnicode", QPDFObjectHandle::newStream(&q, to_unicode_cmap(codes)));
            // libharu names the CIDFont's character collection "Adobe-Identity-H-0"; the
            // collection of the Identity-H CMap is Adobe-Identity-0 (9.7.3, 9.7.5.2).
            auto descendants = obj.getKey("/DescendantFonts");
            if (descendants.isArray() && descendants.getArrayNItems() == 1 && descendants.getArrayItem(0).isDictionary()) {
                auto info = descendants.getArrayItem(0).getKey("/CIDSystemInfo");
                if (info.isDictionary()) info.replaceKey("/Ordering", QPDFObjectHandle::newString("Identity"));
            }
        }

        // Page label ranges of style none: libharu always writes /S; a label dictionary without
        // /S has "no numeric portion" (12.4.2, Table 159).
        // (Only keys of objects known to be dictionaries are read: qpdf warns otherwise.)
        auto labels = q.getRoot().getKey("/PageLabels");
        auto nums = labels.isDictionary() ? labels.getKey("/Nums") : QPDFObjectHandle::newNull();
        if (nums.isArray()) {
            for (int i = 0; i + 1 < nums.getArrayNItems(); i += 2) {
                if (!nums.getArrayItem(i).isInteger()) continue;
                const auto first = static_cast<std::size_t>(nums.getArrayItem(i).getIntValue());
                // The last range of the model for this page is the one written (add_labels).
                auto r = std::find_if(doc.labels.rbegin(), doc.labels.rend(),
                                      [&](const page::PageLabelRange& l) { return l.first_page == first; });
                auto dict = nums.getArrayItem(i + 1);
                if (r != doc.labels.rend() && r->style == page::PageLabelRange::Style::none && dict.isDictionary()) {
                    dict.removeKey("/S");
                }
            }
        }

        if (q.anyWarnings()) {
            const auto warnings = q.getWarnings();
            error = "the PDF libharu wrote is damaged: " + std::string(warnings.empty() ? "" : warnings.front().what());
            return false;
        }
        QPDFWriter w(q);
        w.setOutputMemory();
        w.setDeterministicID(true);  // /ID from the content (14.4), not from the clock
        w.setDecodeLevel(qpdf_dl_none);  // streams libharu compressed are copied as they are
        // Streams are copied as libharu compressed them; asking qpdf to compress as well makes it
        // decode and encode every stream again (60% of this pass) for the same size. The new
        // CMaps stay uncompressed: a few KiB.
        w.setCompressStreams(false);
        w.write();
        const std::shared_ptr<Buffer> buffer = w.getBufferSharedPointer();
        out.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
        return true;
    } catch (const std::exception& e) {
        error = fmt::format("post-processing the PDF with qpdf: {}", e.what());
        return false;
    }
}

}  // namespace lkjip::pdf::detail
