#!/usr/bin/python3
"""The workbook of `lkjip build --xlsx` against the report's Markdown (issue 21).

Every table of the Markdown (a GFM pipe table, its caption "Tabel N.M ..." or "Gambar N.M ...")
must be a sheet named by its number, and every id-ID number of its body (1.234.567,89; 13,72%;
Rp 5.000; (1.234)) must be a number cell of that sheet with the same value. Reads the workbook
with python3-openpyxl (Debian). Usage: xlsx_tables.py REPORT.md TABLES.xlsx
"""
import re
import sys
from decimal import Decimal

import openpyxl

NUMBER = re.compile(r"^\(?[-\u2212]?(Rp\.?\s*)?[-\u2212]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?(,-)?\s*%?\)?$")
CAPTION = re.compile(r"^\*{0,2}(Tabel|Gambar)\s+(\d+(\.\d+)*)")


def value(text):
    t = text.strip().replace("\u00a0", " ")
    if not NUMBER.match(t):
        return None
    negative = t.startswith("(") or "-" in t.replace(",-", "") or "\u2212" in t
    percent = t.endswith("%") or t.endswith("%)")
    digits = re.sub(r"[^\d,]", "", t.replace(",-", ""))
    whole, _, frac = digits.partition(",")
    v = Decimal(whole + ("." + frac if frac else ""))
    if percent:
        v /= 100
    return -v if negative else v


def tables(markdown):
    """(caption number or None, [body numbers]) per pipe table, in order."""
    out, caption, lines = [], None, markdown.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        m = CAPTION.match(line)
        if m:
            caption = m.group(1) + " " + m.group(2)
        if line.startswith("|") and i + 1 < len(lines) and re.match(r"^\|?\s*:?-{3,}", lines[i + 1].strip()):
            # A Kode column holds kode rekening ("2.17", "1"), text in the workbook as in the report;
            # a multi-level header ("A > B") is named by its top level.
            header = [h.strip().replace("**", "") for h in re.split(r"(?<!\\)\|", line[1:-1])]
            codes = {k for k, h in enumerate(header) if h.lower().startswith("kode")}
            i += 2
            numbers = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [c for c in re.split(r"(?<!\\)\|", lines[i].strip()[1:-1])]
                for k, c in enumerate(cells):
                    if k in codes:
                        continue
                    c = re.sub(r"<br\s*/?>", "\n", c).replace("**", "").replace("&emsp;", "").strip()
                    if "\n" not in c:
                        v = value(c)
                        if v is not None:
                            numbers.append(v)
                i += 1
            out.append((caption, numbers))
            caption = None
            continue
        if line and not m and not line.startswith("<!--"):
            caption = caption if CAPTION.match(line) else None
        i += 1
    return out


def main():
    md = open(sys.argv[1], encoding="utf-8").read()
    wb = openpyxl.load_workbook(sys.argv[2])
    failures = 0
    expected = tables(md)
    if len(expected) != len(wb.sheetnames):
        print(f"FAIL: {len(expected)} tables in the Markdown, {len(wb.sheetnames)} sheets: {wb.sheetnames}")
        failures += 1
    for (caption, numbers), name in zip(expected, wb.sheetnames):
        if caption and name != caption:
            print(f"FAIL: table {caption} is the sheet {name!r}")
            failures += 1
        cells = [Decimal(repr(c)) for row in wb[name].iter_rows(values_only=True) for c in row
                 if isinstance(c, (int, float)) and not isinstance(c, bool)]
        for n in numbers:
            match = next((c for c in cells if abs(c - n) <= abs(n) * Decimal("1e-12")), None)
            if match is None:
                print(f"FAIL: sheet {name!r} lacks the number {n} of its table")
                failures += 1
            else:
                cells.remove(match)
    if not expected:
        print("FAIL: no table in the Markdown")
        failures += 1
    sys.exit(1 if failures else 0)


main()
