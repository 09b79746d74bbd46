// The `renja` part of the report context (issue 14; docs/report-context.md): the Rencana Kerja of
// plan year N from the same tree of programs, kegiatan and sub kegiatan the LKjIP reports on.
// Rows come flat and in code order (Permendagri 90/2019), each with its level, so the templates
// print Tabel 2.1, 2.4 and the BAB IV rumusan without recursion; every ratio and every sum is
// computed (compute/renja.hpp), never typed.
#include <algorithm>
#include <cmath>
#include <functional>

#include <fmt/format.h>

#include "compute/idformat.hpp"
#include "compute/renja.hpp"
#include "report/context_build.hpp"

namespace lkjip::report {

namespace {

Value opt_text(const OptText& t) { return t ? str(t->value, t->pos) : none(); }
// A figure as the Renja prints it: a whole value without decimals ("3", "100"), else as the
// data has it (`angka` gives two places, or the indicator's `desimal`).
Value figure(double x) {
    if (std::fabs(x) < 1e15 && x == std::floor(x)) return integer(static_cast<std::int64_t>(x));
    return num(x);
}
Value opt_num(const std::optional<double>& v) { return v ? figure(*v) : none(); }
Value opt_num(const Located<double>* v) { return v ? figure(v->value) : none(); }
Value opt_money(const std::optional<Money>& m) { return m ? money_value(*m) : none(); }

std::map<int, double> plain(const YearValues& v) {
    std::map<int, double> out;
    for (const auto& [year, x] : v.by_year) out[year] = x.value;
    return out;
}

Value ratio(const compute::Capaian& c) {
    Map m;
    m.emplace_back("terukur", boolean(c.measurable()));
    m.emplace_back("nilai", opt_num(c.persen));
    m.emplace_back("alasan", c.measurable() ? none() : str(compute::unmeasurable_reason_text(c.reason)));
    return map(std::move(m));
}

// The first digit of a Permendagri 90/2019 urusan code names its group (Lampiran I: 1-3 the
// urusan pemerintahan, 4-9 the unsur of the government's own apparatus), printed above the
// urusan in the BAB IV rumusan (seed 001: "2 URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN
// DENGAN PELAYANAN DASAR").
const char* golongan_name(char digit) {
    switch (digit) {
    case '1': return "Urusan Pemerintahan Wajib yang Berkaitan dengan Pelayanan Dasar";
    case '2': return "Urusan Pemerintahan Wajib yang Tidak Berkaitan dengan Pelayanan Dasar";
    case '3': return "Urusan Pemerintahan Pilihan";
    case '4': return "Unsur Pendukung Urusan Pemerintahan";
    case '5': return "Unsur Penunjang Urusan Pemerintahan";
    case '6': return "Unsur Pengawasan Urusan Pemerintahan";
    case '7': return "Unsur Kewilayahan";
    case '8': return "Unsur Pemerintahan Umum";
    case '9': return "Unsur Kekhususan";
    default: return nullptr;
    }
}

struct Counts {
    std::int64_t program = 0, kegiatan = 0, sub = 0;
};

class RenjaRows {
public:
    RenjaRows(const AgencyYear& d, int n) : d_(d), n_(n) {
        first_year_ = std::min(d.renstra.mulai.value, n - 3);
    }

    // Tabel 2.1: every activity, those of the evaluation only included.
    void evaluasi(const Activity& a, List& rows) const {
        Map m = head(a);
        m.emplace_back("hanya_evaluasi", boolean(a.hanya_evaluasi));
        List inds;
        for (const ActivityIndicator& ai : a.indikator) {
            compute::RenjaSeries s{plain(ai.target_tahun), plain(ai.realisasi_tahun), plain(ai.target_renstra),
                                   ai.tipe.value, ai.polarity.value};
            const compute::RenjaEvaluasi e =
                compute::renja_evaluasi(s, n_, d_.renja->tahun_target_renstra.value, first_year_,
                                        d_.settings.negative_formula.value, d_.settings.zero_target.value);
            Map im = indicator_head(ai);
            im.emplace_back("target_renstra", opt_num(e.target_renstra));
            im.emplace_back("realisasi_sd_n3", opt_num(e.realisasi_sd_n3));
            im.emplace_back("target_n2", opt_num(e.target_n2));
            im.emplace_back("realisasi_n2", opt_num(e.realisasi_n2));
            im.emplace_back("tingkat_realisasi", ratio(e.tingkat_realisasi));
            im.emplace_back("target_n1", opt_num(e.target_n1));
            im.emplace_back("realisasi_sd_n1", opt_num(e.realisasi_sd_n1));
            im.emplace_back("tingkat_capaian", ratio(e.tingkat_capaian));
            inds.push_back(map(std::move(im)));
        }
        m.emplace_back("indikator", list(std::move(inds)));
        rows.push_back(map(std::move(m)));
        for (const Activity& c : a.children) evaluasi(c, rows);
    }

    // Tabel 2.4 and the BAB IV rumusan: the activities of the plan, with their pagu.
    void rencana(const Activity& a, const compute::RenjaBudget& b, const OptText& sumber_atas, List& rows,
                 Counts& counts) const {
        if (a.hanya_evaluasi) return;
        if (a.level == ActivityLevel::program) ++counts.program;
        else if (a.level == ActivityLevel::kegiatan) ++counts.kegiatan;
        else ++counts.sub;
        const OptText& sumber = a.sumber_dana ? a.sumber_dana : sumber_atas;
        Map m = head(a);
        List inds;
        for (const ActivityIndicator& ai : a.indikator) {
            Map im = indicator_head(ai);
            const auto* t = ai.target_tahun.find(n_);
            const auto* maju = ai.target_tahun.find(n_ + 1);
            im.emplace_back("target", opt_num(t));
            im.emplace_back("target_maju", opt_num(maju));
            im.emplace_back("target_renstra", opt_num(ai.target_renstra.find(n_)));
            // The rancangan awal's target: its own where the analysis changed it, else the plan's.
            im.emplace_back("target_rancangan", ai.target_rancangan ? figure(ai.target_rancangan->value) : opt_num(t));
            inds.push_back(map(std::move(im)));
        }
        m.emplace_back("indikator", list(std::move(inds)));
        m.emplace_back("lokasi", opt_text(a.lokasi));
        m.emplace_back("sumber_dana", opt_text(sumber));
        m.emplace_back("pagu_indikatif", money_value(b.pagu_indikatif));
        m.emplace_back("prakiraan_maju", opt_money(b.prakiraan_maju));
        Map ra;
        const RancanganAwal* r = a.rancangan_awal ? &*a.rancangan_awal : nullptr;
        ra.emplace_back("nama", r && r->nama ? opt_text(r->nama) : str(a.nama.value));
        ra.emplace_back("lokasi", r && r->lokasi ? opt_text(r->lokasi) : opt_text(a.lokasi));
        ra.emplace_back("pagu", money_value(b.rancangan));
        ra.emplace_back("catatan", r ? opt_text(r->catatan) : none());
        m.emplace_back("rancangan", map(std::move(ra)));
        rows.push_back(map(std::move(m)));
        for (std::size_t i = 0; i < a.children.size(); ++i) {
            rencana(a.children[i], i < b.children.size() ? b.children[i] : compute::RenjaBudget{}, sumber, rows, counts);
        }
    }

private:
    static Map head(const Activity& a) {
        static const char* kLevel[] = {"program", "kegiatan", "sub kegiatan"};
        Map m;
        m.emplace_back("tingkat", str(kLevel[static_cast<int>(a.level)]));
        m.emplace_back("kode", str(a.kode.value, a.kode.pos));
        m.emplace_back("nama", str(a.nama.value, a.nama.pos));
        m.emplace_back("judul", str(activity_title(a)));
        return m;
    }

    static Map indicator_head(const ActivityIndicator& ai) {
        Map m;
        m.emplace_back("nama", str(ai.nama.value, ai.nama.pos));
        m.emplace_back("satuan", str(ai.satuan.value, ai.satuan.pos));
        // The planner's `desimal`, else none: each figure as the data has it (see `figure`).
        m.emplace_back("desimal", ai.decimals ? integer(ai.decimals->value) : none());
        return m;
    }

    const AgencyYear& d_;
    int n_;
    int first_year_;
};

Value year_list(int from, int to) {
    List out;
    for (int y = from; y <= to; ++y) out.push_back(integer(y));
    return list(std::move(out));
}

Value values_of(const YearValues& v, int from, int to) {
    List out;
    for (int y = from; y <= to; ++y) {
        const auto* x = v.find(y);
        out.push_back(x ? num(x->value, x->pos) : none());
    }
    return list(std::move(out));
}

}  // namespace

Value ContextBuilder::renja() const {
    if (!d_.renja) return none();
    const RenjaDocument& rj = *d_.renja;
    const int n = rj.tahun.value;
    Map m;
    m.emplace_back("tahun", integer(n, rj.tahun.pos));
    m.emplace_back("tahun_maju", integer(n + 1));
    m.emplace_back("tahun_berjalan", integer(n - 1));
    m.emplace_back("tahun_evaluasi", integer(n - 2));
    m.emplace_back("tahun_sd", integer(n - 3));
    m.emplace_back("tahun_target_renstra", integer(rj.tahun_target_renstra.value, rj.tahun_target_renstra.pos));
    m.emplace_back("tahun_disusun", integer(rj.tanggal.value.year, rj.tanggal.pos));
    const Date& t = rj.tanggal.value;
    m.emplace_back("tanggal", str(t.day == 0 ? fmt::format("{} {}", idfmt::nama_bulan(t.month), t.year)
                                             : idfmt::tanggal(t.year, t.month, t.day),
                                  rj.tanggal.pos));
    m.emplace_back("tempat", rj.tempat ? opt_text(rj.tempat) : str(d_.laporan.tempat.value, d_.laporan.tempat.pos));
    for (const RenjaProseKey& k : kRenjaProse) {
        const std::string key = k.key;
        m.emplace_back(key == "evaluasi" ? "evaluasi_uraian" : key, opt_text(rj.*k.field));
    }
    List maksud, tujuan;
    for (const auto& x : rj.maksud) maksud.push_back(str(x.value, x.pos));
    for (const auto& x : rj.tujuan) tujuan.push_back(str(x.value, x.pos));
    m.emplace_back("maksud", list(std::move(maksud)));
    m.emplace_back("tujuan", list(std::move(tujuan)));
    List hukum;
    for (const auto& x : rj.dasar_hukum.empty() ? d_.dasar_hukum : rj.dasar_hukum) hukum.push_back(str(x.value, x.pos));
    m.emplace_back("dasar_hukum", list(std::move(hukum)));

    // The tree in code order, each program's Renja budget computed on the sorted copy.
    std::vector<Activity> programs;
    for (std::size_t i = 0; i < d_.program.size(); ++i) {
        Activity a = d_.program[i];
        compute::ActivityResult r = i < v_.program.size() ? v_.program[i] : compute::ActivityResult{};
        sort_by_code(a, r);
        programs.push_back(std::move(a));
    }
    const bool pagu_is_plan = n == d_.laporan.tahun.value;
    std::vector<std::string> missing, overflow;
    std::vector<compute::RenjaBudget> budgets;
    for (const Activity& a : programs) budgets.push_back(compute::renja_budget(a, pagu_is_plan, missing, overflow));

    // Programs under their urusan (by `urusan`, else the code's first two segments, as the LKjIP's
    // budget tree groups them), urusan under their group; both in code order.
    std::vector<std::size_t> order(programs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return code_before(programs[x].kode.value, programs[y].kode.value); });
    auto urusan_of = [](const Activity& p) {
        if (p.urusan) return p.urusan->value;
        const std::string& k = p.kode.value;
        const auto first = k.find('.');
        const auto second = first == std::string::npos ? first : k.find('.', first + 1);
        return second == std::string::npos ? k : k.substr(0, second);
    };
    RenjaRows rows(d_, n);
    List evaluasi, rencana;
    Counts counts;
    Money total, total_rancangan, total_maju;
    bool any_maju = false, any_sumber = false, rancangan_beda = false;
    std::string last_urusan, last_golongan;
    std::size_t urusan_row = 0, golongan_row = 0;
    Money urusan_sum, golongan_sum;
    auto close_rows = [&](List& list_rows) {
        // Fill the pending urusan / golongan rows' pagu once their programs are summed.
        auto set_pagu = [&](std::size_t at, Money sum) {
            if (at >= list_rows.size()) return;
            Map row = as_map(list_rows[at]);
            for (auto& [k, v] : row) {
                if (k == "pagu_indikatif") v = money_value(sum);
            }
            list_rows[at] = map(std::move(row));
        };
        set_pagu(urusan_row, urusan_sum);
        set_pagu(golongan_row, golongan_sum);
    };
    auto group_row = [](const std::string& tingkat, const std::string& kode, const std::string& nama) {
        Map g;
        g.emplace_back("tingkat", str(tingkat));
        g.emplace_back("kode", str(kode));
        g.emplace_back("nama", str(nama));
        g.emplace_back("judul", str(nama));
        g.emplace_back("indikator", list({}));
        g.emplace_back("lokasi", none());
        g.emplace_back("sumber_dana", none());
        g.emplace_back("pagu_indikatif", money_value(Money{}));
        g.emplace_back("prakiraan_maju", none());
        g.emplace_back("rancangan", none());
        return map(std::move(g));
    };
    for (std::size_t pi : order) {
        const Activity& p = programs[pi];
        rows.evaluasi(p, evaluasi);
        if (p.hanya_evaluasi) continue;
        const std::string uk = urusan_of(p);
        const std::string gk = uk.substr(0, uk.find('.'));
        if (uk != last_urusan) {
            if (!last_urusan.empty()) close_rows(rencana);
            if (gk != last_golongan) {
                const char* gn = gk.size() == 1 ? golongan_name(gk[0]) : nullptr;
                golongan_sum = Money{};
                golongan_row = rencana.size() + 1;  // past the end: no row
                if (gn) {
                    golongan_row = rencana.size();
                    rencana.push_back(group_row("golongan", gk, gn));
                }
                last_golongan = gk;
            }
            std::string name = "Urusan " + uk;
            for (const auto& du : d_.urusan) {
                if (du.kode.value == uk) name = du.nama.value;
            }
            urusan_row = rencana.size();
            urusan_sum = Money{};
            rencana.push_back(group_row("urusan", uk, name));
            last_urusan = uk;
        }
        const compute::RenjaBudget& b = budgets[pi];
        rows.rencana(p, b, OptText{}, rencana, counts);
        bool ok = compute::add_money(total, b.pagu_indikatif) && compute::add_money(total_rancangan, b.rancangan) &&
                  compute::add_money(urusan_sum, b.pagu_indikatif) && compute::add_money(golongan_sum, b.pagu_indikatif);
        if (b.prakiraan_maju) {
            any_maju = true;
            ok = ok && compute::add_money(total_maju, *b.prakiraan_maju);
        }
        if (!ok) overflow.push_back(p.kode.value);
    }
    if (!last_urusan.empty()) close_rows(rencana);
    std::function<void(const Activity&)> scan = [&](const Activity& a) {
        if (a.hanya_evaluasi) return;
        any_sumber = any_sumber || a.sumber_dana.has_value();
        if (a.rancangan_awal && (a.rancangan_awal->pagu || a.rancangan_awal->nama || a.rancangan_awal->lokasi)) rancangan_beda = true;
        for (const auto& ai : a.indikator) rancangan_beda = rancangan_beda || ai.target_rancangan.has_value();
        for (const auto& c : a.children) scan(c);
    };
    for (const auto& p : programs) scan(p);
    m.emplace_back("evaluasi", list(std::move(evaluasi)));
    m.emplace_back("rencana", list(std::move(rencana)));
    m.emplace_back("jumlah_program", integer(counts.program));
    m.emplace_back("jumlah_kegiatan", integer(counts.kegiatan));
    m.emplace_back("jumlah_sub_kegiatan", integer(counts.sub));
    m.emplace_back("pagu_indikatif", money_value(total));
    m.emplace_back("rancangan_pagu", money_value(total_rancangan));
    m.emplace_back("prakiraan_maju", any_maju ? money_value(total_maju) : none());
    m.emplace_back("ada_sumber_dana", boolean(any_sumber || !d_.anggaran.sumber_dana.empty()));
    List sumber;
    for (const auto& s : d_.anggaran.sumber_dana) sumber.push_back(str(s.value, s.pos));
    m.emplace_back("sumber_dana", list(std::move(sumber)));
    m.emplace_back("rancangan_beda", boolean(rancangan_beda));

    // Tabel 2.2: the indicators of the tujuan and sasaran, the Renstra's targets N-3..N, the
    // realisasi known when the Renja is written (N-3, N-2) and the projection of N and N+1.
    Map pl;
    pl.emplace_back("tahun_target", year_list(n - 3, n));
    pl.emplace_back("tahun_realisasi", year_list(n - 3, n - 2));
    pl.emplace_back("tahun_proyeksi", year_list(n, n + 1));
    List inds;
    int nomor = 0;
    for (std::size_t i = 0; i < d_.indikator.size(); ++i) {
        // An indicator of the previous Renstra (`riwayat`) belongs here: the table reads N-3..N.
        const Indicator& ind = d_.indikator[i];
        Map im;
        im.emplace_back("nomor", integer(++nomor));
        im.emplace_back("nama", str(ind.nama.value, ind.nama.pos));
        im.emplace_back("satuan", str(ind.satuan.value, ind.satuan.pos));
        im.emplace_back("desimal", integer(ind.decimals.value));
        im.emplace_back("standar", ind.standar_nasional ? num(ind.standar_nasional->value, ind.standar_nasional->pos) : none());
        im.emplace_back("spm", boolean(ind.spm));
        im.emplace_back("ikk", boolean(ind.ikk));
        im.emplace_back("target", values_of(ind.target, n - 3, n));
        // The realisasi as computed (a `rumus` gives it from its components), per year.
        List real;
        for (int y = n - 3; y <= n - 2; ++y) {
            const auto& r = i < v_.indikator.size() ? v_.indikator[i].realisasi : std::map<int, double>{};
            auto it = r.find(y);
            real.push_back(it == r.end() ? none() : num(it->second));
        }
        im.emplace_back("realisasi", list(std::move(real)));
        im.emplace_back("proyeksi", values_of(ind.proyeksi, n, n + 1));
        im.emplace_back("catatan", opt_text(ind.catatan_analisis));
        inds.push_back(map(std::move(im)));
    }
    pl.emplace_back("indikator", list(std::move(inds)));
    m.emplace_back("pelayanan", map(std::move(pl)));
    return map(std::move(m));
}

}  // namespace lkjip::report
