#include "common/image_info.hpp"

#include <cstdint>
#include <vector>

#include <png.h>

#include "common/file_read.hpp"
#include "common/i18n.hpp"

namespace lkjip {

namespace {

unsigned be16(std::string_view b, std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(b[at])) << 8 | static_cast<unsigned char>(b[at + 1]);
}
unsigned be32(std::string_view b, std::size_t at) { return be16(b, at) << 16 | be16(b, at + 2); }

std::optional<ImageInfo> png(std::string_view b) {
    // Signature (8 bytes), then the IHDR chunk: length (4), "IHDR", width (4), height (4).
    if (b.size() < 24 || b.substr(12, 4) != "IHDR") return std::nullopt;
    return ImageInfo{ImageInfo::Format::png, be32(b, 16), be32(b, 20)};
}

// Walks the marker segments from the start of the file by their lengths (ITU T.81 §B.1.1) to the
// first frame header, however many bytes of APPn (EXIF, ICC, XMP) segments come before it.
std::optional<ImageInfo> jpeg(std::string_view b) {
    std::size_t at = 2;  // after SOI
    while (at + 1 < b.size()) {
        if (static_cast<unsigned char>(b[at]) != 0xFF) return std::nullopt;
        const auto marker = static_cast<unsigned char>(b[at + 1]);
        if (marker == 0xFF) {  // fill byte before a marker
            ++at;
            continue;
        }
        // Markers without a length: TEM, RST0..7, SOI; EOI or SOS before a frame: no size.
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
            at += 2;
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA || at + 4 > b.size()) return std::nullopt;
        const std::size_t length = be16(b, at + 2);
        if (length < 2) return std::nullopt;
        // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size:
        // length (2), precision (1), height (2), width (2).
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
            if (length < 7 || at + 9 > b.size()) return std::nullopt;
            return ImageInfo{ImageInfo::Format::jpeg, be16(b, at + 7), be16(b, at + 5)};
        }
        at += 2 + length;
    }
    return std::nullopt;
}

}  // namespace

std::string png_decode_error(std::string_view data) {
    // libharu 2.3.0 gives libpng an error callback that returns (PngErrorFunc) and never calls
    // setjmp, so libpng aborts the process on the first error in the file (libpng manual,
    // "Error handling": an error function must not return). The file is therefore decoded once
    // with libpng's simplified API, which catches its own errors.
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data.data(), data.size())) {
        return _f("not a readable PNG ({})", image.message);
    }
    // 64 megapixels: a 50-megapixel camera picture fits; the decode buffer stays at 64 MB.
    if (std::uint64_t{image.width} * image.height > 64'000'000u) {
        const std::string why = _f("PNG of {}x{} pixels is too large (at most 64 megapixels)", image.width, image.height);
        png_image_free(&image);
        return why;
    }
    image.format = PNG_FORMAT_GRAY;  // the smallest buffer; every row is still decoded and checked
    std::vector<png_byte> pixels(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr)) {
        return _f("damaged PNG ({})", image.message);  // finish_read freed the image
    }
    return "";
}

std::optional<ImageInfo> image_info_of(std::string_view bytes, const std::string& path, std::string& error) {
    std::optional<ImageInfo> info;
    if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) info = png(bytes);
    else if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xFF\xD8\xFF") info = jpeg(bytes);
    else {
        error = _f("image `{}` is not a PNG or JPEG image", path);
        return std::nullopt;
    }
    if (!info || info->width == 0 || info->height == 0) {
        error = _f("image `{}` is damaged (no size in its header)", path);
        return std::nullopt;
    }
    if (info->format == ImageInfo::Format::png) {
        if (std::string why = png_decode_error(bytes); !why.empty()) {
            error = _f("image `{}`: {}", path, why);
            return std::nullopt;
        }
    }
    return info;
}

std::optional<ImageInfo> read_image_info(const std::string& path, std::string& error) {
    const FileContents file = read_regular_file(path, kMaxImageBytes, N_("image"));
    if (!file.ok()) {
        // "cannot read image `x`" for a missing file; the reason after a colon otherwise.
        error = file.error == FileError::not_found ? _f("cannot read image `{}`: it does not exist", path) : file.message;
        return std::nullopt;
    }
    return image_info_of(file.bytes, path, error);
}

}  // namespace lkjip
