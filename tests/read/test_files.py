"""Reading ledgers as they really come: xlsx, legacy xls, CSV in UTF-8 or GBK, several files."""

from __future__ import annotations

import datetime as dt
import shutil

import openpyxl
import xlsxwriter

from shiquan_score.cli import main
from shiquan_score.read.files import read_file, scan_inbox
from tests.conftest import DATA, ledger_rows, table_by_name, write_ledger

D = dt.date
BOOK = "石泉县2021年1-3月信息采用情况统计表.xlsx"
CSV_TEXT = "序号,日期,单位,标题,类别,采用渠道\n1,2021-01-05,县财政局,䶮字标题,,部门动态\n\n2,2021.02.01,城关镇,镇里,新闻,各镇快讯\n"


def test_scan_inbox_skips_what_is_not_a_spreadsheet(tmp_path):
    for name in ["台账.xlsx", "旧.xls", "导出.csv", "通报.docx", "~$台账.xlsx", "照片.jpg"]:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "子文件夹").mkdir()
    files, skipped = scan_inbox(tmp_path)
    assert [p.name for p in files] == ["台账.xlsx", "导出.csv", "旧.xls"]
    assert [(p.name, why) for p, why in skipped] == [
        ("~$台账.xlsx", "是 Excel/WPS 打开文件时留下的临时文件"),
        ("子文件夹", "是文件夹，不读取其中的文件"),
        ("照片.jpg", "不是表格文件（.xlsx/.xls/.csv）"),
        ("通报.docx", "不是表格文件（.xlsx/.xls/.csv）"),
    ]


def test_excel_row_numbers_survive_leading_blank_rows(tmp_path):
    path = tmp_path / "台账.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet()
    ws.write_row(4, 1, ["日期", "单位", "标题", "采用渠道"])
    ws.write_row(5, 1, ["2020-10-01", "财政局", "t", "部门动态"])
    wb.close()
    (sheet,), _ = read_file(path)
    assert sheet.rows.tolist() == [1, 2, 3, 4, 5, 6]
    assert sheet.cells.iloc[5].tolist()[:4] == ["2020-10-01", "财政局", "t", "部门动态"]


def _q1(capsys, inbox, tmp_path):
    code = main([str(inbox), "--out", str(tmp_path / "out")])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out.splitlines(), tmp_path / "out" / BOOK


def test_csv_in_gbk_as_excel_saves_it(capsys, inbox, tmp_path):
    (inbox / "导出.csv").write_bytes(CSV_TEXT.replace("䶮字", "").encode("gbk"))
    out, book = _q1(capsys, inbox, tmp_path)
    assert "导出.csv 按 GB18030 编码读取，列之间用逗号分隔" in out
    assert table_by_name(book, "附件2（部门）")["财政局"][1] == 1
    assert table_by_name(book, "附件1（镇）")["城关镇"][1] == 1


def test_csv_in_utf8_with_bom_and_a_character_outside_gbk(capsys, inbox, tmp_path):
    (inbox / "导出.csv").write_bytes(CSV_TEXT.encode("utf-8-sig"))
    out, book = _q1(capsys, inbox, tmp_path)
    assert any(line.startswith("导出.csv 按 UTF-8") for line in out)
    assert table_by_name(book, "附件2（部门）")["财政局"][1] == 1


def test_csv_row_numbers_count_blank_lines(capsys, inbox, tmp_path):
    (inbox / "导出.csv").write_bytes(CSV_TEXT.replace("城关镇", "城关").encode("utf-8"))
    assert main([str(inbox), "--out", str(tmp_path)]) == 1
    assert (
        "导出.csv 第4行：单位“城关”不在单位名单中，最接近的是：城关镇。" in capsys.readouterr().err
    )


def test_legacy_xls(capsys, inbox, tmp_path):
    shutil.copy(DATA / "台账_旧版.xls", inbox)
    code = main([str(inbox), "--out", str(tmp_path), "--period", "2020Q4"])
    assert code == 1  # no previous table for Q4: the ledger itself was read fine
    assert capsys.readouterr().err == (
        "错误：收件箱里没有附件1（镇）、附件2（部门）的上期表（2020年7-9月）。"
        "二至四季度需要上期累计分：请把上季度发布的附件1、附件2都放入收件箱\n"
    )
    sheets, _ = read_file(inbox / "台账_旧版.xls")
    assert sheets[0].cells.iloc[3].fillna("").tolist()[1:] == [
        "2020-10-09 00:00:00",
        "县财政局",
        "财政局落实减税降费政策",
        "",
        "部门动态、市政府网站",
    ]


def test_several_ledgers_are_combined(capsys, inbox, tmp_path):
    write_ledger(
        inbox / "一月.xlsx", ledger_rows((D(2021, 1, 5), "财政局", "一", None, "部门动态"))
    )
    write_ledger(
        inbox / "二月.xlsx", ledger_rows((D(2021, 2, 5), "财政局", "二", None, "部门动态"))
    )
    out, book = _q1(capsys, inbox, tmp_path)
    assert table_by_name(book, "附件2（部门）")["财政局"][1] == 2
    assert out[-2] == "期别：2021年1-3月。台账共 2 行 = 计分 2 + 不在本期 0 + 重复 0 + 有问题 0"


def test_hidden_sheet_with_ledger_rows_is_counted_not_scored(capsys, inbox, tmp_path):
    """A hidden 填表说明 with an example row: the example must never score, and the clerk
    sees it in the accounting line and on the 问题 sheet."""
    path = inbox / "台账.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("台账")
    ws.write_row(0, 0, ["日期", "单位", "标题", "采用渠道"])
    ws.write_row(1, 0, ["2021-01-05", "财政局", "t", "部门动态"])
    hidden = wb.add_worksheet("填表说明")
    hidden.write_row(0, 0, ["日期", "单位", "标题", "采用渠道"])
    hidden.write_row(1, 0, ["2021-01-06", "财政局", "示例", "部门动态"])
    hidden.hide()
    wb.close()
    out, book = _q1(capsys, inbox, tmp_path)
    assert (
        "期别：2021年1-3月。台账共 2 行 = 计分 1 + 不在本期 0 + 重复 0 + 有问题 1"
        "（其中隐藏工作表中的行 1，不计分）"
    ) in out
    assert table_by_name(book, "附件2（部门）")["财政局"][1] == 1
    problems = list(openpyxl.load_workbook(book)["问题"].iter_rows(values_only=True))
    assert problems[4][:6] == ("台账.xlsx（填表说明）", 2, "", "", "未计分", "隐藏工作表")
    assert problems[4][6] == (
        "该工作表是隐藏的，其中第2行至第2行共 1 行台账未计分；"
        "如要计分，请在 Excel/WPS 中取消隐藏该工作表（或把这些行复制到台账中）后重新运行"
    )


def test_missing_required_column(capsys, inbox, tmp_path):
    write_ledger(
        inbox / "台账.xlsx",
        [[1, "2021-01-05", "财政局", "t", "新闻"]],
        header=["序号", "日期", "单位", "标题", "类别"],
    )
    assert main([str(inbox), "--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "错误：台账.xlsx（台账） 第3行像是台账表头，但缺少“采用渠道”列；请补上该列，或在规则文件 [ledger].columns 中加入该表头的写法"
    ]


def test_cells_merged_down_fill_every_row(capsys, inbox, tmp_path):
    path = inbox / "台账.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("台账")
    ws.merge_range("B1:E1", "2021年台账")
    ws.write_row(2, 1, ["日期", "单位", "标题", "采用渠道"])
    ws.merge_range("B4:B6", "2021-01-05")
    ws.write_column(3, 2, ["财政局", "审计局", "统计局"])
    ws.write_column(3, 3, ["甲", "乙", "丙"])
    ws.merge_range("E4:E5", "部门动态")
    ws.write(5, 4, "聚焦石泉")
    wb.close()
    out, book = _q1(capsys, inbox, tmp_path)
    assert "台账.xlsx（台账） 有 2 处上下合并的单元格，已把合并的值填入所合并的每一行" in out
    table = table_by_name(book, "附件2（部门）")
    assert [table[u][1:3] for u in ("财政局", "审计局", "统计局")] == [(1, 0), (1, 0), (0, 1)]


def test_eager_and_lazy_loading_agree_on_cells_and_columns(tmp_path):
    """A sheet whose cells start at C3: both ways give the same text and sheet columns."""
    import fastexcel

    from shiquan_score.read.files import load_sheet
    from shiquan_score.read.safety.sniff import SheetInfo

    path = tmp_path / "台账.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("台账")
    sheet.write("C3", "日期")
    sheet.write("E5", "单位")
    book.close()
    reader = fastexcel.read_excel(path)
    info = SheetInfo("台账", True, frozenset(), None)
    eager_frame, eager_columns, eager_visible = load_sheet(reader, 0, info)
    lazy_frame, lazy_columns, lazy_visible = load_sheet(reader, 0, None)
    assert eager_visible and lazy_visible
    assert eager_columns == lazy_columns == [2, 3, 4]
    assert eager_frame.equals(lazy_frame)
    assert eager_frame.iloc[:, 0].dropna().tolist() == ["日期"]
    assert eager_frame.iloc[:, 2].dropna().tolist() == ["单位"]


def test_reader_failures_name_the_file_never_the_library_text(tmp_path, monkeypatch):
    import fastexcel
    import pytest

    from shiquan_score.errors import InputError

    path = tmp_path / "台账.xlsx"
    write_ledger(path, ledger_rows((D(2020, 10, 1), "财政局", "t", None, "部门动态")))

    def no_book(*_args, **_kwargs):
        raise RuntimeError("calamine error: Xml error: something English")

    monkeypatch.setattr(fastexcel, "read_excel", no_book)
    with pytest.raises(InputError) as exc:
        read_file(path)
    assert str(exc.value) == (
        "台账.xlsx 无法按 Excel 工作簿读取，请用 Excel/WPS 打开后另存为 .xlsx 再放入"
    )
    monkeypatch.undo()

    class Reader:
        sheet_names = ("Sheet1",)

        def load_sheet(self, *_args, **_kwargs):
            raise RuntimeError("calamine error: Cell error")

        load_sheet_eager = load_sheet

    monkeypatch.setattr(fastexcel, "read_excel", lambda *_a, **_k: Reader())
    with pytest.raises(InputError) as exc:
        read_file(path)
    assert str(exc.value) == (
        "台账.xlsx 的工作表“Sheet1”无法读取，请用 Excel/WPS 打开后另存为 .xlsx 再放入"
    )
