// XLSX as the finance and personnel systems export it (ECMA-376 part 1, SpreadsheetML; the
// package rules of part 2, OPC). Only what a grid of values needs is read: the workbook's sheet
// list and date system, each worksheet's cells and merged ranges, the shared strings and the
// number formats that make a number a date. Formulas are not evaluated: the value cached in the
// file (what Excel showed when it saved) is taken, as every reader of an export does.
//
// Hostile packages (issue 18): the file is bounded by ReadLimits::max_file_bytes before it gets
// here; every part is read with its unpacked size bounded by max_part_bytes while it is inflated
// (a zip's declared sizes are not trusted), all parts together by max_unpacked_bytes, and the
// cells and the text they copy from shared strings by max_cells and max_unpacked_bytes. pugixml
// expands no external entity and no DTD, so neither XXE nor "billion laughs" applies.
#include <zip.h>

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>

#include "common/i18n.hpp"
#include "common/utf8.hpp"
#include "sheet/read_internal.hpp"

namespace lkjip::sheet::detail {
namespace {

// Excel's grid: 1,048,576 rows of 16,384 columns (XFD).
constexpr long kMaxRow = 1'048'576;
constexpr long kMaxColumn = 16'384;

// The local name of an element or attribute: "x:row" and "row" are one element in a package whose
// writer chose a prefix for the SpreadsheetML namespace.
std::string_view local_name(const char* name) {
    std::string_view n = name;
    const auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view name) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
    return {};
}

pugi::xml_attribute attribute(pugi::xml_node node, std::string_view name) {
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
        if (local_name(a.name()) == name) return a;
    return {};
}

// The r:id of a <sheet>: the attribute named id in the relationships namespace, whatever its prefix
// (an unprefixed id would be another attribute).
std::string relationship_id(pugi::xml_node node) {
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
        const std::string_view n = a.name();
        if (n.find(':') != std::string_view::npos && local_name(a.name()) == "id") return a.value();
    }
    return {};
}

// ST_Xstring escapes (ECMA-376 part 1, §22.9.2.19): _xHHHH_ is the UTF-16 code unit HHHH, so a
// line break typed in a cell arrives as _x000A_ or _x000D_, and _x005F_ is a literal underscore.
std::string decode_escapes(std::string_view text) {
    if (text.find("_x") == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size());
    auto hex4 = [&](std::size_t i, char32_t& value) {
        if (i + 7 > text.size() || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_') return false;
        value = 0;
        for (std::size_t k = i + 2; k < i + 6; ++k) {
            const char ch = text[k];
            int digit = -1;
            if (ch >= '0' && ch <= '9') digit = ch - '0';
            else if (ch >= 'a' && ch <= 'f') digit = ch - 'a' + 10;
            else if (ch >= 'A' && ch <= 'F') digit = ch - 'A' + 10;
            if (digit < 0) return false;
            value = value * 16 + static_cast<char32_t>(digit);
        }
        return true;
    };
    for (std::size_t i = 0; i < text.size();) {
        char32_t unit = 0;
        if (hex4(i, unit)) {
            i += 7;
            char32_t low = 0;
            if (unit >= 0xD800 && unit <= 0xDBFF && hex4(i, low) && low >= 0xDC00 && low <= 0xDFFF) {
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                i += 7;
            } else if (unit >= 0xD800 && unit <= 0xDFFF) {
                unit = 0xFFFD;
            }
            // A NUL, or another control but tab and line breaks, has no place in a data value.
            if (unit == 0 || (unit < 0x20 && unit != '\t' && unit != '\n' && unit != '\r')) unit = 0xFFFD;
            utf8::append(out, unit);
        } else {
            out += text[i++];
        }
    }
    return out;
}

// The text of a <si> or <is>: its <t>, or the <t> of each rich-text run <r>; phonetic runs
// (<rPh>, furigana) are not part of the value.
std::string string_item(pugi::xml_node item) {
    std::string text;
    for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        const std::string_view n = local_name(c.name());
        if (n == "t") {
            text += c.text().get();
        } else if (n == "r") {
            if (pugi::xml_node t = child(c, "t")) text += t.text().get();
        }
    }
    return decode_escapes(text);
}

// "C14" → row 13, column 2 (0-based). False for anything else, or beyond Excel's grid.
bool parse_cell_name(std::string_view ref, long& row, long& column) {
    std::size_t i = 0;
    long col = 0;
    while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
        const char up = static_cast<char>(ref[i] & ~0x20);
        col = col * 26 + (up - 'A' + 1);
        if (col > kMaxColumn) return false;
        ++i;
    }
    if (col == 0 || i == ref.size()) return false;
    long r = 0;
    for (; i < ref.size(); ++i) {
        if (ref[i] < '0' || ref[i] > '9') return false;
        r = r * 10 + (ref[i] - '0');
        if (r > kMaxRow) return false;
    }
    if (r == 0) return false;
    row = r - 1;
    column = col - 1;
    return true;
}

bool parse_range(std::string_view ref, Range& range) {
    const auto colon = ref.find(':');
    long r1 = 0, c1 = 0, r2 = 0, c2 = 0;
    if (colon == std::string_view::npos) {
        if (!parse_cell_name(ref, r1, c1)) return false;
        r2 = r1, c2 = c1;
    } else if (!parse_cell_name(ref.substr(0, colon), r1, c1) || !parse_cell_name(ref.substr(colon + 1), r2, c2)) {
        return false;
    }
    range = Range{static_cast<int>(std::min(r1, r2)), static_cast<int>(std::min(c1, c2)),
                  static_cast<int>(std::max(r1, r2)), static_cast<int>(std::max(c1, c2))};
    return true;
}

// Whether a number format code shows a date: the built-in date and time formats (ECMA-376 part 1,
// §18.8.30: 14–22, 45–47; 27–36 and 50–58 are the East Asian date formats), or a custom code with
// a year, a day, or a month that is not the minutes of a time (m beside h or s), outside quoted
// text, [colour/locale] brackets and \-escaped characters.
bool is_date_format(int id, std::string_view code) {
    if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58))
        return id < 18 || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);  // 18–21, 45–47: times only
    if (code.empty()) return false;
    bool year_or_day = false, month = false, time = false;
    bool quoted = false, bracket = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char ch = code[i];
        if (quoted) {
            if (ch == '"') quoted = false;
            continue;
        }
        if (bracket) {
            if (ch == ']') bracket = false;
            continue;
        }
        if (ch == '"') quoted = true;
        else if (ch == '[') bracket = true;
        else if (ch == '\\' || ch == '_' || ch == '*') ++i;  // the next character is literal or padding
        else if (ch == ';') break;                            // the first section decides
        else {
            const char low = static_cast<char>(ch | 0x20);
            if (low == 'y' || low == 'd') year_or_day = true;
            else if (low == 'm') month = true;
            else if (low == 'h' || low == 's') time = true;
        }
    }
    return year_or_day || (month && !time);
}

// Days since 1970-01-01 → "YYYY-MM-DD" (Howard Hinnant's civil_from_days, proleptic Gregorian).
std::string iso_date(long days) {
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const long doe = days - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long year = yoe + era * 400;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long day = doy - (153 * mp + 2) / 5 + 1;
    const long month = mp < 10 ? mp + 3 : mp - 9;
    if (month <= 2) ++year;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", year, month, day);  // i18n: not a message
    return buf;
}

// An Excel serial day as an ISO date. The 1900 system counts 1900-02-29, a day that did not exist
// (Lotus 1-2-3's leap-year bug, kept by Excel: ECMA-376 part 1, §18.17.4.1), so serials from 61
// are one day behind a plain count from 1899-12-31; serial 60 is that day and has no date. The 1904
// system (old Mac workbooks) counts from 1904-01-01 = 0. Times of day are dropped.
std::string serial_to_date(std::string_view serial, bool date1904) {
    double value = 0;
    const auto [end, ec] = std::from_chars(serial.data(), serial.data() + serial.size(), value);
    if (ec != std::errc() || end != serial.data() + serial.size() || !std::isfinite(value)) return {};
    if (value < (date1904 ? 0 : 1) || value >= 2958466) return {};  // 9999-12-31 is Excel's last day
    const long day = static_cast<long>(std::floor(value));
    // 1899-12-31 is day -25568 from 1970-01-01; 1904-01-01 is -24107.
    if (date1904) return iso_date(-24107 + day);
    if (day == 60) return {};
    return iso_date(-25568 + day - (day > 60 ? 1 : 0));
}

// The one error of a package that is not what its writer meant: positioned at the part when
// known, with the one repair an office can do.
void damaged_error(Diagnostics& diags, const SourcePos& at, std::string message) {
    diags.error(at, std::move(message), _("open it in Excel or LibreOffice Calc and save it again as .xlsx"));
}

// A number cell's value is an IEEE double (ECMA-376 part 1, §18.18.11: xsd:double), and writers
// print it with more digits than it has: libxlsxwriter's %.16G gives 0.8100000000000001 for 0.81,
// the same double. The shortest plain decimal that reads back as that double (std::to_chars) is
// what the cell holds; for an amount of at most 15 significant digits, every rupiah with its sen,
// it is the amount as typed. Text that is not a number, or past 1e21, is kept as it is.
std::string shortest_decimal(const std::string& text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || std::fabs(value) >= 1e21)
        return text;
    char buffer[400];
    const auto out = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (out.ec != std::errc()) return text;
    return std::string(buffer, out.ptr);
}

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};

class Package {
public:
    Package(const std::string& bytes, const std::string& name, Diagnostics& diags, const ReadLimits& limits)
        : name_(name), diags_(diags), limits_(limits) {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (source != nullptr) {
            zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
            if (archive == nullptr) zip_source_free(source);
            zip_.reset(archive);
        }
        if (!zip_) {
            damaged_error(diags_, file_pos(name_), _f("`{}` is a damaged workbook: {}", name_, zip_error_strerror(&error)));
        }
        zip_error_fini(&error);
    }

    [[nodiscard]] bool ok() const { return zip_ != nullptr; }
    [[nodiscard]] bool has(const std::string& part) const {
        return zip_name_locate(zip_.get(), part.c_str(), ZIP_FL_NOCASE) >= 0;
    }

    // The bytes of a part, bounded while inflated. nullopt with an error when the part is missing
    // (and `required`), damaged or too large.
    std::optional<std::string> read(const std::string& part, bool required = true) {
        const zip_int64_t index = zip_name_locate(zip_.get(), part.c_str(), ZIP_FL_NOCASE);
        if (index < 0) {
            if (required)
                damaged_error(diags_, file_pos(name_), _f("`{}` is a damaged workbook: its part `{}` is missing", name_, part));
            return std::nullopt;
        }
        zip_file_t* file = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0);
        if (file == nullptr) {
            damaged(part, zip_strerror(zip_.get()));
            return std::nullopt;
        }
        std::string out;
        char buffer[1 << 16];
        bool failed = false, large = false;
        for (;;) {
            const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
            if (n < 0) {
                failed = true;
                break;
            }
            if (n == 0) break;
            if (out.size() + static_cast<std::size_t>(n) > limits_.max_part_bytes ||
                unpacked_ + static_cast<std::uint64_t>(n) > limits_.max_unpacked_bytes) {
                large = true;
                break;
            }
            out.append(buffer, static_cast<std::size_t>(n));
            unpacked_ += static_cast<std::uint64_t>(n);
        }
        if (failed) damaged(part, zip_file_strerror(file));
        zip_fclose(file);
        if (failed) return std::nullopt;
        if (large) {
            too_large();
            return std::nullopt;
        }
        return out;
    }

    // Parsed XML of a part; errors positioned in the part ("budget.xlsx:xl/worksheets/sheet1.xml:3:17").
    std::optional<pugi::xml_document> xml(const std::string& part, bool required = true) {
        std::optional<std::string> bytes = read(part, required);
        if (!bytes) return std::nullopt;
        pugi::xml_document doc;
        const pugi::xml_parse_result result =
            doc.load_buffer(bytes->data(), bytes->size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
        if (!result) {
            std::uint32_t line = 1, column = 1;
            const auto end = std::min<std::size_t>(static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)),
                                                   bytes->size());
            for (std::size_t i = 0; i < end; ++i) {
                if ((*bytes)[i] == '\n') {
                    ++line;
                    column = 1;
                } else if (!utf8::is_continuation((*bytes)[i])) {
                    ++column;
                }
            }
            damaged_error(diags_, SourcePos{std::make_shared<const std::string>(name_ + ":" + part), line, column},
                         _f("`{}` is a damaged workbook: {}", name_, result.description()));
            return std::nullopt;
        }
        return doc;
    }

    // Text copied out of shared strings into cells counts toward the same bound as the parts, so
    // one long shared string referenced by a million cells is an error, not gigabytes.
    bool spend(std::uint64_t bytes) {
        unpacked_ += bytes;
        if (unpacked_ <= limits_.max_unpacked_bytes) return true;
        too_large();
        return false;
    }

    void too_large() {
        if (reported_large_) return;
        reported_large_ = true;
        diags_.error(file_pos(name_),
                     _f("`{}` unpacks to more than {} MiB; a workbook read by lkjip is limited to {} MiB", name_,
                        limits_.max_unpacked_bytes >> 20, limits_.max_unpacked_bytes >> 20),
                     _("split the workbook, or save only the sheet to import"));
    }

private:
    void damaged(const std::string& part, const char* why) {
        damaged_error(diags_, file_pos(name_ + ":" + part), _f("`{}` is a damaged workbook: {}", name_, why));
    }

    std::string name_;
    Diagnostics& diags_;
    const ReadLimits& limits_;
    std::unique_ptr<zip_t, ZipCloser> zip_;
    std::uint64_t unpacked_ = 0;
    bool reported_large_ = false;
};

// The folder of a part ("xl/workbook.xml" → "xl/") and a relationship target resolved against it
// (OPC part 2, §9.3: relative to the source part's folder, or absolute from the package root).
std::string folder_of(const std::string& part) {
    const auto slash = part.find_last_of('/');
    return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

std::string resolve(const std::string& base_folder, const std::string& target) {
    std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : base_folder + target;
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const std::string seg = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (seg == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!seg.empty() && seg != ".") {
            segments.push_back(seg);
        }
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    std::string out;
    for (const auto& seg : segments) out += (out.empty() ? "" : "/") + seg;
    return out;
}

std::string rels_of(const std::string& part) {
    const auto slash = part.find_last_of('/');
    const std::string folder = slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
    const std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
    return folder + "_rels/" + file + ".rels";
}

struct Relationship {
    std::string type;  // the last segment of the type URI: "worksheet", "sharedStrings", …
    std::string target;
};

// Id → relationship of a part's .rels (transitional and strict types alike: matched on the URI's
// last segment). External targets (hyperlinks) are skipped.
std::map<std::string, Relationship> relationships(Package& package, const std::string& part, bool& ok) {
    std::map<std::string, Relationship> out;
    ok = true;
    auto doc = package.xml(rels_of(part), false);
    if (!doc) {
        ok = !package.has(rels_of(part));
        return out;
    }
    for (pugi::xml_node r = child(*doc, "Relationships").first_child(); r; r = r.next_sibling()) {
        if (r.type() != pugi::node_element || local_name(r.name()) != "Relationship") continue;
        if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
        std::string_view type = r.attribute("Type").value();
        if (const auto slash = type.find_last_of('/'); slash != std::string_view::npos) type = type.substr(slash + 1);
        out[r.attribute("Id").value()] = Relationship{std::string(type), resolve(folder_of(part), r.attribute("Target").value())};
    }
    return out;
}

}  // namespace

std::optional<Workbook> read_xlsx(const std::string& bytes, const std::string& name, Diagnostics& diags,
                                  const ReadLimits& limits) {
    Package package(bytes, name, diags, limits);
    if (!package.ok()) return std::nullopt;

    // An OpenDocument spreadsheet is a zip too; say what it is rather than "damaged".
    if (package.has("mimetype") && !package.has("[Content_Types].xml")) {
        auto mimetype = package.read("mimetype", false);
        const bool ods = mimetype && mimetype->find("opendocument.spreadsheet") != std::string::npos;
        diags.error(file_pos(name),
                    ods ? _f("`{}` is an OpenDocument spreadsheet (.ods), not an .xlsx workbook", name)
                        : _f("`{}` is a zip file but not an .xlsx workbook", name),
                    _("save it from LibreOffice Calc or Excel as .xlsx (Excel 2007-365) or as .csv"));
        return std::nullopt;
    }

    // The workbook part: the target of the package's officeDocument relationship.
    bool rels_ok = true;
    std::string workbook_part;
    for (const auto& [id, rel] : relationships(package, "", rels_ok))
        if (rel.type == "officeDocument") workbook_part = rel.target;
    if (!rels_ok) return std::nullopt;
    if (workbook_part.empty()) workbook_part = "xl/workbook.xml";  // i18n: not a message
    if (!package.has(workbook_part)) {
        diags.error(file_pos(name), _f("`{}` is a zip file but not an .xlsx workbook", name),
                    _("save it from LibreOffice Calc or Excel as .xlsx (Excel 2007-365) or as .csv"));
        return std::nullopt;
    }
    auto workbook_xml = package.xml(workbook_part);
    if (!workbook_xml) return std::nullopt;
    const pugi::xml_node workbook = child(*workbook_xml, "workbook");
    const std::string_view date1904_value = attribute(child(workbook, "workbookPr"), "date1904").value();
    const bool date1904 = date1904_value == "1" || date1904_value == "true";

    const auto workbook_rels = relationships(package, workbook_part, rels_ok);
    if (!rels_ok) return std::nullopt;

    // Shared strings.
    std::vector<std::string> strings;
    for (const auto& [id, rel] : workbook_rels) {
        if (rel.type != "sharedStrings") continue;
        auto sst = package.xml(rel.target, false);
        if (!sst) {
            if (package.has(rel.target)) return std::nullopt;
            continue;
        }
        for (pugi::xml_node si = child(*sst, "sst").first_child(); si; si = si.next_sibling())
            if (si.type() == pugi::node_element && local_name(si.name()) == "si") strings.push_back(string_item(si));
    }

    // Styles: for each cell format (the s attribute indexes cellXfs), whether it shows a date.
    std::vector<bool> date_style;
    for (const auto& [id, rel] : workbook_rels) {
        if (rel.type != "styles") continue;
        auto styles = package.xml(rel.target, false);
        if (!styles) {
            if (package.has(rel.target)) return std::nullopt;
            continue;
        }
        const pugi::xml_node root = child(*styles, "styleSheet");
        std::map<int, std::string> codes;
        for (pugi::xml_node f = child(root, "numFmts").first_child(); f; f = f.next_sibling())
            if (f.type() == pugi::node_element && local_name(f.name()) == "numFmt")
                codes[attribute(f, "numFmtId").as_int(-1)] = attribute(f, "formatCode").value();
        for (pugi::xml_node xf = child(root, "cellXfs").first_child(); xf; xf = xf.next_sibling()) {
            if (xf.type() != pugi::node_element || local_name(xf.name()) != "xf") continue;
            const int format = attribute(xf, "numFmtId").as_int(0);
            const auto code = codes.find(format);
            date_style.push_back(is_date_format(format, code == codes.end() ? std::string_view() : code->second));
        }
    }

    Workbook book;
    book.file = name;
    std::uint64_t cells = 0;
    auto too_many = [&] {
        diags.error(file_pos(name), _f("`{}` has more than {} cells; a spreadsheet read by lkjip is limited to {}",
                                       name, limits.max_cells, limits.max_cells));
    };

    for (pugi::xml_node s = child(child(workbook, "sheets"), "sheet"); s; s = s.next_sibling()) {
        if (s.type() != pugi::node_element || local_name(s.name()) != "sheet") continue;
        const auto rel = workbook_rels.find(relationship_id(s));
        // A chart sheet or a dialog sheet has no cells.
        if (rel == workbook_rels.end() || rel->second.type != "worksheet") continue;
        const std::string part = rel->second.target;
        auto sheet_xml = package.xml(part);
        if (!sheet_xml) return std::nullopt;
        if (++cells > limits.max_cells) return too_many(), std::nullopt;

        Sheet sheet;
        sheet.name = s.attribute("name").value();
        const pugi::xml_node worksheet = child(*sheet_xml, "worksheet");
        long next_row = 0;
        for (pugi::xml_node r = child(child(worksheet, "sheetData"), "row"); r; r = r.next_sibling()) {
            if (r.type() != pugi::node_element || local_name(r.name()) != "row") continue;
            // r is optional (§18.3.1.73): a row without it follows the one before.
            long row_index = next_row;
            if (const pugi::xml_attribute ra = attribute(r, "r")) {
                const long value = ra.as_llong(0) > kMaxRow ? 0 : static_cast<long>(ra.as_llong(0));
                if (value < 1 || value - 1 < next_row) {
                    damaged_error(diags, file_pos(name + ":" + part),
                                _f("`{}` is a damaged workbook: row number `{}` in sheet `{}` is out of order or "
                                   "outside the sheet",
                                   name, ra.value(), sheet.name));
                    return std::nullopt;
                }
                row_index = value - 1;
            }
            // Rows skipped by the file are empty rows of the grid, and count as cells.
            cells += static_cast<std::uint64_t>(row_index - static_cast<long>(sheet.rows.size()));
            if (cells > limits.max_cells) return too_many(), std::nullopt;
            sheet.rows.resize(static_cast<std::size_t>(row_index) + 1);
            std::vector<Cell>& row = sheet.rows.back();
            long next_column = 0;
            for (pugi::xml_node c = child(r, "c"); c; c = c.next_sibling()) {
                if (c.type() != pugi::node_element || local_name(c.name()) != "c") continue;
                long column = next_column;
                if (const pugi::xml_attribute ref = attribute(c, "r")) {
                    long ref_row = 0;
                    if (!parse_cell_name(ref.value(), ref_row, column) || ref_row != row_index || column < next_column) {
                        damaged_error(diags, file_pos(name + ":" + part),
                                    _f("`{}` is a damaged workbook: cell `{}` in sheet `{}` is out of order or "
                                       "outside the sheet",
                                       name, ref.value(), sheet.name));
                        return std::nullopt;
                    }
                }
                if (column >= kMaxColumn) {
                    damaged_error(diags, file_pos(name + ":" + part),
                                _f("`{}` is a damaged workbook: a cell in sheet `{}` is outside the sheet", name,
                                   sheet.name));
                    return std::nullopt;
                }
                next_column = column + 1;
                cells += static_cast<std::uint64_t>(column + 1 - static_cast<long>(row.size()));
                if (cells > limits.max_cells) return too_many(), std::nullopt;

                Cell cell;
                const std::string_view type = attribute(c, "t").value();
                const pugi::xml_node v = child(c, "v");
                std::string value = v ? std::string(v.text().get()) : std::string();
                if (type == "inlineStr") {
                    cell.kind = CellKind::text;
                    cell.text = string_item(child(c, "is"));
                } else if (!v) {
                    // A styled cell without a value is empty.
                } else if (type == "s") {
                    long index = -1;
                    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
                    if (ec != std::errc() || end != value.data() + value.size() || index < 0 ||
                        static_cast<std::size_t>(index) >= strings.size()) {
                        damaged_error(diags, file_pos(name + ":" + part),
                                    _f("`{}` is a damaged workbook: cell `{}` refers to shared string {} of {}", name,
                                       cell_ref(sheet.name, static_cast<int>(row_index), static_cast<int>(column)),
                                       value, strings.size()));
                        return std::nullopt;
                    }
                    cell.kind = CellKind::text;
                    if (!package.spend(strings[static_cast<std::size_t>(index)].size())) return std::nullopt;
                    cell.text = strings[static_cast<std::size_t>(index)];
                } else if (type == "str") {
                    cell.kind = CellKind::text;
                    cell.text = decode_escapes(value);
                } else if (type == "b") {
                    cell.kind = CellKind::boolean;
                    cell.text = value == "1" || value == "true" ? "TRUE" : "FALSE";  // i18n: not a message
                } else if (type == "e") {
                    cell.kind = CellKind::error;
                    cell.text = value;
                } else if (type == "d") {
                    // An ISO 8601 date-time cell (strict or LibreOffice): the date part.
                    cell.kind = CellKind::text;
                    cell.text = value;
                    if (value.size() >= 10 && value[4] == '-' && value[7] == '-') cell.date = value.substr(0, 10);
                } else {
                    // A number, its decimal text as stored (trimmed of the spaces some writers add).
                    const auto first = value.find_first_not_of(" \t\r\n");
                    const auto last = value.find_last_not_of(" \t\r\n");
                    value = first == std::string::npos ? std::string() : value.substr(first, last - first + 1);
                    if (!value.empty()) {
                        value = shortest_decimal(value);
                        cell.kind = CellKind::number;
                        const long style = attribute(c, "s").as_int(0);
                        if (style >= 0 && static_cast<std::size_t>(style) < date_style.size() &&
                            date_style[static_cast<std::size_t>(style)])
                            cell.date = serial_to_date(value, date1904);
                        cell.text = std::move(value);
                    }
                }
                row.resize(static_cast<std::size_t>(column));
                row.push_back(std::move(cell));
            }
            while (!row.empty() && row.back().kind == CellKind::empty) row.pop_back();
            next_row = row_index + 1;
        }
        while (!sheet.rows.empty() && sheet.rows.back().empty()) sheet.rows.pop_back();

        for (pugi::xml_node m = child(child(worksheet, "mergeCells"), "mergeCell"); m; m = m.next_sibling()) {
            if (m.type() != pugi::node_element || local_name(m.name()) != "mergeCell") continue;
            Range range;
            if (parse_range(attribute(m, "ref").value(), range)) sheet.merged.push_back(range);
        }
        book.sheets.push_back(std::move(sheet));
    }
    if (book.sheets.empty()) {
        diags.error(file_pos(name), _f("workbook `{}` has no worksheet", name),
                    _("an .xlsx file with at least one sheet of cells is needed"));
        return std::nullopt;
    }
    return book;
}

}  // namespace lkjip::sheet::detail
