#!/bin/sh
# `lkjip import` and `lkjip init --workbook` (issue 21). Each sample's program tree exported as a
# finance system lays it out (tests/e2e/import_fixture.py, python3-openpyxl), its staff tables and
# the realisasi of its indicators: imported, the parts named in `sertakan` of the sample without
# those values, the built report is the sample's byte for byte, and the import reports the
# seed's wrong totals as `lkjip check` does. Then bad input, each one positioned error, exit 1,
# nothing written; the template workbook read back.
# Usage: import.sh LKJIP SOURCE_DIR
set -u
lkjip=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
py=/usr/bin/python3
[ -x "$py" ] || py=python3
fixture="$src/tests/e2e/import_fixture.py"

# The Pontianak sample (2020) has the codes of Permendagri 13/2006, which the import refuses
# (below), and staff tables over the years; its indicators are imported.
for data in kota-pekalongan/dindagkop-ukm-2024 kota-probolinggo/dinkumdagin-2021 provinsi-kalbar/diskumkm-2024 \
            kota-pontianak/dinkumdag-2020; do
  dir=$(dirname "$data"); name=$(basename "$data")
  rm -rf "$tmp/s"; cp -r "$src/samples/$dir" "$tmp/s"
  parts=""; kinds=""
  if [ "$dir" != kota-pontianak ]; then
    "$py" "$fixture" budget "$tmp/s/$name.toml" "$tmp/s/export.xlsx" || { fail "fixture of $data"; continue; }
    "$lkjip" import "$tmp/s/export.xlsx" -o "$tmp/s/anggaran.toml" 2>"$tmp/err" || fail "import of the budget of $data: $(head -3 "$tmp/err")"
    # The stated totals the seed got wrong, reported as check reports them (the sasaran tables are not in the export).
    "$lkjip" check "$src/samples/$data.toml" 2>&1 | sed -n 's/.*warning: //p' |
      grep -E '^((program|kegiatan|sub kegiatan|urusan) [0-9.]+|the agency) states [a-z ]+ Rp' | sort >"$tmp/want"
    grep 'states' "$tmp/err" | sed 's/.*warning: //' | sort >"$tmp/got"
    cmp -s "$tmp/want" "$tmp/got" || { fail "the import of $data reports other totals than check:"; diff "$tmp/want" "$tmp/got"; }
    grep -q 'export.xlsx:Realisasi![A-F][0-9]*: warning' "$tmp/err" || [ ! -s "$tmp/want" ] || fail "the warnings of $data name no cell"
    mkdir -p "$tmp/s/again"
    "$lkjip" import -q "$tmp/s/export.xlsx" -o "$tmp/s/anggaran.toml" 2>/dev/null
    (cd "$tmp/s" && "$lkjip" import -q export.xlsx -o again/anggaran.toml 2>/dev/null)
    grep -v '^# Made by' "$tmp/s/anggaran.toml" >"$tmp/a1"; grep -v '^# Made by' "$tmp/s/again/anggaran.toml" >"$tmp/a2"
    cmp -s "$tmp/a1" "$tmp/a2" || fail "two imports of $data differ"
    parts="anggaran.toml"; kinds="budget"
  fi
  if grep -q '^\[\[pegawai\]\]' "$src/samples/$data.toml" && [ "$dir" = kota-pekalongan ]; then
    "$py" "$fixture" staff "$tmp/s/$name.toml" "$tmp/s/staff.xlsx"
    "$lkjip" import -q "$tmp/s/staff.xlsx" --jenis pegawai -o "$tmp/s/pegawai.toml" 2>"$tmp/err" || fail "import of the staff of $data: $(head -3 "$tmp/err")"
    parts="$parts,pegawai.toml"; kinds="$kinds,staff"
  fi
  "$py" "$fixture" indicators "$tmp/s/$name.toml" "$tmp/s/realisasi.csv"
  "$lkjip" import -q "$tmp/s/realisasi.csv" -o "$tmp/s/realisasi.toml" 2>"$tmp/err" || fail "import of the indicators of $data: $(head -3 "$tmp/err")"
  parts="${parts:+$parts,}realisasi.toml"; kinds="${kinds:+$kinds,}indicators"
  "$py" "$fixture" strip "$tmp/s/$name.toml" "$tmp/s/parts.toml" "$parts" "$kinds"
  "$lkjip" build -q "$tmp/s/$name.toml" -o "$tmp/want.pdf" 2>/dev/null
  "$lkjip" build -q "$tmp/s/parts.toml" -o "$tmp/got.pdf" 2>"$tmp/err" || fail "build of $data from its parts: $(head -3 "$tmp/err")"
  cmp -s "$tmp/want.pdf" "$tmp/got.pdf" || fail "$data built from imported parts ($parts) is not the sample's PDF"
  # batch over the folder builds the data file, not its parts.
  if [ "$dir" = kota-pekalongan ]; then
    rm -rf "$tmp/b" "$tmp/bout"; cp -r "$tmp/s" "$tmp/b"; rm -rf "$tmp/b/$name.toml" "$tmp/b/again"
    "$lkjip" batch "$tmp/b" -o "$tmp/bout" >"$tmp/out" 2>&1 || fail "batch over a folder with parts: $(tail -3 "$tmp/out")"
    grep -q '^1 document: 1 built' "$tmp/out" || fail "batch built the parts as documents: $(tail -1 "$tmp/out")"
  fi
done

# ---- bad input: one positioned error, exit 1, nothing written, an existing output untouched
cd "$tmp" || exit 1
printf 'old\n' >keep.toml
bad() {  # bad WHAT EXPECTED-STDERR-PATTERN FILE [ARGS...]
  what=$1; want=$2; shift 2
  cp keep.toml out.toml
  "$lkjip" import "$@" -o out.toml >o 2>e
  rc=$?
  [ $rc -eq 1 ] || fail "$what: exit $rc, not 1"
  grep -q -- "$want" e || { fail "$what: no '$want' in:"; cat e; }
  [ "$(cat out.toml)" = old ] || fail "$what: the output was replaced"
  [ "$(grep -c ': error: ' e)" -eq 1 ] || { fail "$what: not one error:"; cat e; }
}
hdr='Kode;Uraian;Pagu;Realisasi'
printf '%s\n2.17;Urusan Koperasi;;\n2.17.03;Program Pengawasan;;\n2.17.03.2.01;Kegiatan Pemeriksaan;;\n2.17.03.2.01.0001;Sub Kegiatan Pengawasan;110.667.000;abc\n' "$hdr" >money.csv
bad "text in a money column" 'money.csv:money!D5: error: `abc` in the realisasi column is not an amount of money' money.csv
printf '%s\n2.17.03;Program Pengawasan;;\n2.17.03.2.01;Kegiatan A;;\n2.17.3.2.01.0001;Sub B;5;5\n' "$hdr" >shape.csv
bad "a code of no Permendagri 90 shape" 'shape.csv:shape!A4: error: `2.17.3.2.01.0001` does not have the shape' shape.csv
printf '%s\n2.17.03;Program Pengawasan;;\n2.17.03.2.01;Kegiatan A;;\n2.17.05.2.01.0001;Sub B;5;5\n' "$hdr" >tree.csv
bad "a child under another parent" 'tree.csv:tree!A4: error: sub kegiatan 2.17.05.2.01.0001 is listed under kegiatan 2.17.03.2.01 (tree!A3), not under its kegiatan 2.17.05.2.01' tree.csv
printf '%s\n2.17.03.2.01.0001;Sub A;5;5\n2.17.03.2.01.0001;Sub A;5;5\n' "$hdr" >twice.csv
bad "a code listed twice" 'twice.csv:twice!A3: error: the code 2.17.03.2.01.0001 is listed twice; it is first at twice!A2' twice.csv
printf 'Nomor,Nama Barang,Harga\n1,Meja,500\n' >nohead.csv
bad "a sheet without recognisable columns" 'nohead.csv:nohead!A1: error: sheet `nohead` has the header of no layout' nohead.csv
printf '%s\n2.17.03.2.01.0001;Sub A;5;5\n' "$hdr" >one.csv
bad "a sheet that is not there" "one.csv: error: the workbook has no sheet \`Anggaran\`" one.csv --sheet Anggaran
cp "$src/samples/kota-pekalongan/logo-contoh.png" logo.xlsx
bad "a file that is not a workbook" 'logo.xlsx: error:' logo.xlsx
printf 'jenis = "anggaran"\n[kolom]\nkode = "A"\npagu = "Anggaran Murni"\n' >map.toml
bad "a mapping naming a missing column" 'map.toml:4:8: error: the mapping names the column `Anggaran Murni`' one.csv --map map.toml
printf 'jenis = "anggaran"\n[kolom]\nkodee = "A"\n' >map2.toml
bad "a mapping with an unknown role" "map2.toml:3:9: error: \`kodee\` is not a column" one.csv --map map2.toml
"$lkjip" import one.csv -o one.csv >o 2>e && fail "import over its own input succeeded"
grep -q 'Sub A' one.csv || fail "import over its own input replaced it"

# ---- a mapping file: columns by letter and by header, the header row given
printf 'Laporan;;;;\n;;;;\nNo;Kd;Nama Kegiatan;Anggaran Murni;Serapan Rp\n1;2.17.03.2.01.0001;Sub A;"1.234,50";(1.000)\n' >mapped.csv
printf 'jenis = "anggaran"\nbaris_judul = 3\n[kolom]\nkode = "B"\nuraian = "C"\npagu = "Anggaran Murni"\nrealisasi = "E"\n' >map3.toml
"$lkjip" import -q mapped.csv --map map3.toml -o mapped.toml 2>e || { fail "import with a mapping"; cat e; }
grep -q '^pagu = "1234.50"$' mapped.toml || fail "the mapped pagu with sen: $(grep pagu mapped.toml)"
grep -q '^realisasi = -1_000$' mapped.toml || fail "a negative in parentheses: $(grep realisasi mapped.toml)"
grep -q '^kode = "2.17.03"$' mapped.toml || fail "the implied program of a sheet of sub kegiatan rows only"

# ---- init --workbook: the template reads back, every sheet with its layout's header
"$lkjip" init --workbook isian.xlsx 2>e || fail "init --workbook: $(cat e)"
"$lkjip" init --workbook isian.xlsx 2>e && fail "init --workbook over an existing file succeeded"
"$py" - isian.xlsx <<'PY' || fail "the template workbook"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Anggaran", "Golongan", "Pendidikan", "Indikator"], wb.sheetnames
head = [c.value for c in wb["Anggaran"][3]]
assert head[:2] == ["Kode", "Uraian"] and "Anggaran" in head and "Realisasi" in head, head
assert [c.value for c in wb["Golongan"][4]][1:3] == ["L", "P"]
PY
# Filled in (one row each), every sheet imports.
"$py" - isian.xlsx <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
a = wb["Anggaran"]; a.append(["2.17.03.2.01.0001", "Sub Kegiatan Pengawasan", 1000, 1000, 900])
g = wb["Golongan"]; g.append(["Sekretariat", 0, 0, 1, 2, 3, 4, 0, 0, 10])
i = wb["Indikator"]; i.append(["IKU-1", "Indeks Kepuasan", 2024, "85,6"])
wb.save(sys.argv[1])
PY
"$lkjip" import -q isian.xlsx --sheet Anggaran -o a.toml 2>e || fail "the filled Anggaran sheet: $(cat e)"
grep -q '^pagu_perubahan = 1_000$' a.toml || fail "the template's Setelah Perubahan column"
"$lkjip" import -q isian.xlsx --jenis pegawai -o p.toml 2>e || fail "the filled staff sheets: $(cat e)"
grep -q 'l = \[0, 1, 3, 0\], p = \[0, 2, 4, 0\]' p.toml || fail "the template's staff sheet: $(grep unit p.toml)"
"$lkjip" import -q isian.xlsx --sheet Indikator -o i.toml 2>e || fail "the filled Indikator sheet: $(cat e)"
grep -q 'realisasi = { 2024 = 85.6 }' i.toml || fail "the template's indicator sheet: $(cat i.toml)"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "import: every sample from its imported parts; bad input refused"
