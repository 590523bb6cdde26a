"""Putting a finished file in place without losing what was there, one run at a time.

A published workbook may already have been sent: when a new run's workbook differs, the old
one is kept beside it under a name that says so (…（2021-10-11 替换前）.xlsx); when the bytes
are the same nothing moves. Two runs into one --out folder take turns: the second waits for
the first to finish writing (a lock file in the folder), so neither sees half of the other.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import filecmp
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from string import Formatter

from shiquan_score.errors import OutputError
from shiquan_score.messages import msg, os_reason

LOCK_NAME = ".~信息采用统计正在写入.lock"
LOCK_WAIT_SECONDS = 60.0  # a million-row run writes for about 10 s
LOCK_STALE_SECONDS = 600.0  # a lock this old is left by a run that was killed


def kept_name(target: Path, today: dt.date) -> Path:
    """The first free name …（2021-10-11 替换前）.xlsx, …（2021-10-11 替换前2）.xlsx, …"""
    for n in range(1, 10_000):
        mark = msg("KEPT_MARK", date=today.isoformat(), n=n if n > 1 else "")
        candidate = target.with_name(f"{target.stem}{mark}{target.suffix}")
        if not candidate.exists():
            return candidate
    raise OutputError(msg("KEEP_NO_NAME", target=target))


def _kept_pattern() -> re.Pattern[str]:
    """KEPT_MARK at the end of a file's stem: a date and an optional number in its place."""
    pieces = []
    for literal, name, _, _ in Formatter().parse(msg("KEPT_MARK", date="{date}", n="{n}")):
        pieces.append(re.escape(literal))
        if name == "date":
            pieces.append(r"\d{4}-\d{2}-\d{2}")
        elif name == "n":
            pieces.append(r"\d*")
    return re.compile("".join(pieces) + "$")


def is_kept_name(path: Path) -> bool:
    """A name kept_name() gives: …（2021-10-11 替换前）.xlsx, …（2021-10-11 替换前2）.xlsx."""
    return _kept_pattern().search(path.stem) is not None


def replace_keeping(temp: Path, target: Path, today: dt.date | None = None) -> Path | None:
    """Move `temp` onto `target`. An earlier `target` with other bytes is renamed first and
    its new name returned; with the same bytes nothing is touched (a file Excel holds open
    is then no obstacle). Any failure leaves the earlier file where and as it was."""
    if not target.exists():
        replace(temp, target)
        return None
    if filecmp.cmp(temp, target, shallow=False):
        return None
    kept = kept_name(target, today or dt.date.today())
    try:
        os.rename(target, kept)
    except PermissionError:
        raise OutputError(msg("CLOSE_FIRST", file=target.name)) from None
    except OSError as exc:
        raise OutputError(msg("CANNOT_WRITE", target=kept, reason=os_reason(exc))) from exc
    try:
        replace(temp, target)
    except OutputError:
        os.rename(kept, target)
        raise
    return kept


def replace(temp: Path, target: Path) -> None:
    """os.replace, its failures in one line for the clerk."""
    try:
        os.replace(temp, target)
    except PermissionError:
        raise OutputError(msg("CLOSE_FIRST", file=target.name)) from None
    except OSError as exc:
        raise OutputError(msg("CANNOT_WRITE", target=target, reason=os_reason(exc))) from exc


def remove(path: Path) -> bool:
    """Delete our own stale file; False when it was already gone (another run took it)."""
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except PermissionError:
        raise OutputError(msg("CLOSE_FIRST", file=path.name)) from None
    except OSError as exc:
        raise OutputError(msg("CANNOT_WRITE", target=path, reason=os_reason(exc))) from exc
    return True


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the --out folder while this run's files go in; wait for another run's turn."""
    lock = folder / LOCK_NAME
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            handle = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            if _stale(lock):
                with contextlib.suppress(FileNotFoundError):
                    lock.unlink()
                continue
            if time.monotonic() >= deadline:
                raise OutputError(msg("OUT_BUSY", folder=folder, lock=lock.name)) from None
            time.sleep(0.05)
        except OSError as exc:
            raise OutputError(
                msg("OUT_NOT_WRITABLE", folder=folder, reason=os_reason(exc))
            ) from exc
    try:
        os.write(handle, f"{os.getpid()}\n".encode())
        os.close(handle)
        yield
    finally:
        with contextlib.suppress(OSError):
            lock.unlink()


def _stale(lock: Path) -> bool:
    try:
        return time.time() - lock.stat().st_mtime > LOCK_STALE_SECONDS
    except FileNotFoundError:
        return True
