"""The notice's attachments read back with python-docx, cell by cell against the workbook."""

from __future__ import annotations

import re

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from shiquan_score.output.notice.ooxml import ORDER
from shiquan_score.output.notice.tables import cell_text
from shiquan_score.scheme.loader import load_scheme

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def shown(cell) -> str:
    """What Excel displays, read from the value and its number format (not our writer)."""
    value, fmt = cell.value, cell.number_format
    if value is None:
        return ""
    if isinstance(value, int | float):
        sections = fmt.split(";")
        if value == 0 and len(sections) == 3:
            return sections[2].strip('"')
        decimals = len(sections[0].split(".")[1]) if "." in sections[0] else 0
        return f"{value:.{decimals}f}"
    return str(value)


def docx_cells(table):
    """(row, col) of each distinct cell's top-left → (text, last_row, last_col)."""
    seen, out = {}, {}  # keyed by the lxml element itself: id() of a freed proxy is reused
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            key = cell._tc
            if key in seen:
                r0, c0 = seen[key]
                text, r1, c1 = out[(r0, c0)]
                out[(r0, c0)] = (text, max(r1, r), max(c1, c))
                continue
            seen[key] = (r, c)
            out[(r, c)] = (cell.text, r, c)
    return out


def sheet_cells(ws, first: int, last: int):
    """The same map from the workbook, merged ranges resolved to their top-left."""
    merged = {}
    for rng in ws.merged_cells.ranges:
        if rng.min_row >= first:
            merged[(rng.min_row, rng.min_col)] = (rng.max_row, rng.max_col)
    covered = {
        (r, c)
        for (r0, c0), (r1, c1) in merged.items()
        for r in range(r0, r1 + 1)
        for c in range(c0, c1 + 1)
        if (r, c) != (r0, c0)
    }
    out = {}
    for r in range(first, last + 1):
        for c in range(1, ws.max_column + 1):
            if (r, c) in covered:
                continue
            r1, c1 = merged.get((r, c), (r, c))
            out[(r - first, c - 1)] = (shown(ws.cell(r, c)), r1 - first, c1 - 1)
    return out


@pytest.fixture(scope="module")
def opened(made):
    return docx.Document(str(made.docx)), openpyxl.load_workbook(made.workbook)


def test_every_table_cell_and_merge_is_the_workbooks(opened):
    document, wb = opened
    scheme = load_scheme()
    assert len(document.tables) == len(scheme.tables)
    for table, spec in zip(document.tables, scheme.tables.values(), strict=True):
        ws = wb[spec.sheet]
        first = 4  # the header starts on row 4 (templates/rules.toml first_row)
        got = docx_cells(table)
        want = sheet_cells(ws, first, first + len(table.rows) - 1)
        assert got == want
        assert ws.cell(first + len(table.rows) - 1, 1).value.startswith("备注")


def test_zero_counts_show_the_dash_and_scores_have_no_trailing_zero(opened):
    document, _ = opened
    texts = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "——" in texts
    assert "18.75" in texts  # 教体科技局's 本期
    assert not any(re.fullmatch(r"\d+\.0+", t) for t in texts)


def test_header_rows_repeat_and_no_row_splits_across_pages(opened):
    document, _ = opened
    for table in document.tables:
        rows = table._tbl.findall(qn("w:tr"))
        flags = [r.find(qn("w:trPr")) for r in rows]
        header = [f is not None and f.find(qn("w:tblHeader")) is not None for f in flags]
        assert header == [True] * 4 + [False] * (len(rows) - 4)
        assert all(f.find(qn("w:cantSplit")) is not None for f in flags)


def test_widths_fixed_on_the_grid_and_every_cell(opened):
    document, wb = opened
    scheme = load_scheme()
    for table, spec in zip(document.tables, scheme.tables.values(), strict=True):
        tbl = table._tbl
        assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        cols = [int(g.get(qn("w:w"))) for g in tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
        ws = wb[spec.sheet]
        assert len(cols) == ws.max_column
        assert int(tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) == sum(cols)
        for tr in tbl.findall(qn("w:tr")):
            c = 0
            for tc in tr.findall(qn("w:tc")):
                tcpr = tc.find(qn("w:tcPr"))
                span = tcpr.find(qn("w:gridSpan"))
                n = int(span.get(qn("w:val"))) if span is not None else 1
                assert int(tcpr.find(qn("w:tcW")).get(qn("w:w"))) == sum(cols[c : c + n])
                c += n
            assert c == len(cols)


def test_every_run_names_an_east_asian_font_and_nothing_a_theme_font(made):
    import zipfile

    with zipfile.ZipFile(made.docx) as z:
        parts = {n: z.read(n).decode() for n in z.namelist() if n.endswith(".xml")}
    for name in ("word/document.xml", "word/footer1.xml", "word/footer2.xml"):
        root = docx.oxml.parse_xml(parts[name].encode())
        for run in root.iter(qn("w:r")):
            fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
            assert fonts.get(qn("w:eastAsia")), name
    for name in ("word/document.xml", "word/styles.xml"):
        assert "Theme=" not in parts[name] and "w:cstheme" not in parts[name]
    assert 'w:eastAsia="zh-CN"' in parts["word/styles.xml"]


def test_cell_text_follows_the_number_formats():
    assert cell_text(0.0, "count0", "——") == "——"
    assert cell_text(12.5, "count1", "——") == "12.5"
    assert cell_text(0.0, "score0", "——") == "0"
    assert cell_text(18.75, "score2", "——") == "18.75"
    assert cell_text(3, "rank", "——") == "3"


def _order_errors(root) -> list[str]:
    errors = []
    for element in root.iter():
        tag = "w:" + element.tag.split("}")[-1] if element.tag.startswith(W) else None
        if tag not in ORDER:
            continue
        order = ORDER[tag]
        ranks = [order.index(c.tag) for c in element if c.tag in order]
        unknown = [c.tag for c in element if c.tag not in order]
        if ranks != sorted(ranks) or unknown:
            errors.append(f"{tag}: {[c.tag.split('}')[-1] for c in element]}")
    return errors


def test_children_are_in_schema_order(made):
    """rPr, pPr, tblPr, trPr, tcPr and sectPr: the order wml.xsd requires (Word refuses others)."""
    import zipfile

    with zipfile.ZipFile(made.docx) as z:
        for name in ("word/document.xml", "word/styles.xml", "word/footer1.xml"):
            assert _order_errors(docx.oxml.parse_xml(z.read(name))) == [], name


def test_the_order_check_finds_a_misplaced_child():
    bad = docx.oxml.parse_xml(
        f'<w:tblPr xmlns:w="{W[1:-1]}"><w:tblLook w:val="0000"/><w:tblLayout w:type="fixed"/></w:tblPr>'
    )
    assert _order_errors(bad) == ["w:tblPr: ['tblLook', 'tblLayout']"]
