// The pure parts of `lkjip batch` (docs/cli.md): output names, the shard split, JSON strings,
// the hash of a document and its record. Header-only so tests/unit/test_batch.cpp can test them without the executable.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "common/digest.hpp"
#include "common/file_read.hpp"
#include "common/utf8.hpp"
#include "model/model.hpp"
#include "report/report.hpp"

namespace lkjip::cli {

// Lower-case ASCII letters and digits, every other run of characters one hyphen, none at the
// ends: "Dindagkop UKM" -> "dindagkop-ukm", "Kota Pekalongan" -> "kota-pekalongan". Bytes of
// non-ASCII characters count as separators.
inline std::string slug(std::string_view text) {
    std::string out;
    bool pending_hyphen = false;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) {
            pending_hyphen = !out.empty();
            continue;
        }
        if (pending_hyphen) out += '-';
        pending_hyphen = false;
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
}

// LKjIP-<tahun>-<instansi>-<pemda>.pdf, the instansi by its singkatan when it has one; the PK
// and the IKU decree of the same data beside it as PK-… and IKU-….
inline std::string output_name(int tahun, std::string_view instansi, std::string_view pemda, std::string_view prefix = "LKjIP") {
    std::string agency = slug(instansi);
    if (agency.empty()) agency = "instansi";
    std::string region = slug(pemda);
    if (region.empty()) region = "pemda";
    return fmt::format("{}-{}-{}-{}.pdf", prefix, tahun, agency, region);
}

inline std::string output_name(const AgencyYear& data, report::DocumentKind kind = report::DocumentKind::lkjip) {
    const std::string& agency = data.instansi.singkatan && !slug(data.instansi.singkatan->value).empty()
                                    ? data.instansi.singkatan->value
                                    : data.instansi.nama.value;
    const char* prefix = kind == report::DocumentKind::pk      ? "PK"
                         : kind == report::DocumentKind::iku   ? "IKU"
                         : kind == report::DocumentKind::renja ? "Renja"
                                                               : "LKjIP";
    // A Renja is named by the year it plans, which may follow the report year.
    const int year = kind == report::DocumentKind::renja && data.renja ? data.renja->tahun.value : data.laporan.tahun.value;
    return output_name(year, agency, data.pemda.nama.value, prefix);
}

struct Shard {
    std::size_t index = 1;  // 1-based
    std::size_t count = 1;
};

// "I/N" with 1 <= I <= N; nullopt when malformed.
inline std::optional<Shard> parse_shard(std::string_view text) {
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    auto number = [](std::string_view s) -> std::optional<std::size_t> {
        if (s.empty() || s.size() > 9) return std::nullopt;
        std::size_t v = 0;
        for (char c : s) {
            if (c < '0' || c > '9') return std::nullopt;
            v = v * 10 + static_cast<std::size_t>(c - '0');
        }
        return v;
    };
    const auto i = number(text.substr(0, slash));
    const auto n = number(text.substr(slash + 1));
    if (!i || !n || *n == 0 || *i == 0 || *i > *n) return std::nullopt;
    return Shard{*i, *n};
}

// Document k (0-based, in the sorted list of every document found) belongs to shard (k mod N)+1:
// the shards differ in size by at most one, and every machine computes the same split from the
// same PATHs.
inline bool in_shard(std::size_t k, const Shard& shard) { return k % shard.count + 1 == shard.index; }

// A JSON string literal (RFC 8259): quotes, backslash and control characters escaped; valid
// UTF-8 passed through, each invalid byte (a file name, a quoted line of a binary file) as
// U+FFFD, so the output always parses.
inline std::string json_string(std::string_view text) {
    std::string out = "\"";
    std::size_t i = 0;
    while (i < text.size()) {
        const char ch = text[i];
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80) {
            const std::size_t len = utf8::sequence_at(text, i).length;
            if (len == 0) {
                out += "\\ufffd";
                ++i;
            } else {
                out.append(text.substr(i, len));
                i += len;
            }
            continue;
        }
        switch (ch) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20 || c == 0x7f) out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
                else out += ch;
        }
        ++i;
    }
    out += '"';
    return out;
}

// ---- the incremental record (docs/cli.md, "Incremental") ----------------------------------

// The hash of a document: the shared inputs and exactly the bytes the loader read (the data file,
// its `extends` parents, the images the data names, checked while loading), each by its digest
// (common/file_read.hpp's ReadLog), in the order read. Hashing what was read, not reading the
// files again, means a file replaced during the run cannot give a PDF of one content recorded
// under the hash of another (issue 18, class 10).
inline std::string document_hash(const std::vector<FileRead>& loaded, const std::string& shared) {
    Fnv1a64 h;
    h.field(shared);
    for (const auto& r : loaded) {
        h.field(r.path);
        h.field(fmt::format("{} {:016x}", r.size, r.digest));
    }
    return h.hex();
}

// The record kept beside each output (OUTDIR/.lkjip/NAME.inputs): the hash of what was loaded,
// the page count, and every other file the build read (templates, fonts, images named in
// Markdown) with its digest, which must still match for the output to be up to date. One small
// file per output, so concurrent shards writing into one shared folder never contend for a
// common manifest.
struct Record {
    std::string hash;
    std::size_t pages = 0;
    std::vector<std::pair<std::string, std::uint64_t>> reads;  // path, digest
};

// The record's lines: "hash H", "pages N", "input PATH", then "read DIGEST PATH" per file;
// nullopt when it has no hash or a malformed read line (the document is then rebuilt).
inline std::optional<Record> parse_record(std::string_view text) {
    Record r;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        const std::size_t space = line.find(' ');
        if (space == std::string_view::npos) continue;
        const std::string_view key = line.substr(0, space), value = line.substr(space + 1);
        if (key == "hash") r.hash = std::string(value);
        if (key == "pages") r.pages = static_cast<std::size_t>(std::strtoull(std::string(value).c_str(), nullptr, 10));
        if (key == "read") {  // the digest is 16 hex digits
            if (value.size() < 18 || value[16] != ' ' || value.substr(0, 16).find_first_not_of("0123456789abcdef") != std::string_view::npos)
                return std::nullopt;
            r.reads.emplace_back(std::string(value.substr(17)), std::strtoull(std::string(value.substr(0, 16)).c_str(), nullptr, 16));
        }
    }
    if (r.hash.empty()) return std::nullopt;
    return r;
}

// The first file read twice with different contents during one document ("" when none): its PDF
// may mix two versions, so it gets no record and the next run builds it again.
inline std::string changed_while_built(const std::vector<FileRead>& reads) {
    std::map<std::string, std::uint64_t> seen;
    for (const auto& r : reads) {
        const std::string key = std::filesystem::path(r.path).lexically_normal().string();
        const auto [it, fresh] = seen.emplace(key, r.digest);
        if (!fresh && it->second != r.digest) return r.path;
    }
    return "";
}

// The record's text; "" when a path cannot be written on one line (it then has no record).
inline std::string record_text(const std::string& hash, std::size_t pages, const std::string& input, const std::vector<FileRead>& reads,
                        std::size_t loaded) {
    if (input.find_first_of("\n\r") != std::string::npos) return "";
    std::string out = fmt::format("hash {}\npages {}\ninput {}\n", hash, pages, input);
    std::set<std::string> listed;  // the loaded files are in the hash already
    for (std::size_t i = 0; i < loaded && i < reads.size(); ++i) listed.insert(reads[i].path);
    for (std::size_t i = loaded; i < reads.size(); ++i) {
        const FileRead& r = reads[i];
        if (!listed.insert(r.path).second) continue;
        if (r.path.find_first_of("\n\r") != std::string::npos) return "";
        out += fmt::format("read {:016x} {}\n", r.digest, r.path);
    }
    return out;
}

}  // namespace lkjip::cli
