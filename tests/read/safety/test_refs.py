"""read/safety/refs: column letters and the 1..n regexes, against plain arithmetic."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from shiquan_score.read.safety.refs import col_letters, col_number, upto_re


@given(st.integers(1, 2_000_000), st.integers(0, 2_100_000))
def test_row_range_regex(n, k):
    assert bool(re.fullmatch(upto_re(n, letters=False), str(k))) == (1 <= k <= n)


@given(st.integers(1, 16_384), st.integers(1, 20_000))
def test_column_range_regex(n, k):
    assert bool(re.fullmatch(upto_re(n, letters=True), col_letters(k))) == (k <= n)


@given(st.integers(1, 16_384))
def test_column_letters_and_numbers_are_inverse(n):
    letters = col_letters(n)
    assert col_number(letters) == col_number(letters.lower().encode()) == n


def test_column_letters_of_the_edges():
    assert [col_letters(n) for n in (1, 26, 27, 52, 702, 703, 16_384)] == [
        "A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD",
    ]  # fmt: skip
