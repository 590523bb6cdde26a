"""Events → points: weights joined as data, best-of-tiers dedup for research items."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from shiquan_score.scheme import Scheme
from shiquan_score.text import fmt_number

# One research item of one unit: the item is its units (any order) and its title.
_GROUP = ["units_key", "title_key", "unit_name", "category_name"]


def round_half_up(values: pd.Series, places: int = 2) -> pd.Series:
    """四舍五入 for display (never banker's rounding), computed over distinct values."""
    step = Decimal(1).scaleb(-places)
    # Scores are sums of small fractions: round(…, 9) removes float noise before the half-up.
    table = {
        v: float(Decimal(repr(round(float(v), 9))).quantize(step, rounding=ROUND_HALF_UP))
        for v in values.unique()
    }
    return values.map(table).astype(float)


def _weighted(events: pd.DataFrame, scheme: Scheme) -> pd.DataFrame:
    weights = scheme.weights.rename(
        columns={"category": "category_name", "channel": "channel_name"}
    )
    out = events.merge(
        weights,
        on=["category_name", "channel_name"],
        how="left",
        validate="many_to_one",
        indicator=True,
    )
    if (out["_merge"] != "both").any():
        # The ledger step refuses every pair without a weight; reaching here is a bug.
        raise AssertionError("unweighted adoption reached scoring")
    return out.drop(columns="_merge")


def score(
    events: pd.DataFrame, scheme: Scheme, history: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Join each event's weight; 3 research rows of one item at 县/市/省 → points 3 + 20.

    `history` holds the same year's earlier adoptions: a bonus already granted for an item
    in an earlier quarter is not granted again (城市 +10 in Q3, 省级 in Q4 → Q4 adds 10).
    """
    out = _weighted(events, scheme)
    out["awarded"] = out["points"]
    out["prior"] = 0.0
    out["prior_channel"] = ""
    best = out[out["best_of"]]
    keep = best.sort_values("points", ascending=False, kind="stable").groupby(_GROUP).head(1).index
    out.loc[best.index.difference(keep), "awarded"] = 0.0
    out["top"] = out.index.isin(keep)
    if history is not None and len(history) and len(keep):
        earlier = _weighted(history, scheme)
        earlier = earlier[earlier["best_of"]].sort_values("points", ascending=False, kind="stable")
        top = earlier.groupby(_GROUP).head(1).set_index(_GROUP)
        keys = pd.MultiIndex.from_frame(out.loc[keep, _GROUP])
        out.loc[keep, "prior"] = top["points"].reindex(keys).fillna(0.0).to_numpy()
        out.loc[keep, "prior_channel"] = top["channel_name"].reindex(keys).fillna("").to_numpy()
        out.loc[keep, "awarded"] = (out.loc[keep, "points"] - out.loc[keep, "prior"]).clip(lower=0)
    out["score"] = out["awarded"] * out["share"]
    out["rule"] = _rule_text(out)
    return out


def _rule_text(out: pd.DataFrame) -> pd.Series:
    """The rule in words for the 明细 sheet, e.g. 以最高分记：省级+20，市级+10不重复计分.

    Built column-wise: per research item one message, then mapped onto its events.
    """
    if out.empty:
        return pd.Series(index=out.index, dtype=object)
    numbers = pd.unique(out[["points", "prior", "awarded", "score"]].to_numpy().ravel())
    fmt = {v: fmt_number(v) for v in numbers}
    text = (
        out["category_name"]
        + "被“"
        + out["channel_name"]
        + "”采用计"
        + out["points"].map(fmt)
        + "分"
    ).astype(object)
    best = out[out["best_of"]]
    if len(best):
        group = best.groupby(_GROUP, sort=False).ngroup()
        size = group.value_counts()
        tiers = best["channel_name"] + "+" + best["points"].map(fmt)
        kept = best["top"].to_numpy()
        top = best[kept].set_index(group[kept].to_numpy())
        rest = tiers[~kept].groupby(group[~kept]).agg("，".join).reindex(top.index)
        say = top[(size.reindex(top.index) >= 2) | (top["prior"] != 0)]
        rest = rest.reindex(say.index)
        message = (
            say["category_name"]
            + "同一信息多次采用，以最高分记："
            + tiers[kept].set_axis(group[kept].to_numpy()).reindex(say.index)
        ).astype(object)
        has_rest = rest.notna()
        message[has_rest] = message[has_rest] + "，" + rest[has_rest] + "不重复计分"
        prior = say["prior"] != 0
        message[prior] = (
            message[prior]
            + "；此前各期已计"
            + say.loc[prior, "prior_channel"]
            + "+"
            + say.loc[prior, "prior"].map(fmt)
            + "，本期计"
            + say.loc[prior, "awarded"].map(fmt)
            + "分"
        )
        mapped = group.map(message)
        has = mapped.notna()
        text.loc[mapped.index[has]] = mapped[has].to_numpy()
    joint = out["share"] < 1
    if joint.any():
        n = (1 / out.loc[joint, "share"]).round().astype(int).astype(str)
        text.loc[joint] = (
            text[joint]
            + "；"
            + n
            + "个单位联合报送，各得"
            + out.loc[joint, "score"].map(fmt)
            + "分"
        ).astype(object)
    return text


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
