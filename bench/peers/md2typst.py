#!/usr/bin/env python3
"""GFM (the subset a report's Markdown uses) to Typst markup, for the side-by-side benchmark.

Typst reads no Markdown and Debian 12's pandoc (2.17) has no Typst writer, so bench/peers/run
converts the document once, before timing, and times only `typst compile` of the result. The
conversion keeps what costs a typesetter work: headings, paragraphs, emphasis, lists, hard line
breaks, pipe tables; display math is set as plain text (the peers' math engines are not what is
compared). Usage: md2typst.py IN.md OUT.typ
"""
import re
import sys

SPECIAL = set('\\#$*_`<>@[]~/"\'=-+')


def escape(text: str) -> str:
    return ''.join('\\' + c if c in SPECIAL else c for c in text)


BOTH = re.compile(r'\*\*\*(.+?)\*\*\*')
STRONG = re.compile(r'\*\*(.+?)\*\*|<b>(.+?)</b>|__(.+?)__')
EMPH = re.compile(r'(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)')
TAG = re.compile(r'</?[a-zA-Z][^>]*>')


def inline(text: str) -> str:
    # Emphasis markers become private characters, the rest is escaped, then the markers are
    # written as Typst's *strong* and _emph_.
    text = BOTH.sub(lambda m: '\x01\x02' + m.group(1) + '\x02\x01', text)
    text = STRONG.sub(lambda m: '\x01' + next(g for g in m.groups() if g) + '\x01', text)
    text = EMPH.sub(lambda m: '\x02' + next(g for g in m.groups() if g) + '\x02', text)
    text = TAG.sub('', text)
    text = text.replace('\t', ' ')
    out = escape(text)
    return out.replace('\x01', '*').replace('\x02', '_')


LIST = re.compile(r'^(\s*)([-*+]|\d+[.)])\s+(.*)$')
HEADING = re.compile(r'^(#{1,6})\s+(.*?)\s*#*\s*$')


def convert(lines):
    # lkjip's defaults (layout.hpp LayoutSettings): A4, margins 30/25/30/25 mm, 12 pt Liberation
    # Serif, baselines 18 pt apart (1.5 × size; Typst's leading is the gap between the
    # descender of one line and the ascender of the next, about 1.15 × size apart).
    out = ['#set page(paper: "a4", margin: (top: 30mm, bottom: 25mm, left: 30mm, right: 25mm), numbering: "1")',
           '#set text(font: "Liberation Serif", size: 12pt, lang: "id", top-edge: "ascender", bottom-edge: "descender")',
           '#set par(justify: true, leading: 4.2pt, spacing: 10pt)', '']
    i = 0
    while i < len(lines):
        line = lines[i].rstrip('\n')
        hard = line.endswith('  ')
        line = line.rstrip()
        if line.startswith('$$'):
            body = line.strip('$')
            out.append(escape(body) + '\n')
            i += 1
            continue
        m = HEADING.match(line)
        if m:
            out.append('=' * len(m.group(1)) + ' ' + inline(m.group(2)) + '\n')
            i += 1
            continue
        if line.startswith('|') and i + 1 < len(lines) and re.match(r'^\s*\|?\s*:?-+', lines[i + 1]):
            rows = []
            while i < len(lines) and lines[i].strip().startswith('|'):
                cells = [c.strip() for c in lines[i].strip().strip('|').split('|')]
                if not all(re.fullmatch(r':?-+:?', c) for c in cells):
                    rows.append(cells)
                i += 1
            cols = max(len(r) for r in rows)
            out.append(f'#table(columns: {cols},')
            for r in rows:
                out.append('  ' + ', '.join('[' + inline(c) + ']' for c in r + [''] * (cols - len(r))) + ',')
            out.append(')\n')
            continue
        m = LIST.match(line)
        if m:
            depth = len(m.group(1).expandtabs(4)) // 2
            marker = '-' if m.group(2) in '-*+' else '+'
            out.append('  ' * depth + marker + ' ' + inline(m.group(3)) + (' \\' if hard else ''))
            i += 1
            continue
        if not line.strip():
            out.append('')
            i += 1
            continue
        out.append(inline(line) + (' \\' if hard else ''))
        i += 1
    return '\n'.join(out) + '\n'


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: md2typst.py IN.md OUT.typ')
    with open(sys.argv[1], encoding='utf-8') as f:
        lines = f.readlines()
    with open(sys.argv[2], 'w', encoding='utf-8') as f:
        f.write(convert(lines))


if __name__ == '__main__':
    main()
