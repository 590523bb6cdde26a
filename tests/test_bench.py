"""The benchmark's smoke mode on a tiny ledger: it generates, converts, checks and reports.

No timing assertions: speed is measured by `python -m bench`, not by tests.
"""

from __future__ import annotations

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
    assert bench._scored(result.e2e[0]) == result.expected.scored
    assert len(result.raw) == len(result.baseline) == len(imports) == 1
    table = bench.render(results, imports, 1)
    assert "| 行数 | 端到端(秒) | 纯读取(秒) | 比值 |" in table
    assert f"| {ROWS:,} |" in table
    assert "[PASS]" in table or "[FAIL]" in table  # the normal-quarter target was judged
    table.encode("gbk")  # a Chinese Windows console can print it
