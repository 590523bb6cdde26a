"""output/mark: the custom properties every workbook of ours carries, read back by read/own."""

from __future__ import annotations

import json

import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st

from shiquan_score.output import mark as M
from shiquan_score.read.own import read_mark


def test_the_properties_name_the_tool_period_scheme_kind_and_each_sheet_in_order():
    props = M.mark("2021Q2", "石泉县办法", M.TABLES, [("towns", "附件1"), (M.DETAIL, "明细")])
    assert props == {
        "ShiquanScore": "1",
        "ShiquanPeriod": "2021Q2",
        "ShiquanScheme": "石泉县办法",
        "ShiquanKind": "tables",
        "ShiquanSheet1": '["towns", "附件1"]',
        "ShiquanSheet2": '["detail", "明细"]',
    }


def test_a_long_scheme_name_is_cut_to_excels_255_characters():
    props = M.mark("2021Q1", "办" * 300, M.PROBLEM_LIST, [])
    assert props["ShiquanScheme"] == "办" * 255
    assert props["ShiquanKind"] == "problems"


def _book(path, props):
    book = xlsxwriter.Workbook(path)
    book.add_worksheet()
    for name, value in props.items():
        book.set_custom_property(name, value, "text")
    book.close()


sheet_names = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=31
).filter(lambda s: s.strip() == s and s)


@settings(max_examples=30, deadline=None)
@given(
    names=st.lists(sheet_names, min_size=1, max_size=5, unique=True),
    period=st.sampled_from(["2021Q1", "2021Q4", "2022M03"]),
)
def test_what_is_written_is_read_back_whatever_the_sheet_names(tmp_path_factory, names, period):
    path = tmp_path_factory.mktemp("mark") / "book.xlsx"
    roles = ["towns", M.DETAIL, M.PROBLEMS, M.RECORD, M.CHECK]
    sheets = list(zip(roles, names, strict=False))
    _book(path, M.mark(period, "办法", M.TABLES, sheets))
    found = read_mark(path)
    assert found is not None
    assert (found.period, found.scheme, found.kind) == (period, "办法", "tables")
    assert found.sheets == {name: role for role, name in sheets}
    assert found.tables() == {names[0]: "towns"}
    assert found.sheet_of(M.DETAIL) == (names[1] if len(names) > 1 else None)


def test_a_workbook_without_our_version_is_not_ours(tmp_path):
    path = tmp_path / "别人的.xlsx"
    props = M.mark("2021Q1", "办法", M.TABLES, [("towns", "附件1")])
    _book(path, {**props, "ShiquanScore": "2"})
    assert read_mark(path) is None
    _book(path, {**props, "ShiquanSheet1": json.dumps("附件1")[:-1]})  # broken JSON
    assert read_mark(path) is None
