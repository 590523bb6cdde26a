"""Which quarter to compute: the one asked for, else the one the inbox itself points to."""

from __future__ import annotations

import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.normalise.dates import OK, parse_dates
from shiquan_score.period import Period
from shiquan_score.previous.table import PreviousTable


def choose_period(
    rows: pd.DataFrame, requested: str | None, previous: list[PreviousTable]
) -> tuple[Period, list[str]]:
    """The requested quarter; else the quarter after last quarter's table when the ledger has
    rows in it (a year-long ledger names no quarter); else the quarter with most dated rows.
    Returns the quarter and the notice saying how it was chosen (none when requested)."""
    if requested:
        return Period.parse(requested), []
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
            return after, [
                f"未指定期别，按上期表（{last.label}）判断本期为{after.label}（{after.code}）"
            ]
    # Most rows first; on a tie the later quarter, the one a clerk is most likely reporting.
    period = max(quarters.index, key=lambda p: (quarters[p], p))
    return period, [f"未指定期别，按台账中日期最多的季度计算：{period.label}（{period.code}）"]
