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
    # A row's events differ in channel: only an event whose title is on another scored row
    # too can repeat one. The few such events are compared, by the number of their units'
    # text (per unit cell), title and channel.
    title = events["title_key"].to_numpy()
    rows_of = np.bincount(scored["title_key"].to_numpy(), minlength=title.max(initial=-1) + 1)
    shared = rows_of[title] > 1
    units = pd.factorize(cells.units["units_key"])[0][events["unit_cell"].to_numpy()[shared]]
    keys = events.loc[shared, ["title_key", "channel_name"]].assign(units=units)
    involved = pd.Series(False, index=events.index)
    involved[shared] = keys.duplicated(keep=False).to_numpy()
    if not involved.any():  # the usual case: nothing to report
        return events, pd.Series(dtype=object), pd.DataFrame(columns=PROBLEM_COLUMNS)
    # Only events with a twin need the "与第N行重复" note: a big ledger has few of them.
    twins = events[involved]
    repeat = pd.Series(False, index=events.index)
    repeat[involved] = keys[involved[shared].to_numpy()].duplicated().to_numpy()
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
