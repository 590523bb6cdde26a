"""The output side through the command line (issue 11 items 6-7, issue 10 item 2): an
unwritable folder, a workbook or 问题清单 open in Excel, an earlier workbook of other content,
two runs at once. Each gives one clear line; nothing is half-written; earlier outputs stay."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
import tempfile
import time

import messy_files as mf
import openpyxl
import pytest

from shiquan_score.cli import main
from shiquan_score.output import replace as replacing
from shiquan_score.output.replace import LOCK_NAME, kept_name
from tests.conftest import ROOT

BOOK = "石泉县2021年1-3月信息采用情况统计表.xlsx"
PROBLEMS = "石泉县2021年1-3月信息采用情况统计表_问题清单.xlsx"


def _run(capsys, inbox, out):
    code = main([str(inbox), "--out", str(out)])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


def _files(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _locked(path_name: str, real):
    """os.replace/os.rename as Windows does them while Excel holds `path_name` open."""

    def call(src, dst, *args, **kwargs):
        if path_name in (os.path.basename(src), os.path.basename(dst)):
            raise PermissionError(13, "Permission denied")
        return real(src, dst, *args, **kwargs)

    return call


def test_an_unwritable_folder_is_one_line(capsys, inbox, tmp_path, monkeypatch):
    mf.csv_file(inbox)
    out = tmp_path / "out"
    out.mkdir()

    def refused(*args, **kwargs):  # what a read-only share does (root ignores chmod here)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    code, _, err = _run(capsys, inbox, out)
    assert code == 1
    assert err == [
        f"错误：无法在输出文件夹 {out} 中写入文件（没有权限），请用 --out 换一个文件夹，或检查该文件夹的权限"
    ]
    assert list(out.iterdir()) == []


def test_an_out_folder_below_a_file_is_one_line(capsys, inbox, tmp_path):
    mf.csv_file(inbox)
    (tmp_path / "文件").write_text("x")
    out = tmp_path / "文件" / "out"
    code, _, err = _run(capsys, inbox, out)
    assert code == 1
    assert err == [f"错误：无法创建输出文件夹 {out}：路径中有一段是文件，不是文件夹"]


def test_an_earlier_workbook_of_other_content_is_kept_and_named(capsys, inbox, tmp_path):
    out = tmp_path / "out"
    mf.csv_file(inbox)
    assert _run(capsys, inbox, out)[0] == 0
    first = (out / BOOK).read_bytes()
    # A late row logged since: the same quarter's workbook now has other figures.
    late = ["4", "2021-03-20", "财政局", "财政局补记一条", "新闻动态", "聚焦石泉"]
    mf.csv_file(inbox, rows=[*mf.ROWS, late])
    code, lines, err = _run(capsys, inbox, out)
    assert code == 0, err
    kept = out / f"石泉县2021年1-3月信息采用情况统计表（{dt.date.today().isoformat()} 替换前）.xlsx"
    assert (
        f"以前生成的 {BOOK} 与本次结果不同，已改名保留为 {kept.name}（可能已经发出，请核对）"
    ) in lines
    assert kept.read_bytes() == first
    second = (out / BOOK).read_bytes()
    assert second != first
    # The same inputs again: the same file, nothing more kept.
    before = _files(out)
    code, lines, _ = _run(capsys, inbox, out)
    assert code == 0
    assert _files(out) == before
    assert not any("已改名保留" in line for line in lines)
    # A third content: the kept name does not collide with the first kept copy.
    mf.csv_file(inbox)
    assert _run(capsys, inbox, out)[0] == 0
    again = kept.with_name(kept.name.replace("替换前）", "替换前2）"))
    assert again.read_bytes() == second
    assert kept.read_bytes() == first
    assert (out / BOOK).read_bytes() == first


def test_an_old_problem_list_open_in_excel_stops_before_anything_is_written(
    capsys, inbox, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    bad = [list(r) for r in mf.ROWS]
    bad[0][2] = "财政所"
    mf.csv_file(inbox, rows=bad)
    assert _run(capsys, inbox, out)[0] == 1
    before = _files(out)
    assert list(before) == [PROBLEMS]
    mf.csv_file(inbox)  # corrected
    monkeypatch.setattr(os, "replace", _locked(PROBLEMS, os.replace))
    code, _, err = _run(capsys, inbox, out)
    assert code == 1
    assert err == [f"错误：请先关闭 Excel/WPS 中打开的 {PROBLEMS}，再重新运行"]
    assert _files(out) == before
    monkeypatch.undo()
    code, lines, _ = _run(capsys, inbox, out)
    assert code == 0
    assert f"已删除上次的问题清单 {PROBLEMS}（问题已改正）" in lines
    assert list(_files(out)) == [BOOK]


def test_a_failed_write_puts_the_old_problem_list_back(capsys, inbox, tmp_path, monkeypatch):
    out = tmp_path / "out"
    bad = [list(r) for r in mf.ROWS]
    bad[0][2] = "财政所"
    mf.csv_file(inbox, rows=bad)
    assert _run(capsys, inbox, out)[0] == 1
    before = _files(out)
    mf.csv_file(inbox)
    monkeypatch.setattr(os, "replace", _locked(BOOK, os.replace))
    code, _, err = _run(capsys, inbox, out)
    assert code == 1
    assert err == [f"错误：请先关闭 Excel/WPS 中打开的 {BOOK}，再重新运行"]
    assert _files(out) == before


def test_a_run_waits_for_another_one_writing_into_the_same_folder(
    capsys, inbox, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    out.mkdir()
    mf.csv_file(inbox)
    (out / LOCK_NAME).write_text("4242\n")
    monkeypatch.setattr(replacing, "LOCK_WAIT_SECONDS", 0.2)
    code, _, err = _run(capsys, inbox, out)
    assert code == 1
    assert err == [
        f"错误：另一次运行正在向输出文件夹 {out} 写入结果，等了一分钟仍未结束；请等它结束后再运行。"
        f"如果并没有其他运行，请删除该文件夹中的 {LOCK_NAME} 后重新运行"
    ]
    assert [p.name for p in out.iterdir()] == [LOCK_NAME]
    # A lock left by a run that was killed long ago is taken over.
    old = time.time() - 3600
    os.utime(out / LOCK_NAME, (old, old))
    code, _, err = _run(capsys, inbox, out)
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == [BOOK]


@pytest.mark.parametrize("runs", [2])
def test_two_real_processes_into_one_out_folder(tmp_path, runs):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    mf.csv_file(inbox)
    out = tmp_path / "out"
    command = [sys.executable, str(ROOT / "convert.py"), str(inbox), "--out", str(out)]
    started = [
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, text=True,
            encoding="utf-8",
        )
        for _ in range(runs)
    ]  # fmt: skip
    results = [p.communicate(timeout=120) for p in started]
    for p, (stdout, stderr) in zip(started, results, strict=True):
        assert p.returncode == 0, stderr
        assert "Traceback" not in stderr
        assert stdout.splitlines()[-1] == f"已生成：{out / BOOK}"
    assert sorted(p.name for p in out.iterdir()) == [BOOK]  # no temp, lock or kept copy
    book = openpyxl.load_workbook(out / BOOK)
    assert book.sheetnames[:2] == ["附件1（镇）", "附件2（部门）"]


def test_kept_names_count_up_and_never_collide(tmp_path):
    target = tmp_path / "表.xlsx"
    day = dt.date(2021, 10, 11)
    assert kept_name(target, day).name == "表（2021-10-11 替换前）.xlsx"
    (tmp_path / "表（2021-10-11 替换前）.xlsx").write_bytes(b"1")
    assert kept_name(target, day).name == "表（2021-10-11 替换前2）.xlsx"


def test_a_kept_name_is_recognised_and_nothing_else():
    from pathlib import Path

    from shiquan_score.output.replace import is_kept_name

    target = Path("石泉县2021年7-9月信息采用情况统计表.xlsx")
    day = dt.date(2026, 12, 1)
    assert is_kept_name(kept_name(target, day))
    assert is_kept_name(Path("表（2026-12-01 替换前2）.xlsx"))
    assert is_kept_name(Path("表（2026-12-01 替换前13）.xlsx"))
    assert not is_kept_name(target)
    assert not is_kept_name(Path("表（替换前）.xlsx"))
    assert not is_kept_name(Path("表（2026-12-01 替换前）副本.xlsx"))
