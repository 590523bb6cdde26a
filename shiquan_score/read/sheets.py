"""Raw sheets → ledger rows: find the header row, rename columns to canonical fields."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.messages import msg
from shiquan_score.normalise.closing import closing_cells
from shiquan_score.normalise.text import norm
from shiquan_score.scheme.loader import LEDGER_FIELDS, REQUIRED_FIELDS, Scheme

HEADER_SCAN_ROWS = 200  # a long preamble (notes, a copy of the rules) may stand above it


@dataclass
class RawSheet:
    """All cells of one sheet as text, with the Excel row number of each row."""

    source: str
    sheet: str
    cells: pd.DataFrame
    rows: np.ndarray
    hidden_rows: frozenset[int] = field(default_factory=frozenset)
    merged_down: list[tuple[int, int, int]] = field(default_factory=list)  # (row1, row2, col)
    path: Path | None = None  # the workbook it came from (None for CSV)
    columns: list[int] = field(default_factory=list)  # 0-based sheet column of each cells column
    ragged: str = ""  # a CSV's delimiter (逗号): a row may hold more fields than its header
    hidden_sheet: bool = False  # hidden in the workbook: its rows are never scored

    def fill_merged_down(self) -> int:
        """A date or unit merged over several ledger rows holds its value in each of them."""
        for first, last, col in self.merged_down:
            if first <= len(self.cells):
                top = self.cells.iloc[first - 1, col]
                self.cells.iloc[first : min(last, len(self.cells)), col] = top
        return len(self.merged_down)

    @property
    def where(self) -> str:
        return f"{self.source}（{self.sheet}）" if self.sheet else self.source


def _header_cells(cells: pd.DataFrame, scheme: Scheme) -> Iterator[dict[str, int]]:
    """For each of the first rows in turn: which ledger field each column's text names."""
    for values in cells.head(HEADER_SCAN_ROWS).itertuples(index=False, name=None):
        fields: dict[str, int] = {}
        for col, value in enumerate(values):
            name = scheme.header_aliases.get(norm(value)) if isinstance(value, str) else None
            if name and name not in fields:
                fields[name] = col
        yield fields


def locate_header(raw: RawSheet, scheme: Scheme) -> tuple[int, dict[str, int]] | None:
    """The header row (position in `cells`) and field → column; None when this is no ledger."""
    candidates: list[dict[str, int]] = []
    for fields in _header_cells(raw.cells, scheme):  # up to the row below the first full header
        candidates.append(fields)
        if len(candidates) >= 2 and all(f in candidates[-2] for f in REQUIRED_FIELDS):
            break
    # A header of two rows (采用情况 merged over 类别 | 采用渠道; 日期 merged down): the
    # fields of both rows, the lower one's where both name one; the rows start below it.
    # A row naming two fields is never a ledger row, so the row below a full header that
    # does is the header's second row.
    for pos, fields in enumerate(candidates):
        if all(f in fields for f in REQUIRED_FIELDS):
            below = candidates[pos + 1] if pos + 1 < len(candidates) else {}
            return (pos + 1, {**fields, **below}) if len(below) >= 2 else (pos, fields)
    for pos in range(1, len(candidates)):
        upper, lower = candidates[pos - 1], candidates[pos]
        both = {**upper, **lower}
        if upper and lower and all(f in both for f in REQUIRED_FIELDS):
            return pos, both
    best = max(candidates, key=len, default={})
    if len(best) >= 3:
        pos = candidates.index(best)
        missing = [scheme.field_word(f) for f in REQUIRED_FIELDS if f not in best]
        raise InputError(
            msg("HEADER_MISSING", where=raw.where, row=raw.rows[pos], columns="、".join(missing))
        )
    return None


def ledger_rows(
    raw: RawSheet, header: tuple[int, dict[str, int]], scheme: Scheme | None = None
) -> pd.DataFrame:
    """Rows below the header with canonical column names; wholly blank rows are left out."""
    pos, fields = header
    body = raw.cells.iloc[pos + 1 :]
    out = pd.DataFrame(
        {
            f: body.iloc[:, fields[f]] if f in fields else pd.Series(pd.NA, index=body.index)
            for f in LEDGER_FIELDS
        },
    )
    # Readers give blank and whitespace-only cells as NA. A row holding only a 序号 is
    # blank too: 序号 is not a field, so it never keeps a row.
    keep = out.notna().any(axis=1)
    if body.shape[1] and scheme is not None:
        # ... but a 合计 or 制表人：… written only in the first column is a row the clerk must
        # see reported.
        keep |= closing_cells(body.iloc[:, 0], scheme).to_numpy()
    rows = raw.rows[pos + 1 :][keep.to_numpy()]
    out = out[keep].reset_index(drop=True)
    headers = raw.cells.iloc[pos]
    out["lead"] = body.iloc[:, 0].array[keep.to_numpy()] if body.shape[1] else None
    out.insert(0, "row", rows.astype(int))
    # One name for every row: a category, not a million copies of a reference.
    out.insert(0, "where", pd.Categorical.from_codes(np.zeros(len(out), np.int8), [raw.where]))
    out["hidden"] = out["row"].isin(raw.hidden_rows)
    if raw.ragged:
        out["extra"] = _extra_fields(
            raw.cells.iloc[max(pos - 1, 0) : pos + 1], body[keep], raw.ragged
        )
    above = raw.cells.iloc[pos - 1] if pos else headers  # a two-row header's upper row
    out.attrs["headers"] = {
        f: str(headers.iloc[c] if isinstance(headers.iloc[c], str) else above.iloc[c])
        for f, c in fields.items()
    }
    return out


def _extra_fields(header: pd.DataFrame, body: pd.DataFrame, delimiter: str) -> pd.Series:
    """Per CSV row, what is wrong when it has more fields than its header (the header row and
    the one above it: an unquoted comma in a title shifts every later cell), else None."""
    named = np.flatnonzero(header.notna().any(axis=0).to_numpy())
    width = int(named[-1]) + 1 if len(named) else 0
    beyond = body.iloc[:, width:].notna().to_numpy()
    found = pd.Series(None, index=range(len(body)), dtype=object)
    rows = np.flatnonzero(beyond.any(axis=1))
    for i in rows:  # few: each one a row the clerk must mend
        extra = int(np.flatnonzero(beyond[i])[-1]) + 1
        found[i] = msg("CSV_EXTRA_FIELDS", fields=width + extra, extra=extra, delimiter=delimiter)
    return found.to_numpy()


def note_rows(raw: RawSheet, scheme: Scheme) -> pd.DataFrame:
    """The 备注 sheet: columns 单位 and 备注 → where, row, unit_raw, note."""
    pos = None
    for i, fields in enumerate(_header_cells(raw.cells, scheme)):
        if "unit" in fields and "remark" in fields:
            pos, unit_col, note_col = i, fields["unit"], fields["remark"]
            break
    if pos is None:
        raise InputError(msg("NOTES_COLUMNS", where=raw.where))
    body = raw.cells.iloc[pos + 1 :]
    frame = pd.DataFrame(
        {
            "where": raw.where,
            "row": raw.rows[pos + 1 :].astype(int),
            "unit_raw": body.iloc[:, unit_col].to_numpy(),
            "note": body.iloc[:, note_col].to_numpy(),
        }
    )
    frame = frame.dropna(subset=["unit_raw", "note"], how="all")
    frame["note"] = frame["note"].fillna("").astype(str).str.strip()
    return frame.reset_index(drop=True)
