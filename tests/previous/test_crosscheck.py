"""上期 cross-check: a ledger covering the year's earlier quarters re-computes 累计 (提示 only)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from shiquan_score.cli import main
from shiquan_score.period import Period
from shiquan_score.previous.crosscheck import coverage, ledger_cumulative
from tests.conftest import ledger_rows, table_by_name, write_ledger
from tests.handmade import roster_rows, write_handmade

D = dt.date
DEPT = "附件2（部门）"
Q1_BOOK = "石泉县2021年1-3月信息采用情况统计表.xlsx"
Q2_BOOK = "石泉县2021年4-6月信息采用情况统计表.xlsx"
LEDGER = ledger_rows(
    (D(2021, 1, 8), "财政局", "预算绩效管理见实效", None, "部门动态、市政府网站"),  # 1.5
    (D(2021, 2, 8), "财政局、民政局、人社局", "三部门联合开展春节慰问", None, "聚焦石泉"),
    (D(2021, 3, 8), "民政局", "养老服务提质增效", "动态信息", "市级"),  # 5
    (D(2021, 5, 8), "财政局", "国库集中支付改革", None, "部门动态"),  # 0.5
)  # the joint item: 0.5 / 3 each, shown as 0.17 in the Q1 table


def run(capsys, *args) -> tuple[int, list[str], list[str]]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


def problems(book: Path) -> list[tuple]:
    """The 问题 sheet's rows, leaving out the (expected) 不在本期 summary lines."""
    rows = list(openpyxl.load_workbook(book)["问题"].iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] == "来源（文件/工作表）")
    return [r for r in rows[head + 1 :] if r[5] != "不在本期"]


def inbox(tmp_path: Path, rows=LEDGER) -> Path:
    folder = tmp_path / "收件箱"
    folder.mkdir()
    write_ledger(folder / "2021年台账.xlsx", rows, title="2021年信息采用台账")
    return folder


def test_our_own_tables_agree_with_the_ledger_quarter_after_quarter(tmp_path, capsys):
    box = inbox(tmp_path)
    code, _, err = run(capsys, box, "--period", "2021Q1", "--out", tmp_path / "q1")
    assert code == 0, err
    shutil.copy(tmp_path / "q1" / Q1_BOOK, box)
    code, out, err = run(capsys, box, "--period", "2021Q2", "--out", tmp_path / "q2")
    assert code == 0, err
    # Rounded per quarter as published: 0.17 + … both ways, so no difference.
    assert "上期核对：按台账中2021年1-3月的记录算得的累计与上期表一致" in out
    assert problems(tmp_path / "q2" / Q2_BOOK) == []


def test_a_wrong_cumulative_in_the_previous_table_is_reported_but_still_used(
    tmp_path, capsys, scheme
):
    box = inbox(tmp_path)
    scores = {  # (本期, 上期, 累计) of the hand-made Q1 table
        "财政局": ("1.5", "0", "1.5"),  # the clerk left out its share of the joint item
        "民政局": ("5.17", "0", "5.17"),
        "人社局": ("0.17", "0", "0.17"),
    }
    write_handmade(
        box / "石泉县2021年1-3月信息采用情况统计表.xlsx",
        roster_rows(scheme, "部门", scores),
        months="1-3月",
        year=2021,
        towns=roster_rows(scheme, "镇", {}),
    )
    code, out, err = run(capsys, box, "--period", "2021Q2", "--out", tmp_path / "q2")
    assert code == 0, err
    assert out[-3:] == [
        "期别：2021年4-6月。台账共 4 行 = 计分 1 + 不在本期 3 + 重复 0 + 有问题 0",
        "有 1 条提示，请在工作簿的“问题”表中核对",
        f"已生成：{tmp_path / 'q2' / Q2_BOOK}",
    ]
    assert (
        "上期核对：按台账中2021年1-3月的记录算得的累计与上期表有 1 个单位不同，"
        "已列入“问题”表（本期仍按上期表计算）"
    ) in out
    book = tmp_path / "q2" / Q2_BOOK
    assert problems(book) == [
        (
            "石泉县2021年1-3月信息采用情况统计表.xlsx（附件2）",
            9,
            "累计",
            "1.5",
            "提示",
            "上期核对",
            "财政局：按台账中2021年1-3月的记录算得累计 1.67 分，上期表为 1.5 分"
            "（台账比上期表多 0.17 分）。本期仍按上期表计算；如上期表有误，请更正后重新运行",
        )
    ]
    assert table_by_name(book, DEPT)["财政局"][8:11] == (0.5, 1.5, 2)  # the table still rules


def test_no_check_without_every_earlier_quarter_in_the_ledger(tmp_path, capsys):
    box = inbox(tmp_path, LEDGER[-1:])  # only the Q2 row
    shutil.copy(_q1_table(tmp_path, capsys), box)
    code, out, _ = run(capsys, box, "--period", "2021Q2", "--out", tmp_path / "q2")
    assert code == 0
    assert not any(line.startswith("上期核对") for line in out)


def _q1_table(tmp_path: Path, capsys) -> Path:
    base = tmp_path / "first"
    base.mkdir()
    code, _, _ = run(capsys, inbox(base), "--period", "2021Q1", "--out", base / "out")
    assert code == 0
    return base / "out" / Q1_BOOK


# ------------------------------------------------------------------ the steps, as data
def _rows(*items: tuple) -> pd.DataFrame:
    frame = pd.DataFrame(
        [("台账.xlsx（台账）", i, *item) for i, item in enumerate(items, start=4)],
        columns=["where", "row", "date", "unit", "title", "category", "channel"],
    )
    return frame.assign(source="台账.xlsx", sheet="台账", remark=None, lead=None, hidden=False)


def test_cumulative_rounds_each_quarter_like_the_published_tables(scheme):
    rows = _rows(
        ("2021-02-01", "财政局、民政局、人社局", "甲", "", "聚焦石泉"),
        ("2021-05-01", "财政局、民政局、人社局", "乙", "", "聚焦石泉"),
        ("2021-08-01", "财政局", "丙", "", "部门动态"),
    )
    cumulative, unscorable = ledger_cumulative(rows, scheme, Period(2021, 3))
    assert unscorable == 0
    assert cumulative.round(2).to_dict() == {"财政局": 0.34, "民政局": 0.34, "人社局": 0.34}


def test_covered_when_the_earlier_rows_account_for_the_previous_figures(scheme):
    """The one rule: rows in every earlier quarter, giving at least half the previous 累计."""
    rows = _rows(
        ("2021-02-01", "财政局", "甲", "", "市政府网站"),  # 1
        ("2021-05-01", "民政局", "乙", "", "市政府网站"),  # 1
        ("2021-08-01", "财政局", "丙", "", "部门动态"),
    )
    q3 = Period(2021, 3)
    published = {"部门": pd.Series({"财政局": 1.0, "民政局": 1.0})}
    assert coverage(rows, scheme, q3, published).covered
    assert coverage(rows, scheme, q3, {"部门": pd.Series({"财政局": 4.0})}).covered  # 2 of 4
    cover = coverage(rows, scheme, q3, {"部门": pd.Series({"财政局": 4.5})})  # 2 of 4.5
    assert (cover.covered, cover.ours, cover.theirs) == (False, 2.0, 4.5)
    assert list(cover.earlier["row"]) == [4, 5]  # the rows the late-row 提示 name
    assert not coverage(rows.drop(index=1), scheme, q3, published).covered  # no Q2 row
    assert not coverage(rows, scheme, Period(2021, 1), published).covered  # nothing before Q1
    assert coverage(rows, scheme, Period(2021, 4), published).earlier["row"].tolist() == [4, 5, 6]
    # An all-zero previous table is covered only by rows that give no points either.
    assert not coverage(rows, scheme, q3, {"部门": pd.Series(dtype=float)}).covered


def test_rows_that_cannot_be_scored_are_counted(scheme):
    rows = _rows(
        ("2021-02-01", "财政所", "甲", "", "部门动态"),
        ("2021-02-02", "财政局", "乙", "", "部门动态"),
        ("2021年2月", "财政局", "丙", "", "部门动态"),  # undated: this quarter's problem, not Q1's
    )
    cumulative, unscorable = ledger_cumulative(rows, scheme, Period(2021, 2))
    assert (cumulative.to_dict(), unscorable) == ({"财政局": 0.5}, 1)


# ------------------------------------------------------------------ a scheme's floor at 0
PINGAN = Path(__file__).resolve().parents[2] / "templates" / "examples" / "平安县_扣分与批示"
FLOOR_LEDGER = ledger_rows(
    (D(2021, 1, 5), "财政局", "惠农资金发放到户", None, "县网站"),  # +1
    (D(2021, 1, 10), "发改局", "约稿：一季度重点项目", "扣分", "约稿未报送"),  # -10 → 0
    (D(2021, 2, 10), "财政局", "约稿：财政收支", "扣分", "约稿未报送"),  # -10
    (D(2021, 2, 15), "发改局", "重点项目集中开工", None, "县网站"),  # +1
    (D(2021, 3, 15), "财政局", "国库集中支付改革", None, "县网站"),  # +1
)
# Independently, month by month: 累计 of 财政局 and 发改局 under each floor.
FLOORED = {
    "current": {1: (1, 0), 2: (1, 1), 3: (2, 1)},  # 本期 stops at 0: Feb's -10 counts as 0
    "total": {1: (1, 0), 2: (0, 1), 3: (1, 1)},  # 累计 stops at 0: 1 - 10 → 0
}


@pytest.mark.parametrize("floor", ["current", "total"])
def test_a_floored_scheme_agrees_with_its_own_tables_month_after_month(tmp_path, capsys, floor):
    rules = tmp_path / "rules.toml"
    text = (PINGAN / "rules.toml").read_text(encoding="utf-8")
    rules.write_text(text.replace("[scoring]\n", f'[scoring]\nfloor = "{floor}"\n'), "utf-8")
    scheme = ["--rules", rules, "--roster", PINGAN / "roster.toml"]
    previous = None
    for month in (1, 2, 3):
        box = tmp_path / f"收件箱{month}"
        box.mkdir()
        header = ["序号", "日期", "单位", "标题", "类别", "采用渠道"]
        write_ledger(box / "台账.xlsx", FLOOR_LEDGER, header=header, title="平安县2021年台账")
        if previous:
            shutil.copy(previous, box)
        out_dir = tmp_path / f"out{month}"
        code, out, err = run(capsys, box, *scheme, "--period", f"2021-{month:02}", "--out", out_dir)
        assert code == 0, err
        (previous,) = out_dir.glob("*.xlsx")
        if month > 1:
            earlier = "1月" if month == 2 else f"1-{month - 1}月"
            agree = f"上期核对：按台账中2021年{earlier}的记录算得的累计与上期表一致"
            assert agree in out, out
            assert [r for r in problems(previous) if r[5] == "上期核对"] == []
        table = {
            r[0]: r for r in openpyxl.load_workbook(previous)["计分表"].iter_rows(values_only=True)
        }
        assert (table["财政局"][11], table["发改局"][11]) == FLOORED[floor][month]
