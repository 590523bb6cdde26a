"""The year's research bonuses, carried from one period's workbook to the next.

A research item earns only its highest bonus in a year (rules: 加分部分不重复计分). An office
keeping one ledger file per quarter has no earlier rows to look at: the workbook this tool
wrote last quarter carries, in its 调研加分 sheet, every research item of the year with the
bonus already granted. Next quarter grants only the difference.

What counts as already paid is what the published tables paid: last quarter's record when
there is one — a running ledger's earlier row missing from it was logged after that table went
out, so its bonus was never paid; a record's bonus missing from the ledger was paid all the
same. Where the two differ a 提示 names both. With a hand-made previous table (no record) the
ledger's earlier rows are all there is: their bonuses count as paid (RECORD_MISSING tells the
clerk so when the ledger does not cover the earlier quarters).
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring

import numpy as np
import pandas as pd

from shiquan_score.messages import msg, msg_each
from shiquan_score.normalise.ledger import INFO, PROBLEM_COLUMNS
from shiquan_score.normalise.text import fmt_number
from shiquan_score.period import Period
from shiquan_score.read.sheets import RawSheet
from shiquan_score.scheme.loader import Scheme
from shiquan_score.score.scoring import item_keys, research_items

# The 调研加分 sheet's headers (read back next period: see read_record).
COLUMNS = {
    "period": msg("RECORD_COL_PERIOD"),
    "unit_name": msg("RECORD_COL_UNIT"),
    "units_key": msg("RECORD_COL_UNITS"),
    "title": msg("RECORD_COL_TITLE"),
    "category_name": msg("RECORD_COL_CATEGORY"),
    "channel_name": msg("RECORD_COL_CHANNEL"),
    "points": msg("RECORD_COL_POINTS"),
}
INTERNAL = list(COLUMNS)
CHECK = msg("RECORD_COL_CHECK")
TABLE_MAX = 1000  # items shown one per row; more go as JSON lines (record_frame)
COMPACT = msg("RECORD_COMPACT")
CELL_CHARS = 30_000  # under Excel's 32,767 characters a cell
UNCHECKED = msg("RECORD_UNCHECKED")
SCREEN_UNITS = 5  # units named on the screen; more are counted


def year_record(
    research: pd.DataFrame,
    history: pd.DataFrame | None,
    granted: pd.DataFrame | None,
    scheme: Scheme,
    period: Period,
    titles: pd.Series | None = None,
    unchecked_now: bool = False,
) -> pd.DataFrame:
    """Every research item of the year up to this period with its highest bonus and the
    period it was reached in: last period's record, the ledger's earlier rows (their titles
    from `titles`, the ledger's title column, by `pos`), this period."""
    parts = []
    if granted is not None and len(granted):
        parts.append(granted[INTERNAL])
    if history is not None and len(history) and titles is not None:
        earlier = research_items(history, scheme)
        earlier = earlier[earlier["points"] > 0]
        earlier = earlier.assign(title=titles.array.take(earlier["pos"].to_numpy()))
        # In the scheme's periods (a monthly scheme's 2021M02, not 2021Q1), once per date.
        code = {day: Period.of(day, period.span).code for day in earlier["date"].unique()}
        parts.append(earlier.assign(period=earlier["date"].map(code))[INTERNAL])
    now = research[research["points"] > 0].assign(period=period.code)
    if unchecked_now:
        now = now.assign(check=[UNCHECKED if a > 0 else "" for a in now["awarded"]])
    parts.append(now[[*INTERNAL, "check"]] if unchecked_now else now[INTERNAL])
    every = pd.concat([p.astype(object) for p in parts], ignore_index=True)
    if every.empty:
        return pd.DataFrame(columns=[*INTERNAL, "check"])
    every["check"] = every["check"].fillna("") if "check" in every else ""
    every["points"] = every["points"].astype(float)
    every["part"] = np.repeat(np.arange(len(parts)), [len(p) for p in parts])
    if granted is not None and len(granted):
        # A record read back may repeat an item (edited by hand): each of its rows is a part.
        every.loc[: len(granted) - 1, "part"] = -1 - np.arange(len(granted))
    # The highest bonus of each item; on a tie the earliest period that reached it.
    best = every.sort_values(["points", "period"], ascending=[False, True], kind="stable")
    return _once(best).sort_values(
        ["period", "unit_name", "title"], kind="stable", ignore_index=True
    )


def _once(items: pd.DataFrame) -> pd.DataFrame:
    """Each item's first row. A part (a row of the record, the earlier rows, this period) holds
    an item once: only an item whose units, unit and category are in two parts can be there
    twice, and only those items' titles are compared."""
    same = ["units_key", "unit_name", "category_name"]
    parts = items.groupby(same, sort=False, dropna=False)["part"].transform("nunique")
    twice = parts.to_numpy() > 1
    keys = pd.Series(np.arange(len(items)), index=items.index, dtype=object)  # each its own
    keys[twice] = item_keys(items[twice]).to_numpy()
    return items[~keys.duplicated().to_numpy()].drop(columns="part")


def record_frame(record: pd.DataFrame) -> pd.DataFrame:
    """The record as the 调研加分 sheet shows it (核对: bonuses granted now unchecked).

    Past TABLE_MAX items (a province's ledger, never a county's) one row per item would cost
    seconds to write: the items then go as JSON lines in a few large cells instead."""
    frame = record[INTERNAL].rename(columns=COLUMNS).reset_index(drop=True)
    if "check" in record and (record["check"] != "").any():
        frame[CHECK] = record["check"].to_numpy()
    if len(frame) <= TABLE_MAX:
        return frame
    lines = [json.dumps(list(COLUMNS.values()), ensure_ascii=False)]
    columns = [_json_values(frame[name].tolist()) for name in COLUMNS.values()]
    lines += ["[" + ", ".join(parts) + "]" for parts in zip(*columns, strict=True)]
    cells, chunk = [], ""
    for line in lines:
        if len(chunk) + len(line) + 1 > CELL_CHARS:
            cells.append(chunk)
            chunk = ""
        chunk += line + "\n"
    return pd.DataFrame({COMPACT: [*cells, chunk]})


def _json_values(values: list) -> list[str]:
    """Each value as json.dumps(..., ensure_ascii=False) writes it inside a list, a text by
    the encoder's own C function: one dumps() per row costs seconds at a province's size."""
    return [
        encode_basestring(v)
        if isinstance(v, str)
        else float.__repr__(v)  # what json writes for a finite float
        if isinstance(v, float) and math.isfinite(v)
        else json.dumps(v, ensure_ascii=False)
        for v in values
    ]


def read_record(raw: RawSheet, year: int) -> pd.DataFrame:
    """Our 调研加分 sheet back: the rows of `year` (a record of last year grants nothing)."""
    cells = raw.cells
    names = list(COLUMNS.values())
    for pos in range(min(len(cells), 10)):
        row = [str(v).strip() if isinstance(v, str) else "" for v in cells.iloc[pos]]
        if row[: len(names)] == names or row[:1] == [COMPACT]:
            break
    else:
        return pd.DataFrame(columns=INTERNAL)
    if row[:1] == [COMPACT]:
        text = "".join(v for v in cells.iloc[pos + 1 :, 0] if isinstance(v, str))
        lines = [json.loads(line) for line in text.splitlines() if line.strip()]
        body = pd.DataFrame([r[: len(names)] for r in lines[1:]], columns=INTERNAL, dtype=object)
    else:
        body = cells.iloc[pos + 1 :, : len(names)].dropna(how="all")
        body.columns = INTERNAL
    body = body.assign(points=pd.to_numeric(body["points"], errors="coerce"))
    body = body.dropna(subset=["points"])
    return body[body["period"].astype(str).str.startswith(str(year))].reset_index(drop=True)


def record_notes(
    research: pd.DataFrame,
    record_where: str | None,
    covered: bool,
    period: Period,
    more: pd.Series | None = None,
) -> pd.DataFrame:
    """提示 rows: the record and the ledger disagree on an item's earlier bonus; or, with a
    hand-made previous table and no earlier quarters in the ledger, a bonus granted now whose
    earlier bonuses could not be checked; or, with a hand-made table, an earlier bonus taken
    from the ledger for a unit whose ledger 累计 the 上期 cross-check found higher than the
    table (`more`: unit → points more) — that bonus may be one the table never paid. One per
    item, not per unit of a joint item."""
    if record_where is None and more is not None and len(more) and len(research):
        doubt = (research["ledger_prior"] > 0) & research["unit_name"].isin(more.index)
        r = research[doubt].drop_duplicates(["where", "row", "units_key", "title"])
        if len(r):
            text = msg_each(
                "PRIOR_UNCONFIRMED",
                item=_items(r),
                ledger=_bonuses(r["ledger_channel"], r["ledger_prior"]),
                now=_numbers(r["awarded"]),
                unit=r["unit_name"].astype(str),
                gap=_numbers(r["unit_name"].map(more)),
            )
            return _frame(r, "PRIOR_UNCONFIRMED", text)
    research = research.drop_duplicates(["where", "row", "units_key", "title"])
    parts = []  # each item named only where a line names it (a big ledger has thousands)
    if record_where is not None:
        both = covered | (research["ledger_prior"] > 0)
        differ = both & ((research["ledger_prior"] - research["record_prior"]).abs() > 1e-9)
        r = research[differ]
        text = msg_each(
            "RECORD_DISAGREES",
            item=_items(r),
            book=record_where,
            recorded=_bonuses(r["record_channel"], r["record_prior"]),
            ledger=_bonuses(r["ledger_channel"], r["ledger_prior"]),
            now=_numbers(r["awarded"]),
        )
        parts.append(_frame(r, "RECORD_DISAGREES", text))
    elif unchecked(record_where, covered, period):
        # One line, not one per item (a big ledger has thousands): each item is marked in
        # the 调研加分 sheet's 核对 column.
        now = research["awarded"] > 0
        r = research[now].head(1)
        if len(r):
            kinds = "、".join(research.loc[now, "category_name"].drop_duplicates().astype(str))
            text = msg_each("RECORD_MISSING", n=int(now.sum()), categories=kinds, item=_items(r))
            parts.append(_frame(r, "RECORD_MISSING", text))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=PROBLEM_COLUMNS)


def unchecked_line(
    research: pd.DataFrame, record_where: str | None, covered: bool, period: Period
) -> str | None:
    """The screen's line for RECORD_MISSING: how many items, the units and points at stake
    (the bonuses granted now that an earlier quarter may have paid already), what to do."""
    if not unchecked(record_where, covered, period):
        return None
    now = research[research["awarded"] > 0]
    if now.empty:
        return None
    items = now.drop_duplicates(["where", "row", "units_key", "title"])
    per_unit = now.groupby("unit_name", sort=False, observed=True)["awarded"].sum()
    named = [
        msg("RECORD_UNCHECKED_UNIT", unit=u, points=fmt_number(v))
        for u, v in per_unit.head(SCREEN_UNITS).items()
    ]
    if len(per_unit) > SCREEN_UNITS:
        named.append(
            msg("RECORD_UNCHECKED_MORE", n=len(per_unit), points=fmt_number(per_unit.sum()))
        )
    categories = "、".join(items["category_name"].drop_duplicates().astype(str))
    return msg(
        "RECORD_UNCHECKED_SCREEN",
        n=len(items),
        categories=categories,
        units="、".join(named[:SCREEN_UNITS]) + "".join(named[SCREEN_UNITS:]),
        each=period.each_word,
        before=period.before_word,
    )


def unchecked(record_where: str | None, covered: bool, period: Period) -> bool:
    """Earlier bonuses cannot be checked: no record (hand-made previous table), Q2-Q4, and
    the ledger does not cover the year's earlier quarters."""
    return record_where is None and period.quarter > 1 and not covered


def _items(research: pd.DataFrame) -> pd.Series:
    """调研信息“标题”（单位）: the row's own category name, so any scheme's word is used."""
    return msg_each(
        "RECORD_ITEM",
        category=research["category_name"],
        title=research["title"],
        units=research["units_key"],
    )


def _frame(rows: pd.DataFrame, code: str, text: pd.Series) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "where": rows["where"].astype(str).to_numpy(),
            "row": rows["row"].to_numpy(),
            "column": "",
            "value": rows["channel_name"].astype(str).to_numpy(),
            "level": INFO,
            "code": code,
            "message": text.to_numpy() if len(rows) else [],
        },
        columns=PROBLEM_COLUMNS,
    )


def _numbers(values: pd.Series) -> pd.Series:
    return values.map(fmt_number).astype(str)


def _bonuses(channel: pd.Series, points: pd.Series) -> pd.Series:
    text = channel.astype(str) + "+" + _numbers(points)
    return text.where(points > 0, msg("RECORD_NO_BONUS"))
