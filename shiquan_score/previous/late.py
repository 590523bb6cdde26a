"""Rows logged late into a quarter already published, when the ledger does not cover the
year's earlier quarters (previous/crosscheck.py: coverage()).

A file per quarter sometimes holds a row of an earlier quarter, logged after that quarter's
table went out. It is not scored now (it is outside the period), the published table never
had it, and it says nothing about the other units: one 提示 for it (or for a run of such rows
one after the other), and one line on screen saying the 上期 cross-check was not made.
"""

from __future__ import annotations

import pandas as pd

from shiquan_score.messages import msg, msg_each
from shiquan_score.normalise.ledger import INFO, PROBLEM_COLUMNS
from shiquan_score.period import Period
from shiquan_score.previous.crosscheck import Coverage, earlier_months

CODE = "LATE_ROW"  # messages.KINDS


def late_rows(cover: Coverage, period: Period) -> tuple[pd.DataFrame, str | None]:
    """提示 rows for the earlier quarters' rows of a ledger that does not cover them, and
    the screen line; nothing when it covers them or has none."""
    rows = cover.earlier
    if cover.covered or rows.empty:
        return pd.DataFrame(columns=PROBLEM_COLUMNS), None
    header = rows.attrs.get("headers", {}).get("date", "日期")
    where, number = rows["where"], rows["row"]
    quarter = pd.Series([Period.of(d, period.span) for d in rows["day"]], index=rows.index)
    starts = (where != where.shift()) | (number != number.shift() + 1)
    starts |= quarter != quarter.shift()
    runs = (
        rows.assign(run=starts.cumsum(), quarter=quarter)
        .groupby("run", sort=False)
        .agg(
            where=("where", "first"),
            row=("row", "first"),
            last=("row", "last"),
            day=("day", "first"),
            quarter=("quarter", "first"),
            n=("row", "size"),
        )
    )
    single = runs["n"] == 1
    labels = runs["quarter"].map(lambda q: q.label)
    day = runs["day"].map(lambda d: d.isoformat())
    text = msg_each("LATE_ROWS", first=runs["row"], last=runs["last"], n=runs["n"])
    text[single] = msg_each("LATE_ROW_ONE", day=day[single])
    text = text + msg_each(
        "LATE_ROW_WHAT", quarter=labels, period=period.label, earlier=period.earlier_word
    )
    problems = pd.DataFrame(
        {
            "where": runs["where"].to_numpy(),
            "row": runs["row"].to_numpy(),
            "column": header,
            "value": day.where(single, "").to_numpy(),
            "level": INFO,
            "code": CODE,
            "message": text.to_numpy(),
        },
        columns=PROBLEM_COLUMNS,
    )
    line = msg("CROSSCHECK_SKIPPED", months=earlier_months(period), n=len(rows))
    return problems, line
