"""Template strings are checked when the scheme is loaded: a typo is named, never a KeyError."""

from __future__ import annotations

import pytest

from shiquan_score.cli import main
from shiquan_score.errors import SchemeError
from shiquan_score.scheme.loader import load_scheme
from shiquan_score.scheme.placeholders import check_plain, check_template
from tests.schemes import rules_variant

TITLE = 'title = "{county}{year}年信息采用情况统计表（镇）"'
HEADER = '{ header = ["新闻动态", "{months}采用情况（条）", "各镇\\n快讯"]'
OUTPUT = 'output_name = "{county}{year}年{months}信息采用情况统计表"'

MISTAKES = [
    (
        HEADER,
        HEADER.replace("{months}", "{month}"),
        "rules.toml [[table]] 第1项 columns 第2项 header：不认识的占位符“{month}”，"
        "是不是“{months}”？这里可以用：{months}",
    ),
    (
        TITLE,
        TITLE.replace("{year}", "{yaer}"),
        "rules.toml [[table]] 第1项 title：不认识的占位符“{yaer}”，是不是“{year}”？"
        "这里可以用：{county}、{year}、{months}",
    ),
    (
        HEADER,
        HEADER.replace("{months}", "{year}"),
        "rules.toml [[table]] 第1项 columns 第2项 header：这里不能用占位符“{year}”，"
        "可以用的只有：{months}",
    ),
    (
        TITLE,
        TITLE.replace("{year}年", "2021年"),
        "rules.toml [[table]] 第1项 title：缺少占位符“{year}”（程序靠标题里的年份认出上期表）",
    ),
    (
        OUTPUT,
        OUTPUT.replace("{months}", "{months"),
        "rules.toml [layout] output_name：“{”和“}”没有配对。要印出大括号本身，请写成“{{”或“}}”",
    ),
    (
        OUTPUT,
        OUTPUT.replace("{year}", "{year:04d}"),
        "rules.toml [layout] output_name：占位符“{year:04d}”只能写成“{year}”",
    ),
    (
        OUTPUT,
        OUTPUT.replace("{year}", "{}"),
        "rules.toml [layout] output_name：不认识的占位符“{}”，这里可以用：{county}、{year}、{months}",
    ),
    (
        'sheet = "附件1（镇）"',
        'sheet = "附件1（{months}）"',
        "rules.toml [[table]] 第1项 sheet：这一项原样印出，不能用占位符“{months}”；请删去或改成具体文字",
    ),
    (
        "备注：\n1.",
        "备注：{year}\n1.",
        "rules.toml [remarks] text：这一项原样印出，不能用占位符“{year}”；请删去或改成具体文字",
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), MISTAKES)
def test_a_placeholder_mistake_is_named(tmp_path, old, new, message):
    with pytest.raises(SchemeError) as exc:
        load_scheme(*rules_variant(tmp_path, old, new))
    assert str(exc.value) == message


def test_good_templates_pass():
    check_template("{county}{year}年{months}表", "x", ("county", "year", "months"))
    check_template("表{{括号}}", "x", ())
    check_plain("不计分、不排名", "x")


def test_header_depth_names_its_setting(tmp_path):
    old = '{ header = ["排名"], value = "rank" },\n]\n\n[[table]]'
    new = '{ header = ["排名", "a", "b", "c", "d"], value = "rank" },\n]\n\n[[table]]'
    with pytest.raises(SchemeError) as exc:
        load_scheme(*rules_variant(tmp_path, old, new))
    assert str(exc.value) == (
        "rules.toml 表“镇” 第15列 的表头应有1到4行文字（表头行数由 [layout] header_rows = 4 规定）"
    )


@pytest.mark.parametrize("rows", ["0", "7", '"4"'])
def test_header_rows_must_be_a_small_whole_number(tmp_path, rows):
    with pytest.raises(SchemeError) as exc:
        load_scheme(*rules_variant(tmp_path, "header_rows = 4", f"header_rows = {rows}"))
    shown = repr(eval(rows))
    assert str(exc.value) == (
        f"rules.toml [layout] 的“header_rows”应为1到6的整数（表头的行数），现为 {shown}"
    )


@pytest.mark.parametrize("row", ["0", "1", "3", "-3", "21"])
def test_first_row_below_the_title_rows(tmp_path, row):
    """first_row = 0 once merged the title over a unit's row with exit 0; 1 to 3 crashed."""
    with pytest.raises(SchemeError) as exc:
        load_scheme(*rules_variant(tmp_path, "first_row = 4 ", f"first_row = {row} "))
    shown = repr(eval(row))
    assert str(exc.value) == (
        "rules.toml [layout] 的“first_row”应为4到20的整数（表头从第几行开始；"
        f"第1至3行是“附件”行和标题），现为 {shown}"
    )


def test_first_row_further_down_moves_the_header(tmp_path, scheme):
    moved = load_scheme(*rules_variant(tmp_path, "first_row = 4 ", "first_row = 6 "))
    assert moved.layout["first_row"] == 6


@pytest.mark.parametrize("case", [MISTAKES[0], MISTAKES[1]])
def test_through_the_command_line_no_key_error(tmp_path, capsys, case):
    old, new, message = case
    rules, roster = rules_variant(tmp_path, old, new)
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    code = main(
        [str(inbox), "--rules", str(rules), "--roster", str(roster), "--out", str(tmp_path / "o")]
    )
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.splitlines() == [f"错误：{message}"]
    assert "KeyError" not in captured.out + captured.err


def test_several_typos_are_named_in_one_run(tmp_path, capsys):
    """Three placeholder typos in rules.toml (two in one title): all named at once."""
    rules, roster = rules_variant(
        tmp_path, TITLE, 'title = "{countyy}{yaer}年信息采用情况统计表（镇）"'
    )
    text = rules.read_text(encoding="utf-8").replace(OUTPUT, OUTPUT.replace("{months}", "{monts}"))
    rules.write_text(text, encoding="utf-8")
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    code = main(
        [str(inbox), "--rules", str(rules), "--roster", str(roster), "--out", str(tmp_path / "o")]
    )
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        "错误：以下 3 处写法要改，请逐处改正后重新运行：",
        "  1. rules.toml [[table]] 第1项 title：不认识的占位符“{countyy}”，是不是“{county}”？"
        "这里可以用：{county}、{year}、{months}",
        "  2. rules.toml [[table]] 第1项 title：不认识的占位符“{yaer}”，是不是“{year}”？"
        "这里可以用：{county}、{year}、{months}",
        "  3. rules.toml [layout] output_name：不认识的占位符“{monts}”，是不是“{months}”？"
        "这里可以用：{county}、{year}、{months}",
    ]
