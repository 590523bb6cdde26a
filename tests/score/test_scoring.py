"""Points: weights as data, research best-of-tiers, joint splits, half-up rounding."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest
from frames import TEXT_COLUMNS, rows

from shiquan_score.normalise.ledger import normalise
from shiquan_score.period import Period
from shiquan_score.score.scoring import score, tally

Q4 = Period(2020, 4)


def scored(scheme, *items):
    return score(normalise(rows(*items), scheme, Q4).events, scheme)


def points_by_unit(frame: pd.DataFrame) -> dict[str, float]:
    return tally(frame)[1].to_dict()


def test_news_weights(scheme):
    out = scored(scheme, ("2020-10-12", "财政局", "a", None, "部门动态、聚焦石泉、市政府网站"))
    assert out["awarded"].tolist() == [0.5, 0.5, 1.0]
    assert points_by_unit(out) == {"财政局": 2.0}


def test_government_dynamics_add_up_across_levels(scheme):
    out = scored(scheme, ("2020-10-12", "财政局", "a", "政务动态", "市级、省级、国家级"))
    assert points_by_unit(out) == {"财政局": 35.0}


def test_research_county_city_province_is_3_plus_20(scheme):
    out = scored(
        scheme,
        ("2020-10-12", "财政局", "调研报告", "调研信息", "县政府网站政务信息"),
        ("2020-10-20", "财政局", "调研报告", "调研信息", "市级"),
        ("2020-11-02", "县财政局", "调研报告", "调研", "省级"),
    )
    assert out["awarded"].tolist() == [3.0, 0.0, 20.0]
    assert points_by_unit(out) == {"财政局": 23.0}
    assert out["rule"].tolist() == [
        "调研信息被“县政府网站政务信息”采用计3分",
        "调研信息同一信息多次采用，以最高分记：省级+20，市级+10不重复计分",
        "调研信息同一信息多次采用，以最高分记：省级+20，市级+10不重复计分",
    ]


def test_research_state_council_adoption(scheme):
    out = scored(
        scheme,
        ("2020-10-12", "财政局", "调研", "调研信息", "县政府网站政务信息、省级、国务院办公厅"),
    )
    assert points_by_unit(out) == {"财政局": 33.0}
    tallied = tally(out)[0]
    assert tallied["channel_name"].tolist() == ["县政府网站政务信息", "省级", "国家级"]
    assert tallied["count"].tolist() == [1.0, 1.0, 1.0]  # counts show every adoption


def test_research_items_are_told_apart_by_title_and_units(scheme):
    out = scored(
        scheme,
        ("2020-10-12", "财政局", "调研一", "调研信息", "市级"),
        ("2020-10-12", "财政局", "调研二", "调研信息", "省级"),
        ("2020-10-12", "审计局", "调研一", "调研信息", "省级"),
    )
    assert points_by_unit(out) == {"财政局": 30.0, "审计局": 20.0}


def test_joint_research_item_splits_after_the_dedup(scheme):
    out = scored(
        scheme,
        ("2020-10-12", "财政局、审计局", "联合调研", "调研信息", "市级"),
        ("2020-10-15", "财政局、审计局", "联合调研", "调研信息", "省级"),
    )
    assert points_by_unit(out) == {"财政局": 10.0, "审计局": 10.0}


def test_joint_item_of_three_units_points(scheme):
    out = scored(scheme, ("2020-10-12", "财政局、审计局、统计局", "三家", "政务动态", "市级"))
    assert sum(points_by_unit(out).values()) == pytest.approx(5.0)
    assert out["rule"].iloc[0] == "政务动态被“市级”采用计5分；3个单位联合报送，各得1.67分"


def test_bonus_granted_in_an_earlier_quarter_is_not_granted_again(scheme):
    ledger = normalise(
        rows(
            ("2020-08-12", "财政局", "调研报告", "调研信息", "县政府网站政务信息、市级"),
            ("2020-11-02", "财政局", "调研报告", "调研信息", "省级"),
            ("2020-11-03", "审计局", "另一篇", "调研信息", "市级"),
            ("2020-08-03", "审计局", "另一篇", "调研信息", "省级"),
            ("2019-08-03", "统计局", "去年的", "调研信息", "省级"),
            ("2020-11-03", "统计局", "去年的", "调研信息", "省级"),
        ),
        scheme,
        Q4,
    )
    out = score(ledger.events, scheme, ledger.history)
    # Q3 gave 3 + 10; Q4's 省级 adds only the difference: the item ends at 3 + 20 for the year.
    assert points_by_unit(out) == {"财政局": 10.0, "审计局": 0.0, "统计局": 20.0}
    assert out["rule"].tolist()[:2] == [
        "调研信息同一信息多次采用，以最高分记：省级+20；此前各期已计市级+10，本期计10分",
        "调研信息同一信息多次采用，以最高分记：市级+10；此前各期已计省级+20，本期计0分",
    ]


def test_research_item_title_quotes_do_not_pay_the_bonus_twice(scheme):
    out = scored(
        scheme,
        ("2020-10-12", "财政局", "关于产业发展的调研", "调研信息", "县政府网站政务信息、市级"),
        ("2020-11-12", "财政局", "《关于产业发展的调研》", "调研信息", "省级"),
    )
    assert points_by_unit(out) == {"财政局": 23.0}


# The ledger may hand over its text columns as categoricals or Arrow strings, not only str.
@pytest.mark.parametrize(
    "dtype", ["category", "object", "str", pd.ArrowDtype(pa.string())], ids=str
)
def test_text_columns_of_any_dtype_score_alike(scheme, dtype):
    ledger = normalise(
        rows(
            ("2020-08-12", "财政局", "调研报告", "调研信息", "县政府网站政务信息、市级"),
            ("2020-11-02", "财政局", "调研报告", "调研信息", "省级、市级"),
            ("2020-11-03", "财政局、审计局", "联合调研", "调研信息", "市级、省级"),
            ("2020-11-04", "财政局、审计局、统计局", "三家", "政务动态", "市级"),
            ("2020-11-05", "统计局", "一条", None, "部门动态、市政府网站"),
        ),
        scheme,
        Q4,
    )

    def cast(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.astype({c: dtype for c in TEXT_COLUMNS if c in frame.columns})

    expected = score(ledger.events, scheme, ledger.history)
    out = score(cast(ledger.events), scheme, cast(ledger.history))
    assert list(out.columns) == list(expected.columns)
    for column in ["rule", "points", "awarded", "prior", "prior_channel", "top", "score"]:
        assert out[column].tolist() == expected[column].tolist(), column
    assert points_by_unit(out) == points_by_unit(expected)
    assert out["rule"].tolist()[:2] == [
        "调研信息同一信息多次采用，以最高分记：省级+20，市级+10不重复计分；此前各期已计市级+10，本期计10分",
        "调研信息同一信息多次采用，以最高分记：省级+20，市级+10不重复计分；此前各期已计市级+10，本期计10分",
    ]
