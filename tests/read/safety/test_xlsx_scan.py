"""read/safety/xlsx_scan: the workbook's sheets in order, with what each scan found."""

from __future__ import annotations

import zipfile

import hostile_files as hf
import pytest

from shiquan_score.read.safety.limits import Limits, Refused
from shiquan_score.read.safety.xlsx_scan import SheetFacts, scan_xlsx, sheet_members, zip_names


def test_sheets_in_workbook_order_with_visibility_hidden_rows_and_first_row(tmp_path):
    assert scan_xlsx(hf.ledger_xlsx(tmp_path)) == [
        SheetFacts("台账", True, hf.HIDDEN_ROWS, 1, ()),
        SheetFacts("名单", False, frozenset(), None, ()),
        SheetFacts("设置", False, frozenset(), None, ()),
    ]


def test_sheet_members_and_zip_names(tmp_path):
    path = hf.ledger_xlsx(tmp_path)
    with zipfile.ZipFile(path) as zf:
        names = {n.lower() for n in zf.namelist()}
        members = sheet_members(zf.read("xl/workbook.xml"), zf.read("xl/_rels/workbook.xml.rels"))
    assert zip_names(path, Limits()) == names
    assert list(members) == ["台账", "名单", "设置"]
    assert members["台账"] == hf.SHEET
    assert set(members.values()) <= names


def test_a_workbook_over_the_total_is_refused_before_inflating(tmp_path):
    path = hf.ledger_xlsx(tmp_path)
    with zipfile.ZipFile(path) as zf:
        total = sum(i.file_size for i in zf.infolist())
    with pytest.raises(Refused) as caught:
        scan_xlsx(path, Limits(max_total=total - 1))
    assert (caught.value.reason, caught.value.detail) == ("bomb_total", {"limit": 0})
    assert len(scan_xlsx(path, Limits(max_total=total))) == 3
