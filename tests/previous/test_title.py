"""previous/title: a sheet is an official table when a title template matches its title."""

from __future__ import annotations

import numpy as np
import pandas as pd

from shiquan_score.previous.title import identify, title_notice
from shiquan_score.read.sheets import RawSheet


def _sheet(rows: list[list[object]]) -> RawSheet:
    cells = pd.DataFrame(rows, dtype=object)
    return RawSheet("上期.xlsx", "Sheet1", cells, np.arange(1, len(rows) + 1))


def test_the_title_names_the_table_and_the_year(scheme):
    raw = _sheet([["附件2", None], [None, None], ["石泉县2020年信息采用情况统计表（部门）", None]])
    found = identify(raw, scheme)
    assert found == ("部门", 2020, 2)
    assert title_notice(raw, scheme, found) is None


def test_a_news_title_quoting_the_table_is_no_table(scheme):
    raw = _sheet([["我县《石泉县2020年信息采用情况统计表（部门）》印发", "日期"]])
    assert identify(raw, scheme) is None


def test_a_title_without_its_bracket_is_told_by_the_units(scheme):
    raw = _sheet(
        [
            ["石泉县2020年信息采用情况统计表", None],
            ["单位名称", "累计"],
            ["城关镇", 3],
            ["饶峰镇", 1],
        ]
    )
    found = identify(raw, scheme)
    assert found == ("镇", 2020, 0)
    assert title_notice(raw, scheme, found) == (
        "上期.xlsx（Sheet1） 的标题“石泉县2020年信息采用情况统计表”没有写明是哪张表，"
        "按表中的单位认作附件1（镇）"
    )
