// The subcommands of the lkjip executable, each a function from parsed options to an exit code.
#pragma once

#include <string>
#include <vector>

namespace lkjip::cli {

struct CheckOptions {
    std::vector<std::string> files;
    bool quiet = false;
    bool werror = false;
};

// Loads, validates and lints each file; prints diagnostics on stderr. 0 ok, 1 errors.
int run_check(const CheckOptions& options, bool colour);

}  // namespace lkjip::cli
