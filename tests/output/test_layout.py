"""The official table as data: header merges, optional columns, widths, 备注 height."""

from __future__ import annotations

import pandas as pd

from shiquan_score.output.layout import (
    build_grid,
    decimals,
    header_blocks,
    remarks_height,
    visible_columns,
)
from shiquan_score.period import Period
from shiquan_score.score.standings import count_key, standings


def test_header_blocks_of_the_official_header():
    paths = [
        ("单位名称",) * 4,
        ("新闻动态", "M", "部门动态", "部门动态"),
        ("新闻动态", "M", "聚焦石泉", "聚焦石泉"),
        ("政务信息", "M", "动态信息", "省级"),
        ("政务信息", "M", "动态信息", "市级"),
        ("政务信息", "M", "调研信息", "省级"),
        ("得分", "得分", "本期", "本期"),
        ("得分", "得分", "上期", "上期"),
        ("排名",) * 4,
    ]
    assert sorted(header_blocks(paths)) == sorted(
        [
            (0, 0, 3, 0, "单位名称"),
            (0, 1, 0, 2, "新闻动态"),
            (1, 1, 1, 2, "M"),
            (2, 1, 3, 1, "部门动态"),
            (2, 2, 3, 2, "聚焦石泉"),
            (0, 3, 0, 5, "政务信息"),
            (1, 3, 1, 5, "M"),
            (2, 3, 2, 4, "动态信息"),
            (3, 3, 3, 3, "省级"),
            (3, 4, 3, 4, "市级"),
            (2, 5, 2, 5, "调研信息"),
            (3, 5, 3, 5, "省级"),
            (0, 6, 1, 7, "得分"),
            (2, 6, 3, 6, "本期"),
            (2, 7, 3, 7, "上期"),
            (0, 8, 3, 8, "排名"),
        ]
    )


def test_same_text_under_different_parents_does_not_merge():
    paths = [("A", "省级"), ("B", "省级")]
    assert sorted(header_blocks(paths)) == [
        (0, 0, 0, 0, "A"),
        (0, 1, 0, 1, "B"),
        (1, 0, 1, 0, "省级"),
        (1, 1, 1, 1, "省级"),
    ]


def _table(scheme, key, counts=None):
    spec = scheme.tables[key]
    counts = (
        counts
        if counts is not None
        else pd.DataFrame(columns=["unit_name", "category_name", "channel_name", "count"])
    )
    return spec, standings(
        spec,
        scheme,
        counts,
        pd.Series(dtype=float),
        pd.Series(dtype=float),
        pd.Series(dtype=object),
    )


def test_optional_columns_hidden_when_empty(scheme):
    spec, table = _table(scheme, "部门")
    shown = [c.header[-1] for _, c in visible_columns(spec, table)]
    assert shown == [
        "单位名称",
        "部门\n动态",
        "聚焦\n石泉",
        "市政府\n网站",
        "省级",
        "市级",
        "省级",
        "市级",
        "本期",
        "上期",
        "累计",
        "排名",
    ]


def test_optional_column_appears_with_an_adoption(scheme):
    counts = pd.DataFrame(
        [("财政局", "政务动态", "国家级", 1.0)],
        columns=["unit_name", "category_name", "channel_name", "count"],
    )
    spec, table = _table(scheme, "部门", counts)
    shown = [(c.header[2], c.header[3]) for _, c in visible_columns(spec, table)][4:7]
    assert shown == [("动态信息", "国家级"), ("动态信息", "省级"), ("动态信息", "市级")]
    j = next(
        j
        for j, c in enumerate(spec.columns)
        if c.header[3] == "国家级" and c.header[2] == "动态信息"
    )
    assert table.loc["财政局", count_key(j)] == 1


def test_grid_of_an_empty_quarter(scheme):
    spec, table = _table(scheme, "镇")
    grid = build_grid(spec, scheme, table, Period(2021, 1))
    title = next(m for m in grid.merges if m.style == "title")
    assert (title.first_row, title.last_col, title.value) == (
        2,
        11,
        "石泉县2021年信息采用情况统计表（镇）",
    )
    months = [m.value for m in grid.merges if m.style == "header" and "月" in str(m.value)]
    assert months == ["1-3月采用情况（条）", "1-3月采用情况（条）"]
    assert grid.header == (3, 6)
    # 11 towns all tied at 0: all rank 1, no unranked block for towns
    ranks = [c.value for c in grid.cells if c.style == "rank"]
    assert ranks == [1] * 11
    assert not [m for m in grid.merges if m.style == "unranked"]
    assert grid.last_row == 7 + 11


def test_number_format_decimals():
    assert [decimals(v) for v in (37, 0.5, 18.75, 12.5, 0, 1 / 3)] == [0, 1, 2, 1, 0, 2]


def test_remarks_height_counts_the_wrapped_lines_in_whole_pixels(scheme):
    # 814 px wide less 12 px padding each side: 790 px a line, a CJK character 16 px.
    # 100 CJK = 1600 px: 3 lines; "ab": 1 line. 4 lines x 18 pt + 6 = 78 pt = 104 px.
    assert remarks_height("甲" * 100 + "\nab", 814, 18) == 78.0
    assert remarks_height("甲" * 49, 814, 18) == 24.0  # 784 px: one line, 24 pt = 32 px
    assert remarks_height("甲" * 50, 814, 18) == 42.0  # 800 px: two lines
    # The sample's 备注: 备注： (1 line) and three rules of 1040, 832 and 1568 px: 2 + 2 + 2.
    widths = [sum(16 if ord(ch) > 0x2E80 else 8 for ch in p) for p in scheme.remarks.split("\n")]
    lines = sum(-(-w // 790) for w in widths)
    assert lines == 7
    assert remarks_height(scheme.remarks, 814, 18) == 7 * 18 + 6 == 132
