#!/bin/sh
# The Word output (issue 20). For every sample and every document it gives: `build --docx` writes
# a package `unzip -t` finds clean, byte-identical on a second run; python3-docx opens it and finds
# every heading, caption and table cell of the Markdown (docx_check.py); LibreOffice headless
# converts it to PDF without error, and that PDF holds every figure of the report's tables. Then
# `render --docx`, `batch --format`, and the refusals: nothing is written on error.
# Usage: docx.sh LKJIP SOURCE_DIR
set -u
lkjip=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# python3-docx is a Debian package: the system's python, whatever python3 a PATH puts first.
py=/usr/bin/python3
check="$src/tests/e2e/docx_check.py"

mkdir -p "$tmp/out"
set --
for data in kota-pekalongan/dindagkop-ukm-2024 kota-pontianak/dinkumdag-2020 kota-probolinggo/dinkumdagin-2021 \
            provinsi-kalbar/diskumkm-2024; do
  name=$(echo "$data" | tr / -)
  for kind in lkjip pk iku renja; do
    out="$tmp/out/$name-$kind"
    "$lkjip" build -q --dokumen "$kind" "$src/samples/$data.toml" -o "$out.pdf" --docx "$out.docx" --md "$out.md" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -ne 0 ]; then
      # A sample without a PK or a decree says so; anything else is a failure.
      grep -q "error" "$tmp/err" && ! grep -q "\[$kind\]\|\[pk\]\|\[keputusan_iku\]\|\[renja\]" "$tmp/err" && fail "build --docx of $data ($kind): $(head -3 "$tmp/err")"
      [ -e "$out.docx" ] && fail "a failed build of $data ($kind) wrote $out.docx"
      continue
    fi
    unzip -tq "$out.docx" >"$tmp/unzip" 2>&1 || fail "unzip -t of $data ($kind): $(head -3 "$tmp/unzip")"
    "$lkjip" build -q --dokumen "$kind" "$src/samples/$data.toml" --format docx --docx "$out.again.docx" 2>/dev/null
    cmp -s "$out.docx" "$out.again.docx" || fail "two builds of the Word file of $data ($kind) differ"
    [ -e "$out.again.pdf" ] && fail "--format docx wrote a PDF"
    set -- "$@" "$out.docx"
  done
done
[ "$#" -ge 8 ] || fail "only $# Word files were built"

# LibreOffice, once for all the files (a profile of its own: tests run in parallel).
mkdir -p "$tmp/lo"
if ! soffice -env:UserInstallation="file://$tmp/profile" --headless --convert-to pdf --outdir "$tmp/lo" "$@" >"$tmp/lo.log" 2>&1; then
  fail "LibreOffice could not convert the Word files: $(tail -3 "$tmp/lo.log")"
fi
for f in "$@"; do
  base=$(basename "$f" .docx)
  pdf="$tmp/lo/$base.pdf"
  if [ ! -s "$pdf" ]; then
    fail "LibreOffice wrote no PDF of $base.docx"
    "$py" "$check" "${f%.docx}.md" "$f" || fail "python3-docx finds $base.docx incomplete"
    continue
  fi
  pdftotext "$pdf" "$tmp/lo/$base.txt" 2>/dev/null || fail "pdftotext of LibreOffice's $base.pdf"
  "$py" "$check" "${f%.docx}.md" "$f" "$tmp/lo/$base.txt" || fail "the Word file $base.docx does not hold its Markdown"
  # Page for page within a few: the same layout drives both.
  a=$(pdfinfo "${f%.docx}.pdf" | sed -n 's/^Pages: *//p'); b=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
  [ $((b - a)) -le $((a / 8 + 2)) ] && [ $((a - b)) -le $((a / 8 + 2)) ] || fail "$base: $a pages in the PDF, $b in LibreOffice's"
done

# The checker itself fails on a Word file of another report.
"$py" "$check" "$tmp/out/kota-pekalongan-dindagkop-ukm-2024-lkjip.md" "$tmp/out/provinsi-kalbar-diskumkm-2024-lkjip.docx" >/dev/null 2>&1 &&
  fail "docx_check.py accepts the Word file of another report"

# Word-native structure of one report.
d="$tmp/out/kota-pekalongan-dindagkop-ukm-2024-lkjip.docx"
unzip -p "$d" word/document.xml >"$tmp/document.xml"
for needle in 'TOC \o &quot;1-3&quot;' 'TOC \h \z \c &quot;Tabel&quot;' 'TOC \h \z \c &quot;Gambar&quot;' 'SEQ Tabel' 'SEQ Gambar' 'PAGEREF _Toc' \
              '<w:tblHeader/>' '<w:gridSpan w:val="2"/>' '<w:vMerge w:val="restart"/>' 'w:fmt="lowerRoman" w:start="1"' \
              'w:fmt="decimal" w:start="1"' 'w:orient="landscape"' '<c:chart ' '<w:pStyle w:val="Heading1"/>'; do
  grep -qF "$needle" "$tmp/document.xml" || fail "the Word file has no $needle"
done
unzip -p "$d" word/footer1.xml | grep -qF 'PAGE' || fail "the footer has no PAGE field"
unzip -p "$d" word/styles.xml | grep -qF 'Times New Roman' || fail "the styles do not name Times New Roman"

cd "$tmp" || exit 1
# render --docx, with and without a PDF.
cp "$src/samples/kota-pekalongan/logo-contoh.png" logo.png
cat >doc.md <<'EOF'
# BAB I PENDAHULUAN

## 1.1 Latar Belakang

Teks **tebal** dan *miring*, dengan [tautan](https://example.org).

**Tabel 1.1** Contoh

| No | Uraian | Tahun 2024 > Target | Tahun 2024 > Realisasi |
|---:|---|---:|---:|
| 1 | Satu | 1.234,50 | 1.300,00 |
| **Jumlah** | | **1.234,50** | **1.300,00** |

**Gambar 1.1** Logo

![Logo](logo.png)
EOF
"$lkjip" render doc.md --docx doc.docx 2>err || fail "render --docx: $(head -3 err)"
[ -e doc.pdf ] && fail "render --docx alone wrote a PDF"
"$lkjip" render doc.md -o doc.pdf --docx doc2.docx 2>err || fail "render -o --docx: $(head -3 err)"
[ -s doc.pdf ] && [ -s doc2.docx ] || fail "render -o --docx did not write both"
cmp -s doc.docx doc2.docx || fail "render --docx with and without the PDF differ"
"$py" "$check" doc.md doc.docx || fail "the rendered Word file does not hold its Markdown"
unzip -l doc.docx | grep -q 'word/media/image1.png' || fail "the image is not in the Word file"

# Bad input: an image that cannot be embedded is an error at its line; nothing is written.
printf '# A\n\n![x](hilang.png)\n' >bad.md
"$lkjip" render bad.md --docx bad.docx 2>err && fail "render --docx of a missing image succeeded"
grep -q "bad.md:3:" err || fail "the missing image is not an error at its line: $(head -2 err)"
[ -e bad.docx ] && fail "a failed render wrote bad.docx"
printf 'not a png' >fake.png
printf '# A\n\n![x](fake.png)\n' >fake.md
"$lkjip" render fake.md --docx fake.docx 2>err && fail "render --docx of a text file as an image succeeded"
[ -e fake.docx ] && fail "a failed render wrote fake.docx"
"$lkjip" render doc.md 2>err && fail "render without an output succeeded"
grep -q "nothing to write" err || fail "render without an output does not say so: $(head -2 err)"
"$lkjip" render doc.md --docx - 2>err && fail "render --docx - succeeded"
"$lkjip" render doc.md -o same.docx --docx same.docx 2>err && fail "render with -o and --docx one file succeeded"
[ -e same.docx ] && fail "a refused render wrote same.docx"

# build: --format docx refuses -o; --docx never replaces an input; the default names.
cp -r "$src/samples/kota-pekalongan" p
"$lkjip" build -q p/dindagkop-ukm-2024.toml --format docx -o p/x.pdf 2>err && fail "--format docx with -o succeeded"
[ -e p/x.pdf ] && fail "a refused build wrote p/x.pdf"
"$lkjip" build -q p/dindagkop-ukm-2024.toml --docx p/dindagkop-ukm-2024.toml 2>err && fail "--docx over the data file succeeded"
grep -q "^\[gaya\]\|^\[instansi\]" p/dindagkop-ukm-2024.toml || fail "the data file was replaced"
"$lkjip" build -q p/dindagkop-ukm-2024.toml --format pdf,docx 2>err || fail "--format pdf,docx: $(head -3 err)"
[ -s p/dindagkop-ukm-2024.pdf ] && [ -s p/dindagkop-ukm-2024.docx ] || fail "--format pdf,docx did not write both default names"
"$lkjip" build -q p/dindagkop-ukm-2024.toml --dokumen pk --format docx 2>err || fail "--dokumen pk --format docx: $(head -3 err)"
[ -s p/dindagkop-ukm-2024-pk.docx ] || fail "--dokumen pk --format docx did not write dindagkop-ukm-2024-pk.docx"

# batch --format pdf,docx: both, then up to date; --format docx alone.
"$lkjip" batch -q p -o b --format pdf,docx 2>err || fail "batch --format pdf,docx: $(head -3 err)"
ls b/*.pdf >/dev/null 2>&1 && ls b/*.docx >/dev/null 2>&1 || fail "batch --format pdf,docx did not write both"
"$lkjip" batch p -o b --format pdf,docx 2>err || fail "second batch --format pdf,docx"
grep -q "up to date" err || fail "a second batch --format pdf,docx rebuilt: $(head -2 err)"
rm -f b/*.docx
"$lkjip" batch p -o b --format pdf,docx 2>err
ls b/*.docx >/dev/null 2>&1 || fail "batch did not rebuild a missing Word file"
"$lkjip" batch -q p -o j --format pdf,docx --json >j.json 2>err || fail "batch --format pdf,docx --json: $(head -3 err)"
grep -q '"docx": "j/LKjIP-2024-[a-z-]*\.docx"' j.json || fail "the --json summary does not name the Word file: $(head -c 300 j.json)"
"$lkjip" batch -q p -o c --format docx 2>err || fail "batch --format docx: $(head -3 err)"
ls c/*.docx >/dev/null 2>&1 || fail "batch --format docx wrote no Word file"
ls c/*.pdf >/dev/null 2>&1 && fail "batch --format docx wrote a PDF"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "docx: all checks passed"
