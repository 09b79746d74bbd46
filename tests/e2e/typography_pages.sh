#!/bin/sh
# Issue 17, page breaks, landscape and signatures, on the PDFs of the four samples (the LKjIP and
# the PK of each): no heading or lead-in is the last line of a page, no landscape page under 40%
# filled, no text outside the page box, the last page of a list of contents holds three lines or
# more (typography_pages.py, poppler-utils and qpdf); three signatures side by side in thirds.
# Each check is also shown to fail on a document made to break it.
# Usage: typography_pages.sh LKJIP SOURCE_DIR
set -u
lkjip=$1
src=$2
check="python3 $src/tests/e2e/typography_pages.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# --- The samples. -------------------------------------------------------------------------------
count=0
for data in $(find "$src/samples" -name '*.toml' ! -name '_*' | sort); do
  name=$(basename "$data" .toml)
  for kind in lkjip pk; do
    count=$((count + 1))
    out="$tmp/$name-$kind"
    if ! "$lkjip" build -q "$data" --dokumen "$kind" -o "$out.pdf" --md "$out.md" 2>"$tmp/err"; then
      fail "lkjip build --dokumen $kind fails for $data: $(head -1 "$tmp/err")"
      continue
    fi
    $check "$out.pdf" "$out.md" || failures=$((failures + 1))
  done
done
[ "$count" -ge 8 ] || fail "expected the LKjIP and PK of four samples, built $count documents"

# --- Three signatures side by side: tops aligned, names on one baseline, in thirds. -------------
cat >"$tmp/three.md" <<'EOF'
Yang bertanda tangan:

<!-- lkjip:signatures -->

<!-- lkjip:signature -->

PIHAK KEDUA,

Wali Kota Contoh

&nbsp;

**Ahmad**

<!-- lkjip:end-signature -->

<!-- lkjip:column -->

Mengetahui,

Sekretaris Daerah Kota Contoh yang menjabat sejak tahun lalu

&nbsp;

**Budi**

<!-- lkjip:column -->

Kota Contoh, 9 Desember 2024

PIHAK PERTAMA,

&nbsp;

**Citra**

NIP. 19661008 199201 1 010

<!-- lkjip:end-signatures -->
EOF
if "$lkjip" render "$tmp/three.md" -o "$tmp/three.pdf" 2>"$tmp/err"; then
  $check row "$tmp/three.pdf" 3 PIHAK Mengetahui, Kota || failures=$((failures + 1))
  $check row "$tmp/three.pdf" 3 Ahmad Budi Citra || failures=$((failures + 1))
else
  fail "lkjip render of three signatures fails: $(head -1 "$tmp/err")"
fi

# --- The checks can fail: a document made to break each rule. ------------------------------------
# Explicit page breaks put a run-in heading and a lead-in at page feet; an explicit landscape
# section holds one line; a list of contents leaves two lines on its last page.
{
  echo 'Paragraf pembuka.'; echo
  echo '**a. Perbandingan antara target dan realisasi kinerja tahun ini**'; echo
  echo '<!-- lkjip:page-break -->'; echo
  echo 'Rincian capaian setiap indikator disajikan pada tabel berikut:'; echo
  echo '<!-- lkjip:page-break -->'; echo
  echo '| No | Uraian |'; echo '|---|---|'; echo '| 1 | Satu |'; echo
  echo '<!-- lkjip:landscape -->'; echo
  echo 'Satu baris saja.'; echo
  echo '<!-- lkjip:end-landscape -->'; echo
  echo 'DAFTAR ISI'; echo
  i=1; while [ $i -le 30 ]; do echo "Bagian $i . . . . . . . . . . $i"; echo; i=$((i + 1)); done
  echo '<!-- lkjip:page-break -->'; echo
  echo 'Bagian 31 . . . . . . . . . . 31'; echo
  echo 'Bagian 32 . . . . . . . . . . 32'; echo
  echo '<!-- lkjip:page-break -->'; echo
  echo 'Penutup.'
} >"$tmp/broken.md"
if "$lkjip" render "$tmp/broken.md" -o "$tmp/broken.pdf" 2>"$tmp/err"; then
  $check "$tmp/broken.pdf" "$tmp/broken.md" >"$tmp/broken.out"
  for what in "a heading is the last line of page 1" "a lead-in is the last line of page 2" \
              "landscape page 4 of broken.pdf is" "the last page of the DAFTAR ISI"; do
    grep -q "$what" "$tmp/broken.out" || fail "typography_pages.py does not report '$what': $(head -3 "$tmp/broken.out")"
  done
else
  fail "lkjip render of the broken document fails: $(head -1 "$tmp/err")"
fi
$check offpage "$tmp/off.pdf"
printf 'x\n' >"$tmp/off.md"
$check "$tmp/off.pdf" "$tmp/off.md" | grep -q "text placed outside page 1" ||
  fail "typography_pages.py does not report a word wholly off the page"
$check row "$tmp/three.pdf" 3 Citra Budi Ahmad >/dev/null 2>&1 &&
  fail "typography_pages.py row accepts three names in the wrong order"

[ "$failures" -eq 0 ] && echo "typography_pages: all checks passed"
[ "$failures" -eq 0 ]
