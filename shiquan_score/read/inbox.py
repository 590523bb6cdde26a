"""The inbox folder → its ledger rows, 备注 sheets and last quarter's tables, told apart by content."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.messages import msg
from shiquan_score.normalise.text import norm
from shiquan_score.output.audit import AUDIT_SHEETS
from shiquan_score.previous.table import PreviousTable, identify, read_previous
from shiquan_score.read import files as readers
from shiquan_score.read.sheets import HEADER_SCAN_ROWS, RawSheet, ledger_rows, locate_header
from shiquan_score.scheme.loader import Scheme


@dataclass
class Inbox:
    """What the inbox holds once every file is read and every sheet classified."""

    ledgers: list[RawSheet] = field(default_factory=list)
    notes: list[RawSheet] = field(default_factory=list)
    hidden: list[tuple[RawSheet, tuple[int, dict[str, int]]]] = field(default_factory=list)
    previous: list[tuple[RawSheet, tuple[str, int, int]]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    headers: list = field(default_factory=list)


@dataclass
class Contents:
    """The inbox as the later steps need it: the raw ledger grids are no longer held."""

    rows: pd.DataFrame  # every ledger row, the headers as the clerk wrote them in .attrs
    previous: list[PreviousTable]
    notes: list[RawSheet]
    notices: list[str]
    hidden: list[pd.DataFrame] = field(default_factory=list)  # rows of hidden ledger sheets


def read_inbox(folder: Path, scheme: Scheme, notices: list[str] | None = None) -> Inbox:
    """Tell ledgers, 备注 sheets and previous tables apart by content, never by file name.

    `notices` (the run's own list) gets every line as it is found: a run that fails later
    (no ledger at all) still shows what was skipped and why.
    """
    inbox = Inbox(notices=notices if notices is not None else [])
    files, skipped = readers.scan_inbox(folder)
    inbox.notices += [msg("SKIPPED_FILE", file=p.name, why=why) for p, why in skipped]
    words = frozenset(scheme.header_aliases)
    for path in files:
        sheets, read = readers.read_file(path, words)
        inbox.notices += read
        for raw in [raw for raw in sheets if raw.hidden_sheet]:
            header = _hidden_header(raw, scheme)
            if header:
                inbox.hidden.append((raw, header))
            else:
                inbox.notices.append(msg("HIDDEN_SHEET_SKIPPED", file=path.name, sheet=raw.sheet))
        sheets = [raw for raw in sheets if not raw.hidden_sheet]
        tables = [(raw, identify(raw, scheme)) for raw in sheets]
        published = any(found for _, found in tables)
        inbox.previous += [(raw, found) for raw, found in tables if found]
        # Our own workbook carries 明细 and 问题 sheets: a 明细 has a ledger's headers, but
        # reading it would score last quarter again.
        audit_sheets = [raw.sheet for raw, f in tables if published and raw.sheet in AUDIT_SHEETS]
        if audit_sheets:
            names = "、".join(f"“{name}”" for name in audit_sheets)
            inbox.notices.append(msg("AUDIT_SHEETS_SKIPPED", file=path.name, sheets=names))
        for raw, found in tables:
            if found or raw.sheet in audit_sheets:
                continue
            if norm(raw.sheet) == norm(scheme.note_sheet):
                inbox.notes.append(raw)
                continue
            header = locate_header(raw, scheme)
            if header:
                if raw.fill_merged_down():
                    inbox.notices.append(
                        msg("MERGED_DOWN_FILLED", where=raw.where, n=len(raw.merged_down))
                    )
                inbox.ledgers.append(raw)
                inbox.headers.append(header)
            else:
                inbox.notices.append(
                    msg("NOT_A_LEDGER", where=raw.where, rows=min(len(raw.cells), HEADER_SCAN_ROWS))
                )
    if not inbox.ledgers:
        raise InputError(msg("NO_LEDGER", folder=folder))
    return inbox


def _hidden_header(raw: RawSheet, scheme: Scheme) -> tuple[int, dict[str, int]] | None:
    """A hidden sheet's ledger header, if it has one (never an error: it is not scored)."""
    try:
        return locate_header(raw, scheme)
    except InputError:
        return None


def ledger_frame(inbox: Inbox, scheme: Scheme) -> pd.DataFrame:
    """All ledger sheets as one frame of rows, with the headers as the clerk wrote them."""
    frames = [
        ledger_rows(raw, header, scheme)
        for raw, header in zip(inbox.ledgers, inbox.headers, strict=True)
    ]
    headers: dict[str, str] = {}
    for frame in frames:
        for key, text in frame.attrs.get("headers", {}).items():
            headers.setdefault(key, text)
    rows = pd.concat(frames, ignore_index=True)
    rows.attrs["headers"] = headers
    if rows.empty:
        names = "、".join(dict.fromkeys(raw.where for raw in inbox.ledgers))
        raise InputError(msg("LEDGER_EMPTY", names=names))
    return rows


def read_contents(folder: Path, scheme: Scheme, notices: list[str] | None = None) -> Contents:
    """The inbox read: its ledger rows as one frame and last quarter's tables read.

    The raw grids of the ledger sheets die when this returns: for a big ledger they are
    as large as the rows themselves, and every later step has the rows.
    """
    inbox = read_inbox(folder, scheme, notices)
    rows = ledger_frame(inbox, scheme)
    previous = [read_previous(raw, scheme, found) for raw, found in inbox.previous]
    hidden = [ledger_rows(raw, header, scheme) for raw, header in inbox.hidden]
    return Contents(rows, previous, inbox.notes, inbox.notices, hidden)
