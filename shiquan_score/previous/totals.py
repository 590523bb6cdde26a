"""Last quarter's tables → 上期 累计 per table, for the quarter being computed."""

from __future__ import annotations

import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.messages import msg
from shiquan_score.period import Period
from shiquan_score.previous.table import PreviousTable, check_period
from shiquan_score.scheme.loader import Scheme


def previous_totals(
    previous: list[PreviousTable],
    scheme: Scheme,
    period: Period,
    keys: list[str] | None = None,
    hint: str = "",
) -> tuple[dict[str, pd.Series], list[str]]:
    """上期 per table made (`keys`, default all): last quarter's 累计; Q1 starts from zero.
    `hint` ends the refusal when a table made has no previous table (period_choice's word on
    --period)."""
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
    before = period.previous()
    missing = [k for k in keys if k not in tables and before is not None]
    if missing:
        raise InputError(_missing(scheme, period, keys, missing) + hint)
    totals = {key: tables[key].totals if key in tables else pd.Series(dtype=float) for key in keys}
    return totals, notices


def _missing(scheme: Scheme, period: Period, keys: list[str], missing: list[str]) -> str:
    """Every table made that lacks last quarter's table, named at once; --tables is offered
    only where the other tables have theirs (leaving one out cannot help when none has)."""
    before = period.previous()
    named = "、".join(
        msg("ATTACHMENT_NAMED", attachment=scheme.tables[k].attachment, table=k) for k in missing
    )
    attachments = "、".join(scheme.tables[k].attachment for k in missing)
    others = [k for k in keys if k not in missing]
    instead = (
        msg("PREV_MISSING_INSTEAD", attachment=attachments, others=",".join(others))
        if others
        else ""
    )
    return msg(
        "PREV_MISSING" if len(missing) == 1 else "PREV_MISSING_SEVERAL",
        named=named,
        attachments=attachments,
        before=before.label,
        later=period.later,
        before_word=period.before_word,
        instead=instead,
    )
