#!/bin/sh
# `lkjip next` (issue 21): the next year's file of every sample passes `lkjip check` (warnings
# naming what is still to fill, no error) and builds; written into another folder its `extends`
# still resolves; a second `next` runs on the first; refusals write nothing.
# Usage: next.sh LKJIP SOURCE_DIR
set -u
lkjip=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

for data in kota-pekalongan/dindagkop-ukm-2024 kota-pontianak/dinkumdag-2020 kota-probolinggo/dinkumdagin-2021 \
            provinsi-kalbar/diskumkm-2024; do
  dir=$(dirname "$data"); name=$(basename "$data")
  rm -rf "$tmp/s" "$tmp/out"; cp -r "$src/samples/$dir" "$tmp/s"; mkdir -p "$tmp/out/tahun-depan"
  year=$(sed -n 's/^tahun = \([0-9]*\).*/\1/p' "$tmp/s/$name.toml" | head -1)
  next=$((year + 1))
  # Into another folder: the parent and the logo are found from there.
  "$lkjip" next "$tmp/s/$name.toml" -o "$tmp/out/tahun-depan/next.toml" 2>"$tmp/err" || { fail "next of $data: $(head -3 "$tmp/err")"; continue; }
  grep -q "the data of $next; still to fill in:" "$tmp/err" || fail "next of $data lists nothing to fill: $(head -2 "$tmp/err")"
  grep -q "DPA $next" "$tmp/err" || fail "next of $data does not name the budget of $next"
  head -1 "$tmp/out/tahun-depan/next.toml" | grep -q "^# " || fail "the next file of $data does not start with its list"
  grep -q "^tahun = $next\$" "$tmp/out/tahun-depan/next.toml" || fail "the next file of $data is not of $next"
  "$lkjip" check "$tmp/out/tahun-depan/next.toml" >"$tmp/check" 2>&1 || { fail "check of the next file of $data:"; grep error "$tmp/check" | head -5; }
  grep -q "warning: the DPA $next is not in the data yet" "$tmp/check" || fail "check of the next file of $data does not say the budget is to fill"
  "$lkjip" build -q "$tmp/out/tahun-depan/next.toml" -o "$tmp/out/next.pdf" 2>"$tmp/err" || fail "build of the next file of $data: $(head -3 "$tmp/err")"
  # Nothing of the year reported is printed as the next year's: no realisasi anggaran of it.
  grep -q '^realisasi = [0-9"]' "$tmp/out/tahun-depan/next.toml" && fail "the next file of $data carries a realisasi anggaran"
  grep -q '^pagu = [0-9"]' "$tmp/out/tahun-depan/next.toml" && fail "the next file of $data carries a pagu"
  # The year after: next runs on its own output.
  "$lkjip" next -q "$tmp/out/tahun-depan/next.toml" -o "$tmp/out/next2.toml" 2>"$tmp/err" || fail "next of the next file of $data: $(head -3 "$tmp/err")"
  "$lkjip" check -q "$tmp/out/next2.toml" >/dev/null 2>&1 || fail "check of the second next file of $data"
done

cd "$tmp" || exit 1
cp -r "$src/samples/kota-pekalongan" p
"$lkjip" next p/dindagkop-ukm-2024.toml -o p/2025.toml 2>/dev/null || fail "next of the Pekalongan sample"
printf 'keep\n' >p/2025.toml
"$lkjip" next p/dindagkop-ukm-2024.toml -o p/2025.toml >o 2>e && fail "next over an existing file succeeded"
grep -q 'the file exists' e || fail "next over an existing file: $(cat e)"
[ "$(cat p/2025.toml)" = keep ] || fail "next replaced an existing file"
"$lkjip" next p/dindagkop-ukm-2024.toml -o p/2025.toml --force 2>/dev/null || fail "next --force"
grep -q '^tahun = 2025$' p/2025.toml || fail "next --force did not write the file"
"$lkjip" next p/dindagkop-ukm-2024.toml -o p/dindagkop-ukm-2024.toml --force >o 2>e && fail "next over its own input succeeded"
grep -q 'tahun = 2024' p/dindagkop-ukm-2024.toml || fail "next replaced its own input"
printf 'extends = "_pemda.toml"\n[laporan]\ntahun = "dua ribu"\n' >p/rusak.toml
"$lkjip" next p/rusak.toml -o p/rusak-next.toml >o 2>e && fail "next of a file with errors succeeded"
grep -q 'rusak.toml:3:' e || fail "next of a file with errors: no position: $(head -2 e)"
[ -e p/rusak-next.toml ] && fail "next of a file with errors wrote a file"
"$lkjip" next p/dindagkop-ukm-2024.toml -o - 2>/dev/null | grep -q '^tahun = 2025$' || fail "next -o - (standard output)"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "next: every sample's next year checks and builds; refusals write nothing"
