// CSV as offices save it. Excel in an Indonesian locale writes `;` between fields (the decimal
// comma takes `,`), elsewhere `,`; "Unicode Text" is UTF-16 with tabs; older exports are
// Windows-1252 ("Rp" with an en dash 0x96). RFC 4180 for the quoting: a quoted field may hold the
// separator, a doubled quote and line breaks.
#include <array>

#include "common/i18n.hpp"
#include "common/utf8.hpp"
#include "sheet/read_internal.hpp"

namespace lkjip::sheet::detail {
namespace {

// Windows-1252's 0x80–0x9F (the WHATWG encoding standard's index); 0 where the code page has no
// character (those bytes become U+FFFD). 0xA0–0xFF are Latin-1, the same code points.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::string from_cp1252(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (unsigned char b : bytes) {
        if (b < 0x80) {
            out += static_cast<char>(b);
        } else if (b < 0xA0) {
            const char32_t c = kCp1252High[b - 0x80];
            utf8::append(out, c == 0 ? U'\uFFFD' : c);
        } else {
            utf8::append(out, static_cast<char32_t>(b));
        }
    }
    return out;
}

// UTF-16 with its byte order mark; an unpaired surrogate becomes U+FFFD.
std::string from_utf16(std::string_view bytes, bool little_endian) {
    std::string out;
    auto unit = [&](std::size_t i) -> char32_t {
        const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        return little_endian ? static_cast<char32_t>(a | (b << 8)) : static_cast<char32_t>((a << 8) | b);
    };
    for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
        char32_t c = unit(i);
        if (c >= 0xD800 && c <= 0xDBFF && i + 3 < bytes.size()) {
            const char32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            } else {
                c = 0xFFFD;
            }
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            c = 0xFFFD;
        }
        utf8::append(out, c);
    }
    return out;
}

// The separator of the first non-empty line: whichever of `;`, `,` and tab, counted outside
// quotes, splits it into more fields (`;` wins a tie: it is what an id-ID Excel writes, and a
// `,` there is more likely a decimal comma). A line with none of them is one column.
char detect_separator(std::string_view text) {
    std::size_t semicolons = 0, commas = 0, tabs = 0;
    bool quoted = false, seen = false;
    for (char ch : text) {
        if (ch == '"') quoted = !quoted;
        if (quoted) continue;
        if (ch == '\n' || ch == '\r') {
            if (seen) break;
            continue;
        }
        if (ch != ' ') seen = true;
        if (ch == ';') ++semicolons;
        else if (ch == ',') ++commas;
        else if (ch == '\t') ++tabs;
    }
    if (tabs > semicolons && tabs > commas) return '\t';
    if (commas > semicolons) return ',';
    return ';';
}

}  // namespace

std::string stem_of(const std::string& name) {
    std::string base = name;
    if (const auto slash = base.find_last_of('/'); slash != std::string::npos) base = base.substr(slash + 1);
    if (const auto dot = base.find_last_of('.'); dot != std::string::npos && dot > 0) base = base.substr(0, dot);
    return base.empty() ? std::string("Sheet1") : base;  // i18n: not a message
}

std::optional<Workbook> read_csv(const std::string& bytes, const std::string& name, Diagnostics& diags,
                                 const ReadLimits& limits) {
    std::string text;
    std::string_view raw = bytes;
    if (raw.size() >= 2 && static_cast<unsigned char>(raw[0]) == 0xFF && static_cast<unsigned char>(raw[1]) == 0xFE) {
        text = from_utf16(raw, true);
    } else if (raw.size() >= 2 && static_cast<unsigned char>(raw[0]) == 0xFE &&
               static_cast<unsigned char>(raw[1]) == 0xFF) {
        text = from_utf16(raw, false);
    } else {
        if (raw.size() >= 3 && raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
        text = utf8::valid(raw) ? std::string(raw) : from_cp1252(raw);
    }
    if (text.find('\0') != std::string::npos) {
        diags.error(file_pos(name), _f("`{}` is neither a workbook nor a text file", name),
                    _("give an .xlsx workbook or a .csv file"));
        return std::nullopt;
    }

    const char separator = detect_separator(text);
    Sheet sheet;
    sheet.name = stem_of(name);
    std::vector<Cell> row;
    std::string field;
    bool field_quoted = false;
    std::uint64_t cells = 0;
    std::uint32_t line = 1, column = 1;
    std::uint32_t quote_line = 0, quote_column = 0;

    auto end_field = [&]() -> bool {
        if (++cells > limits.max_cells) return false;
        Cell cell;
        if (!field.empty() || field_quoted) {
            cell.kind = field.empty() ? CellKind::empty : CellKind::text;
            cell.text = std::move(field);
        }
        row.push_back(std::move(cell));
        field.clear();
        field_quoted = false;
        return true;
    };
    auto end_row = [&] {
        while (!row.empty() && row.back().kind == CellKind::empty) row.pop_back();
        sheet.rows.push_back(std::move(row));
        row.clear();
    };
    auto too_many = [&] {
        diags.error(file_pos(name), _f("`{}` has more than {} cells; a spreadsheet read by lkjip is limited to {}",
                                       name, limits.max_cells, limits.max_cells));
    };

    bool in_quotes = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (in_quotes) {
            if (ch == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                    ++column;
                } else {
                    in_quotes = false;
                }
            } else {
                field += ch;
                if (ch == '\n') {
                    ++line;
                    column = 0;
                }
            }
        } else if (ch == '"' && field.empty() && !field_quoted) {
            in_quotes = true;
            field_quoted = true;
            quote_line = line;
            quote_column = column;
        } else if (ch == separator) {
            if (!end_field()) return too_many(), std::nullopt;
        } else if (ch == '\r' || ch == '\n') {
            if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (!end_field()) return too_many(), std::nullopt;
            end_row();
            ++line;
            column = 0;
        } else {
            // Text after a closing quote ("12"kg) is kept as Excel keeps it, not refused.
            field += ch;
        }
        if (!utf8::is_continuation(ch)) ++column;
    }
    if (in_quotes) {
        diags.error(SourcePos{std::make_shared<const std::string>(name), quote_line, quote_column},
                    _("this quoted field has no closing quote"),
                    _("close the field with a quote; a quote inside a quoted field is written twice: \"\""));
        return std::nullopt;
    }
    if (!field.empty() || field_quoted || !row.empty()) {
        if (!end_field()) return too_many(), std::nullopt;
        end_row();
    }
    while (!sheet.rows.empty() && sheet.rows.back().empty()) sheet.rows.pop_back();

    Workbook book;
    book.file = name;
    book.sheets.push_back(std::move(sheet));
    return book;
}

}  // namespace lkjip::sheet::detail
