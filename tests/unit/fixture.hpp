// Shared by the unit tests: reading files of the source tree.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace lkjip::test {

// The whole text of a file below the source tree (LKJIP_SOURCE_DIR), "" when it cannot be read.
inline std::string source_file(const std::string& relative) {
    std::ifstream in(std::string(LKJIP_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The minimal complete data file used by the loader, compute and hostile-input tests.
inline const std::string& minimal_toml() {
    static const std::string text = source_file("tests/data/minimal.toml");
    return text;
}

}  // namespace lkjip::test
