"""What a ledger file really is, and hostile or broken files refused before any full parse.

The reader calls sniff() on every candidate, then check_xlsx() or check_xls(); only files that
pass reach fastexcel, whose Rust core aborts the process on some hostile workbooks. Everything
here works on raw bytes with bounded memory. Refusals are InputError with one Chinese line.
"""

from __future__ import annotations

import codecs
import mmap
from dataclasses import dataclass
from pathlib import Path

from shiquan_score.errors import InputError
from shiquan_score.read.safety import xls_scan
from shiquan_score.read.safety.ods_scan import ODS_MIME, scan_ods
from shiquan_score.read.safety.xlsx_scan import MB, Limits, Refused, scan_xlsx, zip_names

MAX_FILE_BYTES = 200 * MB  # a 1M-row ledger is 40-60 MB as xlsx, about 100 MB as CSV
SNIFF_BYTES = 8192

MESSAGES = {
    "empty": "{name} 是空文件，请确认是否保存了台账",
    "html": "{name} 实际是网页（HTML）文件，不是 Excel 工作簿，请用 Excel/WPS 打开后“另存为” .xlsx 再放入",
    "xml2003": "{name} 实际是 Excel 2003 XML 表格，不是 .xlsx/.xls 工作簿，请用 Excel/WPS 打开后“另存为” .xlsx 再放入",
    "password": "{name} 设置了打开密码，程序无法读取，请在 Excel/WPS 中取消密码后另存再放入",
    "corrupt": "{name} 文件已损坏或不完整（无法按 {kind} 打开），请重新保存或重新复制该文件",
    "not_workbook": "{name} 是压缩包或其他 Office 文档，不是 Excel 工作簿，无法读取",
    "xlsb": "{name} 是 Excel 二进制工作簿（.xlsb），请用 Excel/WPS “另存为” .xlsx 再放入",
    "bomb_total": "{name} 解压后超过 {limit} MB，疑似压缩炸弹，已拒绝",
    "bomb_ratio": "{name} 的内部文件 {member} 压缩比达到 {ratio}:1，疑似压缩炸弹，已拒绝",
    "bomb_lie": "{name} 的内部文件 {member} 解压后比声明的大，疑似压缩炸弹，已拒绝",
    "entity": "{name} 含有 XML 实体声明（DOCTYPE/ENTITY），疑似恶意文件，已拒绝",
    "extent_declared": "{name} 的工作表“{sheet}”声明的范围达到 {ref}，远超台账所需，"
    "疑似异常文件，已拒绝；请把台账复制到新建工作簿后再放入",
    "extent_cells": "{name} 的工作表“{sheet}”有单元格位于 {ref}，范围远超台账所需，"
    "疑似异常文件，已拒绝；请把台账复制到新建工作簿后再放入",
    "long_text": "{name} 的工作表“{sheet}”有一个单元格超过 32767 个字符（Excel 的上限），已拒绝",
    "long_text_shared": "{name} 有一个单元格超过 32767 个字符（Excel 的上限），已拒绝",
    "structure": "{name} 内部结构异常（{what}），疑似恶意或损坏文件，已拒绝；"
    "请用 Excel/WPS 打开后另存为新文件再放入",
    "not_excel": "{name} 不是 Excel 或 CSV 文件，无法读取",
    "plain_text": "{name} 是纯文本，没有用逗号或制表符分隔的列，不是台账表格，无法读取",
    "encoding": "{name} 的文字编码无法识别（不是 UTF-8，也不是 GBK/GB18030），"
    "请用 Excel/WPS 另存为 .xlsx 或 CSV（UTF-8）再放入",
    "too_big": "{name} 有 {size} MB，超过 {limit} MB 的上限，已拒绝；请确认是否放错了文件",
    "unreadable": "{name} 无法打开，可能正被其他程序占用或没有读取权限",
}
WHAT = {
    "members": "内部文件过多",
    "duplicate": "有重名的内部文件",
    "encrypted": "内部文件被加密",
    "method": "使用了不支持的压缩方式",
    "utf16": "内部文件不是 UTF-8 编码",
    "part": "工作簿目录过大",
    "sst": "共享字符串数量不合理",
}


@dataclass(frozen=True)
class SheetInfo:
    name: str
    visible: bool  # False for hidden / veryHidden sheets
    hidden_rows: frozenset[int]  # 1-based Excel row numbers
    first_row: int | None  # 1-based row of the first cell holding a value, if known
    merges: tuple[str, ...] = ()  # merged ranges, e.g. "B5:B7" (xlsx only)
    errors: tuple[tuple[int, int, str], ...] = ()  # (row, column from 1, "#N/A"), xlsx only


def plain(text: str) -> str:
    """One printable line of GBK characters, so the CLI can print it on any Windows console."""
    line = "".join(ch if ch.isprintable() else "?" for ch in text)
    return line.encode("gbk", "replace").decode("gbk")


def _error(path: Path, reason: str, **detail: object) -> InputError:
    if reason == "long_text" and "sheet" not in detail:
        reason = "long_text_shared"
    if reason == "structure":
        detail["what"] = WHAT.get(str(detail.get("what")), "无法识别")
    fields = {key: plain(str(value)) for key, value in detail.items()}
    return InputError(MESSAGES[reason].format(name=plain(path.name), **fields))


def sniff(path: Path) -> str:
    """Return 'xlsx', 'xls', 'ods' or 'csv' from the file's first bytes (never the extension)."""
    try:
        return _sniff(path)
    except Refused as e:
        raise _error(path, e.reason, **{"kind": "xlsx", **e.detail}) from e
    except OSError as e:
        raise _error(path, "unreadable") from e


def _sniff(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise Refused("too_big", size=size // MB, limit=MAX_FILE_BYTES // MB)
    with path.open("rb") as f:
        head = f.read(SNIFF_BYTES)
        while not head.strip():  # empty, or a first block of blanks: look further
            head = f.read(MB)
            if not head:
                raise Refused("empty")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        if ODS_MIME in head[:200]:
            return "ods"
        names = zip_names(path, Limits())
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise Refused("xlsb" if "xl/workbook.bin" in names else "not_workbook")
    if head.startswith(xls_scan.OLE_MAGIC):
        return xls_scan.sniff_ole(path)
    return _sniff_text(head)


def _sniff_text(head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", "ignore")  # only to look for markup and delimiters
        if _is_html(text.lower()):
            raise Refused("html")
        if not any(sep in text for sep in ",\t;"):
            raise Refused("plain_text")
        return "csv"  # Excel's 另存为“Unicode 文本”: UTF-16, tab-separated
    text = head.removeprefix(codecs.BOM_UTF8).decode("utf-8", "ignore").lstrip().lower()
    if text.startswith("mime-version:"):  # a "single file web page" (.mht) saved as .xls
        raise Refused("html")
    if text.startswith("<"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in text or "excel.sheet" in text:
            raise Refused("xml2003")
        raise Refused("html" if _is_html(text) else "not_excel")
    if b"\x00" in head or not (_decodes(head) or _nearly_utf8(head)):
        raise Refused("not_excel")
    if not any(sep in head for sep in (b",", b"\t", b";")):
        raise Refused("plain_text")
    return "csv"


def _is_html(text: str) -> bool:
    return any(tag in text for tag in ("<html", "<!doctype html", "<table", "<body", "<meta"))


def _decodes(head: bytes) -> bool:
    """Strict UTF-8 or GB18030, allowing a character cut at the end of the sniffed block."""
    for codec in ("utf-8", "gb18030"):
        try:
            codecs.getincrementaldecoder(codec)().decode(head, final=False)
            return True
        except UnicodeDecodeError:
            continue
    return False


def _nearly_utf8(head: bytes) -> bool:
    """UTF-8 text but for a stray byte or two: the CSV reader names them and their line."""
    text = head.decode("utf-8", "replace")
    stray = text.count("\ufffd")
    wide = len(text) - len(text.encode("ascii", "ignore")) - stray
    return 0 < stray <= 3 and wide >= 10 * stray


def check_xlsx(path: Path) -> list[SheetInfo]:
    """Refuse hostile xlsx/xlsm before parsing; return the worksheets in workbook order."""
    try:
        with path.open("rb") as f:
            if f.read(8) == xls_scan.OLE_MAGIC:  # how Excel saves a password-protected xlsx
                xls_scan.sniff_ole(path)
        facts = scan_xlsx(path)
    except Refused as e:
        raise _error(path, e.reason, **{"kind": "xlsx", **e.detail}) from e
    except OSError as e:
        raise _error(path, "unreadable") from e
    return [
        SheetInfo(f.name, f.visible, f.hidden_rows, f.first_row, f.merges, f.errors) for f in facts
    ]


def check_ods(path: Path) -> None:
    """Refuse a hostile .ods before calamine opens it."""
    try:
        scan_ods(path)
    except Refused as e:
        raise _error(path, e.reason, **{"kind": "ods", **e.detail}) from e
    except OSError as e:
        raise _error(path, "unreadable") from e


def check(path: Path) -> tuple[str, list[SheetInfo]]:
    """sniff() then the matching check: ('csv', []) or the kind and its worksheets."""
    kind = sniff(path)
    if kind == "ods":
        check_ods(path)
    sheets = check_xlsx(path) if kind == "xlsx" else check_xls(path) if kind == "xls" else []
    return kind, sheets


# --- legacy .xls: BIFF8 records inside an OLE2 compound file ---------------------------------


def check_xls(path: Path) -> list[SheetInfo]:
    """Same for legacy .xls (BIFF8 in OLE2): sizes checked, encryption refused."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise Refused("too_big", size=path.stat().st_size // MB, limit=MAX_FILE_BYTES // MB)
        if xls_scan.sniff_ole(path) != "xls":
            raise Refused("corrupt")
        with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
            cfb = xls_scan.Cfb(data)
            stream = cfb.read(xls_scan.workbook_stream(cfb) or "")
        return [SheetInfo(*facts) for facts in xls_scan.biff_sheets(stream)]
    except Refused as e:
        raise _error(path, e.reason, **{"kind": "xls", **e.detail}) from e
    except (OSError, ValueError) as e:  # ValueError: mmap of an empty file
        raise _error(path, "unreadable") from e
