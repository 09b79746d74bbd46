// libFuzzer target: any bytes as a data file -> load -> lint -> compute -> preview. Must never
// crash, hang or leak (issue 8). Build with -DLKJIP_FUZZ=ON and clang (docs/architecture.md).
#include <cstdint>
#include <string>

#include "data/data.hpp"
#include "report/report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    lkjip::Diagnostics diags;
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto model = lkjip::load_agency_year_text(text, "fuzz.toml", diags);
    if (!model) return 0;
    lkjip::lint_agency_year(*model, diags);
    (void)lkjip::report::render_markdown(*model, {}, diags);
    return 0;
}
