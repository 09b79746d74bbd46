// `tabel_rujukan` of the report context (docs/report-context.md): the free tables of the data
// (issue 15), their cells as written, rows numbered across their kelompok, and each total row the
// sum of its `angka` columns (compute/rujukan.hpp), never what a source printed.
#include "compute/rujukan.hpp"
#include "report/context_build.hpp"

namespace lkjip::report {

namespace {

Value sums_value(const std::vector<std::optional<double>>& sums) {
    List out;
    for (const auto& s : sums) out.push_back(s ? num(*s) : none());
    return list(std::move(out));
}

// The decimals each figure prints with: the column's `desimal`, else the figure's own (a stock
// sheet writes 145 and 76,25 in one column, as the seed does).
Value decimals_value(const ReferenceTable& t, const std::vector<std::optional<double>>& figures) {
    List out;
    for (std::size_t c = 0; c < figures.size() && c < t.kolom.size(); ++c) {
        const auto& k = t.kolom[c];
        out.push_back(integer(k.desimal ? k.desimal->value : figures[c] ? compute::figure_decimals(*figures[c]) : 0));
    }
    return list(std::move(out));
}

Value total_group(const ReferenceTable& t, const OptText& label, const std::vector<std::optional<double>>& sums) {
    Map gm;
    gm.emplace_back("judul", none());
    gm.emplace_back("baris", list({}));
    gm.emplace_back("jumlah", str(label->value, label->pos));
    gm.emplace_back("total", sums_value(sums));
    gm.emplace_back("total_desimal", decimals_value(t, sums));
    return map(std::move(gm));
}

}  // namespace

Value tabel_rujukan_context(const AgencyYear& d) {
    List out;
    for (const ReferenceTable& t : d.tabel_rujukan) {
        Map m;
        m.emplace_back("judul", str(t.judul.value, t.judul.pos));
        m.emplace_back("letak", str(t.letak.value, t.letak.pos));
        m.emplace_back("sumber", t.sumber ? str(t.sumber->value, t.sumber->pos) : none());
        m.emplace_back("uraian", t.uraian ? str(t.uraian->value, t.uraian->pos) : none());
        m.emplace_back("nomor", boolean(t.nomor));
        List kolom;
        for (std::size_t c = 0; c < t.kolom.size(); ++c) {
            Map k;
            k.emplace_back("judul", str(t.kolom[c].judul.value, t.kolom[c].judul.pos));
            k.emplace_back("angka", boolean(t.kolom[c].angka));
            k.emplace_back("desimal", t.kolom[c].desimal ? integer(t.kolom[c].desimal->value) : none());
            kolom.push_back(map(std::move(k)));
        }
        m.emplace_back("kolom", list(std::move(kolom)));
        // A total row's label stands in the first text column (the name column of a register).
        Value label = none();
        for (std::size_t c = 0; c < t.kolom.size() && label.is_none(); ++c) {
            if (!t.kolom[c].angka) label = integer(static_cast<std::int64_t>(c));
        }
        m.emplace_back("kolom_label", label);
        List kelompok;
        std::int64_t nomor = 0;
        for (std::size_t g = 0; g < t.kelompok.size(); ++g) {
            const ReferenceGroup& grp = t.kelompok[g];
            Map gm;
            gm.emplace_back("judul", grp.judul ? str(grp.judul->value, grp.judul->pos) : none());
            List baris;
            for (const auto& row : grp.baris) {
                List sel;
                std::vector<std::optional<double>> figures;
                for (const auto& c : row) figures.push_back(c.angka);
                for (const auto& c : row) {
                    if (c.angka) sel.push_back(num(*c.angka, c.pos));
                    else if (c.teks.empty()) sel.push_back(none());
                    else sel.push_back(str(c.teks, c.pos));
                }
                Map rm;
                rm.emplace_back("nomor", integer(++nomor));
                rm.emplace_back("sel", list(std::move(sel)));
                rm.emplace_back("desimal", decimals_value(t, figures));
                baris.push_back(map(std::move(rm)));
            }
            gm.emplace_back("baris", list(std::move(baris)));
            gm.emplace_back("jumlah", grp.jumlah ? str(grp.jumlah->value, grp.jumlah->pos) : none());
            const auto sums = compute::reference_sums(t, g);
            gm.emplace_back("total", grp.jumlah ? sums_value(sums) : none());
            gm.emplace_back("total_desimal", decimals_value(t, sums));
            kelompok.push_back(map(std::move(gm)));
        }
        // The table's own total row closes the groups, printed as one of them without rows.
        if (t.jumlah) kelompok.push_back(total_group(t, t.jumlah, compute::reference_sums(t, std::nullopt)));
        m.emplace_back("kelompok", list(std::move(kelompok)));
        m.emplace_back("jumlah", t.jumlah ? str(t.jumlah->value, t.jumlah->pos) : none());
        m.emplace_back("total", t.jumlah ? sums_value(compute::reference_sums(t, std::nullopt)) : none());
        out.push_back(map(std::move(m)));
    }
    return list(std::move(out));
}

}  // namespace lkjip::report
