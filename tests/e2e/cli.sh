#!/bin/sh
# End-to-end checks of the lkjip executable: every sample passes `lkjip check`, bad input gives
# one positioned error and exit 1, a usage error exits 2. Usage: cli.sh LKJIP SOURCE_DIR
set -u
lkjip=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Every sample is accepted (warnings allowed: they document the seeds' own errors).
count=0
for data in $(find "$src/samples" -name '*.toml' ! -name '_*' | sort); do
  count=$((count + 1))
  "$lkjip" check "$data" >"$tmp/out" 2>&1 || { fail "sample rejected: $data"; cat "$tmp/out"; }
done
[ "$count" -ge 1 ] || fail "no samples found under $src/samples"

# Malformed TOML outside the slips tests/e2e/hints.sh explains: one line in the parser's words,
# file:line:col, exit 1.
printf '[laporan]\ntahun = 2024\n[laporan\n' >"$tmp/bad.toml"
"$lkjip" check -q "$tmp/bad.toml" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 1 ] || fail "malformed TOML exits $rc, expected 1"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || { fail "malformed TOML gives more than one line"; cat "$tmp/err"; }
grep -q "^$tmp/bad.toml:3:[0-9]*: error: invalid TOML" "$tmp/err" || { fail "no positioned parse error"; cat "$tmp/err"; }

# A wrong-typed value: one positioned error, exit 1.
sed 's/^tahun = 2024$/tahun = "2024"/' "$src/tests/data/minimal.toml" >"$tmp/type.toml"
"$lkjip" check -q "$tmp/type.toml" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 1 ] || fail "wrong type exits $rc, expected 1"
grep -qx "$tmp/type.toml:4:9: error: \`tahun\` in \[laporan\] must be an integer, found a string" "$tmp/err" ||
  { fail "wrong type message"; cat "$tmp/err"; }

# Binary garbage, an empty file, a directory, a missing file: exit 1, never a crash.
head -c 4096 /dev/urandom >"$tmp/garbage.toml"
: >"$tmp/empty.toml"
for f in "$tmp/garbage.toml" "$tmp/empty.toml" "$tmp" "$tmp/missing.toml"; do
  "$lkjip" check -q "$f" 2>/dev/null; rc=$?
  [ "$rc" -eq 1 ] || fail "$f exits $rc, expected 1"
done

# Usage errors exit 2; --help and --version exit 0.
"$lkjip" check 2>/dev/null; rc=$?; [ "$rc" -eq 2 ] || fail "missing argument exits $rc, expected 2"
"$lkjip" frobnicate 2>/dev/null; rc=$?; [ "$rc" -eq 2 ] || fail "unknown subcommand exits $rc, expected 2"
"$lkjip" --help >/dev/null || fail "--help fails"
"$lkjip" --version | grep -q '^lkjip [0-9]' || fail "--version"

# The minimal fixture is clean: "ok" and exit 0.
"$lkjip" check "$src/tests/data/minimal.toml" 2>"$tmp/err" || fail "minimal fixture rejected"
grep -q ": ok$" "$tmp/err" || { fail "minimal fixture not ok"; cat "$tmp/err"; }

# preview: the whole report on stdout, one chapter into a file.
"$lkjip" preview "$src/tests/data/minimal.toml" >"$tmp/all.md" || fail "preview failed"
grep -q '^# BAB IV PENUTUP' "$tmp/all.md" || fail "preview lacks BAB IV"
"$lkjip" preview "$src/tests/data/minimal.toml" --bab 3 -o "$tmp/bab3.md" || fail "preview --bab 3 failed"
head -1 "$tmp/bab3.md" | grep -qx '# BAB III AKUNTABILITAS KINERJA' || fail "preview --bab 3 does not start with BAB III"
"$lkjip" preview "$src/tests/data/minimal.toml" --bab 7 2>/dev/null; rc=$?
[ "$rc" -eq 2 ] || fail "--bab 7 exits $rc, expected 2"

# --templates: a user folder replaces one built-in template and keeps the rest.
mkdir -p "$tmp/tpl"
printf '{{ bab(4) }}\n# BAB IV PENUTUP\n\nPenutup khusus {{ instansi.nama }}.\n' >"$tmp/tpl/bab4.md.j2"
"$lkjip" preview --templates "$tmp/tpl" "$src/tests/data/minimal.toml" >"$tmp/over.md" || fail "override preview failed"
grep -qx 'Penutup khusus Dinas Contoh.' "$tmp/over.md" || fail "override template not used"
grep -q '^# BAB III AKUNTABILITAS KINERJA' "$tmp/over.md" || fail "built-in templates lost with an override"

# An undefined name in a template: file:line:col, exit 1, no output file.
printf '# BAB I\n\nTeks {{ realisasi }}\n' >"$tmp/tpl/bab1.md.j2"
"$lkjip" preview "$src/tests/data/minimal.toml" --templates "$tmp/tpl" -o "$tmp/none.md" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 1 ] || fail "undefined template name exits $rc, expected 1"
grep -q "bab1.md.j2:3:9: error: 'realisasi' is undefined" "$tmp/err" || { fail "undefined name message"; cat "$tmp/err"; }
[ ! -e "$tmp/none.md" ] || fail "an output file was written despite the error"

# A font that cannot be read (LKJIP_FONT_DIR holds the same names): one error naming it, exit 1,
# no PDF. The build and render of a template-overridden report also work end to end.
mkdir -p "$tmp/fonts"
cp /usr/share/fonts/truetype/liberation2/*.ttf /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf "$tmp/fonts/"
head -c 1000 /dev/urandom >"$tmp/fonts/LiberationSerif-Bold.ttf"
LKJIP_FONT_DIR="$tmp/fonts" "$lkjip" build -q "$src/tests/data/minimal.toml" -o "$tmp/font.pdf" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 1 ] || fail "an unreadable font exits $rc, expected 1"
grep -q "error: font file \`$tmp/fonts/LiberationSerif-Bold.ttf\`: not a TrueType font" "$tmp/err" || { fail "unreadable font message"; cat "$tmp/err"; }
[ ! -e "$tmp/font.pdf" ] || fail "a PDF was written with an unreadable font"
"$lkjip" build -q "$src/tests/data/minimal.toml" --templates "$tmp/tpl" -o "$tmp/tpl.pdf" 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || fail "build with a broken template exits $rc, expected 1"
[ ! -e "$tmp/tpl.pdf" ] || fail "a PDF was written despite the template error"

# A Markdown file over the size limit (docs/limits.md): one error, exit 1, no PDF.
head -c 17000000 /dev/zero | tr '\0' 'a' >"$tmp/big.md"
"$lkjip" render "$tmp/big.md" -o "$tmp/big.pdf" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 1 ] || fail "an oversized Markdown file exits $rc, expected 1"
grep -q "Markdown files are limited to" "$tmp/err" || { fail "oversized Markdown message"; cat "$tmp/err"; }
[ ! -e "$tmp/big.pdf" ] || fail "a PDF was written for an oversized Markdown file"

[ "$failures" -eq 0 ] && echo "cli.sh: all checks passed"
exit "$failures"
