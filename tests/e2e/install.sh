#!/bin/sh
# Issue 19: lkjip installed with `cmake --install` into a prefix, the prefix then moved elsewhere
# (so neither the build tree nor the source tree nor the original prefix is where the binary
# looks), gives the same bytes as the build tree for check, build, batch and init; without its
# data folder it fails with one message naming every place it looked; `cpack -G DEB` gives a
# package with the runtime dependencies and every installed file.
# Usage: install.sh LKJIP_BINARY BUILD_DIR SOURCE_DIR
set -u
lkjip=$(realpath "$1") build=$(realpath "$2") src=$(realpath "$3")
fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bad() { echo "FAIL: $*"; fail=1; }

cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1 || { cat "$work/install.log"; echo "FAIL: cmake --install"; exit 1; }
mv "$work/prefix" "$work/moved"
installed="$work/moved/bin/lkjip"
for f in share/lkjip/templates/lkjip/lkjip.md.j2 share/lkjip/templates/pk/pk.md.j2 share/lkjip/templates/iku/iku.md.j2 \
         share/lkjip/templates/init/lkjip-init.toml share/man/man1/lkjip.1.gz share/man/man1/lkjip-build.1.gz \
         share/bash-completion/completions/lkjip share/doc/lkjip/README.md share/lkjip/fonts/README.md \
         share/locale/id/LC_MESSAGES/lkjip.mo; do
  [ -f "$work/moved/$f" ] || bad "not installed: $f"
done
[ -x "$installed" ] || { echo "FAIL: no installed executable"; exit 1; }

# A copy of a sample, away from the source tree; the installed binary and the build tree's one.
cp -r "$src/samples/kota-pekalongan" "$work/data"
cd "$work/data" || exit 1
unset LKJIP_DATA_DIR
"$installed" check -q dindagkop-ukm-2024.toml >"$work/check.out" 2>&1 || bad "installed check: $(cat "$work/check.out")"
"$installed" build -q dindagkop-ukm-2024.toml -o "$work/installed.pdf" 2>"$work/build.err" || bad "installed build: $(cat "$work/build.err")"
"$lkjip" build -q dindagkop-ukm-2024.toml -o "$work/tree.pdf" 2>/dev/null || bad "build-tree build"
cmp -s "$work/installed.pdf" "$work/tree.pdf" || bad "the installed lkjip writes other PDF bytes than the build tree's"
"$installed" build -q dindagkop-ukm-2024.toml --dokumen pk -o "$work/installed-pk.pdf" 2>/dev/null || bad "installed build --dokumen pk"
"$lkjip" build -q dindagkop-ukm-2024.toml --dokumen pk -o "$work/tree-pk.pdf" 2>/dev/null
cmp -s "$work/installed-pk.pdf" "$work/tree-pk.pdf" || bad "the installed PK differs from the build tree's"
"$installed" batch -q . -o "$work/batch-installed" -j 1 >/dev/null 2>&1 || bad "installed batch"
"$lkjip" batch -q . -o "$work/batch-tree" -j 1 >/dev/null 2>&1 || bad "build-tree batch"
for pdf in "$work"/batch-tree/*.pdf; do
  cmp -s "$pdf" "$work/batch-installed/$(basename "$pdf")" || bad "batch output $(basename "$pdf") differs"
done
"$installed" init >"$work/init.toml" 2>/dev/null || bad "installed init"
cmp -s "$work/init.toml" "$src/templates/init/lkjip-init.toml" || bad "installed init writes another file"
"$installed" --version | grep -q "^lkjip [0-9]" || bad "installed --version: $("$installed" --version)"
# The installed catalogue is the one found: Indonesian from the moved prefix.
printf '[laporan]\ntarget = 85,5\n' >"$work/koma.toml"
"$installed" --bahasa id check "$work/koma.toml" 2>&1 | grep -q "^$work/koma.toml:2:10: kesalahan: " ||
  bad "the installed lkjip does not speak Indonesian: $("$installed" --bahasa id check "$work/koma.toml" 2>&1)"

# Without its data folder: one error naming every place looked, exit 1, no PDF.
mv "$work/moved/share/lkjip" "$work/hidden"
"$installed" build dindagkop-ukm-2024.toml -o "$work/none.pdf" >"$work/none.out" 2>&1
status=$?
[ "$status" = 1 ] || bad "build without data folder: exit $status"
grep -q "built-in templates are not installed: looked in $work/moved/share/lkjip" "$work/none.out" || bad "no list of places: $(cat "$work/none.out")"
grep -q "LKJIP_DATA_DIR" "$work/none.out" || bad "the message does not name LKJIP_DATA_DIR"
[ ! -e "$work/none.pdf" ] || bad "a PDF was written without templates"
"$installed" init >/dev/null 2>"$work/init.err" && bad "init without data folder succeeded"
grep -q "looked in" "$work/init.err" || bad "init without data folder: $(cat "$work/init.err")"
# LKJIP_DATA_DIR names a folder elsewhere: found there.
LKJIP_DATA_DIR="$work/hidden" "$installed" build -q dindagkop-ukm-2024.toml -o "$work/env.pdf" 2>/dev/null || bad "LKJIP_DATA_DIR not used"
cmp -s "$work/env.pdf" "$work/tree.pdf" || bad "LKJIP_DATA_DIR build differs"

# The Debian package.
if command -v dpkg-deb >/dev/null 2>&1; then
  (cd "$build" && cpack -G DEB -B "$work/deb" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; bad "cpack -G DEB"; }
  deb=$(ls "$work"/deb/lkjip_*.deb 2>/dev/null | head -1)
  if [ -n "$deb" ]; then
    info=$(dpkg-deb -f "$deb" Depends)
    for dep in libcmark-gfm libhpdf libhyphen0 hyphen-id fonts-liberation2 fonts-dejavu-core libpng16 libstdc++6; do
      echo "$info" | grep -q "$dep" || bad "package Depends lacks $dep: $info"
    done
    contents=$(dpkg-deb -c "$deb")
    for f in ./usr/bin/lkjip ./usr/share/lkjip/templates/lkjip/lkjip.md.j2 ./usr/share/man/man1/lkjip.1.gz \
             ./usr/share/bash-completion/completions/lkjip ./usr/share/locale/id/LC_MESSAGES/lkjip.mo; do
      echo "$contents" | grep -q " $f\$" || bad "package lacks $f"
    done
  else
    bad "no package written"
  fi
fi
[ "$fail" = 0 ] && echo "install: ok"
exit "$fail"
