"""run(config) -> Result: read → normalise → score → join previous → rank → lay out → write."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from shiquan_score.errors import InputError, ShiquanError
from shiquan_score.normalise.dates import OK, parse_dates
from shiquan_score.normalise.ledger import DUP, ERROR, OUT, PROBLEM, SCORED, Ledger, normalise
from shiquan_score.normalise.text import norm
from shiquan_score.output import audit
from shiquan_score.output.audit import AUDIT_SHEETS
from shiquan_score.output.layout import build_grid
from shiquan_score.output.workbook import write_workbook
from shiquan_score.period import Period
from shiquan_score.previous.crosscheck import crosscheck  # issue 5
from shiquan_score.previous.table import PreviousTable, check_period, identify, read_previous
from shiquan_score.read import files as readers
from shiquan_score.read.sheets import RawSheet, ledger_rows, locate_header
from shiquan_score.scheme.loader import DEFAULT_ROSTER, DEFAULT_RULES, Scheme, load_scheme
from shiquan_score.score.scoring import score, tally
from shiquan_score.score.standings import standings
from shiquan_score.tools.check import CheckResult, check_against, require_check_file  # issue 5


@dataclass
class Config:
    inbox: Path
    out: Path = Path("output")
    period: str | None = None
    rules: Path = DEFAULT_RULES
    roster: Path = DEFAULT_ROSTER
    check_against: Path | None = None  # issue 5: a hand-made table to compare with


@dataclass
class Inbox:
    """What the inbox holds once every file is read and every sheet classified."""

    ledgers: list[RawSheet] = field(default_factory=list)
    notes: list[RawSheet] = field(default_factory=list)
    previous: list[tuple[RawSheet, tuple[str, int, int]]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    headers: list = field(default_factory=list)


@dataclass
class Result:
    period: Period
    counts: dict[str, int]
    notices: list[str]
    problems: pd.DataFrame
    workbook: Path | None = None
    problems_file: Path | None = None
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    check: CheckResult | None = None  # issue 5: --check-against

    @property
    def ok(self) -> bool:
        return self.workbook is not None


def read_inbox(folder: Path, scheme: Scheme) -> Inbox:
    """Tell ledgers, 备注 sheets and previous tables apart by content, never by file name."""
    inbox = Inbox()
    files, skipped = readers.scan_inbox(folder)
    inbox.notices += [f"已跳过 {p.name}：{why}" for p, why in skipped]
    for path in files:
        sheets, notices = readers.read_file(path)
        inbox.notices += notices
        tables = [(raw, identify(raw, scheme)) for raw in sheets]
        published = any(found for _, found in tables)
        inbox.previous += [(raw, found) for raw, found in tables if found]
        # Our own workbook carries 明细 and 问题 sheets: a 明细 has a ledger's headers, but
        # reading it would score last quarter again.
        audit_sheets = [raw.sheet for raw, f in tables if published and raw.sheet in AUDIT_SHEETS]
        if audit_sheets:
            names = "、".join(f"“{name}”" for name in audit_sheets)
            inbox.notices.append(f"{path.name} 中的{names}表是统计表的附表，已跳过")
        for raw, found in tables:
            if found or raw.sheet in audit_sheets:
                continue
            if norm(raw.sheet) == norm(scheme.note_sheet):
                inbox.notes.append(raw)
                continue
            header = locate_header(raw, scheme)
            if header:
                if raw.fill_merged_down():
                    inbox.notices.append(
                        f"{raw.where} 有 {len(raw.merged_down)} 处上下合并的单元格，"
                        "已把合并的值填入所合并的每一行"
                    )
                inbox.ledgers.append(raw)
                inbox.headers.append(header)
            else:
                inbox.notices.append(f"{raw.where} 既不是台账也不是上期统计表，已跳过")
    if not inbox.ledgers:
        raise InputError(
            f"文件夹 {folder} 里没有找到台账（需要有“日期、单位、标题、采用渠道”等表头的表格）"
        )
    return inbox


def choose_period(
    rows: pd.DataFrame, requested: str | None, previous: list[PreviousTable]
) -> tuple[Period, str | None]:
    """The requested quarter; else the quarter after last quarter's table when the ledger has
    rows in it (a year-long ledger names no quarter); else the quarter with most dated rows."""
    if requested:
        return Period.parse(requested), None
    written = rows["date"].value_counts()  # a few hundred distinct dates, however many rows
    parsed = parse_dates(pd.Series(written.index, dtype=object))
    ok = (parsed["date_status"] == OK).to_numpy()
    if not ok.any():
        raise InputError(
            "台账里没有一行能识别的日期，无法判断期别，请用 --period 指定，如 --period 2020Q4"
        )
    quarter_of = parsed.loc[ok, "date"].map(Period.of).to_numpy()
    quarters = pd.Series(written.to_numpy()[ok]).groupby(quarter_of).sum()
    before = {Period(p.year, p.quarter) for p in previous if p.quarter}
    if len(before) == 1:
        (last,) = before
        after = (
            Period(last.year + 1, 1) if last.quarter == 4 else Period(last.year, last.quarter + 1)
        )
        if after in quarters.index:
            return (
                after,
                f"未指定期别，按上期表（{last.label}）判断本期为{after.label}（{after.code}）",
            )
    # Most rows first; on a tie the later quarter, the one a clerk is most likely reporting.
    period = max(quarters.index, key=lambda p: (quarters[p], p))
    return period, f"未指定期别，按台账中日期最多的季度计算：{period.label}（{period.code}）"


def previous_totals(
    previous: list[PreviousTable], scheme: Scheme, period: Period
) -> tuple[dict[str, pd.Series], list[str]]:
    """上期 per table: last quarter's 累计; Q1 starts from zero."""
    notices = []
    tables: dict[str, PreviousTable] = {}
    for prev in previous:
        attachment = scheme.tables[prev.table].attachment
        if period.previous() is None:
            notices.append(f"本期是一季度，累计从0开始，已忽略上期表 {prev.where}")
            continue
        check_period(prev, period, attachment)
        if prev.table in tables:
            raise InputError(
                f"收件箱里有两份{attachment}的上期表：{tables[prev.table].where} 和 {prev.where}，请只保留一份"
            )
        tables[prev.table] = prev
        notices += prev.merged  # issue 5: merged units add up
        notices.append(f"{attachment}上期累计取自：{prev.where}")
    totals = {}
    for key, spec in scheme.tables.items():
        if key in tables:
            totals[key] = tables[key].totals
        elif period.previous() is None:
            totals[key] = pd.Series(dtype=float)
        else:
            before = period.previous()
            raise InputError(
                f"收件箱里没有{spec.attachment}（{key}）的上期表（{before.label}）。"
                f"二至四季度需要上期累计分：请把上季度发布的统计表放入收件箱"
            )
    return totals, notices


def ledger_frame(inbox: Inbox, scheme: Scheme) -> pd.DataFrame:
    """All ledger sheets as one frame of rows, with the headers as the clerk wrote them."""
    frames = [
        ledger_rows(raw, header, scheme.total_words)
        for raw, header in zip(inbox.ledgers, inbox.headers, strict=True)
    ]
    headers: dict[str, str] = {}
    for frame in frames:
        for key, text in frame.attrs.get("headers", {}).items():
            headers.setdefault(key, text)
    rows = pd.concat(frames, ignore_index=True)
    rows.attrs["headers"] = headers
    if rows.empty:
        names = "、".join(dict.fromkeys(raw.where for raw in inbox.ledgers))
        raise InputError(f"台账 {names} 只有表头，没有采用记录，请先填写台账")
    return rows


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


def _run(config: Config, notices: list[str]) -> Result:
    scheme = load_scheme(config.rules, config.roster)
    if config.out.resolve().is_relative_to(config.inbox.resolve()):
        raise InputError(
            f"输出文件夹 {config.out} 在收件箱里：下次运行会把生成的表当成台账或上期表读入。"
            "请用 --out 指定收件箱以外的文件夹"
        )
    if config.check_against:  # issue 5: a missing or misplaced table fails before any work
        require_check_file(config.check_against, config.inbox)
    inbox = read_inbox(config.inbox, scheme)
    notices += inbox.notices
    rows = ledger_frame(inbox, scheme)
    previous = [read_previous(raw, scheme, found) for raw, found in inbox.previous]
    inbox.ledgers.clear()  # their cells now live in `rows`: a big ledger's grid is freed
    inbox.previous.clear()
    period, announced = choose_period(rows, config.period, previous)
    notices += [announced] if announced else []
    ledger = normalise(rows, scheme, period)
    notes, note_problems = audit.read_notes(inbox.notes, scheme)
    totals, prev_notices = previous_totals(previous, scheme, period)
    notices += prev_notices
    # issue 5: a ledger covering the earlier quarters re-computes 累计 (提示 only; 上期 rules)
    cross, cross_line = crosscheck(rows, scheme, period, totals, previous)
    notices += [cross_line] if cross_line else []
    del rows  # a million-row ledger: each frame let go here is memory the writer can use
    scored = score(ledger.events, scheme, ledger.history)
    ledger.events = ledger.history = None
    counts, points = tally(scored)
    tables = {
        key: standings(spec, scheme, counts, points, totals[key], notes)
        for key, spec in scheme.tables.items()
    }
    parts = [ledger.problems, note_problems, audit.note_conflicts(tables, scheme), cross]
    problems = pd.concat([p for p in parts if len(p)] or [ledger.problems], ignore_index=True)
    summary = accounting(ledger)
    result = Result(period, summary, notices, problems, tables=tables)
    name = scheme.layout["output_name"].format(
        county=scheme.county, year=period.year, months=period.months
    )
    table_file, problem_file = config.out / f"{name}.xlsx", config.out / f"{name}_问题清单.xlsx"
    problem_sheet = audit.problem_sheet(problems, summary, period)
    if (problems["level"] == ERROR).any():
        result.problems_file = write_workbook(problem_file, [], {audit.PROBLEMS: problem_sheet})
        if table_file.exists():
            notices.append(
                f"注意：{table_file} 是以前生成的，不是按本次台账生成的；改正问题之前请勿使用"
            )
        return result
    grids = [build_grid(spec, scheme, tables[key], period) for key, spec in scheme.tables.items()]
    # issue 5: 明细 names each unit as the table does (a renamed unit: the name in force)
    shown = {u: scheme.display_name(u, period.end) for u in scored["unit_name"].unique()}
    detail = audit.detail_sheet(scored, shown)
    del scored
    sheets = {audit.DETAIL: detail, audit.PROBLEMS: problem_sheet}
    if config.check_against:  # issue 5: compare with a hand-made table → 核对 sheet
        result.check = check_against(config.check_against, scheme, period, tables)
        sheets[audit.CHECK] = result.check.sheet()
    result.workbook = write_workbook(
        table_file, grids, sheets, zero_text=scheme.layout.get("zero_text", "——")
    )
    if problem_file.exists():  # our own list from an earlier failed run: it no longer applies
        problem_file.unlink()
        notices.append(f"已删除上次的问题清单 {problem_file.name}（问题已改正）")
    return result


def accounting(ledger: Ledger) -> dict[str, int]:
    """rows read = scored + outside the period + duplicates + problems."""
    status = ledger.rows["status"].value_counts()
    return {
        "read": len(ledger.rows),
        "scored": int(status.get(SCORED, 0)),
        "out": int(status.get(OUT, 0)),
        "duplicate": int(status.get(DUP, 0)),
        "problem": int(status.get(PROBLEM, 0)),
        "total_rows": int((ledger.problems["code"] == "合计行").sum()),
        "errors": int((ledger.problems["level"] == ERROR).sum()),
    }
