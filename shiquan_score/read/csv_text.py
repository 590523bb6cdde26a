"""CSV and Excel's "Unicode text" (.txt) → one raw sheet of text.

The header row is found first, then the delimiter from the rows around it: a title line above
the header (石泉县2021年一季度信息采用台账) says nothing about the columns. `,` `;` and tab are
accepted, and so is the `sep=;` line Excel writes. Records are numbered as Excel shows them
(the sep line hidden), so a problem's row is the row the clerk sees when she opens the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from pathlib import Path

import numpy as np
import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.messages import msg
from shiquan_score.normalise.text import norm
from shiquan_score.read.safety.sniff import plain
from shiquan_score.read.sheets import RawSheet

DELIMITERS = (",", "\t", ";")
_NAMES = {",": "DELIM_COMMA", "\t": "DELIM_TAB", ";": "DELIM_SEMICOLON"}
SCAN_RECORDS = 200  # the header is looked for in this many records
_SEP_LINE = re.compile(r"\A\ufeff?[\"']?sep=(.)[\"']?[ \t]*(?:\r\n|\r|\n)", re.IGNORECASE)
# A file that decodes as UTF-8 but for at most this many bytes is UTF-8 with stray bytes
# (a cut-and-paste from another program), not GBK: GBK text fails UTF-8 on almost every
# character.
STRAY_BYTES_MAX = 3
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def read_csv(
    path: Path, header_words: frozenset[str] = frozenset()
) -> tuple[list[RawSheet], list[str]]:
    """The file's records as one sheet, plus a notice of the encoding and delimiter read."""
    text, encoding = decode(path.read_bytes(), path.name)
    match = _SEP_LINE.match(text)
    if match and match.group(1) in DELIMITERS:
        delimiter, code = match.group(1), "CSV_READ_SEP_LINE"
        text = text[match.end() :]
    else:
        delimiter, code = choose_delimiter(text, header_words), "CSV_READ"
    records = _records(text, delimiter, path.name)
    width = max((len(r) for r in records), default=0)
    frame = pd.DataFrame([r + [None] * (width - len(r)) for r in records], dtype=object)
    frame = _blank_to_na(frame)
    sheet = RawSheet(
        source=path.name,
        sheet="",
        cells=frame,
        rows=np.arange(1, len(frame) + 1),
        ragged=msg(_NAMES[delimiter]),
    )
    notice = msg(code, file=path.name, encoding=encoding, delimiter=msg(_NAMES[delimiter]))
    return [sheet], [notice]


def _blank_to_na(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.astype(object)
    return (
        frame.where(frame.notna() & frame.map(lambda v: bool(str(v).strip())), None)
        if len(frame) < 5000
        else frame.replace(r"^\s*$", None, regex=True)
    )


def choose_delimiter(text: str, header_words: frozenset[str]) -> str:
    """The delimiter under which some early record names the most known headers; without
    one, the delimiter that splits the most early records into several columns."""
    best, best_score = DELIMITERS[0], (-1, -1)
    for delimiter in DELIMITERS:
        head = _head(text, delimiter)
        named = max(
            (sum(norm(cell) in header_words for cell in record) for record in head), default=0
        )
        split = sum(len([c for c in record if c.strip()]) > 1 for record in head)
        score = (named if named >= 2 else 0, split)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _head(text: str, delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return list(itertools.islice(reader, SCAN_RECORDS))
    except csv.Error:
        return []


def _records(text: str, delimiter: str, name: str) -> list[list[str]]:
    """The records; an unpaired quote, which would swallow the rest of the file into one
    cell, is refused naming the row it starts in (as Excel numbers the records)."""
    for strict in (True, False):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
        records: list[list[str]] = []
        try:
            for record in reader:
                records.append(record)
            return records
        except csv.Error as exc:
            # Strict reading fails on a quote inside a cell too ("甲"乙): that is read leniently,
            # as before; only the end of the file inside a quoted cell, or a cell swallowing
            # more than the csv module's field limit, is an unpaired quote.
            if strict and "unexpected end of data" not in str(exc):
                continue
            raise InputError(
                msg("CSV_UNPAIRED_QUOTE", file=plain(name), line=len(records) + 1)
            ) from None
    raise AssertionError("unreachable: the lenient pass returns or raises")


def decode(data: bytes, name: str) -> tuple[str, str]:
    """UTF-16 with a BOM (Excel's "Unicode 文本"), UTF-8 with or without BOM, else GB18030
    (a superset of GBK). UTF-8 spoilt by a stray byte or two is named, never guessed."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), msg("ENCODING_UTF16")
        except UnicodeDecodeError:
            raise InputError(msg("FILE_ENCODING", name=plain(name))) from None
    if b"\x00" in data:  # NULs: a binary file, never a CSV from Excel/WPS
        raise InputError(msg("FILE_ENCODING", name=plain(name)))
    if data.startswith(codecs.BOM_UTF8):
        body, label = data[3:], msg("ENCODING_UTF8_BOM")
    else:
        body, label = data, "UTF-8"
    try:
        return body.decode("utf-8"), label
    except UnicodeDecodeError:
        pass
    stray = _stray_bytes(body)
    if stray is not None:
        where = "、".join(dict.fromkeys(msg("ROW_HERE", row=line) for line, _ in stray))
        values = "、".join(f"0x{value:02X}" for _, value in stray)
        raise InputError(msg("CSV_STRAY_BYTES", file=plain(name), lines=where, values=values))
    if data.startswith(codecs.BOM_UTF8):
        raise InputError(msg("FILE_ENCODING", name=plain(name)))
    try:
        return data.decode("gb18030"), "GB18030"
    except UnicodeDecodeError:
        raise InputError(msg("FILE_ENCODING", name=plain(name))) from None


def _stray_bytes(data: bytes) -> list[tuple[int, int]] | None:
    """(line, byte) of each byte that is not UTF-8, when there are only a few of them in
    text that is otherwise UTF-8 with non-ASCII characters; None when it is another encoding."""
    stray, pos = [], 0
    while pos < len(data):
        try:
            data[pos:].decode("utf-8")
            break
        except UnicodeDecodeError as exc:
            at = pos + exc.start
            stray.append((len(_LINE_BREAK.findall(data, 0, at)) + 1, data[at]))
            if len(stray) > STRAY_BYTES_MAX:
                return None
            pos = at + max(exc.end - exc.start, 1)
    text = data.decode("utf-8", "ignore")
    wide = len(text) - len(text.encode("ascii", "ignore"))  # real UTF-8 non-ASCII characters
    return stray if wide >= 10 * len(stray) else None
