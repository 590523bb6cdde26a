"""read/sheets: the header found by its words, rows renamed to canonical fields, merges filled."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from shiquan_score import DEFAULT_ROSTER
from shiquan_score.errors import InputError
from shiquan_score.read.sheets import RawSheet, ledger_rows, locate_header
from shiquan_score.scheme.loader import load_scheme
from tests.schemes import variant


def _raw(cells, first_row=1, **options):
    frame = pd.DataFrame(cells, dtype=object)
    return RawSheet(
        "台账.xlsx", "台账", frame, np.arange(first_row, first_row + len(frame)), **options
    )


LEDGER = [
    ["2020年四季度信息采用台账", None, None, None, None, None],
    [None, None, None, None, None, None],
    ["序号", "采用日期", "报送单位", "信息标题", "信息类别", "采用情况"],
    ["1", "2020-10-12", "财政局", "标题一", "新闻动态", "部门动态"],
    [None, None, None, None, None, None],
    ["2", "2020-10-13", "审计局", "标题二", None, "聚焦石泉"],
    ["3", None, None, None, None, None],  # only a 序号: a blank row
]


def test_the_header_is_found_below_a_title_whatever_its_words(scheme):
    raw = _raw(LEDGER, hidden_rows=frozenset({6}))
    pos, fields = locate_header(raw, scheme)
    assert pos == 2
    assert fields == {"date": 1, "unit": 2, "title": 3, "category": 4, "channel": 5}
    rows = ledger_rows(raw, (pos, fields), scheme)
    assert rows["row"].tolist() == [4, 6]  # Excel rows; the blank ones left out
    assert rows["where"].astype(str).tolist() == ["台账.xlsx（台账）"] * 2
    assert rows[["date", "unit", "title", "category", "channel"]].fillna(
        ""
    ).to_numpy().tolist() == [
        ["2020-10-12", "财政局", "标题一", "新闻动态", "部门动态"],
        ["2020-10-13", "审计局", "标题二", "", "聚焦石泉"],
    ]
    assert rows["hidden"].tolist() == [False, True]
    assert rows["lead"].tolist() == ["1", "2"]
    assert rows.attrs["headers"] == {
        "date": "采用日期",
        "unit": "报送单位",
        "title": "信息标题",
        "category": "信息类别",
        "channel": "采用情况",
    }


def test_a_header_missing_a_required_column_is_refused_with_the_row(scheme):
    cells = [["日期", "单位", "标题", "类别"], ["2020-10-12", "财政局", "t", "新闻动态"]]
    with pytest.raises(InputError) as caught:
        locate_header(_raw(cells, first_row=3), scheme)
    assert str(caught.value) == (
        "台账.xlsx（台账） 第3行像是台账表头，但缺少“采用渠道”列；"
        "请补上该列，或在规则文件 [ledger].columns 中加入该表头的写法"
    )


def test_the_missing_column_is_named_as_the_rules_file_spells_it(tmp_path):
    """The first spelling of [ledger].columns.channel, not a word of the program."""
    rules = variant(
        tmp_path,
        'columns.channel = ["采用渠道", ',
        'columns.channel = ["采用栏目名称", "采用渠道", ',
    )
    other = load_scheme(rules, DEFAULT_ROSTER)
    cells = [["日期", "单位", "标题", "类别"], ["2020-10-12", "财政局", "t", "新闻动态"]]
    with pytest.raises(InputError) as caught:
        locate_header(_raw(cells, first_row=3), other)
    assert "缺少“采用栏目名称”列" in str(caught.value)


def test_a_sheet_without_a_header_is_no_ledger(scheme):
    assert locate_header(_raw([["单位名称", "本期"], ["财政局", "1"]]), scheme) is None


def test_merged_cells_down_a_column_are_filled_into_each_row():
    raw = _raw([["日期", "单位"], ["2020-10-12", "财政局"], [None, None], [None, "审计局"]])
    raw.merged_down = [(2, 4, 0)]  # A2:A4, 1-based rows of `cells`
    assert raw.fill_merged_down() == 1
    assert raw.cells[0].tolist() == ["日期", "2020-10-12", "2020-10-12", "2020-10-12"]
    assert raw.cells[1].tolist() == ["单位", "财政局", None, "审计局"]
    assert raw.where == "台账.xlsx（台账）"
