"""Cells looked up once per distinct text; title keys; events spread per channel and unit."""

from __future__ import annotations

import typing

import numpy as np
import pandas as pd
import pytest

from shiquan_score.normalise.cells import (
    Cells,
    analyse,
    by_channel,
    by_unit,
    combinations,
    issues_of,
    repeated_of,
    title_keys,
)
from shiquan_score.scheme.vocabulary import Vocabulary

TITLES = ["《关于甲》", "关于甲。", None, "乙 ", "“乙”", "ｂ１", "b1", "丙"]


def test_title_keys_in_order_of_first_appearance_whatever_the_size_and_across_sheets():
    """One path for any ledger; several sheets arrive as several Arrow chunks."""
    small = title_keys(pd.Series(TITLES, dtype=object))
    assert small.tolist() == [0, 0, 1, 2, 2, 3, 3, 4]
    sheets = [pd.Series(TITLES * 400, dtype="str"), pd.Series(TITLES[::-1] * 400, dtype="str")]
    big = title_keys(pd.concat(sheets, ignore_index=True))
    assert len(big) == 6400
    assert big[:8].tolist() == small.tolist()
    assert big[-8:].tolist() == small[::-1].tolist()


def test_title_keys_of_characters_newer_than_unicode_3_2_follow_python():
    """U+1E030 (Unicode 15) is NFKC 'a' for a newer library only; Python 3.11 keeps it."""
    import unicodedata

    new = "\U0001e030"
    expected_same = unicodedata.normalize("NFKC", new) == "a"
    keys = title_keys(pd.Series([f"甲{new}", "甲a", f"甲{new}"], dtype="str"))
    assert keys.tolist() == ([0, 0, 0] if expected_same else [0, 1, 0])


CELLS = Cells(
    units=pd.DataFrame(
        {
            "units": [("财政局",), ("审计局", "财政局"), ()],
            "units_key": pd.array(["财政局", "审计局、财政局", ""], dtype="str"),
            "issues": [(), (), (("unit", "", "单位为空", "单位为空，请补上报送单位"),)],
            "repeated": [("财政局",), (), ()],
        }
    ),
    kinds=pd.DataFrame(
        {
            "category_name": ["政务动态", "新闻动态", None],
            "channels": [("市级", "省级"), ("部门动态",), ()],
            "issues": [(), (), (("channel", "x", "渠道无法识别", "采用渠道“x”无法识别"),)],
            "repeated": [(), ("部门动态",), ()],
        }
    ),
    checks=pd.DataFrame(
        {"unit_cell": [0], "kind": [1], "issues": [(("channel", "部门动态", "c", "m"),)]}
    ),
)


def frame(unit_cell, kind, index):
    return pd.DataFrame({"row": index, "unit_cell": unit_cell, "kind": kind}, index=index)


def test_events_are_spread_per_channel_then_per_unit_with_shares():
    rows = frame([1, 0], [0, 1], [10, 11])
    events = by_unit(by_channel(rows, CELLS), CELLS)
    assert events[["row", "channel_name", "unit_name", "share", "units_key", "pos"]].to_dict(
        "split"
    )["data"] == [
        [10, "市级", "审计局", 0.5, "审计局、财政局", 10],
        [10, "市级", "财政局", 0.5, "审计局、财政局", 10],
        [10, "省级", "审计局", 0.5, "审计局、财政局", 10],
        [10, "省级", "财政局", 0.5, "审计局、财政局", 10],
        [11, "部门动态", "财政局", 1.0, "财政局", 11],
    ]


@pytest.mark.parametrize(
    ("unit_cell", "kind", "message"),
    [(0, 2, "a scored row without a channel"), (2, 0, "a scored row without a unit")],
)
def test_a_row_without_channels_or_units_is_never_dropped_silently(unit_cell, kind, message):
    with pytest.raises(AssertionError, match=message):
        by_unit(by_channel(frame([unit_cell], [kind], [0]), CELLS), CELLS)


def test_issues_of_a_row_come_from_its_unit_cell_its_kind_and_their_check():
    rows = frame([2, 0, 2], [2, 1, 0], [7, 8, 9])
    assert issues_of(rows, CELLS).reset_index().to_numpy().tolist() == [
        [7, "unit", "", "单位为空", "单位为空，请补上报送单位"],
        [7, "channel", "x", "渠道无法识别", "采用渠道“x”无法识别"],
        [8, "channel", "部门动态", "c", "m"],
        [9, "unit", "", "单位为空", "单位为空，请补上报送单位"],
    ]
    assert repeated_of(rows, CELLS).tolist() == ["", "财政局、部门动态", ""]


def test_analyse_looks_up_each_distinct_cell_once(scheme):
    class Counting(Vocabulary):
        calls: typing.ClassVar[list] = []

        def units_of(self, text):
            self.calls.append(("unit", text))
            return super().units_of(text)

        def kind_of(self, category, channel):
            self.calls.append(("kind", category, channel))
            return super().kind_of(category, channel)

    rows = pd.DataFrame(
        {
            "unit": ["财政局", "财政局 ", None, "财政局", "审计局、财政局"] * 100,
            "category": ["", "", "", "政务动态", "新闻动态"] * 100,
            "channel": ["部门动态", "部门动态", "部门动态", "市级", "部门动态"] * 100,
        }
    )
    vocab = Counting(scheme)
    out, cells = analyse(rows, vocab)
    assert vocab.calls == [
        ("unit", "财政局"),
        ("unit", "财政局"),
        ("unit", ""),
        ("unit", "审计局、财政局"),
        ("kind", "", "部门动态"),
        ("kind", "政务动态", "市级"),
        ("kind", "新闻动态", "部门动态"),
    ]
    assert out["unit_cell"].tolist()[:5] == [0, 1, 2, 0, 3]
    assert out["kind"].tolist()[:5] == [0, 0, 0, 1, 2]
    assert out["n_issues"].tolist()[:5] == [0, 0, 1, 0, 0]
    assert cells.units["units_key"].tolist() == ["财政局", "财政局", "", "审计局、财政局"]


def test_combinations_number_in_order_of_appearance_a_missing_value_a_value_of_its_own():
    a = pd.Series([5, 5, 7, 5, None], index=[9, 8, 7, 6, 5])
    b = np.array(["x", "x", "x", "y", None], dtype=object)
    key, first = combinations([a, b])
    assert key.tolist() == [0, 0, 1, 2, 3]
    assert first.tolist() == [0, 2, 3, 4]
    wide = [pd.Series(np.arange(1000) % (k + 2)) for k in range(40)]
    key, first = combinations(wide)
    assert len(first) == len(set(map(tuple, np.column_stack(wide).tolist()))) == key.max() + 1
