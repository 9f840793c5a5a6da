#!/usr/bin/env python3
"""LibreOffice (headless) opens the open data's XLSX files of a site built
from content/: the whole-site data/indikator.xlsx and two units'
data/unit/<path>/indikator.xlsx. Each is converted to CSV and must hold the
same rows and values as the CSV beside it (the whole-site indikator.csv,
the unit's indikator.csv, which is also compared with the whole-site rows
of that unit), with the quarters side by side: a row per indicator and
year, then target, realisasi and capaian under TW I .. TW IV; the header
is the Indonesian labels, one per column.

Usage: check_open_data_xlsx.py SAKIP_BINARY SOURCE_DIR
"""
import csv
import math
import pathlib
import subprocess
import sys
import tempfile

UNITS = ["pemkab-lumajang/satpol-pp", "pemkab-lumajang/kecamatan-ranuyoso"]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def same_value(got, want):
    if got == want:
        return True
    try:
        a, b = float(got), float(want)
    except ValueError:
        return False
    # LibreOffice writes a fraction with 15 significant digits.
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)


# The workbook's columns taken as they are from the CSV's, in order.
OWN = ["unit", "unit_nama", "jabatan", "jabatan_nama", "indikator",
       "indikator_nama", "sasaran", "satuan", "polaritas", "tahun"]
QUARTERS = ["I", "II", "III", "IV"]


def wide_rows(table):
    """The CSV rows as the workbook lays them out: consecutive rows of one
    unit, jabatan, indikator and tahun side by side."""
    col = {name: i for i, name in enumerate(table[0])}
    rows = []
    key = None
    for row in table[1:]:
        this = tuple(row[col[c]] for c in ("unit", "jabatan", "indikator",
                                            "tahun"))
        if this != key:
            rows.append([row[col[c]] for c in OWN] + [""] * 13)
            key = this
        wide = rows[-1]
        tw = row[col["triwulan"]]
        if not tw:
            wide[10] = row[col["target"]]
            continue
        at = 11 + 3 * QUARTERS.index(tw)
        wide[at:at + 3] = [row[col["target"]], row[col["realisasi"]],
                           row[col["capaian"]]]
    return rows


def compare(name, sheet, table):
    header, rows = sheet[0], sheet[1:]
    assert len(header) == 23, (name, header)
    assert header[0] == "Unit (jalur)" and header[15] == "Realisasi TW II", \
        header
    rows = [r for r in rows if any(r)]
    want = wide_rows(table)
    assert len(rows) == len(want), (name, len(rows), len(want))
    for i, (got, expect) in enumerate(zip(rows, want)):
        assert len(got) == len(expect), (name, i, got, expect)
        for col, (g, w) in enumerate(zip(got, expect)):
            # "Target akhir tahun" of a reported row has no CSV column.
            if col == 10 and not w:
                continue
            assert same_value(g, w), (name, i + 2, header[col], g, w)
    return len(rows)


def main():
    sakip, source = sys.argv[1], pathlib.Path(sys.argv[2])
    with tempfile.TemporaryDirectory(prefix="sakip-xlsx-lo-") as tmp:
        work = pathlib.Path(tmp)
        site = work / "site"
        subprocess.run([sakip, "build", "--content", str(source / "content"),
                        "--out", str(site)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        data = next(site.glob("*/data/indikator.csv")).parent
        books = [(data / "indikator.xlsx", data / "indikator.csv")]
        for unit in UNITS:
            books.append((data / "unit" / unit / "indikator.xlsx",
                          data / "unit" / unit / "indikator.csv"))
        converted = work / "converted"
        for n, (xlsx, _) in enumerate(books):
            assert xlsx.exists(), xlsx
            copy = work / f"book{n}.xlsx"  # names apart in one outdir
            copy.write_bytes(xlsx.read_bytes())
        subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile",
                        "--headless", "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1",
                        "--outdir", str(converted)]
                       + [str(work / f"book{n}.xlsx") for n in range(len(books))],
                       check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=300)
        whole = read_csv(data / "indikator.csv")
        for n, (xlsx, csv_file) in enumerate(books):
            table = read_csv(csv_file)
            count = compare(str(xlsx.relative_to(site)),
                            read_csv(converted / f"book{n}.csv"), table)
            if n:
                unit = UNITS[n - 1]
                assert count > 0, unit
                assert table[1:] == [r for r in whole[1:] if r[0] == unit], unit
            print(f"{xlsx.relative_to(site)}: {count} rows, "
                  f"{xlsx.stat().st_size} bytes, as in its CSV")
    return 0


if __name__ == "__main__":
    sys.exit(main())
