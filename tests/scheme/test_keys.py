"""Broken schemes, one mistake each: an unknown key or a wrong shape is named exactly."""

from __future__ import annotations

import pytest

from shiquan_score.cli import main
from shiquan_score.errors import SchemeError
from shiquan_score.scheme.keys import unknown_key
from shiquan_score.scheme.loader import load_scheme
from tests.schemes import roster_variant, rules_variant

RULES_MISTAKES = [
    # (old, new, message)
    (
        'best_of = ["市级", "省级", "国家级"]',
        'best_off = ["市级", "省级", "国家级"]',
        "rules.toml [[category]] 第3项：不认识的项“best_off”，是不是“best_of”？",
    ),
    (
        "header_rows = 4",
        "header_row = 4",
        "rules.toml [layout]：不认识的项“header_row”，是不是“header_rows”？",
    ),
    (
        '{ category = "政务动态", channel = "国家级", points = 20 }',
        '{ category = "政务动态", channel = "国家级", point = 20 }',
        "rules.toml [scoring].weights 第7项：不认识的项“point”，是不是“points”？",
    ),
    (
        'count = [["政务动态", "国家级"]], optional = true },\n  { header = ["政务信息", '
        '"{months}采用情况（条）", "动态信息", "省级"], count = [["政务动态", "省级"]] },\n  '
        '{ header = ["政务信息", "{months}采用情况（条）", "动态信息", "市级"]',
        'count = [["政务动态", "国家级"]], optinal = true },\n  { header = ["政务信息", '
        '"{months}采用情况（条）", "动态信息", "省级"], count = [["政务动态", "省级"]] },\n  '
        '{ header = ["政务信息", "{months}采用情况（条）", "动态信息", "市级"]',
        "rules.toml [[table]] 第1项 columns 第5项：不认识的项“optinal”，是不是“optional”？",
    ),
    (
        "[remarks]\n",
        "[remark]\n",
        "rules.toml：不认识的项“remark”，是不是“remarks”？",
    ),
    (
        'aliases = ["新闻", "新闻信息", "新闻类"]',
        'alias = ["新闻", "新闻信息", "新闻类"]',
        "rules.toml [[category]] 第1项：不认识的项“alias”，是不是“aliases”？",
    ),
    (
        'implies = "调研信息"',
        'implys = "调研信息"',
        "rules.toml [[channel]] 第5项：不认识的项“implys”，是不是“implies”？",
    ),
    (
        "widths.rank = 44",
        "widths.rnak = 44",
        "rules.toml [layout].widths：不认识的项“rnak”，是不是“rank”？",
    ),
    (
        'columns.remark = ["备注"]',
        'columns.remarks = ["备注"]',
        "rules.toml [ledger].columns：不认识的项“remarks”，是不是“remark”？",
    ),
    (
        'note_sheet = "备注"',
        'note_sheet = "备注"\nzebra = "红"',
        "rules.toml [ledger]：不认识的项“zebra”。这里可以写的项：columns、unit_separators、"
        "channel_separators、unit_prefixes、note_sheet、common_notes、total_words、footer_words",
    ),
    (
        "[remarks]\n",
        "[[remarks]]\n",
        "rules.toml 的“remarks”应写成 [remarks]（一项），不是 [[remarks]]",
    ),
    (
        ('county = "石泉县"', "[remarks]\ntext = "),
        ('county = "石泉县"\nremarks = 1', "[remarksx]\ntext = "),
        "rules.toml 的“remarks”应写成表，现为 1",
    ),
    (
        'unit_separators = ["、", "，", ",", "；", ";", "/", "／"]',
        'unit_separators = "、"',
        "rules.toml [ledger] 的“unit_separators”应为文字列表，现为 '、'",
    ),
    (
        'aliases = ["调研", "调研类", "政务信息（调研）", "调研类信息"]',
        'aliases = ["调研", 3]',
        "rules.toml [[category]] 第3项 的“aliases”应为文字列表，现为 ['调研', 3]",
    ),
    (
        'optional = true, note = true },\n  { header = ["政务信息", "{months}采用情况（条）", "调研信息", "省级"]',
        'optional = "是", note = true },\n  { header = ["政务信息", "{months}采用情况（条）", "调研信息", "省级"]',
        "rules.toml [[table]] 第1项 columns 第8项 的“optional”应为true 或 false，现为 '是'",
    ),
    ("first_row = 4", "first_row = 4.5", "rules.toml [layout] 的“first_row”应为整数，现为 4.5"),
    (
        "weights = [\n  { category",
        'weights = [\n  "新闻",\n  { category',
        "rules.toml [scoring].weights 第1项 应写成 { 名称 = 值, … } 的形式，现为 '新闻'",
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), RULES_MISTAKES)
def test_a_rules_mistake_is_named(tmp_path, old, new, message):
    with pytest.raises(SchemeError) as exc:
        load_scheme(*rules_variant(tmp_path, old, new))
    assert str(exc.value) == message


ROSTER_MISTAKES = [
    (
        'name = "司法局"\nranked = true\naliases = []',
        'name = "司法局"\nranked = true\naliasse = []',
        "roster.toml [[unit]] 第15项：不认识的项“aliasse”，是不是“aliases”？",
    ),
    (
        'name = "司法局"\nranked = true',
        'name = "司法局"\nrank = true\nranked = true',
        "roster.toml [[unit]] 第15项：不认识的项“rank”，是不是“ranked”？",
    ),
    (
        '[[unit]]\ntable = "镇"\nname = "城关镇"',
        '[[units]]\ntable = "镇"\nname = "城关镇"\n[[unit]]\ntable = "镇"\nname = "城关镇"',
        "roster.toml：不认识的项“units”，是不是“unit”？",
    ),
    (
        'name = "司法局"\nranked = true\naliases = []',
        'name = "司法局"\nranked = true\naliases = []\nformer = [{ name = "司法处", untill = 2021-05-31 }]',
        "roster.toml [[unit]] 第15项 former 第1项：不认识的项“untill”，是不是“until”？",
    ),
    (
        'name = "司法局"\nranked = true\naliases = []',
        'name = "司法局"\nranked = true\naliases = []\nformer = { name = "司法处", until = 2021-05-31 }',
        "roster.toml [[unit]] 第15项 的“former”应写成可以有多项的列表（[[unit]] 第15项 former）",
    ),
    (
        'name = "司法局"\nranked = true\naliases = []',
        'name = "司法局"\nranked = true\naliases = []\nformer = [{ name = "司法处", until = "2021-05-31" }]',
        "roster.toml [[unit]] 第15项 former 第1项 的“until”应为日期，现为 '2021-05-31'",
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), ROSTER_MISTAKES)
def test_a_roster_mistake_is_named(tmp_path, old, new, message):
    with pytest.raises(SchemeError) as exc:
        load_scheme(*roster_variant(tmp_path, old, new))
    assert str(exc.value) == message


def test_unknown_key_without_a_near_one_lists_the_valid_keys():
    assert unknown_key("rules.toml [remarks]", "zzz", ["text"]) == (
        "rules.toml [remarks]：不认识的项“zzz”。这里可以写的项：text"
    )


@pytest.mark.parametrize("case", [RULES_MISTAKES[0], RULES_MISTAKES[1], RULES_MISTAKES[10]])
def test_through_the_command_line_no_traceback(tmp_path, capsys, case):
    """The best_off that once turned 95 into 115 silently now stops the run, exit 1."""
    old, new, message = case
    rules, roster = rules_variant(tmp_path, old, new)
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    code = main(
        [str(inbox), "--rules", str(rules), "--roster", str(roster), "--out", str(tmp_path / "out")]
    )
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.splitlines() == [f"错误：{message}"]
    assert "Traceback" not in captured.out + captured.err
    assert not (tmp_path / "out").exists()
