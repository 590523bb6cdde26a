"""Streamed zip and XML checks on an xlsx, made before any real parser opens it.

calamine (behind fastexcel) aborts the whole process on some hostile workbooks, so nothing here
parses the sheets: each member is inflated here, its bytes counted, and scanned with C-speed
searches. Failures are `Refused(reason, **detail)`; sniff.py words them for the clerk.
"""

from __future__ import annotations

import html
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree

MB = 1024 * 1024
EXCEL_ROWS = 1_048_576
EXCEL_COLS = 16_384


@dataclass(frozen=True)
class Limits:
    """Refusal thresholds; the tool uses the defaults, tests may shrink them."""

    max_total: int = 500 * MB  # all members inflated; a 1M-row x 7-column sheet is ~376 MB
    max_ratio: int = 200  # inflated : compressed; real sheets measure 7-30
    ratio_min_size: int = 10 * MB  # smaller members may be repetitive (styles) and are harmless
    max_cells: int = 20 * EXCEL_ROWS  # rectangle calamine allocates: every row x 20 columns
    max_text: int = 32_767  # characters in one cell, Excel's own limit
    max_members: int = 10_000
    max_part: int = 16 * MB  # workbook.xml and its rels, read whole
    chunk: int = 4 * MB


class Refused(Exception):
    """Why a workbook is refused: a reason code plus details for the message."""

    def __init__(self, reason: str, **detail: object) -> None:
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail


class _Irregular(Exception):
    """The sheet XML is not in the usual `<c r="A1"` shape: rescan it exactly, tag by tag."""


@dataclass
class SheetFacts:
    name: str
    visible: bool
    hidden_rows: frozenset[int] = frozenset()
    first_row: int | None = None
    merges: tuple[str, ...] = ()  # merged ranges such as "B5:B7"
    errors: tuple[tuple[int, int, str], ...] = ()  # (row, column from 1, "#N/A") error cells


def col_number(letters: bytes | str) -> int:
    n = 0
    for ch in letters.upper() if isinstance(letters, str) else letters.decode().upper():
        n = n * 26 + ord(ch) - 64
    return n


def col_letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _same_len(lo: str, hi: str, a: str, z: str) -> str:
    """Regex for the strings of one length from lo to hi over the alphabet a..z."""
    if lo == hi:
        return lo
    if lo[0] == hi[0]:
        return lo[0] + _same_len(lo[1:], hi[1:], a, z)
    k = len(lo) - 1
    low_full, high_full = lo[1:] == a * k, hi[1:] == z * k
    parts = [] if low_full else [lo[0] + _same_len(lo[1:], z * k, a, z)]
    first = lo[0] if low_full else chr(ord(lo[0]) + 1)
    last = hi[0] if high_full else chr(ord(hi[0]) - 1)
    if first <= last:
        parts.append(f"[{first}-{last}]" + (f"[{a}-{z}]{{{k}}}" if k else ""))
    if not high_full:
        parts.append(hi[0] + _same_len(a * k, hi[1:], a, z))
    return "(?:" + "|".join(parts) + ")"


def upto_re(n: int, letters: bool) -> str:
    """Regex for 1..n written as row digits (no leading zero) or as column letters."""
    text = col_letters(n) if letters else str(n)
    a, z, first = ("A", "Z", "A") if letters else ("0", "9", "1")
    lo = first + a * (len(text) - 1)
    shorter = f"[{first}-{z}][{a}-{z}]{{0,{len(text) - 2}}}+|" if len(text) > 1 else ""
    return f"(?:{shorter}{_same_len(lo, text, a, z)})"


_DOCTYPE = re.compile(rb"<!(?i:doctype|entity)")
_DIMENSION = re.compile(rb'<(?:[\w.-]+:)?dimension(?=\s)[^>]*?\sref\s*=\s*["\']([^"\']*)')
_MERGE = re.compile(rb'<mergeCell\s+ref="([A-Z]{1,3}[0-9]{1,7}:[A-Z]{1,3}[0-9]{1,7})"')
# A cell holding an Excel error value (#N/A, #REF! …), its formula if any before the value.
_ERROR_CELL = re.compile(
    rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>]*?\st="e"[^>]*>\s*(?:<f[^>]*?(?:/>|>[^<]*</f>)\s*)?'
    rb"<v>([^<]{1,16})</v>"
)
_REF = re.compile(rb"([A-Za-z]{1,10})(\d{1,12})")
_CANON = re.compile(rb'<c r="([A-Za-z]{1,10})(\d{1,12})"')
_PREFIXED = re.compile(rb":(?:c|row)[\s/>]")
_ROW_TAG = re.compile(rb"<(?:[\w.-]+:)?row[\s/>]")
_HIDDEN = re.compile(rb'\shidden\s*=\s*["\']\s*(?:1|true)\s*["\']')
_R_ATTR = re.compile(rb'\sr\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_ROW_NUMBER = re.compile(rb"\d+")
_FIRST_COLS = re.compile(rb'<c r="([A-Z]{1,3})\d')
_VALUE = re.compile(rb"<(?:v|is)>")
_TAG = re.compile(rb"<(/?)(?:[\w.-]+:)?(row|c)(?=[\s/>])((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")


def _ref(text: bytes) -> tuple[int, int] | None:
    """(row, column) of an A1 reference, both from 1; None if it is not one."""
    m = _REF.fullmatch(text.strip())
    return (int(m[2]), col_number(m[1])) if m and int(m[2]) else None


def _r_value(tag: bytes) -> bytes | None:
    m = _R_ATTR.search(tag)
    return None if m is None else (m[1] if m[1] is not None else m[2])


def _long_gap(buf: bytes, start: int, end: int, limit: int) -> bool:
    """True if some text between two tags in buf[start:end] holds more than `limit` characters.

    Hops to the last `<` within the next limit+1 bytes, so a region costs len/limit calls;
    only a gap of limit+1 bytes or more is decoded and counted exactly."""
    p, span = start, limit + 1
    while p + span <= end:
        q = buf.rfind(b"<", p, p + span)
        if q >= 0:
            p = q + 1
            continue
        stop = buf.find(b"<", p + span, end)
        stop = end if stop < 0 else stop
        if _chars(buf[p:stop]) > limit:
            return True
        p = stop + 1
    return False


def _chars(gap: bytes) -> int:
    text = gap[gap.find(b">") + 1 :].decode("utf-8", "replace")
    return len(re.sub(r"_x[0-9A-Fa-f]{4}_", "x", html.unescape(text)))


class _PartScan:
    """Checks one member region by region. A region is buf[start:end], from a `<` to just
    before one, so no tag is split; regions are bounds, not copies (4 MB copies add up)."""

    def __init__(self, kind: str, limits: Limits, cols: int | None = None, full: bool = False):
        self.kind, self.limits, self.full = kind, limits, full  # kind: sheet, text, xml, other
        self.carry, self.started, self.in_header = b"", kind == "other", True
        self.hidden: set[int] = set()
        self.merges: list[str] = []
        self.errors: list[tuple[int, int, str]] = []
        self.first_row: int | None = None
        self.last_cell: int | None = None  # row of the last `<c r=` before first_row is known
        self.max_row = self.max_col = 0
        self.cols, self.rows = cols, 0
        self.row_index = self.col_index = 0  # calamine's counters for cells without r, 0-based
        self.pattern: re.Pattern[bytes] | None = None

    def feed(self, chunk: bytes) -> None:
        if not self.started:
            self.started = True
            if chunk[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in chunk[:4]:
                raise Refused("structure", what="utf16")
        first, last = chunk.find(b"<"), chunk.rfind(b"<")
        if first < 0:
            self.carry += chunk
        else:
            head = self.carry + chunk[:first]  # completes the tag the last chunk ended in
            self._region(head, 0, len(head))
            self._region(chunk, first, last)
            self.carry = chunk[last:]
        if len(self.carry) > 12 * self.limits.max_text + 1024:
            if self.kind in ("sheet", "text"):
                raise Refused("long_text")
            self._region(self.carry, 0, 64)
            self.carry = b""

    def finish(self) -> None:
        self._region(self.carry, 0, len(self.carry))
        self.carry = b""

    def _region(self, buf: bytes, start: int, end: int) -> None:
        if start >= end:
            return
        if buf.find(b"!", start, end) >= 0 and _DOCTYPE.search(buf, start, end):
            raise Refused("entity")
        if self.kind in ("xml", "other"):
            return
        if _long_gap(buf, start, end, self.limits.max_text):
            raise Refused("long_text")
        if self.kind == "sheet":
            if buf.find(b"<mergeCell ", start, end) >= 0:
                self.merges += [m.decode("ascii") for m in _MERGE.findall(buf, start, end)]
            if buf.find(b't="e"', start, end) >= 0:  # fastexcel gives an error cell as blank
                self.errors += [
                    (int(row), col_number(col), value.decode("utf-8", "replace"))
                    for col, row, value in _ERROR_CELL.findall(buf, start, end)
                ]
            if self.in_header:
                self._header(buf, start, end)
            if self.full:
                self._tags(buf, start, end)
            else:
                self._fast(buf, start, end)

    def _header(self, buf: bytes, start: int, end: int) -> None:
        data_at = buf.find(b"sheetData", start, end)
        m = _DIMENSION.search(buf, start, end if data_at < 0 else data_at)
        corners = [_ref(part) for part in m[1].split(b":")] if m else []
        if corners and all(corners):
            rows, cols = max(c[0] for c in corners), max(c[1] for c in corners)
            if rows > EXCEL_ROWS or cols > EXCEL_COLS or rows * cols > self.limits.max_cells:
                raise Refused("extent_declared", ref=m[1][:40].decode("ascii", "replace"))
            self.cols = max(self.cols or 0, cols)
        self.in_header = data_at < 0

    def _see(self, row: int, col: int) -> None:
        """Record a real cell; refuse once the rectangle calamine would allocate is too big."""
        if row > EXCEL_ROWS or col > EXCEL_COLS:
            raise Refused("extent_cells", ref=f"{col_letters(col)}{row}")
        self.max_row, self.max_col = max(self.max_row, row), max(self.max_col, col)
        if self.max_row * self.max_col > self.limits.max_cells:
            raise Refused("extent_cells", ref=f"{col_letters(self.max_col)}{self.max_row}")

    def _fast(self, buf: bytes, start: int, end: int) -> None:
        """Every `<c` must open `<c r="A1"` inside a box of columns x rows whose product fits
        the limit; the rare cell outside it is handled here, anything unusual goes to _tags."""
        if buf.find(b":", start, end) >= 0 and _PREFIXED.search(buf, start, end):
            raise _Irregular  # a prefixed <x:c> is still a cell to calamine
        if self.pattern is None:
            widest = max(map(col_number, set(_FIRST_COLS.findall(buf, start, end))), default=0)
            self.max_col = max(self.max_col, widest)  # real cells: they count at once
            self.cols = min(EXCEL_COLS, max(20, widest, self.cols or 0))
            self.rows = max(1, min(EXCEL_ROWS, self.limits.max_cells // self.cols))
            box = upto_re(self.cols, letters=True) + upto_re(self.rows, letters=False)
            self.pattern = re.compile(rb'<c(?! r="' + box.encode() + rb'")[\s>/]')
        pos = start
        while hit := self.pattern.search(buf, pos, end):
            m = _CANON.match(buf, hit.start(), end)
            if m is None:
                raise _Irregular
            pos = m.end()
            if int(m[2]):
                self._see(int(m[2]), col_number(m[1]))
        self._hidden_fast(buf, start, end)
        if self.first_row is None:  # the cell holding the first <v> or <is>; it may have begun
            value = _VALUE.search(buf, start, end)  # in the region before
            at = buf.rfind(b"<c ", start, value.start() if value else end)
            cell = _CANON.match(buf, at, end) if at >= 0 else None
            row = int(cell[2]) if cell else self.last_cell
            self.first_row, self.last_cell = (row, row) if value else (None, row)

    def _hidden_fast(self, buf: bytes, start: int, end: int) -> None:
        at = buf.find(b"hidden", start, end)
        while at >= 0:
            tag = buf[buf.rfind(b"<", start, at) : buf.find(b">", at, end) + 1]
            if _ROW_TAG.match(tag) and _HIDDEN.search(tag):
                r = _r_value(tag)
                if r is None or not r.strip().isdigit():
                    raise _Irregular
                self.hidden.add(int(r))
            at = buf.find(b"hidden", at + 6, end)

    def _tags(self, buf: bytes, start: int, end: int) -> None:
        """calamine's own positions: a row's r sets the row, a cell without r follows the last."""
        for m in _TAG.finditer(buf, start, end):
            end_tag, name, attrs = m[1], m[2], m[3]
            r = None if end_tag else _r_value(attrs)
            if name == b"row":
                if not end_tag and r is not None:
                    row = _ROW_NUMBER.search(r)
                    self.row_index = int(row[0]) - 1 if row and int(row[0]) else 0
                if not end_tag and _HIDDEN.search(attrs):
                    self.hidden.add(self.row_index + 1)
                if end_tag or attrs.endswith(b"/"):
                    self.row_index, self.col_index = self.row_index + 1, 0
            elif not end_tag:
                pos = _ref(r) if r is not None else (self.row_index + 1, self.col_index + 1)
                if pos is None:
                    continue
                self.col_index = pos[1]
                self._see(*pos)
                if self.first_row is None and not attrs.endswith(b"/"):
                    self.first_row = pos[0]

    def verdict(self) -> int | None:
        """None if the fast pass's box held every cell it let through; else a column bound
        for a rescan whose box holds every cell seen (their product already fits the limit)."""
        if self.full or (self.max_col <= (self.cols or 0) and self.max_row <= self.rows):
            return None
        if self.max_col > (self.cols or 0):  # a real cell wider than the guess: use its width
            return self.max_col
        return self.limits.max_cells // max(self.max_row, 1)  # the guess came from a dimension


# --- the zip layer -------------------------------------------------------------------------


def _check_end_record(path: Path, limits: Limits) -> None:
    """Read the member count from the end record before zipfile builds one object per member."""
    with path.open("rb") as f:
        size = f.seek(0, 2)
        f.seek(max(0, size - 65_557))
        tail = f.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < 22:
            raise Refused("corrupt")
        (count,) = struct.unpack_from("<H", tail, at + 10)
        if count == 0xFFFF:
            loc = tail.rfind(b"PK\x06\x07", 0, at)
            if loc < 0:
                raise Refused("corrupt")
            f.seek(struct.unpack_from("<Q", tail, loc + 8)[0])
            record = f.read(56)
            if len(record) < 56 or record[:4] != b"PK\x06\x06":
                raise Refused("corrupt")
            (count,) = struct.unpack_from("<Q", record, 32)
    if count > limits.max_members:
        raise Refused("structure", what="members")


def open_zip(path: Path, limits: Limits) -> zipfile.ZipFile:
    _check_end_record(path, limits)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, struct.error) as e:
        raise Refused("corrupt") from e
    names = [info.filename.lower() for info in zf.infolist()]
    if len(set(names)) != len(names):  # calamine and zipfile might pick different copies
        zf.close()
        raise Refused("structure", what="duplicate")
    return zf


def _inflate(path: Path, info: zipfile.ZipInfo, limits: Limits) -> Iterator[bytes]:
    """The member's bytes, never more than it declares, from its own file handle."""
    if info.flag_bits & 1:
        raise Refused("structure", what="encrypted")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise Refused("structure", what="method")
    with path.open("rb") as f:
        size = f.seek(0, 2)
        f.seek(info.header_offset)
        head = f.read(30)
        if len(head) < 30 or head[:4] != b"PK\x03\x04":
            raise Refused("corrupt")
        start = info.header_offset + 30 + sum(struct.unpack_from("<HH", head, 26))
        if start + info.compress_size > size:
            raise Refused("corrupt")
        f.seek(start)
        left, pending, produced = info.compress_size, b"", 0
        inflater = zlib.decompressobj(-15) if info.compress_type else None
        while True:
            if not pending:
                if not left or (inflater and inflater.eof):
                    break
                pending = f.read(min(MB, left))
                if not pending:  # the file shrank under us
                    raise Refused("corrupt")
                left -= len(pending)
            try:
                out = inflater.decompress(pending, limits.chunk) if inflater else pending
            except zlib.error as e:
                raise Refused("corrupt") from e
            pending = inflater.unconsumed_tail if inflater else b""
            produced += len(out)
            if produced > info.file_size:
                raise Refused("bomb_lie", member=info.filename)
            if out:
                yield out
        # No CRC here (0.15 s on a 1M-row sheet): calamine checks it and reports a mismatch.
        if produced != info.file_size or (inflater and not inflater.eof):
            raise Refused("corrupt")


class _Zip:
    """Streams members of one file, counting every inflated byte against the total limit."""

    def __init__(self, path: Path, limits: Limits):
        self.path, self.limits, self.total = path, limits, 0

    def chunks(self, info: zipfile.ZipInfo, count: bool = True) -> Iterator[bytes]:
        with closing(_inflate(self.path, info, self.limits)) as source:
            for chunk in source:
                if count:
                    self.total += len(chunk)
                    if self.total > self.limits.max_total:
                        raise Refused("bomb_total", limit=self.limits.max_total // MB)
                yield chunk

    def scan(
        self, info: zipfile.ZipInfo, kind: str, cols: int | None = None, full: bool = False,
        count: bool = True,
    ) -> _PartScan:  # fmt: skip
        part = _PartScan(kind, self.limits, cols, full)
        with closing(self.chunks(info, count)) as chunks:
            for chunk in chunks:
                if kind != "binary":
                    part.feed(chunk)
        part.finish()
        return part

    def read(self, info: zipfile.ZipInfo) -> bytes:
        """A small XML part whole (workbook.xml, its rels), after the same checks."""
        if info.file_size > self.limits.max_part:
            raise Refused("structure", what="part")
        with closing(self.chunks(info)) as chunks:
            data = b"".join(chunks)
        part = _PartScan("xml", self.limits)
        part.feed(data)
        part.finish()
        return data

    def sheet(self, info: zipfile.ZipInfo) -> _PartScan:
        """Fast pass; a second one if its column guess was too narrow; else tag by tag."""
        try:
            part = self.scan(info, "sheet")
            if (cols := part.verdict()) is not None:
                part = self.scan(info, "sheet", cols=cols, count=False)
                if part.verdict() is not None:
                    raise _Irregular
            return part
        except _Irregular:
            return self.scan(info, "sheet", full=True, count=False)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sheet_paths(workbook: bytes, rels: bytes) -> list[tuple[str, bool, str]]:
    """(name, visible, member) of every worksheet, resolving targets the way calamine does."""
    try:
        book, links = ElementTree.fromstring(workbook), ElementTree.fromstring(rels)
    except (ElementTree.ParseError, ValueError) as e:
        raise Refused("corrupt") from e
    targets = {r.get("Id"): r.get("Target", "") for r in links.iter() if _local(r.tag) == "Relationship"}  # fmt: skip
    sheets = []
    for el in book.iter():
        if _local(el.tag) != "sheet":
            continue
        rid = next((v for k, v in el.attrib.items() if k.endswith("}id")), None)
        target = targets.get(rid)
        if target is None:
            raise Refused("corrupt")
        member = target[1:] if target.startswith("/xl/") else target
        member = member if member.startswith("xl/") else "xl/" + member
        if member.split("/")[1:2] == ["worksheets"]:
            visible = el.get("state", "visible") not in ("hidden", "veryHidden")
            sheets.append((el.get("name", ""), visible, member.lower()))
    return sheets


def sheet_members(workbook: bytes, rels: bytes) -> dict[str, str]:
    """Sheet name → its member in the zip (lower case), for a workbook already checked."""
    return {name: member for name, _, member in _sheet_paths(workbook, rels)}


def zip_names(path: Path, limits: Limits) -> set[str]:
    """Lower-cased member names, for telling an xlsx from other zips."""
    with open_zip(path, limits) as zf:
        return {info.filename.lower() for info in zf.infolist()}


def checked_members(path: Path, limits: Limits) -> list:
    """The zip's members, refused first if they unpack too big in total or one by one."""
    with open_zip(path, limits) as zf:
        infos = zf.infolist()
    if sum(i.file_size for i in infos) > limits.max_total:
        raise Refused("bomb_total", limit=limits.max_total // MB)
    for i in infos:
        ratio = i.file_size // max(i.compress_size, 1)
        if i.file_size >= limits.ratio_min_size and ratio >= limits.max_ratio:
            raise Refused("bomb_ratio", member=i.filename, ratio=ratio)
    return infos


def scan_xlsx(path: Path, limits: Limits | None = None) -> list[SheetFacts]:
    """Every check on an xlsx; the worksheets in workbook order."""
    limits = limits or Limits()
    infos = checked_members(path, limits)
    by_name = {i.filename.lower(): i for i in infos}
    if "xl/workbook.xml" not in by_name:
        raise Refused("not_workbook")
    if "xl/_rels/workbook.xml.rels" not in by_name:
        raise Refused("corrupt")
    z = _Zip(path, limits)
    book, rels = by_name["xl/workbook.xml"], by_name["xl/_rels/workbook.xml.rels"]
    sheets = _sheet_paths(z.read(book), z.read(rels))
    if any(member not in by_name for _, _, member in sheets):
        raise Refused("corrupt")
    members = {member for _, _, member in sheets}
    scanned: dict[str, _PartScan] = {}
    for info in infos:
        lower = info.filename.lower()
        if info in (book, rels):
            continue
        if lower in members:
            try:
                scanned[lower] = z.sheet(info)
            except Refused as e:
                e.detail.setdefault("sheet", next(s for s, _, m in sheets if m == lower))
                raise
        elif lower == "xl/sharedstrings.xml":
            z.scan(info, "text")
        elif lower == "xl/styles.xml" or lower.startswith("xl/tables/"):
            z.scan(info, "xml")  # parsed by calamine too, so it must be UTF-8
        else:  # others may be UTF-16 (SharePoint customXml); calamine never reads them
            z.scan(info, "other" if lower.endswith((".xml", ".rels", ".vml")) else "binary")
    return [
        SheetFacts(
            name,
            visible,
            frozenset(scanned[m].hidden),
            scanned[m].first_row,
            tuple(scanned[m].merges),
            tuple(scanned[m].errors),
        )
        for name, visible, m in sheets
    ]
