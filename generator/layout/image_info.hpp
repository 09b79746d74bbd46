// The pixel size of a PNG or JPEG file, read from its header (PNG: the IHDR chunk, ISO/IEC
// 15948 §11.2.2; JPEG: the first SOFn marker, ITU T.81 §B.2.2), so the layout can scale an
// image without decoding it. Anything else is "not an image" with a reason.
#pragma once

#include <optional>
#include <string>

namespace lkjip::layout {

struct ImageInfo {
    enum class Format { png, jpeg } format = Format::png;
    unsigned width = 0, height = 0;  // pixels
};

std::optional<ImageInfo> read_image_info(const std::string& path, std::string& error);

}  // namespace lkjip::layout
