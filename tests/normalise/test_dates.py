"""Ledger dates: never a guess."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from shiquan_score.normalise.dates import AMBIGUOUS, BAD, BLANK, OK, parse_date, parse_dates


@pytest.mark.parametrize(
    "text",
    [
        "2020-10-12",
        "2020.10.12",
        "2020/10/12",
        "2020年10月12日",
        "2020年10月12号",
        "2020-10-12 00:00:00",
        "2020.10.12.",
        "20201012",
        "44116",
        "44116.5",
        "２０２０年１０月１２日",
        " 2020 - 10 - 12 ",
    ],
)
def test_accepted_forms(text):
    assert parse_date(text) == (dt.date(2020, 10, 12), OK)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("10/12/2020", AMBIGUOUS),
        ("1.2.2020", AMBIGUOUS),
        ("25/12/2020", BAD),
        ("2020-02-30", BAD),
        ("10月12日", BAD),
        ("2020.10", BAD),
        ("123", BAD),
        ("99999", BAD),
        ("", BLANK),
        (None, BLANK),
        ("   ", BLANK),
        ("昨天", BAD),
    ],
)
def test_refused_forms(text, status):
    assert parse_date(text) == (None, status)


def test_parse_dates_maps_distinct_values():
    frame = parse_dates(pd.Series(["2020.10.12", None, "2020.10.12", "x"]))
    assert frame["date_status"].tolist() == [OK, BLANK, OK, BAD]
    assert frame["date"].tolist()[0] == dt.date(2020, 10, 12)
