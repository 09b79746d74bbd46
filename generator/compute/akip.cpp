// The AKIP evaluation: total, predikat and the lints of what a source printed (compute/akip.hpp).
#include "compute/akip.hpp"

#include <cmath>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "compute/idformat.hpp"

namespace lkjip::compute {

namespace {

double round_to(double x, int places) {
    const double f = std::pow(10.0, places);
    return std::round(x * f) / f;
}

}  // namespace

AkipPredikat akip_predikat(double nilai) {
    // Lower bounds are exclusive ("> 80 - 90"), as the regulation writes them; the lowest band
    // takes everything from 0.
    struct Band {
        double above;
        const char* kode;
        const char* uraian;
    };
    static constexpr Band kBands[] = {
        {90, "AA", "Sangat Memuaskan"}, {80, "A", "Memuaskan"}, {70, "BB", "Sangat Baik"}, {60, "B", "Baik"},
        {50, "CC", "Cukup (Memadai)"},  {30, "C", "Kurang"},
    };
    for (const Band& b : kBands) {
        if (nilai > b.above) return {b.kode, b.uraian};
    }
    return {"D", "Sangat Kurang"};
}

AkipResult akip_result(const AkipEvaluation& e) {
    AkipResult r;
    double sum = 0;
    for (const auto& c : e.komponen) {
        r.bobot += c.bobot.value;
        sum += c.nilai.value;
    }
    r.bobot = round_to(r.bobot, kAkipDecimals);
    r.nilai = round_to(sum, kAkipDecimals);
    r.predikat = akip_predikat(r.nilai);
    return r;
}

void lint_evaluasi_akip(const AgencyYear& d, Diagnostics& diags) {
    for (const auto& e : d.evaluasi_akip) {
        const AkipResult r = akip_result(e);
        if (e.nilai_tertulis && round_to(e.nilai_tertulis->value, kAkipDecimals) != r.nilai) {
            diags.warning(e.nilai_tertulis->pos,
                          _f("the AKIP evaluation {} states a total of {}, but its components add up to {}", e.tahun.value,
                             idfmt::angka(e.nilai_tertulis->value, kAkipDecimals), idfmt::angka(r.nilai, kAkipDecimals)),
                          _("the report prints the computed total"));
        }
        // "A" or "A (Memuaskan)": the code is what the scale fixes.
        const std::string printed =
            e.predikat_tertulis ? e.predikat_tertulis->value.substr(0, e.predikat_tertulis->value.find(' ')) : "";
        if (e.predikat_tertulis && printed != r.predikat.kode) {
            diags.warning(e.predikat_tertulis->pos,
                          _f("the AKIP evaluation {} states the predikat '{}', but its total {} is '{}' ({}) on "
                             "the scale of PermenPANRB 88/2021",
                             e.tahun.value, e.predikat_tertulis->value, idfmt::angka(r.nilai, kAkipDecimals),
                             r.predikat.kode, r.predikat.uraian),
                          _("the report prints the computed predikat"));
        }
    }
}

}  // namespace lkjip::compute
