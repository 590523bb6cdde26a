"""Last quarter's published table (ours or hand-made) → 上期 per unit."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.messages import msg
from shiquan_score.normalise.text import fmt_number, norm
from shiquan_score.period import Period
from shiquan_score.previous.official import cell_number, read_official
from shiquan_score.previous.title import identify, title_notice
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
        found = "、".join(dict.fromkeys(table.unmatched)) or msg("PREV_NONE_FOUND")
        raise InputError(
            msg(
                "PREV_NO_TOTAL",
                where=raw.where,
                column=total.header[-1],
                found=found,
                rules=scheme.sources[0].name,
                table=spec.key,
            )
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
            raise InputError(msg("PREV_UNCALCULATED", where=raw.where, row=row))
        number = cell_number(value)
        if number is None:
            raise InputError(msg("PREV_NOT_NUMBER", where=raw.where, row=row, value=value))
        if unit in first:
            # issue 5: two rows of one unit under two names (a merge) add up; one name twice
            # is a mistake in the table.
            first_row, first_name = first[unit]
            if norm(first_name) == norm(name):
                raise InputError(
                    msg("PREV_UNIT_TWICE", where=raw.where, first=first_row, row=row, name=name)
                )
            merged.append(
                msg(
                    "PREV_MERGED",
                    where=raw.where,
                    first=first_row,
                    first_name=first_name,
                    row=row,
                    name=name,
                    unit=unit,
                    before=fmt_number(totals[unit]),
                    number=fmt_number(number),
                    sum=fmt_number(totals[unit] + number),
                )
            )
            totals[unit] += number
            continue
        first[unit] = (row, name)
        totals[unit] = number
    mine = scheme.units[(scheme.units["table"] == table.table) & scheme.units["ranked"]]
    missing = [u for u in mine["unit"] if u not in totals]
    if missing:
        raise InputError(msg("PREV_MISSING_UNITS", where=raw.where, units="、".join(missing)))
    notice = title_notice(raw, scheme, found)
    merged += [notice] if notice else []
    merged += [
        msg("PREV_TOTAL_ROW", where=raw.where, row=row, name=name) for row, name in table.total_rows
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
        adopted=_adopted(table, spec, every),
    )


def unknown_units(where: str, unknown: list[tuple[int, str]], scheme: Scheme) -> str:
    """Each unknown name with its nearest roster names, then how to fix it, renames included."""
    vocab = Vocabulary(scheme)
    parts = []
    for row, name in unknown:
        near = vocab.nearest_units(name)
        hint = msg("NOTE_NEAREST", names="、".join(near)) if near else msg("PREV_NO_NEAREST")
        parts.append(msg("PREV_UNKNOWN_PART", row=row, name=name, hint=hint))
    roster = scheme.sources[1].name
    example = unknown[0][1]
    return msg(
        "PREV_UNKNOWN_UNITS", where=where, parts="、".join(parts), roster=roster, example=example
    )


def _adopted(table, spec, every: pd.DataFrame) -> float | None:
    """issue 13: last quarter's adoptions (every unit's count cells) for the notice's comparison.

    A note such as 省市暂未反馈 in count cells counts nothing; a count column the table lacks
    (a hand-made table with fewer columns) makes the figure unknown, never a smaller one.
    """
    counted = [j for j, c in enumerate(spec.columns) if c.value == "count"]
    required = [j for j in counted if not spec.columns[j].optional]
    if any(j not in table.positions for j in required):
        return None
    total = 0.0  # `every`: the table's rows and its repeated rows
    for j in (j for j in counted if j in table.positions):
        total += sum(n for v in every[j] if (n := cell_number(v)) is not None)
    return total


def check_period(prev: PreviousTable, period: Period, attachment: str) -> None:
    """The previous table must be the quarter just before, in the same year."""
    expected = period.previous()
    if expected is None:
        return
    if prev.quarter is None:
        raise InputError(msg("PREV_NO_MONTHS", where=prev.where, months=expected.months))
    got = period.sibling(prev.year, prev.quarter)
    if got == period:
        raise InputError(
            msg(
                "PREV_IS_THIS_PERIOD",
                where=prev.where,
                period=period.label,
                expected=expected.label,
                attachment=attachment,
            )
        )
    if got > period:
        raise InputError(
            msg(
                "PREV_LATER",
                where=prev.where,
                got=got.label,
                period=period.label,
                expected=expected.label,
                attachment=attachment,
            )
        )
    if got != expected:
        raise InputError(
            msg(
                "PREV_GAP",
                where=prev.where,
                got=got.label,
                period=period.label,
                expected=expected.label,
                attachment=attachment,
            )
        )
