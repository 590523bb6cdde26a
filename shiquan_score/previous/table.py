"""Last quarter's published table (ours or hand-made) → 上期 per unit."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.normalise.text import fmt_number, norm
from shiquan_score.period import Period
from shiquan_score.previous.official import cell_number, identify, read_official, title_notice
from shiquan_score.read import files as readers
from shiquan_score.read.sheets import RawSheet
from shiquan_score.scheme.loader import Scheme
from shiquan_score.scheme.vocabulary import Vocabulary

__all__ = ["PreviousTable", "check_period", "identify", "read_previous"]


@dataclass
class PreviousTable:
    table: str  # scheme table key
    where: str
    year: int
    quarter: int | None
    totals: pd.Series  # unit -> 累计, ranked units only
    merged: list[str] = field(default_factory=list)  # issue 5: notices of merged units
    rows: dict[str, int] = field(default_factory=dict)  # unit -> Excel row of its first line
    source: str = ""  # the file it came from
    adopted: float | None = None  # issue 13: all count cells summed; None when a column is missing
    # Our own workbook (read/own.py): its year's research bonuses (score/record.py); None for
    # a hand-made table, which carries no such record.
    record: pd.DataFrame | None = None


def read_previous(raw: RawSheet, scheme: Scheme, found: tuple[str, int, int]) -> PreviousTable:
    """累计 of every ranked unit of last quarter's table, read by header path.

    Refused: a unit the roster does not know, a ranked unit missing, the same name twice,
    a 累计 that is not a number or is a formula Excel never calculated.
    """
    table = read_official(raw, scheme, found)
    spec = scheme.tables[table.table]
    total_j = next(j for j, c in enumerate(spec.columns) if c.value == "total")
    if total_j not in table.positions:
        total = spec.columns[total_j]
        found = "、".join(dict.fromkeys(table.unmatched)) or "无"
        raise InputError(
            f"上期表 {raw.where} 里找不到“{total.header[-1]}”一列（没有认出的表头：{found}）。"
            f"请把该列表头改为“{total.header[-1]}”，或在 {scheme.sources[0].name} "
            f"“{spec.key}”表“{total.header[-1]}”一列的 aliases 中加入它的写法"
        )
    if table.unknown:
        raise InputError(unknown_units(raw.where, table.unknown, scheme))
    uncalculated = readers.uncached_formulas(raw)
    ranked = set(scheme.units.loc[scheme.units["ranked"], "unit"])
    column = table.positions[total_j]
    totals: dict[str, float] = {}
    first: dict[str, tuple[int, str]] = {}
    merged: list[str] = []
    every = pd.concat([table.rows.reset_index(), table.repeated_rows], ignore_index=True)
    for unit, row, name, value in zip(
        every["unit"], every["row"], every["name"], every[total_j], strict=True
    ):
        if unit not in ranked:
            continue
        if (row, column) in uncalculated:
            raise InputError(
                f"上期表 {raw.where} 第{row}行的累计是公式，但文件里没有保存计算结果；"
                "请用 Excel/WPS 打开该文件、保存后再放入"
            )
        number = cell_number(value)
        if number is None:
            raise InputError(f"上期表 {raw.where} 第{row}行的累计分“{value}”不是数字，请改正上期表")
        if unit in first:
            # issue 5: two rows of one unit under two names (a merge) add up; one name twice
            # is a mistake in the table.
            first_row, first_name = first[unit]
            if norm(first_name) == norm(name):
                raise InputError(
                    f"上期表 {raw.where} 第{first_row}行和第{row}行都是“{name}”，请删去重复的一行"
                )
            merged.append(
                f"上期表 {raw.where} 第{first_row}行“{first_name}”和第{row}行“{name}”都是单位名单中的"
                f"{unit}，上期累计相加：{fmt_number(totals[unit])} + {fmt_number(number)} = "
                f"{fmt_number(totals[unit] + number)}"
            )
            totals[unit] += number
            continue
        first[unit] = (row, name)
        totals[unit] = number
    mine = scheme.units[(scheme.units["table"] == table.table) & scheme.units["ranked"]]
    missing = [u for u in mine["unit"] if u not in totals]
    if missing:
        raise InputError(
            f"上期表 {raw.where} 缺少单位：{'、'.join(missing)}。请补上这些单位的行"
            "（上期累计为0的写0），或确认放入的是完整的上期表"
        )
    notice = title_notice(raw, scheme, found)
    merged += [notice] if notice else []
    merged += [
        f"上期表 {raw.where} 第{row}行“{name}”是合计行，不是单位，已跳过"
        for row, name in table.total_rows
    ]
    return PreviousTable(
        table.table,
        raw.where,
        table.year,
        table.quarter,
        pd.Series(totals, dtype=float),
        merged,
        rows={unit: row for unit, (row, _) in first.items()},
        source=raw.source,
        adopted=_adopted(table, spec),
    )


def unknown_units(where: str, unknown: list[tuple[int, str]], scheme: Scheme) -> str:
    """Each unknown name with its nearest roster names, then how to fix it, renames included."""
    vocab = Vocabulary(scheme)
    parts = []
    for row, name in unknown:
        near = vocab.nearest_units(name)
        hint = f"最接近的是：{'、'.join(near)}" if near else "单位名单中没有相近的名称"
        parts.append(f"第{row}行“{name}”（{hint}）")
    roster = scheme.sources[1].name
    example = unknown[0][1]
    return (
        f"上期表 {where} 中有单位名单里没有的单位：{'、'.join(parts)}。"
        f"请改正上期表，或在 {roster} 中为该单位加入别名；如果是单位更名，请在 {roster} "
        f'新名称的单位下写 former = [{{ name = "{example}", until = 更名日期 }}]，累计分不断'
    )


def _adopted(table, spec) -> float | None:
    """issue 13: last quarter's adoptions (every unit's count cells) for the notice's comparison.

    A note such as 省市暂未反馈 in count cells counts nothing; a count column the table lacks
    (a hand-made table with fewer columns) makes the figure unknown, never a smaller one.
    """
    counted = [j for j, c in enumerate(spec.columns) if c.value == "count"]
    required = [j for j in counted if not spec.columns[j].optional]
    if any(j not in table.positions for j in required):
        return None
    every = pd.concat([table.rows, table.repeated_rows], ignore_index=True)
    total = 0.0
    for j in (j for j in counted if j in table.positions):
        total += sum(n for v in every[j] if (n := cell_number(v)) is not None)
    return total


def check_period(prev: PreviousTable, period: Period, attachment: str) -> None:
    """The previous table must be the quarter just before, in the same year."""
    expected = period.previous()
    if expected is None:
        return
    if prev.quarter is None:
        raise InputError(
            f"上期表 {prev.where} 的表头里找不到月份（如“{expected.months}采用情况”），无法确认是哪一期"
        )
    got = period.sibling(prev.year, prev.quarter)
    if got == period:
        raise InputError(
            f"{prev.where} 是本期（{period.label}）的统计表，不是上期的；请把它移出收件箱，"
            f"放入{expected.label}的{attachment}"
        )
    if got > period:
        raise InputError(
            f"上期表 {prev.where} 是{got.label}的，晚于本期{period.label}；"
            f"请确认期别（--period），或放入{expected.label}的{attachment}"
        )
    if got != expected:
        raise InputError(
            f"上期表 {prev.where} 是{got.label}的，本期是{period.label}，"
            f"应放入{expected.label}的{attachment}（隔期会漏算分数）"
        )
