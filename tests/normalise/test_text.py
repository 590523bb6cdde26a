"""Text normalisation: one canonical form for names and titles, however many rows."""

from __future__ import annotations

import sys
import unicodedata

import pandas as pd
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from shiquan_score.normalise.text import (
    ARROW_SAFE,
    fmt_number,
    has_word,
    norm,
    norm_arrow_array,
    norm_many,
    split_cell,
)

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
    # the index is kept, as after an explode; text in Arrow agrees too
    many = values * (1 + repeat) + [f"{i}“题”" for i in range(50)]
    series = pd.Series(many, index=[i // 2 for i in range(len(many))])
    assert norm_many(series).tolist() == [norm(v) for v in many]
    assert norm_many(series).index.equals(series.index)
    assert norm_arrow_array(pa.array(many, type=pa.large_string())).to_pylist() == [
        norm(v) for v in many
    ]


EVERY_CHARACTER = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]


def test_one_normaliser_over_all_of_unicode():
    """Text normalised in Arrow is norm()'s, character by character over all of Unicode, also
    inside a cell of safe characters and before a combining mark. (Arrow's own NFKC, utf8proc,
    knows a newer Unicode than Python 3.11's: 167 characters such as U+1E030 came out 'a'.)"""
    cells = [
        *EVERY_CHARACTER,
        *(f"甲{ch}乙" for ch in EVERY_CHARACTER[::97]),
        "e\u0301",
        "ｅ\u0301",
    ]
    found = norm_arrow_array(pa.array(cells, type=pa.large_string())).to_pylist()
    differ = [
        (hex(ord(c[0])), f, norm(c)) for c, f in zip(cells, found, strict=True) if f != norm(c)
    ]
    assert differ == []


def test_arrow_works_only_on_characters_of_unicode_3_2():
    """ARROW_SAFE: every character assigned in Unicode 3.2 (frozen in every Python), so that
    both libraries, of any later version, normalise them alike (normalisation stability)."""
    ucd = unicodedata.ucd_3_2_0
    safe = [c for a, b in ARROW_SAFE for c in range(a, b + 1)]
    assert [hex(c) for c in safe if ucd.category(chr(c)) == "Cn"] == []
    assert len(safe) == len(set(safe)) == 29_893


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
