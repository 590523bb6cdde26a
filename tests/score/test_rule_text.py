"""The 明细 rule column: each distinct rule written once, every row sharing its text."""

from __future__ import annotations

import pandas as pd
from frames import rows

from shiquan_score.normalise.ledger import normalise
from shiquan_score.period import Period
from shiquan_score.score.scoring import score

Q4 = Period(2020, 4)


def test_one_category_per_distinct_rule_in_words(scheme):
    events = normalise(
        rows(
            ("2020-10-12", "财政局", "甲", None, "部门动态"),
            ("2020-10-13", "统计局", "乙", None, "部门动态"),
            ("2020-10-14", "财政局、统计局", "丙", None, "部门动态"),
            ("2020-10-15", "财政局", "调研", "调研信息", "市级"),
            ("2020-10-16", "财政局", "调研", "调研信息", "省级"),
        ),
        scheme,
        Q4,
    ).events
    rule = score(events, scheme)["rule"]
    assert isinstance(rule.dtype, pd.CategoricalDtype)
    best = "调研信息同一信息多次采用，以最高分记：省级+20，市级+10不重复计分"
    assert list(rule.cat.categories) == [
        "新闻动态被“部门动态”采用计0.5分",
        "新闻动态被“部门动态”采用计0.5分；2个单位联合报送，各得0.25分",
        best,
    ]
    assert rule.tolist()[-2:] == [best, best]


def test_no_events_no_rules(scheme):
    events = normalise(rows(("2020-07-12", "财政局", "甲", None, "部门动态")), scheme, Q4).events
    assert score(events, scheme)["rule"].tolist() == []
