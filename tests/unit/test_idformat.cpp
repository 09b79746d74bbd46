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

TEST_CASE("idformat: roman numerals and list letters") {
    CHECK(idfmt::romawi(1) == "I");
    CHECK(idfmt::romawi(4) == "IV");
    CHECK(idfmt::romawi(9) == "IX");
    CHECK(idfmt::romawi(14) == "XIV");
    CHECK(idfmt::romawi(1994) == "MCMXCIV");
    CHECK(idfmt::romawi(2024) == "MMXXIV");
    CHECK(idfmt::romawi(3999) == "MMMCMXCIX");
    CHECK(idfmt::romawi(0).empty());
    CHECK(idfmt::romawi(4000).empty());
    CHECK(idfmt::romawi(-1).empty());
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
