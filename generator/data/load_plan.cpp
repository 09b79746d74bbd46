// The typed mapping of the planning sections: settings and scale, Renstra, indicators, and the
// program > kegiatan > sub kegiatan tree with its budget (docs/data-format.md).
#include <fmt/format.h>

#include "common/i18n.hpp"
#include "compute/compute.hpp"
#include "data/load_model.hpp"

namespace lkjip::data {

namespace {

template <class E>
Located<E> enum_choice(TableReader& r, std::string_view key, const std::vector<std::string>& words, E fallback) {
    if (auto c = r.choice(key, words)) return {static_cast<E>(c->value), c->pos};
    return {fallback, r.pos()};
}

Scale read_custom_scale(TableReader& r) {
    Scale scale;
    scale.name = "kustom";
    const auto bands = r.table_array("kategori", true);
    for (std::size_t i = 0; i < bands.size(); ++i) {
        TableReader br(*bands[i], "[[pengaturan.kategori]]", r.diags());
        ScaleBand band;
        const bool last = i + 1 == bands.size();
        auto above = br.opt_number("di_atas");
        auto from = br.opt_number("mulai");
        if (above && from) {
            r.diags().error(from->pos, _("a category has either `di_atas` (exclusive) or `mulai` (inclusive), not both"));
        }
        if (above) band.bound = above->value;
        if (from) {
            band.bound = from->value;
            band.inclusive = true;
        }
        if (!band.bound && !last) {
            r.diags().error(br.pos(), _("every category but the last needs a lower bound: `di_atas` or `mulai`"));
        }
        if (band.bound && last) {
            r.diags().error(br.pos(), _("the last category takes everything below the others and has no bound"),
                            _("remove `di_atas`/`mulai` from it, or add a lowest category"));
        }
        if (band.bound && !scale.bands.empty() && scale.bands.back().bound &&
            *band.bound >= *scale.bands.back().bound) {
            r.diags().error(br.pos(), _("category bounds must decrease from the first category to the last"));
        }
        band.predikat = br.string("predikat").value;
        band.kategori = br.opt_string("kategori").value_or(Text{}).value;
        if (auto mean = br.opt_number("nilai_tengah")) band.nilai_tengah = mean->value;
        br.finish();
        scale.bands.push_back(std::move(band));
    }
    return scale;
}

}  // namespace

Settings read_settings(const toml::table* t, Diagnostics& diags) {
    Settings s;
    s.scale = {*compute::scale_preset("permendagri-54-2010"), {}};
    if (!t) return s;
    TableReader r(*t, "[pengaturan]", diags);
    std::vector<std::string> names = compute::scale_preset_names();
    names.push_back("kustom");
    if (auto c = r.choice("skala", names)) {
        if (names[c->value] == "kustom") {
            s.scale = {read_custom_scale(r), c->pos};
        } else {
            s.scale = {*compute::scale_preset(names[c->value]), c->pos};
            if (r.has("kategori")) {
                r.table_array("kategori", false);
                diags.error(pos_of(*r.table().get("kategori")),
                            _("[[pengaturan.kategori]] is only read with skala = \"kustom\""));
            }
        }
    }
    s.negative_formula = enum_choice(r, "rumus_negatif", {"target/realisasi", "2target-realisasi"},
                                     NegativeFormula::target_over_realisasi);
    s.group_method = enum_choice(r, "metode_sasaran", {"rata-rata", "data-kelompok"}, GroupMethod::mean);
    s.efficiency = enum_choice(r, "efisiensi", {"rasio", "perbandingan"}, EfficiencyRule::ratio);
    if (auto d = r.opt_integer("desimal", 0, 4)) s.decimals = {static_cast<int>(d->value), d->pos};
    // A band [min, max] of capaian percentages: both bounds finite, min < max.
    auto read_band = [&](const char* min_key, const char* max_key, Located<double>& lo, Located<double>& hi) {
        if (auto v = r.opt_number_in(min_key, -1e6, 1e6)) lo = *v;
        if (auto v = r.opt_number_in(max_key, -1e6, 1e6)) hi = *v;
        if (lo.value >= hi.value) {
            diags.error(hi.pos.known() ? hi.pos : lo.pos.known() ? lo.pos : r.pos(),
                        _f("`{}` ({}) must be above `{}` ({})", max_key, hi.value, min_key, lo.value));
        }
    };
    read_band("capaian_wajar_min", "capaian_wajar_maks", s.plausible_min, s.plausible_max);
    s.average_rule = enum_choice(r, "rata_rata", {"dibatasi", "apa-adanya"}, AverageRule::capped);
    read_band("rata_rata_min", "rata_rata_maks", s.average_min, s.average_max);
    s.zero_target = enum_choice(r, "target_nol", {"tercapai", "tidak-dapat-diukur"}, ZeroTarget::achieved);
    if (auto b = r.opt_bool("tabel_nilai_tengah")) s.class_mean_table = {*b, pos_of(*r.table().get("tabel_nilai_tengah"))};
    if (s.group_method.value == GroupMethod::grouped_mean || s.class_mean_table.value) {
        for (const auto& band : s.scale.value.bands) {
            if (!band.nilai_tengah) {
                const bool grouped = s.group_method.value == GroupMethod::grouped_mean;
                diags.error(grouped ? s.group_method.pos : s.class_mean_table.pos,
                            _f("{} needs a `nilai_tengah` for every category; '{}' has none",
                                        grouped ? "metode_sasaran = \"data-kelompok\"" : "tabel_nilai_tengah = true",
                                        band.predikat));
                break;
            }
        }
    }
    r.finish();
    return s;
}

Renstra read_renstra(TableReader& root) {
    Renstra rs;
    const toml::table* t = root.opt_table("renstra");
    if (!t) {
        if (!root.has("renstra")) root.diags().error(root.pos(), _("the data file has no [renstra] table"));
        return rs;
    }
    Diagnostics& diags = root.diags();
    TableReader r(*t, "[renstra]", diags);
    auto mulai = r.integer("mulai", 1990, 2200);
    auto akhir = r.integer("akhir", 1990, 2200);
    rs.mulai = {static_cast<int>(mulai.value), mulai.pos};
    rs.akhir = {static_cast<int>(akhir.value), akhir.pos};
    if (r.has("mulai") && r.has("akhir") && (akhir.value < mulai.value || akhir.value - mulai.value > 9)) {
        diags.error(akhir.pos, _f("the Renstra period {}-{} must run forward and last at most 10 years",
                                           mulai.value, akhir.value));
    }
    rs.dokumen = r.opt_string("dokumen");
    rs.visi = r.string("visi");
    rs.misi = r.string_list("misi", true);
    for (const toml::table* tt : r.table_array("tujuan", true)) {
        TableReader tr(*tt, "[[renstra.tujuan]]", diags);
        Tujuan tj;
        tj.id = tr.string("id");
        tj.uraian = tr.string("uraian");
        if (auto m = tr.opt_integer("misi", 1, 100)) tj.misi = Located<int>{static_cast<int>(m->value), m->pos};
        tr.finish();
        rs.tujuan.push_back(std::move(tj));
    }
    for (const toml::table* st : r.table_array("sasaran", true)) {
        TableReader sr(*st, "[[renstra.sasaran]]", diags);
        Sasaran s;
        s.id = sr.string("id");
        s.tujuan = sr.string("tujuan");
        s.uraian = sr.string("uraian");
        s.analisis = sr.opt_string("analisis");
        s.faktor_pendukung = sr.opt_string("faktor_pendukung");
        s.faktor_penghambat = sr.opt_string("faktor_penghambat");
        s.solusi = sr.opt_string("solusi");
        s.upaya = sr.opt_string("upaya");
        s.analisis_program = sr.opt_string("analisis_program");
        s.nama_renstra = sr.opt_string("nama_renstra");
        for (const toml::table* ft : sr.table_array("foto", false)) {
            TableReader fr(*ft, "[[renstra.sasaran.foto]]", diags);
            s.foto.push_back(Photo{fr.opt_path("berkas"), fr.string("keterangan")});
            fr.finish();
        }
        s.pagu_penetapan_tertulis = sr.opt_money("pagu_penetapan_tertulis");
        s.pagu_tertulis = sr.opt_money("pagu_tertulis");
        s.realisasi_tertulis = sr.opt_money("realisasi_tertulis");
        sr.finish();
        rs.sasaran.push_back(std::move(s));
    }
    rs.program = read_renstra_programs(r, rs);
    r.finish();
    return rs;
}

namespace {

Indicator read_indicator(const toml::table& t, Diagnostics& diags) {
    Indicator ind;
    ind.pos = pos_of(t);
    const auto* idnode = t.get("id");
    const std::string label = idnode && idnode->is_string() ? fmt::format("[[indikator]] '{}'", idnode->as_string()->get())
                                                            : std::string("[[indikator]]");
    TableReader r(t, label, diags);
    ind.id = r.string("id");
    ind.nama = r.string("nama");
    ind.nama_renstra = r.opt_string("nama_renstra");
    const bool has_sasaran = r.has("sasaran"), has_tujuan = r.has("tujuan");
    if (has_sasaran == has_tujuan) {
        diags.error(r.pos(), _f("{} needs exactly one owner: `sasaran = \"…\"` or `tujuan = \"…\"`", label));
    }
    ind.owner_kind = has_tujuan ? OwnerKind::tujuan : OwnerKind::sasaran;
    ind.owner = has_tujuan ? r.string("tujuan") : (has_sasaran ? r.string("sasaran") : Text{{}, r.pos()});
    ind.satuan = r.string("satuan");
    if (const toml::table* st = r.opt_table("satuan_tahun")) {
        for (const auto& [k, v] : *st) {
            const int year = std::atoi(std::string(k.str()).c_str());
            if (year < 1900 || year > 2200 || !v.is_string()) {
                diags.error(pos_of(v), _f("`satuan_tahun` in {} maps years to unit names, as {{ 2023 = \"Juta USD\" }}",
                                                   label));
                continue;
            }
            ind.satuan_tahun[year] = Text{v.as_string()->get(), pos_of(v)};
        }
    }
    ind.polarity = enum_choice(r, "polaritas", {"positif", "negatif"}, Polarity::positive);
    ind.tipe = enum_choice(r, "tipe", {"data-terakhir", "kumulatif"}, Aggregation::last_value);
    ind.riwayat = r.opt_bool("riwayat").value_or(false);
    ind.iku = r.opt_bool("iku").value_or(ind.owner_kind == OwnerKind::sasaran && !ind.riwayat);
    if (ind.riwayat && ind.iku) {
        diags.error(pos_of(*t.get("iku")), _f("{} has `riwayat = true`: an indicator of an earlier IKU set is "
                                                       "no IKU of the report year", label),
                    _("remove `iku = true`, or `riwayat` if it is measured this year"));
    }
    ind.pk = r.opt_bool("pk").value_or(!ind.riwayat);
    if (ind.riwayat && ind.pk) {
        diags.error(pos_of(*t.get("pk")), _f("{} has `riwayat = true` and so is in no Perjanjian Kinerja of the "
                                                      "report year", label),
                    _("remove `pk = true`"));
    }
    ind.formula = r.opt_string("formula");
    ind.sumber_data = r.opt_string("sumber_data");
    // One unit as a string, or several as an array (seed 003: three bidang share one IKU).
    if (r.has("penanggung_jawab") && r.table().get("penanggung_jawab")->is_string()) {
        ind.penanggung_jawab.push_back(*r.opt_string("penanggung_jawab"));
    } else {
        ind.penanggung_jawab = r.string_list("penanggung_jawab", false);
    }
    if (auto d = r.opt_integer("desimal", 0, 4)) ind.decimals = {static_cast<int>(d->value), d->pos};
    ind.kondisi_awal = r.opt_number("kondisi_awal");
    ind.target = r.years("target", true);
    ind.target_pk = r.opt_number("target_pk");
    ind.target_akhir = r.opt_number("target_akhir");
    ind.realisasi = r.years("realisasi", false);
    ind.rumus = r.opt_string("rumus");
    for (const toml::table* ct : r.table_array("komponen", ind.rumus.has_value())) {
        TableReader cr(*ct, _f("a komponen of {}", label), diags);
        Component c;
        c.id = cr.string("id");
        c.nama = cr.string("nama");
        c.satuan = cr.opt_string("satuan");
        c.nilai = cr.years("nilai", true);
        cr.finish();
        ind.komponen.push_back(std::move(c));
    }
    ind.standar_nasional = r.opt_number("standar_nasional");
    ind.standar_keterangan = r.opt_string("standar_keterangan");
    if (auto b = r.opt_bool("spm")) ind.spm = *b;
    if (auto b = r.opt_bool("ikk")) ind.ikk = *b;
    ind.proyeksi = r.years("proyeksi", false);
    ind.catatan_analisis = r.opt_string("catatan_analisis");
    for (const toml::table* pt : r.table_array("pembanding", false)) {
        TableReader pr(*pt, _f("a pembanding of {}", label), diags);
        Comparison c;
        c.nama = pr.string("nama");
        c.satuan = pr.string("satuan");
        c.nilai = pr.number("nilai");
        c.keterangan = pr.opt_string("keterangan");
        pr.finish();
        ind.pembanding.push_back(std::move(c));
    }
    r.finish();
    return ind;
}

// `target` / `realisasi` of an activity indicator: a number (the report year's) or a table of
// years (the Renja reads several, issue 14). Both forms end in `by_year`; `of_year` is the report
// year's entry when there is one.
void read_year_or_number(TableReader& r, std::string_view key, int year, YearValues& by_year,
                         std::optional<Located<double>>& of_year) {
    const toml::node* n = r.node(key);
    if (n && n->is_table()) {
        // node() marked the key; years() reads the same node again with its checks.
        by_year = r.years(key, false);
    } else if (n) {
        of_year = r.opt_number(key);
        if (of_year) by_year.by_year[year] = *of_year;
        by_year.pos = pos_of(*n);
        return;
    } else {
        by_year.pos = r.pos();
    }
    if (const auto* v = by_year.find(year)) of_year = *v;
}

std::vector<ActivityIndicator> read_activity_indicators(TableReader& r, const std::string& owner, int year,
                                                        bool evaluasi) {
    std::vector<ActivityIndicator> out;
    for (const toml::table* t : r.table_array("indikator", false)) {
        TableReader ir(*t, _f("an indikator of {}", owner), r.diags());
        ActivityIndicator ai;
        ai.pos = pos_of(*t);
        ai.nama = ir.string("nama");
        ai.satuan = ir.string("satuan");
        // An activity of the evaluation only may have no target at all (seed 001 Tabel 2.1: "-").
        if (!ir.has("target") && !evaluasi) ir.number("target");  // reports it missing
        read_year_or_number(ir, "target", year, ai.target_tahun, ai.target);
        read_year_or_number(ir, "realisasi", year, ai.realisasi_tahun, ai.realisasi);
        ai.target_renstra = ir.years("target_renstra", false);
        ai.target_rancangan = ir.opt_number("target_rancangan_awal");
        ai.tipe = enum_choice(ir, "tipe", {"data-terakhir", "kumulatif"}, Aggregation::last_value);
        ai.polarity = enum_choice(ir, "polaritas", {"positif", "negatif"}, Polarity::positive);
        ai.penjelasan = ir.opt_string("penjelasan");
        if (auto d = ir.opt_integer("desimal", 0, 4)) ai.decimals = Located<int>{static_cast<int>(d->value), d->pos};
        ir.finish();
        out.push_back(std::move(ai));
    }
    return out;
}

RancanganAwal read_rancangan_awal(const toml::table& t, const std::string& label, bool leaf, Diagnostics& diags) {
    TableReader r(t, _f("the rancangan_awal of {}", label), diags);
    RancanganAwal ra;
    ra.pos = pos_of(t);
    ra.nama = r.opt_string("nama");
    ra.lokasi = r.opt_string("lokasi");
    if (leaf) ra.pagu = r.opt_money("pagu");
    else ra.pagu_tertulis = r.opt_money("pagu_tertulis");
    if (!leaf && r.has("pagu")) {
        diags.error(pos_of(*r.node("pagu")),
                    _f("{} has sub-items, so its rancangan awal pagu is their sum and is not written", label),
                    _("give each sub kegiatan's `rancangan_awal.pagu`, or keep a printed total as `pagu_tertulis`"));
    }
    ra.catatan = r.opt_string("catatan");
    r.finish();
    return ra;
}

// A kegiatan's `pagu` is its penetapan when the DPA states the penetapan per kegiatan only (seed
// 002: per-sasaran tables) and its sub kegiatan carry pagu_perubahan alone; the two ways of giving
// the penetapan do not mix, so no sum is ever half-typed.
void read_kegiatan_pagu(TableReader& r, Activity& a, const std::string& label) {
    a.pagu = r.opt_money("pagu");
    for (const Activity& c : a.children) {
        if (a.pagu && c.pagu) {
            r.diags().error(c.pagu->pos,
                            _f("{} gives its `pagu` (penetapan), and so does its sub kegiatan {}", label,
                                        c.kode.value),
                            _("give the penetapan on the kegiatan or on every sub kegiatan, not both"));
        } else if (a.pagu && !c.pagu_perubahan) {
            r.diags().error(c.pos, _f("sub kegiatan {} has no `pagu_perubahan`, and its penetapan is given "
                                               "only for the whole kegiatan {}",
                                               c.kode.value, a.kode.value),
                            _("give the sub kegiatan's pagu_perubahan from the DPA-P"));
        } else if (!a.pagu && !c.pagu && c.pagu_perubahan) {
            r.diags().error(c.pos, _f("sub kegiatan {} has no `pagu` (penetapan)", c.kode.value),
                            _("give it from the DPA, or give the kegiatan's `pagu` when the DPA states the penetapan "
                            "per kegiatan only"));
        }
    }
}

constexpr const char* kLevelKey[] = {"program", "kegiatan", "sub"};
constexpr const char* kLevelName[] = {"program", "kegiatan", "sub kegiatan"};

Activity read_activity(const toml::table& t, ActivityLevel level, int year, Diagnostics& diags, bool parent_evaluasi = false,
                       bool waiting_for_dpa = false) {
    Activity a;
    a.level = level;
    a.pos = pos_of(t);
    const int li = static_cast<int>(level);
    const auto* kode = t.get("kode");
    const std::string label = kode && kode->is_string()
                                  ? fmt::format("{} {}", kLevelName[li], kode->as_string()->get())
                                  : _f("a {}", kLevelName[li]);
    TableReader r(t, label, diags);
    a.kode = r.string("kode");
    a.nama = r.string("nama");
    if (level == ActivityLevel::program) a.urusan = r.opt_string("urusan");
    if (r.has("sasaran")) a.sasaran = r.string_list("sasaran", false);
    // A kegiatan of the evaluation only takes its sub kegiatan with it.
    a.hanya_evaluasi = parent_evaluasi;
    if (level != ActivityLevel::program) {
        if (auto b = r.opt_bool("hanya_evaluasi")) a.hanya_evaluasi = a.hanya_evaluasi || *b;
    }
    a.indikator = read_activity_indicators(r, label, year, a.hanya_evaluasi);
    a.lokasi = r.opt_string("lokasi");
    a.sumber_dana = r.opt_string("sumber_dana");
    if (level != ActivityLevel::sub_kegiatan) {
        const auto child_level = static_cast<ActivityLevel>(li + 1);
        for (const toml::table* c : r.table_array(kLevelKey[li + 1], false)) {
            a.children.push_back(read_activity(*c, child_level, year, diags, a.hanya_evaluasi, waiting_for_dpa));
        }
        a.pagu_tertulis = r.opt_money("pagu_tertulis");
        a.pagu_tertulis_jenis = enum_choice(r, "pagu_tertulis_jenis", {"perubahan", "penetapan"}, PaguStated::perubahan);
        a.realisasi_tertulis = r.opt_money("realisasi_tertulis");
    }
    const bool leaf = a.children.empty();
    if (const toml::table* ra = r.opt_table("rancangan_awal")) a.rancangan_awal = read_rancangan_awal(*ra, label, leaf, diags);
    if (leaf && level == ActivityLevel::program) {
        diags.error(r.pos(), _f("{} has no kegiatan; the budget sits on kegiatan or sub kegiatan", label));
    } else if (leaf) {
        a.pagu = r.opt_money("pagu");
        a.pagu_perubahan = r.opt_money("pagu_perubahan");
        a.pagu_indikatif = r.opt_money("pagu_indikatif");
        a.prakiraan_maju = r.opt_money("prakiraan_maju");
        // Without its own pagu a sub kegiatan needs a pagu_perubahan and the kegiatan's penetapan:
        // read_kegiatan_pagu checks that from the kegiatan. An activity of the evaluation only
        // (`hanya_evaluasi`) has no budget of the report year.
        if (!a.hanya_evaluasi && !waiting_for_dpa && !a.pagu && !r.has("pagu") &&
            (level != ActivityLevel::sub_kegiatan || !a.pagu_perubahan)) {
            r.string("pagu");  // reports it missing
        }
        if (a.hanya_evaluasi) {
            for (const auto* m : {&a.pagu, &a.pagu_perubahan, &a.pagu_indikatif, &a.prakiraan_maju}) {
                if (*m) {
                    diags.error((*m)->pos, _f("{} is `hanya_evaluasi` (printed in the Renja's evaluation only), so it "
                                              "has no pagu", label),
                                _("remove the pagu, or `hanya_evaluasi` when the activity is budgeted"));
                    break;
                }
            }
        }
        a.realisasi = r.opt_money("realisasi");
    } else {
        a.pagu_indikatif_tertulis = r.opt_money("pagu_indikatif_tertulis");
        if (level == ActivityLevel::kegiatan) read_kegiatan_pagu(r, a, label);
        for (const char* key : {"pagu", "pagu_perubahan", "realisasi", "pagu_indikatif", "prakiraan_maju"}) {
            if (level == ActivityLevel::kegiatan && std::string_view(key) == "pagu") continue;
            if (const toml::node* n = t.get(key)) {
                r.opt_money(key);
                diags.error(pos_of(*n), _f("{} has sub-items, so its `{}` is their sum and is not written",
                                                    label, key),
                            _("move it to the leaves, or keep a printed total as `pagu_tertulis` / `realisasi_tertulis`"));
            }
        }
    }
    r.finish();
    return a;
}

}  // namespace

std::vector<Indicator> read_indicators(TableReader& root) {
    std::vector<Indicator> out;
    for (const toml::table* t : root.table_array("indikator", false)) out.push_back(read_indicator(*t, root.diags()));
    return out;
}

std::vector<Activity> read_programs(TableReader& root, int year, bool waiting_for_dpa) {
    std::vector<Activity> out;
    for (const toml::table* t : root.table_array("program", false)) {
        out.push_back(read_activity(*t, ActivityLevel::program, year, root.diags(), false, waiting_for_dpa));
    }
    return out;
}

}  // namespace lkjip::data
