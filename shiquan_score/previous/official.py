"""Read every column of an official table (ours or hand-made) by its header path.

The sheet arrives as a text grid: a merged cell's text stands in its top-left cell only, the
rest are blank. The header rows are flattened into paths such as 新闻动态/部门动态 by filling
each blank header cell from the left (same parent, so a horizontal merge) or else from above
(a vertical merge). Each path is then matched to a column of the scheme's table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.normalise.text import norm
from shiquan_score.period import months_to_quarter
from shiquan_score.read.sheets import RawSheet
from shiquan_score.scheme.loader import Scheme, TableSpec
from shiquan_score.scheme.vocabulary import Vocabulary

ZERO_MARKS = {"", "——", "—", "-", "－", "–", "0"}
NAME_WORDS = {"单位名称", "单位"}
_TITLE_SCAN_ROWS = 12
MAX_HEADER_ROWS = 6
_MONTHS = re.compile(r"\d{1,2}\s*[-－—~～至到]\s*\d{1,2}\s*月")


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
    repeated: list[tuple[int, str, str]] = field(default_factory=list)  # (row, name, unit)
    repeated_rows: pd.DataFrame = field(default_factory=pd.DataFrame)  # their cells, like rows
    positions: dict[int, int] = field(default_factory=dict)  # scheme column j → sheet column


def _title_pattern(template: str, county: str) -> re.Pattern:
    parts = re.split(r"(\{county\}|\{year\})", norm(template))
    regex = "".join(
        re.escape(county)
        if p == "{county}"
        else r"(?P<year>\d{4})"
        if p == "{year}"
        else re.escape(p)
        for p in parts
    )
    return re.compile(regex)


def identify(raw: RawSheet, scheme: Scheme) -> tuple[str, int, int] | None:
    """(table key, year, title row position) when this sheet is an official table."""
    top = raw.cells.head(_TITLE_SCAN_ROWS)
    patterns = {k: _title_pattern(t.title, norm(scheme.county)) for k, t in scheme.tables.items()}
    for pos, values in enumerate(top.itertuples(index=False, name=None)):
        for value in values:
            if not isinstance(value, str):
                continue
            text = norm(value)
            for key, pattern in patterns.items():
                match = pattern.search(text)
                if match:
                    return key, int(match.group("year")), pos
    return None


def column_key(path: tuple[str, ...]) -> tuple[str, ...]:
    """A header path for matching: months row dropped, normalised, consecutive repeats removed."""
    return _squeeze(norm(p) for p in path if not _is_months(p))


def label(path: tuple[str, ...]) -> str:
    """A header path as the clerk reads it: 新闻动态/部门动态, 得分情况（分）/本期."""
    return "/".join(_squeeze(re.sub(r"\s+", "", str(p)) for p in path if not _is_months(p)))


def _is_months(part: str) -> bool:
    return bool(_MONTHS.search(str(part))) or "{months}" in str(part)


def _squeeze(parts) -> tuple[str, ...]:
    out: list[str] = []
    for p in parts:
        if p and (not out or out[-1] != p):
            out.append(p)
    return tuple(out)


def match_columns(spec: TableSpec, keys: list[tuple[str, ...]]) -> list[int | None]:
    """Each read key → the scheme column it names: exact path, else the one shortest unique suffix."""
    ours = [column_key(c.header) for c in spec.columns]
    matched: list[int | None] = []
    for key in keys:
        found = [j for j, k in enumerate(ours) if k == key]
        for n in range(1, len(key) + 1):
            if found:
                break
            tail = key[-n:]
            hits = [j for j, k in enumerate(ours) if k[-n:] == tail]
            found = hits if len(hits) == 1 else []
        matched.append(found[0] if found else None)
    return matched


def header_paths(cells: pd.DataFrame, first: int, last: int) -> list[tuple[str, ...]]:
    """Header rows first..last (positions) → one path per column, merged cells filled in."""
    grid = cells.to_numpy()
    width = cells.shape[1]
    paths: list[list[str]] = [[] for _ in range(width)]
    for r in range(first, last + 1):
        for c in range(width):
            value = grid[r, c]
            text = str(value).strip() if isinstance(value, str) and value.strip() else ""
            if not text:
                same_parent = c > 0 and paths[c - 1][: r - first] == paths[c][: r - first]
                if same_parent and paths[c - 1][r - first]:
                    text = paths[c - 1][r - first]
                elif r > first:
                    text = paths[c][r - first - 1]
            paths[c].append(text)
    return [tuple(p) for p in paths]


def _find_name_header(cells: pd.DataFrame, start: int) -> tuple[int, int] | None:
    for r in range(start, min(start + 10, len(cells))):
        for c, value in enumerate(cells.iloc[r]):
            if isinstance(value, str) and norm(value) in NAME_WORDS:
                return r, c
    return None


def read_official(raw: RawSheet, scheme: Scheme, found: tuple[str, int, int]) -> OfficialTable:
    """Find the header by 单位名称, flatten it, match columns, read each unit's cells."""
    key, year, title_pos = found
    spec = scheme.tables[key]
    cells = raw.cells
    grid = cells.to_numpy()
    at = _find_name_header(cells, title_pos)
    if at is None:
        raise InputError(f"{raw.where} 像是统计表，但找不到“单位名称”表头，请使用正式表格格式")
    header_row, name_col = at
    body = header_row + 1
    while body < min(len(cells), header_row + MAX_HEADER_ROWS) and not _text(grid[body, name_col]):
        body += 1
    paths = header_paths(cells, header_row, body - 1)
    quarter = next(
        (q for p in paths for part in p if (q := months_to_quarter(part)) is not None), None
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
    records, repeats, seen = [], [], {}
    table = OfficialTable(key, raw.where, year, quarter, labels, unmatched, pd.DataFrame())
    for r in range(body, len(cells)):
        name = _text(grid[r, name_col])
        if not name:
            continue
        if norm(name).startswith("备注"):
            break
        unit = vocab.unit(name)
        excel_row = int(raw.rows[r])
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
