// common/file_read: every input file is a regular file read up to its limit (issue 18, class 1).
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

#include "common/digest.hpp"
#include "common/file_cache.hpp"
#include "common/file_read.hpp"
#include "fixture.hpp"

using namespace lkjip;
using test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("file_read: a regular file is read whole, and the limit is on the bytes read") {
    TempDir dir;
    const std::string file = (dir.path / "a.txt").string();
    std::ofstream(file) << "halo dunia";
    auto ok = read_regular_file(file, 100, "data file");
    REQUIRE(ok.ok());
    CHECK(ok.bytes == "halo dunia");
    CHECK(read_regular_file(file, 10).ok());
    auto big = read_regular_file(file, 9, "data file");
    CHECK(big.error == FileError::too_large);
    CHECK(big.message.find("larger than 9 bytes") != std::string::npos);
    auto prefix = read_regular_file_prefix(file, 4);
    REQUIRE(prefix.ok());
    CHECK(prefix.bytes == "halo");
}

TEST_CASE("file_read: special files are refused without blocking or reading them") {
    TempDir dir;
    const std::string fifo = (dir.path / "pipe").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto f = read_regular_file(fifo, 1 << 20, "data file");  // would hang forever if opened blocking
    CHECK(f.error == FileError::not_regular);
    CHECK(f.message.find("FIFO") != std::string::npos);
    CHECK(read_regular_file("/dev/zero", 1 << 20).error == FileError::not_regular);
    CHECK(read_regular_file(dir.path.string(), 1 << 20).error == FileError::not_regular);
    CHECK_FALSE(is_regular_file_nothrow(fifo));
    CHECK_FALSE(is_regular_file_nothrow("/dev/null"));
}

TEST_CASE("file_read: missing, too long, looping and unreadable names are errors, not exceptions") {
    TempDir dir;
    CHECK(read_regular_file((dir.path / "nope").string(), 10).error == FileError::not_found);
    CHECK(read_regular_file((dir.path / "nope" / "deeper").string(), 10).error == FileError::not_found);
    CHECK(read_regular_file(std::string(300, 'a') + ".toml", 10).error == FileError::name_too_long);
    const auto loop = dir.path / "loop";
    fs::create_symlink(loop, loop);
    CHECK(read_regular_file(loop.string(), 10).error == FileError::loop);
    CHECK(read_regular_file("", 10).error == FileError::not_found);
    CHECK(read_regular_file(std::string("a\0b", 3), 10).error == FileError::not_found);
    if (::geteuid() != 0) {  // root reads a 0000 file anyway
        const std::string locked = (dir.path / "locked").string();
        std::ofstream(locked) << "x";
        ::chmod(locked.c_str(), 0);
        CHECK(read_regular_file(locked, 10).error == FileError::permission);
    }
}

TEST_CASE("file_cache: a file is read once, served again while unchanged, and read again when replaced") {
    TempDir dir;
    const std::string file = (dir.path / "font.ttf").string();
    std::ofstream(file) << "versi satu";
    ReadLog log;
    const CachedFile first = read_cached_file(file, 100, "font file");
    REQUIRE(first.ok());
    CHECK(*first.bytes == "versi satu");
    const CachedFile again = read_cached_file(file, 100, "font file");
    REQUIRE(again.ok());
    CHECK(again.bytes == first.bytes);  // the same bytes, not read again
    // Both reads are in the log, with the digest of the bytes used.
    REQUIRE(log.reads().size() == 2);
    CHECK(log.reads()[1].digest == digest_of("versi satu"));
    CHECK(log.reads()[1].path == file);
    // Replaced (another size, another inode): read again.
    const std::string other = (dir.path / "other.ttf").string();
    std::ofstream(other) << "versi kedua, lebih panjang";
    fs::rename(other, file);
    const CachedFile replaced = read_cached_file(file, 100, "font file");
    REQUIRE(replaced.ok());
    CHECK(*replaced.bytes == "versi kedua, lebih panjang");
    CHECK(*first.bytes == "versi satu");  // a holder of the old bytes keeps them
    // The limit holds for a cached file too.
    CHECK(read_cached_file(file, 5, "font file").error == FileError::too_large);
}

TEST_CASE("file_cache: a missing file or a FIFO is an error, never cached") {
    TempDir dir;
    const std::string missing = (dir.path / "none.ttf").string();
    const CachedFile a = read_cached_file(missing, 100, "font file");
    CHECK(!a.ok());
    CHECK(a.error == FileError::not_found);
    const std::string fifo = (dir.path / "pipe.ttf").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const CachedFile b = read_cached_file(fifo, 100, "font file");
    CHECK(!b.ok());
    CHECK(b.error == FileError::not_regular);
}
