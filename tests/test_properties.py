"""Invariants over generated ledgers (hypothesis): nothing dropped, nothing doubled."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from shiquan_score.normalise.ledger import DUP, OUT, PROBLEM, SCORED, normalise
from shiquan_score.period import Period
from shiquan_score.score.scoring import score, tally
from shiquan_score.score.standings import standings

Q4 = Period(2020, 4)
UNITS = ["财政局", "县审计局", "石泉县统计局", "城关镇", "县委办公室", "不存在局"]
TOWN_UNITS = {"城关镇"}
TITLES = ["甲", "乙", "丙"]
NEWS = {"部门动态": 0.5, "聚焦石泉": 0.5, "市政府网站": 1.0}
TOWN_NEWS = {"各镇快讯": 0.5, "聚焦石泉": 0.5, "市政府网站": 1.0}
DYNAMIC = {"市级": 5.0, "省级": 10.0, "国家级": 20.0}
RESEARCH = {"县政府网站政务信息": 3.0, "市级": 10.0, "省级": 20.0, "国家级": 30.0}
CATEGORY = {"新闻动态": NEWS, "政务动态": DYNAMIC, "调研信息": RESEARCH}
WEIGHT = {"新闻动态": NEWS | TOWN_NEWS, "政务动态": DYNAMIC, "调研信息": RESEARCH}
DAYS = [
    dt.date(2020, 8, 15),
    dt.date(2020, 9, 30),
    dt.date(2020, 10, 1),
    dt.date(2020, 11, 15),
    dt.date(2020, 12, 31),
    dt.date(2021, 1, 1),
    dt.date(2019, 12, 31),
]
CANONICAL = {"县审计局": "审计局", "石泉县统计局": "统计局"}


@st.composite
def ledger_item(draw):
    units = draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=3, unique=True))
    units = draw(st.permutations(units))  # the same joint item, written in any order
    category = draw(st.sampled_from(list(CATEGORY)))
    table = CATEGORY[category]
    if category == "新闻动态" and any(u in TOWN_UNITS for u in units):
        table = TOWN_NEWS if all(u in TOWN_UNITS for u in units) else {"聚焦石泉": 0.5}
    channels = draw(st.lists(st.sampled_from(list(table)), min_size=1, max_size=3, unique=True))
    # period edges and the same year's earlier quarter matter most
    day = draw(st.sampled_from(DAYS) | st.dates(dt.date(2019, 12, 1), dt.date(2021, 1, 31)))
    title = draw(st.sampled_from(TITLES))
    return (day.isoformat(), "、".join(units), title, category, "、".join(channels))


def frame(items) -> pd.DataFrame:
    out = pd.DataFrame(items, columns=["date", "unit", "title", "category", "channel"])
    out.insert(0, "row", range(2, 2 + len(out)))
    out.insert(0, "where", "台账.xlsx")
    out["remark"] = None
    out["lead"] = None
    out["hidden"] = False
    return out


def expected_points(items) -> float:
    """An independent oracle: first occurrence of each adoption; research 3 + best bonus."""
    seen, research = set(), {}
    for day, units, title, category, channels in items:
        # bonuses already granted earlier in the same year count against this quarter's
        names = units.split("、")
        earlier = dt.date(Q4.year, 1, 1) <= dt.date.fromisoformat(day) < Q4.start
        if category != "调研信息" or "不存在局" in names or not earlier:
            continue
        item = (frozenset(CANONICAL.get(u, u) for u in names), title)
        for channel in channels.split("、"):
            if channel != "县政府网站政务信息":
                research[item] = max(research.get(item, 0.0), RESEARCH[channel])
    total = 0.0
    for day, units, title, category, channels in items:
        names = units.split("、")
        if "不存在局" in names or not Q4.start <= dt.date.fromisoformat(day) <= Q4.end:
            continue
        key_units = frozenset(CANONICAL.get(u, u) for u in names)
        for channel in channels.split("、"):
            if (key_units, title, channel) in seen:
                continue
            seen.add((key_units, title, channel))
            points = WEIGHT[category][channel]
            if category == "调研信息" and channel != "县政府网站政务信息":
                item = (key_units, title)
                best = research.get(item, 0.0)
                total += max(points - best, 0.0)
                research[item] = max(best, points)
            else:
                total += points
    return total


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(ledger_item(), min_size=1, max_size=25))
@example(
    [
        ("2020-08-12", "财政局", "甲", "调研信息", "市级"),
        ("2020-11-01", "财政局", "甲", "调研信息", "省级"),
    ]
)
def test_invariants(scheme, items):
    ledger = normalise(frame(items), scheme, Q4)
    # every row ends in exactly one place
    status = ledger.rows["status"]
    assert status.isin([SCORED, OUT, DUP, PROBLEM]).all()
    assert len(ledger.rows) == len(items)
    assert (status == PROBLEM).sum() == sum(
        1
        for d, u, *_ in items
        if "不存在局" in u.split("、") and Q4.start <= dt.date.fromisoformat(d) <= Q4.end
    )
    scored = score(ledger.events, scheme, ledger.history)
    # points conserved through joint splits and research dedup
    assert scored["score"].sum() == pytest.approx(expected_points(items))
    # shares of one adoption add up to one
    per_adoption = scored.groupby(["row", "channel_name"])["share"].sum()
    assert per_adoption.round(9).eq(1.0).all()
    counts, points = tally(scored)
    previous = pd.Series({"财政局": 2.5, "审计局": 0.25})
    for spec in scheme.tables.values():
        table = standings(spec, scheme, counts, points, previous, pd.Series(dtype=object))
        # 累计 = 本期 + 上期
        assert (table["total"] - table["current"] - table["previous"]).abs().max() < 1e-9
        ranked = table[table["ranked"]]
        # a valid competition ranking: 1 + the number of units strictly ahead
        for total, rank in zip(ranked["total"], ranked["rank"], strict=True):
            assert rank == 1 + (ranked["total"] > total).sum()
        assert ranked["total"].is_monotonic_decreasing
