"""Streamed zip and XML checks on an OpenDocument spreadsheet (.ods) before calamine reads it.

The same zip layer as for xlsx: member count, sizes, ratios and inflated bytes are bounded,
and every XML part is scanned for entity declarations. An .ods keeps all sheets in one
content.xml; hidden sheets are told by fastexcel itself.
"""

from __future__ import annotations

from pathlib import Path

from shiquan_score.read.safety.xlsx_scan import MB, Limits, Refused, _Zip, open_zip

ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


def scan_ods(path: Path, limits: Limits | None = None) -> None:
    """Every check on an .ods; Refused(reason) when it must not be opened."""
    limits = limits or Limits()
    with open_zip(path, limits) as zf:
        infos = zf.infolist()
    if sum(i.file_size for i in infos) > limits.max_total:
        raise Refused("bomb_total", limit=limits.max_total // MB)
    for i in infos:
        ratio = i.file_size // max(i.compress_size, 1)
        if i.file_size >= limits.ratio_min_size and ratio >= limits.max_ratio:
            raise Refused("bomb_ratio", member=i.filename, ratio=ratio)
    by_name = {i.filename.lower(): i for i in infos}
    if "content.xml" not in by_name:
        raise Refused("corrupt")
    z = _Zip(path, limits)
    for info in infos:
        lower = info.filename.lower()
        z.scan(info, "xml" if lower.endswith((".xml", ".rdf")) else "binary")
