"""Files → raw sheets of text. Reading ledgers and tables happens here; safety/ looks at
the bytes first, output/workbook.py writes."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.messages import msg
from shiquan_score.read.csv_text import read_csv
from shiquan_score.read.safety import sniff as safety
from shiquan_score.read.safety import xlsx_scan
from shiquan_score.read.safety.refs import col_number
from shiquan_score.read.sheets import RawSheet

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".csv", ".ods"}
# Excel's 另存为“Unicode 文本” writes a .txt (UTF-16, tab-separated): read when it is one.
TEXT_SUFFIXES = {".txt"}


def scan_inbox(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Spreadsheet files to read, and every other entry with the reason it is skipped."""
    if not folder.is_dir():
        raise InputError(msg("INBOX_MISSING", folder=folder))
    files, skipped = [], []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.is_dir():
            skipped.append((path, msg("SKIP_FOLDER")))
        elif path.name.startswith(("~$", ".~")):
            skipped.append((path, msg("SKIP_TEMP")))
        elif path.name.startswith("."):
            skipped.append((path, msg("SKIP_HIDDEN")))
        elif not path.is_file():  # a FIFO or device: opening it would wait for ever
            skipped.append((path, msg("SKIP_NOT_REGULAR")))
        elif path.suffix.lower() in SPREADSHEET_SUFFIXES | TEXT_SUFFIXES:
            files.append(path)
        elif path.suffix.lower() == ".et":
            skipped.append((path, msg("SKIP_WPS_ET")))
        else:
            skipped.append((path, msg("SKIP_NOT_A_TABLE")))
    return files, skipped


def read_file(
    path: Path, header_words: frozenset[str] = frozenset()
) -> tuple[list[RawSheet], list[str]]:
    """All visible sheets of one file as text, plus notices (hidden sheets, CSV encoding).

    `header_words` (normalised ledger headers) let a CSV's delimiter be told from the row
    that names them. A .txt that is not delimited text is skipped, not refused.
    """
    try:
        kind = safety.sniff(path)
    except InputError:
        if path.suffix.lower() in TEXT_SUFFIXES:
            return [], [msg("SKIPPED_FILE", file=path.name, why=msg("SKIP_NOT_A_TABLE"))]
        raise
    if kind == "csv":
        return read_csv(path, header_words)
    if kind == "ods":
        safety.check_ods(path)
        return _read_workbook(path, [], kind)
    infos = safety.check_xlsx(path) if kind == "xlsx" else safety.check_xls(path)
    return _read_workbook(path, infos, kind)


def _read_workbook(path: Path, infos: list, kind: str) -> tuple[list[RawSheet], list[str]]:
    import fastexcel  # imported when a workbook is read: a CSV run never pays for it

    notices = []
    try:
        reader = fastexcel.read_excel(path)
    except Exception as exc:  # calamine's errors carry no stable type, and English text
        raise InputError(msg("WORKBOOK_UNREADABLE", file=path.name)) from exc
    info_by_name = {i.name: i for i in infos}
    sheets, empty = [], []
    for index, name in enumerate(reader.sheet_names):
        info = info_by_name.get(name)
        try:
            frame, absolute, visible = load_sheet(reader, index, info)
        except Exception as exc:
            raise InputError(msg("SHEET_UNREADABLE", file=path.name, sheet=name)) from exc
        if frame.empty:
            if not visible:  # a hidden empty sheet: not worth a line
                continue
            empty.append(name)
            notices.append(msg("SHEET_EMPTY", file=path.name, sheet=name))
            continue
        frame.columns = range(frame.shape[1])
        if info is not None and info.errors:
            frame = _with_errors(frame, info.errors, absolute)
        merged = _merged_down(info.merges, absolute) if info is not None else []
        hidden = info.hidden_rows if info is not None else frozenset()
        sheets.append(
            RawSheet(
                source=path.name,
                sheet=name,
                cells=frame,
                rows=np.arange(1, len(frame) + 1),
                hidden_rows=hidden,
                merged_down=merged,
                path=path if kind == "xlsx" else None,
                columns=absolute,
                hidden_sheet=not visible,
            )
        )
    if not sheets and empty:
        raise InputError(msg("SHEETS_ALL_EMPTY", file=path.name))
    return sheets, notices


def load_sheet(reader, index: int, info) -> tuple[pd.DataFrame, list[int], bool]:
    """One sheet's cells as text, the 0-based sheet column of each, and whether it is visible.

    Eager loading goes straight to one Arrow batch: faster and lighter on a big ledger (at
    1,000,000 rows about 0.9 s and 150 MB less). It tells neither the sheet's visibility, which
    our own scan of the file gave (`info` only then), nor where the columns start: the
    column filter, called once per column, does.
    """
    options = {"header_row": None, "skip_rows": 0, "dtypes": "string", "whitespace_as_null": True}
    if info is not None:
        absolute: list[int] = []

        def every(column) -> bool:
            absolute.append(column.absolute_index)
            return True

        batch = reader.load_sheet(index, eager=True, use_columns=every, **options)
        return batch.to_pandas(), absolute, info.visible
    sheet = reader.load_sheet(index, **options)
    columns = [c.absolute_index for c in sheet.available_columns()]
    return sheet.to_pandas(), columns, sheet.visible == "visible"


_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"[^>]*?(?:/>|>(.*?)</c>)', re.S)


def uncached_formulas(raw: RawSheet) -> frozenset[tuple[int, int]]:
    """(Excel row, cells column) of formulas saved without a result, in a small xlsx sheet.

    A table made by a script or edited with openpyxl keeps `=I8+J8` with no value; every
    reader but Excel then sees a blank. Only used for last quarter's table (a few KB).
    """
    if raw.path is None:
        return frozenset()
    with zipfile.ZipFile(raw.path) as book:
        names = {n.lower(): n for n in book.namelist()}
        sheets = xlsx_scan.sheet_members(
            book.read(names["xl/workbook.xml"]), book.read(names["xl/_rels/workbook.xml.rels"])
        )
        member = sheets.get(raw.sheet)
        if member is None or member not in names:
            return frozenset()
        xml = book.read(names[member])
    position = {col: i for i, col in enumerate(raw.columns)}
    found = set()
    for letters, row, inner in _CELL.findall(xml):
        if inner and b"<f" in inner and not re.search(rb"<v>[^<]+</v>", inner):
            col = position.get(col_number(letters) - 1)
            if col is not None:
                found.add((int(row), col))
    return frozenset(found)


def _with_errors(
    frame: pd.DataFrame, errors: tuple[tuple[int, int, str], ...], absolute: list[int]
) -> pd.DataFrame:
    """Error cells (#N/A, #REF!) hold their error's text, as Excel shows them, not a blank:
    the ledger step then says what the cell holds."""
    position = {col: i for i, col in enumerate(absolute)}
    frame = frame.copy()
    for row, col, value in errors:
        at = position.get(col - 1)
        if at is not None and row <= len(frame):
            frame.iloc[row - 1, at] = value
    return frame


def _merged_down(merges: tuple[str, ...], absolute: list[int]) -> list[tuple[int, int, int]]:
    """Ranges merged down one column, as (first row, last row, column position), rows 1-based."""
    position = {col: i for i, col in enumerate(absolute)}
    down = []
    for ref in merges:
        (r1, c1), (r2, c2) = (_cell(part) for part in ref.split(":"))
        if c1 == c2 and r2 > r1 and c1 in position:
            down.append((r1, r2, position[c1]))
    return down


def _cell(ref: str) -> tuple[int, int]:
    """`B5` → (5, 1): 1-based row, 0-based column."""
    letters = ref.rstrip("0123456789")
    return int(ref[len(letters) :]), col_number(letters) - 1
