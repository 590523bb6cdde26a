"""The command line when things go wrong in ways nobody foresaw: argparse's English said in
Chinese, and an unexpected error as one line, a log file and exit code 3."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from shiquan_score import cli
from shiquan_score.cli import EXIT_INTERNAL, EXIT_USAGE, main
from shiquan_score.output import workbook
from tests.conftest import SAMPLE

BOOK = "石泉县2020年10-12月信息采用情况统计表.xlsx"
INTERNAL = "错误：程序内部出错，统计没有完成，没有写入任何统计表或问题清单，收件箱和以前生成的文件都没有改动。"


def usage_error(capsys, *args: str) -> str:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    assert exc.value.code == EXIT_USAGE
    err = capsys.readouterr().err
    err.encode("gbk")
    assert err.startswith("用法：python convert.py")
    return err.splitlines()[-1]


def test_help_has_no_english_but_names(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["-h"])
    assert exc.value.code == 0
    text = capsys.readouterr().out
    words = set(re.findall(r"[A-Za-z]{2,}", text))
    # option names, file names and paths, the 2020Q4 example: nothing of argparse's own
    assert words <= {
        "python", "convert", "py", "out", "period", "rules", "roster", "template", "check",
        "against", "debug", "tables", "help", "xlsx", "xls", "csv", "templates", "toml", "output",
        "sample_data", "sample", "data",
        # issue 13: the notice's options, its file types and the programs it names
        "notice", "date", "chart", "docx", "PDF", "LibreOffice", "Word", "WPS",
    }, words  # fmt: skip


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (["x", "--frobnicate"], "不认识的参数：--frobnicate"),
        (["x", "y"], "不认识的参数：y"),
        (["x", "--period"], "--period 后面要跟一个值"),
        (["x", "--out"], "--out 后面要跟一个值"),
        (["--help=3"], "-h/--help 后面不能跟值，却写了“3”"),
        (["x", "--r", "a.toml"], "--r 不完整，可能是 --rules、--roster 中的任何一个，请写全"),
        (["x", "--period", "2020Q9"], "期别“2020Q9”写法不对，请写成年份加季度，如 2020Q4"),
        ([], "缺少参数 收件箱"),
    ],
)
def test_argparse_complaints_in_chinese(capsys, args, what):
    assert (
        usage_error(capsys, *args)
        == f"错误：命令写法不对（{what}）。查看说明：python convert.py -h"
    )


def test_an_unforeseen_argparse_message_never_shows_its_english():
    assert cli._translate("argument --x: not allowed with argument --y") == (
        "请对照说明检查各个选项的写法"
    )


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
