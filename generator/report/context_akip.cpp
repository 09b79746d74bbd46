// `evaluasi_akip` of the report context (docs/report-context.md): the AKIP evaluations by year,
// with the total and predikat computed (compute/akip.hpp) from the component scores.
#include <algorithm>
#include <cmath>

#include "compute/akip.hpp"
#include "report/context_build.hpp"

namespace lkjip::report {

Value evaluasi_akip_context(const AgencyYear& d) {
    std::vector<const AkipEvaluation*> sorted;
    for (const auto& e : d.evaluasi_akip) sorted.push_back(&e);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const AkipEvaluation* a, const AkipEvaluation* b) { return a->tahun.value < b->tahun.value; });
    List out;
    for (const AkipEvaluation* e : sorted) {
        const compute::AkipResult r = compute::akip_result(*e);
        bool whole_weights = true;
        List komponen;
        for (const auto& c : e->komponen) {
            whole_weights = whole_weights && c.bobot.value == std::floor(c.bobot.value);
            Map cm;
            cm.emplace_back("nama", str(c.nama.value, c.nama.pos));
            cm.emplace_back("bobot", num(c.bobot.value, c.bobot.pos));
            cm.emplace_back("nilai", num(c.nilai.value, c.nilai.pos));
            // Share of the weight reached: where the agency lost points.
            cm.emplace_back("persen", c.bobot.value > 0 ? num(c.nilai.value / c.bobot.value * 100) : none());
            komponen.push_back(map(std::move(cm)));
        }
        Map m;
        m.emplace_back("tahun", integer(e->tahun.value, e->tahun.pos));
        m.emplace_back("evaluator", e->evaluator ? str(e->evaluator->value, e->evaluator->pos) : none());
        m.emplace_back("indikator", e->indikator ? str(e->indikator->value, e->indikator->pos) : none());
        // Printed in the analysis of its indicator's sasaran; otherwise after the IKU tables.
        bool on_sasaran = false;
        for (const auto& ind : d.indikator) {
            on_sasaran = on_sasaran || (e->indikator && ind.id.value == e->indikator->value &&
                                        ind.owner_kind == OwnerKind::sasaran);
        }
        m.emplace_back("pada_sasaran", boolean(on_sasaran));
        m.emplace_back("komponen", list(std::move(komponen)));
        m.emplace_back("bobot", num(r.bobot));
        m.emplace_back("desimal_bobot", integer(whole_weights ? 0 : compute::kAkipDecimals));
        m.emplace_back("nilai", num(r.nilai));
        m.emplace_back("predikat", str(r.predikat.kode));
        m.emplace_back("predikat_uraian", str(r.predikat.uraian));
        out.push_back(map(std::move(m)));
    }
    return list(std::move(out));
}

}  // namespace lkjip::report
