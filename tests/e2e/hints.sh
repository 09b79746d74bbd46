#!/bin/sh
# The usual mistakes in the user's terms (issue 16): every hint lkjip gives for a slip of TOML
# syntax, a NIP, a misspelt command or option and an unknown key, each asserted as the whole
# standard error (the positioned error, its hint line and the summary) and the exit status; and
# `lkjip build` printing the warnings of `lkjip check` with a summary, `-q` silencing them.
# Usage: hints.sh LKJIP SOURCE_DIR
set -u
lkjip=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
cd "$tmp" || exit 1

# expect NAME STATUS EXPECTED-STDERR ARGS...: runs lkjip ARGS in $tmp; the status and the whole
# standard error must be exactly these.
expect() {
  name=$1; want_rc=$2; want=$3; shift 3
  timeout 20 "$lkjip" "$@" >out 2>err; rc=$?
  [ "$rc" -eq "$want_rc" ] || fail "$name: exit $rc, expected $want_rc"
  printf '%s\n' "$want" >want
  cmp -s want err || { fail "$name: standard error differs"; diff want err; }
}

# syntax NAME LINE EXPECTED: a two-line data file whose line 2 is LINE, checked.
syntax() {
  printf '[laporan]\n%s\n' "$2" >s.toml
  expect "$1" 1 "$3
s.toml: 1 error, 0 warnings" check s.toml
}

# ---- numbers, amounts, dates and yes/no written the Indonesian way -------------------------
syntax "decimal comma" 'target = 85,5' 's.toml:2:10: error: `85,5` is written with a decimal comma
  hint: write 85.5'
syntax "negative decimal comma" 'target = -13,72' 's.toml:2:10: error: `-13,72` is written with a decimal comma
  hint: write -13.72'
syntax "decimal comma in a table of years" 'target = { 2023 = 85,5, 2024 = 86 }' 's.toml:2:19: error: `85,5` is written with a decimal comma
  hint: write 85.5'
syntax "decimal comma or a thousand" 'target = 1,500' 's.toml:2:10: error: `1,500` is written with a decimal comma
  hint: write 1.500 (a decimal point), or 1500 if it is a thousand'
syntax "thousands dots" 'pagu = 37.912.400' 's.toml:2:8: error: `37.912.400` is written with dots between the thousands
  hint: write 37912400 or 37_912_400'
syntax "thousands dots and a decimal comma" 'pagu = 1.234.567,89' 's.toml:2:8: error: `1.234.567,89` is written with dots between the thousands
  hint: write 1234567.89 or 1_234_567.89'
syntax "thousands commas" 'pagu = 37,912,400' 's.toml:2:8: error: `37,912,400` is written with commas between the thousands
  hint: write 37912400 or 37_912_400'
syntax "thousands spaces" 'pagu = 37 912 400' 's.toml:2:8: error: `37 912 400` is written with spaces between the thousands
  hint: write 37912400 or 37_912_400'
syntax "Rp before an amount" 'pagu = Rp 1.000.000' 's.toml:2:8: error: `Rp 1.000.000` is an amount written with `Rp`; amounts are plain numbers of rupiah
  hint: write 1000000 or 1_000_000'
syntax "Rp. with ,-" 'pagu = Rp. 1.500.000,-' 's.toml:2:8: error: `Rp. 1.500.000,-` is an amount written with `Rp`; amounts are plain numbers of rupiah
  hint: write 1500000 or 1_500_000'
syntax "Rp with sen" 'pagu = Rp1.500.000,50' 's.toml:2:8: error: `Rp1.500.000,50` is an amount written with `Rp`; amounts are plain numbers of rupiah
  hint: write "1500000.50" (an amount with sen is written as a string)'
syntax "percent sign" 'target = 85%' 's.toml:2:10: error: `85%` is written with a percent sign; a value is a plain number
  hint: write 85 (the indicator'"'"'s `satuan` says it is a percentage)'
syntax "percent sign after a decimal comma" 'target = 85,5 %' 's.toml:2:10: error: `85,5 %` is written with a percent sign; a value is a plain number
  hint: write 85.5 (the indicator'"'"'s `satuan` says it is a percentage)'
syntax "date day-month-year" 'tanggal = 31-12-2024' 's.toml:2:11: error: `31-12-2024` is a date written day-month-year
  hint: write 2024-12-31 (year-month-day, without quotes)'
syntax "date with slashes" 'tanggal = 31/12/2024' 's.toml:2:11: error: `31/12/2024` is a date written day-month-year
  hint: write 2024-12-31 (year-month-day, without quotes)'
syntax "date in words" 'tanggal = 26 Februari 2025' 's.toml:2:11: error: `26 Februari 2025` is a date written in words
  hint: write 2025-02-26 (year-month-day, without quotes)'
syntax "date without leading zeros" 'tanggal = 2025-2-6' 's.toml:2:11: error: `2025-2-6` is a date written with other separators or without leading zeros
  hint: write 2025-02-06 (year-month-day, without quotes)'
syntax "ya" 'per_jenis_kelamin = ya' 's.toml:2:21: error: `ya` is not a yes/no value of TOML, which are true and false
  hint: write true (in lower case, without quotes)'
syntax "tidak" 'iku = tidak' 's.toml:2:7: error: `tidak` is not a yes/no value of TOML, which are true and false
  hint: write false (in lower case, without quotes)'
syntax "True" 'iku = True' 's.toml:2:7: error: `True` is not a yes/no value of TOML, which are true and false
  hint: write true (in lower case, without quotes)'
syntax "leading zero" 'kode = 0812' 's.toml:2:8: error: `0812` starts with 0, which a number does not
  hint: write "0812" in quotes if it is a code or a telephone number, or 812 if it is a number'

# ---- text, keys and strings ----------------------------------------------------------------
syntax "text without quotes" 'tempat = Pekalongan Utara # kota' 's.toml:2:10: error: text is written in quotes
  hint: write tempat = "Pekalongan Utara"'
syntax "curly quotes" 'tempat = “Pekalongan”' 's.toml:2:10: error: `“` is a curly quote; text is written between straight quotes (")
  hint: write "Pekalongan"'
syntax "key with a space" 'nama instansi = "Dinas Contoh"' 's.toml:2:1: error: a key is one word: `nama instansi` has a space
  hint: write nama_instansi'
syntax "colon for =" 'tempat: "Pekalongan"' 's.toml:2:1: error: a key and its value are separated by `=`, not `:`
  hint: write tempat = "Pekalongan"'
syntax "unclosed quote" 'tempat = "Pekalongan' 's.toml:2:10: error: the string that begins on line 2 has no closing "
  hint: end it with " on line 2; text of several lines goes between """ and """'
syntax "unclosed single quote" "tempat = 'Pekalongan" "s.toml:2:10: error: the string that begins on line 2 has no closing '
  hint: end it with ' on line 2; text of several lines goes between ''' and '''"
syntax "unquoted NIP" 'nip = 19700101 199503 1 001' 's.toml:2:7: error: a NIP is text: it is written in quotes
  hint: write nip = "19700101 199503 1 001"'
syntax "backslashes of a Windows path" 'logo = "C:\data\logo.png"' 's.toml:2:11: error: `\d` is not an escape: in text between "…" a backslash starts one
  hint: write a path with / (foto/logo.png), or put the text between single quotes ('"'"'…'"'"'), where \ is itself'

# A multi-line string never closed: the error is at its first line, not at the end of the file.
printf '[laporan]\nlatar_belakang = """Dinas ini\nmenyusun laporan.\n\ntahun = 2024\n' >m.toml
expect "unclosed multi-line string" 1 'm.toml:2:18: error: the string that begins on line 2 has no closing """
  hint: end it with """; the file ends before one
m.toml: 1 error, 0 warnings' check m.toml

# A file saved as Windows-1252 by a spreadsheet: the byte is named, with how to save it.
printf '[laporan]\ntempat = "Pekalongan \351"\n' >latin.toml
expect "not UTF-8" 1 'latin.toml:2:22: error: this byte is not UTF-8: the file was saved in another encoding
  hint: save the file as UTF-8 ("Save as", encoding UTF-8, in the editor or spreadsheet that wrote it)
latin.toml: 1 error, 0 warnings' check latin.toml

# ---- a NIP with other characters than digits and spaces ------------------------------------
min="$src/tests/data/minimal.toml"
sed 's/^nip = .*/nip = "19661008.199201.1.010"/' "$min" >nip.toml
expect "NIP with dots" 1 'nip.toml:19:7: error: NIP `19661008.199201.1.010` has `.` in it; a NIP is 18 digits: birth date (yyyymmdd), appointment (yyyymm), sex (1 or 2) and a serial of 3
  hint: write "19661008 199201 1 010" (spaces between the groups are allowed)
nip.toml: 1 error, 0 warnings' check nip.toml
sed 's/^nip = .*/nip = "19661008-199201-1-01O"/' "$min" >nip.toml
expect "NIP with a dash and a letter" 1 'nip.toml:19:7: error: NIP `19661008-199201-1-01O` has `-` and `O` in it; a NIP is 18 digits: birth date (yyyymmdd), appointment (yyyymm), sex (1 or 2) and a serial of 3
  hint: write the 18 digits, with spaces between the groups if you like
nip.toml: 1 error, 0 warnings' check nip.toml
sed 's/^nip = .*/nip = "19661008 199201 1 01"/' "$min" >nip.toml
expect "NIP of 17 digits" 1 'nip.toml:19:7: error: NIP `19661008 199201 1 01` has 17 digits; a NIP is 18 digits: birth date (yyyymmdd), appointment (yyyymm), sex (1 or 2) and a serial of 3
nip.toml: 1 error, 0 warnings' check nip.toml
sed 's/^nip = .*/nip = 196610081992011010/' "$min" >nip.toml
expect "NIP as an integer" 1 'nip.toml:19:7: error: a NIP is text: it is written in quotes
  hint: write nip = "196610081992011010"
nip.toml: 1 error, 0 warnings' check nip.toml
# Spaces between the groups are the way a NIP is printed: accepted.
cp "$min" min.toml
expect "NIP with spaces" 0 "min.toml: ok" check min.toml

# One dot between the thousands is valid TOML (1.5): for money, a fraction of three digits is that slip.
sed 's/^pagu = 1_000_000$/pagu = 1.500/' "$min" >money.toml
line=$(grep -n '^pagu = 1.500$' money.toml | cut -d: -f1)
expect "money with one thousands dot" 1 "money.toml:$line:8: error: \`pagu\` in sub kegiatan 3.30.01.2.01.0001: money must be exact, not a float (a float cannot hold every sen)
  hint: a dot between the thousands is a decimal point in TOML (it read 1.5): for 1500 rupiah write 1500 or 1_500
money.toml: 1 error, 0 warnings" check money.toml

# ---- an unknown key with no key near it: the keys of its table -----------------------------
sed 's/^tempat = "Pekalongan"$/tempat = "Pekalongan"\nwarna = "biru"/' "$min" >key.toml
expect "unknown key, no near match" 1 'key.toml:6:1: error: unknown key `warna` in [laporan]
  hint: the keys of [laporan] are `judul`, `kata_pengantar`, `latar_belakang`, `penutup`, `tahun`, `tanggal`, `tempat`
key.toml: 1 error, 0 warnings' check key.toml
sed 's/^tempat = "Pekalongan"$/tempta = "Pekalongan"/' "$min" >key.toml
expect "unknown key, near match" 1 'key.toml:3:1: error: [laporan] is missing the required key `tempat`
key.toml:5:1: error: unknown key `tempta` in [laporan]
  hint: did you mean `tempat`?
key.toml: 2 errors, 0 warnings' check key.toml

# ---- misspelt commands and options: exit 2 like every usage error --------------------------
expect "chek" 2 'lkjip: error: unknown command `chek`
  hint: did you mean `check`?' chek min.toml
expect "biuld" 2 'lkjip: error: unknown command `biuld`
  hint: did you mean `build`?' biuld min.toml
expect "prevew" 2 'lkjip: error: unknown command `prevew`
  hint: did you mean `preview`?' prevew min.toml
expect "a data file for a command" 2 'lkjip: error: unknown command `min.toml`
  hint: name the command first: `lkjip build min.toml` (or check, preview)' min.toml
expect "no command near" 2 'lkjip: error: unknown command `cetak`
  hint: the commands are `check`, `preview`, `build`, `render`, `batch`, `init`, `import`, `next`' cetak min.toml
expect "--helpp" 2 'lkjip: error: unknown option `--helpp`
  hint: did you mean `--help`?' --helpp
expect "--dokumne" 2 'lkjip build: error: unknown option `--dokumne`
  hint: did you mean `--dokumen`?' build min.toml --dokumne pk
expect "--wrror" 2 'lkjip check: error: unknown option `--wrror`
  hint: did you mean `--werror`?' check --wrror min.toml

# ---- build prints the warnings of check, then a summary; -q only errors --------------------
sed '/^nama = "Drs. CONTOH, MM"$/d' "$min" >warn.toml
"$lkjip" check warn.toml 2>check.err; rc=$?
[ "$rc" -eq 0 ] || fail "check of warn.toml exits $rc"
grep -q ': warning: ' check.err || fail "warn.toml gives no warning to compare: $(cat check.err)"
"$lkjip" build warn.toml -o warn.pdf 2>build.err; rc=$?
[ "$rc" -eq 0 ] || fail "build of warn.toml exits $rc"
grep -v '^warn.toml: [0-9]* error' check.err >check.diags
grep -v '^warn.toml: [0-9]* error' build.err >build.diags
cmp -s check.diags build.diags || { fail "build does not print the warnings check prints"; diff check.diags build.diags; }
summary=$(tail -n 1 build.err)
count=$(grep -c ': warning: ' check.err)
want_summary="warn.toml: 0 errors, $count warning$([ "$count" -eq 1 ] || echo s); wrote warn.pdf ($(pdfinfo warn.pdf 2>/dev/null | sed -n 's/^Pages: *//p') pages)"
[ "$summary" = "$want_summary" ] || fail "build summary is '$summary', expected '$want_summary'"
"$lkjip" build -q warn.toml -o warn.pdf 2>quiet.err || fail "build -q of warn.toml fails"
[ -s quiet.err ] && { fail "build -q prints: $(cat quiet.err)"; }
"$lkjip" build min.toml -o min.pdf --md min.md 2>clean.err || fail "build of min.toml fails: $(cat clean.err)"
want="min.toml: ok; wrote min.md and min.pdf ($(pdfinfo min.pdf 2>/dev/null | sed -n 's/^Pages: *//p') pages)"
[ "$(cat clean.err)" = "$want" ] || fail "build of a clean file prints '$(cat clean.err)', expected '$want'"
# An error is never silenced, and nothing is written.
printf '[laporan]\ntarget = 85,5\n' >s.toml
expect "build -q, an error" 1 's.toml:2:10: error: `85,5` is written with a decimal comma
  hint: write 85.5' build -q s.toml -o never.pdf
expect "build, an error" 1 's.toml:2:10: error: `85,5` is written with a decimal comma
  hint: write 85.5
s.toml: 1 error, 0 warnings; nothing written' build s.toml -o never.pdf
[ ! -e never.pdf ] || fail "a failed build wrote never.pdf"

[ "$failures" -eq 0 ] && echo "hints: all passed"
exit $((failures > 0))
