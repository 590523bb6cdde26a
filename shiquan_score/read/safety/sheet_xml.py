"""One zip member's XML checked region by region with C-speed searches, never parsed: the
sheet's size, cells, hidden rows, merges and long texts, and no DOCTYPE or entity anywhere."""

from __future__ import annotations

import html
import re

from shiquan_score.read.safety.limits import EXCEL_COLS, EXCEL_ROWS, Limits, Refused
from shiquan_score.read.safety.refs import col_letters, col_number, upto_re


class Irregular(Exception):
    """The sheet XML is not in the usual `<c r="A1"` shape: rescan it exactly, tag by tag."""


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


class PartScan:
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
            raise Irregular  # a prefixed <x:c> is still a cell to calamine
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
                raise Irregular
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
                    raise Irregular
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
