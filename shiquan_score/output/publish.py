"""Where a run's files go, and the files of earlier runs that would mislead after this one."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from shiquan_score.errors import InputError, OutputError
from shiquan_score.messages import msg, os_reason
from shiquan_score.output.atomic import make_folder
from shiquan_score.output.audit import PROBLEMS
from shiquan_score.output.layout import Grid
from shiquan_score.output.replace import folder_lock, remove
from shiquan_score.output.workbook import FrameSheet, write_workbook
from shiquan_score.period import Period
from shiquan_score.scheme.loader import Scheme
from shiquan_score.scheme.style import Style


@dataclass(frozen=True)
class Targets:
    """The two files a run may write: the statistics workbook or, on errors, the 问题 list."""

    table: Path
    problems: Path


def refuse_out_in_inbox(out: Path, inbox: Path) -> None:
    """The next run would read our own outputs as a ledger or last quarter's table."""
    if out.resolve().is_relative_to(inbox.resolve()):
        raise InputError(msg("OUT_IN_INBOX", out=out))


def targets(scheme: Scheme, period: Period, out: Path) -> Targets:
    """The file names the scheme gives this county and quarter, in the --out folder."""
    name = scheme.layout["output_name"].format(
        county=scheme.county, year=period.year, months=period.months
    )
    return Targets(out / f"{name}.xlsx", out / f"{name}_问题清单.xlsx")


def publish_problems(
    targets: Targets,
    sheet: FrameSheet,
    mark: dict[str, str] | None = None,
    style: Style | None = None,
) -> tuple[Path, list[str]]:
    """Only the 问题 list; a workbook of an earlier run stays, and the clerk is warned off it."""
    make_folder(targets.problems.parent)
    with folder_lock(targets.problems.parent):
        written = write_workbook(
            targets.problems, [], {PROBLEMS: sheet}, properties=mark, style=style
        )
    notices = []
    if targets.table.exists():
        notices.append(msg("STALE_WORKBOOK", file=targets.table))
    return written, notices


def publish_tables(
    targets: Targets,
    grids: list[Grid],
    sheets: dict[str, FrameSheet],
    zero_text: str,
    decorate=None,
    mark: dict[str, str] | None = None,
    style: Style | None = None,
) -> tuple[Path, list[str]]:
    """The statistics workbook; our own 问题 list of an earlier failed run no longer applies.

    A published workbook of other content is kept under a name that says so. The old 问题
    list is moved aside before anything is written: if Excel holds it open, the run stops
    with nothing changed rather than after the table is in place.
    """
    folder = targets.table.parent
    make_folder(folder)
    notices, kept = [], []
    with folder_lock(folder):
        aside = _set_aside(targets.problems)
        try:
            written = write_workbook(
                targets.table,
                grids,
                sheets,
                zero_text=zero_text,
                decorate=decorate,
                kept=kept,
                properties=mark,
                style=style,
            )
        except BaseException:
            if aside is not None:
                os.replace(aside, targets.problems)
            raise
        if aside is not None:
            remove(aside)
            notices.append(msg("STALE_PROBLEMS_REMOVED", file=targets.problems.name))
    notices += [msg("KEPT_EARLIER", file=written.name, kept=k.name) for k in kept]
    return written, notices


def _set_aside(path: Path) -> Path | None:
    """Our earlier 问题 list renamed to a hidden name in its folder (None if there is none)."""
    if not path.exists():
        return None
    aside = path.with_name(f".~删除中-{path.name}")
    try:
        os.replace(path, aside)
    except FileNotFoundError:
        return None
    except PermissionError:
        raise OutputError(msg("CLOSE_FIRST", file=path.name)) from None
    except OSError as exc:
        raise OutputError(msg("CANNOT_WRITE", target=path, reason=os_reason(exc))) from exc
    return aside
