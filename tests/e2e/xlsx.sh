#!/bin/sh
# `lkjip build --xlsx` (issue 21): every table of each sample's report as a sheet, its numbers as
# numbers (tests/e2e/xlsx_tables.py, python3-openpyxl from Debian), byte-identical for identical
# input; the refusals (one file named twice, standard output, a data file with an error) write
# nothing.
# Usage: xlsx.sh LKJIP SOURCE_DIR
set -u
lkjip=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# Debian's python3 (a pyenv or venv first on PATH lacks python3-openpyxl).
py=/usr/bin/python3
[ -x "$py" ] || py=python3

for data in kota-pekalongan/dindagkop-ukm-2024 kota-pontianak/dinkumdag-2020 kota-probolinggo/dinkumdagin-2021 \
            provinsi-kalbar/diskumkm-2024; do
  name=$(basename "$data")
  "$lkjip" build -q "$src/samples/$data.toml" --md "$tmp/$name.md" --xlsx "$tmp/$name.xlsx" -o "$tmp/$name.pdf" 2>"$tmp/err" ||
    { fail "build --xlsx of $data: $(head -1 "$tmp/err")"; continue; }
  "$py" "$src/tests/e2e/xlsx_tables.py" "$tmp/$name.md" "$tmp/$name.xlsx" || fail "the workbook of $data"
  "$lkjip" build -q "$src/samples/$data.toml" --xlsx "$tmp/$name-2.xlsx" -o "$tmp/$name-2.pdf" 2>/dev/null
  cmp -s "$tmp/$name.xlsx" "$tmp/$name-2.xlsx" || fail "two builds of $data give different workbooks"
  unzip -tq "$tmp/$name.xlsx" >/dev/null 2>&1 || fail "the workbook of $data is not a sound zip"
done

# The other documents have their tables too: the RENJA of Kalimantan Barat.
"$lkjip" build -q "$src/samples/provinsi-kalbar/diskumkm-2024.toml" --dokumen renja --md "$tmp/renja.md" \
  --xlsx "$tmp/renja.xlsx" -o "$tmp/renja.pdf" 2>"$tmp/err" || fail "build --dokumen renja --xlsx: $(head -1 "$tmp/err")"
[ -f "$tmp/renja.xlsx" ] && { "$py" "$src/tests/e2e/xlsx_tables.py" "$tmp/renja.md" "$tmp/renja.xlsx" || fail "the RENJA's workbook"; }

# Refusals: exit 1, a message naming the option, nothing written.
cp -r "$src/samples/kota-pekalongan" "$tmp/pek"
refused() {  # refused WHAT WANT ARGS...
  what=$1; want=$2; shift 2
  rm -f "$tmp"/out.*
  "$lkjip" build "$@" >"$tmp/o" 2>"$tmp/e"
  rc=$?
  [ "$rc" -eq 1 ] || fail "$what: exit $rc, not 1"
  grep -q -- "$want" "$tmp/e" || { fail "$what: no message with '$want'"; cat "$tmp/e"; }
  for f in "$tmp"/out.*; do [ -e "$f" ] && fail "$what: $f written"; done
}
refused "one file for -o and --xlsx" "are one file" "$tmp/pek/dindagkop-ukm-2024.toml" -o "$tmp/out.x" --xlsx "$tmp/out.x"
refused "one file for --md and --xlsx" "are one file" "$tmp/pek/dindagkop-ukm-2024.toml" -o "$tmp/out.pdf" --md "$tmp/out.m" --xlsx "$tmp/out.m"
refused "--xlsx to standard output" "not to standard output" "$tmp/pek/dindagkop-ukm-2024.toml" -o "$tmp/out.pdf" --xlsx -
refused "--xlsx over the data file" "dindagkop-ukm-2024.toml" "$tmp/pek/dindagkop-ukm-2024.toml" -o "$tmp/out.pdf" --xlsx "$tmp/pek/dindagkop-ukm-2024.toml"
cmp -s "$tmp/pek/dindagkop-ukm-2024.toml" "$src/samples/kota-pekalongan/dindagkop-ukm-2024.toml" || fail "--xlsx replaced the data file"
printf '[laporan]\ntahun = "dua ribu"\n' >"$tmp/bad.toml"
refused "a data file with an error" "bad.toml:2:" "$tmp/bad.toml" -o "$tmp/out.pdf" --xlsx "$tmp/out.xlsx"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "ok"
