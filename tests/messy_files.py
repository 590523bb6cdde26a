"""Messy but honest ledger files, as clerks' programs write them, each built on the spot.

Every maker writes one file into `folder` and returns its path. They all hold the same three
2021 Q1 rows (ROWS), so a test can check the same figures whatever the file's shape: 财政局
本期 0.5 + 0.5 + 1 = 2, 城关镇 0.5.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import hostile_files as hf
import xlsxwriter

HEADER = ["序号", "日期", "单位", "标题", "类别", "采用渠道"]
ROWS = [
    ["1", "2021-01-05", "财政局", "财政局落实减税降费政策", "新闻动态", "部门动态"],
    ["2", "2021-02-10", "城关镇", "城关镇开展冬季防火宣传", "新闻动态", "各镇快讯"],
    ["3", "2021-03-01", "财政局", "财政局推进预算公开", "新闻动态", "部门动态、市政府网站"],
]
EXPECTED = {"财政局": 2, "城关镇": 0.5}
TITLE = "石泉县2021年一季度信息采用台账"


def _csv_line(cells: list[str], delimiter: str) -> str:
    def quoted(cell: str) -> str:
        special = any(ch in cell for ch in (delimiter, '"', "\n", "\r"))
        return '"' + cell.replace('"', '""') + '"' if special else cell

    return delimiter.join(quoted(c) for c in cells)


def csv_text(
    delimiter: str = ",",
    title: str | None = TITLE,
    header: list[str] = HEADER,
    rows: list[list[str]] = ROWS,
    newline: str = "\r\n",
    sep_line: bool = False,
) -> str:
    lines = [f"sep={delimiter}"] if sep_line else []
    lines += [title] if title else []
    lines += [_csv_line(header, delimiter)] + [_csv_line(r, delimiter) for r in rows]
    return newline.join(lines) + newline


def csv_file(folder: Path, name: str = "台账.csv", encoding: str = "utf-8", **options) -> Path:
    path = folder / name
    path.write_bytes(csv_text(**options).encode(encoding))
    return path


def csv_extra_field(folder: Path) -> Path:
    """Row 5 (Excel's numbering) has an unquoted comma in its title: 7 fields under 6 headers."""
    text = csv_text()
    bad = "4,2021-03-05,财政局,财政局召开会议,部署工作,新闻动态,部门动态"
    return _write(folder / "台账.csv", text + bad + "\r\n", "utf-8")


def csv_stray_byte(folder: Path) -> Path:
    """UTF-8, but line 5 holds one byte 0xA3 (half of a GBK character pasted in)."""
    lines = csv_text().encode("utf-8").split(b"\r\n")
    lines[4] = lines[4].replace("市政府网站".encode(), "市政府网站".encode() + b"\xa3")
    path = folder / "台账.csv"
    path.write_bytes(b"\r\n".join(lines))
    return path


def unicode_txt(folder: Path) -> Path:
    """Excel's 另存为“Unicode 文本”: UTF-16 LE with a BOM, tab-separated, CRLF."""
    return _write(folder / "台账.txt", csv_text("\t"), "utf-16")


def _write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def xlsx_ledger(
    folder: Path,
    rows: list[list[str]] = ROWS,
    header: list[str] = HEADER,
    above: list[list[str]] = ((TITLE,),),
    name: str = "台账.xlsx",
    hidden_sheet: list[list[str]] | None = None,
) -> Path:
    """A workbook with `above` rows, the header, then `rows`, all as text cells."""
    path = folder / name
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("台账")
    table = [*above, header, *rows]
    for r, cells in enumerate(table):
        for c, value in enumerate(cells):
            if value is not None:
                sheet.write_string(r, c, value)
    if hidden_sheet is not None:
        extra = book.add_worksheet("旧台账")
        for r, cells in enumerate([header, *hidden_sheet]):
            extra.write_row(r, 0, cells)
        extra.hide()
    book.close()
    return path


def ods_ledger(folder: Path, rows: list[list[str]] = ROWS) -> Path:
    """An OpenDocument spreadsheet as LibreOffice writes it (the parts calamine reads)."""
    table = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(c)}</text:p>'
            "</table:table-cell>"
            for c in cells
        )
        + "</table:table-row>"
        for cells in [[TITLE], HEADER, *rows]
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="台账">'
        f"{table}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2"><manifest:file-entry manifest:full-path="/"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    path = folder / "台账.ods"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def xls_merged(folder: Path) -> Path:
    """A BIFF8 .xls whose 日期 and 单位 of rows 3-4 are one merged cell each (B3:B4, C3:C4):
    the value stands in the top cell only, as in an .xlsx."""
    cells = [hf.biff_label(0, c, text) for c, text in enumerate(HEADER)]
    body = [
        ["1", "2021-01-05", "财政局", "财政局落实减税降费政策", "新闻动态", "部门动态"],
        ["2", "2021-01-05", "财政局", "财政局推进预算公开", "新闻动态", "部门动态、市政府网站"],
        ["3", "2021-02-10", "城关镇", "城关镇开展冬季防火宣传", "新闻动态", "各镇快讯"],
    ]
    for r, row in enumerate(body, start=1):
        for c, text in enumerate(row):
            if r == 2 and c in (1, 2):
                continue  # covered by the merge
            cells.append(hf.biff_label(r, c, text))
    merges = [(1, 2, 1, 1), (1, 2, 2, 2)]
    merged = hf.biff_record(
        0x00E5, struct.pack("<H", len(merges)) + b"".join(struct.pack("<4H", *m) for m in merges)
    )
    bof = hf.biff_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
    dims = hf.biff_record(0x0200, struct.pack("<IIHHH", 0, 4, 0, 6, 0))
    sheet = bof + dims + b"".join(cells) + merged + hf.biff_record(0x000A)
    head = hf.biff_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    head += hf.biff_record(0x0042, struct.pack("<H", 1200)) + hf.biff_formats()
    name = "台账".encode("utf-16-le")
    size = len(head) + 12 + len(name) + 4
    boundsheet = hf.biff_record(0x0085, struct.pack("<IBBBB", size, 0, 0, 2, 1) + name)
    stream = (head + boundsheet + hf.biff_record(0x000A) + sheet).ljust(4096, b"\0")
    path = folder / "台账.xls"
    path.write_bytes(hf.cfb({"Workbook": stream}))
    return path


def xlsx_error_values(folder: Path) -> Path:
    """Rows 4 and 5 carry Excel error values where a formula failed: 单位 #N/A (a VLOOKUP
    that found nothing), 标题 #DIV/0!, 日期 #REF! — saved as error cells, as Excel does."""
    import openpyxl

    path = folder / "台账.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    for cells in [[TITLE], HEADER, *ROWS]:
        sheet.append(cells)
    sheet.append(["4", "2021-03-02", "#N/A", "审计局开展审计", "新闻动态", "部门动态"])
    sheet.append(["5", "#REF!", "审计局", "#DIV/0!", "新闻动态", "部门动态"])
    for ref in ("C6", "B7", "D7"):
        sheet[ref].data_type = "e"
    book.save(path)
    return path
