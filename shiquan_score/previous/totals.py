"""Last quarter's tables → 上期 累计 per table, for the quarter being computed."""

from __future__ import annotations

import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.messages import msg
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
            notices.append(
                msg(
                    "PREV_IGNORED_NOT_MADE",
                    where=prev.where,
                    attachment=attachment,
                    table=prev.table,
                )
            )
            continue
        if period.previous() is None:
            notices.append(msg("PREV_IGNORED_OPENING", opening=period.opening, where=prev.where))
            continue
        check_period(prev, period, attachment)
        if prev.table in tables:
            raise InputError(
                msg(
                    "PREV_TWO_TABLES",
                    attachment=attachment,
                    first=tables[prev.table].where,
                    second=prev.where,
                )
            )
        tables[prev.table] = prev
        notices += prev.merged  # merged units add up
        notices.append(msg("PREV_USED", attachment=attachment, where=prev.where))
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
                msg("PREV_MISSING_INSTEAD", attachment=spec.attachment, others=",".join(others))
                if others
                else ""
            )
            raise InputError(
                msg(
                    "PREV_MISSING",
                    attachment=spec.attachment,
                    table=key,
                    before=before.label,
                    later=period.later,
                    before_word=period.before_word,
                    instead=instead,
                )
            )
    return totals, notices
