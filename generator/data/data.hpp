// The data stage: one agency-year TOML file (and the parents it extends) into the typed model
// of model/model.hpp, validated; and the lints of `lkjip check`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"
#include "model/model.hpp"

namespace lkjip {

// The largest staff or facility count a data file may hold (no dinas has more); `lkjip import`
// refuses a larger one at its cell, so what it writes always loads.
inline constexpr std::int64_t kMaxCount = 1'000'000;

// Limits on what a data file may hold, with the reason for each (docs/data-format.md).
struct LoadLimits {
    std::size_t max_file_bytes = 8u << 20;  // hand-written data; 8 MiB is 100× the largest sample
    int max_extends_depth = 8;              // region > province > national defaults is 3
    std::size_t max_parts = 64;             // `sertakan`: a budget, staff tables, realisasi per
                                            // bidang is a handful; 64 bounds the files one load opens
};

// Reads `path`, follows `extends`, maps every key to the model and checks references.
// Returns nullopt when any error was found; every error is in `diags` with its position.
std::optional<AgencyYear> load_agency_year(const std::string& path, Diagnostics& diags,
                                           const LoadLimits& limits = {});

// The same from text already in memory; `name` is used in messages and to resolve `extends`
// and image paths (relative to its folder).
std::optional<AgencyYear> load_agency_year_text(std::string_view text, const std::string& name,
                                                Diagnostics& diags, const LoadLimits& limits = {});

// The part files a data file names in `sertakan`, as paths from the current folder (relative to
// the file's folder, normalised); none when it names none or cannot be read or parsed (loading
// the file reports that). `lkjip batch` does not build a part as a document of its own.
std::vector<std::string> included_parts(const std::string& path);

// `lkjip next`: the data file of the year after this one's (docs/next.md). What stays is
// carried (instansi, organisation, Renstra and its targets, indicators and their realisasi as
// history, the program tree's codes and names); what belongs to the year reported is left out
// (money, the PK's date, the year's prose, photos, awards), and `to_fill` lists it. `output` is
// where the file will be written, so its `extends` path still names the parent.
struct NextYearFile {
    std::string text;                   // the new data file, TOML
    int year = 0;                       // its laporan.tahun
    std::vector<std::string> to_fill;   // what the planner fills in anew, one line each
};
std::optional<NextYearFile> next_year_file(const std::string& path, const std::string& output, Diagnostics& diags);

// Warnings for the mistakes ../shared/DOMAIN.md §6 found in real reports that the data alone
// can reveal (stated totals that are not sums, PK targets that differ from the Renstra, …).
void lint_agency_year(const AgencyYear& data, Diagnostics& diags);

}  // namespace lkjip
