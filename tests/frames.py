"""Ledger rows as table literals, as the reader hands them to normalise()."""

from __future__ import annotations

import pandas as pd


def rows(*items: tuple, hidden: tuple[int, ...] = ()) -> pd.DataFrame:
    """(date, unit, title, category, channel) → ledger rows numbered from Excel row 4."""
    frame = pd.DataFrame(items, columns=["date", "unit", "title", "category", "channel"])
    frame.insert(0, "row", range(4, 4 + len(frame)))
    frame.insert(0, "where", "台账.xlsx（台账）")
    frame["remark"] = None
    frame["lead"] = None
    frame["hidden"] = frame["row"].isin(hidden)
    frame.attrs["headers"] = {
        "date": "采用日期",
        "unit": "报送单位",
        "title": "信息标题",
        "category": "信息类别",
        "channel": "采用渠道",
    }
    return frame


# The text columns of an event frame, for tests that try each string dtype.
TEXT_COLUMNS = ["where", "title", "category_name", "channel_name", "units_key", "unit_name"]
