// `[[tabel_rujukan]]`: the free tables of a report (issue 15; seed 000's unnumbered lists: the SNI
// criteria of a pasar rakyat, 84 exporters and importers, the stock of SEMBAKO per distributor,
// 64 koperasi berkualitas), docs/data-format.md. Cells are kept as written; an `angka` column's
// total row is the sum of its cells, and what the source printed for it is `jumlah_tertulis`.
#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "compute/rujukan.hpp"
#include "data/load_model.hpp"

namespace lkjip::data {

namespace {

// Bounds, so a hostile file cannot make the report (or its layout) unbounded. The longest
// reference list of the seeds is 84 exporters (seed 000); a register of every koperasi of a kota
// has some 500 (seed 000: 519). 1000 rows is a register of that size twice, about 30 pages.
constexpr std::size_t kMaxReferenceRows = 1000;
// The widest is seed 000's koperasi register: 9 columns and the No. An A4 page holds some 12 readable
// columns (docs/layout.md); the Markdown guard allows 100 cells a row.
constexpr std::size_t kMaxReferenceColumns = 12;
// Tables per data file: seed 000 has 4; each is a page or more of the report.
constexpr std::size_t kMaxReferenceTables = 32;
// A figure of a reference list is a count, a stock in tonnes or litres: below 10^12 a sum of 1000
// of them with 4 decimals stays exact in a double (2^53 ≈ 9·10^15).
constexpr double kMaxReferenceMagnitude = 1e12;
constexpr int kMaxDecimals = compute::kMaxReferenceDecimals;

struct Reader {
    Diagnostics& diags;
    const std::vector<ReferenceColumn>& kolom;
    const std::string& where;
    std::size_t rows = 0;

    // A figure: a TOML number within the bound, or nullopt after an error.
    std::optional<double> figure(const toml::node& n, std::string_view what) {
        double x = 0;
        if (const auto* i = n.as_integer()) x = static_cast<double>(i->get());
        else if (const auto* f = n.as_floating_point()) x = f->get();
        else {
            diags.error(pos_of(n), _f("{} of {} must be a number, not {}", what, where, toml_type_name(n)));
            return std::nullopt;
        }
        if (!std::isfinite(x) || std::fabs(x) >= kMaxReferenceMagnitude) {
            diags.error(pos_of(n), _f("{} of {} is not a number below {} in magnitude", what, where,
                                               "1.000.000.000.000"));
            return std::nullopt;
        }
        return x;
    }

    std::vector<ReferenceCell> row(const toml::node& n) {
        std::vector<ReferenceCell> out;
        const auto* a = n.as_array();
        if (!a) {
            diags.error(pos_of(n), _f("a row of {} must be an array of cells, not {}", where, toml_type_name(n)),
                        _("one row is written [\"text\", 12.5, \"-\"], one cell per `kolom`"));
            return out;
        }
        if (a->size() != kolom.size()) {
            diags.error(pos_of(n), _f("a row of {} has {} cells, but the table has {} columns", where,
                                               a->size(), kolom.size()));
            return out;
        }
        for (std::size_t c = 0; c < a->size(); ++c) {
            const toml::node& cell = *a->get(c);
            ReferenceCell rc;
            rc.pos = pos_of(cell);
            const auto* s = cell.as_string();
            if (kolom[c].angka) {
                // "-" is how a source prints a figure it does not have (seed 000: Bogasari's tepung).
                if (s && s->get() == "-") rc.angka = std::nullopt;
                else if (auto x = figure(cell, _f("column '{}'", kolom[c].judul.value))) rc.angka = x;
            } else if (s) {
                rc.teks = s->get();
            } else {
                diags.error(rc.pos,
                            _f("column '{}' of {} holds text, not {}", kolom[c].judul.value, where,
                                        toml_type_name(cell)),
                            _("write it in quotes (an id or a number kept as printed), or give the column `angka = true`"));
            }
            out.push_back(std::move(rc));
        }
        return out;
    }

    // `baris` of a table or a kelompok; false when the table is past its row bound.
    bool rows_of(TableReader& r, ReferenceGroup& g) {
        const toml::node* n = r.node("baris");
        if (!n) {
            diags.error(r.pos(), _f("{} has no `baris`", r.where()));
            return true;
        }
        const auto* a = n->as_array();
        if (!a) {
            diags.error(pos_of(*n), _f("`baris` of {} must be an array of rows, not {}", r.where(),
                                                toml_type_name(*n)));
            return true;
        }
        for (const toml::node& row_node : *a) {
            if (++rows > kMaxReferenceRows) {
                diags.error(pos_of(row_node), _f("{} has more than {} rows", where, kMaxReferenceRows),
                            _("a longer register belongs in an attachment of its own"));
                return false;
            }
            g.baris.push_back(row(row_node));
        }
        return true;
    }

    std::vector<Located<double>> totals(TableReader& r, const OptText& label) {
        std::vector<Located<double>> out;
        const toml::node* n = r.node("jumlah_tertulis");
        if (!n) return out;
        if (!label) {
            diags.error(pos_of(*n), _f("{} has `jumlah_tertulis` but no `jumlah` (the label of its total row)",
                                                r.where()));
            return out;
        }
        std::size_t figures = 0;
        for (const auto& c : kolom) figures += c.angka ? 1 : 0;
        const auto* a = n->as_array();
        if (!a || a->size() != figures) {
            diags.error(pos_of(*n), _f("`jumlah_tertulis` of {} must be an array of {} numbers, one per "
                                                "`angka` column",
                                                r.where(), figures));
            return out;
        }
        for (const toml::node& v : *a) {
            if (auto x = figure(v, "`jumlah_tertulis`")) out.push_back({*x, pos_of(v)});
        }
        if (out.size() != figures) out.clear();
        return out;
    }
};

std::optional<ReferenceTable> read_one(const toml::table& t, const Renstra& rs, Diagnostics& diags) {
    TableReader r(t, "[[tabel_rujukan]]", diags);
    ReferenceTable tb;
    tb.pos = r.pos();
    tb.judul = r.string("judul");
    const std::string where = fmt::format("[[tabel_rujukan]] '{}'", tb.judul.value);
    tb.letak = r.string("letak");
    bool known = tb.letak.value == "lampiran";
    std::vector<std::string> places{"lampiran"};
    for (const auto& s : rs.sasaran) {
        known = known || s.id.value == tb.letak.value;
        places.push_back(s.id.value);
    }
    if (!known && !tb.letak.value.empty()) {
        diags.error(tb.letak.pos, _f("`letak` of {} is '{}', which is neither a sasaran id nor \"lampiran\"",
                                              where, tb.letak.value),
                    _f("one of: {}", fmt::join(places, ", ")));
    }
    tb.sumber = r.opt_string("sumber");
    tb.uraian = r.opt_string("uraian");
    tb.nomor = r.opt_bool("nomor").value_or(true);
    for (const toml::table* c : r.table_array("kolom", true)) {
        TableReader cr(*c, _f("a kolom of {}", where), diags);
        ReferenceColumn k;
        k.judul = cr.string("judul");
        k.angka = cr.opt_bool("angka").value_or(false);
        if (auto d = cr.opt_integer("desimal", 0, kMaxDecimals)) k.desimal = Located<int>{static_cast<int>(d->value), d->pos};
        if (k.desimal && !k.angka) diags.error(k.desimal->pos, _f("column '{}' of {} has `desimal` but not `angka = true`", k.judul.value, where));
        cr.finish();
        tb.kolom.push_back(std::move(k));
        if (tb.kolom.size() > kMaxReferenceColumns) {
            diags.error(pos_of(*c),
                        _f("{} has more than {} columns", where, kMaxReferenceColumns),
                        _("a page holds no more readable columns; split the table"));
            r.finish();
            return std::nullopt;
        }
    }
    Reader rd{diags, tb.kolom, where};
    const bool has_groups = r.has("kelompok");
    if (has_groups && r.has("baris")) {
        diags.error(r.pos(), _f("{} has both `baris` and `kelompok`: give its rows in one of them", where));
    }
    if (has_groups) {
        for (const toml::table* g : r.table_array("kelompok", true)) {
            TableReader gr(*g, _f("a kelompok of {}", where), diags);
            ReferenceGroup grp;
            grp.pos = gr.pos();
            grp.judul = gr.opt_string("judul");
            grp.jumlah = gr.opt_string("jumlah");
            const bool more = rd.rows_of(gr, grp);
            grp.jumlah_tertulis = rd.totals(gr, grp.jumlah);
            gr.finish();
            tb.kelompok.push_back(std::move(grp));
            if (!more) {
                r.finish();
                return std::nullopt;
            }
        }
    } else {
        ReferenceGroup grp;
        grp.pos = r.pos();
        if (!rd.rows_of(r, grp)) {
            r.finish();
            return std::nullopt;
        }
        tb.kelompok.push_back(std::move(grp));
    }
    tb.jumlah = r.opt_string("jumlah");
    tb.jumlah_tertulis = rd.totals(r, tb.jumlah);
    const bool sums = tb.jumlah || std::any_of(tb.kelompok.begin(), tb.kelompok.end(), [](const ReferenceGroup& g) { return g.jumlah.has_value(); });
    if (sums && std::none_of(tb.kolom.begin(), tb.kolom.end(), [](const ReferenceColumn& c) { return c.angka; })) {
        diags.error(r.pos(), _f("{} has a total row (`jumlah`) but no `angka` column to sum", where));
    }
    r.finish();
    return tb;
}

}  // namespace

std::vector<ReferenceTable> read_tabel_rujukan(TableReader& root, const Renstra& rs) {
    std::vector<ReferenceTable> out;
    for (const toml::table* t : root.table_array("tabel_rujukan", false)) {
        if (out.size() == kMaxReferenceTables) {
            root.diags().error(pos_of(*t), _f("more than {} [[tabel_rujukan]]", kMaxReferenceTables));
            break;
        }
        if (auto tb = read_one(*t, rs, root.diags())) out.push_back(std::move(*tb));
    }
    return out;
}

}  // namespace lkjip::data
