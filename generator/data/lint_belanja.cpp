// The belanja by jenis against what a source printed and against the programs (issue 15; seed 000
// Tabel 1.9 prints a realisasi of 16.682.313.556 where its program table adds up to 16.685.313.556).
#include "data/lint_belanja.hpp"

#include <cstdlib>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "compute/belanja.hpp"
#include "compute/idformat.hpp"
#include "data/lint_words.hpp"

namespace lkjip {

namespace {

using lint_words::rp;

void compare(const std::optional<Located<Money>>& stated, Money computed, const std::string& what, const char* kind,
             Diagnostics& diags) {
    if (stated && stated->value != computed) {
        diags.warning(stated->pos, _f("{} states {} {}, but its rincian add up to {}", what, kind,
                                               rp(stated->value), rp(computed)),
                      _("the report prints the computed sum"));
    }
}

}  // namespace

void lint_belanja(const AgencyYear& d, const compute::ReportValues& v, Diagnostics& diags) {
    const auto& lines = d.anggaran.belanja;
    if (lines.empty()) return;
    for (const auto& l : lines) {
        if (l.rincian.empty()) continue;
        const auto s = compute::belanja_sum(l);
        if (!s) return;  // the loader refused it
        const std::string what = fmt::format("belanja '{}'", l.uraian.value);
        compare(l.pagu_tertulis, s->pagu, what, _("a pagu of"), diags);
        compare(l.realisasi_tertulis, s->realisasi, what, _("a realisasi of"), diags);
    }
    const auto total = compute::belanja_total(lines);
    if (!total || d.program.empty()) return;
    // Both tables spend the same budget: by jenis and by program they must add up alike.
    if (total->ada_pagu && total->pagu != v.total.pagu) {
        diags.warning(lines.front().pos,
                      _f("the belanja by jenis adds up to a pagu of {}, but the programs' pagu to {}",
                                  rp(total->pagu), rp(v.total.pagu)),
                      _("both divide the same budget: check the lines of both against the DPA"));
    }
    if (total->ada_realisasi && v.total.has_realisasi && total->realisasi != v.total.realisasi) {
        diags.warning(lines.front().pos,
                      _f("the belanja by jenis adds up to a realisasi of {}, but the programs' realisasi to {}",
                                  rp(total->realisasi), rp(v.total.realisasi)),
                      _("both divide the same spending: check the lines of both against the LRA"));
    }
}

}  // namespace lkjip
