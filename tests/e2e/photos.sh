#!/bin/sh
# End-to-end check of the pictures a data file names (issue 6): the cover logo and a sasaran's
# dokumentasi photos, paths relative to the data file, become images in the PDF, each photo a
# numbered figure listed in the Daftar Gambar; a missing photo is an error at its `berkas` key,
# with exit 1 and no PDF. The images are made here (python3's zlib), not shipped.
# Usage: photos.sh LKJIP SOURCE_DIR
set -u
lkjip=$1
src=$2
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

mkdir -p "$tmp/dinas/foto" "$tmp/dinas/gambar"
# Three RGB PNGs of different shapes: a square logo, a landscape and a portrait photo.
python3 - "$tmp/dinas" <<'EOF'
import struct, sys, zlib
def png(path, w, h, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
d = sys.argv[1]
png(d + "/gambar/logo.png", 120, 140, (30, 90, 40))
png(d + "/foto/rapat.png", 640, 480, (200, 120, 60))
png(d + "/foto/pelatihan.png", 480, 640, (60, 120, 200))
EOF

# The smallest data file, with a logo on the instansi and two photos on its sasaran.
sed -e 's/^nama = "Dinas Contoh"$/nama = "Dinas Contoh"\nlogo = "gambar\/logo.png"/' \
    -e 's/^analisis = "Tercapai."$/analisis = "Tercapai."\nfoto = [\n  { berkas = "foto\/rapat.png", keterangan = "Rapat koordinasi evaluasi kinerja" },\n  { berkas = "foto\/pelatihan.png", keterangan = "Pelatihan penyusunan laporan kinerja" },\n]/' \
    "$src/tests/data/minimal.toml" >"$tmp/dinas/data.toml"
grep -q 'logo = "gambar/logo.png"' "$tmp/dinas/data.toml" && grep -q 'foto/pelatihan.png' "$tmp/dinas/data.toml" ||
  fail "the test data file was not made (tests/data/minimal.toml changed?)"

# 1. Built from another folder: the paths are relative to the data file, not to the caller.
cd "$tmp" || exit 1
"$lkjip" build -q dinas/data.toml -o out.pdf 2>err; rc=$?
[ "$rc" -eq 0 ] || { fail "build with photos exits $rc"; cat err; }
if [ -s out.pdf ]; then
  images=$(pdfimages -list out.pdf | awk 'NR > 2 && $3 == "image" {print $4 "x" $5}' | sort | tr '\n' ' ')
  [ "$images" = "120x140 480x640 640x480 " ] || fail "the PDF's images are '$images', expected the logo and two photos"
  # The logo on the cover page (page 1).
  pdfimages -list -f 1 -l 1 out.pdf | grep -q ' 120 *140 ' || fail "no logo on the cover"
  pdftotext -layout out.pdf out.txt
  grep -q 'Gambar 3\.[0-9]* *Rapat koordinasi evaluasi kinerja' out.txt || fail "the first photo has no numbered caption"
  grep -q 'Gambar 3\.[0-9]* *Pelatihan penyusunan laporan kinerja' out.txt || fail "the second photo has no numbered caption"
  # Both listed in the Daftar Gambar: the list's own title (the second "DAFTAR GAMBAR", after
  # its Daftar Isi entry) up to the BAB I title page.
  awk '/DAFTAR GAMBAR/{n++; if (n == 2) on = 1} on && /^ *BAB I *$/{exit} on' out.txt >list.txt
  grep -q 'Rapat koordinasi evaluasi kinerja' list.txt && grep -q 'Pelatihan penyusunan laporan kinerja' list.txt ||
    fail "the photos are not in the Daftar Gambar"
fi

# A photo the build cannot use: one error at its berkas key, exit 1, no PDF.
# Usage: image_error WHAT NAME (the data file with pelatihan.png replaced by NAME).
image_error() {
  what=$1 name=$2
  sed "s/foto\/pelatihan.png/foto\/$name/" dinas/data.toml >"dinas/$name.toml"
  line=$(grep -n "$name" "dinas/$name.toml" | cut -d: -f1)
  "$lkjip" build -q "dinas/$name.toml" -o "$name.pdf" 2>err; rc=$?
  [ "$rc" -eq 1 ] || fail "$what: build exits $rc, expected 1"
  grep -q "^dinas/$name.toml:$line:[0-9]*: error: .*$name" err ||
    fail "$what: no error at dinas/$name.toml:$line (stderr: $(head -1 err))"
  [ ! -e "$name.pdf" ] || fail "$what: $name.pdf written"
}
# 2. A missing photo.
image_error "a missing photo" tidak-ada.png
# 3. A photo that is not an image.
printf 'bukan gambar' >dinas/foto/palsu.png
image_error "a photo that is no image" palsu.png

[ "$failures" -eq 0 ] && echo "photos: all checks passed"
[ "$failures" -eq 0 ]
