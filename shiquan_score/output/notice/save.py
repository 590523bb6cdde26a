"""Same inputs, same bytes; written atomically; a different earlier file is kept, not replaced.

python-docx stamps each zip member with the current time and keeps the template's core
properties: both are fixed here. The notice is a draft the office edits, so an existing file
that differs from the new one is renamed (…_旧版1.docx), never overwritten.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import zipfile
from pathlib import Path

from shiquan_score.errors import OutputError
from shiquan_score.messages import msg, os_reason

CREATED = dt.datetime(2000, 1, 1, 0, 0, 0, tzinfo=dt.UTC)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def docx_bytes(document, title: str) -> bytes:
    """The document's package with fixed core properties and zip timestamps."""
    core = document.core_properties
    core.author = ""
    core.last_modified_by = ""
    core.comments = ""
    core.title = title
    core.revision = 1
    core.created = CREATED
    core.modified = CREATED
    raw = io.BytesIO()
    document.save(raw)
    return stable_zip(raw.getvalue())


def stable_zip(data: bytes) -> bytes:
    """The same members in the same order, each stamped 1980-01-01."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def kept_name(target: Path) -> Path:
    n = 1
    while (candidate := target.with_name(f"{target.stem}_旧版{n}{target.suffix}")).exists():
        n += 1
    return candidate


def write_kept(target: Path, data: bytes) -> Path | None:
    """Write `data` to `target` atomically; an earlier different file is renamed first.

    Returns the name the earlier file now has, or None (no earlier file, or the same bytes).
    """
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(msg("CANNOT_MAKE_FOLDER", folder=folder, reason=os_reason(exc))) from None
    if target.exists() and target.read_bytes() == data:
        return None
    kept = None
    handle, temp_name = tempfile.mkstemp(prefix=".~写入中-", suffix=target.suffix, dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        mask = os.umask(0)
        os.umask(mask)
        temp.chmod(0o666 & ~mask)
        if target.exists():
            kept = kept_name(target)
            _move(target, kept, target)
        _move(temp, target, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return kept


def _move(source: Path, destination: Path, target: Path) -> None:
    try:
        os.replace(source, destination)
    except PermissionError:
        raise OutputError(msg("NOTICE_CLOSE_FIRST", name=target.name)) from None
    except OSError as exc:
        raise OutputError(msg("CANNOT_WRITE", target=target, reason=os_reason(exc))) from None
