#include "common/file_cache.hpp"

#include <map>
#include <mutex>

#include <sys/stat.h>

#include "common/digest.hpp"

namespace lkjip {
namespace {

// What says a file is the one read before: the identity and, for an edit in place, the size
// and the times of its last change (nanoseconds).
struct Stamp {
    std::uint64_t device = 0, inode = 0, size = 0;
    long long modified_s = 0, modified_ns = 0, changed_s = 0, changed_ns = 0;
    friend bool operator==(const Stamp&, const Stamp&) = default;
};

bool stamp_of(const std::string& path, Stamp& out) {
    struct stat st {};
    if (path.empty() || path.find('\0') != std::string::npos || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
        return false;
    }
    out = Stamp{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino), static_cast<std::uint64_t>(st.st_size),
                static_cast<long long>(st.st_mtim.tv_sec),  static_cast<long long>(st.st_mtim.tv_nsec),
                static_cast<long long>(st.st_ctim.tv_sec),  static_cast<long long>(st.st_ctim.tv_nsec)};
    return true;
}

struct Entry {
    Stamp stamp;
    std::uint64_t digest = 0;
    std::shared_ptr<const std::string> bytes;
};

// Fonts are a handful of files of a few hundred KiB; past this many bytes in all, a file is read
// and not kept (a data file naming many large fonts cannot grow the process without bound).
constexpr std::size_t kMaxCachedBytes = 128u << 20;

std::mutex cache_mutex;
std::map<std::string, Entry> cache;
std::size_t cached_bytes = 0;

}  // namespace

CachedFile read_cached_file(const std::string& path, std::size_t max_bytes, const std::string& what) {
    Stamp before;
    const bool stamped = stamp_of(path, before);
    if (stamped) {
        const std::lock_guard<std::mutex> lock(cache_mutex);
        const auto it = cache.find(path);
        if (it != cache.end() && it->second.stamp == before && it->second.bytes->size() <= max_bytes) {
            record_read(FileRead{path, FileIdentity{before.device, before.inode}, it->second.digest, it->second.bytes->size()});
            return CachedFile{it->second.bytes, FileError::none, ""};
        }
    }
    FileContents file = read_regular_file(path, max_bytes, what);
    if (!file.ok()) return CachedFile{nullptr, file.error, std::move(file.message)};
    const std::uint64_t digest = digest_of(file.bytes);
    auto bytes = std::make_shared<const std::string>(std::move(file.bytes));
    // Kept only when the file did not change while it was read (the stamp after is the one before).
    Stamp after;
    if (stamped && stamp_of(path, after) && after == before && after.size == bytes->size()) {
        const std::lock_guard<std::mutex> lock(cache_mutex);
        auto& entry = cache[path];
        if (entry.bytes) cached_bytes -= entry.bytes->size();
        if (cached_bytes + bytes->size() <= kMaxCachedBytes) {
            entry = Entry{after, digest, bytes};
            cached_bytes += bytes->size();
        } else {
            cache.erase(path);
        }
    }
    return CachedFile{std::move(bytes), FileError::none, ""};
}

}  // namespace lkjip
