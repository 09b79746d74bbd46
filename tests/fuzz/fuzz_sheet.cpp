// libFuzzer target: any bytes as a spreadsheet (XLSX package or CSV text) through the sheet
// stage's reader. Must never crash, hang or exhaust memory (issue 21, as issue 18 asks of every
// reader); the seed corpus holds an uncompressed XLSX, so mutations reach its XML, and a CSV.
// Every workbook read is then imported as each layout (import/import.hpp): header detection,
// the code tree and the amounts on cells nobody wrote.
#include <cstdint>
#include <string>

#include "import/import.hpp"
#include "sheet/sheet.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    lkjip::Diagnostics diags;
    lkjip::sheet::ReadLimits limits;
    limits.max_cells = 100'000;  // the limits' paths, at a size a fuzzer's run can reach
    limits.max_unpacked_bytes = 16u << 20;
    const auto workbook = lkjip::sheet::read_workbook_bytes(std::string(reinterpret_cast<const char*>(data), size),
                                                            "fuzz.xlsx", diags, limits);
    if (!workbook) return 0;
    for (auto layout : {lkjip::import::Layout::anggaran, lkjip::import::Layout::pegawai, lkjip::import::Layout::indikator}) {
        lkjip::Diagnostics import_diags;
        lkjip::import::Request request;
        request.layout = layout;
        (void)lkjip::import::import_part(*workbook, request, import_diags);
    }
    lkjip::Diagnostics any;
    (void)lkjip::import::import_part(*workbook, lkjip::import::Request{}, any);
    return 0;
}
