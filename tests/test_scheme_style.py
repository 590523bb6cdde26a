"""A county's own look and words through the real command line: rules.toml [style] and the
ledger's header spellings reach the workbook (read back with openpyxl) and the notice's
attachment table (read back with python-docx)."""

from __future__ import annotations

import contextlib
import io

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from shiquan_score.cli import main
from tests.conftest import SAMPLE
from tests.schemes import variant

STEM = "石泉县2020年10-12月信息采用情况统计表"
EDITS = (
    ('fonts.body = "仿宋_GB2312"', "sizes.title = 22 ", "margins.left = 36 "),
    ('fonts.body = "宋体"', "sizes.title = 20 ", "margins.left = 30 "),
)
MORE = (
    ("heights.row = 21.75 ", "heights.notice_row = 18 ", 'columns.channel = ["采用渠道", '),
    (
        "heights.row = 25.5 ",
        "heights.notice_row = 16 ",
        'columns.channel = ["采用栏目", "采用渠道", ',
    ),
)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("style")
    rules = variant(folder, EDITS[0] + MORE[0], EDITS[1] + MORE[1])
    out = folder / "out"
    args = [str(SAMPLE), "--out", str(out), "--rules", str(rules), "--notice"]
    stdout, stderr = io.StringIO(), io.StringIO()
    with (
        pytest.MonkeyPatch.context() as patch,
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(stderr),
    ):
        patch.setattr("shiquan_score.output.notice.pdf.soffice", lambda: None)  # no PDF here
        code = main(args)
    assert code == 0, stderr.getvalue()
    assert "Traceback" not in stdout.getvalue() + stderr.getvalue()
    return out / f"{STEM}.xlsx", out / f"{STEM}_通报.docx"


def test_the_workbook_wears_the_schemes_style(outputs):
    book, _ = outputs
    ws = openpyxl.load_workbook(book)["附件2（部门）"]
    title = ws["A3"]
    assert (title.font.name, title.font.sz) == ("方正小标宋简体", 20)
    assert (ws["A1"].font.name, ws["A1"].font.sz) == ("黑体", 16)  # unchanged keys keep today's
    first_unit = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "政府办")
    name = ws.cell(first_unit, 1)
    assert (name.font.name, name.font.sz) == ("宋体", 12)
    assert ws.row_dimensions[first_unit].height == 25.5
    assert ws.row_dimensions[1].height == 24.75
    assert ws.page_margins.left == pytest.approx(30 / 25.4)
    assert ws.page_margins.right == pytest.approx(36 / 25.4)
    assert (ws.page_setup.paperSize, ws.page_setup.orientation) == (9, "landscape")


def test_the_detail_sheet_uses_the_ledgers_spelling(outputs):
    book, _ = outputs
    rows = list(openpyxl.load_workbook(book, read_only=True)["明细"].iter_rows(values_only=True))
    head = next(r for r in rows if r[0] == "来源（文件/工作表）")
    assert head[:8] == (
        "来源（文件/工作表）",
        "行号",
        "日期",
        "单位",
        "份额",
        "标题",
        "类别",
        "采用栏目",
    )


def _run_props(cell) -> tuple[str, int]:
    rpr = cell._tc.find(qn("w:p")).find(qn("w:r")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia")), int(rpr.find(qn("w:sz")).get(qn("w:val")))


def test_the_notice_tables_take_the_same_fonts(outputs):
    _, notice = outputs
    document = docx.Document(str(notice))
    table = next(t for t in document.tables if t.rows[4].cells[0].text == "政府办")  # 附件2
    assert table.cell(0, 0).text == "单位名称"
    assert _run_props(table.cell(0, 0)) == ("黑体", 24)  # the header: 12 pt in half points
    unit_row = 4
    assert _run_props(table.cell(unit_row, 0)) == ("宋体", 24)
    height = table.rows[unit_row]._tr.trPr.find(qn("w:trHeight"))
    assert height.get(qn("w:val")) == str(16 * 20)  # twips: min(25.5, notice_row 16)
