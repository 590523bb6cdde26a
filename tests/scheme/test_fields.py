"""Shared readers: a required key of a type; an alias that points two ways is refused."""

from __future__ import annotations

import pytest

from shiquan_score.errors import SchemeError
from shiquan_score.scheme.fields import alias_map, need


def test_need_names_the_key_and_the_type():
    assert need({"a": "x"}, "a", "rules.toml") == "x"
    with pytest.raises(SchemeError) as exc:
        need({}, "county", "rules.toml")
    assert str(exc.value) == "rules.toml 缺少“county”一项"
    with pytest.raises(SchemeError) as exc:
        need({"ranked": "是"}, "ranked", "roster.toml 第1个单位", bool)
    assert str(exc.value) == "roster.toml 第1个单位 的“ranked”应为true 或 false，现为 '是'"


def test_alias_map_refuses_an_alias_of_two_names():
    assert alias_map([("财政局", ["县财政局"])], "单位", "roster.toml") == {
        "财政局": "财政局",
        "县财政局": "财政局",
    }
    with pytest.raises(SchemeError) as exc:
        alias_map([("甲", ["丙"]), ("乙", ["丙"])], "单位", "roster.toml")
    assert str(exc.value) == "roster.toml：单位别名“丙”同时指向“甲”和“乙”，请删去其中一个"
