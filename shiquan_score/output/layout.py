"""The official table as data: cells, merged ranges, widths and heights. No Excel here."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from shiquan_score.normalise.text import text_px
from shiquan_score.period import Period
from shiquan_score.scheme.loader import Scheme
from shiquan_score.scheme.table_specs import Column, TableSpec
from shiquan_score.score.standings import count_key

ATTACHMENT_ROW, TITLE_ROW = 0, 2  # 0-based: 附件 in row 1, the title in row 3
CJK_PX, DIGIT_PX, PAD_PX = 16, 8, 12


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    value: object
    style: str


@dataclass(frozen=True)
class Merge:
    first_row: int
    first_col: int
    last_row: int
    last_col: int
    value: object
    style: str


@dataclass
class Grid:
    """Everything the writer needs to render one official table."""

    sheet: str
    cells: list[Cell] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)
    heights: dict[int, float] = field(default_factory=dict)
    header: tuple[int, int] = (0, 0)
    last_row: int = 0

    def put(self, r1: int, c1: int, r2: int, c2: int, value: object, style: str) -> None:
        """A cell, or a merged range when it spans more than one cell."""
        if (r1, c1) == (r2, c2):
            self.cells.append(Cell(r1, c1, value, style))
        else:
            self.merges.append(Merge(r1, c1, r2, c2, value, style))


def visible_columns(spec: TableSpec, table: pd.DataFrame) -> list[tuple[int, Column]]:
    """Optional columns (国家级, 县级) appear only when some unit has an adoption there."""
    shown = []
    for j, column in enumerate(spec.columns):
        if column.optional and not (table[count_key(j)] != 0).any():
            continue
        shown.append((j, column))
    return shown


def header_blocks(paths: list[tuple[str, ...]]) -> list[tuple[int, int, int, int, str]]:
    """Header paths → merged blocks (row, col, last_row, last_col, text), rows 0-based.

    Left-right neighbours merge when their paths agree up to that row; a block then grows
    down while the row below holds the same text over exactly the same columns.
    """
    depth = len(paths[0]) if paths else 0
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for r in range(depth):
        row_spans, start = [], 0
        for c in range(1, len(paths) + 1):
            if c == len(paths) or paths[c][: r + 1] != paths[start][: r + 1]:
                row_spans.append((start, c - 1, paths[start][r]))
                start = c
        spans[r] = row_spans
    blocks, covered = [], set()
    for r in range(depth):
        for c1, c2, text in spans[r]:
            if (r, c1) in covered:
                continue
            last = r
            while last + 1 < depth and (c1, c2, text) in spans[last + 1]:
                last += 1
            for rr in range(r, last + 1):
                covered.add((rr, c1))
            blocks.append((r, c1, last, c2, text))
    return blocks


def decimals(value: float) -> int:
    return 0 if float(value).is_integer() else (1 if round(value * 10, 9).is_integer() else 2)


def build_grid(spec: TableSpec, scheme: Scheme, table: pd.DataFrame, period: Period) -> Grid:
    """Lay out one official table: 附件 line, title, merged header, body, unranked block, 备注."""
    lay = scheme.layout
    depth = int(lay.get("header_rows", 4))
    first = int(lay.get("first_row", 4)) - 1
    columns = visible_columns(spec, table)
    grid = Grid(sheet=spec.sheet)
    ncols = len(columns)
    grid.put(ATTACHMENT_ROW, 0, ATTACHMENT_ROW, 0, spec.attachment, "attachment")
    title = spec.title.format(county=scheme.county, year=period.year, months=period.months)
    grid.put(TITLE_ROW, 0, TITLE_ROW, ncols - 1, title, "title")
    paths = [tuple(h.format(months=period.months) for h in c.header) for _, c in columns]
    for r, c1, r2, c2, text in header_blocks(paths):
        grid.put(first + r, c1, first + r2, c2, text, "header")
    grid.header = (first, first + depth - 1)

    body = first + depth
    ranked = table[table["ranked"]]
    unranked = table[~table["ranked"]]
    kinds = [c.value for _, c in columns]
    note_cols = [i for i, (_, c) in enumerate(columns) if c.note]
    r = body
    for heading, block in _blocks(spec, ranked):
        if heading is not None:  # a table ranked in blocks: each block under its heading
            grid.put(r, 0, r, ncols - 1, heading, "block")
            r += 1
        for unit, row in block.iterrows():
            _body_row(grid, r, unit, row, columns, note_cols, scheme, period)
            r += 1
    start = r
    for offset, (unit, row) in enumerate(unranked.iterrows()):
        _body_row(grid, start + offset, unit, row, columns, note_cols, scheme, period, scores=False)
    if len(unranked):
        c1, c2 = kinds.index("current"), kinds.index("rank")
        grid.put(start, c1, start + len(unranked) - 1, c2, spec.unranked_text, "unranked")
    last = start + len(unranked)
    names = [scheme.display_name(u, period.end) for u in table.index]
    grid.widths = _widths(columns, table, scheme, names)
    heights = scheme.style.heights
    if scheme.remarks:
        grid.put(last, 0, last, ncols - 1, scheme.remarks, "remarks")
        grid.heights[last] = remarks_height(
            scheme.remarks, sum(grid.widths), heights["remarks_line"]
        )
        grid.last_row = last
    else:
        grid.last_row = last - 1
    grid.heights.update({ATTACHMENT_ROW: heights["attachment"], TITLE_ROW: heights["title"]})
    for r in range(depth):
        lines = max((p[r].count("\n") + 1 for p in paths), default=1)
        grid.heights[first + r] = heights["row"] if lines == 1 else heights["header_wrapped"]
    for r in range(body, last):
        grid.heights[r] = heights["row"]
    return grid


def _blocks(spec: TableSpec, ranked: pd.DataFrame):
    """(heading, its ranked units) per unit class of the table, in the scheme's order; one
    block without a heading when the table is not ranked in blocks."""
    if not spec.classes:
        return [(None, ranked)]
    return [(klass, ranked[ranked["block"] == i]) for i, klass in enumerate(spec.classes)]


def _body_row(grid, r, unit, row, columns, note_cols, scheme, period, scores=True) -> None:
    name = scheme.display_name(unit, period.end)
    note = (
        row["note"]
        if row["note"] and all(row[count_key(columns[i][0])] == 0 for i in note_cols)
        else ""
    )
    for i, (j, column) in enumerate(columns):
        if column.value == "name":
            grid.put(r, i, r, i, name, "name")
        elif column.value == "count":
            if note and i in note_cols:
                continue
            value = float(row[count_key(j)])
            grid.put(r, i, r, i, value, f"count{decimals(value)}")
        elif not scores:
            continue
        elif column.value == "rank":
            grid.put(r, i, r, i, int(row["rank"]), "rank")
        else:
            value = float(row[column.value])
            grid.put(r, i, r, i, value, f"score{decimals(value)}")
    if note and note_cols:
        grid.put(r, note_cols[0], r, note_cols[-1], note, "note")


def _widths(columns, table: pd.DataFrame, scheme: Scheme, names: list[str]) -> list[int]:
    widths = scheme.layout.get("widths", {})
    out = []
    for _j, column in columns:
        if column.value == "name":
            longest = max((text_px(name) for name in names), default=0)
            out.append(max(int(widths.get("name_min", 96)), longest + PAD_PX))
        elif column.value == "count":
            out.append(int(widths.get("count", 64)))
        elif column.value == "rank":
            out.append(int(widths.get("rank", 44)))
        else:
            longest = max(
                (len(f"{v:.2f}".rstrip("0").rstrip(".")) for v in table[column.value]), default=1
            )
            out.append(max(int(widths.get("score", 54)), longest * DIGIT_PX + PAD_PX))
    return out


def remarks_height(text: str, width_px: int, line_pt: float) -> float:
    """Excel never auto-fits a merged wrapped cell: count the lines ourselves (each line
    `line_pt` high, [style] heights.remarks_line), in Excel's steps of 0.75 pt."""
    usable = max(width_px - 2 * PAD_PX, CJK_PX)
    lines = sum(max(1, math.ceil(text_px(p) / usable)) for p in text.split("\n"))
    points = lines * line_pt + 6
    return math.ceil(points / 0.75) * 0.75
