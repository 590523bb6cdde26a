"""Every file a clerk has, through the command line: read what is a ledger, one clear line for
the rest (issue 11). Fixture files come from tests/messy_files.py."""

from __future__ import annotations

import os
import subprocess
import sys

import messy_files as mf
import openpyxl
import pytest

from shiquan_score.cli import main
from tests.conftest import ROOT, table_by_name

BOOK = "石泉县2021年1-3月信息采用情况统计表.xlsx"
ACCOUNT = "期别：2021年1-3月。台账共 {n} 行 = 计分 {s} + 不在本期 0 + 重复 0 + 有问题 {p}"


def _run(capsys, inbox, tmp_path, *extra):
    code = main([str(inbox), "--out", str(tmp_path / "out"), *extra])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


def _current(tmp_path) -> dict[str, float]:
    """本期 of every unit with points, from both tables as written."""
    book = tmp_path / "out" / BOOK
    found = {}
    for sheet in ("附件1（镇）", "附件2（部门）"):
        for name, row in table_by_name(book, sheet).items():
            cells = [c for c in row if c is not None]
            if len(cells) >= 4 and isinstance(row[-4], int | float) and row[-4]:
                found[name] = row[-4]
    return found


def _converts(capsys, inbox, tmp_path, notice: str | None = None, rows: int = 3) -> list[str]:
    code, out, err = _run(capsys, inbox, tmp_path)
    assert code == 0, err
    assert ACCOUNT.format(n=rows, s=rows, p=0) in out
    if notice:
        assert notice in out
    assert _current(tmp_path) == mf.EXPECTED
    return out


# --- CSV dialects (items 3, 5) ----------------------------------------------------------------


def test_csv_title_line_above_the_header(capsys, inbox, tmp_path):
    mf.csv_file(inbox)
    _converts(capsys, inbox, tmp_path, "台账.csv 按 UTF-8 编码读取，列之间用逗号分隔")


def test_csv_semicolons_under_a_pure_cjk_title(capsys, inbox, tmp_path):
    mf.csv_file(inbox, delimiter=";", title="信息采用台账")
    _converts(capsys, inbox, tmp_path, "台账.csv 按 UTF-8 编码读取，列之间用分号分隔")


def test_csv_sep_line_as_excel_writes_it(capsys, inbox, tmp_path):
    mf.csv_file(inbox, delimiter=";", sep_line=True, encoding="gb18030")
    _converts(
        capsys,
        inbox,
        tmp_path,
        "台账.csv 按 GB18030 编码读取，列之间用分号分隔（按文件第一行 sep= 的指定）",
    )


def test_csv_header_cell_with_a_line_break(capsys, inbox, tmp_path):
    header = [*mf.HEADER[:-1], "采用\n渠道"]
    mf.csv_file(inbox, delimiter="\t", header=header)
    _converts(capsys, inbox, tmp_path, "台账.csv 按 UTF-8 编码读取，列之间用制表符分隔")


def test_csv_with_cr_only_line_endings(capsys, inbox, tmp_path):
    mf.csv_file(inbox, newline="\r")
    _converts(capsys, inbox, tmp_path)


# --- a row with one field too many (item 4) ---------------------------------------------------


def test_csv_row_with_one_field_too_many_is_a_problem_and_the_rest_is_read(capsys, inbox, tmp_path):
    mf.csv_extra_field(inbox)
    code, out, err = _run(capsys, inbox, tmp_path)
    assert code == 1
    assert ACCOUNT.format(n=4, s=3, p=1) in out
    assert err[1:] == [
        "  台账.csv 第6行：这一行有 7 列，比表头多 1 列（可能是标题等文字里有作分隔用的逗号），"
        "后面的内容都错了位，未计分；请在 Excel/WPS 中打开改正这一行，或把含逗号的文字用英文双引号括起来"
    ]
    problems = openpyxl.load_workbook(tmp_path / "out" / BOOK.replace(".xlsx", "_问题清单.xlsx"))
    rows = list(problems["问题"].iter_rows(values_only=True))
    assert any(r[:2] == ("台账.csv", 6) and r[5] == "列数不对" for r in rows)


# --- encodings (items 10, 15) -----------------------------------------------------------------


def test_stray_byte_in_utf8_names_the_encoding_and_the_line(capsys, inbox, tmp_path):
    mf.csv_stray_byte(inbox)
    code, _, err = _run(capsys, inbox, tmp_path)
    assert code == 1
    assert err == [
        "错误：台账.csv 是 UTF-8 编码，但第5行有不属于 UTF-8 的字节（0xA3），程序不猜它原来是什么字；"
        "请用记事本或 Excel/WPS 打开该文件，改正这一行后另存为 CSV（UTF-8）再放入"
    ]
    assert not (tmp_path / "out").exists()


def test_excel_unicode_text_is_read_and_a_plain_txt_skipped(capsys, inbox, tmp_path):
    mf.unicode_txt(inbox)
    (inbox / "说明.txt").write_text("本文件夹放本季度的台账。", encoding="utf-8")
    out = _converts(
        capsys, inbox, tmp_path, "台账.txt 按 UTF-16（Unicode 文本） 编码读取，列之间用制表符分隔"
    )
    assert "已跳过 说明.txt：不是表格文件（.xlsx/.xls/.csv）" in out


def test_ods_is_read(capsys, inbox, tmp_path):
    mf.ods_ledger(inbox)
    _converts(capsys, inbox, tmp_path)


def test_wps_et_is_named_with_the_fix_even_when_the_run_fails(capsys, inbox, tmp_path):
    (inbox / "台账.et").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    code, out, err = _run(capsys, inbox, tmp_path)
    assert code == 1
    assert out == ["已跳过 台账.et：是 WPS 表格文件（.et），请在 WPS 中“另存为” .xlsx 再放入"]
    assert err == [
        f"错误：文件夹 {inbox} 里没有找到台账（需要有“日期、单位、标题、采用渠道”等表头的表格）"
    ]


# --- merged cells in .xls (item 9) ------------------------------------------------------------


def test_xls_merged_cells_are_filled_down_like_xlsx(capsys, inbox, tmp_path):
    mf.xls_merged(inbox)
    out = _converts(capsys, inbox, tmp_path)
    assert "台账.xls（台账） 有 2 处上下合并的单元格，已把合并的值填入所合并的每一行" in out


# --- totals rows and signature footers (items 1, 13) ------------------------------------------


def test_a_title_mentioning_a_total_is_a_title(capsys, inbox, tmp_path):
    header = ["标题", "日期", "单位", "类别", "采用渠道"]
    rows = [
        ["我县一季度招商引资合计签约12亿元", "2021-01-05", "财政局", "新闻动态", "部门动态"],
        ["全县总计划投资再创新高", "2021-02-10", "城关镇", "新闻动态", "各镇快讯"],
        ["财政局推进预算公开", "2021-03-01", "财政局", "新闻动态", "部门动态、市政府网站"],
        ["合计", None, None, None, "4"],
    ]
    mf.xlsx_ledger(inbox, rows=rows, header=header)
    code, out, err = _run(capsys, inbox, tmp_path)
    assert code == 0, err
    assert ACCOUNT.format(n=4, s=3, p=1) + "（其中合计行 1，不计分）" in out
    assert _current(tmp_path) == mf.EXPECTED


def test_subtotals_and_signature_footers_are_named(capsys, inbox, tmp_path):
    rows = [
        mf.ROWS[0],
        mf.ROWS[1],
        [None, "1月小计", None, None, None, "2"],
        mf.ROWS[2],
        ["总 计", None, None, None, None, "3"],
        ["制表人：张三", None, "审核：李四", None, None, None],
        [None, "制表日期：2021年4月2日", None, None, None, None],
    ]
    mf.xlsx_ledger(inbox, rows=rows)
    code, out, err = _run(capsys, inbox, tmp_path)
    assert code == 0, err
    assert ACCOUNT.format(n=7, s=3, p=4) + "（其中合计行 2、落款行 2，不计分）" in out
    assert _current(tmp_path) == mf.EXPECTED
    problems = list(
        openpyxl.load_workbook(tmp_path / "out" / BOOK)["问题"].iter_rows(values_only=True)
    )
    footers = [r for r in problems if r[5] == "落款行"]
    assert [(r[1], r[6]) for r in footers] == [
        (8, "落款行（制表人、审核等），不是采用记录，未计分"),
        (9, "落款行（制表人、审核等），不是采用记录，未计分"),
    ]


def test_signature_footers_in_a_title_column_that_comes_first(capsys, inbox, tmp_path):
    """制表人 under a 标题 column A once blocked the run as two rows without a date."""
    header = ["标题", "日期", "单位", "类别", "采用渠道"]
    rows = [
        ["我县一季度招商引资合计签约12亿元", "2021-01-05", "财政局", "新闻动态", "部门动态"],
        ["全县总计划投资再创新高", "2021-02-10", "城关镇", "新闻动态", "各镇快讯"],
        ["财政局推进预算公开", "2021-03-01", "财政局", "新闻动态", "部门动态、市政府网站"],
        ["制表人：张三", None, None, None, None],
        ["审核：李四", None, None, None, None],
    ]
    mf.xlsx_ledger(inbox, rows=rows, header=header)
    code, out, err = _run(capsys, inbox, tmp_path)
    assert code == 0, err
    assert ACCOUNT.format(n=5, s=3, p=2) + "（其中落款行 2，不计分）" in out
    assert _current(tmp_path) == mf.EXPECTED


# --- invisible marks in names (item 12) -------------------------------------------------------


def test_zero_width_and_other_invisible_marks_are_removed_from_names(capsys, inbox, tmp_path):
    rows = [list(r) for r in mf.ROWS]
    rows[0][2] = "\u200b财政局"
    rows[1][2] = "城\ufeff关\u00ad镇\u2060"
    rows[2][2] = "财\u200c政\u200d局"
    mf.xlsx_ledger(inbox, rows=rows)
    _converts(capsys, inbox, tmp_path)


# --- not regular files (item 16), hidden sheets (item 17) -------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_fifo_named_csv_is_skipped_not_waited_for(tmp_path):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    mf.csv_file(inbox)
    os.mkfifo(inbox / "管道.csv")
    done = subprocess.run(
        [sys.executable, str(ROOT / "convert.py"), str(inbox), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "已跳过 管道.csv：不是普通文件（可能是管道或设备），不读取" in done.stdout.splitlines()


def test_a_hidden_sheet_of_ledger_rows_is_counted_with_its_reason(capsys, inbox, tmp_path):
    old = [["9", "2021-01-20", "财政局", "旧台账里的一条", "新闻动态", "部门动态"]]
    mf.xlsx_ledger(inbox, hidden_sheet=old)
    code, out, err = _run(capsys, inbox, tmp_path)
    assert code == 0, err
    assert ACCOUNT.format(n=4, s=3, p=1) + "（其中隐藏工作表中的行 1，不计分）" in out
    assert _current(tmp_path) == mf.EXPECTED


# --- usage (item 8) ---------------------------------------------------------------------------


@pytest.mark.parametrize(("period", "year"), [("0000Q1", 0), ("9999Q4", 9999)])
def test_a_period_outside_the_calendar_is_a_usage_error(capsys, inbox, tmp_path, period, year):
    mf.csv_file(inbox)
    with pytest.raises(SystemExit) as exited:
        main([str(inbox), "--out", str(tmp_path / "out"), "--period", period])
    assert exited.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"错误：命令写法不对（期别“{period}”的年份 {year} 不合理，"
        "请写 1900—2100 年之间的季度，如 2020Q4）。查看说明：python convert.py -h"
    )


# --- Excel error values (item 14) -------------------------------------------------------------


def test_excel_error_values_are_reported_as_what_the_cell_holds(capsys, inbox, tmp_path):
    mf.xlsx_error_values(inbox)
    code, out, err = _run(capsys, inbox, tmp_path)
    assert code == 1
    assert ACCOUNT.format(n=5, s=3, p=2) in out
    tail = "（公式出错，或引用的单元格已删除），请在 Excel 中改正该格"
    assert err[1:] == [
        f"  台账.xlsx（台账） 第6行：单位一格是 Excel 的错误值“#N/A”{tail}",
        f"  台账.xlsx（台账） 第7行：日期一格是 Excel 的错误值“#REF!”{tail}",
    ]


def test_excel_error_values_in_a_csv_export(capsys, inbox, tmp_path):
    rows = [*mf.ROWS, ["4", "2021-03-02", "财政局", "#VALUE!", "新闻动态", "部门动态"]]
    mf.csv_file(inbox, rows=rows)
    code, _, err = _run(capsys, inbox, tmp_path)
    assert code == 1
    assert err[1:] == [
        "  台账.csv 第6行：标题一格是 Excel 的错误值“#VALUE!”（公式出错，或引用的单元格已删除），"
        "请在 Excel 中改正该格"
    ]


# --- a news title quoting the official table's title (item 11) --------------------------------


def test_a_news_title_quoting_the_official_title_is_a_ledger_row(capsys, inbox, tmp_path):
    rows = [
        [
            "1",
            "2021-01-05",
            "财政局",
            "我县《石泉县2020年信息采用情况统计表（部门）》正式印发",
            "新闻动态",
            "部门动态",
        ],
        *mf.ROWS[1:],
    ]
    mf.xlsx_ledger(inbox, rows=rows)
    _converts(capsys, inbox, tmp_path)


# --- where the header is (Also) ---------------------------------------------------------------


def test_a_header_below_row_30_is_found(capsys, inbox, tmp_path):
    notes = [[f"填表说明第{i}条：按季度登记"] for i in range(1, 45)]
    mf.xlsx_ledger(inbox, above=notes)
    _converts(capsys, inbox, tmp_path)


def test_a_two_row_merged_header_is_found(capsys, inbox, tmp_path):
    upper = ["序号", "日期", "单位", "标题", "采用情况", None]
    lower = [None, None, None, None, "类别", "采用渠道"]
    mf.xlsx_ledger(inbox, above=[[mf.TITLE], upper], header=lower)
    _converts(capsys, inbox, tmp_path)


def test_a_sheet_without_a_header_says_what_was_looked_for_and_where(capsys, inbox, tmp_path):
    mf.csv_file(inbox)
    mf.xlsx_ledger(inbox, name="说明.xlsx", header=["说明"], rows=[["每季度报送一次"]], above=[])
    out = _converts(capsys, inbox, tmp_path)
    assert (
        "说明.xlsx（台账） 的前 2 行里没有台账表头（一行或上下两行里写着“日期、单位、标题、采用渠道”），"
        "也不是上期统计表，已跳过"
    ) in out


# --- a period the ledger has no row of (Also) -------------------------------------------------


def test_a_period_without_rows_is_refused_with_the_quarters_the_ledger_covers(
    capsys, inbox, tmp_path
):
    mf.csv_file(inbox)
    code, _, err = _run(capsys, inbox, tmp_path, "--period", "1999Q1")
    assert code == 1
    assert err == [
        "错误：台账里没有1999年1-3月（1999Q1）的行，按 --period 计算只会得到全是0的表，未生成；"
        "台账各季度行数：2021年1-3月 3 行。请检查 --period 是否写错"
    ]
    assert not (tmp_path / "out").exists()
