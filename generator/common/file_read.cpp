#include "common/file_read.hpp"

#include "common/digest.hpp"
#include "common/i18n.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace lkjip {

const char* file_kind_name(unsigned mode) {
    if (S_ISDIR(mode)) return _("a folder");
    if (S_ISFIFO(mode)) return _("a FIFO (named pipe)");
    if (S_ISCHR(mode)) return _("a character device");
    if (S_ISBLK(mode)) return _("a block device");
    if (S_ISSOCK(mode)) return _("a socket");
    return _("a special file");
}

namespace {

thread_local ReadLog* current_log = nullptr;

FileIdentity identity_from(const struct stat& st) {
    return FileIdentity{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

FileContents failure(FileError error, std::string message) {
    FileContents out;
    out.error = error;
    out.message = std::move(message);
    return out;
}

// `what`: the kind of file, already translated (read_impl).
FileContents open_error(const std::string& path, const char* what, int err) {
    switch (err) {
    case ENOENT:
    case ENOTDIR:
        return failure(FileError::not_found, _f("{} `{}` does not exist", what, path));
    case EACCES:
    case EPERM:
        return failure(FileError::permission, _f("cannot read {} `{}`: permission denied", what, path));
    case ENAMETOOLONG:
        return failure(FileError::name_too_long, _f("cannot read {} `{}`: the name is too long", what, path));
    case ELOOP:
        return failure(FileError::loop, _f("cannot read {} `{}`: too many levels of symbolic links (a link loop)", what, path));
    default:
        return failure(FileError::io, _f("cannot read {} `{}`: {}", what, path, std::strerror(err)));
    }
}

// Reads `fd` to its end into out.bytes, with the limit on the bytes actually read (a prefix stops
// there quietly); an error sets out.error and out.message.
void read_all(int fd, std::size_t limit, bool prefix, const std::string& what, const std::string& path, FileContents& out) {
    const auto fail = [&](FileError e, std::string message) {
        out.bytes.clear();
        out.error = e;
        out.message = std::move(message);
    };
    char buffer[1 << 16];
    for (;;) {
        // Never ask for more than one byte past the limit: that byte tells "too large" apart.
        const std::size_t room = limit + 1 - out.bytes.size();
        const std::size_t want = std::min(sizeof buffer, room);
        const ssize_t n = ::read(fd, buffer, want);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EISDIR) return fail(FileError::not_regular, _f("cannot read {} `{}`: it is a folder, not a regular file", what, path));
            return fail(FileError::io, _f("cannot read {} `{}`: {}", what, path, std::strerror(errno)));
        }
        if (n == 0) break;
        out.bytes.append(buffer, static_cast<std::size_t>(n));
        if (out.bytes.size() > limit) {
            if (prefix) {
                out.bytes.resize(limit);
                break;
            }
            return fail(FileError::too_large,
                        _f("cannot read {} `{}`: it is larger than {} bytes, the limit for this kind of file", what, path, limit));
        }
    }
}

// limit: the largest number of bytes accepted; prefix: stop quietly at `limit` instead of failing.
FileContents read_impl(const std::string& path, std::size_t limit, const std::string& what_word, bool prefix) {
    const char* what = _(what_word.c_str());  // the caller's N_() word (file_read.hpp)
    if (path.empty()) return failure(FileError::not_found, _f("{} name is empty", what));
    if (path.find('\0') != std::string::npos) {
        return failure(FileError::not_found, _f("{} name `{}` contains a NUL character", what, path));
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return open_error(path, what, errno);
    struct FdCloser {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) return open_error(path, what, errno);
    if (!S_ISREG(st.st_mode)) {
        return failure(FileError::not_regular,
                       _f("cannot read {} `{}`: it is {}, not a regular file", what, path, file_kind_name(st.st_mode)));
    }
    // A regular file never blocks; blocking mode again so that reads behave normally.
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);

    FileContents out;
    out.identity = identity_from(st);
    const std::size_t hint = st.st_size > 0 ? static_cast<std::size_t>(st.st_size) : 0;
    out.bytes.reserve(std::min(hint, limit) + 1);
    read_all(fd, limit, prefix, what, path, out);
    return out;
}

}  // namespace

FileContents read_regular_file(const std::string& path, std::size_t max_bytes, const std::string& what) {
    FileContents out = read_impl(path, max_bytes, what, false);
    if (out.ok() && current_log) current_log->record(FileRead{path, out.identity, digest_of(out.bytes), out.bytes.size()});
    return out;
}

FileContents read_standard_input(std::size_t max_bytes, const std::string& what) {
    FileContents out;
    read_all(STDIN_FILENO, max_bytes, false, what, "<stdin>", out);
    return out;
}

FileContents read_regular_file_prefix(const std::string& path, std::size_t prefix_bytes, const std::string& what) {
    return read_impl(path, prefix_bytes, what, true);
}

std::optional<FileIdentity> identity_of(const std::string& path) {
    if (path.empty() || path.find('\0') != std::string::npos) return std::nullopt;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return identity_from(st);
}

ReadLog::ReadLog() : outer_(current_log) { current_log = this; }

ReadLog::~ReadLog() {
    current_log = outer_;
    if (outer_) {
        for (auto& r : reads_) outer_->record(std::move(r));
    }
}

std::vector<FileIdentity> ReadLog::identities() const {
    std::vector<FileIdentity> out;
    out.reserve(reads_.size());
    for (const auto& r : reads_) out.push_back(r.identity);
    return out;
}

void record_read(FileRead read) {
    if (current_log) current_log->record(std::move(read));
}

bool is_regular_file_nothrow(const std::string& path) {
    if (path.empty() || path.find('\0') != std::string::npos) return false;
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace lkjip
