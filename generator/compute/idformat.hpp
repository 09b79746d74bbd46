// How numbers, money, dates and words are written in Indonesian government reports (id-ID).
// Source: ../shared/DOMAIN.md §4 and the seed reports. Pure functions, no locale dependency
// (the C/C++ locale machinery is process-global and differs between machines).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/decimal.hpp"

namespace lkjip::idfmt {

// Non-finite input (NaN, ±inf, e.g. a capaian over a zero target) gives "-" from angka, persen and
// terbilang(double); round_half_up returns it unchanged. terbilang(double) also gives "-" from
// 10^36 on (no Indonesian name past desiliun, 10^33).

// Round half-up on the decimal value (common/decimal.hpp), the one rounding of every figure.
using lkjip::round_half_up;

// 1234567.891 -> "1.234.567,89" (places = 2); -13.72 -> "-13,72"; places = 0 -> "1.234.568".
// Never prints "-0" or "-0,00": a value that rounds to zero is written without a sign.
std::string angka(double x, int places);
// Exact integer with thousands dots: 19341510000 -> "19.341.510.000".
std::string angka(std::int64_t n);

// 92.224 -> "92,22%" (no space, as DOMAIN.md §4 writes it).
std::string persen(double x, int places = 2);

// Money in prose: 19341510000 -> "Rp 19.341.510.000" (one consistent style: "Rp", a space,
// no ",-" and no ",00"). Negative: "-Rp 5.000".
std::string rupiah(std::int64_t n);

// Money with a scale word, as a planner writes an amount in prose (docs/style.md §2): from one
// juta up the amount is scaled to the largest KBBI scale word that leaves at least 1, rounded
// half-up to two decimals with trailing zeros dropped: 1250000000 -> "Rp 1,25 miliar",
// 27002393414 -> "Rp 27 miliar", 3537597309237210 -> "Rp 3,54 kuadriliun". Below one juta the
// amount is exact: "Rp 750.000". Negative: "-Rp 5 miliar"; non-finite: "-".
std::string rupiah_ringkas(double x);

// A value with its satuan in running prose (docs/style.md §3), by class of satuan:
// percent ("%", "Persen") -> "85,50%"; rupiah -> rupiah_ringkas, or, when the satuan carries a
// scale ("Rp Trilyun", "Juta Rupiah"), "Rp 10,33 triliun"; a foreign currency ("Juta USD") ->
// "USD 14,50 juta"; an index or score ("Indeks", "Nilai") -> the bare number "85,75"; anything
// else -> "1.250 orang" (the satuan lower-cased, words in capitals kept: "165 UMKM").
// Non-finite: "-".
std::string besaran(double x, const std::string& satuan, int places);

// A satuan as a table column prints it (docs/style.md §3): as typed, with the scale words spelt
// as KBBI has them and in lower case ("Rp Trilyun" -> "Rp triliun", "Milyar Rupiah" -> "miliar
// Rupiah") and "Persen"/"persen"/"prosen" written "%".
std::string satuan(const std::string& satuan);

// A name from the data (docs/style.md §4): function words (dan, serta, atau, di, ke, dari, untuk,
// pada, yang, dengan, bagi, oleh, terhadap, tentang, atas) lower-cased after the first word,
// unless the whole name is in capitals; acronyms restored to capitals: a parenthesised
// abbreviation made of the initials of the words before it ("izin usaha industri (iui)" ->
// "(IUI)"), that abbreviation elsewhere in the name, and the known acronyms of government
// reporting written in lower case as whole words. Nothing else changes case.
std::string nama(const std::string& text);

// PUEBI joins (docs/style.md §5): a bound form (antar, non, sub, pasca, pra, multi, semi, swa,
// ekstra, intra) written apart from the word it binds is joined ("antar bidang" -> "antarbidang",
// "Antar Bidang" -> "Antarbidang"), with a hyphen before an acronym, a digit or a capitalised
// word after a lower-case form ("non ASN" -> "non-ASN"). "Sub Kegiatan" (the budget level of
// Permendagri 90/2019) and "antar jemput" (two verbs) are kept apart.
std::string puebi(const std::string& text);

// Indonesian number words for integers: 0 "nol", 11 "sebelas", 12 "dua belas", 100 "seratus",
// 1000 "seribu", 1000000 "satu juta", 10^9 "satu miliar", 10^12 "satu triliun",
// 10^15 "satu kuadriliun"; negative: "minus lima". Handles the full int64 range.
std::string terbilang(std::int64_t n);

// Decimal reading as seed 000 writes it: (5.88, 2) -> "lima koma delapan puluh delapan";
// the fraction is read as a number after its leading zeros, each read "nol":
// (5.08, 2) -> "lima koma nol delapan". Trailing zeros of the fraction are dropped
// (5.80 -> "lima koma delapan"); a whole value has no "koma" part.
std::string terbilang(double x, int places);

// "3 (tiga)"; the usual way counts are written in the reports.
std::string angka_terbilang(std::int64_t n);

// Month names, 1..12: "Januari" ... "Desember". Empty for out-of-range.
std::string nama_bulan(int month);
// "26 Februari 2025". Returns empty when the date is not a valid calendar date.
std::string tanggal(int year, int month, int day);
bool tanggal_valid(int year, int month, int day);


// List letters: 1 -> "a", 26 -> "z", 27 -> "aa", 28 -> "ab", 74 -> "bv" (seed 002's a.-bv.),
// 703 -> "aaa". Empty for n < 1.
std::string huruf(int n);

// NIP as printed: "196610081992011010" -> "19661008 199201 1 010" (birth date yyyymmdd,
// appointment yyyymm, sex digit, serial). Input may already contain spaces; they are ignored.
// Returns nullopt unless the input holds exactly 18 digits.
std::optional<std::string> nip(const std::string& raw);

}  // namespace lkjip::idfmt
