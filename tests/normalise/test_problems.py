"""The problems table's lines: where and row from the rows, the rest one value or one per row."""

from __future__ import annotations

import pandas as pd

from shiquan_score.normalise.problems import PROBLEM_COLUMNS, problem_frame


def test_one_line_per_row_with_scalars_or_one_value_per_row():
    rows = pd.DataFrame({"where": ["甲.xlsx", "乙.xlsx"], "row": [4, 9]}, index=[7, 3])
    frame = problem_frame(rows, "单位", ["a", "b"], "ERROR", "UNKNOWN_UNIT", ["一", "二"])
    assert list(frame.columns) == PROBLEM_COLUMNS
    assert frame.to_numpy().tolist() == [
        ["甲.xlsx", 4, "单位", "a", "ERROR", "UNKNOWN_UNIT", "一"],
        ["乙.xlsx", 9, "单位", "b", "ERROR", "UNKNOWN_UNIT", "二"],
    ]
    assert frame.index.tolist() == [0, 1]  # positional: the rows' labels are not kept


def test_no_rows_no_lines():
    empty = problem_frame(pd.DataFrame({"where": [], "row": []}), "", "", "INFO", "X", "")
    assert empty.empty and list(empty.columns) == PROBLEM_COLUMNS
