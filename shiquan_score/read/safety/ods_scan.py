"""Streamed zip and XML checks on an OpenDocument spreadsheet (.ods) before calamine reads it.

The same zip layer as for xlsx: member count, sizes, ratios and inflated bytes are bounded,
and every XML part is scanned for entity declarations. An .ods keeps all sheets in one
content.xml; hidden sheets are told by fastexcel itself.
"""

from __future__ import annotations

from pathlib import Path

from shiquan_score.read.safety.limits import Limits, Refused
from shiquan_score.read.safety.zip_stream import ZipStream, checked_members

ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


def scan_ods(path: Path, limits: Limits | None = None) -> None:
    """Every check on an .ods; Refused(reason) when it must not be opened."""
    limits = limits or Limits()
    infos = checked_members(path, limits)
    by_name = {i.filename.lower(): i for i in infos}
    if "content.xml" not in by_name:
        raise Refused("corrupt")
    z = ZipStream(path, limits)
    for info in infos:
        lower = info.filename.lower()
        z.scan(info, "xml" if lower.endswith((".xml", ".rdf")) else "binary")
