"""Which quarter to compute: the one asked for, else the one the inbox points to — never a
guess where the ledger and last quarter's table disagree.

The tool's own rule, stated once here (README: 程序自己判断的事):
- A quarter is *complete* in the ledger when its rows reach its last month (10-12月: a row in
  December). A table goes out 2-8 weeks after its quarter ends, so a snapshot of a running
  ledger holds only the first weeks of the next quarter: those never count as complete.
- With last quarter's table (7-9月), this quarter is the one after it (10-12月); refused when
  the ledger has no row in it, when a later quarter is complete or has rows two quarters or
  more later (the wrong table was given), or when 7-9月 is complete and the ledger ends in
  10-12月's first weeks (a re-run of 7-9月 with its own earlier output in the inbox).
- Without one, this quarter is the last complete quarter (else the quarter with most rows);
  Q2-Q4 then need last quarter's table (refused in table_choice/totals with the facts).
- Every run says which quarter and why.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.messages import listing, msg
from shiquan_score.normalise.dates import OK, parse_dates
from shiquan_score.period import Period, form_example
from shiquan_score.previous.table import PreviousTable
from shiquan_score.table_choice import pick_previous

NOTICE_WEEKS = 8  # a period's table goes out 2-8 weeks after it ends (README)


def ledger_quarters(rows: pd.DataFrame, span: int = 3) -> pd.DataFrame:
    """Per quarter with dated rows: rows (count) and last (its latest date), in order."""
    written = rows["date"].value_counts()  # a few hundred distinct dates, however many rows
    parsed = parse_dates(pd.Series(written.index, dtype=object))
    ok = (parsed["date_status"] == OK).to_numpy()
    counts: dict[Period, int] = {}
    last: dict[Period, dt.date] = {}
    for day, n in zip(parsed.loc[ok, "date"], written.to_numpy()[ok].tolist(), strict=True):
        quarter = Period.of(day, span)
        counts[quarter] = counts.get(quarter, 0) + n
        last[quarter] = max(last.get(quarter, day), day)
    if not counts:
        return pd.DataFrame({"rows": [], "last": []})
    order = sorted(counts)
    index = pd.Index(order, dtype=object, name="quarter")
    return pd.DataFrame(
        {"rows": [counts[q] for q in order], "last": [last[q] for q in order]}, index=index
    )


def complete(quarters: pd.DataFrame) -> list[Period]:
    return [q for q, last in quarters["last"].items() if last >= q.last_month_start]


def describe(quarters: pd.DataFrame) -> str:
    """台账各季度行数：2021年1-3月 120 行、4-6月 3 行（只到4月）."""
    parts, year = [], None
    for q, (n, last) in quarters[["rows", "last"]].iterrows():
        label = q.months if q.year == year else q.label
        year = q.year
        tail = (
            "" if last >= q.last_month_start else msg("ROWS_UNTIL", month=last.month, day=last.day)
        )
        parts.append(msg("ROWS_OF_PERIOD", label=label, n=n, tail=tail))
    noun = quarters.index[0].noun if len(quarters) else msg("PERIOD_NOUN_QUARTER")
    return msg("ROWS_PER_PERIOD", noun=noun, parts=listing(parts))


def needs(
    period: Period, quarters: pd.DataFrame, every: list[PreviousTable], span: int = 3
) -> list[str]:
    """What a run with `--period` of `period` still lacks to pass the period checks (those of
    choose_period and previous/table.check_period); empty when it would pass. `every` is
    every previous table of the inbox, before pick_previous chose among them."""
    lacking = []
    if period not in quarters.index and not (period.quarter > 1 and every):
        lacking.append(msg("NEED_ROWS", label=period.label))
    before = period.previous()
    if before is None:  # the first period of a year needs no previous table
        return lacking
    kept, _ = pick_previous(every, period, span)
    dated = [p for p in kept if p.quarter]
    wrong = [p for p in dated if Period(p.year, p.quarter, span) != before]
    names = "、".join(dict.fromkeys(p.source or p.where for p in wrong))
    if not dated:
        lacking.append(msg("NEED_PREVIOUS", label=before.label))
    elif wrong:
        lacking.append(msg("NEED_OTHER_PREVIOUS", label=before.label, names=names))
    return lacking


def suggest(
    period: Period, quarters: pd.DataFrame, every: list[PreviousTable], span: int = 3
) -> str:
    """`--period 2021Q2`, and what else that run needs when it would be refused otherwise."""
    lacking = needs(period, quarters, every, span)
    if not lacking:
        return msg("PERIOD_SUGGESTED", code=period.code)
    return msg("PERIOD_SUGGESTED_NEEDS", code=period.code, needs="、".join(lacking))


def other_period_hint(
    quarters: pd.DataFrame, requested: str | None, period: Period, every: list[PreviousTable]
) -> str:
    """For a refusal for want of last quarter's table: the clerk may have meant an earlier
    period; the first of the year needs none. Nothing when --period already named it."""
    if requested or period.previous() is None:
        return ""
    opening = period.sibling(period.year, 1)
    if opening in quarters.index and not needs(opening, quarters, every, period.span):
        return msg(
            "PERIOD_OTHER_HINT",
            label=period.label,
            suggestion=msg("PERIOD_SUGGESTED", code=opening.code),
            opening=opening.opening,
        )
    return msg("PERIOD_OTHER_HINT_PLAIN", label=period.label, opening=opening.opening)


def choose_period(
    quarters: pd.DataFrame,
    requested: str | None,
    previous: list[PreviousTable],
    span: int = 3,
    every: list[PreviousTable] | None = None,
) -> tuple[Period, list[str]]:
    """The quarter (or the scheme's period) and the line saying how it was chosen (also when
    --period gave it). `quarters` is ledger_quarters() of the ledger rows; `previous` the
    tables pick_previous kept, `every` all of the inbox's (for the --period suggested)."""
    every = previous if every is None else every
    if requested:
        period = Period.parse(requested, span)
        # No row in the quarter and nothing carried over (Q1, or no last quarter's table):
        # every figure would be 0, which is a mistyped --period, never a table to publish.
        carried = period.quarter > 1 and previous
        if not quarters.empty and period not in quarters.index and not carried:
            raise InputError(
                msg(
                    "NO_ROWS_IN_PERIOD",
                    label=period.label,
                    code=period.code,
                    facts=describe(quarters),
                )
            )
        return period, [msg("PERIOD_REQUESTED", label=period.label, code=period.code)]
    if quarters.empty:
        raise InputError(msg("PERIOD_NO_DATES", example=form_example(span)))
    facts = describe(quarters)
    done = complete(quarters)
    busiest = max(quarters.index, key=lambda q: (quarters.loc[q, "rows"], q))
    own = done[-1] if done else busiest
    before = sorted({Period(p.year, p.quarter, span) for p in previous if p.quarter})
    if not before or (own.quarter == 1 and all(b.year < own.year for b in before)):
        ground = msg("PERIOD_NO_PREVIOUS") if not before else msg("PERIOD_PREVIOUS_LAST_YEAR")
        how = msg("PERIOD_LAST_COMPLETE" if done else "PERIOD_BUSIEST", noun=own.noun)
        return own, [
            msg(
                "PERIOD_CHOSEN", label=own.label, code=own.code, ground=ground, how=how, facts=facts
            )
        ]
    last = before[-1]
    names = listing(
        dict.fromkeys(p.source or p.where for p in previous if (p.year, p.quarter) == astuple(last))
    )
    implied = last.next()
    start = msg("PERIOD_CONFLICT", names=names, last=last.label, implied=implied.label)
    later = [q for q in done if q > implied]
    if later:
        wrong = later[-1]
        n, month = quarters.loc[wrong, "rows"], quarters.loc[wrong, "last"].month
        fix = (
            msg("PERIOD_FIX_PREVIOUS", label=wrong.previous().label)
            if wrong.previous()
            else msg("PERIOD_FIX_OPENING", code=wrong.code, opening=wrong.opening)
        )
        raise InputError(
            msg(
                "PERIOD_LATER_COMPLETE",
                start=start,
                wrong=wrong.label,
                n=n,
                month=month,
                noun=wrong.noun,
                facts=facts,
                fix=fix,
                implied=implied.label,
                suggestion=suggest(implied, quarters, every, span),
            )
        )
    # Rows two periods or more after the implied one are no notice lag (2-8 weeks): the
    # table is the wrong one. The period is then the one before the latest with rows.
    late = [q for q in quarters.index if q >= implied.next().next()]
    if late:
        wanted = _before(late[-1])
        raise InputError(
            msg(
                "PERIOD_LATER_ROWS",
                start=start,
                late=late[-1].label,
                implied=implied.label,
                noun=implied.noun,
                facts=facts,
                wanted=wanted.label,
                wanted_suggestion=suggest(wanted, quarters, every, span),
                suggestion=suggest(implied, quarters, every, span),
            )
        )
    # The table's own period complete (and fuller than the next: not a stray late row in a
    # file per quarter), the ledger ending in the next one's first weeks: a re-run of that
    # period with its earlier output in the inbox, not the next period's table (which goes
    # out weeks after that period ends).
    fuller = last in done and implied in quarters.index
    fuller = fuller and quarters.loc[last, "rows"] > quarters.loc[implied, "rows"]
    if fuller and _only_begun(implied, quarters):
        raise InputError(
            msg(
                "PERIOD_TABLE_IS_THIS",
                start=start,
                last=last.label,
                implied=implied.label,
                facts=facts,
                names=names,
                suggestion=suggest(last, quarters, every, span),
                implied_suggestion=suggest(implied, quarters, every, span),
            )
        )
    if implied not in quarters.index:
        raise InputError(
            msg(
                "PERIOD_IMPLIED_EMPTY",
                start=start,
                implied=implied.label,
                facts=facts,
                suggestion=suggest(own, quarters, every, span),
            )
        )
    return implied, [
        msg(
            "PERIOD_FROM_PREVIOUS",
            label=implied.label,
            code=implied.code,
            names=names,
            last=last.label,
            facts=facts,
        )
    ]


def _only_begun(period: Period, quarters: pd.DataFrame) -> bool:
    """The ledger's rows end in the period's first weeks (at most NOTICE_WEEKS in)."""
    if not len(quarters) or quarters.index[-1] != period or period in complete(quarters):
        return False
    return quarters.loc[period, "last"] < period.start + dt.timedelta(weeks=NOTICE_WEEKS)


def _before(period: Period) -> Period:
    """The period before, across the turn of the year."""
    return period.previous() or Period(period.year - 1, 12 // period.span, period.span)


def astuple(period: Period) -> tuple[int, int]:
    return period.year, period.quarter
