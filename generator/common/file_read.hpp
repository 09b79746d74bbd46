// Reading an input file: the one way lkjip reads any file a user names (data, `extends` parents,
// images, logo, fonts, templates, Markdown, batch inputs and records).
// The file is opened once (non-blocking, so a FIFO without a writer cannot hang the open), checked
// with fstat to be a regular file (a FIFO, a device such as /dev/zero, a socket or a folder is
// refused), and read with the size limit enforced on the bytes actually read, so a file that
// grows while it is read, or that lies about its size, still stops at the limit (issue 18, class 1).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace lkjip {

enum class FileError {
    none,
    not_found,     // no such file, or a component of the path is not a folder
    not_regular,   // a FIFO, device, socket or folder
    permission,    // permission denied
    too_large,     // more than the limit's bytes
    name_too_long, // ENAMETOOLONG
    loop,          // ELOOP: a symlink loop
    io,            // any other read error
};

struct FileContents {
    std::string bytes;
    FileError error = FileError::none;
    std::string message;  // "cannot read `x`: it is a FIFO, not a regular file"; empty when ok

    [[nodiscard]] bool ok() const { return error == FileError::none; }
};

// Reads the whole of `path` if it is a regular file of at most `max_bytes` bytes. `what` names the
// kind of file in messages ("data file", "image", "template"). Never throws, never blocks on a
// special file.
FileContents read_regular_file(const std::string& path, std::size_t max_bytes, const std::string& what = "file");

// The first `prefix_bytes` bytes of a regular file (for image headers), with the same checks;
// a shorter file gives all of its bytes.
FileContents read_regular_file_prefix(const std::string& path, std::size_t prefix_bytes,
                                      const std::string& what = "file");

// Whether `path` names an existing regular file (following symlinks), without ever blocking or
// throwing.
bool is_regular_file_nothrow(const std::string& path);

}  // namespace lkjip
