"""Which tables a run makes, and which of last quarter's tables it uses.

The tool's own rules (README: 程序自己判断的事):
- Of several previous tables of one table (old quarters pile up in a folder), the latest is
  used — or, with --period, the one of the quarter before it — and the older ones are named
  as ignored. With --period and that previous table present, a table of the period itself
  (this tool's earlier output of it) is ignored too, with a line; without it, refused.
- A table is made when the ledger has rows for its units this quarter, or when the inbox
  holds a previous table for it (the office publishes it). A table with neither is left out,
  with one line saying so. `--tables` names the tables instead.
- Rows of units whose table is not made are 未计分, each with the reason.
"""

from __future__ import annotations

import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.messages import kind, listing, msg
from shiquan_score.normalise.ledger import (
    ERROR,
    INFO,
    NOT_SCORED,
    PROBLEM,
    PROBLEM_COLUMNS,
    SCORED,
    Ledger,
)
from shiquan_score.normalise.text import norm
from shiquan_score.period import Period
from shiquan_score.previous.table import PreviousTable
from shiquan_score.scheme.loader import Scheme
from shiquan_score.scheme.vocabulary import Vocabulary


def parse_tables(text: str, scheme: Scheme) -> list[str]:
    """`--tables 部门` / `附件2` / `镇,部门` → table keys in scheme order."""
    names = {}
    for key, spec in scheme.tables.items():
        for name in (key, spec.attachment, spec.sheet):
            names[norm(name)] = key
    wanted = [w for w in text.replace("，", ",").replace("、", ",").split(",") if w.strip()]
    unknown = [w.strip() for w in wanted if norm(w) not in names]
    if unknown or not wanted:
        valid = listing(
            msg("TABLE_NAMED", table=k, attachment=s.attachment) for k, s in scheme.tables.items()
        )
        shown = listing(unknown) or msg("TABLES_EMPTY")
        raise InputError(msg("TABLES_UNKNOWN", text=text, unknown=shown, valid=valid))
    keys = {names[norm(w)] for w in wanted}
    return [k for k in scheme.tables if k in keys]


def pick_previous(
    previous: list[PreviousTable], requested: Period | None, span: int = 3
) -> tuple[list[PreviousTable], list[str]]:
    """Per table, the latest previous table (with --period: the quarter before it); the older
    ones named as ignored. Two of the same quarter are both kept (totals refuses them)."""
    kept, notices = [], []
    for key in dict.fromkeys(p.table for p in previous):
        mine = [p for p in previous if p.table == key]
        dated = [p for p in mine if p.quarter]
        kept += [p for p in mine if not p.quarter]
        if not dated:
            continue
        periods = {Period(p.year, p.quarter, span) for p in dated}
        wanted = requested.previous() if requested else None
        use = wanted if wanted in periods else max(periods)
        for p in dated:
            got = Period(p.year, p.quarter, span)
            if got < use:
                notices.append(
                    msg("PREV_IGNORED_OLDER", where=p.where, got=got.label, use=use.label)
                )
            elif use == wanted and got == requested:  # e.g. our own earlier output of it
                notices.append(
                    msg("PREV_IGNORED_THIS_PERIOD", where=p.where, period=got.label, use=use.label)
                )
            else:
                kept.append(p)
    return kept, notices


def choose_tables(
    scheme: Scheme,
    requested: list[str] | None,
    period: Period,
    previous: list[PreviousTable],
    ledger: Ledger,
    units: pd.Series | None = None,
) -> tuple[list[str], list[str]]:
    """The tables this run makes, and a line for each left out. `units` are the ledger's
    单位 cells as written (aligned with ledger.rows): a table whose rows all have problems
    is said to have them, not to have no records."""
    if requested:
        return requested, [msg("TABLES_REQUESTED", names=listing(_names(scheme, requested)))]
    table_of = dict(zip(scheme.units["unit"], scheme.units["table"], strict=True))
    with_rows = {table_of[u] for u in ledger.events["unit_name"].unique()}
    with_previous = {p.table for p in previous}
    keys = [k for k in scheme.tables if k in with_rows or k in with_previous]
    if not keys and (ledger.problems["level"] == ERROR).any():
        # Nothing scorable for want of mended rows: no table is written this run (only the
        # 问题 list), and which tables to make is known once the rows are mended.
        problem = int((ledger.rows["status"] == PROBLEM).sum())
        read = len(ledger.rows)
        if problem == read:
            return [], [msg("NO_ROW_SCORABLE_ALL", read=read)]
        return [], [msg("NO_ROW_SCORABLE", read=read, problem=problem)]
    if not keys:  # nothing scored and no table: still one table per scheme, all zero
        return list(scheme.tables), []
    left = [k for k in scheme.tables if k not in keys]
    broken = _problem_rows_per_table(ledger, units, scheme) if left else {}
    notices = []
    for key, spec in scheme.tables.items():
        if key in keys:
            continue
        if broken.get(key):
            notices.append(
                msg("TABLE_ROWS_PROBLEMS", attachment=spec.attachment, table=key, n=broken[key])
            )
        else:
            notices.append(msg("TABLE_NOT_MADE", attachment=spec.attachment, table=key))
    return keys, notices


def _problem_rows_per_table(
    ledger: Ledger, units: pd.Series | None, scheme: Scheme
) -> dict[str, int]:
    """Table → how many rows with a problem name one of its units (few rows: looked up one
    distinct 单位 text at a time)."""
    if units is None:
        return {}
    at = (ledger.rows["status"] == PROBLEM).to_numpy()
    texts = units.to_numpy()[at]
    if not len(texts):
        return {}
    vocab = Vocabulary(scheme)
    counts: dict[str, int] = {}
    for text, n in pd.Series(texts, dtype=object).fillna("").astype(str).value_counts().items():
        found, _, _ = vocab.units_of(text)
        for table in dict.fromkeys(vocab.table_of[u] for u in found):
            counts[table] = counts.get(table, 0) + int(n)
    return counts


def _names(scheme: Scheme, keys: list[str]) -> list[str]:
    return [msg("ATTACHMENT_NAMED", attachment=scheme.tables[k].attachment, table=k) for k in keys]


def leave_out(ledger: Ledger, keys: list[str], scheme: Scheme) -> tuple[Ledger, list[str]]:
    """Events of units whose table is not made are taken out; a row left with none is 未计分,
    one 问题 line per row, and one line on screen per table left out saying how many."""
    if set(scheme.tables) <= set(keys):  # every table made: nothing to take out
        return ledger, []
    table_of = dict(zip(scheme.units["unit"], scheme.units["table"], strict=True))
    events = ledger.events
    outside = events["unit_name"].map(table_of).isin(set(scheme.tables) - set(keys))
    if not outside.any():
        return ledger, []
    made = listing(_names(scheme, keys))
    gone = events[outside]
    still = events[~outside].groupby(["where", "row"], observed=True).size()
    records, rows = [], ledger.rows.copy()
    whole_rows: dict[str, int] = {}
    part_rows: dict[str, int] = {}
    for (where, row), group in gone.groupby(["where", "row"], observed=True, sort=False):
        units = listing(dict.fromkeys(group["unit_name"]))
        tables = listing(_names(scheme, list(dict.fromkeys(group["unit_name"].map(table_of)))))
        whole = (where, row) not in still.index
        tally = whole_rows if whole else part_rows
        tally[tables] = tally.get(tables, 0) + 1
        text = msg("LEFT_OUT" if whole else "LEFT_OUT_PART", units=units, tables=tables, made=made)
        records.append(
            (
                where,
                row,
                msg("PROBLEM_COLUMN_UNIT"),
                units,
                NOT_SCORED if whole else INFO,
                "OUTSIDE_TABLES",
                text,
            )
        )
        if whole:
            at = (rows["where"] == where) & (rows["row"] == row) & (rows["status"] == SCORED)
            rows.loc[at, "status"] = PROBLEM
            rows.loc[at, "reason"] = text
            rows.loc[at, "code"] = "OUTSIDE_TABLES"
    problems = pd.concat(
        [ledger.problems, pd.DataFrame(records, columns=PROBLEM_COLUMNS)], ignore_index=True
    ).sort_values(["where", "row"], kind="stable", ignore_index=True)
    label = kind("OUTSIDE_TABLES")
    notices = [
        msg("LEFT_OUT_ROWS", tables=tables, n=n, made=made, kind=label)
        for tables, n in whole_rows.items()
    ] + [
        msg("LEFT_OUT_PART_ROWS", tables=tables, n=n, made=made, kind=label)
        for tables, n in part_rows.items()
    ]
    return Ledger(rows, events[~outside].reset_index(drop=True), problems, ledger.history), notices
