"""The command line: exit codes and the exact text the clerk reads."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from shiquan_score.cli import main
from tests.conftest import (
    PREVIOUS_Q3,
    SAMPLE,
    ledger_rows,
    table_by_name,
    write_ledger,
)

D = dt.date


def run(capsys, *args) -> tuple[int, list[str], list[str]]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    # a Chinese Windows console is GBK: everything printed must encode
    (captured.out + captured.err).encode("gbk")
    return code, captured.out.splitlines(), captured.err.splitlines()


def test_missing_inbox_argument_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "错误：命令写法不对（缺少参数 收件箱）。查看说明：python convert.py -h"
    )


def test_unknown_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["x", "--frobnicate"])
    assert exc.value.code == 2
    assert "不认识的参数" in capsys.readouterr().err


def test_help_is_chinese(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["-h"])
    assert exc.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("用法：python convert.py")
    for option in ("--out", "--period", "--rules", "--roster"):
        assert option in text
    text.encode("gbk")
    # group headings with a Chinese colon; --period's rule as the README states it
    assert "\n参数：\n" in text and "\n选项：\n" in text and ":\n" not in text
    assert (
        "统计哪一季度，如2020Q4；不写则按上期表的下一季度；没有上期表时，"
        "按台账中记完整（记到了该季度最后一个月）的最后一个季度，都不完整时取行数最多的季度"
        "。按月、半年或年统计的办法（rules.toml的period），期别写作2021-03、2021H1或2021，"
        "以上的“季度”相应换成月、半年或年"
    ) in re.sub(r"\s+", "", text)


@pytest.mark.parametrize("word", ["乡镇", "附件3", "，"])
def test_a_tables_word_the_rules_do_not_know_is_a_usage_error(capsys, inbox, tmp_path, word):
    """Exit 2 like every other wrong command value, the accepted words listed; nothing run."""
    with pytest.raises(SystemExit) as exc:
        main([str(inbox), "--out", str(tmp_path / "out"), "--tables", word])
    assert exc.value.code == 2
    unknown = "（空）" if word == "，" else word
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"错误：命令写法不对（--tables “{word}”中有不认识的表：{unknown}；"
        "可用的有：镇（附件1）、部门（附件2））。查看说明：python convert.py -h"
    )
    assert not (tmp_path / "out").exists()


def test_first_quarter_needs_no_previous_table(capsys, inbox, tmp_path):
    write_ledger(
        inbox / "台账.xlsx",
        ledger_rows(
            (D(2021, 1, 5), "财政局", "一季度", None, "部门动态"),
            (D(2021, 2, 5), "城关镇", "镇里", None, "各镇快讯、市政府网站"),
        ),
    )
    code, out, err = run(capsys, inbox, "--out", tmp_path / "out")
    assert code == 0, err
    book = tmp_path / "out" / "石泉县2021年1-3月信息采用情况统计表.xlsx"
    assert out[-1] == f"已生成：{book}"
    dept = table_by_name(book, "附件2（部门）")
    assert dept["财政局"][8:12] == (0.5, 0, 0.5, 1)
    town = table_by_name(book, "附件1（镇）")
    assert town["城关镇"][8:12] == (1.5, 0, 1.5, 1)
    assert town["饶峰镇"][8:12] == (0, 0, 0, 2)


def test_first_quarter_ignores_last_years_table(capsys, q4_inbox, tmp_path):
    write_ledger(
        q4_inbox / "台账.xlsx", ledger_rows((D(2021, 1, 5), "财政局", "一季度", None, "部门动态"))
    )
    code, out, _ = run(capsys, q4_inbox, "--out", tmp_path)
    assert code == 0
    assert f"本期是一季度，累计从0开始，已忽略上期表 {PREVIOUS_Q3.name}（附件1）" in out


def test_missing_previous_table_is_refused(capsys, inbox, tmp_path):
    write_ledger(
        inbox / "台账.xlsx", ledger_rows((D(2020, 10, 5), "财政局", "四季度", None, "部门动态"))
    )
    code, out, err = run(capsys, inbox, "--out", tmp_path / "out")
    assert code == 1
    # what was decided before the error is shown too
    assert out == [
        "本期：2020年10-12月（2020Q4）。依据：收件箱里没有上期表，取台账中行数最多的季度；"
        "台账各季度行数：2020年10-12月 1 行（只到10月5日）",
        "附件1（镇）：台账中本期没有镇的采用记录，收件箱里也没有它的上期表，本次不生成这张表",
    ]
    assert err == [
        "错误：收件箱里没有附件2（部门）的上期表（2020年7-9月）。"
        "二至四季度需要上期累计分：请把上季度发布的附件2放入收件箱。"
        "本期2020年10-12月是程序判断的（见上方“本期”一行）；如果要统计别的期，请用 --period 指定"
        "（一季度不需要上期表，其余各期都要放入上一期的统计表）"
    ]
    assert not (tmp_path / "out").exists()


def _edited_previous(folder: Path, edit) -> Path:
    target = folder / PREVIOUS_Q3.name
    wb = openpyxl.load_workbook(PREVIOUS_Q3)
    edit(wb)
    wb.save(target)
    return target


def test_previous_table_with_a_gap_is_refused(capsys, inbox, tmp_path):
    def to_q2(wb):
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and "7-9月" in cell.value:
                        cell.value = cell.value.replace("7-9月", "4-6月")

    _edited_previous(inbox, to_q2)
    write_ledger(
        inbox / "台账.xlsx", ledger_rows((D(2020, 10, 5), "财政局", "四季度", None, "部门动态"))
    )
    code, _, err = run(capsys, inbox, "--out", tmp_path)
    assert code == 1
    assert err == [
        f"错误：无法确定本期：上期表 {PREVIOUS_Q3.name} 是2020年4-6月的，据此本期应是2020年7-9月；"
        "但台账中没有2020年7-9月的行（台账各季度行数：2020年10-12月 1 行（只到10月5日））。"
        "请放入2020年7-9月的台账，或换入正确的上期表，或用 --period 指定期别，"
        f"如 --period 2020Q4（还要把上期表 {PREVIOUS_Q3.name} 换成2020年7-9月的）"
    ]
    # with --period the gap itself is named
    code, _, err = run(capsys, inbox, "--out", tmp_path, "--period", "2020Q4")
    assert err == [
        f"错误：上期表 {PREVIOUS_Q3.name}（附件1） 是2020年4-6月的，本期是2020年10-12月，"
        "应放入2020年7-9月的附件1（隔期会漏算分数）"
    ]


def test_previous_table_with_unknown_unit_is_refused(capsys, inbox, tmp_path):
    def rename(wb):
        ws = wb["附件2"]
        for row in ws.iter_rows():
            if row[0].value == "财政局":
                row[0].value = "财政所"
                break

    _edited_previous(inbox, rename)
    write_ledger(
        inbox / "台账.xlsx", ledger_rows((D(2020, 10, 5), "财政局", "四季度", None, "部门动态"))
    )
    code, _, err = run(capsys, inbox, "--out", tmp_path)
    assert code == 1
    assert len(err) == 1
    assert err[0].startswith(
        f"错误：上期表 {PREVIOUS_Q3.name}（附件2） 中有单位名单里没有的单位：第"
    )
    assert err[0].endswith(
        "行“财政所”（最接近的是：财政局）。请改正上期表，或在 roster.toml 中为该单位加入别名；"
        "如果是单位更名，请在 roster.toml 新名称的单位下写 "
        'former = [{ name = "财政所", until = 更名日期 }]，累计分不断'
    )


def test_ledger_problems_write_only_the_problem_list(capsys, q4_inbox, tmp_path):
    write_ledger(
        q4_inbox / "台账.xlsx",
        ledger_rows(
            (D(2020, 10, 5), "财政局", "好的一条", None, "部门动态"),
            (D(2020, 10, 6), "教体局", "错的一条", None, "部门动态"),
            (D(2020, 10, 7), "财政局", "渠道错", None, "公众号"),
        ),
    )
    out_dir = tmp_path / "out"
    code, out, err = run(capsys, q4_inbox, "--out", out_dir)
    assert code == 1
    listing = out_dir / "石泉县2020年10-12月信息采用情况统计表_问题清单.xlsx"
    assert out[-1] == "期别：2020年10-12月。台账共 3 行 = 计分 1 + 不在本期 0 + 重复 0 + 有问题 2"
    assert err == [
        f"发现 2 处错误，未生成统计表。问题清单：{listing}",
        "  台账.xlsx（台账） 第5行：单位“教体局”不在单位名单中，最接近的是：教体科技局。请改正台账，或在 roster.toml 中为该单位加入别名",
        "  台账.xlsx（台账） 第6行：采用渠道“公众号”无法识别。可用的渠道有：部门动态、各镇快讯、聚焦石泉、市政府网站、县政府网站政务信息、市级、省级、国家级。请改正台账，或在 rules.toml 的 [[channel]] 中加入别名",
    ]
    assert sorted(p.name for p in out_dir.iterdir()) == [listing.name]
    sheet = openpyxl.load_workbook(listing)["问题"]
    assert sheet["A2"].value == "有 2 处错误（级别为“错误”），改正台账后重新运行才会生成统计表。"
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert [(r[1], r[2], r[3], r[4]) for r in rows] == [
        (5, "单位", "教体局", "错误"),
        (6, "采用渠道", "公众号", "错误"),
    ]


def test_inbox_without_ledger(capsys, inbox, tmp_path):
    (inbox / "说明.txt").write_text("无", encoding="utf-8")
    code, _, err = run(capsys, inbox, "--out", tmp_path)
    assert code == 1
    assert err == [
        f"错误：文件夹 {inbox} 里没有找到台账（需要有“日期、单位、标题、采用渠道”等表头的表格）"
    ]


def test_missing_inbox_folder(capsys, tmp_path):
    code, _, err = run(capsys, tmp_path / "没有", "--out", tmp_path)
    assert code == 1
    assert err == [f"错误：找不到文件夹 {tmp_path / '没有'}，请确认路径"]


def test_bad_period_option_is_a_usage_error(capsys, tmp_path):
    with pytest.raises(SystemExit) as exc:
        main([str(SAMPLE), "--period", "2020-4", "--out", str(tmp_path)])
    assert exc.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "错误：命令写法不对（期别“2020-4”写法不对，请写成年份加季度，如 2020Q4）。查看说明：python convert.py -h"
    )


def test_header_aliases_and_title_rows(capsys, q4_inbox, tmp_path):
    header = ["编号", "刊发日期", "供稿单位", "稿件标题", "信息类别", "采用栏目", "备注"]
    write_ledger(
        q4_inbox / "台账.xlsx",
        [[1, "2020年10月12日", "石泉县财政局", "标题", "新闻", "部门动态", ""]],
        header=header,
        title="石泉县2020年四季度信息采用台账",
    )
    code, _, err = run(capsys, q4_inbox, "--out", tmp_path)
    assert code == 0, err
    table = table_by_name(tmp_path / "石泉县2020年10-12月信息采用情况统计表.xlsx", "附件2（部门）")
    assert table["财政局"][1] == 1 and table["财政局"][8] == 0.5


def test_notes_sheet_prints_in_research_cells(capsys, q4_inbox, tmp_path):
    write_ledger(
        q4_inbox / "台账.xlsx",
        ledger_rows((D(2020, 10, 5), "财政局", "t", None, "部门动态")),
        notes=[("县财政局", "省市暂未反馈")],
    )
    code, _, _ = run(capsys, q4_inbox, "--out", tmp_path)
    assert code == 0
    row = table_by_name(tmp_path / "石泉县2020年10-12月信息采用情况统计表.xlsx", "附件2（部门）")[
        "财政局"
    ]
    assert row[6:8] == ("省市暂未反馈", None)


def test_note_prints_beside_a_county_research_adoption(capsys, q4_inbox, tmp_path):
    """County adopted, city and province not yet (issue 10 item 8): the 县级 cell shows its
    count and the note fills the zero 省级/市级 cells. A unit with a city adoption keeps its
    count; the 提示 names the 备注 sheet and the note's Excel row."""
    write_ledger(
        q4_inbox / "台账.xlsx",
        ledger_rows(
            (D(2020, 10, 5), "财政局", "预算调研", "调研信息", "县政府网站政务信息"),
            (D(2020, 10, 6), "审计局", "审计调研", "调研信息", "市级"),
        ),
        notes=[("政府办", "省市暂未反馈"), ("财政局", "省市暂未反馈"), ("审计局", "省市暂未反馈")],
    )
    code, _, err = run(capsys, q4_inbox, "--out", tmp_path)
    assert code == 0, err
    book = tmp_path / "石泉县2020年10-12月信息采用情况统计表.xlsx"
    table = table_by_name(book, "附件2（部门）")
    sheet = openpyxl.load_workbook(book)["附件2（部门）"]
    assert [c.value for c in sheet[7][6:9]] == ["省级", "市级", "县级"]  # under 调研信息
    assert table["财政局"][6:10] == ("省市暂未反馈", None, 1, 3)
    assert table["政府办"][6:9] == ("省市暂未反馈", None, 0)
    assert table["审计局"][6:10] == (0, 1, 0, 10)
    sheet = openpyxl.load_workbook(book)["问题"].iter_rows(values_only=True)
    assert [r for r in sheet if r[5] == "备注未印出"] == [
        (
            "台账.xlsx（备注）",
            4,
            "备注",
            "省市暂未反馈",
            "提示",
            "备注未印出",
            "审计局本期有调研信息采用，备注“省市暂未反馈”没有印在表中（采用条数优先）",
        )
    ]


def test_notes_sheet_with_unknown_unit_is_an_error(capsys, q4_inbox, tmp_path):
    write_ledger(
        q4_inbox / "台账.xlsx",
        ledger_rows((D(2020, 10, 5), "财政局", "t", None, "部门动态")),
        notes=[("财政所", "省市暂未反馈")],
    )
    code, _, err = run(capsys, q4_inbox, "--out", tmp_path)
    assert code == 1
    assert (
        err[1]
        == "  台账.xlsx（备注） 第2行：备注表的单位“财政所”不在单位名单中，最接近的是：财政局。请改正备注表"
    )


def test_state_council_research_gains_a_column(capsys, q4_inbox, tmp_path):
    write_ledger(
        q4_inbox / "台账.xlsx",
        ledger_rows(
            (D(2020, 10, 5), "财政局", "调研", "调研信息", "县政府网站政务信息、市级"),
            (D(2020, 11, 5), "财政局", "调研", "调研信息", "国务院办公厅"),
        ),
    )
    code, _, _ = run(capsys, q4_inbox, "--out", tmp_path)
    assert code == 0
    ws = openpyxl.load_workbook(tmp_path / "石泉县2020年10-12月信息采用情况统计表.xlsx")[
        "附件2（部门）"
    ]
    assert [ws.cell(7, c).value for c in range(5, 12)] == [
        "省级",
        "市级",
        "国家级",
        "省级",
        "市级",
        "县级",
        None,
    ]
    assert ws["G4"].value is None and ws["E6"].value == "动态信息" and ws["G6"].value == "调研信息"
    row = table_by_name(tmp_path / "石泉县2020年10-12月信息采用情况统计表.xlsx", "附件2（部门）")[
        "财政局"
    ]
    # counts: 国家级 1, 省级 0, 市级 1, 县级 1; 本期 = 3 + 30 (the highest bonus only)
    assert row[6:10] == (1, 0, 1, 1)
    assert row[10] == 33
    book = openpyxl.load_workbook(tmp_path / "石泉县2020年10-12月信息采用情况统计表.xlsx")
    wb_towns = book["附件1（镇）"]
    assert [wb_towns.cell(7, c).value for c in range(5, 9)] == ["省级", "市级", "省级", "市级"]


def test_workbook_open_in_excel(capsys, tmp_path, monkeypatch):
    """Windows refuses to rename or replace a file Excel holds open: simulated by both."""
    out = tmp_path / "out"
    assert main([str(SAMPLE), "--out", str(out)]) == 0
    book = out / "石泉县2020年10-12月信息采用情况统计表.xlsx"
    same = book.read_bytes()
    book.write_bytes(b"an earlier, different workbook")  # what the clerk may have sent
    capsys.readouterr()

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    monkeypatch.setattr(os, "rename", locked)
    code, _, err = run(capsys, SAMPLE, "--out", out)
    assert code == 1
    assert err == [f"错误：请先关闭 Excel/WPS 中打开的 {book.name}，再重新运行"]
    assert book.read_bytes() == b"an earlier, different workbook"
    assert sorted(p.name for p in out.iterdir()) == [book.name]
    # The same bytes as this run's: nothing to replace, so an open file is no obstacle.
    book.write_bytes(same)
    code, _, err = run(capsys, SAMPLE, "--out", out)
    assert code == 0, err
    assert book.read_bytes() == same


def test_inbox_is_not_modified(tmp_path, capsys):
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLE, inbox)
    before = {p.name: p.read_bytes() for p in inbox.iterdir()}
    assert main([str(inbox), "--out", str(tmp_path / "out")]) == 0
    assert {p.name: p.read_bytes() for p in inbox.iterdir()} == before


def test_header_only_ledger(capsys, inbox, tmp_path):
    write_ledger(inbox / "台账.xlsx", [[1], [2]])
    code, _, err = run(capsys, inbox, "--out", tmp_path, "--period", "2020Q1")
    assert code == 1
    assert err == ["错误：台账 台账.xlsx（台账） 只有表头，没有采用记录，请先填写台账"]


def test_period_follows_last_quarters_table(capsys, q4_inbox, tmp_path):
    # a year-long ledger: most rows in Q2, but last quarter's table is Q3, so this is Q4
    items = [(D(2020, 5, d), "财政局", f"五月{d}", None, "部门动态") for d in range(1, 6)]
    items.append((D(2020, 11, 2), "财政局", "十一月", None, "部门动态"))
    write_ledger(q4_inbox / "台账.xlsx", ledger_rows(*items))
    code, out, _ = run(capsys, q4_inbox, "--out", tmp_path)
    assert code == 0
    assert (
        f"本期：2020年10-12月（2020Q4）。依据：上期表 {PREVIOUS_Q3.name} 是2020年7-9月的；"
        "台账各季度行数：2020年4-6月 5 行（只到5月5日）、10-12月 1 行（只到11月2日）"
    ) in out
    assert out[-3].startswith("期别：2020年10-12月。台账共 6 行 = 计分 1 + 不在本期 5")
    assert out[-2] == "有 1 条提示，请在工作簿的“问题”表中核对"  # the May rows: one 上期补记


def test_ledger_kept_in_the_same_workbook_as_last_quarters_table(capsys, inbox, tmp_path):
    target = inbox / "台账和上期表.xlsx"
    wb = openpyxl.load_workbook(PREVIOUS_Q3)
    ws = wb.create_sheet("2020年台账")
    ws.append(["日期", "单位", "标题", "采用渠道"])
    ws.append(["2020-10-05", "财政局", "合订", "部门动态"])
    wb.save(target)
    code, out, err = run(capsys, inbox, "--out", tmp_path)
    assert code == 0, err
    assert out[-2] == "期别：2020年10-12月。台账共 1 行 = 计分 1 + 不在本期 0 + 重复 0 + 有问题 0"


def test_last_quarters_own_output_skips_its_audit_sheets(capsys, tmp_path):
    first = tmp_path / "q4"
    assert main([str(SAMPLE), "--out", str(first)]) == 0
    inbox = tmp_path / "q1"
    inbox.mkdir()
    shutil.copy(first / "石泉县2020年10-12月信息采用情况统计表.xlsx", inbox)
    write_ledger(inbox / "台账.xlsx", ledger_rows((D(2021, 1, 5), "财政局", "t", None, "部门动态")))
    capsys.readouterr()
    code, out, _ = run(capsys, inbox, "--out", tmp_path / "out")
    assert code == 0
    assert (
        "石泉县2020年10-12月信息采用情况统计表.xlsx 是本工具生成的工作簿，"
        "其中的“明细”、“问题”、“调研加分”表是附表，已跳过"
    ) in out


def test_previous_total_as_formula_without_result_is_refused(capsys, inbox, tmp_path):
    def formulas(wb):
        ws = wb["附件2"]
        for r in range(8, 12):
            ws.cell(r, 11).value = f"=I{r}+J{r}"

    _edited_previous(inbox, formulas)
    write_ledger(
        inbox / "台账.xlsx", ledger_rows((D(2020, 10, 5), "财政局", "t", None, "部门动态"))
    )
    code, _, err = run(capsys, inbox, "--out", tmp_path)
    assert code == 1
    assert err == [
        f"错误：上期表 {PREVIOUS_Q3.name}（附件2） 第8行的累计是公式，但文件里没有保存计算结果；"
        "请用 Excel/WPS 打开该文件、保存后再放入"
    ]


def test_previous_table_missing_a_ranked_unit_is_refused(capsys, inbox, tmp_path):
    def drop(wb):
        ws = wb["附件2"]
        for row in ws.iter_rows(min_row=8):
            if row[0].value == "人社局":
                ws.delete_rows(row[0].row)
                break

    _edited_previous(inbox, drop)
    write_ledger(
        inbox / "台账.xlsx", ledger_rows((D(2020, 10, 5), "财政局", "t", None, "部门动态"))
    )
    code, _, err = run(capsys, inbox, "--out", tmp_path)
    assert code == 1
    assert err == [
        f"错误：上期表 {PREVIOUS_Q3.name}（附件2） 缺少单位：人社局。请补上这些单位的行"
        "（上期累计为0的写0），或确认放入的是完整的上期表"
    ]


def test_stale_outputs_are_named_or_removed(capsys, q4_inbox, tmp_path):
    out_dir = tmp_path / "out"
    ledger = q4_inbox / "台账.xlsx"
    write_ledger(ledger, ledger_rows((D(2020, 10, 5), "财政局", "t", None, "部门动态")))
    assert main([str(q4_inbox), "--out", str(out_dir)]) == 0
    write_ledger(ledger, ledger_rows((D(2020, 10, 5), "财政所", "t", None, "部门动态")))
    code, out, _ = run(capsys, q4_inbox, "--out", out_dir)
    assert code == 1
    table = out_dir / "石泉县2020年10-12月信息采用情况统计表.xlsx"
    assert f"注意：{table} 是以前生成的，不是按本次台账生成的；改正问题之前请勿使用" in out
    write_ledger(ledger, ledger_rows((D(2020, 10, 5), "财政局", "t", None, "部门动态")))
    code, out, _ = run(capsys, q4_inbox, "--out", out_dir)
    assert code == 0
    assert (
        "已删除上次的问题清单 石泉县2020年10-12月信息采用情况统计表_问题清单.xlsx（问题已改正）"
        in out
    )
    assert sorted(p.name for p in out_dir.iterdir()) == [table.name]


def test_output_folder_inside_the_inbox_is_refused(capsys, q4_inbox):
    code, _, err = run(capsys, q4_inbox, "--out", q4_inbox / "输出")
    assert code == 1
    assert err == [
        f"错误：输出文件夹 {q4_inbox / '输出'} 在收件箱里：下次运行会把生成的表当成台账或上期表读入。"
        "请用 --out 指定收件箱以外的文件夹"
    ]


def test_notes_sheet_row_without_unit(capsys, q4_inbox, tmp_path):
    write_ledger(
        q4_inbox / "台账.xlsx",
        ledger_rows((D(2020, 10, 5), "财政局", "t", None, "部门动态")),
        notes=[("", "省市暂未反馈"), ("组织部", "省市暂未反馈")],
    )
    code, _, err = run(capsys, q4_inbox, "--out", tmp_path)
    assert code == 1
    assert err[1:] == [
        "  台账.xlsx（备注） 第2行：备注表有备注“省市暂未反馈”但没有写单位，请补上单位",
        "  台账.xlsx（备注） 第3行：备注表的单位“组织部”不在单位名单中，也没有相近的名称。请改正备注表",
    ]


def test_total_rows_are_named_in_the_accounting_line(capsys, q4_inbox, tmp_path):
    write_ledger(
        q4_inbox / "台账.xlsx",
        [
            [1, D(2020, 10, 5), "财政局", "t", None, "部门动态"],
            ["合计", None, None, None, None, None],
        ],
    )
    code, out, _ = run(capsys, q4_inbox, "--out", tmp_path)
    assert code == 0
    assert out[-2] == (
        "期别：2020年10-12月。台账共 2 行 = 计分 1 + 不在本期 0 + 重复 0 + 有问题 1（其中合计行 1，不计分）"
    )


def test_a_quarter_with_nothing_scored_still_gives_the_tables(capsys, q4_inbox, tmp_path):
    """Only last quarter's rows (and a 合计 row): 本期 is 0 everywhere, 累计 carries 上期."""
    write_ledger(
        q4_inbox / "台账.xlsx",
        ledger_rows(
            (D(2020, 9, 5), "政府办", "三季度", None, "部门动态"),
            ("合计", None, None, None, None),
        ),
    )
    code, out, err = run(capsys, q4_inbox, "--period", "2020Q4", "--out", tmp_path / "out")
    assert code == 0, err
    assert (
        "台账共 2 行 = 计分 0 + 不在本期 1 + 重复 0 + 有问题 1（其中合计行 1，不计分）" in out[-3]
    )
    book = tmp_path / "out" / "石泉县2020年10-12月信息采用情况统计表.xlsx"
    current, previous, total = table_by_name(book, "附件2（部门）")["政府办"][8:11]
    # 政府办's 累计 in the Q3 table is 141 (sample_data): this quarter's 上期, nothing added.
    q3 = openpyxl.load_workbook(q4_inbox / "石泉县2020年7-9月信息采用情况统计表.xlsx")["附件2"]
    q3_total = next(r[10] for r in q3.iter_rows(values_only=True) if r[0] == "政府办")
    assert (current, previous, total) == (0, q3_total, q3_total) == (0, 141, 141)
