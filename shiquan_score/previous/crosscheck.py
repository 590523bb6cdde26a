"""上期 cross-check: when the ledger covers the year's earlier quarters, recompute 累计 from it.

Rule: the check runs when the ledger has at least one dated row in every earlier quarter of the
same year (Q4 needs rows in Q1, Q2 and Q3). Each earlier quarter goes through the same steps as
the current one (normalise → score → tally), 本期 is rounded per quarter as the published tables
do and added up under the scheme's floor rule (a score stopped at 0), and the result is compared
with the previous table's 累计. The previous table still rules:
differences are 提示 rows in the 问题 sheet and one line on screen.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from shiquan_score.messages import msg
from shiquan_score.normalise.dates import OK, parse_dates
from shiquan_score.normalise.ledger import ERROR, INFO, PROBLEM_COLUMNS, normalise
from shiquan_score.normalise.text import fmt_number
from shiquan_score.period import Period
from shiquan_score.previous.table import PreviousTable
from shiquan_score.scheme.loader import Scheme
from shiquan_score.score.scoring import round_half_up, score, tally
from shiquan_score.score.standings import floored_scores

CODE = "PREVIOUS_DIFFERS"  # messages.KINDS
_EPS = 0.005


def earlier_quarters(period: Period) -> list[Period]:
    return [period.sibling(period.year, q) for q in range(1, period.quarter)]


def covers_earlier_quarters(rows: pd.DataFrame, period: Period) -> bool:
    """True when every earlier quarter of the year has at least one dated ledger row."""
    parsed = parse_dates(rows["date"].drop_duplicates())  # distinct values: a big ledger stays fast
    quarters = {Period.of(d, period.span) for d in parsed.loc[parsed["date_status"] == OK, "date"]}
    wanted = earlier_quarters(period)
    return bool(wanted) and all(q in quarters for q in wanted)


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


def crosscheck(
    rows: pd.DataFrame,
    scheme: Scheme,
    period: Period,
    previous: dict[str, pd.Series],
    tables: list[PreviousTable],
) -> tuple[pd.DataFrame, str | None]:
    """提示 rows where the ledger's cumulative differs from the previous table's 累计; one line."""
    empty = pd.DataFrame(columns=PROBLEM_COLUMNS)
    before = earlier_quarters(period)
    if not before or not tables:
        return empty, None
    upto = period.first_month - 1  # a monthly scheme's February: 1月, not 1-1月
    months = (
        msg("EARLIER_MONTH_ONE", year=period.year)
        if upto == 1
        else msg("EARLIER_MONTHS", year=period.year, last=upto)
    )
    if not covers_earlier_quarters(rows, period):
        return empty, None
    cumulative, unscorable = ledger_cumulative(rows, scheme, period)
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
