"""四舍五入 for what the tables show (never banker's rounding)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd


def round_half_up(values: pd.Series, places: int = 2) -> pd.Series:
    """四舍五入 for display (never banker's rounding), computed over distinct values."""
    rounded = round_half_up_array(values.to_numpy(dtype=float), places)
    return pd.Series(rounded, index=values.index)


def round_half_up_array(values: np.ndarray, places: int = 2) -> np.ndarray:
    """round_half_up() of an array of any shape: one Decimal per distinct value."""
    step = Decimal(1).scaleb(-places)
    distinct, inverse = np.unique(values, return_inverse=True)
    # Scores are sums of small fractions: round(…, 9) removes float noise before the half-up.
    rounded = np.array(
        [
            float(Decimal(repr(round(float(v), 9))).quantize(step, rounding=ROUND_HALF_UP))
            for v in distinct
        ],
        dtype=float,
    )
    return rounded[inverse].reshape(values.shape)
