"""Ledger rows → events, statuses and problems (table literals, no files)."""

from __future__ import annotations

import pytest
from frames import rows

from shiquan_score.normalise.ledger import (
    DUP,
    ERROR,
    INFO,
    NOT_SCORED,
    OUT,
    PROBLEM,
    SCORED,
    normalise,
)
from shiquan_score.period import Period

Q4 = Period(2020, 4)


def test_one_row_several_channels_gives_one_adoption_each(scheme):
    ledger = normalise(
        rows(("2020-10-12", "财政局", "标题一", None, "部门动态、市政府网站")), scheme, Q4
    )
    assert ledger.events[
        ["unit_name", "category_name", "channel_name", "share"]
    ].to_numpy().tolist() == [
        ["财政局", "新闻动态", "部门动态", 1.0],
        ["财政局", "新闻动态", "市政府网站", 1.0],
    ]
    assert ledger.rows["status"].tolist() == [SCORED]


@pytest.mark.parametrize(
    "written",
    ["石泉县财政局", "县财政局", " 财政局 ", "财\u3000政局", "“财政局”", "《财政局》"],
)
def test_unit_spellings(scheme, written):
    ledger = normalise(rows(("2020-10-12", written, "标题", "新闻", "部门动态")), scheme, Q4)
    assert ledger.events["unit_name"].tolist() == ["财政局"]


def test_full_names_and_half_width_brackets(scheme):
    ledger = normalise(
        rows(
            ("2020-10-12", "石泉县教育体育和科技局", "甲", None, "部门动态"),
            ("2020-10-12", "公安局(交警大队)", "乙", None, "部门动态"),
            ("2020-10-12", "县政府办", "丙", None, "部门动态"),
            ("2020-10-12", "安康市生态环境局石泉分局", "丁", None, "部门动态"),
        ),
        scheme,
        Q4,
    )
    assert ledger.events["unit_name"].tolist() == [
        "教体科技局",
        "公安局（交警大队）",
        "政府办",
        "生态环境分局",
    ]


@pytest.mark.parametrize(
    "cell", ["财政局、审计局", "财政局，审计局", "财政局/审计局", "财政局;审计局"]
)
def test_joint_item_of_two_units_splits_count_and_points(scheme, cell):
    ledger = normalise(rows(("2020-10-12", cell, "联合", None, "聚焦石泉")), scheme, Q4)
    assert ledger.events[["unit_name", "share"]].to_numpy().tolist() == [
        ["财政局", 0.5],
        ["审计局", 0.5],
    ]


def test_joint_item_of_three_units(scheme):
    ledger = normalise(
        rows(("2020-10-12", "财政局、审计局、统计局", "三家", None, "市政府网站")), scheme, Q4
    )
    assert ledger.events["share"].tolist() == pytest.approx([1 / 3] * 3)


def test_exact_duplicate_counted_once_and_reported(scheme):
    ledger = normalise(
        rows(
            ("2020-10-12", "财政局", "同一条", None, "部门动态"),
            ("2020-10-13", "县财政局", "同一条 ", "新闻", "部门动态"),
        ),
        scheme,
        Q4,
    )
    assert ledger.rows["status"].tolist() == [SCORED, DUP]
    assert len(ledger.events) == 1
    dup = ledger.problems[ledger.problems["code"] == "REPEATED"]
    assert dup[["row", "level", "message"]].to_numpy().tolist() == [
        [5, NOT_SCORED, "与第4行重复（单位、标题、渠道相同），只计一次"]
    ]


def test_partial_duplicate_keeps_the_new_channel(scheme):
    ledger = normalise(
        rows(
            ("2020-10-12", "财政局", "一条", None, "部门动态"),
            ("2020-10-12", "财政局", "一条", None, "部门动态、市政府网站"),
        ),
        scheme,
        Q4,
    )
    assert ledger.rows["status"].tolist() == [SCORED, SCORED]
    assert ledger.events["channel_name"].tolist() == ["部门动态", "市政府网站"]
    assert ledger.problems[["row", "level", "code"]].to_numpy().tolist() == [[5, INFO, "REPEATED"]]


def test_rows_outside_the_period(scheme):
    ledger = normalise(
        rows(
            ("2020-09-30", "财政局", "九月", None, "部门动态"),
            ("2020-10-01", "财政局", "十月", None, "部门动态"),
            ("2021-01-01", "财政局", "明年", None, "部门动态"),
        ),
        scheme,
        Q4,
    )
    assert ledger.rows["status"].tolist() == [OUT, SCORED, OUT]
    out = ledger.problems[ledger.problems["code"] == "OUT_OF_PERIOD"]
    assert out[["row", "value", "message"]].to_numpy().tolist() == [
        [4, "2020-09-30", "不在本期（2020年10-12月）"],
        [6, "2021-01-01", "不在本期（2020年10-12月）"],
    ]


def test_runs_of_out_of_period_rows_are_one_line(scheme):
    ledger = normalise(
        rows(*[("2020-09-30", "财政局", f"{i}", None, "部门动态") for i in range(5)]), scheme, Q4
    )
    assert ledger.rows["status"].tolist() == [OUT] * 5
    assert ledger.problems["message"].tolist() == ["不在本期（2020年10-12月）：第4行至第8行，共5行"]


def test_out_of_period_rows_are_not_checked_further(scheme):
    ledger = normalise(rows(("2020-09-30", "不存在的局", "九月", None, "部门动态")), scheme, Q4)
    assert ledger.rows["status"].tolist() == [OUT]
    assert (ledger.problems["level"] != ERROR).all()


@pytest.mark.parametrize(
    "written",
    [
        "2020-10-12",
        "2020.10.12",
        "2020/10/12",
        "2020年10月12日",
        "2020-10-12 00:00:00",
        "44116",
        "２０２０．１０．１２",
    ],
)
def test_date_forms(scheme, written):
    ledger = normalise(rows((written, "财政局", "标题", None, "部门动态")), scheme, Q4)
    assert ledger.events["date"].astype(str).tolist() == ["2020-10-12"]


def test_category_implied_by_news_channel_but_not_by_city(scheme):
    ledger = normalise(rows(("2020-10-12", "财政局", "标题", None, "市级")), scheme, Q4)
    assert ledger.rows["status"].tolist() == [PROBLEM]
    assert ledger.problems["message"].tolist() == [
        "类别为空，渠道“市级”不能说明是哪一类信息，请在台账中填写类别"
    ]


def test_category_and_channel_aliases(scheme):
    ledger = normalise(
        rows(
            ("2020-10-12", "财政局", "甲", "政务信息（动态）", "市政务信息专报、省政府办公厅"),
            ("2020-10-12", "财政局", "乙", "调研类", "县政府网站“政务信息”栏目"),
            ("2020-10-12", "财政局", "丙", "动态信息", "国办"),
        ),
        scheme,
        Q4,
    )
    assert ledger.events[["category_name", "channel_name"]].to_numpy().tolist() == [
        ["政务动态", "市级"],
        ["政务动态", "省级"],
        ["调研信息", "县政府网站政务信息"],
        ["政务动态", "国家级"],
    ]


PROBLEM_CASES = [
    (
        ("2020-10-12", "教体局", "t", None, "部门动态"),
        "报送单位",
        "教体局",
        "单位“教体局”不在单位名单中，最接近的是：教体科技局。请改正台账，或在 roster.toml 中为该单位加入别名",
    ),
    (
        ("2020-10-12", "火星局", "t", None, "部门动态"),
        "报送单位",
        "火星局",
        "单位“火星局”不在单位名单中，也没有相近的名称。请改正台账，或在 roster.toml 中为该单位加入别名",
    ),
    (("2020-10-12", "", "t", None, "部门动态"), "报送单位", "", "单位为空，请补上报送单位"),
    (
        ("2020-10-12", "/", "t", None, "部门动态"),
        "报送单位",
        "/",
        "单位“/”里没有单位名称，请补上报送单位",
    ),
    (
        ("2020-10-12", "财政局", "t", "新闻", "、"),
        "采用渠道",
        "、",
        "采用渠道“、”里没有渠道名称，请补上采用渠道",
    ),
    (
        ("2020-10-12", "财政局", "t", None, "微信公众号"),
        "采用渠道",
        "微信公众号",
        "采用渠道“微信公众号”无法识别。可用的渠道有：部门动态、各镇快讯、聚焦石泉、市政府网站、县政府网站政务信息、"
        "市级、省级、国家级。请改正台账，或在 rules.toml 的 [[channel]] 中加入别名",
    ),
    (
        ("2020-10-12", "财政局", "t", "其他", "部门动态"),
        "信息类别",
        "其他",
        "类别“其他”无法识别。可用的类别有：新闻动态、政务动态、调研信息。请改正台账，或在 rules.toml 的 [[category]] 中加入别名",
    ),
    (
        ("2020-10-12", "财政局", "t", "新闻", "省级"),
        "采用渠道",
        "省级",
        "类别“新闻动态”没有“省级”这一采用渠道的分值，请核对类别或渠道",
    ),
    (
        ("2020-10-12", "城关镇", "t", None, "部门动态"),
        "采用渠道",
        "部门动态",
        "城关镇属于“镇”表，表中没有“部门动态”一栏，请核对渠道",
    ),
    (
        ("10/12/2020", "财政局", "t", None, "部门动态"),
        "采用日期",
        "10/12/2020",
        "日期“10/12/2020”有歧义（月和日分不清），请写成 2020-10-12 或 2020年10月12日",
    ),
    (
        ("2020-13-01", "财政局", "t", None, "部门动态"),
        "采用日期",
        "2020-13-01",
        "日期“2020-13-01”无法识别，请写成 2020-10-12 或 2020年10月12日",
    ),
    (
        (None, "财政局", "t", None, "部门动态"),
        "采用日期",
        "",
        "日期为空，无法判断属于哪一期，请补上采用日期",
    ),
    (
        ("2020-10-12", "财政局", " ", None, "部门动态"),
        "信息标题",
        "",
        "标题为空，无法判断是否同一条信息，请补上标题",
    ),
]


@pytest.mark.parametrize(("item", "column", "value", "message"), PROBLEM_CASES)
def test_problem_messages(scheme, item, column, value, message):
    ledger = normalise(rows(item), scheme, Q4)
    assert ledger.rows["status"].tolist() == [PROBLEM]
    assert ledger.events.empty
    assert ledger.problems[
        ["where", "row", "column", "value", "level", "message"]
    ].to_numpy().tolist() == [["台账.xlsx（台账）", 4, column, value, ERROR, message]]


def test_total_row_is_reported_not_scored(scheme):
    ledger = normalise(
        rows(("2020-10-12", "财政局", "t", None, "部门动态"), (None, "合计", None, None, None)),
        scheme,
        Q4,
    )
    assert ledger.rows["status"].tolist() == [SCORED, PROBLEM]
    assert ledger.problems[["row", "level", "message"]].to_numpy().tolist() == [
        [5, NOT_SCORED, "合计行，不是采用记录，未计分"]
    ]


def test_hidden_row_scored_and_reported(scheme):
    ledger = normalise(
        rows(("2020-10-12", "财政局", "t", None, "部门动态"), hidden=(4,)), scheme, Q4
    )
    assert ledger.rows["status"].tolist() == [SCORED]
    assert ledger.problems[["level", "message"]].to_numpy().tolist() == [
        [INFO, "该行在 Excel 中被隐藏，已照常计分，请确认"]
    ]


def test_every_row_ends_in_exactly_one_place(scheme):
    ledger = normalise(
        rows(
            ("2020-10-12", "财政局", "a", None, "部门动态"),
            ("2020-10-12", "财政局", "a", None, "部门动态"),
            ("2020-09-12", "财政局", "b", None, "部门动态"),
            ("2020-10-12", "火星局", "c", None, "部门动态"),
        ),
        scheme,
        Q4,
    )
    assert ledger.rows["status"].tolist() == [SCORED, DUP, OUT, PROBLEM]


def test_joint_units_in_any_order_are_the_same_item(scheme):
    ledger = normalise(
        rows(
            ("2020-10-12", "政府办、财政局", "新闻乙", None, "部门动态"),
            ("2020-10-13", "财政局、政府办", "新闻乙", None, "部门动态"),
        ),
        scheme,
        Q4,
    )
    assert ledger.rows["status"].tolist() == [SCORED, DUP]
    assert ledger.events["unit_name"].tolist() == ["政府办", "财政局"]


def test_titles_compare_without_quotes_and_final_stop(scheme):
    ledger = normalise(
        rows(
            ("2020-10-12", "财政局", "关于产业发展的调研", None, "部门动态"),
            ("2020-10-13", "财政局", "“关于产业发展的调研”。", None, "部门动态"),
        ),
        scheme,
        Q4,
    )
    assert ledger.rows["status"].tolist() == [SCORED, DUP]


def test_the_same_unit_or_channel_twice_in_one_cell(scheme):
    ledger = normalise(
        rows(
            ("2020-10-12", "财政局、财政局", "a", None, "部门动态"),
            ("2020-10-12", "审计局", "b", None, "部门动态、部门动态"),
        ),
        scheme,
        Q4,
    )
    assert ledger.events[["unit_name", "share"]].to_numpy().tolist() == [
        ["财政局", 1.0],
        ["审计局", 1.0],
    ]
    assert ledger.problems[["row", "level", "message"]].to_numpy().tolist() == [
        [4, INFO, "同一格里“财政局”写了两次，只计一次；如是笔误请改正台账"],
        [5, INFO, "同一格里“部门动态”写了两次，只计一次；如是笔误请改正台账"],
    ]


@pytest.mark.parametrize("cell", ["合计", "总 计", "10月小计"])
def test_subtotal_rows(scheme, cell):
    ledger = normalise(rows((cell, None, None, None, None)), scheme, Q4)
    assert ledger.problems[["level", "code"]].to_numpy().tolist() == [[NOT_SCORED, "TOTAL_ROW"]]


def test_a_title_may_contain_the_word(scheme):
    ledger = normalise(
        rows(("2020-10-12", "财政局", "合计发放补贴100万元", None, "部门动态")), scheme, Q4
    )
    assert ledger.rows["status"].tolist() == [SCORED]


def _excel(column: str, value: str) -> str:
    return f"{column}一格是 Excel 的错误值“{value}”（公式出错，或引用的单元格已删除），请在 Excel 中改正该格"


def test_excel_error_values_replace_what_else_was_said_of_their_cell(scheme):
    """Each error value in place of that cell's other issue, after the row's other issues, in
    the order 单位, 标题, 类别, 采用渠道; an earlier-quarter row with one is no history."""
    ledger = normalise(
        rows(
            ("2020-10-12", "#N/A", " ", "#REF!", "部门动态"),
            ("2020-10-12", "城关镇", "#NAME?", None, "部门动态"),
            ("2020-10-12", "#N/A", "x", "其他", "#VALUE!"),
            ("2020-10-12", "财政局", "ok", "新闻", "部门动态"),
            ("2020-07-12", "#N/A", "old", None, "部门动态"),
            ("2020-07-12", "财政局", "old", None, "部门动态"),
        ),
        scheme,
        Q4,
    )
    assert ledger.problems[["row", "column", "value", "code", "message"]].to_numpy().tolist() == [
        [4, "信息标题", "", "NO_TITLE", "标题为空，无法判断是否同一条信息，请补上标题"],
        [4, "报送单位", "#N/A", "EXCEL_ERROR_VALUE", _excel("报送单位", "#N/A")],
        [4, "信息类别", "#REF!", "EXCEL_ERROR_VALUE", _excel("信息类别", "#REF!")],
        [
            5,
            "采用渠道",
            "部门动态",
            "NO_COLUMN",
            "城关镇属于“镇”表，表中没有“部门动态”一栏，请核对渠道",
        ],
        [5, "信息标题", "#NAME?", "EXCEL_ERROR_VALUE", _excel("信息标题", "#NAME?")],
        [
            6,
            "信息类别",
            "其他",
            "UNKNOWN_CATEGORY",
            "类别“其他”无法识别。可用的类别有：新闻动态、政务动态、调研信息。请改正台账，或在 rules.toml 的 [[category]] 中加入别名",
        ],
        [6, "报送单位", "#N/A", "EXCEL_ERROR_VALUE", _excel("报送单位", "#N/A")],
        [6, "采用渠道", "#VALUE!", "EXCEL_ERROR_VALUE", _excel("采用渠道", "#VALUE!")],
        [8, "采用日期", "", "OUT_OF_PERIOD", "不在本期（2020年10-12月）：第8行至第9行，共2行"],
    ]
    assert ledger.rows["status"].tolist() == [PROBLEM, PROBLEM, PROBLEM, SCORED, OUT, OUT]
    assert ledger.history["row"].tolist() == [9]
