"""rules.toml [style]: today's look as the defaults, every mistake refused by exact text."""

from __future__ import annotations

import pytest

from shiquan_score.errors import SchemeError
from shiquan_score.scheme.loader import load_scheme
from shiquan_score.scheme.style import Style
from tests.schemes import rules_variant

TODAY = {
    "fonts": {"body": "仿宋_GB2312", "header": "黑体", "title": "方正小标宋简体"},
    "sizes": {
        "attachment": 16,
        "title": 22,
        "header": 12,
        "body": 12,
        "remarks": 12,
        "audit_title": 12,
        "ledger_title": 16,
    },
    "heights": {
        "attachment": 24.75,
        "title": 39.75,
        "row": 21.75,
        "header_wrapped": 36.75,
        "remarks_line": 18,
        "notice_row": 18,
    },
    "margins": {"left": 36, "right": 36, "top": 28, "bottom": 26, "notice_cell": 1},
}


def _as_dict(style: Style) -> dict:
    return {
        "fonts": style.fonts,
        "sizes": style.sizes,
        "heights": style.heights,
        "margins": style.margins,
    }


def test_the_rules_file_writes_out_todays_values():
    style = load_scheme().style
    assert _as_dict(style) == TODAY
    assert (style.paper, style.paper_code, style.landscape) == ("A4", 9, True)
    assert style == Style()


def test_without_a_style_section_the_defaults_are_todays(tmp_path):
    rules = load_scheme().sources[0].read_text(encoding="utf-8")
    start = rules.index("[style]")
    end = rules.index("[[table]]")
    style = load_scheme(*rules_variant(tmp_path, rules[start:end], "")).style
    assert style == Style()


def test_one_key_changes_only_itself(tmp_path):
    style = load_scheme(*rules_variant(tmp_path, "sizes.body = 12 ", "sizes.body = 10.5 ")).style
    assert style.sizes == {**TODAY["sizes"], "body": 10.5}
    assert style.fonts == TODAY["fonts"]


def test_margins_in_inches_for_excel():
    assert Style().margins_inches() == {
        "left": 36 / 25.4,
        "right": 36 / 25.4,
        "top": 28 / 25.4,
        "bottom": 26 / 25.4,
    }


MISTAKES = [
    (
        "sizes.body = 12 ",
        "sizes.bdy = 12 ",
        "rules.toml [style].sizes：不认识的项“bdy”，是不是“body”？",
    ),
    (
        "paper = ",
        "papr = ",
        "rules.toml [style]：不认识的项“papr”，是不是“paper”？",
    ),
    (
        "sizes.body = 12 ",
        'sizes.body = "小四" ',
        "rules.toml [style].sizes 的“body”应为数字，现为 '小四'",
    ),
    (
        'fonts.body = "仿宋_GB2312"',
        "fonts.body = 3",
        "rules.toml [style].fonts 的“body”应为文字，现为 3",
    ),
    (
        "landscape = true",
        'landscape = "横向"',
        "rules.toml [style] 的“landscape”应为true 或 false，现为 '横向'",
    ),
    (
        "sizes.title = 22 ",
        "sizes.title = 100 ",
        "rules.toml [style] sizes 的“title”应为5到72之间的字号（磅），现为 100",
    ),
    (
        "heights.row = 21.75 ",
        "heights.row = 0 ",
        "rules.toml [style] heights 的“row”应为5到409之间的行高（磅），现为 0",
    ),
    (
        "margins.left = 36 ",
        "margins.left = -5 ",
        "rules.toml [style] margins 的“left”应为0到100之间的毫米数，现为 -5",
    ),
    (
        'fonts.title = "方正小标宋简体"',
        'fonts.title = "  "',
        "rules.toml [style] fonts 的“title”应写字体的名称（一行文字，如“仿宋_GB2312”），现为 '  '",
    ),
    (
        'paper = "A4"',
        'paper = "B5"',
        "rules.toml [style] 的“paper”应为 A4、A3 之一（纸张大小），现为 'B5'",
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), MISTAKES)
def test_a_style_mistake_is_named(tmp_path, old, new, message):
    with pytest.raises(SchemeError) as exc:
        load_scheme(*rules_variant(tmp_path, old, new))
    assert str(exc.value) == message
