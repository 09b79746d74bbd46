// `build --xlsx` (issue 21): a made-up report's tables as a workbook, read back through the sheet
// stage: sheets named by caption, multi-level headers and `^^` merged, numbers as numbers with the
// format that writes them as the report does, kode rekening and words kept as text.
#include <doctest/doctest.h>

#include <algorithm>

#include "pipeline/pipeline.hpp"
#include "sheet/sheet.hpp"

using namespace lkjip;

namespace {

const char* kReport = R"(# BAB III AKUNTABILITAS KINERJA

**Tabel 3.1** Realisasi Anggaran

| Kode | Program | Tahun 2024 > Pagu | Tahun 2024 > Realisasi | Capaian |
|---|---|---:|---:|---:|
| 2.17 | Koperasi | 1.234.567,89 | Rp 1.000.000 | 81,00% |
| ^^ | &emsp;Pengawasan | ^^ | (5.000) | - |
| | **Jumlah** | **2.469.135,78** | **995.000** | 2024 |

Sumber: DPA 2024

| Uraian | Nilai |
|---|---:|
| Tanpa judul | 7 |
)";

bool has_merge(const sheet::Sheet& s, int r1, int c1, int r2, int c2) {
    return std::any_of(s.merged.begin(), s.merged.end(), [&](const sheet::Range& m) {
        return m.first_row == r1 && m.first_column == c1 && m.last_row == r2 && m.last_column == c2;
    });
}

std::string text(const sheet::Sheet& s, int row, int column) {
    const sheet::Cell* cell = s.at(row, column);
    return cell == nullptr ? std::string("<none>") : cell->text;
}
sheet::CellKind kind(const sheet::Sheet& s, int row, int column) {
    const sheet::Cell* cell = s.at(row, column);
    return cell == nullptr ? sheet::CellKind::empty : cell->kind;
}

}  // namespace

TEST_CASE("tables_workbook: each table of the Markdown a sheet, as the report shows it") {
    Diagnostics diags;
    const auto bytes = pipeline::tables_workbook(kReport, "r.md", diags);
    REQUIRE(bytes);
    const auto book = sheet::read_workbook_bytes(*bytes, "r.xlsx", diags);
    REQUIRE(book);
    REQUIRE(book->sheets.size() == 2);
    const sheet::Sheet& s = book->sheets[0];
    CHECK(s.name == "Tabel 3.1");
    CHECK(text(s, 0, 0) == "Tabel 3.1 Realisasi Anggaran");
    // Title on row 1, a blank row, the two header levels on rows 3-4, the body from row 5.
    CHECK(text(s, 2, 2) == "Tahun 2024");
    CHECK(text(s, 3, 2) == "Pagu");
    CHECK(text(s, 3, 3) == "Realisasi");
    CHECK(has_merge(s, 2, 2, 2, 3));  // Tahun 2024 over its two columns
    CHECK(has_merge(s, 2, 0, 3, 0));  // Kode down both levels
    CHECK(kind(s, 4, 0) == sheet::CellKind::text);  // a kode is text
    CHECK(text(s, 4, 0) == "2.17");
    CHECK(kind(s, 4, 2) == sheet::CellKind::number);
    CHECK(text(s, 4, 2) == "1234567.89");
    CHECK(text(s, 4, 3) == "1000000");
    CHECK(text(s, 4, 4) == "0.81");
    CHECK(has_merge(s, 4, 0, 5, 0));  // ^^ under the kode
    CHECK(has_merge(s, 4, 2, 5, 2));  // ^^ under a number: the merge keeps the number
    CHECK(text(s, 5, 1) == "    Pengawasan");
    CHECK(text(s, 5, 3) == "-5000");
    CHECK(kind(s, 5, 4) == sheet::CellKind::text);
    CHECK(text(s, 6, 2) == "2469135.78");
    CHECK(text(s, 6, 4) == "2024");
    CHECK(text(s, 8, 0) == "Sumber: DPA 2024");
    CHECK(book->sheets[1].name == "Tabel tanpa nomor 1");
    CHECK(text(book->sheets[1], 0, 0) == "Uraian");  // no caption: no title line
    CHECK(text(book->sheets[1], 1, 1) == "7");
}

TEST_CASE("tables_workbook: a document without a table is an error, not an empty workbook") {
    Diagnostics diags;
    CHECK(!pipeline::tables_workbook("# BAB I\n\nTeks saja.\n", "r.md", diags));
    CHECK(diags.has_errors());
}
