// Internals of the PDF writer shared by its source files (not part of the stage's interface).
#pragma once

#include <bitset>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "layout/page_model.hpp"

namespace lkjip::pdf::detail {

// The character codes one font's text uses. With libharu's "UTF-8" encoder a Type0 font is
// written with Identity-H and the two-byte code of a character is its Unicode (BMP) value.
using CodeSet = std::bitset<65536>;

// The whole content of a file; false and `error` naming the file when it cannot be read.
bool read_file(const std::string& path, std::string& out, std::string& error);

// "" when `data` looks like a TrueType font libharu can embed (sfnt header with version
// 0x00010000 or 'true', a table directory inside the file, the tables a TrueType font needs),
// else what is wrong. libharu's parser trusts the file; this keeps a truncated or foreign file
// (OpenType/CFF, a collection, HTML saved as .ttf) from reaching it.
// `head` is the start of the file (at least its table directory), `size` its length.
std::string check_truetype(std::string_view head, std::uint64_t size);

enum class ImageKind { png, jpeg, other };
ImageKind image_kind(std::string_view data);


// Decodes UTF-8 `in` into `out` (UTF-8 again) with every character libharu cannot encode in
// two bytes (outside the Basic Multilingual Plane) replaced by U+FFFD, and marks each code in
// `codes`. False when `in` is not valid UTF-8 (overlong forms, surrogates, truncated sequences).
bool to_bmp(std::string_view in, std::string& out, CodeSet& codes);

// A message for a libharu error code and detail number (hpdf_error.h).
std::string haru_error_text(unsigned long code, unsigned long detail);

// A ToUnicode CMap (PDF 1.7 section 9.10.3, Adobe Technical Note #5411) mapping each code in
// `codes` to the same UTF-16BE value.
std::string to_unicode_cmap(const CodeSet& codes);

// Rewrites libharu's output object by object (postprocess.cpp): a proper /ToUnicode for each
// Type0 font (keyed by BaseFont without its subset tag), the CIDFonts' /Ordering, /XYZ
// destinations with a null zoom, /PageLabels ranges of style none without /S, and a new
// cross-reference table. False and `error` when the file is not laid out as libharu writes it.
bool postprocess(const std::string& in, const std::map<std::string, CodeSet>& codes_by_font,
                 const page::Document& doc, std::string& out, std::string& error);

}  // namespace lkjip::pdf::detail
