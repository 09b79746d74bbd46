// Cell names as Excel writes them, for every diagnostic about a cell ("Sheet1!C14"): the form a
// user finds in the Name Box of Excel or LibreOffice Calc (ECMA-376 part 1, §18.17.2.3 for the
// A1 style; a sheet name is quoted when it is not a plain identifier, as Excel writes formulas).
#include "sheet/sheet.hpp"

namespace lkjip::sheet {

std::string column_name(int column) {
    // Bijective base 26: A..Z, AA..ZZ, AAA.. (XFD is the last column of a modern sheet).
    std::string name;
    long n = static_cast<long>(column < 0 ? 0 : column) + 1;
    while (n > 0) {
        const long digit = (n - 1) % 26;
        name.insert(name.begin(), static_cast<char>('A' + digit));
        n = (n - 1) / 26;
    }
    return name;
}

std::string cell_name(int row, int column) {
    return column_name(column) + std::to_string(static_cast<long>(row < 0 ? 0 : row) + 1);
}

std::string cell_ref(const std::string& sheet, int row, int column) {
    bool plain = !sheet.empty();
    for (unsigned char ch : sheet)
        if (!(ch == '_' || (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')))
            plain = false;
    if (plain && sheet[0] >= '0' && sheet[0] <= '9') plain = false;  // '2024'!A1: a number is quoted
    std::string quoted;
    if (plain) {
        quoted = sheet;
    } else {
        // A quote inside the name is doubled, as in a formula.
        quoted = "'";
        for (char ch : sheet) {
            if (ch == '\'') quoted += '\'';
            quoted += ch;
        }
        quoted += "'";
    }
    return quoted + "!" + cell_name(row, column);
}

SourcePos cell_pos(const std::string& file, const std::string& sheet, int row, int column) {
    return file_pos(file + ":" + cell_ref(sheet, row, column));
}

const Cell* Sheet::at(int row, int column) const {
    if (row < 0 || column < 0 || static_cast<std::size_t>(row) >= rows.size()) return nullptr;
    const auto& cells = rows[static_cast<std::size_t>(row)];
    if (static_cast<std::size_t>(column) >= cells.size()) return nullptr;
    return &cells[static_cast<std::size_t>(column)];
}

}  // namespace lkjip::sheet
