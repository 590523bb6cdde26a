"""write_notice(): the draft built from the figures, written beside the workbook; and that a
run which asks for no notice loads none of it."""

from __future__ import annotations

import subprocess
import sys

import pytest

docx = pytest.importorskip("docx")

from shiquan_score.output.layout import build_grid  # noqa: E402
from shiquan_score.output.notice.document import (  # noqa: E402
    NoticeOptions,
    NoticeTable,
    write_notice,
)
from shiquan_score.period import Period  # noqa: E402
from shiquan_score.pipeline import Config, run  # noqa: E402
from shiquan_score.scheme.loader import load_scheme  # noqa: E402
from shiquan_score.scheme.notice import DEFAULT_NOTICE, load_notice  # noqa: E402
from tests.conftest import SAMPLE  # noqa: E402


def test_the_draft_names_the_period_and_holds_each_table(tmp_path):
    scheme = load_scheme()
    result = run(Config(SAMPLE, out=tmp_path / "out"))
    period = Period(2020, 4)
    items = [
        NoticeTable(
            key, scheme.tables[key], table, build_grid(scheme.tables[key], scheme, table, period)
        )
        for key, table in result.tables.items()
    ]
    target = tmp_path / "通报.docx"
    notice = load_notice(DEFAULT_NOTICE, scheme)
    written = write_notice(target, items, scheme, notice, period, NoticeOptions())
    assert written.path == target and written.kept is None
    document = docx.Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "2020年10-12月" in text
    assert len(document.tables) == len(items) == 2
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert {"政府办", "城关镇"} <= cells
    again = write_notice(target, items, scheme, notice, period, NoticeOptions())
    assert again.kept is None  # the same figures give the same draft: nothing to keep


def test_a_run_without_a_notice_or_a_check_loads_none_of_their_modules():
    code = (
        "import sys, shiquan_score.cli, shiquan_score.pipeline\n"
        "print(sorted(m for m in sys.modules if m.startswith(('docx', 'matplotlib',"
        " 'shiquan_score.output.notice.', 'shiquan_score.scheme.notice',"
        " 'shiquan_score.tools.check'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['shiquan_score.output.notice.hook']"
