"""Shared fixtures: small ledgers as table literals, written to real files."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from shiquan_score.scheme.loader import load_scheme

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"
DATA = Path(__file__).resolve().parent / "data"
PREVIOUS_Q3 = SAMPLE / "石泉县2020年7-9月信息采用情况统计表.xlsx"
HEADER = ["序号", "日期", "单位", "标题", "类别", "采用渠道"]


@pytest.fixture(scope="session")
def scheme():
    return load_scheme()


def write_ledger(
    path: Path,
    rows: list[list],
    header: list[str] = HEADER,
    title: str | None = "2020年信息采用台账",
    notes: list[tuple[str, str]] | None = None,
    hidden_rows: tuple[int, ...] = (),
) -> Path:
    """A ledger as a clerk keeps it: optional title row and blank row, header, rows."""
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": dt.datetime(2020, 12, 31)})
    ws = wb.add_worksheet("台账")
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    r = 0
    if title:
        ws.write_string(0, 0, title)
        r = 2
    ws.write_row(r, 0, header)
    for i, row in enumerate(rows, start=r + 1):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                ws.write_datetime(i, c, dt.datetime.combine(value, dt.time()), date_fmt)
            elif isinstance(value, int | float):
                ws.write_number(i, c, value)
            elif value is not None:
                ws.write_string(i, c, value)
        if i + 1 in hidden_rows:
            ws.set_row(i, None, None, {"hidden": True})
    if notes is not None:
        ns = wb.add_worksheet("备注")
        ns.write_row(0, 0, ["单位", "备注"])
        for i, (unit, note) in enumerate(notes, start=1):
            ns.write_row(i, 0, [unit, note])
    wb.close()
    return path


def ledger_rows(*items: tuple) -> list[list]:
    """(date, unit, title, category, channel) tuples → numbered ledger rows."""
    return [[i, *item] for i, item in enumerate(items, start=1)]


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "收件箱"
    folder.mkdir()
    return folder


@pytest.fixture
def q4_inbox(inbox: Path) -> Path:
    """An inbox holding last quarter's table; tests add a ledger."""
    shutil.copy(PREVIOUS_Q3, inbox / PREVIOUS_Q3.name)
    return inbox


def read_table(path: Path, sheet: str) -> list[tuple]:
    """The body rows of an official table, read back with openpyxl (values only)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    return [row for row in ws.iter_rows(min_row=8, values_only=True)]


def table_by_name(path: Path, sheet: str) -> dict[str, tuple]:
    return {
        row[0]: row
        for row in read_table(path, sheet)
        if row[0] and not str(row[0]).startswith("备注")
    }
