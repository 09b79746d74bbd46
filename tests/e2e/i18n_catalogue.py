#!/usr/bin/env python3
"""Checks the Indonesian catalogue against the messages of the source (issue 19, docs/i18n.md).

POT is what xgettext extracted from generator/ (tests/e2e/i18n.sh makes it); PO files are the
catalogue (po/id.po, and po/parts/*.po while a change is under way). Fails, naming the message,
when a message of the source has no Indonesian (missing, empty or fuzzy), when a translation's
fmt fields differ from its English ({} counted, {0} {1} by index), when a `code` span of the
English (a key, an option, a command) is not kept word for word, or when the catalogue holds a
message the source no longer has.

Usage: i18n_catalogue.py POT PO...
"""
import re
import sys


def unquote(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            nxt = s[i + 1]
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def entries(path):
    """Yield dicts {msgid, msgid_plural, msgctxt, msgstr: [..], fuzzy, line} of a PO file, whose
    entries are separated by blank lines (the PO format, as msgcat writes it)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    block, start = [], 0
    for number, line in enumerate(lines + [""], 1):
        if line.strip():
            if not block:
                start = number
            block.append((number, line))
            continue
        if not block:
            continue
        cur, key, fuzzy = {}, None, False
        for n, l in block:
            if l.startswith("#~"):
                cur = None  # an obsolete entry: reported by its absence from POT
                break
            if l.startswith("#,"):
                fuzzy = fuzzy or "fuzzy" in l
                continue
            if l.startswith("#"):
                continue
            m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?|msgctxt)\s+"(.*)"$', l)
            if m:
                key = m.group(1)
                if key.startswith("msgstr"):
                    cur.setdefault("msgstr", []).append(unquote(m.group(2)))
                else:
                    cur[key] = unquote(m.group(2))
                continue
            m = re.match(r'^"(.*)"$', l)
            if m and key:
                if key.startswith("msgstr"):
                    cur["msgstr"][-1] += unquote(m.group(1))
                else:
                    cur[key] += unquote(m.group(1))
                continue
            raise SystemExit(f"{path}:{n}: cannot read this line of the catalogue")
        block = []
        if cur and "msgid" in cur:
            cur["fuzzy"] = fuzzy
            cur["line"] = start
            yield cur


def fields(s):
    """The fmt replacement fields of s, without {{ and }}: a sorted list of their names."""
    s = s.replace("{{", "").replace("}}", "")
    found = re.findall(r"\{([^{}]*)\}", s)
    auto = [f for f in found if not re.match(r"^\d", f)]
    indexed = sorted(re.match(r"^(\d+)", f).group(1) for f in found if re.match(r"^\d", f))
    # {} {} {} are the indices 0, 1, 2 in order; a translation may reorder them with {1} {0}.
    names = [str(i) for i in range(len(auto))] if auto else indexed
    return sorted(names), sorted(set(f.split(":", 1)[1] for f in found if ":" in f))


def code_spans(s):
    return re.findall(r"`[^`]+`", s)


def main():
    pot, pos = sys.argv[1], sys.argv[2:]
    wanted = {}
    for e in entries(pot):
        if e["msgid"]:
            wanted[(e.get("msgctxt"), e["msgid"])] = e
    have = {}
    problems = []
    for po in pos:
        for e in entries(po):
            if not e["msgid"]:
                continue
            key = (e.get("msgctxt"), e["msgid"])
            if key in have:
                continue
            have[key] = (po, e)
    for key, e in wanted.items():
        msgid = e["msgid"]
        if key not in have:
            problems.append(f"no Indonesian for: {msgid!r}")
            continue
        po, t = have[key]
        where = f"{po}:{t['line']}"
        if t["fuzzy"]:
            problems.append(f"{where}: fuzzy (unchecked) translation of {msgid!r}")
        if not t.get("msgstr") or any(not s for s in t["msgstr"]):
            problems.append(f"{where}: empty translation of {msgid!r}")
            continue
        sources = [msgid] + ([e["msgid_plural"]] if e.get("msgid_plural") else [])
        for s in t["msgstr"]:
            ok = any(fields(s) == fields(src) for src in sources)
            if not ok:
                problems.append(f"{where}: the fields {{}} of {s!r} differ from those of {msgid!r}")
            for span in code_spans(msgid):
                if span not in s:
                    problems.append(f"{where}: {span} of {msgid!r} is not kept in {s!r}")
    for key, (po, t) in have.items():
        if key not in wanted:
            problems.append(f"{po}:{t['line']}: {t['msgid']!r} is no longer a message of lkjip (remove it)")
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problems in the catalogue (docs/i18n.md)")
        return 1
    print(f"{len(wanted)} messages, every one translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
