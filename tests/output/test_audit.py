"""The 明细 sheet: one row per scored adoption, whatever dtypes the ledger hands over."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest
from frames import TEXT_COLUMNS, rows

from shiquan_score import DEFAULT_ROSTER
from shiquan_score.normalise.ledger import normalise
from shiquan_score.output.audit import detail_sheet, record_sheet
from shiquan_score.period import Period
from shiquan_score.scheme.loader import load_scheme
from shiquan_score.score.scoring import score
from tests.schemes import variant

Q4 = Period(2020, 4)
ITEMS = (
    ("2020-10-12", "财政局", "调研报告", "调研信息", "县政府网站政务信息、市级"),
    ("2020-10-20", "财政局", "调研报告", "调研信息", "省级"),
    ("2020-11-02", "财政局、审计局", "联合", "政务动态", "市级"),
    ("2020-12-31", "统计局", "=公式样标题", None, "部门动态"),
)
RESEARCH = "调研信息同一信息多次采用，以最高分记：省级+20，市级+10不重复计分"
JOINT = "政务动态被“市级”采用计5分；2个单位联合报送，各得2.5分"
EXPECTED = [
    ["台账.xlsx（台账）", 4, "2020-10-12", "财政局（新）", 1.0, "调研报告", "调研信息",
     "县政府网站政务信息", 3.0, 3.0, "调研信息被“县政府网站政务信息”采用计3分"],
    ["台账.xlsx（台账）", 4, "2020-10-12", "财政局（新）", 1.0, "调研报告", "调研信息", "市级",
     10.0, 0.0, RESEARCH],
    ["台账.xlsx（台账）", 5, "2020-10-20", "财政局（新）", 1.0, "调研报告", "调研信息", "省级",
     20.0, 20.0, RESEARCH],
    ["台账.xlsx（台账）", 6, "2020-11-02", "财政局（新）", 0.5, "联合", "政务动态", "市级", 5.0,
     2.5, JOINT],
    ["台账.xlsx（台账）", 6, "2020-11-02", "审计局", 0.5, "联合", "政务动态", "市级", 5.0, 2.5,
     JOINT],
    ["台账.xlsx（台账）", 7, "2020-12-31", "统计局", 1.0, "=公式样标题", "新闻动态", "部门动态",
     0.5, 0.5, "新闻动态被“部门动态”采用计0.5分"],
]  # fmt: skip


@pytest.mark.parametrize(
    "dtype", [None, "category", "object", "str", pd.ArrowDtype(pa.string())], ids=str
)
def test_detail_rows_are_the_same_for_any_text_dtype(scheme, dtype):
    events = normalise(rows(*ITEMS), scheme, Q4).events
    if dtype is not None:
        events = events.astype({c: dtype for c in TEXT_COLUMNS})
    names = {"财政局": "财政局（新）", "审计局": "审计局", "统计局": "统计局"}
    frame = detail_sheet(score(events, scheme), names, scheme).frame
    assert frame.columns.tolist()[:4] == ["来源（文件/工作表）", "行号", "日期", "单位"]
    assert frame.astype(object).to_numpy().tolist() == EXPECTED


def test_the_detail_sheet_speaks_the_schemes_words(scheme, tmp_path):
    """Headers of the ledger's fields as [ledger].columns spells them first; the preamble
    names the best-of categories the rules have, and none when they have none."""
    rules = variant(
        tmp_path,
        ('columns.channel = ["采用渠道", ', 'best_of = ["市级", "省级", "国家级"]\n'),
        ('columns.channel = ["采用栏目", "采用渠道", ', ""),
    )
    other = load_scheme(rules, DEFAULT_ROSTER)
    events = normalise(rows(*ITEMS[2:]), other, Q4).events
    page = detail_sheet(score(events, other), {"财政局": "财政局", "审计局": "审计局"}, other)
    assert page.frame.columns.tolist() == [
        "来源（文件/工作表）",
        "行号",
        "日期",
        "单位",
        "份额",
        "标题",
        "类别",
        "采用栏目",
        "分值",
        "得分",
        "计分说明",
    ]
    assert page.preamble == (
        "明细：每一条计分的采用一行。联合报送的信息每个单位各占一份；"
        "“分值”是规则分值，“得分”是该单位实得（分值 × 份额）。",
    )
    shipped = detail_sheet(score(events, scheme), {"财政局": "财政局"}, scheme).preamble
    assert shipped[0].endswith("（分值 × 份额，调研信息加分只取最高一项）。")


def test_the_record_sheet_names_the_best_of_categories(scheme):
    frame = pd.DataFrame(columns=["标题", "报送单位"])
    page = record_sheet(frame, Period(2021, 2), scheme)
    assert page.preamble == (
        "调研加分：2021年内到本期（4-6月）为止，每条调研信息已计的最高加分"
        "（同一信息被多次采用的，以最高分记）。下一季度运行时读取本表，只补计差额，不重复计分。",
    )
    assert page.widths == {"标题": 400, "报送单位": 200}
