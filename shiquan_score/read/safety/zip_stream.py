"""The zip layer of an xlsx: its end record, its members inflated here, every byte counted."""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

from shiquan_score.read.safety.limits import MB, Limits, Refused
from shiquan_score.read.safety.sheet_xml import Irregular, PartScan


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


def checked_members(path: Path, limits: Limits) -> list[zipfile.ZipInfo]:
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


class ZipStream:
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
    ) -> PartScan:  # fmt: skip
        part = PartScan(kind, self.limits, cols, full)
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
        part = PartScan("xml", self.limits)
        part.feed(data)
        part.finish()
        return data

    def sheet(self, info: zipfile.ZipInfo) -> PartScan:
        """Fast pass; a second one if its column guess was too narrow; else tag by tag."""
        try:
            part = self.scan(info, "sheet")
            if (cols := part.verdict()) is not None:
                part = self.scan(info, "sheet", cols=cols, count=False)
                if part.verdict() is not None:
                    raise Irregular
            return part
        except Irregular:
            return self.scan(info, "sheet", full=True, count=False)
