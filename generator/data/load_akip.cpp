// [[evaluasi_akip]]: the AKIP evaluation per year (seed 002 Tabel 3.40), docs/data-format.md.
// Its total is the realisasi of the indicator it names (Nilai SAKIP OPD), so the scores are
// stored once and the indicator's value follows from them.
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "compute/akip.hpp"
#include "compute/idformat.hpp"
#include "data/load_model.hpp"

namespace lkjip::data {

namespace {

// Weights are whole points in every evaluation seen (30, 30, 15, 25): print them so.
std::string points(double x) { return idfmt::angka(x, x == std::floor(x) ? 0 : compute::kAkipDecimals); }

AkipEvaluation read_one(const toml::table& t, Diagnostics& diags) {
    TableReader r(t, "[[evaluasi_akip]]", diags);
    AkipEvaluation e;
    e.pos = r.pos();
    auto tahun = r.integer("tahun", 1990, 2200);
    e.tahun = {static_cast<int>(tahun.value), tahun.pos};
    e.evaluator = r.opt_string("evaluator");
    e.indikator = r.opt_string("indikator");
    e.nilai_tertulis = r.opt_number_in("nilai_tertulis", 0, 100);
    e.predikat_tertulis = r.opt_string("predikat_tertulis");
    double bobot = 0;
    for (const toml::table* c : r.table_array("komponen", true)) {
        TableReader cr(*c, _f("a komponen of [[evaluasi_akip]] {}", e.tahun.value), diags);
        AkipComponent k;
        k.nama = cr.string("nama");
        // Weights and scores are points out of 100 (PermenPANRB 88/2021): nothing else is an AKIP score.
        const auto b = cr.opt_number_in("bobot", 0, 100);
        const auto n = cr.opt_number_in("nilai", 0, 100);
        if (b) k.bobot = *b;
        else if (!cr.has("bobot")) cr.number("bobot");
        if (n) k.nilai = *n;
        else if (!cr.has("nilai")) cr.number("nilai");
        if (b && n && k.nilai.value > k.bobot.value) {
            diags.error(k.nilai.pos, _f("komponen '{}' scores {}, above its bobot {}", k.nama.value,
                                                 idfmt::angka(k.nilai.value, compute::kAkipDecimals),
                                                 points(k.bobot.value)),
                        _("a component cannot score more than its weight"));
        }
        bobot += k.bobot.value;
        cr.finish();
        e.komponen.push_back(std::move(k));
    }
    // The predikat scale is of a total out of 100; other weights would put it on another scale.
    if (!e.komponen.empty() && std::fabs(bobot - 100) > 1e-9) {
        diags.error(e.pos, _f("the bobot of the komponen of [[evaluasi_akip]] {} add up to {}, not 100",
                                       e.tahun.value, points(bobot)),
                    _("PermenPANRB 88/2021 weighs perencanaan 30, pengukuran 30, pelaporan 15, evaluasi internal 25"));
    }
    r.finish();
    return e;
}

// The linked indicator's realisasi of the year is the total, unless the data typed it: then the
// two must agree at the indicator's precision, as a `rumus` must (docs/data-format.md).
void link_indicator(const AkipEvaluation& e, std::vector<Indicator>& indikator, Diagnostics& diags) {
    if (!e.indikator) return;
    Indicator* ind = nullptr;
    for (auto& i : indikator) {
        if (i.id.value == e.indikator->value) ind = &i;
    }
    if (!ind) {
        diags.error(e.indikator->pos, _f("[[evaluasi_akip]] {} names indicator '{}', which does not exist",
                                                  e.tahun.value, e.indikator->value));
        return;
    }
    if (ind->rumus) {
        diags.error(e.indikator->pos,
                    _f("indicator '{}' computes its realisasi with `rumus` and cannot also take the "
                                "total of [[evaluasi_akip]] {}",
                                ind->id.value, e.tahun.value),
                    _("keep one: the component scores belong in [[evaluasi_akip]]"));
        return;
    }
    const double total = compute::akip_result(e).nilai;
    if (const auto* typed = ind->realisasi.find(e.tahun.value)) {
        const double f = std::pow(10.0, ind->decimals.value);
        if (std::round(typed->value * f) != std::round(total * f)) {
            diags.error(typed->pos,
                        _f("realisasi {} of indicator '{}' is {}, but the components of [[evaluasi_akip]] "
                                    "{} add up to {}",
                                    e.tahun.value, ind->id.value, idfmt::angka(typed->value, ind->decimals.value),
                                    e.tahun.value, idfmt::angka(total, compute::kAkipDecimals)),
                        _("remove the typed value: the report takes the evaluation's total"));
        }
        return;
    }
    ind->realisasi.by_year[e.tahun.value] = Located<double>{total, e.pos};
}

}  // namespace

std::vector<AkipEvaluation> read_evaluasi_akip(TableReader& root, std::vector<Indicator>& indikator) {
    std::vector<AkipEvaluation> out;
    std::set<int> years;
    for (const toml::table* t : root.table_array("evaluasi_akip", false)) {
        AkipEvaluation e = read_one(*t, root.diags());
        if (!years.insert(e.tahun.value).second) {
            root.diags().error(e.tahun.pos, _f("a second [[evaluasi_akip]] for {}", e.tahun.value),
                               _("one evaluation per year"));
            continue;
        }
        link_indicator(e, indikator, root.diags());
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace lkjip::data
