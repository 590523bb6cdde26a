"""previous_totals: last period's tables → 上期 累计 per table made, with what was used or
ignored said, and a missing or doubled table refused."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from shiquan_score.errors import InputError
from shiquan_score.period import Period
from shiquan_score.previous.table import PreviousTable
from shiquan_score.previous.totals import previous_totals

Q3, Q4, Q1 = Period(2020, 3), Period(2020, 4), Period(2021, 1)


def table(key: str, quarter: int | None = 3, where: str = "上期.xlsx（附件）", **totals):
    series = pd.Series(totals or {"城关镇": 12.5}, dtype=float)
    return PreviousTable(key, where, 2020, quarter, series)


def test_each_table_made_takes_its_previous_total(scheme):
    towns = table("镇", where="镇.xlsx（附件1）", 城关镇=12.5, 饶峰镇=3.0)
    depts = table("部门", where="部门.xlsx（附件2）", 政府办=20.0)
    totals, notices = previous_totals([towns, depts], scheme, Q4)
    assert set(totals) == {"镇", "部门"}
    assert totals["镇"].to_dict() == {"城关镇": 12.5, "饶峰镇": 3.0}
    assert totals["部门"].to_dict() == {"政府办": 20.0}
    assert notices == [
        "附件1上期累计取自：镇.xlsx（附件1）",
        "附件2上期累计取自：部门.xlsx（附件2）",
    ]


def test_merged_units_are_said_before_the_table_used(scheme):
    towns = table("镇", where="镇.xlsx")
    towns.merged = ["上期表 镇.xlsx 第5行……上期累计相加"]
    _, notices = previous_totals([towns], scheme, Q4, keys=["镇"])
    assert notices == ["上期表 镇.xlsx 第5行……上期累计相加", "附件1上期累计取自：镇.xlsx"]


def test_a_table_not_made_is_ignored_and_said(scheme):
    towns, depts = table("镇", where="镇.xlsx"), table("部门", where="部门.xlsx")
    totals, notices = previous_totals([towns, depts], scheme, Q4, keys=["部门"])
    assert list(totals) == ["部门"]
    assert notices == [
        "已忽略上期表 镇.xlsx：本次不生成附件1（镇）",
        "附件2上期累计取自：部门.xlsx",
    ]


def test_the_first_quarter_starts_from_zero_and_ignores_last_years_tables(scheme):
    q4_table = table("镇", quarter=4, where="去年.xlsx")
    totals, notices = previous_totals([q4_table], scheme, Q1)
    assert set(totals) == {"镇", "部门"}
    assert all(t.empty and t.dtype == float for t in totals.values())
    assert notices == ["本期是一季度，累计从0开始，已忽略上期表 去年.xlsx"]


def test_a_missing_table_is_refused_naming_the_way_out(scheme):
    with pytest.raises(InputError) as exc:
        previous_totals([table("镇")], scheme, Q4)
    assert str(exc.value) == (
        "收件箱里没有附件2（部门）的上期表（2020年7-9月）。二至四季度需要上期累计分："
        "请把上季度发布的附件2放入收件箱；如果本单位不发附件2，请用 --tables 镇 只生成其余的表"
    )


def test_a_missing_table_when_it_is_the_only_one_made(scheme):
    with pytest.raises(InputError) as exc:
        previous_totals([], scheme, Q4, keys=["部门"])
    assert str(exc.value) == (
        "收件箱里没有附件2（部门）的上期表（2020年7-9月）。二至四季度需要上期累计分："
        "请把上季度发布的附件2放入收件箱"
    )


def test_two_tables_for_one_attachment_are_refused(scheme):
    first, second = table("镇", where="甲.xlsx"), table("镇", where="乙.xlsx")
    with pytest.raises(InputError) as exc:
        previous_totals([first, second, table("部门")], scheme, Q4)
    assert str(exc.value) == "收件箱里有两份附件1的上期表：甲.xlsx 和 乙.xlsx，请只保留一份"


def test_a_table_of_the_wrong_quarter_is_refused(scheme):
    with pytest.raises(InputError) as exc:
        previous_totals([table("镇", quarter=2, where="旧.xlsx"), table("部门")], scheme, Q4)
    assert str(exc.value) == (
        "上期表 旧.xlsx 是2020年4-6月的，本期是2020年10-12月，应放入2020年7-9月的附件1"
        "（隔期会漏算分数）"
    )


def test_the_previous_quarters_own_period_has_its_own_previous(scheme):
    totals, _ = previous_totals([table("镇", quarter=2), table("部门", quarter=2)], scheme, Q3)
    assert set(totals) == {"镇", "部门"}


@given(
    st.dictionaries(
        st.sampled_from(["城关镇", "饶峰镇", "两河镇", "迎丰镇"]),
        st.floats(min_value=0, max_value=1e6, allow_nan=False),
        min_size=1,
    )
)
def test_totals_are_passed_on_unchanged(scheme, values):
    towns = PreviousTable("镇", "镇.xlsx", 2020, 3, pd.Series(values, dtype=float))
    totals, _ = previous_totals([towns], scheme, Q4, keys=["镇"])
    pd.testing.assert_series_equal(totals["镇"], pd.Series(values, dtype=float))
