"""The inbox folder → its ledger rows, 备注 sheets and last quarter's tables, told apart by content."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.messages import msg
from shiquan_score.normalise.text import norm
from shiquan_score.output import mark as M
from shiquan_score.output.audit import AUDIT_SHEETS
from shiquan_score.output.replace import is_kept_name
from shiquan_score.period import Period, parse_any
from shiquan_score.previous.table import PreviousTable, read_previous
from shiquan_score.previous.title import identify
from shiquan_score.read import files as readers
from shiquan_score.read.own import own_csv, read_mark
from shiquan_score.read.sheets import HEADER_SCAN_ROWS, RawSheet, ledger_rows, locate_header
from shiquan_score.scheme.loader import Scheme
from shiquan_score.score.record import read_record


@dataclass
class Inbox:
    """What the inbox holds once every file is read and every sheet classified."""

    ledgers: list[RawSheet] = field(default_factory=list)
    notes: list[RawSheet] = field(default_factory=list)
    hidden: list[tuple[RawSheet, tuple[int, dict[str, int]]]] = field(default_factory=list)
    previous: list[tuple[RawSheet, tuple[str, int, int]]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    headers: list = field(default_factory=list)
    # Our own workbooks by their mark: id(raw) of a table sheet → (period, the file's record)
    own: dict[int, tuple[Period, pd.DataFrame | None]] = field(default_factory=dict)
    kept: list[tuple[str, Period]] = field(default_factory=list)  # our 替换前 copies, skipped


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
    refused = []
    for path in files:
        try:
            _read_one(inbox, path, scheme, words)
        except InputError as exc:  # every file that cannot be used is named, not the first only
            refused.append(str(exc))
    if len(refused) == 1:
        raise InputError(refused[0])
    if refused:
        lines = "".join(msg("FILES_REFUSED_LINE", n=i, why=why) for i, why in enumerate(refused, 1))
        raise InputError(msg("FILES_REFUSED", n=len(refused), lines=lines))
    if not inbox.ledgers:
        raise InputError(msg("NO_LEDGER", folder=folder))
    return inbox


def _read_one(inbox: Inbox, path: Path, scheme: Scheme, words: frozenset[str]) -> None:
    """One file of the inbox: its sheets sorted into ledgers, 备注, previous tables, skipped."""
    mark = read_mark(path) if path.suffix.lower() in (".xlsx", ".xlsm") else None
    if mark is not None and mark.kind != M.TABLES:
        inbox.notices.append(msg("OWN_PROBLEM_LIST", file=path.name))
        return
    if mark is not None and is_kept_name(path):  # ours, kept when a re-run replaced it
        inbox.notices.append(msg("KEPT_COPY_SKIPPED", file=path.name))
        period = _mark_period(path, mark)
        if period.span == scheme.span:  # a copy of another kind stands in for no table
            inbox.kept.append((path.name, period))
        return
    sheets, read = readers.read_file(path, words)
    inbox.notices += read
    if mark is not None:
        _own_workbook(inbox, path, sheets, mark, scheme)
        return
    side = own_csv(sheets[0], scheme) if len(sheets) == 1 and not sheets[0].sheet else None
    if side:
        inbox.notices.append(msg("OWN_SIDE_CSV", file=path.name, sheet=side))
        return
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
        # A 明细 or 问题 sheet of ours in a file without our mark (a copy the clerk saved,
        # which loses it) would be read as a ledger, or said to have no ledger header.
        own = None if published else own_csv(raw, scheme)
        if own:
            inbox.notices.append(msg("OWN_AUDIT_SHEET", where=raw.where, sheet=own))
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


def _hidden_header(raw: RawSheet, scheme: Scheme) -> tuple[int, dict[str, int]] | None:
    """A hidden sheet's ledger header, if it has one (never an error: it is not scored)."""
    try:
        return locate_header(raw, scheme)
    except InputError:
        return None


def _mark_period(path: Path, mark) -> Period:
    """The period our mark records; a mark edited out of shape is said with its file (not
    as a --period the clerk never typed)."""
    try:
        return parse_any(mark.period)
    except InputError:
        raise InputError(msg("OWN_MARK_PERIOD", file=path.name, value=mark.period)) from None


def _own_workbook(inbox: Inbox, path: Path, sheets: list[RawSheet], mark, scheme: Scheme) -> None:
    """A workbook this tool wrote, by its mark: its tables are previous tables whatever
    their wording, its 调研加分 sheet the year's record; nothing in it is ever a ledger."""
    period = _mark_period(path, mark)  # 2021Q2, 2021H1, 2021M05: the kind is in the code
    if period.span != scheme.span:  # a quarter's totals are no month's 上期, nor the reverse
        ours = {"file": path.name, "code": period.code, "kind": period.noun}
        kind = Period(period.year, 1, scheme.span).noun
        inbox.notices.append(msg("OWN_OTHER_KIND", **ours, scheme_kind=kind))
        return
    by_name = {raw.sheet: raw for raw in sheets}
    record_sheet = mark.sheet_of(M.RECORD)
    record = read_record(by_name[record_sheet], period.year) if record_sheet in by_name else None
    skipped = []
    for raw in sheets:
        role = mark.sheets.get(raw.sheet)
        if role in scheme.tables:
            inbox.previous.append((raw, (role, period.year, -1)))  # -1: no title row needed
            inbox.own[id(raw)] = (period, record)
        else:
            skipped.append(f"“{raw.sheet}”")
    if skipped:
        inbox.notices.append(msg("OWN_SHEETS_SKIPPED", file=path.name, sheets="、".join(skipped)))


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
    previous = []
    for raw, found in inbox.previous:
        table = read_previous(raw, scheme, found)
        if id(raw) in inbox.own:  # our own: the mark says which period, whatever the header
            period, table.record = inbox.own[id(raw)]
            table.year, table.quarter = period.year, period.quarter
        previous.append(table)
    _refuse_kept_only(inbox.kept, previous)
    hidden = [ledger_rows(raw, header, scheme) for raw, header in inbox.hidden]
    return Contents(rows, previous, inbox.notes, inbox.notices, hidden)


def _refuse_kept_only(kept: list[tuple[str, Period]], previous: list[PreviousTable]) -> None:
    """A period whose only tables are our 替换前 copies: never fall back on a superseded table
    (nor quietly run as if there were none): ask for the current one."""
    current = {(t.year, t.quarter) for t in previous}
    for period in dict.fromkeys(p for _, p in kept):
        if (period.year, period.quarter) not in current:
            files = "、".join(name for name, p in kept if p == period)
            raise InputError(msg("KEPT_COPIES_ONLY", period=period.label, files=files))
