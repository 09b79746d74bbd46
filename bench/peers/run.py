#!/usr/bin/env python3
"""Side by side (issue 22): lkjip, pandoc + xelatex and Typst on one Markdown document, whole
processes, in one run; and `lkjip build` of the Pekalongan sample (data file to PDF).

    bench/peers/run.py [--runs N] [--markdown FILE] [--lkjip PATH] [--cores all]
    bench/peers/run.py --install      # as root: pandoc, xelatex (Debian), Typst (npm)

A peer that is not installed is skipped and said so. Each command runs once to warm the caches
(the page cache, TeX's font maps), then N times (default 7); the table gives the median wall
time and the median CPU time (user + system, the process and its children), pinned to one core
with taskset unless --cores all, because the issue's targets are on one core. The documents
are written to build/peers/ for a look.

The Markdown is the seed report 002 (Kota Pekalongan 2024) when ../shared/seeds/ has it, else
`lkjip preview` of the Pekalongan sample. pandoc reads it as GFM (with $$ math); Typst reads no
Markdown, so md2typst.py converts it once, untimed. All three set it on A4 with lkjip's margins,
12 pt Liberation Serif, 1.5 line spacing. Timings are printed, never asserted (docs/benchmarks.md).
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SAMPLE = os.path.join(ROOT, 'samples', 'kota-pekalongan', 'dindagkop-ukm-2024.toml')
PEERS = os.environ.get('LKJIP_PEERS_DIR', os.path.join(os.path.expanduser('~'), '.cache', 'lkjip-peers'))
TYPST_PACKAGE = '@myriaddreamin/typst-ts-node-compiler'
FONTS = '/usr/share/fonts/truetype/liberation2'

TYPST_JS = r"""
const path = require('path'), fs = require('fs');
const { NodeCompiler } = require(path.join(process.argv[4], 'node_modules', '@myriaddreamin/typst-ts-node-compiler'));
const [src, out] = process.argv.slice(2);
const compiler = NodeCompiler.create({ workspace: path.dirname(src), fontArgs: [{ fontPaths: [process.argv[5]] }] });
fs.writeFileSync(out, compiler.pdf({ mainFileContent: fs.readFileSync(src, 'utf8') }));
"""


def install():
    if os.geteuid() != 0:
        sys.exit('--install: run as root (apt-get)')
    env = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
    subprocess.run(['apt-get', 'install', '-y', '--no-install-recommends', 'pandoc', 'texlive-xetex',
                    'texlive-latex-recommended', 'texlive-fonts-recommended', 'lmodern', 'fonts-liberation2',
                    'poppler-utils', 'nodejs', 'npm'], check=True, env=env)
    os.makedirs(PEERS, exist_ok=True)
    subprocess.run(['npm', 'install', '--prefix', PEERS, '--no-audit', '--no-fund', TYPST_PACKAGE], check=True)


def pages(pdf):
    try:
        out = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout
    except FileNotFoundError:
        return '?'
    for line in out.splitlines():
        if line.startswith('Pages:'):
            return line.split()[1]
    return '?'


def timed(argv, runs, pin):
    """Median wall and CPU milliseconds of `runs` runs after one warm-up; None if it fails."""
    if pin and shutil.which('taskset'):
        argv = ['taskset', '-c', '0'] + argv
    walls, cpus = [], []
    for i in range(runs + 1):
        # The messages go to a file: a pipe read only at the end would fill and stall the process.
        with tempfile.TemporaryFile() as errors:
            start = time.perf_counter()
            proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = (time.perf_counter() - start) * 1000
            errors.seek(0)
            err = errors.read().decode(errors='replace')
        if os.waitstatus_to_exitcode(status) != 0:
            print(f'  {argv[0]}... failed: {err.strip()[-400:]}', file=sys.stderr)
            return None
        if i == 0:
            continue
        walls.append(wall)
        cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--install', action='store_true')
    ap.add_argument('--runs', type=int, default=7)
    ap.add_argument('--markdown')
    ap.add_argument('--lkjip', default=os.path.join(ROOT, 'build', 'lkjip'))
    ap.add_argument('--cores', choices=['one', 'all'], default='one')
    args = ap.parse_args()
    if args.install:
        install()
        return
    out = os.path.join(ROOT, 'build', 'peers')
    os.makedirs(out, exist_ok=True)
    if not os.access(args.lkjip, os.X_OK):
        sys.exit(f'{args.lkjip}: no lkjip binary (cmake --build build first, or --lkjip PATH)')
    markdown = args.markdown
    if not markdown:
        seeds = sorted(glob.glob(os.path.join(ROOT, '..', 'shared', 'seeds', '002_*.txt')))
        if seeds:
            markdown = seeds[0]
        else:
            markdown = os.path.join(out, 'pekalongan.md')
            subprocess.run([args.lkjip, 'preview', SAMPLE, '-o', markdown, '--quiet'], check=True)
    pin = args.cores == 'one'
    print(f'document: {os.path.relpath(markdown, ROOT)}; {args.runs} runs after 1 warm-up, medians; '
          f'{"one core (taskset -c 0)" if pin else "all cores"}')
    rows = []

    def add(name, argv, pdf):
        r = timed(argv, args.runs, pin)
        if r:
            rows.append((name, pages(pdf), r[0], r[1]))

    lk_pdf = os.path.join(out, 'lkjip-render.pdf')
    add('lkjip render', [args.lkjip, 'render', markdown, '-o', lk_pdf], lk_pdf)
    if shutil.which('pandoc') and shutil.which('xelatex'):
        pd_pdf = os.path.join(out, 'pandoc-xelatex.pdf')
        add('pandoc + xelatex', ['pandoc', '-f', 'gfm+tex_math_dollars', markdown, '-o', pd_pdf, '--pdf-engine=xelatex',
                                 '-V', 'mainfont=Liberation Serif', '-V', 'fontsize=12pt', '-V', 'linestretch=1.5',
                                 '-V', 'geometry:a4paper,top=30mm,bottom=25mm,left=30mm,right=25mm'], pd_pdf)
    else:
        print('pandoc + xelatex: not installed (bench/peers/run.py --install)')
    typst_module = os.path.join(PEERS, 'node_modules', *TYPST_PACKAGE.split('/'))
    if shutil.which('node') and os.path.isdir(typst_module):
        typ = os.path.join(out, 'document.typ')
        subprocess.run([sys.executable, os.path.join(HERE, 'md2typst.py'), markdown, typ], check=True)
        js = os.path.join(out, 'typst-compile.js')
        with open(js, 'w') as f:
            f.write(TYPST_JS)
        ty_pdf = os.path.join(out, 'typst.pdf')
        add('Typst (npm compiler)', ['node', js, typ, ty_pdf, PEERS, FONTS], ty_pdf)
    else:
        print(f'Typst: not installed (bench/peers/run.py --install puts {TYPST_PACKAGE} in {PEERS})')
    build_pdf = os.path.join(out, 'lkjip-build-pekalongan.pdf')
    add('lkjip build (Pekalongan TOML)', [args.lkjip, 'build', SAMPLE, '-o', build_pdf, '--quiet'], build_pdf)

    base = next((r for r in rows if r[0] == 'lkjip render'), None)
    print(f'\n| {"command":<30} | pages | wall ms | CPU ms | × lkjip render |')
    print(f'|{"-" * 32}|------:|--------:|-------:|--------------:|')
    for name, pg, wall, cpu in rows:
        ratio = f'{wall / base[2]:.1f}x' if base else '-'
        print(f'| {name:<30} | {pg:>5} | {wall:7.1f} | {cpu:6.1f} | {ratio:>13} |')


if __name__ == '__main__':
    main()
