// The Renja's ratios and pagu sums (renja.hpp; Permendagri 86/2017 Tabel T-C.29, seed 001).
#include "compute/renja.hpp"

namespace lkjip::compute {

namespace {

std::optional<double> at(const std::map<int, double>& m, int year) {
    auto it = m.find(year);
    return it == m.end() ? std::nullopt : std::optional<double>(it->second);
}

}  // namespace

RenjaEvaluasi renja_evaluasi(const RenjaSeries& s, int n, int tahun_target_renstra, int first_year,
                             NegativeFormula negative_formula, ZeroTarget zero_target) {
    RenjaEvaluasi e;
    e.target_renstra = at(s.target_renstra, tahun_target_renstra);
    if (!e.target_renstra) e.target_renstra = at(s.target, tahun_target_renstra);
    e.realisasi_sd_n3 = realisasi_to_date(s.realisasi, first_year, n - 3, s.tipe);
    e.target_n2 = at(s.target, n - 2);
    e.realisasi_n2 = at(s.realisasi, n - 2);
    e.tingkat_realisasi = capaian(e.target_n2, e.realisasi_n2, s.polarity, negative_formula, zero_target);
    e.target_n1 = at(s.target, n - 1);
    // The year under way has no realisasi yet when the Renja is written: its target stands for it.
    const std::optional<double> n1 = at(s.realisasi, n - 1) ? at(s.realisasi, n - 1) : e.target_n1;
    if (n1) {
        std::map<int, double> expected;
        for (const auto& [year, v] : s.realisasi) {
            if (year <= n - 2) expected[year] = v;
        }
        expected[n - 1] = *n1;
        e.realisasi_sd_n1 = realisasi_to_date(expected, first_year, n - 1, s.tipe);
    }
    e.tingkat_capaian = capaian(e.target_renstra, e.realisasi_sd_n1, s.polarity, negative_formula, zero_target);
    return e;
}

RenjaBudget renja_budget(const Activity& a, bool pagu_is_plan, std::vector<std::string>& missing,
                         std::vector<std::string>& overflow) {
    RenjaBudget b;
    if (a.hanya_evaluasi) return b;
    if (a.children.empty()) {
        if (a.pagu_indikatif) b.pagu_indikatif = a.pagu_indikatif->value;
        else if (pagu_is_plan && a.pagu) b.pagu_indikatif = a.pagu->value;
        else missing.push_back(a.kode.value);
        b.rancangan = a.rancangan_awal && a.rancangan_awal->pagu ? a.rancangan_awal->pagu->value : b.pagu_indikatif;
        if (a.prakiraan_maju) b.prakiraan_maju = a.prakiraan_maju->value;
        return b;
    }
    for (const Activity& c : a.children) {
        RenjaBudget cb = renja_budget(c, pagu_is_plan, missing, overflow);
        bool ok = add_money(b.pagu_indikatif, cb.pagu_indikatif) && add_money(b.rancangan, cb.rancangan);
        if (cb.prakiraan_maju) {
            if (!b.prakiraan_maju) b.prakiraan_maju = Money{};
            ok = ok && add_money(*b.prakiraan_maju, *cb.prakiraan_maju);
        }
        if (!ok) overflow.push_back(a.kode.value);
        b.children.push_back(std::move(cb));
    }
    return b;
}

}  // namespace lkjip::compute
