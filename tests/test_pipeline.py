"""run(config) → Result: the chain of steps, what it writes for a clean and for a faulty
inbox, the notices an error carries, and which year's research record is used."""

from __future__ import annotations

import datetime as dt
import shutil

import openpyxl
import pandas as pd
import pytest

from shiquan_score.errors import InputError
from shiquan_score.normalise.ledger import ERROR
from shiquan_score.output.layout import visible_columns
from shiquan_score.period import Period
from shiquan_score.pipeline import Config, last_record, run
from shiquan_score.previous.table import PreviousTable
from tests.conftest import PREVIOUS_Q3, SAMPLE, ledger_rows, write_ledger

BOOK = "石泉县2020年10-12月信息采用情况统计表.xlsx"
LIST = "石泉县2020年10-12月信息采用情况统计表_问题清单.xlsx"
D = dt.date


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("pipeline")
    return run(Config(inbox=SAMPLE, out=out)), out


def test_a_clean_inbox_gives_the_workbook_and_its_result(sample):
    result, out = sample
    assert result.ok and result.period == Period(2020, 4)
    assert result.workbook == out / BOOK and result.problems_file is None
    assert sorted(p.name for p in out.iterdir()) == [BOOK]
    assert list(result.tables) == ["镇", "部门"]
    assert result.notice is None and result.notice_pdf is None and result.check is None
    assert result.notices[1:] == [
        "本期：2020年10-12月（2020Q4）。依据：上期表 石泉县2020年7-9月信息采用情况统计表.xlsx"
        " 是2020年7-9月的；台账各季度行数：2020年7-9月 3 行、10-12月 513 行",
        "附件1上期累计取自：石泉县2020年7-9月信息采用情况统计表.xlsx（附件1）",
        "附件2上期累计取自：石泉县2020年7-9月信息采用情况统计表.xlsx（附件2）",
        "上期核对：台账中2020年1-9月只有 3 行，算不出上期表的累计（不是全年的台账），没有核对；"
        "这些行已列入“问题”表",
    ]


def test_every_ledger_row_ends_in_exactly_one_place(sample):
    counts = sample[0].counts
    assert (
        counts["read"] == counts["scored"] + counts["out"] + counts["duplicate"] + counts["problem"]
    )
    assert (counts["read"], counts["scored"], counts["out"], counts["duplicate"]) == (
        516,
        512,
        3,
        1,
    )


def test_total_is_current_plus_previous_and_the_workbook_shows_the_result(sample, scheme):
    result, _ = sample
    for table in result.tables.values():
        ranked = table[table["ranked"]]
        assert (ranked["total"] == ranked["current"] + ranked["previous"]).all()
    spec = scheme.tables["镇"]
    towns = result.tables["镇"]
    shown_columns = [c.value for _, c in visible_columns(spec, towns)]
    total = shown_columns.index("total")
    book = openpyxl.load_workbook(result.workbook, read_only=True)
    try:
        rows = book[spec.sheet].iter_rows(values_only=True)
        shown = {r[0]: r[total] for r in rows if r and r[0] in towns.index}
    finally:
        book.close()
    assert shown == {u: float(v) for u, v in towns["total"].items() if towns.loc[u, "ranked"]}


def test_ledger_errors_write_only_the_problem_list(tmp_path):
    inbox, out = tmp_path / "收件箱", tmp_path / "输出"
    inbox.mkdir()
    shutil.copy(PREVIOUS_Q3, inbox / PREVIOUS_Q3.name)
    write_ledger(
        inbox / "台账.xlsx",
        ledger_rows(
            (D(2020, 10, 12), "城关镇", "秋收进度", "政务动态", "市级"),
            (D(2020, 10, 13), "不存在的单位", "冬修水利", "政务动态", "市级"),
        ),
    )
    result = run(Config(inbox=inbox, out=out))
    assert not result.ok and result.workbook is None
    assert result.problems_file == out / LIST
    assert sorted(p.name for p in out.iterdir()) == [LIST]
    errors = result.problems[result.problems["level"] == ERROR]
    assert list(errors["row"]) == [5] and result.counts["problem"] == 1


def test_an_input_error_carries_what_was_found_before_it(tmp_path):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    (inbox / "说明.txt").write_text("不是表格", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        run(Config(inbox=inbox, out=tmp_path / "输出"))
    assert exc.value.notices == ["已跳过 说明.txt：不是表格文件（.xlsx/.xls/.csv）"]
    assert not (tmp_path / "输出").exists()


def test_an_out_folder_in_the_inbox_is_refused_before_reading(tmp_path):
    with pytest.raises(InputError) as exc:
        run(Config(inbox=tmp_path, out=tmp_path / "输出"))
    assert exc.value.notices == []
    assert "在收件箱里" in str(exc.value)


def record(
    table: str, year: int, quarter: int | None, with_record: bool = True, source: str = "上期.xlsx"
):
    frame = pd.DataFrame({"title": ["调研一"]}) if with_record else None
    return PreviousTable(
        table, source, year, quarter, pd.Series(dtype=float), source=source, record=frame
    )


def test_last_record_is_the_one_of_the_previous_table_used():
    used = record("镇", 2020, 3, source="自己的.xlsx")
    frame, source = last_record(
        [record("部门", 2020, 3, False), used], ["镇", "部门"], Period(2020, 4)
    )
    assert frame is used.record and source == "自己的.xlsx"


@pytest.mark.parametrize(
    ("tables", "keys", "period"),
    [
        ([record("镇", 2020, 3, False)], ["镇"], Period(2020, 4)),  # hand-made: no record
        ([record("镇", 2020, 3)], ["部门"], Period(2020, 4)),  # its table is not made
        ([record("镇", 2020, 2)], ["镇"], Period(2020, 4)),  # not the quarter before
        ([record("镇", 2020, 4)], ["镇"], Period(2021, 1)),  # Q1: the year starts afresh
        ([record("镇", 2020, None)], ["镇"], Period(2020, 4)),  # no months in its header
        ([], ["镇"], Period(2020, 4)),
    ],
)
def test_no_record_when_none_applies(tables, keys, period):
    assert last_record(tables, keys, period) == (None, None)
