"""A row logged late into a published quarter, in a file per quarter (issue 10 item 7):
one 提示 about that row, and no 上期 cross-check against an almost empty quarter."""

from __future__ import annotations

import datetime as dt
import shutil

import openpyxl

from shiquan_score.cli import main
from tests.conftest import ledger_rows, table_by_name, write_ledger
from tests.handmade import write_simple_tables

D = dt.date
UNITS = ["财政局", "民政局", "人社局", "审计局", "统计局", "水利局", "林业局", "信访局"]
Q1 = [
    (D(2021, 2, 1 + i), u, f"一季度{u}", None, "部门动态、市政府网站") for i, u in enumerate(UNITS)
]
Q2 = [(D(2021, 5, 1 + i), u, f"二季度{u}", None, "聚焦石泉") for i, u in enumerate(UNITS)]
STRAY = (D(2021, 3, 30), "财政局", "三月底补记的一条", None, "部门动态")
BOOK = "石泉县2021年{}信息采用情况统计表.xlsx"


def _run(capsys, box, out):
    code = main([str(box), "--out", str(out)])
    return code, capsys.readouterr().out.splitlines()


def test_a_stray_late_row_gives_one_notice_and_no_crosscheck(tmp_path, capsys):
    q1_box = tmp_path / "一季度"
    q1_box.mkdir()
    write_ledger(q1_box / "一季度台账.xlsx", ledger_rows(*Q1), title="2021年一季度台账")
    code, _ = _run(capsys, q1_box, tmp_path / "q1")
    assert code == 0
    box = tmp_path / "二季度"
    box.mkdir()
    shutil.copy(tmp_path / "q1" / BOOK.format("1-3月"), box)
    write_ledger(box / "二季度台账.xlsx", ledger_rows(*Q2, STRAY), title="2021年二季度台账")
    code, out = _run(capsys, box, tmp_path / "q2")
    assert code == 0
    assert (
        "上期核对：台账中2021年1-3月只有 1 行，算不出上期表的累计（不是全年的台账），没有核对；"
        "这些行已列入“问题”表"
    ) in out
    assert "期别：2021年4-6月。台账共 9 行 = 计分 8 + 不在本期 1 + 重复 0 + 有问题 0" in out
    book = tmp_path / "q2" / BOOK.format("4-6月")
    rows = list(openpyxl.load_workbook(book)["问题"].iter_rows(values_only=True))
    assert [r for r in rows if r[5] in ("上期补记", "上期核对")] == [
        (
            "二季度台账.xlsx（台账）",
            12,
            "日期",
            "2021-03-30",
            "提示",
            "上期补记",
            "日期2021-03-30在已发布的2021年1-3月内：本期（2021年4-6月）不计分；"
            "台账没有记全前几季度，是否已计入上期表无法核对。如上期漏计了，"
            "请更正上期表的累计后重新运行；如日期记错了，请改正台账后重新运行",
        )
    ]
    # The table is the published 累计 plus this quarter: 1.5 + 0.5 for every unit.
    table = table_by_name(book, "附件2（部门）")
    assert {u: table[u][8:11] for u in UNITS} == {u: (0.5, 1.5, 2) for u in UNITS}


def test_rows_one_after_another_give_one_notice(tmp_path, capsys, scheme):
    """A running ledger begun in April (no January-March rows) in a Q3 run: its April-June
    rows are one run of rows, one 提示 — not one per row, nor a unit-by-unit comparison."""
    box = tmp_path / "三季度"
    box.mkdir()
    previous = {u: 4 for u in UNITS}
    write_simple_tables(box / "二季度.xlsx", scheme, previous, months="4-6月", year=2021)
    q3 = [(D(2021, 8, 1), "财政局", "三季度", None, "部门动态")]
    write_ledger(box / "台账.xlsx", ledger_rows(*Q2, *q3), title="2021年台账（4月起）")
    code, out = _run(capsys, box, tmp_path / "q3")
    assert code == 0
    assert (
        "上期核对：台账中2021年1-6月只有 8 行，算不出上期表的累计（不是全年的台账），没有核对；"
        "这些行已列入“问题”表"
    ) in out
    rows = openpyxl.load_workbook(tmp_path / "q3" / BOOK.format("7-9月"))["问题"]
    late = [r for r in rows.iter_rows(values_only=True) if r[5] == "上期补记"]
    assert [(r[1], r[3], r[6]) for r in late] == [
        (
            4,
            "",
            "第4行至第11行（共8行）的日期在已发布的2021年4-6月内：本期（2021年7-9月）不计分；"
            "台账没有记全前几季度，是否已计入上期表无法核对。如上期漏计了，"
            "请更正上期表的累计后重新运行；如日期记错了，请改正台账后重新运行",
        )
    ]
