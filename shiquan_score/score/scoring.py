"""Events → points: weights joined as data, best-of-tiers dedup for research items."""

from __future__ import annotations

import numpy as np
import pandas as pd

from shiquan_score.normalise.cells import combinations
from shiquan_score.scheme.loader import Scheme
from shiquan_score.scheme.weights import Policy
from shiquan_score.score.rule_text import rule_text

# One research item of one unit: the item is its units (any order) and its title.
_GROUP = ["units_key", "title_key", "unit_name", "category_name"]
RESEARCH_COLUMNS = [
    *["where", "row", "date", "unit_name", "units_key", "title", "category_name"],
    *["channel_name", "points", "awarded"],
]


def _weighted(events: pd.DataFrame, scheme: Scheme) -> tuple[pd.DataFrame, np.ndarray]:
    """Each event with its weight's points and best_of, and the weight row it took.

    Looked up once per distinct (category, channel) pair and taken back by position: a join
    would copy every column of a million events (and match categorical keys row by row).
    """
    weights = scheme.weights
    keys = [events["category_name"], events["channel_name"]]
    if scheme.class_weights:  # a unit's class picks its weight: one more key
        keys.append(events["unit_name"])
    pair, first = combinations(keys)
    triples = zip(weights["category"], weights["channel"], weights["class"], strict=True)
    found = {key: i for i, key in enumerate(triples)}  # the scheme refuses a key given twice
    class_of = dict(zip(scheme.units["unit"], scheme.units["class"], strict=True))
    firsts = [column.iloc[first].tolist() for column in keys]
    per_pair = np.array(
        [
            # the unit's class's weight, else the weight for every class
            found.get(
                (cat, chan, class_of.get(unit[0], "") if unit else ""),
                found.get((cat, chan, ""), -1),
            )
            for cat, chan, *unit in zip(*firsts, strict=True)
        ],
        dtype=np.int64,
    )
    if (per_pair < 0).any():
        # The ledger step refuses every pair without a weight; reaching here is a bug.
        raise AssertionError("unweighted adoption reached scoring")
    row = per_pair[pair]
    out = events.reset_index(drop=True)  # no copy: only new columns are added
    for column in ("points", "best_of"):
        out[column] = weights[column].to_numpy()[row]
    return out, row


def score(
    events: pd.DataFrame, scheme: Scheme, history: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Join each event's weight; 3 research rows of one item at 县/市/省 → points 3 + 20.

    `history` holds the same year's earlier adoptions: a bonus already granted for an item
    in an earlier quarter is not granted again (城市 +10 in Q3, 省级 in Q4 → Q4 adds 10).
    """
    return score_research(events, scheme, history)[0]


def score_research(
    events: pd.DataFrame,
    scheme: Scheme,
    history: pd.DataFrame | None = None,
    granted: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """score(), where an earlier bonus is one the published tables paid: last period's
    record (`granted`: score/record.py) when there is one, else the ledger's earlier rows
    (`history`); and the research items that scored a bonus row now, with both earlier
    bonuses side by side (one row each)."""
    out, weight_row = _weighted(events, scheme)
    points = out["points"].to_numpy()
    best = np.flatnonzero(out["best_of"].to_numpy(dtype=bool))
    item = _items(out[_GROUP].iloc[best])
    keep = best[_scoring_rows(item, points[best])]
    before, ledger_prior, prior_channel = _earlier_bonus(out[_GROUP].iloc[keep], history, scheme)
    ledger_channel = np.full(len(keep), "", dtype=object)
    ledger_channel[before] = prior_channel
    record_prior, record_channel = _recorded_bonus(out.iloc[keep], granted)
    if granted is not None:  # what last period's published tables paid
        paid, paid_channel = record_prior, record_channel
    else:  # a hand-made previous table: the ledger's earlier rows are all there is
        paid, paid_channel = ledger_prior, ledger_channel
    prior = np.zeros(len(out))
    prior[keep] = paid
    awarded = points.copy()
    awarded[best] = 0.0
    awarded[keep] = np.clip(points[keep] - prior[keep], 0, None)
    out["awarded"] = awarded
    out["prior"] = prior
    out["prior_channel"] = ""
    out.loc[keep, "prior_channel"] = paid_channel
    out["top"] = False
    out.loc[keep, "top"] = True
    out["score"] = _credited(awarded, out["share"].to_numpy(), scheme.policy)
    out["rule"] = rule_text(out, scheme.weights, weight_row, best, item, scheme.policy)
    if scheme.policy.joint != "split":  # each unit counts the whole item
        out["share"] = 1.0
    research = out.iloc[keep][RESEARCH_COLUMNS].assign(
        ledger_prior=ledger_prior,
        ledger_channel=ledger_channel,
        record_prior=record_prior,
        record_channel=record_channel,
    )
    return out, research.reset_index(drop=True)


def weighted(events: pd.DataFrame, scheme: Scheme) -> pd.DataFrame:
    """Each event with its weight's points and best_of (for score/record.py)."""
    return _weighted(events, scheme)[0]


def research_items(events: pd.DataFrame, scheme: Scheme) -> pd.DataFrame:
    """Each research item's row that scores its bonus (its highest best_of points)."""
    out = weighted(events, scheme)
    best = np.flatnonzero(out["best_of"].to_numpy(dtype=bool))
    item = _items(out[_GROUP].iloc[best])
    return out.iloc[best[_scoring_rows(item, out["points"].to_numpy()[best])]]


def item_keys(frame: pd.DataFrame) -> pd.Series:
    """One research item of one unit as text: its units, title (as compared), unit, category."""
    from shiquan_score.normalise.cells import title_texts

    parts = [frame["units_key"].astype(str), title_texts(frame["title"])]
    parts += [frame["unit_name"].astype(str), frame["category_name"].astype(str)]
    # Joined in Python: str.cat over an Arrow column and object ones is several times slower.
    keys = ["\x1f".join(four) for four in zip(*(part.tolist() for part in parts), strict=True)]
    return pd.Series(keys, index=frame.index, dtype=object)


def _recorded_bonus(
    kept: pd.DataFrame, granted: pd.DataFrame | None
) -> tuple[np.ndarray, np.ndarray]:
    """For research rows scoring now, the bonus last period's record says was granted (0,
    "" when none)."""
    if granted is None or not len(granted) or not len(kept):
        return np.zeros(len(kept)), np.full(len(kept), "", dtype=object)
    # A record edited by hand may hold an item twice: its highest bonus is the one granted.
    by_key = granted.assign(key=item_keys(granted))
    by_key = by_key.sort_values("points", ascending=False, kind="stable")
    by_key = by_key.drop_duplicates("key").set_index("key")
    keys = item_keys(kept)
    points = keys.map(by_key["points"]).fillna(0.0).to_numpy(dtype=float)
    channel = keys.map(by_key["channel_name"]).fillna("").to_numpy(dtype=object)
    return points, channel


def _credited(awarded: np.ndarray, share: np.ndarray, policy: Policy) -> np.ndarray:
    """A unit's points from an adoption under the joint-item policy: split → points × 1/n;
    full → the points; fixed → joint_points for each unit of a joint item that scores
    (a deduction of a joint item is charged in full to each unit)."""
    if policy.joint == "split":
        return awarded * share
    if policy.joint == "full":
        return awarded.copy()
    return np.where((share < 1) & (awarded > 0), policy.joint_points, awarded)


def _items(keys: pd.DataFrame) -> np.ndarray:
    """Each research row's item as a number; -1 when a key is missing (no item: a groupby
    would drop the row)."""
    item, _ = combinations([keys[column] for column in _GROUP])
    return np.where(keys.isna().any(axis=1).to_numpy(), -1, item)


def _scoring_rows(item: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Which rows score for their research item (ascending indices): the item's highest
    points, the first in ledger order on a tie. A row without an item (-1) scores for none,
    as a groupby would drop it."""
    order = np.argsort(-points, kind="stable")
    ranked = item[order]
    first = ~pd.Series(ranked).duplicated().to_numpy() & (ranked >= 0)
    return np.sort(order[first])


def _earlier_bonus(
    items: pd.DataFrame, history: pd.DataFrame | None, scheme: Scheme
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For research items scoring now (`items`: their keys, one row each), the bonus each
    got in an earlier quarter: which of them had one (indices), the points (0 if none) and,
    for those that had one, its channel. Items of both are numbered together to match."""
    points = np.zeros(len(items))
    if history is None or not len(history) or not len(items):
        return np.zeros(0, dtype=np.int64), points, np.zeros(0, dtype=object)
    earlier, _ = _weighted(history, scheme)
    earlier = earlier[earlier["best_of"]]
    number = _items(pd.concat([items, earlier[_GROUP]], ignore_index=True))
    now, then = number[: len(items)], number[len(items) :]
    won = _scoring_rows(then, earlier["points"].to_numpy())
    # Per item number (the extra last one for -1): had a bonus, its points, its channel.
    had = np.zeros(number.max() + 2, dtype=bool)
    had[then[won]] = True
    bonus = np.zeros(len(had))
    bonus[then[won]] = earlier["points"].to_numpy()[won]
    channel = np.full(len(had), "", dtype=object)
    channel[then[won]] = earlier["channel_name"].to_numpy(dtype=object)[won]
    before = np.flatnonzero(had[now])
    return before, bonus[now], channel[now[before]]


def tally(scored: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """Per unit: counts per (category, channel) and the exact 本期 points before rounding."""
    counts = (
        scored.groupby(["unit_name", "category_name", "channel_name"], sort=False)["share"]
        .sum()
        .rename("count")
        .reset_index()
    )
    points = scored.groupby("unit_name", sort=False)["score"].sum()
    return counts, points
