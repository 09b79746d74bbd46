#include "layout/image_info.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <vector>

namespace lkjip::layout {

namespace {

unsigned be16(const std::vector<std::uint8_t>& b, std::size_t at) { return static_cast<unsigned>(b[at] << 8 | b[at + 1]); }
unsigned be32(const std::vector<std::uint8_t>& b, std::size_t at) {
    return static_cast<unsigned>(b[at]) << 24 | static_cast<unsigned>(b[at + 1]) << 16 | be16(b, at + 2);
}

std::optional<ImageInfo> png(const std::vector<std::uint8_t>& b) {
    // Signature (8 bytes), then the IHDR chunk: length (4), "IHDR", width (4), height (4).
    if (b.size() < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') return std::nullopt;
    ImageInfo info{ImageInfo::Format::png, be32(b, 16), be32(b, 20)};
    return info;
}

std::optional<ImageInfo> jpeg(const std::vector<std::uint8_t>& b) {
    std::size_t at = 2;
    while (at + 9 < b.size()) {
        if (b[at] != 0xFF) return std::nullopt;
        const std::uint8_t marker = b[at + 1];
        if (marker == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        const unsigned length = be16(b, at + 2);
        // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
            ImageInfo info{ImageInfo::Format::jpeg, be16(b, at + 7), be16(b, at + 5)};
            return info;
        }
        if (length < 2) return std::nullopt;
        at += 2 + length;
    }
    return std::nullopt;
}

}  // namespace

std::optional<ImageInfo> read_image_info(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read image `" + path + "`";
        return std::nullopt;
    }
    // The header is near the start; 64 KiB covers JPEG files with large EXIF blocks first.
    std::vector<std::uint8_t> bytes(65536);
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    static const std::uint8_t png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::optional<ImageInfo> info;
    if (bytes.size() >= 8 && std::equal(png_sig, png_sig + 8, bytes.begin())) info = png(bytes);
    else if (bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) info = jpeg(bytes);
    else {
        error = "`" + path + "` is not a PNG or JPEG image";
        return std::nullopt;
    }
    if (!info || info->width == 0 || info->height == 0) {
        error = "`" + path + "` is a damaged image (no size in its header)";
        return std::nullopt;
    }
    return info;
}

}  // namespace lkjip::layout
