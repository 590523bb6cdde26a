"""previous/headers: merged header rows flattened into paths, paths matched to columns."""

from __future__ import annotations

from shiquan_score.previous.headers import column_key, header_paths, label, match_columns


def test_header_paths_fill_merged_cells_from_the_left_then_from_above():
    import pandas as pd

    cells = pd.DataFrame(
        [
            ["单位名称", "新闻动态", None, "得分情况（分）", None],
            [None, "7-9月采用情况（条）", None, None, None],
            [None, "部门动态", "聚焦石泉", "本期", "累计"],
        ],
        dtype=object,
    )
    assert header_paths(cells, 0, 2) == [
        ("单位名称", "单位名称", "单位名称"),
        ("新闻动态", "7-9月采用情况（条）", "部门动态"),
        ("新闻动态", "7-9月采用情况（条）", "聚焦石泉"),
        ("得分情况（分）", "得分情况（分）", "本期"),
        ("得分情况（分）", "得分情况（分）", "累计"),
    ]
    assert label(("新闻动态", "7-9月采用情况（条）", "部门 动态")) == "新闻动态/部门动态"
    assert column_key(("得分情况（分）", "得分情况（分）", "累计")) == ("得分情况(分)", "累计")


def test_columns_match_by_path_then_by_a_unique_suffix(scheme):
    spec = scheme.tables["部门"]
    keys = [column_key(c.header) for c in spec.columns]
    assert match_columns(spec, keys) == list(range(len(spec.columns)))
    assert match_columns(spec, [("累计",), ("没有这一栏",)])[1] is None
