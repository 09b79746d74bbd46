// libharu's files in memory: the font program it embeds and the PDF it saves.
//
// The font program libharu embeds: the TrueType file cut down, before libharu sees it, to the
// glyphs of the characters the document sets in it (HarfBuzz's subsetter), and handed to libharu
// as a file in memory.
//
// Why before libharu (issue 22, callgrind): HPDF_GetFont under the UTF-8 encoder maps every one
// of the 65 536 codes of the BMP to a glyph by a linear search of the font's cmap segments (128 in
// Liberation Serif), about 45 M instructions per font, a sixth of a whole `lkjip build`; libharu
// then writes all of the font's tables but glyf whole and deflates them. A font of only the
// characters used has a few dozen segments and a few KiB of tables. The PDF is the same to its
// reader: libharu maps each Unicode code to its glyph through the smaller font's cmap, so the
// Identity-H codes, the widths and the ToUnicode map do not change; only the embedded program is
// smaller (PDF 1.7, 9.6.4 Font Subsets).
#include <hb-subset.h>
#include <hb.h>

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "pdf/session.hpp"

namespace lkjip::pdf::detail {

std::string subset_truetype(std::string_view font, const CodeSet& codes) {
    std::string out;
    hb_blob_t* blob = hb_blob_create_or_fail(font.data(), static_cast<unsigned>(font.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    if (!blob) return out;
    hb_face_t* face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    if (input) {
        hb_set_t* unicodes = hb_subset_input_unicode_set(input);
        for (std::size_t c = 0; c < codes.size(); ++c) {
            if (codes[c]) hb_set_add(unicodes, static_cast<hb_codepoint_t>(c));
        }
        // libharu embeds 13 tables (hpdf_fontdef_tt.c, REQUIRED_TAGS); the layout tables would
        // only widen the glyph closure (ligatures, alternates) with glyphs never drawn.
        hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
        for (const hb_tag_t tag : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                                   HB_TAG('k', 'e', 'r', 'n'), HB_TAG('g', 'a', 's', 'p'), HB_TAG('h', 'd', 'm', 'x'),
                                   HB_TAG('V', 'D', 'M', 'X'), HB_TAG('L', 'T', 'S', 'H'), HB_TAG('D', 'S', 'I', 'G')}) {
            hb_set_add(drop, tag);
        }
        // A character the font lacks is drawn as its .notdef box, as from the whole font.
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
        if (hb_face_t* sub = hb_subset_or_fail(face, input)) {
            hb_blob_t* bytes = hb_face_reference_blob(sub);
            unsigned length = 0;
            const char* data = hb_blob_get_data(bytes, &length);
            if (data && length > 0) out.assign(data, length);
            hb_blob_destroy(bytes);
            hb_face_destroy(sub);
        }
        hb_subset_input_destroy(input);
    }
    hb_face_destroy(face);
    return out;
}

namespace {

// An anonymous memory file (memfd_create(2)) and the name under which fopen(3) opens it.
struct MemoryFile {
    int fd = -1;
    std::string path;
    MemoryFile() : fd(::memfd_create("lkjip", MFD_CLOEXEC)) {
        if (fd >= 0) path = fmt::format("/proc/self/fd/{}", fd);
    }
    ~MemoryFile() {
        if (fd >= 0) ::close(fd);
    }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;
    // Whether the file exists and /proc names it (a system without /proc mounted has no name).
    [[nodiscard]] bool usable() const { return fd >= 0 && ::access(path.c_str(), R_OK | W_OK) == 0; }
};

}  // namespace

bool save_to_memory_file(Session& s, std::string& raw) {
    // HPDF_SaveToStream writes into libharu's memory stream, which copies byte by byte
    // (HPDF_MemCpy), and reading it back copies again: a tenth of the PDF stage (callgrind).
    // Its file writer is stdio, into a memory file read back with one pread per MiB.
    MemoryFile file;
    if (!file.usable()) return false;
    if (HPDF_SaveToFile(s.pdf, file.path.c_str()) != HPDF_OK || s.failed()) return false;
    struct stat st {};
    if (::fstat(file.fd, &st) != 0 || st.st_size <= 0) return false;
    raw.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < raw.size()) {
        const ssize_t n = ::pread(file.fd, raw.data() + got, raw.size() - got, static_cast<off_t>(got));
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    if (got != raw.size()) {
        raw.clear();
        return false;
    }
    return true;
}

const char* load_truetype_from_memory(Session& s, std::string_view program) {
    // libharu 2.3.0 reads fonts only from a named file (HPDF_LoadTTFontFromFile) and keeps it
    // open until the document is saved: an anonymous memory file (memfd_create(2)), opened by
    // its /proc name, is that file without touching the disk. Its own descriptor is closed at
    // once; libharu's FILE keeps the memory alive until HPDF_Free.
    MemoryFile file;
    if (!file.usable()) return nullptr;
    std::size_t written = 0;
    while (written < program.size()) {
        const ssize_t n = ::write(file.fd, program.data() + written, program.size() - written);
        if (n <= 0) return nullptr;
        written += static_cast<std::size_t>(n);
    }
    return HPDF_LoadTTFontFromFile(s.pdf, file.path.c_str(), HPDF_TRUE);
}

}  // namespace lkjip::pdf::detail
