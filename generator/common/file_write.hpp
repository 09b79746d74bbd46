// Writing an output: the one way every lkjip command writes a file or standard output (build -o
// and --md, render -o, preview -o, batch's PDFs and records, init FILE; issue 18, classes 8, 9
// and 10).
//
// A file is written to a temporary file in the target's folder, flushed to disk and renamed over
// the target, so a failed or killed run leaves the old file or the whole new one. Before that,
// the target is refused when it exists and is not a regular file (a device such as /dev/full, a
// FIFO, a folder, a socket: renaming over it would replace the device node), when it is the same
// file (st_dev, st_ino, so also through a symlink or a hard link) as one of the inputs, and when
// it is lkjip's own standard input, output or error (`-o /dev/stdout`: `-` is standard output).
// An existing file keeps its permission bits (and owner, where allowed); a new one gets 0666
// less the umask. A symlink to a regular file is written through: the file it names is replaced,
// the link stays.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/file_read.hpp"

namespace lkjip {

// Writes `bytes` to `path` ("-": standard output, write_stdout). `inputs` are the files the
// output was made from (ReadLog::identities()). False with `error` (a sentence naming `path`).
// `tidy`: afterwards remove the stale temporary files of this output (remove_stale_temp_files);
// `lkjip batch` passes false and tidies its whole output folder once instead.
bool write_output(const std::string& path, std::string_view bytes, const std::vector<FileIdentity>& inputs,
                  std::string& error, bool tidy = true);

// The checks of write_output without writing: "" when `path` may be written, else why not.
std::string check_output(const std::string& path, const std::vector<FileIdentity>& inputs);

// Writes all of `bytes` to standard output and flushes it; every write and the flush are
// checked, so a full disk or a closed pipe is an error (`> /dev/full`), not a silent exit 0.
bool write_stdout(std::string_view bytes, std::string& error);

// Temporary files are named `.NAME.HOST.PID.N.tmp` (HOST: this machine's name, letters, digits
// and hyphens). A killed run leaves one behind; the next run in that folder removes every such
// file that was made on this machine by a process that no longer runs, or that is older than
// kStaleTempSeconds whoever made it (a temporary file lives for the seconds one write takes, so
// an old one belongs to no running write, even from another machine sharing the folder).
// `name`: only the temporary files of that output ("" : all). Returns how many were removed.
constexpr long kStaleTempSeconds = 3600;
std::size_t remove_stale_temp_files(const std::string& folder, const std::string& name = "");

// The temporary name write_output uses for `path` (the `counter`th of this process).
std::string temp_name_for(const std::string& path, unsigned counter);

}  // namespace lkjip
