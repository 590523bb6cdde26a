"""One run of the sample inbox with --notice --chart --date, shared by the notice tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from shiquan_score.cli import main
from tests.conftest import SAMPLE

STEM = "石泉县2020年10-12月信息采用情况统计表"


@dataclass
class Made:
    folder: Path
    out: str

    @property
    def workbook(self) -> Path:
        return self.folder / f"{STEM}.xlsx"

    @property
    def docx(self) -> Path:
        return self.folder / f"{STEM}_通报.docx"

    @property
    def pdf(self) -> Path:
        return self.folder / f"{STEM}_通报.pdf"


@pytest.fixture(scope="session")
def made(tmp_path_factory) -> Made:
    folder = tmp_path_factory.mktemp("notice")
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(
            [str(SAMPLE), "--out", str(folder), "--notice", "--chart", "--date", "2021-01-15"]
        )
    assert code == 0, out.getvalue()
    return Made(folder, out.getvalue())
