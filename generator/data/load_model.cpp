// The typed mapping of the sections that describe the agency (docs/data-format.md, in order).
#include "data/load_model.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "data/data.hpp"
#include "common/utf8.hpp"
#include "compute/compute.hpp"
#include "compute/idformat.hpp"

namespace lkjip::data {

namespace {

template <class E>
Located<E> enum_choice(TableReader& r, std::string_view key, const std::vector<std::string>& words,
                       E fallback) {
    if (auto c = r.choice(key, words)) return {static_cast<E>(c->value), c->pos};
    return {fallback, r.pos()};
}

Laporan read_laporan(TableReader& root) {
    Laporan l;
    const toml::table* t = root.opt_table("laporan");
    if (!t) {
        if (!root.has("laporan")) root.diags().error(root.pos(), _("the data file has no [laporan] table"));
        return l;
    }
    TableReader r(*t, "[laporan]", root.diags());
    auto tahun = r.integer("tahun", 1990, 2200);
    l.tahun = {static_cast<int>(tahun.value), tahun.pos};
    l.tempat = r.string("tempat");
    if (auto d = r.date("tanggal", true)) l.tanggal = *d;
    l.judul = r.opt_string("judul").value_or(Text{"Laporan Kinerja Instansi Pemerintah", r.pos()});
    l.latar_belakang = r.opt_string("latar_belakang");
    l.kata_pengantar = r.opt_string("kata_pengantar");
    l.penutup = r.opt_string("penutup");
    r.finish();
    return l;
}

// NIP: 18 digits = birth date yyyymmdd, appointment yyyymm, sex digit (1 or 2), serial
// (DOMAIN.md §4; BKN's numbering). Checked so a digit typed twice is caught.
OptText read_nip(TableReader& r, bool required) {
    // Typed without quotes it is an integer of 18 digits: the user meant the text (issue 16).
    if (const toml::node* n = r.node("nip"); n && n->is_integer()) {
        r.diags().error(pos_of(*n), _("a NIP is text: it is written in quotes"),
                        _f("write nip = \"{}\"", n->as_integer()->get()));
        return std::nullopt;
    }
    auto raw = required ? std::optional<Text>(r.string("nip")) : r.opt_string("nip");
    if (!raw || raw->value.empty()) return std::nullopt;
    // Spaces (a non-breaking one too, pasted from a word processor) group the digits as they are
    // printed; any other character is named, so `19700101.199503.1.001` says what is wrong.
    std::string digits, wrong;
    const std::string& v = raw->value;
    for (std::size_t i = 0; i < v.size();) {
        const unsigned char c = static_cast<unsigned char>(v[i]);
        const std::size_t len = std::max<std::size_t>(1, utf8::sequence_at(v, i).length);
        const std::string ch = v.substr(i, len);
        i += len;
        if (ch == " " || ch == "\t" || ch == "\xC2\xA0") continue;
        if (len == 1 && c >= '0' && c <= '9') {
            digits += ch;
        } else if (wrong.find("`" + ch + "`") == std::string::npos) {
            const std::string quoted = "`" + ch + "`";
            wrong = wrong.empty() ? quoted : _f("{} and {}", wrong, quoted);
        }
    }
    if (!wrong.empty()) {
        r.diags().error(raw->pos,
                        _f("NIP `{}` has {} in it; a NIP is 18 digits: birth date (yyyymmdd), appointment (yyyymm), "
                           "sex (1 or 2) and a serial of 3",
                           raw->value, wrong),
                        digits.size() == 18 ? _f("write \"{} {} {} {}\" (spaces between the groups are allowed)",
                                                          digits.substr(0, 8), digits.substr(8, 6), digits.substr(14, 1),
                                                          digits.substr(15, 3))
                                            : std::string(_("write the 18 digits, with spaces between the groups if you like")));
        return std::nullopt;
    }
    const auto printed = idfmt::nip(digits);
    if (!printed) {
        r.diags().error(raw->pos,
                        _n("NIP `{1}` has {0} digit; a NIP is 18 digits: birth date (yyyymmdd), appointment (yyyymm), "
                           "sex (1 or 2) and a serial of 3",
                           // i18n: not a message (the plural of the one above: the scan reads a mark's first argument)
                           "NIP `{1}` has {0} digits; a NIP is 18 digits: birth date (yyyymmdd), appointment (yyyymm), sex (1 or 2) and a serial of 3",
                           digits.size(), raw->value));
        return std::nullopt;
    }
    const int year = std::stoi(digits.substr(0, 4)), month = std::stoi(digits.substr(4, 2)),
              day = std::stoi(digits.substr(6, 2));
    const int appointed_year = std::stoi(digits.substr(8, 4)), appointed_month = std::stoi(digits.substr(12, 2));
    const char sex = digits[14];
    if (!idfmt::tanggal_valid(year, month, day) || year < 1900) {
        r.diags().error(raw->pos, _f("NIP `{}`: the first 8 digits must be a birth date (yyyymmdd)", raw->value));
    } else if (appointed_year < year || appointed_month < 1 || appointed_month > 12) {
        r.diags().error(raw->pos, _f("NIP `{}`: digits 9-14 must be the appointment year and month (yyyymm)",
                                              raw->value));
    } else if (sex != '1' && sex != '2') {
        r.diags().error(raw->pos, _f("NIP `{}`: digit 15 must be 1 (male) or 2 (female)", raw->value));
    }
    return Text{digits, raw->pos};
}

Pemda read_pemda(TableReader& root) {
    Pemda p;
    const toml::table* t = root.opt_table("pemda");
    if (!t) {
        if (!root.has("pemda")) root.diags().error(root.pos(), _("the data file has no [pemda] table"));
        return p;
    }
    TableReader r(*t, "[pemda]", root.diags());
    p.nama = r.string("nama");
    p.jenis = enum_choice(r, "jenis", {"kota", "kabupaten", "provinsi"}, PemdaKind::kota);
    if (!r.has("jenis")) r.string("jenis");  // reports the missing key
    p.logo = r.opt_path("logo");
    if (const toml::table* k = r.opt_table("kepala")) p.kepala = read_person(*k, "[pemda.kepala]", r.diags());
    r.finish();
    return p;
}

Instansi read_instansi(TableReader& root) {
    Instansi i;
    const toml::table* t = root.opt_table("instansi");
    if (!t) {
        if (!root.has("instansi")) root.diags().error(root.pos(), _("the data file has no [instansi] table"));
        return i;
    }
    TableReader r(*t, "[instansi]", root.diags());
    i.nama = r.string("nama");
    i.singkatan = r.opt_string("singkatan");
    i.alamat = r.opt_string("alamat");
    i.telepon = r.opt_string("telepon");
    i.faks = r.opt_string("faks");
    i.email = r.opt_string("email");
    i.laman = r.opt_string("laman");
    i.logo = r.opt_path("logo");
    i.orbitasi = r.opt_string("orbitasi");
    r.finish();
    return i;
}

Style read_style(const toml::table* t, Diagnostics& diags) {
    Style s;
    if (!t) return s;
    TableReader r(*t, "[gaya]", diags);
    s.paper = enum_choice(r, "kertas", {"A4", "F4"}, Paper::a4);
    s.font = enum_choice(r, "huruf", {"serif", "sans"}, FontFamily::serif);
    if (auto v = r.opt_number_in("ukuran", 8, 16)) s.size = *v;
    if (auto v = r.opt_number_in("margin_atas", 5, 80)) s.margin_top = *v;
    if (auto v = r.opt_number_in("margin_bawah", 5, 80)) s.margin_bottom = *v;
    if (auto v = r.opt_number_in("margin_kiri", 5, 80)) s.margin_left = *v;
    if (auto v = r.opt_number_in("margin_kanan", 5, 80)) s.margin_right = *v;
    r.finish();
    return s;
}

// A unit's own tugas and fungsi (issue 15): both optional, a unit may have either.
void read_unit_tugas(TableReader& ur, OrgUnit& unit) {
    unit.tugas = ur.opt_string("tugas");
    unit.fungsi = ur.string_list("fungsi", false);
}

Organisasi read_organisasi(TableReader& root) {
    Organisasi o;
    const toml::table* t = root.opt_table("organisasi");
    if (!t) {
        if (!root.has("organisasi")) root.diags().error(root.pos(), _("the data file has no [organisasi] table"));
        return o;
    }
    TableReader r(*t, "[organisasi]", root.diags());
    o.gambaran_umum = r.opt_string("gambaran_umum");
    o.tugas = r.string("tugas");
    o.fungsi = r.string_list("fungsi", true);
    for (const toml::table* u : r.table_array("unit", false)) {
        TableReader ur(*u, "[[organisasi.unit]]", root.diags());
        OrgUnit unit;
        unit.id = ur.string("id");
        unit.nama = ur.string("nama");
        unit.jenis = enum_choice(ur, "jenis",
                                 {"kepala", "sekretariat", "subbagian", "bidang", "seksi", "upt", "fungsional", "lainnya"},
                                 UnitKind::lainnya);
        if (!ur.has("jenis")) ur.string("jenis");
        unit.induk = ur.opt_string("induk");
        unit.pejabat = ur.opt_string("pejabat");
        read_unit_tugas(ur, unit);
        ur.finish();
        o.units.push_back(std::move(unit));
    }
    r.finish();
    return o;
}


// `total = false` (staff over the years): the table prints no row and grand totals, and is not split
// by sex (none of the seeds' tables over the years is; the L/P columns per year would not fit a page).
void read_staff_total_flag(TableReader& r, StaffTable& s, Diagnostics& diags) {
    s.total = r.opt_bool("total").value_or(true);
    if (!s.total && s.per_jenis_kelamin) {
        diags.error(s.pos, _f("[[pegawai]] '{}' has `total = false`, which needs `per_jenis_kelamin = false`",
                                       s.judul.value));
    }
    if (!s.total && s.total_tertulis) {
        diags.error(s.total_tertulis->pos,
                    _f("[[pegawai]] '{}' has `total = false`: it has no grand total to state", s.judul.value));
    }
}

StaffTable read_staff_table(const toml::table& t, Diagnostics& diags) {
    StaffTable s;
    s.pos = pos_of(t);
    TableReader r(t, "[[pegawai]]", diags);
    s.judul = r.string("judul");
    s.kelompok = r.string_list("kelompok", true);
    s.per_jenis_kelamin = r.opt_bool("per_jenis_kelamin").value_or(true);
    s.sumber = r.opt_string("sumber");
    s.total_tertulis = r.opt_integer("total_tertulis", 0, kMaxCount);
    read_staff_total_flag(r, s, diags);
    const auto rows = r.table_array("baris", true);
    for (const toml::table* row : rows) {
        TableReader rr(*row, _f("a row of [[pegawai]] '{}'", s.judul.value), diags);
        StaffRow sr;
        sr.unit = rr.string("unit");
        auto check_len = [&](const std::vector<Located<std::int64_t>>& v, std::string_view key) {
            if (!v.empty() && v.size() != s.kelompok.size()) {
                diags.error(v.front().pos, _f("`{}` of row '{}' has {} counts, but the table has {} kelompok",
                                                       key, sr.unit.value, v.size(), s.kelompok.size()));
            }
        };
        if (s.per_jenis_kelamin) {
            sr.laki = rr.integer_list("l", 0, kMaxCount);
            sr.perempuan = rr.integer_list("p", 0, kMaxCount);
            check_len(sr.laki, "l");
            check_len(sr.perempuan, "p");
        } else {
            sr.jumlah = rr.integer_list("jumlah", 0, kMaxCount);
            check_len(sr.jumlah, "jumlah");
        }
        rr.finish();
        s.baris.push_back(std::move(sr));
    }
    r.finish();
    return s;
}

Anggaran read_anggaran(const toml::table* t, Diagnostics& diags) {
    Anggaran a;
    if (!t) return a;
    TableReader r(*t, "[anggaran]", diags);
    a.pagu_tertulis = r.opt_money("pagu_tertulis");
    a.pagu_tertulis_jenis = enum_choice(r, "pagu_tertulis_jenis", {"perubahan", "penetapan"}, PaguStated::perubahan);
    a.realisasi_tertulis = r.opt_money("realisasi_tertulis");
    a.pagu_non_gaji = r.opt_money("pagu_non_gaji");
    a.realisasi_non_gaji = r.opt_money("realisasi_non_gaji");
    for (const toml::table* p : r.table_array("pendapatan", false)) {
        TableReader pr(*p, "[[anggaran.pendapatan]]", diags);
        Revenue rev;
        rev.uraian = pr.string("uraian");
        if (auto m = pr.opt_money("target")) rev.target = *m; else if (!pr.has("target")) pr.string("target");
        if (auto m = pr.opt_money("realisasi")) rev.realisasi = *m; else if (!pr.has("realisasi")) pr.string("realisasi");
        pr.finish();
        a.pendapatan.push_back(std::move(rev));
    }
    a.belanja = read_belanja(r);
    a.sumber_dana = r.string_list("sumber_dana", false);
    if (auto b = r.opt_bool("menunggu_dpa")) a.menunggu_dpa = Located<bool>{*b, pos_of(*t->get("menunggu_dpa"))};
    r.finish();
    return a;
}

std::vector<Achievement> read_achievements(TableReader& root, std::string_view key) {
    std::vector<Achievement> out;
    for (const toml::table* t : root.table_array(key, false)) {
        TableReader r(*t, fmt::format("[[{}]]", key), root.diags());
        Achievement a;
        a.nama = r.string("nama");
        if (key == "prestasi") {
            if (auto y = r.opt_integer("tahun", 1900, 2200)) a.tahun = Located<int>{static_cast<int>(y->value), y->pos};
            a.pemberi = r.opt_string("pemberi");
        }
        a.uraian = r.opt_string("uraian");
        a.foto = r.opt_path("foto");
        r.finish();
        out.push_back(std::move(a));
    }
    return out;
}

// [pk]: the Perjanjian Kinerja. `tanggal` is required: a PK without its date is not a PK.
std::optional<PerjanjianKinerja> read_pk(TableReader& root) {
    const toml::table* t = root.opt_table("pk");
    if (!t) return std::nullopt;
    TableReader r(*t, "[pk]", root.diags());
    PerjanjianKinerja pk;
    pk.pos = r.pos();
    pk.nomor = r.opt_string("nomor");
    pk.tanggal = r.required_date("tanggal");
    pk.tempat = r.opt_string("tempat");
    if (const toml::table* pt = r.opt_table("perubahan")) {
        TableReader pr(*pt, "[pk.perubahan]", root.diags());
        PkRevision rev;
        rev.pos = pr.pos();
        rev.tanggal = pr.required_date("tanggal");
        rev.nomor = pr.opt_string("nomor");
        pr.finish();
        pk.perubahan = rev;
    }
    if (auto c = r.choice("pagu", {"penetapan", "perubahan"})) pk.pagu = Located<PkPagu>{static_cast<PkPagu>(c->value), c->pos};
    pk.pembuka = r.opt_string("pembuka");
    pk.janji = r.opt_string("janji");
    pk.supervisi = r.opt_string("supervisi");
    pk.tujuan = r.string_list("tujuan", false);
    pk.uraian = r.opt_string("uraian");
    r.finish();
    return pk;
}

// [keputusan_iku]: the decree fixing the IKU. `nomor` and `tanggal` are required: a decree is
// cited by its number and date.
std::optional<KeputusanIku> read_keputusan_iku(TableReader& root, int report_year) {
    const toml::table* t = root.opt_table("keputusan_iku");
    if (!t) return std::nullopt;
    TableReader r(*t, "[keputusan_iku]", root.diags());
    KeputusanIku k;
    k.pos = r.pos();
    k.nomor = r.string("nomor");
    k.tanggal = r.required_date("tanggal");
    if (auto y = r.opt_integer("tahun", 1990, 2200)) k.tahun = {static_cast<int>(y->value), y->pos};
    else k.tahun = {k.tanggal.value.year != 0 ? k.tanggal.value.year : report_year, k.tanggal.pos};
    k.tempat = r.opt_string("tempat");
    k.tentang = r.opt_string("tentang");
    k.periode = r.opt_string("periode");
    k.menimbang = r.string_list("menimbang", true);
    k.mengingat_given = r.has("mengingat");
    k.mengingat = r.string_list("mengingat", false);
    k.tembusan = r.string_list("tembusan", false);
    k.diktum = r.string_list("diktum", false);
    if (auto c = r.choice("penomoran_diktum", {"kesatu", "pertama"})) k.diktum_pertama = c->value == 1;
    r.finish();
    return k;
}

// [iku]: the date (and place) the IKU was fixed when no decree number is known. With
// [keputusan_iku] the decree dates it; two dates for one IKU would disagree sooner or later.
std::optional<IkuDocument> read_iku(TableReader& root, bool has_keputusan) {
    const toml::table* t = root.opt_table("iku");
    if (!t) return std::nullopt;
    TableReader r(*t, "[iku]", root.diags());
    IkuDocument k;
    k.pos = r.pos();
    k.tanggal = r.required_date("tanggal");
    k.tempat = r.opt_string("tempat");
    if (auto b = r.opt_bool("perubahan")) k.perubahan = *b;
    r.finish();
    if (has_keputusan) {
        root.diags().error(k.pos, _("[iku] dates an IKU fixed without a decree, but the data has [keputusan_iku]"),
                           _("the decree's `tanggal` and `tempat` sign the Lampiran IKU: remove [iku]"));
    }
    return k;
}

}  // namespace

Person read_person(const toml::table& t, const std::string& where, Diagnostics& diags) {
    TableReader r(t, where, diags);
    Person p;
    p.nama = r.opt_string("nama");
    p.jabatan = r.string("jabatan");
    p.pangkat = r.opt_string("pangkat");
    p.golongan = r.opt_string("golongan");
    p.nip = read_nip(r, false);
    r.finish();
    return p;
}

AgencyYear map_agency_year(const toml::table& root, const std::string& name, Diagnostics& diags) {
    AgencyYear m;
    m.path = name;
    TableReader r(root, _("the data file"), diags);
    // The child file itself, not the merged table (whose position may be a parent's).
    m.pos = SourcePos{std::make_shared<const std::string>(name), 1, 1};
    m.laporan = read_laporan(r);
    m.pemda = read_pemda(r);
    m.instansi = read_instansi(r);
    if (const toml::table* p = r.opt_table("pimpinan")) {
        m.pimpinan = read_person(*p, "[pimpinan]", diags);
    } else if (!r.has("pimpinan")) {
        diags.error(r.pos(), _("the data file has no [pimpinan] table (the head of the agency who signs)"));
    }
    m.settings = read_settings(r.opt_table("pengaturan"), diags);
    m.style = read_style(r.opt_table("gaya"), diags);
    m.dasar_hukum = r.string_list("dasar_hukum", false);
    m.isu_strategis = r.string_list("isu_strategis", false);
    m.langkah_ke_depan = r.string_list("langkah_ke_depan", false);
    m.organisasi = read_organisasi(r);
    for (const toml::table* t : r.table_array("pegawai", false)) m.pegawai.push_back(read_staff_table(*t, diags));
    for (const toml::table* t : r.table_array("sarana", false)) {
        TableReader fr(*t, "[[sarana]]", diags);
        Facility f;
        f.nama = fr.string("nama");
        f.jumlah = fr.integer("jumlah", 0, kMaxCount);
        f.satuan = fr.string("satuan");
        f.kondisi = fr.opt_string("kondisi");
        fr.finish();
        m.sarana.push_back(std::move(f));
    }
    m.renstra = read_renstra(r);
    m.indikator = read_indicators(r);
    m.evaluasi_akip = read_evaluasi_akip(r, m.indikator);
    for (const toml::table* t : r.table_array("urusan", false)) {
        TableReader ur(*t, "[[urusan]]", diags);
        Urusan u;
        u.kode = ur.string("kode");
        u.nama = ur.string("nama");
        u.pagu_tertulis = ur.opt_money("pagu_tertulis");
        u.realisasi_tertulis = ur.opt_money("realisasi_tertulis");
        m.urusan.push_back(std::move(u));
        ur.finish();
    }
    m.anggaran = read_anggaran(r.opt_table("anggaran"), diags);
    m.program = read_programs(r, m.laporan.tahun.value, m.anggaran.menunggu_dpa && m.anggaran.menunggu_dpa->value);
    m.prestasi = read_achievements(r, "prestasi");
    m.inovasi = read_achievements(r, "inovasi");
    m.pk = read_pk(r);
    m.keputusan_iku = read_keputusan_iku(r, m.laporan.tahun.value);
    m.iku = read_iku(r, m.keputusan_iku.has_value());
    m.tabel_rujukan = read_tabel_rujukan(r, m.renstra);
    m.renja = read_renja(r, m);
    r.finish();
    return m;
}

}  // namespace lkjip::data
