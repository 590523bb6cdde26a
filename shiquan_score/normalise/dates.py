"""Ledger dates: real Excel dates, serial numbers and the text forms clerks type."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import numpy as np
import pandas as pd

from shiquan_score.normalise.text import EXCEL_ERRORS
from shiquan_score.period import FIRST_YEAR, LAST_YEAR

# Year first, then month and day: 2020-10-12, 2020.10.12, 2020/10/12, 2020年10月12日,
# and what the reader gives for a real date cell, "2020-10-12 00:00:00".
_YMD = re.compile(
    r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*[日号]?\.?"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DAY_FIRST_OR_US = re.compile(r"^(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{4})$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
# Serials from 2000-01-01 to 2099-12-31: anything else in a date column is not a date.
_SERIAL_RANGE = (36526, 73050)

OK, BLANK, AMBIGUOUS, BAD, YEAR, EXCEL = "ok", "blank", "ambiguous", "bad", "year", "excel"


def parse_date(value: object) -> tuple[dt.date | None, str]:
    """One cell → (date, status); status is ok, blank, ambiguous or bad. Never guesses."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None, BLANK
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None, BLANK
    if text in EXCEL_ERRORS:
        return None, EXCEL
    match = _YMD.match(text) or _COMPACT.match(text)
    if match:
        return _make(*match.groups())
    if _SERIAL.match(text):
        serial = float(text)
        if _SERIAL_RANGE[0] <= serial <= _SERIAL_RANGE[1]:
            return _EXCEL_EPOCH + dt.timedelta(days=int(serial)), OK
        return None, BAD
    match = _DAY_FIRST_OR_US.match(text)
    if match:
        first, second = int(match.group(1)), int(match.group(2))
        # 10/12/2020 could be 10 December or 12 October: refuse. 25/12/2020 is not ambiguous,
        # but a clerk who writes day first is rare enough that we still ask.
        return None, AMBIGUOUS if first <= 12 and second <= 12 else BAD
    return None, BAD


def _make(year: str, month: str, day: str) -> tuple[dt.date | None, str]:
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None, BAD
    return (date, OK) if FIRST_YEAR <= date.year <= LAST_YEAR else (None, YEAR)


def parse_dates(values: pd.Series) -> pd.DataFrame:
    """Parse a column by its distinct values; return columns `date` and `date_status`."""
    codes, distinct = pd.factorize(values)
    parsed = [parse_date(v) for v in distinct]
    # Code -1 (a blank cell) takes the extra last entry.
    dates = np.empty(len(parsed) + 1, dtype=object)
    dates[:-1] = [d for d, _ in parsed] if parsed else []
    dates[-1] = np.nan
    status = np.array([s for _, s in parsed] + [BLANK], dtype=object)
    return pd.DataFrame({"date": dates[codes], "date_status": status[codes]}, index=values.index)
