"""--check-against: compare the computed tables with a hand-made one, cell by cell.

Every unit, every count, score and rank of each table the hand-made file holds. A difference
becomes one row of the 核对 sheet with its likely cause (check_cells.py); the computed table is
not changed. What the hand-made file lacks (a table, a column) is said in the summary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.messages import listing, msg
from shiquan_score.normalise.text import fmt_number
from shiquan_score.output.audit import CHECK as SHEET
from shiquan_score.output.layout import visible_columns
from shiquan_score.output.workbook import FrameSheet
from shiquan_score.period import Period
from shiquan_score.previous.headers import label
from shiquan_score.previous.official import OfficialTable, read_official
from shiquan_score.previous.title import identify
from shiquan_score.read import files as readers
from shiquan_score.scheme.loader import Scheme
from shiquan_score.scheme.table_specs import TableSpec
from shiquan_score.scheme.vocabulary import Vocabulary
from shiquan_score.tools.check_cells import COLUMNS, HEADERS, TableDiff

WIDTHS = {"table": 60, "row": 50, "unit": 140, "column": 200, "theirs": 90, "ours": 90}
WIDTHS |= {"cause": 160, "detail": 520}
SHOWN = 10


@dataclass
class CheckResult:
    source: Path
    differences: pd.DataFrame  # check_cells.COLUMNS
    lines: list[str] = field(default_factory=list)  # heading, then one line per table or lack

    def sheet(self) -> FrameSheet:
        headers = {key: msg(code) for key, code in HEADERS.items()}
        widths = {headers[key]: width for key, width in WIDTHS.items()}
        return FrameSheet(self.differences.rename(columns=headers), widths, tuple(self.lines))


def require_check_file(path: Path, inbox: Path) -> None:
    """The hand-made table exists and lies outside the inbox (there it would be 上期)."""
    if not path.is_file():
        raise InputError(msg("CHECK_MISSING", path=path))
    if path.resolve().parent == inbox.resolve():
        raise InputError(msg("CHECK_IN_INBOX", file=path.name))


def read_check_file(path: Path, scheme: Scheme) -> list[OfficialTable]:
    """Every official table in the file; InputError when there is none."""
    sheets, _ = readers.read_file(path)
    visible = [raw for raw in sheets if not raw.hidden_sheet]
    found = [(raw, hit) for raw in visible if (hit := identify(raw, scheme))]
    if not found:
        titles = listing(
            f"“{t.title.format(county=scheme.county, year='××××')}”" for t in scheme.tables.values()
        )
        raise InputError(msg("CHECK_NO_TABLE", file=path.name, titles=titles))
    return [read_official(raw, scheme, hit) for raw, hit in found]


def check_against(
    path: Path, scheme: Scheme, period: Period, tables: dict[str, pd.DataFrame]
) -> CheckResult:
    """Read the hand-made file and compare each of its tables with ours."""
    lines, frames = [], []
    seen: dict[str, OfficialTable] = {}
    for theirs in read_check_file(path, scheme):
        spec = scheme.tables[theirs.table]
        if theirs.table in seen:
            raise InputError(
                msg(
                    "CHECK_TWO_TABLES",
                    file=path.name,
                    attachment=spec.attachment,
                    first=seen[theirs.table].where,
                    second=theirs.where,
                )
            )
        seen[theirs.table] = theirs
        _check_period(theirs, period)
        diff, lacks = compare(theirs, spec, scheme, period, tables[theirs.table])
        frames.append(diff)
        verdict = msg("CHECK_DIFFERS", n=len(diff)) if len(diff) else msg("CHECK_AGREES")
        count = len(tables[theirs.table])
        lines.append(
            msg("CHECK_TABLE", attachment=spec.attachment, key=spec.key, n=count, verdict=verdict)
        )
        lines += lacks
    for key, spec in scheme.tables.items():
        if key not in seen:
            lines.append(msg("CHECK_TABLE_ABSENT", attachment=spec.attachment, key=key))
    differences = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)
    head = msg("CHECK_HEAD", file=path.name)
    return CheckResult(path, differences, [head, *lines])


def _check_period(theirs: OfficialTable, period: Period) -> None:
    got = period.sibling(theirs.year, theirs.quarter) if theirs.quarter else None
    if theirs.year != period.year or (got and got != period):
        shown = got.label if got else msg("CHECK_YEAR", year=theirs.year)
        raise InputError(
            msg("CHECK_OTHER_PERIOD", where=theirs.where, shown=shown, period=period.label)
        )


def compare(
    theirs: OfficialTable, spec: TableSpec, scheme: Scheme, period: Period, ours: pd.DataFrame
) -> tuple[pd.DataFrame, list[str]]:
    """One table: the differences, and lines saying which columns the hand-made one lacks."""
    att = spec.attachment
    lacks = [msg("CHECK_COLUMN_UNMATCHED", attachment=att, column=c) for c in theirs.unmatched]
    shown = {j for j, _ in visible_columns(spec, ours)}
    for j, column in enumerate(spec.columns):
        # An optional column (国家级) that we do not show either is no lack.
        wanted = column.value != "count" or j in shown
        if column.value != "name" and j not in theirs.labels and wanted:
            lacks.append(msg("CHECK_COLUMN_LACKING", attachment=att, column=label(column.header)))
    diff = TableDiff(spec, scheme, period, theirs)
    vocab = Vocabulary(scheme)
    unit_column = msg("CHECK_UNIT_COLUMN")
    for row, name in theirs.unknown:
        near = listing(vocab.nearest_units(name)) or msg("CHECK_NO_NEAREST")
        diff.add(row, name, unit_column, name, "", msg("CHECK_CAUSE_UNKNOWN_UNIT"),
                 msg("CHECK_DETAIL_UNKNOWN_UNIT", name=name, near=near))  # fmt: skip
    for row, name, unit in theirs.repeated:
        first = theirs.rows.loc[unit, "row"]
        diff.add(row, name, unit_column, name, "", msg("CHECK_CAUSE_UNIT_TWICE"),
                 msg("CHECK_DETAIL_UNIT_TWICE", first=first, unit=unit))  # fmt: skip
    table_of = scheme.units.set_index("unit")["table"]
    for unit in theirs.rows.index.difference(ours.index, sort=False):
        r = theirs.rows.loc[unit]
        other = scheme.tables[table_of[unit]].attachment
        diff.add(int(r["row"]), r["name"], unit_column, r["name"], "",
                 msg("CHECK_CAUSE_WRONG_TABLE"),
                 msg("CHECK_DETAIL_WRONG_TABLE", unit=unit, other=other))  # fmt: skip
    for unit, mine in ours.iterrows():
        if unit in theirs.rows.index:
            diff.unit(mine, theirs.rows.loc[unit])
        else:
            name = scheme.display_name(unit, period.end)
            diff.add("", name, unit_column, "", name, msg("CHECK_CAUSE_UNIT_MISSING"),
                     msg("CHECK_DETAIL_UNIT_MISSING"))  # fmt: skip
    return diff.frame(), lacks


def summary(result: CheckResult) -> list[str]:
    """Lines for the screen: the verdict per table and the first differences."""
    lines = [
        msg("CHECK_SUMMARY_HEAD", file=result.source.name),
        *(msg("CHECK_SUMMARY_LINE", line=x) for x in result.lines[1:]),
    ]
    for _, d in result.differences.head(SHOWN).iterrows():
        lines.append(
            msg(
                "CHECK_SUMMARY_DIFF",
                table=d["table"],
                unit=d["unit"],
                column=d["column"],
                theirs=_show(d["theirs"]),
                ours=_show(d["ours"]),
                cause=d["cause"],
                detail=d["detail"],
            )
        )
    if len(result.differences) > SHOWN:
        lines.append(msg("CHECK_SUMMARY_MORE", n=len(result.differences) - SHOWN, sheet=SHEET))
    elif len(result.differences):
        lines.append(msg("CHECK_SUMMARY_SEE", sheet=SHEET))
    return lines


def _show(value) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return fmt_number(float(value))
    return str(value) if value not in (None, "") else msg("CHECK_EMPTY_CELL")
