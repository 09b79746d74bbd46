#!/bin/sh
# Hostile Markdown through `lkjip render` (issue 18, classes 3, 5 and 6): deep nesting, the
# cmark-gfm pathological shapes (CVE-2023-22486 and the quadratic cases of cmark's
# test/pathological_tests.py), huge tables, a 100 KB directive line, a 40 KB heading and a long
# paragraph. Each case either fails with exit 1 and a `file:line:col: error:` message or
# succeeds with a PDF, under `timeout`, so a regression fails here instead of hanging.
# The inputs are made here (python3), just past the limits; timings are in bench/, not here.
# Usage: hostile_markdown.sh LKJIP SOURCE_DIR
set -u
lkjip=$1
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# Generous for a Debug+ASan build; a release build takes well under a second for each.
limit=${HOSTILE_TIMEOUT:-60}

python3 - "$tmp" <<'EOF'
import sys
d = sys.argv[1]
def w(name, text):
    with open(f"{d}/{name}.md", "w") as f:
        f.write(text)
w("quotes", ">" * 9400 + " x\n")
w("lists", "".join("  " * i + "- a\n" for i in range(120)))
w("list_brackets", "".join("  " * i + "- a\n" for i in range(300)) + "  " * 300 + "[a" * 200000 + "\n")
w("images", "![[]()" * 160000 + "\n")
w("pi", "a" + "<?" * 100000 + "\n")
w("cdata", "a" + "<![CDATA[" * 40000 + "\n")
w("columns", "|a" * 5000 + "\n" + "|-" * 5000 + "\n" + "x\n" * 5000)
w("row", "|a|\n|-|\n" + "|" * 100000 + "\n")
w("cells", "|" + "a|" * 10 + "\n|" + "-|" * 10 + "\n" + ("|" + "|" * 10 + "\n") * 120000)
w("emphasis", "*" * 40000 + "a" + "*" * 40000 + "\n")
w("links", "[*" * 20000 + "a" + "*](u)" * 20000 + "\n")
w("directive", "Teks.\n\n<!-- lkjip:page-break " + "x " * 50000 + "-->\n\nTeks.\n")
w("heading", "# BAB I " + "A " * 20000 + "\n\nTeks.\n")
w("caption", "Tabel 1" + ".1" * 20000 + " x\n\n| a |\n|---|\n| b |\n")
w("paragraph", " ".join(["pelaksanaan", "kinerja", "instansi", "dan"][i % 4] for i in range(60000)) + "\n")
EOF

# expect NAME error LINE:COL | expect NAME ok
expect() {
    name=$1
    want=$2
    out=$(timeout "$limit" "$lkjip" render "$tmp/$name.md" -o "$tmp/$name.pdf" 2>&1)
    status=$?
    if [ "$status" -eq 124 ]; then
        fail "$name: no answer within ${limit}s"
        return
    fi
    if [ "$want" = ok ]; then
        [ "$status" -eq 0 ] || fail "$name: exit $status, expected 0: $(echo "$out" | grep error | head -1)"
        [ -s "$tmp/$name.pdf" ] || fail "$name: no PDF"
        return
    fi
    [ "$status" -eq 1 ] || fail "$name: exit $status, expected 1"
    echo "$out" | grep -q "^$tmp/$name.md:$3: error: " || fail "$name: no error at $3: $(echo "$out" | head -1)"
    [ ! -e "$tmp/$name.pdf" ] || fail "$name: a PDF was written"
}

expect quotes error 1:101
expect lists error 101:201
expect list_brackets error 101:201
expect images error '1:[0-9]*'
expect pi error '1:[0-9]*'
expect cdata error '1:[0-9]*'
expect columns error 1:1
expect row error 3:1
expect cells error '[0-9]*:1'
expect emphasis ok
expect links ok
expect directive ok
expect heading ok
expect caption ok
expect paragraph ok

if [ "$failures" -gt 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "hostile_markdown: all cases passed"
