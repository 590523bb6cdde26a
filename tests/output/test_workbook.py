"""The writer: text stays text, Excel's limits are checked, writes are atomic."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest

from shiquan_score.cli import main
from shiquan_score.errors import OutputError
from shiquan_score.output.workbook import FrameSheet, check_limits, write_workbook
from tests.conftest import ledger_rows, write_ledger

D = dt.date
TITLES = [
    '=HYPERLINK("http://example.com","点我")',
    "@SUM(1+1)",
    "http://example.com/a",
    "{=1+1}",
    "+1",
    "-2",
]


def test_ledger_text_is_written_as_text(capsys, inbox, tmp_path):
    write_ledger(
        inbox / "台账.xlsx",
        ledger_rows(*[(D(2021, 1, 5), "财政局", t, None, "部门动态") for t in TITLES]),
    )
    assert main([str(inbox), "--out", str(tmp_path)]) == 0
    wb = openpyxl.load_workbook(tmp_path / "石泉县2021年1-3月信息采用情况统计表.xlsx")
    detail = wb["明细"]
    heads = [c.value for c in detail[3]]
    cells = [row[heads.index("标题")] for row in detail.iter_rows(min_row=4)]
    assert [c.value for c in cells] == TITLES
    assert all(c.data_type == "s" and c.hyperlink is None for c in cells)


def test_limits_are_checked_before_writing():
    with pytest.raises(OutputError) as exc:
        check_limits({"明细": pd.DataFrame({"标题": ["长" * 32768]})})
    assert str(exc.value) == "“明细”的“标题”列有超过 32767 个字符的内容，超过 Excel 单元格上限"


def test_limits_are_checked_in_categorical_text_too():
    rules = pd.Categorical(["短", "长" * 32768], categories=["短", "长" * 32768, "长" * 40000])
    with pytest.raises(OutputError) as exc:
        check_limits({"明细": pd.DataFrame({"计分说明": rules})})
    assert "“计分说明”列有超过 32767 个字符的内容" in str(exc.value)
    check_limits({"明细": pd.DataFrame({"计分说明": rules[:1]})})  # an unused category is not text


def test_failed_write_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "表.xlsx"
    target.write_bytes(b"old")
    page = FrameSheet(pd.DataFrame({"a": [1]}), {})

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OutputError):
        write_workbook(target, [], {"问题": page})
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["表.xlsx"]


def test_long_audit_sheets_go_to_a_csv_beside_the_workbook(tmp_path, monkeypatch):
    monkeypatch.setattr("shiquan_score.output.workbook.SHEET_ROWS_MAX", 2)
    target = tmp_path / "表.xlsx"
    frame = pd.DataFrame({"标题": ["=1+1", "普通", "@x"], "得分": [0.5, 1.0, 2.0]})
    write_workbook(target, [], {"明细": FrameSheet(frame, {}, ("明细：说明",))})
    side = tmp_path / "表_明细.csv"
    raw = side.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines() == [
        '"标题","得分"',
        '"\'=1+1",0.5',
        '"普通",1',
        '"\'@x",2',
    ]
    sheet = openpyxl.load_workbook(target)["明细"]
    assert (
        sheet["A2"].value
        == "共 3 行，超过 2 行，完整内容另存为 表_明细.csv（与本工作簿在同一文件夹，可用 Excel 打开）"
    )
    monkeypatch.setattr("shiquan_score.output.workbook.SHEET_ROWS_MAX", 20_000)
    write_workbook(target, [], {"明细": FrameSheet(frame, {}, ())})
    assert not side.exists()  # a stale CSV from a larger run is removed


def test_an_output_folder_that_cannot_be_made_is_said_in_chinese(tmp_path):
    blocker = tmp_path / "文件"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as exc:
        write_workbook(blocker / "下级" / "表.xlsx", [], {})
    assert str(exc.value) in {
        f"无法创建输出文件夹 {blocker / '下级'}：路径中有一段是文件，不是文件夹",
        f"无法创建输出文件夹 {blocker / '下级'}：已有同名的文件",
    }


def test_a_target_that_is_a_folder_is_said_in_chinese(tmp_path):
    target = tmp_path / "表.xlsx"
    target.mkdir()
    (target / "里面").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as exc:
        write_workbook(target, [], {})
    assert str(exc.value) == f"无法写入 {target}：这是一个文件夹"
    assert [p.name for p in tmp_path.iterdir()] == ["表.xlsx"]  # no temporary file left
