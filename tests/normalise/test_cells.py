"""Cells as codes: title keys on both paths, events spread per channel and unit, combinations."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from shiquan_score.normalise.cells import Codes, by_channel, by_unit, combinations, title_keys

TITLES = ["《关于甲》", "关于甲。", None, "乙 ", "“乙”", "ｂ１", "b1", "丙"]


def test_title_keys_agree_between_the_small_and_the_big_path_and_across_sheets():
    """Big ledgers key titles in Arrow; several sheets arrive as several Arrow chunks."""
    small = title_keys(pd.Series(TITLES, dtype=object))
    assert small.tolist() == [0, 0, 1, 2, 2, 3, 3, 4]
    sheets = [pd.Series(TITLES * 400, dtype="str"), pd.Series(TITLES[::-1] * 400, dtype="str")]
    big = title_keys(pd.concat(sheets, ignore_index=True))
    assert len(big) == 6400
    assert big[:8].tolist() == small.tolist()
    assert big[-8:].tolist() == small[::-1].tolist()


CODES = Codes(
    unit_sets=[("财政局",), ("审计局", "财政局"), ()],
    set_key=np.array([0, 1, 2]),
    keys=["财政局", "审计局、财政局", ""],
    channels=[("市级", "省级"), ("部门动态",), ()],
)


def frame(unit_set, kind, index):
    return pd.DataFrame({"row": index, "unit_set": unit_set, "kind": kind}, index=index)


def test_events_are_spread_per_channel_then_per_unit_with_shares():
    rows = frame([1, 0], [0, 1], [10, 11])
    events = by_unit(by_channel(rows, CODES), CODES)
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
    ("unit_set", "kind", "message"),
    [(0, 2, "a scored row without a channel"), (2, 0, "a scored row without a unit")],
)
def test_a_row_without_channels_or_units_is_never_dropped_silently(unit_set, kind, message):
    with pytest.raises(AssertionError, match=message):
        by_unit(by_channel(frame([unit_set], [kind], [0]), CODES), CODES)


def test_combinations_number_in_order_of_appearance_and_never_overflow():
    a = pd.Series([5, 5, 7, 5, None])
    b = pd.Series(["x", "x", "x", "y", None])
    key, first = combinations([a, b])
    assert key.tolist() == [0, 0, 1, 2, 3]
    assert first.tolist() == [0, 2, 3, 4]
    wide = [pd.Series(np.arange(1000) % (k + 2)) for k in range(40)]  # 2**63 passed many times
    key, first = combinations(wide)
    assert len(first) == len(set(map(tuple, np.column_stack(wide).tolist())))
