"""--template: a blank ledger with dropdowns and a date check; filled in, it converts cleanly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from shiquan_score.cli import main
from shiquan_score.scheme.loader import DEFAULT_ROSTER, load_scheme
from shiquan_score.tools.template import TEMPLATE_NAME, write_template
from tests.conftest import ROOT, table_by_name
from tests.schemes import variant

D = dt.date
KEPT_COPY = ROOT / "templates" / TEMPLATE_NAME


def run(capsys, *args) -> tuple[int, list[str], list[str]]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


@pytest.fixture(scope="module")
def template_2021(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("tpl") / "台账模板.xlsx"
    assert main(["--template", str(target), "--period", "2021"]) == 0
    return target


def validations(ws) -> dict[str, tuple]:
    """sqref → (type, formula1, formula2, error style) of every data validation."""
    return {
        str(dv.sqref): (dv.type, dv.formula1, dv.formula2, dv.errorStyle)
        for dv in ws.data_validations.dataValidation
    }


def test_template_needs_no_inbox_and_says_what_it_wrote(tmp_path, capsys):
    target = tmp_path / "模板.xlsx"
    code, out, err = run(capsys, "--template", target, "--period", "2021Q1")
    assert (code, err) == (0, [])
    assert out == [f"已生成台账模板（2021年）：{target}"]
    code, out, _ = run(capsys, "--template", tmp_path / "不限.xlsx")
    assert out == [f"已生成台账模板（不限年份）：{tmp_path / '不限.xlsx'}"]


def test_bad_file_name_or_year_is_refused(tmp_path, capsys):
    code, _, err = run(capsys, "--template", tmp_path / "模板.xls")
    assert (code, err) == (
        1,
        ["错误：台账模板的文件名应以 .xlsx 结尾，如 --template 台账模板.xlsx（现为 模板.xls）"],
    )
    code, _, err = run(capsys, "--template", tmp_path / "模板.xlsx", "--period", "明年")
    assert (code, err) == (1, ["错误：年份“明年”写法不对，请写成 2021 或 2021Q1"])
    assert list(tmp_path.iterdir()) == []


def test_sheets_header_and_frozen_pane(template_2021):
    wb = openpyxl.load_workbook(template_2021)
    assert wb.sheetnames == ["台账", "备注", "填写说明", "下拉名单"]
    assert [ws.sheet_state for ws in wb] == ["visible", "visible", "visible", "hidden"]
    assert wb.active.title == "台账"
    ws = wb["台账"]
    assert ws["A1"].value == "石泉县2021年政府信息采用台账"
    assert [c.value for c in ws[2]] == ["日期", "单位", "标题", "类别", "采用渠道", "备注"]
    assert ws.freeze_panes == "A3"
    assert ws.max_row == 2  # blank below the header: values only, no formulas anywhere
    assert [c.value for c in wb["备注"][1]] == ["单位", "备注"]
    assert wb["填写说明"]["A1"].value == "石泉县2021年政府信息采用台账 填写说明"


def test_dropdowns_come_from_the_scheme_on_a_hidden_sheet(template_2021, scheme):
    wb = openpyxl.load_workbook(template_2021)
    lists = wb["下拉名单"]
    columns = {c[0].value: [x.value for x in c[1:] if x.value] for c in lists.iter_cols()}
    assert columns["单位"] == list(scheme.units["unit"])
    assert columns["类别"] == ["新闻动态", "政务动态", "调研信息"]
    assert columns["采用渠道"][:4] == ["部门动态", "各镇快讯", "聚焦石泉", "市政府网站"]
    names = {n: wb.defined_names[n].attr_text for n in ("UnitList", "CategoryList", "ChannelList")}
    assert names == {
        "UnitList": f"'下拉名单'!$A$2:$A${len(scheme.units) + 1}",
        "CategoryList": "'下拉名单'!$B$2:$B$4",
        "ChannelList": f"'下拉名单'!$C$2:$C${len(columns['采用渠道']) + 1}",
    }
    # Inline lists are limited to 255 characters; the roster alone is longer.
    assert len(",".join(columns["单位"])) > 255
    first, last = (D(2021, 1, 1) - D(1899, 12, 30)).days, (D(2021, 12, 31) - D(1899, 12, 30)).days
    assert validations(wb["台账"]) == {
        "A3:A3002": ("date", str(first), str(last), None),
        "B3:B3002": ("list", "UnitList", None, "warning"),  # warning: 甲、乙 for a joint item
        "D3:D3002": ("list", "CategoryList", None, None),
        "E3:E3002": ("list", "ChannelList", None, "warning"),  # 部门动态、市政府网站
    }
    assert validations(wb["备注"]) == {
        "A2:A3001": ("list", "UnitList", None, None),
        "B2:B3001": ("list", '"省市暂未反馈"', None, "information"),
    }
    wb["台账"].data_validations.dataValidation[0].error.encode("gbk")


def _fill(template: Path, target: Path) -> Path:
    """What a clerk types into the template in Excel: real dates, names from the dropdowns."""
    wb = openpyxl.load_workbook(template)
    ws = wb["台账"]
    rows = [
        (D(2021, 1, 5), "财政局", "财政局推进预算绩效管理", None, "部门动态"),
        (D(2021, 1, 6), "财政局、民政局", "联合开展冬季困难群众救助", None, "聚焦石泉"),
        (D(2021, 2, 3), "城关镇", "城关镇老旧小区改造开工", "新闻动态", "各镇快讯、市政府网站"),
        (D(2021, 2, 10), "政府办", "关于优化营商环境的调研", "调研信息", "县政府网站政务信息"),
        (D(2021, 2, 10), "政府办", "关于优化营商环境的调研", "调研信息", "市级"),
        (D(2021, 3, 1), "人社局", "人社局多措并举稳就业", "政务动态", "省级"),
    ]
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=1):
            ws.cell(r, c, dt.datetime.combine(value, dt.time()) if isinstance(value, D) else value)
        ws.cell(r, 1).number_format = "yyyy-mm-dd"
    wb["备注"].append(["县委办公室", "省市暂未反馈"])
    wb.save(target)
    return target


def test_a_filled_in_template_converts_with_no_problems(template_2021, tmp_path, capsys):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    _fill(template_2021, inbox / "2021年台账.xlsx")
    code, out, err = run(capsys, inbox, "--out", tmp_path / "out")
    assert code == 0, err
    book = tmp_path / "out" / "石泉县2021年1-3月信息采用情况统计表.xlsx"
    assert out[-2:] == [
        "期别：2021年1-3月。台账共 6 行 = 计分 6 + 不在本期 0 + 重复 0 + 有问题 0",
        f"已生成：{book}",
    ]
    problems = list(openpyxl.load_workbook(book)["问题"].iter_rows(min_row=5, values_only=True))
    assert problems == []
    dept = table_by_name(book, "附件2（部门）")
    # The county-site research column (县级) appears because 政府办 has an item there.
    assert dept["政府办"][6:] == (0, 1, 1, 13, 0, 13, 1)  # research 3 + city 10
    assert dept["人社局"][4:5] + dept["人社局"][9:] == (1, 10, 0, 10, 2)
    assert dept["财政局"][1:3] + dept["财政局"][9:12] == (1, 0.5, 0.75, 0, 0.75)  # joint: half
    assert dept["县委办公室"][6] == "省市暂未反馈"
    assert table_by_name(book, "附件1（镇）")["城关镇"][8:] == (1.5, 0, 1.5, 1)


def _describe(path: Path) -> list:
    """What matters in a template: sheets, cell values, dropdowns, defined names."""
    wb = openpyxl.load_workbook(path)
    described = [(n, wb.defined_names[n].attr_text) for n in sorted(wb.defined_names)]
    for ws in wb:
        cells = [[c.value for c in row] for row in ws.iter_rows()]
        described.append((ws.title, ws.sheet_state, cells, validations(ws)))
    return described


def test_the_copy_kept_in_templates_is_current(tmp_path):
    fresh = write_template(load_scheme(), tmp_path / TEMPLATE_NAME)
    assert _describe(KEPT_COPY) == _describe(fresh), (
        f"templates/{TEMPLATE_NAME} 与规则、名单不符，请重新生成："
        f"python convert.py --template templates/{TEMPLATE_NAME}"
    )


def test_a_renamed_unit_keeps_its_old_name_in_the_dropdown_for_that_year(tmp_path):
    text = DEFAULT_ROSTER.read_text(encoding="utf-8").replace(
        'name = "扶贫局"\nranked = true\n',
        'name = "乡村振兴局"\nranked = true\nformer = [{ name = "扶贫局", until = 2021-05-31 }]\n',
    )
    roster = tmp_path / "roster.toml"
    roster.write_text(text, encoding="utf-8")
    for period, has_old in (("2021", True), ("2022", False)):
        target = tmp_path / f"{period}.xlsx"
        assert main(["--template", str(target), "--period", period, "--roster", str(roster)]) == 0
        units = [c.value for c in openpyxl.load_workbook(target)["下拉名单"]["A"][1:]]
        assert "乡村振兴局" in units
        assert ("扶贫局" in units) is has_old


def test_help_and_docs_tell_the_clerk_about_each_tool(capsys):
    with pytest.raises(SystemExit):
        main(["-h"])
    text = capsys.readouterr().out
    assert "--template 文件.xlsx" in text
    assert "--check-against 文件.xlsx" in text
    text.encode("gbk")
    docs = (ROOT / "docs" / "核对与模板.md").read_text(encoding="utf-8")
    for needle in (
        "--template",
        "--check-against",
        "former",
        "上期核对",
        f"templates/{TEMPLATE_NAME}",
    ):
        assert needle in docs


def test_the_usual_notes_and_the_note_line_come_from_the_scheme(tmp_path):
    """[ledger].common_notes offered in the 备注 column; none listed: any text, no dropdown,
    and the 填写说明 line names no note."""
    rules = variant(
        tmp_path, 'common_notes = ["省市暂未反馈"]', 'common_notes = ["待反馈", "已报送"]'
    )
    target = write_template(load_scheme(rules, DEFAULT_ROSTER), tmp_path / "甲.xlsx", 2021)
    wb = openpyxl.load_workbook(target)
    assert validations(wb["备注"])["B2:B3001"] == ("list", '"待反馈,已报送"', None, "information")
    notes = wb["备注"].data_validations.dataValidation[1]
    assert notes.error == "常用的备注是“待反馈”、“已报送”，也可以写其他文字。"
    assert wb["填写说明"]["A9"].value == (
        "7. “备注”表：某单位的调研信息待反馈时，在该表填写单位和“待反馈”，"
        "统计表会在该单位的调研信息格中印出这句话。"
    )
    rules = variant(tmp_path, 'common_notes = ["省市暂未反馈"]', "common_notes = []")
    target = write_template(load_scheme(rules, DEFAULT_ROSTER), tmp_path / "乙.xlsx", 2021)
    wb = openpyxl.load_workbook(target)
    assert list(validations(wb["备注"])) == ["A2:A3001"]
    assert wb["填写说明"]["A9"].value == (
        "7. “备注”表：需要在统计表中说明某单位的调研信息时，在该表填写单位和备注，"
        "统计表会在该单位的调研信息格中印出这句话。"
    )


@pytest.mark.parametrize("example", ["安宁县_分类排名", "平安县_扣分与批示"])
def test_a_scheme_that_prints_no_notes_gets_a_template_without_the_notes_sheet(
    example, tmp_path, capsys
):
    """Neither example prints 备注 notes (no note columns; 安宁县 names no 备注 header either,
    and its template crashed on that): no 备注 sheet, no note line in 填写说明."""
    folder = ROOT / "templates" / "examples" / example
    scheme_args = ["--rules", folder / "rules.toml", "--roster", folder / "roster.toml"]
    target = tmp_path / "模板.xlsx"
    code, out, err = run(capsys, "--template", target, "--period", "2021", *scheme_args)
    assert (code, err) == (0, [])
    assert out == [f"已生成台账模板（2021年）：{target}"]
    scheme = load_scheme(folder / "rules.toml", folder / "roster.toml")
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["台账", "填写说明", "下拉名单"]
    guide = [c.value for c in wb["填写说明"]["A"]]
    assert not any(f"“{scheme.note_sheet}”表" in (line or "") for line in guide)
    kind = {"安宁县_分类排名": "季度", "平安县_扣分与批示": "月份"}[example]  # the scheme's periods
    assert sum(f"程序只统计所选的{kind}。" in (line or "") for line in guide) == 1
    assert [line.split(".")[0] for line in guide[2:10]] == [str(n) for n in range(1, 9)]
