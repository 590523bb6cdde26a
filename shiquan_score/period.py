"""Periods: quarters by default (`2020Q4`, `10-12月`), or months, halves or years as a scheme
says (`2021-03` `3月`, `2021H1` `1-6月`, `2021` `1-12月`); and the period before."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from shiquan_score.errors import InputError
from shiquan_score.messages import msg

_PERIOD = re.compile(r"^\s*(\d{4})\s*[Qq季]?\s*([1-4])\s*$")
_MONTH = re.compile(r"^\s*(\d{4})\s*(?:-|[Mm]|年)\s*(\d{1,2})\s*月?\s*$")
_HALF = re.compile(r"^\s*(\d{4})\s*[Hh]\s*([12])\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*年?\s*$")
# A scheme's period (rules.toml: period = "month"): its length in months.
SPANS = {"month": 1, "quarter": 3, "half": 6, "year": 12}
_FORMS = {
    1: (_MONTH, msg("PERIOD_EXAMPLE_MONTH")),
    3: (_PERIOD, "2020Q4"),
    6: (_HALF, "2021H1"),
    12: (_YEAR, "2021"),
}
_NAMES = {
    1: msg("PERIOD_KIND_MONTH"),
    3: msg("PERIOD_KIND_QUARTER"),
    6: msg("PERIOD_KIND_HALF"),
    12: msg("PERIOD_KIND_YEAR"),
}
# Per length: the period's noun, the first of a year, the later ones, the one before, the
# earlier ones of the year (此前各季度), the next (下一季度), those a ledger may lack (前几季度).
_WORD_CODES = {
    1: ("PERIOD_NOUN_MONTH", "PERIOD_OPENING_MONTH", "PERIOD_LATER_MONTH", "PERIOD_BEFORE_MONTH",
        "PERIOD_EACH_MONTH", "PERIOD_NEXT_MONTH", "PERIOD_EARLIER_MONTH"),
    3: ("PERIOD_NOUN_QUARTER", "PERIOD_OPENING_QUARTER", "PERIOD_LATER_QUARTER",
        "PERIOD_BEFORE_QUARTER", "PERIOD_EACH_QUARTER", "PERIOD_NEXT_QUARTER",
        "PERIOD_EARLIER_QUARTER"),
    6: ("PERIOD_NOUN_HALF", "PERIOD_OPENING_HALF", "PERIOD_LATER_HALF", "PERIOD_BEFORE_HALF",
        "PERIOD_EACH_HALF", "PERIOD_NEXT_HALF", "PERIOD_EARLIER_HALF"),
    12: ("PERIOD_NOUN_YEAR", "PERIOD_OPENING_YEAR", "PERIOD_LATER_YEAR", "PERIOD_BEFORE_YEAR",
         "PERIOD_EACH_YEAR", "PERIOD_NEXT_YEAR", "PERIOD_EARLIER_YEAR"),
}  # fmt: skip
_WORDS = {span: tuple(msg(code) for code in codes) for span, codes in _WORD_CODES.items()}
# Years a quarter (and a ledger date) may fall in: beyond them a date is a typo (3020 for
# 2020), and a calendar or a pandas timestamp cannot hold every one of them anyway.
FIRST_YEAR, LAST_YEAR = 1900, 2100


@dataclass(frozen=True, order=True)
class Period:
    """One period of a year: `quarter` is its number within the year (the quarter for a
    quarterly scheme, the month for a monthly one, 1-2 for halves, 1 for a year) and `span`
    its length in months."""

    year: int
    quarter: int
    span: int = 3

    @classmethod
    def parse(cls, text: str, span: int = 3) -> Period:
        pattern, example = _FORMS[span]
        match = pattern.match(text or "")
        if not match:
            if span == 3:
                raise InputError(msg("PERIOD_BAD", text=text))
            raise InputError(msg("PERIOD_FORM", text=text, kind=_NAMES[span], example=example))
        year = int(match.group(1))
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise InputError(
                msg(
                    "PERIOD_YEAR",
                    text=text,
                    year=year,
                    first=FIRST_YEAR,
                    last=LAST_YEAR,
                    kind=_NAMES[span],
                    example=example,
                )
            )
        number = int(match.group(2)) if span != 12 else 1
        if not 1 <= number <= 12 // span:
            raise InputError(
                msg("PERIOD_NUMBER", text=text, number=number, kind=_NAMES[span], example=example)
            )
        return cls(year, number, span)

    @classmethod
    def of(cls, day: dt.date, span: int) -> Period:
        """The period of `span` months holding `day`: a date alone says nothing of the length
        (the 调研加分 record once wrote a monthly scheme's February as 2021Q1)."""
        return cls(day.year, (day.month - 1) // span + 1, span)

    @property
    def first_month(self) -> int:
        return self.span * (self.quarter - 1) + 1

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.first_month, 1)

    @property
    def end(self) -> dt.date:
        after = self.first_month + self.span  # the month after the period (13: next January)
        nxt = dt.date(self.year + (after > 12), after - 12 if after > 12 else after, 1)
        return nxt - dt.timedelta(days=1)

    @property
    def months(self) -> str:
        """The header's months: 10-12月 (a month alone: 3月)."""
        last = self.first_month + self.span - 1
        if self.span == 1:
            return msg("PERIOD_MONTH", month=last)
        return msg("PERIOD_MONTHS", first=self.first_month, last=last)

    @property
    def label(self) -> str:
        """Human label: 2020年10-12月."""
        return msg("PERIOD_LABEL", year=self.year, months=self.months)

    @property
    def code(self) -> str:
        """What --period takes: 2020Q4, 2021M03, 2021H1, 2021."""
        if self.span == 1:
            return f"{self.year}M{self.quarter:02d}"
        if self.span == 6:
            return f"{self.year}H{self.quarter}"
        if self.span == 12:
            return f"{self.year}"
        return f"{self.year}Q{self.quarter}"

    @property
    def noun(self) -> str:
        """季度 (a monthly scheme: 月; 半年; 年) for the messages."""
        return _WORDS[self.span][0]

    @property
    def opening(self) -> str:
        """The first period of a year in words: 一季度, 1月, 上半年."""
        return _WORDS[self.span][1]

    @property
    def later(self) -> str:
        """The periods that need the previous table: 二至四季度, 2至12月, 下半年."""
        return _WORDS[self.span][2]

    @property
    def before_word(self) -> str:
        """上季度, 上个月, 上半年."""
        return _WORDS[self.span][3]

    @property
    def each_word(self) -> str:
        """The year's earlier periods: 此前各季度, 此前各月, 上半年."""
        return _WORDS[self.span][4]

    @property
    def next_word(self) -> str:
        """The period that reads this one's workbook: 下一季度, 下个月, 下期."""
        return _WORDS[self.span][5]

    @property
    def earlier_word(self) -> str:
        """The year's earlier periods a ledger may lack: 前几季度, 前几个月, 上半年."""
        return _WORDS[self.span][6]

    @property
    def kind(self) -> str:
        """How the periods are counted, after 按: 季度, 月份, 半年（H1 上半年、H2 下半年）."""
        return _NAMES[self.span]

    def sibling(self, year: int, number: int) -> Period:
        """Another period of the same length."""
        return Period(year, number, self.span)

    def next(self) -> Period:
        """The period after this one (the first of next year after the last)."""
        if self.quarter == 12 // self.span:
            return Period(self.year + 1, 1, self.span)
        return Period(self.year, self.quarter + 1, self.span)

    @property
    def last_month_start(self) -> dt.date:
        """The first day of the period's last month: rows from it on mean the period is
        complete, not just begun (a table goes out 2-8 weeks after its period ends). A month
        is complete from its last ten days on (its table goes out in the next month's first
        weeks, so a snapshot holds those weeks' rows)."""
        if self.span == 1:
            return dt.date(self.year, self.first_month, 21)
        return dt.date(self.year, self.first_month + self.span - 1, 1)

    def previous(self) -> Period | None:
        """The earlier period of the same year; None for the first (累计 resets with the year)."""
        return None if self.quarter == 1 else Period(self.year, self.quarter - 1, self.span)


def form_example(span: int) -> str:
    """How --period is written for periods of `span` months: 2020Q4, 2021-03 或 2021M03 …."""
    return _FORMS[span][1]


def parse_any(text: str) -> Period:
    """A --period in any accepted form (the scheme, read later, says which one it must be)."""
    for span in (3, 1, 6, 12):
        try:
            return Period.parse(text, span)
        except InputError:
            continue
    return Period.parse(text)  # raises the quarterly message, as before


_MONTH_SPAN = re.compile(r"(\d{1,2})\s*[-－—~～至到]\s*(\d{1,2})\s*月")
# 一季度, 第二季度, 3季度: hand-made tables name the quarter instead of its months.
_QUARTER_WORD = re.compile(r"第?\s*([一二三四1-4])\s*季度")
_ONE_MONTH = re.compile(r"(?<![\d\-－—~～至到])(\d{1,2})\s*月")
_QUARTER_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def names_period(text: str) -> bool:
    """True when a header cell names the months or quarter of its table (7-9月, 三季度)."""
    text = str(text or "")
    return bool(_MONTH_SPAN.search(text) or _QUARTER_WORD.search(text) or _ONE_MONTH.search(text))


def months_to_quarter(text: str, span: int = 3) -> int | None:
    """`7-9月` or `三季度` → 3 (a monthly scheme: `3月` → 3; halves: `7-12月` → 2; a year:
    `1-12月` → 1); anything that is not exactly one period of that length → None."""
    if span == 3:
        word = _QUARTER_WORD.search(text or "")
        if word:
            return _QUARTER_NUMBER[word.group(1)]
    match = _MONTH_SPAN.search(text or "")
    if not match:
        if span == 1:
            single = _ONE_MONTH.search(text or "")
            return int(single.group(1)) if single and 1 <= int(single.group(1)) <= 12 else None
        return None
    first, last = int(match.group(1)), int(match.group(2))
    if span > 1 and first % span == 1 % span and last == first + span - 1 and last <= 12:
        return (first - 1) // span + 1
    return None
