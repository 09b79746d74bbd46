// libFuzzer target: any bytes as a spreadsheet (XLSX package or CSV text) through the sheet
// stage's reader. Must never crash, hang or exhaust memory (issue 21, as issue 18 asks of every
// reader); the seed corpus holds an uncompressed XLSX, so mutations reach its XML, and a CSV.
#include <cstdint>
#include <string>

#include "sheet/sheet.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    lkjip::Diagnostics diags;
    lkjip::sheet::ReadLimits limits;
    limits.max_cells = 100'000;  // the limits' paths, at a size a fuzzer's run can reach
    limits.max_unpacked_bytes = 16u << 20;
    (void)lkjip::sheet::read_workbook_bytes(std::string(reinterpret_cast<const char*>(data), size), "fuzz.xlsx", diags,
                                            limits);
    return 0;
}
