// The pixel size of a PNG or JPEG file, read from its header (PNG: the IHDR chunk, ISO/IEC
// 15948 §11.2.2; JPEG: the first SOFn marker, ITU T.81 §B.2.2), so the layout can scale an
// image without decoding it. Anything else is "not an image" with a reason. In common/ because
// the loader checks every image a data file names with it, so a bad image is an error at the key
// that names it (issue 18, class 11), and the layout reads the same header the same way.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lkjip {

struct ImageInfo {
    enum class Format { png, jpeg } format = Format::png;
    unsigned width = 0, height = 0;  // pixels
};

// The header of the image in `bytes` (the whole file); nullopt and `error` (naming `path`) when
// it is not a PNG or JPEG with a size, or a PNG whose pixel data does not decode (every row is
// decoded once with libpng here, so a damaged PNG is an error at the key or Markdown line that
// names it, never later in the PDF writer, issue 18 class 11).
std::optional<ImageInfo> image_info_of(std::string_view bytes, const std::string& path, std::string& error);

// Reads the whole file (common/file_read.hpp, at most kMaxImageBytes), then image_info_of.
// A JPEG's frame header may follow any number of EXIF/APPn segments, so no fixed prefix is
// enough; the whole file is read once, and it is what the PDF embeds anyway.
std::optional<ImageInfo> read_image_info(const std::string& path, std::string& error);

// "" when the PNG in `data` decodes completely, else why not ("damaged PNG (...)"). The PDF
// writer calls it too, right before libharu reads the bytes: libharu 2.3.0's PNG reader aborts
// the process on a damaged file.
std::string png_decode_error(std::string_view data);

}  // namespace lkjip
