#!/bin/sh
# Issue 19: the stage graph (cmake/stages.cmake) holds for the sources, and the check that the
# build runs (cmake/check_stages.cmake) really fails, naming file and line, when a stage includes a
# header outside its graph: the PDF writer reaching into the layout's fonts, the template engine
# into the report stage, a command typesetting without the pipeline, a new folder nobody placed in
# the graph.
# Usage: stages.sh SOURCE_DIR
set -u
src=$1
fail=0
bad() { echo "FAIL: $*"; fail=1; }
cmake -DSOURCE_DIR="$src" -P "$src/cmake/check_stages.cmake" || bad "the sources break the stage graph"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
check_violation() {  # folder file line-text expected-message
  rm -rf "$work/generator"
  mkdir -p "$work/generator/$1"
  printf '// a stage file\n#include "%s/own.hpp"\n%s\n' "$1" "$3" >"$work/generator/$1/$2"
  out=$(cmake -DSOURCE_DIR="$work" -DGRAPH_FILE="$src/cmake/stages.cmake" -P "$src/cmake/check_stages.cmake" 2>&1)
  status=$?
  [ "$status" != 0 ] || bad "not refused: $1/$2 with $3"
  echo "$out" | tr -s ' \n' '  ' | grep -q "$4" || bad "message for $1/$2: $out"
}
check_violation pdf draw.cpp '#include "layout/fonts.hpp"' 'generator/pdf/draw.cpp:3: the pdf stage includes "layout/fonts.hpp"'
check_violation template filters.cpp '#include "report/report.hpp"' 'generator/template/filters.cpp:3: the template stage includes "report/report.hpp"'
check_violation common x.cpp '#include "data/data.hpp"' 'generator/common/x.cpp:3: the common stage includes "data/data.hpp"'
check_violation cli build.cpp '#include "layout/layout.hpp"' 'generator/cli/build.cpp:3: the cli stage includes "layout/layout.hpp"'
check_violation newstage a.cpp '#include "common/diagnostics.hpp"' 'generator/newstage/: a stage folder the graph'
# Allowed: the page model from the layout stage, the own stage, a generated header.
rm -rf "$work/generator"; mkdir -p "$work/generator/pdf"
printf '#include "layout/page_model.hpp"\n#include "pdf/pdf.hpp"\n#include "lkjip_git.hpp"\n#include <vector>\n' >"$work/generator/pdf/ok.cpp"
cmake -DSOURCE_DIR="$work" -DGRAPH_FILE="$src/cmake/stages.cmake" -P "$src/cmake/check_stages.cmake" >/dev/null 2>&1 || bad "an allowed include was refused"
[ "$fail" = 0 ] && echo "stages: ok"
exit "$fail"
