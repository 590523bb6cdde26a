"""Streamed zip and XML checks on an xlsx, made before any real parser opens it.

calamine (behind fastexcel) aborts the whole process on some hostile workbooks, so nothing here
parses the sheets: each member is inflated here, its bytes counted, and scanned with C-speed
searches. Failures are `Refused(reason, **detail)`; sniff.py words them for the clerk.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree

from shiquan_score.read.safety.limits import Limits, Refused
from shiquan_score.read.safety.sheet_xml import PartScan
from shiquan_score.read.safety.zip_stream import ZipStream, checked_members, open_zip


@dataclass
class SheetFacts:
    name: str
    visible: bool
    hidden_rows: frozenset[int] = frozenset()
    first_row: int | None = None
    merges: tuple[str, ...] = ()  # merged ranges such as "B5:B7"
    errors: tuple[tuple[int, int, str], ...] = ()  # (row, column from 1, "#N/A") error cells


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


def scan_xlsx(path: Path, limits: Limits | None = None) -> list[SheetFacts]:
    """Every check on an xlsx; the worksheets in workbook order."""
    limits = limits or Limits()
    infos = checked_members(path, limits)
    by_name = {i.filename.lower(): i for i in infos}
    if "xl/workbook.xml" not in by_name:
        raise Refused("not_workbook")
    if "xl/_rels/workbook.xml.rels" not in by_name:
        raise Refused("corrupt")
    z = ZipStream(path, limits)
    book, rels = by_name["xl/workbook.xml"], by_name["xl/_rels/workbook.xml.rels"]
    sheets = _sheet_paths(z.read(book), z.read(rels))
    if any(member not in by_name for _, _, member in sheets):
        raise Refused("corrupt")
    members = {member for _, _, member in sheets}
    scanned: dict[str, PartScan] = {}
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
