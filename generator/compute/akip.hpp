// The AKIP evaluation of one year (model AkipEvaluation, seed 002 Tabel 3.40): the total of the
// component scores and its predikat on the scale of PermenPANRB 88/2021. Pure functions, like
// compute.hpp; `lint_evaluasi_akip` gives the warnings of `lkjip check` for what a source printed.
#pragma once

#include <optional>
#include <string>

#include "common/diagnostics.hpp"
#include "model/model.hpp"

namespace lkjip::compute {

// The evaluation's scores add up to its total; the total is compared at two decimals, the
// precision every AKIP report prints (seed 002: 85,75).
inline constexpr int kAkipDecimals = 2;

struct AkipPredikat {
    std::string kode;    // "A"
    std::string uraian;  // "Memuaskan"
};

struct AkipResult {
    double bobot = 0;  // sum of the weights (100 on the 88/2021 scale)
    double nilai = 0;  // sum of the scores, rounded to kAkipDecimals
    AkipPredikat predikat;
};

// PermenPANRB 88/2021, Lampiran (Kategori Nilai AKIP): AA > 90-100 Sangat Memuaskan, A > 80-90
// Memuaskan, BB > 70-80 Sangat Baik, B > 60-70 Baik, CC > 50-60 Cukup (Memadai), C > 30-50
// Kurang, D 0-30 Sangat Kurang. Seed 002: 85,75 "A (Memuaskan)", 73,02 "BB".
AkipPredikat akip_predikat(double nilai);

AkipResult akip_result(const AkipEvaluation& e);

// A printed total (`nilai_tertulis`) or predikat (`predikat_tertulis`) that the components do
// not give: the report prints the computed ones.
void lint_evaluasi_akip(const AgencyYear& d, Diagnostics& diags);

}  // namespace lkjip::compute
