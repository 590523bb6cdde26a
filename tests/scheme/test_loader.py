"""The scheme loader: the default scheme is valid; a broken one is named precisely."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from shiquan_score.errors import SchemeError
from shiquan_score.scheme.loader import DEFAULT_ROSTER, DEFAULT_RULES, load_scheme, load_toml
from tests.schemes import variant


def test_default_scheme(scheme):
    assert set(scheme.tables) == {"镇", "部门"}
    assert len(scheme.units) == 11 + 31 + 9
    assert scheme.units.groupby("table")["ranked"].sum().to_dict() == {"部门": 31, "镇": 11}
    w = scheme.weights.set_index(["category", "channel"])["points"]
    assert w[("新闻动态", "市政府网站")] == 1 and w[("调研信息", "国家级")] == 30
    assert scheme.weights.loc[scheme.weights["best_of"], "channel"].tolist() == [
        "市级",
        "省级",
        "国家级",
    ]
    assert scheme.unit_alias["石泉县人民政府办公室"] == "政府办"
    assert scheme.channel_alias["县区新闻"] == "市政府网站"


def _variant(tmp_path: Path, old: str, new: str, source: Path = DEFAULT_RULES) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text
    target = tmp_path / source.name
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            '{ category = "新闻动态", channel = "市政府网站", points = 1 }',
            '{ category = "新闻动态", channel = "市政府网站", points = "一" }',
            "rules.toml weights 第4项 的分值应为不小于0的数字，现为 '一'",
        ),
        (
            '{ category = "政务动态", channel = "市级", points = 5 }',
            '{ category = "政务动态", channel = "微博", points = 5 }',
            "rules.toml weights 第5项 的渠道“微博”未在 [[channel]] 中定义",
        ),
        (
            'aliases = ["新闻", "新闻信息", "新闻类"]',
            'aliases = ["新闻", "动态"]',
            "rules.toml：类别别名“动态”同时指向“新闻动态”和“政务动态”，请删去其中一个",
        ),
        (
            'count = [["新闻动态", "部门动态"]] }',
            'count = [["新闻动态", "省级"]] }',
            "rules.toml 表“部门” 第2列 统计的“新闻动态·省级”不是规则中有分值的类别和渠道",
        ),
        (
            '{ header = ["排名"], value = "rank" },\n]\n\n[[table]]',
            "]\n\n[[table]]",
            'rules.toml 表“镇” 应恰好有一列 value = "rank"',
        ),
        ('county = "石泉县"', "county = [1]", "rules.toml 的“county”应为文字，现为 [1]"),
    ],
)
def test_rule_errors_name_the_entry(tmp_path, old, new, message):
    with pytest.raises(SchemeError) as exc:
        load_scheme(_variant(tmp_path, old, new), DEFAULT_ROSTER)
    assert str(exc.value) == message


def test_toml_syntax_error(tmp_path):
    broken = tmp_path / "rules.toml"
    broken.write_text("county = \n", encoding="utf-8")
    with pytest.raises(SchemeError) as exc:
        load_scheme(broken, DEFAULT_ROSTER)
    assert str(exc.value) == (
        "rules.toml 格式有误：第1行第10列附近写法不对。请对照 templates/ 中的原文件修改"
    )


def test_toml_cut_short(tmp_path):
    broken = tmp_path / "rules.toml"
    broken.write_text('county = "石泉', encoding="utf-8")
    with pytest.raises(SchemeError) as exc:
        load_scheme(broken, DEFAULT_ROSTER)
    assert str(exc.value) == "rules.toml 格式有误：文件末尾不完整。请对照 templates/ 中的原文件修改"


def test_missing_rules_file(tmp_path):
    with pytest.raises(SchemeError) as exc:
        load_scheme(tmp_path / "nope.toml", DEFAULT_ROSTER)
    assert str(exc.value) == f"找不到规则文件 {tmp_path / 'nope.toml'}，请检查路径"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'table = "部门"\nname = "司法局"',
            'table = "局"\nname = "司法局"',
            "roster.toml 第15个单位（司法局）的 table “局”不是规则文件中的表（镇、部门）",
        ),
        ('name = "林业局"', 'name = "司法局"', "roster.toml 中单位“司法局”出现了两次"),
        (
            'aliases = ["石泉县发展和改革局"]',
            'aliases = ["司法局"]',
            "roster.toml：单位别名“司法局”同时指向“司法局”和“发改局”，请删去其中一个",
        ),
    ],
)
def test_roster_errors_name_the_entry(tmp_path, old, new, message):
    with pytest.raises(SchemeError) as exc:
        load_scheme(DEFAULT_RULES, _variant(tmp_path, old, new, DEFAULT_ROSTER))
    assert str(exc.value) == message


def test_renamed_unit_display_name(tmp_path):
    roster = _variant(
        tmp_path,
        'name = "扶贫局"\nranked = true\naliases = ["石泉县扶贫开发局"]',
        'name = "乡村振兴局"\nranked = true\naliases = ["石泉县扶贫开发局"]\n'
        'former = [{ name = "扶贫局", until = 2021-05-31 }]',
        DEFAULT_ROSTER,
    )
    scheme = load_scheme(DEFAULT_RULES, roster)
    assert scheme.unit_alias["扶贫局"] == "乡村振兴局"
    assert scheme.display_name("乡村振兴局", dt.date(2021, 3, 31)) == "扶贫局"
    assert scheme.display_name("乡村振兴局", dt.date(2021, 6, 30)) == "乡村振兴局"


def test_load_toml_gives_the_data_or_says_which_file_and_where(tmp_path):
    """The one reader of every scheme file (rules, roster, notice.toml)."""
    good = tmp_path / "notice.toml"
    good.write_text('enabled = true\n[a]\nb = "县"\n', encoding="utf-8")
    assert load_toml(good) == {"enabled": True, "a": {"b": "县"}}
    bad = tmp_path / "roster.toml"
    bad.write_text("ok = 1\nx = = 2\n", encoding="utf-8")
    with pytest.raises(SchemeError) as exc:
        load_toml(bad)
    assert str(exc.value) == (
        "roster.toml 格式有误：第2行第5列附近写法不对。请对照 templates/ 中的原文件修改"
    )
    with pytest.raises(SchemeError) as exc:
        load_toml(tmp_path / "无.toml")
    assert str(exc.value) == f"找不到规则文件 {tmp_path / '无.toml'}，请检查路径"


def test_each_ledger_field_is_named_by_its_first_spelling(scheme):
    assert {f: scheme.field_word(f) for f in scheme.field_words} == {
        "date": "日期",
        "unit": "单位",
        "title": "标题",
        "category": "类别",
        "channel": "采用渠道",
        "remark": "备注",
    }


def test_a_field_the_rules_spell_not_is_named_by_the_catalogue(tmp_path):
    rules = variant(tmp_path, 'columns.category = ["类别", "信息类别", "类型", "信息类型"]\n', "")
    other = load_scheme(rules, DEFAULT_ROSTER)
    assert "category" not in other.field_words
    assert other.field_word("category") == "类别"
