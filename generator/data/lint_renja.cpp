// `lkjip check` on the Renja (issue 14): where a Renja's hand-made tables go wrong (seed 001) --
// a stated pagu that is not the sum of its parts, a program carrying the agency total, a Renja
// target that is not the Renstra's, a sub kegiatan without indicator or lokasi, a code outside
// the shape of Permendagri 90/2019. Checked when the data holds [renja]; each is a warning, and the
// Renja prints the computed value.
#include "data/lint_renja.hpp"

#include <cstdlib>
#include <string_view>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "compute/idformat.hpp"
#include "compute/renja.hpp"
#include "data/lint_words.hpp"

namespace lkjip {

namespace {

using lint_words::level_name;
using lint_words::rp;
using lint_words::activity_name;

void stated(const std::optional<Located<Money>>& s, Money computed, const std::string& what, const char* kind,
            Diagnostics& diags) {
    if (s && s->value != computed) {
        diags.warning(s->pos, _f("{} states {} {}, but its parts add up to {} (a difference of {})", what, _(kind),
                                          rp(s->value), rp(computed), rp(Money{s->value.sen - computed.sen})),
                      _("the Renja prints the computed sum"));
    }
}

// Permendagri 90/2019 Lampiran, as Kepmendagri 050-5889/2021 numbers it: urusan "2.17", program
// "2.17.01", kegiatan "2.17.01.1.01", sub kegiatan "2.17.01.1.01.0001".
// The shape is checked by hand, not with std::regex: libstdc++'s matcher recurses once per
// character, and a code is data of any length (docs/limits.md).
bool has_shape(std::string_view code, std::string_view pattern) {
    if (code.size() != pattern.size()) return false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const bool digit = code[i] >= '0' && code[i] <= '9';
        if (pattern[i] == 'X' ? !digit : code[i] != pattern[i]) return false;
    }
    return true;
}
const char* shape_text(ActivityLevel l) {
    return l == ActivityLevel::program ? "X.XX.XX" : l == ActivityLevel::kegiatan ? "X.XX.XX.X.XX" : "X.XX.XX.X.XX.XXXX";
}

struct Walk {
    const AgencyYear& d;
    Diagnostics& diags;
    Money agency_total;
    std::size_t budgeted_programs = 0;
    bool pagu_is_plan = false;  // the plan year is the report year: `pagu_tertulis` is a pagu indikatif too

    void activity(const Activity& a, const compute::RenjaBudget& b) {
        const std::string what = activity_name(a);
        if (!has_shape(a.kode.value, shape_text(a.level))) {
            diags.warning(a.kode.pos, _f("{}: the code does not have the shape of Permendagri 90/2019 ({} for a {})",
                                                  what, shape_text(a.level), level_name(a.level)),
                          _("copy the code from the nomenclature of Kepmendagri 050-5889/2021 (a sub kegiatan has four "
                            "digits after its kegiatan)"));
        }
        for (const ActivityIndicator& ai : a.indikator) {
            for (const auto& [year, r] : ai.target_renstra.by_year) {
                const auto* t = ai.target_tahun.find(year);
                if (!t || t->value == r.value) continue;
                diags.warning(t->pos, _f("{}, indikator `{}`: the Renja target of {} is {}, the Renstra target of "
                                                  "that year {}",
                                                  what, ai.nama.value, year, idfmt::angka(t->value, 2), idfmt::angka(r.value, 2)),
                              _("one of the two was typed wrong, or the Renja changed the Renstra's target: then say why "
                                "(`penjelasan`)"));
            }
        }
        if (!a.hanya_evaluasi && a.level == ActivityLevel::sub_kegiatan) {
            if (a.indikator.empty()) {
                diags.warning(a.pos, _f("{} has no indicator: the Renja gives it no keluaran and no target", what),
                              _("add [[program.kegiatan.sub.indikator]] with its `nama`, `satuan` and `target`"));
            }
            if (!a.lokasi) {
                diags.warning(a.pos, _f("{} has no `lokasi`: the Renja prints \"-\" where it is carried out", what),
                              _("give the place or the kabupaten/kota, as BAB IV of the Renja names it"));
            }
        }
        if (!a.hanya_evaluasi && !a.children.empty()) {
            stated(a.pagu_indikatif_tertulis, b.pagu_indikatif, what, N_("a pagu indikatif of"), diags);
            if (a.rancangan_awal) {
                stated(a.rancangan_awal->pagu_tertulis, b.rancangan, _f("{} in the rancangan awal RKPD", what),
                       N_("a pagu indikatif of"), diags);
            }
        }
        if (a.level == ActivityLevel::program && budgeted_programs > 1) {
            for (const auto* s : {pagu_is_plan ? &a.pagu_tertulis : nullptr, &a.pagu_indikatif_tertulis,
                                  a.rancangan_awal ? &a.rancangan_awal->pagu_tertulis : nullptr}) {
                if (!s || !*s || (*s)->value != agency_total) continue;
                diags.warning((*s)->pos, _f("{} states the agency's whole pagu {} as its own, while {} programs share it",
                                                     what, rp(agency_total), budgeted_programs),
                              _("the total of the agency was copied into the program's row; its own pagu is the sum of "
                                "its kegiatan"));
            }
        }
        for (std::size_t i = 0; i < a.children.size(); ++i) {
            activity(a.children[i], i < b.children.size() ? b.children[i] : compute::RenjaBudget{});
        }
    }
};

}  // namespace

void lint_renja(const AgencyYear& d, const compute::ReportValues& /*v*/, Diagnostics& diags) {
    if (!d.renja) return;
    const bool pagu_is_plan = d.renja->tahun.value == d.laporan.tahun.value;
    std::vector<std::string> missing, overflow;
    std::vector<compute::RenjaBudget> budgets;
    Walk w{d, diags, {}, 0, pagu_is_plan};
    for (const Activity& p : d.program) {
        budgets.push_back(compute::renja_budget(p, pagu_is_plan, missing, overflow));
        if (!p.hanya_evaluasi && budgets.back().pagu_indikatif.sen != 0) ++w.budgeted_programs;
        if (!compute::add_money(w.agency_total, budgets.back().pagu_indikatif)) return;  // build reports the overflow
    }
    for (std::size_t i = 0; i < d.program.size(); ++i) w.activity(d.program[i], budgets[i]);
    stated(d.renja->pagu_tertulis, w.agency_total, _("the agency"), N_("a pagu indikatif of"), diags);
}

}  // namespace lkjip
