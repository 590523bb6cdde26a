"""WordprocessingML helpers: children in the schema's order whatever order they are set in,
fonts on every slot with no theme font left, lengths in twips."""

from __future__ import annotations

import pytest

pytest.importorskip("docx", reason="python-docx is the notice's optional dependency")

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st

from shiquan_score.output.notice import ooxml

RPR_TAGS = ["w:rFonts", "w:b", "w:bCs", "w:color", "w:sz", "w:szCs", "w:u", "w:lang"]


def tags(element) -> list[str]:
    return ["w:" + c.tag.split("}")[1] for c in element]


@given(st.permutations(RPR_TAGS))
def test_children_end_in_schema_order_whatever_order_they_are_set(order):
    rpr = OxmlElement("w:rPr")
    for tag in order:
        ooxml.child(rpr, tag, val="1")
    assert tags(rpr) == RPR_TAGS


def test_child_replaces_one_of_the_same_tag():
    rpr = OxmlElement("w:rPr")
    ooxml.child(rpr, "w:sz", val=24)
    ooxml.child(rpr, "w:sz", val=32)
    assert tags(rpr) == ["w:sz"]
    assert rpr[0].get(qn("w:val")) == "32"


def test_place_keeps_unknown_children_and_inserts_before_later_ones():
    ppr = OxmlElement("w:pPr")
    ooxml.child(ppr, "w:jc", val="center")
    ooxml.child(ppr, "w:pStyle", val="Title")
    ooxml.child(ppr, "w:spacing", line=560)
    assert tags(ppr) == ["w:pStyle", "w:spacing", "w:jc"]


def test_get_finds_or_makes_in_order():
    sect = OxmlElement("w:sectPr")
    margins = ooxml.get(sect, "w:pgMar")
    size = ooxml.get(sect, "w:pgSz")
    assert ooxml.get(sect, "w:pgMar") is margins
    assert tags(sect) == ["w:pgSz", "w:pgMar"] and size is sect[0]


def test_props_is_the_first_child():
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:t"))
    rpr = ooxml.props(run, "w:rPr")
    assert run[0] is rpr and ooxml.props(run, "w:rPr") is rpr


def test_fonts_name_every_slot_with_size_in_half_points_and_bold():
    rpr = OxmlElement("w:rPr")
    ooxml.fonts(rpr, "仿宋_GB2312", 16, bold=True)
    fonts = rpr.find(qn("w:rFonts"))
    assert {k.split("}")[1]: v for k, v in fonts.attrib.items()} == dict.fromkeys(
        ["ascii", "hAnsi", "eastAsia", "cs"], "仿宋_GB2312"
    )
    assert tags(rpr) == ["w:rFonts", "w:b", "w:bCs", "w:sz", "w:szCs"]
    assert [rpr.find(qn(t)).get(qn("w:val")) for t in ("w:b", "w:sz", "w:szCs")] == [
        "1",
        "32",
        "32",
    ]


def test_fonts_without_size_or_bold_set_only_the_font():
    rpr = OxmlElement("w:rPr")
    ooxml.fonts(rpr, "黑体")
    assert tags(rpr) == ["w:rFonts"]
    ooxml.fonts(rpr, "黑体", 10.5, bold=False)
    assert rpr.find(qn("w:sz")).get(qn("w:val")) == "21"
    assert rpr.find(qn("w:b")).get(qn("w:val")) == "0"


def test_language_is_chinese_for_east_asian_text():
    rpr = OxmlElement("w:rPr")
    ooxml.language(rpr)
    lang = rpr.find(qn("w:lang"))
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("en-US", "zh-CN")


def test_theme_fonts_are_replaced_by_the_named_font():
    body = OxmlElement("w:body")
    themed, plain = OxmlElement("w:rFonts"), OxmlElement("w:rFonts")
    themed.set(qn("w:eastAsiaTheme"), "minorEastAsia")
    themed.set(qn("w:ascii"), "Times New Roman")
    plain.set(qn("w:ascii"), "宋体")
    body.append(themed)
    body.append(plain)
    ooxml.strip_theme_fonts(body, "仿宋_GB2312")
    assert {k.split("}")[1]: v for k, v in themed.attrib.items()} == {
        "ascii": "Times New Roman",  # a font already named stays
        "hAnsi": "仿宋_GB2312",
        "eastAsia": "仿宋_GB2312",
        "cs": "仿宋_GB2312",
    }
    assert {k.split("}")[1]: v for k, v in plain.attrib.items()} == {"ascii": "宋体"}


def test_clone_is_deep():
    rpr = OxmlElement("w:rPr")
    ooxml.child(rpr, "w:b", val=1)
    copy = ooxml.clone(rpr)
    ooxml.child(copy, "w:sz", val=24)
    assert tags(rpr) == ["w:b"] and tags(copy) == ["w:b", "w:sz"]


@pytest.mark.parametrize(("pt", "tw"), [(0, 0), (1, 20), (16, 320), (28.5, 570), (0.76, 15)])
def test_twips_of_points(pt, tw):
    assert ooxml.twips(pt) == tw


@pytest.mark.parametrize(("value", "tw"), [(25.4, 1440), (37, 2098), (28, 1587), (0, 0)])
def test_twips_of_millimetres(value, tw):
    assert ooxml.mm(value) == tw  # 37 mm top margin of 公文 (GB/T 9704): 2098 twips
