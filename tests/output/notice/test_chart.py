"""--chart: the workbook's native chart read back (series, categories); the PNG deterministic."""

from __future__ import annotations

import re
import zipfile

import docx
import openpyxl

from shiquan_score.output.notice.chart import Bars, chart_png


def _refs(xml: str, tag: str) -> list[str]:
    return re.findall(rf"<c:{tag}>.*?<c:f>(.*?)</c:f>", xml, flags=re.S)


def _cells(wb, ref: str) -> list:
    sheet, cells = ref.lstrip("=").rsplit("!", 1)
    ws = wb[sheet.strip("'")]
    return [c.value for row in ws[cells.replace("$", "")] for c in row]


def test_workbook_chart_stacks_previous_and_current_of_the_ranked_units(made):
    wb = openpyxl.load_workbook(made.workbook)
    with zipfile.ZipFile(made.workbook) as z:
        charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
        xmls = [z.read(n).decode() for n in charts]
    assert len(xmls) == 2  # one per table
    for xml, sheet in zip(xmls, ("附件1（镇）", "附件2（部门）"), strict=True):
        assert '<c:barDir val="bar"/>' in xml and '<c:grouping val="stacked"/>' in xml
        names = re.findall(r"<c:tx><c:strRef><c:f>(.*?)</c:f>", xml) or re.findall(
            r"<c:tx>.*?<c:v>(.*?)</c:v>", xml, flags=re.S
        )
        assert [n for n in names] == ["上期", "本期"] or len(names) == 2
        categories, values = _refs(xml, "cat"), _refs(xml, "val")
        assert len(categories) == 2 and len(values) == 2
        ws = wb[sheet]
        ranked = [
            ws.cell(r, 1).value
            for r in range(8, ws.max_row)
            if isinstance(ws.cell(r, ws.max_column).value, int)
        ]
        assert _cells(wb, categories[0]) == ranked
        header = {ws.cell(6, c).value: c for c in range(1, ws.max_column + 1)}
        previous = [ws.cell(r, header["上期"]).value for r in range(8, 8 + len(ranked))]
        current = [ws.cell(r, header["本期"]).value for r in range(8, 8 + len(ranked))]
        assert _cells(wb, values[0]) == previous and _cells(wb, values[1]) == current
        for colour in re.findall(r'<a:srgbClr val="([0-9A-F]{6})"', xml):
            assert colour[0:2] == colour[2:4] == colour[4:6]  # grayscale only


def test_png_is_the_same_bytes_each_time_and_in_the_docx(made):
    bars = Bars(
        ["城关镇", "池河镇"],
        [98.5, 83],
        [31, 38],
        7,
        0,
        12,
        11,
        "附件1　累计得分（上期＋本期）",
        "上期",
        "本期",
    )
    first = chart_png(bars)
    assert first == chart_png(bars)
    assert first.startswith(b"\x89PNG") and b"Software" not in first and b"matplotlib" not in first
    images = [
        r.target_part.blob
        for r in docx.Document(str(made.docx)).part.rels.values()
        if "image" in r.reltype
    ]
    assert len(images) == 2


def test_a_workbook_with_charts_is_still_next_quarters_previous_table(made):
    """The drawings pass the safety scan and the sheets still read as last quarter's table."""
    from shiquan_score.previous.table import identify, read_previous
    from shiquan_score.read import files as readers
    from shiquan_score.scheme.loader import load_scheme

    scheme = load_scheme()
    sheets, _ = readers.read_file(made.workbook)
    found = [(raw, f) for raw in sheets if (f := identify(raw, scheme))]
    assert len(found) == 2
    wb = openpyxl.load_workbook(made.workbook)
    for raw, f in found:
        prev = read_previous(raw, scheme, f)
        ws = wb[scheme.tables[prev.table].sheet]
        header = {ws.cell(6, c).value: c for c in range(1, ws.max_column + 1)}
        want = {
            ws.cell(r, 1).value: ws.cell(r, header["累计"]).value
            for r in range(8, ws.max_row)
            if isinstance(ws.cell(r, ws.max_column).value, int)
        }
        assert prev.totals.to_dict() == want


def _inlines_by_section(document) -> list[tuple[object, object]]:
    """(wp:inline, sectPr) of every inline picture, with the section its paragraph lies in."""
    from docx.oxml.ns import qn

    found, pending = [], []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:sectPr"):
            found += [(inline, child) for inline in pending]
            pending = []
            continue
        pending += list(child.iter(qn("wp:inline")))
        ppr = child.find(qn("w:pPr")) if child.tag == qn("w:p") else None
        ends = ppr.find(qn("w:sectPr")) if ppr is not None else None
        if ends is not None:
            found += [(inline, ends) for inline in pending]
            pending = []
    assert not pending
    return found


def test_every_chart_fits_the_text_area_of_its_section(made):
    """附件2's 40 units once came out 156 × 280 mm on a page with 225 mm of text: clipped."""
    from docx.oxml.ns import qn

    document = docx.Document(str(made.docx))
    placed = _inlines_by_section(document)
    assert len(placed) == 2
    for inline, sectpr in placed:
        extent = inline.find(qn("wp:extent"))
        cx, cy = int(extent.get("cx")), int(extent.get("cy"))
        size, margin = sectpr.find(qn("w:pgSz")), sectpr.find(qn("w:pgMar"))
        edge = {k: abs(int(margin.get(qn(f"w:{k}")))) for k in ("top", "bottom", "left", "right")}
        width = int(size.get(qn("w:w"))) - edge["left"] - edge["right"]
        height = int(size.get(qn("w:h"))) - edge["top"] - edge["bottom"]
        assert 0 < cx <= width * 635 and 0 < cy <= height * 635  # 635 EMU per twip
        # the aspect of the PNG kept
        blip = next(inline.iter(qn("a:blip")))
        image = document.part.related_parts[blip.get(qn("r:embed"))].image
        assert abs(cy / cx - image.px_height / image.px_width) < 0.005
