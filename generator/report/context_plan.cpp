// The planning and budget parts of the report context: Renstra, tujuan, sasaran with their seven
// analyses' values, the IKU set, programs, urusan and the agency budget.
#include <algorithm>
#include <string_view>

#include "common/roman.hpp"
#include "compute/idformat.hpp"
#include "report/context_build.hpp"

namespace lkjip::report {

namespace {

Value opt_text(const OptText& t) { return t ? str(t->value, t->pos) : none(); }

bool any_leaf_changed(const Activity& a) {
    if (a.children.empty()) return a.pagu_perubahan.has_value();
    return std::any_of(a.children.begin(), a.children.end(), any_leaf_changed);
}

// Belanja non gaji as the agency states it: pagu, realisasi and their serapan; none without a pagu.
Value non_gaji_context(const Anggaran& a) {
    if (!a.pagu_non_gaji) return none();
    Map m;
    m.emplace_back("pagu", money_value(a.pagu_non_gaji->value));
    m.emplace_back("realisasi", a.realisasi_non_gaji ? money_value(a.realisasi_non_gaji->value) : none());
    const auto pct = a.realisasi_non_gaji ? compute::persen_of(a.realisasi_non_gaji->value, a.pagu_non_gaji->value)
                                          : std::nullopt;
    m.emplace_back("serapan", pct ? num(*pct) : none());
    return map(std::move(m));
}

}  // namespace

Value ContextBuilder::group(const compute::GroupResult& g) const {
    std::vector<std::pair<std::string, std::string>> names;
    for (std::size_t i : g.indicators) names.emplace_back("indikator", d_.indikator[i].nama.value);
    for (std::size_t i : g.member_sasaran) names.emplace_back("sasaran", d_.renstra.sasaran[i].uraian.value);
    return group_context(g, d_.settings, names);
}

// The indicators of an earlier IKU set (`riwayat`) of one sasaran or tujuan, for the IKU history
// table: numbered on from none, as they stand after the measured ones.
Value ContextBuilder::history_indicators(OwnerKind kind, const std::string& id) const {
    List out;
    int n = 0;
    for (std::size_t i = 0; i < d_.indikator.size(); ++i) {
        const Indicator& ind = d_.indikator[i];
        if (ind.riwayat && ind.owner_kind == kind && ind.owner.value == id) out.push_back(indicator(i, ++n));
    }
    return list(std::move(out));
}

Value ContextBuilder::sasaran(std::size_t index) const {
    const Sasaran& s = d_.renstra.sasaran[index];
    const compute::GroupResult& g = v_.sasaran[index];
    Map m;
    m.emplace_back("nomor", integer(static_cast<std::int64_t>(index + 1)));
    m.emplace_back("id", str(s.id.value, s.id.pos));
    m.emplace_back("uraian", str(s.uraian.value, s.uraian.pos));
    std::string tujuan;
    for (const auto& t : d_.renstra.tujuan) {
        if (t.id.value == s.tujuan.value) tujuan = t.uraian.value;
    }
    m.emplace_back("tujuan_uraian", str(tujuan));
    m.emplace_back("tujuan_id", str(s.tujuan.value, s.tujuan.pos));
    List indicators;
    bool pembanding = false;
    for (std::size_t n = 0; n < g.indicators.size(); ++n) {
        const Indicator& ind = d_.indikator[g.indicators[n]];
        pembanding = pembanding || ind.standar_nasional || !ind.pembanding.empty();
        indicators.push_back(indicator(g.indicators[n], static_cast<int>(n + 1)));
    }
    m.emplace_back("indikator", list(std::move(indicators)));
    m.emplace_back("riwayat", history_indicators(OwnerKind::sasaran, s.id.value));
    m.emplace_back("ada_pembanding", boolean(pembanding));
    m.emplace_back("capaian", group(g));
    m.emplace_back("anggaran", budget_context(g.budget));
    m.emplace_back("porsi", g.share ? num(*g.share) : none());
    Map e;
    e.emplace_back("terukur", boolean(g.efisiensi.measurable));
    e.emplace_back("nilai", g.efisiensi.nilai ? num(*g.efisiensi.nilai) : none());
    e.emplace_back("efisien", boolean(g.efisiensi.efisien));
    e.emplace_back("capaian", g.efisiensi.capaian ? num(*g.efisiensi.capaian) : none());
    e.emplace_back("tidak_wajar", boolean(g.efisiensi.implausible));
    m.emplace_back("efisiensi", map(std::move(e)));

    // Budget lines and supporting programs, in program order.
    List lines, programs;
    std::size_t current = SIZE_MAX;
    Map program;
    List program_kegiatan;
    auto flush = [&] {
        if (current == SIZE_MAX) return;
        program.emplace_back("kegiatan", list(std::move(program_kegiatan)));
        programs.push_back(map(std::move(program)));
        program = {};
        program_kegiatan = {};
    };
    for (std::size_t n = 0; n < g.kegiatan.size(); ++n) {
        const auto [pi, ki] = g.kegiatan[n];
        const Activity& p = d_.program[pi];
        // A sub kegiatan serving the sasaran on its own stands where its kegiatan would.
        const std::size_t sub = n < g.kegiatan_sub.size() ? g.kegiatan_sub[n] : compute::kWholeKegiatan;
        const bool whole = sub == compute::kWholeKegiatan;
        const Activity& k = whole ? p.children[ki] : p.children[ki].children[sub];
        if (k.hanya_evaluasi) continue;  // the Renja's evaluation only: no budget of the year
        const compute::ActivityResult& kr = whole ? v_.program[pi].children[ki] : v_.program[pi].children[ki].children[sub];
        Map line;
        line.emplace_back("program", str(p.nama.value, p.nama.pos));
        line.emplace_back("kode", str(k.kode.value, k.kode.pos));
        line.emplace_back("nama", whole ? str(k.nama.value, k.nama.pos) : str(activity_title(k), k.nama.pos));
        line.emplace_back("anggaran", budget_context(kr.budget));
        lines.push_back(map(std::move(line)));
        if (pi != current) {
            flush();
            current = pi;
            program.emplace_back("kode", str(p.kode.value, p.kode.pos));
            program.emplace_back("nama", str(p.nama.value, p.nama.pos));
            program.emplace_back("judul", str(activity_title(p)));
            program.emplace_back("indikator", activity_indicators(p, v_.program[pi]));
        }
        Map km;
        km.emplace_back("kode", str(k.kode.value, k.kode.pos));
        km.emplace_back("nama", str(k.nama.value, k.nama.pos));
        km.emplace_back("judul", str(activity_title(k)));
        km.emplace_back("indikator", activity_indicators(k, kr));
        program_kegiatan.push_back(map(std::move(km)));
    }
    flush();
    // Whether a supporting program or kegiatan has an indicator without realisasi: the template says
    // so once for the section instead of after every such indicator (issue 16).
    bool without_realisasi = false;
    std::size_t last_program = SIZE_MAX;
    for (const auto& [pi, ki] : g.kegiatan) {
        auto lacks = [](const Activity& a) {
            return std::any_of(a.indikator.begin(), a.indikator.end(), [](const auto& i) { return !i.realisasi; });
        };
        if (pi != last_program && lacks(d_.program[pi])) without_realisasi = true;
        if (lacks(d_.program[pi].children[ki])) without_realisasi = true;
        last_program = pi;
    }
    m.emplace_back("program_tanpa_realisasi", boolean(without_realisasi));
    m.emplace_back("kegiatan", list(std::move(lines)));
    m.emplace_back("program", list(std::move(programs)));

    m.emplace_back("analisis", opt_text(s.analisis));
    m.emplace_back("faktor_pendukung", opt_text(s.faktor_pendukung));
    m.emplace_back("faktor_penghambat", opt_text(s.faktor_penghambat));
    m.emplace_back("solusi", opt_text(s.solusi));
    m.emplace_back("upaya", opt_text(s.upaya));
    m.emplace_back("analisis_program", opt_text(s.analisis_program));
    m.emplace_back("nama_renstra", opt_text(s.nama_renstra));
    List photos;
    for (const auto& f : s.foto) {
        Map fm;
        fm.emplace_back("berkas", opt_text(f.berkas));
        fm.emplace_back("keterangan", str(f.keterangan.value, f.keterangan.pos));
        photos.push_back(map(std::move(fm)));
    }
    m.emplace_back("foto", list(std::move(photos)));
    return map(std::move(m));
}

void ContextBuilder::add_plan(Map& root) const {
    const Renstra& r = d_.renstra;
    List sasaran_values;
    for (std::size_t i = 0; i < r.sasaran.size(); ++i) sasaran_values.push_back(sasaran(i));
    List tujuan_values;
    for (std::size_t i = 0; i < r.tujuan.size(); ++i) {
        const Tujuan& t = r.tujuan[i];
        Map m;
        m.emplace_back("nomor", integer(static_cast<std::int64_t>(i + 1)));
        m.emplace_back("id", str(t.id.value, t.id.pos));
        m.emplace_back("uraian", str(t.uraian.value, t.uraian.pos));
        m.emplace_back("misi", t.misi ? integer(t.misi->value, t.misi->pos) : none());
        List inds, sas;
        int n = 0;
        for (std::size_t k : v_.tujuan[i].indicators) inds.push_back(indicator(k, ++n));
        for (std::size_t k = 0; k < r.sasaran.size(); ++k) {
            if (r.sasaran[k].tujuan.value == t.id.value) sas.push_back(sasaran_values[k]);
        }
        m.emplace_back("indikator", list(std::move(inds)));
        m.emplace_back("riwayat", history_indicators(OwnerKind::tujuan, t.id.value));
        m.emplace_back("sasaran", list(std::move(sas)));
        m.emplace_back("capaian", group(v_.tujuan[i]));
        tujuan_values.push_back(map(std::move(m)));
    }
    auto years = [](const std::vector<int>& ys) {
        List l;
        for (int y : ys) l.push_back(integer(y));
        return list(std::move(l));
    };
    Map rm;
    rm.emplace_back("mulai", integer(r.mulai.value, r.mulai.pos));
    rm.emplace_back("akhir", integer(r.akhir.value, r.akhir.pos));
    rm.emplace_back("periode", str(std::to_string(r.mulai.value) + "-" + std::to_string(r.akhir.value)));
    rm.emplace_back("dokumen", opt_text(r.dokumen));
    rm.emplace_back("visi", str(r.visi.value, r.visi.pos));
    List misi;
    for (const auto& mi : r.misi) misi.push_back(str(mi.value, mi.pos));
    rm.emplace_back("misi", list(std::move(misi)));
    rm.emplace_back("tahun", years(years_all_));
    rm.emplace_back("tahun_sd", years(years_to_date_));
    rm.emplace_back("tahun_sebelum", years(years_before_));
    rm.emplace_back("tahun_riwayat", years(years_history_));
    rm.emplace_back("tujuan", list(std::move(tujuan_values)));
    rm.emplace_back("sasaran", list(std::move(sasaran_values)));
    add_renstra_program(rm, r);
    // Whether the Renstra table has a second name to print (`nama_renstra`), and so its note.
    bool named_twice = false;
    for (const auto& s : r.sasaran) named_twice = named_twice || s.nama_renstra.has_value();
    for (const auto& ind : d_.indikator) named_twice = named_twice || ind.nama_renstra.has_value();
    rm.emplace_back("ada_nama_renstra", boolean(named_twice));
    root.emplace_back("renstra", map(std::move(rm)));

    List iku;
    int n = 0;
    for (std::size_t k : v_.iku.indicators) iku.push_back(indicator(k, ++n));
    Map im;
    im.emplace_back("jumlah", integer(static_cast<std::int64_t>(v_.iku.indicators.size())));
    im.emplace_back("indikator", list(std::move(iku)));
    im.emplace_back("capaian", group(v_.iku));
    root.emplace_back("iku", map(std::move(im)));

    List tujuan_ind;
    n = 0;
    for (std::size_t k : v_.tujuan_semua.indicators) tujuan_ind.push_back(indicator(k, ++n));
    root.emplace_back("tujuan_indikator", list(std::move(tujuan_ind)));
    root.emplace_back("tujuan_capaian", group(v_.tujuan_semua));
}


// Permendagri 90/2019 codes in their order: segment by segment, numbers by value ("3.30.01" before
// "3.30.02", "2.01.0002" after "2.01.0001", "9" before "10"), a code before the codes under it; an
// empty code last.
bool code_before(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty()) return !a.empty() && b.empty();
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const std::size_t ea = std::min(a.find('.', i), a.size()), eb = std::min(b.find('.', j), b.size());
        std::string_view sa(a.data() + i, ea - i), sb(b.data() + j, eb - j);
        const auto digits = [](std::string_view v) {
            return !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
        };
        if (digits(sa) && digits(sb)) {
            while (sa.size() > 1 && sa.front() == '0') sa.remove_prefix(1);
            while (sb.size() > 1 && sb.front() == '0') sb.remove_prefix(1);
            if (sa.size() != sb.size()) return sa.size() < sb.size();
        }
        if (sa != sb) return sa < sb;
        i = ea + 1;
        j = eb + 1;
    }
    return a.size() - std::min(i, a.size()) < b.size() - std::min(j, b.size());
}

// The budget tree in code order (issue 17: sub kegiatan codes out of order in the table): the
// children of every level sorted by code, stably, the computed results moved with them.
void sort_by_code(Activity& a, compute::ActivityResult& r) {
    std::vector<std::size_t> order(a.children.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return code_before(a.children[x].kode.value, a.children[y].kode.value); });
    std::vector<Activity> children;
    std::vector<compute::ActivityResult> results;
    for (std::size_t i : order) {
        children.push_back(std::move(a.children[i]));
        results.push_back(i < r.children.size() ? std::move(r.children[i]) : compute::ActivityResult{});
    }
    a.children = std::move(children);
    r.children = std::move(results);
    for (std::size_t i = 0; i < a.children.size(); ++i) sort_by_code(a.children[i], r.children[i]);
}

void ContextBuilder::add_budget(Map& root) const {
    List programs, tree;
    for (std::size_t i = 0; i < d_.program.size(); ++i) {
        programs.push_back(activity(d_.program[i], v_.program[i]));
        Activity a = d_.program[i];
        compute::ActivityResult r = i < v_.program.size() ? v_.program[i] : compute::ActivityResult{};
        sort_by_code(a, r);
        tree.push_back(activity(a, r));
    }
    // urusan: the budget tree, every level in code order; `program` keeps the data's order.
    std::vector<std::size_t> urusan_order(v_.urusan.size());
    for (std::size_t u = 0; u < urusan_order.size(); ++u) urusan_order[u] = u;
    std::stable_sort(urusan_order.begin(), urusan_order.end(),
                     [&](std::size_t x, std::size_t y) { return code_before(v_.urusan[x].kode, v_.urusan[y].kode); });
    List urusan;
    for (std::size_t u = 0; u < urusan_order.size(); ++u) {
        const compute::UrusanResult& ur = v_.urusan[urusan_order[u]];
        std::string name = ur.kode.empty() ? "Urusan Lainnya" : "Urusan " + ur.kode;
        for (const auto& du : d_.urusan) {
            if (du.kode.value == ur.kode) name = du.nama.value;
        }
        Map m;
        m.emplace_back("kode", str(ur.kode));
        m.emplace_back("nama", str(name));
        m.emplace_back("romawi", str(roman_upper(static_cast<int>(u + 1))));
        m.emplace_back("anggaran", budget_context(ur.budget));
        std::vector<std::size_t> in_order = ur.programs;
        std::stable_sort(in_order.begin(), in_order.end(), [&](std::size_t x, std::size_t y) {
            return code_before(d_.program[x].kode.value, d_.program[y].kode.value);
        });
        List ps;
        for (std::size_t pi : in_order) ps.push_back(tree[pi]);
        m.emplace_back("program", list(std::move(ps)));
        urusan.push_back(map(std::move(m)));
    }
    root.emplace_back("program", list(std::move(programs)));
    root.emplace_back("urusan", list(std::move(urusan)));

    Map a;
    a.emplace_back("total", budget_context(v_.total));
    // A budget whose pagu adds up to zero cannot carry a serapan or a share: the report treats it as
    // no budget (lint warns), so no sentence divides by it.
    const bool has_budget = !d_.program.empty() && v_.total.pagu.sen > 0;
    a.emplace_back("ada_anggaran", boolean(has_budget));
    a.emplace_back("ada_realisasi", boolean(has_budget && v_.total.has_realisasi));
    a.emplace_back("ada_perubahan", boolean(std::any_of(d_.program.begin(), d_.program.end(), any_leaf_changed)));
    List revenue;
    for (const auto& r : d_.anggaran.pendapatan) {
        Map m;
        m.emplace_back("uraian", str(r.uraian.value, r.uraian.pos));
        m.emplace_back("target", money_value(r.target.value));
        m.emplace_back("realisasi", money_value(r.realisasi.value));
        const auto pct = compute::persen_of(r.realisasi.value, r.target.value);
        m.emplace_back("persen", pct ? num(*pct) : none());
        revenue.push_back(map(std::move(m)));
    }
    a.emplace_back("pendapatan", list(std::move(revenue)));
    a.emplace_back("non_gaji", non_gaji_context(d_.anggaran));
    a.emplace_back("belanja", belanja_jenis_context(d_.anggaran.belanja));
    add_pendapatan_jumlah(a, d_.anggaran);
    root.emplace_back("anggaran", map(std::move(a)));
}

}  // namespace lkjip::report
