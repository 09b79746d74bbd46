// read_workbook: which reader a file needs, by its first bytes rather than its name (a CSV saved
// as "laporan.xls" by a finance system, an .xlsx renamed .csv).
#include "common/file_read.hpp"
#include "common/i18n.hpp"
#include "sheet/read_internal.hpp"

namespace lkjip::sheet {

std::optional<Workbook> read_workbook_bytes(const std::string& bytes, const std::string& name, Diagnostics& diags,
                                            const ReadLimits& limits) {
    if (bytes.size() > limits.max_file_bytes) {
        diags.error(file_pos(name), _f("spreadsheet `{}` is larger than {} bytes; spreadsheets are limited to {} bytes",
                                       name, limits.max_file_bytes, limits.max_file_bytes));
        return std::nullopt;
    }
    const std::string_view head(bytes.data(), std::min<std::size_t>(bytes.size(), 8));
    // A zip package (local file header, or the end record of an empty zip).
    if (head.substr(0, 4) == std::string_view("PK\x03\x04", 4) || head.substr(0, 4) == std::string_view("PK\x05\x06", 4))
        return detail::read_xlsx(bytes, name, diags, limits);
    // The OLE2 compound file of Excel 97-2003 (.xls).
    if (head == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
        diags.error(file_pos(name), _f("`{}` is an Excel 97-2003 workbook (.xls), which lkjip does not read", name),
                    _("save it from Excel or LibreOffice Calc as .xlsx, or as .csv"));
        return std::nullopt;
    }
    return detail::read_csv(bytes, name, diags, limits);
}

std::optional<Workbook> read_workbook(const std::string& path, Diagnostics& diags, const ReadLimits& limits) {
    FileContents file = read_regular_file(path, limits.max_file_bytes, N_("spreadsheet"));
    switch (file.error) {
    case FileError::none: return read_workbook_bytes(file.bytes, path, diags, limits);
    case FileError::too_large:
        diags.error(file_pos(path), _f("spreadsheet `{}` is larger than {} bytes; spreadsheets are limited to {} bytes",
                                       path, limits.max_file_bytes, limits.max_file_bytes));
        break;
    default: diags.error(file_pos(path), file.message); break;
    }
    return std::nullopt;
}

}  // namespace lkjip::sheet
