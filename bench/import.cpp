// Section 8: `lkjip import` of a finance export (issue 21): a synthetic budget of P programs ×
// 9 kegiatan × 40 sub kegiatan, as CSV text and as an XLSX workbook made by the sheet stage's
// writer, read and imported in memory. Linear in rows: each size is ~10× the one before.
#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "bench.hpp"
#include "import/import.hpp"
#include "sheet/sheet.hpp"

namespace lkjip::bench {

namespace {

struct Export {
    std::string csv;
    std::vector<sheet::OutSheet> sheets;
    int rows = 0;
};

Export budget_export(int programs) {
    Export e;
    sheet::OutSheet s;
    s.name = "Realisasi";
    const auto text = [](std::string t) { return sheet::OutCell{std::move(t), std::nullopt, "", false, false, false}; };
    const auto number = [](long v) { return sheet::OutCell{"", std::to_string(v), "", false, false, false}; };
    s.rows.push_back({text("Kode"), text("Uraian"), text("Pagu"), text("Realisasi")});
    s.header_rows = 1;
    e.csv = "Kode;Uraian;Pagu;Realisasi\n";
    for (int p = 1; p <= programs; ++p) {
        const std::string pk = fmt::format("2.17.{:02}", p % 100);
        const std::string urusan = fmt::format("{}.{:02}", 1 + p / 100, 10 + p / 100);
        const std::string program = fmt::format("{}.{:02}", urusan, p % 100);
        e.csv += fmt::format("{};Program {};;\n", program, p);
        s.rows.push_back({text(program), text(fmt::format("Program {}", p))});
        for (int k = 1; k <= 9; ++k) {
            const std::string kegiatan = fmt::format("{}.2.{:02}", program, k);
            e.csv += fmt::format("{};Kegiatan {};;\n", kegiatan, k);
            s.rows.push_back({text(kegiatan), text(fmt::format("Kegiatan {}", k))});
            for (int j = 1; j <= 40; ++j) {
                const long pagu = 1'000'000L * (j + k), real = pagu - 12'345 * j;
                e.csv += fmt::format("{}.{:04};Sub Kegiatan {};{};{}\n", kegiatan, j, j, pagu, real);
                s.rows.push_back({text(fmt::format("{}.{:04}", kegiatan, j)), text(fmt::format("Sub Kegiatan {}", j)),
                                  number(pagu), number(real)});
            }
        }
        (void)pk;
    }
    e.rows = static_cast<int>(s.rows.size());
    e.sheets.push_back(std::move(s));
    return e;
}

}  // namespace

void bench_import(int reps) {
    std::printf("\n== 8. lkjip import: a budget export read and imported in memory ==\n"
                "%8s %10s %10s %10s %10s %12s\n", "rows", "CSV KiB", "CSV ms", "XLSX KiB", "XLSX ms", "part KiB");
    for (int programs : {5, 50, 500}) {
        const Export e = budget_export(programs);
        Diagnostics write_diags;
        const auto xlsx = sheet::workbook_bytes(e.sheets, write_diags);
        if (!xlsx) {
            std::printf("the workbook could not be written\n");
            return;
        }
        double csv_ms = 0, xlsx_ms = 0;
        std::size_t part = 0;
        for (const auto* bytes : {&e.csv, &*xlsx}) {
            std::vector<double> times;
            for (int i = 0; i <= reps; ++i) {
                Diagnostics diags;
                const auto t0 = Clock::now();
                const auto wb = sheet::read_workbook_bytes(*bytes, bytes == &e.csv ? "bench.csv" : "bench.xlsx", diags);
                const auto out = wb ? import::import_part(*wb, import::Request{}, diags) : std::nullopt;
                if (i > 0) times.push_back(ms_since(t0));
                if (!out) {
                    std::printf("import failed: %s\n", diags.items().empty() ? "" : diags.items().front().message.c_str());
                    return;
                }
                part = out->size();
            }
            (bytes == &e.csv ? csv_ms : xlsx_ms) = median(times);
        }
        std::printf("%8d %10.0f %10.2f %10.0f %10.2f %12.0f\n", e.rows, kib(e.csv.size()), csv_ms, kib(xlsx->size()), xlsx_ms,
                    kib(part));
    }
}

}  // namespace lkjip::bench
