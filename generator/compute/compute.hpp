// The computations: every figure of the report derived from the raw values of the model.
// Pure functions, no I/O and no formatting (idformat.hpp writes the results). Formulas from
// ../shared/DOMAIN.md §3, each citing the seed table it reproduces.
//
// Values are computed from stored values and classified at display precision: a capaian that
// prints as 100,00 counts as reached and a capaian that prints as 90,00 is not "> 90", so a
// sentence can never contradict the number printed beside it (DOMAIN.md §3 Rounding, §6).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace lkjip::compute {

// ---- capaian of one indicator -------------------------------------------------------------

// Why a capaian cannot be measured; `none` when it can.
enum class Unmeasurable { none, no_target, no_realisasi, zero_target, negative_target, zero_realisasi };

struct Capaian {
    std::optional<double> persen;  // nullopt: "tidak dapat diukur"
    Unmeasurable reason = Unmeasurable::none;
    // Target 0 and realisasi 0 on a negative indicator, achieved at 100 under target_nol =
    // "tercapai": the sentence says why the ratio is not computed (issue 16).
    bool zero_zero = false;
    [[nodiscard]] bool measurable() const { return persen.has_value(); }
};

// Positive polarity: realisasi / target × 100 (seeds 000, 002, 004). Negative polarity:
// target / realisasi × 100 (seed 002) or (2·target − realisasi) / target × 100, a setting.
// No cap (seeds print 122, 198,80, 440,36) and negative results stay negative (seed 002 Tabel
// 3.5: -13,72 of 3,69 gives -371,85). Target 0 or negative, missing data, and realisasi 0 under
// target/realisasi give "tidak dapat diukur" with the reason. A negative indicator with target 0
// and realisasi 0 (no cases against a target of none) is achieved at 100 under
// ZeroTarget::achieved, the offices' reading and the default of [pengaturan] target_nol (issue 16).
Capaian capaian(std::optional<double> target, std::optional<double> realisasi, Polarity polarity,
                NegativeFormula negative_formula, ZeroTarget zero_target = ZeroTarget::achieved);

// Whether a capaian, at display precision, lies in the plausible band [min, max] of
// [pengaturan] capaian_wajar_min/maks. Outside it the figure is printed in its table but never
// classified in a sentence, headlined or judged efficient (issue 16).
bool plausible(double capaian_persen, double min, double max, int decimals);

// An Indonesian phrase for the reason, to complete "tidak dapat diukur karena …".
std::string unmeasurable_reason_text(Unmeasurable reason);

// "Tercapai" when the capaian, rounded to the displayed decimals, is at least 100.
bool tercapai(double capaian_persen, int decimals);

// ---- the scale ----------------------------------------------------------------------------

// Presets of DOMAIN.md §3 (docs/data-format.md lists them); nullopt for an unknown name.
std::optional<Scale> scale_preset(std::string_view name);
const std::vector<std::string>& scale_preset_names();
// Index of the band (0 = highest) a capaian falls in, compared at display precision.
std::size_t band_index(const Scale& scale, double capaian_persen, int decimals);

// ---- groups: sasaran, tujuan, the whole IKU set ---------------------------------------------

struct Counts {
    int tercapai = 0;        // capaian ≥ 100
    int tidak_tercapai = 0;  // capaian < 100
    int tidak_terukur = 0;   // not measurable
    [[nodiscard]] int total() const { return tercapai + tidak_tercapai + tidak_terukur; }
};

// How members' capaian enter a group value ([pengaturan] rata_rata, rata_rata_min/maks,
// capaian_wajar_min/maks). The default-constructed policy takes the values as computed.
struct AveragePolicy {
    AverageRule rule = AverageRule::as_is;
    double min = 0, max = 120;                        // the clamp of AverageRule::capped
    double plausible_min = 0, plausible_max = 300;  // the plausible band
};
AveragePolicy average_policy(const Settings& s);

// A member whose capaian entered the group value changed by the clamp: its index among the
// members, the computed capaian and the value used.
struct Clamped {
    std::size_t member = 0;
    double computed = 0, used = 0;
};

struct GroupCapaian {
    std::optional<double> persen;  // nullopt when no member is measurable
    Counts counts;
    // The arithmetic mean of the values used, whatever the method: what efficiency compares with
    // serapan (a class mean of data kelompok is no achievement, issue 16).
    std::optional<double> rata_rata;
    std::vector<Clamped> clamped;           // in member order
    std::vector<Clamped> implausible;       // members whose own capaian is outside the band
    std::vector<std::size_t> unmeasured;    // members left out as not measurable, in order
    // Every value used lies in the plausible band and some member's own capaian is plausible: the
    // group value may be classified and headlined.
    bool plausible = true;
};

// Arithmetic mean of the measurable capaian (seed 002 §3.2.1), or the "metode rata-rata data
// kelompok": Σ (members in band × band's class mean) / measurable members (seeds 000, 002).
// Under AverageRule::capped each capaian is first clamped to [min, max] (and classified as
// clamped under data kelompok), so one implausible input cannot carry the mean.
GroupCapaian group_capaian(const std::vector<Capaian>& members, GroupMethod method, const Scale& scale,
                           int decimals, const AveragePolicy& policy = {});

// ---- over the years ---------------------------------------------------------------------------

enum class Trend { naik, tetap, turun };
// Compared at display precision: 85,45 -> 85,75 is naik; 5,90 -> 5,90 is tetap.
std::optional<Trend> trend(std::optional<double> previous, std::optional<double> current, int decimals);
// Whether the movement is an improvement given the polarity (naik is better for positive).
std::optional<bool> trend_better(Trend t, Polarity polarity);

// Realisasi to date for the progress against the Renstra end target: the last realised value
// (data terakhir) or the sum over the period up to `year` (kumulatif). `from_year`, when given,
// receives the last year the value takes a realisasi from, so that a sentence never labels last
// year's value "sampai dengan" this year (issue 16).
std::optional<double> realisasi_to_date(const std::map<int, double>& realisasi, int first_year, int year,
                                        Aggregation tipe, std::optional<int>* from_year = nullptr);

// A realisasi against a standard (standar nasional), by polarity and at display precision.
enum class Standing { better, equal, below };
Standing standing(double realisasi, double standard, Polarity polarity, int decimals);
// End-of-Renstra target: explicit, else the last year's target (data terakhir) or the sum of
// the yearly targets (kumulatif).
std::optional<double> end_target(const std::map<int, double>& targets, std::optional<double> explicit_target,
                                 int last_year, Aggregation tipe);

// ---- money ----------------------------------------------------------------------------------

// Exact addition; false on int64 overflow (the caller reports it, never a wrong total).
[[nodiscard]] bool add_money(Money& into, Money amount);
// realisasi / pagu × 100; nullopt when pagu is 0.
std::optional<double> persen_of(Money part, Money whole);

// ---- efficiency -------------------------------------------------------------------------------

struct Efisiensi {
    std::optional<double> nilai;  // the ratio rule's percentage; nullopt under "perbandingan"
    std::optional<double> capaian;  // the achievement compared with serapan
    bool efisien = false;
    bool measurable = false;
    // Not judged: a member's capaian is outside the plausible band (issue 16: a figure no one
    // would sign is never called efficient, even clamped).
    bool implausible = false;
};
// "rasio": ((capaian / serapan) − 1) × 100, efficient when > 0 (seed 002: 122,71 / 95,39 gives
// 28,64). "perbandingan": efficient when capaian > serapan (seed 004). Both compared at display
// precision.
Efisiensi efisiensi(std::optional<double> capaian_persen, std::optional<double> serapan_persen,
                    EfficiencyRule rule, int decimals);

// ---- the whole report ----------------------------------------------------------------------------

struct IndicatorResult {
    std::map<int, double> realisasi;  // per year: typed, or computed from `rumus` and components
    std::map<int, double> target;     // Renstra targets per year
    std::optional<double> target_tahun;  // PK target of the report year
    std::optional<double> realisasi_tahun;
    Capaian capaian;
    std::optional<std::size_t> band;
    bool tercapai = false;
    std::optional<double> realisasi_sebelumnya;  // the year before the report year
    std::optional<Trend> trend;
    std::optional<bool> trend_better;
    std::optional<double> realisasi_sd;  // to date, for the end target
    std::optional<int> realisasi_sd_tahun;  // the last year realisasi_sd takes a value from
    std::optional<double> target_akhir;
    Capaian progres;  // realisasi to date vs end target
    std::optional<std::size_t> progres_band;
};

struct BudgetTotals {
    Money pagu_penetapan;  // sum of pagu
    Money pagu;            // sum of pagu_perubahan where given, else pagu: the pagu in force
    Money realisasi;
    bool has_realisasi = false;
    std::optional<double> serapan;  // realisasi / pagu × 100
};

struct ActivityIndicatorResult {
    Capaian capaian;
    std::optional<std::size_t> band;
    bool tercapai = false;
};

struct ActivityResult {  // mirrors model Activity
    BudgetTotals budget;
    std::vector<ActivityIndicatorResult> indikator;
    std::vector<ActivityResult> children;
};

struct GroupResult {  // a sasaran or a tujuan
    std::vector<std::size_t> indicators;  // indexes into AgencyYear::indikator
    // A tujuan without indicators of its own is measured by its sasaran: the members of
    // `capaian` are then these indexes into renstra.sasaran.
    std::vector<std::size_t> member_sasaran;
    GroupCapaian capaian;
    std::optional<std::size_t> band;
    BudgetTotals budget;               // sasaran: programs / kegiatan mapped to it
    // sasaran: the kegiatan behind it, as (program index, kegiatan index) into AgencyYear::program
    std::vector<std::pair<std::size_t, std::size_t>> kegiatan;
    // Parallel to `kegiatan`: the sub kegiatan index when only that sub kegiatan serves (its own
    // `sasaran`, seed 004 Tabel 8), kWholeKegiatan when the whole kegiatan does.
    std::vector<std::size_t> kegiatan_sub;
    std::optional<double> share;       // of the agency total pagu, %
    Efisiensi efisiensi;
};

struct UrusanResult {
    std::string kode;
    std::vector<std::size_t> programs;  // indexes into AgencyYear::program
    BudgetTotals budget;
};

struct StaffResult {
    std::vector<std::int64_t> row_total;               // per row
    std::vector<std::int64_t> column_laki, column_perempuan, column_jumlah;  // per group
    std::vector<std::int64_t> group_total;             // per group, L + P
    std::int64_t total = 0;
};

struct ReportValues {
    std::vector<IndicatorResult> indikator;  // parallel to AgencyYear::indikator
    std::vector<GroupResult> sasaran;        // parallel to renstra.sasaran
    std::vector<GroupResult> tujuan;         // parallel to renstra.tujuan
    GroupResult iku;                         // all IKU of the sasaran
    GroupResult tujuan_semua;                // all indicators of all tujuan
    std::vector<ActivityResult> program;     // parallel to AgencyYear::program
    std::vector<UrusanResult> urusan;        // in order of first program
    BudgetTotals total;
    std::vector<StaffResult> pegawai;        // parallel to AgencyYear::pegawai
    std::vector<std::string> overflow;       // budget sums that overflowed (named), normally empty
};

ReportValues compute_report(const AgencyYear& data);

// Whether kegiatan `k` of program `p` serves sasaran `id`: the kegiatan's own `sasaran` list
// when it has one, else its program's (seed 002 Sasaran 2 takes single kegiatan of a program).
bool kegiatan_serves(const Activity& p, const Activity& k, const std::string& id);

inline constexpr std::size_t kWholeKegiatan = static_cast<std::size_t>(-1);

// Whether sub kegiatan `sub` of kegiatan `k` of program `p` serves sasaran `id`: the nearest
// `sasaran` list of the three levels.
bool sub_kegiatan_serves(const Activity& p, const Activity& k, const Activity& sub, const std::string& id);

// Realisasi per year of an indicator: the typed values, replaced by `rumus` over the components
// where every component has a value. Years where the formula divides by zero are left out.
std::map<int, double> indicator_realisasi(const Indicator& indicator);

}  // namespace lkjip::compute
