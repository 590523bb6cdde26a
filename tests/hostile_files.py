"""Hostile, broken and benign ledger files, each built on the spot (no stored blobs).

Every generator writes one file into `folder` and returns its path. The zip bombs are built
from one compressed block repeated, so a 1 GB bomb takes milliseconds and about 1 MB of disk.
"""

from __future__ import annotations

import datetime
import struct
import zipfile
import zlib
from pathlib import Path

import xlsxwriter

MB = 1024 * 1024
SHEET = "xl/worksheets/sheet1.xml"
SST = "xl/sharedStrings.xml"
NS = (
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
HIDDEN_ROWS = frozenset({6, 7})  # Excel row numbers hidden in ledger_xlsx / ledger_xls


# --- benign ----------------------------------------------------------------------------------


def ledger_xlsx(folder: Path, name: str = "台账.xlsx", rows: int = 300) -> Path:
    """A normal ledger: title row, header, `rows` items; rows 6-7 hidden; a hidden sheet."""
    path = folder / name
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("台账")
    dates = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_string(0, 0, "石泉县2020年信息采用台账")
    sheet.write_row(1, 0, ["序号", "日期", "单位", "标题", "类别", "采用渠道"])
    units = ["政府办", "教体科技局", "人社局", "石泉县供销合作联社"]
    for i in range(rows):
        day = datetime.datetime(2020, 10, 1) + datetime.timedelta(days=i % 90)
        unit = units[i % len(units)]
        sheet.write_number(i + 2, 0, i + 1)
        sheet.write_datetime(i + 2, 1, day, dates)
        sheet.write_row(i + 2, 2, [unit, f"{unit}开展第{i}次专项工作", "新闻动态", "部门动态"])
    for row in HIDDEN_ROWS:
        sheet.set_row(row - 1, None, None, {"hidden": True})
    book.add_worksheet("名单").hide()
    book.add_worksheet("设置").very_hidden()
    book.close()
    return path


def empty_sheet_xlsx(folder: Path) -> Path:
    """A workbook whose only sheet is empty: safe, the reader complains later."""
    path = folder / "空表.xlsx"
    book = xlsxwriter.Workbook(path)
    book.add_worksheet("台账")
    book.close()
    return path


def csv_file(folder: Path, encoding: str) -> Path:
    """A small ledger CSV; 'utf-8-sig' writes the BOM; GB18030 needs 䶮 (not in GBK)."""
    text = "日期,单位,标题\r\n2020-10-12,政府办,䶮字标题：“政务”\r\n2020.10.13,人社局,就业\r\n"
    path = folder / f"台账-{encoding}.csv"
    path.write_bytes(text.encode(encoding))
    return path


def ledger_xls(folder: Path, name: str = "台账.xls", **options: object) -> Path:
    """A small BIFF8 .xls, written record by record (xlwt is not installed)."""
    path = folder / name
    path.write_bytes(cfb({"Workbook": biff8_workbook(**options)}))  # type: ignore[arg-type]
    return path


# --- hostile zips ----------------------------------------------------------------------------


def zip_bomb(folder: Path, size: int = 1024 * MB) -> Path:
    """An otherwise valid xlsx whose sheet inflates to `size` bytes and says so honestly."""
    return _bomb(folder, "炸弹.xlsx", size, declared=size)


def lying_zip_bomb(folder: Path, size: int = 1024 * MB) -> Path:
    """The same bomb, but its headers claim the sheet is 10 KB."""
    return _bomb(folder, "谎报大小.xlsx", size, declared=10_000)


def ratio_bomb(folder: Path) -> Path:
    """300 MB declared (under the 500 MB total) in about 300 KB: ratio about 1000:1."""
    return _bomb(folder, "压缩比.xlsx", 300 * MB, declared=300 * MB)


def rows_bomb(folder: Path, size: int) -> Path:
    """A sheet of `size` bytes of ordinary rows: harmless cells, only very many of them."""
    return _bomb(folder, "行.xlsx", size, size, b'<row r="1"><c r="A1"><v>1</v></c></row>')


def _bomb(folder: Path, name: str, size: int, declared: int, unit: bytes = b" ") -> Path:
    head = f'<?xml version="1.0"?><worksheet {NS}><sheetData>'.encode()
    tail = b"</sheetData></worksheet>"
    block = unit * (MB // len(unit))
    count, rest = divmod(size - len(head) - len(tail), len(block))
    data = _deflate_block(head) + _deflate_block(block) * count
    data += _deflate_block(b" " * rest) + zlib.compress(tail, 9)[2:-4]  # ends in a final block
    members = {k: v for k, v in _members(ledger_xlsx(folder, "源.xlsx")).items() if k != SHEET}
    (folder / "源.xlsx").unlink()
    return raw_zip(folder / name, [*members.items(), (SHEET, data, declared)])


def _deflate_block(data: bytes) -> bytes:
    """Raw deflate of data, byte-aligned and self-contained, so copies can be concatenated."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush(zlib.Z_FULL_FLUSH)


def raw_zip(path: Path, entries: list[tuple[str, bytes] | tuple[str, bytes, int]]) -> Path:
    """A zip written by hand: (name, plain bytes) deflated here, or (name, raw deflate, size
    to declare) taken as is, so sizes can lie. CRCs of the latter are left 0."""
    local, central = bytearray(), bytearray()
    for entry in entries:
        name = entry[0].encode()
        if len(entry) == 2:
            data, size, crc = zlib.compress(entry[1], 6)[2:-4], len(entry[1]), zlib.crc32(entry[1])
        else:
            data, size, crc = entry[1], entry[2], 0  # type: ignore[misc]
        fields = (20, 0x0800, 8, 0, 0x21, crc, len(data), size, len(name))
        central += b"PK\x01\x02" + struct.pack("<H", 20)
        central += struct.pack("<HHHHHIIIH", *fields) + struct.pack("<HHHHII", 0, 0, 0, 0, 0, len(local))  # fmt: skip
        central += name
        local += b"PK\x03\x04" + struct.pack("<HHHHHIIIH", *fields) + b"\0\0" + name + data
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), len(local), 0)  # fmt: skip
    path.write_bytes(bytes(local + central) + end)
    return path


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _variant(folder: Path, name: str, replace: dict[str, bytes]) -> Path:
    """ledger_xlsx with some members replaced (or added): the rest is a real workbook."""
    source = ledger_xlsx(folder, "源.xlsx", rows=5)
    members = {**_members(source), **replace}
    source.unlink()
    with zipfile.ZipFile(folder / name, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members.items():
            zf.writestr(member, data)
    return folder / name


def with_sheet(folder: Path, name: str, rows: str) -> Path:
    """A real workbook whose first sheet's <sheetData> holds `rows` (XML text)."""
    return _variant(folder, name, {SHEET: sheet_xml(rows)})


def sheet_xml(rows: str, dimension: str | None = None, root: str = "worksheet") -> bytes:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    text = f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} {NS}>{dim}<sheetData>{rows}'
    return (text + f"</sheetData></{root}>").encode()


def _sst(*strings: str) -> bytes:
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    return f'<?xml version="1.0"?><sst {NS} count="{len(strings)}">{items}</sst>'.encode()


# --- hostile XML -----------------------------------------------------------------------------


def billion_laughs(folder: Path) -> Path:
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    doctype = f'<!DOCTYPE sst [<!ENTITY l0 "lol">{lol}]>'
    body = _sst("&l9;").replace(b"<sst", doctype.encode() + b"<sst", 1)
    return _variant(folder, "十亿笑声.xlsx", {SST: body})


def quadratic_blowup(folder: Path) -> Path:
    doctype = f'<!DOCTYPE sst [<!ENTITY a "{"a" * 50_000}">]>'
    body = _sst("&a;" * 50_000).replace(b"<sst", doctype.encode() + b"<sst", 1)
    return _variant(folder, "二次膨胀.xlsx", {SST: body})


def xxe(folder: Path) -> Path:
    doctype = '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row>'
    return _variant(
        folder, "外部实体.xlsx", {SHEET: sheet_xml(rows).replace(b"\n", doctype.encode())}
    )


def long_cell_shared(folder: Path, chars: int = 40_000) -> Path:
    return _variant(folder, "超长共享.xlsx", {SST: _sst("字" * chars)})


def long_cell_inline(folder: Path, chars: int = 40_000) -> Path:
    cell = f'<c r="B2" t="inlineStr"><is><t>{"字" * chars}</t></is></c>'
    return _variant(folder, "超长单元格.xlsx", {SHEET: sheet_xml(f'<row r="2">{cell}</row>')})


# --- far corners -----------------------------------------------------------------------------

CORNER = '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'  # fmt: skip


def far_corner(folder: Path) -> Path:
    """Written by xlsxwriter: A1 and XFD1048576, so the dimension says A1:XFD1048576."""
    path = folder / "远角.xlsx"
    book = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = book.add_worksheet("台账")
    sheet.write_string(0, 0, "序号")
    sheet.write_number(1_048_575, 16_383, 1)
    book.close()
    return path


def sparse_far_corner(folder: Path) -> Path:
    """No dimension at all; two cells, at A1 and XFD1048576."""
    return _variant(folder, "稀疏远角.xlsx", {SHEET: sheet_xml(CORNER)})


def lying_dimension(folder: Path) -> Path:
    """The dimension claims A1:A1, but a cell sits at XFD1048576."""
    return _variant(folder, "谎报范围.xlsx", {SHEET: sheet_xml(CORNER, "A1:A1")})


def cells_without_r(folder: Path) -> Path:
    """Row 1048576 holds 16384 cells without r: calamine places them in columns A..XFD."""
    rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576">' + "<c><v>1</v></c>" * 16384
    return _variant(folder, "无坐标.xlsx", {SHEET: sheet_xml(rows + "</row>")})


def reordered_attributes(folder: Path) -> Path:
    """r is not the first attribute, so `<c r="` does not see it."""
    rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c s="0" r="XFD1048576">'
    return _variant(folder, "属性乱序.xlsx", {SHEET: sheet_xml(rows + "<v>1</v></c></row>")})


def prefixed_far_corner(folder: Path) -> Path:
    """Elements with a namespace prefix: calamine matches local names, so x:c is a cell."""
    body = sheet_xml(CORNER.replace("<c ", "<x:c ").replace("</c>", "</x:c>"), root="worksheet")
    return _variant(folder, "前缀远角.xlsx", {SHEET: body})


def wide_and_tall(folder: Path) -> Path:
    """Column AD (30) in row 1 and column A in row 1048576: 31M cells, over the limit."""
    rows = '<row r="1"><c r="AD1"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row>'  # fmt: skip
    return _variant(folder, "又宽又高.xlsx", {SHEET: sheet_xml(rows)})


def beyond_grid(folder: Path) -> Path:
    """A column past XFD (fastexcel spends minutes building 475,254 columns)."""
    rows = '<row r="1"><c r="A1"><v>1</v></c><c r="ZZZZ1"><v>1</v></c></row>'
    return _variant(folder, "超出网格.xlsx", {SHEET: sheet_xml(rows)})


def utf16_sheet(folder: Path) -> Path:
    """A sheet in UTF-16, where byte searches see no `<c r=` at all."""
    text = sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>').decode()
    return _variant(folder, "宽字符.xlsx", {SHEET: text.encode("utf-16")})


def customxml_utf16(folder: Path) -> Path:
    """Benign: SharePoint adds UTF-16 customXml parts, which calamine never reads."""
    item = '<?xml version="1.0" encoding="utf-16"?><p:properties/>'.encode("utf-16")
    return _variant(folder, "共享.xlsx", {"customXml/item1.xml": item})


def many_members(folder: Path) -> Path:
    entries = [(f"xl/media/{i}.bin", b"") for i in range(10_001)]
    return raw_zip(folder / "成员多.xlsx", [("xl/workbook.xml", b"<workbook/>"), *entries])


def duplicate_members(folder: Path) -> Path:
    """Two copies of one sheet: zipfile and calamine might not read the same one."""
    members = _members(ledger_xlsx(folder, "源.xlsx", rows=3))
    (folder / "源.xlsx").unlink()
    return raw_zip(folder / "重名.xlsx", [*members.items(), (SHEET.upper(), members[SHEET])])


def huge_file(folder: Path) -> Path:
    """201 MB, sparse on disk, so it costs nothing to make."""
    path = folder / "巨大.csv"
    with path.open("wb") as f:
        f.truncate(201 * MB)
    return path


def mht_as_xls(folder: Path) -> Path:
    path = folder / "网页存档.xls"
    path.write_text("MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n", "ascii")
    return path


# --- broken and disguised --------------------------------------------------------------------


def truncated_xlsx(folder: Path) -> Path:
    data = ledger_xlsx(folder, "源.xlsx").read_bytes()
    (folder / "源.xlsx").unlink()
    path = folder / "半截.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def corrupt_central_directory(folder: Path) -> Path:
    data = bytearray(ledger_xlsx(folder, "源.xlsx").read_bytes())
    (folder / "源.xlsx").unlink()
    at = data.rfind(b"PK\x01\x02", 0, data.rfind(b"PK\x01\x02"))
    data[at : at + 4] = b"XXXX"
    path = folder / "目录损坏.xlsx"
    path.write_bytes(bytes(data))
    return path


def password_xlsx(folder: Path) -> Path:
    """What Excel writes for a password-protected xlsx: an OLE2 file with the zip encrypted."""
    streams = {"EncryptionInfo": b"\x04\x00\x04\x00" + bytes(200), "EncryptedPackage": bytes(5000)}
    path = folder / "加密.xlsx"
    path.write_bytes(cfb(streams))
    return path


def password_xls(folder: Path) -> Path:
    """A BIFF8 workbook with a FILEPASS record (RC4 encryption) after its BOF."""
    return ledger_xls(folder, "加密.xls", filepass=True)


def xls_far_column(folder: Path) -> Path:
    """A BIFF8 cell at row and column 65536: BIFF8 has 256 columns, calamine trusts the number."""
    return ledger_xls(folder, "远列.xls", extra_cell=(65_535, 65_535))


def xls_sst_bomb(folder: Path) -> Path:
    """An SST claiming 2**31-1 strings: calamine reserves room for them before reading."""
    return ledger_xls(folder, "字符串表.xls", sst_count=2**31 - 1)


def html_as(folder: Path, name: str) -> Path:
    path = folder / name
    html = '<html><head><meta charset="utf-8"></head><body><table><tr><td>单位</td></tr></table>'
    path.write_text(html + "</body></html>", encoding="utf-8")
    return path


def xml2003(folder: Path) -> Path:
    path = folder / "导出.xls"
    path.write_text(
        '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
        encoding="utf-8",
    )
    return path


def text_as_xlsx(folder: Path) -> Path:
    path = folder / "说明.xlsx"
    path.write_text("这是一份说明文字\n没有表格\n", encoding="utf-8")
    return path


def empty_file(folder: Path) -> Path:
    path = folder / "空.xlsx"
    path.write_bytes(b"")
    return path


def blank_file(folder: Path) -> Path:
    path = folder / "空白.csv"
    path.write_bytes(b" \r\n\t\r\n" * 1000)
    return path


def pdf_file(folder: Path) -> Path:
    path = folder / "通报.xlsx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\0\0")
    return path


def png_file(folder: Path) -> Path:
    path = folder / "截图.xls"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(50))
    return path


def docx_like(folder: Path) -> Path:
    return raw_zip(folder / "通知.xlsx", [("word/document.xml", b"<w:document/>")])


def xlsb_like(folder: Path) -> Path:
    return raw_zip(folder / "二进制.xlsx", [("xl/workbook.bin", b"\0" * 10)])


# --- OLE2 compound files and BIFF8 records ---------------------------------------------------

FREE, END, FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def cfb(streams: dict[str, bytes]) -> bytes:
    """A version-3 compound file (512-byte sectors) holding `streams` in one flat directory;
    streams under 4096 bytes go to the mini stream, as the format requires."""
    sectors: list[bytes] = []
    fat: list[int] = []

    def put(data: bytes) -> int:
        if not data:
            return END
        first = len(sectors)
        for at in range(0, len(data), 512):
            sectors.append(data[at : at + 512].ljust(512, b"\0"))
            fat.append(len(sectors))
        fat[-1] = END
        return first

    mini, minifat, entries = bytearray(), [], []
    for name, data in streams.items():
        if len(data) >= 4096:
            entries.append((name, 2, put(data), len(data)))
            continue
        first = len(mini) // 64
        for at in range(0, len(data), 64):
            mini += data[at : at + 64].ljust(64, b"\0")
            minifat.append(len(mini) // 64)
        minifat[-1] = END
        entries.append((name, 2, first if data else END, len(data)))
    mini_start = put(bytes(mini))
    minifat_start = put(struct.pack(f"<{len(minifat)}I", *minifat)) if minifat else END
    directory = [_dir_entry("Root Entry", 5, mini_start, len(mini), child=1 if entries else None)]
    for i, (name, kind, start, size) in enumerate(entries, 1):
        right = i + 1 if i < len(entries) else None
        directory.append(_dir_entry(name, kind, start, size, right=right))
    dir_start = put(b"".join(directory))
    n_fat = 1
    while (len(sectors) + n_fat) * 4 > n_fat * 512:
        n_fat += 1
    fat_ids = list(range(len(sectors), len(sectors) + n_fat))
    fat += [FAT_SECTOR] * n_fat
    fat += [FREE] * (n_fat * 128 - len(fat))
    table = struct.pack(f"<{len(fat)}I", *fat)
    difat = fat_ids + [FREE] * (109 - n_fat)
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH6xIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, 0, n_fat, dir_start, 0, 4096, minifat_start, -(-len(minifat) // 128), END, 0)  # fmt: skip
    header += struct.pack("<109I", *difat)
    return header + b"".join(sectors) + table


def _dir_entry(
    name: str, kind: int, start: int, size: int, child: int | None = None, right: int | None = None
) -> bytes:
    raw = (name + "\0").encode("utf-16-le")
    none = FREE
    return (
        raw.ljust(64, b"\0")
        + struct.pack("<HBB", len(raw), kind, 1)
        + struct.pack("<III", none, none if right is None else right, none if child is None else child)
        + bytes(16 + 4 + 16)
        + struct.pack("<IQ", start, size)
    )  # fmt: skip


def biff_record(kind: int, data: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def biff_label(row: int, col: int, text: str) -> bytes:
    raw = text.encode("utf-16-le")
    return biff_record(0x0204, struct.pack("<HHHHB", row, col, 15, len(text), 1) + raw)


def biff_number(row: int, col: int, value: float) -> bytes:
    return biff_record(0x0203, struct.pack("<HHHd", row, col, 15, value))


def biff_formats() -> bytes:
    """One FONT and the 16 XFs every workbook has (15 style XFs, then the default cell XF)."""
    name = "宋体".encode("utf-16-le")
    font = biff_record(0x0031, struct.pack("<HHHHHBBBBBB", 220, 0, 0x7FFF, 400, 0, 0, 0, 134, 0, 2, 1) + name)  # fmt: skip
    style = struct.pack("<HHHBBBBIIH", 0, 0, 0xFFF5, 0x20, 0, 0, 0, 0, 0x20C0, 0)
    cell = struct.pack("<HHHBBBBIIH", 0, 0, 0x0001, 0x20, 0, 0, 0, 0, 0x20C0, 0)
    return font + biff_record(0x00E0, style) * 15 + biff_record(0x00E0, cell)


def biff8_workbook(
    filepass: bool = False,
    extra_cell: tuple[int, int] | None = None,
    sst_count: int | None = None,
    pad: bool = True,
) -> bytes:
    """Globals plus two sheets: 台账 (visible; rows 6-7 hidden) and 名单 (hidden)."""
    cells = [biff_label(0, 0, "日期"), biff_label(0, 1, "单位"), biff_label(0, 2, "标题")]
    for row in range(1, 10):
        cells += [
            biff_number(row, 0, 44115 + row),
            biff_label(row, 1, "政府办"),
            biff_label(row, 2, f"第{row}条"),
        ]
    if extra_cell:
        cells.append(biff_number(*extra_cell, 1.0))
    rows = []
    for row in range(10):
        flags = 0x0100 | (0x20 if row + 1 in HIDDEN_ROWS else 0)
        rows.append(
            biff_record(0x0208, struct.pack("<HHHHHHHH", row, 0, 3, 0xFF, 0, 0, flags, 0x0F))
        )
    sheets = [
        ("台账", 0, [*rows, *cells], (0, 10, 0, 3)),
        ("名单", 1, [biff_label(0, 0, "政府办")], (0, 1, 0, 1)),
    ]
    bodies = []
    for _, _, records, (r1, r2, c1, c2) in sheets:
        bof = biff_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
        dims = biff_record(0x0200, struct.pack("<IIHHH", r1, r2, c1, c2, 0))
        bodies.append(bof + dims + b"".join(records) + biff_record(0x000A))
    head = biff_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    if filepass:
        head += biff_record(0x002F, struct.pack("<HHH", 1, 1, 1) + bytes(48))
    head += biff_record(0x0042, struct.pack("<H", 1200)) + biff_formats()
    if sst_count is not None:
        head += biff_record(
            0x00FC, struct.pack("<II", 1, sst_count) + struct.pack("<HB", 1, 0) + b"a"
        )
    bound = [(name, state) for name, state, _, _ in sheets]
    size = len(head) + sum(12 + len(n.encode("utf-16-le")) for n, _ in bound) + 4
    out, offset = head, size
    for (name, state), body in zip(bound, bodies, strict=True):
        raw = name.encode("utf-16-le")
        out += biff_record(0x0085, struct.pack("<IBBBB", offset, state, 0, len(name), 1) + raw)
        offset += len(body)
    out += biff_record(0x000A) + b"".join(bodies)
    return out.ljust(4096 if pad else 0, b"\0")  # Excel pads it out of the mini stream


CORNER_TAIL = "远超台账所需，疑似异常文件，已拒绝；请把台账复制到新建工作簿后再放入"
# Each maker with its arguments and the exact message the clerk is shown.
REFUSED = [
    (empty_file, (), "空.xlsx 是空文件，请确认是否保存了台账"),
    (blank_file, (), "空白.csv 是空文件，请确认是否保存了台账"),
    (
        html_as,
        ("网页.xls",),
        "网页.xls 实际是网页（HTML）文件，不是 Excel 工作簿，请用 Excel/WPS 打开后“另存为” .xlsx 再放入",
    ),
    (
        html_as,
        ("网页.xlsx",),
        "网页.xlsx 实际是网页（HTML）文件，不是 Excel 工作簿，请用 Excel/WPS 打开后“另存为” .xlsx 再放入",
    ),
    (
        xml2003,
        (),
        "导出.xls 实际是 Excel 2003 XML 表格，不是 .xlsx/.xls 工作簿，请用 Excel/WPS 打开后“另存为” .xlsx 再放入",
    ),
    (
        password_xlsx,
        (),
        "加密.xlsx 设置了打开密码，程序无法读取，请在 Excel/WPS 中取消密码后另存再放入",
    ),
    (
        password_xls,
        (),
        "加密.xls 设置了打开密码，程序无法读取，请在 Excel/WPS 中取消密码后另存再放入",
    ),
    (
        truncated_xlsx,
        (),
        "半截.xlsx 文件已损坏或不完整（无法按 xlsx 打开），请重新保存或重新复制该文件",
    ),
    (
        corrupt_central_directory,
        (),
        "目录损坏.xlsx 文件已损坏或不完整（无法按 xlsx 打开），请重新保存或重新复制该文件",
    ),
    (docx_like, (), "通知.xlsx 是压缩包或其他 Office 文档，不是 Excel 工作簿，无法读取"),
    (
        xlsb_like,
        (),
        "二进制.xlsx 是 Excel 二进制工作簿（.xlsb），请用 Excel/WPS “另存为” .xlsx 再放入",
    ),
    (zip_bomb, (), "炸弹.xlsx 解压后超过 500 MB，疑似压缩炸弹，已拒绝"),
    (
        lying_zip_bomb,
        (),
        "谎报大小.xlsx 的内部文件 xl/worksheets/sheet1.xml 解压后比声明的大，疑似压缩炸弹，已拒绝",
    ),
    (
        ratio_bomb,
        (),
        "压缩比.xlsx 的内部文件 xl/worksheets/sheet1.xml 压缩比达到 1009:1，疑似压缩炸弹，已拒绝",
    ),
    (
        billion_laughs,
        (),
        "十亿笑声.xlsx 含有 XML 实体声明（DOCTYPE/ENTITY），疑似恶意文件，已拒绝",
    ),
    (
        quadratic_blowup,
        (),
        "二次膨胀.xlsx 含有 XML 实体声明（DOCTYPE/ENTITY），疑似恶意文件，已拒绝",
    ),
    (xxe, (), "外部实体.xlsx 含有 XML 实体声明（DOCTYPE/ENTITY），疑似恶意文件，已拒绝"),
    (far_corner, (), f"远角.xlsx 的工作表“台账”声明的范围达到 A1:XFD1048576，{CORNER_TAIL}"),
    (
        sparse_far_corner,
        (),
        f"稀疏远角.xlsx 的工作表“台账”有单元格位于 XFD1048576，范围{CORNER_TAIL}",
    ),
    (
        lying_dimension,
        (),
        f"谎报范围.xlsx 的工作表“台账”有单元格位于 XFD1048576，范围{CORNER_TAIL}",
    ),
    (cells_without_r, (), f"无坐标.xlsx 的工作表“台账”有单元格位于 U1048576，范围{CORNER_TAIL}"),
    (
        reordered_attributes,
        (),
        f"属性乱序.xlsx 的工作表“台账”有单元格位于 XFD1048576，范围{CORNER_TAIL}",
    ),
    (
        prefixed_far_corner,
        (),
        f"前缀远角.xlsx 的工作表“台账”有单元格位于 XFD1048576，范围{CORNER_TAIL}",
    ),
    (
        wide_and_tall,
        (),
        f"又宽又高.xlsx 的工作表“台账”有单元格位于 AD1048576，范围{CORNER_TAIL}",
    ),
    (beyond_grid, (), f"超出网格.xlsx 的工作表“台账”有单元格位于 ZZZZ1，范围{CORNER_TAIL}"),
    (
        long_cell_inline,
        (),
        "超长单元格.xlsx 的工作表“台账”有一个单元格超过 32767 个字符（Excel 的上限），已拒绝",
    ),
    (
        long_cell_shared,
        (),
        "超长共享.xlsx 有一个单元格超过 32767 个字符（Excel 的上限），已拒绝",
    ),
    (xls_far_column, (), f"远列.xls 的工作表“台账”有单元格位于 CRXP65536，范围{CORNER_TAIL}"),
    (
        xls_sst_bomb,
        (),
        "字符串表.xls 内部结构异常（共享字符串数量不合理），疑似恶意或损坏文件，已拒绝；"
        "请用 Excel/WPS 打开后另存为新文件再放入",
    ),
    (
        utf16_sheet,
        (),
        "宽字符.xlsx 内部结构异常（内部文件不是 UTF-8 编码），疑似恶意或损坏文件，已拒绝；"
        "请用 Excel/WPS 打开后另存为新文件再放入",
    ),
    (
        many_members,
        (),
        "成员多.xlsx 内部结构异常（内部文件过多），疑似恶意或损坏文件，已拒绝；"
        "请用 Excel/WPS 打开后另存为新文件再放入",
    ),
    (
        duplicate_members,
        (),
        "重名.xlsx 内部结构异常（有重名的内部文件），疑似恶意或损坏文件，已拒绝；"
        "请用 Excel/WPS 打开后另存为新文件再放入",
    ),
    (huge_file, (), "巨大.csv 有 201 MB，超过 200 MB 的上限，已拒绝；请确认是否放错了文件"),
    (
        mht_as_xls,
        (),
        "网页存档.xls 实际是网页（HTML）文件，不是 Excel 工作簿，请用 Excel/WPS 打开后“另存为” .xlsx 再放入",
    ),
    (pdf_file, (), "通报.xlsx 不是 Excel 或 CSV 文件，无法读取"),
    (png_file, (), "截图.xls 不是 Excel 或 CSV 文件，无法读取"),
    (text_as_xlsx, (), "说明.xlsx 是纯文本，没有用逗号或制表符分隔的列，不是台账表格，无法读取"),
]
