// `lkjip build --xlsx`: every table of the report as a sheet of a workbook, for the offices that
// re-use the tables (issue 21). The tables are read from the report's Markdown, the same document
// tree the typesetter lays out, so the workbook holds exactly what the PDF shows: the caption as
// the sheet's title and name ("Tabel 3.1"), the multi-level headers merged, `^^` cells merged
// down, total rows bold, the source line below, and every id-ID number as a number whose display
// format writes it as the report does.
#include "pipeline/pipeline.hpp"

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "markdown/markdown.hpp"
#include "sheet/sheet.hpp"

namespace lkjip::pipeline {
namespace {

// A cell's text: line breaks kept as line breaks (a wrapped cell in Excel).
std::string cell_text(const md::Spans& spans) {
    std::string out;
    for (const auto& s : spans) out += s.line_break ? "\n" : s.text;
    return out;
}

bool is_code_column(const std::string& header) {
    // A kode rekening ("2.17", "1.01.02") is text, never a number (Permendagri 90/2019).
    const std::string h = header.substr(0, 4);
    return h == "Kode" || h == "KODE" || h == "kode";
}

sheet::OutSheet table_sheet(const md::Block& block, std::size_t unnumbered) {
    const md::Table& table = block.table;
    sheet::OutSheet out;
    if (block.caption && !block.caption_number.empty()) {
        out.name = block.caption_kind + " " + block.caption_number;
        out.title = md::plain_text(*block.caption);
    } else {
        // i18n: not a message (a sheet name of the report, in the report's language)
        out.name = fmt::format("Tabel tanpa nomor {}", unnumbered);
        if (block.caption) out.title = md::plain_text(*block.caption);
    }
    const std::size_t columns = table.align.size();

    // Header levels: each header cell at its first column, merged over its span and levels.
    const std::size_t levels = table.header.size();
    std::vector<std::string> column_header(columns);
    for (std::size_t level = 0; level < levels; ++level) {
        std::vector<sheet::OutCell> row(columns);
        for (auto& cell : row) cell.header = true;
        out.rows.push_back(std::move(row));
    }
    for (std::size_t level = 0; level < levels; ++level) {
        for (const md::HeaderCell& h : table.header[level]) {
            if (h.first >= columns) continue;
            out.rows[level][h.first].text = cell_text(h.spans);
            const std::size_t last_column = std::min(columns, h.first + h.span) - 1;
            const std::size_t last_row = std::min(levels, level + h.rows) - 1;
            if (last_column > h.first || last_row > level)
                out.merged.push_back({static_cast<int>(level), static_cast<int>(h.first), static_cast<int>(last_row),
                                      static_cast<int>(last_column)});
            for (std::size_t c = h.first; c <= last_column; ++c)
                if (column_header[c].empty()) column_header[c] = md::plain_text(h.spans);
        }
    }
    out.header_rows = static_cast<int>(levels);

    // Body rows; a run of `^^` cells merges into the cell above it.
    std::vector<int> run_start(columns, -1);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const bool total = r < table.total_row.size() && table.total_row[r];
        std::vector<sheet::OutCell> row(columns);
        const int at = static_cast<int>(levels + r);
        for (std::size_t c = 0; c < columns && c < table.rows[r].size(); ++c) {
            const md::TableCell& cell = table.rows[r][c];
            sheet::OutCell& o = row[c];
            o.bold = total || cell.bold;
            if (cell.continued && run_start[c] >= 0) {
                sheet::Range* merge = nullptr;
                for (auto& m : out.merged)
                    if (m.first_row == run_start[c] && m.first_column == static_cast<int>(c)) merge = &m;
                if (merge != nullptr) merge->last_row = at;
                else out.merged.push_back({run_start[c], static_cast<int>(c), at, static_cast<int>(c)});
                continue;
            }
            run_start[c] = at;
            const std::string text = cell_text(cell.spans);
            const auto number = text.find('\n') == std::string::npos && !is_code_column(column_header[c])
                                    ? sheet::parse_id_number(text)
                                    : std::nullopt;
            if (number && !number->point) {
                o.number = number->decimal;
                o.format = number->format;
            } else {
                o.text = std::string(static_cast<std::size_t>(cell.indent) * 4, ' ') + text;
                o.wrap = text.find('\n') != std::string::npos;
            }
        }
        out.rows.push_back(std::move(row));
    }
    if (table.source) out.note = md::plain_text(*table.source);
    return out;
}

void collect(const md::Blocks& blocks, std::vector<sheet::OutSheet>& sheets, std::size_t& unnumbered) {
    for (const md::Block& block : blocks) {
        if (block.kind == md::Block::Kind::table) {
            if (!(block.caption && !block.caption_number.empty())) ++unnumbered;
            sheets.push_back(table_sheet(block, unnumbered));
        }
        collect(block.children, sheets, unnumbered);
        for (const auto& item : block.items) collect(item, sheets, unnumbered);
    }
}

}  // namespace

std::optional<std::string> tables_workbook(const std::string& markdown, const std::string& name, Diagnostics& diags) {
    const md::Document doc = md::parse(markdown, name, diags);
    if (diags.has_errors()) return std::nullopt;
    std::vector<sheet::OutSheet> sheets;
    std::size_t unnumbered = 0;
    collect(doc.blocks, sheets, unnumbered);
    return sheet::workbook_bytes(sheets, diags);
}

}  // namespace lkjip::pipeline
