#!/bin/sh
# End-to-end checks of the PDF: `lkjip build` of every sample (valid PDF, embedded subset fonts,
# page labels, printed page numbers, outline, Daftar Isi pages, margins, reproducible bytes),
# `lkjip render` of hand-written Markdown (a long table whose header repeats, every block kind,
# symbols), and hostile output paths. The PDF inspection is in pdfcheck.py next to this file.
# Usage: pdf.sh LKJIP SOURCE_DIR
set -u
lkjip=$1
src=$2
check="python3 $src/tests/e2e/pdfcheck.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# The PDF inspections are queued in "$@" and run at the end by one pdfcheck.py process (Python's
# start-up is slow); pdfcheck.py prints its own FAIL lines and exits with their number.
set --
# The first error line of a captured stderr (else its first line), shortened.
first_line() { { grep -m1 ': error: ' "$1" || head -1 "$1"; } | cut -c1-220; }

# --- Every sample: build it, check the PDF (checks 1-6), build it again: the same bytes. ----------
count=0
for data in $(find "$src/samples" -name '*.toml' ! -name '_*' | sort); do
  count=$((count + 1))
  name=$(basename "$data" .toml)
  pdf="$tmp/$name.pdf"
  "$lkjip" build -q "$data" -o "$pdf" 2>"$tmp/err"; rc=$?
  if [ "$rc" -ne 0 ] || [ ! -s "$pdf" ]; then
    fail "lkjip build exits $rc for $data: $(first_line "$tmp/err")"
    continue
  fi
  [ -s "$tmp/err" ] && fail "lkjip build -q prints on stderr for $data: $(first_line "$tmp/err")"
  set -- "$@" report "$pdf" +
  "$lkjip" build -q "$data" -o "$tmp/$name.again.pdf" 2>/dev/null ||
    fail "second lkjip build fails for $data"
  cmp -s "$pdf" "$tmp/$name.again.pdf" || fail "two builds of $data differ ($(cmp "$pdf" "$tmp/$name.again.pdf" 2>&1 | head -1))"
done
[ "$count" -ge 1 ] || fail "no samples found under $src/samples"
sample=$(find "$src/samples" -name '*.toml' ! -name '_*' | sort | head -1)

# --- 7. A 120-row table: the header row on every page the table continues on, rows in order. ---
{
  printf '# Uji Tabel Panjang\n\nParagraf pembuka sebelum tabel.\n\n**Tabel 1.1** Data panjang\n\n'
  printf '| No | Uraian | Nilai |\n|---:|---|---:|\n'
  awk 'BEGIN {
    long = "Belanja pemeliharaan sarana dan prasarana pasar tradisional beserta fasilitas penunjang " \
           "perdagangan, pembinaan koperasi simpan pinjam dan pendampingan usaha mikro"
    for (i = 1; i <= 120; i++) printf "| %d | %s kelompok %d | %d.%03d.567,%02d |\n", i, long, i, i, (i * 37) % 1000, i % 100
  }'
  printf '\nParagraf penutup sesudah tabel.\n'
} >"$tmp/table.md"
"$lkjip" render "$tmp/table.md" -o "$tmp/table.pdf" 2>"$tmp/err"; rc=$?
if [ "$rc" -eq 0 ] && [ -s "$tmp/table.pdf" ]; then
  set -- "$@" table "$tmp/table.pdf" 120 +
else
  fail "lkjip render exits $rc for the long table $tmp/table.md: $(first_line "$tmp/err")"
fi

# --- 8. Every block kind; a missing image is a positioned error. ----------------------------------
long=$(printf 'ABCDEFGHIJ0123456789%.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15)  # 300 characters, no break
cat >"$tmp/blocks.md" <<EOF
# Uji Semua Blok

Paragraf dengan **tebal sekali**, *miring sekali*, ***tebal miring*** dan \`kode_sumber_data\` di tengah kalimat.

$long

1. Langkah pertama perencanaan
   1. Subbagian anggaran tahunan
      - Butir rincian belanja
      - Butir rincian pendapatan
   2. Subbagian evaluasi kinerja
2. Langkah kedua pelaporan

> Kutipan dari peraturan menteri tentang akuntabilitas kinerja.

---

Paragraf sesudah garis mendatar.

**Gambar 1.1** Logo yang tidak ada

![Logo](tidak-ada.png)

Paragraf terakhir dokumen.
EOF
imgline=$(grep -n 'tidak-ada.png' "$tmp/blocks.md" | cut -d: -f1)
"$lkjip" render "$tmp/blocks.md" -o "$tmp/blocks.pdf" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 1 ] || fail "a missing image: lkjip render exits $rc, expected 1 ($tmp/blocks.md)"
grep -q "^$tmp/blocks.md:$imgline:" "$tmp/err" ||
  fail "a missing image: no message at $tmp/blocks.md:$imgline (stderr: $(first_line "$tmp/err"))"
[ ! -e "$tmp/blocks.pdf" ] || fail "a missing image: $tmp/blocks.pdf written despite the error"

grep -v 'tidak-ada.png' "$tmp/blocks.md" >"$tmp/blocks-ok.md"
"$lkjip" render "$tmp/blocks-ok.md" -o "$tmp/blocks.pdf" 2>"$tmp/err"; rc=$?
# Every diagnostic names its Markdown line (docs: "a word wider than its column ... with the Markdown line").
grep -E ': (warning|error): ' "$tmp/err" | grep -Ev "^$tmp/blocks-ok.md:[0-9]+:" | head -3 | while IFS= read -r line; do
  echo "FAIL: a diagnostic without file:line for $tmp/blocks-ok.md: $line"
done
unpositioned=$(grep -E ': (warning|error): ' "$tmp/err" | grep -Evc "^$tmp/blocks-ok.md:[0-9]+:")
[ "$unpositioned" -eq 0 ] || failures=$((failures + 1))
if [ "$rc" -eq 0 ] && [ -s "$tmp/blocks.pdf" ]; then
  set -- "$@" valid "$tmp/blocks.pdf" + margins "$tmp/blocks.pdf" + words "$tmp/blocks.pdf" "Uji Semua Blok" "tebal sekali" "miring sekali" "tebal miring" \
    "kode_sumber_data" "nospace:$long" "1. Langkah pertama perencanaan" "a. Subbagian anggaran tahunan" \
    "• Butir rincian belanja" "• Butir rincian pendapatan" "b. Subbagian evaluasi kinerja" \
    "2. Langkah kedua pelaporan" "Kutipan dari peraturan menteri tentang akuntabilitas kinerja." \
    "Paragraf sesudah garis mendatar." "Gambar 1.1 Logo yang tidak ada" "Paragraf terakhir dokumen." +
else
  fail "lkjip render exits $rc for $tmp/blocks-ok.md: $(first_line "$tmp/err")"
fi

# F4 paper, Liberation Sans, standard input to standard output.
"$lkjip" render - -o - --paper F4 --sans <"$tmp/blocks-ok.md" >"$tmp/f4.pdf" 2>"$tmp/err"; rc=$?
if [ "$rc" -eq 0 ] && [ -s "$tmp/f4.pdf" ]; then
  set -- "$@" valid "$tmp/f4.pdf" +
  pdfinfo "$tmp/f4.pdf" 2>/dev/null | grep -q '^Page size: *609\.[0-9]* x 935\.[0-9]* pts' ||
    fail "--paper F4 gives $(pdfinfo "$tmp/f4.pdf" 2>/dev/null | grep '^Page size'), want 609.4 x 935.4 pts ($tmp/f4.pdf)"
  pdffonts "$tmp/f4.pdf" 2>/dev/null | grep -q 'LiberationSans' || fail "--sans: no Liberation Sans in $tmp/f4.pdf"
else
  fail "lkjip render - -o - --paper F4 --sans exits $rc: $(first_line "$tmp/err")"
fi

# Symbols come back from pdftotext unchanged (the writer fixes libharu's ToUnicode CMap).
printf '# Simbol\n\nTren ▲ naik ▼ turun, capaian ≥ 100 dan ≤ 50, “kutipan” 2021–2026 ➤ lanjut • butir.\n' >"$tmp/sym.md"
"$lkjip" render "$tmp/sym.md" -o "$tmp/sym.pdf" 2>"$tmp/err"; rc=$?
if [ "$rc" -eq 0 ] && [ -s "$tmp/sym.pdf" ]; then
  set -- "$@" valid "$tmp/sym.pdf" + words "$tmp/sym.pdf" "▲" "▼" "≥" "≤" "“" "”" "–" "➤" "•" \
    "Tren ▲ naik ▼ turun, capaian ≥ 100 dan ≤ 50, “kutipan” 2021–2026 ➤ lanjut • butir." +
else
  fail "lkjip render exits $rc for $tmp/sym.md: $(first_line "$tmp/err")"
fi

# --- 9. Hostile output paths and broken data. ------------------------------------------------------
: >"$tmp/regular"
for out in /proc/x.pdf "$tmp/regular/x.pdf"; do
  "$lkjip" build -q "$sample" -o "$out" 2>"$tmp/err"; rc=$?
  [ "$rc" -eq 1 ] || fail "an unwritable output $out: lkjip build exits $rc, expected 1"
  [ "$(wc -l <"$tmp/err")" -eq 1 ] ||
    fail "an unwritable output $out: $(wc -l <"$tmp/err") lines on stderr, expected 1: $(first_line "$tmp/err")"
done

# A broken data file: positioned error, exit 1, no new file, an earlier PDF at -o left as it was.
mkdir "$tmp/broken"
cp "$(dirname "$sample")"/* "$tmp/broken/"  # the data files and what they name (the logo)
bad="$tmp/broken/$(basename "$sample")"
"$lkjip" build -q "$bad" -o "$tmp/keep.pdf" 2>"$tmp/err" || fail "lkjip build of a copy of $sample fails: $(first_line "$tmp/err")"
cp "$tmp/keep.pdf" "$tmp/keep.orig.pdf"
printf '\n[laporan\ntahun = "2024\n' >>"$bad"
"$lkjip" build -q "$bad" -o "$tmp/keep.pdf" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 1 ] || fail "broken TOML: lkjip build exits $rc, expected 1 ($bad)"
grep -q "^$bad:[0-9]*:[0-9]*: error: " "$tmp/err" || fail "broken TOML: no positioned error for $bad: $(first_line "$tmp/err")"
cmp -s "$tmp/keep.pdf" "$tmp/keep.orig.pdf" || fail "broken TOML: the earlier PDF $tmp/keep.pdf was changed"
"$lkjip" build -q "$bad" -o "$tmp/new.pdf" 2>/dev/null
[ ! -e "$tmp/new.pdf" ] || fail "broken TOML: $tmp/new.pdf written despite the error"
leftovers=$(find "$tmp" -maxdepth 1 \( -name '*.pdf?*' -o -name '.*.pdf*' \) | head -3)
[ -z "$leftovers" ] || fail "temporary files left next to the output: $leftovers"

# --- The queued PDF inspections (checks 1-8 on the PDFs written above). --------------------------
if [ $# -gt 0 ]; then
  $check "$@"; n=$?
  failures=$((failures + n))
fi

[ "$failures" -eq 0 ] && echo "pdf.sh: all checks passed"
[ "$failures" -eq 0 ]
