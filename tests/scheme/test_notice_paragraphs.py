"""The [[paragraph]] entries of notice.toml read, each mistake said by its paragraph."""

from __future__ import annotations

import pytest

from shiquan_score.errors import SchemeError
from shiquan_score.scheme.loader import load_scheme
from shiquan_score.scheme.notice import DEFAULT_NOTICE, load_notice
from shiquan_score.scheme.notice_paragraphs import Group, field_problems, fields, read_paragraphs

NOTICE = load_notice(DEFAULT_NOTICE, load_scheme())


def _read(*entries: dict) -> tuple[tuple, list[str]]:
    found: list[str] = []
    return read_paragraphs({"paragraph": list(entries)}, NOTICE, "notice.toml", found), found


def test_a_text_a_group_of_clauses_and_a_per_table_paragraph():
    group = {"before": "其中", "between": "、", "items": ["{units}个单位"]}
    (whole, parts), found = _read(
        {"text": "{period}情况如下。"},
        {"parts": ["共{total}条", group], "for_each": "table", "style": "heading"},
    )
    assert found == []
    assert (whole.whole, whole.parts, whole.style, whole.for_each) == (
        True,
        ("{period}情况如下。",),
        "body",
        None,
    )
    assert parts.parts == ("共{total}条", Group("其中", "、", ("{units}个单位",)))
    assert (parts.whole, parts.for_each, parts.style) == (False, "table", "heading")


def test_text_and_parts_together_are_refused_by_paragraph():
    with pytest.raises(SchemeError) as caught:
        _read({"text": "甲"}, {"text": "乙", "parts": ["丙"]})
    assert str(caught.value) == (
        "notice.toml 第2个 [[paragraph]] 应写 text（一整段）或 parts（可省略的几小段）中的一项"
    )


def test_a_per_table_figure_outside_a_per_table_paragraph_is_found_not_raised():
    _, found = _read({"text": "前{top}名"})
    assert len(found) == 1
    assert found[0].startswith("notice.toml 第1个 [[paragraph]] 用到了不认识的“{top}”，可用的有：")


def test_a_stray_brace_is_said_with_its_template():
    assert fields("{year}年", "甲") == ["year"]
    assert field_problems("{year年", {"year"}, "notice.toml ") == [
        "notice.toml “{year年”的花括号不成对；要印出花括号本身请写 {{ 或 }}"
    ]
