"""previous/official: an official table read by its header paths, checked against openpyxl."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from shiquan_score.previous.official import cell_number, name_words, read_official
from shiquan_score.previous.title import identify
from shiquan_score.read.files import read_file

PREVIOUS = (
    Path(__file__).resolve().parents[2] / "sample_data" / "石泉县2020年7-9月信息采用情况统计表.xlsx"
)


def _by_openpyxl(sheet_name: str) -> dict[str, float]:
    """累计 per unit, read independently: the column under the header cell 累计."""
    sheet = openpyxl.load_workbook(PREVIOUS, read_only=True)[sheet_name]
    rows = list(sheet.iter_rows(values_only=True))
    r, c = next((r, row.index("累计")) for r, row in enumerate(rows) if "累计" in row)
    return {
        row[0]: float(row[c])
        for row in rows[r + 1 :]
        if isinstance(row[0], str) and isinstance(row[c], int | float)
    }


@pytest.mark.parametrize(("sheet", "key"), [("附件1", "镇"), ("附件2", "部门")])
def test_the_sample_previous_table_is_read_column_by_column(scheme, sheet, key):
    sheets, _ = read_file(PREVIOUS)
    raw = next(s for s in sheets if s.sheet == sheet)
    found = identify(raw, scheme)
    assert found[:2] == (key, 2020)
    table = read_official(raw, scheme, found)
    assert (table.table, table.year, table.quarter) == (key, 2020, 3)
    assert table.unmatched == [] and table.unknown == []
    spec = scheme.tables[key]
    total = next(j for j, c in enumerate(spec.columns) if c.value == "total")
    assert table.labels[total].endswith("累计")
    expected = _by_openpyxl(sheet)
    read = {
        table.rows.loc[u, "name"]: cell_number(table.rows.loc[u, total]) for u in table.rows.index
    }  # the grid is text: numbers as cell_number reads them
    assert {name: value for name, value in read.items() if name in expected} == expected
    ranked = scheme.units[(scheme.units["table"] == key) & scheme.units["ranked"]]["unit"]
    assert set(ranked) <= set(table.rows.index)


@pytest.mark.parametrize(
    ("value", "number"),
    [("——", 0.0), ("", 0.0), ("12.5", 12.5), (3, 3.0), ("0", 0.0), ("abc", None)],
)
def test_cell_numbers(value, number):
    assert cell_number(value) == number


def test_the_name_header_is_any_of_the_schemes_words_for_a_unit(scheme):
    """The name column's header and aliases, and the ledger's spellings of 单位."""
    assert name_words(scheme.tables["部门"], scheme) == {
        "单位名称",
        "单位",
        "部门名称",
        "镇名称",
        "报送单位",
        "供稿单位",
        "报送部门",
        "来稿单位",
    }
