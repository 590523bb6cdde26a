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
from shiquan_score.score.record import COLUMNS as RECORD_COLUMNS
from shiquan_score.score.standings import count_key

DETAIL, PROBLEMS = msg("SHEET_DETAIL"), msg("SHEET_PROBLEMS")
CHECK, RECORD = msg("SHEET_CHECK"), msg("SHEET_RECORD")
AUDIT_SHEETS = (DETAIL, PROBLEMS, CHECK, RECORD)
WHERE, ROW = msg("COL_WHERE"), msg("COL_ROW")
PROBLEM_NAMES = {
    "where": WHERE,
    "row": ROW,
    "column": msg("COL_COLUMN"),
    "value": msg("COL_VALUE"),
    "level": msg("COL_LEVEL"),
    "code": msg("COL_KIND"),
    "message": msg("COL_MESSAGE"),
}
# Caps: long text wraps no further than this (pixels).
PROBLEM_WIDTHS = {WHERE: 360, PROBLEM_NAMES["value"]: 240, PROBLEM_NAMES["message"]: 720}


def detail_columns(scheme: Scheme) -> dict[str, str]:
    """The 明细 sheet's headers: the ledger's fields as the rules file names them (日期, 单位,
    标题, 类别, 采用渠道), the program's own columns from the catalogue."""
    return {
        "where": WHERE,
        "row": ROW,
        "date": scheme.field_word("date"),
        "unit_name": scheme.field_word("unit"),
        "share": msg("COL_SHARE"),
        "title": scheme.field_word("title"),
        "category_name": scheme.field_word("category"),
        "channel_name": scheme.field_word("channel"),
        "points": msg("COL_POINTS"),
        "score": msg("COL_SCORE"),
        "rule": msg("COL_RULE"),
    }


def best_of_categories(scheme: Scheme) -> list[str]:
    """The categories whose bonuses count only the highest (调研信息), in the rules' order."""
    weights = scheme.weights
    return list(dict.fromkeys(weights.loc[weights["best_of"], "category"]))


def detail_sheet(scored: pd.DataFrame, names: dict[str, str], scheme: Scheme) -> FrameSheet:
    """One row per scored adoption: source, row, unit (as the table names it), share, points
    and the rule in words, in ledger order."""
    columns = detail_columns(scheme)
    frame = scored[list(columns)]
    frame["unit_name"] = _per_distinct(frame["unit_name"], names.get)
    frame["date"] = _per_distinct(frame["date"], lambda d: d.isoformat())
    if not _in_ledger_order(frame):
        frame = frame.sort_values(["where", "row"], kind="stable")
    best = best_of_categories(scheme)
    preamble = (
        msg(
            "DETAIL_PREAMBLE",
            sheet=DETAIL,
            points=columns["points"],
            score=columns["score"],
            share=columns["share"],
            best=msg("DETAIL_PREAMBLE_BEST", categories="、".join(best)) if best else "",
        ),
    )
    widths = {WHERE: 360, columns["title"]: 400, columns["rule"]: 560}
    return FrameSheet(frame.rename(columns=columns).reset_index(drop=True), widths, preamble)


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
        not_records=not_records(counts, msg("SHEET_ROWS_UNIT")),
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
            "column": scheme.field_word("unit"),
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
                    scheme.field_word("remark"),
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


def record_sheet(frame: pd.DataFrame, period: Period, scheme: Scheme) -> FrameSheet:
    """The year's research items with the bonus each has been granted (score/record.py)."""
    preamble = (
        msg(
            "RECORD_PREAMBLE",
            sheet=RECORD,
            year=period.year,
            months=period.months,
            categories="、".join(best_of_categories(scheme)),
            next=period.next_word,
        ),
    )
    return FrameSheet(
        frame, {RECORD_COLUMNS["title"]: 400, RECORD_COLUMNS["units_key"]: 200}, preamble
    )


def all_problems(*parts: pd.DataFrame) -> pd.DataFrame:
    """The problems of every step in one table, in the order of the steps."""
    found = [p for p in parts if len(p)]
    return pd.concat(found or [parts[0]], ignore_index=True)


def shown_names(scored: pd.DataFrame, scheme: Scheme, period: Period) -> dict[str, str]:
    """Each scored unit as the tables name it at the end of the quarter (a renamed unit)."""
    return {u: scheme.display_name(u, period.end) for u in scored["unit_name"].unique()}
