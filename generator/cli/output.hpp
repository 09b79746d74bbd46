// Writing a command's outputs (common/file_write.hpp): the command-line stage's half of a build,
// after the pipeline (pipeline/pipeline.hpp) made the bytes in memory.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"
#include "common/file_read.hpp"
#include "common/file_write.hpp"

namespace lkjip::cli {

// Writes an output of a command ("-": standard output); a failure is an error on `diags` at the
// output's name. `inputs`: the files it was made from, never replaced.
inline bool emit(const std::string& path, std::string_view bytes, const std::vector<FileIdentity>& inputs, Diagnostics& diags) {
    std::string error;
    if (write_output(path, bytes, inputs, error)) return true;
    diags.error(file_pos(path == "-" ? std::string("lkjip") : path), error);
    return false;
}

inline std::vector<FileIdentity> identities_of(const std::vector<FileRead>& reads) {
    std::vector<FileIdentity> out;
    for (const auto& r : reads) out.push_back(r.identity);
    return out;
}

}  // namespace lkjip::cli
