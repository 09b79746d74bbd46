#!/usr/bin/env python3
"""Checks of `lkjip render` output for render_markdown.sh (issue 17: Markdown nobody here wrote).

  render_check.py words FILE.md FILE.pdf     every word of the Markdown's text is in the PDF text
  render_check.py uris FILE.pdf URI...       each URI is the target of a link annotation
  render_check.py inside FILE.pdf            every word of every page lies inside the page box
  render_check.py has FILE.pdf TEXT...       the PDF text contains each TEXT

"The Markdown's text" is what cmark-gfm's own plain-text renderer prints (the library the
parser uses, another renderer than lkjip's): tables, code, footnotes and link text included;
raw HTML blocks are left out by that renderer, and are checked by `has`. A word is a run of at
least two letters; a word hyphenated at a line end is joined again. Prints FAIL lines and exits
with their number.
"""
import ctypes
import re
import subprocess
import sys

failures = 0


def fail(message):
    global failures
    failures += 1
    print("FAIL: " + message)


def plain_text(path):
    core = ctypes.CDLL("libcmark-gfm.so.0.29.0.gfm.6")
    ext = ctypes.CDLL("libcmark-gfm-extensions.so.0.29.0.gfm.6")
    ext.cmark_gfm_core_extensions_ensure_registered()
    core.cmark_parser_new.restype = ctypes.c_void_p
    core.cmark_find_syntax_extension.restype = ctypes.c_void_p
    core.cmark_find_syntax_extension.argtypes = [ctypes.c_char_p]
    core.cmark_parser_attach_syntax_extension.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    core.cmark_parser_feed.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
    core.cmark_parser_finish.restype = ctypes.c_void_p
    core.cmark_parser_finish.argtypes = [ctypes.c_void_p]
    core.cmark_render_plaintext.restype = ctypes.c_void_p
    core.cmark_render_plaintext.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
    parser = core.cmark_parser_new(1 << 13)  # CMARK_OPT_FOOTNOTES
    for name in (b"table", b"strikethrough", b"tasklist"):
        core.cmark_parser_attach_syntax_extension(parser, core.cmark_find_syntax_extension(name))
    data = open(path, "rb").read()
    core.cmark_parser_feed(parser, data, len(data))
    root = core.cmark_parser_finish(parser)
    return ctypes.string_at(core.cmark_render_plaintext(root, 0, 0)).decode("utf-8", "replace")


def pdf_text(pdf):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True, check=True).stdout
    # A word hyphenated at a line end, also at a page's last line (the page number between).
    return re.sub(r"-\n(\s*[\divxlc]*\s*\f)?\s*", "", out)


WORD = re.compile(r"[^\W\d_]{2,}")


def words(md, pdf):
    expected = WORD.findall(plain_text(md))
    text = pdf_text(pdf)
    found = set(WORD.findall(text))
    # A string no line can hold (a long identifier in a narrow table column) is cut where the
    # line is full, without a hyphen: its letters are all there, across the cut.
    flat = "".join(text.split())
    missing = sorted({w for w in expected if w not in found and w not in flat})
    if not expected:
        fail(f"{md}: no words in its plain text (the check cannot see anything)")
    if missing:
        fail(f"{md}: {len(missing)} of {len(set(expected))} words are not in {pdf}: {' '.join(missing[:20])}")


def uris(pdf, wanted):
    qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, "-"], capture_output=True, check=False).stdout
    found = set(m.decode("latin-1") for m in re.findall(rb"/URI \((.*?)(?<!\\)\)", qdf))
    found = {re.sub(r"\\(.)", r"\1", u) for u in found}
    if not re.search(rb"/Subtype /Link", qdf):
        fail(f"{pdf}: no link annotations at all")
    for u in wanted:
        if u not in found:
            fail(f"{pdf}: no link annotation with the URI {u} (found: {' '.join(sorted(found))[:300]})")


def inside(pdf):
    html = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S)
    if not pages:
        fail(f"{pdf}: no pages in pdftotext -bbox")
    for n, (w, h, body) in enumerate(pages, 1):
        w, h = float(w), float(h)
        for x0, y0, x1, y1, word in re.findall(
                r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>', body):
            x0, y0, x1, y1 = map(float, (x0, y0, x1, y1))
            # Inside the page box with the margins of a page: never past 10 mm of the edge.
            if x0 < 28 or y0 < 28 or x1 > w - 28 or y1 > h - 28:
                fail(f"{pdf} page {n}: the word {word!r} at ({x0:.0f}, {y0:.0f})-({x1:.0f}, {y1:.0f}) is outside the page's text area")
                return


def has(pdf, texts):
    text = " ".join(pdf_text(pdf).split())
    for t in texts:
        if t not in text:
            fail(f"{pdf}: the text {t!r} is not in it")


def main(argv):
    command, args = argv[1], argv[2:]
    if command == "words":
        words(args[0], args[1])
    elif command == "uris":
        uris(args[0], args[1:])
    elif command == "inside":
        inside(args[0])
    elif command == "has":
        has(args[0], args[1:])
    else:
        fail(f"unknown command {command}")
    return failures


if __name__ == "__main__":
    sys.exit(main(sys.argv))
