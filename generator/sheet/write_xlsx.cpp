// Workbooks written through libxlsxwriter (Debian's libxlsxwriter-dev): the report's tables for
// the offices that re-use them (`lkjip build --xlsx`) and the template workbook an office fills
// in (`lkjip init --workbook`). libxlsxwriter writes to a file; it is made in a private temporary
// folder, read back and removed, so the caller writes the one output atomically
// (common/file_write.hpp) and no half-written workbook is ever left beside the data.
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "common/file_read.hpp"
#include "common/i18n.hpp"
#include "common/utf8.hpp"
#include "sheet/sheet.hpp"

namespace lkjip::sheet {
namespace {

// Excel's limits on a sheet's name: 31 characters, none of []:*?/\, not empty, not starting or
// ending with an apostrophe, unique without regard to case.
std::string valid_sheet_name(const std::string& wanted, std::size_t index, std::set<std::string>& used) {
    std::string clean;
    for (char32_t c : utf8::decode(wanted)) {
        if (c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\' || c < 0x20) c = ' ';
        if (c == ' ' && !clean.empty() && clean.back() == ' ') continue;  // one space for a run
        utf8::append(clean, c);
    }
    while (!clean.empty() && (clean.front() == '\'' || clean.front() == ' ')) clean.erase(0, 1);
    while (!clean.empty() && (clean.back() == '\'' || clean.back() == ' ')) clean.pop_back();
    if (clean.empty()) clean = "Sheet" + std::to_string(index + 1);  // i18n: not a message
    auto truncated = [](const std::string& s, std::size_t n) {
        std::u32string cps = utf8::decode(s);
        if (cps.size() > n) cps.resize(n);
        std::string out;
        for (char32_t c : cps) utf8::append(out, c);
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out;
    };
    auto folded = [](std::string s) {
        for (char& ch : s)
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        return s;
    };
    std::string name = truncated(clean, 31);
    for (int k = 2; used.count(folded(name)) != 0; ++k) {
        const std::string suffix = " (" + std::to_string(k) + ")";
        name = truncated(clean, 31 - suffix.size()) + suffix;
    }
    used.insert(folded(name));
    return name;
}

// The number format a number cell gets by default: thousands grouped, its own decimals (a
// percentage written 13.72 keeps two places). Excel shows the reader's locale separators, so an
// id-ID Excel shows 1.234.567,89 from this code.
std::string default_format(const std::string& number) {
    const auto dot = number.find('.');
    if (dot == std::string::npos || number.find_first_of("eE") != std::string::npos) return "#,##0";
    const std::size_t decimals = number.size() - dot - 1;
    return decimals == 0 ? "#,##0" : "#,##0." + std::string(std::min<std::size_t>(decimals, 6), '0');
}

// The width of a column from its cells, in Excel's character units: the longest line of its
// text cells (headers wrap, so they count a word at most), bounded to a readable 6–60.
std::vector<double> content_widths(const OutSheet& sheet, std::size_t columns) {
    std::vector<double> widths(columns, 6);
    std::set<std::pair<int, int>> merged_cells;
    for (const Range& m : sheet.merged)
        if (m.first_column != m.last_column)
            for (int r = m.first_row; r <= m.last_row; ++r)
                for (int c = m.first_column; c <= m.last_column; ++c) merged_cells.insert({r, c});
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
            if (merged_cells.count({static_cast<int>(r), static_cast<int>(c)}) != 0) continue;
            const OutCell& cell = sheet.rows[r][c];
            std::size_t length = 0;
            if (cell.number) {
                length = cell.number->size() + cell.number->size() / 3 + 1;
            } else if (cell.header || cell.wrap) {
                std::size_t word = 0;
                for (char32_t ch : utf8::decode(cell.text)) {
                    word = (ch == ' ' || ch == '\n') ? 0 : word + 1;
                    length = std::max(length, word);
                }
            } else {
                length = utf8::decode(cell.text).size();
            }
            widths[c] = std::max(widths[c], std::min<double>(static_cast<double>(length) + 2, 60));
        }
    }
    return widths;
}

class Formats {
public:
    explicit Formats(lxw_workbook* book) : book_(book) {}

    lxw_format* get(const OutCell& cell, bool is_number) {
        const std::string code = is_number ? (cell.format.empty() ? default_format(*cell.number) : cell.format) : "";
        const auto key = std::make_tuple(code, cell.bold, cell.header, cell.wrap || cell.header);
        if (auto it = cache_.find(key); it != cache_.end()) return it->second;
        lxw_format* f = workbook_add_format(book_);
        format_set_font_name(f, "Arial");  // i18n: not a message
        format_set_font_size(f, 10);
        format_set_border(f, LXW_BORDER_THIN);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        if (!code.empty()) format_set_num_format(f, code.c_str());
        if (cell.bold || cell.header) format_set_bold(f);
        if (cell.header) {
            format_set_align(f, LXW_ALIGN_CENTER);
            format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
            format_set_bg_color(f, 0xF2F2F2);
        }
        if (cell.wrap || cell.header) format_set_text_wrap(f);
        cache_[key] = f;
        return f;
    }

    lxw_format* title() {
        if (title_ == nullptr) {
            title_ = workbook_add_format(book_);
            format_set_font_name(title_, "Arial");  // i18n: not a message
            format_set_font_size(title_, 11);
            format_set_bold(title_);
            format_set_text_wrap(title_);
            format_set_align(title_, LXW_ALIGN_VERTICAL_TOP);
        }
        return title_;
    }

    lxw_format* note() {
        if (note_ == nullptr) {
            note_ = workbook_add_format(book_);
            format_set_font_name(note_, "Arial");  // i18n: not a message
            format_set_font_size(note_, 9);
            format_set_italic(note_);
        }
        return note_;
    }

private:
    lxw_workbook* book_;
    std::map<std::tuple<std::string, bool, bool, bool>, lxw_format*> cache_;
    lxw_format* title_ = nullptr;
    lxw_format* note_ = nullptr;
};

bool parse_number(const std::string& text, double& value) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

// Writes the sheets into `book`; the first libxlsxwriter error stops it.
lxw_error write_sheets(lxw_workbook* book, const std::vector<OutSheet>& sheets) {
    Formats formats(book);
    std::set<std::string> used;
    for (std::size_t s = 0; s < sheets.size(); ++s) {
        const OutSheet& sheet = sheets[s];
        const std::string name = valid_sheet_name(sheet.name, s, used);
        lxw_worksheet* ws = workbook_add_worksheet(book, name.c_str());
        if (ws == nullptr) return LXW_ERROR_MEMORY_MALLOC_FAILED;
        worksheet_set_paper(ws, 9);  // A4
        std::size_t columns = 1;
        for (const auto& row : sheet.rows) columns = std::max(columns, row.size());
        const std::vector<double> widths =
            sheet.column_widths.size() >= columns ? sheet.column_widths : content_widths(sheet, columns);
        for (std::size_t c = 0; c < columns; ++c)
            if (lxw_error e = worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr))
                return e;
        if (columns > 8) worksheet_set_landscape(ws);

        const lxw_row_t top = sheet.title.empty() ? 0 : 2;  // a title line, then a blank line
        if (!sheet.title.empty()) {
            lxw_error e = columns > 1 ? worksheet_merge_range(ws, 0, 0, 0, static_cast<lxw_col_t>(columns - 1),
                                                              sheet.title.c_str(), formats.title())
                                      : worksheet_write_string(ws, 0, 0, sheet.title.c_str(), formats.title());
            if (e != LXW_NO_ERROR) return e;
            // Room for a title longer than the table is wide (it wraps in its merged cell).
            double width = 0;
            for (std::size_t c = 0; c < columns; ++c) width += widths[c];
            const double lines = std::ceil(static_cast<double>(utf8::decode(sheet.title).size()) / width);
            if (lines > 1) worksheet_set_row(ws, 0, 15 * std::min(lines, 4.0), nullptr);
        }

        // Cells inside a merged range other than its first are written by worksheet_merge_range.
        std::set<std::pair<std::size_t, std::size_t>> covered;
        for (const Range& m : sheet.merged)
            for (int r = m.first_row; r <= m.last_row; ++r)
                for (int c = m.first_column; c <= m.last_column; ++c)
                    if (r != m.first_row || c != m.first_column)
                        covered.insert({static_cast<std::size_t>(r), static_cast<std::size_t>(c)});

        for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
            const auto row = static_cast<lxw_row_t>(top + r);
            for (std::size_t c = 0; c < columns; ++c) {
                if (covered.count({r, c}) != 0) continue;
                const auto col = static_cast<lxw_col_t>(c);
                const OutCell empty;
                const OutCell& cell = c < sheet.rows[r].size() ? sheet.rows[r][c] : empty;
                double value = 0;
                const bool is_number = cell.number && parse_number(*cell.number, value);
                lxw_format* f = formats.get(cell, is_number);
                lxw_error e = LXW_NO_ERROR;
                if (is_number) e = worksheet_write_number(ws, row, col, value, f);
                else if (!cell.text.empty()) e = worksheet_write_string(ws, row, col, cell.text.c_str(), f);
                else e = worksheet_write_blank(ws, row, col, f);
                if (e != LXW_NO_ERROR) return e;
            }
        }
        for (const Range& m : sheet.merged) {
            if (m.first_row == m.last_row && m.first_column == m.last_column) continue;
            const auto fr = static_cast<std::size_t>(m.first_row), fc = static_cast<std::size_t>(m.first_column);
            const OutCell empty;
            const OutCell& cell = fr < sheet.rows.size() && fc < sheet.rows[fr].size() ? sheet.rows[fr][fc] : empty;
            lxw_error e = worksheet_merge_range(ws, static_cast<lxw_row_t>(top + fr), static_cast<lxw_col_t>(fc),
                                                static_cast<lxw_row_t>(top + static_cast<std::size_t>(m.last_row)),
                                                static_cast<lxw_col_t>(m.last_column), cell.text.c_str(),
                                                formats.get(cell, false));
            if (e != LXW_NO_ERROR) return e;
            // A merged number (a pagu over the rows of its indicators): written over the merge's
            // first cell, as libxlsxwriter documents for a merge of a non-string value.
            double value = 0;
            if (cell.number && parse_number(*cell.number, value))
                e = worksheet_write_number(ws, static_cast<lxw_row_t>(top + fr), static_cast<lxw_col_t>(fc), value,
                                           formats.get(cell, true));
            if (e != LXW_NO_ERROR) return e;
        }
        if (sheet.header_rows > 0) {
            const auto last = static_cast<lxw_row_t>(top + static_cast<std::size_t>(sheet.header_rows) - 1);
            worksheet_freeze_panes(ws, last + 1, 0);
            if (lxw_error e = worksheet_repeat_rows(ws, top, last)) return e;
        }
        if (!sheet.note.empty()) {
            const auto row = static_cast<lxw_row_t>(top + sheet.rows.size() + 1);
            if (lxw_error e = worksheet_write_string(ws, row, 0, sheet.note.c_str(), formats.note())) return e;
        }
    }
    return LXW_NO_ERROR;
}

}  // namespace

std::optional<std::string> workbook_bytes(const std::vector<OutSheet>& sheets, Diagnostics& diags) {
    if (sheets.empty()) {
        diags.error(SourcePos{}, _("there is no table to write to the workbook"));
        return std::nullopt;
    }
    // A private folder (0700) for the file and libxlsxwriter's own temporary files.
    std::error_code ec;
    std::string base = std::filesystem::temp_directory_path(ec).string();
    if (ec || base.empty()) base = "/tmp";
    std::string pattern = base + "/lkjip-xlsx-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) {
        diags.error(SourcePos{}, _f("cannot make a temporary folder for the workbook in `{}`", base));
        return std::nullopt;
    }
    const std::string folder = pattern;
    const std::string path = folder + "/book.xlsx";
    std::optional<std::string> out;
    {
        lxw_workbook_options options{};
        options.tmpdir = const_cast<char*>(folder.c_str());
        lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
        lxw_error error = book == nullptr ? LXW_ERROR_MEMORY_MALLOC_FAILED : LXW_NO_ERROR;
        if (book != nullptr) {
            // A fixed creation date, so identical input gives identical bytes (the zip entries'
            // times are fixed by libxlsxwriter itself).
            lxw_doc_properties properties{};
            properties.created = 1704067200;  // 2024-01-01T00:00:00Z
            workbook_set_properties(book, &properties);
            error = write_sheets(book, sheets);
            const lxw_error closed = workbook_close(book);  // writes the file, frees the book
            if (error == LXW_NO_ERROR) error = closed;
        }
        if (error != LXW_NO_ERROR) {
            diags.error(SourcePos{}, _f("cannot write the workbook: {}", lxw_strerror(error)));
        } else {
            FileContents file = read_regular_file(path, std::size_t{1} << 30, N_("workbook"));
            if (file.ok()) out = std::move(file.bytes);
            else diags.error(SourcePos{}, file.message);
        }
    }
    std::filesystem::remove_all(folder, ec);
    return out;
}

}  // namespace lkjip::sheet
