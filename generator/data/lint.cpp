// Warnings for the mistakes ../shared/DOMAIN.md §6 found in real reports, where the data alone
// can reveal them. None stops the report: the report prints the computed figure either way.
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "compute/compute.hpp"
#include "compute/idformat.hpp"
#include "data/data.hpp"

namespace lkjip {

namespace {

std::string rp(Money m) {
    const std::int64_t whole = m.sen / 100, sen = std::llabs(m.sen % 100);
    return sen == 0 ? idfmt::rupiah(whole) : fmt::format("{},{:02}", idfmt::rupiah(whole), sen);
}

// Seed 002 Tabel 1.1: "59" printed under cells that add up to 60.
void lint_staff(const AgencyYear& d, const compute::ReportValues& v, Diagnostics& diags) {
    for (std::size_t i = 0; i < d.pegawai.size(); ++i) {
        const auto& t = d.pegawai[i];
        if (t.total_tertulis && t.total_tertulis->value != v.pegawai[i].total) {
            diags.warning(t.total_tertulis->pos,
                          fmt::format("staff table '{}' states a total of {}, but its rows add up to {}", t.judul.value,
                                      t.total_tertulis->value, v.pegawai[i].total),
                          "the report prints the computed total");
        }
    }
}

void check_stated(const std::optional<Located<Money>>& stated, Money computed, const std::string& what,
                  const char* kind, Diagnostics& diags) {
    if (stated && stated->value != computed) {
        diags.warning(stated->pos, fmt::format("{} states {} {}, but its parts add up to {} (a difference of {})", what,
                                               kind, rp(stated->value), rp(computed),
                                               rp(Money{stated->value.sen - computed.sen})),
                      "the report prints the computed sum");
    }
}

// Seed 002 Tabel 3.12 (8.237.500 for 8.327.500), seed 001 Tabel 2.4, seeds 000/004 totals off.
void lint_budget(const Activity& a, const compute::ActivityResult& r, Diagnostics& diags) {
    const std::string what = fmt::format("{} {}", a.level == ActivityLevel::program ? "program" : "kegiatan", a.kode.value);
    const bool penetapan = a.pagu_tertulis_jenis.value == PaguStated::penetapan;
    check_stated(a.pagu_tertulis, penetapan ? r.budget.pagu_penetapan : r.budget.pagu, what,
                 penetapan ? "a pagu penetapan of" : "a pagu of", diags);
    if (r.budget.has_realisasi) check_stated(a.realisasi_tertulis, r.budget.realisasi, what, "a realisasi of", diags);
    // A sub kegiatan cannot spend more than its pagu in force (Permendagri 77/2020: belanja is bounded by
    // the DPA); more is a transcription slip (a digit too many, the pagu of another row).
    if (a.children.empty() && a.realisasi) {
        const Money in_force = a.pagu_perubahan ? a.pagu_perubahan->value : a.pagu ? a.pagu->value : Money{};
        if (a.realisasi->value.sen > in_force.sen) {
            diags.warning(a.realisasi->pos,
                          fmt::format("sub kegiatan {}: realisasi {} exceeds its pagu {}{}", a.kode.value, rp(a.realisasi->value),
                                      rp(in_force), in_force.sen == 0 ? " (spending without a budget)" : ""),
                          "check the realisasi and the pagu against the DPA");
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
                          fmt::format("indikator `{}`: the PK target {} differs from the Renstra target {} for {}", ind.id.value,
                                      idfmt::angka(ind.target_pk->value, dec), idfmt::angka(t->value, dec), year),
                          "the report measures against the PK target; if the PK was revised, record it as [pk.perubahan]");
        }
    }
    // Units that drift (seed 002: Juta USD vs Rp Trilyun for one indicator).
    for (const auto& [y, unit] : ind.satuan_tahun) {
        if (unit.value != ind.satuan.value) {
            diags.warning(unit.pos, fmt::format("indikator `{}` is in `{}` in {} but in `{}` otherwise; values in different "
                                                "units cannot be compared", ind.id.value, unit.value, y, ind.satuan.value));
        }
    }
    for (const auto& [y, v] : ind.target.by_year) {
        if (y < first || y > last) {
            diags.warning(v.pos, fmt::format("indikator `{}` has a target for {}, outside the Renstra period {}-{}",
                                             ind.id.value, y, first, last));
        }
    }
    for (const auto& [y, v] : ind.realisasi.by_year) {
        if (y > year) {
            diags.warning(v.pos, fmt::format("indikator `{}` has a realisasi for {}, after the report year {}",
                                             ind.id.value, y, year));
        }
    }
    // Typed realisasi vs the value of its formula.
    if (ind.rumus) {
        for (const auto& [y, typed] : ind.realisasi.by_year) {
            auto it = r.realisasi.find(y);
            if (it != r.realisasi.end() && idfmt::round_half_up(it->second, dec) != idfmt::round_half_up(typed.value, dec)) {
                diags.warning(typed.pos, fmt::format("indikator `{}`: realisasi {} for {} disagrees with its rumus, which "
                                                     "gives {}", ind.id.value, idfmt::angka(typed.value, dec), y,
                                                     idfmt::angka(it->second, dec)),
                              "the report uses the value computed from the komponen");
            }
        }
    }
    // Below target with nothing said about why (PermenPANRB 53/2014 asks for the causes).
    if (r.capaian.measurable() && !r.tercapai && ind.owner_kind == OwnerKind::sasaran) {
        const Sasaran* s = find_sasaran(d, ind.owner.value);
        if (s && !s->analisis && !s->faktor_penghambat && !s->solusi) {
            diags.warning(ind.pos, fmt::format("indikator `{}` is below target ({}%) but sasaran `{}` has no `analisis`, "
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
        diags.warning(d.pos, fmt::format("the data file has no [pk]: the Lampiran of the LKjIP leaves the Perjanjian Kinerja {} out",
                                         year),
                      "add [pk] with the date the PK was signed (docs/data-format.md)");
        return;
    }
    std::vector<std::pair<const Located<Date>*, const char*>> dates = {{&d.pk->tanggal, "the PK"}};
    if (d.pk->perubahan) dates.emplace_back(&d.pk->perubahan->tanggal, "the PK Perubahan");
    for (const auto& [date, what] : dates) {
        // A PK of year N is signed at the start of N (at most a month after the DPA), a PK
        // Perubahan after the APBD-P of N: both within N (PermenPANRB 53/2014, Lampiran I).
        if (date->value.year != year) {
            diags.warning(date->pos, fmt::format("{} of {} is dated {}, outside its year", what, year,
                                                 idfmt::tanggal(date->value.year, date->value.month, date->value.day)));
        }
        if (day_key(date->value) > day_key(d.laporan.tanggal.value)) {
            diags.warning(date->pos, fmt::format("{} is dated after the report it is measured in ({})", what,
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
                          fmt::format("the kepala daerah of a {} is a {}, but [pemda.kepala] is `{}`",
                                      kKind[static_cast<int>(t.kind)], t.word, d.pemda.kepala->jabatan.value),
                          "check `jabatan` of [pemda.kepala] against `jenis` of [pemda]");
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
            diags.warning(ind.pos, fmt::format("IKU `{}` has no `rumus` or `formula`: the decree's Rumus Perhitungan is empty",
                                               ind.id.value));
        }
        if (!ind.sumber_data) {
            diags.warning(ind.pos, fmt::format("IKU `{}` has no `sumber_data`: the decree's Sumber Data is empty", ind.id.value));
        }
    }
}

}  // namespace

void lint_agency_year(const AgencyYear& d, Diagnostics& diags) {
    const compute::ReportValues v = compute::compute_report(d);
    const Person& head = d.pimpinan;
    for (const auto& [value, key] : {std::pair{&head.nama, "nama"}, {&head.pangkat, "pangkat"}, {&head.nip, "nip"}}) {
        if (!*value) {
            diags.warning(head.jabatan.pos, fmt::format("[pimpinan] has no `{}`: the signature blocks will have none", key));
        }
    }
    const int year = d.laporan.tahun.value;
    if (year < d.renstra.mulai.value || year > d.renstra.akhir.value) {
        diags.warning(d.laporan.tahun.pos, fmt::format("the report year {} is outside the Renstra period {}-{}", year,
                                                       d.renstra.mulai.value, d.renstra.akhir.value));
    }
    lint_staff(d, v, diags);
    for (std::size_t i = 0; i < d.program.size(); ++i) lint_budget(d.program[i], v.program[i], diags);
    const bool penetapan = d.anggaran.pagu_tertulis_jenis.value == PaguStated::penetapan;
    check_stated(d.anggaran.pagu_tertulis, penetapan ? v.total.pagu_penetapan : v.total.pagu, "the agency",
                 penetapan ? "a total pagu penetapan of" : "a total pagu of", diags);
    if (!d.program.empty() && v.total.pagu.sen <= 0) {
        diags.warning(d.program.front().pos,
                      "the pagu of all programs adds up to Rp 0, so the report has no budget to compare realisasi with",
                      "give the pagu of each sub kegiatan from the DPA");
    }
    if (v.total.has_realisasi) {
        check_stated(d.anggaran.realisasi_tertulis, v.total.realisasi, "the agency", "a total realisasi of", diags);
    }
    for (const auto& what : v.overflow) {
        diags.error(d.laporan.tahun.pos, fmt::format("the budget sum of {} exceeds what lkjip can add exactly", what));
    }
    for (std::size_t i = 0; i < d.indikator.size(); ++i) lint_indicator(d, d.indikator[i], v.indikator[i], diags);
    lint_pk(d, diags);
    lint_kepala_daerah(d, diags);
    lint_keputusan_iku(d, diags);
    for (std::size_t i = 0; i < d.renstra.sasaran.size(); ++i) {
        if (v.sasaran[i].indicators.empty()) {
            diags.warning(d.renstra.sasaran[i].id.pos,
                          fmt::format("sasaran `{}` has no indikator, so its capaian cannot be measured",
                                      d.renstra.sasaran[i].id.value));
        }
    }
}

}  // namespace lkjip
