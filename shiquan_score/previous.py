"""Last quarter's published table (ours or hand-made) → 上期 per unit.

Works on the sheet's text grid, so merged cells need no special care: a merged header's
text stands in its top-left cell, which is the only cell we look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.period import Period, months_to_quarter
from shiquan_score.scheme import Scheme
from shiquan_score.sheets import RawSheet
from shiquan_score.text import fmt_number, norm
from shiquan_score.vocabulary import Vocabulary

ZERO_MARKS = {"", "——", "—", "-", "－", "–", "0"}
_TITLE_SCAN_ROWS = 12


@dataclass
class PreviousTable:
    table: str  # scheme table key
    where: str
    year: int
    quarter: int | None
    totals: pd.Series  # unit -> 累计, ranked units only
    merged: list[str] = field(default_factory=list)  # issue 5: notices of merged units


def _title_pattern(template: str, county: str) -> re.Pattern:
    parts = re.split(r"(\{county\}|\{year\})", norm(template))
    regex = "".join(
        re.escape(county)
        if p == "{county}"
        else r"(?P<year>\d{4})"
        if p == "{year}"
        else re.escape(p)
        for p in parts
    )
    return re.compile(regex)


def identify(raw: RawSheet, scheme: Scheme) -> tuple[str, int, int] | None:
    """(table key, year, title row position) when this sheet is an official table."""
    top = raw.cells.head(_TITLE_SCAN_ROWS)
    patterns = {k: _title_pattern(t.title, norm(scheme.county)) for k, t in scheme.tables.items()}
    for pos, values in enumerate(top.itertuples(index=False, name=None)):
        for value in values:
            if not isinstance(value, str):
                continue
            text = norm(value)
            for key, pattern in patterns.items():
                match = pattern.search(text)
                if match:
                    return key, int(match.group("year")), pos
    return None


def read_previous(raw: RawSheet, scheme: Scheme, found: tuple[str, int, int]) -> PreviousTable:
    """Find 单位名称 and 累计 by their header text; read 累计 of every ranked unit."""
    key, year, title_pos = found
    cells = raw.cells
    name_pos = _find(cells, "单位名称", title_pos)
    if name_pos is None:
        raise InputError(f"{raw.where} 像是上期统计表，但找不到“单位名称”表头，请使用正式表格格式")
    header_row, name_col = name_pos
    total_col = _find_in_rows(cells, "累计", header_row, header_row + 6)
    if total_col is None:
        raise InputError(f"{raw.where} 像是上期统计表，但找不到“累计”一列，请使用正式表格格式")
    quarter = None
    for r in range(header_row, min(header_row + 6, len(cells))):
        for value in cells.iloc[r]:
            quarter = quarter or (months_to_quarter(str(value)) if isinstance(value, str) else None)
    ranked = scheme.units.set_index("unit")["ranked"]
    lookup = _unit_lookup(scheme)
    totals, unknown, seen, merged = {}, [], {}, []
    for r in range(header_row + 1, len(cells)):
        name = cells.iloc[r, name_col]
        if not isinstance(name, str) or not norm(name):
            continue
        if norm(name).startswith("备注"):
            break
        unit = lookup(name)
        if unit is None:
            if name_pos_is_header(name):
                continue
            unknown.append(f"第{raw.rows[r]}行“{name.strip()}”")
            continue
        if not ranked[unit]:
            continue
        value = _number(cells.iloc[r, total_col], raw, r)
        # issue 5: two rows of one unit. Two names (a merge, former names in the roster) add
        # up; the same name twice is a mistake in the table.
        if unit in seen:
            first_row, first_name = seen[unit]
            if norm(first_name) == norm(name):
                raise InputError(
                    f"上期表 {raw.where} 第{first_row}行和第{raw.rows[r]}行都是“{name.strip()}”，"
                    "请删去重复的一行"
                )
            merged.append(
                f"上期表 {raw.where} 第{first_row}行“{first_name}”和第{raw.rows[r]}行"
                f"“{name.strip()}”都是单位名单中的{unit}，上期累计相加："
                f"{fmt_number(totals[unit])} + {fmt_number(value)} = {fmt_number(totals[unit] + value)}"
            )
            totals[unit] += value
            continue
        seen[unit] = (raw.rows[r], name.strip())
        totals[unit] = value
    if unknown:
        raise InputError(
            f"上期表 {raw.where} 中有单位名单里没有的单位：{'、'.join(unknown)}。"
            f"请在 {scheme.sources[1].name} 中加入该单位或其别名，或改正上期表"
        )
    return PreviousTable(
        key, raw.where, year, quarter, pd.Series(totals, dtype=float), merged=merged
    )


def name_pos_is_header(name: str) -> bool:
    """Header words that can sit in the name column below 单位名称 (merged header rows)."""
    return norm(name) in {"单位名称", "单位"}


def _find(cells: pd.DataFrame, word: str, start: int) -> tuple[int, int] | None:
    for r in range(start, min(start + 10, len(cells))):
        for c, value in enumerate(cells.iloc[r]):
            if isinstance(value, str) and norm(value) == word:
                return r, c
    return None


def _find_in_rows(cells: pd.DataFrame, word: str, first: int, last: int) -> int | None:
    for r in range(first, min(last, len(cells))):
        for c, value in enumerate(cells.iloc[r]):
            if isinstance(value, str) and norm(value) == word:
                return c
    return None


def _unit_lookup(scheme: Scheme):
    return Vocabulary(scheme).unit


def _number(value, raw: RawSheet, r: int) -> float:
    text = "" if value is None else str(value).strip()
    if norm(text) in ZERO_MARKS:
        return 0.0
    try:
        return float(norm(text))
    except ValueError:
        raise InputError(
            f"上期表 {raw.where} 第{raw.rows[r]}行的累计分“{text}”不是数字，请改正上期表"
        ) from None


def check_period(prev: PreviousTable, period: Period, attachment: str) -> None:
    """The previous table must be the quarter just before, in the same year."""
    expected = period.previous()
    if expected is None:
        return
    if prev.quarter is None:
        raise InputError(
            f"上期表 {prev.where} 的表头里找不到月份（如“{expected.months}采用情况”），无法确认是哪一期"
        )
    got = Period(prev.year, prev.quarter)
    if got != expected:
        raise InputError(
            f"上期表 {prev.where} 是{got.label}的，本期是{period.label}，"
            f"应放入{expected.label}的{attachment}（隔期会漏算分数）"
        )
