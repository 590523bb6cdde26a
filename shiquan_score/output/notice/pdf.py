"""The notice as PDF through LibreOffice, when it is installed; otherwise one line saying so."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from shiquan_score.messages import msg

TIMEOUT_S = 120
# Linux only: the notice's fonts aliased to installed CJK fonts (ignored where fontconfig is not)
FONTS_CONF = Path(__file__).with_name("fonts.conf")


def soffice() -> str | None:
    """The LibreOffice program, if this machine has one."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in (
        Path(os.environ.get("PROGRAMFILES", r"C:\Program Files"))
        / "LibreOffice/program/soffice.exe",
    ):
        if candidate.exists():
            return str(candidate)
    return None


def convert(docx: Path, folder: Path) -> Path | None:
    """`soffice --headless --convert-to pdf` with a private profile; the PDF, or None."""
    program = soffice()
    if program is None:
        return None
    with tempfile.TemporaryDirectory(prefix="shiquan-lo-") as profile:
        command = [
            program,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx),
        ]
        try:
            env = {**os.environ}
            if os.name != "nt" and "FONTCONFIG_FILE" not in env:
                env["FONTCONFIG_FILE"] = str(FONTS_CONF)
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False, env=env)
        except (OSError, subprocess.TimeoutExpired):
            return None
    made = folder / f"{docx.stem}.pdf"
    return made if made.exists() else None


def to_pdf(docx: Path, kept_docx: Path | None) -> tuple[Path | None, str | None]:
    """The PDF beside the .docx; an earlier PDF follows an earlier draft that was kept."""
    if soffice() is None:
        return None, msg("NOTICE_NO_SOFFICE")
    target = docx.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="shiquan-pdf-", dir=docx.parent) as work:
        made = convert(docx, Path(work))
        if made is None:
            return None, msg("NOTICE_PDF_FAILED", name=docx.name)
        if kept_docx is not None and target.exists():
            os.replace(target, kept_docx.with_suffix(".pdf"))
        os.replace(made, target)
    return target, None
