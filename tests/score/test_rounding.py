"""四舍五入 half up, never banker's rounding, free of float noise."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from shiquan_score.score.rounding import round_half_up, round_half_up_array


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (0.125, 0.13),
        (2.675, 2.68),
        (0.005, 0.01),
        (1 / 6, 0.17),
        (5 / 3, 1.67),
        (18.75, 18.75),
        (0.1 + 0.2, 0.3),
        (2.5, 2.5),
    ],
)
def test_round_half_up(value, shown):
    assert round_half_up(pd.Series([value])).tolist() == [shown]


def test_round_half_up_array_keeps_the_shape_and_rounds_each_cell():
    grid = np.array([[0.005, 1 / 6], [5 / 3, 0.005], [np.nan, 2.5]])
    rounded = round_half_up_array(grid)
    assert rounded.shape == (3, 2)
    assert rounded[:2].tolist() == [[0.01, 0.17], [1.67, 0.01]]
    assert np.isnan(rounded[2, 0]) and rounded[2, 1] == 2.5
