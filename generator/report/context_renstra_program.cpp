// The Renstra program matrix in the report context (issue 15; seed 000 Tabel 6.1): every program's
// indicators with one cell per Renstra year, and the indicative budget with the totals the table
// prints (per program and per year), added here from the programs' own values.
#include <set>

#include "report/context_build.hpp"

namespace lkjip::report {

namespace {

Value cell(int year, const std::map<int, PlanTarget>& cells) {
    Map m;
    m.emplace_back("tahun", integer(year));
    auto it = cells.find(year);
    if (it == cells.end()) {
        m.emplace_back("nilai", none());
        m.emplace_back("teks", none());
    } else if (it->second.nilai) {
        m.emplace_back("nilai", num(*it->second.nilai, it->second.pos));
        m.emplace_back("teks", none());
    } else {
        m.emplace_back("nilai", none());
        m.emplace_back("teks", str(it->second.teks->value, it->second.teks->pos));
    }
    return map(std::move(m));
}

Value year_list(const std::vector<int>& years) {
    List l;
    for (int y : years) l.push_back(integer(y));
    return list(std::move(l));
}

}  // namespace

void add_renstra_program(Map& renstra, const Renstra& r) {
    std::vector<int> years;
    for (int y = r.mulai.value; y <= r.akhir.value; ++y) years.push_back(y);
    std::set<int> before_set;
    for (const auto& p : r.program) {
        for (const auto& ind : p.indikator) {
            for (const auto& [y, c] : ind.kondisi_awal) before_set.insert(y);
        }
    }
    const std::vector<int> before(before_set.begin(), before_set.end());
    // The loader refused budgets whose totals overflow (load_renstra_program.cpp), so plain
    // additions are exact here.
    std::map<int, Money> per_year;
    Money all;
    bool any_budget = false;
    List programs;
    int nomor = 0;
    for (const auto& p : r.program) {
        Map m;
        m.emplace_back("nomor", integer(++nomor));
        m.emplace_back("kode", p.kode ? str(p.kode->value, p.kode->pos) : none());
        m.emplace_back("nama", str(p.nama.value, p.nama.pos));
        m.emplace_back("sasaran", p.sasaran ? str(p.sasaran->value, p.sasaran->pos) : none());
        List inds;
        for (const auto& ind : p.indikator) {
            Map im;
            im.emplace_back("nama", str(ind.nama.value, ind.nama.pos));
            im.emplace_back("satuan", str(ind.satuan.value, ind.satuan.pos));
            im.emplace_back("desimal", integer(ind.decimals.value, ind.decimals.pos));
            List awal, target;
            for (int y : before) awal.push_back(cell(y, ind.kondisi_awal));
            for (int y : years) target.push_back(cell(y, ind.target));
            im.emplace_back("awal", list(std::move(awal)));
            im.emplace_back("target", list(std::move(target)));
            inds.push_back(map(std::move(im)));
        }
        m.emplace_back("indikator", list(std::move(inds)));
        List pagu;
        Money total;
        for (int y : years) {
            Map pm;
            pm.emplace_back("tahun", integer(y));
            auto it = p.pagu.find(y);
            if (it == p.pagu.end()) {
                pm.emplace_back("nilai", none());
            } else {
                pm.emplace_back("nilai", money_value(it->second.value));
                total.sen += it->second.value.sen;
                per_year[y].sen += it->second.value.sen;
                all.sen += it->second.value.sen;
            }
            pagu.push_back(map(std::move(pm)));
        }
        m.emplace_back("pagu", list(std::move(pagu)));
        m.emplace_back("pagu_jumlah", p.pagu.empty() ? none() : money_value(total));
        any_budget = any_budget || !p.pagu.empty();
        programs.push_back(map(std::move(m)));
    }
    List totals;
    for (int y : years) {
        auto it = per_year.find(y);
        totals.push_back(it == per_year.end() ? none() : money_value(it->second));
    }
    renstra.emplace_back("program", list(std::move(programs)));
    renstra.emplace_back("program_tahun_awal", year_list(before));
    renstra.emplace_back("program_ada_pagu", boolean(any_budget));
    renstra.emplace_back("program_pagu", list(std::move(totals)));
    renstra.emplace_back("program_pagu_jumlah", any_budget ? money_value(all) : none());
}

}  // namespace lkjip::report
