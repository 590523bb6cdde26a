"""Quarters: parsing `2020Q4`, the months label `10-12月`, and the quarter before."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from shiquan_score.errors import InputError
from shiquan_score.messages import msg

_PERIOD = re.compile(r"^\s*(\d{4})\s*[Qq季]?\s*([1-4])\s*$")
# Years a quarter (and a ledger date) may fall in: beyond them a date is a typo (3020 for
# 2020), and a calendar or a pandas timestamp cannot hold every one of them anyway.
FIRST_YEAR, LAST_YEAR = 1900, 2100


@dataclass(frozen=True, order=True)
class Period:
    year: int
    quarter: int

    @classmethod
    def parse(cls, text: str) -> Period:
        match = _PERIOD.match(text or "")
        if not match:
            raise InputError(f"期别“{text}”写法不对，请写成年份加季度，如 2020Q4")
        year = int(match.group(1))
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise InputError(
                msg("PERIOD_YEAR", text=text, year=year, first=FIRST_YEAR, last=LAST_YEAR)
            )
        return cls(year, int(match.group(2)))

    @classmethod
    def of(cls, day: dt.date) -> Period:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def first_month(self) -> int:
        return 3 * self.quarter - 2

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.first_month, 1)

    @property
    def end(self) -> dt.date:
        nxt = dt.date(
            self.year + (self.quarter == 4), 1 if self.quarter == 4 else self.first_month + 3, 1
        )
        return nxt - dt.timedelta(days=1)

    @property
    def months(self) -> str:
        """The header's months: 10-12月."""
        return f"{self.first_month}-{self.first_month + 2}月"

    @property
    def label(self) -> str:
        """Human label: 2020年10-12月."""
        return f"{self.year}年{self.months}"

    @property
    def code(self) -> str:
        return f"{self.year}Q{self.quarter}"

    def next(self) -> Period:
        """The quarter after this one (the first of next year after Q4)."""
        return (
            Period(self.year + 1, 1) if self.quarter == 4 else Period(self.year, self.quarter + 1)
        )

    @property
    def last_month_start(self) -> dt.date:
        """The first day of the quarter's last month: rows from it on mean the quarter is
        complete, not just begun (a table goes out 2-8 weeks after its quarter ends)."""
        return dt.date(self.year, self.first_month + 2, 1)

    def previous(self) -> Period | None:
        """The earlier quarter of the same year; None for Q1 (累计 resets with the year)."""
        return None if self.quarter == 1 else Period(self.year, self.quarter - 1)


_MONTH_SPAN = re.compile(r"(\d{1,2})\s*[-－—~～至到]\s*(\d{1,2})\s*月")
# 一季度, 第二季度, 3季度: hand-made tables name the quarter instead of its months.
_QUARTER_WORD = re.compile(r"第?\s*([一二三四1-4])\s*季度")
_QUARTER_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def names_period(text: str) -> bool:
    """True when a header cell names the months or quarter of its table (7-9月, 三季度)."""
    text = str(text or "")
    return bool(_MONTH_SPAN.search(text) or _QUARTER_WORD.search(text))


def months_to_quarter(text: str) -> int | None:
    """`7-9月` or `三季度` → 3; anything that is not exactly one calendar quarter → None."""
    word = _QUARTER_WORD.search(text or "")
    if word:
        return _QUARTER_NUMBER[word.group(1)]
    match = _MONTH_SPAN.search(text or "")
    if not match:
        return None
    first, last = int(match.group(1)), int(match.group(2))
    if first in (1, 4, 7, 10) and last == first + 2:
        return (first + 2) // 3
    return None
