// The import's entry: which sheets, which layout, and the part's text around what each layout
// makes of its sheet (import/layouts.hpp).
#include "import/import.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "import/grid.hpp"
#include "import/layouts.hpp"

namespace lkjip::import {

namespace {

bool same_name(const std::string& a, const std::string& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

bool fits(const sheet::Sheet& s, Layout layout) {
    switch (layout) {
    case Layout::anggaran: return detail::looks_like_budget(s);
    case Layout::pegawai: return detail::looks_like_staff(s);
    case Layout::indikator: return detail::looks_like_indicators(s);
    }
    return false;
}

}  // namespace

std::optional<std::string> import_part(const sheet::Workbook& workbook, const Request& request, Diagnostics& diags) {
    const SourcePos at_file = file_pos(workbook.file);
    const std::string wanted = !request.sheet.empty() ? request.sheet : request.map ? request.map->lembar : std::string();
    std::vector<const sheet::Sheet*> sheets;
    if (!wanted.empty()) {
        for (const auto& s : workbook.sheets)
            if (s.name == wanted) sheets.push_back(&s);
        if (sheets.empty())
            for (const auto& s : workbook.sheets)
                if (same_name(s.name, wanted)) sheets.push_back(&s);
        if (sheets.empty()) {
            std::vector<std::string> names;
            for (const auto& s : workbook.sheets) names.push_back(s.name);
            const std::string near = closest_match(wanted, names);
            diags.error(at_file, _f("the workbook has no sheet `{}`", wanted),
                        near.empty() ? _f("its sheets are: {}", fmt::join(names, ", ")) : _f("did you mean `{}`?", near));
            return std::nullopt;
        }
        sheets.resize(1);
    } else {
        for (const auto& s : workbook.sheets) sheets.push_back(&s);
    }

    std::optional<Layout> layout = request.layout ? request.layout : request.map ? request.map->jenis : std::nullopt;
    if (!layout) {
        // The budget first: its header (a code, a name, an amount) is the most specific.
        for (Layout l : {Layout::anggaran, Layout::indikator, Layout::pegawai})
            if (!layout && std::any_of(sheets.begin(), sheets.end(), [&](const sheet::Sheet* s) { return fits(*s, l); })) layout = l;
        if (!layout) {
            if (sheets.size() == 1) {
                diags.error(sheet::cell_pos(workbook.file, sheets.front()->name, 0, 0),
                            _f("sheet `{}` has the header of no layout lkjip imports: a budget (Kode, Uraian, Anggaran, Realisasi), "
                               "staff counts (Unit Kerja, then the groups) or indicator realisasi (Id, then the years)",
                               sheets.front()->name),
                            _("name the columns in a mapping file (--map) and the layout with --jenis; docs/import.md"));
            } else {
                diags.error(at_file, _("no sheet of the workbook has the header of a layout lkjip imports: a budget (Kode, Uraian, "
                                       "Anggaran, Realisasi), staff counts (Unit Kerja, then the groups) or indicator realisasi "
                                       "(Id, then the years)"),
                            _("name the sheet with --sheet, its columns in a mapping file (--map); docs/import.md"));
            }
            return std::nullopt;
        }
    }
    // A sheet named is imported as the layout says (and its errors are the layout's); without a
    // name, the budget and the indicators come from the first sheet that fits, the staff tables
    // from every sheet that fits (one table per sheet).
    // A mapping that names columns describes the sheet itself: the first sheet is it.
    const bool mapped = request.map && !request.map->kolom.empty();
    if (wanted.empty() && mapped) sheets.resize(1);
    if (wanted.empty() && !mapped) {
        std::erase_if(sheets, [&](const sheet::Sheet* s) { return !fits(*s, *layout); });
        if (sheets.empty()) {
            diags.error(at_file, _f("no sheet of the workbook has the header of the {} layout", layout_word(*layout)),
                        _("name the sheet with --sheet, its columns in a mapping file (--map); docs/import.md"));
            return std::nullopt;
        }
        if (*layout != Layout::pegawai) sheets.resize(1);
    }

    std::string body;
    std::vector<std::string> names;
    for (const sheet::Sheet* s : sheets) {
        std::optional<std::string> part;
        switch (*layout) {
        case Layout::anggaran: part = detail::import_budget(*s, workbook.file, request, diags); break;
        case Layout::pegawai: part = detail::import_staff(*s, workbook.file, request, diags); break;
        case Layout::indikator: part = detail::import_indicators(*s, workbook.file, request, diags); break;
        }
        if (!part) return std::nullopt;
        body += *part;
        names.push_back(s->name);
    }
    const char* what = *layout == Layout::anggaran   ? N_("the budget")
                       : *layout == Layout::pegawai ? N_("the staff tables")
                                                    : N_("the realisasi of the indicators");
    std::string out = detail::part_heading(
        request, _f("A part of the data file: {} from {}, sheet {}.", _(what),
                    std::filesystem::path(workbook.file).filename().string(), fmt::join(names, ", ")));
    while (!body.empty() && body.back() == '\n') body.pop_back();
    return out + "\n" + body + "\n";
}

std::vector<sheet::OutSheet> template_sheets() {
    using sheet::OutCell;
    const auto head = [](const char* text) { return OutCell{text, std::nullopt, "", true, true, true}; };
    const auto blank = [] { return OutCell{"", std::nullopt, "", true, true, true}; };
    std::vector<sheet::OutSheet> out;

    sheet::OutSheet budget;
    budget.name = "Anggaran";
    budget.title = _("Budget and realisasi: one row per urusan, program, kegiatan and sub kegiatan with its Permendagri 90/2019 "
                     "code (or the sub kegiatan rows only); a last row Jumlah with the totals as the DPA states them; amounts "
                     "in rupiah. Import with `lkjip import FILE.xlsx --sheet Anggaran -o anggaran.toml`.");
    budget.rows = {{head("Kode"), head("Uraian"), head("Anggaran"), blank(), head("Realisasi")},
                   {blank(), blank(), head("Sebelum Perubahan"), head("Setelah Perubahan"), blank()}};
    budget.header_rows = 2;
    budget.merged = {{0, 0, 1, 0}, {0, 1, 1, 1}, {0, 2, 0, 3}, {0, 4, 1, 4}};
    budget.column_widths = {22, 70, 20, 20, 20};
    out.push_back(std::move(budget));

    const auto staff = [&](const char* name, std::vector<const char*> groups) {
        sheet::OutSheet s;
        s.name = name;
        s.title = _f("Staff by {}: one row per unit, the number of men (L) and women (P) in each group; a last row Jumlah "
                     "with the total as the source prints it, and a line \"Sumber: …\" under it. Import with `lkjip import "
                     "FILE.xlsx --jenis pegawai -o pegawai.toml` (every staff sheet; the sheet's name is the table's title).", name);
        std::vector<OutCell> top{head("Unit Kerja")}, below{blank()};
        int column = 1;
        s.merged.push_back({0, 0, 1, 0});
        for (const char* g : groups) {
            top.push_back(head(g));
            top.push_back(blank());
            below.push_back(head("L"));
            below.push_back(head("P"));
            s.merged.push_back({0, column, 0, column + 1});
            column += 2;
        }
        top.push_back(head("Jumlah"));
        below.push_back(blank());
        s.merged.push_back({0, column, 1, column});
        s.rows = {top, below};
        s.header_rows = 2;
        s.column_widths.assign(static_cast<std::size_t>(column + 1), 8);
        s.column_widths.front() = 36;
        out.push_back(std::move(s));
    };
    staff("Golongan", {"Gol I", "Gol II", "Gol III", "Gol IV"});
    staff("Pendidikan", {"SD", "SMP", "SMA/SMK", "D3", "D4/S1", "S2", "S3"});

    sheet::OutSheet ind;
    ind.name = "Indikator";
    ind.title = _("Realisasi of the indicators: one row per indicator and year, the indicator by the `id` of its [[indikator]], "
                  "the realisasi as the report prints it (85,6). Import with `lkjip import FILE.xlsx --sheet Indikator -o "
                  "realisasi.toml`.");
    ind.rows = {{head("Id"), head("Indikator"), head("Tahun"), head("Realisasi")}};
    ind.header_rows = 1;
    ind.column_widths = {12, 70, 10, 14};
    out.push_back(std::move(ind));
    return out;
}

}  // namespace lkjip::import
