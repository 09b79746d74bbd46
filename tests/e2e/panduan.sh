#!/bin/sh
# docs/panduan.md, the planners' guide (issue 19), stays true: every example in it is run.
#
# The guide's fenced blocks are read in order, in one work folder holding a copy of samples/ and
# of the guide (docs/panduan.md):
# - ```toml berkas=NAME    the block is appended to NAME (a file of several blocks is shown part by
#                          part); without berkas= it is a file of its own.
# - ```toml ... lengkap    the file is now complete: `lkjip check NAME` exits 0 without a warning.
# - ```toml ... salah      a broken example: a later transcript must show what lkjip says of it.
#   Every example file (not a `_` parent, which batch skips too) is checked by `lengkap` or is the
#   input of a transcript, so no example of the guide goes untried.
# - ```sh                  every line that is not a comment is a command run as written (lkjip is
#                          the built one): each must exit 0.
# - ```text whose first line starts with `$ `: a transcript. Each `$ COMMAND` is run and its
#                          standard output and error must be the lines that follow, where a line
#                          `...` stands for any number of lines. A text block that does not start
#                          with `$ ` is an illustration (a folder tree, output whose times vary).
# Messages are the Indonesian ones (LANGUAGE=id, docs/i18n.md), as a planner reads them.
# After a change of lkjip's messages, LKJIP_UPDATE_GOLDEN=1 rewrites every whole transcript that
# differs (excerpts with `...` are named, to be updated by hand); that run still fails.
# Usage: panduan.sh LKJIP SOURCE_DIR
set -u
set -f
lkjip=$1
src=$2
case $lkjip in /*) ;; *) lkjip=$PWD/$lkjip ;; esac
doc=$src/docs/panduan.md
[ -f "$doc" ] || { echo "FAIL: $doc missing"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

mkdir "$work/bin" "$work/blocks" "$work/run"
# A wrapper, not a symlink: lkjip finds its data from where its executable really is.
printf '#!/bin/sh\nexec "%s" "$@"\n' "$lkjip" >"$work/bin/lkjip"
chmod +x "$work/bin/lkjip"
cp -R "$src/samples" "$work/run/samples"
mkdir "$work/run/docs"
cp "$doc" "$work/run/docs/panduan.md"
PATH=$work/bin:$PATH
NO_COLOR=1
LC_ALL=C.UTF-8
LC_MESSAGES=C.UTF-8
LANG=C.UTF-8
LANGUAGE=id
export PATH NO_COLOR LC_ALL LC_MESSAGES LANG LANGUAGE
run=$work/run
nul=/dev/null # the commands' standard input: never the list of blocks being read
tab=$(printf '\t')

# The blocks: blocks/N holds the text of block N, blocks/manifest "N<TAB>LINE<TAB>INFO".
awk -v dir="$work/blocks" '
  !inb && /^```/ { inb = 1; n++; f = dir "/" n; printf "" > f
                   printf "%d\t%d\t%s\n", n, NR, substr($0, 4) > (dir "/manifest"); next }
  inb && /^```[ \t]*$/ { inb = 0; close(f); next }
  inb { print > f }
  END { if (inb) { print "unclosed block at the end" > "/dev/stderr"; exit 1 } }
' "$doc" || fail "docs/panduan.md: an unclosed block"
[ -s "$work/blocks/manifest" ] || { fail "docs/panduan.md has no blocks"; exit 1; }

# matches EXPECTED ACTUAL: the lines of ACTUAL are those of EXPECTED, `...` standing for any
# number of lines (each literal run after a `...` is taken at its first place; the last run must
# end the output). Blank lines at the end of either are left out: a transcript cannot show them.
matches() {
  awk '
    FILENAME == ARGV[1] { e[++ne] = $0; next }
    { a[++na] = $0 }
    END {
      while (ne > 0 && e[ne] == "") ne--
      while (na > 0 && a[na] == "") na--
      i = 1; j = 1
      while (i <= ne) {
        if (e[i] != "...") { if (j > na || a[j] != e[i]) exit 1; i++; j++; continue }
        i++
        if (i > ne) exit 0
        k = i; while (k <= ne && e[k] != "...") k++
        len = k - i; found = 0
        for (p = j; p + len - 1 <= na; p++) {
          ok = 1
          for (q = 0; q < len; q++) if (a[p + q] != e[i + q]) { ok = 0; break }
          if (ok && (k <= ne || p + len - 1 == na)) { found = 1; break }
        }
        if (!found) exit 1
        j = p + len; i = k
      }
      exit (j <= na)
    }' "$1" "$2"
}

: >"$work/files"     # example files written, one per line
: >"$work/updates"   # first lines of the transcripts rewritten (LKJIP_UPDATE_GOLDEN=1)
: >"$work/checked"   # checked by `lengkap`
: >"$work/shown"     # named by a transcript's command
while IFS="$tab" read -r n line info; do
  block=$work/blocks/$n
  # shellcheck disable=SC2086 # the info string is words
  set -- $info
  lang=${1:-}
  [ $# -gt 0 ] && shift
  case $lang in
  toml)
    name="" complete=0 broken=0
    for attr in "$@"; do
      case $attr in
      berkas=*) name=${attr#berkas=} ;;
      lengkap) complete=1 ;;
      salah) broken=1 ;;
      *) fail "line $line: unknown mark \`$attr\` of a toml block (berkas=NAME, lengkap, salah)" ;;
      esac
    done
    [ -n "$name" ] || name=contoh-$line.toml
    [ "$complete" -eq 1 ] && [ "$broken" -eq 1 ] && fail "line $line: a block both lengkap and salah"
    mkdir -p "$(dirname "$run/$name")"
    cat "$block" >>"$run/$name"
    cut -f 1 "$work/files" | grep -qxF "$name" || printf '%s\t%s\n' "$name" "$line" >>"$work/files"
    if [ "$complete" -eq 1 ]; then
      (cd "$run" && timeout 60 lkjip check "$name") <"$nul" >"$work/out" 2>&1
      rc=$?
      if [ "$rc" -ne 0 ] || grep -q ': warning: ' "$work/out"; then
        fail "line $line: \`lkjip check $name\` exits $rc or warns:"
        cat "$work/out"
      fi
      printf '%s\n' "$name" >>"$work/checked"
    fi
    ;;
  sh)
    while IFS= read -r cmd; do
      case $cmd in '' | '#'*) continue ;; esac
      (cd "$run" && timeout 120 sh -c "$cmd") <"$nul" >"$work/out" 2>&1
      rc=$?
      [ "$rc" -eq 0 ] || { fail "line $line: \`$cmd\` exits $rc:"; cat "$work/out"; }
    done <"$block"
    ;;
  text | console)
    head -n 1 "$block" | grep -q '^\$ ' || continue
    # Split into commands (cmd.K) and what each prints (want.K).
    rm -f "$work"/cmd.* "$work"/want.*
    awk -v dir="$work" '
      /^\$ / { k++; print substr($0, 3) > (dir "/cmd." k); printf "" > (dir "/want." k); next }
      { print > (dir "/want." k) }' "$block"
    k=1 differs=0 excerpt=0
    : >"$work/new"
    while [ -f "$work/cmd.$k" ]; do
      cmd=$(cat "$work/cmd.$k")
      for word in $cmd; do printf '%s\n' "$word" >>"$work/shown"; done
      (cd "$run" && timeout 120 sh -c "$cmd") <"$nul" >"$work/out" 2>&1
      if ! matches "$work/want.$k" "$work/out"; then
        fail "line $line: \`$cmd\` prints otherwise than the guide shows:"
        diff "$work/want.$k" "$work/out"
        differs=1
      fi
      grep -qx '[.][.][.]' "$work/want.$k" && excerpt=1
      printf '$ %s\n' "$cmd" >>"$work/new"
      awk '{ l[NR] = $0 } $0 != "" { n = NR } END { for (i = 1; i <= n; i++) print l[i] }' "$work/out" >>"$work/new"
      k=$((k + 1))
    done
    # LKJIP_UPDATE_GOLDEN=1 (as for the golden files, README): a whole transcript is rewritten with
    # what lkjip prints now; an excerpt (with `...`) is left for a person to choose its lines.
    if [ "$differs" -eq 1 ] && [ "${LKJIP_UPDATE_GOLDEN:-}" = 1 ]; then
      if [ "$excerpt" -eq 0 ]; then
        cp "$work/new" "$work/update.$line"
        printf '%s\n' "$line" >>"$work/updates"
      else
        echo "line $line: an excerpt with \`...\`: update it by hand"
      fi
    fi
    ;;
  esac
done <"$work/blocks/manifest"

# Every example file was tried: checked whole, or shown with what lkjip says of it.
while IFS="$tab" read -r name line; do
  case ${name##*/} in _*) continue ;; esac
  grep -qxF "$name" "$work/checked" && continue
  grep -qxF "$name" "$work/shown" && continue
  fail "line $line: example \`$name\` is neither checked (lengkap) nor shown with its output"
done <"$work/files"

if [ -s "$work/updates" ]; then
  awk -v dir="$work" '
    FILENAME == ARGV[1] { upd[$0] = 1; next }
    skip && /^```[ \t]*$/ { skip = 0 }
    skip { next }
    { print }
    FNR in upd { f = dir "/update." FNR; while ((getline l < f) > 0) print l; close(f); skip = 1 }
  ' "$work/updates" "$doc" >"$work/panduan.md" && cp "$work/panduan.md" "$doc"
  echo "updated $(wc -l <"$work/updates") transcripts of $doc: review them with git diff"
fi

[ "$failures" -eq 0 ] && echo "panduan: all passed ($(wc -l <"$work/blocks/manifest") blocks)"
exit $((failures > 0))
