#include "compute/rujukan.hpp"

#include <algorithm>
#include <cmath>

namespace lkjip::compute {

int figure_decimals(double x) {
    for (int d = 0; d < kMaxReferenceDecimals; ++d) {
        const double scaled = x * std::pow(10.0, d);
        if (std::fabs(scaled - std::round(scaled)) < 1e-6) return d;
    }
    return kMaxReferenceDecimals;
}

namespace {

void add_group(const ReferenceGroup& g, std::vector<std::optional<double>>& sums, const ReferenceTable& t) {
    for (const auto& row : g.baris) {
        for (std::size_t c = 0; c < row.size() && c < t.kolom.size(); ++c) {
            if (!t.kolom[c].angka || !row[c].angka) continue;
            sums[c] = sums[c].value_or(0.0) + *row[c].angka;
        }
    }
}

}  // namespace

std::vector<std::optional<double>> reference_sums(const ReferenceTable& t, std::optional<std::size_t> group) {
    std::vector<std::optional<double>> sums(t.kolom.size());
    if (group) add_group(t.kelompok[*group], sums, t);
    else for (const auto& g : t.kelompok) add_group(g, sums, t);
    return sums;
}

}  // namespace lkjip::compute
