// [renja]: the Rencana Kerja of plan year N written in N-1 (Permendagri 86/2017; issue 14, seed
// 001). The table holds only what the Renja adds to the data: the year planned, where and when it
// is signed, the Renstra year its Tabel 2.1 compares with, and its prose. Programs, indicators,
// targets and pagu are the data's own (docs/data-format.md, "Renja").
#include <charconv>

#include <fmt/format.h>

#include "data/load_model.hpp"
#include "common/i18n.hpp"

namespace lkjip::data {

namespace {

// "2023-07" (a Renja signed "Pontianak, Juli 2023", seed 001), or a TOML date.
Located<Date> month_or_date(TableReader& r, std::string_view key) {
    const toml::node* n = r.node(key);
    if (n && n->is_string()) {
        const std::string s = n->as_string()->get();
        int y = 0, m = 0;
        const bool shape = s.size() == 7 && s[4] == '-';
        if (shape) {
            std::from_chars(s.data(), s.data() + 4, y);
            std::from_chars(s.data() + 5, s.data() + 7, m);
        }
        if (!shape || y < 1900 || y > 2200 || m < 1 || m > 12) {
            r.diags().error(pos_of(*n), _f("`{}` in {} is a date (2023-07-14) or a month \"2023-07\", found \"{}\"",
                                                    key, r.where(), s));
            return {{}, pos_of(*n)};
        }
        return {{y, m, 0}, pos_of(*n)};
    }
    return r.required_date(key);
}

}  // namespace

std::optional<RenjaDocument> read_renja(TableReader& root, const AgencyYear& m) {
    const toml::table* t = root.opt_table("renja");
    if (!t) return std::nullopt;
    TableReader r(*t, "[renja]", root.diags());
    RenjaDocument rj;
    rj.pos = r.pos();
    const int year = m.laporan.tahun.value;
    // The plan year is the report year's successor (the LKjIP of N-1 and the Renja of N from one
    // file) or the report year itself (a file holding the plan year's own pagu, as the Kalbar
    // sample does); the evaluated years are N-3 to N-1 either way.
    rj.tahun = {year + 1, r.pos()};
    if (auto y = r.opt_integer("tahun", year, year + 1)) rj.tahun = {static_cast<int>(y->value), y->pos};
    rj.tanggal = month_or_date(r, "tanggal");
    rj.tempat = r.opt_string("tempat");
    rj.tahun_target_renstra = {m.renstra.akhir.value, r.pos()};
    if (auto y = r.opt_integer("tahun_target_renstra", 1900, 2200)) rj.tahun_target_renstra = {static_cast<int>(y->value), y->pos};
    rj.pagu_tertulis = r.opt_money("pagu_tertulis");
    for (const RenjaProseKey& k : kRenjaProse) rj.*k.field = r.opt_string(k.key);
    rj.maksud = r.string_list("maksud", false);
    rj.tujuan = r.string_list("tujuan", false);
    rj.dasar_hukum = r.string_list("dasar_hukum", false);
    r.finish();
    return rj;
}

}  // namespace lkjip::data
