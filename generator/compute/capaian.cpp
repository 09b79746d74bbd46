// Capaian, the predikat scales, group capaian, trends, progress and efficiency (DOMAIN.md §3).
#include <algorithm>
#include <cmath>

#include "compute/compute.hpp"
#include "compute/idformat.hpp"

namespace lkjip::compute {

Capaian capaian(std::optional<double> target, std::optional<double> realisasi, Polarity polarity,
                NegativeFormula negative_formula, ZeroTarget zero_target) {
    if (!target) return {std::nullopt, Unmeasurable::no_target};
    if (!realisasi) return {std::nullopt, Unmeasurable::no_realisasi};
    const double t = *target, r = *realisasi;
    // Zero cases against a target of zero: the office met its target, though no ratio exists.
    if (t == 0 && r == 0 && polarity == Polarity::negative && zero_target == ZeroTarget::achieved) {
        return {100.0, Unmeasurable::none, true};
    }
    // A target of 0 has no ratio; a negative target turns "more is better" upside down, so
    // neither gives a meaningful percentage.
    if (t == 0) return {std::nullopt, Unmeasurable::zero_target};
    if (t < 0) return {std::nullopt, Unmeasurable::negative_target};
    if (polarity == Polarity::positive) return {r / t * 100.0, Unmeasurable::none};
    if (negative_formula == NegativeFormula::two_target_minus_realisasi) {
        return {(2.0 * t - r) / t * 100.0, Unmeasurable::none};
    }
    if (r == 0) return {std::nullopt, Unmeasurable::zero_realisasi};
    return {t / r * 100.0, Unmeasurable::none};
}

std::string unmeasurable_reason_text(Unmeasurable reason) {
    switch (reason) {
    case Unmeasurable::none: return "";
    case Unmeasurable::no_target: return "target tahun ini tidak ditetapkan";
    case Unmeasurable::no_realisasi: return "data realisasi belum tersedia";
    case Unmeasurable::zero_target: return "targetnya bernilai nol";
    case Unmeasurable::negative_target: return "targetnya bernilai negatif";
    case Unmeasurable::zero_realisasi: return "realisasi bernilai nol pada indikator dengan rumus target/realisasi";
    }
    return "";
}

bool plausible(double capaian_persen, double min, double max, int decimals) {
    const double shown = idfmt::round_half_up(capaian_persen, decimals);
    return shown >= min && shown <= max;
}

bool tercapai(double capaian_persen, int decimals) {
    return idfmt::round_half_up(capaian_persen, decimals) >= 100.0;
}

// ---- scales -----------------------------------------------------------------------------------

namespace {

ScaleBand band(std::optional<double> bound, const char* predikat, const char* kategori) {
    return ScaleBand{bound, false, predikat, kategori, std::nullopt};
}

// The class mean of each band for the metode rata-rata data kelompok is the midpoint of the band's
// range on 0-100, computed from the bounds so that it cannot drift from them: seed 002's
// 95 / 82,5 / 70 / 57,5 / 25 are (90+100)/2 … (0+50)/2. `step` is where a band starts above its
// bound: 0 for the continuous ranges of the seeds, 1 for a regulation that writes integer ranges
// (Permendagri 86/2017: 91-100, 76-90, …, whose means are 95,5 / 83 / 70,5 / 58 / 25).
Scale with_class_means(std::string name, std::vector<ScaleBand> bands, double step) {
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const double upper = i == 0 ? 100.0 : *bands[i - 1].bound;
        const double lower = bands[i].bound ? *bands[i].bound + step : 0.0;
        bands[i].nilai_tengah = (lower + upper) / 2.0;
    }
    return Scale{std::move(name), std::move(bands)};
}

const std::vector<std::pair<std::string, Scale>>& presets() {
    static const std::vector<std::pair<std::string, Scale>> all = {
        // Seed 002 Tabel 3.1 (Permendagri 54/2010); its class means on the same page.
        {"permendagri-54-2010",
         with_class_means("permendagri-54-2010",
                          {band(90, "Sangat Tinggi", "Sangat Berhasil"), band(75, "Tinggi", "Berhasil"),
                           band(65, "Sedang", "Cukup Berhasil"), band(50, "Rendah", "Tidak Berhasil"),
                           band(std::nullopt, "Sangat Rendah", "Sangat Tidak Berhasil")},
                          0)},
        // Permendagri 86/2017 (RKPD evaluation), integer ranges.
        {"permendagri-86-2017",
         with_class_means("permendagri-86-2017",
                          {band(90, "Sangat Tinggi", ""), band(75, "Tinggi", ""), band(65, "Sedang", ""),
                           band(50, "Rendah", ""), band(std::nullopt, "Sangat Rendah", "")},
                          1)},
        // Seed 000 (LAKIP Kota Pontianak 2020) and its class means 92,5 / 77,5 / 62,5 / 27,5.
        {"empat-kategori",
         with_class_means("empat-kategori",
                          {band(85, "Sangat Berhasil", ""), band(70, "Berhasil", ""), band(55, "Cukup Berhasil", ""),
                           band(std::nullopt, "Tidak Berhasil", "")},
                          0)},
        // PermenPANRB 88/2021, the SAKIP letter grades.
        {"sakip-88-2021",
         with_class_means("sakip-88-2021",
                          {band(90, "AA", "Sangat Memuaskan"), band(80, "A", "Memuaskan"), band(70, "BB", "Sangat Baik"),
                           band(60, "B", "Baik"), band(50, "CC", "Cukup"), band(30, "C", "Kurang"),
                           band(std::nullopt, "D", "Sangat Kurang")},
                          0)},
    };
    return all;
}

}  // namespace

std::optional<Scale> scale_preset(std::string_view name) {
    for (const auto& [n, s] : presets()) {
        if (n == name) return s;
    }
    return std::nullopt;
}

const std::vector<std::string>& scale_preset_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& [n, s] : presets()) out.push_back(n);
        return out;
    }();
    return names;
}

std::size_t band_index(const Scale& scale, double capaian_persen, int decimals) {
    const double shown = idfmt::round_half_up(capaian_persen, decimals);
    for (std::size_t i = 0; i < scale.bands.size(); ++i) {
        const auto& b = scale.bands[i];
        if (!b.bound) return i;
        if (b.inclusive ? shown >= *b.bound : shown > *b.bound) return i;
    }
    return scale.bands.empty() ? 0 : scale.bands.size() - 1;
}

// ---- groups -----------------------------------------------------------------------------------

AveragePolicy average_policy(const Settings& s) {
    return {s.average_rule.value, s.average_min.value, s.average_max.value, s.plausible_min.value,
            s.plausible_max.value};
}

GroupCapaian group_capaian(const std::vector<Capaian>& members, GroupMethod method, const Scale& scale,
                           int decimals, const AveragePolicy& policy) {
    GroupCapaian g;
    double sum = 0, plain_sum = 0;
    int measured = 0;
    for (std::size_t i = 0; i < members.size(); ++i) {
        const auto& c = members[i];
        if (!c.measurable()) {
            ++g.counts.tidak_terukur;
            g.unmeasured.push_back(i);
            continue;
        }
        // Reached or not is the indicator's own result, never the clamped value.
        (tercapai(*c.persen, decimals) ? g.counts.tercapai : g.counts.tidak_tercapai) += 1;
        ++measured;
        double used = *c.persen;
        if (policy.rule == AverageRule::capped) {
            // min/max rather than std::clamp: no undefined behaviour should a band ever arrive inverted.
            used = std::min(std::max(used, policy.min), policy.max);
            // Compared as printed: 120,004 shows as 120,00 and was not changed for the reader.
            if (idfmt::round_half_up(used, decimals) != idfmt::round_half_up(*c.persen, decimals)) {
                g.clamped.push_back({i, *c.persen, used});
            }
        }
        if (!plausible(*c.persen, policy.plausible_min, policy.plausible_max, decimals)) {
            g.implausible.push_back({i, *c.persen, used});
        }
        if (!plausible(used, policy.plausible_min, policy.plausible_max, decimals)) g.plausible = false;
        plain_sum += used;
        if (method == GroupMethod::mean) {
            sum += used;
        } else {
            const auto& b = scale.bands[band_index(scale, used, decimals)];
            sum += b.nilai_tengah.value_or(used);
        }
    }
    if (measured > 0) {
        g.persen = sum / measured;
        g.rata_rata = plain_sum / measured;
    }
    // A group of implausible values only (a sasaran of one such indicator) has nothing to conclude:
    // its clamped mean would headline the clamp, not a result.
    if (measured > 0 && g.implausible.size() == static_cast<std::size_t>(measured)) g.plausible = false;
    return g;
}

// ---- years ------------------------------------------------------------------------------------

std::optional<Trend> trend(std::optional<double> previous, std::optional<double> current, int decimals) {
    if (!previous || !current) return std::nullopt;
    const double a = idfmt::round_half_up(*previous, decimals), b = idfmt::round_half_up(*current, decimals);
    if (b > a) return Trend::naik;
    if (b < a) return Trend::turun;
    return Trend::tetap;
}

std::optional<bool> trend_better(Trend t, Polarity polarity) {
    if (t == Trend::tetap) return std::nullopt;
    return (t == Trend::naik) == (polarity == Polarity::positive);
}

std::optional<double> realisasi_to_date(const std::map<int, double>& realisasi, int first_year, int year,
                                        Aggregation tipe, std::optional<int>* from_year) {
    std::optional<int> last;
    std::optional<double> out;
    if (tipe == Aggregation::last_value) {
        for (auto it = realisasi.rbegin(); it != realisasi.rend(); ++it) {
            if (it->first <= year) {
                last = it->first;
                out = it->second;
                break;
            }
        }
    } else {
        for (const auto& [y, v] : realisasi) {
            if (y < first_year || y > year) continue;
            out = out.value_or(0) + v;
            last = y;
        }
    }
    if (from_year) *from_year = last;
    return out;
}

Standing standing(double realisasi, double standard, Polarity polarity, int decimals) {
    const double r = idfmt::round_half_up(realisasi, decimals), s = idfmt::round_half_up(standard, decimals);
    if (r == s) return Standing::equal;
    return (r > s) == (polarity == Polarity::positive) ? Standing::better : Standing::below;
}

std::optional<double> end_target(const std::map<int, double>& targets, std::optional<double> explicit_target,
                                 int last_year, Aggregation tipe) {
    if (explicit_target) return explicit_target;
    if (tipe == Aggregation::last_value) {
        auto it = targets.find(last_year);
        if (it != targets.end()) return it->second;
        return std::nullopt;
    }
    std::optional<double> sum;
    for (const auto& [y, v] : targets) {
        if (y <= last_year) sum = sum.value_or(0) + v;
    }
    return sum;
}

// ---- money and efficiency ---------------------------------------------------------------------

bool add_money(Money& into, Money amount) {
    std::int64_t out = 0;
    if (__builtin_add_overflow(into.sen, amount.sen, &out)) return false;
    into.sen = out;
    return true;
}

std::optional<double> persen_of(Money part, Money whole) {
    if (whole.sen == 0) return std::nullopt;
    // long double keeps 64 bits of mantissa: sen sums up to 9·10^18 divide without loss.
    return static_cast<double>(static_cast<long double>(part.sen) / static_cast<long double>(whole.sen) * 100.0L);
}

Efisiensi efisiensi(std::optional<double> capaian_persen, std::optional<double> serapan_persen,
                    EfficiencyRule rule, int decimals) {
    Efisiensi e;
    e.capaian = capaian_persen;
    if (!capaian_persen || !serapan_persen || *serapan_persen == 0) return e;
    e.measurable = true;
    if (rule == EfficiencyRule::ratio) {
        e.nilai = (*capaian_persen / *serapan_persen - 1.0) * 100.0;
        e.efisien = idfmt::round_half_up(*e.nilai, decimals) > 0;
    } else {
        e.efisien = idfmt::round_half_up(*capaian_persen, decimals) > idfmt::round_half_up(*serapan_persen, decimals);
    }
    return e;
}

}  // namespace lkjip::compute
