// `[[anggaran.belanja]]`: the belanja by jenis (issue 15; seed 000 Tabel 1.9 "Realisasi Keuangan":
// Belanja Operasi (Pegawai, Barang dan Jasa), Belanja Modal (Tanah, Peralatan dan Mesin, Gedung
// dan Bangunan, …), Belanja Tidak Terduga). Two levels, as the Permendagri 77/2020 classification
// the table follows prints them at this depth: a jenis and its rincian.
#include <fmt/format.h>

#include "common/i18n.hpp"
#include "compute/belanja.hpp"
#include "data/load_model.hpp"

namespace lkjip::data {

namespace {

// A Tabel 1.9 has 4 jenis (operasi, modal, tidak terduga, transfer) and at most 6 rincian each
// (belanja modal); 64 leaves room for a finer source while keeping the printed table to a page or
// two and the sums far from overflow.
constexpr std::size_t kMaxBelanjaLines = 64;

BelanjaJenis read_line(const toml::table& t, Diagnostics& diags, bool top) {
    TableReader r(t, top ? "[[anggaran.belanja]]" : _("a rincian of [[anggaran.belanja]]"), diags);
    BelanjaJenis b;
    b.pos = pos_of(t);
    b.uraian = r.string("uraian");
    b.pagu = r.opt_money("pagu");
    b.realisasi = r.opt_money("realisasi");
    b.pagu_tertulis = r.opt_money("pagu_tertulis");
    b.realisasi_tertulis = r.opt_money("realisasi_tertulis");
    if (top) {
        for (const toml::table* c : r.table_array("rincian", false)) b.rincian.push_back(read_line(*c, diags, false));
    }
    const std::string where = fmt::format("belanja '{}'", b.uraian.value);
    if (!b.rincian.empty()) {
        for (const auto* m : {&b.pagu, &b.realisasi}) {
            if (*m) {
                diags.error((*m)->pos, _f("{} has `rincian`: its amounts are their sum (write what a source "
                                                   "printed as `pagu_tertulis` / `realisasi_tertulis`)",
                                                   where));
            }
        }
    } else {
        for (const auto* m : {&b.pagu_tertulis, &b.realisasi_tertulis}) {
            if (*m) diags.error((*m)->pos, _f("{} has no `rincian`: give its `pagu` and `realisasi`", where));
        }
    }
    for (const auto* m : {&b.pagu, &b.realisasi, &b.pagu_tertulis, &b.realisasi_tertulis}) {
        if (*m && (*m)->value.sen < 0) diags.error((*m)->pos, _f("{}: an amount below zero", where));
    }
    r.finish();
    return b;
}

}  // namespace

std::vector<BelanjaJenis> read_belanja(TableReader& anggaran) {
    std::vector<BelanjaJenis> out;
    Diagnostics& diags = anggaran.diags();
    std::size_t lines = 0;
    for (const toml::table* t : anggaran.table_array("belanja", false)) {
        out.push_back(read_line(*t, diags, true));
        lines += 1 + out.back().rincian.size();
        if (lines > kMaxBelanjaLines) {
            diags.error(out.back().pos, _f("[[anggaran.belanja]] has more than {} lines", kMaxBelanjaLines));
            return {};
        }
    }
    if (!compute::belanja_total(out)) {
        diags.error(anggaran.pos(), _("the amounts of [[anggaran.belanja]] add up beyond what a rupiah total can hold"));
        return {};
    }
    return out;
}

}  // namespace lkjip::data
