#include "common/file_write.hpp"

#include "common/file_read.hpp"
#include "common/i18n.hpp"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace lkjip {

namespace {

// NAME_MAX is 255; the temporary name adds the host, the process id and a counter to the output's
// name, so a long output name is cut to keep the temporary one legal.
constexpr std::size_t kTempBaseBytes = 120;
constexpr std::size_t kHostBytes = 32;

std::string folder_part(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

std::string name_part(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

const std::string& host_token() {
    static const std::string token = [] {
        char buffer[256] = {};
        std::string out;
        if (::gethostname(buffer, sizeof buffer - 1) == 0) {
            for (const char* p = buffer; *p && out.size() < kHostBytes; ++p) {
                const char c = *p;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') out += c;
            }
        }
        return out.empty() ? std::string("host") : out;
    }();
    return token;
}

FileIdentity identity_from(const struct stat& st) {
    return FileIdentity{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

// Where the bytes go: the target file (a symlink resolved), and what is there now.
struct Target {
    std::string path;
    bool exists = false;
    struct stat st {};
};

std::string resolve(const std::string& path, const std::vector<FileIdentity>& inputs, Target& t) {
    if (path.empty()) return _("no output file name given");
    if (path.find('\0') != std::string::npos) return _f("cannot write `{}`: the name contains a NUL character", path);
    t.path = path;
    struct stat lst {};
    if (::lstat(path.c_str(), &lst) != 0) {
        if (errno == ENOENT) return "";  // a new file (a missing folder is reported by the write)
        return _f("cannot write `{}`: {}", path, std::strerror(errno));
    }
    t.st = lst;
    if (S_ISLNK(lst.st_mode)) {
        if (::stat(path.c_str(), &t.st) != 0) {
            // A dangling link is replaced by the file, never followed to create its target.
            if (errno == ENOENT) return "";
            return _f("cannot write `{}`: {}", path, std::strerror(errno));
        }
    }
    t.exists = true;
    if (!S_ISREG(t.st.st_mode)) {
        return _f("cannot write `{}`: it is {}, not a regular file (lkjip replaces only regular files; "
                  "`-` is standard output)",
                  path, file_kind_name(t.st.st_mode));
    }
    if (S_ISLNK(lst.st_mode)) {
        char* real = ::realpath(path.c_str(), nullptr);
        if (!real) return _f("cannot write `{}`: {}", path, std::strerror(errno));
        t.path = real;
        std::free(real);
    }
    const FileIdentity id = identity_from(t.st);
    for (const auto& input : inputs) {
        if (input == id) return _f("cannot write `{}`: it is one of the input files of this output", path);
    }
    static const char* const streams[] = {N_("standard input"), N_("standard output"), N_("standard error")};
    for (int fd = 0; fd < 3; ++fd) {
        struct stat sst {};
        if (::fstat(fd, &sst) == 0 && identity_from(sst) == id) {
            return _f("cannot write `{}`: it is lkjip's {} (`-` writes to standard output)", path, _(streams[fd]));
        }
    }
    return "";
}

bool parse_digits(std::string_view s, long& value) {
    if (s.empty() || s.size() > 18) return false;
    value = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

// `.BASE.HOST.PID.N.tmp`: the base, the host and the process id; false for any other name.
bool parse_temp_name(std::string_view name, std::string_view& base, std::string_view& host, long& pid) {
    if (name.size() < 2 || name[0] != '.' || !name.ends_with(".tmp")) return false;
    std::string_view rest = name.substr(1, name.size() - 5);
    std::string_view parts[3];  // N, PID, HOST from the right
    for (auto& part : parts) {
        const std::size_t dot = rest.rfind('.');
        if (dot == std::string_view::npos) return false;
        part = rest.substr(dot + 1);
        rest = rest.substr(0, dot);
    }
    long counter = 0;
    if (rest.empty() || !parse_digits(parts[0], counter) || !parse_digits(parts[1], pid) || parts[2].empty()) return false;
    base = rest;
    host = parts[2];
    return true;
}

}  // namespace

std::string temp_name_for(const std::string& path, unsigned counter) {
    std::string base = name_part(path);
    if (base.size() > kTempBaseBytes) base.resize(kTempBaseBytes);
    const std::string dir = folder_part(path);
    return fmt::format("{}/.{}.{}.{}.{}.tmp", dir == "/" ? "" : dir, base, host_token(), ::getpid(), counter);
}

std::string check_output(const std::string& path, const std::vector<FileIdentity>& inputs) {
    if (path == "-") return "";
    Target t;
    return resolve(path, inputs, t);
}

bool write_output(const std::string& path, std::string_view bytes, const std::vector<FileIdentity>& inputs,
                  std::string& error, bool tidy) {
    if (path == "-") return write_stdout(bytes, error);
    Target t;
    error = resolve(path, inputs, t);
    if (!error.empty()) return false;
    // A name unique to this machine, process and call (batch writes from several threads), in the
    // target's folder so the rename stays within one file system; O_EXCL never reuses a
    // stranger's file; fsync before the rename, so even a crash of the machine leaves either the
    // old file or the whole new one.
    static std::atomic<unsigned> counter{0};
    const std::string tmp = temp_name_for(t.path, counter++);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd < 0) {
        error = _f("cannot write `{}`: {}", path, std::strerror(errno));
        return false;
    }
    int err = 0;
    if (t.exists) {
        // The owner first (where allowed: root, or a group of ours), then the mode, since a
        // change of owner clears the set-id bits. Not being allowed to keep the owner is no error.
        if (t.st.st_uid != ::geteuid() || t.st.st_gid != ::getegid()) {
            [[maybe_unused]] const bool kept = ::fchown(fd, t.st.st_uid, t.st.st_gid) == 0 ||
                                               ::fchown(fd, static_cast<uid_t>(-1), t.st.st_gid) == 0;
        }
        if (::fchmod(fd, t.st.st_mode & 07777) != 0) err = errno;
    }
    std::size_t done = 0;
    while (err == 0 && done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            err = n < 0 ? errno : ENOSPC;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    if (err == 0 && ::fsync(fd) != 0) err = errno;
    if (::close(fd) != 0 && err == 0) err = errno;
    if (err == 0 && ::rename(tmp.c_str(), t.path.c_str()) != 0) err = errno;
    if (err != 0) {
        ::unlink(tmp.c_str());
        error = _f("cannot write `{}`: {}", path, std::strerror(err));
        return false;
    }
    error.clear();
    if (tidy) remove_stale_temp_files(folder_part(t.path), name_part(t.path));
    return true;
}

bool write_stdout(std::string_view bytes, std::string& error) {
    std::size_t done = 0;
    int err = 0;
    while (done < bytes.size()) {
        errno = 0;
        const std::size_t n = std::fwrite(bytes.data() + done, 1, bytes.size() - done, stdout);
        done += n;
        if (done < bytes.size()) {
            if (errno == EINTR) {
                std::clearerr(stdout);
                continue;
            }
            err = errno != 0 ? errno : EIO;
            break;
        }
    }
    if (err == 0) {
        errno = 0;
        if (std::fflush(stdout) != 0) err = errno != 0 ? errno : EIO;
    }
    if (err != 0) {
        error = _f("cannot write to standard output: {}", std::strerror(err));
        return false;
    }
    error.clear();
    return true;
}

std::size_t remove_stale_temp_files(const std::string& folder, const std::string& name) {
    DIR* dir = ::opendir(folder.empty() ? "." : folder.c_str());
    if (!dir) return 0;
    std::string wanted = name;
    if (wanted.size() > kTempBaseBytes) wanted.resize(kTempBaseBytes);
    const std::time_t now = std::time(nullptr);
    std::size_t removed = 0;
    while (const dirent* entry = ::readdir(dir)) {
        std::string_view base, host;
        long pid = 0;
        if (!parse_temp_name(entry->d_name, base, host, pid)) continue;
        if (!wanted.empty() && base != wanted) continue;
        const std::string path = (folder.empty() ? std::string(".") : folder) + "/" + entry->d_name;
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        const bool ours = host == host_token();
        // kill(pid, 0) fails with ESRCH only when no such process exists (EPERM: it exists).
        const bool gone = ours && pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
        const bool old = now - st.st_mtime > kStaleTempSeconds;
        if ((gone || old) && ::unlink(path.c_str()) == 0) ++removed;
    }
    ::closedir(dir);
    return removed;
}

}  // namespace lkjip
