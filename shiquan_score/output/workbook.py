"""Render grids and audit frames with XlsxWriter; write atomically next to the target."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import itertools
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import xlsxwriter

from shiquan_score.errors import OutputError
from shiquan_score.messages import msg, os_reason
from shiquan_score.normalise.text import arrow_text, text_px
from shiquan_score.output.layout import Grid
from shiquan_score.output.replace import remove, replace, replace_keeping

# Fixed so that the same inputs give the same bytes (a datetime.date would be ignored).
CREATED = dt.datetime(2000, 1, 1, 0, 0, 0)
EXCEL_CELL_LIMIT = 32767
EXCEL_ROW_LIMIT = 1_048_576
BODY_FONT, HEADER_FONT, TITLE_FONT = "仿宋_GB2312", "黑体", "方正小标宋简体"
_BOX = {"border": 1, "align": "center", "valign": "vcenter", "text_wrap": True}


@dataclass
class FrameSheet:
    """An audit sheet: a few lines of text on top, then a plain table."""

    frame: pd.DataFrame
    widths: dict[str, int]
    preamble: tuple[str, ...] = ()


# An audit sheet longer than this goes to a CSV beside the workbook: a year's ledger of a
# whole province would pass Excel's row limit, and writing it cell by cell takes minutes.
SHEET_ROWS_MAX = 20_000
# Rows of such a CSV converted and written at a time (see write_csv).
CSV_SLICE_ROWS = 100_000
# In a CSV, text starting with one of these would be a formula to Excel: it gets a leading '.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _formats(zero: str) -> dict[str, dict]:
    body = {"font_name": BODY_FONT, "font_size": 12, **_BOX}
    styles = {
        "attachment": {"font_name": HEADER_FONT, "font_size": 16},
        "title": {"font_name": TITLE_FONT, "font_size": 22, "align": "center", "valign": "vcenter"},
        "header": {"font_name": HEADER_FONT, "font_size": 12, "bold": False, **_BOX},
        "name": body,
        "note": body,
        "unranked": body,
        "block": {**body, "bold": True, "align": "left"},  # 一类单位 … above a block
        "rank": {**body, "num_format": "0"},
        "remarks": {
            "font_name": BODY_FONT,
            "font_size": 12,
            "border": 1,
            "align": "left",
            "valign": "top",
            "text_wrap": True,
        },
        "audit_header": {
            "bold": True,
            "border": 1,
            "bg_color": "#D9D9D9",
            "text_wrap": True,
            "valign": "vcenter",
        },
        "audit": {"valign": "top"},
        "audit_title": {"bold": True, "font_size": 12},
    }
    for d, pattern in enumerate(["0", "0.0", "0.00"]):
        styles[f"count{d}"] = {**body, "num_format": f'{pattern};-{pattern};"{zero}"'}
        styles[f"score{d}"] = {**body, "num_format": pattern}
    return styles


def _render_grid(workbook, sheet, grid: Grid, formats) -> None:
    for c, width in enumerate(grid.widths):
        sheet.set_column_pixels(c, c, width)
    for r, height in grid.heights.items():
        sheet.set_row(r, height)
    for m in grid.merges:
        fmt = formats[m.style]
        sheet.merge_range(m.first_row, m.first_col, m.last_row, m.last_col, "", fmt)
        _write(sheet, m.first_row, m.first_col, m.value, fmt)
    for cell in grid.cells:
        _write(sheet, cell.row, cell.col, cell.value, formats[cell.style])
    last_col = len(grid.widths) - 1
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.center_horizontally()
    sheet.repeat_rows(*grid.header)
    sheet.print_area(0, 0, grid.last_row, last_col)
    sheet.fit_to_pages(1, 0)
    sheet.hide_gridlines(2)
    sheet.set_margins(left=36 / 25.4, right=36 / 25.4, top=28 / 25.4, bottom=26 / 25.4)


def _write(sheet, row: int, col: int, value, fmt) -> None:
    """Numbers as numbers, everything else as a string: never a formula or a link."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        sheet.write_number(row, col, value, fmt)
    else:
        sheet.write_string(row, col, str(value), fmt)


def _render_frame(sheet, page: FrameSheet, formats) -> None:
    """An audit sheet: preamble lines, bold header, frozen, filterable; cells as values."""
    frame = page.frame
    for r, line in enumerate(page.preamble):
        sheet.write_string(r, 0, line, formats["audit_title" if r == 0 else "audit"])
    top = len(page.preamble) + (1 if page.preamble else 0)
    for c, name in enumerate(frame.columns):
        sheet.write_string(top, c, str(name), formats["audit_header"])
        sheet.set_column_pixels(c, c, _audit_width(frame[name], str(name), page.widths))
    body = formats["audit"]
    for c, name in enumerate(frame.columns):
        values = frame[name].tolist()
        kinds = {type(v) for v in values}
        # One writer per column when every cell has the same kind: a cell-by-cell dispatch
        # is most of the time spent writing a normal quarter's 明细.
        write = (
            sheet.write_string
            if kinds == {str}
            else sheet.write_number
            if kinds in ({float}, {int}, {int, float}) and all(v == v for v in values)  # no NaN
            else None
        )
        for r, value in enumerate(values, start=top + 1):
            if write is None:
                _write(sheet, r, c, value, body)
            else:
                write(r, c, value, body)
    sheet.freeze_panes(top + 1, 0)
    if len(frame.columns):
        sheet.autofilter(top, 0, top + max(len(frame), 1), len(frame.columns) - 1)
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.repeat_rows(top)
    sheet.fit_to_pages(1, 0)


def _audit_width(values: pd.Series, name: str, caps: dict[str, int]) -> int:
    """Wide enough for the longest text (measured over distinct values), up to a cap."""
    # A character is 8 to 16 px (text_px): a text shorter than half the longest one can never
    # be wider than it, so only the texts at least that long are measured.
    distinct = pd.Series(values.dropna().unique()).astype(str)
    lengths = distinct.str.len()
    long = distinct[lengths >= (lengths.max() if len(lengths) else 0) / 2]
    longest = max((text_px(v) for v in long), default=0)
    wanted = max(longest, text_px(name)) + 16
    return max(48, min(wanted, caps.get(name, 400)))


def check_limits(frames: dict[str, pd.DataFrame]) -> None:
    """Excel's limits checked before writing, never by truncating silently."""
    for name, frame in frames.items():
        if len(frame) + 1 > EXCEL_ROW_LIMIT:
            raise OutputError(
                msg("SHEET_TOO_MANY_ROWS", sheet=name, rows=len(frame), limit=EXCEL_ROW_LIMIT - 1)
            )
        for col in frame.columns:
            values = frame[col]
            if isinstance(values.dtype, pd.CategoricalDtype):  # its texts, each once
                values = values.cat.remove_unused_categories().cat.categories.to_series()
            if values.dtype == object or str(values.dtype).startswith(("str", "string")):
                lengths = values.dropna().astype(str).str.len()
                if len(lengths) and lengths.max() > EXCEL_CELL_LIMIT:
                    raise OutputError(
                        msg("CELL_TOO_LONG", sheet=name, column=col, limit=EXCEL_CELL_LIMIT)
                    )


def write_workbook(
    target: Path,
    grids: list[Grid],
    frames: dict[str, FrameSheet],
    zero_text: str = "——",
    decorate=None,
    kept: list[Path] | None = None,
    properties: dict[str, str] | None = None,
) -> Path:
    """Write the official sheets and the audit sheets to `target` atomically; with `kept`,
    an earlier workbook of other content is kept (see atomic_workbook); `properties` are
    custom document properties (the tool's mark, output/mark.py)."""
    small = {name: page for name, page in frames.items() if len(page.frame) <= SHEET_ROWS_MAX}
    check_limits({name: page.frame for name, page in small.items()})
    csv = {name: target.with_name(f"{target.stem}_{name}.csv") for name in frames}
    side = {name: path for name, path in csv.items() if name not in small}
    make_folder(target.parent)
    with contextlib.ExitStack() as stack:
        # Every file is written to a temporary one first; only when all are written do they
        # replace the files of an earlier run: a failure leaves that run's files as they were.
        staged = {
            name: stack.enter_context(_temp_beside(path, ".csv")) for name, path in side.items()
        }
        for name, temp in staged.items():
            _csv_into(temp, frames[name].frame)
        with atomic_workbook(target, kept) as workbook:
            for name, value in (properties or {}).items():
                workbook.set_custom_property(name, value, "text")
            formats = {k: workbook.add_format(v) for k, v in _formats(zero_text).items()}
            for grid in grids:
                _render_grid(workbook, workbook.add_worksheet(grid.sheet), grid, formats)
            for name, page in frames.items():
                if name in side:
                    page = FrameSheet(
                        pd.DataFrame(),
                        {},
                        (
                            *page.preamble,
                            msg(
                                "SHEET_AS_CSV",
                                rows=len(page.frame),
                                limit=SHEET_ROWS_MAX,
                                file=side[name].name,
                            ),
                        ),
                    )
                _render_frame(workbook.add_worksheet(name), page, formats)
            if decorate is not None:  # issue 13: the --chart charts, drawn last
                decorate(workbook)
        for name, temp in staged.items():
            _share(temp)
            replace(temp, side[name])
    for name, path in csv.items():
        if name not in side:  # ours, from an earlier larger run: it would mislead now
            remove(path)
    return target


def write_csv(target: Path, frame: pd.DataFrame) -> Path:
    """A CSV Excel opens correctly (UTF-8 with BOM), text that looks like a formula quoted
    with ', written atomically.

    Written CSV_SLICE_ROWS rows at a time: the text of a categorical column (each row's
    rule, unit and date) then exists for one slice only, not for a million rows at once.
    """
    with _temp_beside(target, ".csv") as temp:
        _csv_into(temp, frame)
        _share(temp)
        replace(temp, target)
    return target


def _csv_into(temp: Path, frame: pd.DataFrame) -> None:
    import pyarrow.csv as pa_csv

    columns = {str(col): _csv_column(frame[col]) for col in frame.columns}
    slices = (
        pa.table(
            {
                name: _csv_cells(column.slice(start, CSV_SLICE_ROWS))
                for name, column in columns.items()
            }
        )
        for start in range(0, max(len(frame), 1), CSV_SLICE_ROWS)
    )
    with temp.open("wb") as out:
        out.write(b"\xef\xbb\xbf")
        first = next(slices)
        with pa_csv.CSVWriter(out, first.schema) as writer:
            for table in itertools.chain([first], slices):
                writer.write_table(table)


def _csv_column(values: pd.Series) -> pa.Array | pa.ChunkedArray:
    """A column in Arrow without text made per row: numbers as they are, Arrow strings
    shared, a categorical as its codes and a dictionary of its words (quoted already)."""
    if pd.api.types.is_numeric_dtype(values):
        return pa.array(values.to_numpy())
    if isinstance(values.dtype, pd.CategoricalDtype):
        words = _quoted(arrow_text(pd.Series(values.cat.categories.astype(object))))
        if isinstance(words, pa.ChunkedArray):
            words = words.combine_chunks()
        codes = values.cat.codes.to_numpy()
        return pa.DictionaryArray.from_arrays(pa.array(codes, mask=codes < 0), words)
    return arrow_text(values)


def _csv_cells(column: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """One slice of a column as the CSV shows it: text quoted, a missing category ""."""
    if pa.types.is_dictionary(column.type):
        return pc.fill_null(column.cast(pa.large_string()), "")
    if pa.types.is_large_string(column.type):
        return _quoted(column)
    return column


def _quoted(text: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Text that Excel would take for a formula (= + - @ tab CR first) gets a leading '.

    Six starts_with take half the time of the regex used before, and say the same."""
    risky = functools.reduce(pc.or_, (pc.starts_with(text, s) for s in FORMULA_STARTS))
    if not pc.any(risky).as_py():
        return text
    quote, nothing = pa.scalar("'", pa.large_string()), pa.scalar("", pa.large_string())
    return pc.if_else(risky, pc.binary_join_element_wise(quote, text, nothing), text)


def _share(path: Path) -> None:
    """mkstemp makes the file private (0600); give it the mode any new file would get."""
    mask = os.umask(0)
    os.umask(mask)
    path.chmod(0o666 & ~mask)


def make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(msg("CANNOT_MAKE_FOLDER", folder=folder, reason=os_reason(exc))) from exc


@contextlib.contextmanager
def _temp_beside(target: Path, suffix: str) -> Iterator[Path]:
    """A temporary file in the target's folder, gone afterwards unless moved onto the target."""
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".~写入中-", suffix=suffix, dir=target.parent)
    except OSError as exc:  # a folder one may read but not write (a share, a CD)
        raise OutputError(
            msg("OUT_NOT_WRITABLE", folder=target.parent, reason=os_reason(exc))
        ) from exc
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
    finally:
        temp.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_workbook(target: Path, kept: list[Path] | None = None) -> Iterator[xlsxwriter.Workbook]:
    """An XlsxWriter workbook with safe string options and CREATED, moved onto `target` on exit.

    With `kept` (a list to add to), an earlier `target` of other content is kept under a
    name that says so, and that name is added to the list."""
    make_folder(target.parent)
    with _temp_beside(target, ".xlsx") as temp:
        workbook = xlsxwriter.Workbook(
            str(temp),
            {
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
                "in_memory": True,  # no temporary file per part (13 deletions: 40 ms)
            },
        )
        workbook.set_properties({"created": CREATED, "title": target.stem})
        yield workbook
        workbook.close()
        _share(temp)
        if kept is None:
            replace(temp, target)
        elif (earlier := replace_keeping(temp, target)) is not None:
            kept.append(earlier)
