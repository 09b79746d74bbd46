#include "common/data_dir.hpp"

#include "common/i18n.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace lkjip {

namespace fs = std::filesystem;

namespace {

// A folder is lkjip's data folder when it holds the LKjIP's main template: a stray `share/lkjip`
// of another program, or a half-copied one, is passed over and named in the error.
bool holds_templates(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "templates" / "lkjip" / "lkjip.md.j2", ec);
}

// The executable lies below the build folder: the tests (build/tests/) and the binary itself.
bool inside(const fs::path& file, const fs::path& folder) {
    const fs::path rel = file.lexically_normal().lexically_relative(folder.lexically_normal());
    return !rel.empty() && *rel.begin() != "..";
}

DataDirSearch search() {
    DataDirSearch s;
    const auto attempt = [&](const fs::path& dir) {
        s.looked.push_back(dir.lexically_normal().string());
        if (!holds_templates(dir)) return false;
        s.dir = dir.lexically_normal().string();
        return true;
    };
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    // LKJIP_DATA_RELATIVE is the data folder seen from the binary folder (CMake computes it from
    // GNUInstallDirs: "../share/lkjip" for the usual layout).
    if (!ec && attempt(exe.parent_path() / LKJIP_DATA_RELATIVE)) return s;
    if (const char* env = std::getenv("LKJIP_DATA_DIR"); env != nullptr && *env != '\0' && attempt(env)) return s;
    // The source tree only for a binary of its own build tree: an installed lkjip must never read
    // templates from wherever its sources happened to be when it was built.
    if (!ec && inside(exe, LKJIP_BINARY_DIR) && attempt(LKJIP_SOURCE_DIR)) return s;
    return s;
}

bool holds_catalogue(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "id" / "LC_MESSAGES" / "lkjip.mo", ec);
}

}  // namespace

std::string find_locale_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    // LKJIP_LOCALE_RELATIVE is the catalogues' folder seen from the binary folder ("../share/locale").
    if (const fs::path installed = exe.parent_path() / LKJIP_LOCALE_RELATIVE; holds_catalogue(installed)) {
        return installed.lexically_normal().string();
    }
    if (const fs::path built = fs::path(LKJIP_BINARY_DIR) / "locale"; inside(exe, LKJIP_BINARY_DIR) && holds_catalogue(built)) {
        return built.string();
    }
    return {};
}

const DataDirSearch& find_data_dir() {
    static const DataDirSearch s = search();
    return s;
}

std::string data_dir_places(const DataDirSearch& search) {
    std::string out;
    for (std::size_t i = 0; i < search.looked.size(); ++i) {
        if (i == 0) out = search.looked[i];
        else if (i + 1 == search.looked.size()) out = _f("{} and {}", out, search.looked[i]);  // the last of a list
        else out += ", " + search.looked[i];
    }
    if (std::getenv("LKJIP_DATA_DIR") == nullptr) out += (out.empty() ? "" : "; ") + std::string(_("LKJIP_DATA_DIR is not set"));
    return out;
}

}  // namespace lkjip
