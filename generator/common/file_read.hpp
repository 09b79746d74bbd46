// Reading an input file: the one way lkjip reads any file a user names (data, `extends` parents,
// images, logo, fonts, templates, Markdown, batch inputs and records).
// The file is opened once (non-blocking, so a FIFO without a writer cannot hang the open), checked
// with fstat to be a regular file (a FIFO, a device such as /dev/zero, a socket or a folder is
// refused), and read with the size limit enforced on the bytes actually read, so a file that
// grows while it is read, or that lies about its size, still stops at the limit (issue 18, class 1).
#pragma once

#include "common/i18n.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

// Which file it is (st_dev, st_ino): two names of one file (a symlink, a hard link, `./a` and
// `a`) have one identity, so an output can be refused when it is one of the inputs (class 8).
struct FileIdentity {
    std::uint64_t device = 0, inode = 0;
    friend bool operator==(const FileIdentity&, const FileIdentity&) = default;
};

// The identity of the file `path` names (following symlinks); nullopt when there is none.
std::optional<FileIdentity> identity_of(const std::string& path);

// Limits of the kinds of file read whole; data files and Markdown have theirs beside their readers.
// An image is embedded in the PDF whole: a 50-megapixel camera JPEG is about 25 MB, and a report
// with a bigger single image is one no reader opens (issue 18, classes 1 and 11).
constexpr std::size_t kMaxImageBytes = 64u << 20;
// A TrueType font: DejaVuSans is 0.7 MB, the largest CJK fonts about 20 MB.
constexpr std::size_t kMaxFontBytes = 64u << 20;

struct FileContents {
    std::string bytes;
    FileIdentity identity;  // of the file read, when ok
    FileError error = FileError::none;
    std::string message;  // "cannot read `x`: it is a FIFO, not a regular file"; empty when ok

    [[nodiscard]] bool ok() const { return error == FileError::none; }
};

// Reads the whole of `path` if it is a regular file of at most `max_bytes` bytes. `what` names the
// kind of file in messages ("data file", "image", "template"): an English word marked N_() by the
// caller, translated here (docs/i18n.md) where it is put into the message. Never throws, never
// blocks on a special file.
FileContents read_regular_file(const std::string& path, std::size_t max_bytes, const std::string& what = N_("file"));

// Standard input to its end (`lkjip render -`): a pipe or a redirected file, with the same limit on
// the bytes read (FileError::too_large past `max_bytes`). Not recorded in a ReadLog: nothing can
// replace it.
FileContents read_standard_input(std::size_t max_bytes, const std::string& what = "input");

// The first `prefix_bytes` bytes of a regular file (for image headers), with the same checks;
// a shorter file gives all of its bytes.
FileContents read_regular_file_prefix(const std::string& path, std::size_t prefix_bytes,
                                      const std::string& what = N_("file"));

// One read of a whole file, as a ReadLog records it.
struct FileRead {
    std::string path;         // as given to read_regular_file
    FileIdentity identity;
    std::uint64_t digest = 0; // digest_of(bytes), common/digest.hpp
    std::size_t size = 0;
};

// While a ReadLog is alive, every successful whole-file read_regular_file on this thread is
// recorded in it, whichever stage reads the file: `lkjip batch` hashes exactly the bytes a document
// was built from, and sees a file that changed between two reads (issue 18, class 10); the
// commands refuse an output that is one of the files read (class 8). Logs nest: an inner log
// hides its reads from the outer one until it ends, then passes them on.
class ReadLog {
public:
    ReadLog();
    ~ReadLog();
    ReadLog(const ReadLog&) = delete;
    ReadLog& operator=(const ReadLog&) = delete;

    [[nodiscard]] const std::vector<FileRead>& reads() const { return reads_; }
    [[nodiscard]] std::vector<FileIdentity> identities() const;
    void record(FileRead read) { reads_.push_back(std::move(read)); }

private:
    std::vector<FileRead> reads_;
    ReadLog* outer_;
};

// Records `read` in the thread's current ReadLog, if there is one: a read served from memory
// (common/file_cache.hpp) is a read of those bytes all the same.
void record_read(FileRead read);

// Whether `path` names an existing regular file (following symlinks), without ever blocking or
// throwing.
bool is_regular_file_nothrow(const std::string& path);

// "a FIFO (named pipe)", "a character device", "a folder"... for a stat mode, in messages: in the
// language of the messages (translated).
const char* file_kind_name(unsigned mode);

}  // namespace lkjip
