"""The inbox read as a whole (read/inbox.py), through the command line."""

from __future__ import annotations

import datetime as dt

from shiquan_score.cli import main
from tests.conftest import ledger_rows, write_ledger

D = dt.date


def test_every_unusable_file_is_named_in_one_run(tmp_path, capsys):
    """Three files the tool cannot use: all named at once, not one per run."""
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(
        inbox / "台账.xlsx", ledger_rows((D(2021, 3, 9), "财政局", "一", None, "部门动态"))
    )
    (inbox / "空的.xlsx").write_bytes(b"")
    (inbox / "网页.xls").write_bytes(
        b"<html><body><table><tr><td>1</td></tr></table></body></html>"
    )
    (inbox / "坏的.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    assert main([str(inbox), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        "错误：收件箱里有 3 个文件不能使用，请逐个处理后重新运行："
        "\n  1. 坏的.xlsx 文件已损坏或不完整（无法按 xlsx 打开），请重新保存或重新复制该文件"
        "\n  2. 空的.xlsx 是空文件，请确认是否保存了台账"
        "\n  3. 网页.xls 实际是网页（HTML）文件，不是 Excel 工作簿，请用 Excel/WPS 打开后“另存为” .xlsx 再放入\n"
    )
    assert not (tmp_path / "out").exists()


def test_one_unusable_file_keeps_its_own_line(tmp_path, capsys):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(
        inbox / "台账.xlsx", ledger_rows((D(2021, 3, 9), "财政局", "一", None, "部门动态"))
    )
    (inbox / "空的.xlsx").write_bytes(b"")
    assert main([str(inbox), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == "错误：空的.xlsx 是空文件，请确认是否保存了台账\n"
