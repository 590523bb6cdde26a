"""The benchmark's smoke mode on a tiny ledger: it generates, converts, checks and reports.

No timing assertions: speed is measured by `python -m bench`, not by tests.
"""

from __future__ import annotations

import os
import statistics
import sys
import zipfile

import openpyxl
import pytest

from bench import run as bench

ROWS = 300


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    return bench.make_inbox(tmp_path_factory.mktemp("bench") / str(ROWS), ROWS)


def test_generated_ledger_is_excel_like(inbox):
    folder, expected = inbox
    ledger = next(folder.glob("*台账.xlsx"))
    with zipfile.ZipFile(ledger) as zf:
        assert "xl/sharedStrings.xml" in zf.namelist()
    sheet = openpyxl.load_workbook(ledger, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[2][:3] == ("序号", "采用日期", "报送单位")
    assert len(rows) == ROWS + 3
    assert expected.rows == ROWS
    assert expected.scored == ROWS - expected.out - expected.duplicate


def test_same_inbox_is_reused(inbox):
    folder, expected = inbox
    again, cached = bench.make_inbox(folder.parent, ROWS)
    assert again == folder
    assert cached == expected


def test_smoke_run_converts_and_reports(tmp_path):
    logged = []
    results, imports = bench.run_bench([ROWS], 1, tmp_path, ROWS, log=logged.append)
    (result,) = results
    assert result.problems == []  # exit 0, scored rows and every unit's 本期 as generated
    assert bench.scored_rows(result.e2e[0]) == result.expected.scored
    assert len(result.raw) == len(result.baseline) == len(imports) == 1
    table = bench.render(results, imports, 1)
    assert "| 行数 | 端到端(秒) | 纯读取(秒) | 比值 |" in table
    assert f"| {ROWS:,} |" in table
    ratio = result.median("e2e") / statistics.median(s.seconds for s in imports)
    verdict = "PASS" if ratio <= 1.5 else "FAIL"
    assert f"[{verdict}] 正常季度：端到端 <= 1.5 x import pandas：300 行 {ratio:.2f}\n" in table
    assert result.peak("e2e") == max(s.peak_mb for s in result.e2e)
    table.encode("gbk")  # a Chinese Windows console can print it


def _sample(seconds, peak=None, code=0):
    return bench.Sample(seconds, peak, code, "", "")


def test_targets_are_judged_exactly():
    small = bench.SizeResult(300, None, e2e=[_sample(0.62), _sample(0.5), _sample(0.9)])
    big = bench.SizeResult(
        1_000_000,
        None,
        e2e=[_sample(9.0, 1400.0), _sample(8.0, 1600.0), _sample(8.5, 1000.0)],
        raw=[_sample(3.0), _sample(4.0), _sample(3.5)],
    )
    found = bench.targets([small, big], import_s=0.4)
    assert found == [
        ("20万行以上：端到端 <= 1.25 x 纯读取", False, "1,000,000 行 2.43"),
        ("正常季度：端到端 <= 1.5 x import pandas", False, "300 行 1.55"),  # 0.62 / 0.4
        ("100万行：峰值内存 < 1500 MB", False, "1,000,000 行 1600.00 MB"),  # the largest run
        ("20万行：比 openpyxl 脚本快 >= 3.0 倍", None, ""),
    ]
    assert bench.targets([small], import_s=0.42)[1][1] is True  # 0.62 / 0.42 = 1.48


def test_compare_table_against_an_older_checkout():
    result = bench.SizeResult(
        300,
        None,
        e2e=[_sample(0.55, 120.0)],
        old=[_sample(0.50, 150.0)],
    )
    lines = bench.compare_table([result], None)
    assert lines[2:5] == [
        "| 行数 | 端到端 旧(秒) | 端到端 新(秒) | 变化 | 峰值 旧(MB) | 峰值 新(MB) | 变化 |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        "| 300 | 0.50 | 0.55 | +10.0% | 150 | 120 | -20.0% |",
    ]
    assert bench.compare_table([bench.SizeResult(300, None, e2e=[_sample(1.0)])], None) == []


ALLOCATE = "import sys; block = b'x' * int(sys.argv[1]); print(len(block))"


@pytest.mark.skipif(not hasattr(os, "wait4"), reason="no per-process peak memory here")
def test_peak_is_each_childs_own():
    """A child's peak does not inherit a big parent's or an earlier big child's: measured after
    this process holds 300 MB and a child has used 200 MB, a child allocating 20 MB shows that."""
    held = b"y" * 300_000_000  # the bench's own process after generating big ledgers
    py = sys.executable
    big = bench.run_child([py, "-c", ALLOCATE, "200000000"])
    empty = bench.run_child([py, "-c", ALLOCATE, "0"])
    small = bench.run_child([py, "-c", ALLOCATE, "20000000"])
    assert (big.returncode, big.stdout, small.stdout) == (0, "200000000\n", "20000000\n")
    assert len(held) == 300_000_000
    assert empty.peak_mb < 30  # an interpreter alone: neither 300 MB nor 200 MB carried over
    assert abs(small.peak_mb - empty.peak_mb - 20) < 2  # the 20 MB block, and nothing else
    assert abs(big.peak_mb - empty.peak_mb - 200) < 2
    assert small.seconds < big.seconds + 1
