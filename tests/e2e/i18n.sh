#!/bin/sh
# The users' language (issue 19, docs/i18n.md): every English message of the source goes through
# gettext (tests/e2e/i18n_scan.py) and has its Indonesian in po/ (tests/e2e/i18n_catalogue.py,
# over what xgettext extracts); the language is chosen by --bahasa, else LANGUAGE, LC_ALL,
# LC_MESSAGES, LANG; Indonesian runs print Indonesian, also on a machine without an id_ID locale.
# Usage: i18n.sh LKJIP SOURCE_DIR
set -u
lkjip=$1
src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
unset LANGUAGE LC_ALL LC_MESSAGES LANG
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# ---- the source and the catalogue -----------------------------------------------------------
python3 "$src/tests/e2e/i18n_scan.py" "$src" || fail "English messages outside gettext (listed above)"
(cd "$src" && find generator -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort >"$tmp/files")
(cd "$src" && xgettext -C --from-code=UTF-8 -k_ -k_f -k_n:1,2 -kN_ --no-wrap -f "$tmp/files" -o "$tmp/lkjip.pot") ||
  fail "xgettext could not read the sources"
python3 "$src/tests/e2e/i18n_catalogue.py" "$tmp/lkjip.pot" "$src/po/id.po" $(ls "$src"/po/parts/*.po 2>/dev/null) ||
  fail "the Indonesian catalogue is incomplete (listed above)"

# ---- choosing the language ------------------------------------------------------------------
cd "$tmp" || exit 1
printf '[laporan]\ntarget = 85,5\n' >s.toml
# lang NAME WANT-WORD ENV... : `lkjip check s.toml` under ENV prints an error in that language.
lang() {
  name=$1; want=$2; shift 2
  env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG "$@" "$lkjip" check s.toml >out 2>err
  grep -q "^s.toml:2:10: $want: " err || { fail "$name: expected '$want'"; cat err; }
}

lang "no locale" error
lang "LANG=id_ID.UTF-8" kesalahan LANG=id_ID.UTF-8
lang "LANG=id_ID (no such locale on the machine)" kesalahan LANG=id_ID
lang "LC_MESSAGES=id_ID.UTF-8" kesalahan LANG=C.UTF-8 LC_MESSAGES=id_ID.UTF-8
lang "LC_ALL over LANG" error LC_ALL=C.UTF-8 LANG=id_ID.UTF-8
lang "LANGUAGE=id" kesalahan LANGUAGE=id
lang "LANGUAGE=id:en over LANG=en_US" kesalahan LANGUAGE=id:en LANG=en_US.UTF-8
lang "LANGUAGE=en over LANG=id" error LANGUAGE=en LANG=id_ID.UTF-8
lang "Ido is not Indonesian" error LANG=ido

# bahasa NAME WANT-WORD ARGS...: the command line chooses, over the environment.
bahasa() {
  name=$1; want=$2; shift 2
  LANG=id_ID.UTF-8 "$lkjip" "$@" >out 2>err
  grep -q "^s.toml:2:10: $want: " err || { fail "$name: expected '$want'"; cat err; }
}
bahasa "--bahasa en over LANG=id" error --bahasa en check s.toml
bahasa "--bahasa=en after the command" error check --bahasa=en s.toml
bahasa "--bahasa id" kesalahan --bahasa id check s.toml
LANG=C.UTF-8 "$lkjip" --bahasa xx check s.toml >out 2>err; rc=$?
[ "$rc" = 2 ] || fail "--bahasa xx: exit $rc, expected 2"
grep -q "^lkjip: error: \`--bahasa xx\`: lkjip speaks id (Indonesian) and en (English)$" err || { fail "--bahasa xx message"; cat err; }
LANG=C.UTF-8 "$lkjip" check s.toml --bahasa >out 2>err; rc=$?
[ "$rc" = 2 ] || fail "--bahasa without a word: exit $rc, expected 2"
LANG=C.UTF-8 "$lkjip" check -- --bahasa >out 2>err
grep -q "bahasa" err || fail "a data file named --bahasa after -- is a file name"

# ---- Indonesian runs print Indonesian -------------------------------------------------------
# An English function word outside `code` and '...' quotes, in what lkjip prints in Indonesian,
# is a message the catalogue missed at run time (a fragment pasted into a translated sentence).
english() {
  sed -e 's/`[^`]*`//g' -e "s/'[^']*'//g" -e 's/"[^"]*"//g' "$1" |
    grep -nwiE 'the|is|are|was|not|must|has|have|with|from|than|should|cannot|of|to|and|or|for|by|be|an|it|its|only|found|expected|missing|unknown|needs|did you mean' |
    grep -v '^[0-9]*:[^ ]*: *$' || true
}
for data in $(cd "$src" && find samples -name '*.toml' ! -name '_*' | LC_ALL=C sort); do
  "$lkjip" --bahasa id check "$src/$data" >out 2>err
  english err >words
  [ -s words ] && { fail "$data: English in an Indonesian check"; head -5 words; }
done
for args in "check s.toml" "check tiada.toml" "build s.toml -o s.pdf" "preview tiada.toml" "render tiada.md -o x.pdf" \
            "chek s.toml" "build --dokumen xx s.toml" "batch" "render --paper A3 x.md -o x.pdf" "init s.toml"; do
  # shellcheck disable=SC2086
  "$lkjip" --bahasa id $args >out 2>err
  english err >words
  [ -s words ] && { fail "lkjip $args: English in Indonesian"; head -5 words; }
done
"$lkjip" --bahasa id --help >out 2>err
english out >words
[ -s words ] && { fail "lkjip --help in Indonesian still has English"; head -5 words; }
for cmd in check preview build render batch init; do
  "$lkjip" --bahasa id "$cmd" --help >out 2>err
  english out >words
  [ -s words ] && { fail "lkjip $cmd --help in Indonesian still has English"; head -5 words; }
done

[ "$failures" -eq 0 ] && echo "i18n: all checks passed"
[ "$failures" -eq 0 ]
