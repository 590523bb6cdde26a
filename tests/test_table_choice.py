"""Which tables a run makes (issue 10 items 5 and 6), through the real command line."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from shiquan_score.cli import main
from shiquan_score.scheme.loader import load_scheme
from tests.conftest import DATA, PREVIOUS_Q3, ROOT, SAMPLE, ledger_rows, table_by_name, write_ledger
from tests.handmade import write_simple_tables

D = dt.date
_UNITS = load_scheme().units
TOWNS = list(_UNITS.loc[_UNITS["table"] == "镇", "unit"])
Q4_BOOK = "石泉县2020年10-12月信息采用情况统计表.xlsx"


def departments_only_inbox(folder: Path) -> Path:
    """sample_data without a town: its ledger's town rows and notes removed, its 7-9月
    workbook without 附件1 — what a departments-only office has."""
    folder.mkdir()
    book = openpyxl.load_workbook(SAMPLE / "2020年信息采用台账.xlsx")
    for ws in book.worksheets:
        doomed = [
            r
            for r in range(ws.max_row, 0, -1)
            if any(t in str(ws.cell(r, 3 if ws.title != "备注" else 1).value or "") for t in TOWNS)
        ]
        for r in doomed:
            ws.delete_rows(r)
    book.save(folder / "部门台账.xlsx")
    table = openpyxl.load_workbook(PREVIOUS_Q3)
    table.remove(table["附件1"])
    table.save(folder / "附件2（7-9月）.xlsx")
    return folder


def _seed() -> list[dict]:
    with (DATA / "seed_2020q4_departments.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _number(text: str) -> Fraction:
    return Fraction(text) if text else Fraction(0)


def test_real_2020_q4_departments_table_from_a_departments_only_inbox(tmp_path):
    inbox = departments_only_inbox(tmp_path / "收件箱")
    done = subprocess.run(
        [sys.executable, str(ROOT / "convert.py"), str(inbox), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert (
        "附件1（镇）：台账中本期没有镇的采用记录，收件箱里也没有它的上期表，本次不生成这张表"
        in lines
    )
    assert "附件2上期累计取自：附件2（7-9月）.xlsx（附件2）" in lines
    book = tmp_path / "out" / Q4_BOOK
    assert openpyxl.load_workbook(book).sheetnames[:1] == ["附件2（部门）"]
    assert "附件1（镇）" not in openpyxl.load_workbook(book).sheetnames
    table = table_by_name(book, "附件2（部门）")
    seed = _seed()
    assert [row[0] for row in table.values()] == [s["name"] for s in seed]
    for s in seed:
        row = table[s["name"]]
        counts = [
            _number(s[k]) for k in ("部门动态", "聚焦石泉", "市政府网站", "动态省级", "动态市级")
        ]
        assert [Fraction(v) for v in row[1:6]] == counts, s["name"]
        if s["note"]:
            assert row[6] == s["note"], s["name"]
        if s["ranked"] == "true":
            got = tuple(Fraction(str(v)) for v in row[8:11])
            assert got == (_number(s["本期"]), _number(s["上期"]), _number(s["累计"])), s["name"]
            # competition ranking: 经贸局 ties 统计局 at 2.5 (the published 31 is a typo)
            assert row[11] == (30 if s["name"] == "经贸局" else int(s["排名"])), s["name"]


def test_q1_departments_only_writes_no_town_table(tmp_path, capsys):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(
        inbox / "台账.xlsx", ledger_rows((D(2021, 3, 9), "财政局", "三月", None, "部门动态"))
    )
    assert main([str(inbox), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert (
        "附件1（镇）：台账中本期没有镇的采用记录，收件箱里也没有它的上期表，本次不生成这张表" in out
    )
    book = tmp_path / "out" / "石泉县2021年1-3月信息采用情况统计表.xlsx"
    assert openpyxl.load_workbook(book).sheetnames == ["附件2（部门）", "明细", "问题", "调研加分"]


def test_table_with_rows_but_no_previous_is_refused_by_name(tmp_path, capsys):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    table = openpyxl.load_workbook(PREVIOUS_Q3)
    table.remove(table["附件1"])
    table.save(inbox / "附件2.xlsx")
    write_ledger(
        inbox / "台账.xlsx",
        ledger_rows(
            (D(2020, 10, 9), "财政局", "十月", None, "部门动态"),
            (D(2020, 10, 9), "城关镇", "十月镇", None, "各镇快讯"),
        ),
    )
    assert main([str(inbox), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        "错误：收件箱里没有附件1（镇）的上期表（2020年7-9月）。二至四季度需要上期累计分："
        "请把上季度发布的附件1放入收件箱；如果本单位不发附件1，请用 --tables 部门 只生成其余的表。"
        "本期2020年10-12月是程序判断的（见上方“本期”一行）；如果要统计别的期，请用 --period 指定"
        "（一季度不需要上期表，其余各期都要放入上一期的统计表）\n"
    )
    # the clerk chooses: the town row is then not scored, and said so
    assert main([str(inbox), "--out", str(tmp_path / "out"), "--tables", "部门"]) == 0
    out = capsys.readouterr().out
    assert "本次生成：附件2（部门）（按 --tables 指定）" in out
    assert (
        "台账中有 1 行是附件1（镇）的记录，本次只生成附件2（部门），这 1 行未计分（计入“有问题”），"
        "逐行见“问题”表中问题为“不在本次的表”的行"
    ) in out.splitlines()
    assert "期别：2020年10-12月。台账共 2 行 = 计分 1 + 不在本期 0 + 重复 0 + 有问题 1" in out
    book = openpyxl.load_workbook(tmp_path / "out" / Q4_BOOK)
    assert book.sheetnames == ["附件2（部门）", "明细", "问题", "调研加分"]
    problems = [row for row in book["问题"].iter_rows(values_only=True) if row[5] == "不在本次的表"]
    assert problems == [
        ("台账.xlsx（台账）", 5, "单位", "城关镇", "未计分", "不在本次的表",
         "城关镇属于附件1（镇），本次只生成附件2（部门），未计分"),
    ]  # fmt: skip


def test_every_row_left_out_by_tables_is_traceable(tmp_path, capsys, q4_inbox):
    """--tables 部门: two town rows and a joint town/department row. Screen: one grouped line
    per kind; 问题 sheet: one line per row, with file, row and unit."""
    write_ledger(
        q4_inbox / "台账.xlsx",
        ledger_rows(
            (D(2020, 10, 9), "财政局", "十月", None, "部门动态"),
            (D(2020, 10, 9), "城关镇", "镇一", None, "各镇快讯"),
            (D(2020, 11, 9), "饶峰镇", "镇二", None, "各镇快讯"),
            (D(2020, 11, 9), "财政局、池河镇", "联合", None, "聚焦石泉"),
        ),
    )
    assert main([str(q4_inbox), "--out", str(tmp_path / "out"), "--tables", "部门"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        "台账中有 2 行是附件1（镇）的记录，本次只生成附件2（部门），这 2 行未计分（计入“有问题”），"
        "逐行见“问题”表中问题为“不在本次的表”的行"
    ) in out
    assert (
        "台账中有 1 行联合报送的记录含附件1（镇）的单位，本次只生成附件2（部门），这些单位的部分未计分，"
        "逐行见“问题”表中问题为“不在本次的表”的行"
    ) in out
    assert "期别：2020年10-12月。台账共 4 行 = 计分 2 + 不在本期 0 + 重复 0 + 有问题 2" in out
    book = openpyxl.load_workbook(tmp_path / "out" / Q4_BOOK)
    lines = [row for row in book["问题"].iter_rows(values_only=True) if row[5] == "不在本次的表"]
    assert lines == [
        ("台账.xlsx（台账）", 5, "单位", "城关镇", "未计分", "不在本次的表",
         "城关镇属于附件1（镇），本次只生成附件2（部门），未计分"),
        ("台账.xlsx（台账）", 6, "单位", "饶峰镇", "未计分", "不在本次的表",
         "饶峰镇属于附件1（镇），本次只生成附件2（部门），未计分"),
        ("台账.xlsx（台账）", 7, "单位", "池河镇", "提示", "不在本次的表",
         "池河镇属于附件1（镇），本次只生成附件2（部门），这部分未计分"),
    ]  # fmt: skip


def test_rows_that_all_have_problems_are_not_called_no_records(tmp_path, capsys):
    """Q3, no previous table, every row has a problem: the screen says how many rows were read
    and that all have problems, the 问题 list is written (no refusal for the previous table
    of tables nobody can yet say are needed)."""
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(
        inbox / "台账.xlsx",
        ledger_rows(
            (D(2020, 8, 9), "财政所", "一", None, "部门动态"),
            (D(2020, 9, 9), "城关镇", "二", None, "乱写的渠道"),
        ),
    )
    assert main([str(inbox), "--out", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    out = captured.out.splitlines()
    assert out[1:] == [
        "台账共读取 2 行，都有问题（逐行见问题清单），没有一行能计分，本次不生成统计表；"
        "请改正这些行后重新运行",
        "期别：2020年7-9月。台账共 2 行 = 计分 0 + 不在本期 0 + 重复 0 + 有问题 2",
    ]
    problems = tmp_path / "out" / "石泉县2020年7-9月信息采用情况统计表_问题清单.xlsx"
    assert captured.err.splitlines()[0] == f"发现 2 处错误，未生成统计表。问题清单：{problems}"
    assert "没有镇的采用记录" not in captured.out


def test_no_row_scorable_counts_the_rows_with_problems(tmp_path, capsys):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(
        inbox / "台账.xlsx",
        ledger_rows(
            (D(2021, 3, 9), "财政局", "一", None, "乱写的渠道"),
            (D(2021, 4, 9), "财政局", "二", None, "部门动态"),
        ),
    )
    assert main([str(inbox), "--out", str(tmp_path / "out"), "--period", "2021Q1"]) == 1
    assert capsys.readouterr().out.splitlines()[1:] == [
        "台账共读取 2 行，其中 1 行有问题（逐行见问题清单），本期没有一行能计分，本次不生成统计表；"
        "请改正这些行后重新运行",
        "期别：2021年1-3月。台账共 2 行 = 计分 0 + 不在本期 1 + 重复 0 + 有问题 1",
    ]


def test_a_table_whose_rows_all_have_problems_is_said_so(tmp_path, capsys):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(
        inbox / "台账.xlsx",
        ledger_rows(
            (D(2021, 3, 9), "财政局", "一", None, "部门动态"),
            (D(2021, 3, 9), "城关镇", "二", None, "乱写的渠道"),
            (D(2021, 3, 19), "石泉县城关镇", "三", None, "各镇快讯x"),
        ),
    )
    assert main([str(inbox), "--out", str(tmp_path / "out")]) == 1
    assert (
        "附件1（镇）：台账中镇的记录有 2 行有问题（逐行见问题清单），本期没有一行镇的记录能计分，"
        "收件箱里也没有它的上期表，本次不生成这张表；改正这些行后重新运行即会生成"
    ) in capsys.readouterr().out.splitlines()


def test_both_tables_without_previous_are_named_together_and_period_offered(tmp_path, capsys):
    """Towns and departments both have rows, neither has last quarter's table: no --tables
    (leaving one out cannot help); --period offered for the first quarter, which has rows —
    and that run then passes."""
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    items = [
        (D(2020, m, 9), unit, f"{m}月{unit}", None, channel)
        for m in (1, 2, 3, 7, 8, 9)
        for unit, channel in (("财政局", "部门动态"), ("城关镇", "各镇快讯"))
    ]
    write_ledger(inbox / "台账.xlsx", ledger_rows(*items))
    assert main([str(inbox), "--out", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0] == (
        "本期：2020年7-9月（2020Q3）。依据：收件箱里没有上期表，取台账中已记完整的最后一个季度；"
        "台账各季度行数：2020年1-3月 6 行、7-9月 6 行"
    )
    assert captured.err == (
        "错误：收件箱里没有附件1（镇）、附件2（部门）的上期表（2020年4-6月）。二至四季度需要上期累计分："
        "请把上季度发布的附件1、附件2都放入收件箱。本期2020年7-9月是程序判断的（见上方“本期”一行）；"
        "如果要统计别的期，请用 --period 指定，如 --period 2020Q1（一季度不需要上期表）\n"
    )
    assert "--tables" not in captured.err
    assert not (tmp_path / "out").exists()
    assert main([str(inbox), "--out", str(tmp_path / "out"), "--period", "2020Q1"]) == 0
    assert (tmp_path / "out" / "石泉县2020年1-3月信息采用情况统计表.xlsx").exists()


def test_no_period_hint_when_period_was_given(tmp_path, capsys):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(
        inbox / "台账.xlsx", ledger_rows((D(2020, 8, 9), "财政局", "八月", None, "部门动态"))
    )
    assert main([str(inbox), "--out", str(tmp_path / "out"), "--period", "2020Q3"]) == 1
    assert capsys.readouterr().err == (
        "错误：收件箱里没有附件2（部门）的上期表（2020年4-6月）。二至四季度需要上期累计分："
        "请把上季度发布的附件2放入收件箱\n"
    )


def test_tables_option_names_are_checked(tmp_path, capsys, q4_inbox):
    write_ledger(
        q4_inbox / "台账.xlsx", ledger_rows((D(2020, 10, 9), "财政局", "十月", None, "部门动态"))
    )
    with pytest.raises(SystemExit) as exc:  # a wrong command value: exit 2 (README)
        main([str(q4_inbox), "--out", str(tmp_path / "out"), "--tables", "部门,街道"])
    assert exc.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "错误：命令写法不对（--tables “部门,街道”中有不认识的表：街道；"
        "可用的有：镇（附件1）、部门（附件2））。查看说明：python convert.py -h"
    )
    assert main([str(q4_inbox), "--out", str(tmp_path / "out"), "--tables", "附件2"]) == 0
    assert (
        "已忽略上期表 石泉县2020年7-9月信息采用情况统计表.xlsx（附件1）：本次不生成附件1（镇）"
        in (capsys.readouterr().out)
    )


def test_older_tables_in_the_folder_are_named_and_ignored(tmp_path, capsys, scheme):
    """Q4 inbox holding the 1-3月, 4-6月 and 7-9月 tables: the 7-9月 one is used."""
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    for months, name in (("1-3月", "一季度.xlsx"), ("4-6月", "二季度.xlsx")):
        write_simple_tables(inbox / name, scheme, {"财政局": 1}, months=months)
    shutil.copy(PREVIOUS_Q3, inbox / PREVIOUS_Q3.name)
    write_ledger(
        inbox / "台账.xlsx", ledger_rows((D(2020, 10, 9), "财政局", "十月", None, "部门动态"))
    )
    assert main([str(inbox), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out.splitlines()
    ignored = [line for line in out if line.startswith("已忽略")]
    assert ignored == [
        "已忽略较早的上期表 一季度.xlsx（附件1（镇））（2020年1-3月），用2020年7-9月的",
        "已忽略较早的上期表 二季度.xlsx（附件1（镇））（2020年4-6月），用2020年7-9月的",
        "已忽略较早的上期表 一季度.xlsx（附件2（部门））（2020年1-3月），用2020年7-9月的",
        "已忽略较早的上期表 二季度.xlsx（附件2（部门））（2020年4-6月），用2020年7-9月的",
    ]
    assert f"附件2上期累计取自：{PREVIOUS_Q3.name}（附件2）" in out


def test_with_period_a_table_of_that_period_is_ignored_only_beside_its_previous(
    tmp_path, capsys, scheme
):
    """--period 2020Q3 in a folder holding the 1-3月, 4-6月 and 7-9月 tables: the 4-6月 one
    is used and the 7-9月 one (of the period itself) ignored, each with a line; without the
    4-6月 table the run is refused, never made from the 7-9月 one."""
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    for months, name in (
        ("1-3月", "一季度.xlsx"),
        ("4-6月", "二季度.xlsx"),
        ("7-9月", "三季度.xlsx"),
    ):
        write_simple_tables(inbox / name, scheme, {"财政局": 1}, months=months)
    write_ledger(
        inbox / "台账.xlsx", ledger_rows((D(2020, 8, 9), "财政局", "八月", None, "部门动态"))
    )
    args = [str(inbox), "--out", str(tmp_path / "out"), "--period", "2020Q3"]
    assert main(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line for line in out if line.startswith("已忽略")] == [
        "已忽略较早的上期表 一季度.xlsx（附件1（镇））（2020年1-3月），用2020年4-6月的",
        "已忽略 三季度.xlsx（附件1（镇））：它是本期（2020年7-9月）的统计表"
        "（例如本工具早先为本期生成的），上期累计用2020年4-6月的",
        "已忽略较早的上期表 一季度.xlsx（附件2（部门））（2020年1-3月），用2020年4-6月的",
        "已忽略 三季度.xlsx（附件2（部门））：它是本期（2020年7-9月）的统计表"
        "（例如本工具早先为本期生成的），上期累计用2020年4-6月的",
    ]
    assert "附件2上期累计取自：二季度.xlsx（附件2（部门））" in out
    (inbox / "二季度.xlsx").unlink()
    assert main(args) == 1
    assert capsys.readouterr().err == (
        "错误：三季度.xlsx（附件1（镇）） 是本期（2020年7-9月）的统计表，不是上期的；"
        "请把它移出收件箱，放入2020年4-6月的附件1\n"
    )
