#!/bin/sh
# Issue 19: the man pages (docs/man/*.scd) and the bash completion (packaging/lkjip.bash-completion)
# follow the command line: every subcommand has a page and is completed, and every long option of
# `lkjip <command> --help` is in its page and its completion list, and none that is not.
# Usage: install_docs.sh LKJIP_BINARY SOURCE_DIR
set -u
lkjip=$1 src=$2
fail=0
bad() { echo "FAIL: $*"; fail=1; }
completion="$src/packaging/lkjip.bash-completion"
commands=$("$lkjip" --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && $1 != "" {print $1}')
[ -n "$commands" ] || { echo "FAIL: no subcommands in lkjip --help"; exit 1; }
for cmd in $commands; do
  page="$src/docs/man/lkjip-$cmd.1.scd"
  [ -f "$page" ] || { bad "no man page docs/man/lkjip-$cmd.1.scd"; continue; }
  grep -q "^\*$cmd\*" "$src/docs/man/lkjip.1.scd" || bad "lkjip.1 does not list $cmd"
  grep -q "commands=\".*\b$cmd\b" "$completion" || bad "completion lacks command $cmd"
  opts=$("$lkjip" "$cmd" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
  line=$(grep -E "^ *$cmd\) opts=" "$completion")
  [ -n "$line" ] || bad "completion has no option list for $cmd"
  for o in $opts; do
    grep -q -- "\*$o\*" "$page" || bad "lkjip-$cmd.1 does not describe $o"
    echo "$line" | grep -q -- " $o\b\|\"$o\b" || bad "completion of $cmd lacks $o"
  done
  for o in $(grep -o -- '\*--[a-z][a-z-]*\*' "$page" | tr -d '*' | sort -u); do
    echo "$opts" | grep -qx -- "$o" || bad "lkjip-$cmd.1 describes $o, which lkjip $cmd does not have"
  done
  for o in $(echo "$line" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    echo "$opts" | grep -qx -- "$o" || bad "completion of $cmd offers $o, which lkjip $cmd does not have"
  done
done
# --dokumen values: the ones --help lists are the ones completed.
kinds=$("$lkjip" build --help | grep -o 'TEXT:{[a-z,]*}' | head -1 | sed 's/TEXT:{//; s/}//; s/,/ /g')
grep -q "dokumen=\"$kinds\"" "$completion" || bad "completion's --dokumen values are not \"$kinds\""
# The completion script loads and completes in bash when bash-completion is installed.
if [ -f /usr/share/bash-completion/bash_completion ]; then
  out=$(bash -c ". /usr/share/bash-completion/bash_completion; . '$completion'; COMP_WORDS=(lkjip bu); COMP_CWORD=1; COMP_LINE='lkjip bu'; COMP_POINT=8; _lkjip; echo \"\${COMPREPLY[*]}\"" 2>&1)
  [ "$out" = build ] || bad "completing 'lkjip bu' gives '$out'"
  out=$(bash -c ". /usr/share/bash-completion/bash_completion; . '$completion'; COMP_WORDS=(lkjip build --dokumen ''); COMP_CWORD=3; COMP_LINE='lkjip build --dokumen '; COMP_POINT=22; _lkjip; echo \"\${COMPREPLY[*]}\"" 2>&1)
  [ "$out" = "$kinds" ] || bad "completing --dokumen gives '$out'"
fi
[ "$fail" = 0 ] && echo "install docs: ok"
exit "$fail"
