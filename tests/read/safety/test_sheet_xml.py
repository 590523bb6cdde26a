"""read/safety/sheet_xml: one member's XML scanned region by region, however the bytes arrive."""

from __future__ import annotations

import hostile_files as hf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shiquan_score.read.safety.limits import Limits, Refused
from shiquan_score.read.safety.refs import col_letters
from shiquan_score.read.safety.sheet_xml import Irregular, PartScan
from shiquan_score.read.safety.sniff import SheetInfo, check

SMALL = Limits(chunk=64)  # many regions even for small sheets


def _scan_sheet(xml: bytes, sizes: list[int], limits: Limits = SMALL, full: bool = False):
    """Feed sheet XML in pieces of the given sizes, as the inflater would."""
    part = PartScan("sheet", limits, full=full)
    at = 0
    for size in [*sizes, len(xml)]:
        if at < len(xml):
            part.feed(xml[at : at + max(size, 1)])
            at += max(size, 1)
    part.finish()
    return part


ROWS = st.lists(
    st.tuples(st.integers(1, 5000), st.integers(1, 40), st.booleans()), min_size=1, max_size=30
)


def _sheet_xml(cells: list[tuple[int, int, bool]]) -> bytes:
    """Rows in order; a row is hidden if any of its cells asks for it."""
    body = ""
    for row in sorted({r for r, _, _ in cells}):
        hidden = ' hidden="1"' if any(h for r, _, h in cells if r == row) else ""
        columns = sorted({c for r, c, _ in cells if r == row})
        body += f'<row r="{row}"{hidden}>'
        body += "".join(f'<c r="{col_letters(c)}{row}"><v>{c}</v></c>' for c in columns)
        body += "</row>"
    return hf.sheet_xml(body)


@settings(max_examples=60, deadline=None)
@given(ROWS, st.lists(st.integers(1, 200), max_size=40))
def test_fast_and_exact_scans_agree_however_the_bytes_arrive(cells, sizes):
    xml = _sheet_xml(cells)
    fast, exact = _scan_sheet(xml, sizes), _scan_sheet(xml, [], full=True)
    assert fast.hidden == exact.hidden == {r for r, _, h in cells if h}
    assert fast.first_row == exact.first_row == min(r for r, _, _ in cells)
    assert (exact.max_row, exact.max_col) == (
        max(r for r, _, _ in cells),
        max(c for _, c, _ in cells),
    )


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 50), max_size=60), st.sampled_from(["<!DOCTYPE x>", "<!ENTITY a 'b'>", "<!doctype x>"]))  # fmt: skip
def test_entity_declarations_are_found_wherever_chunks_split_them(sizes, token):
    xml = b'<?xml version="1.0"?>' + token.encode() + b"<sst><si><t>a</t></si></sst>"
    with pytest.raises(Refused) as caught:
        part = PartScan("xml", Limits())
        at = 0
        for size in [*sizes, len(xml)]:
            part.feed(xml[at : at + size])
            at += size
        part.finish()
    assert caught.value.reason == "entity"


@settings(max_examples=20, deadline=None)
@given(
    st.integers(32_760, 32_775),
    st.sampled_from(["a", "字", "&amp;", "_x000D_"]),
    st.integers(700, 70_000),
)
def test_cell_text_limit_is_counted_in_characters_across_chunks(length, unit, chunk):
    cell = f'<c r="A1" t="inlineStr"><is><t xml:space="preserve">{unit * length}</t></is></c>'
    xml = hf.sheet_xml(f'<row r="1">{cell}</row>')
    if length > 32_767:
        with pytest.raises(Refused, match="long_text"):
            _scan_sheet(xml, [chunk] * (len(xml) // chunk + 1), Limits(chunk=chunk))
    else:
        _scan_sheet(xml, [chunk] * (len(xml) // chunk + 1), Limits(chunk=chunk))


def test_irregular_but_harmless_sheets_pass_with_their_hidden_rows(tmp_path):
    body = (
        '<x:row r="2" hidden="1"><x:c r="A2"><x:v>1</x:v></x:c></x:row>'  # prefixed
        '<row hidden="1"><c><v>1</v></c><c><v>2</v></c></row>'  # no r: row 3
        '<row r="5"><c s="1" r="b5"><v>1</v></c></row>'  # r not first, lower case
    )
    with pytest.raises(Irregular):
        _scan_sheet(hf.sheet_xml(body), [])
    _, sheets = check(hf.with_sheet(tmp_path, "不规范.xlsx", body))
    assert sheets[0] == SheetInfo("台账", True, frozenset({2, 3}), 2)


def test_a_wide_sheet_passes_and_a_late_wide_cell_needs_a_second_pass():
    wide = "".join(f'<c r="{col_letters(c)}1"><v>1</v></c>' for c in range(1, 41))
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c></row>' for r in range(2, 400))
    part = _scan_sheet(hf.sheet_xml(f'<row r="1">{wide}</row>{rows}'), [])
    assert not part.full and part.verdict() is None
    wide_late = wide.replace('1"', '400"')
    late = _scan_sheet(hf.sheet_xml(f'{rows}<row r="400">{wide_late}</row>'), [64] * 1000)
    assert late.verdict() is not None  # the box (20 columns) was too narrow: rescan
