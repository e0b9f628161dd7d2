"""OFAC's legacy CSV set: ``sdn.csv`` (entries), ``alt.csv`` (aliases), ``add.csv`` (addresses).

The files have no header row, ``-0-`` for an empty field and a final ``\\x1a``. Individuals and
entities become list entries of ``us-sdn-list`` with their OFAC entity number (the key under which
they meet the same entry of a CSL file); vessels and aircraft are left out.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator

from ..sources import ListEntry, membership
from .names import person_forms, split_entry

#: OFAC country names -> ISO 3166 alpha-2 (the address countries of the entries we read)
COUNTRIES = {"China": "CN", "Hong Kong": "HK", "Macau": "MO", "Taiwan": "TW", "Russia": "RU",
             "Korea, North": "KP", "Korea, South": "KR", "Iran": "IR", "Syria": "SY", "Belarus": "BY",
             "United Arab Emirates": "AE", "Turkey": "TR", "India": "IN", "Pakistan": "PK",
             "Venezuela": "VE", "Cuba": "CU", "Burma": "MM", "Lebanon": "LB", "Iraq": "IQ",
             "Afghanistan": "AF", "Ukraine": "UA", "Singapore": "SG", "Malaysia": "MY", "Japan": "JP",
             "United States": "US", "United Kingdom": "GB", "Germany": "DE", "Mexico": "MX",
             "Colombia": "CO", "Kazakhstan": "KZ", "Uzbekistan": "UZ", "Kyrgyzstan": "KG",
             "Armenia": "AM", "Georgia": "GE", "Serbia": "RS", "Cyprus": "CY", "Switzerland": "CH"}
SKIPPED_TYPES = frozenset({"vessel", "aircraft"})


def rows(path: Path) -> Iterator[list[str]]:
    """Rows of an OFAC CSV file, ``-0-`` as ``""``, without the end-of-file byte."""
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.reader(line for line in fh if line.strip("\x1a\r\n ")):
            if row and row[0].strip().isdigit():
                yield ["" if x.strip() == "-0-" else x.strip() for x in row]


def entries(folder: Path) -> Iterator[ListEntry]:
    """List entries of ``sdn.csv`` joined with ``alt.csv`` and ``add.csv`` when present."""
    folder = Path(folder)
    aliases: dict[str, list[str]] = {}
    countries: dict[str, list[str]] = {}
    if (folder / "alt.csv").exists():
        for r in rows(folder / "alt.csv"):
            aliases.setdefault(r[0], []).append(r[3])
    if (folder / "add.csv").exists():
        for r in rows(folder / "add.csv"):
            if len(r) > 4 and r[4] in COUNTRIES:
                countries.setdefault(r[0], []).append(COUNTRIES[r[4]])
    label = f"sdn:{folder.name}"
    for r in rows(folder / "sdn.csv"):
        number, name, kind = r[0], r[1], (r[2] or "entity").lower()
        if kind in SKIPPED_TYPES or not name:
            continue
        where = countries.get(number, [])
        if kind == "individual":
            names = [f for n in [name] + aliases.get(number, []) for f in person_forms(n, where)]
        else:
            names = [n for raw in [name] + aliases.get(number, []) for n in split_entry(raw)[0]]
        listed = membership("us-sdn-list", entry=number, authority="us-ofac", source=label)
        yield ListEntry([], list(dict.fromkeys(names)), "person" if kind == "individual" else "organization",
                        where[0] if where else "", label, [listed], ids=[f"ofac:{number}"])
