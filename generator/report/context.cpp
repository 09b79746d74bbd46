// The report context: model + computed values as the tree templates see
// (docs/report-context.md). Every figure is computed (compute/); this file only arranges.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "compute/idformat.hpp"
#include "report/context_build.hpp"

namespace lkjip::report {

namespace {

using compute::ReportValues;

Value text(const Text& t) { return str(t.value, t.pos); }
Value opt_text(const OptText& t) { return t ? text(*t) : none(); }
Value opt_num(const std::optional<double>& v) { return v ? num(*v) : none(); }
Value opt_num(const std::optional<Located<double>>& v) { return v ? num(v->value, v->pos) : none(); }

}  // namespace

// Whole rupiah as an integer when there are no sen, so `uang` prints no decimals.
Value money_value(Money m) {
    if (m.sen % 100 == 0) return integer(m.sen / 100);
    return num(static_cast<double>(static_cast<long double>(m.sen) / 100.0L));
}

namespace {

Value text_list(const std::vector<Text>& items) {
    List out;
    for (const auto& t : items) out.push_back(text(t));
    return list(std::move(out));
}

}  // namespace

Value person_value(const Person& p) {
    Map m;
    m.emplace_back("nama", opt_text(p.nama));
    m.emplace_back("jabatan", text(p.jabatan));
    m.emplace_back("pangkat", opt_text(p.pangkat));
    m.emplace_back("golongan", opt_text(p.golongan));
    m.emplace_back("nip", p.nip ? str(idfmt::nip(p.nip->value).value_or(p.nip->value), p.nip->pos) : none());
    return map(std::move(m));
}

namespace {

Value person(const Person& p) { return person_value(p); }

std::string band_label(const ScaleBand& b) {
    return b.kategori.empty() ? b.predikat : b.predikat + " / " + b.kategori;
}

// A capaian of one indicator, with its band on the scale.
Value capaian_value(const compute::Capaian& c, std::optional<std::size_t> band, bool tercapai, const Settings& s) {
    const Scale& scale = s.scale.value;
    Map m;
    m.emplace_back("terukur", boolean(c.measurable()));
    m.emplace_back("nilai", opt_num(c.persen));
    m.emplace_back("alasan", c.measurable() ? none() : str(compute::unmeasurable_reason_text(c.reason)));
    const ScaleBand* b = band && *band < scale.bands.size() ? &scale.bands[*band] : nullptr;
    m.emplace_back("predikat", b ? str(b->predikat) : none());
    m.emplace_back("kategori", b && !b->kategori.empty() ? str(b->kategori) : none());
    m.emplace_back("label", b ? str(band_label(*b)) : none());
    m.emplace_back("tercapai", boolean(tercapai));
    // Outside the plausible band: printed in its table, never classified in a sentence (issue 16).
    m.emplace_back("wajar", boolean(!c.persen || compute::plausible(*c.persen, s.plausible_min.value,
                                                                    s.plausible_max.value, s.decimals.value)));
    m.emplace_back("nol_nol", boolean(c.zero_zero));
    return map(std::move(m));
}

}  // namespace

Value group_context(const compute::GroupResult& g, const Settings& s,
                    const std::vector<std::pair<std::string, std::string>>& names) {
    const int decimals = s.decimals.value;
    const compute::Capaian c{g.capaian.persen, g.capaian.persen ? compute::Unmeasurable::none
                                                                : compute::Unmeasurable::no_realisasi};
    Map m = as_map(capaian_value(c, g.band, g.capaian.persen && compute::tercapai(*g.capaian.persen, decimals), s));
    m.emplace_back("tercapai_n", integer(g.capaian.counts.tercapai));
    m.emplace_back("tidak_tercapai_n", integer(g.capaian.counts.tidak_tercapai));
    m.emplace_back("tidak_terukur_n", integer(g.capaian.counts.tidak_terukur));
    m.emplace_back("jumlah", integer(g.capaian.counts.total()));
    // The group value may be headlined only when every value it used is plausible.
    Map::iterator w = std::find_if(m.begin(), m.end(), [](const auto& e) { return e.first == "wajar"; });
    w->second = boolean(g.capaian.plausible);
    m.emplace_back("rata_rata", opt_num(g.capaian.rata_rata));
    auto member = [&](Map& e, std::size_t i) {
        e.emplace_back("jenis", str(i < names.size() ? names[i].first : "indikator"));
        e.emplace_back("nama", str(i < names.size() ? names[i].second : ""));
    };
    // The values the averaging rule changed or refused: which member, its capaian, the value used.
    auto adjusted = [&](const auto& values) {
        List out;
        for (const auto& k : values) {
            Map e;
            member(e, k.member);
            e.emplace_back("nilai", num(k.computed));
            e.emplace_back("dipakai", num(k.used));
            out.push_back(map(std::move(e)));
        }
        return list(std::move(out));
    };
    m.emplace_back("dibatasi", adjusted(g.capaian.clamped));
    m.emplace_back("tidak_wajar", adjusted(g.capaian.implausible));
    List unmeasured;
    for (std::size_t i : g.capaian.unmeasured) {
        Map e;
        member(e, i);
        unmeasured.push_back(map(std::move(e)));
    }
    m.emplace_back("tidak_terukur", list(std::move(unmeasured)));
    return map(std::move(m));
}

Value budget_context(const compute::BudgetTotals& b) {
    Map m;
    m.emplace_back("pagu_penetapan", money_value(b.pagu_penetapan));
    m.emplace_back("pagu", money_value(b.pagu));
    m.emplace_back("realisasi", b.has_realisasi ? money_value(b.realisasi) : none());
    m.emplace_back("serapan", opt_num(b.serapan));
    return map(std::move(m));
}

namespace {

Value scale_value(const Settings& s) {
    const Scale& scale = s.scale.value;
    List bands;
    bool any_kategori = false;
    for (std::size_t i = 0; i < scale.bands.size(); ++i) {
        const ScaleBand& b = scale.bands[i];
        any_kategori = any_kategori || !b.kategori.empty();
        std::string range;
        if (b.bound) {
            range = fmt::format("{} {}", b.inclusive ? "≥" : ">", idfmt::angka(*b.bound, b.bound == std::floor(*b.bound) ? 0 : 1));
        } else if (i > 0 && scale.bands[i - 1].bound) {
            const auto& up = scale.bands[i - 1];
            range = fmt::format("{} {}", up.inclusive ? "<" : "≤", idfmt::angka(*up.bound, *up.bound == std::floor(*up.bound) ? 0 : 1));
        }
        if (b.bound && i > 0 && scale.bands[i - 1].bound) {
            const auto& up = scale.bands[i - 1];
            range += fmt::format(" s.d. {} {}", up.inclusive ? "<" : "≤",
                                 idfmt::angka(*up.bound, *up.bound == std::floor(*up.bound) ? 0 : 1));
        }
        Map m;
        m.emplace_back("rentang", str(range));
        m.emplace_back("predikat", str(b.predikat));
        m.emplace_back("kategori", str(b.kategori));
        m.emplace_back("nilai_tengah", opt_num(b.nilai_tengah));
        m.emplace_back("batas", opt_num(b.bound));  // the band's lower bound; none for the lowest
        bands.push_back(map(std::move(m)));
    }
    Map m;
    m.emplace_back("nama", str(scale.name));
    m.emplace_back("ada_kategori", boolean(any_kategori));
    m.emplace_back("kategori", list(std::move(bands)));
    return map(std::move(m));
}

const char* trend_word(compute::Trend t) {
    switch (t) {
    case compute::Trend::naik: return "naik";
    case compute::Trend::tetap: return "tetap";
    case compute::Trend::turun: return "turun";
    }
    return "tetap";
}

const char* trend_mark(compute::Trend t) {
    switch (t) {
    case compute::Trend::naik: return "▲";
    case compute::Trend::tetap: return "–";
    case compute::Trend::turun: return "▼";
    }
    return "–";
}

Value year_series(const std::map<int, double>& values, const std::vector<int>& years) {
    List out;
    for (int y : years) {
        Map m;
        m.emplace_back("tahun", integer(y));
        auto it = values.find(y);
        m.emplace_back("nilai", it == values.end() ? none() : num(it->second));
        out.push_back(map(std::move(m)));
    }
    return list(std::move(out));
}

}  // namespace

Value ContextBuilder::indicator(std::size_t index, int nomor) const {
    const Indicator& ind = d_.indikator[index];
    const compute::IndicatorResult& r = v_.indikator[index];
    Map m;
    m.emplace_back("nomor", integer(nomor));
    m.emplace_back("id", text(ind.id));
    m.emplace_back("nama", text(ind.nama));
    m.emplace_back("nama_renstra", opt_text(ind.nama_renstra));
    m.emplace_back("satuan", text(ind.satuan));
    m.emplace_back("polaritas", str(ind.polarity.value == Polarity::positive ? "positif" : "negatif"));
    m.emplace_back("tipe", str(ind.tipe.value == Aggregation::cumulative ? "kumulatif" : "data-terakhir"));
    m.emplace_back("iku", boolean(ind.iku));
    m.emplace_back("formula", opt_text(ind.formula));
    m.emplace_back("sumber_data", opt_text(ind.sumber_data));
    m.emplace_back("penanggung_jawab", text_list(ind.penanggung_jawab));
    const std::string rumus = rumus_text(ind);
    m.emplace_back("rumus_teks", rumus.empty() ? none() : str(rumus));
    m.emplace_back("desimal", integer(ind.decimals.value));
    m.emplace_back("kondisi_awal", opt_num(ind.kondisi_awal));
    m.emplace_back("target", year_series(r.target, years_all_));
    m.emplace_back("realisasi", year_series(r.realisasi, years_to_date_));
    m.emplace_back("realisasi_sebelum", year_series(r.realisasi, years_before_));
    m.emplace_back("realisasi_riwayat", year_series(r.realisasi, years_history_));
    m.emplace_back("target_tahun", opt_num(r.target_tahun));
    m.emplace_back("realisasi_tahun", opt_num(r.realisasi_tahun));
    m.emplace_back("capaian", capaian_value(r.capaian, r.band, r.tercapai, d_.settings));
    m.emplace_back("sebelumnya", opt_num(r.realisasi_sebelumnya));
    if (r.trend) {
        Map t;
        t.emplace_back("arah", str(trend_word(*r.trend)));
        t.emplace_back("tanda", str(trend_mark(*r.trend)));
        t.emplace_back("membaik", r.trend_better ? boolean(*r.trend_better) : none());
        m.emplace_back("tren", map(std::move(t)));
    } else {
        m.emplace_back("tren", none());
    }
    m.emplace_back("realisasi_sd", opt_num(r.realisasi_sd));
    m.emplace_back("realisasi_sd_tahun", r.realisasi_sd_tahun ? integer(*r.realisasi_sd_tahun) : none());
    m.emplace_back("target_akhir", opt_num(r.target_akhir));
    // The next year's target, which seed 000 Tabel III.4 compares the realisasi with beside the end target.
    const auto next = r.target.find(year_ + 1);
    m.emplace_back("target_lanjut", next == r.target.end() ? none() : num(next->second));
    const int dec = d_.settings.decimals.value;
    m.emplace_back("progres", capaian_value(r.progres, r.progres_band, r.progres.persen && compute::tercapai(*r.progres.persen, dec), d_.settings));
    m.emplace_back("standar_nasional", opt_num(ind.standar_nasional));
    m.emplace_back("standar_keterangan", opt_text(ind.standar_keterangan));
    // The report year's realisasi against the standard, by polarity (issue 16: "berada di atas
    // standar" was said of a negative indicator that is better than it).
    Value banding = none();
    if (ind.standar_nasional && r.realisasi_tahun) {
        static const char* kStanding[] = {"lebih-baik", "sama", "belum-mencapai"};
        banding = str(kStanding[static_cast<int>(compute::standing(*r.realisasi_tahun, ind.standar_nasional->value,
                                                                    ind.polarity.value, ind.decimals.value))]);
    }
    m.emplace_back("standar_banding", banding);
    // The components of a computed indicator in the report year (issue 16: "5.604 ditempatkan of
    // 12.937 terdaftar" beside the value), in the data's order; empty without `rumus`.
    List komponen;
    if (ind.rumus) {
        for (const auto& c : ind.komponen) {
            const auto* v = c.nilai.find(year_);
            if (!v) continue;
            Map cm;
            cm.emplace_back("nama", text(c.nama));
            cm.emplace_back("satuan", opt_text(c.satuan));
            cm.emplace_back("nilai", num(v->value, v->pos));
            komponen.push_back(map(std::move(cm)));
        }
    }
    m.emplace_back("komponen", list(std::move(komponen)));
    List pembanding;
    for (const auto& p : ind.pembanding) {
        Map pm;
        pm.emplace_back("nama", text(p.nama));
        pm.emplace_back("satuan", text(p.satuan));
        pm.emplace_back("nilai", num(p.nilai.value, p.nilai.pos));
        pm.emplace_back("keterangan", opt_text(p.keterangan));
        pembanding.push_back(map(std::move(pm)));
    }
    m.emplace_back("pembanding", list(std::move(pembanding)));
    const std::string owner = owner_text(ind);
    m.emplace_back("pemilik_uraian", str(owner));
    m.emplace_back("sasaran_uraian", str(owner));
    return map(std::move(m));
}

std::string ContextBuilder::owner_text(const Indicator& ind) const {
    if (ind.owner_kind == OwnerKind::sasaran) {
        for (const auto& s : d_.renstra.sasaran) {
            if (s.id.value == ind.owner.value) return s.uraian.value;
        }
    } else {
        for (const auto& t : d_.renstra.tujuan) {
            if (t.id.value == ind.owner.value) return t.uraian.value;
        }
    }
    return ind.owner.value;
}

Value ContextBuilder::activity_indicators(const Activity& a, const compute::ActivityResult& r) const {
    List out;
    for (std::size_t i = 0; i < a.indikator.size(); ++i) {
        const ActivityIndicator& ai = a.indikator[i];
        const auto& ar = r.indikator[i];
        Map m;
        m.emplace_back("nama", text(ai.nama));
        m.emplace_back("satuan", text(ai.satuan));
        m.emplace_back("desimal", integer(ai.decimals ? ai.decimals->value
                                                     : decimals_of(ai.target ? ai.target->value : 0,
                                                                   ai.realisasi ? ai.realisasi->value : 0)));
        m.emplace_back("target", opt_num(ai.target));
        m.emplace_back("realisasi", opt_num(ai.realisasi));
        m.emplace_back("capaian", capaian_value(ar.capaian, ar.band, ar.tercapai, d_.settings));
        m.emplace_back("penjelasan", opt_text(ai.penjelasan));
        out.push_back(map(std::move(m)));
    }
    return list(std::move(out));
}

// Program/kegiatan indicators carry no `desimal` key: show as many decimals as the data has
// (0 for "25 pelaku usaha", 2 for "58,77 persen"), at most 2.
int ContextBuilder::decimals_of(double a, double b) {
    auto places = [](double x) {
        for (int p = 0; p < 2; ++p) {
            if (std::fabs(x * std::pow(10, p) - std::round(x * std::pow(10, p))) < 1e-9) return p;
        }
        return 2;
    };
    return std::max(places(a), places(b));
}

// "Program Pengembangan Ekspor": the level word before the name, unless the data already wrote it.
std::string activity_title(const Activity& a) {
    static const char* kPrefix[] = {"Program", "Kegiatan", "Sub Kegiatan"};
    const std::string prefix = kPrefix[static_cast<int>(a.level)];
    std::string lower_name = a.nama.value.substr(0, prefix.size()), lower_prefix = prefix;
    for (auto* s : {&lower_name, &lower_prefix}) {
        for (char& c : *s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return lower_name == lower_prefix ? a.nama.value : prefix + " " + a.nama.value;
}

Value ContextBuilder::activity(const Activity& a, const compute::ActivityResult& r) const {
    Map m;
    m.emplace_back("kode", text(a.kode));
    m.emplace_back("nama", text(a.nama));
    static const char* kLevel[] = {"program", "kegiatan", "sub kegiatan"};
    m.emplace_back("tingkat", str(kLevel[static_cast<int>(a.level)]));
    m.emplace_back("judul", str(activity_title(a)));
    m.emplace_back("anggaran", budget_context(r.budget));
    m.emplace_back("indikator", activity_indicators(a, r));
    List children;
    // An activity of the Renja's evaluation only (`hanya_evaluasi`) has no budget of the year and
    // no place in the LKjIP (context_renja.cpp prints it in Tabel 2.1).
    for (std::size_t i = 0; i < a.children.size(); ++i) {
        if (!a.children[i].hanya_evaluasi) children.push_back(activity(a.children[i], r.children[i]));
    }
    m.emplace_back("kegiatan", list(std::move(children)));
    return map(std::move(m));
}

ContextBuilder::ContextBuilder(const AgencyYear& d, const ReportValues& v)
    : d_(d), v_(v), year_(d.laporan.tahun.value) {
    const int year = d.laporan.tahun.value;
    for (int y = d.renstra.mulai.value; y <= d.renstra.akhir.value; ++y) {
        years_all_.push_back(y);
        if (y <= year) years_to_date_.push_back(y);
        if (y < year) years_before_.push_back(y);
    }
    // Every earlier year an indicator has a realisasi for, the years before the Renstra included
    // (issue 15; seed 000 Tabel III.3 compares 2017-2020 under a Renstra from 2020): the measurement
    // table of a sasaran prints them all, not only the Renstra's years.
    int first = std::min(d.renstra.mulai.value, year);
    for (std::size_t i = 0; i < d.indikator.size() && i < v.indikator.size(); ++i) {
        if (d.indikator[i].riwayat) continue;
        const auto& r = v.indikator[i].realisasi;
        if (!r.empty() && r.begin()->first < first) first = r.begin()->first;
    }
    // The five years before the Renstra are the previous Renstra's, the furthest `check` accepts
    // without a warning; older values stay out of the table, which must fit a page.
    constexpr int kHistoryYears = 5;
    first = std::max(first, d.renstra.mulai.value - kHistoryYears);
    for (int y = first; y < year; ++y) years_history_.push_back(y);
}

Value ContextBuilder::build() const {
    Map root;
    const int year = d_.laporan.tahun.value;
    root.emplace_back("tahun", integer(year, d_.laporan.tahun.pos));
    root.emplace_back("laporan", laporan());
    root.emplace_back("pemda", pemda());
    root.emplace_back("instansi", instansi());
    root.emplace_back("pimpinan", person(d_.pimpinan));
    root.emplace_back("pengaturan", pengaturan());
    root.emplace_back("dasar_hukum", text_list(d_.dasar_hukum));
    root.emplace_back("isu_strategis", text_list(d_.isu_strategis));
    root.emplace_back("langkah_ke_depan", text_list(d_.langkah_ke_depan));
    root.emplace_back("organisasi", organisasi());
    root.emplace_back("pegawai", pegawai());
    root.emplace_back("pegawai_perkembangan", pegawai_perkembangan_context(d_, v_));
    root.emplace_back("sarana", sarana());
    bool kondisi = false;
    for (const auto& s : d_.sarana) kondisi = kondisi || s.kondisi.has_value();
    root.emplace_back("sarana_ada_kondisi", boolean(kondisi));
    add_plan(root);
    add_budget(root);
    root.emplace_back("prestasi", achievements(d_.prestasi));
    root.emplace_back("inovasi", achievements(d_.inovasi));
    root.emplace_back("pk", pk());
    root.emplace_back("keputusan_iku", keputusan_iku());
    root.emplace_back("iku_dokumen", iku_dokumen());
    root.emplace_back("renja", renja());
    root.emplace_back("evaluasi_akip", evaluasi_akip_context(d_));
    root.emplace_back("tabel_rujukan", tabel_rujukan_context(d_));
    return map(std::move(root));
}

Value ContextBuilder::laporan() const {
    const auto& l = d_.laporan;
    Map m;
    m.emplace_back("tahun", integer(l.tahun.value, l.tahun.pos));
    m.emplace_back("tempat", text(l.tempat));
    m.emplace_back("tanggal", str(idfmt::tanggal(l.tanggal.value.year, l.tanggal.value.month, l.tanggal.value.day), l.tanggal.pos));
    m.emplace_back("tanggal_tahun", integer(l.tanggal.value.year, l.tanggal.pos));
    m.emplace_back("judul", text(l.judul));
    m.emplace_back("latar_belakang", opt_text(l.latar_belakang));
    m.emplace_back("kata_pengantar", opt_text(l.kata_pengantar));
    m.emplace_back("penutup", opt_text(l.penutup));
    return map(std::move(m));
}

Value ContextBuilder::pemda() const {
    const auto& p = d_.pemda;
    Map m;
    m.emplace_back("nama", text(p.nama));
    static const char* kKind[] = {"kota", "kabupaten", "provinsi"};
    m.emplace_back("jenis", str(kKind[static_cast<int>(p.jenis.value)]));
    m.emplace_back("pemerintah", str("Pemerintah " + p.nama.value, p.nama.pos));
    m.emplace_back("logo", opt_text(p.logo));
    m.emplace_back("kepala", p.kepala ? person(*p.kepala) : none());
    return map(std::move(m));
}

Value ContextBuilder::instansi() const {
    const auto& i = d_.instansi;
    Map m;
    m.emplace_back("nama", text(i.nama));
    m.emplace_back("nama_lengkap", str(i.nama.value + " " + d_.pemda.nama.value, i.nama.pos));
    m.emplace_back("singkatan", opt_text(i.singkatan));
    m.emplace_back("alamat", opt_text(i.alamat));
    m.emplace_back("telepon", opt_text(i.telepon));
    m.emplace_back("faks", opt_text(i.faks));
    m.emplace_back("email", opt_text(i.email));
    m.emplace_back("laman", opt_text(i.laman));
    m.emplace_back("logo", opt_text(i.logo));
    m.emplace_back("orbitasi", opt_text(i.orbitasi));
    return map(std::move(m));
}

Value ContextBuilder::pengaturan() const {
    const auto& s = d_.settings;
    Map m;
    m.emplace_back("desimal", integer(s.decimals.value));
    m.emplace_back("rumus_negatif", str(s.negative_formula.value == NegativeFormula::target_over_realisasi
                                            ? "target/realisasi" : "2target-realisasi"));
    m.emplace_back("metode", str(s.group_method.value == GroupMethod::mean ? "rata-rata" : "data-kelompok"));
    m.emplace_back("efisiensi", str(s.efficiency.value == EfficiencyRule::ratio ? "rasio" : "perbandingan"));
    m.emplace_back("skala", scale_value(s));
    m.emplace_back("tabel_nilai_tengah", boolean(s.class_mean_table.value || s.group_method.value == GroupMethod::grouped_mean));
    // The averaging rule, stated beside every average (issue 16).
    m.emplace_back("rata_rata", str(s.average_rule.value == AverageRule::capped ? "dibatasi" : "apa-adanya"));
    m.emplace_back("rata_rata_min", num(s.average_min.value, s.average_min.pos));
    m.emplace_back("rata_rata_maks", num(s.average_max.value, s.average_max.pos));
    m.emplace_back("capaian_wajar_min", num(s.plausible_min.value, s.plausible_min.pos));
    m.emplace_back("capaian_wajar_maks", num(s.plausible_max.value, s.plausible_max.pos));
    m.emplace_back("target_nol", str(s.zero_target.value == ZeroTarget::achieved ? "tercapai" : "tidak-dapat-diukur"));
    return map(std::move(m));
}

Value ContextBuilder::organisasi() const {
    const auto& o = d_.organisasi;
    Map m;
    m.emplace_back("gambaran_umum", opt_text(o.gambaran_umum));
    m.emplace_back("tugas", text(o.tugas));
    m.emplace_back("fungsi", text_list(o.fungsi));
    List units, ordered;
    for (const auto& u : o.units) {
        Map um;
        um.emplace_back("id", text(u.id));
        um.emplace_back("nama", text(u.nama));
        static const char* kKind[] = {"kepala", "sekretariat", "subbagian", "bidang", "seksi", "upt", "fungsional", "lainnya"};
        um.emplace_back("jenis", str(kKind[static_cast<int>(u.jenis.value)]));
        um.emplace_back("induk", opt_text(u.induk));
        um.emplace_back("pejabat", opt_text(u.pejabat));
        um.emplace_back("tugas", opt_text(u.tugas));
        um.emplace_back("fungsi", text_list(u.fungsi));
        units.push_back(map(std::move(um)));
    }
    // Depth-first from the root, children in data order (validated: one root, no cycles). The
    // children and the parents' names are looked up by id once, not by scanning every unit for
    // each one (quadratic: 16 000 units, issue 18).
    std::map<std::string_view, std::vector<const OrgUnit*>> children;
    std::map<std::string_view, const OrgUnit*> by_id;
    for (const auto& u : o.units) {
        if (u.induk) children[u.induk->value].push_back(&u);
        by_id[u.id.value] = &u;  // the last of an id, as the scan found it before
    }
    std::vector<std::pair<const OrgUnit*, int>> stack;
    for (auto it = o.units.rbegin(); it != o.units.rend(); ++it) {
        if (!it->induk) stack.emplace_back(&*it, 0);
    }
    while (!stack.empty()) {
        auto [u, depth] = stack.back();
        stack.pop_back();
        Map um = as_map(units[static_cast<std::size_t>(u - o.units.data())]);
        um.emplace_back("kedalaman", integer(depth));
        um.emplace_back("indentasi", str(std::string(static_cast<std::size_t>(depth) * 4, ' ')));
        std::string parent_name;
        if (u->induk) {
            if (const auto p = by_id.find(u->induk->value); p != by_id.end()) parent_name = p->second->nama.value;
        }
        um.emplace_back("induk_nama", parent_name.empty() ? none() : str(parent_name));
        ordered.push_back(map(std::move(um)));
        if (const auto c = children.find(u->id.value); c != children.end()) {
            for (auto it = c->second.rbegin(); it != c->second.rend(); ++it) stack.emplace_back(*it, depth + 1);
        }
    }
    m.emplace_back("unit", list(std::move(units)));
    m.emplace_back("unit_berurut", list(std::move(ordered)));
    return map(std::move(m));
}

Value ContextBuilder::pegawai() const {
    List out;
    for (std::size_t i = 0; i < d_.pegawai.size(); ++i) {
        const StaffTable& t = d_.pegawai[i];
        if (!t.total) continue;  // staff over the years: pegawai_perkembangan
        const compute::StaffResult& r = v_.pegawai[i];
        auto ints = [](const auto& v) {
            List l;
            for (const auto& x : v) {
                if constexpr (std::is_same_v<std::decay_t<decltype(x)>, std::int64_t>) l.push_back(integer(x));
                else l.push_back(integer(x.value, x.pos));
            }
            return list(std::move(l));
        };
        List rows;
        for (std::size_t j = 0; j < t.baris.size(); ++j) {
            const StaffRow& row = t.baris[j];
            Map rm;
            rm.emplace_back("unit", text(row.unit));
            rm.emplace_back("l", ints(row.laki));
            rm.emplace_back("p", ints(row.perempuan));
            rm.emplace_back("jumlah", ints(row.jumlah));
            rm.emplace_back("total", integer(r.row_total[j]));
            rows.push_back(map(std::move(rm)));
        }
        Map m;
        m.emplace_back("judul", text(t.judul));
        m.emplace_back("kelompok", text_list(t.kelompok));
        m.emplace_back("per_jenis_kelamin", boolean(t.per_jenis_kelamin));
        m.emplace_back("sumber", opt_text(t.sumber));
        m.emplace_back("baris", list(std::move(rows)));
        m.emplace_back("total_l", ints(r.column_laki));
        m.emplace_back("total_p", ints(r.column_perempuan));
        m.emplace_back("total_kelompok", ints(r.group_total));
        m.emplace_back("total", integer(r.total));
        out.push_back(map(std::move(m)));
    }
    return list(std::move(out));
}

Value ContextBuilder::sarana() const {
    List out;
    for (const auto& s : d_.sarana) {
        Map m;
        m.emplace_back("nama", text(s.nama));
        m.emplace_back("jumlah", integer(s.jumlah.value, s.jumlah.pos));
        m.emplace_back("satuan", text(s.satuan));
        m.emplace_back("kondisi", opt_text(s.kondisi));
        out.push_back(map(std::move(m)));
    }
    return list(std::move(out));
}

Value ContextBuilder::achievements(const std::vector<Achievement>& items) const {
    List out;
    for (const auto& a : items) {
        Map m;
        m.emplace_back("nama", text(a.nama));
        m.emplace_back("tahun", a.tahun ? integer(a.tahun->value, a.tahun->pos) : none());
        m.emplace_back("pemberi", opt_text(a.pemberi));
        m.emplace_back("uraian", opt_text(a.uraian));
        m.emplace_back("foto", opt_text(a.foto));
        out.push_back(map(std::move(m)));
    }
    return list(std::move(out));
}

}  // namespace lkjip::report
