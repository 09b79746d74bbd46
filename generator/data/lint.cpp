// Warnings for the mistakes ../shared/DOMAIN.md §6 found in real reports, where the data alone
// can reveal them. None stops the report: the report prints the computed figure either way.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <string_view>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "compute/akip.hpp"
#include "compute/compute.hpp"
#include "compute/idformat.hpp"
#include "data/data.hpp"
#include "data/lint_belanja.hpp"
#include "data/lint_renja.hpp"
#include "data/lint_rujukan.hpp"
#include "data/lint_narrative.hpp"
#include "data/lint_scope.hpp"
#include "data/lint_words.hpp"

namespace lkjip {

namespace {

using lint_words::activity_name;
using lint_words::level_name;
using lint_words::rp;

// Seed 002 Tabel 1.1: "59" printed under cells that add up to 60.
void lint_staff(const AgencyYear& d, const compute::ReportValues& v, Diagnostics& diags) {
    for (std::size_t i = 0; i < d.pegawai.size(); ++i) {
        const auto& t = d.pegawai[i];
        if (t.total_tertulis && t.total_tertulis->value != v.pegawai[i].total) {
            diags.warning(t.total_tertulis->pos,
                          _f("staff table '{}' states a total of {}, but its rows add up to {}", t.judul.value,
                                      t.total_tertulis->value, v.pegawai[i].total),
                          _("the report prints the computed total"));
        }
    }
}

void check_stated(const std::optional<Located<Money>>& stated, Money computed, const std::string& what,
                  const char* kind, Diagnostics& diags) {
    if (stated && stated->value != computed) {
        diags.warning(stated->pos, _f("{} states {} {}, but its parts add up to {} (a difference of {})", what,
                                               kind, rp(stated->value), rp(computed),
                                               rp(Money{stated->value.sen - computed.sen})),
                      _("the report prints the computed sum"));
    }
}

// Seed 002 Tabel 3.12 (8.237.500 for 8.327.500), seed 001 Tabel 2.4, seeds 000/004 totals off.
void lint_budget(const Activity& a, const compute::ActivityResult& r, Diagnostics& diags) {
    const std::string what = activity_name(a);
    const bool penetapan = a.pagu_tertulis_jenis.value == PaguStated::penetapan;
    check_stated(a.pagu_tertulis, penetapan ? r.budget.pagu_penetapan : r.budget.pagu, what,
                 penetapan ? _("a pagu penetapan of") : _("a pagu of"), diags);
    if (r.budget.has_realisasi) check_stated(a.realisasi_tertulis, r.budget.realisasi, what, _("a realisasi of"), diags);
    // A leaf (a sub kegiatan, or a kegiatan without sub kegiatan before 2021) cannot spend more than
    // its pagu in force (Permendagri 77/2020: belanja is bounded by the DPA); more is a transcription
    // slip (a digit too many, the pagu of another row). The levels above sum their leaves, so a
    // leaf's excess is the only one to report.
    if (a.children.empty() && a.realisasi) {
        const Money in_force = a.pagu_perubahan ? a.pagu_perubahan->value : a.pagu ? a.pagu->value : Money{};
        if (a.realisasi->value.sen > in_force.sen) {
            diags.warning(a.realisasi->pos,
                          in_force.sen == 0
                              ? _f("{}: realisasi {} exceeds its pagu {} (spending without a budget)", what,
                                   rp(a.realisasi->value), rp(in_force))
                              : _f("{}: realisasi {} exceeds its pagu {}", what, rp(a.realisasi->value), rp(in_force)),
                          _("check the realisasi and the pagu against the DPA"));
        }
    }
    // The loader takes a leading '-' (a correction typed as such); a pagu or a realisasi below zero is
    // never an amount budgeted or spent, and would make every sum above it wrong.
    for (const auto& [value, key] : {std::pair{&a.pagu, "pagu"}, {&a.pagu_perubahan, "pagu_perubahan"},
                                     {&a.realisasi, "realisasi"}, {&a.pagu_tertulis, "pagu_tertulis"},
                                     {&a.realisasi_tertulis, "realisasi_tertulis"}}) {
        if (*value && (*value)->value.sen < 0) {
            diags.warning((*value)->pos, _f("{}: `{}` is negative ({})", what, key, rp((*value)->value)),
                          _("a pagu or a realisasi is an amount budgeted or spent, never below zero"));
        }
    }
    for (std::size_t i = 0; i < a.children.size(); ++i) lint_budget(a.children[i], r.children[i], diags);
}

const Sasaran* find_sasaran(const AgencyYear& d, const std::string& id) {
    for (const auto& s : d.renstra.sasaran) {
        if (s.id.value == id) return &s;
    }
    return nullptr;
}

void lint_indicator(const AgencyYear& d, const Indicator& ind, const compute::IndicatorResult& r, Diagnostics& diags) {
    const int year = d.laporan.tahun.value;
    const int dec = ind.decimals.value;
    const int first = d.renstra.mulai.value, last = d.renstra.akhir.value;
    // PK vs Renstra (seed 002: Indeks Kepuasan Masyarakat 77,08 in the Renstra, 95,83 in the PK).
    // A PK Perubahan is the document that revises targets during the year: no warning then.
    if (ind.target_pk && !(d.pk && d.pk->perubahan)) {
        if (const auto* t = ind.target.find(year);
            t && idfmt::round_half_up(t->value, dec) != idfmt::round_half_up(ind.target_pk->value, dec)) {
            diags.warning(ind.target_pk->pos,
                          _f("indikator `{}`: the PK target {} differs from the Renstra target {} for {}", ind.id.value,
                                      idfmt::angka(ind.target_pk->value, dec), idfmt::angka(t->value, dec), year),
                          _("the report measures against the PK target; if the PK was revised, record it as [pk.perubahan]"));
        }
    }
    // Units that drift (seed 002: Juta USD vs Rp Trilyun for one indicator).
    for (const auto& [y, unit] : ind.satuan_tahun) {
        if (unit.value != ind.satuan.value) {
            diags.warning(unit.pos, _f("indikator `{}` is in `{}` in {} but in `{}` otherwise; values in different "
                                                "units cannot be compared", ind.id.value, unit.value, y, ind.satuan.value));
        }
    }
    for (const auto& [y, v] : ind.target.by_year) {
        if (y < first || y > last) {
            diags.warning(v.pos, _f("indikator `{}` has a target for {}, outside the Renstra period {}-{}",
                                             ind.id.value, y, first, last));
        }
    }
    // Typed realisasi vs the value of its formula.
    if (ind.rumus) {
        for (const auto& [y, typed] : ind.realisasi.by_year) {
            auto it = r.realisasi.find(y);
            if (it != r.realisasi.end() && idfmt::round_half_up(it->second, dec) != idfmt::round_half_up(typed.value, dec)) {
                diags.warning(typed.pos, _f("indikator `{}`: realisasi {} for {} disagrees with its rumus, which "
                                                     "gives {}", ind.id.value, idfmt::angka(typed.value, dec), y,
                                                     idfmt::angka(it->second, dec)),
                              _("the report uses the value computed from the komponen"));
            }
        }
    }
    // Below target with nothing said about why (PermenPANRB 53/2014 asks for the causes).
    if (r.capaian.measurable() && !r.tercapai && ind.owner_kind == OwnerKind::sasaran) {
        const Sasaran* s = find_sasaran(d, ind.owner.value);
        if (s && !s->analisis && !s->faktor_penghambat && !s->solusi) {
            diags.warning(ind.pos, _f("indikator `{}` is below target ({}%) but sasaran `{}` has no `analisis`, "
                                               "`faktor_penghambat` or `solusi`", ind.id.value,
                                               idfmt::angka(*r.capaian.persen, d.settings.decimals.value), s->id.value));
        }
    }
}

int day_key(const Date& d) { return d.year * 10000 + d.month * 100 + d.day; }

// The PK's dates, and who signs it (issue 13).
void lint_pk(const AgencyYear& d, Diagnostics& diags) {
    const int year = d.laporan.tahun.value;
    if (!d.pk) {
        diags.warning(d.pos, _f("the data file has no [pk]: the Lampiran of the LKjIP leaves the Perjanjian Kinerja {} out",
                                         year),
                      _("add [pk] with the date the PK was signed (docs/data-format.md)"));
        return;
    }
    std::vector<std::pair<const Located<Date>*, const char*>> dates = {{&d.pk->tanggal, _("the PK")}};
    if (d.pk->perubahan) dates.emplace_back(&d.pk->perubahan->tanggal, _("the PK Perubahan"));
    for (const auto& [date, what] : dates) {
        // A PK of year N is signed at the start of N (at most a month after the DPA), a PK
        // Perubahan after the APBD-P of N: both within N (PermenPANRB 53/2014, Lampiran I).
        if (date->value.year != year) {
            diags.warning(date->pos, _f("{} of {} is dated {}, outside its year", what, year,
                                                 idfmt::tanggal(date->value.year, date->value.month, date->value.day)));
        }
        if (day_key(date->value) > day_key(d.laporan.tanggal.value)) {
            diags.warning(date->pos, _f("{} is dated after the report it is measured in ({})", what,
                                                 idfmt::tanggal(d.laporan.tanggal.value.year, d.laporan.tanggal.value.month,
                                                                d.laporan.tanggal.value.day)));
        }
    }
}

// "Wali Kota Pekalongan" heads a kota, a Bupati a kabupaten, a Gubernur a provinsi (UU 23/2014
// Pasal 59); "Penjabat" and "Pj." heads hold the same title.
void lint_kepala_daerah(const AgencyYear& d, Diagnostics& diags) {
    if (!d.pemda.kepala) return;
    std::string jabatan = d.pemda.kepala->jabatan.value;
    for (char& c : jabatan) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    struct Title {
        PemdaKind kind;
        const char* word;
        std::vector<const char*> spellings;
    };
    static const std::vector<Title> titles = {{PemdaKind::kota, "Wali Kota", {"wali kota", "walikota"}},
                                              {PemdaKind::kabupaten, "Bupati", {"bupati"}},
                                              {PemdaKind::provinsi, "Gubernur", {"gubernur"}}};
    for (const auto& t : titles) {
        if (t.kind != d.pemda.jenis.value) continue;
        bool found = false;
        for (const char* s : t.spellings) found = found || jabatan.find(s) != std::string::npos;
        if (!found) {
            static const char* kKind[] = {"kota", "kabupaten", "provinsi"};
            diags.warning(d.pemda.kepala->jabatan.pos,
                          _f("the kepala daerah of a {} is a {}, but [pemda.kepala] is `{}`",
                                      kKind[static_cast<int>(t.kind)], t.word, d.pemda.kepala->jabatan.value),
                          _("check `jabatan` of [pemda.kepala] against `jenis` of [pemda]"));
        }
    }
}

// The decree states how each IKU is computed and where its data comes from (PermenPAN
// PER/09/M.PAN/5/2007; seed 003's table): only when the data makes the decree.
void lint_keputusan_iku(const AgencyYear& d, Diagnostics& diags) {
    if (!d.keputusan_iku) return;
    for (const auto& ind : d.indikator) {
        if (!ind.iku) continue;
        if (!ind.rumus && !ind.formula) {
            diags.warning(ind.pos, _f("IKU `{}` has no `rumus` or `formula`: the decree's Rumus Perhitungan is empty",
                                               ind.id.value));
        }
        if (!ind.sumber_data) {
            diags.warning(ind.pos, _f("IKU `{}` has no `sumber_data`: the decree's Sumber Data is empty", ind.id.value));
        }
    }
}

// [iku]: an IKU fixed after the report that measures against it cannot be the one it used.
void lint_iku(const AgencyYear& d, Diagnostics& diags) {
    if (!d.iku) return;
    const Date& t = d.iku->tanggal.value;
    if (day_key(t) > day_key(d.laporan.tanggal.value)) {
        diags.warning(d.iku->tanggal.pos,
                      _f("the IKU is dated {}, after the report it is measured in ({})", idfmt::tanggal(t.year, t.month, t.day),
                                  idfmt::tanggal(d.laporan.tanggal.value.year, d.laporan.tanggal.value.month,
                                                 d.laporan.tanggal.value.day)));
    }
}

// ---- plausibility (issue 16) --------------------------------------------------------------

// A capaian of 6.936.465,31% (Probolinggo 2021: an input of 3,5 kuadriliun rupiah that the
// sample's NOTES calls implausible) is a slip, not a result. Which of the two values is wrong: the one further
// (in ratio) from the indicator's other years and its kondisi awal; the realisasi when there is
// nothing to compare with, or when it is not positive.
bool target_is_odd(const Indicator& ind, int year, double target, double realisasi) {
    if (realisasi <= 0 || target <= 0) return false;
    std::vector<double> refs;
    for (const auto& [y, v] : ind.target.by_year) {
        if (y != year && v.value > 0) refs.push_back(v.value);
    }
    for (const auto& [y, v] : ind.realisasi.by_year) {
        if (y != year && v.value > 0) refs.push_back(v.value);
    }
    if (ind.kondisi_awal && ind.kondisi_awal->value > 0) refs.push_back(ind.kondisi_awal->value);
    if (refs.empty()) return false;
    std::sort(refs.begin(), refs.end());
    const double mid = refs[refs.size() / 2];
    return std::fabs(std::log(target / mid)) > std::fabs(std::log(realisasi / mid));
}

std::string band_text(const Settings& s) {
    auto number = [](double x) { return idfmt::angka(x, x == std::floor(x) ? 0 : 2); };
    return fmt::format("{}-{}%", number(s.plausible_min.value), number(s.plausible_max.value));
}

bool outside_band(const Settings& s, double persen) {
    const double p = idfmt::round_half_up(persen, s.decimals.value);
    return p < s.plausible_min.value || p > s.plausible_max.value;
}

void lint_capaian_band(const AgencyYear& d, const Indicator& ind, const compute::IndicatorResult& r, Diagnostics& diags) {
    const Settings& s = d.settings;
    if (!r.capaian.measurable() || !r.target_tahun || !r.realisasi_tahun || !outside_band(s, *r.capaian.persen)) return;
    const int year = d.laporan.tahun.value, dec = ind.decimals.value;
    const std::string capaian = idfmt::persen(*r.capaian.persen, s.decimals.value);
    const std::string target = idfmt::angka(*r.target_tahun, dec), realisasi = idfmt::angka(*r.realisasi_tahun, dec);
    const std::string hint = _("a unit or a scale typed wrong, a digit too many? The band is [pengaturan] "
                             "`capaian_wajar_min` and `capaian_wajar_maks`");
    if (target_is_odd(ind, year, *r.target_tahun, *r.realisasi_tahun)) {
        const SourcePos pos = ind.target_pk ? ind.target_pk->pos : ind.target.find(year) ? ind.target.find(year)->pos : ind.pos;
        diags.warning(pos, _f("indikator `{}`: the target {} of {} gives the realisasi {} a capaian of {}, outside "
                                       "the plausible band {}", ind.id.value, target, year, realisasi, capaian, band_text(s)),
                      hint);
        return;
    }
    SourcePos pos = ind.pos;
    if (const auto* typed = ind.realisasi.find(year)) {
        pos = typed->pos;
    } else if (ind.rumus) {
        pos = ind.rumus->pos;
    }
    diags.warning(pos, _f("indikator `{}`: the realisasi {} of {} gives a capaian of {} against the target {}, "
                                   "outside the plausible band {}", ind.id.value, realisasi, year, capaian, target,
                                   band_text(s)),
                  hint);
}

// The progress against the Renstra's end target outside the band: Kalbar 2024 compares the
// realisasi of 2022, 29,79% under the RPD's earlier definition (seed 001 Tabel 2.2), with the
// end target of 2026, 4,61% under the new one (seed 003): 646,20%. The years were measured on
// another basis, or a value was typed wrong.
void lint_progres_band(const AgencyYear& d, const Indicator& ind, const compute::IndicatorResult& r, Diagnostics& diags) {
    const Settings& s = d.settings;
    if (!r.progres.measurable() || !r.realisasi_sd || !r.target_akhir || !r.realisasi_sd_tahun ||
        !outside_band(s, *r.progres.persen)) {
        return;
    }
    // The report year's own capaian outside the band already names a typed value.
    if (*r.realisasi_sd_tahun == d.laporan.tahun.value && r.capaian.measurable() && outside_band(s, *r.capaian.persen)) return;
    const int year = *r.realisasi_sd_tahun, akhir = d.renstra.akhir.value, dec = ind.decimals.value;
    const std::string realisasi = idfmt::angka(*r.realisasi_sd, dec), target = idfmt::angka(*r.target_akhir, dec);
    const std::string progres = idfmt::persen(*r.progres.persen, s.decimals.value);
    SourcePos pos = ind.pos;
    if (target_is_odd(ind, akhir, *r.target_akhir, *r.realisasi_sd)) {
        if (const auto* t = ind.target.find(akhir)) pos = t->pos;
    } else if (const auto* typed = ind.realisasi.find(year)) {
        pos = typed->pos;
    }
    diags.warning(pos, _f("indikator `{}`: the realisasi {} of {} is {} of the Renstra's end target {} ({}), outside the "
                          "plausible band {}", ind.id.value, realisasi, year, progres, target, akhir, band_text(s)),
                  _("were those years measured on another basis than the Renstra's targets (a definition changed "
                    "between plans), or was a value typed wrong? The report prints the value without a category"));
}

void lint_activity_indicators(const AgencyYear& d, const Activity& a, const compute::ActivityResult& r, Diagnostics& diags) {
    const Settings& s = d.settings;
    for (std::size_t i = 0; i < a.indikator.size(); ++i) {
        const ActivityIndicator& ind = a.indikator[i];
        const compute::Capaian& c = r.indikator[i].capaian;
        if (!c.measurable() || !ind.realisasi || !outside_band(s, *c.persen)) continue;
        diags.warning(ind.realisasi->pos,
                      _f("{}, indikator `{}`: the realisasi {} gives a capaian of {} against the target {}, outside "
                                  "the plausible band {}", activity_name(a), ind.nama.value,
                                  idfmt::angka(ind.realisasi->value, 2), idfmt::persen(*c.persen, s.decimals.value),
                                  idfmt::angka(ind.target ? ind.target->value : 0, 2), band_text(s)),
                      _("a unit or a scale typed wrong, a digit too many? The band is [pengaturan] `capaian_wajar_min` and "
                      "`capaian_wajar_maks`"));
    }
    for (std::size_t i = 0; i < a.children.size(); ++i) lint_activity_indicators(d, a.children[i], r.children[i], diags);
}

// The PK of the report year lists every tujuan indicator and every IKU of the sasaran with its
// target of that year (PermenPANRB 53/2014, Lampiran II): without one the PK row is empty and the
// capaian cannot be measured.
void lint_pk_targets(const AgencyYear& d, Diagnostics& diags) {
    const int year = d.laporan.tahun.value;
    for (const auto& ind : d.indikator) {
        if ((ind.owner_kind == OwnerKind::sasaran && !ind.iku) || !ind.pk) continue;
        if (ind.target_pk || ind.target.find(year)) continue;
        diags.warning(ind.target.pos.known() ? ind.target.pos : ind.pos,
                      _f("{} `{}` has no target for {}, the year of the report and of its Perjanjian Kinerja: "
                                  "its capaian cannot be measured", ind.owner_kind == OwnerKind::sasaran ? "IKU" : "indikator",
                                  ind.id.value, year),
                      _f("add {} to `target` (or give `target_pk`) from the PK {}", year, year));
    }
}

// Columns that are years (a table of staff over 2019-2023) count the same staff several times:
// its total is no head count to compare.
bool groups_are_years(const StaffTable& t) {
    if (t.kelompok.empty()) return false;
    for (const auto& k : t.kelompok) {
        const std::string& v = k.value;
        if (v.size() != 4 || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
        const int y = std::stoi(v);
        if (y < 1900 || y > 2100) return false;
    }
    return true;
}

std::vector<std::string> unit_set(const StaffTable& t) {
    std::vector<std::string> units;
    for (const auto& row : t.baris) {
        std::string u;
        for (char c : row.unit.value) {
            if (c == ' ' && (u.empty() || u.back() == ' ')) continue;
            u += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        while (!u.empty() && u.back() == ' ') u.pop_back();
        units.push_back(u);
    }
    std::sort(units.begin(), units.end());
    units.erase(std::unique(units.begin(), units.end()), units.end());
    return units;
}

// Seed 002: staff by golongan and by pendidikan are the same people and must add up alike. Two
// tables count the same staff when their rows are the same units (one row each: the same row name);
// tables of other scope (a bidang only, staff over the years) are left alone.
void lint_staff_totals(const AgencyYear& d, const compute::ReportValues& v, Diagnostics& diags) {
    for (std::size_t j = 1; j < d.pegawai.size(); ++j) {
        const StaffTable& b = d.pegawai[j];
        if (groups_are_years(b)) continue;
        for (std::size_t i = 0; i < j; ++i) {
            const StaffTable& a = d.pegawai[i];
            if (groups_are_years(a)) continue;
            // A one-row table names its scope by its row: "Seluruh pegawai" and "Pejabat struktural"
            // (seed 000 Tabel 1.1 and 1.3, 59 staff and 23 posts) count different staff.
            if (unit_set(a) != unit_set(b)) continue;
            if (v.pegawai[i].total != v.pegawai[j].total) {
                diags.warning(b.pos, _f("staff table '{}' counts {} staff, but table '{}' counts {} in the same "
                                                 "units", b.judul.value, v.pegawai[j].total, a.judul.value,
                                                 v.pegawai[i].total),
                              _("both count the agency's staff: check the rows of both against one staff list"));
            }
            break;  // compared with the first table of its scope only: one warning per table
        }
    }
}

// A realisasi years after the Renstra (beyond the report year's own warning) or long before it is a
// year typed wrong. The years just before it are the previous Renstra's, which the trend and the
// "beberapa tahun terakhir" comparison of PermenPANRB 53/2014 print (Pontianak 2020: 2017-2019).
constexpr int kHistoryYears = 5;  // one Renstra period (RPJMD/Renstra are five-year plans, UU 25/2004)

void lint_realisasi_years(const AgencyYear& d, const Indicator& ind, Diagnostics& diags) {
    const int year = d.laporan.tahun.value, first = d.renstra.mulai.value, last = d.renstra.akhir.value;
    for (const auto& [y, v] : ind.realisasi.by_year) {
        if (y > year) {
            diags.warning(v.pos, _f("indikator `{}` has a realisasi for {}, after the report year {}",
                                             ind.id.value, y, year));
        } else if (y > last || y < first - kHistoryYears) {
            diags.warning(v.pos, _f("indikator `{}` has a realisasi for {}, outside the Renstra period {}-{} and "
                                             "the {} years before it", ind.id.value, y, first, last, kHistoryYears));
        }
    }
}

// An [[urusan]] without a program prints as a row without budget in the table by urusan.
// The printed totals of an urusan row and of a sasaran's budget table (seed 002: Tabel 3.12 row II
// off by Rp 100; the Sasaran 2 table repeats Sasaran 1's totals), against what their programs add up to.
void lint_stated_groups(const AgencyYear& d, const compute::ReportValues& v, Diagnostics& diags) {
    for (const auto& u : d.urusan) {
        for (const auto& r : v.urusan) {
            if (r.kode != u.kode.value) continue;
            const std::string what = "urusan " + u.kode.value;
            check_stated(u.pagu_tertulis, r.budget.pagu, what, _("a pagu of"), diags);
            if (r.budget.has_realisasi) check_stated(u.realisasi_tertulis, r.budget.realisasi, what, _("a realisasi of"), diags);
        }
    }
    for (std::size_t i = 0; i < d.renstra.sasaran.size() && i < v.sasaran.size(); ++i) {
        const Sasaran& s = d.renstra.sasaran[i];
        const compute::BudgetTotals& b = v.sasaran[i].budget;
        const std::string what = _f("the budget table of sasaran `{}`", s.id.value);
        check_stated(s.pagu_penetapan_tertulis, b.pagu_penetapan, what, _("a pagu penetapan of"), diags);
        check_stated(s.pagu_tertulis, b.pagu, what, _("a pagu of"), diags);
        if (b.has_realisasi) check_stated(s.realisasi_tertulis, b.realisasi, what, _("a realisasi of"), diags);
    }
}

void lint_urusan(const AgencyYear& d, const compute::ReportValues& v, Diagnostics& diags) {
    for (const auto& u : d.urusan) {
        const bool used = std::any_of(v.urusan.begin(), v.urusan.end(), [&](const compute::UrusanResult& r) {
            return r.kode == u.kode.value && !r.programs.empty();
        });
        if (!used) {
            diags.warning(u.kode.pos, _f("urusan {} ({}) has no program", u.kode.value, u.nama.value),
                          _f("give its programs `urusan = \"{}\"` (or a kode that starts with it), or remove it", u.kode.value));
        }
    }
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool word_at(const std::string& s, std::size_t at, std::size_t len) {
    auto alpha = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    return (at == 0 || !alpha(s[at - 1])) && (at + len >= s.size() || !alpha(s[at + len]));
}

// The kind of region a jabatan (or the pemda's name) names: "… Kabupaten Pekalongan" a
// kabupaten, "Gubernur …" a provinsi. Generic "Kabupaten/Kota" and the title "Wali Kota" itself
// are not a region's name.
std::vector<PemdaKind> kinds_named(const std::string& text) {
    const std::string t = lower(text);
    std::vector<PemdaKind> out;
    struct Word {
        const char* w;
        PemdaKind kind;
    };
    static const Word words[] = {{"wali kota", PemdaKind::kota}, {"walikota", PemdaKind::kota},
                                 {"kota", PemdaKind::kota},      {"kabupaten", PemdaKind::kabupaten},
                                 {"bupati", PemdaKind::kabupaten}, {"provinsi", PemdaKind::provinsi},
                                 {"gubernur", PemdaKind::provinsi}};
    for (const auto& w : words) {
        const std::size_t len = std::strlen(w.w);
        for (std::size_t at = t.find(w.w); at != std::string::npos; at = t.find(w.w, at + 1)) {
            if (!word_at(t, at, len)) continue;
            const bool slash = (at > 0 && t[at - 1] == '/') || (at + len < t.size() && t[at + len] == '/');
            if (slash) continue;  // "Kabupaten/Kota"
            if (std::string_view(w.w) == "kota" && ((at >= 5 && t.compare(at - 5, 5, "wali ") == 0) ||
                                                     (at >= 4 && t.compare(at - 4, 4, "ibu ") == 0)))
                continue;
            out.push_back(w.kind);
        }
    }
    return out;
}

const char* kind_word(PemdaKind k) {
    static const char* kKind[] = {"kota", "kabupaten", "provinsi"};
    return kKind[static_cast<int>(k)];
}

// "Kepala Dinas … Kabupaten X" in a kota, a "Bupati" signing for a provinsi: the jabatan was copied
// from another region's document (UU 23/2014 Pasal 59 names the head of each kind).
void lint_region_words(const AgencyYear& d, Diagnostics& diags) {
    const PemdaKind kind = d.pemda.jenis.value;
    std::vector<std::pair<const Text*, std::string>> texts = {{&d.pemda.nama, "[pemda] `nama`"},
                                                              {&d.pimpinan.jabatan, "[pimpinan] `jabatan`"}};
    if (d.pemda.kepala) texts.emplace_back(&d.pemda.kepala->jabatan, "[pemda.kepala] `jabatan`");
    for (const auto& [text, where] : texts) {
        const std::vector<PemdaKind> named = kinds_named(text->value);
        // A kepala daerah without the title of this kind has its own warning (lint_kepala_daerah).
        if (d.pemda.kepala && text == &d.pemda.kepala->jabatan && std::find(named.begin(), named.end(), kind) == named.end())
            continue;
        for (PemdaKind k : named) {
            if (k == kind) continue;
            diags.warning(text->pos, _f("{} `{}` names a {}, but [pemda] `jenis` is {}", where, text->value,
                                                 kind_word(k), kind_word(kind)),
                          _("check the jabatan against the region of this data file"));
            break;
        }
    }
}

// ---- consistency: narrative against the computed values (issue 16) --------------------------

std::string fact_text(const Indicator& ind, const compute::IndicatorResult& r, const narrative::Claim& c, int year,
                      int pct_decimals) {
    const int dec = ind.decimals.value;
    if (c.kind == narrative::ClaimKind::verdict) {
        if (!r.capaian.persen) return "";
        return r.tercapai ? _f("reached its target: capaian {} (tercapai)", idfmt::persen(*r.capaian.persen, pct_decimals))
                          : _f("is below its target: capaian {} (belum tercapai)",
                                        idfmt::persen(*r.capaian.persen, pct_decimals));
    }
    if (!r.realisasi_sebelumnya || !r.realisasi_tahun || !r.trend) return "";
    const std::string before = idfmt::angka(*r.realisasi_sebelumnya, dec), now = idfmt::angka(*r.realisasi_tahun, dec);
    if (*r.trend == compute::Trend::tetap) return _f("stayed at {} in {} and {}", now, year - 1, year);
    const bool up = *r.trend == compute::Trend::naik;
    if (c.kind == narrative::ClaimKind::movement) {
        return up ? _f("rose from {} in {} to {} in {}", before, year - 1, now, year)
                  : _f("fell from {} in {} to {} in {}", before, year - 1, now, year);
    }
    const bool positive = ind.polarity.value == Polarity::positive;
    // Words put into the sentence below (docs/i18n.md: fragments marked N_, translated where used).
    const char* verdict = r.trend_better.value_or(false) ? N_("improved") : N_("got worse");
    const char* moved = up ? N_("rose") : N_("fell");
    const char* better = positive ? N_("higher") : N_("lower");
    return _f("{}: {} from {} in {} to {} in {}, and {} is better", _(verdict), _(moved), before, year - 1, now, year,
              _(better));
}

struct NarrativeScope {
    std::vector<narrative::Subject> subjects;  // parallel to AgencyYear::indikator
    std::vector<std::string> titles;
};

void collect_titles(const Activity& a, std::vector<std::string>& titles) {
    titles.push_back(a.nama.value);
    for (const auto& ind : a.indikator) titles.push_back(ind.nama.value);
    for (const auto& c : a.children) collect_titles(c, titles);
}

NarrativeScope narrative_scope(const AgencyYear& d, const compute::ReportValues& v) {
    NarrativeScope s;
    for (std::size_t i = 0; i < d.indikator.size(); ++i) s.subjects.push_back(narrative::indicator_subject(d.indikator[i], v.indikator[i]));
    for (const auto& t : d.renstra.tujuan) s.titles.push_back(t.uraian.value);
    for (const auto& x : d.renstra.sasaran) s.titles.push_back(x.uraian.value);
    for (const auto& p : d.program) collect_titles(p, s.titles);
    narrative::add_scale_titles(d.settings.scale.value, s.titles);
    return s;
}

void lint_sasaran_narrative(const AgencyYear& d, const compute::ReportValues& v, const NarrativeScope& scope,
                            Diagnostics& diags) {
    const int year = d.laporan.tahun.value;
    narrative::Context ctx;
    ctx.subjects = &scope.subjects;
    ctx.titles = scope.titles;
    auto check_text = [&](const Text& text, const std::string& where, std::optional<std::size_t> only) {
        ctx.default_subject = only;
        std::vector<std::pair<std::size_t, narrative::ClaimKind>> said;
        for (const auto& c : narrative::contradictions(text.value, ctx)) {
            const std::pair key{c.subject, c.kind};
            if (std::find(said.begin(), said.end(), key) != said.end()) continue;  // one warning per fact
            said.push_back(key);
            const Indicator& ind = d.indikator[c.subject];
            const std::string fact = fact_text(ind, v.indikator[c.subject], c, year, d.settings.decimals.value);
            if (fact.empty()) continue;
            diags.warning(text.pos, _f("{} says \"{}\", but indikator `{}` ({}) {}", where, c.quote, ind.id.value,
                                                ind.nama.value, fact),
                          _("the report prints the computed figures beside this text: reword it or correct the figures"));
        }
    };
    for (std::size_t i = 0; i < d.renstra.sasaran.size(); ++i) {
        const Sasaran& s = d.renstra.sasaran[i];
        std::optional<std::size_t> only;
        if (v.sasaran[i].indicators.size() == 1) only = v.sasaran[i].indicators.front();
        for (const auto& [field, key] : {std::pair{&s.analisis, "analisis"}, {&s.faktor_pendukung, "faktor_pendukung"},
                                        {&s.faktor_penghambat, "faktor_penghambat"}, {&s.solusi, "solusi"},
                                        {&s.upaya, "upaya"}, {&s.analisis_program, "analisis_program"}}) {
            if (*field) check_text(**field, _f("`{}` of sasaran `{}`", key, s.id.value), only);
        }
    }
    // Texts about the whole agency speak of an indicator only by naming it.
    for (const auto& [field, key] : {std::pair{&d.laporan.kata_pengantar, "[laporan] `kata_pengantar`"},
                                    {&d.laporan.latar_belakang, "[laporan] `latar_belakang`"},
                                    {&d.laporan.penutup, "[laporan] `penutup`"},
                                    {&d.organisasi.gambaran_umum, "[organisasi] `gambaran_umum`"}}) {
        if (*field) check_text(**field, key, std::nullopt);
    }
}

// A penjelasan belongs to one program, kegiatan or sub kegiatan indicator and speaks of it.
void lint_activity_narrative(const AgencyYear& d, const Activity& a, const compute::ActivityResult& r,
                             const NarrativeScope& scope, Diagnostics& diags) {
    for (std::size_t i = 0; i < a.indikator.size(); ++i) {
        const ActivityIndicator& ind = a.indikator[i];
        if (!ind.penjelasan) continue;
        const compute::ActivityIndicatorResult& ir = r.indikator[i];
        std::vector<narrative::Subject> subjects(1);
        subjects[0].name = ind.nama.value;
        if (ir.capaian.measurable()) subjects[0].tercapai = ir.tercapai;
        narrative::Context ctx;
        ctx.subjects = &subjects;
        ctx.default_subject = 0;
        ctx.titles = scope.titles;
        for (const auto& c : narrative::contradictions(ind.penjelasan->value, ctx)) {
            diags.warning(ind.penjelasan->pos,
                          _f("`penjelasan` of {}, indikator `{}`, says \"{}\", but its capaian is {} ({})",
                                      activity_name(a), ind.nama.value, c.quote,
                                      idfmt::persen(*ir.capaian.persen, d.settings.decimals.value),
                                      ir.tercapai ? "tercapai" : "belum tercapai"),
                          _("the report prints the computed capaian beside this text: reword it or correct the figures"));
            break;  // one verdict per indicator
        }
    }
    for (std::size_t i = 0; i < a.children.size(); ++i) lint_activity_narrative(d, a.children[i], r.children[i], scope, diags);
}

}  // namespace

void lint_agency_year(const AgencyYear& d, Diagnostics& diags) {
    const compute::ReportValues v = compute::compute_report(d);
    const Person& head = d.pimpinan;
    for (const auto& [value, key] : {std::pair{&head.nama, "nama"}, {&head.pangkat, "pangkat"}, {&head.nip, "nip"}}) {
        if (!*value) {
            diags.warning(head.jabatan.pos, _f("[pimpinan] has no `{}`: the signature blocks will have none", key));
        }
    }
    const int year = d.laporan.tahun.value;
    if (year < d.renstra.mulai.value || year > d.renstra.akhir.value) {
        diags.warning(d.laporan.tahun.pos, _f("the report year {} is outside the Renstra period {}-{}", year,
                                                       d.renstra.mulai.value, d.renstra.akhir.value));
    }
    lint_staff(d, v, diags);
    lint_staff_totals(d, v, diags);
    lint_belanja(d, v, diags);
    lint_tabel_rujukan(d, diags);
    lint_renja(d, v, diags);
    for (std::size_t i = 0; i < d.program.size(); ++i) lint_budget(d.program[i], v.program[i], diags);
    const bool penetapan = d.anggaran.pagu_tertulis_jenis.value == PaguStated::penetapan;
    check_stated(d.anggaran.pagu_tertulis, penetapan ? v.total.pagu_penetapan : v.total.pagu, _("the agency"),
                 penetapan ? _("a total pagu penetapan of") : _("a total pagu of"), diags);
    if (d.anggaran.menunggu_dpa && d.anggaran.menunggu_dpa->value) {
        diags.warning(d.anggaran.menunggu_dpa->pos,
                      _f("the DPA {} is not in the data yet (`menunggu_dpa = true`): the pagu and realisasi of every sub "
                         "kegiatan are still to be filled", d.laporan.tahun.value),
                      _("import the DPA with `lkjip import` and name the part in `sertakan`, then remove `menunggu_dpa`"));
    } else if (!d.program.empty() && v.total.pagu.sen <= 0) {
        diags.warning(d.program.front().pos,
                      _("the pagu of all programs adds up to Rp 0, so the report has no budget to compare realisasi with"),
                      _("give the pagu of each sub kegiatan from the DPA"));
    }
    for (const auto& [value, key] : {std::pair{&d.anggaran.pagu_tertulis, "pagu_tertulis"},
                                     {&d.anggaran.realisasi_tertulis, "realisasi_tertulis"}}) {
        if (*value && (*value)->value.sen < 0) {
            diags.warning((*value)->pos, _f("[anggaran] `{}` is negative ({})", key, rp((*value)->value)),
                          _("a pagu or a realisasi is an amount budgeted or spent, never below zero"));
        }
    }
    for (const auto& rev : d.anggaran.pendapatan) {
        for (const auto& [value, key] : {std::pair{&rev.target, "target"}, {&rev.realisasi, "realisasi"}}) {
            if (value->value.sen < 0) {
                diags.warning(value->pos, _f("pendapatan `{}`: `{}` is negative ({})", rev.uraian.value, key,
                                                      rp(value->value)),
                              _("revenue targeted or received is never below zero"));
            }
        }
    }
    if (v.total.has_realisasi) {
        check_stated(d.anggaran.realisasi_tertulis, v.total.realisasi, _("the agency"), _("a total realisasi of"), diags);
    }
    for (const auto& what : v.overflow) {
        diags.error(d.laporan.tahun.pos, _f("the budget sum of {} exceeds what lkjip can add exactly", what));
    }
    for (std::size_t i = 0; i < d.indikator.size(); ++i) {
        if (d.indikator[i].riwayat) continue;  // no measurement of the report year to check
        lint_indicator(d, d.indikator[i], v.indikator[i], diags);
        lint_realisasi_years(d, d.indikator[i], diags);
        lint_capaian_band(d, d.indikator[i], v.indikator[i], diags);
        lint_progres_band(d, d.indikator[i], v.indikator[i], diags);
    }
    // A year not measured yet (the next year's file before its realisasi are in, `lkjip next`): no
    // indicator has a realisasi of the report year, and the report says each cannot be measured.
    std::vector<std::string> unmeasured;
    bool measured = false;
    for (std::size_t i = 0; i < d.indikator.size(); ++i) {
        if (d.indikator[i].riwayat) continue;
        if (v.indikator[i].realisasi_tahun) measured = true;
        else unmeasured.push_back(d.indikator[i].id.value);
    }
    if (!measured && !unmeasured.empty()) {
        const std::size_t shown = std::min<std::size_t>(unmeasured.size(), 6);
        std::string ids;
        for (std::size_t i = 0; i < shown; ++i) ids += fmt::format("{}`{}`", i ? ", " : "", unmeasured[i]);
        if (shown < unmeasured.size()) ids += ", …";
        diags.warning(d.laporan.tahun.pos,
                      _f("no indicator has a realisasi for {} yet ({}): the report says each cannot be measured", d.laporan.tahun.value, ids),
                      _f("give `realisasi = {{ {} = … }}` of each, or import the indicator sheet (`lkjip import`)", d.laporan.tahun.value));
    }
    for (std::size_t i = 0; i < d.program.size(); ++i) lint_activity_indicators(d, d.program[i], v.program[i], diags);
    lint_pk_targets(d, diags);
    lint_urusan(d, v, diags);
    lint_stated_groups(d, v, diags);
    lint_region_words(d, diags);
    const NarrativeScope scope = narrative_scope(d, v);
    lint_sasaran_narrative(d, v, scope, diags);
    for (std::size_t i = 0; i < d.program.size(); ++i) lint_activity_narrative(d, d.program[i], v.program[i], scope, diags);
    lint_pk(d, diags);
    lint_kepala_daerah(d, diags);
    lint_keputusan_iku(d, diags);
    lint_iku(d, diags);
    compute::lint_evaluasi_akip(d, diags);
    for (std::size_t i = 0; i < d.renstra.sasaran.size(); ++i) {
        if (v.sasaran[i].indicators.empty()) {
            diags.warning(d.renstra.sasaran[i].id.pos,
                          _f("sasaran `{}` has no indikator, so its capaian cannot be measured",
                                      d.renstra.sasaran[i].id.value));
        }
    }
}

}  // namespace lkjip

namespace lkjip::narrative {

Subject indicator_subject(const Indicator& indicator, const compute::IndicatorResult& r) {
    Subject subj;
    subj.name = indicator.nama.value;
    if (r.trend) subj.movement = *r.trend == compute::Trend::naik ? 1 : *r.trend == compute::Trend::turun ? -1 : 0;
    subj.better = r.trend_better;
    if (r.capaian.measurable()) subj.tercapai = r.tercapai;
    return subj;
}

void add_scale_titles(const Scale& scale, std::vector<std::string>& titles) {
    for (const auto& b : scale.bands) {
        titles.push_back(b.predikat);
        if (!b.kategori.empty()) titles.push_back(b.kategori);
    }
}

}  // namespace lkjip::narrative
