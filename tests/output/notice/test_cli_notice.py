"""The notice through the command line: same bytes twice, an edited draft kept, exact messages."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys

import pytest

from shiquan_score.cli import main
from tests.conftest import SAMPLE

STEM = "石泉县2020年10-12月信息采用情况统计表"


def _run(*args) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue() + err.getvalue()


@pytest.fixture
def no_soffice(monkeypatch):
    monkeypatch.setattr("shiquan_score.output.notice.pdf.soffice", lambda: None)


def test_same_bytes_twice_and_an_edited_draft_is_kept(tmp_path, no_soffice):
    code, out = _run(SAMPLE, "--out", tmp_path, "--notice")
    assert code == 0, out
    target = tmp_path / f"{STEM}_通报.docx"
    first = target.read_bytes()
    assert f"已生成通报草稿：{target}" in out.splitlines()
    assert (
        "未找到 LibreOffice（soffice），没有生成通报的 PDF；需要时用 Word/WPS 另存为 PDF"
        in out.splitlines()
    )
    _run(SAMPLE, "--out", tmp_path, "--notice")
    assert target.read_bytes() == first  # deterministic: core properties and zip times fixed
    assert not list(tmp_path.glob("*旧版*"))
    target.write_bytes(first + b"edited")
    code, out = _run(SAMPLE, "--out", tmp_path, "--notice")
    kept = tmp_path / f"{STEM}_通报_旧版1.docx"
    assert kept.read_bytes() == first + b"edited"
    assert target.read_bytes() == first
    assert (
        f"{STEM}_通报.docx 与本次生成的不同（可能已修改过），已改名保留为 {kept.name}"
        in out.splitlines()
    )


def test_placeholder_date_without_date(tmp_path, no_soffice):
    import docx

    assert _run(SAMPLE, "--out", tmp_path, "--notice")[0] == 0
    texts = [p.text for p in docx.Document(str(tmp_path / f"{STEM}_通报.docx")).paragraphs]
    assert "【成文日期】" in texts


def test_bad_date_is_a_usage_error():
    code, out = _run(SAMPLE, "--notice", "--date", "2021-13-01")
    assert code == 2
    assert out.splitlines()[-1] == (
        "错误：命令写法不对（--date 的“2021-13-01”不是日期，请写成 2021-01-15 这样的格式）。查看说明：python convert.py -h"
    )


def test_a_template_without_body_placeholder_is_refused(tmp_path, no_soffice):
    import docx

    template = tmp_path / "模板.docx"
    d = docx.Document()
    d.add_paragraph("【附件1】")
    d.save(str(template))
    code, out = _run(SAMPLE, "--out", tmp_path / "out", "--notice", "--notice-template", template)
    assert code == 1
    assert out.splitlines()[-1] == (
        "错误：通报模板 模板.docx 里没有【正文】、【附件2】这样的一段（单独一行）：程序要在那里填入内容。"
        "请在模板中加上，或不用 --notice-template 改用内置格式"
    )


def test_several_typos_in_notice_toml_are_named_in_one_run(tmp_path, no_soffice):
    from shiquan_score.scheme.notice import DEFAULT_NOTICE

    text = DEFAULT_NOTICE.read_text(encoding="utf-8")
    text = text.replace('best_item = "{name}（{score}分）"', 'best_item = "{nmae}（{scor}分）"')
    text = text.replace('heading_number = "{n}、"', 'heading_number = "{m}、"')
    rules = tmp_path / "notice.toml"
    rules.write_text(text, encoding="utf-8")
    code, out = _run(SAMPLE, "--out", tmp_path / "out", "--notice", "--notice-rules", rules)
    assert code == 1
    assert out.splitlines()[-4:] == [
        "错误：以下 3 处写法要改，请逐处改正后重新运行：",
        "  1. notice.toml 的“best_item”用到了不认识的“{nmae}”，可用的有：name、score",
        "  2. notice.toml 的“best_item”用到了不认识的“{scor}”，可用的有：name、score",
        "  3. notice.toml 的“heading_number”用到了不认识的“{m}”，可用的有：n",
    ]
    assert not (tmp_path / "out").exists()


def test_a_missing_template_is_not_found_before_any_work(tmp_path, no_soffice):
    template = tmp_path / "没有这个模板.docx"
    code, out = _run(SAMPLE, "--out", tmp_path / "out", "--notice", "--notice-template", template)
    assert code == 1
    assert out.splitlines() == [
        f"错误：找不到通报模板 {template}，请确认 --notice-template 后面写的路径和文件名"
    ]
    assert not (tmp_path / "out").exists()  # nothing written: the workbook neither


def test_office_template_keeps_its_styles_and_gets_the_tables(tmp_path, no_soffice):
    import docx

    template = tmp_path / "模板.docx"
    d = docx.Document()
    d.add_paragraph("石泉县人民政府办公室文件", style="Title")
    d.add_paragraph("【标题】")
    d.add_paragraph("【正文】", style="Quote")
    d.add_paragraph("【附件1】")
    d.add_paragraph("【附件2】")
    d.save(str(template))
    assert (
        _run(SAMPLE, "--out", tmp_path / "out", "--notice", "--notice-template", template)[0] == 0
    )
    made = docx.Document(str(tmp_path / "out" / f"{STEM}_通报.docx"))
    texts = [p.text for p in made.paragraphs]
    assert texts[0] == "石泉县人民政府办公室文件" and made.paragraphs[0].style.name == "Title"
    assert texts[1] == "关于2020年10-12月全县政务信息采用情况的通报"
    body = [p for p in made.paragraphs if p.text == "一、总体情况"]
    assert body and body[0].style.name == "Quote"  # the placeholder's formatting is kept
    assert len(made.tables) == 2
    assert not {"【标题】", "【正文】", "【附件1】", "【附件2】"} & set(texts)
    cell = made.tables[0].cell(5, 1).paragraphs[0]
    assert cell.paragraph_format.line_spacing is None or cell.paragraph_format.line_spacing == 1.0


def test_a_normal_run_loads_neither_docx_nor_matplotlib(tmp_path):
    code = (
        "import sys; from shiquan_score.cli import main;"
        f"main([{str(SAMPLE)!r}, '--out', {str(tmp_path)!r}]);"
        "print('docx' in sys.modules, 'matplotlib' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "False False"
