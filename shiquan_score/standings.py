"""Counts and points per unit + the previous cumulative → 本期, 上期, 累计 and competition ranks."""

from __future__ import annotations

import pandas as pd

from shiquan_score.scheme import Scheme, TableSpec
from shiquan_score.scoring import round_half_up


def count_key(j: int) -> str:
    """The standings column holding the counts of layout column j."""
    return f"count_{j}"


def standings(
    spec: TableSpec,
    scheme: Scheme,
    counts: pd.DataFrame,
    points: pd.Series,
    previous: pd.Series,
    notes: pd.Series,
) -> pd.DataFrame:
    """One row per roster unit of the table, in display order: ranked by 累计, then the rest."""
    units = scheme.units[scheme.units["table"] == spec.key].set_index("unit")
    frame = pd.DataFrame(index=units.index)
    frame["ranked"] = units["ranked"]
    frame["order"] = units["order"]
    # unit x (category, channel) once; each layout column sums the pairs it shows
    pivot = counts.pivot_table(
        index="unit_name",
        columns=["category_name", "channel_name"],
        values="count",
        aggfunc="sum",
        fill_value=0.0,
    ).reindex(frame.index, fill_value=0.0)
    found = set(pivot.columns) if len(pivot.columns) else set()
    for j, column in enumerate(spec.columns):
        if column.value != "count":
            continue
        shown = [pair for pair in column.count if pair in found]
        frame[count_key(j)] = pivot[shown].sum(axis=1) if shown else 0.0
    keys = [count_key(j) for j, c in enumerate(spec.columns) if c.value == "count"]
    frame[keys] = frame[keys].apply(round_half_up)
    frame["current"] = round_half_up(points.reindex(frame.index, fill_value=0.0))
    frame["previous"] = previous.reindex(frame.index, fill_value=0.0).astype(float)
    frame["total"] = round_half_up(frame["current"] + frame["previous"])
    ranked = frame["ranked"]
    frame["rank"] = pd.NA
    frame.loc[ranked, "rank"] = (
        frame.loc[ranked, "total"].rank(method="min", ascending=False).astype(int)
    )
    frame["note"] = notes.reindex(frame.index).fillna("")
    frame["sort_rank"] = frame["rank"].fillna(10**9)
    frame = frame.sort_values(["ranked", "sort_rank", "order"], ascending=[False, True, True])
    return frame.drop(columns="sort_rank")
