#!/usr/bin/env python3
"""Typography checks of built PDFs for tests/e2e/typography.sh (issue 17; standard library only,
calls poppler's pdftotext).

Usage:
  typography.py breaks KBBI_LIST PDF...     no line ends in a forbidden break: a hyphen leaving
                                            fewer than two letters before or three after, a
                                            hyphenated word of five letters or fewer, a break
                                            that is not a KBBI boundary of a word in the list
  typography.py words MARKDOWN PDF          the PDF's text is extractable word for word: every
                                            letter run inside a line of `pdftotext` is a word of
                                            the Markdown (kerned text drawn in pieces must not
                                            come out as "T ahun")
Every problem is one "FAIL: ..." line; the exit status is the number of problems (capped at 100).
"""
import html
import re
import subprocess
import sys

failures = 0
LETTERS = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]+")


def fail(msg):
    global failures
    failures += 1
    print("FAIL: " + msg)


def kbbi(path):
    words = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            plain, bounds = "", set()
            for c in line:
                if c == "-":
                    bounds.add(len(plain))
                else:
                    plain += c
            words[plain.lower()] = bounds
    return words


def lines_of(pdf):
    """The lines of every block of every page (pdftotext -bbox-layout), each a list of words."""
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in re.findall(r"<page .*?</page>", out, re.S):
        blocks = []
        for block in re.findall(r"<block .*?</block>", page, re.S):
            lines = []
            for line in re.findall(r"<line .*?</line>", block, re.S):
                lines.append([html.unescape(w) for w in re.findall(r"<word [^>]*>(.*?)</word>", line, re.S)])
            blocks.append(lines)
        pages.append(blocks)
    return pages


def check_breaks(words, pdf):
    for pno, blocks in enumerate(lines_of(pdf), 1):
        for lines in blocks:
            for i, line in enumerate(lines):
                if not line or not line[-1].endswith("-") or len(line[-1]) < 2:
                    continue
                frag = line[-1][:-1]
                m = re.search(LETTERS.pattern + "$", frag)
                if not m:
                    continue  # "-" for no value, "2020-" of a range: not a broken word
                before = m.group(0)
                where = f"{pdf} page {pno}: '{line[-1]}'"
                if len(before) < 2:
                    fail(f"{where}: fewer than two letters before the hyphen")
                if i + 1 >= len(lines) or not lines[i + 1]:
                    continue  # the word goes on in another block (a page or column foot)
                nxt = lines[i + 1][0]
                m2 = LETTERS.match(nxt)
                after = m2.group(0) if m2 else ""
                where += f" / '{nxt}'"
                if len(after) < 3:
                    fail(f"{where}: fewer than three letters after the hyphen")
                word = (before + after).lower()
                if len(word) <= 5:
                    fail(f"{where}: a word of five letters or fewer is hyphenated")
                if word in words and len(before) not in words[word]:
                    fail(f"{where}: not a KBBI syllable boundary of '{word}'")


def check_words(markdown, pdf):
    with open(markdown, encoding="utf-8") as f:
        known = set(LETTERS.findall(f.read()))
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
    for pno, page in enumerate(text.split("\f"), 1):
        for line in page.split("\n"):
            runs = LETTERS.findall(line)
            # The first and last run of a line may be a piece of a word broken at the line's end
            # (a syllable, a cut URL); a word shortened with "…" (a chart label) is not whole.
            for run in runs[1:-1]:
                if run not in known and (run + "…") not in line:
                    fail(f"{pdf} page {pno}: '{run}' is not a word of the Markdown (line '{line.strip()[:80]}')")


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "breaks" and len(sys.argv) >= 4:
        words = kbbi(sys.argv[2])
        for pdf in sys.argv[3:]:
            check_breaks(words, pdf)
    elif cmd == "words" and len(sys.argv) == 4:
        check_words(sys.argv[2], sys.argv[3])
    else:
        print(__doc__)
        return 2
    return min(failures, 100)


if __name__ == "__main__":
    sys.exit(main())
