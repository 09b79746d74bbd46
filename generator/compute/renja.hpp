// The Renja's computed values (issue 14): the ratios of Tabel 2.1 (Permendagri 86/2017, Lampiran
// Tabel T-C.29 "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian
// Renstra Perangkat Daerah"; seed 001 Tabel 2.1) and the pagu indikatif at every level of the
// program tree. Pure functions over plain values; the report stage names and prints them.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "compute/compute.hpp"
#include "model/model.hpp"

namespace lkjip::compute {

// One indicator's values by year, as Tabel 2.1 reads them.
struct RenjaSeries {
    std::map<int, double> target;          // the Renja's (and PK's) target per year
    std::map<int, double> realisasi;       // per year
    std::map<int, double> target_renstra;  // the Renstra's, where the data gives it apart
    Aggregation tipe = Aggregation::last_value;
    Polarity polarity = Polarity::positive;
};

// The numbered columns of Tabel 2.1 for plan year N, written in N-1:
//   (4)  the Renstra target of `tahun_target_renstra` (its own series, else the indicator's target
//        of that year: a Renja that follows its Renstra);
//   (5)  the realisasi up to N-3: the last value at or before N-3 (data terakhir), or the sum of
//        the years from `first_year` to N-3 (kumulatif);
//   (6)  (7) the target and realisasi of the Renja N-2;  (8) = (7) / (6) × 100, the tingkat realisasi;
//   (9)  the target of the Renja N-1, the year under way;
//   (10) the expected realisasi up to N-1 = (5) + (7) + (9) in the regulation's words: the
//        realisasi of N-1 when known, else its target (9), added to the earlier years (kumulatif)
//        or standing for them (data terakhir); none without a value of N-1;
//   (11) = (10) / (4) × 100, the tingkat capaian realisasi target Renstra.
// The ratios follow `capaian` (compute.hpp): a missing year or a zero target is not measurable
// and says why; negative polarity uses the report's negative formula.
struct RenjaEvaluasi {
    std::optional<double> target_renstra, realisasi_sd_n3, target_n2, realisasi_n2, target_n1, realisasi_sd_n1;
    Capaian tingkat_realisasi, tingkat_capaian;
};
RenjaEvaluasi renja_evaluasi(const RenjaSeries& s, int tahun_rencana, int tahun_target_renstra, int first_year,
                             NegativeFormula negative_formula, ZeroTarget zero_target);

// The pagu of one activity in the Renja, summed from its leaves: the pagu indikatif of the plan
// year N, the prakiraan maju of N+1 and the rancangan awal RKPD's pagu (a leaf's own, else its
// pagu indikatif: the analysis kept it). A leaf's pagu indikatif is its `pagu_indikatif`, else
// its `pagu` when the plan year is the report year (`pagu_is_plan`). An activity of the evaluation
// only (`hanya_evaluasi`) enters no sum. `missing` lists the leaves (by code) without a pagu
// indikatif; `overflow` names a sum past exact int64 arithmetic.
struct RenjaBudget {
    Money pagu_indikatif, rancangan;
    std::optional<Money> prakiraan_maju;  // none when no leaf below gives one
    std::vector<RenjaBudget> children;    // parallel to Activity::children
};
RenjaBudget renja_budget(const Activity& a, bool pagu_is_plan, std::vector<std::string>& missing,
                         std::vector<std::string>& overflow);

}  // namespace lkjip::compute
