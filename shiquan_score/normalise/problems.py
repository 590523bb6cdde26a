"""The problems table: one line per thing the clerk is told about a ledger row."""

from __future__ import annotations

import pandas as pd

# Problem levels (their labels: messages.LEVELS).
ERROR, NOT_SCORED, INFO = "ERROR", "NOT_SCORED", "INFO"
# code: a problem kind of messages.KINDS; message: the text for the clerk
PROBLEM_COLUMNS = ["where", "row", "column", "value", "level", "code", "message"]


def problem_frame(rows: pd.DataFrame, column, value, level, code, message) -> pd.DataFrame:
    """Lines for `rows` (their where and row); the other columns one value or one per row."""
    return pd.DataFrame(
        {
            "where": rows["where"].to_numpy(),
            "row": rows["row"].to_numpy(),
            "column": column,
            "value": value,
            "level": level,
            "code": code,
            "message": message,
        }
    )
