// id-ID writing (DOMAIN.md §4), against numbers the seed reports print.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "compute/expression.hpp"
#include "compute/idformat.hpp"

using namespace lkjip;

TEST_CASE("idformat: numbers with decimal comma and thousands dots") {
    CHECK(idfmt::angka(std::int64_t{19'341'510'000}) == "19.341.510.000");  // seed 002 total pagu
    CHECK(idfmt::angka(std::int64_t{0}) == "0");
    CHECK(idfmt::angka(std::int64_t{-1'500}) == "-1.500");
    CHECK(idfmt::angka(std::numeric_limits<std::int64_t>::min()) == "-9.223.372.036.854.775.808");
    CHECK(idfmt::angka(1234567.891, 2) == "1.234.567,89");
    CHECK(idfmt::angka(-13.72, 2) == "-13,72");      // seed 002 Tabel 3.5
    CHECK(idfmt::angka(5.9, 2) == "5,90");
    CHECK(idfmt::angka(1234.5, 0) == "1.235");
    CHECK(idfmt::angka(0.004, 2) == "0,00");
    CHECK(idfmt::angka(-0.004, 2) == "0,00");        // never "-0,00"
    CHECK(idfmt::angka(1e15, 0) == "1.000.000.000.000.000");
    CHECK(idfmt::angka(std::nan(""), 2) == "-");
    CHECK(idfmt::angka(0.05, 1) == "0,1");
}

TEST_CASE("idformat: rounding is half-up on the decimal value") {
    CHECK(idfmt::angka(92.225, 2) == "92,23");       // DOMAIN.md §3, although the double is 92,2249…
    CHECK(idfmt::angka(99.9975, 2) == "100,00");     // seed 004 Tabel 45
    CHECK(idfmt::angka(100.17523, 2) == "100,18");   // seed 002 Nilai SAKIP
    CHECK(idfmt::angka(1.005, 2) == "1,01");
    CHECK(idfmt::angka(-1.005, 2) == "-1,01");       // away from zero
    CHECK(idfmt::angka(2.675, 2) == "2,68");
    CHECK(idfmt::round_half_up(92.225, 2) == doctest::Approx(92.23));
    CHECK(idfmt::round_half_up(-2.5, 0) == doctest::Approx(-3));
    CHECK(idfmt::angka(92.0 / 165.0 * 100.0, 2) == "55,76");  // seed 004 koperasi sehat
    CHECK(idfmt::angka(64.0 / 519.0 * 100.0, 2) == "12,33");  // seed 000
}

TEST_CASE("idformat: percent and rupiah") {
    CHECK(idfmt::persen(92.224, 2) == "92,22%");
    CHECK(idfmt::persen(100, 2) == "100,00%");
    CHECK(idfmt::rupiah(19'341'510'000) == "Rp 19.341.510.000");
    CHECK(idfmt::rupiah(-5'000) == "-Rp 5.000");
    CHECK(idfmt::rupiah(0) == "Rp 0");
}

TEST_CASE("idformat: terbilang for integers") {
    CHECK(idfmt::terbilang(std::int64_t{0}) == "nol");
    CHECK(idfmt::terbilang(std::int64_t{1}) == "satu");
    CHECK(idfmt::terbilang(std::int64_t{10}) == "sepuluh");
    CHECK(idfmt::terbilang(std::int64_t{11}) == "sebelas");
    CHECK(idfmt::terbilang(std::int64_t{12}) == "dua belas");
    CHECK(idfmt::terbilang(std::int64_t{20}) == "dua puluh");
    CHECK(idfmt::terbilang(std::int64_t{99}) == "sembilan puluh sembilan");
    CHECK(idfmt::terbilang(std::int64_t{100}) == "seratus");
    CHECK(idfmt::terbilang(std::int64_t{101}) == "seratus satu");
    CHECK(idfmt::terbilang(std::int64_t{111}) == "seratus sebelas");
    CHECK(idfmt::terbilang(std::int64_t{250}) == "dua ratus lima puluh");
    CHECK(idfmt::terbilang(std::int64_t{1000}) == "seribu");
    CHECK(idfmt::terbilang(std::int64_t{1100}) == "seribu seratus");
    CHECK(idfmt::terbilang(std::int64_t{2000}) == "dua ribu");
    CHECK(idfmt::terbilang(std::int64_t{11000}) == "sebelas ribu");
    CHECK(idfmt::terbilang(std::int64_t{1'000'000}) == "satu juta");
    CHECK(idfmt::terbilang(std::int64_t{1'500'000}) == "satu juta lima ratus ribu");
    CHECK(idfmt::terbilang(std::int64_t{19'341'510'000}) ==
          "sembilan belas miliar tiga ratus empat puluh satu juta lima ratus sepuluh ribu");
    CHECK(idfmt::terbilang(std::int64_t{1'000'000'000'000}) == "satu triliun");
    CHECK(idfmt::terbilang(std::int64_t{1'000'000'000'000'000}) == "satu kuadriliun");
    CHECK(idfmt::terbilang(std::int64_t{-5}) == "minus lima");
    CHECK(idfmt::terbilang(std::numeric_limits<std::int64_t>::min()).starts_with("minus sembilan kuintiliun"));
    CHECK(idfmt::angka_terbilang(3) == "3 (tiga)");
    CHECK(idfmt::angka_terbilang(12) == "12 (dua belas)");
}

TEST_CASE("idformat: terbilang for decimals (seed 000)") {
    CHECK(idfmt::terbilang(5.88, 2) == "lima koma delapan puluh delapan");
    CHECK(idfmt::terbilang(5.08, 2) == "lima koma nol delapan");
    CHECK(idfmt::terbilang(5.80, 2) == "lima koma delapan");
    CHECK(idfmt::terbilang(5.0, 2) == "lima");
    CHECK(idfmt::terbilang(-0.5, 2) == "minus nol koma lima");
}

TEST_CASE("idformat: dates, roman numerals, list letters, NIP") {
    CHECK(idfmt::tanggal(2025, 2, 26) == "26 Februari 2025");
    CHECK(idfmt::tanggal(2024, 2, 29) == "29 Februari 2024");
    CHECK(idfmt::tanggal(2023, 2, 29).empty());
    CHECK(idfmt::nama_bulan(8) == "Agustus");
    CHECK(idfmt::nama_bulan(13).empty());
    CHECK(idfmt::romawi(4) == "IV");
    CHECK(idfmt::romawi(2024) == "MMXXIV");
    CHECK(idfmt::romawi(0).empty());
    CHECK(idfmt::huruf(1) == "a");
    CHECK(idfmt::huruf(26) == "z");
    CHECK(idfmt::huruf(27) == "aa");
    CHECK(idfmt::huruf(28) == "ab");
    CHECK(idfmt::huruf(74) == "bv");  // seed 002's sarana list ends at bv.
    CHECK(idfmt::huruf(702) == "zz");
    CHECK(idfmt::huruf(703) == "aaa");
    CHECK(idfmt::huruf(0).empty());
    CHECK(idfmt::nip("196610081992011010") == "19661008 199201 1 010");
    CHECK(idfmt::nip("19661008 199201 1 010") == "19661008 199201 1 010");
    CHECK_FALSE(idfmt::nip("19661008199201101"));
    CHECK_FALSE(idfmt::nip("1966100819920110x0"));
}

TEST_CASE("expression: formulas over components") {
    const auto lookup = [](std::string_view n) -> std::optional<double> {
        if (n == "sehat") return 92;
        if (n == "aktif") return 165;
        if (n == "nol") return 0;
        return std::nullopt;
    };
    auto r = expr::evaluate("sehat / aktif * 100", lookup);
    REQUIRE(r.value);
    CHECK(lkjip::idfmt::angka(*r.value, 2) == "55,76");
    CHECK(*expr::evaluate("-(1 + 2) * 3 - -1", lookup).value == doctest::Approx(-8));
    CHECK(*expr::evaluate("10 / 4", lookup).value == doctest::Approx(2.5));
    CHECK(*expr::evaluate("0.5 * 2", lookup).value == doctest::Approx(1));

    auto zero = expr::evaluate("sehat / nol", lookup);
    CHECK_FALSE(zero.value);
    CHECK_FALSE(zero.error);
    CHECK(zero.division_by_zero);

    auto unknown = expr::evaluate("sehat / aktf", lookup);
    REQUIRE(unknown.error);
    CHECK(unknown.error->message == "unknown component 'aktf'");
    CHECK(unknown.error->offset == 8);

    expr::Error e;
    CHECK(expr::variables("a + b * a", &e) == std::vector<std::string>{"a", "b"});
    CHECK(e.message.empty());
    expr::variables("(a + b", &e);
    CHECK(e.message == "expected ')'");
    expr::variables("a +", &e);
    CHECK(e.message == "the formula ends where a number or a name was expected");
    expr::variables("a $ b", &e);
    CHECK(e.message == "unexpected '$'");
    expr::variables("1.2.3", &e);
    CHECK(e.message == "a number has two decimal points");
    // Pathological nesting is refused, not a stack overflow.
    expr::variables(std::string(100000, '(') + "1", &e);
    CHECK(e.message == "the formula nests deeper than 200 levels");
}
