"""Our own files are recognised by their mark, whatever the scheme's wording (issue 10 item 4),
and none of them — 明细, 问题, 调研加分 sheets, 问题清单, side CSV files — is ever a ledger."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import openpyxl

from shiquan_score.cli import main
from shiquan_score.output.audit import detail_columns
from shiquan_score.read.own import read_mark
from shiquan_score.scheme.loader import load_scheme
from tests.conftest import ROOT, SAMPLE, ledger_rows, table_by_name, write_ledger

D = dt.date


def other_county_rules(folder: Path) -> Path:
    """rules.toml reworded as another county might: titles with {months}, one a prefix of the
    other, the name column 部门名称, a 备注 starting 说明：."""
    text = (ROOT / "templates" / "rules.toml").read_text(encoding="utf-8")
    text = text.replace(
        'title = "{county}{year}年信息采用情况统计表（镇）"',
        'title = "{county}{year}年{months}信息采用情况统计表（镇）"',
    )
    text = text.replace(
        'title = "{county}{year}年信息采用情况统计表（部门）"',
        'title = "{county}{year}年{months}信息采用情况统计表"',
    )
    text = text.replace(
        '{ header = ["单位名称"], value = "name"', '{ header = ["部门名称"], value = "name"'
    )
    text = text.replace('text = """备注：', 'text = """说明：')
    path = folder / "rules.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_own_workbook_under_another_schemes_wording(tmp_path, capsys):
    rules = other_county_rules(tmp_path)
    q1 = tmp_path / "q1"
    q1.mkdir()
    write_ledger(
        q1 / "台账.xlsx",
        ledger_rows(
            (D(2021, 2, 5), "财政局、审计局", "联合一", "政务动态", "市级"),
            (D(2021, 3, 5), "城关镇", "镇一", None, "各镇快讯"),
        ),
    )
    assert main([str(q1), "--out", str(tmp_path / "o1"), "--rules", str(rules)]) == 0
    book = tmp_path / "o1" / "石泉县2021年1-3月信息采用情况统计表.xlsx"
    mark = read_mark(book)
    assert (mark.period, mark.kind) == ("2021Q1", "tables")
    assert mark.sheets == {
        "附件1（镇）": "镇",
        "附件2（部门）": "部门",
        "明细": "detail",
        "问题": "problems",
        "调研加分": "record",
    }
    q2 = tmp_path / "q2"
    q2.mkdir()
    shutil.copy(book, q2)
    write_ledger(q2 / "台账.xlsx", ledger_rows((D(2021, 4, 5), "审计局", "二", None, "聚焦石泉")))
    capsys.readouterr()
    assert main([str(q2), "--out", str(tmp_path / "o2"), "--rules", str(rules)]) == 0
    out = capsys.readouterr().out
    assert (
        "石泉县2021年1-3月信息采用情况统计表.xlsx 是本工具生成的工作簿，"
        "其中的“明细”、“问题”、“调研加分”表是附表，已跳过"
    ) in out
    assert "期别：2021年4-6月。台账共 1 行 = 计分 1 + 不在本期 0 + 重复 0 + 有问题 0" in out
    dept = table_by_name(
        tmp_path / "o2" / "石泉县2021年4-6月信息采用情况统计表.xlsx", "附件2（部门）"
    )
    assert dept["财政局"][8:11] == (0, 2.5, 2.5)  # the joint item counted once, in Q1
    assert dept["审计局"][8:11] == (0.5, 2.5, 3)
    town = table_by_name(
        tmp_path / "o2" / "石泉县2021年4-6月信息采用情况统计表.xlsx", "附件1（镇）"
    )
    assert town["城关镇"][8:11] == (0, 0.5, 0.5)


def test_own_problem_list_and_side_csv_are_never_ledgers(tmp_path, capsys):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(
        inbox / "台账.xlsx", ledger_rows((D(2021, 2, 5), "财政所", "一", None, "部门动态"))
    )
    assert main([str(inbox), "--out", str(tmp_path / "o1")]) == 1
    problem_list = tmp_path / "o1" / "石泉县2021年1-3月信息采用情况统计表_问题清单.xlsx"
    assert read_mark(problem_list).kind == "problems"
    inbox2 = tmp_path / "收件箱2"
    inbox2.mkdir()
    shutil.copy(problem_list, inbox2)
    header = ",".join(detail_columns(load_scheme()).values())
    row = "台账.xlsx（台账）,4,2021-02-05,财政局,1,一,新闻动态,部门动态,0.5,0.5,新闻动态被“部门动态”采用计0.5分"
    (inbox2 / "石泉县2021年1-3月信息采用情况统计表_明细.csv").write_text(
        f"\ufeff{header}\n{row}\n", encoding="utf-8"
    )
    write_ledger(
        inbox2 / "台账.xlsx", ledger_rows((D(2021, 2, 5), "财政局", "一", None, "部门动态"))
    )
    capsys.readouterr()
    assert main([str(inbox2), "--out", str(tmp_path / "o2")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        "已跳过 石泉县2021年1-3月信息采用情况统计表_问题清单.xlsx：是本工具生成的问题清单，不是台账"
        in out
    )
    assert (
        "已跳过 石泉县2021年1-3月信息采用情况统计表_明细.csv：是本工具生成的“明细”表（CSV），不是台账"
        in out
    )
    assert "期别：2021年1-3月。台账共 1 行 = 计分 1 + 不在本期 0 + 重复 0 + 有问题 0" in out


def test_copies_of_our_problem_list_saved_by_the_clerk_are_ours(tmp_path, capsys):
    """The 问题清单 saved again by the clerk loses our mark: as CSV (Excel's 另存为, GBK, the
    preamble lines above the header) or as a new workbook. Each is named as ours and left
    out — never "no ledger header", never a ledger."""
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(
        inbox / "台账.xlsx", ledger_rows((D(2021, 2, 5), "财政所", "一", None, "部门动态"))
    )
    assert main([str(inbox), "--out", str(tmp_path / "o1")]) == 1
    problem_list = tmp_path / "o1" / "石泉县2021年1-3月信息采用情况统计表_问题清单.xlsx"
    rows = list(openpyxl.load_workbook(problem_list)["问题"].iter_rows(values_only=True))
    assert rows[3][:2] == ("来源（文件/工作表）", "行号")  # the preamble stands above it
    inbox2 = tmp_path / "收件箱2"
    inbox2.mkdir()
    with (inbox2 / "问题清单.csv").open("w", encoding="gbk", newline="") as fh:
        csv.writer(fh).writerows([["" if v is None else v for v in row] for row in rows])
    copy = openpyxl.Workbook()
    copy.active.title = "问题"
    for row in rows:
        copy.active.append(row)
    copy.save(inbox2 / "问题清单（另存）.xlsx")
    write_ledger(
        inbox2 / "台账.xlsx", ledger_rows((D(2021, 2, 5), "财政局", "一", None, "部门动态"))
    )
    capsys.readouterr()
    assert main([str(inbox2), "--out", str(tmp_path / "o2")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "已跳过 问题清单.csv：是本工具生成的“问题”表（CSV），不是台账" in out
    assert (
        "已跳过 问题清单（另存）.xlsx（问题）：是本工具生成的“问题”表"
        "（从统计表或问题清单另存的副本），不是台账"
    ) in out
    assert not [line for line in out if "没有台账表头" in line]
    assert "期别：2021年1-3月。台账共 1 行 = 计分 1 + 不在本期 0 + 重复 0 + 有问题 0" in out


def test_a_hand_made_table_carries_no_mark():
    assert read_mark(SAMPLE / "石泉县2020年7-9月信息采用情况统计表.xlsx") is None
    assert read_mark(SAMPLE / "说明.txt") is None
    assert openpyxl  # the workbook reader the tests use
