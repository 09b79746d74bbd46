// `[[renstra.program]]`: the Renstra program matrix (issue 15; seed 000 Tabel 6.1 "Rencana
// Program, Kegiatan, Indikator Kinerja, dan Pendanaan Indikatif"). Each program's indicators carry
// a target per Renstra year (a number, or words such as "A" or "WTP") and the program an
// indicative budget per year. No capaian is computed from it: BAB II prints it, with the budget
// totals per program and per year.
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "compute/compute.hpp"
#include "data/load_model.hpp"

namespace lkjip::data {

namespace {

// Baseline columns of the matrix: the Renstra form has one ("data capaian pada tahun awal
// perencanaan"), seed 000 two (2018 data, 2019 plan). Five bounds the table's width: every baseline
// year becomes a column of the printed table (issue 15), which must stay far below the Markdown
// stage's 100 cells per row.
constexpr int kMaxBaselineYears = 5;

// A year key of a `{ 2021 = … }` table, or nullopt after reporting it.
std::optional<int> year_key(const toml::key& k, const toml::node& v, std::string_view key, const std::string& where,
                            Diagnostics& diags) {
    int year = 0;
    const std::string_view ks = k.str();
    auto [ptr, ec] = std::from_chars(ks.data(), ks.data() + ks.size(), year);
    if (ec == std::errc{} && ptr == ks.data() + ks.size() && year >= 1900 && year <= 2200) return year;
    const SourcePos kpos{k.source().path, k.source().begin.line, k.source().begin.column};
    diags.error(kpos.known() ? kpos : pos_of(v), _f("`{}` in {}: key `{}` is not a year", key, where, ks));
    return std::nullopt;
}

// Years of `key` as plan targets; a year outside [lo, hi] (`range` names it) is refused.
std::map<int, PlanTarget> read_targets(TableReader& r, std::string_view key, int lo, int hi, std::string_view range) {
    std::map<int, PlanTarget> out;
    const toml::table* t = r.opt_table(key);
    if (!t) return out;
    for (const auto& [k, v] : *t) {
        const auto year = year_key(k, v, key, r.where(), r.diags());
        if (!year) continue;
        if (*year < lo || *year > hi) {
            r.diags().error(pos_of(v), _f("`{}.{}` in {}: the year lies outside {}", key, *year, r.where(), range));
            continue;
        }
        PlanTarget cell;
        cell.pos = pos_of(v);
        if (const auto* i = v.as_integer()) {
            cell.nilai = static_cast<double>(i->get());
        } else if (const auto* f = v.as_floating_point(); f && std::isfinite(f->get())) {
            cell.nilai = f->get();
        } else if (const auto* s = v.as_string(); s && s->get().find_first_not_of(" \t\r\n") != std::string::npos) {
            cell.teks = Text{s->get(), cell.pos};
        } else {
            r.diags().error(cell.pos, _f("`{}.{}` in {} must be a finite number or a non-empty string, found {}",
                                                  key, *year, r.where(), toml_type_name(v)));
            continue;
        }
        out.emplace(*year, std::move(cell));
    }
    return out;
}

std::map<int, Located<Money>> read_budget(TableReader& r, int lo, int hi, std::string_view range) {
    std::map<int, Located<Money>> out;
    const toml::table* t = r.opt_table("pagu");
    if (!t) return out;
    for (const auto& [k, v] : *t) {
        const auto year = year_key(k, v, "pagu", r.where(), r.diags());
        if (!year) continue;
        if (*year < lo || *year > hi) {
            r.diags().error(pos_of(v), _f("`pagu.{}` in {}: the year lies outside {}", *year, r.where(), range));
            continue;
        }
        std::string error;
        const auto m = parse_money(v, error);
        if (!m) {
            r.diags().error(pos_of(v), fmt::format("`pagu.{}` in {}: {}", *year, r.where(), error),
                            _("write whole rupiah as an integer (19_341_510_000) or sen as a string (\"1234.56\")"));
        } else if (m->sen < 0) {
            r.diags().error(pos_of(v), _f("`pagu.{}` in {} is negative", *year, r.where()));
        } else {
            out.emplace(*year, Located<Money>{*m, pos_of(v)});
        }
    }
    return out;
}

}  // namespace

std::vector<RenstraProgram> read_renstra_programs(TableReader& renstra, const Renstra& rs) {
    std::vector<RenstraProgram> out;
    Diagnostics& diags = renstra.diags();
    const int mulai = rs.mulai.value, akhir = rs.akhir.value;
    const std::string period = _f("the Renstra period {}-{}", mulai, akhir);
    const std::string before = _f("the {} years before the Renstra period ({}-{})", kMaxBaselineYears,
                                           mulai - kMaxBaselineYears, mulai - 1);
    for (const toml::table* pt : renstra.table_array("program", false)) {
        const auto* nama_node = pt->get("nama");
        const std::string where = nama_node && nama_node->is_string()
                                      ? fmt::format("[[renstra.program]] '{}'", nama_node->as_string()->get())
                                      : std::string("[[renstra.program]]");
        TableReader r(*pt, where, diags);
        RenstraProgram p;
        p.pos = r.pos();
        p.kode = r.opt_string("kode");
        p.nama = r.string("nama");
        p.sasaran = r.opt_string("sasaran");
        for (const toml::table* it : r.table_array("indikator", true)) {
            TableReader ir(*it, _f("an indikator of {}", where), diags);
            RenstraProgramIndicator ind;
            ind.nama = ir.string("nama");
            ind.satuan = ir.string("satuan");
            if (auto d = ir.opt_integer("desimal", 0, 4)) ind.decimals = {static_cast<int>(d->value), d->pos};
            ind.kondisi_awal = read_targets(ir, "kondisi_awal", mulai - kMaxBaselineYears, mulai - 1, before);
            ind.target = read_targets(ir, "target", mulai, akhir, period);
            if (ind.target.empty() && !ir.has("target")) ir.string("target");  // reports it missing
            ir.finish();
            p.indikator.push_back(std::move(ind));
        }
        p.pagu = read_budget(r, mulai, akhir, period);
        r.finish();
        out.push_back(std::move(p));
    }
    // The report prints each year's total and the total of each program: refuse the file here
    // when one would not fit, so the context can add without checking.
    std::map<int, Money> per_year;
    Money all;
    for (const auto& p : out) {
        Money program_total;
        for (const auto& [year, m] : p.pagu) {
            if (!compute::add_money(per_year[year], m.value) || !compute::add_money(program_total, m.value) ||
                !compute::add_money(all, m.value)) {
                diags.error(m.pos, _f("`pagu.{}` in [[renstra.program]] '{}': the indicative budget totals "
                                               "exceed what lkjip can add exactly",
                                               year, p.nama.value));
                return out;
            }
        }
    }
    return out;
}

}  // namespace lkjip::data
