"""The 明细 sheet's rule column: how each adoption was scored, in words, written once per
distinct rule (a million adoptions hold a few dozen)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from shiquan_score.messages import msg
from shiquan_score.normalise.cells import combinations
from shiquan_score.normalise.text import fmt_number
from shiquan_score.scheme.weights import Policy


def rule_text(
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
