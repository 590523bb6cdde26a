"""Recognise what this tool wrote: its workbooks by their mark (output/mark.py), its side
CSV files (…_明细.csv, …_问题.csv) by their header row. None of them is ever a ledger."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from shiquan_score.output import mark as M

_CUSTOM = "docprops/custom.xml"
_CUSTOM_MAX = 256 * 1024  # ours is under 2 KB; the safety scan already refused entities
_SHEET = re.compile(rf"^{M.SHEET}(\d+)$")


@dataclass(frozen=True)
class Mark:
    period: str  # 2021Q2
    scheme: str
    kind: str  # tables / problems
    sheets: dict[str, str] = field(default_factory=dict)  # sheet name → role

    def tables(self) -> dict[str, str]:
        """Sheet name → table key for the official tables."""
        roles = {M.DETAIL, M.PROBLEMS, M.CHECK, M.RECORD}
        return {s: r for s, r in self.sheets.items() if r not in roles}

    def sheet_of(self, role: str) -> str | None:
        return next((s for s, r in self.sheets.items() if r == role), None)


def read_mark(path: Path) -> Mark | None:
    """The mark of a workbook this tool wrote; None for any other file (also an .xls/.csv)."""
    try:
        with zipfile.ZipFile(path) as book:
            names = {n.lower(): n for n in book.namelist()}
            if _CUSTOM not in names or book.getinfo(names[_CUSTOM]).file_size > _CUSTOM_MAX:
                return None
            root = ET.fromstring(book.read(names[_CUSTOM]))
    except (OSError, zipfile.BadZipFile, ET.ParseError):
        return None
    props = {}
    for prop in root:
        name = prop.get("name")
        value = next(iter(prop), None)
        if name and value is not None:
            props[name] = value.text or ""
    if props.get(M.TOOL) != M.VERSION:
        return None
    sheets: dict[int, tuple[str, str]] = {}
    for name, value in props.items():
        found = _SHEET.match(name)
        if found:
            try:
                role, sheet = json.loads(value)
            except (ValueError, TypeError):
                return None
            sheets[int(found.group(1))] = (str(role), str(sheet))
    return Mark(
        props.get(M.PERIOD, ""),
        props.get(M.SCHEME, ""),
        props.get(M.KIND, ""),
        {sheet: role for _, (role, sheet) in sorted(sheets.items())},
    )


# Rows above an audit sheet's header: its preamble lines and a blank row (output/audit.py).
_PREAMBLE_ROWS = 10


def own_csv(raw, scheme) -> str | None:
    """The audit sheet (明细, 问题) a sheet or CSV holds when one of its first rows is that
    sheet's header: the side CSV we write starts with it; a copy the clerk saved from the
    workbook (Excel's 另存为 CSV, a WPS .xls) keeps the preamble lines above it."""
    from shiquan_score.output.audit import DETAIL, PROBLEM_NAMES, PROBLEMS, detail_columns

    detail = list(detail_columns(scheme).values())
    headers = ((DETAIL, detail), (PROBLEMS, list(PROBLEM_NAMES.values())))
    for values in raw.cells.head(_PREAMBLE_ROWS).itertuples(index=False):
        row = [str(v).strip() for v in values if isinstance(v, str) and v.strip()]
        for sheet, names in headers:
            if row == names:
                return sheet
    return None
