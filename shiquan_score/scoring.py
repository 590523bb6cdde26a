"""Events → points: weights joined as data, best-of-tiers dedup for research items."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from shiquan_score.scheme import Scheme
from shiquan_score.text import fmt_number

_GROUP = ["item", "unit_name", "category_name"]


def round_half_up(values: pd.Series, places: int = 2) -> pd.Series:
    """四舍五入 for display (never banker's rounding), computed over distinct values."""
    step = Decimal(1).scaleb(-places)
    # Scores are sums of small fractions: round(…, 9) removes float noise before the half-up.
    table = {
        v: float(Decimal(repr(round(float(v), 9))).quantize(step, rounding=ROUND_HALF_UP))
        for v in values.unique()
    }
    return values.map(table).astype(float)


def score(events: pd.DataFrame, scheme: Scheme) -> pd.DataFrame:
    """Join each event's weight; 3 research rows of one item at 县/市/省 → points 3 + 20."""
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
    out = out.drop(columns="_merge")
    out["awarded"] = out["points"]
    best = out[out["best_of"]]
    keep = best.sort_values("points", ascending=False, kind="stable").groupby(_GROUP).head(1).index
    out.loc[best.index.difference(keep), "awarded"] = 0.0
    out["score"] = out["awarded"] * out["share"]
    out["rule"] = _rule_text(out)
    return out


def _rule_text(out: pd.DataFrame) -> pd.Series:
    """The rule in words for the 明细 sheet, e.g. 以最高分记：省级+20，市级+10不重复计分."""
    plain = (
        out["category_name"]
        + "被“"
        + out["channel_name"]
        + "”采用计"
        + out["points"].map(fmt_number)
        + "分"
    )
    text = plain.copy()
    best = out[out["best_of"]]
    if len(best):
        tiers = best["channel_name"] + "+" + best["points"].map(fmt_number)
        kept = best["awarded"] > 0
        top = tiers[kept].groupby([best.loc[kept, c] for c in _GROUP]).first()
        rest = tiers[~kept].groupby([best.loc[~kept, c] for c in _GROUP]).agg("，".join)
        keys = pd.MultiIndex.from_frame(best[_GROUP])
        top_text = pd.Series(top.reindex(keys).to_numpy(), index=best.index)
        rest_text = pd.Series(rest.reindex(keys).to_numpy(), index=best.index)
        multi = rest_text.notna()
        text.loc[multi[multi].index] = (
            best["category_name"]
            + "同一信息多次采用，以最高分记："
            + top_text
            + "，"
            + rest_text
            + "不重复计分"
        )[multi]
    joint = out["share"] < 1
    n = (1 / out["share"]).round().astype(int).astype(str)
    text.loc[joint] = (
        text + "；" + n + "个单位联合报送，各得" + out["score"].map(fmt_number) + "分"
    )[joint]
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
