// The revenue beside the belanja by jenis (issue 15; seed 000 Tabel 1.9 "Realisasi Keuangan":
// PENDAPATAN with its lines and "Jumlah Pendapatan", BELANJA, "Surplus / (Defisit)"), and the
// sources of the funds BAB I names. Sums computed from the lines, never what a source printed.
#include "compute/belanja.hpp"
#include "report/context_build.hpp"

namespace lkjip::report {

namespace {

// Exact sums in sen; an overflow (more than 9,2·10^16 rupiah) gives no total rather than a wrong one.
bool add(Money& to, Money m) { return !__builtin_add_overflow(to.sen, m.sen, &to.sen); }

Value amounts(std::optional<Money> anggaran, std::optional<Money> realisasi) {
    Map m;
    m.emplace_back("anggaran", anggaran ? money_value(*anggaran) : none());
    m.emplace_back("realisasi", realisasi ? money_value(*realisasi) : none());
    const auto pct = anggaran && realisasi ? compute::persen_of(*realisasi, *anggaran) : std::nullopt;
    m.emplace_back("persen", pct ? num(*pct) : none());
    return map(std::move(m));
}

}  // namespace

void add_pendapatan_jumlah(Map& out, const Anggaran& a) {
    List sumber;
    for (const auto& s : a.sumber_dana) sumber.push_back(str(s.value, s.pos));
    out.emplace_back("sumber_dana", list(std::move(sumber)));
    Money target, realisasi;
    bool ok = !a.pendapatan.empty();
    for (const auto& r : a.pendapatan) ok = ok && add(target, r.target.value) && add(realisasi, r.realisasi.value);
    out.emplace_back("pendapatan_jumlah", ok ? amounts(target, realisasi) : none());
    // Pendapatan minus belanja, as Tabel 1.9 closes: only where both sides are whole.
    const auto belanja = compute::belanja_total(a.belanja);
    if (!ok || a.belanja.empty() || !belanja || !belanja->ada_pagu) {
        out.emplace_back("surplus", none());
        return;
    }
    std::optional<Money> s_anggaran, s_realisasi;
    Money x;
    if (!__builtin_sub_overflow(target.sen, belanja->pagu.sen, &x.sen)) s_anggaran = x;
    if (belanja->ada_realisasi && !__builtin_sub_overflow(realisasi.sen, belanja->realisasi.sen, &x.sen)) s_realisasi = x;
    out.emplace_back("surplus", amounts(s_anggaran, s_realisasi));
}

}  // namespace lkjip::report
