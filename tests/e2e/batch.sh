#!/bin/sh
# End-to-end checks of `lkjip batch` and `lkjip init` (docs/cli.md): names from the data,
# incremental rebuilds, byte-identical --force rebuilds, isolated failures, shards, --json,
# output-name collisions, atomic outputs; init writes a file that passes check and never
# overwrites. Usage: batch.sh LKJIP SOURCE_DIR
set -u
lkjip=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
json_ok() { python3 -c 'import json,sys; json.load(sys.stdin)'; }

names="LKjIP-2020-dinas-koperasi-usaha-mikro-dan-perdagangan-kota-pontianak.pdf
LKjIP-2021-dkupp-kota-probolinggo.pdf
LKjIP-2024-dindagkop-ukm-kota-pekalongan.pdf
LKjIP-2024-diskumkm-provinsi-kalimantan-barat.pdf"

# A copy of the samples, so the tests can edit them.
cp -r "$src/samples" "$tmp/samples"
cd "$tmp" || exit 1

# 1. Every sample, named from its data; plain lines when stderr is not a terminal.
"$lkjip" batch samples -o out -j 2 2>err; rc=$?
[ "$rc" -eq 0 ] || { fail "batch samples exits $rc"; cat err; }
[ "$(ls out)" = "$names" ] || { fail "unexpected outputs"; ls out; }
[ "$(grep -c '^ok samples/.* -> out/LKjIP-.*\.pdf ([0-9]* pages' err)" -eq 4 ] || { fail "no 'ok' line per document"; cat err; }
grep -q '^4 documents: 4 built, 0 up to date, 0 failed; [0-9]* pages;' err || { fail "no summary"; cat err; }
grep -q "$(printf '\033')" err && fail "colour without a terminal"
ls -A out | grep -q '\.tmp$' && fail "temporary file left behind"
mkdir first && cp out/*.pdf first/

# 2. Nothing changed: every document is up to date, nothing rewritten.
"$lkjip" batch samples -o out 2>err; rc=$?
[ "$rc" -eq 0 ] || fail "second run exits $rc"
[ "$(grep -c '(up to date)$' err)" -eq 4 ] || { fail "second run rebuilt something"; cat err; }

# 3. --force rebuilds, byte-identical; --json parses and says so.
"$lkjip" batch samples -o out --force --json >json 2>err; rc=$?
[ "$rc" -eq 0 ] || fail "--force exits $rc"
json_ok <json || { fail "--json does not parse"; cat json; }
python3 -c 'import json,sys; d=json.load(open("json")); t=d["totals"]; sys.exit(0 if t["built"]==4 and t["documents"]==4 and t["failed"]==0 and t["pages"]>0 and all(x["status"]=="built" and x["pages"]>0 for x in d["documents"]) else 1)' ||
  { fail "--json totals"; cat json; }
for f in first/*.pdf; do cmp -s "$f" "out/$(basename "$f")" || fail "$(basename "$f") differs after --force"; done

# 4. A change to a parent (_pemda.toml) rebuilds only the dinas that extends it.
echo '# changed' >>samples/kota-pontianak/_pemda.toml
"$lkjip" batch samples -o out 2>err
[ "$(grep -c '(up to date)$' err)" -eq 3 ] || { fail "parent change: not exactly 3 up to date"; cat err; }
grep -q '^ok samples/kota-pontianak/dinkumdag-2020.toml -> .* pages' err || { fail "parent change did not rebuild its dinas"; cat err; }

# 5. One broken file among good ones fails alone, with its positioned diagnostic; a good PDF
#    from an earlier run survives the failed rebuild.
mkdir -p more/kota-pekalongan
cp samples/kota-pekalongan/* more/kota-pekalongan/
printf '[laporan]\ntahun = "x"\n' >more/broken.toml
"$lkjip" batch more -o out2 2>err; rc=$?
[ "$rc" -eq 1 ] || fail "broken file: exit $rc, expected 1"
grep -q '^FAIL more/broken.toml$' err || { fail "failure not named"; cat err; }
grep -q '^more/broken.toml:2:9: error: ' err || { fail "no positioned diagnostic"; cat err; }
[ -f out2/LKjIP-2024-dindagkop-ukm-kota-pekalongan.pdf ] || fail "the good document was not built"
cp out2/LKjIP-2024-dindagkop-ukm-kota-pekalongan.pdf good.pdf
sed -i 's/^tahun = 2024$/tahun = "2024"/' more/kota-pekalongan/dindagkop-ukm-2024.toml
"$lkjip" batch more -o out2 2>err; rc=$?
[ "$rc" -eq 1 ] || fail "broken rebuild: exit $rc"
grep -q '^FAIL more/kota-pekalongan/dindagkop-ukm-2024.toml$' err || { fail "broken rebuild not named"; cat err; }
cmp -s good.pdf out2/LKjIP-2024-dindagkop-ukm-kota-pekalongan.pdf || fail "a failed rebuild touched the previous PDF"
ls -A out2 | grep -q '\.tmp$' && fail "temporary file left behind after a failure"

# 6. --shard 1/2 and 2/2 together take every document exactly once (into copies of the up-to-date
#    output folder, so nothing needs building: the --json lists say which documents each took).
cp -r out shard1 && cp -r out shard2
"$lkjip" batch samples -o shard1 --shard 1/2 --json >s1 2>/dev/null || fail "shard 1/2 failed"
"$lkjip" batch samples -o shard2 --shard 2/2 --json >s2 2>/dev/null || fail "shard 2/2 failed"
python3 - s1 s2 <<'PY' || fail "shards do not cover every document exactly once"
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
ia = [d["input"] for d in a["documents"]]
ib = [d["input"] for d in b["documents"]]
assert len(ia) == 2 and len(ib) == 2, (ia, ib)
assert not set(ia) & set(ib), (ia, ib)
assert sorted(ia + ib) == sorted([
    "samples/kota-pekalongan/dindagkop-ukm-2024.toml", "samples/kota-pontianak/dinkumdag-2020.toml",
    "samples/kota-probolinggo/dinkumdagin-2021.toml", "samples/provinsi-kalbar/diskumkm-2024.toml"]), (ia, ib)
assert a["shard"] == "1/2" and all(d["status"] == "up-to-date" for d in a["documents"] + b["documents"])
PY
for s in 0/2 3/2 x 1/0 2; do
  "$lkjip" batch samples -o shardx --shard "$s" 2>/dev/null; rc=$?
  [ "$rc" -eq 2 ] || fail "--shard $s exits $rc, expected 2"
done

# 7. Two documents with one output name: an error for both, nothing written for them, others built.
mkdir -p twins/a twins/b
cp samples/provinsi-kalbar/* twins/a/
cp samples/provinsi-kalbar/* twins/b/
cp -r samples/kota-probolinggo twins/
"$lkjip" batch twins -o out3 --json >json 2>err; rc=$?
[ "$rc" -eq 1 ] || fail "collision exits $rc, expected 1"
json_ok <json || fail "--json with failures does not parse"
[ "$(grep -c "error: output name \`LKjIP-2024-diskumkm-provinsi-kalimantan-barat.pdf\` is also the output of" err)" -eq 2 ] ||
  { fail "collision not reported for both"; cat err; }
[ -e out3/LKjIP-2024-diskumkm-provinsi-kalimantan-barat.pdf ] && fail "a colliding output was written"
[ -f out3/LKjIP-2021-dkupp-kota-probolinggo.pdf ] || fail "the other document was not built beside a collision"

# 8. Usage: --help for each subcommand, missing -o, no data files.
"$lkjip" batch --help >/dev/null || fail "batch --help"
"$lkjip" init --help >/dev/null || fail "init --help"
"$lkjip" batch samples 2>/dev/null; rc=$?; [ "$rc" -eq 2 ] || fail "batch without -o exits $rc, expected 2"
"$lkjip" batch samples -o x -j 0 2>/dev/null; rc=$?; [ "$rc" -eq 2 ] || fail "-j 0 exits $rc, expected 2"
mkdir empty
"$lkjip" batch empty -o x --json 2>/dev/null >json; rc=$?; [ "$rc" -eq 1 ] || fail "no data files exits $rc, expected 1"
json_ok <json || fail "--json without documents does not parse"

# 9. init: a file that passes check as it is; never overwrites without --force; - is stdout.
"$lkjip" init new.toml 2>/dev/null || fail "init failed"
"$lkjip" check new.toml 2>err || { fail "the init file does not pass check"; cat err; }
grep -q ': ok$' err || { fail "the init file has warnings"; cat err; }
echo 'mine' >mine.toml
"$lkjip" init mine.toml 2>err; rc=$?
[ "$rc" -eq 1 ] || fail "init over an existing file exits $rc, expected 1"
[ "$(cat mine.toml)" = mine ] || fail "init overwrote a file"
"$lkjip" init --force mine.toml 2>/dev/null || fail "init --force failed"
cmp -s new.toml mine.toml || fail "init --force did not write the template"
"$lkjip" init - | cmp -s - new.toml || fail "init - does not write the same file to stdout"
"$lkjip" init | cmp -s - new.toml || fail "init without a file does not write to stdout"
"$lkjip" batch new.toml -o out4 2>err || { fail "the init file does not build"; cat err; }

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "batch e2e: all checks passed"
