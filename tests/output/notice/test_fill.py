"""Filling a template's placeholder paragraphs: inline ones replaced (or gone when empty),
【正文】 and 【附件说明】 become paragraphs in the placeholder's formatting, each 【附件N】 a
section of its own (landscape when the table is wide), and a template lacking one refused."""

from __future__ import annotations

import pytest

docx = pytest.importorskip("docx", reason="python-docx is the notice's optional dependency")

from docx.oxml.ns import qn  # noqa: E402

from shiquan_score.errors import InputError  # noqa: E402
from shiquan_score.output.layout import build_grid  # noqa: E402
from shiquan_score.output.notice import fill, page  # noqa: E402
from shiquan_score.pipeline import Config, run  # noqa: E402
from shiquan_score.scheme.notice import DEFAULT_NOTICE, load_notice  # noqa: E402
from tests.conftest import SAMPLE  # noqa: E402


@pytest.fixture(scope="module")
def grids(scheme, tmp_path_factory):
    result = run(Config(inbox=SAMPLE, out=tmp_path_factory.mktemp("fill")))
    return {
        key: build_grid(scheme.tables[key], scheme, result.tables[key], result.period)
        for key in result.tables
    }


@pytest.fixture(scope="module")
def notice(scheme):
    return load_notice(DEFAULT_NOTICE, scheme)


def template(*lines: str):
    document = docx.Document()
    body = document.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    for line in lines:
        run = document.add_paragraph().add_run(line)
        run.bold = True  # the office's formatting, to be kept
    return document


def texts(document) -> list[str]:
    return [fill._text(p) for p in document.element.body.iterchildren(qn("w:p"))]


def content(attachments=(), body=(("body", "正文一"), ("body", "正文二")), **inline):
    return fill.Content(
        inline={page.TITLE: "关于信息采用情况的通报", **inline},
        body=list(body),
        attachment_lines=["附件：1．镇", "2．部门"],
        attachments=list(attachments),
    )


def test_inline_placeholders_are_replaced_and_empty_lone_ones_go(notice):
    document = template(page.NUMBER, page.TITLE, "抄送：" + page.RECIPIENTS, page.BODY)
    fill.fill(document, content(), notice, "模板.docx")
    assert texts(document) == ["关于信息采用情况的通报", "抄送：", "正文一", "正文二"]


def test_a_placeholder_split_across_runs_is_still_found(notice):
    document = template(page.BODY)
    p = document.add_paragraph()
    for piece in ("标题：【", "标", "题】"):
        p.add_run(piece)
    fill.fill(document, content(), notice, "模板.docx")
    assert texts(document) == ["正文一", "正文二", "标题：关于信息采用情况的通报"]


def test_body_paragraphs_keep_the_placeholders_formatting(notice):
    document = template(page.BODY)
    fill.fill(
        document, content(body=[("heading", "一、总体情况"), ("plain", "无缩进")]), notice, "t"
    )
    heading, plain = document.element.body.iterchildren(qn("w:p"))
    for p in (heading, plain):
        assert p.find(qn("w:r")).find(qn("w:rPr")).find(qn("w:b")) is not None  # bold kept
    fonts = heading.find(qn("w:r")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == notice.fonts["heading"]
    ind = plain.find(qn("w:pPr")).find(qn("w:ind"))
    assert (ind.get(qn("w:firstLine")), ind.get(qn("w:left"))) == ("0", "0")


def test_attachment_lines_align_the_later_names_under_the_first(notice):
    document = template(page.BODY, page.ATTACHMENTS)
    fill.fill(document, content(), notice, "t")
    assert texts(document)[2:] == ["附件：1．镇", "2．部门"]
    first, second = list(document.element.body.iterchildren(qn("w:p")))[2:]
    assert (notice.texts["attachments"], notice.sizes["body_size"]) == ("附件：", 16)
    # 附件： is 3 characters of 16 pt: the second line starts 3 × 16 × 20 = 960 twips in
    assert second.find(qn("w:pPr")).find(qn("w:ind")).get(qn("w:left")) == "960"
    assert first.find(qn("w:pPr")) is None or first.find(qn("w:pPr")).find(qn("w:ind")) is None


def test_no_attachment_lines_remove_their_placeholder(notice):
    document = template(page.BODY, page.ATTACHMENTS, page.CHARTS)
    filled = content()
    filled.attachment_lines = []
    fill.fill(document, filled, notice, "t")
    assert texts(document) == ["正文一", "正文二"]  # 【图表】 without charts goes too


def test_each_attachment_is_a_section_turned_when_its_table_is_wide(notice, grids, scheme):
    spec = scheme.tables["镇"]
    att = fill.Attachment(spec.attachment, "石泉县2020年信息采用情况统计表", grids["镇"])
    document = template(page.BODY, page.attachment_placeholder(spec.attachment))
    fill.fill(document, content([att]), notice, "t")
    assert texts(document)[:5] == [
        "正文一",
        "正文二",
        "附件1",
        "",
        "石泉县2020年信息采用情况统计表",
    ]
    assert len(document.element.body.findall(qn("w:tbl"))) == 1
    sections = document.element.body.findall(".//" + qn("w:sectPr"))
    sizes = [s.find(qn("w:pgSz")) for s in sections]
    wide = fill.width_twips(grids["镇"]) > page.text_width(sections[0])
    assert len(sections) == 2
    assert (sizes[-1].get(qn("w:orient")) == "landscape") == wide


@pytest.mark.parametrize(
    ("lines", "missing"),
    [
        ((page.TITLE,), "【正文】、【附件1】"),
        ((page.BODY,), "【附件1】"),
        ((page.BODY, "【附件 1】"), "【附件1】"),
    ],
)
def test_a_template_lacking_a_placeholder_is_refused(notice, grids, lines, missing):
    att = fill.Attachment("附件1", "标题", grids["镇"])
    with pytest.raises(InputError) as exc:
        fill.fill(template(*lines), content([att]), notice, "模板.docx")
    assert str(exc.value) == (
        f"通报模板 模板.docx 里没有{missing}这样的一段（单独一行）：程序要在那里填入内容。"
        "请在模板中加上，或不用 --notice-template 改用内置格式"
    )
