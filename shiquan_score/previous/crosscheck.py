"""上期 cross-check: when the ledger covers the year's earlier quarters, recompute 累计 from it.

Each earlier quarter goes through the same steps as the current one (normalise → score →
tally), 本期 is rounded per quarter as the published tables do and added up under the scheme's
floor rule (a score stopped at 0), and the result is compared with the previous table's 累计.
The previous table still rules: differences are 提示 rows in the 问题 sheet and one line on
screen.

When the ledger *covers* the earlier quarters (one rule, `coverage()`, also deciding whether
the ledger's earlier research bonuses count as paid: score/record.py): every earlier quarter of
the year has dated rows, and those rows account for at least half of the points in the
previous table's 累计 (over the ranked units of the tables made). A running ledger reproduces
the published figures (≈ all of them, a few units off when something is wrong: that is what
the check reports); a file per quarter holding a row or two logged late into an earlier
quarter reproduces almost none, and comparing it would report every unit as differing. Such
rows get one 提示 each (previous/late.py) instead, and no comparison.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from shiquan_score.messages import msg
from shiquan_score.normalise.dates import OK, parse_dates
from shiquan_score.normalise.ledger import ERROR, INFO, PROBLEM_COLUMNS, normalise
from shiquan_score.normalise.text import fmt_number
from shiquan_score.period import Period
from shiquan_score.previous.table import PreviousTable
from shiquan_score.scheme.loader import Scheme
from shiquan_score.score.rounding import round_half_up
from shiquan_score.score.scoring import score, tally
from shiquan_score.score.standings import floored_scores

CODE = "PREVIOUS_DIFFERS"  # messages.KINDS
_EPS = 0.005
COVER_SHARE = 0.5  # the ledger's earlier rows give at least this share of the previous 累计


@dataclass
class Coverage:
    """Whether the ledger covers the year's earlier quarters (module docstring), and what
    was worked out to decide it."""

    covered: bool = False
    earlier: pd.DataFrame = field(default_factory=pd.DataFrame)  # rows dated in them
    cumulative: pd.Series = field(default_factory=lambda: pd.Series(dtype=float))
    unscorable: int = 0
    ours: float = 0.0  # the ledger's 累计 over the units compared
    theirs: float = 0.0  # the previous table's

    def more(self, previous: dict[str, pd.Series]) -> pd.Series:
        """Units whose ledger 累计 is higher than the previous table's, by how much (the
        cross-check's PREVIOUS_MORE); empty when the ledger does not cover the quarters."""
        if not self.covered or self.cumulative.empty:
            return pd.Series(dtype=float)
        theirs = pd.concat(list(previous.values())) if previous else pd.Series(dtype=float)
        theirs = theirs.groupby(level=0).sum()
        gap = self.cumulative - theirs.reindex(self.cumulative.index).fillna(0.0)
        return gap[gap >= _EPS]


def earlier_quarters(period: Period) -> list[Period]:
    return [period.sibling(period.year, q) for q in range(1, period.quarter)]


def earlier_rows(rows: pd.DataFrame, period: Period) -> pd.DataFrame:
    """The ledger rows dated in the year's earlier quarters, with their date (`day`)."""
    if period.quarter <= 1 or rows.empty:
        return rows.iloc[:0].assign(day=pd.Series(dtype=object))
    # Each distinct cell parsed once, and taken back by its code: a big ledger stays fast.
    codes, written = pd.factorize(rows["date"])
    parsed = parse_dates(pd.Series(written))
    start = dt.date(period.year, 1, 1)
    days = [
        day if status == OK and start <= day < period.start else None
        for day, status in zip(parsed["date"].tolist(), parsed["date_status"].tolist(), strict=True)
    ]
    day = np.array([*days, None], dtype=object)[codes]  # a blank cell's code is -1: None
    mine = pd.Series(day, index=rows.index, dtype=object)
    return rows[mine.notna()].assign(day=mine[mine.notna()])


def coverage(
    rows: pd.DataFrame, scheme: Scheme, period: Period, previous: dict[str, pd.Series]
) -> Coverage:
    """The one rule (module docstring): covered when every earlier quarter has dated rows
    and they account for at least COVER_SHARE of the previous tables' 累计 (an all-zero
    previous table: when they give no points either)."""
    earlier = earlier_rows(rows, period)
    if earlier.empty:
        return Coverage(earlier=earlier)
    quarters = {Period.of(d, period.span) for d in earlier["day"].unique()}
    if not all(q in quarters for q in earlier_quarters(period)):
        return Coverage(earlier=earlier)
    cumulative, unscorable = ledger_cumulative(rows, scheme, period)
    ranked = scheme.units[scheme.units["ranked"]]
    units = ranked.loc[ranked["table"].isin(list(previous)), "unit"]
    theirs = sum(float(previous[key].reindex(units).fillna(0).sum()) for key in previous)
    ours = float(cumulative.reindex(units).fillna(0).sum())
    covered = ours >= COVER_SHARE * theirs - _EPS if theirs > _EPS else ours < _EPS
    return Coverage(covered, earlier, cumulative, unscorable, ours, theirs)


def ledger_cumulative(rows: pd.DataFrame, scheme: Scheme, period: Period) -> tuple[pd.Series, int]:
    """Each unit's 累计 after the year's earlier quarters, as the published tables built it.

    本期 is rounded per quarter and added to the running 累计 under the scheme's floor rule
    (the standings' own function), so a floored scheme agrees with its own tables. Each
    quarter sees only its own dated rows, so an undated row is not counted three times.
    """
    parsed = parse_dates(rows["date"])
    dated = parsed["date_status"] == OK
    total, unscorable = pd.Series(dtype=float), 0
    for quarter in earlier_quarters(period):
        # The year's rows up to the quarter's end: earlier ones feed the research best-of.
        mine = dated & parsed["date"].between(dt.date(period.year, 1, 1), quarter.end)
        ledger = normalise(rows[mine], scheme, quarter)
        unscorable += int(ledger.problems["level"].eq(ERROR).sum())
        if ledger.events.empty:
            continue
        _, points = tally(score(ledger.events, scheme, ledger.history))
        units = total.index.union(points.index)
        _, total, _ = floored_scores(
            round_half_up(points.reindex(units, fill_value=0.0)),
            total.reindex(units, fill_value=0.0),
            scheme.policy.floor,
        )
    return total, unscorable


def earlier_months(period: Period) -> str:
    """2021年1-6月: the year's months before the period (a monthly scheme's February: 1月)."""
    upto = period.first_month - 1
    if upto == 1:
        return msg("EARLIER_MONTH_ONE", year=period.year)
    return msg("EARLIER_MONTHS", year=period.year, last=upto)


def crosscheck(
    cover: Coverage,
    scheme: Scheme,
    period: Period,
    previous: dict[str, pd.Series],
    tables: list[PreviousTable],
) -> tuple[pd.DataFrame, str | None]:
    """提示 rows where the ledger's cumulative differs from the previous table's 累计; one line.
    Nothing when the ledger does not cover the earlier quarters (`coverage()`)."""
    empty = pd.DataFrame(columns=PROBLEM_COLUMNS)
    before = earlier_quarters(period)
    if not before or not tables or not cover.covered:
        return empty, None
    months = earlier_months(period)
    cumulative, unscorable = cover.cumulative, cover.unscorable
    ranked = scheme.units[scheme.units["ranked"]]
    records = []
    for table in tables:
        key = table.table
        if key not in previous:
            continue
        for unit in ranked.loc[ranked["table"] == key, "unit"]:
            theirs = float(previous[key].get(unit, 0.0))
            ours = float(cumulative.get(unit, 0.0))
            if abs(theirs - ours) < _EPS:
                continue
            name = scheme.display_name(unit, before[-1].end)
            row = table.rows.get(unit, 0)
            records.append(
                (
                    table.where,
                    row,
                    "累计",
                    fmt_number(theirs),
                    INFO,
                    CODE,
                    msg(
                        "PREVIOUS_MORE" if ours > theirs else "PREVIOUS_LESS",
                        unit=name,
                        months=months,
                        ours=fmt_number(ours),
                        theirs=fmt_number(theirs),
                        gap=fmt_number(abs(ours - theirs)),
                    ),
                )
            )
    found_rows = pd.DataFrame(records, columns=PROBLEM_COLUMNS)
    extra = msg("CROSSCHECK_UNSCORABLE", months=months, n=unscorable) if unscorable else ""
    if found_rows.empty:
        return found_rows, msg("CROSSCHECK_AGREES", months=months, extra=extra)
    return found_rows, msg("CROSSCHECK_DIFFERS", months=months, n=len(found_rows), extra=extra)
