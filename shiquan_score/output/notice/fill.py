"""Fill a template's placeholder paragraphs (the built-in skeleton or an office's .docx).

【正文】 becomes the body paragraphs, each a copy of the placeholder paragraph (so the office's
formatting is kept); 【附件1】… become the attachment pages, each in a section of its own,
landscape A4 when the table is wider than the portrait text; 【标题】 and the like are
replaced in place. Plain placeholder paragraphs never break the way a Jinja tag split
across runs by Word does.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Emu
from docx.text.paragraph import Paragraph

from shiquan_score.errors import InputError
from shiquan_score.messages import msg
from shiquan_score.output.layout import Grid
from shiquan_score.output.notice import ooxml, page
from shiquan_score.output.notice.tables import add_table, width_twips
from shiquan_score.scheme.notice import NoticeScheme
from shiquan_score.scheme.style import Style

INLINE = (page.NUMBER, page.TITLE, page.RECIPIENTS, page.SIGNATURE, page.DATE)
INLINE += (page.PUBLIC, page.CONTACT)


@dataclass
class Attachment:
    label: str  # 附件1
    title: str
    grid: Grid


@dataclass
class Content:
    inline: dict[str, str]  # placeholder → its text ("" removes the paragraph)
    body: list[tuple[str, str]]  # (style, text)
    attachment_lines: list[str]
    attachments: list[Attachment]
    charts: list[bytes] = field(default_factory=list)
    zero_text: str = "——"
    style: Style = field(default_factory=Style)  # the tables' fonts and sizes, as the workbook's


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def fill(document, content: Content, notice: NoticeScheme, where: str) -> None:
    """Replace every placeholder of `document`; refuse a template lacking 【正文】 or an 附件."""
    body = document.element.body
    paragraphs = {_text(p).strip(): p for p in body.iterchildren(qn("w:p"))}
    wanted = [page.BODY] + [page.attachment_placeholder(a.label) for a in content.attachments]
    missing = [w for w in wanted if w not in paragraphs]
    if missing:
        raise InputError(msg("NOTICE_TEMPLATE_MISSING", file=where, missing="、".join(missing)))
    for p in list(body.iterchildren(qn("w:p"))):
        for key in INLINE:
            if key in _text(p):
                _inline(p, key, content.inline.get(key, ""))
    _blocks(document, paragraphs[page.BODY], content.body, notice)
    if page.ATTACHMENTS in paragraphs:
        _attachment_lines(paragraphs[page.ATTACHMENTS], content.attachment_lines, notice)
    chart_at = paragraphs.get(page.CHARTS)
    if content.charts:
        _charts(document, chart_at, paragraphs[page.BODY], content.charts, notice)
    elif chart_at is not None:
        body.remove(chart_at)
    base = ooxml.clone(body.find(qn("w:sectPr")))
    for attachment in content.attachments:
        _attachment(
            document,
            paragraphs[page.attachment_placeholder(attachment.label)],
            attachment,
            base,
            notice,
            content,
        )


def _inline(p, key: str, text: str) -> None:
    """Replace `key` in the runs; a placeholder that was all the paragraph goes when empty."""
    if _text(p).strip() == key and not text:
        p.getparent().remove(p)
        return
    runs = list(p.iter(qn("w:r")))
    for r in runs:
        t = r.find(qn("w:t"))
        if t is not None and key in (t.text or ""):
            t.text = t.text.replace(key, text)
            return
    # Split across runs (Word does that): the paragraph's text goes into its first run.
    whole = _text(p).replace(key, text)
    for i, r in enumerate(runs):
        for t in r.findall(qn("w:t")):
            t.text = whole if i == 0 and t is r.find(qn("w:t")) else ""


def _copy_with(template, text: str):
    """A copy of a placeholder paragraph holding `text` in its first run's formatting."""
    p = ooxml.clone(template)
    runs = p.findall(qn("w:r"))
    for r in runs[1:]:
        p.remove(r)
    run = runs[0]
    for t in run.findall(qn("w:t")):
        run.remove(t)
    element = ooxml.OxmlElement("w:t")
    element.set(qn("xml:space"), "preserve")
    element.text = text
    run.append(element)
    return p


def _blocks(document, at, paragraphs: list[tuple[str, str]], notice: NoticeScheme) -> None:
    """Body paragraphs in the placeholder's formatting; headings in their GB/T fonts."""
    fonts = {"heading": notice.fonts["heading"], "subheading": notice.fonts["subheading"]}
    for style, text in paragraphs:
        p = _copy_with(at, text)
        if style in fonts:
            for rpr in (ooxml.props(r, "w:rPr") for r in p.findall(qn("w:r"))):
                ooxml.fonts(rpr, fonts[style])
        if style == "plain":
            ooxml.child(ooxml.props(p, "w:pPr"), "w:ind", firstLine=0, left=0, right=0)
        at.addprevious(p)
    at.getparent().remove(at)


def _attachment_lines(at, lines: list[str], notice: NoticeScheme) -> None:
    """附件：1．… with the later names aligned under the first name."""
    if not lines:
        at.getparent().remove(at)
        return
    ind = ooxml.props(at, "w:pPr").find(qn("w:ind"))
    first = int(ind.get(qn("w:firstLine"), 0)) if ind is not None else 0
    hang = first + ooxml.twips(len(notice.texts["attachments"]) * notice.sizes["body_size"])
    for i, line in enumerate(lines):
        p = _copy_with(at, line)
        if i:
            ooxml.child(ooxml.props(p, "w:pPr"), "w:ind", left=hang, right=0, firstLine=0)
        at.addprevious(p)
    at.getparent().remove(at)


def _charts(document, at, body_at, charts: list[bytes], notice: NoticeScheme) -> None:
    """Each chart as an inline picture where 【图表】 stood: the width of the text, or less so
    that it is no taller than the text area of its section (aspect kept)."""
    body = document.element.body
    for png in charts:
        p = ooxml.OxmlElement("w:p")
        if at is not None:
            at.addprevious(p)
        else:  # a template without 【图表】: after the body text
            last = body_at.getprevious() if body_at.getparent() is not None else None
            (last.addnext(p) if last is not None else body.insert(0, p))
        paragraph = Paragraph(p, document._body)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run()
        sectpr = _section_of(p)
        width, height = page.text_width(sectpr), page.text_height(sectpr)
        shape = run.add_picture(io.BytesIO(png), width=Emu(width * 635))
        if shape.height > height * 635:  # EMU per twip
            shape.width = Emu(shape.width * height * 635 // shape.height)
            shape.height = Emu(height * 635)
        _run_font(p, notice.fonts["body"], notice.sizes["body_size"])
    if at is not None:
        body.remove(at)


def _section_of(element):
    """The sectPr of the section `element` lies in: the next one ending a paragraph, or the body's."""
    for sibling in [element, *element.itersiblings()]:
        if sibling.tag == qn("w:sectPr"):
            return sibling
        if _ends_section(sibling):
            return sibling.find(qn("w:pPr")).find(qn("w:sectPr"))
    return element.getparent().find(qn("w:sectPr"))


def _rotated(base, landscape: bool):
    """The body section's properties, turned to landscape (margins turn with the page)."""
    sectpr = ooxml.clone(base)
    for old in sectpr.findall(qn("w:type")):
        sectpr.remove(old)
    if not landscape:
        return sectpr
    size, margin = sectpr.find(qn("w:pgSz")), sectpr.find(qn("w:pgMar"))
    w, h = size.get(qn("w:w")), size.get(qn("w:h"))
    size.set(qn("w:w"), h)
    size.set(qn("w:h"), w)
    size.set(qn("w:orient"), "landscape")
    sides = {k: margin.get(qn(f"w:{k}")) for k in ("top", "bottom", "left", "right")}
    for new, old in (("top", "left"), ("bottom", "right"), ("left", "top"), ("right", "bottom")):
        margin.set(qn(f"w:{new}"), sides[old])
    return sectpr


def _ends_section(p) -> bool:
    ppr = p.find(qn("w:pPr")) if p is not None and p.tag == qn("w:p") else None
    return ppr is not None and ppr.find(qn("w:sectPr")) is not None


def _attachment(document, at, attachment: Attachment, base, notice: NoticeScheme, content):
    """附件N on line 1, the title on line 3, the table: a new page, a section of its own."""
    body = document.element.body
    before = at.getprevious()
    if before is not None and before.tag == qn("w:p") and not _ends_section(before):
        ooxml.place(ooxml.props(before, "w:pPr"), ooxml.clone(base))
    elif before is not None and not _ends_section(before):
        carrier = ooxml.OxmlElement("w:p")
        ooxml.place(ooxml.props(carrier, "w:pPr"), ooxml.clone(base))
        at.addprevious(carrier)
    landscape = width_twips(attachment.grid) > page.text_width(base)
    fonts, sizes = notice.fonts, notice.sizes
    label = _copy_with(at, attachment.label)
    page.format_paragraph(
        Paragraph(label, None),
        notice,
        fonts["heading"],
        sizes["body_size"],
        align=WD_ALIGN_PARAGRAPH.LEFT,
    )
    _run_font(label, fonts["heading"], sizes["body_size"])
    blank = _copy_with(at, "")
    title = _copy_with(at, attachment.title)
    page.format_paragraph(
        Paragraph(title, None),
        notice,
        fonts["title"],
        sizes["title_size"],
        align=WD_ALIGN_PARAGRAPH.CENTER,
        fixed=False,
    )
    _run_font(title, fonts["title"], sizes["title_size"])
    table = add_table(document, attachment.grid, content.zero_text, content.style)._tbl
    tail = _copy_with(at, "")
    ppr = ooxml.props(tail, "w:pPr")
    ooxml.child(ppr, "w:spacing", before=0, after=0, line=20, lineRule="exact")
    for element in (label, blank, title, table, tail):
        at.addprevious(element)
    section = _rotated(base, landscape)
    last = at.getnext() is not None and at.getnext().tag == qn("w:sectPr")
    at.getparent().remove(at)
    if last:
        body.replace(body.find(qn("w:sectPr")), section)
    else:
        ooxml.place(ppr, section)


def _run_font(p, font: str, size: float) -> None:
    for r in p.findall(qn("w:r")):
        rpr = ooxml.props(r, "w:rPr")
        ooxml.fonts(rpr, font, size, bold=False)
        ooxml.language(rpr)
