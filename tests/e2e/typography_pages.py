#!/usr/bin/env python3
"""Page-break, landscape and page-box checks of issue 17 (run by tests/e2e/typography_pages.sh).

Usage:
  typography_pages.py PDF MD [--report]      the checks below on a document and its Markdown
  typography_pages.py row PDF N WORD...      the WORDs on one baseline of some page, the k-th in the
                                             k-th of N equal shares of the text column (signatures
                                             side by side: tops aligned, names on one baseline)
  typography_pages.py offpage OUT.pdf        writes a one-page PDF with a word wholly off the page
                                             (for the test that the pagebox check can fail)

PDF is a document `lkjip build` wrote and MD its Markdown (`--md`); the Markdown says which texts
are headings and lead-ins, the PDF where they landed. Checks:
  keep       no heading (ATX heading, run-in heading, caption) and no lead-in sentence is the last
             line of a page; a bold group row is never the last row of a page
  landscape  no landscape page is under 40% filled (the extent of its text and rules over the text
             area), unless it is the only page of a landscape run holding one table
  pagebox    no text outside the page box: every text-showing operator of every content stream
             starts inside the page (poppler drops text wholly off the page, so the stream is read
             as well), and every word poppler sees lies inside the page
  toc        the last page of a Daftar Isi / Tabel / Gambar holds at least 3 lines

Standard library only; calls pdftotext, pdfinfo (poppler-utils) and qpdf. Every problem is one
"FAIL: ..." line; the exit status is the number of problems (capped at 100). --report also prints
the fill of every landscape page.
"""
import html
import re
import subprocess
import sys
import zlib

MM = 72 / 25.4
# The default page geometry of generator/layout/layout.hpp (LayoutSettings); the samples keep it.
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 30 * MM, 25 * MM, 30 * MM, 25 * MM
# Issue 17: "no landscape page under 40% filled".
MIN_LANDSCAPE_FILL = 0.40
# Issue 17: "a last TOC page never holds only two lines".
MIN_LAST_TOC_LINES = 3
# A table may take a lone landscape page under MIN_LANDSCAPE_FILL only when it cannot be set
# upright: its body's widest words, at the smallest type the layout tries upright
# (kShortTableFloor, generator/layout/blocks.cpp) and with the cells' padding (TableStyle::pad_x),
# are wider together than the portrait text column.
UPRIGHT_FLOOR, CELL_PAD = 7.0, 3.0
EPS = 0.5  # rounding of poppler's boxes and of the writer's numbers
LIST_TITLES = ("DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR")

failures = 0


def fail(msg):
    global failures
    failures += 1
    print("FAIL: " + msg, flush=True)


def run(args):
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        fail(f"{' '.join(args)} exits {p.returncode}: {p.stderr.decode('utf-8', 'replace')[:200]}")
    return p.stdout


def norm(s):
    """Whitespace removed, soft and hard line-end hyphens joined, lower case: text compared across
    line breaks."""
    s = s.replace("\u00ad", "").replace("\u00a0", " ")
    return re.sub(r"\s+", "", s).lower()


# --- The PDF as poppler reads it ------------------------------------------------------------------

class Word:
    __slots__ = ("x0", "y0", "x1", "y1", "text")

    def __init__(self, x0, y0, x1, y1, text):
        self.x0, self.y0, self.x1, self.y1, self.text = x0, y0, x1, y1, text


class Page:
    def __init__(self, number, width, height):
        self.number, self.width, self.height = number, width, height
        self.words = []

    @property
    def landscape(self):
        return self.width > self.height

    def body_words(self):
        """Words inside the text area (not the running header, not the page number)."""
        top, bottom = MARGIN_TOP - EPS, self.height - MARGIN_BOTTOM + EPS
        return [w for w in self.words if w.y0 >= top and w.y1 <= bottom]

    def lines(self):
        """Body lines, top to bottom: words grouped by baseline (the bottom of their box, which
        poppler puts at the descender: one font size gives one value), left to right."""
        out = []
        for w in sorted(self.body_words(), key=lambda w: (round(w.y1, 0), w.x0)):
            if out and abs(out[-1][0] - w.y1) < 2.0:
                out[-1][1].append(w)
            else:
                out.append([w.y1, [w]])
        return [" ".join(x.text for x in sorted(ws, key=lambda w: w.x0)) for _, ws in out]


def read_pages(pdf):
    out = run(["pdftotext", "-bbox-layout", pdf, "-"]).decode("utf-8", "replace")
    pages = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        page = Page(len(pages) + 1, float(m.group(1)), float(m.group(2)))
        for w in re.finditer(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>',
                             m.group(3)):
            page.words.append(Word(float(w.group(1)), float(w.group(2)), float(w.group(3)), float(w.group(4)),
                                   html.unescape(w.group(5))))
        pages.append(page)
    return pages


# --- The PDF's content streams, read directly --------------------------------------------------

def content_streams(pdf):
    """Per page: (width, height, the operators of its content stream as (operator, operands)).
    qpdf writes the file uncompressed with one object per "%% Original object" block."""
    qdf = run(["qpdf", "--qdf", "--object-streams=disable", "--stream-data=uncompress", pdf, "-"])
    objects = {}
    for m in re.finditer(rb"^(\d+) 0 obj\n(.*?)^endobj", qdf, re.S | re.M):
        objects[int(m.group(1))] = m.group(2)
    pages = []
    for m in re.finditer(rb"^%% Page (\d+)\n%% Original object ID: \d+ \d+\n(\d+) 0 obj\n(.*?)^endobj", qdf, re.S | re.M):
        body = m.group(3)
        box = re.search(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", body)
        width, height = (float(box.group(3)), float(box.group(4))) if box else (0.0, 0.0)
        refs = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+ 0 R)", body)
        data = b""
        for ref in re.findall(rb"(\d+) 0 R", refs.group(1) if refs else b""):
            obj = objects.get(int(ref), b"")
            s = re.search(rb"stream\n(.*)\nendstream", obj, re.S)
            if s:
                data += s.group(1) + b"\n"
        pages.append((width, height, data))
    return pages


TOKEN = re.compile(rb"\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\[|\]|/[^\s/\[\]()<>]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'\"*]+")


def operators(data):
    operands = []
    for t in TOKEN.findall(data):
        if re.fullmatch(rb"[-+]?(?:\d+\.?\d*|\.\d+)", t):
            operands.append(float(t))
        elif t[:1] in b"(<[]/":
            operands.append(t)
        else:
            yield t.decode("latin-1"), operands
            operands = []


def mul(a, b):
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


class Scan:
    """What a content stream draws, in page coordinates (y upwards): text origins with their size,
    the points of every painted path, vertical rules (x, y0, y1) and grey filled rectangles."""

    def __init__(self):
        self.texts, self.marks, self.verticals, self.grey_boxes = [], [], [], []


def scan_stream(data):
    ident = [1, 0, 0, 1, 0, 0]
    ctm, stack = ident[:], []
    tm, tlm, leading, size = ident[:], ident[:], 0.0, 0.0
    out = Scan()
    path, segments, rects, grey = [], [], [], False
    for op, a in operators(data):
        if op == "q":
            stack.append((ctm[:], grey))
        elif op == "Q" and stack:
            ctm, grey = stack.pop()
        elif op == "cm" and len(a) == 6:
            ctm = mul(a, ctm)
        elif op == "g" and len(a) == 1:
            grey = 0.0 < a[0] < 1.0
        elif op == "rg" and len(a) == 3:
            grey = a[0] == a[1] == a[2] and 0.0 < a[0] < 1.0
        elif op == "BT":
            tm, tlm = ident[:], ident[:]
        elif op == "Tf" and len(a) == 2:
            size = a[1]
        elif op == "Tm" and len(a) == 6:
            tm, tlm = list(a), list(a)
        elif op in ("Td", "TD") and len(a) == 2:
            if op == "TD":
                leading = -a[1]
            tlm = mul([1, 0, 0, 1, a[0], a[1]], tlm)
            tm = tlm[:]
        elif op == "TL" and a:
            leading = a[0]
        elif op in ("T*", "'", '"'):
            tlm = mul([1, 0, 0, 1, 0, -leading], tlm)
            tm = tlm[:]
        if op in ("Tj", "TJ", "'", '"'):
            m = mul(tm, ctm)
            out.texts.append((m[4], m[5], size))
        elif op == "m" and len(a) == 2:
            path.append((a[0], a[1]))
        elif op == "l" and len(a) == 2:
            if path:
                segments.append((path[-1], (a[0], a[1])))
            path.append((a[0], a[1]))
        elif op == "c" and len(a) == 6:
            path.extend([(a[0], a[1]), (a[2], a[3]), (a[4], a[5])])
        elif op == "re" and len(a) == 4:
            path.extend([(a[0], a[1]), (a[0] + a[2], a[1] + a[3])])
            rects.append(a)
        elif op in ("S", "s", "f", "F", "f*", "B", "B*", "b", "b*"):
            def page_xy(x, y):
                m = mul([1, 0, 0, 1, x, y], ctm)
                return m[4], m[5]
            out.marks.extend(page_xy(x, y) for x, y in path)
            if op in ("S", "s"):
                for (x0, y0), (x1, y1) in segments:
                    if abs(x0 - x1) < 0.01:
                        (px, py0), (_, py1) = page_xy(x0, y0), page_xy(x1, y1)
                        out.verticals.append((px, min(py0, py1), max(py0, py1)))
            elif grey:
                for x, y, w, h in rects:
                    (px0, py0), (px1, py1) = page_xy(x, y), page_xy(x + w, y + h)
                    out.grey_boxes.append((min(px0, px1), min(py0, py1), max(px0, px1), max(py0, py1)))
            path, segments, rects = [], [], []
        elif op == "n":
            path, segments, rects = [], [], []
        elif op == "Do":
            # An image: the unit square under the CTM.
            for x, y in ((0, 0), (1, 1)):
                m = mul([1, 0, 0, 1, x, y], ctm)
                out.marks.append((m[4], m[5]))
    return out


# --- The Markdown: which texts are headings and lead-ins ----------------------------------------

def strip_md(s):
    s = re.sub(r"<!--.*?-->", "", s)
    s = re.sub(r"<br\s*/?>", " ", s)
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = s.replace("&nbsp;", " ").replace("\\", "")
    return re.sub(r"[*_`]", "", s).strip()


def markdown_keeps(md):
    """(headings, lead_ins, group_rows): normalised texts. A heading is an ATX heading, a
    paragraph wholly in bold (a run-in heading, "**a. Perbandingan …**") or a caption line
    ("Tabel 3.1 …" before a table); a lead-in a paragraph ending in ":" or "berikut" right
    before a table or a list; a group row a table row whose only text is one bold cell."""
    headings, lead_ins, groups = [], [], []
    blocks, current = [], []
    # The cover is one page of its own, and a signature's bold name is no heading.
    md = re.sub(r"<!-- lkjip:(cover|signatures?) -->.*?<!-- lkjip:end-\1 -->", "", md, flags=re.S)
    for line in md.split("\n"):
        if line.strip() == "" or line.strip().startswith("<!--"):
            if current:
                blocks.append(current)
            current = []
            if line.strip().startswith("<!--"):
                blocks.append([line])
        else:
            current.append(line)
    if current:
        blocks.append(current)
    for i, b in enumerate(blocks):
        first = b[0].lstrip()
        if first.startswith("#"):
            text = strip_md(first.lstrip("#"))
            if not text.startswith("BAB "):  # a chapter always starts a page
                headings.append(norm(text))
            continue
        if first.startswith("|"):
            for row in b:
                cells = [c.strip() for c in row.strip().strip("|").split("|")]
                filled = [c for c in cells if c]
                if len(filled) == 1 and re.fullmatch(r"\*\*.*\*\*", filled[0]) and len(cells) > 2:
                    groups.append(norm(strip_md(filled[0])))
            continue
        if first.startswith(("- ", "* ")) or re.match(r"\d+[.)]\s", first):
            # A list item that ends in ":" announces the nested list under it.
            for row in b:
                item = strip_md(re.sub(r"^\s*(?:[-*]|\d+[.)])\s+", "", row))
                if item.endswith(":"):
                    lead_ins.append(norm(item))
            continue
        if first.startswith(("<!--", ">", "```")):
            continue
        text = " ".join(x.strip() for x in b)
        # A run-in heading; a caption ("**Tabel 3.1** Capaian ...").
        if re.fullmatch(r"\*\*[^*]+\*\*", text) or re.match(r"\*\*(Tabel|Gambar) \d", text):
            headings.append(norm(strip_md(text)))
            continue
        # A lead-in announces what follows (keep.cpp, is_lead_in).
        plain = strip_md(text)
        if re.search(r"(:|\bberikut\.?|\bdi bawah ini\.?)$", plain, re.I):
            lead_ins.append(norm(plain))
    return headings, lead_ins, groups


# --- The checks ---------------------------------------------------------------------------------

def check_keep(pages, md_text, name):
    headings, lead_ins, groups = markdown_keeps(md_text)
    heads = set(headings)
    for k, page in enumerate(pages[:-1]):
        lines = page.lines()
        if not lines:
            continue
        last = norm(lines[-1])
        if len(last) < 2:
            continue
        # The page's last lines, joined, end a heading or are one: a heading (or its first line)
        # at the page foot. Lines of a list of contents end in a page number and never match.
        tail = ""
        for line in reversed(lines[-3:]):
            tail = norm(line) + tail
            if tail in heads or any(h.startswith(tail) and len(tail) >= 24 for h in heads):
                fail(f"a heading is the last line of page {page.number} of {name}: {lines[-1]!r}")
                break
        else:
            if any(l.endswith(last) and len(last) >= 6 for l in lead_ins):
                fail(f"a lead-in is the last line of page {page.number} of {name}: {lines[-1]!r}")
            elif last in groups:
                fail(f"a program row is the last row of page {page.number} of {name}: {lines[-1]!r}")


def upright_minimum(page, scan):
    """The narrowest the table on a landscape page could be set upright with whole words: per
    column (between its vertical rules) the widest word of the body rows (under the grey header),
    scaled from the table's type to UPRIGHT_FLOOR, plus padding. None when the page holds no
    table."""
    top, bottom = MARGIN_TOP, page.height - MARGIN_BOTTOM
    edges = sorted({round(x, 1) for x, y0, y1 in scan.verticals if top <= page.height - y1 and page.height - y0 <= bottom})
    if len(edges) < 2 or not scan.grey_boxes:
        return None
    header_bottom = page.height - min(b[1] for b in scan.grey_boxes)  # poppler's y runs downwards
    table_bottom = page.height - min(y0 for _, y0, _ in scan.verticals)
    sizes = [round(sz, 1) for x, y, sz in scan.texts
             if edges[0] <= x <= edges[-1] and header_bottom <= page.height - y <= table_bottom]
    if not sizes:
        return None
    size = max(set(sizes), key=sizes.count)
    def ruled(x, y):  # a vertical rule at x passes through poppler's height y
        return any(abs(vx - x) < 0.2 and vy0 - EPS <= page.height - y <= vy1 + EPS for vx, vy0, vy1 in scan.verticals)

    total = 0.0
    for left, right in zip(edges, edges[1:]):
        widest = 0.0
        for w in page.words:
            if not (left <= w.x0 < right and w.y1 <= table_bottom + EPS and w.y0 >= top):
                continue
            # A header word counts when its cell is this column alone (a rule at its right edge
            # beside it): a cell spanning columns spreads its width over them.
            if w.y0 < header_bottom and not ruled(right, (w.y0 + w.y1) / 2):
                continue
            widest = max(widest, w.x1 - w.x0)
        total += widest * UPRIGHT_FLOOR / size + 2 * CELL_PAD
    return total


def check_landscape(pages, streams, name, report):
    runs = []  # consecutive landscape pages
    for k, page in enumerate(pages):
        if not page.landscape:
            continue
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    for run_pages in runs:
        for k in run_pages:
            page = pages[k]
            top, bottom = MARGIN_TOP, page.height - MARGIN_BOTTOM  # poppler's y runs downwards
            ys = []
            for w in page.body_words():
                ys.extend([w.y0, w.y1])
            if k < len(streams):
                _, _, data = streams[k]
                for _, y in scan_stream(data).marks:
                    yd = page.height - y
                    if top - EPS <= yd <= bottom + EPS:
                        ys.append(yd)
            fill = (max(ys) - min(ys)) / (bottom - top) if ys else 0.0
            if report:
                print(f"{name} p{page.number} landscape fill {fill:.0%} (run of {len(run_pages)})")
            if fill >= MIN_LANDSCAPE_FILL - 1e-9:
                continue
            # Issue 17: allowed only to the only page of its content when that cannot be set
            # upright.
            upright = upright_minimum(page, scan_stream(streams[k][2])) if k < len(streams) else None
            portrait = min(page.width, page.height) - MARGIN_LEFT - MARGIN_RIGHT
            if len(run_pages) == 1 and upright is not None and upright > portrait:
                if report:
                    print(f"  allowed: its table needs {upright:.0f} pt upright, the column is {portrait:.0f} pt")
                continue
            why = f"; its table would fit upright in {upright:.0f} pt" if upright is not None else ""
            fail(f"landscape page {page.number} of {name} is {fill:.0%} filled "
                 f"(at least {MIN_LANDSCAPE_FILL:.0%}){why}")


def check_pagebox(pages, streams, name):
    for page in pages:
        for w in page.words:
            if w.x0 < -EPS or w.y0 < -EPS or w.x1 > page.width + EPS or w.y1 > page.height + EPS:
                fail(f"text outside page {page.number} of {name}: {w.text!r} at "
                     f"({w.x0:.1f}, {w.y0:.1f})-({w.x1:.1f}, {w.y1:.1f})")
                break
    if len(streams) != len(pages):
        fail(f"{name}: qpdf finds {len(streams)} pages, poppler {len(pages)}")
    for k, (width, height, data) in enumerate(streams):
        for x, y, _ in scan_stream(data).texts:
            if not (-EPS <= x <= width + EPS and -EPS <= y <= height + EPS):
                fail(f"text placed outside page {k + 1} of {name} at ({x:.1f}, {y:.1f}) "
                     f"(page {width:.0f} x {height:.0f})")
                break


def check_toc(pages, name):
    k = 0
    while k < len(pages):
        lines = pages[k].lines()
        title = next((t for t in LIST_TITLES if lines and norm(lines[0]) == norm(t)), None)
        if not title:
            k += 1
            continue
        # The list runs on until a page that starts with a title of its own (a chapter, another
        # list): the pages of one list hold entries only.
        end = k
        while end + 1 < len(pages):
            nxt = pages[end + 1].lines()
            if not nxt or pages[end + 1].landscape or not re.search(r"\S\s+([ivxlc]+|\d+)$", nxt[0]):
                break
            if not all(re.search(r"([ivxlc]+|\d+)$", l) or not l.endswith(".") for l in nxt):
                break
            end += 1
        if end > k:
            n = len(pages[end].lines())
            if n < MIN_LAST_TOC_LINES:
                fail(f"the last page of the {title} of {name} (page {pages[end].number}) holds {n} "
                     f"line(s) (at least {MIN_LAST_TOC_LINES})")
        k = end + 1


def check_row(pdf, shares, words):
    name = pdf.rsplit("/", 1)[-1]
    for page in read_pages(pdf):
        left = MARGIN_LEFT
        share = (page.width - MARGIN_LEFT - MARGIN_RIGHT) / shares
        for first in (w for w in page.words if w.text == words[0]):
            found = [first]
            for word in words[1:]:
                match = [w for w in page.words if w.text == word and abs(w.y1 - first.y1) < 1.0]
                if not match:
                    break
                found.append(match[0])
            if len(found) == len(words) and all(left + k * share - EPS <= w.x0 < left + (k + 1) * share
                                                for k, w in enumerate(found)):
                return
    fail(f"{' '.join(words)} are not side by side in {shares} columns on one baseline of any page of {name}")


def write_offpage(out):
    """A minimal PDF (Helvetica, no embedding): "inside" on the page, "outside" 200 pt right of it."""
    content = b"BT /F1 12 Tf 100 700 Td (inside) Tj ET BT /F1 12 Tf 800 700 Td (outside) Tj ET"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
            b"/Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    pdf, offsets = b"%PDF-1.4\n", []
    for i, o in enumerate(objs):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with open(out, "wb") as f:
        f.write(pdf)


def main(argv):
    if len(argv) >= 4 and argv[1] == "row":
        check_row(argv[2], int(argv[3]), argv[4:])
        return min(failures, 100)
    if len(argv) == 3 and argv[1] == "offpage":
        write_offpage(argv[2])
        return 0
    if len(argv) < 3:
        print(__doc__)
        return 2
    pdf, md_file = argv[1], argv[2]
    report = "--report" in argv[3:]
    name = pdf.rsplit("/", 1)[-1]
    with open(md_file, encoding="utf-8") as f:
        md_text = f.read()
    pages = read_pages(pdf)
    if not pages:
        fail(f"poppler finds no pages in {name}")
        return min(failures, 100)
    streams = content_streams(pdf)
    check_keep(pages, md_text, name)
    check_landscape(pages, streams, name, report)
    check_pagebox(pages, streams, name)
    check_toc(pages, name)
    return min(failures, 100)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
