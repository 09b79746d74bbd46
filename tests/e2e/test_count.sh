#!/bin/sh
# The suite runs what it claims to (issue 18): every doctest case is exactly one ctest entry, and
# ctest holds nothing else but the add_test scripts of tests/CMakeLists.txt. A test name with `;`
# is split by ctest into entries that match no doctest case and pass without running anything;
# this check fails instead.
# Usage: test_count.sh BUILD_DIR TESTS_EXECUTABLE SOURCE_DIR
set -eu
build=$1 tests=$2 src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$tests" --list-test-cases --no-intro --no-version 2>/dev/null | grep -v -e '^=====' -e '^\[doctest\]' | sort >"$work/doctest"
ctest --test-dir "$build" -N | sed -n 's/^ *Test *#[0-9]*: //p' | sort >"$work/ctest"
grep -c '^add_test(' "$src/tests/CMakeLists.txt" >"$work/scripts" || true

doctest_cases=$(wc -l <"$work/doctest")
ctest_entries=$(wc -l <"$work/ctest")
scripts=$(cat "$work/scripts")
status=0
if [ "$doctest_cases" -lt 10 ]; then echo "only $doctest_cases doctest cases listed"; status=1; fi
if [ "$ctest_entries" -ne $((doctest_cases + scripts)) ]; then
  echo "ctest has $ctest_entries entries; expected $doctest_cases doctest cases + $scripts scripts"
  status=1
fi
# Every doctest case is a ctest entry of the same name.
missing=$(comm -23 "$work/doctest" "$work/ctest")
if [ -n "$missing" ]; then
  echo "doctest cases without their own ctest entry (a name with ';'?):"
  echo "$missing"
  status=1
fi
[ "$status" -eq 0 ] && echo "ctest: $ctest_entries entries = $doctest_cases doctest cases + $scripts scripts"
exit "$status"
