#!/usr/bin/python3
"""Checks a Word file lkjip wrote against the Markdown it was written from (issue 20).

Usage: docx_check.py REPORT.md REPORT.docx [LIBREOFFICE_TEXT.txt]

With python3-docx (Debian): every heading of the Markdown is a Heading N paragraph with its text,
every caption a Caption paragraph, every table that is not a chart's data a Word table of the
"Table Grid" style with every body cell's text, in order; every chart is a chart part or a
picture. With the text LibreOffice's PDF of the Word file gives (pdftotext): every number of
those tables is in it. Prints one line per problem; exit 1 when there is any.
"""
import re
import sys
import zipfile

import docx

problems = []


def problem(text):
    problems.append(text)


def plain(md):
    """The text of a Markdown cell or line as the reader sees it."""
    t = md.replace("\\|", "|").replace("&emsp;", "").replace("\u2003", "").replace("&nbsp;", " ")
    t = re.sub(r"<br\s*/?>", " ", t)
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t)
    t = t.replace("**", "").replace("~~", "").replace("`", "")
    t = re.sub(r"(?<![\w*])\*(?!\s)([^*]+?)\*(?!\w)", r"\1", t)
    t = re.sub(r"(?<!\w)_([^_]+?)_(?!\w)", r"\1", t)
    return " ".join(t.split())


def split_row(line):
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells, cur, i = [], "", 0
    while i < len(line):
        if line[i] == "\\" and i + 1 < len(line) and line[i + 1] == "|":
            cur += "\\|"
            i += 2
            continue
        if line[i] == "|":
            cells.append(cur)
            cur = ""
        else:
            cur += line[i]
        i += 1
    cells.append(cur)
    return [c.strip() for c in cells]


def read_markdown(path):
    """Headings, captions, tables (with their chart flag) of a report's Markdown."""
    lines = open(path, encoding="utf-8").read().split("\n")
    headings, captions, tables = [], [], []
    in_cover = in_code = False
    chart_next = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            in_code = not in_code
        if in_code:
            i += 1
            continue
        if "<!-- lkjip:cover -->" in line:
            in_cover = True
        if "<!-- lkjip:end-cover -->" in line:
            in_cover = False
        if line.startswith("<!-- lkjip:chart"):
            chart_next = True
        m = re.match(r"^(#{1,6}) (.*)$", line)
        if m and not in_cover:
            headings.append(plain(m.group(2)))
        if re.match(r"^\*\*(Tabel|Gambar) [0-9A-Z]+(\.[0-9]+)*\*\*", line):
            captions.append(plain(line))
        if line.startswith("|") and i + 1 < len(lines) and re.match(r"^\|?\s*:?-{3,}", lines[i + 1]):
            rows = []
            i += 2
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            tables.append({"rows": rows, "chart": chart_next})
            chart_next = False
            continue
        if line.strip() and not line.startswith("<!--") and not line.startswith("**Gambar") and not line.startswith("**Tabel"):
            chart_next = False
        i += 1
    return headings, captions, tables


def norm(text):
    return " ".join(text.split())


def main():
    md_path, docx_path = sys.argv[1], sys.argv[2]
    lo_text = open(sys.argv[3], encoding="utf-8").read() if len(sys.argv) > 3 else None
    headings, captions, tables = read_markdown(md_path)
    d = docx.Document(docx_path)
    paragraphs = d.paragraphs
    word_headings = [norm(p.text) for p in paragraphs if p.style.name.lower().startswith("heading")]
    for h in headings:
        if h not in word_headings:
            problem(f"heading missing: {h!r}")
    if len(word_headings) != len(headings):
        problem(f"{len(headings)} headings in the Markdown, {len(word_headings)} in the Word file")
    word_captions = [norm(p.text) for p in paragraphs if p.style.name.lower() == "caption"]
    for c in captions:
        if c not in word_captions:
            problem(f"caption missing: {c!r}")
    grid = [t for t in d.tables if t.style is not None and t.style.name == "Table Grid"]
    data_tables = [t for t in tables if not t["chart"]]
    if len(grid) != len(data_tables):
        problem(f"{len(data_tables)} tables in the Markdown, {len(grid)} Word tables")
    for k, (mt, wt) in enumerate(zip(data_tables, grid)):
        cells = set()
        for row in wt.rows:
            for cell in row.cells:
                cells.add(norm(cell.text))
        for row in mt["rows"]:
            for c in row:
                text = plain(c)
                if text and text != "^^" and text not in cells:
                    problem(f"table {k + 1}: cell {text!r} is not in the Word table")
    with zipfile.ZipFile(docx_path) as z:
        names = z.namelist()
        charts = [n for n in names if re.match(r"word/charts/chart\d+\.xml$", n)]
        pictures = [n for n in names if n.startswith("word/media/")]
        for n in charts:
            xml = z.read(n).decode("utf-8")
            if "<c:externalData" not in xml or "<c:numCache>" not in xml:
                problem(f"{n}: no cached numbers or no embedded workbook")
        if len(charts) + len(pictures) < sum(1 for t in tables if t["chart"]):
            problem("fewer charts and pictures than chart directives")
    if lo_text is not None:
        flat = norm(lo_text)
        number = re.compile(r"^-?[0-9]{1,3}(\.[0-9]{3})*(,[0-9]+)?%?$")
        for k, mt in enumerate(data_tables):
            for row in mt["rows"]:
                for c in row:
                    text = plain(c)
                    if number.match(text) and text not in flat:
                        problem(f"table {k + 1}: the figure {text} is not in LibreOffice's PDF of the Word file")
    for p in problems[:40]:
        print(f"{docx_path}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
