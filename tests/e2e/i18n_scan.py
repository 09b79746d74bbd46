#!/usr/bin/env python3
"""Finds user-facing English that does not go through gettext (issue 19, docs/i18n.md).

Every string literal of generator/ that reads as an English sentence (two or more words, one of
them an English function word) must stand inside a mark: _( ), _f( ), _n( ) or N_( ). A literal
that is not a message (a PDF operator, a TOML key list, report text that is always Indonesian)
carries `// i18n: not a message` on its line or the line before. Prints file:line: literal for
each unmarked one and exits 1 when there is any.

Usage: i18n_scan.py SOURCE_DIR
"""
import os
import re
import sys

ENGLISH = re.compile(
    r"\b(the|is|are|was|were|not|no|must|has|have|had|with|from|than|this|that|these|should|"
    r"cannot|can|of|to|and|or|for|at|by|be|an|a|it|its|only|use|write|expected|missing|"
    r"unknown|needs|found|file|folder|value|line|error|warning|did|you|mean)\b")
MARKS = ("_(", "_f(", "_n(", "N_(")
SKIP = "i18n: not a message"


def literals(text):
    """(offset, content) of every "..." literal outside comments and char literals."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif c == "'":
            j = i + 1
            while j < n and text[j] != "'":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
        elif c == 'R' and text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == '_')):
            m = re.match(r'R"([^(]*)\(', text[i:])
            end = text.find(")" + m.group(1) + '"', i) if m else -1
            i = n if end < 0 else end + len(m.group(1)) + 2
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            yield i, text[i + 1:j]
            i = j + 1
        else:
            i += 1


def marked(text, offset):
    """True when the literal at offset is the first argument of a mark (adjacent literals joined)."""
    k = offset - 1
    while k >= 0:
        while k >= 0 and text[k] in " \t\n":
            k -= 1
        if k >= 0 and text[k] == '"':  # the end of an adjacent literal: continue before it
            k -= 1
            while k >= 0 and not (text[k] == '"' and text[k - 1] != "\\"):
                k -= 1
            k -= 1
            continue
        break
    before = text[max(0, k - 3):k + 1]
    return any(before.endswith(m) for m in MARKS)


def main():
    root = os.path.join(sys.argv[1], "generator")
    found = 0
    for folder, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if not name.endswith((".cpp", ".hpp")):
                continue
            path = os.path.join(folder, name)
            text = open(path, encoding="utf-8").read()
            lines = text.split("\n")
            for offset, content in literals(text):
                # Markup is not a message: XML elements and attributes the Word writer and the
                # workbook writer put in their parts (`<a:ln w=\"6350\">`), whole or cut at a literal's end.
                content = re.sub(r"<[^<>]*(>|$)|^[^<>]*>", " ", content)
                words = re.findall(r"[A-Za-z]+", content)
                if len(words) < 2 or not ENGLISH.search(content):
                    continue
                line = text.count("\n", 0, offset)
                if SKIP in lines[line] or (line > 0 and SKIP in lines[line - 1]):
                    continue
                if marked(text, offset):
                    continue
                found += 1
                print(f"{os.path.relpath(path, sys.argv[1])}:{line + 1}: \"{content[:90]}\"")
    if found:
        print(f"{found} English literals outside a gettext mark (docs/i18n.md)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
