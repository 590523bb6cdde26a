"""Where a run's files go: the names the scheme gives them, the 问题 list or the workbook, and
an earlier run's files that would mislead — warned of, removed, or left as they were."""

from __future__ import annotations

import os

import openpyxl
import pandas as pd
import pytest

from shiquan_score.errors import InputError, OutputError
from shiquan_score.output import publish
from shiquan_score.output.audit import PROBLEMS
from shiquan_score.output.workbook import FrameSheet
from shiquan_score.period import Period

Q4 = Period(2020, 4)
BOOK = "石泉县2020年10-12月信息采用情况统计表.xlsx"
LIST = "石泉县2020年10-12月信息采用情况统计表_问题清单.xlsx"


def sheet(text: str = "日期为空") -> FrameSheet:
    return FrameSheet(pd.DataFrame({"问题": [text]}), {"问题": 100}, ("共 1 处",))


def cells(path) -> list[tuple]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [row for ws in book.worksheets for row in ws.iter_rows(values_only=True)]
    finally:
        book.close()


def test_targets_are_named_by_the_scheme(scheme, tmp_path):
    targets = publish.targets(scheme, Q4, tmp_path)
    assert targets == publish.Targets(tmp_path / BOOK, tmp_path / LIST)


def test_a_monthly_period_names_its_month(scheme, tmp_path):
    targets = publish.targets(scheme, Period(2021, 3, span=1), tmp_path)
    assert targets.table.name == "石泉县2021年3月信息采用情况统计表.xlsx"


@pytest.mark.parametrize("inside", ["", "输出", "输出/下一层"])
def test_an_out_folder_inside_the_inbox_is_refused(tmp_path, inside):
    out = tmp_path / inside
    with pytest.raises(InputError) as exc:
        publish.refuse_out_in_inbox(out, tmp_path)
    assert str(exc.value) == (
        f"输出文件夹 {out} 在收件箱里：下次运行会把生成的表当成台账或上期表读入。"
        "请用 --out 指定收件箱以外的文件夹"
    )


def test_an_out_folder_beside_the_inbox_is_fine(tmp_path):
    (tmp_path / "收件箱").mkdir()
    publish.refuse_out_in_inbox(tmp_path / "收件箱2", tmp_path / "收件箱")
    publish.refuse_out_in_inbox(tmp_path, tmp_path / "收件箱")


def test_the_problem_list_alone_and_no_warning_without_an_earlier_book(scheme, tmp_path):
    targets = publish.targets(scheme, Q4, tmp_path / "输出")
    written, notices = publish.publish_problems(targets, sheet())
    assert written == targets.problems
    assert notices == []
    assert [p.name for p in targets.problems.parent.iterdir()] == [LIST]
    assert ("日期为空",) in cells(written)


def test_an_earlier_book_stays_and_the_clerk_is_warned_off_it(scheme, tmp_path):
    targets = publish.targets(scheme, Q4, tmp_path)
    targets.table.write_bytes(b"earlier")
    _, notices = publish.publish_problems(targets, sheet())
    assert targets.table.read_bytes() == b"earlier"
    assert notices == [
        f"注意：{targets.table} 是以前生成的，不是按本次台账生成的；改正问题之前请勿使用"
    ]


def test_the_tables_remove_an_earlier_problem_list(scheme, tmp_path):
    targets = publish.targets(scheme, Q4, tmp_path)
    publish.publish_problems(targets, sheet())
    written, notices = publish.publish_tables(targets, [], {PROBLEMS: sheet("无")}, "——")
    assert written == targets.table
    assert notices == [f"已删除上次的问题清单 {LIST}（问题已改正）"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [BOOK]


def test_the_tables_without_an_earlier_problem_list_say_nothing(scheme, tmp_path):
    targets = publish.targets(scheme, Q4, tmp_path)
    _, notices = publish.publish_tables(targets, [], {PROBLEMS: sheet()}, "——")
    assert notices == []


def test_an_earlier_book_of_other_content_is_kept_and_said(scheme, tmp_path):
    targets = publish.targets(scheme, Q4, tmp_path)
    publish.publish_tables(targets, [], {PROBLEMS: sheet("第一次")}, "——")
    _, notices = publish.publish_tables(targets, [], {PROBLEMS: sheet("第二次")}, "——")
    (kept,) = [p for p in tmp_path.iterdir() if p.name != BOOK]
    assert notices == [
        f"以前生成的 {BOOK} 与本次结果不同，已改名保留为 {kept.name}（可能已经发出，请核对）"
    ]
    assert ("第一次",) in cells(kept) and ("第二次",) in cells(targets.table)


def test_a_failed_write_puts_the_problem_list_back(scheme, tmp_path, monkeypatch):
    targets = publish.targets(scheme, Q4, tmp_path)
    publish.publish_problems(targets, sheet())
    before = targets.problems.read_bytes()

    def fail(*_args, **_kwargs):
        raise OSError("disk")

    monkeypatch.setattr(publish, "write_workbook", fail)
    with pytest.raises(OSError):
        publish.publish_tables(targets, [], {PROBLEMS: sheet()}, "——")
    assert sorted(p.name for p in tmp_path.iterdir()) == [LIST]
    assert targets.problems.read_bytes() == before


def test_a_problem_list_open_in_excel_stops_before_anything_is_written(
    scheme, tmp_path, monkeypatch
):
    targets = publish.targets(scheme, Q4, tmp_path)
    publish.publish_problems(targets, sheet())

    def locked(src, dst):
        raise PermissionError(13, "locked")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputError) as exc:
        publish.publish_tables(targets, [], {PROBLEMS: sheet()}, "——")
    assert str(exc.value) == f"请先关闭 Excel/WPS 中打开的 {LIST}，再重新运行"
    assert sorted(p.name for p in tmp_path.iterdir()) == [LIST]
