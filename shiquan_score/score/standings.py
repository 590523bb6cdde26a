"""Counts and points per unit + the previous cumulative → 本期, 上期, 累计 and competition ranks."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd

from shiquan_score.scheme.loader import Scheme
from shiquan_score.scheme.table_specs import TableSpec
from shiquan_score.score.rounding import round_half_up, round_half_up_array


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
    # counts holds one row per unit and (category, channel): a few hundred at most, whatever
    # the ledger's size, so a plain loop is the cheapest way to sum them per layout column.
    column_of = {
        pair: j for j, c in enumerate(spec.columns) if c.value == "count" for pair in c.count
    }
    totals: dict[tuple[str, int], float] = defaultdict(float)
    for unit, category, channel, count in counts[
        ["unit_name", "category_name", "channel_name", "count"]
    ].itertuples(index=False, name=None):
        j = column_of.get((category, channel))
        if j is not None:
            totals[(unit, j)] += count
    columns = sorted(set(column_of.values()))
    grid = np.array(
        [[totals.get((unit, j), 0.0) for j in columns] for unit in frame.index], dtype=float
    ).reshape(len(frame), len(columns))
    rounded = round_half_up_array(grid)  # all columns at once: one Decimal per distinct count
    for k, j in enumerate(columns):
        frame[count_key(j)] = rounded[:, k]
    before = previous.reindex(frame.index, fill_value=0.0).astype(float)
    current, total, floored = floored_scores(
        round_half_up(points.reindex(frame.index, fill_value=0.0)), before, scheme.policy.floor
    )
    frame["current"] = current
    frame["previous"] = before
    frame["floored"] = floored  # the score before the scheme's floor stopped it at 0
    frame["total"] = total
    ranked = frame["ranked"]
    frame["rank"] = pd.NA
    # Units of a table ranked in blocks (一类/二类单位) are ranked within their block.
    block = units["class"] if spec.classes else pd.Series("", index=units.index)
    frame["block"] = block.map({c: i for i, c in enumerate(spec.classes)}).fillna(-1)
    frame.loc[ranked, "rank"] = (
        frame.loc[ranked].groupby("block")["total"].rank(method="min", ascending=False).astype(int)
    )
    frame["note"] = notes.reindex(frame.index).fillna("")
    frame["sort_rank"] = frame["rank"].fillna(10**9)
    frame = frame.sort_values(
        ["ranked", "block", "sort_rank", "order"], ascending=[False, True, True, True]
    )
    return frame.drop(columns="sort_rank")


def floored_scores(
    current: pd.Series, previous: pd.Series, floor: str | None
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """本期 (rounded) and 上期 → 本期, 累计 and `floored`, under the scheme's floor rule.

    floor "current" stops 本期 at 0, "total" stops 累计 at 0; `floored` keeps the value the
    floor replaced (NaN elsewhere) for the audit. The standings and the 上期 cross-check
    both use this, so a floored scheme's own tables agree with the ledger.
    """
    current = current.astype(float)
    floored = pd.Series(np.nan, index=current.index)
    if floor == "current":
        current, floored = _floor(current, floored)
    total = round_half_up(current + previous)
    if floor == "total":
        total, floored = _floor(total, floored)
    return current, total, floored


def _floor(values: pd.Series, floored: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Stop `values` at 0; the value it would have had goes into `floored`."""
    below = values < 0
    return values.mask(below, 0.0), floored.mask(below, values)
