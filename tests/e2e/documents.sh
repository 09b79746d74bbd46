#!/bin/sh
# End-to-end checks of the documents beside the LKjIP (issue 13): `--dokumen pk` of every sample
# and `--dokumen iku` of Kalimantan Barat build valid PDFs within the margins; the PK's two
# signatures stand side by side (one baseline, one in each half, from pdftotext -bbox); the
# decree's parts come in order; the refusals (no [pk] tanggal, no [keputusan_iku] nomor) are
# positioned errors with exit 1 and no output; check builds every kind the data gives and warns
# about an LKjIP without [pk]; batch builds PK-… and IKU-… beside LKjIP-….
# Usage: documents.sh LKJIP SOURCE_DIR
set -u
lkjip=$1
src=$2
check="python3 $src/tests/e2e/pdfcheck.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
set --

# --- The PK of every sample: valid, inside the margins, two signatures side by side. -----------
# The first word of each party's name as the sample gives it.
for pair in "kota-pekalongan/dindagkop-ukm-2024 H. Drs." "kota-pontianak/dinkumdag-2020 Ir. PIHAK" \
            "kota-probolinggo/dinkumdagin-2021 HABIB Ir." "provinsi-kalbar/diskumkm-2024 dr. Drs."; do
  data=$(echo "$pair" | cut -d' ' -f1); left=$(echo "$pair" | cut -d' ' -f2); right=$(echo "$pair" | cut -d' ' -f3)
  name=$(basename "$data")
  "$lkjip" build -q "$src/samples/$data.toml" --dokumen pk -o "$tmp/$name-pk.pdf" 2>"$tmp/err" ||
    { fail "lkjip build --dokumen pk fails for $data: $(head -1 "$tmp/err")"; continue; }
  set -- "$@" valid "$tmp/$name-pk.pdf" + margins "$tmp/$name-pk.pdf" + words "$tmp/$name-pk.pdf" "PIHAK PERTAMA" "PIHAK KEDUA" \
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif" +
  # Pontianak's seed lost the kepala dinas' name: the right column's first word is then PIHAK.
  if [ "$left" = "Ir." ]; then
    set -- "$@" signatures "$tmp/$name-pk.pdf" KEDUA, PERTAMA, +
  else
    set -- "$@" signatures "$tmp/$name-pk.pdf" "$left" "$right" +
  fi
done
set -- "$@" words "$tmp/dindagkop-ukm-2024-pk.pdf" "PERJANJIAN KINERJA PERUBAHAN TAHUN 2024" "Pekalongan, 9 Desember 2024" \
  "APBD Perubahan" +

# --- The IKU decree of Kalimantan Barat (seed 003), part by part. -------------------------------
kalbar="$src/samples/provinsi-kalbar/diskumkm-2024.toml"
if "$lkjip" build -q "$kalbar" --dokumen iku -o "$tmp/iku.pdf" 2>"$tmp/err"; then
  set -- "$@" valid "$tmp/iku.pdf" + margins "$tmp/iku.pdf" + order "$tmp/iku.pdf" "PEMERINTAH PROVINSI KALIMANTAN BARAT" \
    "Faks (0561) 732690" "KEPUTUSAN KEPALA DINAS KOPERASI" "NOMOR 17 TAHUN 2024" "TENTANG" "Menimbang" "a. bahwa" "b. bahwa" \
    "Mengingat" "Peraturan Pemerintah Nomor 8 Tahun 2008" "MEMUTUSKAN" "Menetapkan" "PERTAMA" "KEDUA" "Ditetapkan di Pontianak" \
    "pada tanggal 2 Januari 2024" "JUNAIDI" "Tembusan" "Kepala Biro Organisasi Setda Provinsi Kalimantan Barat" \
    "LAMPIRAN KEPUTUSAN" "PERIODE 2024" "Tugas Pokok" "Fungsi" "Persentase Koperasi Berkualitas" "Koperasi Sehat" "JUNAIDI" + words "$tmp/iku.pdf" "4,57" "Jumlah Koperasi Aktif" +
else
  fail "lkjip build --dokumen iku fails for Kalimantan Barat: $(head -1 "$tmp/err")"
fi

# --- The Renja 2024 of Kalimantan Barat (seed 001, issue 14): a report by the same checks as the
# LKjIP (page labels, Daftar Isi page numbers, outline, margins), its parts in order, the computed
# kegiatan pagu where the seed printed 352.728.181.
if "$lkjip" build -q "$kalbar" --dokumen renja -o "$tmp/renja.pdf" 2>"$tmp/err"; then
  set -- "$@" report "$tmp/renja.pdf" + margins "$tmp/renja.pdf" + order "$tmp/renja.pdf" "RENJA" "TAHUN 2024" \
    "KATA PENGANTAR" "DAFTAR ISI" "BAB I" "BAB II" "BAB III" "BAB IV" "BAB V" + words "$tmp/renja.pdf" "209.543.000" + \
    absent "$tmp/renja.pdf" "352.728.181" +
else
  fail "lkjip build --dokumen renja fails for Kalimantan Barat: $(head -1 "$tmp/err")"
fi
"$lkjip" build "$src/samples/kota-pontianak/dinkumdag-2020.toml" --dokumen renja -o "$tmp/none.pdf" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 1 ] || fail "--dokumen renja without [renja] exits $rc, not 1"
grep -q "dinkumdag-2020.toml:1:1: error: .*\[renja\] \`tanggal\`" "$tmp/err" || fail "no positioned error naming [renja] tanggal: $(head -1 "$tmp/err")"
[ -e "$tmp/none.pdf" ] && fail "--dokumen renja without [renja] wrote a PDF"

# --- Refusals: a positioned error naming the missing key, exit 1, nothing written. ---------------
pontianak="$src/samples/kota-pontianak/dinkumdag-2020.toml"
"$lkjip" build "$pontianak" --dokumen iku -o "$tmp/none.pdf" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 1 ] || fail "--dokumen iku without [keputusan_iku] exits $rc, not 1"
grep -q "dinkumdag-2020.toml:1:1: error: .*\[keputusan_iku\] \`nomor\`" "$tmp/err" || fail "no positioned error naming [keputusan_iku] nomor: $(head -1 "$tmp/err")"
[ -e "$tmp/none.pdf" ] && fail "--dokumen iku without [keputusan_iku] wrote a PDF"
sed '/^\[pk\]/,$d' "$pontianak" > "$tmp/tanpa-pk.toml"
cp "$src/samples/kota-pontianak/_pemda.toml" "$tmp/_pemda.toml"
"$lkjip" build "$tmp/tanpa-pk.toml" --dokumen pk -o "$tmp/none.pdf" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 1 ] || fail "--dokumen pk without [pk] exits $rc, not 1"
grep -q "tanpa-pk.toml:1:1: error: .*\[pk\] \`tanggal\`" "$tmp/err" || fail "no positioned error naming [pk] tanggal: $(head -1 "$tmp/err")"
[ -e "$tmp/none.pdf" ] && fail "--dokumen pk without [pk] wrote a PDF"
printf '\n[pk]\ntempat = "Pontianak"\n' >> "$tmp/tanpa-pk.toml"
"$lkjip" build "$tmp/tanpa-pk.toml" --dokumen pk -o "$tmp/none.pdf" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 1 ] || fail "[pk] without tanggal exits $rc, not 1"
grep -q "tanpa-pk.toml:[0-9]*:1: error: \[pk\] is missing the required key \`tanggal\`" "$tmp/err" ||
  fail "no positioned error for [pk] without tanggal: $(head -1 "$tmp/err")"
printf '\n[keputusan_iku]\ntanggal = 2020-01-02\nmenimbang = ["bahwa …;"]\n' > "$tmp/iku-part.toml"
sed '/^\[pk\]/,$d' "$pontianak" > "$tmp/tanpa-nomor.toml"
cat "$tmp/iku-part.toml" >> "$tmp/tanpa-nomor.toml"
"$lkjip" build "$tmp/tanpa-nomor.toml" --dokumen iku -o "$tmp/none.pdf" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 1 ] || fail "[keputusan_iku] without nomor exits $rc, not 1"
grep -q "tanpa-nomor.toml:[0-9]*:1: error: \[keputusan_iku\] is missing the required key \`nomor\`" "$tmp/err" ||
  fail "no positioned error for [keputusan_iku] without nomor: $(head -1 "$tmp/err")"

# --- check: an LKjIP without [pk] is warned about, and its Lampiran says so in one sentence. ------
sed '/^\[pk\]/,$d' "$pontianak" > "$tmp/tanpa-pk.toml"
"$lkjip" check "$tmp/tanpa-pk.toml" 2>"$tmp/err" || fail "check fails for an LKjIP without [pk]"
grep -q "warning: the data file has no \[pk\]" "$tmp/err" || fail "check does not warn about the missing [pk]"
"$lkjip" preview "$tmp/tanpa-pk.toml" | grep -q "^Dokumen Perjanjian Kinerja Tahun 2020 tidak disertakan dalam lampiran laporan ini.$" ||
  fail "the Lampiran of an LKjIP without [pk] does not say that its PK is not attached"
"$lkjip" check "$tmp/tanpa-pk.toml" --dokumen pk 2>"$tmp/err"; rc=$?
[ "$rc" -eq 1 ] || fail "check --dokumen pk without [pk] exits $rc, not 1"
"$lkjip" preview "$kalbar" --dokumen pk --bab 2 >/dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] || fail "preview --dokumen pk --bab exits $rc, not 2"

# --- batch: every kind asked for, beside each other; kinds a file does not give are noted. -------
"$lkjip" batch "$src/samples" -o "$tmp/out" --dokumen lkjip --dokumen pk --dokumen iku -j 2 2>"$tmp/err" ||
  fail "batch of three kinds fails: $(grep -m1 error "$tmp/err")"
for f in LKjIP-2024-diskumkm-provinsi-kalimantan-barat.pdf PK-2024-diskumkm-provinsi-kalimantan-barat.pdf \
         IKU-2024-diskumkm-provinsi-kalimantan-barat.pdf PK-2020-dinas-koperasi-usaha-mikro-dan-perdagangan-kota-pontianak.pdf; do
  [ -s "$tmp/out/$f" ] || fail "batch did not write $f ($(ls "$tmp/out" | tr '\n' ' '))"
done
[ "$(ls "$tmp/out"/*.pdf | wc -l)" -eq 9 ] || fail "batch wrote $(ls "$tmp/out"/*.pdf | wc -l) PDFs, not 4 LKjIP + 4 PK + 1 IKU"
grep -q "dinkumdag-2020.toml: note: no \[keputusan_iku\]" "$tmp/err" || fail "batch does not note the files without [keputusan_iku]"

$check "$@" || failures=$((failures + $?))
[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "documents: all checks passed"
