// A total row of a [[tabel_rujukan]] a source printed (`jumlah_tertulis`) against the sum of its
// rows (issue 15; seed 000's stok SEMBAKO: "TOTAL BERAS" penyaluran 7.227 over rows that add up to
// 7.228). The stated total is compared at the decimals it is written with, so a source that
// rounds its totals (2.128 for 2.128,25) agrees.
#include "data/lint_rujukan.hpp"

#include <cmath>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "compute/idformat.hpp"
#include "compute/rujukan.hpp"

namespace lkjip {

namespace {

void check_row(const ReferenceTable& t, const std::vector<Located<double>>& stated, const std::string& label,
               const std::vector<std::optional<double>>& sums, Diagnostics& diags) {
    std::size_t k = 0;
    for (std::size_t c = 0; c < t.kolom.size(); ++c) {
        if (!t.kolom[c].angka) continue;
        if (k >= stated.size()) return;
        const Located<double>& s = stated[k++];
        const double sum = sums[c].value_or(0.0);
        const int d = compute::figure_decimals(s.value);
        const double scale = std::pow(10.0, d);
        if (std::round(sum * scale) == std::round(s.value * scale)) continue;
        const int shown = std::max(d, compute::figure_decimals(sum));
        diags.warning(s.pos,
                      _f("table '{}': the row '{}' states {} for '{}', but its rows add up to {}", t.judul.value,
                                  label, idfmt::angka(s.value, d), t.kolom[c].judul.value, idfmt::angka(sum, shown)),
                      _("the report prints the computed sum"));
    }
}

}  // namespace

void lint_tabel_rujukan(const AgencyYear& d, Diagnostics& diags) {
    for (const ReferenceTable& t : d.tabel_rujukan) {
        for (std::size_t g = 0; g < t.kelompok.size(); ++g) {
            const ReferenceGroup& grp = t.kelompok[g];
            if (grp.jumlah) check_row(t, grp.jumlah_tertulis, grp.jumlah->value, compute::reference_sums(t, g), diags);
        }
        if (t.jumlah) check_row(t, t.jumlah_tertulis, t.jumlah->value, compute::reference_sums(t, std::nullopt), diags);
    }
}

}  // namespace lkjip
