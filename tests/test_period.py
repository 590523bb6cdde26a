"""Quarters and their labels."""

from __future__ import annotations

import datetime as dt

import pytest

from shiquan_score.errors import InputError
from shiquan_score.period import Period, months_to_quarter


@pytest.mark.parametrize("text", ["2020Q4", "2020q4", " 2020 Q4 ", "20204", "2020季4"])
def test_parse(text):
    assert Period.parse(text) == Period(2020, 4)


@pytest.mark.parametrize("text", ["2020Q5", "2020", "Q4", "2020-10", ""])
def test_parse_refuses(text):
    with pytest.raises(InputError):
        Period.parse(text)


def test_quarter_facts():
    q = Period(2020, 4)
    assert (q.start, q.end, q.months, q.label, q.code) == (
        dt.date(2020, 10, 1),
        dt.date(2020, 12, 31),
        "10-12月",
        "2020年10-12月",
        "2020Q4",
    )
    assert Period(2020, 1).end == dt.date(2020, 3, 31)
    assert Period(2020, 3).previous() == Period(2020, 2)
    assert Period(2021, 1).previous() is None
    assert Period.of(dt.date(2020, 7, 1)) == Period(2020, 3)


@pytest.mark.parametrize(
    ("text", "quarter"),
    [
        ("7-9月采用情况（条）", 3),
        ("10-12月", 4),
        ("1－3月", 1),
        ("4—6月", 2),
        ("7-8月", None),
        ("一季度采用情况（条）", 1),
        ("第二季度", 2),
        ("3季度", 3),
        ("四季度", 4),
        ("全年", None),
    ],
)
def test_months_to_quarter(text, quarter):
    assert months_to_quarter(text) == quarter
