"""Atomic writes: a temporary file beside the target, moved onto it only when complete."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest

from shiquan_score.errors import OutputError
from shiquan_score.output.atomic import CREATED, atomic_workbook, make_folder, temp_beside


def test_a_workbook_lands_only_when_complete_with_fixed_properties(tmp_path):
    target = tmp_path / "下级" / "表.xlsx"
    with atomic_workbook(target) as workbook:
        workbook.add_worksheet("甲").write_string(0, 0, "=1+1")
        assert not target.exists()  # still the temporary file
    assert [p.name for p in target.parent.iterdir()] == ["表.xlsx"]
    with zipfile.ZipFile(target) as z:
        core = z.read("docProps/core.xml").decode()
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert dt.datetime(2000, 1, 1) == CREATED
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z' in core
    assert "<dc:title>表</dc:title>" in core
    assert "<f>" not in sheet  # a string that looks like a formula stays a string


def test_a_failure_inside_leaves_the_earlier_file_and_no_temporary_one(tmp_path):
    target = tmp_path / "表.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_workbook(target) as workbook:
        workbook.add_worksheet("甲")
        raise RuntimeError("boom")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["表.xlsx"]


def test_an_earlier_workbook_of_other_content_is_kept_and_named(tmp_path):
    target = tmp_path / "表.xlsx"
    target.write_bytes(b"old")
    kept = []
    with atomic_workbook(target, kept) as workbook:
        workbook.add_worksheet("甲")
    assert len(kept) == 1 and kept[0].read_bytes() == b"old"
    assert kept[0].name.startswith("表（") and kept[0].name.endswith("替换前）.xlsx")


def test_temp_beside_is_in_the_target_folder_and_gone_afterwards(tmp_path):
    with temp_beside(tmp_path / "a.csv", ".csv") as temp:
        assert temp.parent == tmp_path and temp.name.startswith(".~写入中-")
        assert temp.name.endswith(".csv") and temp.exists()
    assert not temp.exists()


def test_a_folder_that_cannot_be_made_is_said_in_chinese(tmp_path):
    blocker = tmp_path / "文件"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as exc:
        make_folder(blocker / "下级")
    assert str(exc.value) in {
        f"无法创建输出文件夹 {blocker / '下级'}：路径中有一段是文件，不是文件夹",
        f"无法创建输出文件夹 {blocker / '下级'}：已有同名的文件",
    }
