"""Ledger rows → canonical adoption events, every row's fate, and the problems table.

Every ledger row ends in exactly one place: 计分 (scored), 不在本期, 重复 or 有问题.
Cells are checked once per distinct text, and the results joined back onto the rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from shiquan_score.messages import msg, msg_each
from shiquan_score.normalise.cells import (
    ISSUE_COLUMNS,
    Cells,
    analyse,
    by_channel,
    by_unit,
    issues_of,
    repeated_of,
    title_keys,
)
from shiquan_score.normalise.closing import closing_rows
from shiquan_score.normalise.dates import EXCEL, OK, YEAR, parse_dates
from shiquan_score.normalise.dedup import dedup
from shiquan_score.normalise.problems import (
    ERROR,
    INFO,
    NOT_SCORED,
    PROBLEM_COLUMNS,
    problem_frame,
)
from shiquan_score.normalise.text import EXCEL_ERRORS
from shiquan_score.period import FIRST_YEAR, LAST_YEAR, Period
from shiquan_score.scheme.loader import Scheme
from shiquan_score.scheme.vocabulary import Vocabulary

# Each row's fate.
SCORED, OUT, DUP, PROBLEM = "scored", "out", "duplicate", "problem"
_NO_TITLE = ("title", "", "NO_TITLE", msg("NO_TITLE"))
_NO_ISSUES = pd.DataFrame(columns=ISSUE_COLUMNS)
_DATE_MESSAGES = {"blank": "DATE_BLANK", "ambiguous": "DATE_AMBIGUOUS", "bad": "DATE_BAD"}


@dataclass
class Ledger:
    rows: pd.DataFrame  # one per ledger row, with status, reason and code (a KINDS code or "")
    events: pd.DataFrame  # one per scored (row, unit, channel), with share and item keys
    problems: pd.DataFrame  # PROBLEM_COLUMNS, sorted by where and row
    history: pd.DataFrame | None = None  # valid events earlier in the same year (research best-of)


def _text(col: pd.Series) -> pd.Series:
    if isinstance(col.dtype, pd.CategoricalDtype):
        col = col.astype(object)
    return col.fillna("").astype(str)


def normalise(rows: pd.DataFrame, scheme: Scheme, period: Period) -> Ledger:
    """Ledger rows → (rows with status, scored events, problems). Nothing is dropped."""
    rows = rows.reset_index(drop=True).rename(columns={"date": "date_raw"})
    headers = rows.attrs.get("headers", {})
    vocab = Vocabulary(scheme)
    keys = title_keys(rows["title"])
    analysed, cells = analyse(rows, vocab)
    rows = rows.join(analysed)
    rows = rows.join(parse_dates(rows["date_raw"]))
    # Every subset below copies each column: keep repetitive text as categories (cheap to take).
    for col in ("where", "date_raw"):
        rows[col] = rows[col].astype("category")

    untitled = _text(rows["title"]).str.strip() == ""
    rows.loc[untitled, "n_issues"] += 1
    excel = _excel_errors(rows, headers)
    if len(excel):  # rows with one are few: their issues counted again
        hit = rows.loc[excel.index.unique()]
        counts = _row_issues(hit, untitled, cells, excel).groupby(level=0).size()
        rows.loc[hit.index, "n_issues"] = counts.reindex(hit.index).to_numpy()

    total, footer = closing_rows(rows, scheme)
    if "extra" not in rows:  # only a CSV row can have too many fields
        rows["extra"] = None
    extra = rows["extra"].notna()
    closing = total | footer | extra  # rows whose date says nothing about the period
    ragged = problem_frame(rows[extra], "", "", ERROR, "EXTRA_FIELDS", rows.loc[extra, "extra"])
    rows = rows.drop(
        columns=["unit", "category", "channel", "remark", "lead", "extra"],
        errors="ignore",
    )
    bad_date = ~closing & (rows["date_status"] != OK)
    dated = ~closing & ~bad_date
    day = pd.to_datetime(rows["date"].where(dated, None))
    in_period = dated & day.between(pd.Timestamp(period.start), pd.Timestamp(period.end))
    out = dated & ~in_period
    broken = in_period & rows["n_issues"].gt(0)
    rows["status"] = SCORED
    rows.loc[closing | bad_date | broken, "status"] = PROBLEM
    rows.loc[out, "status"] = OUT
    rows["reason"] = ""
    rows["code"] = ""  # the problem kind a row is counted under, where a count needs it
    rows.loc[total, "reason"] = msg("TOTAL_ROW")
    rows.loc[footer, "reason"] = msg("FOOTER_REASON")
    rows.loc[extra, "reason"] = msg("EXTRA_FIELDS_REASON")
    rows.loc[out, "reason"] = msg("OUT_OF_PERIOD", period=period.label)

    problems = [
        problem_frame(rows[total], "", "", NOT_SCORED, "TOTAL_ROW", rows.loc[total, "reason"]),
        problem_frame(rows[footer], "", "", NOT_SCORED, "FOOTER_ROW", rows.loc[footer, "reason"]),
        ragged,
        _date_problems(rows[bad_date], headers.get("date", "日期")),
        _issue_problems(rows[broken], _row_issues(rows[broken], untitled, cells, excel), headers),
        _out_of_period(rows[out], headers.get("date", "日期"), period),
        _repeated_in_cell(rows[rows["n_repeated"].gt(0) & (rows["status"] == SCORED)], cells),
        problem_frame(
            rows[rows["hidden"] & (rows["status"] == SCORED)],
            "",
            "",
            INFO,
            "HIDDEN_ROW",
            msg("HIDDEN_ROW"),
        ),
    ]
    year_start = pd.Timestamp(period.year, 1, 1)
    earlier = out & (day >= year_start) & rows["n_issues"].eq(0)
    # Only what scoring and the 明细 sheet need goes on: every column is copied per event.
    rows["date_status"] = rows["date_status"].astype("category")
    rows["title_key"] = keys
    keep = ["where", "row", "date", "title_key", "unit_cell", "category_name", "kind"]
    history = by_unit(
        by_channel(rows.loc[earlier & (day < pd.Timestamp(period.start)), keep], cells), cells
    )
    events, dup_rows, dup_problems = dedup(rows.loc[rows["status"] == SCORED, keep], cells)
    rows.loc[dup_rows.index, "status"] = DUP
    rows.loc[dup_rows.index, "reason"] = dup_rows
    problems.append(dup_problems)
    found = [p for p in problems if len(p)]
    problem_table = (
        pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=PROBLEM_COLUMNS)
    )
    problem_table = problem_table.sort_values(["where", "row"], kind="stable", ignore_index=True)
    events = by_unit(events, cells)
    # The title rides along only once, at the end: by the position of its ledger row.
    events.insert(3, "title", rows["title"].array.take(events.pop("pos").to_numpy()))
    # `pos`, the ledger row's position, stays: score/record.py takes the title of the few
    # earlier research items it records (the titles of all earlier rows would cost memory).
    rows = rows[["where", "row", "status", "reason", "code"]]
    return Ledger(rows=rows, events=events, problems=problem_table, history=history)


def hidden_sheets(ledger: Ledger, frames: list[pd.DataFrame]) -> Ledger:
    """Rows of hidden sheets that hold a ledger: each one counted, none scored.

    A hidden sheet is one the clerk does not see when she checks her ledger (often an old
    copy or a scratch list), so scoring it could publish points nobody reviewed; a hidden
    row in a visible sheet is usually a filter and is scored with a 提示. One line per sheet
    names its rows and how to have them scored.
    """
    frames = [f for f in frames if len(f)]
    if not frames:
        return ledger
    rows = pd.concat([f[["where", "row"]].astype({"where": object}) for f in frames])
    rows = rows.assign(status=PROBLEM, reason=msg("HIDDEN_SHEET_REASON"), code="HIDDEN_SHEET")
    lines = []
    for frame in frames:
        first, last = int(frame["row"].iloc[0]), int(frame["row"].iloc[-1])
        message = msg("HIDDEN_SHEET_ROWS", first=first, last=last, n=len(frame))
        lines.append(problem_frame(frame.head(1), "", "", NOT_SCORED, "HIDDEN_SHEET", message))
    every = pd.concat([ledger.rows.astype({"where": object}), rows], ignore_index=True)
    problems = pd.concat([ledger.problems, *lines], ignore_index=True)
    problems = problems.sort_values(["where", "row"], kind="stable", ignore_index=True)
    ledger.rows, ledger.problems = every, problems
    return ledger


def _repeated_in_cell(rows: pd.DataFrame, cells: Cells) -> pd.DataFrame:
    """`财政局、财政局` or `部门动态、部门动态`: counted once, and said so (maybe a typo)."""
    parts = repeated_of(rows, cells)
    message = msg_each("REPEATED_IN_CELL", parts=parts)
    return problem_frame(rows, "", parts, INFO, "REPEATED", message)


def _out_of_period(out: pd.DataFrame, header: str, period: Period) -> pd.DataFrame:
    """One line per run of consecutive out-of-period rows: a year's ledger stays readable."""
    if out.empty:
        return problem_frame(out, header, "", NOT_SCORED, "OUT_OF_PERIOD", "")
    where, row = out["where"], out["row"]
    starts = (where != where.shift()) | (row != row.shift() + 1)
    run = starts.cumsum()
    runs = (
        out.assign(run=run)
        .groupby("run", sort=False)
        .agg(
            where=("where", "first"),
            row=("row", "first"),
            last=("row", "last"),
            first_date=("date", "first"),
            n=("row", "size"),
        )
    )
    single = runs["n"] == 1
    message = msg_each(
        "OUT_OF_PERIOD_RUN", period=period.label, first=runs["row"], last=runs["last"], n=runs["n"]
    )
    message[single] = msg("OUT_OF_PERIOD", period=period.label)
    value = runs["first_date"].map(lambda d: d.isoformat()).where(single, "")
    return problem_frame(runs, header, value, NOT_SCORED, "OUT_OF_PERIOD", message)


def _excel_errors(rows: pd.DataFrame, headers: dict) -> pd.DataFrame:
    """A 单位, 标题, 类别 or 采用渠道 cell holding an Excel error value (#N/A …): one issue
    per such cell (ISSUE_COLUMNS, by the row's label, a row's in this order of fields). It is
    reported as what it holds, in place of whatever else was said about that cell ("为空",
    not in the roster): see _row_issues."""
    found = []
    for field in ("unit", "title", "category", "channel"):
        if field not in rows:
            continue
        values = rows.loc[rows[field].isin(EXCEL_ERRORS), field].astype(str)
        if values.empty:  # the usual case
            continue
        column = headers.get(field, field)
        found.append(
            pd.DataFrame(
                {
                    "field": field,
                    "value": values,
                    "code": "EXCEL_ERROR_VALUE",
                    "message": [msg("EXCEL_ERROR", column=column, value=v) for v in values],
                },
                index=values.index,
                columns=ISSUE_COLUMNS,
            )
        )
    return pd.concat(found).sort_index(kind="stable") if found else _NO_ISSUES


def _row_issues(
    rows: pd.DataFrame, untitled: pd.Series, cells: Cells, excel: pd.DataFrame
) -> pd.DataFrame:
    """Every issue of `rows` (ISSUE_COLUMNS, by the row's label): their cells', a missing
    title, then their Excel error values, each replacing what else was said of its cell."""
    if rows.empty:  # the usual case
        return _NO_ISSUES
    no_title = rows.index[untitled[rows.index].to_numpy()]
    said = [issues_of(rows, cells), pd.DataFrame([_NO_TITLE] * len(no_title), index=no_title,
                                                 columns=ISSUE_COLUMNS)]  # fmt: skip
    excel = excel[excel.index.isin(rows.index)]
    if len(excel):
        said = pd.concat(said)
        by_cell = pd.MultiIndex.from_arrays([said.index, said["field"]])
        replaced = by_cell.isin(pd.MultiIndex.from_arrays([excel.index, excel["field"]]))
        said = [said[~replaced], excel]
    return pd.concat(said).sort_index(kind="stable")


def _date_problems(bad: pd.DataFrame, header: str) -> pd.DataFrame:
    values = _text(bad["date_raw"])
    messages = [
        msg("DATE_YEAR", value=v, first=FIRST_YEAR, last=LAST_YEAR)
        if s == YEAR
        else msg("EXCEL_ERROR", column=header, value=v)
        if s == EXCEL
        else msg("DATE_BLANK")
        if s == "blank"
        else msg(_DATE_MESSAGES[s], value=v)
        for s, v in zip(bad["date_status"], values, strict=True)
    ]
    return problem_frame(bad, header, values, ERROR, "BAD_DATE", messages)


def _issue_problems(broken: pd.DataFrame, parts: pd.DataFrame, headers: dict) -> pd.DataFrame:
    """Every issue of the rows in error (`parts`: their _row_issues)."""
    if broken.empty:  # the usual case
        return problem_frame(broken, "", "", ERROR, "", "")
    flat = broken[["where", "row"]].loc[parts.index]
    columns = parts["field"].map(lambda f: headers.get(f, f))
    return problem_frame(
        flat,
        columns.to_numpy(),
        parts["value"].to_numpy(),
        ERROR,
        parts["code"].to_numpy(),
        parts["message"].to_numpy(),
    )
