"""run(config) -> Result: read → normalise → score → join previous → rank → lay out → write."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from shiquan_score.errors import ShiquanError
from shiquan_score.normalise.accounting import accounting
from shiquan_score.normalise.ledger import ERROR, hidden_sheets, normalise
from shiquan_score.output import audit, publish
from shiquan_score.output import mark as M
from shiquan_score.output.layout import build_grid
from shiquan_score.output.mark import mark
from shiquan_score.output.notice.hook import (
    NoticeRequest,
    make_notice,
    require_template,
    wanted,
    workbook_charts,
)
from shiquan_score.period import Period
from shiquan_score.period_choice import choose_period, ledger_quarters, other_period_hint
from shiquan_score.previous.crosscheck import coverage, crosscheck
from shiquan_score.previous.late import late_rows
from shiquan_score.previous.table import PreviousTable
from shiquan_score.previous.totals import previous_totals
from shiquan_score.read.inbox import read_contents
from shiquan_score.scheme.loader import DEFAULT_ROSTER, DEFAULT_RULES, load_scheme
from shiquan_score.score.record import (
    record_frame,
    record_notes,
    unchecked,
    unchecked_line,
    year_record,
)
from shiquan_score.score.scoring import score_research, tally
from shiquan_score.score.standings import standings
from shiquan_score.table_choice import choose_tables, leave_out, parse_tables, pick_previous

if TYPE_CHECKING:  # tools/check.py and scheme/notice.py load only when --check-against or a
    from shiquan_score.tools.check import CheckResult  # notice asks for them


@dataclass
class Config:
    inbox: Path
    out: Path = Path("output")
    period: str | None = None
    rules: Path = DEFAULT_RULES
    roster: Path = DEFAULT_ROSTER
    check_against: Path | None = None  # a hand-made table to compare with
    tables: str | None = None  # --tables: which tables to make (default: table_choice decides)
    notice: NoticeRequest = field(default_factory=NoticeRequest)  # issue 13: --notice, --chart


@dataclass
class Result:
    period: Period
    counts: dict[str, int]
    notices: list[str]
    problems: pd.DataFrame
    workbook: Path | None = None
    problems_file: Path | None = None
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    check: CheckResult | None = None  # --check-against
    notice: Path | None = None  # issue 13: the 通报 draft and its PDF
    notice_pdf: Path | None = None
    hints: list[str] = field(default_factory=list)  # 提示 worth a line on screen

    @property
    def ok(self) -> bool:
        return self.workbook is not None


def run(config: Config) -> Result:
    """The whole job; writes the workbook, or only the 问题 list when inputs have errors.

    An error raised on the way carries the notices gathered so far (what was read, which
    quarter was chosen), so the clerk sees them before the error.
    """
    notices: list[str] = []
    try:
        return _run(config, notices)
    except ShiquanError as exc:
        exc.notices = notices
        raise


def last_record(
    previous: list[PreviousTable], keys: list[str], period: Period
) -> tuple[pd.DataFrame | None, str | None]:
    """The research record of last quarter's workbook used this run, and its file; None when
    the previous table used is hand-made (or this is Q1: the year starts afresh)."""
    before = period.previous()
    for table in previous:
        used = table.table in keys and before == Period(table.year, table.quarter or 0, period.span)
        if used and table.record is not None:
            return table.record, table.source
    return None, None


def _run(config: Config, notices: list[str]) -> Result:
    scheme = load_scheme(config.rules, config.roster)
    publish.refuse_out_in_inbox(config.out, config.inbox)
    if config.check_against:  # a missing or misplaced table fails before any work
        from shiquan_score.tools.check import require_check_file

        require_check_file(config.check_against, config.inbox)
    require_template(config.notice)  # a mistyped --notice-template fails before any work
    asked = parse_tables(config.tables, scheme) if config.tables else None
    inbox = read_contents(config.inbox, scheme, notices)  # notices kept should it fail
    requested = Period.parse(config.period, scheme.span) if config.period else None
    previous, ignored = pick_previous(inbox.previous, requested, scheme.span)
    notices += ignored
    quarters = ledger_quarters(inbox.rows, scheme.span)
    period, chosen = choose_period(
        quarters, config.period, previous, scheme.span, every=inbox.previous
    )
    notices += chosen
    ledger = normalise(inbox.rows, scheme, period)
    keys, left_out = choose_tables(scheme, asked, period, previous, ledger, inbox.rows["unit"])
    notices += left_out
    ledger, outside = leave_out(ledger, keys, scheme)
    notices += outside
    ledger = hidden_sheets(ledger, inbox.hidden)
    notes, note_problems, note_origins = audit.read_notes(inbox.notes, scheme)
    hint = other_period_hint(quarters, config.period, period, inbox.previous)
    totals, read_from = previous_totals(previous, scheme, period, keys, hint)
    notices += read_from
    cover = coverage(inbox.rows, scheme, period, totals)
    cross, cross_line = crosscheck(cover, scheme, period, totals, previous)
    late, late_line = late_rows(cover, period)
    notices += [line for line in (cross_line, late_line) if line]
    granted, record_from = last_record(previous, keys, period)
    covered = cover.covered
    scored, research = score_research(ledger.events, scheme, ledger.history, granted)
    more = cover.more(totals) if record_from is None else None
    bonus_notes = record_notes(research, record_from, covered, period, more)
    record = year_record(
        research,
        ledger.history if granted is None else None,  # the record holds what was paid
        granted,
        scheme,
        period,
        inbox.rows["title"],
        unchecked(record_from, covered, period),
    )
    counts, points = tally(scored)
    tables = {
        key: standings(scheme.tables[key], scheme, counts, points, totals[key], notes)
        for key in keys
    }
    conflicts = audit.note_conflicts(tables, scheme, note_origins)
    floored = audit.floor_notes(tables, scheme)
    problems = audit.all_problems(
        ledger.problems, note_problems, conflicts, cross, late, floored, bonus_notes
    )
    summary = accounting(ledger)
    result = Result(period, summary, notices, problems, tables=tables)
    result.hints += [
        line for line in [unchecked_line(research, record_from, covered, period)] if line
    ]
    targets = publish.targets(scheme, period, config.out)
    problem_sheet = audit.problem_sheet(problems, summary, period)
    if (problems["level"] == ERROR).any():
        marked = mark(period.code, scheme.name, M.PROBLEM_LIST, [(M.PROBLEMS, audit.PROBLEMS)])
        result.problems_file, stale = publish.publish_problems(
            targets, problem_sheet, marked, scheme.style
        )
        notices += stale
        return result
    grids = [build_grid(scheme.tables[key], scheme, tables[key], period) for key in keys]
    detail = audit.detail_sheet(scored, audit.shown_names(scored, scheme, period), scheme)
    sheets = {audit.DETAIL: detail, audit.PROBLEMS: problem_sheet}
    if config.check_against:  # compare with a hand-made table → 核对 sheet
        from shiquan_score.tools.check import check_against

        result.check = check_against(config.check_against, scheme, period, tables)
        sheets[audit.CHECK] = result.check.sheet()
    sheets[audit.RECORD] = audit.record_sheet(record_frame(record), period, scheme)
    zero_text = scheme.layout.get("zero_text", "——")
    # issue 13: a broken notice.toml fails before anything is written
    wording = None
    if wanted(config.notice):
        from shiquan_score.scheme.notice import load_notice

        wording = load_notice(config.notice.rules, scheme)
    decorate = workbook_charts(scheme, grids, tables, period) if config.notice.chart else None
    roles = {audit.DETAIL: M.DETAIL, audit.PROBLEMS: M.PROBLEMS, audit.CHECK: M.CHECK}
    roles[audit.RECORD] = M.RECORD
    marked = mark(
        period.code,
        scheme.name,
        M.TABLES,
        [(key, scheme.tables[key].sheet) for key in keys] + [(roles[n], n) for n in sheets],
    )
    result.workbook, stale = publish.publish_tables(
        targets, grids, sheets, zero_text, decorate, marked, scheme.style
    )
    notices += stale
    if wording is not None:
        made = make_notice(
            config.notice, wording, targets.table, scheme, period, tables, grids, previous
        )
        result.notice, result.notice_pdf = made.notice, made.pdf
        notices += made.notices
    return result
