"""Events → points: weights joined as data, best-of-tiers dedup for research items."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

from shiquan_score.messages import msg
from shiquan_score.normalise.cells import combinations
from shiquan_score.normalise.text import fmt_number
from shiquan_score.scheme.loader import Scheme
from shiquan_score.scheme.weights import Policy

# One research item of one unit: the item is its units (any order) and its title.
_GROUP = ["units_key", "title_key", "unit_name", "category_name"]
RESEARCH_COLUMNS = [
    *["where", "row", "date", "unit_name", "units_key", "title", "category_name"],
    *["channel_name", "points", "awarded"],
]


def round_half_up(values: pd.Series, places: int = 2) -> pd.Series:
    """四舍五入 for display (never banker's rounding), computed over distinct values."""
    rounded = round_half_up_array(values.to_numpy(dtype=float), places)
    return pd.Series(rounded, index=values.index)


def round_half_up_array(values: np.ndarray, places: int = 2) -> np.ndarray:
    """round_half_up() of an array of any shape: one Decimal per distinct value."""
    step = Decimal(1).scaleb(-places)
    distinct, inverse = np.unique(values, return_inverse=True)
    # Scores are sums of small fractions: round(…, 9) removes float noise before the half-up.
    rounded = np.array(
        [
            float(Decimal(repr(round(float(v), 9))).quantize(step, rounding=ROUND_HALF_UP))
            for v in distinct
        ],
        dtype=float,
    )
    return rounded[inverse].reshape(values.shape)


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
    out["rule"] = _rule_text(out, scheme.weights, weight_row, best, item, scheme.policy)
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
    return parts[0].str.cat(parts[1:], sep="\x1f")


def _recorded_bonus(
    kept: pd.DataFrame, granted: pd.DataFrame | None
) -> tuple[np.ndarray, np.ndarray]:
    """For research rows scoring now, the bonus last period's record says was granted (0,
    "" when none)."""
    if granted is None or not len(granted) or not len(kept):
        return np.zeros(len(kept)), np.full(len(kept), "", dtype=object)
    by_key = granted.assign(key=item_keys(granted)).set_index("key")
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


def _rule_text(
    out: pd.DataFrame,
    weights: pd.DataFrame,
    weight_row: np.ndarray,
    best: np.ndarray,
    item: np.ndarray,
    policy: Policy,
) -> pd.Series:
    """The rule in words for the 明细 sheet, e.g. 以最高分记：省级+20，市级+10不重复计分.

    A million adoptions hold a few dozen distinct rules: each is written once, per distinct
    (weight row, share, score, research message), and the column is a categorical of them.
    No string is built per row, and every row shares its rule's text.
    """
    if out.empty:
        return pd.Series(index=out.index, dtype=object)
    message, messages = _research_messages(out, weights, weight_row, best, item)
    combination, first = combinations([weight_row, out["share"], out["score"], message])
    texts = [
        _one_rule(*values, messages[m] if m >= 0 else None, policy.joint)
        for *values, m in zip(
            out["category_name"].iloc[first].tolist(),
            out["channel_name"].iloc[first].tolist(),
            out["points"].iloc[first].tolist(),
            out["share"].iloc[first].tolist(),
            out["score"].iloc[first].tolist(),
            message[first].tolist(),
            strict=True,
        )
    ]
    # Two combinations may read the same (one item's rows on different channels).
    codes, rules = pd.factorize(pd.Series(texts, dtype=object))
    return pd.Series(pd.Categorical.from_codes(codes[combination], rules), index=out.index)


def _one_rule(
    category: str,
    channel: str,
    points: float,
    share: float,
    score: float,
    message: str | None,
    joint: str,
) -> str:
    """One rule: the item's message, or the adoption's points (a deduction's minus points);
    then how a joint report is credited."""
    if message is not None:
        text = message
    elif points < 0:
        text = msg("RULE_DEDUCTION", category=category, channel=channel, points=fmt_number(-points))
    else:
        text = msg("RULE_ADOPTED", category=category, channel=channel, points=fmt_number(points))
    if share < 1:
        units = round(1 / share)
        if joint == "split":
            text += msg("RULE_JOINT_SPLIT", units=units, score=fmt_number(score))
        else:
            text += msg("RULE_JOINT_EACH", units=units, score=fmt_number(score))
    return text


def _research_messages(
    out: pd.DataFrame,
    weights: pd.DataFrame,
    weight_row: np.ndarray,
    best: np.ndarray,
    item: np.ndarray,
) -> tuple[np.ndarray, list[str]]:
    """Per row, the index of the message telling how its research item was scored (-1: none).

    An item gets a message when adopted more than once or already scored in an earlier
    quarter; every row of the item shows it. `best` are the research rows, `item` numbers
    their items, `weight_row` is every row's row in `weights`. Worked out in plain Python
    over the rows of such items only: they are a small part of a ledger, and their
    messages are few.
    """
    codes = np.full(len(out), -1, dtype=np.int64)
    if not len(best):
        return codes, []
    prior = out["prior"].to_numpy()
    size = np.bincount(item + 1)[item + 1]  # rows of the row's item (-1 shifted to bin 0)
    said = (size >= 2) | (prior[best] != 0)
    told, told_item = best[said], item[said]
    top: dict[int, int] = {}  # item → its row that scored (index into the lists below)
    rest: dict[int, list[int]] = {}  # item → its other rows, in ledger order
    for j, (g, kept) in enumerate(
        zip(told_item.tolist(), out["top"].to_numpy()[told].tolist(), strict=True)
    ):
        if kept:
            top[g] = j
        else:
            rest.setdefault(g, []).append(j)
    # Names and points by weight row: no text column is read per row.
    weight = weight_row[told].tolist()
    category = weights["category"].tolist()
    tier = [
        f"{c}+{fmt_number(p)}" for c, p in zip(weights["channel"], weights["points"], strict=True)
    ]
    scored_before = np.flatnonzero(prior[told])
    prior_channel = dict(
        zip(scored_before.tolist(), out["prior_channel"].iloc[told[scored_before]], strict=True)
    )
    prior, awarded = prior[told].tolist(), out["awarded"].to_numpy()[told].tolist()
    ids: dict[str, int] = {}
    item_message = np.full(item.max() + 2, -1, dtype=np.int64)  # the last one for item -1
    for g, j in top.items():
        text = msg("RESEARCH_BEST", category=category[weight[j]], tier=tier[weight[j]])
        if g in rest:
            others = "，".join(tier[weight[k]] for k in rest[g])
            text += msg("RESEARCH_OTHERS", others=others)
        if prior[j] != 0:
            text += msg(
                "RESEARCH_PRIOR",
                channel=prior_channel[j],
                prior=fmt_number(prior[j]),
                awarded=fmt_number(awarded[j]),
            )
        item_message[g] = ids.setdefault(text, len(ids))
    codes[best] = item_message[item]
    return codes, list(ids)


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
