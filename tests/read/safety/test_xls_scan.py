"""read/safety/xls_scan: the OLE container and BIFF records of an .xls, against xlrd."""

from __future__ import annotations

import mmap

import hostile_files as hf
import pytest

from shiquan_score.read.safety.sniff import SheetInfo, check
from shiquan_score.read.safety.xls_scan import Cfb, biff_sheets, sniff_ole, workbook_stream


@pytest.mark.parametrize("pad", [True, False], ids=["regular-sectors", "mini-stream"])
def test_ledger_xls_agrees_with_xlrd(tmp_path, pad):
    import xlrd

    path = hf.ledger_xls(tmp_path, pad=pad)
    kind, sheets = check(path)
    assert kind == "xls"
    assert sheets == [
        SheetInfo("台账", True, hf.HIDDEN_ROWS, 1),
        SheetInfo("名单", False, frozenset(), 1),
    ]
    book = xlrd.open_workbook(path, formatting_info=True, on_demand=True)
    first = book.sheet_by_index(0)
    assert book.sheet_names() == ["台账", "名单"]
    assert [book.sheet_by_index(i).visibility for i in range(2)] == [0, 1]
    assert {r + 1 for r, info in first.rowinfo_map.items() if info.hidden} == hf.HIDDEN_ROWS
    assert first.row_values(1) == [44116.0, "政府办", "第1条"]


@pytest.mark.parametrize("pad", [True, False], ids=["regular-sectors", "mini-stream"])
def test_biff_sheets_names_visibility_hidden_rows_first_row_and_merges(tmp_path, pad):
    path = hf.ledger_xls(tmp_path, pad=pad)
    assert sniff_ole(path) == "xls"
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        cfb = Cfb(data)
        stream = cfb.read(workbook_stream(cfb))
    assert biff_sheets(stream) == [
        ("台账", True, hf.HIDDEN_ROWS, 1, ()),
        ("名单", False, frozenset(), 1, ()),
    ]  # name, visible, hidden rows, first row, merged ranges
