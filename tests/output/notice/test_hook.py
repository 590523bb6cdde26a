"""The notice step of a run: whether a notice is wanted, which table each grid is, and the
outcome of making one (the draft, its PDF or the line saying why there is none)."""

from __future__ import annotations

import pytest

from shiquan_score.errors import SchemeError
from shiquan_score.output.layout import Grid
from shiquan_score.output.notice import hook
from shiquan_score.output.notice.hook import NoticeRequest
from shiquan_score.pipeline import Config, run
from shiquan_score.scheme.notice import DEFAULT_NOTICE
from tests.conftest import SAMPLE

STEM = "石泉县2020年10-12月信息采用情况统计表"


def rules(tmp_path, text: str):
    path = tmp_path / "notice.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_request_defaults_to_the_schemes_choice_and_no_chart():
    request = NoticeRequest()
    assert (request.notice, request.date, request.template, request.chart) == (
        None,
        None,
        None,
        False,
    )
    assert request.rules == DEFAULT_NOTICE


@pytest.mark.parametrize("asked", [True, False])
def test_the_command_line_decides_first(tmp_path, asked):
    broken = rules(tmp_path, "enabled = [")
    assert hook.wanted(NoticeRequest(notice=asked, rules=broken)) is asked  # never read


@pytest.mark.parametrize(
    ("text", "wanted"), [("enabled = true", True), ("enabled = false", False), ("", False)]
)
def test_otherwise_the_notice_files_enabled(tmp_path, text, wanted):
    assert hook.wanted(NoticeRequest(rules=rules(tmp_path, text))) is wanted


def test_a_missing_notice_file_means_no_notice(tmp_path):
    assert hook.wanted(NoticeRequest(rules=tmp_path / "无.toml")) is False


def test_the_shipped_notice_file_is_off_by_default():
    assert hook.wanted(NoticeRequest()) is False


def test_enabled_must_be_true_or_false(tmp_path):
    with pytest.raises(SchemeError) as exc:
        hook.wanted(NoticeRequest(rules=rules(tmp_path, 'enabled = "yes"')))
    assert str(exc.value) == "notice.toml 的“enabled”应为 true 或 false，现为 'yes'"


def test_a_notice_file_that_is_not_toml_is_said_in_chinese(tmp_path):
    with pytest.raises(SchemeError) as exc:
        hook.wanted(NoticeRequest(rules=rules(tmp_path, "enabled = [")))
    assert str(exc.value).startswith("notice.toml 格式有误：")


def test_table_keys_follow_the_grids(scheme):
    sheets = {key: spec.sheet for key, spec in scheme.tables.items()}
    assert hook.table_keys(scheme, [Grid(sheets["部门"]), Grid(sheets["镇"])]) == ["部门", "镇"]
    assert hook.table_keys(scheme, [Grid(sheets["部门"])]) == ["部门"]
    assert hook.table_keys(scheme, []) == []


def test_the_outcome_names_the_draft_and_says_why_there_is_no_pdf(tmp_path, monkeypatch):
    pytest.importorskip("docx", reason="python-docx is the notice's optional dependency")
    monkeypatch.setattr("shiquan_score.output.notice.pdf.soffice", lambda: None)
    request = NoticeRequest(notice=True)
    first = run(Config(inbox=SAMPLE, out=tmp_path, notice=request))
    draft = tmp_path / f"{STEM}_通报.docx"
    assert (first.notice, first.notice_pdf) == (draft, None)
    no_pdf = "未找到 LibreOffice（soffice），没有生成通报的 PDF；需要时用 Word/WPS 另存为 PDF"
    assert first.notices[-1] == no_pdf
    draft.write_bytes(draft.read_bytes() + b"edited")
    second = run(Config(inbox=SAMPLE, out=tmp_path, notice=request))
    assert second.notices[-2:] == [
        f"{STEM}_通报.docx 与本次生成的不同（可能已修改过），已改名保留为 {STEM}_通报_旧版1.docx",
        no_pdf,
    ]
