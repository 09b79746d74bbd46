// The typed model of one agency-year: what docs/data-format.md describes, as plain structs.
// Raw values only (DOMAIN.md §3: "Store raw values once; compute everything else"): no total,
// percentage or category lives here except the `*_tertulis` values a source printed, which are
// kept solely so `lkjip check` can show where they disagree with the sum of their parts.
// Every value read from a file keeps its source position, so any later stage can point at it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"

namespace lkjip {

template <class T>
struct Located {
    T value{};
    SourcePos pos;
};

using Text = Located<std::string>;
using OptText = std::optional<Text>;

// Money is an exact integer number of sen (1/100 rupiah): never a float (DOMAIN.md §3 Budget).
struct Money {
    std::int64_t sen = 0;
    friend bool operator==(Money, Money) = default;
};

struct Date {
    int year = 0, month = 0, day = 0;
};

// A value per year ("tahunan"): target or realisasi of an indicator over the Renstra period.
struct YearValues {
    std::map<int, Located<double>> by_year;
    SourcePos pos;  // the table itself, for messages about a missing year
    [[nodiscard]] const Located<double>* find(int year) const {
        auto it = by_year.find(year);
        return it == by_year.end() ? nullptr : &it->second;
    }
};

// A signatory. Only the jabatan is required: a source document may lack the name or NIP (seed
// 000 lost its signature block), and the report then leaves those lines out (lint warns).
struct Person {
    OptText nama;
    Text jabatan;
    OptText pangkat, golongan;
    OptText nip;  // validated 18 digits, stored without spaces
};

struct Laporan {
    Located<int> tahun;
    Text tempat;
    Located<Date> tanggal;
    Text judul;
    OptText latar_belakang, kata_pengantar, penutup;
};

enum class PemdaKind { kota, kabupaten, provinsi };

struct Pemda {
    Text nama;
    Located<PemdaKind> jenis;
    OptText logo;  // path resolved relative to the file that set it
    std::optional<Person> kepala;
};

struct Instansi {
    Text nama;
    OptText singkatan, alamat, telepon, faks, email, laman, logo;
    // Where the office lies (seed 004 "ORBITASI": distances, coordinates), printed in BAB I.
    OptText orbitasi;
};

// One band of an ordinal scale: capaian above `bound` (or at it, when inclusive) falls here,
// unless a higher band took it. The last band has no bound and takes everything below.
struct ScaleBand {
    std::optional<double> bound;
    bool inclusive = false;
    std::string predikat;
    std::string kategori;  // alternative label ("Sangat Berhasil"), may be empty
    std::optional<double> nilai_tengah;  // class mean for the rata-rata data kelompok method
};

struct Scale {
    std::string name;  // preset name or "kustom"
    std::vector<ScaleBand> bands;  // highest first
};

enum class NegativeFormula { target_over_realisasi, two_target_minus_realisasi };
enum class GroupMethod { mean, grouped_mean };
enum class EfficiencyRule { ratio, comparison };
// How one indicator's capaian enters the mean of its sasaran or tujuan (issue 16): as computed, or
// clamped to [average_min, average_max] so that one implausible input cannot carry a headline.
enum class AverageRule { capped, as_is };
// A negative-polarity indicator with target 0 and realisasi 0 (no cases against a target of none):
// achieved at 100 % (the offices' reading, default) or "tidak dapat diukur" (a ratio of 0/0).
enum class ZeroTarget { achieved, not_measurable };

struct Settings {
    Located<Scale> scale;
    Located<NegativeFormula> negative_formula{NegativeFormula::target_over_realisasi, {}};
    Located<GroupMethod> group_method{GroupMethod::mean, {}};
    Located<EfficiencyRule> efficiency{EfficiencyRule::ratio, {}};
    Located<int> decimals{2, {}};
    // Plausibility band of one capaian (%): outside it `lkjip check` warns (issue 16).
    Located<double> plausible_min{0, {}}, plausible_max{300, {}};
    Located<AverageRule> average_rule{AverageRule::capped, {}};
    Located<double> average_min{0, {}}, average_max{120, {}};
    Located<ZeroTarget> zero_target{ZeroTarget::achieved, {}};
    // Print the class means of the scale in BAB III's scale table although sasaran are averaged
    // (seed 002 names the "Metode Rata-rata Data Kelompok" and its means; its figures are means).
    Located<bool> class_mean_table{false, {}};
};

enum class Paper { a4, f4 };
enum class FontFamily { serif, sans };

struct Style {
    Located<Paper> paper{Paper::a4, {}};
    Located<FontFamily> font{FontFamily::serif, {}};
    Located<double> size{12, {}};
    Located<double> margin_top{30, {}}, margin_bottom{25, {}}, margin_left{30, {}}, margin_right{25, {}};
};

enum class UnitKind { kepala, sekretariat, subbagian, bidang, seksi, upt, fungsional, lainnya };

struct OrgUnit {
    Text id, nama;
    Located<UnitKind> jenis;
    OptText induk, pejabat;
    // The unit's own tugas and fungsi as its Perwali words them (seed 004 BAB I prints every
    // unit's after the agency's; issue 15). A seksi's list of duties is Markdown inside `tugas`.
    OptText tugas;
    std::vector<Text> fungsi;
};

struct Organisasi {
    OptText gambaran_umum;
    Text tugas;
    std::vector<Text> fungsi;
    std::vector<OrgUnit> units;
};

struct StaffRow {
    Text unit;
    std::vector<Located<std::int64_t>> laki, perempuan;  // with per_jenis_kelamin
    std::vector<Located<std::int64_t>> jumlah;           // without
};

struct StaffTable {
    Text judul;
    std::vector<Text> kelompok;
    bool per_jenis_kelamin = true;
    OptText sumber;
    std::optional<Located<std::int64_t>> total_tertulis;
    std::vector<StaffRow> baris;
    SourcePos pos;
    // false: the columns count the same staff again (years, seed 000 Tabel 1.4/1.5/1.7), so a row's
    // sum and the grand total mean nothing; only the per-column totals are printed.
    bool total = true;
};

struct Facility {
    Text nama;
    Located<std::int64_t> jumlah;
    Text satuan;
    OptText kondisi;
};

// A free table of the report (issue 15; seed 000's unnumbered lists: the SNI criteria of a pasar
// rakyat, the exporters and importers of the year, the stock of SEMBAKO per distributor, the
// register of koperasi berkualitas). Registers and reference lists are data a reader looks up, not
// arithmetic of the plan: the model holds their cells as written. Only a total row is computed (the
// sum of each `angka` column over its rows); what a source printed for it is `*_tertulis`.
struct ReferenceCell {
    std::optional<double> angka;  // an `angka` column's value; none for "-"
    std::string teks;             // a text column's cell
    SourcePos pos;
};

struct ReferenceColumn {
    Text judul;
    bool angka = false;             // right-aligned figures, summed in a total row
    std::optional<Located<int>> desimal;  // default: as many as its cells have, at most 4
};

struct ReferenceGroup {
    OptText judul;   // a row of its own above its rows ("Persyaratan Teknis")
    OptText jumlah;  // the label of its total row ("Total Beras"); none: no total row
    std::vector<std::vector<ReferenceCell>> baris;
    std::vector<Located<double>> jumlah_tertulis;  // one per `angka` column, as printed
    SourcePos pos;
};

struct ReferenceTable {
    SourcePos pos;
    Text judul;
    Text letak;  // a sasaran id (after its analysis in BAB III) or "lampiran"
    OptText sumber, uraian;
    bool nomor = true;  // a "No" column numbered by the report
    std::vector<ReferenceColumn> kolom;
    std::vector<ReferenceGroup> kelompok;  // `baris` without `kelompok` is one group without a title
    OptText jumlah;                        // the label of the table's total row over every group
    std::vector<Located<double>> jumlah_tertulis;
};

struct Tujuan {
    Text id, uraian;
    std::optional<Located<int>> misi;
};

struct Photo {
    // Path resolved relative to the data file that named it; none for a photo whose image the
    // source has lost (a text extraction keeps only the caption: seed 002's Dokumentasi Kegiatan).
    OptText berkas;
    Text keterangan;
};

struct Sasaran {
    Text id, tujuan, uraian;
    OptText analisis, faktor_pendukung, faktor_penghambat, solusi, upaya;
    std::vector<Photo> foto;
    // The Total row of the sasaran's budget table as printed (seed 002: Sasaran 2 prints Sasaran 1's
    // totals); checked against its programs, never shown.
    std::optional<Located<Money>> pagu_penetapan_tertulis, pagu_tertulis, realisasi_tertulis;
    // How the programs and kegiatan behind the sasaran carried its result, as the agency words it
    // (seed 004 Tabel 12, 20, 28, 36, 44), printed under them.
    OptText analisis_program;
    // The sasaran as the Renstra words it, when the PK and the measurement name it otherwise (seed
    // 004 §2.1 "Meningkatnya Kuantitas dan Kualitas Usaha Mikro", Tabel 3 "… Pelaku dan Kualitas
    // Produk Usaha Mikro"): printed beside `uraian` in the Renstra table of BAB II.
    OptText nama_renstra;
};

// One cell of the Renstra program matrix: a number, or a target the plan states in words ("A",
// "WTP") that no arithmetic uses. Exactly one of the two is set.
struct PlanTarget {
    std::optional<double> nilai;
    OptText teks;
    SourcePos pos;
};

struct RenstraProgramIndicator {
    Text nama, satuan;
    Located<int> decimals{2, {}};
    std::map<int, PlanTarget> kondisi_awal;  // years before the period (the matrix's baseline columns)
    std::map<int, PlanTarget> target;        // years of the period
};

// A program of the Renstra matrix "Rencana Program, Kegiatan, Indikator Kinerja, dan Pendanaan
// Indikatif" (issue 15; seed 000 Tabel 6.1): its outcome indicators with a target per Renstra
// year and its indicative budget per year. Optional; BAB II prints it when the data holds it.
struct RenstraProgram {
    OptText kode;
    Text nama;
    OptText sasaran;  // the program's own aim as the matrix words it ("Meningkatnya …")
    std::vector<RenstraProgramIndicator> indikator;
    std::map<int, Located<Money>> pagu;
    SourcePos pos;
};

struct Renstra {
    Located<int> mulai, akhir;
    OptText dokumen;
    Text visi;
    std::vector<Text> misi;
    std::vector<Tujuan> tujuan;
    std::vector<Sasaran> sasaran;
    std::vector<RenstraProgram> program;
};

enum class Polarity { positive, negative };
enum class Aggregation { last_value, cumulative };
enum class OwnerKind { tujuan, sasaran };

struct Component {
    Text id, nama;
    OptText satuan;
    YearValues nilai;
};

struct Comparison {
    Text nama, satuan;
    Located<double> nilai;
    OptText keterangan;
};

struct Indicator {
    Text id, nama;
    OptText nama_renstra;  // as the Renstra names it, when it differs (seed 004 §2.1; see Sasaran)
    OwnerKind owner_kind = OwnerKind::sasaran;
    Text owner;  // id of the tujuan or sasaran
    Text satuan;
    std::map<int, Text> satuan_tahun;
    Located<Polarity> polarity{Polarity::positive, {}};
    Located<Aggregation> tipe{Aggregation::last_value, {}};
    bool iku = true;
    // An indicator of an earlier IKU set, kept for the IKU history table only (seed 004 Tabel 2):
    // it measures no sasaran or tujuan of the report year and enters neither chapter nor PK.
    bool riwayat = false;
    // Whether the Perjanjian Kinerja lists it (tujuan indicators and IKU by default): seed 004's PK
    // (Tabel 3) holds the five IKU and none of the four tujuan indicators of §2.1.
    bool pk = true;
    OptText formula, sumber_data;
    std::vector<Text> penanggung_jawab;  // units in charge, in order (seed 003 lists three)
    Located<int> decimals{2, {}};
    std::optional<Located<double>> kondisi_awal;
    YearValues target;
    std::optional<Located<double>> target_pk, target_akhir;
    YearValues realisasi;  // as typed; see compute for values derived from `rumus`
    OptText rumus;
    std::vector<Component> komponen;
    std::optional<Located<double>> standar_nasional;
    OptText standar_keterangan;
    // The Renja's Tabel 2.2 (Pencapaian Kinerja Pelayanan, seed 001): whether the indicator is a
    // Standar Pelayanan Minimal or an Indikator Kinerja Kunci, the projected value per year and
    // the planner's catatan analisis.
    bool spm = false, ikk = false;
    YearValues proyeksi;
    OptText catatan_analisis;
    std::vector<Comparison> pembanding;
    SourcePos pos;  // the [[indikator]] table
};

// Indicator of a program, kegiatan or sub kegiatan. The LKjIP reads the report year's target and
// realisasi; the Renja (issue 14, Permendagri 86/2017 Tabel T-C.29, seed 001 Tabel 2.1) reads them
// per year: the realisasi up to N-3, the target and realisasi of N-2, the target of N-1 and the
// plan year N. `target = 3` is the report year's; `target = { 2022 = 2, 2023 = 3 }` gives years.
struct ActivityIndicator {
    Text nama, satuan;
    std::optional<Located<double>> target;  // of the report year (laporan.tahun), when given
    std::optional<Located<double>> realisasi;
    YearValues target_tahun, realisasi_tahun;  // every year given, the report year included
    // The Renstra's target per year, when the Renja's differs or the Renstra states more years
    // (Tabel 2.1 column 4; `lkjip check` compares the plan year's with the Renja's).
    YearValues target_renstra;
    // The target of the plan year in the rancangan awal RKPD, when the analysis changed it
    // (Tabel 2.4 column 5; default the plan year's target).
    std::optional<Located<double>> target_rancangan;
    // How the years add up "s/d" (up to) a year in Tabel 2.1 columns 5 and 10.
    Located<Aggregation> tipe{Aggregation::last_value, {}};
    Located<Polarity> polarity{Polarity::positive, {}};
    OptText penjelasan;
    // `desimal`, as the plan prints the target (12,50); without it as many decimals as the data has.
    std::optional<Located<int>> decimals;
    SourcePos pos;
};

// The rancangan awal RKPD of an activity where the Renja's analysis of needs changed it (seed
// 001 Tabel 2.4 columns 2-6 beside 7-11); a key not given equals the analysis's value.
struct RancanganAwal {
    OptText nama, lokasi;
    std::optional<Located<Money>> pagu;          // a leaf's pagu indikatif in the rancangan awal
    std::optional<Located<Money>> pagu_tertulis;  // a program's or kegiatan's total as printed
    OptText catatan;                              // the catatan penting of the review
    SourcePos pos;
};

enum class ActivityLevel { program, kegiatan, sub_kegiatan };
// Which pagu a stated total (`pagu_tertulis`) gives: the pagu in force after the APBD-P (the
// default; the pagu penetapan where nothing changed) or the pagu penetapan (issue 16).
enum class PaguStated { perubahan, penetapan };

// Program > kegiatan > sub kegiatan, one struct for all three levels: the budget rolls up the
// same way at every level. Money sits on the leaves only.
struct Activity {
    ActivityLevel level = ActivityLevel::program;
    Text kode, nama;
    OptText urusan;  // program only: kode of its [[urusan]]
    // Replaces the level above's; on a sub kegiatan too, when one sub kegiatan of a kegiatan serves
    // a sasaran its siblings do not (seed 004 Tabel 8: the SKM budget takes one of four).
    std::optional<std::vector<Text>> sasaran;
    std::vector<ActivityIndicator> indikator;
    std::vector<Activity> children;
    // Leaf money; a kegiatan may carry `pagu` (penetapan) itself when the DPA states the
    // penetapan per kegiatan only and its sub kegiatan give pagu_perubahan alone (seed 002).
    std::optional<Located<Money>> pagu, pagu_perubahan, realisasi;
    // Totals as a source printed them (program, kegiatan); checked, never shown.
    std::optional<Located<Money>> pagu_tertulis, realisasi_tertulis;
    Located<PaguStated> pagu_tertulis_jenis{PaguStated::perubahan, {}};
    // The Renja (issue 14): where the activity is carried out, who pays for it, its pagu
    // indikatif of the plan year and its prakiraan maju of the year after (leaves; a program or
    // kegiatan sums them; what a source printed for the sum is `pagu_indikatif_tertulis`). When
    // the plan year is the report year the leaf's `pagu` is its pagu indikatif.
    OptText lokasi, sumber_dana;
    std::optional<Located<Money>> pagu_indikatif, prakiraan_maju, pagu_indikatif_tertulis;
    std::optional<RancanganAwal> rancangan_awal;
    // An activity of the years evaluated only (Renja Tabel 2.1: a sub kegiatan of N-2 the plan
    // no longer has): printed in the evaluation, in no budget and no total.
    bool hanya_evaluasi = false;
    SourcePos pos;
};

struct Urusan {
    Text kode, nama;
    // The urusan row of a budget table as printed (seed 002 Tabel 3.12 row II); checked, never shown.
    std::optional<Located<Money>> pagu_tertulis, realisasi_tertulis;
};

struct Revenue {
    Text uraian;
    Located<Money> target, realisasi;
};

// A line of the belanja by jenis (seed 000 Tabel 1.9: Belanja Operasi with Belanja Pegawai and
// Belanja Barang dan Jasa, Belanja Modal with its sub-items, Belanja Tidak Terduga). A line with
// `rincian` sums them (what it printed is `*_tertulis`); a line without has its own amounts, or
// none when the source lists the jenis without an amount.
struct BelanjaJenis {
    Text uraian;
    std::optional<Located<Money>> pagu, realisasi;
    std::optional<Located<Money>> pagu_tertulis, realisasi_tertulis;
    std::vector<BelanjaJenis> rincian;
    SourcePos pos;
};

struct Anggaran {
    std::optional<Located<Money>> pagu_tertulis, realisasi_tertulis;
    Located<PaguStated> pagu_tertulis_jenis{PaguStated::perubahan, {}};
    // Belanja other than gaji and tunjangan ASN as the agency states it (seed 002 3.3: its own
    // definition, not derivable from the program table), printed beside the total.
    std::optional<Located<Money>> pagu_non_gaji, realisasi_non_gaji;
    std::vector<Revenue> pendapatan;
    std::vector<BelanjaJenis> belanja;  // by jenis, [[anggaran.belanja]] (load_belanja.cpp)
    std::vector<Text> sumber_dana;      // where the money comes from (seed 000: APBD Kota Pontianak, DAK)
    // `menunggu_dpa = true`: the file of a year whose DPA is not in it yet (`lkjip next` writes
    // it): its leaves may have no pagu, and `check` says the budget is still to be filled.
    std::optional<Located<bool>> menunggu_dpa;
};

struct Achievement {  // prestasi or inovasi
    Text nama;
    std::optional<Located<int>> tahun;
    OptText pemberi, uraian, foto;
};

// The Perjanjian Kinerja of the year (PermenPANRB 53/2014, Lampiran II): signed by the kepala
// dinas (PIHAK PERTAMA) and the kepala daerah (PIHAK KEDUA). Its targets are the indicators'
// `target_pk` (else the Renstra target of the year); its budget is the programs' pagu.
enum class PkPagu { penetapan, perubahan };

struct PkRevision {  // the PK Perubahan, signed again when targets or pagu changed in the year
    Located<Date> tanggal;
    OptText nomor;
    SourcePos pos;
};

struct PerjanjianKinerja {
    SourcePos pos;  // the [pk] table
    OptText nomor;
    Located<Date> tanggal;  // required in [pk]
    OptText tempat;         // default: [laporan] tempat
    std::optional<PkRevision> perubahan;
    std::optional<Located<PkPagu>> pagu;  // default: perubahan when revised, else penetapan
    OptText pembuka, janji, supervisi;    // the statement's paragraphs, when the agency words them otherwise
    // What the agency states the PK is for, and its own account of it, printed in BAB II (seed 004
    // §2.3 a-e and the paragraph after them).
    std::vector<Text> tujuan;
    OptText uraian;
};

// The Keputusan Kepala Dinas tentang Penetapan IKU (seed 003).
struct KeputusanIku {
    SourcePos pos;  // the [keputusan_iku] table
    Text nomor;     // required
    Located<int> tahun;
    Located<Date> tanggal;  // required
    OptText tempat, tentang, periode;
    std::vector<Text> menimbang, mengingat, tembusan, diktum;
    bool mengingat_given = false;     // false: Mengingat is the data's dasar_hukum
    bool diktum_pertama = false;      // PERTAMA, KEDUA … (seed 003) instead of KESATU, KEDUA …
};

// The IKU as the agency fixed it when the data holds no decree number (seed 002's Lampiran "IKU
// Perubahan 2021-2026", signed "Pekalongan, 9 Desember 2024" without a Keputusan): the place and
// date its Lampiran in the LKjIP is signed with.
struct IkuDocument {
    SourcePos pos;           // the [iku] table
    Located<Date> tanggal;   // required
    OptText tempat;          // default laporan.tempat
    bool perubahan = false;  // a revised IKU: "Indikator Kinerja Utama Perubahan"
};

// The result of the evaluation of the agency's AKIP (SAKIP) by the Inspektorat, one year
// (PermenPANRB 88/2021: perencanaan 30, pengukuran 30, pelaporan 15, evaluasi internal 25; seed
// 002 Tabel 3.40). Scores per component only: the total and the predikat are computed; what a
// source printed for them is kept as `*_tertulis` so `lkjip check` compares.
struct AkipComponent {
    Text nama;
    Located<double> bobot, nilai;
};

struct AkipEvaluation {
    SourcePos pos;  // the [[evaluasi_akip]] table
    Located<int> tahun;
    OptText evaluator;
    OptText indikator;  // id of the indicator whose realisasi of `tahun` the total is
    std::vector<AkipComponent> komponen;
    std::optional<Located<double>> nilai_tertulis;
    OptText predikat_tertulis;
};

// The Renja of plan year N (Permendagri 86/2017; seed 001), written in N-1 from the same data:
// the year planned, where and when it is signed, and its prose. Everything else (programs,
// indicators, targets, pagu) is the data's own.
struct RenjaDocument {
    SourcePos pos;            // the [renja] table
    Located<int> tahun;       // the plan year N: laporan.tahun or the year after
    Located<Date> tanggal;    // required; day 0 when the source gives the month only ("Juli 2023")
    OptText tempat;           // default laporan.tempat
    Located<int> tahun_target_renstra;  // Tabel 2.1 column 4 (default renstra.akhir)
    std::optional<Located<Money>> pagu_tertulis;  // the agency's pagu indikatif as printed
    OptText kata_pengantar, latar_belakang, evaluasi, kinerja_pelayanan, isu_penting, review_rkpd,
        usulan_masyarakat, kebijakan_nasional, tujuan_sasaran, program_kegiatan, rencana_kerja, penutup;
    std::vector<Text> maksud, tujuan;
    // The Renja's own landasan hukum where it cites more than the data's `dasar_hukum` (seed 001
    // lists eighteen, the LKjIP of the same dinas nine); empty: `dasar_hukum`.
    std::vector<Text> dasar_hukum;
};

// The prose keys of `[renja]` with their fields, in the data's names: the loader reads them and
// the template context gives them, so the two cannot drift. The context names `evaluasi`
// `evaluasi_uraian`, because its `evaluasi` is the list of Tabel 2.1's rows.
struct RenjaProseKey {
    const char* key;
    OptText RenjaDocument::*field;
};
inline constexpr RenjaProseKey kRenjaProse[] = {
    {"kata_pengantar", &RenjaDocument::kata_pengantar}, {"latar_belakang", &RenjaDocument::latar_belakang},
    {"evaluasi", &RenjaDocument::evaluasi},             {"kinerja_pelayanan", &RenjaDocument::kinerja_pelayanan},
    {"isu_penting", &RenjaDocument::isu_penting},       {"review_rkpd", &RenjaDocument::review_rkpd},
    {"usulan_masyarakat", &RenjaDocument::usulan_masyarakat},
    {"kebijakan_nasional", &RenjaDocument::kebijakan_nasional},
    {"tujuan_sasaran", &RenjaDocument::tujuan_sasaran}, {"program_kegiatan", &RenjaDocument::program_kegiatan},
    {"rencana_kerja", &RenjaDocument::rencana_kerja},   {"penutup", &RenjaDocument::penutup},
};

struct AgencyYear {
    std::string path;                 // the data file as given
    SourcePos pos;                    // the file's top-level table, for "the data file has no …"
    std::vector<std::string> chain;   // the file and every parent it extends, child first
    Laporan laporan;
    Pemda pemda;
    Instansi instansi;
    Person pimpinan;
    Settings settings;
    Style style;
    std::vector<Text> dasar_hukum, isu_strategis, langkah_ke_depan;
    Organisasi organisasi;
    std::vector<StaffTable> pegawai;
    std::vector<Facility> sarana;
    Renstra renstra;
    std::vector<Indicator> indikator;
    std::vector<Urusan> urusan;
    std::vector<Activity> program;
    Anggaran anggaran;
    std::vector<Achievement> prestasi, inovasi;
    std::optional<PerjanjianKinerja> pk;
    std::optional<KeputusanIku> keputusan_iku;
    std::optional<IkuDocument> iku;  // [iku]: the IKU's date without a decree (never with keputusan_iku)
    std::vector<AkipEvaluation> evaluasi_akip;  // by year, as the data lists them
    std::vector<ReferenceTable> tabel_rujukan;  // load_tabel_rujukan.cpp
    std::optional<RenjaDocument> renja;         // [renja] (load_renja.cpp)
};

}  // namespace lkjip
