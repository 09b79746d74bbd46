// XML text and the zip package of the Word file (ECMA-376 Part 2, Open Packaging Conventions),
// through libzip: deflated entries in a fixed order, each dated from the document, so identical
// input gives identical bytes.
#include <algorithm>
#include <memory>

#include <zip.h>

#include "docx/internal.hpp"

namespace lkjip::docx {

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                // XML 1.0 §2.2: of the C0 controls only tab, line feed and carriage return are characters.
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
                out += c;
        }
    }
    return out;
}

std::string content_types_xml(const std::vector<Part>& parts) {
    std::string x =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Default Extension=\"png\" ContentType=\"image/png\"/>"
        "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>"
        "<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>"
        "<Default Extension=\"xlsx\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"/>";
    for (const Part& p : parts) {
        if (!p.content_type.empty()) x += "<Override PartName=\"/" + xml_escape(p.name) + "\" ContentType=\"" + p.content_type + "\"/>";
    }
    x += "</Types>";
    return x;
}

namespace {

struct ArchiveCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct SourceFreer {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};

// MS-DOS date and time (the zip format's, APPNOTE 4.4.6): the document's date at noon, so no
// time zone moves it to another day; years before 1980 cannot be written and give 1980.
std::pair<zip_uint16_t, zip_uint16_t> dos_date_time(const page::DocumentInfo& d) {
    const int year = std::clamp(d.year, 1980, 2107), month = std::clamp(d.month, 1, 12), day = std::clamp(d.day, 1, 31);
    const auto date = static_cast<zip_uint16_t>(((year - 1980) << 9) | (month << 5) | day);
    const auto noon = static_cast<zip_uint16_t>(12 << 11);
    return {noon, date};
}

}  // namespace

std::optional<std::string> zip_package(const std::vector<Part>& parts, const page::DocumentInfo& date, std::string& error) {
    zip_error_t ze;
    zip_error_init(&ze);
    std::unique_ptr<zip_source_t, SourceFreer> out(zip_source_buffer_create(nullptr, 0, 0, &ze));
    if (!out) {
        error = zip_error_strerror(&ze);
        zip_error_fini(&ze);
        return std::nullopt;
    }
    zip_source_keep(out.get());  // read back after the archive is closed
    std::unique_ptr<zip_t, ArchiveCloser> archive(zip_open_from_source(out.get(), ZIP_TRUNCATE, &ze));
    if (!archive) {
        error = zip_error_strerror(&ze);
        zip_error_fini(&ze);
        zip_source_free(out.get());  // the reference zip_open_from_source did not take
        return std::nullopt;
    }
    zip_error_fini(&ze);
    const auto [time, day] = dos_date_time(date);
    for (const Part& p : parts) {
        zip_source_t* data = zip_source_buffer(archive.get(), p.bytes.data(), p.bytes.size(), 0);
        if (!data) {
            error = zip_strerror(archive.get());
            return std::nullopt;
        }
        const zip_int64_t index = zip_file_add(archive.get(), p.name.c_str(), data, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(data);
            error = zip_strerror(archive.get());
            return std::nullopt;
        }
        const auto i = static_cast<zip_uint64_t>(index);
        // Pictures and workbooks are compressed already; the XML parts deflate to about a tenth.
        const bool stored = p.name.ends_with(".png") || p.name.ends_with(".jpeg") || p.name.ends_with(".xlsx");
        if (zip_set_file_compression(archive.get(), i, stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, stored ? 0 : 6) != 0 ||
            zip_file_set_dostime(archive.get(), i, time, day, 0) != 0) {
            error = zip_strerror(archive.get());
            return std::nullopt;
        }
    }
    if (zip_close(archive.get()) != 0) {
        error = zip_strerror(archive.get());
        return std::nullopt;
    }
    archive.release();  // closed: zip_close freed it
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(out.get(), &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || zip_source_open(out.get()) != 0) {
        error = "the zip package could not be read back";  // i18n: not a message (libzip's own failure, reported under a translated lead)
        return std::nullopt;
    }
    std::string bytes(static_cast<std::size_t>(st.size), '\0');
    const zip_int64_t n = zip_source_read(out.get(), bytes.data(), st.size);
    zip_source_close(out.get());
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
        error = "the zip package could not be read back";  // i18n: not a message
        return std::nullopt;
    }
    return bytes;
}

}  // namespace lkjip::docx
