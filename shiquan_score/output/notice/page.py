"""The built-in GB/T 9704-2012 layout: A4 page, margins, fonts, page numbers, and a skeleton
of placeholder paragraphs that the filler treats exactly like an office's own template."""

from __future__ import annotations

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from shiquan_score.output.notice import ooxml
from shiquan_score.scheme.notice import NoticeScheme

A4 = (210, 297)  # mm
MARGINS = {"top": 37, "bottom": 35, "left": 28, "right": 26}  # GB/T 9704-2012 §5.2.1
# A table page turned: the long edges keep 28/26 mm, the short ones 37/35 (225 mm of text).
LANDSCAPE_MARGINS = {"top": 28, "bottom": 26, "left": 37, "right": 35}
# The placeholder paragraphs of a template, in the built-in skeleton's order.
NUMBER, TITLE, RECIPIENTS, BODY = "【发文字号】", "【标题】", "【主送】", "【正文】"
CHARTS, ATTACHMENTS, SIGNATURE, DATE = "【图表】", "【附件说明】", "【落款】", "【成文日期】"
PUBLIC, CONTACT = "【附注】", "【联系人】"


def attachment_placeholder(label: str) -> str:
    return f"【{label}】"


def set_a4(section, landscape: bool) -> None:
    """A4 in either orientation; landscape margins turned with the page (binding edge on top)."""
    short, long = ooxml.mm(A4[0]), ooxml.mm(A4[1])
    sectpr = section._sectPr
    if landscape:
        ooxml.child(sectpr, "w:pgSz", w=long, h=short, orient="landscape")
        edges = LANDSCAPE_MARGINS
    else:
        ooxml.child(sectpr, "w:pgSz", w=short, h=long)
        edges = MARGINS
    margin = sectpr.find(qn("w:pgMar"))
    header, footer = (
        (margin.get(qn("w:header")), margin.get(qn("w:footer")))
        if margin is not None
        else (None, None)
    )
    ooxml.child(
        sectpr,
        "w:pgMar",
        top=ooxml.mm(edges["top"]),
        right=ooxml.mm(edges["right"]),
        bottom=ooxml.mm(edges["bottom"]),
        left=ooxml.mm(edges["left"]),
        header=header or ooxml.mm(15),
        footer=footer or ooxml.mm(25),
        gutter=0,
    )
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT


def text_width(sectpr) -> int:
    """The printable width of a section in twips."""
    size, margin = sectpr.find(qn("w:pgSz")), sectpr.find(qn("w:pgMar"))
    return int(size.get(qn("w:w"))) - int(margin.get(qn("w:left"))) - int(margin.get(qn("w:right")))


def text_height(sectpr) -> int:
    """The printable height of a section in twips (a negative margin is Word's fixed margin)."""
    size, margin = sectpr.find(qn("w:pgSz")), sectpr.find(qn("w:pgMar"))
    top, bottom = (abs(int(margin.get(qn(f"w:{k}")))) for k in ("top", "bottom"))
    return int(size.get(qn("w:h"))) - top - bottom


def format_paragraph(
    paragraph,
    notice: NoticeScheme,
    font: str,
    size: float,
    *,
    indent: float = 0,
    align=None,
    fixed: bool = True,
) -> None:
    """Direct formatting of one paragraph: fixed line spacing, indent in characters."""
    ppr = ooxml.props(paragraph._p, "w:pPr")
    if fixed:
        line = ooxml.twips(notice.sizes["line_spacing"])
        ooxml.child(ppr, "w:spacing", before=0, after=0, line=line, lineRule="exact")
    else:
        ooxml.child(ppr, "w:spacing", before=0, after=0, line=240, lineRule="auto")
    ooxml.child(ppr, "w:ind", firstLine=ooxml.twips(indent * size), left=0, right=0)
    if align is not None:
        paragraph.alignment = align
    rpr = ooxml.get(ppr, "w:rPr")  # the paragraph mark's font, so an empty line keeps its height
    ooxml.fonts(rpr, font, size, bold=False)
    ooxml.language(rpr)


def add_line(document, text: str, notice: NoticeScheme, style: str = "body"):
    """A skeleton paragraph with the GB/T formatting of its kind; `text` in one run."""
    fonts, sizes = notice.fonts, notice.sizes
    body = sizes["body_size"]
    kinds = {
        "title": (fonts["title"], sizes["title_size"], 0, WD_ALIGN_PARAGRAPH.CENTER, False),
        "number": (fonts["body"], body, 0, WD_ALIGN_PARAGRAPH.CENTER, True),
        "plain": (fonts["body"], body, 0, WD_ALIGN_PARAGRAPH.LEFT, True),
        "body": (fonts["body"], body, 2, WD_ALIGN_PARAGRAPH.JUSTIFY, True),
        "right": (fonts["body"], body, 0, WD_ALIGN_PARAGRAPH.RIGHT, True),
    }
    font, size, indent, align, fixed = kinds[style]
    paragraph = document.add_paragraph()
    format_paragraph(paragraph, notice, font, size, indent=indent, align=align, fixed=fixed)
    if text:
        run = paragraph.add_run(text)
        rpr = ooxml.props(run._r, "w:rPr")
        ooxml.fonts(rpr, font, size, bold=False)
        ooxml.language(rpr)
    return paragraph


def skeleton(
    notice: NoticeScheme,
    labels: list[str],
    number: bool,
    charts: bool,
    closing: tuple[str, str],
):
    """The built-in layout as a template: GB/T page and fonts, one placeholder per part."""
    document = docx.Document()
    _defaults(document, notice)
    section = document.sections[0]
    set_a4(section, landscape=False)
    _page_numbers(document, section, notice)
    body = document.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    if number:
        add_line(document, NUMBER, notice, "number")
        add_line(document, "", notice, "plain")
    add_line(document, TITLE, notice, "title")
    add_line(document, "", notice, "plain")
    add_line(document, RECIPIENTS, notice, "plain")
    add_line(document, BODY, notice, "body")
    if charts:
        add_line(document, CHARTS, notice, "plain")
    add_line(document, "", notice, "plain")
    add_line(document, ATTACHMENTS, notice, "body")
    for _ in range(3):
        add_line(document, "", notice, "plain")
    # 成文日期 右空四字; the 署名 centred over it (GB/T 9704-2012 §7.3.5.1).
    signature, date = (len(t) for t in closing)
    size = notice.sizes["body_size"]
    for text, chars in ((SIGNATURE, 4 + max(0, (date - signature) / 2)), (DATE, 4)):
        p = add_line(document, text, notice, "right")
        ooxml.child(ooxml.props(p._p, "w:pPr"), "w:ind", left=0, right=ooxml.twips(chars * size))
    add_line(document, "", notice, "plain")
    add_line(document, PUBLIC, notice, "body")
    add_line(document, CONTACT, notice, "body")
    for label in labels:
        add_line(document, attachment_placeholder(label), notice, "plain")
    return document


def _defaults(document, notice: NoticeScheme) -> None:
    """docDefaults and every style in the body font, zh-CN; theme fonts named outright."""
    body, size = notice.fonts["body"], notice.sizes["body_size"]
    styles = document.styles.element
    ooxml.strip_theme_fonts(styles, body)
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    ooxml.fonts(rpr, body, size)
    ooxml.language(rpr)
    ppr = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    ooxml.child(ppr, "w:spacing", before=0, after=0, line=240, lineRule="auto")
    for part in document.part.package.iter_parts():
        name = str(part.partname)
        if name.endswith("stylesWithEffects.xml"):
            root = etree.fromstring(part.blob)
            ooxml.strip_theme_fonts(root, body)
            part._blob = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            )
    theme = document.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    for kind, font in (("a:majorFont", notice.fonts["heading"]), ("a:minorFont", body)):
        for scheme in root.iterfind(f".//{kind}", ns):
            for slot in ("a:latin", "a:ea"):
                scheme.find(slot, ns).set("typeface", font)
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:
        lang = ooxml.OxmlElement("w:themeFontLang")
        settings.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _page_numbers(document, section, notice: NoticeScheme) -> None:
    """`— 1 —` in 4号宋体: odd pages on the right, even on the left, one character in."""
    document.settings.odd_and_even_pages_header_footer = True
    size = notice.sizes["page_number_size"]
    for footer, align, side in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left"),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        ppr = ooxml.props(paragraph._p, "w:pPr")
        ooxml.child(ppr, "w:ind", **{side: ooxml.twips(size)})
        paragraph.alignment = align
        for text, field in (
            ("— ", None),
            (None, "begin"),
            (" PAGE ", "instr"),
            (None, "end"),
            (" —", None),
        ):
            run = paragraph.add_run()
            rpr = ooxml.props(run._r, "w:rPr")
            ooxml.fonts(rpr, notice.fonts["page_number"], size)
            ooxml.language(rpr)
            if field == "instr":
                instr = ooxml.OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = text
                run._r.append(instr)
            elif field:
                char = ooxml.OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), field)
                run._r.append(char)
            else:
                run.text = text
