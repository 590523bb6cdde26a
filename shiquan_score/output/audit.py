"""The audit trail: 明细 (every scored adoption), 问题 (every row not scored), 备注 notes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from shiquan_score.messages import kind, level, msg
from shiquan_score.normalise.ledger import ERROR, INFO, PROBLEM_COLUMNS
from shiquan_score.normalise.text import fmt_number
from shiquan_score.output.workbook import FrameSheet
from shiquan_score.period import Period
from shiquan_score.read.sheets import RawSheet, note_rows
from shiquan_score.scheme.loader import Scheme
from shiquan_score.scheme.vocabulary import Vocabulary
from shiquan_score.scheme.weights import FLOORS
from shiquan_score.score.standings import count_key

DETAIL, PROBLEMS, CHECK, RECORD = "明细", "问题", "核对", "调研加分"
AUDIT_SHEETS = (DETAIL, PROBLEMS, CHECK, RECORD)
DETAIL_COLUMNS = {
    "where": "来源（文件/工作表）",
    "row": "行号",
    "date": "日期",
    "unit_name": "单位",
    "share": "份额",
    "title": "标题",
    "category_name": "类别",
    "channel_name": "采用渠道",
    "points": "分值",
    "score": "得分",
    "rule": "计分说明",
}
# Caps: long text wraps no further than this (pixels).
DETAIL_WIDTHS = {"来源（文件/工作表）": 360, "标题": 400, "计分说明": 560}
PROBLEM_NAMES = {
    "where": "来源（文件/工作表）",
    "row": "行号",
    "column": "列",
    "value": "内容",
    "level": "级别",
    "code": "问题",
    "message": "说明及处理办法",
}
PROBLEM_WIDTHS = {"来源（文件/工作表）": 360, "内容": 240, "说明及处理办法": 720}


def detail_sheet(scored: pd.DataFrame, names: dict[str, str]) -> FrameSheet:
    """One row per scored adoption: source, row, unit (as the table names it), share, points
    and the rule in words, in ledger order."""
    frame = scored[list(DETAIL_COLUMNS)]
    frame["unit_name"] = _per_distinct(frame["unit_name"], names.get)
    frame["date"] = _per_distinct(frame["date"], lambda d: d.isoformat())
    if not _in_ledger_order(frame):
        frame = frame.sort_values(["where", "row"], kind="stable")
    preamble = (
        "明细：每一条计分的采用一行。联合报送的信息每个单位各占一份；"
        "“分值”是规则分值，“得分”是该单位实得（分值 × 份额，调研信息加分只取最高一项）。",
    )
    return FrameSheet(
        frame.rename(columns=DETAIL_COLUMNS).reset_index(drop=True), DETAIL_WIDTHS, preamble
    )


def _per_distinct(values: pd.Series, convert: Callable[[Any], Any]) -> pd.Series:
    """convert() once per distinct value, the column a categorical of the results: a
    million rows hold a few hundred dates and units. A missing value stays missing, and so
    does one that convert() gives None for (a unit without a name, like .map(dict))."""
    codes, uniques = pd.factorize(values)
    converted, words = pd.factorize(pd.Series([convert(v) for v in uniques], dtype=object))
    # A missing value's code -1 picks the -1 appended at the end.
    codes = np.append(converted, -1)[codes]
    return pd.Series(pd.Categorical.from_codes(codes, words), index=values.index)


def _in_ledger_order(frame: pd.DataFrame) -> bool:
    """Events come out of the ledger in order already; a million-row sort is then skipped."""
    where = frame["where"]
    if frame.empty:
        return True
    if (
        not isinstance(where.dtype, pd.CategoricalDtype)
        or not where.cat.categories.is_monotonic_increasing
    ):
        return False
    key = where.cat.codes.to_numpy(dtype=np.int64) * (int(frame["row"].max() or 0) + 1)
    key = key + frame["row"].to_numpy(dtype=np.int64)
    return bool(np.all(key[1:] >= key[:-1]))


NOT_RECORDS = (
    ("total_rows", "COUNT_TOTAL_ROWS"),
    ("footer_rows", "COUNT_FOOTER_ROWS"),
    ("hidden_sheet_rows", "COUNT_HIDDEN_SHEET_ROWS"),
)


def not_records(counts: dict[str, int], unit: str = "") -> str:
    """（其中合计行 2、落款行 1，不计分）: problem rows that are no records, or were not seen."""
    parts = [
        msg("NOT_RECORD_COUNT", label=msg(label), n=counts[key], unit=unit)
        for key, label in NOT_RECORDS
        if counts.get(key)
    ]
    return msg("NOT_RECORDS", parts="、".join(parts)) if parts else ""


def problem_sheet(problems: pd.DataFrame, counts: dict[str, int], period: Period) -> FrameSheet:
    """Every ledger row not scored (and every notice), under the accounting identity."""
    identity = msg(
        "SHEET_ACCOUNT",
        period=period.label,
        read=counts["read"],
        scored=counts["scored"],
        out=counts["out"],
        duplicate=counts["duplicate"],
        problem=counts["problem"],
        not_records=not_records(counts, " 行"),
    )
    errors = int((problems["level"] == ERROR).sum())
    verdict = msg("SHEET_ERRORS", n=errors) if errors else msg("SHEET_NO_ERRORS")
    frame = problems[PROBLEM_COLUMNS].assign(
        level=_labels(problems["level"], level), code=_labels(problems["code"], kind)
    )
    frame = frame.rename(columns=PROBLEM_NAMES)
    return FrameSheet(frame.reset_index(drop=True), PROBLEM_WIDTHS, (identity, verdict))


def _labels(codes: pd.Series, label: Callable[[str], str]) -> pd.Series:
    """Codes → the words the clerk reads, each code looked up once (an unknown one raises)."""
    return codes.map({code: label(code) for code in codes.unique()})


def read_notes(
    sheets: list[RawSheet], scheme: Scheme
) -> tuple[pd.Series, pd.DataFrame, pd.DataFrame]:
    """备注 sheets → note per unit (e.g. 省市暂未反馈); unknown or missing units are errors.

    Also each unit's first note row (where, row), so a 提示 about the note names its sheet
    and Excel row."""
    if not sheets:
        origins = pd.DataFrame(columns=["where", "row"])
        return pd.Series(dtype=object), pd.DataFrame(columns=PROBLEM_COLUMNS), origins
    vocab = Vocabulary(scheme)
    frame = pd.concat([note_rows(raw, scheme) for raw in sheets], ignore_index=True)
    frame = frame[frame["note"] != ""].copy()
    frame["unit_raw"] = frame["unit_raw"].astype(object).where(frame["unit_raw"].notna(), "")
    frame["unit_raw"] = frame["unit_raw"].astype(str).str.strip()
    frame["unit"] = frame["unit_raw"].map(lambda v: vocab.unit(v) if v else None)
    bad = frame[frame["unit"].isna()]
    messages = []
    for unit, note in zip(bad["unit_raw"], bad["note"], strict=True):
        if not unit:
            messages.append(msg("NOTE_WITHOUT_UNIT", note=note))
            continue
        near = vocab.nearest_units(unit)
        hint = msg("NOTE_NEAREST", names="、".join(near)) if near else msg("NOTE_NO_NEAREST")
        messages.append(msg("NOTE_UNKNOWN_UNIT", unit=unit, hint=hint))
    problems = pd.DataFrame(
        {
            "where": bad["where"],
            "row": bad["row"],
            "column": "单位",
            "value": bad["unit_raw"],
            "level": ERROR,
            "code": "UNKNOWN_UNIT",
            "message": messages,
        },
        columns=PROBLEM_COLUMNS,
    )
    good = frame.dropna(subset=["unit"])
    notes = good.groupby("unit", sort=False)["note"].agg(lambda s: "；".join(dict.fromkeys(s)))
    origins = good.drop_duplicates("unit").set_index("unit")[["where", "row"]]
    return notes, problems, origins


def note_conflicts(
    tables: dict[str, pd.DataFrame], scheme: Scheme, origins: pd.DataFrame
) -> pd.DataFrame:
    """A note would hide research counts: keep the counts, say the note was not printed.
    The 提示 names the 备注 sheet and the Excel row the note came from (`origins`)."""
    records = []
    for key, table in tables.items():
        spec = scheme.tables[key]
        keys = [count_key(j) for j, c in enumerate(spec.columns) if c.note]
        clash = table[(table["note"] != "") & (table[keys].sum(axis=1) > 0)]
        for unit, row in clash.iterrows():
            where, row_number = origins.loc[unit, ["where", "row"]]
            records.append(
                (
                    where,
                    int(row_number),
                    "备注",
                    row["note"],
                    INFO,
                    "NOTE_NOT_PRINTED",
                    msg("NOTE_NOT_PRINTED", unit=unit, note=row["note"]),
                )
            )
    return pd.DataFrame(records, columns=PROBLEM_COLUMNS)


def floor_notes(tables: dict[str, pd.DataFrame], scheme: Scheme) -> pd.DataFrame:
    """A score the scheme's floor stopped at 0: the 提示 that explains the printed 0."""
    floor = scheme.policy.floor
    records = []
    for table in tables.values():
        for unit, value in table["floored"].dropna().items():
            shown = FLOORS[floor]
            records.append(
                (
                    scheme.sources[0].name,
                    0,
                    shown,
                    fmt_number(value),
                    INFO,
                    "FLOORED",
                    msg(
                        "FLOORED",
                        unit=unit,
                        column=shown,
                        value=fmt_number(value),
                        floor=floor,
                    ),
                )
            )
    return pd.DataFrame(records, columns=PROBLEM_COLUMNS)


def record_sheet(frame: pd.DataFrame, period: Period) -> FrameSheet:
    """The year's research items with the bonus each has been granted (score/record.py)."""
    preamble = (
        f"调研加分：{period.year}年内到本期（{period.months}）为止，每条调研信息已计的最高加分"
        "（同一信息被多次采用的，以最高分记）。下一季度运行时读取本表，只补计差额，不重复计分。",
    )
    return FrameSheet(frame, {"标题": 400, "报送单位": 200}, preamble)


def all_problems(*parts: pd.DataFrame) -> pd.DataFrame:
    """The problems of every step in one table, in the order of the steps."""
    found = [p for p in parts if len(p)]
    return pd.concat(found or [parts[0]], ignore_index=True)


def shown_names(scored: pd.DataFrame, scheme: Scheme, period: Period) -> dict[str, str]:
    """Each scored unit as the tables name it at the end of the quarter (a renamed unit)."""
    return {u: scheme.display_name(u, period.end) for u in scored["unit_name"].unique()}
