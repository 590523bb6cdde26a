"""A laid-out grid (output/layout.py) → a native Word table with the workbook's content.

The figures, merges and widths are the grid's own: nothing is recomputed here. Each cell
shows what the workbook's number format shows (`——` for a zero count, 18.75, never 37.0).
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table

from shiquan_score.output.layout import ATTACHMENT_ROW, TITLE_ROW, Grid
from shiquan_score.output.notice import ooxml
from shiquan_score.scheme.style import Style

BORDER = {"val": "single", "sz": 4, "space": 0, "color": "000000"}


def cell_text(value: object, style: str, zero_text: str) -> str:
    """What the workbook's number format displays for this cell."""
    if style.startswith(("count", "score")) and isinstance(value, int | float):
        decimals = int(style[-1])
        if style.startswith("count") and value == 0:
            return zero_text
        return f"{value:.{decimals}f}"
    if style == "rank" and isinstance(value, int | float):
        return str(int(value))
    return "" if value is None else str(value)


def origins(grid: Grid) -> dict[tuple[int, int], tuple[int, int, object, str]]:
    """(row, col) of each cell's top-left → (last_row, last_col, value, style)."""
    out = {(c.row, c.col): (c.row, c.col, c.value, c.style) for c in grid.cells}
    for m in grid.merges:
        out[(m.first_row, m.first_col)] = (m.last_row, m.last_col, m.value, m.style)
    return out


def label_and_title(grid: Grid) -> tuple[str, str]:
    """The 附件 line and the table title, as the sheet's rows 1 and 3 hold them."""
    found = origins(grid)
    return str(found[(ATTACHMENT_ROW, 0)][2]), str(found[(TITLE_ROW, 0)][2])


def width_twips(grid: Grid) -> int:
    return sum(w * ooxml.PX_TWIPS for w in grid.widths)


def add_table(document, grid: Grid, zero_text: str, style: Style) -> Table:
    """The grid's header, body and 备注 rows as a Word table appended to `document`'s body,
    in the workbook's fonts and sizes (rules.toml [style])."""
    first, last = grid.header[0], grid.last_row
    ncols = len(grid.widths)
    table = document.add_table(rows=last - first + 1, cols=ncols)
    _table_props(table, grid, style.margins["notice_cell"])
    widths = [w * ooxml.PX_TWIPS for w in grid.widths]
    # python-docx's table.cell() lays out the whole table on every call: cells are reached
    # through the XML here and through one layout per merge (about 20), not one per cell.
    for r, tr in enumerate(table._tbl.findall(qn("w:tr"))):
        trpr = ooxml.props(tr, "w:trPr")
        # No row breaks across pages: a wrapped unit name stays whole, the 备注 stays whole.
        ooxml.child(trpr, "w:cantSplit")
        # The header keeps the sheet's heights; body rows take heights.notice_row at most
        # (the sheet's 21.75 pt is for Excel's screen: in Word it pushes a town table of 11
        # rows onto a second page), the 备注 its own text's height.
        height = grid.heights.get(first + r)
        if first + r > grid.header[1] and height:
            height = min(height, style.heights["notice_row"])
        if height and first + r != last:
            ooxml.child(trpr, "w:trHeight", val=ooxml.twips(height), hRule="atLeast")
        if first + r <= grid.header[1]:
            ooxml.child(trpr, "w:tblHeader")  # repeated at the top of every page
        for c, tc in enumerate(tr.findall(qn("w:tc"))):
            ooxml.child(ooxml.props(tc, "w:tcPr"), "w:tcW", w=widths[c], type="dxa")
    found = {k: v for k, v in origins(grid).items() if k[0] >= first}
    for (r1, c1), (r2, c2, _, _) in found.items():
        if (r2, c2) != (r1, c1):
            cells = table._cells
            cells[(r1 - first) * ncols + c1].merge(cells[(r2 - first) * ncols + c2])
    cells = table._cells
    for (r1, c1), (_, _, value, kind) in found.items():
        _fill(cells[(r1 - first) * ncols + c1], cell_text(value, kind, zero_text), kind, style)
    return table


def _table_props(table: Table, grid: Grid, cell_margin_mm: float) -> None:
    """Fixed widths, single borders, centred; `cell_margin_mm` left and right of each cell
    (Word's default 1.9 mm wraps 18.75 in a 64 px column)."""
    tbl = table._tbl
    tblpr = tbl.tblPr
    for old in tblpr.findall(qn("w:tblStyle")):
        tblpr.remove(old)  # "Table Grid" is missing from many office templates: borders below
    ooxml.child(tblpr, "w:tblW", w=width_twips(grid), type="dxa")
    ooxml.child(tblpr, "w:jc", val="center")
    ooxml.child(tblpr, "w:tblInd", w=0, type="dxa")
    borders = ooxml.child(tblpr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = ooxml.OxmlElement(f"w:{side}")
        for key, value in BORDER.items():
            element.set(qn(f"w:{key}"), str(value))
        borders.append(element)
    ooxml.child(tblpr, "w:tblLayout", type="fixed")
    margins = ooxml.child(tblpr, "w:tblCellMar")
    for side, size in (("top", 0), ("left", ooxml.mm(cell_margin_mm))):
        _margin(margins, side, size)
    for side, size in (("bottom", 0), ("right", ooxml.mm(cell_margin_mm))):
        _margin(margins, side, size)
    ooxml.child(
        tblpr,
        "w:tblLook",
        val="0000",
        firstRow=0,
        lastRow=0,
        firstColumn=0,
        lastColumn=0,
        noHBand=1,
        noVBand=1,
    )
    table.autofit = False
    grid_el = tbl.find(qn("w:tblGrid"))
    for col, width in zip(grid_el.findall(qn("w:gridCol")), grid.widths, strict=True):
        col.set(qn("w:w"), str(width * ooxml.PX_TWIPS))


def _margin(parent, side: str, size: int) -> None:
    element = ooxml.OxmlElement(f"w:{side}")
    element.set(qn("w:w"), str(size))
    element.set(qn("w:type"), "dxa")
    parent.append(element)


def _fill(cell, text: str, kind: str, style: Style) -> None:
    """One paragraph, formatting reset (a template's 28 pt spacing must not leak in); the
    header in the header font and size, every other cell in the body's."""
    tcpr = ooxml.props(cell._tc, "w:tcPr")
    ooxml.child(tcpr, "w:vAlign", val="top" if kind == "remarks" else "center")
    paragraph = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    ppr = ooxml.props(paragraph._p, "w:pPr")
    ooxml.child(ppr, "w:snapToGrid", val=0)
    ooxml.child(ppr, "w:spacing", before=0, after=0, line=240, lineRule="auto")
    ooxml.child(ppr, "w:ind", left=0, right=0, firstLine=0)
    paragraph.alignment = (
        WD_ALIGN_PARAGRAPH.LEFT if kind == "remarks" else WD_ALIGN_PARAGRAPH.CENTER
    )
    role = "header" if kind == "header" else "body"
    run = paragraph.add_run(text)
    rpr = ooxml.props(run._r, "w:rPr")
    ooxml.fonts(rpr, style.fonts[role], style.sizes[role], bold=False)
    ooxml.language(rpr)
