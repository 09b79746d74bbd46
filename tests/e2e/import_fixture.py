#!/usr/bin/python3
"""Test fixtures for `lkjip import` (issue 21), made from a sample's data file:

  budget   SAMPLE.toml OUT.xlsx
      The sample's program tree as a finance system exports it (SIPD "Laporan Realisasi
      Anggaran": a title, Kode Rekening | Uraian | Anggaran over Sebelum/Setelah Perubahan |
      Realisasi over Rp/%, a row of column numbers, one row per urusan, program, kegiatan and sub
      kegiatan with the level word before its name, a JUMLAH row), written with python3-openpyxl.
  staff    SAMPLE.toml OUT.xlsx
      The sample's [[pegawai]] tables, one sheet each (Unit Kerja, groups over L/P, Jumlah).
  indicators SAMPLE.toml OUT.csv
      The realisasi of its [[indikator]] in the long form (Id;Indikator;Tahun;Realisasi), id-ID
      decimals, semicolons, Windows-1252.
  strip    SAMPLE.toml OUT.toml PART,PART… budget,staff,indicators
      The sample's data file without what those parts give, naming them in `sertakan`: built
      with the imported parts, it must give the sample's PDF byte for byte.
"""
import re
import sys
import tomllib
from decimal import Decimal

import openpyxl
from openpyxl.styles import Font


def money(v):
    """A rupiah value of the data file: an integer, or a string ("1234.56", "1.234.567,89")."""
    if not isinstance(v, str):
        return v
    if "," in v:
        return Decimal(v.replace(".", "").replace(",", "."))
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", v):
        return Decimal(v.replace(".", ""))
    return Decimal(v)


def money_id(v):
    """19341510000 -> 'Rp 19.341.510.000', 1234.5 -> 'Rp 1.234,50' (the text form an export may hold)."""
    whole, _, sen = f"{Decimal(v):.2f}".partition(".")
    text = f"{int(whole):,}".replace(",", ".")
    return "Rp " + text + ("" if sen == "00" else "," + sen)


def budget(sample, out_xlsx):
    data = tomllib.load(open(sample, "rb"))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Realisasi"
    ws["A1"] = "LAPORAN REALISASI ANGGARAN PER SUB KEGIATAN TAHUN ANGGARAN %d" % data["laporan"]["tahun"]
    ws.merge_cells("A1:F1")
    ws["A3"], ws["B3"], ws["C3"], ws["E3"] = "Kode Rekening", "Uraian", "Anggaran", "Realisasi"
    ws["C4"], ws["D4"], ws["E4"], ws["F4"] = "Sebelum Perubahan", "Setelah Perubahan", "Rp", "%"
    for r in ("A3:A4", "B3:B4", "C3:D3", "E3:F3"):
        ws.merge_cells(r)
    for c, n in zip("ABCDEF", range(1, 7)):
        ws[f"{c}5"] = n
    row = 6

    def put(kode, uraian, sebelum, setelah, realisasi, as_text=False):
        nonlocal row
        sebelum, setelah, realisasi = money(sebelum), money(setelah), money(realisasi)
        ws.cell(row, 1, kode).number_format = "@"
        ws.cell(row, 2, uraian)
        for col, v in ((3, sebelum), (4, setelah), (5, realisasi)):
            if v is None:
                continue
            # Every third amount as id-ID text, the rest as Excel numbers.
            ws.cell(row, col, money_id(v) if as_text and col == 5 else v)
        force = setelah if setelah is not None else sebelum
        if realisasi is not None and force:
            ws.cell(row, 6, f"{realisasi / force * 100:.2f}".replace(".", ","))
        row += 1

    n = 0
    for u in data.get("urusan", []):
        put(u["kode"], u["nama"], None, u.get("pagu_tertulis"), u.get("realisasi_tertulis"))
        for p in data["program"]:
            if not p["kode"].startswith(u["kode"] + "."):
                continue
            put(p["kode"], "Program " + p["nama"], None, p.get("pagu_tertulis"), p.get("realisasi_tertulis"))
            for k in p.get("kegiatan", []):
                # An activity the Renja only evaluates (`hanya_evaluasi`) is in no DPA, so in no export.
                if k.get("hanya_evaluasi"):
                    continue
                put(k["kode"], "Kegiatan " + k["nama"], k.get("pagu"), k.get("pagu_tertulis"), k.get("realisasi_tertulis"))
                for s in k.get("sub", []):
                    if s.get("hanya_evaluasi"):
                        continue
                    n += 1
                    put(s["kode"], "Sub Kegiatan " + s["nama"], s.get("pagu"), s.get("pagu_perubahan"),
                        s.get("realisasi"), as_text=n % 3 == 0)
    a = data.get("anggaran", {})
    ws.cell(row, 2, "JUMLAH").font = Font(bold=True)
    ws.cell(row, 4, money(a.get("pagu_tertulis")))
    ws.cell(row, 5, money(a.get("realisasi_tertulis")))
    wb.save(out_xlsx)



# What each part gives, by the section of the data file it belongs to: the lines `strip` drops.
GIVEN = {
    "budget": {
        "[[urusan]]": {"nama", "pagu_tertulis", "realisasi_tertulis"},
        "[[program]]": {"nama", "pagu_tertulis", "realisasi_tertulis"},
        "[[program.kegiatan]]": {"nama", "pagu", "pagu_tertulis", "realisasi_tertulis"},
        "[[program.kegiatan.sub]]": {"nama", "pagu", "pagu_perubahan", "realisasi"},
        "[anggaran]": {"pagu_tertulis", "realisasi_tertulis"},
    },
    "staff": {"[[pegawai]]": None},  # the whole table
    "indicators": {"[[indikator]]": {"realisasi"}},
}


def strip(sample, out_toml, parts, kinds):
    """The data file without what the parts give, naming them in `sertakan`."""
    given = {}
    for k in kinds.split(","):
        given.update(GIVEN[k])
    sertakan = "sertakan = [%s]\n" % ", ".join('"%s"' % p for p in parts.split(","))
    # Blocks: a section header and the lines up to the next. An activity the Renja only
    # evaluates keeps its lines (the export has no row for it), and so do its sub kegiatan.
    blocks, section = [[None, []]], None
    for line in open(sample, encoding="utf-8"):
        m = re.match(r"^(\[\[?[A-Za-z_.]+\]\]?)\s*(#.*)?$", line)
        if m:
            blocks.append([m.group(1), []])
        blocks[-1][1].append(line)
    out, named, evaluated = [], False, None
    for section, lines in blocks:
        only_evaluated = any(re.match(r"^hanya_evaluasi\s*=\s*true", l) for l in lines)
        if section in ("[[program]]", "[[program.kegiatan]]"):
            evaluated = section if only_evaluated else (None if evaluated != "[[program]]" or section == "[[program]]" else evaluated)
        keep = only_evaluated or (evaluated is not None and section == "[[program.kegiatan.sub]]")
        for line in lines:
            if not keep and section in given and given[section] is None:
                continue
            key = re.match(r"^([A-Za-z_]+)\s*=", line)
            if not keep and key and section in given and key.group(1) in given[section]:
                continue
            out.append(line)
            if line.startswith("extends") and not named:
                out.append(sertakan)
                named = True
    if not named:
        out.insert(0, sertakan)
    open(out_toml, "w", encoding="utf-8").write("".join(out))


def staff(sample, out_xlsx):
    data = tomllib.load(open(sample, "rb"))
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for t in data.get("pegawai", []):
        ws = wb.create_sheet(t["judul"])
        ws["A1"] = "Jumlah Pegawai Berdasarkan " + t["judul"]
        ws["A2"] = "Unit Kerja"
        ws.merge_cells("A2:A3")
        c = 2
        by_sex = t.get("per_jenis_kelamin", True)
        for g in t["kelompok"]:
            ws.cell(2, c, g)
            if by_sex:
                ws.merge_cells(start_row=2, start_column=c, end_row=2, end_column=c + 1)
                ws.cell(3, c, "L")
                ws.cell(3, c + 1, "P")
                c += 2
            else:
                c += 1
        ws.cell(2, c, "Jumlah")
        r = 4
        for b in t["baris"]:
            ws.cell(r, 1, b["unit"])
            if by_sex:
                for i, (l, p) in enumerate(zip(b["l"], b["p"])):
                    ws.cell(r, 2 + 2 * i, l)
                    ws.cell(r, 3 + 2 * i, p if p else None)  # an empty cell is 0
                ws.cell(r, c, sum(b["l"]) + sum(b["p"]))
            else:
                for i, v in enumerate(b["jumlah"]):
                    ws.cell(r, 2 + i, v)
                ws.cell(r, c, sum(b["jumlah"]))
            r += 1
        ws.cell(r, 1, "Jumlah")
        if "total_tertulis" in t:
            ws.cell(r, c, t["total_tertulis"])
        if "sumber" in t:
            ws.cell(r + 2, 1, "Sumber: " + t["sumber"])
    wb.save(out_xlsx)


def indicators(sample, out_csv):
    data = tomllib.load(open(sample, "rb"))
    lines = ["Id;Indikator;Tahun;Realisasi"]
    for ind in data.get("indikator", []):
        for year, v in sorted(ind.get("realisasi", {}).items()):
            lines.append('%s;"%s";%s;%s' % (ind["id"], ind["nama"].replace('"', '""'), year, repr(v).replace(".", ",")))
    open(out_csv, "wb").write(("\r\n".join(lines) + "\r\n").encode("cp1252", errors="replace"))


if __name__ == "__main__":
    {"budget": budget, "staff": staff, "indicators": indicators, "strip": strip}[sys.argv[1]](*sys.argv[2:])
