"""score/standings: counts into layout columns, 本期 + 上期 = 累计, competition ranks, order."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd

from shiquan_score.score.standings import count_key, standings


def _counts(rows):
    return pd.DataFrame(rows, columns=["unit_name", "category_name", "channel_name", "count"])


def test_standings_of_the_departments(scheme):
    spec = scheme.tables["部门"]
    counts = _counts(
        [
            ("财政局", "新闻动态", "部门动态", 2.0),
            ("财政局", "新闻动态", "部门动态", 0.5),  # a joint item's share adds up
            ("审计局", "政务动态", "省级", 1.0),
            ("统计局", "新闻动态", "聚焦石泉", 1 / 3),
            ("县委办公室", "新闻动态", "部门动态", 4.0),  # not ranked: counts shown all the same
        ]
    )
    points = pd.Series({"财政局": 1.25, "审计局": 10.0, "统计局": 1 / 6, "县委办公室": 2.0})
    previous = pd.Series({"财政局": 8.75, "统计局": 10.0, "水利局": 3.0})
    notes = pd.Series({"审计局": "省市暂未反馈"})
    frame = standings(spec, scheme, counts, points, previous, notes)

    units = scheme.units[scheme.units["table"] == "部门"]
    assert sorted(frame.index) == sorted(units["unit"])  # every roster unit, once
    # 累计: 财政局 1.25 + 8.75 = 10, 审计局 10, 统计局 0.17 + 10 = 10.17, 水利局 3
    current = round(Fraction(1, 6), 2)  # the printed 本期; 累计 adds the printed figures
    assert float(current + 10) == 10.17
    assert {u: frame.loc[u, "total"] for u in ["统计局", "财政局", "审计局", "水利局"]} == {
        "统计局": 10.17,
        "财政局": 10.0,
        "审计局": 10.0,
        "水利局": 3.0,
    }
    # Ties share a rank and the next rank skips; within a tie the roster's order.
    ranked = frame[frame["ranked"]]
    assert ranked.index.tolist()[:4] == [
        "统计局",
        "财政局",
        "审计局",
        "水利局",
    ]  # 财政局 first in the roster
    assert ranked["rank"].tolist()[:4] == [1, 2, 2, 4]
    zero = ranked.iloc[4:]
    assert set(zero["total"]) == {0.0} and set(zero["rank"]) == {5}
    assert zero.index.tolist() == [u for u in units["unit"] if u in zero.index]  # roster order
    # The units outside the ranking come last, in the roster's order, without a rank.
    unranked = units.loc[~units["ranked"], "unit"].tolist()
    assert frame.index.tolist()[-len(unranked) :] == unranked
    assert frame.loc[unranked, "rank"].isna().all()
    # Counts land in their layout column, rounded for display (四舍五入).
    j = {c.count[0]: j for j, c in enumerate(spec.columns) if c.value == "count"}
    assert frame.loc["财政局", count_key(j[("新闻动态", "部门动态")])] == 2.5
    assert frame.loc["统计局", count_key(j[("新闻动态", "聚焦石泉")])] == 0.33
    assert frame.loc["审计局", count_key(j[("政务动态", "省级")])] == 1.0
    assert frame.loc["县委办公室", count_key(j[("新闻动态", "部门动态")])] == 4.0
    assert frame.loc["统计局", "current"] == 0.17
    assert frame.loc["水利局", "previous"] == 3.0
    assert frame.loc["审计局", "note"] == "省市暂未反馈"
    assert frame.loc["财政局", "note"] == ""


def test_count_key():
    assert [count_key(j) for j in (0, 7)] == ["count_0", "count_7"]
