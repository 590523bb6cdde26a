"""The 明细 sheet: one row per scored adoption, whatever dtypes the ledger hands over."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest
from frames import TEXT_COLUMNS, rows

from shiquan_score.normalise.ledger import normalise
from shiquan_score.output.audit import detail_sheet
from shiquan_score.period import Period
from shiquan_score.score.scoring import score

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
    frame = detail_sheet(score(events, scheme), names).frame
    assert frame.columns.tolist()[:4] == ["来源（文件/工作表）", "行号", "日期", "单位"]
    assert frame.astype(object).to_numpy().tolist() == EXPECTED
