// Files every document of a process reads again (the fonts: the layout measures them, the PDF
// writer embeds them): read once through read_regular_file and kept, shared read-only between
// threads. A later read checks with stat that the file is still the one read (device, inode,
// size, modification and change times) and reads it again when not, so a font replaced during a
// long `lkjip batch` is never embedded from stale bytes. Each read, from the disk or the cache, is
// recorded in the thread's ReadLog (common/file_read.hpp) with the digest of the bytes used.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "common/file_read.hpp"

namespace lkjip {

struct CachedFile {
    std::shared_ptr<const std::string> bytes;  // null when the file cannot be read
    FileError error = FileError::none;
    std::string message;  // read_regular_file's message when !ok

    [[nodiscard]] bool ok() const { return bytes != nullptr; }
};

// The whole of `path`, as read_regular_file(path, max_bytes, what) gives it.
CachedFile read_cached_file(const std::string& path, std::size_t max_bytes, const std::string& what);

}  // namespace lkjip
