#!/bin/sh
# Typography of the four samples (issue 17): no line of the PDF text ends in a forbidden break
# (hyphenation minimums, short words, KBBI boundaries of tests/data/kbbi_words.txt), and the text
# is extractable word for word although kerned text is drawn in pieces (layout/shaping.hpp);
# then a Markdown file dense in kerning pairs, UAX #14 breaks and a URL, rendered in a narrow
# table column. The inspection is in typography.py next to this file.
# Usage: typography.sh LKJIP SOURCE_DIR
set -u
lkjip=$1
src=$2
check="python3 $src/tests/e2e/typography.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

pdfs=""
for data in $(find "$src/samples" -name '*.toml' ! -name '_*' | sort); do
  name=$(basename "$data" .toml)
  if ! "$lkjip" build -q "$data" -o "$tmp/$name.pdf" 2>"$tmp/err"; then
    fail "lkjip build fails for $data: $(head -1 "$tmp/err")"
    continue
  fi
  "$lkjip" preview "$data" -o "$tmp/$name.md" >/dev/null 2>"$tmp/err" || fail "lkjip preview fails for $data: $(head -1 "$tmp/err")"
  $check words "$tmp/$name.md" "$tmp/$name.pdf" || failures=$((failures + 1))
  pdfs="$pdfs $tmp/$name.pdf"
done
[ -n "$pdfs" ] || fail "no samples found under $src/samples"
# shellcheck disable=SC2086
$check breaks "$src/tests/data/kbbi_words.txt" $pdfs || failures=$((failures + 1))

# Kerning pairs (Ta Te To Va Wa Ya Yo r. y,), slashes and a URL in a narrow column.
cat >"$tmp/kern.md" <<'MD'
# Tata Kelola

Tahun Anggaran Tawang Tegal Tomohon Vanuatu Wates Yogyakarta Yospan: kinerja r. dan y, pada
AVATAR dan "Tahun" serta (Tegal) diatur dalam Peraturan Wali Kota Pekalongan tentang Pedoman
Pengelolaan Keuangan Daerah; alamat https://sakip.pekalongankota.go.id/laporan/kinerja_tahunan/2024.

| No | Kategori | Predikat |
|---:|---|---|
| 1 | Sangat Tinggi / Sangat Berhasil | Sangat Tinggi/Sangat Berhasil |
| 2 | Sedang / Cukup Berhasil | Sedang/Cukup Berhasil |
MD
if "$lkjip" render "$tmp/kern.md" -o "$tmp/kern.pdf" 2>"$tmp/err"; then
  $check words "$tmp/kern.md" "$tmp/kern.pdf" || failures=$((failures + 1))
  $check breaks "$src/tests/data/kbbi_words.txt" "$tmp/kern.pdf" || failures=$((failures + 1))
  for w in Tahun Tawang Tegal Tomohon Vanuatu Wates Yogyakarta AVATAR; do
    pdftotext "$tmp/kern.pdf" - | grep -qw "$w" || fail "'$w' is not extracted whole from $tmp/kern.pdf"
  done
else
  fail "lkjip render fails for $tmp/kern.md: $(head -1 "$tmp/err")"
fi

[ "$failures" -eq 0 ] || { echo "$failures typography check(s) failed"; exit 1; }
echo "typography: all checks passed"
