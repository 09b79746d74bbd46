#include "compute/belanja.hpp"

#include "compute/compute.hpp"

namespace lkjip::compute {

namespace {

bool add_into(BelanjaSum& into, const BelanjaSum& part) {
    into.ada_pagu = into.ada_pagu || part.ada_pagu;
    into.ada_realisasi = into.ada_realisasi || part.ada_realisasi;
    return add_money(into.pagu, part.pagu) && add_money(into.realisasi, part.realisasi);
}

}  // namespace

std::optional<BelanjaSum> belanja_sum(const BelanjaJenis& line) {
    if (!line.rincian.empty()) return belanja_total(line.rincian);
    BelanjaSum s;
    if (line.pagu) s = {line.pagu->value, s.realisasi, true, false};
    if (line.realisasi) {
        s.realisasi = line.realisasi->value;
        s.ada_realisasi = true;
    }
    return s;
}

std::optional<BelanjaSum> belanja_total(const std::vector<BelanjaJenis>& lines) {
    BelanjaSum total;
    for (const auto& l : lines) {
        const auto s = belanja_sum(l);
        if (!s || !add_into(total, *s)) return std::nullopt;
    }
    return total;
}

}  // namespace lkjip::compute
