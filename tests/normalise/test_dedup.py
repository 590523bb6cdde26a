"""Repeats within a quarter: counted once, each repeat reported against its first row."""

from __future__ import annotations

import pandas as pd
from frames import rows
from hypothesis import given, settings
from hypothesis import strategies as st

from shiquan_score.normalise.cells import analyse, title_keys
from shiquan_score.normalise.dedup import dedup
from shiquan_score.normalise.problems import INFO, NOT_SCORED
from shiquan_score.scheme.loader import load_scheme
from shiquan_score.scheme.vocabulary import Vocabulary

SCHEME = load_scheme()
KEEP = ["where", "row", "title_key", "unit_cell", "category_name", "kind"]


def _scored(scheme, frame: pd.DataFrame) -> tuple[pd.DataFrame, object]:
    analysed, cells = analyse(frame, Vocabulary(scheme))
    scored = frame.join(analysed).assign(title_key=title_keys(frame["title"]))
    return scored[KEEP], cells


def test_nothing_repeated_keeps_every_event_and_reports_nothing(scheme):
    scored, cells = _scored(
        scheme, rows(("2020-10-12", "财政局", "甲", None, "部门动态、市政府网站"))
    )
    events, dup_rows, problems = dedup(scored, cells)
    assert events["channel_name"].tolist() == ["部门动态", "市政府网站"]
    assert dup_rows.empty and problems.empty


def test_whole_and_partial_repeats_here_and_in_another_file(scheme):
    frame = rows(
        ("2020-10-12", "财政局", "甲", None, "部门动态、市政府网站"),
        ("2020-10-12", "县财政局", "“甲”。", None, "部门动态、聚焦石泉"),  # one channel new
        ("2020-10-12", "财政局", "甲", None, "市政府网站"),  # all of it repeats
        ("2020-10-12", "财政局、统计局", "甲", None, "部门动态"),  # other units: no repeat
    )
    frame.loc[2, "where"] = "二.xlsx（台账）"
    scored, cells = _scored(scheme, frame)
    events, dup_rows, problems = dedup(scored, cells)
    assert events[["row", "channel_name"]].to_numpy().tolist() == [
        [4, "部门动态"],
        [4, "市政府网站"],
        [5, "聚焦石泉"],
        [7, "部门动态"],
    ]
    assert dup_rows.to_dict() == {
        2: "与台账.xlsx（台账） 第4行重复（单位、标题、渠道相同），只计一次"
    }
    assert problems[["where", "row", "value", "level", "message"]].to_numpy().tolist() == [
        ["台账.xlsx（台账）", 5, "部门动态", INFO, "与第4行重复（单位、标题、渠道相同），只计一次"],
        [
            "二.xlsx（台账）",
            6,
            "市政府网站",
            NOT_SCORED,
            "与台账.xlsx（台账） 第4行重复（单位、标题、渠道相同），只计一次",
        ],
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["财政局", "县财政局", "统计局", "财政局、统计局", "统计局、财政局"]),
            st.sampled_from(["甲", "“甲”。", "乙", "丙"]),
            st.sampled_from(["部门动态", "市政府网站", "部门动态、市政府网站", "聚焦石泉"]),
        ),
        max_size=12,
    )
)
def test_an_event_repeats_exactly_when_an_earlier_one_has_its_units_title_and_channel(cells_in):
    """Against a plain model: per event (units in any order, title as compared, channel), the
    first one counts; every later one is a repeat."""
    frame = rows(*[("2020-10-12", unit, title, None, channel) for unit, title, channel in cells_in])
    scored, cells = _scored(SCHEME, frame)
    events, _, problems = dedup(scored, cells)
    expected, seen = [], set()
    for row, (unit, title, channel) in zip(frame["row"], cells_in, strict=True):
        units = "、".join(sorted(set(unit.replace("县", "").split("、"))))
        for name in channel.split("、"):
            key = (units, title.strip("“”。"), name)
            expected.append((row, name, key in seen))
            seen.add(key)
    kept = [(row, name) for row, name, repeat in expected if not repeat]
    assert events[["row", "channel_name"]].to_numpy().tolist() == [list(k) for k in kept]
    assert problems[["row", "value"]].to_numpy().tolist() == [
        [row, name] for row, name, repeat in expected if repeat
    ]
