// id-ID writing (DOMAIN.md §4), against numbers the seed reports print.
#include <doctest/doctest.h>

#include <climits>
#include <cmath>
#include <cstdint>
#include <limits>

#include "compute/idformat.hpp"

using namespace lkjip;

namespace {
constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
constexpr double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::nan("");
}  // namespace

TEST_CASE("idformat: angka, integers") {
    CHECK(idfmt::angka(std::int64_t{19'341'510'000}) == "19.341.510.000");  // seed 002 total pagu
    CHECK(idfmt::angka(std::int64_t{0}) == "0");
    CHECK(idfmt::angka(std::int64_t{999}) == "999");
    CHECK(idfmt::angka(std::int64_t{1'000}) == "1.000");
    CHECK(idfmt::angka(std::int64_t{-1'500}) == "-1.500");
    CHECK(idfmt::angka(kMax) == "9.223.372.036.854.775.807");
    CHECK(idfmt::angka(kMin) == "-9.223.372.036.854.775.808");
}

TEST_CASE("idformat: angka, decimal comma and thousands dots") {
    CHECK(idfmt::angka(1234567.891, 2) == "1.234.567,89");
    CHECK(idfmt::angka(-13.72, 2) == "-13,72");  // seed 002 Tabel 3.5
    CHECK(idfmt::angka(5.9, 2) == "5,90");
    CHECK(idfmt::angka(1234.5, 0) == "1.235");
    CHECK(idfmt::angka(0.05, 1) == "0,1");
    CHECK(idfmt::angka(0.5, 0) == "1");
    CHECK(idfmt::angka(-0.5, 0) == "-1");
    CHECK(idfmt::angka(1e-20, 2) == "0,00");
    CHECK(idfmt::angka(1.5, -3) == "2");  // a negative precision is 0
    // Never "-0" or "-0,00".
    CHECK(idfmt::angka(0.004, 2) == "0,00");
    CHECK(idfmt::angka(-0.004, 2) == "0,00");
    CHECK(idfmt::angka(-0.0, 2) == "0,00");
    CHECK(idfmt::angka(-0.4, 0) == "0");
}

TEST_CASE("idformat: angka, large values are exact") {
    CHECK(idfmt::angka(1e15, 0) == "1.000.000.000.000.000");
    CHECK(idfmt::angka(1e15, 2) == "1.000.000.000.000.000,00");
    CHECK(idfmt::angka(1234567890123456.0, 0) == "1.234.567.890.123.456");  // 16 digits
    CHECK(idfmt::angka(9007199254740992.0, 0) == "9.007.199.254.740.992");  // 2^53
    CHECK(idfmt::angka(1e15 + 0.5, 0) == "1.000.000.000.000.001");          // half-up there too
    // What was typed, not the double (…000,25): the shortest text that reads back the same.
    CHECK(idfmt::angka(-1000000000000000.2, 1) == "-1.000.000.000.000.000,2");
    CHECK(idfmt::angka(1e20, 0) == "100.000.000.000.000.000.000");
    CHECK(idfmt::angka(1e25, 0) == "10.000.000.000.000.000.000.000.000");  // not the double's …905.969.664
    CHECK(idfmt::angka(1.5e300, 0).size() == 401);                         // 301 digits and 100 dots
    CHECK(idfmt::angka(999999999999999.9, 0) == "1.000.000.000.000.000");
    CHECK(idfmt::round_half_up(1e20, 2) == 1e20);
}

TEST_CASE("idformat: rounding is half-up on the decimal value") {
    CHECK(idfmt::angka(92.225, 2) == "92,23");      // DOMAIN.md §3, although the double is 92,2249…
    CHECK(idfmt::angka(99.9975, 2) == "100,00");    // seed 004 Tabel 45
    CHECK(idfmt::angka(100.17523, 2) == "100,18");  // seed 002 Nilai SAKIP
    CHECK(idfmt::angka(1.005, 2) == "1,01");
    CHECK(idfmt::angka(-1.005, 2) == "-1,01");  // away from zero
    CHECK(idfmt::angka(2.675, 2) == "2,68");
    CHECK(idfmt::angka(0.125, 2) == "0,13");
    CHECK(idfmt::angka(9.995, 2) == "10,00");
    CHECK(idfmt::angka(92.0 / 165.0 * 100.0, 2) == "55,76");  // seed 004 koperasi sehat
    CHECK(idfmt::angka(64.0 / 519.0 * 100.0, 2) == "12,33");  // seed 000
    CHECK(idfmt::round_half_up(92.225, 2) == 92.23);
    CHECK(idfmt::round_half_up(99.9975, 2) == 100.0);
    CHECK(idfmt::round_half_up(-2.5, 0) == -3.0);
    CHECK(idfmt::round_half_up(2.4999, 0) == 2.0);
    CHECK(idfmt::round_half_up(1.23456, 3) == 1.235);
}

TEST_CASE("idformat: not-a-number and infinity") {
    CHECK(idfmt::angka(kNaN, 2) == "-");
    CHECK(idfmt::angka(kInf, 2) == "-");
    CHECK(idfmt::angka(-kInf, 0) == "-");
    CHECK(idfmt::persen(kNaN, 2) == "-");
    CHECK(idfmt::persen(kInf) == "-");
    CHECK(idfmt::terbilang(kNaN, 2) == "-");
    CHECK(idfmt::terbilang(-kInf, 2) == "-");
    CHECK(std::isnan(idfmt::round_half_up(kNaN, 2)));
    CHECK(idfmt::round_half_up(kInf, 2) == kInf);
}

TEST_CASE("idformat: persen and rupiah") {
    CHECK(idfmt::persen(92.224, 2) == "92,22%");
    CHECK(idfmt::persen(92.225) == "92,23%");
    CHECK(idfmt::persen(100, 2) == "100,00%");
    CHECK(idfmt::persen(-0.001, 2) == "0,00%");
    CHECK(idfmt::persen(1234.5, 1) == "1.234,5%");
    CHECK(idfmt::rupiah(19'341'510'000) == "Rp 19.341.510.000");
    CHECK(idfmt::rupiah(-5'000) == "-Rp 5.000");
    CHECK(idfmt::rupiah(0) == "Rp 0");
    CHECK(idfmt::rupiah(kMin) == "-Rp 9.223.372.036.854.775.808");
}

TEST_CASE("idformat: terbilang, integers") {
    CHECK(idfmt::terbilang(std::int64_t{0}) == "nol");
    CHECK(idfmt::terbilang(std::int64_t{1}) == "satu");
    CHECK(idfmt::terbilang(std::int64_t{10}) == "sepuluh");
    CHECK(idfmt::terbilang(std::int64_t{11}) == "sebelas");
    CHECK(idfmt::terbilang(std::int64_t{12}) == "dua belas");
    CHECK(idfmt::terbilang(std::int64_t{19}) == "sembilan belas");
    CHECK(idfmt::terbilang(std::int64_t{20}) == "dua puluh");
    CHECK(idfmt::terbilang(std::int64_t{99}) == "sembilan puluh sembilan");
    CHECK(idfmt::terbilang(std::int64_t{100}) == "seratus");
    CHECK(idfmt::terbilang(std::int64_t{101}) == "seratus satu");
    CHECK(idfmt::terbilang(std::int64_t{110}) == "seratus sepuluh");
    CHECK(idfmt::terbilang(std::int64_t{111}) == "seratus sebelas");
    CHECK(idfmt::terbilang(std::int64_t{115}) == "seratus lima belas");
    CHECK(idfmt::terbilang(std::int64_t{250}) == "dua ratus lima puluh");
    CHECK(idfmt::terbilang(std::int64_t{1000}) == "seribu");
    CHECK(idfmt::terbilang(std::int64_t{1001}) == "seribu satu");
    CHECK(idfmt::terbilang(std::int64_t{1100}) == "seribu seratus");
    CHECK(idfmt::terbilang(std::int64_t{2000}) == "dua ribu");
    CHECK(idfmt::terbilang(std::int64_t{11000}) == "sebelas ribu");
    CHECK(idfmt::terbilang(std::int64_t{100'000}) == "seratus ribu");
    CHECK(idfmt::terbilang(std::int64_t{1'000'000}) == "satu juta");
    CHECK(idfmt::terbilang(std::int64_t{1'000'001}) == "satu juta satu");
    CHECK(idfmt::terbilang(std::int64_t{1'001'000}) == "satu juta seribu");
    CHECK(idfmt::terbilang(std::int64_t{1'500'000}) == "satu juta lima ratus ribu");
    CHECK(idfmt::terbilang(std::int64_t{1'000'000'000}) == "satu miliar");
    CHECK(idfmt::terbilang(std::int64_t{19'341'510'000}) ==
          "sembilan belas miliar tiga ratus empat puluh satu juta lima ratus sepuluh ribu");  // seed 002
    CHECK(idfmt::terbilang(std::int64_t{1'000'000'000'000}) == "satu triliun");
    CHECK(idfmt::terbilang(std::int64_t{1'000'000'000'000'000}) == "satu kuadriliun");
    CHECK(idfmt::terbilang(std::int64_t{1'000'000'000'000'000'000}) == "satu kuintiliun");
    CHECK(idfmt::terbilang(std::int64_t{-5}) == "minus lima");
    CHECK(idfmt::terbilang(kMax) ==
          "sembilan kuintiliun dua ratus dua puluh tiga kuadriliun tiga ratus tujuh puluh dua triliun "
          "tiga puluh enam miliar delapan ratus lima puluh empat juta tujuh ratus tujuh puluh lima ribu "
          "delapan ratus tujuh");
    CHECK(idfmt::terbilang(kMin) ==
          "minus sembilan kuintiliun dua ratus dua puluh tiga kuadriliun tiga ratus tujuh puluh dua triliun "
          "tiga puluh enam miliar delapan ratus lima puluh empat juta tujuh ratus tujuh puluh lima ribu "
          "delapan ratus delapan");
    CHECK(idfmt::angka_terbilang(3) == "3 (tiga)");
    CHECK(idfmt::angka_terbilang(12) == "12 (dua belas)");
    CHECK(idfmt::angka_terbilang(1500) == "1.500 (seribu lima ratus)");
}

TEST_CASE("idformat: terbilang, decimals (seed 000)") {
    CHECK(idfmt::terbilang(5.88, 2) == "lima koma delapan puluh delapan");
    CHECK(idfmt::terbilang(5.08, 2) == "lima koma nol delapan");
    CHECK(idfmt::terbilang(5.80, 2) == "lima koma delapan");
    CHECK(idfmt::terbilang(5.0, 2) == "lima");
    CHECK(idfmt::terbilang(0.05, 2) == "nol koma nol lima");
    CHECK(idfmt::terbilang(-0.5, 2) == "minus nol koma lima");
    CHECK(idfmt::terbilang(-0.001, 2) == "nol");  // rounds to zero: no "minus"
    CHECK(idfmt::terbilang(100.17523, 2) == "seratus koma delapan belas");
    CHECK(idfmt::terbilang(99.9975, 2) == "seratus");
    CHECK(idfmt::terbilang(1234.5, 2) == "seribu dua ratus tiga puluh empat koma lima");
    CHECK(idfmt::terbilang(1e25, 0) == "sepuluh septiliun");  // past int64: no exception
    CHECK(idfmt::terbilang(1e35, 0) == "seratus desiliun");
    CHECK(idfmt::terbilang(1e36, 0) == "-");  // no name past desiliun
}

TEST_CASE("idformat: dates") {
    CHECK(idfmt::tanggal(2025, 2, 26) == "26 Februari 2025");
    CHECK(idfmt::tanggal(2024, 12, 31) == "31 Desember 2024");
    CHECK(idfmt::tanggal(2024, 2, 29) == "29 Februari 2024");
    CHECK(idfmt::tanggal(2000, 2, 29) == "29 Februari 2000");
    CHECK(idfmt::tanggal(1900, 2, 29).empty());
    CHECK(idfmt::tanggal(2023, 2, 29).empty());
    CHECK(idfmt::tanggal(2023, 4, 31).empty());
    CHECK(idfmt::tanggal(2023, 1, 0).empty());
    CHECK(idfmt::tanggal(2023, 13, 1).empty());
    CHECK(idfmt::tanggal_valid(2023, 1, 31));
    CHECK_FALSE(idfmt::tanggal_valid(2023, 0, 1));
    CHECK(idfmt::nama_bulan(1) == "Januari");
    CHECK(idfmt::nama_bulan(8) == "Agustus");
    CHECK(idfmt::nama_bulan(12) == "Desember");
    CHECK(idfmt::nama_bulan(0).empty());
    CHECK(idfmt::nama_bulan(13).empty());
}

TEST_CASE("idformat: list letters") {
    CHECK(idfmt::huruf(1) == "a");
    CHECK(idfmt::huruf(26) == "z");
    CHECK(idfmt::huruf(27) == "aa");
    CHECK(idfmt::huruf(28) == "ab");
    CHECK(idfmt::huruf(52) == "az");
    CHECK(idfmt::huruf(53) == "ba");
    CHECK(idfmt::huruf(74) == "bv");  // seed 002's sarana list ends at bv.
    CHECK(idfmt::huruf(702) == "zz");
    CHECK(idfmt::huruf(703) == "aaa");
    CHECK(idfmt::huruf(INT_MAX) == "fxshrxw");
    CHECK(idfmt::huruf(0).empty());
    CHECK(idfmt::huruf(-3).empty());
}

TEST_CASE("idformat: NIP") {
    CHECK(idfmt::nip("196610081992011010") == "19661008 199201 1 010");
    CHECK(idfmt::nip("19661008 199201 1 010") == "19661008 199201 1 010");
    CHECK(idfmt::nip(" 196610081992011010 ") == "19661008 199201 1 010");
    CHECK_FALSE(idfmt::nip("19661008199201101"));    // 17 digits
    CHECK_FALSE(idfmt::nip("1966100819920110100"));  // 19 digits
    CHECK_FALSE(idfmt::nip("1966100819920110x0"));
    CHECK_FALSE(idfmt::nip("19661008-199201-1-010"));
    CHECK_FALSE(idfmt::nip(""));
}

// ---- docs/style.md: money with scale words, satuan, names, PUEBI joins (issue 16) ------------

TEST_CASE("idformat: rupiah_ringkas writes money with a KBBI scale word") {
    CHECK(idfmt::rupiah_ringkas(1'250'000'000.0) == "Rp 1,25 miliar");
    CHECK(idfmt::rupiah_ringkas(27'002'393'414.0) == "Rp 27 miliar");  // trailing zeros dropped
    CHECK(idfmt::rupiah_ringkas(50'000'000'000.0) == "Rp 50 miliar");
    CHECK(idfmt::rupiah_ringkas(10'300'000'000'000.0) == "Rp 10,3 triliun");
    CHECK(idfmt::rupiah_ringkas(3'537'597'309'237'210.0) == "Rp 3,54 kuadriliun");  // Probolinggo's outlier
    CHECK(idfmt::rupiah_ringkas(1'000'000.0) == "Rp 1 juta");
    CHECK(idfmt::rupiah_ringkas(999'999.0) == "Rp 999.999");  // below a juta: exact
    CHECK(idfmt::rupiah_ringkas(750'000.4) == "Rp 750.000");
    CHECK(idfmt::rupiah_ringkas(0.0) == "Rp 0");
    CHECK(idfmt::rupiah_ringkas(-5'000'000'000.0) == "-Rp 5 miliar");
    // Half-up on the decimal digits, once: 1,234999999 miliar is 1,23, not 1,24.
    CHECK(idfmt::rupiah_ringkas(1'234'999'999.0) == "Rp 1,23 miliar");
    CHECK(idfmt::rupiah_ringkas(1'235'000'000.0) == "Rp 1,24 miliar");
    // Rounding up past 999 moves to the next scale word.
    CHECK(idfmt::rupiah_ringkas(999'995'000.0) == "Rp 1 miliar");
    CHECK(idfmt::rupiah_ringkas(999'994'999.0) == "Rp 999,99 juta");
    CHECK(idfmt::rupiah_ringkas(kNaN) == "-");
    CHECK(idfmt::rupiah_ringkas(kInf) == "-");
    CHECK(idfmt::rupiah_ringkas(1e40) == "Rp " + idfmt::angka(1e40, 0));  // past desiliun: exact
}

TEST_CASE("idformat: besaran writes a value with its satuan by class") {
    // Percent: "%" glued, never "Persen".
    CHECK(idfmt::besaran(85.5, "%", 2) == "85,50%");
    CHECK(idfmt::besaran(85.5, "Persen", 2) == "85,50%");
    CHECK(idfmt::besaran(100, "persen", 0) == "100%");
    // Rupiah before the number, KBBI scale word after it.
    CHECK(idfmt::besaran(10.33, "Rp Trilyun", 2) == "Rp 10,33 triliun");
    CHECK(idfmt::besaran(6.025, "Rp Triliun", 3) == "Rp 6,025 triliun");
    CHECK(idfmt::besaran(8.42, "Triliun Rupiah", 2) == "Rp 8,42 triliun");
    CHECK(idfmt::besaran(125.5, "Juta Rupiah", 1) == "Rp 125,5 juta");
    CHECK(idfmt::besaran(2.5, "(Rp Milyar)", 1) == "Rp 2,5 miliar");
    CHECK(idfmt::besaran(-2.5, "Rp Miliar", 1) == "-Rp 2,5 miliar");
    CHECK(idfmt::besaran(3537597309237210.0, "Rupiah", 0) == "Rp 3,54 kuadriliun");
    CHECK(idfmt::besaran(27002393414.0, "Rp", 0) == "Rp 27 miliar");
    CHECK(idfmt::besaran(12500, "Rp/Kg", 0) == "Rp 12.500/Kg");
    // A foreign currency: code first, scale after.
    CHECK(idfmt::besaran(14.5, "Juta USD", 2) == "USD 14,50 juta");
    CHECK(idfmt::besaran(1250, "USD", 0) == "USD 1.250");
    // Index or score: the bare number (seed 002: "mencapai realisasi 85,75 dari target 85,60").
    CHECK(idfmt::besaran(85.75, "Indeks", 2) == "85,75");
    CHECK(idfmt::besaran(85.75, "Nilai", 2) == "85,75");
    CHECK(idfmt::besaran(3.2, "skor", 1) == "3,2");
    CHECK(idfmt::besaran(0.5, "Rasio", 2) == "0,50");
    CHECK(idfmt::besaran(5, "% per tahun", 2) == "5,00% per tahun");
    CHECK(idfmt::besaran(5, "Persen per Tahun", 1) == "5,0% per tahun");
    CHECK(idfmt::besaran(5, "Persen (%)", 0) == "5%");
    CHECK(idfmt::besaran(5, "%(%)", 0) == "5%");
    CHECK(idfmt::besaran(5, "%(tahunan)", 0) == "5% (tahunan)");
    CHECK(idfmt::besaran(5, "  persen  ", 0) == "5%");
    // Anything else: number, space, satuan in lower case, acronyms kept.
    CHECK(idfmt::besaran(1250, "Orang", 0) == "1.250 orang");
    CHECK(idfmt::besaran(165, "UMKM", 0) == "165 UMKM");
    CHECK(idfmt::besaran(12, "Unit", 0) == "12 unit");
    CHECK(idfmt::besaran(4, "Orang/Tahun", 0) == "4 orang/tahun");
    CHECK(idfmt::besaran(2.5, "Ribu Orang", 1) == "2,5 ribu orang");
    CHECK(idfmt::besaran(3, "Koperasi Sehat", 0) == "3 koperasi sehat");
    CHECK(idfmt::besaran(7, "", 0) == "7");
    CHECK(idfmt::besaran(kNaN, "Orang", 0) == "-");
}

TEST_CASE("idformat: satuan for a table column") {
    CHECK(idfmt::satuan("Rp Trilyun") == "Rp triliun");
    CHECK(idfmt::satuan("Milyar Rupiah") == "miliar Rupiah");
    CHECK(idfmt::satuan("Juta USD") == "juta USD");
    CHECK(idfmt::satuan("Persen") == "%");
    CHECK(idfmt::satuan("persen") == "%");
    CHECK(idfmt::satuan("%") == "%");
    CHECK(idfmt::satuan("Indeks") == "Indeks");  // as typed
    CHECK(idfmt::satuan("Orang") == "Orang");
    CHECK(idfmt::satuan("Persentase Koperasi") == "Persentase Koperasi");
}

TEST_CASE("idformat: nama lowers function words and keeps acronyms") {
    CHECK(idfmt::nama("Pengawasan Dan Pemeriksaan Koperasi") == "Pengawasan dan Pemeriksaan Koperasi");
    CHECK(idfmt::nama("Pemberdayaan Usaha Menengah, Usaha Kecil, Dan Usaha Mikro (UMKM)") ==
          "Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)");
    CHECK(idfmt::nama("Penyediaan Jasa Untuk Pelayanan Pada Masyarakat Yang Berhak Atas Bantuan") ==
          "Penyediaan Jasa untuk Pelayanan pada Masyarakat yang Berhak Atas Bantuan");
    CHECK(idfmt::nama("Dan Lain-lain") == "Dan Lain-lain");                      // the first word keeps its case
    CHECK(idfmt::nama("PROGRAM PENGAWASAN DAN PEMERIKSAAN") == "PROGRAM PENGAWASAN DAN PEMERIKSAAN");  // all capitals
    CHECK(idfmt::nama("Pemerintah DI Yogyakarta") == "Pemerintah DI Yogyakarta");  // an acronym, not "di"
    CHECK(idfmt::nama("Penggunaan dan Pemasaran Produk Dalam Negeri") == "Penggunaan dan Pemasaran Produk Dalam Negeri");
    CHECK(idfmt::nama("Rapat: Dan Seterusnya") == "Rapat: Dan Seterusnya");  // after a colon
    // Acronyms typed in lower case from an all-caps source (Probolinggo's sub kegiatan).
    CHECK(idfmt::nama("Penerbitan izin usaha industri (iui), izin perluasan usaha industri (ipiu), izin usaha kawasan "
                      "industri (iuki) dan izin perluasan kawasan industri (ipki) kewenangan kabupaten/kota") ==
          "Penerbitan izin usaha industri (IUI), izin perluasan usaha industri (IPIU), izin usaha kawasan industri (IUKI) "
          "dan izin perluasan kawasan industri (IPKI) kewenangan kabupaten/kota");
    CHECK(idfmt::nama("Penyediaan informasi industri untuk iui, ipiu, iuki dan ipki kewenangan kabupaten/kota") ==
          "Penyediaan informasi industri untuk IUI, IPIU, IUKI dan IPKI kewenangan kabupaten/kota");
    CHECK(idfmt::nama("Usaha Mikro, Kecil dan Menengah (umkm)") == "Usaha Mikro, Kecil dan Menengah (UMKM)");
    CHECK(idfmt::nama("laporan lkjip opd") == "laporan LKjIP OPD");
    CHECK(idfmt::nama("sop buntut (sb)") == "sop buntut (SB)");  // "sop" is a word; "(sb)" is the initials
    CHECK(idfmt::nama("kegiatan (xyz)") == "kegiatan (xyz)");      // not the initials: left as typed
    CHECK(idfmt::nama("Pelatihan Kewirausahaan") == "Pelatihan Kewirausahaan");
    CHECK(idfmt::nama("") == "");
}

TEST_CASE("idformat: puebi joins bound forms") {
    CHECK(idfmt::puebi("koordinasi antar bidang yang ada") == "koordinasi antarbidang yang ada");
    CHECK(idfmt::puebi("permasalahan antar pengurus atau antar anggota koperasi") ==
          "permasalahan antarpengurus atau antaranggota koperasi");
    CHECK(idfmt::puebi("Koordinasi Antar Bidang") == "Koordinasi Antarbidang");
    CHECK(idfmt::puebi("belanja non fisik") == "belanja nonfisik");
    CHECK(idfmt::puebi("pegawai non ASN") == "pegawai non-ASN");
    CHECK(idfmt::puebi("produk non Indonesia") == "produk non-Indonesia");
    CHECK(idfmt::puebi("Sub Bagian Perencanaan") == "Subbagian Perencanaan");
    CHECK(idfmt::puebi("kemitraan usaha antar eksportir.") == "kemitraan usaha antareksportir.");
    CHECK(idfmt::puebi("masa pasca panen dan pra koperasi") == "masa pascapanen dan prakoperasi");
    CHECK(idfmt::puebi("pendekatan multi sektor") == "pendekatan multisektor");
    CHECK(idfmt::puebi("ANTAR BIDANG") == "ANTARBIDANG");
    // Kept apart.
    CHECK(idfmt::puebi("Sub Kegiatan Penyediaan") == "Sub Kegiatan Penyediaan");
    CHECK(idfmt::puebi("layanan antar jemput") == "layanan antar jemput");
    CHECK(idfmt::puebi("jasa antar barang") == "jasa antar barang");
    CHECK(idfmt::puebi("antara bidang") == "antara bidang");       // "antara" is a word
    CHECK(idfmt::puebi("sudah antarbidang") == "sudah antarbidang");  // already joined
    CHECK(idfmt::puebi("non-fisik") == "non-fisik");
    CHECK(idfmt::puebi("antar  bidang") == "antar  bidang");  // two spaces: not touched
    CHECK(idfmt::puebi("ikan tuna segar, musim semi tahun ini") == "ikan tuna segar, musim semi tahun ini");
    CHECK(idfmt::puebi("antar") == "antar");
    CHECK(idfmt::puebi("") == "");
}

TEST_CASE("idformat: the text filters take any text without failing and never grow it much") {
    // Deterministic random texts over the characters the rules look at (letters of the forms,
    // capitals, brackets, spaces, '/', '-', digits, a UTF-8 letter), cut at any place.
    const std::string alphabet[] = {"antar", "non", "sub", "Dan", "dan", " ", " ", "(", ")", "iui", "IUI", "/", "-", "K",
                                    "a", "1", "Rp", "Trilyun", "%", "persen", "é", ".", ":", "Kegiatan", "jemput"};
    std::uint32_t seed = 12345;
    for (int n = 0; n < 3000; ++n) {
        std::string s;
        const int parts = static_cast<int>((seed = seed * 1664525u + 1013904223u) % 12);
        for (int p = 0; p < parts; ++p) s += alphabet[(seed = seed * 1664525u + 1013904223u) % std::size(alphabet)];
        INFO(s);
        const std::string n1 = idfmt::nama(s), p1 = idfmt::puebi(s), s1 = idfmt::satuan(s);
        CHECK(n1.size() == s.size());  // case changes only
        CHECK(p1.size() <= s.size());  // a space removed or turned into a hyphen
        CHECK(s1.size() <= s.size() + 1);
        CHECK_FALSE(idfmt::besaran(12.5, s, 2).empty());
    }
}
