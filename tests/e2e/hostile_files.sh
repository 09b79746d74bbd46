#!/bin/sh
# Hostile files (issue 18, classes 1, 2, 8, 9, 10, 11): special files and unusable names as
# inputs, outputs that must not be replaced, a full standard output, temporary files of a killed
# batch, a JPEG whose size header is past the first 64 KiB. Every case is one error and exit 1
# (never a hang: each run is under `timeout 20`, never an internal error), or a build that works.
# Usage: hostile_files.sh LKJIP SOURCE_DIR
set -u
lkjip=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
run() { timeout 20 "$lkjip" "$@"; }

cd "$tmp" || exit 1
cp "$src/tests/data/minimal.toml" data.toml
printf 'extends = "data.toml"\n' >anak.toml
# A JPEG made here (python3): w x h grey pixels after APP bytes of APPn segments.
jpeg() {
  python3 - "$@" <<'PY'
import struct, sys
path, w, h, app = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
seg = lambda m, p: b'\xff' + bytes([m]) + struct.pack('>H', len(p) + 2) + p
out, n = b'\xff\xd8', 0
while app > 0:
    k = min(app, 65533); out += seg(0xE1 + n % 14, b'\0' * k); app -= k; n += 1
out += seg(0xDB, b'\x00' + b'\x01' * 64)
out += seg(0xC0, b'\x08' + struct.pack('>HH', h, w) + b'\x01\x01\x11\x00')
out += seg(0xC4, b'\x00\x01' + b'\x00' * 16) + seg(0xC4, b'\x10\x01' + b'\x00' * 16)
out += seg(0xDA, b'\x01\x01\x00\x00\x3f\x00')
bits = '00' * (((w + 7) // 8) * ((h + 7) // 8)); bits += '1' * (-len(bits) % 8)
open(path, 'wb').write(out + bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8)) + b'\xff\xd9')
PY
}
# The data file with a logo line after the instansi's nama: with_logo NAME FILE.
with_logo() { sed "s|^nama = \"Dinas Contoh\"\$|nama = \"Dinas Contoh\"\nlogo = \"$1\"|" data.toml >"$2"; }

# expect_error WHAT PATTERN COMMAND...: exit 1, a line of stderr matching PATTERN (grep -E), no
# internal error (the last-resort catch of main), within the timeout.
expect_error() {
  what=$1 pattern=$2
  shift 2
  run "$@" >out 2>err; rc=$?
  [ "$rc" -eq 1 ] || fail "$what: exit $rc, expected 1 (124: it hung)"
  grep -qE -- "$pattern" err || fail "$what: no message matching '$pattern' (stderr: $(head -2 err))"
  ! grep -q "internal error" err || fail "$what: reached the internal-error catch: $(cat err)"
}

# ---- class 1: special files as inputs --------------------------------------------------------
mkfifo pipe.toml pipe.png pipe.md
expect_error "FIFO data file (check)" "^pipe.toml: error: cannot read data file \`pipe.toml\`: it is a FIFO" check pipe.toml
expect_error "FIFO data file (build)" "it is a FIFO" build pipe.toml -o out.pdf
printf '\nextends = "pipe.toml"\n' >fifo-parent.toml
expect_error "FIFO extends parent" "^fifo-parent.toml:2:11: error: cannot read data file \`pipe.toml\`: it is a FIFO" check fifo-parent.toml
with_logo pipe.png fifo-logo.toml
line=$(grep -n '^logo = ' fifo-logo.toml | cut -d: -f1)
expect_error "FIFO logo" "^fifo-logo.toml:$line:8: error: cannot read image \`pipe.png\`: it is a FIFO" build fifo-logo.toml -o out.pdf
printf '# Judul\n\nTeks.\n\n![gambar](pipe.png)\n' >fifo-image.md
expect_error "FIFO image in Markdown" "^fifo-image.md:5:1: error: cannot read image \`pipe.png\`: it is a FIFO" render fifo-image.md -o out.pdf
expect_error "FIFO Markdown input" "^pipe.md: error: cannot read Markdown file \`pipe.md\`: it is a FIFO" render pipe.md -o out.pdf
for dev in /dev/zero /dev/urandom; do
  expect_error "$dev as data file" "^$dev: error: cannot read data file \`$dev\`: it is a character device" check "$dev"
  with_logo "$dev" dev-logo.toml
  expect_error "$dev as logo" "^dev-logo.toml:$line:8: error: cannot read image \`$dev\`: it is a character device" build dev-logo.toml -o out.pdf
done
[ ! -e out.pdf ] || fail "a failed build wrote out.pdf"
# A FIFO among batch inputs fails that document only; the others are built.
run batch data.toml pipe.toml -o batch-out >out 2>err; rc=$?
[ "$rc" -eq 1 ] || fail "batch with a FIFO input: exit $rc, expected 1 (124: it hung)"
grep -q "^pipe.toml: error: cannot read data file \`pipe.toml\`: it is a FIFO" err || fail "batch: the FIFO is not reported: $(cat err)"
[ "$(find batch-out -name '*.pdf' | wc -l)" -eq 1 ] || fail "batch: the good document was not built beside the FIFO"

# ---- class 2: names the file system refuses, positioned at `extends` --------------------------
long=$(printf '%0300d' 0)
printf '\nextends = "%s.toml"\n' "$long" >long.toml
expect_error "300-character extends" "^long.toml:2:11: error: .*the name is too long" check long.toml
ln -s loop.toml loop.toml
printf '\nextends = "loop.toml"\n' >loop-child.toml
expect_error "extends symlink loop" "^loop-child.toml:2:11: error: .*symbolic links" check loop-child.toml
# A folder component that is a file (ENOTDIR): refused as root too, unlike a permission.
printf '\nextends = "data.toml/induk.toml"\n' >notdir.toml
expect_error "extends through a file" "^notdir.toml:2:11: error: parent file \`data.toml/induk.toml\` does not exist" check notdir.toml
if [ "$(id -u)" -ne 0 ]; then
  cp data.toml locked.toml && chmod 000 locked.toml
  printf '\nextends = "locked.toml"\n' >locked-child.toml
  expect_error "extends permission denied" "^locked-child.toml:2:11: error: .*permission denied" check locked-child.toml
  expect_error "data file permission denied" "^locked.toml: error: .*permission denied" build locked.toml -o out.pdf
fi

# ---- class 8: outputs that are not regular files, or are inputs -------------------------------
# Device nodes of our own (as root) and a link like /dev/stdout: a regression must not destroy
# the machine's /dev/full or /dev/stdout (an old lkjip did, while this test was written).
if mknod dev-full c 1 7 2>/dev/null; then
  expect_error "-o a device" "^dev-full: error: cannot write \`dev-full\`: it is a character device" build data.toml -o dev-full
  [ -c dev-full ] || fail "-o a device replaced the device node"
fi
expect_error "-o a FIFO" "it is a FIFO" build data.toml -o pipe.png
[ -p pipe.png ] || fail "-o a FIFO replaced it"
expect_error "-o a folder" "it is a folder" build data.toml -o batch-out
ln -s /proc/self/fd/1 my-stdout
run build data.toml -o my-stdout 2>err | cat >piped; rc=$?
grep -q "my-stdout: error: cannot write \`my-stdout\`: it is a FIFO" err || fail "-o a link to a piped stdout: $(cat err)"
[ ! -s piped ] || fail "-o a link to a piped stdout wrote to the pipe"
run build data.toml -o my-stdout >captured 2>err; rc=$?
[ "$rc" -eq 1 ] || fail "-o a link to stdout redirected to a file: exit $rc, expected 1"
grep -q "it is lkjip's standard output" err || fail "-o stdout as a file: $(cat err)"
[ -L my-stdout ] || fail "-o my-stdout replaced the link"
cp data.toml before.toml
expect_error "-o the data file" "^data.toml: error: cannot write \`data.toml\`: it is one of the input files" build data.toml -o data.toml
expect_error "-o the extends parent" "^data.toml: error: .*one of the input files" build anak.toml -o data.toml
ln data.toml hard.toml && ln -s data.toml soft.toml
expect_error "-o a hard link to the input" "one of the input files" build anak.toml -o hard.toml
expect_error "-o a symlink to the parent" "one of the input files" build anak.toml -o soft.toml
expect_error "--md the parent" "one of the input files" build anak.toml --md soft.toml -o ok.pdf
expect_error "preview -o the input" "one of the input files" preview data.toml -o data.toml
printf '# Judul\n\nTeks.\n' >doc.md
expect_error "render -o its input" "^doc.md: error: .*one of the input files" render doc.md -o doc.md
cmp -s data.toml before.toml || fail "an output replaced the data file"
[ -L soft.toml ] || fail "the symlink was replaced"
[ ! -e ok.pdf ] || fail "a refused --md still let -o write ok.pdf"
# An existing output keeps its mode; a new one gets the umask's.
: >keep.pdf && chmod 600 keep.pdf
run build data.toml -o keep.pdf 2>err || fail "build over a 0600 file: $(cat err)"
[ "$(stat -c %a keep.pdf)" = 600 ] || fail "keep.pdf became $(stat -c %a keep.pdf), expected 600"
[ -s keep.pdf ] || fail "keep.pdf is empty"
(umask 027 && run build data.toml -o new.pdf 2>err) || fail "build to a new file: $(cat err)"
[ "$(stat -c %a new.pdf)" = 640 ] || fail "new.pdf is $(stat -c %a new.pdf), expected 640 (umask 027)"
: >init-keep.toml && chmod 600 init-keep.toml
run init --force init-keep.toml 2>err || fail "init --force: $(cat err)"
[ "$(stat -c %a init-keep.toml)" = 600 ] || fail "init --force changed the mode"
ls -a | grep -q '\.tmp$' && fail "a temporary file stayed behind: $(ls -a | grep '\.tmp$')"

# ---- class 9: a full standard output ----------------------------------------------------------
full=""
if [ -c /dev/full ]; then full=/dev/full; elif [ -c dev-full ]; then full=dev-full; fi
if [ -n "$full" ]; then
  for cmd in "build data.toml -o -" "preview data.toml" "batch data.toml -o json-out --json" "init -" "init" "render doc.md -o -"; do
    # shellcheck disable=SC2086
    timeout 20 "$lkjip" $cmd >"$full" 2>err; rc=$?
    [ "$rc" -eq 1 ] || fail "$cmd > $full: exit $rc, expected 1"
    grep -q "cannot write .*standard output: No space left on device" err || fail "$cmd > $full: $(cat err)"
  done
else
  echo "hostile_files: no full device (/dev/full is not one, not root): standard-output checks skipped"
fi

# ---- class 10: temporary files of a killed batch, the build id --------------------------------
run batch data.toml -o tidy -q 2>err || fail "batch: $(cat err)"
host=$(uname -n | tr -cd 'A-Za-z0-9-' | cut -c1-32)
[ -n "$host" ] || host=host
sh -c 'exit 0' & dead=$!
wait "$dead"
pdf=$(cd tidy && ls *.pdf)
: >"tidy/.$pdf.$host.$dead.0.tmp"
: >"tidy/.lkjip/.$pdf.inputs.$host.$dead.1.tmp"
: >"tidy/.$pdf.$host.$$.2.tmp"  # this shell runs: its file is kept
: >"tidy/.catatan.tmp"
run batch data.toml -o tidy -q 2>err || fail "second batch: $(cat err)"
[ ! -e "tidy/.$pdf.$host.$dead.0.tmp" ] || fail "a killed run's temporary PDF was not removed"
[ ! -e "tidy/.lkjip/.$pdf.inputs.$host.$dead.1.tmp" ] || fail "a killed run's temporary record was not removed"
[ -e "tidy/.$pdf.$host.$$.2.tmp" ] || fail "a running process's temporary file was removed"
[ -e "tidy/.catatan.tmp" ] || fail "a file not named like lkjip's temporary files was removed"
run --version >version || fail "--version fails"
grep -Eq '^lkjip [0-9]+\.[0-9]+\.[0-9]+ \((git [0-9a-f]{12}(-modified)?, )?build [0-9a-f]{16}\)$' version || fail "--version prints '$(cat version)'"

# ---- class 11: a JPEG whose frame header is after 100 KiB of APP segments ---------------------
jpeg big.jpg 40 30 102400
[ "$(wc -c <big.jpg)" -gt 102400 ] || fail "big.jpg was not made"
with_logo big.jpg jpeg.toml
run build jpeg.toml -o jpeg.pdf 2>err || fail "a JPEG with 100 KiB of APP segments is refused: $(cat err)"
printf '# Judul\n\n![foto](big.jpg)\n' >jpeg.md
run render jpeg.md -o jpeg-md.pdf 2>err || fail "render of a JPEG with 100 KiB of APP segments: $(cat err)"
if command -v pdfimages >/dev/null; then
  pdfimages -list jpeg-md.pdf | grep -q ' 40 *30 .*jpeg' || fail "the JPEG is not in the PDF: $(pdfimages -list jpeg-md.pdf)"
fi

[ "$failures" -eq 0 ] && echo "hostile_files: all checks passed"
[ "$failures" -eq 0 ]
