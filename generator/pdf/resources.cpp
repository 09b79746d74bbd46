// Checking the writer's inputs before libharu sees them: files, TrueType headers, image magic
// bytes, UTF-8 text; and the messages for libharu's error codes.
#include <hpdf.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "common/file_read.hpp"
#include "common/i18n.hpp"
#include "common/utf8.hpp"
#include "pdf/internal.hpp"

namespace lkjip::pdf::detail {

// Through common/file_read.hpp (a FIFO or a device is refused, the limit is on the bytes read,
// issue 18 class 1). The writer reads whole files here only for images (draw.cpp), so the image
// limit applies; fonts come from common/file_cache.hpp (writer.cpp).
bool read_file(const std::string& path, std::string& out, std::string& error) {
    FileContents file = read_regular_file(path, kMaxImageBytes, N_("image"));
    if (!file.ok()) {
        out.clear();
        error = file.message;
        return false;
    }
    out = std::move(file.bytes);
    return true;
}

namespace {

std::uint32_t be32(std::string_view d, std::size_t at) {
    return (std::uint32_t{static_cast<unsigned char>(d[at])} << 24) |
           (std::uint32_t{static_cast<unsigned char>(d[at + 1])} << 16) |
           (std::uint32_t{static_cast<unsigned char>(d[at + 2])} << 8) |
           std::uint32_t{static_cast<unsigned char>(d[at + 3])};
}

std::uint16_t be16(std::string_view d, std::size_t at) {
    return static_cast<std::uint16_t>((static_cast<unsigned char>(d[at]) << 8) |
                                      static_cast<unsigned char>(d[at + 1]));
}

}  // namespace

std::string check_truetype(std::string_view data, std::uint64_t size) {
    // The sfnt wrapper: OpenType spec, "Organization of an OpenType Font" (table directory).
    if (data.size() < 12 || size < 12) return _("not a TrueType font (file too short)");
    const std::string_view tag = data.substr(0, 4);
    if (tag == "OTTO") return _("an OpenType font with CFF outlines; libharu embeds only TrueType (.ttf)");
    if (tag == "ttcf") return _("a TrueType collection (.ttc); give a single .ttf");
    if (be32(data, 0) != 0x00010000u && tag != "true") return _("not a TrueType font (bad sfnt version)");
    const std::size_t tables = be16(data, 4);
    if (tables == 0 || 12 + 16 * tables > data.size()) return _("not a TrueType font (truncated table directory)");
    // The tables libharu reads to measure and subset the font (TrueType glyph outlines).
    std::array<std::pair<std::string_view, std::uint32_t>, 9> needed{{{"head", 54},
                                                                      {"hhea", 36},
                                                                      {"maxp", 6},
                                                                      {"hmtx", 0},
                                                                      {"cmap", 4},
                                                                      {"loca", 0},
                                                                      {"glyf", 0},
                                                                      {"name", 6},
                                                                      {"OS/2", 10}}};
    std::array<bool, 9> found{};
    for (std::size_t i = 0; i < tables; ++i) {
        const std::size_t at = 12 + 16 * i;
        const std::uint64_t offset = be32(data, at + 8), length = be32(data, at + 12);
        if (offset + length > size) {
            return _f("truncated TrueType font (table '{}' ends past the end of the file)", data.substr(at, 4));
        }
        for (std::size_t k = 0; k < needed.size(); ++k) {
            if (data.substr(at, 4) == needed[k].first && length >= needed[k].second) found[k] = true;
        }
    }
    for (std::size_t k = 0; k < needed.size(); ++k) {
        if (!found[k]) return _f("TrueType font without a usable '{}' table", needed[k].first);
    }
    return "";
}

ImageKind image_kind(std::string_view data) {
    // PNG signature (PNG spec, 5.2) and JPEG SOI marker followed by a marker (ITU T.81, B.1.1.3).
    if (data.size() >= 8 && data.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return ImageKind::png;
    if (data.size() >= 3 && data.substr(0, 3) == "\xFF\xD8\xFF") return ImageKind::jpeg;
    return ImageKind::other;
}

bool to_bmp(std::string_view in, std::string& out, CodeSet& codes) {
    out.clear();
    out.reserve(in.size());
    std::size_t i = 0;
    while (i < in.size()) {
        // ASCII, most of a report's text, is its own code (the decoder below for the rest).
        if (const auto c = static_cast<unsigned char>(in[i]); c < 0x80) {
            out += static_cast<char>(c);
            codes.set(c);
            ++i;
            continue;
        }
        const utf8::Sequence q = utf8::sequence_at(in, i);
        if (q.length == 0) return false;  // overlong, a surrogate, past U+10FFFF, cut short
        const std::size_t len = q.length;
        std::uint32_t cp = q.code_point;
        if (cp > 0xFFFF) {
            out += "\xEF\xBF\xBD";  // U+FFFD: libharu's UTF-8 encoder has two-byte codes only
            cp = 0xFFFD;
        } else {
            out.append(in.substr(i, len));
        }
        codes.set(cp);
        i += len;
    }
    return true;
}

std::string haru_error_text(unsigned long code, unsigned long detail) {
    const char* what = nullptr;
    switch (code) {
        case HPDF_FAILD_TO_ALLOC_MEM: what = N_("out of memory"); break;
        case HPDF_FILE_IO_ERROR: what = N_("file input/output error"); break;
        case HPDF_FILE_OPEN_ERROR: what = N_("cannot open a file"); break;
        case HPDF_FONT_EXISTS: what = N_("font already loaded"); break;
        case HPDF_INVALID_DATE_TIME: what = N_("invalid date"); break;
        case HPDF_INVALID_DESTINATION: what = N_("invalid link or outline destination"); break;
        case HPDF_INVALID_ENCODER: what = N_("invalid encoder"); break;
        case HPDF_INVALID_FONTDEF_DATA: what = N_("invalid font data"); break;
        case HPDF_INVALID_FONT_NAME: what = N_("invalid font name"); break;
        case HPDF_INVALID_IMAGE: what = N_("invalid image"); break;
        case HPDF_INVALID_JPEG_DATA: what = N_("invalid JPEG data"); break;
        case HPDF_INVALID_PARAMETER: what = N_("invalid parameter"); break;
        case HPDF_INVALID_PNG_IMAGE: what = N_("invalid PNG image"); break;
        case HPDF_INVALID_TTC_FILE: what = N_("invalid TrueType collection"); break;
        case HPDF_LIBPNG_ERROR: what = N_("libpng cannot decode the PNG image"); break;
        case HPDF_PAGE_INVALID_FONT_SIZE: what = N_("invalid font size"); break;
        case HPDF_PAGE_INVALID_GMODE: what = N_("operation not allowed here (graphics mode)"); break;
        case HPDF_PAGE_INVALID_SIZE: what = N_("invalid page size"); break;
        case HPDF_PAGE_OUT_OF_RANGE: what = N_("value out of range"); break;
        case HPDF_REAL_OUT_OF_RANGE: what = N_("number out of range"); break;
        case HPDF_STRING_OUT_OF_RANGE: what = N_("text too long"); break;
        case HPDF_TTF_CANNOT_EMBEDDING_FONT: what = N_("the font's licence does not allow embedding"); break;
        case HPDF_TTF_INVALID_CMAP: what = N_("the font has no Unicode (3,1) cmap"); break;
        case HPDF_TTF_INVALID_FOMAT: what = N_("invalid TrueType format"); break;
        case HPDF_TTF_MISSING_TABLE: what = N_("a TrueType table is missing"); break;
        case HPDF_UNSUPPORTED_FONT_TYPE: what = N_("unsupported font type"); break;
        case HPDF_UNSUPPORTED_JPEG_FORMAT: what = N_("unsupported JPEG format"); break;
        case HPDF_ZLIB_ERROR: what = N_("zlib error"); break;
        case HPDF_PAGE_NUM_STYLE_OUT_OF_RANGE: what = N_("invalid page label style"); break;
        default: break;
    }
    if (what) return _f("libharu error 0x{:04X} ({}), detail {}", code, _(what), detail);
    return _f("libharu error 0x{:04X}, detail {}", code, detail);
}

}  // namespace lkjip::pdf::detail
