#!/usr/bin/env python3
"""PDF checks for tests/e2e/pdf.sh (standard library only; calls qpdf and poppler-utils).

Usage:
  pdfcheck.py report PDF          a built LKjIP report: validity, fonts, page labels, printed page
                                  numbers and running headers, outline, Daftar Isi/Tabel/Gambar,
                                  margins
  pdfcheck.py valid PDF           qpdf --check and poppler without warnings, fonts embedded
  pdfcheck.py margins PDF         no word within 10 pt of a page edge or wider than the text area
  pdfcheck.py words PDF TEXT...   every TEXT (whitespace-normalised) is in the PDF's text;
                                  "nospace:TEXT": TEXT with all whitespace removed
  pdfcheck.py absent PDF TEXT...  no TEXT is in the PDF's text (a seed's wrong figure)
  pdfcheck.py table PDF N         the long table of pdf.sh: the header on every page with rows,
                                  rows 1..N once each in order
  pdfcheck.py signatures PDF L R  word L in the left half and word R in the right half of a page,
                                  on one baseline (the two PK signatures)
  pdfcheck.py order PDF TEXT...   every TEXT in the PDF's text, in this order (a decree's parts)
Several commands separated by "+" run in one process.

Every problem is printed as one "FAIL: what, file, page" line; the exit status is the number of
problems (capped at 100).
"""
import json
import os
import re
import subprocess
import sys

MM = 72 / 25.4
# The default page geometry of generator/layout/layout.hpp (LayoutSettings); the samples do not
# override it. Left + right margin, the same sum on portrait and landscape pages.
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 30 * MM, 25 * MM, 30 * MM, 25 * MM
EDGE = 10.0  # no word closer than this to a page edge
EPS = 0.5    # rounding of poppler's boxes

failures = 0


def fail(msg):
    global failures
    failures += 1
    print("FAIL: " + msg, flush=True)


def start(args):
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(p, name, check_stderr=True):
    """A started tool's stdout; its stderr must be empty (poppler reports Syntax Error/Warning there)."""
    out, err = p.communicate()
    err = err.decode("utf-8", "replace").strip()
    args = [a for a in p.args if a != "-" and not a.endswith(".pdf")]
    if check_stderr and err:
        lines = err.splitlines()
        fail(f"{' '.join(args)} prints on stderr for {name}: {lines[0]}" +
             (f" (+{len(lines) - 1} more lines)" if len(lines) > 1 else ""))
    if p.returncode != 0:
        fail(f"{' '.join(args)} exits {p.returncode} for {name}")
    return out.decode("utf-8", "replace")


def run(args, name):
    return finish(start(args), name)


# ---------------------------------------------------------------------------------------------
# Text helpers

def dehyphenate(s):
    return re.sub(r"(\w)[-\u00ad]\s*\n\s*(\w)", r"\1\2", s)


def norm(s):
    s = s.replace("\u00ad", "")
    return re.sub(r"\s+", " ", s).strip().casefold()


def page_variants(text):
    """A page's text, whitespace-normalised, with line-end hyphens removed and kept."""
    return {norm(dehyphenate(text)), norm(text)}


def contains(text_variants, phrase):
    p = norm(phrase)
    return any(p in t for t in text_variants)


TOOLS = {
    "check": ["qpdf", "--check"],
    "info": ["pdfinfo"],
    "fonts": ["pdffonts"],
    "json": ["qpdf", "--json", "--json-key=pages", "--json-key=pagelabels", "--json-key=outlines"],
    "text": ["pdftotext"],
    "layout": ["pdftotext", "-layout"],
    "bbox": ["pdftotext", "-bbox"],
}


class Tools:
    """Starts the tools a check needs at once (they run in parallel) and gives their output."""

    def __init__(self, pdf, name, kinds):
        self.name = name
        self.procs = {k: start(TOOLS[k] + [pdf] + ([] if k in ("check", "info", "fonts", "json") else ["-"]))
                      for k in kinds}
        self.outs = {}

    def __call__(self, kind):
        if kind not in self.outs:
            p = self.procs[kind]
            if kind == "check":  # qpdf --check: exit status and WARNING lines are the result
                out, err = p.communicate()
                self.outs[kind] = (p.returncode, (out + err).decode("utf-8", "replace"))
            else:
                self.outs[kind] = finish(p, self.name)
        return self.outs[kind]


def split_pages(out):
    pages = out.split("\f")
    if pages and pages[-1].strip() == "":
        pages = pages[:-1]
    return pages


def roman(n):
    out = ""
    for v, s in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                 (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out += s
            n -= v
    return out


def letters(n):
    s = ""
    while n > 0:
        s = chr(ord("a") + (n - 1) % 26) + s
        n = (n - 1) // 26
    return s


def qpdf_json(out, name):
    try:
        return json.loads(out)
    except json.JSONDecodeError as e:
        fail(f"qpdf --json output unreadable for {name}: {e}")
        return {"pages": [], "pagelabels": [], "outlines": []}


def page_labels(js, npages):
    """The label string of each page from the /PageLabels ranges; None where no range applies."""
    ranges = sorted(js.get("pagelabels") or [], key=lambda r: r["index"])
    labels = []
    for i in range(npages):
        r = None
        for cand in ranges:
            if cand["index"] <= i:
                r = cand
        if r is None:
            labels.append(None)
            continue
        d = r["label"] or {}
        prefix = str(d.get("/P", "")).removeprefix("u:")
        style = d.get("/S")
        n = int(d.get("/St", 1)) + i - r["index"]
        body = {"/D": str(n), "/r": roman(n), "/R": roman(n).upper(), "/a": letters(n),
                "/A": letters(n).upper()}.get(style, "")
        labels.append(prefix + body)
    return labels


def bbox_pages(html):
    """[(width, height, [(xmin, ymin, xmax, ymax, word)])] from pdftotext -bbox."""
    pages = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        words = [(float(a), float(b), float(c), float(d), unescape(w))
                 for a, b, c, d, w in re.findall(
                     r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>',
                     m.group(3))]
        pages.append((float(m.group(1)), float(m.group(2)), words))
    return pages


def unescape(w):
    return w.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


# ---------------------------------------------------------------------------------------------
# Checks

def check_valid(tools, name):
    """1: qpdf --check clean, poppler silent. 2: fonts embedded as subsets."""
    rc, out = tools("check")
    if rc != 0 or "WARNING" in out.upper():
        bad = [l for l in out.splitlines() if "WARNING" in l.upper() or "error" in l.lower()][:3]
        fail(f"qpdf --check exits {rc} for {name}: " + " | ".join(bad))
    tools("info")
    fonts = tools("fonts").splitlines()
    rows = fonts[2:] if len(fonts) >= 2 and fonts[1].startswith("---") else []
    if not rows:
        fail(f"pdffonts lists no fonts for {name}")
    # libharu marks its subsets (HPDFAA+...) and pdffonts reports sub=yes: both are required.
    for row in rows:
        t = row.split()
        if len(t) < 7:
            fail(f"pdffonts row unreadable for {name}: {row!r}")
            continue
        emb, sub = t[-5], t[-4]
        if emb != "yes" or sub != "yes":
            fail(f"font {t[0]} is emb={emb} sub={sub} (want yes/yes) in {name}")


def check_margins(tools, name):
    """6: every word on the page, at least EDGE from each edge, none wider than the text area."""
    for i, (w, h, words) in enumerate(bbox_pages(tools("bbox")), 1):
        area = w - MARGIN_LEFT - MARGIN_RIGHT
        out, wide = [], []
        for x0, y0, x1, y1, word in words:
            if x0 < EDGE - EPS or y0 < EDGE - EPS or x1 > w - EDGE + EPS or y1 > h - EDGE + EPS:
                out.append(f"'{word[:40]}' at x {x0:.1f}..{x1:.1f} y {y0:.1f}..{y1:.1f}")
            if x1 - x0 > area + EPS:
                wide.append(f"'{word[:40]}' {x1 - x0:.1f} pt")
        if out:
            fail(f"{len(out)} word(s) within {EDGE:g} pt of the edge of the page ({w:.0f}x{h:.0f}) in {name}, "
                 f"page {i}: " + "; ".join(out[:3]))
        if wide:
            fail(f"{len(wide)} word(s) wider than the text area ({area:.1f} pt) in {name}, page {i}: " +
                 "; ".join(wide[:3]))


def check_report(pdf, name):
    tools = Tools(pdf, name, TOOLS)
    check_valid(tools, name)
    js = qpdf_json(tools("json"), name)
    plain = split_pages(tools("text"))
    layout = split_pages(tools("layout"))
    bboxes = bbox_pages(tools("bbox"))
    n = len(js.get("pages", []))
    if not (n == len(plain) == len(layout) == len(bboxes)):
        fail(f"page counts disagree in {name}: qpdf {n}, pdftotext {len(plain)}, -layout {len(layout)}, "
             f"-bbox {len(bboxes)}")
        return
    variants = [page_variants(t) for t in plain]

    # 3. Page labels: cover none/empty, then i, ii, ... up to BAB I, then 1, 2, ... to the end.
    labels = page_labels(js, n)
    bab1 = next((i for i, t in enumerate(plain)
                 if any(re.fullmatch(r"BAB I(\s+[^.].*)?", l.strip()) and ". ." not in l
                        for l in t.splitlines())), None)
    if bab1 is None:
        fail(f"no page starts BAB I in {name}")
        return
    if labels[0] not in (None, ""):
        fail(f"the cover has page label '{labels[0]}' (want none or empty) in {name}, page 1")
    for i in range(1, n):
        want = roman(i) if i < bab1 else str(i - bab1 + 1)
        if labels[i] != want:
            fail(f"page label is {labels[i]!r}, want '{want}' in {name}, page {i + 1}"
                 + (" (the page of BAB I)" if i == bab1 else ""))
            break  # the following pages would all be off by the same cause

    # Printed page numbers (centred in the bottom margin) and running headers (top margin).
    for i, (w, h, words) in enumerate(bboxes):
        bottom = [wd for wd in words if wd[1] >= h - MARGIN_BOTTOM]
        top = [wd for wd in words if wd[3] <= MARGIN_TOP]
        if i == 0:  # the cover: no printed number
            nums = [wd[4] for wd in bottom if re.fullmatch(r"\d+|[ivxlcdm]+", wd[4])]
            if nums:
                fail(f"the cover has a page number {nums[0]!r} in its bottom margin in {name}, page 1")
            continue
        printed = " ".join(wd[4] for wd in bottom)
        if printed != labels[i]:
            fail(f"printed page number is {printed!r}, want {labels[i]!r} in {name}, page {i + 1}")
        elif bottom:
            cx = (min(wd[0] for wd in bottom) + max(wd[2] for wd in bottom)) / 2
            centres = (w / 2, (MARGIN_LEFT + w - MARGIN_RIGHT) / 2)
            if min(abs(cx - c) for c in centres) > 2:
                fail(f"page number {printed} is at x {cx:.1f}, not centred (page {centres[0]:.1f}, "
                     f"text area {centres[1]:.1f}) in {name}, page {i + 1}")
        if not top:
            fail(f"no running header in the top margin in {name}, page {i + 1}")

    # 4. Outline: every BAB I..IV has an entry pointing at the page with its title; every other
    # entry points at a page with (the start of) its title.
    def walk(items, depth=0):
        for it in items:
            yield it, depth
            yield from walk(it.get("kids") or [], depth + 1)

    entries = list(walk(js.get("outlines") or []))
    for bab in ("I", "II", "III", "IV"):
        found = [it for it, _ in entries if re.match(rf"BAB {bab}\b", it.get("title", ""))]
        if not found:
            fail(f"no outline entry for BAB {bab} in {name}")
    for it, _ in entries:
        title, dest = it.get("title", ""), it.get("destpageposfrom1")
        if not isinstance(dest, int) or not 1 <= dest <= n:
            fail(f"outline entry '{title}' has no destination page in {name}")
            continue
        phrase = title if title.startswith("BAB ") else " ".join(title.split()[:4])
        if not contains(variants[dest - 1], phrase):
            fail(f"outline entry '{title}' points at a page without '{phrase}' in {name}, page {dest}")

    # 5. Daftar Isi (and the Daftar Tabel/Gambar that follow it in the front matter): every entry
    # "title . . . . N" names a label whose page has the title.
    toc = next((i for i in range(1, bab1) if any(l.strip() == "DAFTAR ISI" for l in layout[i].splitlines())), None)
    if toc is None:
        fail(f"no DAFTAR ISI heading in the front matter of {name}")
        return
    by_label = {l: i for i, l in enumerate(labels) if l}
    entry_re = re.compile(r"^\s*(?P<title>\S.*?)\s*(?:\.\s*){3,}(?P<label>\d+|[ivxlcdm]+)\s*$")
    checked = 0
    started = False
    for i in range(toc, bab1):
        pending = []
        for line in layout[i].splitlines():
            if not started:
                started = line.strip() == "DAFTAR ISI"
                continue
            m = entry_re.match(line)
            if not m:
                pending = pending + [line.strip()] if line.strip() else []
                continue
            title = " ".join(pending + [m.group("title")])
            pending = []
            label = m.group("label")
            if label not in by_label:
                fail(f"Daftar Isi entry '{title}' has page label '{label}', which no page has, in {name}, "
                     f"page {i + 1}")
                continue
            phrase = " ".join(title.split()[:4])
            target = by_label[label]
            if not contains(variants[target], phrase):
                fail(f"Daftar Isi entry '{title}' says page {label}, but that page lacks '{phrase}' in {name}, "
                     f"page {target + 1}")
            checked += 1
    if checked < 10:
        fail(f"only {checked} Daftar Isi entries found (want at least 10) in {name}")

    # 6. Margins.
    check_margins(tools, name)
    print(f"checked {name}: {n} pages, {len(entries)} outline entries, {checked} list entries")


def check_words(pdf, name, phrases):
    text = "\n".join(split_pages(Tools(pdf, name, ["text"])("text")))
    variants = page_variants(text)
    squeezed = re.sub(r"\s+", "", dehyphenate(text))
    for p in phrases:
        if p.startswith("nospace:"):  # a word the typesetter had to break: compare without spaces
            if p[8:] not in squeezed:
                fail(f"'{p[8:20]}...' ({len(p) - 8} characters) is not in the text of {name}")
        elif not contains(variants, p):
            fail(f"'{p}' is not in the text of {name}")


def check_absent(pdf, name, phrases):
    """Each phrase (a figure a seed printed wrong) is nowhere in the text."""
    variants = page_variants("\n".join(split_pages(Tools(pdf, name, ["text"])("text"))))
    for p in phrases:
        if contains(variants, p):
            fail(f"'{p}' is in the text of {name}, which should print the computed value instead")


def check_table(pdf, name, rows):
    tools = Tools(pdf, name, ["check", "info", "fonts", "layout", "bbox"])
    check_valid(tools, name)
    layout = split_pages(tools("layout"))
    row_re = re.compile(r"^\s*(\d{1,3})\s+Belanja\b")  # the first line of a row of pdf.sh's table
    seen = []
    for i, text in enumerate(layout, 1):
        nums = [int(m.group(1)) for m in map(row_re.match, text.splitlines()) if m]
        if nums:
            seen += nums
            if not re.search(r"\bUraian\b", text):
                fail(f"table header 'Uraian' missing on a page with rows {nums[0]}..{nums[-1]} in {name}, page {i}")
    if seen != list(range(1, rows + 1)):
        missing = sorted(set(range(1, rows + 1)) - set(seen))
        dup = sorted({x for x in seen if seen.count(x) > 1})
        fail(f"table rows not 1..{rows} once each in order in {name}: {len(seen)} rows found, "
             f"missing {missing[:10]}, repeated {dup[:10]}")
    pages_with_rows = sum(1 for t in layout if any(map(row_re.match, t.splitlines())))
    if pages_with_rows < 2:
        fail(f"the {rows}-row table fits on {pages_with_rows} page(s) of {name}; the header repetition is untested")
    check_margins(tools, name)


def check_signatures(pdf, name, left, right):
    """Two signatures side by side (issue 13): on some page, the word `left` (the first word of
    the PIHAK KEDUA's name) and `right` (the PIHAK PERTAMA's) on one baseline, one in each half."""
    tools = Tools(pdf, name, ["bbox"])
    for i, (w, h, words) in enumerate(bbox_pages(tools("bbox")), 1):
        ls = [x for x in words if x[4] == left and x[2] < w / 2]
        rs = [x for x in words if x[4] == right and x[0] > w / 2]
        for a in ls:
            for b in rs:
                if abs(a[3] - b[3]) < 0.5:
                    return
    fail(f"no page of {name} has '{left}' in the left half and '{right}' in the right half on one baseline")


def check_order(pdf, name, phrases):
    """The phrases appear in the text of the PDF in this order (the parts of a decree)."""
    text = norm(dehyphenate("\n".join(split_pages(Tools(pdf, name, ["text"])("text")))))
    at = 0
    for p in phrases:
        found = text.find(norm(p), at)
        if found < 0:
            fail(f"'{p}' is not in {name} after the part before it")
            return
        at = found + 1


def run_command(cmd, args):
    if not args:
        print(__doc__, file=sys.stderr)
        sys.exit(100)
    target = args[0]
    if not os.path.isfile(target):
        fail(f"no PDF to check: {target}")
    elif cmd == "report":
        check_report(target, target)
    elif cmd == "valid":
        check_valid(Tools(target, target, ["check", "info", "fonts"]), target)
    elif cmd == "margins":
        check_margins(Tools(target, target, ["bbox"]), target)
    elif cmd == "words":
        check_words(target, target, args[1:])
    elif cmd == "absent":
        check_absent(target, target, args[1:])
    elif cmd == "table":
        check_table(target, target, int(args[1]))
    elif cmd == "signatures":
        check_signatures(target, target, args[1], args[2])
    elif cmd == "order":
        check_order(target, target, args[1:])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(100)


def main(argv):
    # Several commands separated by "+" run in one process (Python's start-up is the slow part).
    command = []
    for a in argv[1:] + ["+"]:
        if a != "+":
            command.append(a)
        elif command:
            run_command(command[0], command[1:])
            command = []
    return min(failures, 100)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
