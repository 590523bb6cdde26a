"""Repeats within a quarter: the same unit(s), title and channel twice count once."""

from __future__ import annotations

import numpy as np
import pandas as pd

from shiquan_score.messages import msg_each
from shiquan_score.normalise.cells import Cells, by_channel
from shiquan_score.normalise.problems import INFO, NOT_SCORED, PROBLEM_COLUMNS, problem_frame


def dedup(scored: pd.DataFrame, cells: Cells) -> tuple[pd.DataFrame, pd.Series, pd.DataFrame]:
    """Same unit(s), title and channel twice → count once; report every repeat."""
    events = by_channel(scored, cells)
    same = ["units_key", "title_key", "channel_name"]
    involved = events.duplicated(same, keep=False)
    if not involved.any():  # the usual case: nothing to report
        return events, pd.Series(dtype=object), pd.DataFrame(columns=PROBLEM_COLUMNS)
    # Only events with a twin need the "与第N行重复" note: a big ledger has few of them.
    twins = events[involved]
    repeat = pd.Series(False, index=events.index)
    repeat[involved] = twins.duplicated(same)
    first = twins.groupby(same, sort=False, observed=True)[["where", "row"]].transform("first")
    dup_events = events[repeat]
    first = first.loc[dup_events.index]
    first_where = first["where"].astype(str)
    origin = msg_each("ROW_HERE", row=first["row"]).where(
        first_where == dup_events["where"].astype(str),
        msg_each("ROW_THERE", where=first_where, row=first["row"]),
    )
    note = msg_each("DUPLICATE_OF", origin=origin)
    whole = repeat.groupby(events["pos"]).all()  # every event of the row repeats another
    dup_rows = note.groupby(dup_events["pos"]).first().reindex(whole[whole].index)
    level = np.where(whole[dup_events["pos"]].to_numpy(), NOT_SCORED, INFO)
    problems = problem_frame(dup_events, "", dup_events["channel_name"], level, "REPEATED", note)
    return events[~repeat], dup_rows, problems
