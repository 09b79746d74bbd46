// Staff over the years in the report context (issue 15; seed 000 Tabel 1.4, 1.5, 1.7): the
// `[[pegawai]]` tables with `total = false`. Their columns count the same staff once per year, so
// only the per-column (per-year) totals are given; a row's sum over the years means nothing.
#include "report/context_build.hpp"

namespace lkjip::report {

Value pegawai_perkembangan_context(const AgencyYear& d, const compute::ReportValues& v) {
    List out;
    for (std::size_t i = 0; i < d.pegawai.size(); ++i) {
        const StaffTable& t = d.pegawai[i];
        if (t.total) continue;
        const compute::StaffResult& r = v.pegawai[i];
        List kelompok;
        for (const auto& k : t.kelompok) kelompok.push_back(str(k.value, k.pos));
        List rows;
        for (const StaffRow& row : t.baris) {
            List counts;
            for (const auto& n : row.jumlah) counts.push_back(integer(n.value, n.pos));
            Map rm;
            rm.emplace_back("unit", str(row.unit.value, row.unit.pos));
            rm.emplace_back("jumlah", list(std::move(counts)));
            rows.push_back(map(std::move(rm)));
        }
        List totals;
        for (std::int64_t n : r.group_total) totals.push_back(integer(n));
        Map m;
        m.emplace_back("judul", str(t.judul.value, t.judul.pos));
        m.emplace_back("kelompok", list(std::move(kelompok)));
        m.emplace_back("sumber", t.sumber ? str(t.sumber->value, t.sumber->pos) : none());
        m.emplace_back("baris", list(std::move(rows)));
        m.emplace_back("total_kelompok", list(std::move(totals)));
        out.push_back(map(std::move(m)));
    }
    return list(std::move(out));
}

}  // namespace lkjip::report
