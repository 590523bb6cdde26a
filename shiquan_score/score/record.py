"""The year's research bonuses, carried from one period's workbook to the next.

A research item earns only its highest bonus in a year (rules: 加分部分不重复计分). An office
keeping one ledger file per quarter has no earlier rows to look at: the workbook this tool
wrote last quarter carries, in its 调研加分 sheet, every research item of the year with the
bonus already granted. Next quarter grants only the difference. With a running ledger both
are there: the higher one is deducted, and where they differ a 提示 names both.
"""

from __future__ import annotations

import pandas as pd

from shiquan_score.messages import msg
from shiquan_score.normalise.ledger import INFO, PROBLEM_COLUMNS
from shiquan_score.normalise.text import fmt_number
from shiquan_score.period import Period
from shiquan_score.read.sheets import RawSheet
from shiquan_score.scheme.loader import Scheme
from shiquan_score.score.scoring import item_keys, research_items

COLUMNS = {
    "period": "期别",
    "unit_name": "单位",
    "units_key": "报送单位",
    "title": "标题",
    "category_name": "类别",
    "channel_name": "已计加分的渠道",
    "points": "加分",
}
INTERNAL = list(COLUMNS)


def year_record(
    research: pd.DataFrame,
    history: pd.DataFrame | None,
    granted: pd.DataFrame | None,
    scheme: Scheme,
    period: Period,
) -> pd.DataFrame:
    """Every research item of the year up to this period with its highest bonus and the
    period it was reached in: last period's record, the ledger's earlier rows, this period."""
    parts = []
    if granted is not None and len(granted):
        parts.append(granted[INTERNAL])
    if history is not None and len(history):
        earlier = research_items(history, scheme)
        earlier = earlier[earlier["points"] > 0]
        quarters = [Period.of(d).code for d in earlier["date"]]
        parts.append(earlier.assign(period=quarters)[INTERNAL])
    now = research[research["points"] > 0]
    parts.append(now.assign(period=period.code)[INTERNAL])
    every = pd.concat([p.astype(object) for p in parts], ignore_index=True)
    if every.empty:
        return pd.DataFrame(columns=INTERNAL)
    every["points"] = every["points"].astype(float)
    every["key"] = item_keys(every).to_numpy()
    # The highest bonus of each item; on a tie the earliest period that reached it.
    every = every.sort_values(["points", "period"], ascending=[False, True], kind="stable")
    best = every.drop_duplicates("key").drop(columns="key")
    return best.sort_values(["period", "unit_name", "title"], kind="stable", ignore_index=True)


def record_frame(record: pd.DataFrame) -> pd.DataFrame:
    """The record as the 调研加分 sheet shows it."""
    return record[INTERNAL].rename(columns=COLUMNS).reset_index(drop=True)


def read_record(raw: RawSheet, year: int) -> pd.DataFrame:
    """Our 调研加分 sheet back: the rows of `year` (a record of last year grants nothing)."""
    cells = raw.cells
    names = list(COLUMNS.values())
    for pos in range(min(len(cells), 10)):
        row = [str(v).strip() if isinstance(v, str) else "" for v in cells.iloc[pos]]
        if row[: len(names)] == names:
            break
    else:
        return pd.DataFrame(columns=INTERNAL)
    body = cells.iloc[pos + 1 :, : len(names)].dropna(how="all")
    body.columns = INTERNAL
    body = body.assign(points=pd.to_numeric(body["points"], errors="coerce"))
    body = body.dropna(subset=["points"])
    return body[body["period"].astype(str).str.startswith(str(year))].reset_index(drop=True)


def record_notes(
    research: pd.DataFrame, record_where: str | None, covered: bool, period: Period
) -> pd.DataFrame:
    """提示 rows: the record and the ledger disagree on an item's earlier bonus; or, with a
    hand-made previous table and no earlier quarters in the ledger, a bonus granted now whose
    earlier bonuses could not be checked."""
    records = []
    # One 提示 per item, not per unit of a joint item.
    research = research.drop_duplicates(["where", "row", "units_key", "title"])
    granted_now = research[research["awarded"] > 0]
    checked = record_where is not None
    for r in research.itertuples(index=False):
        item = f"调研信息“{r.title}”（{r.units_key}）"
        both = checked and (covered or r.ledger_prior > 0)
        if both and abs(r.ledger_prior - r.record_prior) > 1e-9:
            records.append(
                (
                    r.where,
                    r.row,
                    "",
                    r.channel_name,
                    INFO,
                    "RECORD_DISAGREES",
                    msg(
                        "RECORD_DISAGREES",
                        item=item,
                        book=record_where,
                        recorded=_bonus(r.record_channel, r.record_prior),
                        ledger=_bonus(r.ledger_channel, r.ledger_prior),
                        now=fmt_number(r.awarded),
                    ),
                )
            )
    if record_where is None and period.quarter > 1 and not covered:
        for r in granted_now.itertuples(index=False):
            records.append(
                (
                    r.where,
                    r.row,
                    "",
                    r.channel_name,
                    INFO,
                    "RECORD_MISSING",
                    msg(
                        "RECORD_MISSING",
                        item=f"调研信息“{r.title}”（{r.units_key}）",
                        bonus=f"{r.channel_name}+{fmt_number(r.awarded)}",
                    ),
                )
            )
    return pd.DataFrame(records, columns=PROBLEM_COLUMNS)


def _bonus(channel: str, points: float) -> str:
    return f"{channel}+{fmt_number(points)}" if points > 0 else "没有加分"
