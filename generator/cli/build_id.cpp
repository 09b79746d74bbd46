// The build id (commands.hpp): the digest of the running executable. Chosen over a configure-time
// `git describe`, which goes stale when the code changes without a new cmake run, misses
// uncommitted edits and is empty outside a git checkout; the executable's own bytes change with
// every change of code, compiler flags or the libraries linked in statically.
#include "cli/commands.hpp"
#include "common/digest.hpp"
#include "common/file_read.hpp"
#include "common/i18n.hpp"
#include "lkjip_git.hpp"

namespace lkjip::cli {

namespace {

// lkjip is a few MiB (tens with debug information); past this the file is not an lkjip.
constexpr std::size_t kMaxExecutableBytes = 512u << 20;

}  // namespace

const std::string& build_id() {
    static const std::string id = [] {
        const FileContents exe = read_regular_file("/proc/self/exe", kMaxExecutableBytes, N_("executable"));
        if (!exe.ok()) return std::string();
        Fnv1a64 h;
        h.add(exe.bytes);
        return h.hex();
    }();
    return id;
}

const std::string& version_text() {
    static const std::string text = [] {
        const std::string commit = LKJIP_GIT_COMMIT;
        const std::string& id = build_id();
        return std::string("lkjip ") + LKJIP_VERSION + " (" + (commit.empty() ? std::string() : "git " + commit + ", ") +
               "build " + (id.empty() ? std::string("unknown") : id) + ")";
    }();
    return text;
}

}  // namespace lkjip::cli
