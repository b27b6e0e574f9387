#!/usr/bin/env python3
"""Derive src/DanY.Infrastructure/Seed/admin-units-2025.csv from the official 2025 register.

Input: ../shared/data/vn-admin-units-2025/{provinces_2025,communes_2025}.csv (official codes and names
of the 34 provinces and 3,321 communes, National Statistics Office register).
Output: the unit import format of DanY (code,name,kind,level,system,parent_code), root first, then
each province followed by its communes ordered by code. Only codes, names and parents are kept.
Usage: scripts/make-admin-units.py [source-folder] [output-file]
"""
import csv
import sys
import unicodedata
from pathlib import Path

root = Path(__file__).resolve().parent.parent
source = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "data" / "vn-admin-units-2025"
output = Path(sys.argv[2]) if len(sys.argv) > 2 else root / "src" / "DanY.Infrastructure" / "Seed" / "admin-units-2025.csv"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


with open(source / "provinces_2025.csv", encoding="utf-8", newline="") as f:
    provinces = sorted(csv.DictReader(f), key=lambda r: r["code"])
with open(source / "communes_2025.csv", encoding="utf-8", newline="") as f:
    communes = list(csv.DictReader(f))

by_province: dict[str, list[dict]] = {}
for c in communes:
    by_province.setdefault(c["province_code"].zfill(2), []).append(c)

rows = [("VN", "Trung ương", "AdministrativeArea", "Central", "State", "")]
for p in provinces:
    code = p["code"].zfill(2)
    rows.append((code, nfc(p["name"]), "AdministrativeArea", "Province", "State", "VN"))
    for c in sorted(by_province.get(code, []), key=lambda r: r["code"]):
        rows.append((c["code"].zfill(5), nfc(c["name"]), "AdministrativeArea", "Commune", "State", code))

codes = [r[0] for r in rows]
assert len(codes) == len(set(codes)), "duplicate codes"
assert len(provinces) == 34 and len(communes) == 3321, (len(provinces), len(communes))

output.parent.mkdir(parents=True, exist_ok=True)
with open(output, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(("code", "name", "kind", "level", "system", "parent_code"))
    w.writerows(rows)
print(f"{output}: {len(rows)} units ({len(provinces)} provinces, {len(communes)} communes)")
