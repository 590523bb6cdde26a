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
from shiquan_score.messages import MESSAGES, fields, msg
from shiquan_score.read.safety import xls_scan
from shiquan_score.read.safety.limits import MB, Limits, Refused
from shiquan_score.read.safety.ods_scan import ODS_MIME, scan_ods
from shiquan_score.read.safety.xlsx_scan import scan_xlsx, zip_names

MAX_FILE_BYTES = 200 * MB  # a 1M-row ledger is 40-60 MB as xlsx, about 100 MB as CSV
SNIFF_BYTES = 8192

# Refused(reason) → the catalogue's code of the clerk's line (messages.py).
REFUSALS = {
    "empty": "FILE_EMPTY",
    "html": "FILE_HTML",
    "xml2003": "FILE_XML2003",
    "password": "FILE_PASSWORD",
    "corrupt": "FILE_CORRUPT",
    "not_workbook": "FILE_NOT_WORKBOOK",
    "xlsb": "FILE_XLSB",
    "bomb_total": "FILE_BOMB_TOTAL",
    "bomb_ratio": "FILE_BOMB_RATIO",
    "bomb_lie": "FILE_BOMB_LIE",
    "entity": "FILE_ENTITY",
    "extent_declared": "FILE_EXTENT_DECLARED",
    "extent_cells": "FILE_EXTENT_CELLS",
    "long_text": "FILE_LONG_TEXT",
    "long_text_shared": "FILE_LONG_TEXT_SHARED",
    "structure": "FILE_STRUCTURE",
    "not_excel": "FILE_NOT_EXCEL",
    "plain_text": "FILE_PLAIN_TEXT",
    "encoding": "FILE_ENCODING",
    "too_big": "FILE_TOO_BIG",
    "unreadable": "FILE_UNREADABLE",
}
WHAT = {
    "members": "STRUCTURE_MEMBERS",
    "duplicate": "STRUCTURE_DUPLICATE",
    "encrypted": "STRUCTURE_ENCRYPTED",
    "method": "STRUCTURE_METHOD",
    "utf16": "STRUCTURE_UTF16",
    "part": "STRUCTURE_PART",
    "sst": "STRUCTURE_SST",
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
        detail["what"] = msg(WHAT.get(str(detail.get("what")), "STRUCTURE_UNKNOWN"))
    code = REFUSALS[reason]
    wanted = fields(MESSAGES[code])  # a reason's detail may carry more than its line shows
    values = {key: plain(str(value)) for key, value in detail.items() if key in wanted}
    return InputError(msg(code, name=plain(path.name), **values))


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
