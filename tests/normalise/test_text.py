"""Text normalisation: one canonical form for names and titles, however many rows."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from shiquan_score.normalise.text import fmt_number, has_word, norm, norm_many, split_cell

NOISY = st.text(
    alphabet=[
        *list("财政局（）()“”\"'《》「」 \u3000\t\n\xa0\u2003\u2028\u202fＡ１、，.。合计"),
        "\x85",
    ],
    max_size=12,
)


def test_norm():
    assert norm(" 石泉县\u3000财政局 ") == "石泉县财政局"
    assert norm("公安局(交警大队)") == norm("公安局（交警大队）")
    assert norm("“财政局”《》") == "财政局"
    assert norm(None) == ""


@settings(max_examples=60, deadline=None)
@given(st.lists(NOISY, min_size=1, max_size=40), st.integers(0, 3))
def test_norm_many_is_norm_in_place(values, repeat):
    # many distinct values take the Arrow path; the index is kept, as after an explode
    many = values * (1 + repeat) + [f"{i}“题”" for i in range(5000)]
    series = pd.Series(many, index=[i // 2 for i in range(len(many))])
    assert norm_many(series).tolist() == [norm(v) for v in many]
    assert norm_many(series).index.equals(series.index)


def test_split_cell():
    assert split_cell("财政局、审计局，统计局/ 水利局", ["、", "，", "/"]) == [
        "财政局",
        "审计局",
        "统计局",
        " 水利局",
    ]


def test_has_word():
    words = frozenset({"合计", "小计"})
    values = pd.Series(["合 计", "10月小计", "合计发放", None, "财政局"])
    assert has_word(values, words).tolist() == [True, True, True, False, False]
    assert has_word(values, words, exact=True).tolist() == [True, False, False, False, False]


def test_fmt_number():
    assert [fmt_number(v) for v in (37.0, 18.75, 0.5, 0.0, 1 / 3)] == [
        "37",
        "18.75",
        "0.5",
        "0",
        "0.33",
    ]


def test_has_word_on_categories():
    values = pd.Series(["合计", None, "2020-10-01", "合计"], dtype="category")
    assert has_word(values, frozenset({"合计"})).tolist() == [True, False, False, True]
