"""Sections: A4, GB/T margins, landscape for the wide attachments; page numbers as a PAGE field."""

from __future__ import annotations

import zipfile

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Mm


def test_sections_a4_with_gbt_margins_and_landscape_attachments(made):
    document = docx.Document(str(made.docx))
    sections = list(document.sections)
    assert len(sections) == 3  # the notice, 附件1, 附件2
    body, *attachments = sections
    assert body.orientation == WD_ORIENT.PORTRAIT
    assert (round(body.page_width.mm), round(body.page_height.mm)) == (210, 297)
    assert [
        round(m.mm)
        for m in (body.top_margin, body.bottom_margin, body.left_margin, body.right_margin)
    ] == [37, 35, 28, 26]
    for section in attachments:  # 12+ columns are wider than the portrait 156 mm
        assert section.orientation == WD_ORIENT.LANDSCAPE
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
        text = section.page_width - section.left_margin - section.right_margin
        assert abs(text - Mm(225)) < Mm(0.2)


def test_page_numbers_are_a_page_field_in_4hao_songti(made):
    with zipfile.ZipFile(made.docx) as z:
        footers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")]
        settings = z.read("word/settings.xml").decode()
    assert len(footers) == 2  # odd (right) and even (left) pages
    for xml in footers:
        assert '<w:instrText xml:space="preserve"> PAGE </w:instrText>' in xml
        assert "— </w:t>" in xml and "> —</w:t>" in xml
        assert 'w:eastAsia="宋体"' in xml and '<w:sz w:val="28"/>' in xml
    assert "<w:evenAndOddHeaders/>" in settings


def test_body_fonts_and_spacing(made):
    document = docx.Document(str(made.docx))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    title = paragraphs[0]
    assert title.text == "关于2020年10-12月全县政务信息采用情况的通报"
    assert title.runs[0].font.size.pt == 22
    heading = next(p for p in paragraphs if p.text == "一、总体情况")
    assert heading.runs[0]._r.rPr.rFonts.get(docx.oxml.ns.qn("w:eastAsia")) == "黑体"
    body = paragraphs[paragraphs.index(heading) + 1]
    assert body.runs[0].font.size.pt == 16
    assert body.runs[0]._r.rPr.rFonts.get(docx.oxml.ns.qn("w:eastAsia")) == "仿宋_GB2312"
    assert body.paragraph_format.line_spacing.pt == 28
