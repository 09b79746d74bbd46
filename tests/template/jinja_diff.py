#!/usr/bin/env python3
"""The template engine against Jinja2 on its own subset (issue 18).

Renders every case tests/template/diff/*.j2 with lkjip's engine (tests/template/render_template)
and with python3-jinja2, both with the context tests/template/diff/context.toml, and compares the
outputs byte for byte.

    jinja_diff.py RENDER_TEMPLATE CASE_DIR DOCS_TEMPLATES_MD

The first line of a case may be a mark (a Jinja comment, so both engines drop it):

    (no mark)                        both render, and the outputs are identical
    {# diff: error #}                both refuse: Jinja2 raises, lkjip gives a positioned error
    {# diff: rejected: WHY #}        lkjip refuses a construct it does not support, with a
                                     positioned error (file:line:col: error:), whatever Jinja2 does
    {# diff: documented: KEY #}      lkjip deliberately differs: lkjip renders, Jinja2 renders
                                     something else or refuses, and the Jinja compatibility section
                                     of docs/templates.md has a row whose first cell is `KEY`

A marked case that no longer behaves as marked fails too (a stale mark hides the next change).

The environment lkjip emulates (generator/template/template.hpp and docs/templates.md):
trim_blocks and lstrip_blocks on, autoescape off, the template's final newline kept
(keep_trailing_newline), an undefined name an error on any use but `is defined`, `is undefined` and
`default` (StrictUndefined, chained: `a.x.y is defined` is false when `a.x` is undefined), and
`{{ none }}` printing nothing (finalize) while `~`, `string` and `join` write None as Python does.

Filters lkjip adds beyond Jinja, implemented here as lkjip documents them so cases can mix them with
Jinja's: angka, persen, rupiah, tanggal, romawi, huruf, sel/cell. Not implemented (and not used by
the cases; tests/unit covers them): terbilang, angka_terbilang.
"""

import decimal
import math
import os
import re
import subprocess
import sys

try:
    import tomllib
except ImportError:  # pragma: no cover - Debian 12 has Python 3.11
    sys.exit("jinja_diff: needs Python 3.11 (tomllib)")

try:
    import jinja2
except ImportError:
    sys.exit("jinja_diff: python3-jinja2 is not installed (scripts/install-deps installs it)")

MARK = re.compile(r"\{#\s*diff:\s*(error|rejected|documented)\s*(?::\s*(.*?))?\s*#\}")
POSITIONED = re.compile(r"^[^\n:]+:\d+:\d+: error: ", re.M)


class Undefined(jinja2.ChainableUndefined, jinja2.StrictUndefined):
    """Strict on every use, chained through attributes and items (as lkjip's `is defined`)."""


# ---- lkjip's own filters, as docs/templates.md describes them ---------------------------------


def _decimal(x, places):
    ax = abs(x)
    text = "%.14e" % ax if ax < 1e15 else repr(ax)
    d = decimal.Decimal(text).quantize(decimal.Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)
    whole, _, frac = format(d, "f").partition(".")
    return whole, frac


def _group(digits):
    out = ""
    for i, c in enumerate(digits):
        out += c
        left = len(digits) - 1 - i
        if left and left % 3 == 0:
            out += "."
    return out


def _number(x, what="the input"):
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise ValueError(f"{what} must be a number")
    return x


def _places(p, fallback):
    if p is None:
        return fallback
    if isinstance(p, bool) or not isinstance(p, int) or not 0 <= p <= 6:
        raise ValueError("the number of decimals must be between 0 and 6")
    return p


def f_angka(x, desimal=None):
    _number(x)
    if isinstance(x, int) and desimal is None:
        return ("-" if x < 0 else "") + _group(str(abs(x)))
    places = _places(desimal, 0 if isinstance(x, int) else 2)
    x = float(x)
    whole, frac = _decimal(x, places)
    zero = int(whole) == 0 and not frac.strip("0")
    out = ("-" if math.copysign(1.0, x) < 0 and not zero else "") + _group(whole)
    return out + ("," + frac if frac else "")


def f_persen(x, desimal=None):
    _number(x)
    return f_angka(float(x), _places(desimal, 2)) + "%"


def f_rupiah(x):
    if isinstance(x, float) and x == int(x):
        x = int(x)
    if isinstance(x, bool) or not isinstance(x, int):
        raise ValueError("an amount of rupiah must be a whole number")
    return ("-Rp " if x < 0 else "Rp ") + _group(str(abs(x)))


BULAN = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()


def f_tanggal(x):
    if isinstance(x, str):
        y, m, d = (int(p) for p in x.split("-"))
    else:
        y, m, d = x["tahun"], x["bulan"], x["hari"]
    import datetime

    datetime.date(y, m, d)  # raises on a bad date
    return f"{d} {BULAN[m - 1]} {y}"


def f_romawi(n):
    if not 1 <= n <= 3999:
        raise ValueError("roman numerals go from 1 to 3999")
    out = ""
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                 (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += s
            n -= v
    return out


def f_huruf(n):
    if not 1 <= n <= 1_000_000:
        raise ValueError("list letters go from 1 (a) upwards")
    out = ""
    while n > 0:
        n -= 1
        out = chr(ord("a") + n % 26) + out
        n //= 26
    return out


def f_sel(s):
    s = str(s).strip(" \t\r\n")
    out = ""
    i = 0
    while i < len(s):
        c = s[i]
        if c == "|":
            out += "\\|"
        elif c == "\r":
            pass
        elif c == "\n":
            out = out.rstrip(" ")
            if not out.endswith("<br>"):
                out += "<br>"
            while i + 1 < len(s) and s[i + 1] in "\n \r":
                i += 1
        else:
            out += c
        i += 1
    return out


def jinja_environment(case_dir):
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(case_dir),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        undefined=Undefined,
        finalize=lambda v: "" if v is None else v,
    )
    env.filters.update(angka=f_angka, persen=f_persen, rupiah=f_rupiah, tanggal=f_tanggal, romawi=f_romawi,
                       huruf=f_huruf, sel=f_sel, cell=f_sel)
    return env


def compatibility_keys(docs_path):
    """First cells of the table rows in docs/templates.md's Jinja compatibility section."""
    with open(docs_path, encoding="utf-8") as f:
        text = f.read()
    start = text.find("## Jinja compatibility")
    if start < 0:
        sys.exit(f"jinja_diff: {docs_path} has no '## Jinja compatibility' section")
    end = text.find("\n## ", start + 1)
    section = text[start:end if end > 0 else len(text)]
    return set(re.findall(r"^\|\s*`([^`]+)`\s*\|", section, re.M))


def show(label, value):
    return f"--- {label} ---\n{value}\n--- end {label} ---"


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    render, case_dir, docs = sys.argv[1:]
    with open(os.path.join(case_dir, "context.toml"), "rb") as f:
        context = tomllib.load(f)
    keys = compatibility_keys(docs)
    env = jinja_environment(case_dir)
    cases = sorted(n for n in os.listdir(case_dir) if n.endswith(".j2"))
    failures = []
    counts = {"same": 0, "error": 0, "rejected": 0, "documented": 0}
    for name in cases:
        with open(os.path.join(case_dir, name), encoding="utf-8") as f:
            source = f.read()
        first = source.split("\n", 1)[0]
        m = MARK.fullmatch(first.strip())
        mode, why = (m.group(1), m.group(2) or "") if m else ("same", "")
        counts[mode] += 1

        calls = {"n": 0}

        def hitung():
            calls["n"] += 1
            return calls["n"]

        jinja_out = jinja_err = None
        try:
            jinja_out = env.get_template(name).render(dict(context, hitung=hitung))
        except Exception as e:  # any failure of Jinja2 is "Jinja2 refuses"
            jinja_err = f"{type(e).__name__}: {e}"
        p = subprocess.run([render, case_dir, name, os.path.join(case_dir, "context.toml")], capture_output=True,
                           timeout=20)
        lk_out = p.stdout.decode("utf-8", "backslashreplace")
        lk_err = p.stderr.decode("utf-8", "backslashreplace")
        lk_ok = p.returncode == 0
        lk_positioned = p.returncode == 1 and POSITIONED.search(lk_err) is not None

        problem = None
        if p.returncode not in (0, 1) or (p.returncode == 1 and not lk_positioned):
            problem = f"lkjip failed without a positioned error (exit {p.returncode})"
        elif mode == "same":
            if jinja_err is not None and not lk_ok:
                problem = "both refuse, but the case is not marked 'diff: error'"
            elif jinja_err is not None:
                problem = "Jinja2 refuses, lkjip renders"
            elif not lk_ok:
                problem = "lkjip refuses, Jinja2 renders"
            elif lk_out != jinja_out:
                problem = "the outputs differ"
        elif mode == "error":
            if jinja_err is None:
                problem = "marked 'error' but Jinja2 renders"
            elif lk_ok:
                problem = "marked 'error' but lkjip renders"
        elif mode == "rejected":
            if not why:
                problem = "a 'rejected' mark needs a reason"
            elif lk_ok:
                problem = "marked 'rejected' but lkjip renders"
        elif mode == "documented":
            if why not in keys:
                problem = f"documented difference '{why}' has no row in the Jinja compatibility section of {docs}"
            elif not lk_ok:
                problem = "a documented difference must render in lkjip"
            elif lk_out == jinja_out:
                problem = "marked as a documented difference but the outputs are identical (stale mark)"
        if problem:
            failures.append("\n".join([
                f"FAIL {name}: {problem}",
                show("template", source),
                show("lkjip", lk_out if lk_ok else lk_err.rstrip("\n")),
                show("jinja2 " + jinja2.__version__, jinja_out if jinja_err is None else jinja_err),
            ]))
    for f in failures:
        print(f, end="\n\n")
    summary = ", ".join(f"{v} {k}" for k, v in counts.items())
    print(f"jinja_diff: {len(cases)} cases ({summary}) against Jinja2 {jinja2.__version__}: {len(failures)} failed")
    if len(cases) < 150:
        print("jinja_diff: expected at least 150 cases")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
