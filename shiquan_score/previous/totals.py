"""Last quarter's tables → 上期 累计 per table, for the quarter being computed."""

from __future__ import annotations

import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.period import Period
from shiquan_score.previous.table import PreviousTable, check_period
from shiquan_score.scheme.loader import Scheme


def previous_totals(
    previous: list[PreviousTable], scheme: Scheme, period: Period, keys: list[str] | None = None
) -> tuple[dict[str, pd.Series], list[str]]:
    """上期 per table made (`keys`, default all): last quarter's 累计; Q1 starts from zero."""
    keys = list(scheme.tables) if keys is None else keys
    notices = []
    tables: dict[str, PreviousTable] = {}
    for prev in previous:
        attachment = scheme.tables[prev.table].attachment
        if prev.table not in keys:
            notices.append(f"已忽略上期表 {prev.where}：本次不生成{attachment}（{prev.table}）")
            continue
        if period.previous() is None:
            notices.append(f"本期是{period.opening}，累计从0开始，已忽略上期表 {prev.where}")
            continue
        check_period(prev, period, attachment)
        if prev.table in tables:
            raise InputError(
                f"收件箱里有两份{attachment}的上期表：{tables[prev.table].where} 和 {prev.where}，请只保留一份"
            )
        tables[prev.table] = prev
        notices += prev.merged  # merged units add up
        notices.append(f"{attachment}上期累计取自：{prev.where}")
    totals = {}
    for key in keys:
        spec = scheme.tables[key]
        if key in tables:
            totals[key] = tables[key].totals
        elif period.previous() is None:
            totals[key] = pd.Series(dtype=float)
        else:
            before = period.previous()
            others = [k for k in keys if k != key]
            instead = (
                f"；如果本单位不发{spec.attachment}，请用 --tables {','.join(others)} 只生成其余的表"
                if others
                else ""
            )
            raise InputError(
                f"收件箱里没有{spec.attachment}（{key}）的上期表（{before.label}）。"
                f"{period.later}需要上期累计分：请把{period.before_word}发布的{spec.attachment}放入收件箱{instead}"
            )
    return totals, notices
