"""Hostile and broken files through the command line: one Chinese line, exit 1, nothing written."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import hostile_files as hf
import pytest
from hostile_files import REFUSED

from shiquan_score.cli import main
from tests.conftest import ROOT


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@pytest.mark.parametrize(
    ("make", "args", "message"), REFUSED, ids=[f"{m.__name__}{''.join(a)}" for m, a, _ in REFUSED]
)
def test_refused_through_the_cli(tmp_path, capsys, make, args, message):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    make(inbox, *args)
    before = _hashes(inbox)
    out = tmp_path / "out"
    assert main([str(inbox), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [f"错误：{message}"]
    assert captured.out == ""
    assert not out.exists()
    assert _hashes(inbox) == before


REAL_PROCESS = [
    hf.zip_bomb,
    hf.lying_zip_bomb,
    hf.billion_laughs,
    hf.xxe,
    hf.far_corner,
    hf.sparse_far_corner,
    hf.password_xlsx,
    hf.truncated_xlsx,
    hf.xls_far_column,
]


@pytest.mark.parametrize("make", REAL_PROCESS, ids=[m.__name__ for m in REAL_PROCESS])
def test_refused_by_the_real_command_within_seconds(tmp_path, make):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    path = make(inbox)
    before = _hashes(inbox)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(ROOT / "convert.py"), str(inbox), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=tmp_path,
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"错误：{path.name} "), done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()
    assert _hashes(inbox) == before
    assert elapsed < 30  # generous: the checks themselves take milliseconds


def test_workbook_with_only_an_empty_sheet_is_refused(tmp_path, capsys):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    path = hf.empty_sheet_xlsx(inbox)
    assert main([str(inbox), "--out", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"错误：{path.name} 里的工作表都是空的，没有任何内容，请确认是否保存了台账"
    ]
    assert not (tmp_path / "out").exists()
