"""Render grids and audit frames with XlsxWriter into one workbook, written atomically."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from shiquan_score.errors import OutputError
from shiquan_score.messages import msg
from shiquan_score.normalise.text import text_px
from shiquan_score.output.atomic import atomic_workbook, make_folder, share_mode, temp_beside
from shiquan_score.output.csv_file import csv_into
from shiquan_score.output.layout import Grid
from shiquan_score.output.replace import remove, replace
from shiquan_score.scheme.style import Style

EXCEL_CELL_LIMIT = 32767
EXCEL_ROW_LIMIT = 1_048_576
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


def _formats(zero: str, style: Style) -> dict[str, dict]:
    """The cell formats of every sheet, fonts and sizes from rules.toml [style]."""
    fonts, sizes = style.fonts, style.sizes
    body = {"font_name": fonts["body"], "font_size": sizes["body"], **_BOX}
    styles = {
        "attachment": {"font_name": fonts["header"], "font_size": sizes["attachment"]},
        "title": {
            "font_name": fonts["title"],
            "font_size": sizes["title"],
            "align": "center",
            "valign": "vcenter",
        },
        "header": {
            "font_name": fonts["header"],
            "font_size": sizes["header"],
            "bold": False,
            **_BOX,
        },
        "name": body,
        "note": body,
        "unranked": body,
        "block": {**body, "bold": True, "align": "left"},  # 一类单位 … above a block
        "rank": {**body, "num_format": "0"},
        "remarks": {
            "font_name": fonts["body"],
            "font_size": sizes["remarks"],
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
        "audit_title": {"bold": True, "font_size": sizes["audit_title"]},
    }
    for d, pattern in enumerate(["0", "0.0", "0.00"]):
        styles[f"count{d}"] = {**body, "num_format": f'{pattern};-{pattern};"{zero}"'}
        styles[f"score{d}"] = {**body, "num_format": pattern}
    return styles


def _page(sheet, style: Style) -> None:
    """Paper and orientation of every sheet ([style] paper, landscape)."""
    sheet.set_paper(style.paper_code)
    if style.landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()


def _render_grid(workbook, sheet, grid: Grid, formats, style: Style) -> None:
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
    _page(sheet, style)
    sheet.center_horizontally()
    sheet.repeat_rows(*grid.header)
    sheet.print_area(0, 0, grid.last_row, last_col)
    sheet.fit_to_pages(1, 0)
    sheet.hide_gridlines(2)
    sheet.set_margins(**style.margins_inches())


def _write(sheet, row: int, col: int, value, fmt) -> None:
    """Numbers as numbers, everything else as a string: never a formula or a link."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        sheet.write_number(row, col, value, fmt)
    else:
        sheet.write_string(row, col, str(value), fmt)


def _render_frame(sheet, page: FrameSheet, formats, style: Style) -> None:
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
    _page(sheet, style)
    sheet.repeat_rows(top)
    sheet.fit_to_pages(1, 0)


def _audit_width(values: pd.Series, name: str, caps: dict[str, int]) -> int:
    """Wide enough for the longest text (measured over distinct values), up to a cap."""
    cap = caps.get(name, 400)
    texts = [str(v) for v in values.dropna().unique()]
    most = max(map(len, texts), default=0)
    # A character is 8 to 16 px (text_px): when the longest text reaches the cap at 8 px a
    # character, nothing needs measuring (the 调研加分 sheet's JSON cells hold 30,000); and a
    # text shorter than half the longest one can never be wider than it.
    if most * 8 + 16 >= cap:
        return max(48, cap)
    longest = max((text_px(t) for t in texts if len(t) >= most / 2), default=0)
    wanted = max(longest, text_px(name)) + 16
    return max(48, min(wanted, cap))


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
    style: Style | None = None,
) -> Path:
    """Write the official sheets and the audit sheets to `target` atomically; with `kept`,
    an earlier workbook of other content is kept (see atomic_workbook); `properties` are
    custom document properties (the tool's mark, output/mark.py); `style` the scheme's
    fonts, sizes, margins and paper (today's look when None)."""
    style = style or Style()
    small = {name: page for name, page in frames.items() if len(page.frame) <= SHEET_ROWS_MAX}
    check_limits({name: page.frame for name, page in small.items()})
    csv = {name: target.with_name(f"{target.stem}_{name}.csv") for name in frames}
    side = {name: path for name, path in csv.items() if name not in small}
    make_folder(target.parent)
    with contextlib.ExitStack() as stack:
        # Every file is written to a temporary one first; only when all are written do they
        # replace the files of an earlier run: a failure leaves that run's files as they were.
        staged = {
            name: stack.enter_context(temp_beside(path, ".csv")) for name, path in side.items()
        }
        for name, temp in staged.items():
            csv_into(temp, frames[name].frame)
        with atomic_workbook(target, kept) as workbook:
            for name, value in (properties or {}).items():
                workbook.set_custom_property(name, value, "text")
            formats = {k: workbook.add_format(v) for k, v in _formats(zero_text, style).items()}
            for grid in grids:
                _render_grid(workbook, workbook.add_worksheet(grid.sheet), grid, formats, style)
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
                _render_frame(workbook.add_worksheet(name), page, formats, style)
            if decorate is not None:  # issue 13: the --chart charts, drawn last
                decorate(workbook)
        for name, temp in staged.items():
            share_mode(temp)
            replace(temp, side[name])
    for name, path in csv.items():
        if name not in side:  # ours, from an earlier larger run: it would mislead now
            remove(path)
    return target
