// compute_report: every figure of one agency-year, from the leaf values of the model.
#include <algorithm>
#include <cmath>
#include <set>

#include "compute/compute.hpp"
#include "compute/expression.hpp"

namespace lkjip::compute {

std::map<int, double> indicator_realisasi(const Indicator& ind) {
    std::map<int, double> out;
    for (const auto& [y, v] : ind.realisasi.by_year) out[y] = v.value;
    if (!ind.rumus) return out;
    std::set<int> years;
    for (const auto& c : ind.komponen) {
        for (const auto& [y, v] : c.nilai.by_year) years.insert(y);
    }
    for (int y : years) {
        bool complete = true;
        const auto lookup = [&](std::string_view name) -> std::optional<double> {
            for (const auto& c : ind.komponen) {
                if (c.id.value != name) continue;
                if (const auto* v = c.nilai.find(y)) return v->value;
                complete = false;
                return 0.0;
            }
            return std::nullopt;
        };
        const expr::Result r = expr::evaluate(ind.rumus->value, lookup);
        if (complete && r.value && std::isfinite(*r.value)) out[y] = *r.value;
        if (complete && r.division_by_zero) out.erase(y);
    }
    return out;
}

bool kegiatan_serves(const Activity& p, const Activity& k, const std::string& id) {
    const auto& list = k.sasaran ? k.sasaran : p.sasaran;
    if (!list) return false;
    return std::any_of(list->begin(), list->end(), [&](const Text& t) { return t.value == id; });
}

bool sub_kegiatan_serves(const Activity& p, const Activity& k, const Activity& sub, const std::string& id) {
    if (!sub.sasaran) return kegiatan_serves(p, k, id);
    return std::any_of(sub.sasaran->begin(), sub.sasaran->end(), [&](const Text& t) { return t.value == id; });
}

namespace {

struct Budget {
    std::vector<std::string>& overflow;

    void add(BudgetTotals& into, const BudgetTotals& part, const std::string& what) {
        const bool ok = add_money(into.pagu_penetapan, part.pagu_penetapan) && add_money(into.pagu, part.pagu) &&
                        add_money(into.realisasi, part.realisasi);
        if (!ok) overflow.push_back(what);
        into.has_realisasi = into.has_realisasi || part.has_realisasi;
    }

    static void finish(BudgetTotals& b) {
        if (b.has_realisasi) b.serapan = persen_of(b.realisasi, b.pagu);
    }

    ActivityResult activity(const Activity& a, const Settings& settings) {
        ActivityResult r;
        if (a.children.empty()) {
            if (a.pagu) r.budget.pagu_penetapan = a.pagu->value;
            r.budget.pagu = a.pagu_perubahan ? a.pagu_perubahan->value : r.budget.pagu_penetapan;
            if (a.realisasi) {
                r.budget.realisasi = a.realisasi->value;
                r.budget.has_realisasi = true;
            }
        }
        for (const auto& c : a.children) {
            r.children.push_back(activity(c, settings));
            add(r.budget, r.children.back().budget, a.kode.value);
        }
        // A kegiatan's own penetapan (its sub kegiatan give pagu_perubahan only; see the loader).
        if (!a.children.empty() && a.pagu) r.budget.pagu_penetapan = a.pagu->value;
        finish(r.budget);
        const int dec = settings.decimals.value;
        for (const auto& ind : a.indikator) {
            ActivityIndicatorResult ir;
            std::optional<double> real;
            if (ind.realisasi) real = ind.realisasi->value;
            std::optional<double> target;
            if (ind.target) target = ind.target->value;
            ir.capaian = capaian(target, real, ind.polarity.value, settings.negative_formula.value,
                                 settings.zero_target.value);
            if (ir.capaian.persen) {
                ir.band = band_index(settings.scale.value, *ir.capaian.persen, dec);
                ir.tercapai = tercapai(*ir.capaian.persen, dec);
            }
            r.indikator.push_back(ir);
        }
        return r;
    }
};

IndicatorResult indicator_result(const Indicator& ind, const AgencyYear& d) {
    const Settings& s = d.settings;
    const int year = d.laporan.tahun.value;
    const int dec = s.decimals.value;
    IndicatorResult r;
    r.realisasi = indicator_realisasi(ind);
    for (const auto& [y, v] : ind.target.by_year) r.target[y] = v.value;
    if (ind.target_pk) {
        r.target_tahun = ind.target_pk->value;
    } else if (auto it = r.target.find(year); it != r.target.end()) {
        r.target_tahun = it->second;
    }
    if (auto it = r.realisasi.find(year); it != r.realisasi.end()) r.realisasi_tahun = it->second;
    r.capaian = capaian(r.target_tahun, r.realisasi_tahun, ind.polarity.value, s.negative_formula.value,
                        s.zero_target.value);
    if (r.capaian.persen) {
        r.band = band_index(s.scale.value, *r.capaian.persen, dec);
        r.tercapai = tercapai(*r.capaian.persen, dec);
    }
    if (auto it = r.realisasi.find(year - 1); it != r.realisasi.end()) r.realisasi_sebelumnya = it->second;
    r.trend = trend(r.realisasi_sebelumnya, r.realisasi_tahun, ind.decimals.value);
    if (r.trend) r.trend_better = trend_better(*r.trend, ind.polarity.value);
    r.realisasi_sd = realisasi_to_date(r.realisasi, d.renstra.mulai.value, year, ind.tipe.value, &r.realisasi_sd_tahun);
    std::optional<double> explicit_end;
    if (ind.target_akhir) explicit_end = ind.target_akhir->value;
    r.target_akhir = end_target(r.target, explicit_end, d.renstra.akhir.value, ind.tipe.value);
    r.progres = capaian(r.target_akhir, r.realisasi_sd, ind.polarity.value, s.negative_formula.value, s.zero_target.value);
    if (r.progres.persen) r.progres_band = band_index(s.scale.value, *r.progres.persen, dec);
    return r;
}

GroupResult group_of(const AgencyYear& d, const ReportValues& v, OwnerKind kind, const std::string& id,
                     bool iku_only) {
    GroupResult g;
    std::vector<Capaian> members;
    for (std::size_t i = 0; i < d.indikator.size(); ++i) {
        const Indicator& ind = d.indikator[i];
        if (ind.riwayat) continue;  // measured by an earlier IKU set only
        const bool match = iku_only ? (ind.owner_kind == OwnerKind::sasaran && ind.iku)
                                    : (ind.owner_kind == kind && ind.owner.value == id);
        if (!match) continue;
        g.indicators.push_back(i);
        members.push_back(v.indikator[i].capaian);
    }
    const Settings& s = d.settings;
    g.capaian = group_capaian(members, s.group_method.value, s.scale.value, s.decimals.value, average_policy(s));
    if (g.capaian.persen) g.band = band_index(s.scale.value, *g.capaian.persen, s.decimals.value);
    return g;
}

StaffResult staff_result(const StaffTable& t) {
    StaffResult r;
    const std::size_t n = t.kelompok.size();
    r.column_laki.assign(n, 0);
    r.column_perempuan.assign(n, 0);
    r.column_jumlah.assign(n, 0);
    r.group_total.assign(n, 0);
    for (const auto& row : t.baris) {
        std::int64_t row_total = 0;
        for (std::size_t g = 0; g < n; ++g) {
            const std::int64_t l = g < row.laki.size() ? row.laki[g].value : 0;
            const std::int64_t p = g < row.perempuan.size() ? row.perempuan[g].value : 0;
            const std::int64_t j = g < row.jumlah.size() ? row.jumlah[g].value : l + p;
            r.column_laki[g] += l;
            r.column_perempuan[g] += p;
            r.column_jumlah[g] += j;
            r.group_total[g] += j;
            row_total += j;
        }
        r.row_total.push_back(row_total);
        r.total += row_total;
    }
    return r;
}

}  // namespace

ReportValues compute_report(const AgencyYear& d) {
    ReportValues v;
    for (const auto& ind : d.indikator) v.indikator.push_back(indicator_result(ind, d));
    for (const auto& s : d.renstra.sasaran) v.sasaran.push_back(group_of(d, v, OwnerKind::sasaran, s.id.value, false));
    for (const auto& t : d.renstra.tujuan) {
        v.tujuan.push_back(group_of(d, v, OwnerKind::tujuan, t.id.value, false));
        // A tujuan without indicators of its own is measured by its sasaran.
        if (!v.tujuan.back().indicators.empty()) continue;
        std::vector<Capaian> members;
        for (std::size_t i = 0; i < d.renstra.sasaran.size(); ++i) {
            if (d.renstra.sasaran[i].tujuan.value != t.id.value) continue;
            members.push_back({v.sasaran[i].capaian.persen, {}});
            v.tujuan.back().member_sasaran.push_back(i);
        }
        const Settings& s = d.settings;
        auto& g = v.tujuan.back();
        g.capaian = group_capaian(members, GroupMethod::mean, s.scale.value, s.decimals.value, average_policy(s));
        if (g.capaian.persen) g.band = band_index(s.scale.value, *g.capaian.persen, s.decimals.value);
    }
    v.iku = group_of(d, v, OwnerKind::sasaran, {}, true);
    {
        std::vector<Capaian> members;
        for (std::size_t i = 0; i < d.indikator.size(); ++i) {
            if (d.indikator[i].owner_kind != OwnerKind::tujuan || d.indikator[i].riwayat) continue;
            v.tujuan_semua.indicators.push_back(i);
            members.push_back(v.indikator[i].capaian);
        }
        const Settings& s = d.settings;
        v.tujuan_semua.capaian =
            group_capaian(members, s.group_method.value, s.scale.value, s.decimals.value, average_policy(s));
        if (v.tujuan_semua.capaian.persen) {
            v.tujuan_semua.band = band_index(s.scale.value, *v.tujuan_semua.capaian.persen, s.decimals.value);
        }
    }

    Budget budget{v.overflow};
    for (const auto& p : d.program) {
        v.program.push_back(budget.activity(p, d.settings));
        budget.add(v.total, v.program.back().budget, "total");
    }
    Budget::finish(v.total);
    for (std::size_t i = 0; i < d.program.size(); ++i) {
            for (std::size_t k = 0; k < d.program[i].children.size(); ++k) {
            for (std::size_t si = 0; si < d.renstra.sasaran.size(); ++si) {
                const std::string& id = d.renstra.sasaran[si].id.value;
                const Activity& kg = d.program[i].children[k];
                // A kegiatan whose sub kegiatan all serve the sasaran is listed whole.
                std::vector<std::size_t> serving;
                for (std::size_t c = 0; c < kg.children.size(); ++c) {
                    if (sub_kegiatan_serves(d.program[i], kg, kg.children[c], id)) serving.push_back(c);
                }
                if (!kg.children.empty() && serving.size() < kg.children.size()) {
                    for (std::size_t c : serving) {
                        budget.add(v.sasaran[si].budget, v.program[i].children[k].children[c].budget, "sasaran " + id);
                        v.sasaran[si].kegiatan.emplace_back(i, k);
                        v.sasaran[si].kegiatan_sub.push_back(c);
                    }
                    continue;
                }
                if (kg.children.empty() ? !kegiatan_serves(d.program[i], kg, id) : serving.empty()) continue;
                budget.add(v.sasaran[si].budget, v.program[i].children[k].budget, "sasaran " + id);
                v.sasaran[si].kegiatan.emplace_back(i, k);
                v.sasaran[si].kegiatan_sub.push_back(kWholeKegiatan);
            }
        }
        // Urusan: named on the program, else the [[urusan]] whose kode starts the program kode.
        std::string kode = d.program[i].urusan ? d.program[i].urusan->value : std::string{};
        if (kode.empty()) {
            for (const auto& u : d.urusan) {
                if (d.program[i].kode.value.starts_with(u.kode.value + ".")) kode = u.kode.value;
            }
        }
        auto it = std::find_if(v.urusan.begin(), v.urusan.end(), [&](const UrusanResult& u) { return u.kode == kode; });
        if (it == v.urusan.end()) it = v.urusan.insert(v.urusan.end(), UrusanResult{kode, {}, {}});
        it->programs.push_back(i);
        budget.add(it->budget, v.program[i].budget, "urusan " + kode);
    }
    for (auto& u : v.urusan) Budget::finish(u.budget);

    const int dec = d.settings.decimals.value;
    auto finish_group = [&](GroupResult& g) {
        Budget::finish(g.budget);
        if (g.budget.pagu.sen != 0) g.share = persen_of(g.budget.pagu, v.total.pagu);
        // The achievement, never a class mean of data kelompok (issue 16: Pontianak compared 92,50).
        g.efisiensi = efisiensi(g.capaian.rata_rata, g.budget.serapan, d.settings.efficiency.value, dec);
        if (!g.capaian.implausible.empty() && g.efisiensi.measurable) {
            g.efisiensi = Efisiensi{std::nullopt, g.capaian.rata_rata, false, false, true};
        }
    };
    for (auto& g : v.sasaran) finish_group(g);
    for (auto& g : v.tujuan) finish_group(g);
    for (const auto& t : d.pegawai) v.pegawai.push_back(staff_result(t));
    return v;
}

}  // namespace lkjip::compute
