"""templates/notice.toml: the shipped file loads; each kind of mistake gets its exact message."""

from __future__ import annotations

import dataclasses

import pytest

from shiquan_score.errors import SchemeError
from shiquan_score.scheme.notice import DEFAULT_NOTICE, load_notice
from shiquan_score.scheme.notice_paragraphs import Group

SHIPPED = DEFAULT_NOTICE.read_text(encoding="utf-8")


def _load(tmp_path, scheme, text: str):
    path = tmp_path / "notice.toml"
    path.write_text(text, encoding="utf-8")
    return load_notice(path, scheme)


def _refused(tmp_path, scheme, text: str) -> str:
    with pytest.raises(SchemeError) as exc:
        _load(tmp_path, scheme, text)
    return str(exc.value)


def test_the_shipped_wording_loads(scheme):
    notice = load_notice(DEFAULT_NOTICE, scheme)
    assert notice.enabled is False and notice.date is None and notice.top == 3
    assert notice.counts["province"] == ("省级",)
    assert notice.table_names == {"镇": "各镇", "部门": "县直各部门"}
    assert any(isinstance(part, Group) for p in notice.paragraphs for part in p.parts)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'title = "关于{period}全县政务信息采用情况的通报"',
            'title = "关于{periode}的通报"',
            "notice.toml 的“title”用到了不认识的“{periode}”，可用的有：change、city、city_site、"
            "city_site_units、city_units、county、county_site、county_site_units、last_period、"
            "months、none、period、province、province_units、quarter、state、state_units、total、year",
        ),
        (
            "enabled = false",
            'enabled = "是"',
            "notice.toml 的“enabled”应为 true 或 false，现为 '是'",
        ),
        (
            'date = ""',
            'date = "2021年1月15日"',
            "notice.toml 的 date “2021年1月15日”不是日期，请写成 2021-01-15 这样的格式",
        ),
        ("top = 3", "top = 0", "notice.toml 的“top”应为不小于1的整数，现为 0"),
        (
            'province = ["省级"]',
            'province = ["省政府"]',
            "notice.toml [counts] 的“province”中渠道“省政府”不在统计表的任何一列中，可用的有："
            "县政府网站政务信息、各镇快讯、国家级、市政府网站、市级、省级、聚焦石泉、部门动态",
        ),
        (
            '"部门" = "县直各部门"',
            "",
            'notice.toml 的 [table_names] 缺少表“部门”的单位称呼，如 部门 = "各部门"',
        ),
        (
            "body_size = 16",
            "body_size = 100",
            "notice.toml [fonts] 的“body_size”应为5到72之间的磅值，现为 100",
        ),
        (
            'more = "增加{n}条"',
            'more = "增加{n条"',
            "notice.toml [change] 的“more”“增加{n条”的花括号不成对；要印出花括号本身请写 {{ 或 }}",
        ),
    ],
)
def test_mistakes_are_named_exactly(tmp_path, scheme, old, new, message):
    assert old in SHIPPED
    assert _refused(tmp_path, scheme, SHIPPED.replace(old, new, 1)) == message


def test_per_table_figures_only_in_per_table_paragraphs(tmp_path, scheme):
    text = SHIPPED.replace('text = "【工作要求：由办公室填写】"', 'text = "{best}"')
    assert _refused(tmp_path, scheme, text).startswith(
        "notice.toml 第9个 [[paragraph]] 用到了不认识的“{best}”，可用的有："
    )


def test_a_counts_name_that_splits_a_column_is_refused(tmp_path, scheme):
    """A column counting two channels cannot give a figure for one of them."""
    spec = scheme.tables["部门"]
    joined = dataclasses.replace(
        spec.columns[1], count=(("新闻动态", "部门动态"), ("新闻动态", "聚焦石泉"))
    )
    columns = (spec.columns[0], joined, *spec.columns[3:])
    tables = {**scheme.tables, "部门": dataclasses.replace(spec, columns=columns)}
    other = dataclasses.replace(scheme, tables=tables)
    text = SHIPPED.replace(
        'county_site = ["部门动态", "各镇快讯", "聚焦石泉", "县政府网站政务信息"]',
        'county_site = ["部门动态", "各镇快讯", "县政府网站政务信息"]',
    )
    assert _refused(tmp_path, other, text) == (
        "notice.toml [counts] 的“county_site”只包含了统计表一列（新闻动态/{months}采用情况（条）/"
        "部门动态）中的部分渠道：条数无法拆开，请把这一列的渠道都列上或都不列"
    )


def test_unknown_key(tmp_path, scheme):
    assert _refused(tmp_path, scheme, "colour = 1\n" + SHIPPED) == (
        "notice.toml 有不认识的项：colour，请对照 templates/notice.toml"
    )
