"""Legacy .xls (BIFF8 inside an OLE2 compound file), read just far enough to refuse a hostile
or encrypted file and to learn the sheets, their visibility and hidden rows, before calamine
ever sees it. Raises limits.Refused; sniff.py turns that into the clerk's message."""

from __future__ import annotations

import codecs
import mmap
import struct
import sys
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path

from shiquan_score.read.safety.limits import Refused
from shiquan_score.read.safety.refs import col_letters

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_END_OF_CHAIN = 0xFFFFFFFE
_CELLS = {0x0006, 0x00BD, 0x00D6, 0x00FD, 0x0203, 0x0204, 0x0205, 0x027E}  # cells with values


class Cfb:
    """Enough of the OLE2 compound file to read one stream, every count and size checked
    against the file (calamine reserves memory from them before reading, and can abort)."""

    def __init__(self, data: mmap.mmap) -> None:
        self.data, size = data, len(data)
        if size < 512 or data[:8] != OLE_MAGIC:
            raise Refused("corrupt")
        major, _, shift, mini_shift = struct.unpack_from("<4H", data, 26)
        if (major, shift) not in ((3, 9), (4, 12)) or mini_shift != 6:
            raise Refused("corrupt")
        self.ss = 1 << shift
        self.n = (size - 1) // self.ss  # sectors after the header; the last may be short
        fields = struct.unpack_from("<9I", data, 40)
        _, n_fat, dir_start, _, self.cutoff, minifat_start, n_minifat, sid, n_difat = fields
        if max(n_fat, n_minifat, n_difat) > self.n or self.cutoff != 4096:
            raise Refused("corrupt")
        fat_ids = list(struct.unpack_from("<109I", data, 76))
        for _ in range(n_difat):
            ids = struct.unpack_from(f"<{self.ss // 4}I", self._sector(sid))
            fat_ids, sid = fat_ids + list(ids[:-1]), ids[-1]
        self.fat = self._table(b"".join(self._sector(i) for i in fat_ids[:n_fat]))
        directory = self._chain(dir_start, self.fat, self._sector, self.ss)
        self.entries: dict[str, tuple[int, int]] = {}
        for at in range(0, len(directory) - 127, 128):
            name_len, kind = struct.unpack_from("<HB", directory, at + 64)
            start, length = struct.unpack_from("<IQ", directory, at + 116)
            if major == 3:  # version 3 files may leave garbage in the high half
                length &= 0xFFFFFFFF
            if kind in (1, 2, 5) and 2 <= name_len <= 64:
                if length > size:
                    raise Refused("corrupt")
                name = directory[at : at + name_len - 2].decode("utf-16-le", "replace")
                self.entries.setdefault("\0root" if kind == 5 else name.lower(), (start, length))
        self.minifat = minifat_start, n_minifat

    def _sector(self, sid: int) -> bytes:
        if sid >= self.n:
            raise Refused("corrupt")
        return self.data[(sid + 1) * self.ss : (sid + 2) * self.ss].ljust(self.ss, b"\0")

    @staticmethod
    def _table(raw: bytes) -> array[int]:
        table = array("I", raw)
        if sys.byteorder == "big":
            table.byteswap()
        return table

    def _chain(
        self, sid: int, fat: array[int], read: Callable[[int], bytes], unit: int,
        want: int | None = None,
    ) -> bytes:  # fmt: skip
        """Follow a sector chain; a loop or a dangling link is corruption."""
        parts: list[bytes] = []
        while sid != _END_OF_CHAIN and (want is None or len(parts) * unit < want):
            if sid >= len(fat) or len(parts) > len(fat):
                raise Refused("corrupt")
            parts.append(read(sid))
            sid = fat[sid]
        return b"".join(parts)

    def read(self, name: str, limit: int | None = None) -> bytes:
        if name not in self.entries or "\0root" not in self.entries:
            raise Refused("corrupt")
        start, length = self.entries[name]
        want = length if limit is None else min(length, limit)
        if length >= self.cutoff:
            data = self._chain(start, self.fat, self._sector, self.ss, want)
        else:  # small streams live in 64-byte sectors inside the root entry's stream
            root_start, root_len = self.entries["\0root"]
            mini = self._chain(root_start, self.fat, self._sector, self.ss, root_len)
            minifat = self._table(self._chain(self.minifat[0], self.fat, self._sector, self.ss))
            data = self._chain(start, minifat, lambda i: mini[i * 64 : i * 64 + 64], 64, want)
        if len(data) < want:
            raise Refused("corrupt")
        return data[:want]


def _records(stream: bytes, pos: int = 0) -> Iterator[tuple[int, int, int]]:
    """(type, data offset, length) of each BIFF record up to and including EOF."""
    while pos + 4 <= len(stream):
        typ, length = struct.unpack_from("<HH", stream, pos)
        yield typ, pos + 4, length
        if typ == 0x000A:
            return
        pos += 4 + length


def workbook_stream(cfb: Cfb) -> str | None:
    return next((n for n in ("workbook", "book") if n in cfb.entries), None)


def sniff_ole(path: Path) -> str:
    try:
        with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
            cfb = Cfb(data)
            if {"encryptedpackage", "encryptioninfo"} & cfb.entries.keys():
                raise Refused("password")
            book = workbook_stream(cfb)
            if book is None:
                raise Refused("not_excel")
            if any(typ == 0x002F for typ, _, _ in _records(cfb.read(book, limit=4096))):
                raise Refused("password")  # FILEPASS: the workbook is encrypted
    except Refused as e:
        e.detail.setdefault("kind", "xls")
        raise
    return "xls"


def biff_sheets(
    stream: bytes,
) -> list[tuple[str, bool, frozenset[int], int | None, tuple[str, ...]]]:
    records = _records(stream)
    first = next(records, None)
    if first is None or first[0] != 0x0809 or first[2] < 4:
        raise Refused("corrupt")
    biff8 = struct.unpack_from("<H", stream, first[1])[0] == 0x0600
    codepage, found = "cp936", []
    for typ, at, length in records:
        if typ == 0x002F:
            raise Refused("password")
        if typ == 0x0042 and length >= 2:
            number = struct.unpack_from("<H", stream, at)[0]
            codepage = "utf-16-le" if number == 1200 else f"cp{number}"
        elif typ == 0x00FC and length >= 8:
            if struct.unpack_from("<I", stream, at + 4)[0] > len(stream) // 3:
                raise Refused("structure", what="sst")  # calamine reserves this many strings
        elif typ == 0x0085 and length >= 8:
            offset, state, kind, count = struct.unpack_from("<IBBB", stream, at)
            if biff8:
                wide = stream[at + 7] & 1
                raw = stream[at + 8 : at + 8 + count * (1 + wide)]
                name = raw.decode("utf-16-le" if wide else "latin-1", "replace")
            else:
                name = stream[at + 7 : at + 7 + count].decode(_codec(codepage), "replace")
            if kind == 0:
                found.append((name, state & 3 == 0, offset))
    return [(name, seen, *_biff_sheet(stream, offset, name)) for name, seen, offset in found]


def _codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "cp936"


def _biff_sheet(
    stream: bytes, offset: int, name: str
) -> tuple[frozenset[int], int | None, tuple[str, ...]]:
    """Hidden rows, the first row holding a cell, and the merged ranges ("B5:B7")."""
    if offset + 4 > len(stream) or struct.unpack_from("<H", stream, offset)[0] != 0x0809:
        raise Refused("corrupt")
    hidden: set[int] = set()
    first_row: int | None = None
    merges: list[str] = []
    for typ, at, length in _records(stream, offset):
        if at + length > len(stream):
            raise Refused("corrupt")
        if typ == 0x0200 and length in (10, 14):
            _, rows, _, cols = struct.unpack_from("<IIHH" if length == 14 else "<4H", stream, at)
            if rows > 65_536 or cols > 256:
                raise Refused("extent_declared", sheet=name, ref=f"A1:{col_letters(cols)}{rows}")
        elif typ == 0x0208 and length >= 16 and stream[at + 12] & 0x20:
            hidden.add(struct.unpack_from("<H", stream, at)[0] + 1)
        elif typ in _CELLS and length >= 6:
            row, col = struct.unpack_from("<HH", stream, at)
            last = struct.unpack_from("<H", stream, at + length - 2)[0] if typ == 0x00BD else col
            if last > 255 or last < col:  # BIFF8 has 256 columns; calamine trusts the number
                raise Refused("extent_cells", sheet=name, ref=f"{col_letters(last + 1)}{row + 1}")
            first_row = row + 1 if first_row is None else min(first_row, row + 1)
        elif typ == 0x00E5 and length >= 2:  # MERGEDCELLS: a count, then 8 bytes per range
            (count,) = struct.unpack_from("<H", stream, at)
            for i in range(min(count, (length - 2) // 8)):
                r1, r2, c1, c2 = struct.unpack_from("<4H", stream, at + 2 + 8 * i)
                if r2 >= r1 and c2 >= c1 and c2 <= 255:
                    merges.append(f"{col_letters(c1 + 1)}{r1 + 1}:{col_letters(c2 + 1)}{r2 + 1}")
    return frozenset(hidden), first_row, tuple(merges)
