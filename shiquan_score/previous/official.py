"""Read every column of an official table (ours or hand-made) by its header path.

Which sheet is an official table is told by its title (previous/title.py); its header rows
are flattened and matched to the scheme's columns by previous/headers.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.messages import msg
from shiquan_score.normalise.text import norm
from shiquan_score.period import months_to_quarter
from shiquan_score.previous.headers import column_key, header_paths, label, match_columns
from shiquan_score.read.sheets import RawSheet
from shiquan_score.scheme.loader import Scheme
from shiquan_score.scheme.table_specs import TableSpec
from shiquan_score.scheme.vocabulary import Vocabulary

ZERO_MARKS = {"", "——", "—", "-", "－", "–", "0"}
MAX_HEADER_ROWS = 6


@dataclass
class OfficialTable:
    """One official table as read: matched columns, one row per recognised unit."""

    table: str  # scheme table key
    where: str
    year: int
    quarter: int | None
    labels: dict[int, str]  # scheme column index → the column's header path as written
    unmatched: list[str]  # header paths that match no column of the scheme's table
    rows: pd.DataFrame  # index unit; columns: row (Excel row), name, and one per matched j
    unknown: list[tuple[int, str]] = field(default_factory=list)  # (Excel row, name)
    total_rows: list[tuple[int, str]] = field(default_factory=list)  # (Excel row, 合计)
    repeated: list[tuple[int, str, str]] = field(default_factory=list)  # (row, name, unit)
    repeated_rows: pd.DataFrame = field(default_factory=pd.DataFrame)  # their cells, like rows
    positions: dict[int, int] = field(default_factory=dict)  # scheme column j → sheet column


def name_words(spec: TableSpec, scheme: Scheme) -> set[str]:
    """The name column's header and aliases, and the ledger's words for a unit column
    (单位名称, 单位, 报送单位 …), normalised: a hand-made table may head it with either."""
    column = next(c for c in spec.columns if c.value == "name")
    words = (column.header[-1], *column.aliases, *scheme.field_words.get("unit", ()))
    return {norm(w) for w in words}


def _find_name_header(cells: pd.DataFrame, start: int, words: set[str]) -> tuple[int, int] | None:
    for r in range(start, min(start + 10, len(cells))):
        for c, value in enumerate(cells.iloc[r]):
            if isinstance(value, str) and norm(value) in words:
                return r, c
    return None


def read_official(raw: RawSheet, scheme: Scheme, found: tuple[str, int, int]) -> OfficialTable:
    """Find the header by 单位名称, flatten it, match columns, read each unit's cells."""
    key, year, title_pos = found
    spec = scheme.tables[key]
    cells = raw.cells
    grid = cells.to_numpy()
    at = _find_name_header(cells, max(title_pos, 0), name_words(spec, scheme))
    if at is None:
        raise InputError(msg("PREV_NO_NAME_HEADER", where=raw.where))
    header_row, name_col = at
    body = header_row + 1
    while body < min(len(cells), header_row + MAX_HEADER_ROWS) and not _text(grid[body, name_col]):
        body += 1
    paths = header_paths(cells, header_row, body - 1)
    quarter = next(
        (q for p in paths for part in p if (q := months_to_quarter(part, scheme.span)) is not None),
        None,
    )
    positions = [c for c, p in enumerate(paths) if any(p) and c != name_col]
    keys = [column_key(paths[c]) for c in positions]
    matched = match_columns(spec, keys)
    shown = [label(paths[c]) for c in positions]
    labels: dict[int, str] = {}
    unmatched: list[str] = []
    take: dict[int, int] = {}  # scheme column index → sheet column position
    for c, text, j in zip(positions, shown, matched, strict=True):
        if j is None or j in take or spec.columns[j].value == "name":
            unmatched.append(text)
        else:
            take[j], labels[j] = c, text
    vocab = Vocabulary(scheme)
    headings = {norm(c) for c in spec.classes}
    # The 备注 block under the table: 备注… as published, or the scheme's own first words.
    remarks = {"备注"} | ({norm(scheme.remarks.split("\n")[0])[:6]} if scheme.remarks else set())
    records, repeats, seen = [], [], {}
    table = OfficialTable(key, raw.where, year, quarter, labels, unmatched, pd.DataFrame())
    for r in range(body, len(cells)):
        name = _text(grid[r, name_col])
        if not name:
            continue
        if any(norm(name).startswith(head) for head in remarks if head):
            break
        unit = vocab.unit(name)
        excel_row = int(raw.rows[r])
        if unit is None and norm(name) in headings:  # 一类单位 above a block of units
            continue
        if unit is None and norm(name) in scheme.total_words:
            table.total_rows.append((excel_row, name))
            continue
        if unit is None:
            table.unknown.append((excel_row, name))
            continue
        record = {"unit": unit, "row": excel_row, "name": name} | {
            j: grid[r, c] for j, c in take.items()
        }
        if unit in seen:
            table.repeated.append((excel_row, name, unit))
            repeats.append(record)
            continue
        seen[unit] = excel_row
        records.append(record)
    columns = ["unit", "row", "name", *take]
    table.rows = pd.DataFrame(records, columns=columns).set_index("unit")
    table.repeated_rows = pd.DataFrame(repeats, columns=columns)
    table.positions = take
    return table


def _text(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    return "" if value is None or pd.isna(value) else str(value)


def cell_number(value: object) -> float | None:
    """A count or score cell → number (——, blank → 0); None when it holds words."""
    text = norm(_text(value))
    if text in ZERO_MARKS:
        return 0.0
    try:
        return float(text)
    except ValueError:
        return None
