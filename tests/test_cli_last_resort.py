"""The command line when things go wrong in ways nobody foresaw: an unexpected error as one
line, a log file and exit code 3 (argparse's English said in Chinese: tests/test_arguments.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from shiquan_score import cli
from shiquan_score.cli import main
from shiquan_score.errors import EXIT_INTERNAL
from shiquan_score.output import workbook
from tests.conftest import SAMPLE

BOOK = "石泉县2020年10-12月信息采用情况统计表.xlsx"
INTERNAL = "错误：程序内部出错，统计没有完成，没有写入任何统计表或问题清单，收件箱和以前生成的文件都没有改动。"


def _boom(*_args, **_kwargs):
    raise RuntimeError("something in English the clerk must never read")


def test_unexpected_error_is_one_line_a_log_and_exit_3(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr("shiquan_score.pipeline.run", _boom)
    out = tmp_path / "输出"
    code = main([str(SAMPLE), "--out", str(out)])
    captured = capsys.readouterr()
    (log,) = out.glob("错误日志_*.txt")
    assert code == EXIT_INTERNAL == 3
    assert captured.out == ""
    assert captured.err.splitlines() == [
        INTERNAL + f"详细情况已写入 {log}，请把这个文件发给维护程序的人员"
    ]
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: something in English" in text
    assert f"命令：{SAMPLE} --out {out}" in text
    assert sorted(p.name for p in out.iterdir()) == [log.name]


def test_debug_re_raises(tmp_path, monkeypatch):
    monkeypatch.setattr("shiquan_score.pipeline.run", _boom)
    with pytest.raises(RuntimeError):
        main([str(SAMPLE), "--out", str(tmp_path), "--debug"])
    assert list(tmp_path.iterdir()) == []


def test_unwritable_out_folder_still_no_traceback(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr("shiquan_score.pipeline.run", _boom)
    out = tmp_path / "一个文件"
    out.write_text("不是文件夹", encoding="utf-8")
    code = main([str(SAMPLE), "--out", str(out)])
    assert code == EXIT_INTERNAL
    assert capsys.readouterr().err.splitlines() == [
        INTERNAL + f"详细情况本应写入 {out}，但该文件夹无法写入；请换一个 --out 文件夹重新运行，"
        "或加 --debug 运行后把屏幕上的内容发给维护程序的人员"
    ]
    assert out.read_text(encoding="utf-8") == "不是文件夹"


def test_a_log_never_replaces_an_earlier_one(tmp_path, monkeypatch):
    class Frozen(cli.dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(2026, 12, 1, 9, 30, 0)

    monkeypatch.setattr(cli.dt, "datetime", Frozen)
    first = cli._write_log(tmp_path, "一", ["a"])
    second = cli._write_log(tmp_path, "二", ["a"])
    assert (first.name, second.name) == (
        "错误日志_20261201-093000.txt",
        "错误日志_20261201-093000_2.txt",
    )
    assert first.read_text(encoding="utf-8").endswith("\n一")
    assert second.read_text(encoding="utf-8").endswith("\n二")


def test_failure_while_writing_leaves_earlier_outputs_and_no_temporary_file(
    capsys, tmp_path, monkeypatch
):
    inbox = tmp_path / "收件箱"
    shutil.copytree(SAMPLE, inbox)
    out = tmp_path / "输出"
    monkeypatch.setattr(workbook, "SHEET_ROWS_MAX", 5)  # 明细 goes to a CSV beside the book
    assert main([str(inbox), "--out", str(out)]) == 0
    # same inputs give the same bytes: the inode tells whether a file was replaced
    before = {p.name: (p.read_bytes(), p.stat().st_ino) for p in out.iterdir()}
    assert BOOK in before and any(name.endswith("_明细.csv") for name in before)

    calls = []

    def render_then_fail(*args):
        calls.append(args)
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(workbook, "_render_frame", render_then_fail)
    capsys.readouterr()
    assert main([str(inbox), "--out", str(out)]) == EXIT_INTERNAL
    assert calls
    (log,) = out.glob("错误日志_*.txt")
    after = {p.name: (p.read_bytes(), p.stat().st_ino) for p in out.iterdir() if p != log}
    assert after == before  # the CSV written meanwhile was a temporary file, now gone
    assert not [p for p in out.iterdir() if p.name.startswith(".~")]
    assert Path(inbox).is_dir() and sorted(p.name for p in inbox.iterdir()) == sorted(
        p.name for p in SAMPLE.iterdir()
    )
