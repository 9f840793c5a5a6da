#!/usr/bin/env python3
"""LibreOffice (headless) opens the workbooks of `sakip sheet` and shows
every indicator: each unit's sheet is converted to CSV (which `sakip
import` then reads back without a change) and its rows are compared with the indicators the content gives that year, worked out here
from the YAML alone (the PK's sasaran, then the IKI indicators no sasaran
links; without a PK, the IKI).

Usage: check_sheet_libreoffice.py SAKIP_BINARY SOURCE_DIR
"""
import csv
import pathlib
import shutil
import subprocess
import sys
import tempfile

import yaml


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1]) or {}


def expected_rows(unit_dir, year):
    pk_file = unit_dir / "perjanjian" / f"{year}.yaml"
    pk = yaml.safe_load(pk_file.read_text()) if pk_file.exists() else {}
    pk_jabatan = (pk or {}).get("jabatan") or {}
    rows = set()
    for jabatan_file in sorted((unit_dir / "jabatan").glob("*.md")):
        jid = jabatan_file.stem
        iki = [i["id"] for i in front_matter(jabatan_file).get("indikator") or []]
        sasaran = (pk_jabatan.get(jid) or {}).get("sasaran") or []
        linked = {s.get("iki") for s in sasaran}
        rows |= {(jid, s["id"]) for s in sasaran}
        rows |= {(jid, i) for i in iki if i not in linked}
    return rows


def sheet_rows(sakip, content, unit, year, work):
    xlsx = work / f"{unit.replace('/', '-')}-{year}.xlsx"
    subprocess.run([sakip, "sheet", unit, str(year), "--content", str(content),
                    "--out", str(xlsx)], check=True, stdout=subprocess.DEVNULL)
    profile = work / "profile"
    shutil.rmtree(profile, ignore_errors=True)
    # Token 12 of the CSV filter options: -1 writes every sheet to its own
    # file, <name>-<sheet>.csv.
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}",
                    "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,"
                    "false,false,false,-1",
                    "--outdir", str(work), str(xlsx)],
                   check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=300)
    out = work / f"{xlsx.stem}-Realisasi.csv"
    with open(out, newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    assert table[0][:3] == ["sakip-realisasi", unit, str(year)], table[0]
    assert table[1][12] == "Realisasi TW I", table[1]
    assert all(r[5] for r in table[2:]), "an indicator without its name"
    return {(r[2], r[3]) for r in table[2:] if any(r)}, table, out


def main():
    sakip, source = sys.argv[1], pathlib.Path(sys.argv[2])
    cases = [
        (source / "tests/data/pk-unseen", "pemkab-uji/dinas-uji", 2025),
        (source / "content", "pemkab-lumajang/satpol-pp", 2022),
    ]
    with tempfile.TemporaryDirectory(prefix="sakip-sheet-lo-") as tmp:
        work = pathlib.Path(tmp)
        for content, unit, year in cases:
            want = expected_rows(content / unit, year)
            got, table, csv_file = sheet_rows(sakip, content, unit, year, work)
            assert want, f"{unit}: no indicators expected"
            missing, extra = want - got, got - want
            assert not missing and not extra, (unit, missing, extra)
            print(f"{unit} {year}: {len(got)} indicators shown by LibreOffice")
            if unit.endswith("satpol-pp"):
                row = next(r for r in table
                           if r[2:4] == ["sekretaris",
                                         "perencanaan-evaluasi-kinerja"])
                assert row[18] == "63", row  # Realisasi TW II from content
            # The CSV LibreOffice saved, imported unchanged, changes nothing.
            copy = work / "content"
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(content, copy)
            run = subprocess.run([sakip, "import", str(csv_file), "--content",
                                  str(copy)], capture_output=True, text=True)
            assert run.returncode == 0, run.stderr
            assert "tidak ada perubahan" in run.stdout, run.stdout
            for f in (content / unit).rglob("*"):
                if f.is_file():
                    assert f.read_bytes() == (
                        copy / f.relative_to(content)).read_bytes(), f
    return 0


if __name__ == "__main__":
    sys.exit(main())
