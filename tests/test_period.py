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
    assert Period.of(dt.date(2020, 7, 1), 3) == Period(2020, 3)


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


@pytest.mark.parametrize(
    ("text", "span", "code", "months", "start", "end", "before"),
    [
        ("2021-03", 1, "2021M03", "3月", (2021, 3, 1), (2021, 3, 31), "2021M02"),
        ("2021M12", 1, "2021M12", "12月", (2021, 12, 1), (2021, 12, 31), "2021M11"),
        ("2021年1月", 1, "2021M01", "1月", (2021, 1, 1), (2021, 1, 31), None),
        ("2021H1", 6, "2021H1", "1-6月", (2021, 1, 1), (2021, 6, 30), None),
        ("2021h2", 6, "2021H2", "7-12月", (2021, 7, 1), (2021, 12, 31), "2021H1"),
        ("2021", 12, "2021", "1-12月", (2021, 1, 1), (2021, 12, 31), None),
        ("2020Q4", 3, "2020Q4", "10-12月", (2020, 10, 1), (2020, 12, 31), "2020Q3"),
    ],
)
def test_periods_other_than_a_quarter(text, span, code, months, start, end, before):
    p = Period.parse(text, span)
    assert (p.code, p.months, p.start, p.end) == (code, months, dt.date(*start), dt.date(*end))
    assert (p.previous().code if p.previous() else None) == before  # 上期: same year only
    assert Period.of(p.end, span) == p and p.next().start == p.end + dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("text", "span", "message"),
    [
        ("2021Q1", 1, "期别“2021Q1”写法不对：本办法按月份统计，请写成 2021-03 或 2021M03"),
        ("2021-13", 1, "期别“2021-13”写法不对：没有第13个月份，请写成 2021-03 或 2021M03"),
        (
            "2021H3",
            6,
            "期别“2021H3”写法不对：本办法按半年（H1 上半年、H2 下半年）统计，请写成 2021H1",
        ),
        ("2021-03", 12, "期别“2021-03”写法不对：本办法按年份统计，请写成 2021"),
        ("2020-4", 3, "期别“2020-4”写法不对，请写成年份加季度，如 2020Q4"),
    ],
)
def test_a_period_of_the_wrong_form_is_named(text, span, message):
    with pytest.raises(InputError) as exc:
        Period.parse(text, span)
    assert str(exc.value) == message


@pytest.mark.parametrize(
    ("text", "span", "number"),
    [
        ("3月采用（条）", 1, 3),
        ("12月", 1, 12),
        ("10-12月", 1, None),
        ("1-6月采用", 6, 1),
        ("7-12月", 6, 2),
        ("4-9月", 6, None),
        ("1-12月", 12, 1),
        ("1-6月", 12, None),
        ("7-9月", 3, 3),
    ],
)
def test_months_header_of_each_length(text, span, number):
    assert months_to_quarter(text, span) == number
