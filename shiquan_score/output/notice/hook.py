"""The notice step of a run: what pipeline.py calls once the workbook is written.

Kept here so that pipeline.py needs two lines; nothing in it is imported by a run that asks
for neither a notice nor a chart (python-docx and matplotlib stay unloaded).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from shiquan_score import DEFAULT_NOTICE
from shiquan_score.errors import InputError, SchemeError
from shiquan_score.messages import msg
from shiquan_score.output.layout import Grid
from shiquan_score.period import Period
from shiquan_score.scheme.loader import Scheme, load_toml

if TYPE_CHECKING:  # scheme/notice.py is loaded only when a notice is wanted
    from shiquan_score.scheme.notice import NoticeScheme


@dataclass
class NoticeRequest:
    """The notice's part of the run's Config."""

    notice: bool | None = None  # --notice; None: the scheme's `enabled`
    date: dt.date | None = None  # --date
    template: Path | None = None  # --notice-template
    chart: bool = False  # --chart
    rules: Path = DEFAULT_NOTICE  # --notice-rules


@dataclass
class NoticeOutcome:
    notice: Path | None = None
    pdf: Path | None = None
    notices: list[str] = field(default_factory=list)


def wanted(request: NoticeRequest) -> bool:
    """--notice, or `enabled = true` in notice.toml (a missing file means no)."""
    if request.notice is not None:
        return request.notice
    if not request.rules.exists():
        return False
    enabled = load_toml(request.rules).get("enabled", False)  # its syntax message
    if not isinstance(enabled, bool):
        raise SchemeError(msg("NOTICE_ENABLED", file=request.rules.name, value=repr(enabled)))
    return enabled


def require_template(request: NoticeRequest) -> None:
    """--notice-template names a file that exists (checked before any work is done)."""
    if request.template is not None and not request.template.is_file():
        raise InputError(msg("NOTICE_TEMPLATE_NOT_FOUND", path=request.template))


def table_keys(scheme: Scheme, grids: list[Grid]) -> list[str]:
    """Each grid's table key (a run may publish only some of the scheme's tables)."""
    by_sheet = {spec.sheet: key for key, spec in scheme.tables.items()}
    return [by_sheet[g.sheet] for g in grids]


def chart_bars(scheme: Scheme, grids: list[Grid], tables: dict, period: Period) -> list:
    """The chart data of each published table (ranked units only)."""
    from shiquan_score.output.notice.chart import bars

    return [
        bars(scheme.tables[key], tables[key], grid, scheme, period)
        for key, grid in zip(table_keys(scheme, grids), grids, strict=True)
    ]


def workbook_charts(scheme: Scheme, grids: list[Grid], tables: dict, period: Period):
    """write_workbook's `decorate`: a native chart beside each table."""
    from shiquan_score.output.notice.chart import add_workbook_chart

    every = chart_bars(scheme, grids, tables, period)

    def decorate(workbook) -> None:
        for grid, b in zip(grids, every, strict=True):
            add_workbook_chart(workbook, grid.sheet, b, len(grid.widths) + 1)

    return decorate


def make_notice(
    request: NoticeRequest,
    notice: NoticeScheme,
    workbook: Path,
    scheme: Scheme,
    period: Period,
    tables: dict,
    grids: list[Grid],
    previous: list,
) -> NoticeOutcome:
    """The .docx beside the workbook and, where LibreOffice is installed, its PDF."""
    from shiquan_score.output.notice.document import NoticeOptions, NoticeTable, write_notice
    from shiquan_score.output.notice.pdf import to_pdf

    counts = {p.table: p.adopted for p in previous}
    items = [
        NoticeTable(key, scheme.tables[key], tables[key], grid, counts.get(key))
        for key, grid in zip(table_keys(scheme, grids), grids, strict=True)
    ]
    charts = []
    if request.chart:
        from shiquan_score.output.notice.chart import chart_png

        charts = [chart_png(b) for b in chart_bars(scheme, grids, tables, period)]
    options = NoticeOptions(date=request.date, template=request.template, charts=charts)
    target = workbook.with_name(f"{workbook.stem}_通报.docx")
    written = write_notice(target, items, scheme, notice, period, options)
    outcome = NoticeOutcome(notice=written.path)
    if written.kept:
        outcome.notices.append(msg("NOTICE_KEPT", name=target.name, kept=written.kept.name))
    pdf, line = to_pdf(written.path, written.kept)
    outcome.pdf = pdf
    outcome.notices += [line] if line else []
    return outcome
