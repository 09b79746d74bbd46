// The layout reads image headers with common/image_info.hpp, the same check the loader makes on
// every image a data file names (issue 18, class 11).
#pragma once

#include "common/image_info.hpp"

namespace lkjip::layout {

using lkjip::ImageInfo;
using lkjip::read_image_info;

}  // namespace lkjip::layout
