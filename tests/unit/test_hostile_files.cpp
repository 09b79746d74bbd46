// Hostile files (issue 18, classes 1, 2, 8, 10, 11): special files as inputs, names the file
// system refuses, outputs that must not be replaced, temporary files of killed runs, a data file
// replaced while a batch builds it, and a JPEG whose frame header is past the first 64 KiB.
#include <doctest/doctest.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <png.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "cli/batch_core.hpp"
#include "common/digest.hpp"
#include "common/file_read.hpp"
#include "common/file_write.hpp"
#include "common/image_info.hpp"
#include "data/data.hpp"
#include "fixture.hpp"

using namespace lkjip;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string messages(const Diagnostics& d) {
    std::string out;
    for (const auto& item : d.items()) out += format_diagnostic(item);
    return out;
}

// A baseline JPEG (ITU T.81) of w x h grey pixels whose frame header follows `app_bytes` bytes of
// APPn segments (each at most 65533 bytes of payload), as cameras write EXIF and previews first.
std::string jpeg(unsigned w, unsigned h, std::size_t app_bytes) {
    auto seg = [](unsigned marker, const std::string& payload) {
        const std::size_t len = payload.size() + 2;
        return std::string{'\xFF', static_cast<char>(marker), static_cast<char>(len >> 8), static_cast<char>(len & 0xFF)} + payload;
    };
    std::string out = "\xFF\xD8";
    for (unsigned n = 0; app_bytes > 0; ++n) {
        const std::size_t k = std::min<std::size_t>(app_bytes, 65533);
        out += seg(0xE1 + n % 14, std::string(k, '\0'));
        app_bytes -= k;
    }
    out += seg(0xDB, std::string(1, '\0') + std::string(64, '\1'));
    out += seg(0xC0, std::string{'\x08', static_cast<char>(h >> 8), static_cast<char>(h & 0xFF), static_cast<char>(w >> 8),
                                 static_cast<char>(w & 0xFF), '\x01', '\x01', '\x11', '\x00'});
    out += seg(0xC4, std::string{'\x00', '\x01'} + std::string(15, '\0') + std::string(1, '\0'));
    out += seg(0xC4, std::string{'\x10', '\x01'} + std::string(15, '\0') + std::string(1, '\0'));
    out += seg(0xDA, std::string{'\x01', '\x01', '\x00', '\x00', '\x3F', '\x00'});
    // Every block: DC category 0, then end of block, one bit each; padded with ones.
    const std::size_t bits = 2 * ((w + 7) / 8) * ((h + 7) / 8);
    std::string data((bits + 7) / 8, '\0');
    if (bits % 8) data.back() = static_cast<char>((1u << (8 - bits % 8)) - 1);
    return out + data + "\xFF\xD9";
}

// The minimal data file with `line` after `after` (the first occurrence).
std::string with_line(const std::string& after, const std::string& line) {
    std::string text = test::minimal_toml();
    const std::size_t at = text.find(after);
    REQUIRE(at != std::string::npos);
    text.insert(at + after.size(), "\n" + line);
    return text;
}

std::size_t line_of(const std::string& text, const std::string& needle) {
    const std::size_t at = text.find(needle);
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

}  // namespace

TEST_CASE("hostile files: a FIFO, /dev/zero or /dev/urandom as data file or parent is an error, never a hang") {
    TempDir dir;
    const std::string fifo = dir.at("pipe.toml");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    for (const std::string& file : {fifo, std::string("/dev/zero"), std::string("/dev/urandom")}) {
        Diagnostics d;
        CHECK_FALSE(load_agency_year(file, d));
        CHECK(messages(d) == file + ": error: cannot read data file `" + file + "`: it is " +
                                 (file == fifo ? "a FIFO (named pipe)" : "a character device") + ", not a regular file\n");
    }
    // As `extends` parents: the error is at the `extends` value.
    for (const std::string& parent : {std::string("pipe.toml"), std::string("/dev/zero"), std::string("/dev/urandom")}) {
        const std::string text = "\nextends = \"" + parent + "\"\n";
        const std::string child = dir.write("child.toml", text);
        Diagnostics d;
        CHECK_FALSE(load_agency_year(child, d));
        INFO(messages(d));
        CHECK(messages(d).starts_with(child + ":2:11: error: cannot read data file `"));
        CHECK(messages(d).find("not a regular file") != std::string::npos);
    }
}

TEST_CASE("hostile files: names the file system refuses are positioned errors at `extends`, not exceptions") {
    TempDir dir;
    const std::string file = dir.write("file.toml", "x = 1\n");
    fs::create_symlink(dir.at("loop.toml"), dir.at("loop.toml"));
    const struct {
        std::string parent, message;
    } cases[] = {
        {std::string(300, 'p') + ".toml", "the name is too long"},
        {"loop.toml", "too many levels of symbolic links"},
        // A folder component that is a file (ENOTDIR): fails as root too, unlike permissions.
        {"file.toml/parent.toml", "does not exist"},
        {std::string(5000, 'a'), "the name is too long"},
    };
    for (const auto& c : cases) {
        const std::string child = dir.write("child.toml", "\n\n  extends = \"" + c.parent + "\"\n");
        Diagnostics d;
        CHECK_NOTHROW(CHECK_FALSE(load_agency_year(child, d)));
        INFO(messages(d));
        REQUIRE(d.items().size() == 1);
        CHECK(messages(d).starts_with(child + ":3:13: error: "));
        CHECK(messages(d).find(c.message) != std::string::npos);
    }
    if (::geteuid() != 0) {  // root reads a 0000 file anyway; the ENOTDIR case above runs as root
        const std::string locked = dir.write("locked.toml", "x = 1\n");
        ::chmod(locked.c_str(), 0);
        const std::string child = dir.write("child.toml", "extends = \"locked.toml\"\n");
        Diagnostics d;
        CHECK_FALSE(load_agency_year(child, d));
        CHECK(messages(d).starts_with(child + ":1:11: error: cannot read data file"));
        CHECK(messages(d).find("permission denied") != std::string::npos);
    }
}

TEST_CASE("hostile files: an image that is a FIFO or a device is an error at the key that names it") {
    TempDir dir;
    const std::string fifo = dir.at("logo.png");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    for (const std::string& image : {fifo, std::string("/dev/zero"), std::string("/dev/urandom")}) {
        const std::string text = with_line("nama = \"Dinas Contoh\"", "logo = \"" + image + "\"");
        const std::string file = dir.write("d.toml", text);
        Diagnostics d;
        CHECK_FALSE(load_agency_year(file, d));
        INFO(messages(d));
        CHECK(messages(d).starts_with(fmt::format("{}:{}:8: error: cannot read image `{}`: it is", file, line_of(text, "logo ="), image)));
    }
}

TEST_CASE("hostile files: a JPEG whose frame header comes after 100 KiB of APP segments is accepted") {
    TempDir dir;
    const std::string big = dir.write("big.jpg", jpeg(40, 30, 100 * 1024));
    REQUIRE(slurp(big).size() > 100 * 1024);
    std::string error;
    const auto info = read_image_info(big, error);
    INFO(error);
    REQUIRE(info);
    CHECK(info->format == ImageInfo::Format::jpeg);
    CHECK(info->width == 40);
    CHECK(info->height == 30);
    // ... and by the loader, at a logo key.
    const std::string text = with_line("nama = \"Dinas Contoh\"", "logo = \"big.jpg\"");
    Diagnostics d;
    CHECK(load_agency_year(dir.write("d.toml", text), d));
    CHECK(messages(d).empty());
    // The segments are walked by their lengths: a scan before any frame header, a truncated
    // segment or a zero size are damaged, never read past the end.
    std::string scan_first = jpeg(40, 30, 0);
    const std::size_t sof = scan_first.find("\xFF\xC0");
    scan_first.erase(sof, 2 + 17);
    CHECK_FALSE(image_info_of(scan_first, "x.jpg", error));
    CHECK(error == "image `x.jpg` is damaged (no size in its header)");
    const std::string whole = jpeg(40, 30, 70000);
    for (std::size_t cut : {std::size_t{3}, std::size_t{6}, std::size_t{40000}, whole.find("\xFF\xC0") + 5}) {
        CHECK_FALSE(image_info_of(std::string_view(whole).substr(0, cut), "x.jpg", error));
    }
    CHECK_FALSE(image_info_of(jpeg(0, 30, 0), "x.jpg", error));
    CHECK_FALSE(image_info_of("GIF89a", "x.gif", error));
    CHECK(error == "image `x.gif` is not a PNG or JPEG image");
}

TEST_CASE("hostile files: outputs that are devices, FIFOs, folders or inputs are refused") {
    TempDir dir;
    const std::string fifo = dir.at("out.fifo");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string error;
    CHECK_FALSE(write_output(fifo, "x", {}, error));
    CHECK(error.find("it is a FIFO (named pipe), not a regular file") != std::string::npos);
    struct stat st {};
    REQUIRE(::lstat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
    CHECK_FALSE(write_output(dir.path.string(), "x", {}, error));
    CHECK(error.find("it is a folder") != std::string::npos);
    // A device node of our own (as root): a regression must not destroy the machine's /dev/full.
    const std::string device = dir.at("full");
    if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 7)) == 0) {
        CHECK_FALSE(write_output(device, "x", {}, error));
        CHECK(error.find("it is a character device") != std::string::npos);
        REQUIRE(::lstat(device.c_str(), &st) == 0);
        CHECK(S_ISCHR(st.st_mode));
    }
    // The same file as an input, by any name: itself, a symlink, a hard link.
    const std::string input = dir.write("data.toml", "isi");
    fs::create_symlink(input, dir.at("link.toml"));
    fs::create_hard_link(input, dir.at("hard.toml"));
    const std::vector<FileIdentity> inputs{*identity_of(input)};
    for (const std::string& name : {input, dir.at("link.toml"), dir.at("hard.toml"), dir.at("./data.toml")}) {
        CHECK_FALSE(write_output(name, "PDF", inputs, error));
        CHECK(error.find("it is one of the input files") != std::string::npos);
    }
    CHECK(slurp(input) == "isi");
    CHECK(fs::is_symlink(dir.at("link.toml")));
    CHECK(check_output(dir.at("baru.pdf"), inputs).empty());
    CHECK(check_output("-", inputs).empty());
    CHECK_FALSE(check_output(std::string(300, 'n'), inputs).empty());
}

TEST_CASE("hostile files: a replaced output keeps its mode, and a symlinked one is written through") {
    TempDir dir;
    const std::string out = dir.write("out.pdf", "lama");
    REQUIRE(::chmod(out.c_str(), 0600) == 0);
    std::string error;
    REQUIRE(write_output(out, "baru", {}, error));
    struct stat st {};
    REQUIRE(::stat(out.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0600);
    CHECK(slurp(out) == "baru");
    // A new file: 0666 less the umask.
    const mode_t mask = ::umask(022);
    REQUIRE(write_output(dir.at("new.pdf"), "x", {}, error));
    ::umask(mask);
    REQUIRE(::stat(dir.at("new.pdf").c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0644);
    // Through a symlink: the file it names is replaced, the link stays.
    fs::create_symlink(out, dir.at("link.pdf"));
    REQUIRE(write_output(dir.at("link.pdf"), "lewat", {}, error));
    CHECK(fs::is_symlink(dir.at("link.pdf")));
    CHECK(slurp(out) == "lewat");
    // No temporary file stays behind.
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) ++entries;
    CHECK(entries == 3);
}

TEST_CASE("hostile files: temporary files of killed runs are removed, those of running ones kept") {
    TempDir dir;
    // A process that has ended: its pid names no process any more (until reused).
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    const std::string ours = temp_name_for(dir.at("LKjIP-a.pdf"), 0);  // this process: running
    const std::string host = ours.substr(ours.find(".pdf.") + 5, ours.find('.', ours.find(".pdf.") + 5) - ours.find(".pdf.") - 5);
    const std::string dead = dir.at(fmt::format(".LKjIP-a.pdf.{}.{}.0.tmp", host, child));
    const std::string dead_other_output = dir.at(fmt::format(".LKjIP-b.pdf.{}.{}.3.tmp", host, child));
    const std::string foreign_new = dir.at(fmt::format(".LKjIP-a.pdf.elsewhere.{}.0.tmp", child));
    const std::string foreign_old = dir.at(".LKjIP-a.pdf.elsewhere.12.0.tmp");
    const std::string not_ours = dir.at(".catatan.tmp");
    for (const auto& f : {ours, dead, dead_other_output, foreign_new, foreign_old, not_ours}) dir.write(fs::path(f).filename(), "x");
    struct utimbuf old_times {};
    old_times.actime = old_times.modtime = std::time(nullptr) - kStaleTempSeconds - 60;
    REQUIRE(::utime(foreign_old.c_str(), &old_times) == 0);

    CHECK(remove_stale_temp_files(dir.path.string(), "LKjIP-a.pdf") == 2);  // dead, foreign_old
    CHECK(fs::exists(dead_other_output));
    CHECK(remove_stale_temp_files(dir.path.string()) == 1);  // dead_other_output
    CHECK_FALSE(fs::exists(dead));
    CHECK_FALSE(fs::exists(foreign_old));
    CHECK(fs::exists(ours));         // a running process (this one) may still rename it
    CHECK(fs::exists(foreign_new));  // another machine's, written just now
    CHECK(fs::exists(not_ours));
}

TEST_CASE("hostile files: batch hashes exactly the bytes it loaded, and sees a file that changed") {
    TempDir dir;
    const std::string v1 = test::minimal_toml();
    std::string v2 = v1;
    v2.replace(v2.find("Dinas Contoh"), 12, "Dinas Diganti");
    const std::string file = dir.write("d.toml", v1);
    ReadLog log;
    Diagnostics d;
    const auto model = load_agency_year(file, d);
    REQUIRE(model);
    // The file is replaced after it was loaded, before the hash: the record is of what was built.
    dir.write("d.toml", v2);
    REQUIRE(log.reads().size() == 1);
    CHECK(log.reads()[0].digest == digest_of(v1));
    CHECK(model->instansi.nama.value == "Dinas Contoh");
    const std::string built = cli::document_hash(log.reads(), "shared");
    {
        ReadLog again;
        Diagnostics d2;
        REQUIRE(load_agency_year(file, d2));
        CHECK(cli::document_hash(again.reads(), "shared") != built);  // the next run rebuilds
    }
    // The inner log passed its read on: one path, two contents.
    REQUIRE(log.reads().size() == 2);
    CHECK(cli::changed_while_built(log.reads()) == file);
    CHECK(cli::changed_while_built({log.reads()[0]}).empty());

    // The record: the loaded files are in the hash, the other files read are listed.
    std::vector<FileRead> reads{log.reads()[0], FileRead{"font.ttf", {}, 0xabcdefull, 3}, FileRead{"font.ttf", {}, 0xabcdefull, 3}};
    const std::string text = cli::record_text("0123456789abcdef", 7, file, reads, 1);
    CHECK(text == fmt::format("hash 0123456789abcdef\npages 7\ninput {}\nread 0000000000abcdef font.ttf\n", file));
    const auto record = cli::parse_record(text);
    REQUIRE(record);
    CHECK(record->hash == "0123456789abcdef");
    CHECK(record->pages == 7);
    REQUIRE(record->reads.size() == 1);
    CHECK(record->reads[0] == std::make_pair(std::string("font.ttf"), std::uint64_t{0xabcdef}));
    CHECK_FALSE(cli::parse_record("pages 3\n"));
    CHECK_FALSE(cli::parse_record("hash x\nread 12 f\n"));
    CHECK(cli::record_text("h", 1, "a\nb.toml", {}, 0).empty());  // cannot be one line: no record
}

TEST_CASE("hostile files: a PNG whose pixel data is damaged is an error at the key that names it") {
    TempDir dir;
    // A real 64 x 64 grey PNG, written by libpng, then a byte of its compressed rows changed:
    // the header still reads, the rows fail their checksum.
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = 64;
    image.height = 64;
    image.format = PNG_FORMAT_GRAY;
    std::vector<png_byte> pixels(64 * 64);
    for (std::size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<png_byte>(i * 7);
    png_alloc_size_t size = 0;
    REQUIRE(png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr));
    std::string png(size, '\0');
    REQUIRE(png_image_write_to_memory(&image, png.data(), &size, 0, pixels.data(), 0, nullptr));
    png.resize(size);
    std::string error;
    REQUIRE(image_info_of(png, "good.png", error));
    std::string damaged = png;
    const std::size_t idat = damaged.find("IDAT");
    REQUIRE(idat != std::string::npos);
    damaged[idat + 10] = static_cast<char>(damaged[idat + 10] ^ 0x5A);
    dir.write("good.png", png);
    dir.write("bad.png", damaged);
    CHECK_FALSE(image_info_of(damaged, "bad.png", error));
    CHECK(error.starts_with("image `bad.png`: "));
    const std::string good_text = with_line("nama = \"Dinas Contoh\"", "logo = \"good.png\"");
    Diagnostics ok;
    CHECK(load_agency_year(dir.write("g.toml", good_text), ok));
    const std::string text = with_line("nama = \"Dinas Contoh\"", "logo = \"bad.png\"");
    const std::string file = dir.write("d.toml", text);
    Diagnostics d;
    CHECK_FALSE(load_agency_year(file, d));
    INFO(messages(d));
    CHECK(messages(d).starts_with(fmt::format("{}:{}:8: error: image `{}`: ", file, line_of(text, "logo ="), dir.at("bad.png"))));
}
