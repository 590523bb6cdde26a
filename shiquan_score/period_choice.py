"""Which quarter to compute: the one asked for, else the one the inbox points to — never a
guess where the ledger and last quarter's table disagree.

The tool's own rule, stated once here (README: 程序自己判断的事):
- A quarter is *complete* in the ledger when its rows reach its last month (10-12月: a row in
  December). A table goes out 2-8 weeks after its quarter ends, so a snapshot of a running
  ledger holds only the first weeks of the next quarter: those never count as complete.
- With last quarter's table (7-9月), this quarter is the one after it (10-12月); refused when
  the ledger has no row in it, or when a later quarter is complete (the wrong table was given).
- Without one, this quarter is the last complete quarter (else the quarter with most rows);
  Q2-Q4 then need last quarter's table (refused in table_choice/totals with the facts).
- Every run says which quarter and why.
"""

from __future__ import annotations

import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.messages import msg
from shiquan_score.normalise.dates import OK, parse_dates
from shiquan_score.period import Period
from shiquan_score.previous.table import PreviousTable


def ledger_quarters(rows: pd.DataFrame, span: int = 3) -> pd.DataFrame:
    """Per quarter with dated rows: rows (count) and last (its latest date), in order."""
    written = rows["date"].value_counts()  # a few hundred distinct dates, however many rows
    parsed = parse_dates(pd.Series(written.index, dtype=object))
    ok = (parsed["date_status"] == OK).to_numpy()
    days = parsed.loc[ok, "date"].to_numpy()
    frame = pd.DataFrame(
        {"quarter": [Period.of(d, span) for d in days], "day": days, "n": written.to_numpy()[ok]}
    )
    if frame.empty:
        return pd.DataFrame({"rows": [], "last": []})
    return frame.groupby("quarter").agg(rows=("n", "sum"), last=("day", "max")).sort_index()


def complete(quarters: pd.DataFrame) -> list[Period]:
    return [q for q, last in quarters["last"].items() if last >= q.last_month_start]


def describe(quarters: pd.DataFrame) -> str:
    """台账各季度行数：2021年1-3月 120 行、4-6月 3 行（只到4月）."""
    parts, year = [], None
    for q, (n, last) in quarters[["rows", "last"]].iterrows():
        label = q.months if q.year == year else q.label
        year = q.year
        tail = "" if last >= q.last_month_start else f"（只到{last.month}月{last.day}日）"
        parts.append(f"{label} {n} 行{tail}")
    noun = quarters.index[0].noun if len(quarters) else "季度"
    return f"台账各{noun}行数：" + "、".join(parts)


def choose_period(
    rows: pd.DataFrame, requested: str | None, previous: list[PreviousTable], span: int = 3
) -> tuple[Period, list[str]]:
    """The quarter (or the scheme's period) and the line saying how it was chosen (also when
    --period gave it)."""
    quarters = ledger_quarters(rows, span)
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
        return period, [f"本期：{period.label}（{period.code}），按 --period 指定"]
    if quarters.empty:
        raise InputError(
            "台账里没有一行能识别的日期，无法判断期别，请用 --period 指定，如 --period 2020Q4"
        )
    facts = describe(quarters)
    done = complete(quarters)
    busiest = max(quarters.index, key=lambda q: (quarters.loc[q, "rows"], q))
    own = done[-1] if done else busiest
    before = sorted({Period(p.year, p.quarter, span) for p in previous if p.quarter})
    if not before or (own.quarter == 1 and all(b.year < own.year for b in before)):
        ground = "收件箱里没有上期表" if not before else "上期表是上一年的"
        how = f"台账中已记完整的最后一个{own.noun}" if done else f"台账中行数最多的{own.noun}"
        return own, [f"本期：{own.label}（{own.code}）。依据：{ground}，取{how}；{facts}"]
    last = before[-1]
    names = "、".join(
        dict.fromkeys(p.source or p.where for p in previous if (p.year, p.quarter) == astuple(last))
    )
    implied = last.next()
    start = f"无法确定本期：上期表 {names} 是{last.label}的，据此本期应是{implied.label}；但"
    later = [q for q in done if q > implied]
    if later:
        wrong = later[-1]
        n, month = quarters.loc[wrong, "rows"], quarters.loc[wrong, "last"].month
        fix = (
            f"请换入{wrong.previous().label}的统计表"
            if wrong.previous()
            else f"请用 --period {wrong.code}（{wrong.opening}不需要上期表）"
        )
        raise InputError(
            f"{start}台账中{wrong.label}已有 {n} 行、记到了{month}月，是完整的一个{wrong.noun}（{facts}）。"
            f"如果本期是{wrong.label}，{fix}；如果本期确是{implied.label}，请用 --period {implied.code}"
        )
    if implied not in quarters.index:
        raise InputError(
            f"{start}台账中没有{implied.label}的行（{facts}）。请放入{implied.label}的台账，"
            f"或换入正确的上期表，或用 --period 指定期别，如 --period {own.code}"
        )
    return implied, [
        f"本期：{implied.label}（{implied.code}）。依据：上期表 {names} 是{last.label}的；{facts}"
    ]


def astuple(period: Period) -> tuple[int, int]:
    return period.year, period.quarter
