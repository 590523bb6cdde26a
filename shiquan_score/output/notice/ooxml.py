"""WordprocessingML helpers: children put in schema order, fonts with w:eastAsia, lengths.

LibreOffice reads elements in any order, Word may refuse a file whose rPr/pPr/tblPr/tcPr/
sectPr children are out of the order the schema gives; every helper here inserts in order.
"""

from __future__ import annotations

import copy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

TWIPS_PER_PT = 20
TWIPS_PER_MM = 1440 / 25.4
PX_TWIPS = 15  # an Excel pixel (96 dpi) is 0.75 pt

# Child order of each element, from the ECMA-376 transitional schema (wml.xsd).
ORDER = {
    "w:rPr": (
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
        "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
        "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
    ),
    "w:pPr": (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
        "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
        "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
        "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
        "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ),
    "w:tblPr": (
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
        "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
        "tblDescription tblPrChange"
    ),
    "w:trPr": (
        "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
        "tblCellSpacing jc hidden ins del trPrChange"
    ),
    "w:tcPr": (
        "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
        "vAlign hideMark headers cellIns cellDel cellMerge tcPrChange"
    ),
    "w:sectPr": (
        "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
        "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection "
        "bidi rtlGutter docGrid printerSettings sectPrChange"
    ),
}
ORDER = {tag: tuple(qn(f"w:{name}") for name in names.split()) for tag, names in ORDER.items()}
THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def child(parent, tag: str, **attrs: str | int):
    """Set `tag` under `parent` (replacing one of the same tag) at its schema position."""
    order = ORDER[_prefixed(parent)]
    name = qn(tag)
    for old in parent.findall(name):
        parent.remove(old)
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), str(value))
    place(parent, element, order)
    return element


def place(parent, element, order: tuple[str, ...] | None = None) -> None:
    """Insert `element` before the first child that the schema puts after it."""
    order = order or ORDER[_prefixed(parent)]
    rank = order.index(element.tag)
    for i, existing in enumerate(parent):
        if existing.tag in order and order.index(existing.tag) > rank:
            parent.insert(i, element)
            return
    parent.append(element)


def _prefixed(element) -> str:
    return "w:" + element.tag.split("}")[1]


def get(parent, tag: str):
    """The existing `tag` child, or a new empty one in schema order."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        place(parent, found)
    return found


def props(element, tag: str):
    """pPr of a paragraph, rPr of a run, tblPr/trPr/tcPr: found or made as first child."""
    found = element.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        element.insert(0, found)
    return found


def fonts(rpr, name: str, size_pt: float | None = None, bold: bool | None = None) -> None:
    """The font on every slot (Latin, East Asian, complex) with no theme font left over."""
    child(rpr, "w:rFonts", ascii=name, hAnsi=name, eastAsia=name, cs=name)
    if bold is not None:
        child(rpr, "w:b", val=int(bold))
        child(rpr, "w:bCs", val=int(bold))
    if size_pt is not None:
        half = round(size_pt * 2)
        child(rpr, "w:sz", val=half)
        child(rpr, "w:szCs", val=half)


def language(rpr) -> None:
    child(rpr, "w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")


def strip_theme_fonts(root, name: str) -> None:
    """Every rFonts under `root` names `name` instead of a theme font (WPS warns otherwise)."""
    for rfonts in root.iter(qn("w:rFonts")):
        themed = any(rfonts.get(qn(a)) is not None for a in THEME_ATTRS)
        for attr in THEME_ATTRS:
            rfonts.attrib.pop(qn(attr), None)
        if themed:
            for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                rfonts.set(qn(slot), rfonts.get(qn(slot)) or name)


def clone(element):
    return copy.deepcopy(element)


def twips(pt: float) -> int:
    return round(pt * TWIPS_PER_PT)


def mm(value: float) -> int:
    return round(value * TWIPS_PER_MM)
