#!/bin/sh
# `lkjip render` of Markdown nobody here wrote (issue 17): the fixtures of tests/data/render (a
# GFM sample of every construct, raw HTML, footnotes, task lists, 30 levels of nesting, a long
# Indonesian document) and this repository's own README.md and docs/*.md lose no word of their
# text, keep their links as URI annotations, report raw HTML and dropped footnotes with their
# line, keep every word inside the page, and refuse an image given by URL with its position.
# The PDF inspection is in render_check.py next to this file.
# Usage: render_markdown.sh LKJIP SOURCE_DIR
set -u
lkjip=$1
src=$2
data=$src/tests/data/render
check="python3 $src/tests/e2e/render_check.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
first_line() { { grep -m1 ': error: ' "$1" || head -1 "$1"; } | cut -c1-220; }
run_check() { $check "$@" || failures=$((failures + $?)); }

# render FILE.md NAME [OPTIONS]: renders to $tmp/NAME.pdf, stderr in $tmp/NAME.err.
render() {
  md=$1 name=$2
  shift 2
  timeout 60 "$lkjip" render "$md" -o "$tmp/$name.pdf" "$@" 2>"$tmp/$name.err"; rc=$?
  if [ "$rc" -ne 0 ] || [ ! -s "$tmp/$name.pdf" ]; then
    fail "lkjip render $md exits $rc: $(first_line "$tmp/$name.err")"
    return 1
  fi
  grep -q ': error: ' "$tmp/$name.err" && fail "lkjip render $md printed an error: $(first_line "$tmp/$name.err")"
  return 0
}

# --- Every fixture: no word lost, nothing outside the page. -------------------------------------
for name in gfm-sample html footnotes tasks nesting-30 panduan-indonesia; do
  if render "$data/$name.md" "$name" --link-urls; then
    run_check words "$data/$name.md" "$tmp/$name.pdf"
    run_check inside "$tmp/$name.pdf"
  fi
done

# --- Links and autolinks are URI annotations; --link-urls prints the hidden targets. ------------
run_check uris "$tmp/gfm-sample.pdf" https://spec.commonmark.org/0.30/ https://github.github.com/gfm/ \
  https://github.com/github/cmark-gfm http://www.example.org/path "https://example.com/plain?query=1" \
  mailto:nobody@example.com
run_check has "$tmp/gfm-sample.pdf" "(https://spec.commonmark.org/0.30/)" "(https://github.github.com/gfm/)"
if render "$data/gfm-sample.md" plain; then
  run_check uris "$tmp/plain.pdf" https://spec.commonmark.org/0.30/
  grep -q 'spec.commonmark.org' "$tmp/plain.err" && fail "render without --link-urls warns about links"
  pdftotext "$tmp/plain.pdf" - | grep -q '(https://spec.commonmark.org' &&
    fail "render without --link-urls prints the link targets"
fi
# Struck text, footnote numbers, task boxes.
run_check has "$tmp/gfm-sample.pdf" "struck words" "reference¹" "another one²" "badge alt words"
run_check has "$tmp/tasks.pdf" "☑ Menyusun data capaian" "☐ Memeriksa anggaran" "☐ Tugas bernomor terbuka"
run_check has "$tmp/footnotes.pdf" "regulation¹" "rule²" "again here¹" "1. Peraturan Presiden Nomor 29" "pertama"

# --- Raw HTML: a warning with its line, saying what is done; its words kept. --------------------
for expect in 'html.md:5:1: warning: HTML block printed as code' 'html.md:10:1: warning: HTML comment skipped' \
  'html.md:12:11: warning: inline HTML `<kbd>` printed as code' 'html.md:15:1: warning: HTML block printed as code'; do
  grep -qF "$expect" "$tmp/html.err" || fail "no warning '$expect' for html.md: $(head -3 "$tmp/html.err")"
done
run_check has "$tmp/html.pdf" "Wilayah" "Pekalongan" "98,5" "Folded summary words" "Centred paragraph words" "Ctrl"
# Footnotes cmark-gfm drops are named.
grep -qF 'footnotes.md:17:1: warning: footnote `[^unused]` is never referred to' "$tmp/footnotes.err" ||
  fail "no warning for the unused footnote: $(head -3 "$tmp/footnotes.err")"
grep -qF 'footnotes.md:19:1: warning: footnote `[^permen]` is defined twice' "$tmp/footnotes.err" ||
  fail "no warning for the footnote defined twice: $(head -3 "$tmp/footnotes.err")"
# 30 levels deep: the deepest words are there (checked inside the page above).
run_check has "$tmp/nesting-30.pdf" "level29" "deepest quoted words at level thirty" "item30 at list depth 30"

# --- A block image given by URL: an error at its position, nothing written. ---------------------
timeout 60 "$lkjip" render "$data/image-url.md" -o "$tmp/image.pdf" 2>"$tmp/image.err"; rc=$?
[ "$rc" -eq 1 ] || fail "an image URL: lkjip render exits $rc, expected 1"
grep -qF 'image-url.md:5:1: error: the image `https://example.com/logo.png` is a URL' "$tmp/image.err" ||
  fail "no error at image-url.md:5:1 for the image URL: $(head -2 "$tmp/image.err")"
grep -q 'No such file\|cannot open\|not found' "$tmp/image.err" && fail "the image URL is reported as a file: $(head -2 "$tmp/image.err")"
[ -e "$tmp/image.pdf" ] && fail "a PDF was written for image-url.md"

# --- This repository's own Markdown. ------------------------------------------------------------
for md in "$src/README.md" "$src"/docs/*.md; do
  name=repo-$(basename "$md" .md)
  if render "$md" "$name" --link-urls; then
    run_check words "$md" "$tmp/$name.pdf"
    run_check inside "$tmp/$name.pdf"
  fi
done

[ "$failures" -eq 0 ] && echo "render_markdown: all checks passed"
[ "$failures" -eq 0 ]
