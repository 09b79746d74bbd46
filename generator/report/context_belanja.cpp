// The belanja by jenis in the report context (issue 15; seed 000 Tabel 1.9): every line with its
// pagu, realisasi and percentage; a line with rincian and the whole table carry the sums of their
// parts (compute/belanja.hpp), never what a source printed.
#include "compute/belanja.hpp"
#include "report/context_build.hpp"

namespace lkjip::report {

namespace {

void add_amounts(Map& m, const compute::BelanjaSum& s) {
    m.emplace_back("pagu", s.ada_pagu ? money_value(s.pagu) : none());
    m.emplace_back("realisasi", s.ada_realisasi ? money_value(s.realisasi) : none());
    const auto pct = s.ada_pagu && s.ada_realisasi ? compute::persen_of(s.realisasi, s.pagu) : std::nullopt;
    m.emplace_back("persen", pct ? num(*pct) : none());
}

Value line_context(const BelanjaJenis& l) {
    Map m;
    m.emplace_back("uraian", str(l.uraian.value, l.uraian.pos));
    add_amounts(m, compute::belanja_sum(l).value_or(compute::BelanjaSum{}));
    List rincian;
    for (const auto& r : l.rincian) rincian.push_back(line_context(r));
    m.emplace_back("rincian", list(std::move(rincian)));
    return map(std::move(m));
}

}  // namespace

Value belanja_jenis_context(const std::vector<BelanjaJenis>& lines) {
    Map m;
    List baris;
    for (const auto& l : lines) baris.push_back(line_context(l));
    m.emplace_back("baris", list(std::move(baris)));
    add_amounts(m, compute::belanja_total(lines).value_or(compute::BelanjaSum{}));
    return map(std::move(m));
}

}  // namespace lkjip::report
