// libFuzzer target: any bytes as Markdown through the Markdown stage. Must never crash (issue 8).
#include <cstdint>
#include <string>

#include "markdown/markdown.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    lkjip::Diagnostics diags;
    (void)lkjip::md::parse(std::string(reinterpret_cast<const char*>(data), size), "fuzz.md", diags);
    return 0;
}
