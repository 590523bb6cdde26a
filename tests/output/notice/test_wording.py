"""The body's figures, checked against the workbook's own cells, and the clause rule."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest

from shiquan_score.output.layout import build_grid
from shiquan_score.output.notice.wording import NoticeTable, body, numeral
from shiquan_score.period import Period
from shiquan_score.scheme.notice import DEFAULT_NOTICE, load_notice


def _figures(ws) -> dict:
    """Counts per level, the top three and the units with nothing, read from the sheet."""
    top_left = {}
    for rng in ws.merged_cells.ranges:
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                top_left[(r, c)] = (rng.min_row, rng.min_col)
    header = {
        c: tuple(str(ws.cell(*top_left.get((r, c), (r, c))).value or "") for r in range(4, 8))
        for c in range(1, ws.max_column + 1)
    }
    counts = [c for c, p in header.items() if "采用情况（条）" in p[1]]
    total_col = next(c for c, p in header.items() if p[2] == "累计")
    rank_col = max(header)
    levels = {
        "省级": Fraction(0),
        "国家级": Fraction(0),
        "市级": Fraction(0),
        "市政府\n网站": Fraction(0),
    }
    total, best, none = Fraction(0), [], []
    for r in range(8, ws.max_row):
        name = ws.cell(r, 1).value
        numbers = [n for c in counts if (n := _number(ws.cell(r, c).value)) is not None]
        total += sum(numbers)
        for c in counts:
            v = _number(ws.cell(r, c).value)
            if header[c][3] in levels and v is not None:
                levels[header[c][3]] += v
        rank = ws.cell(r, rank_col).value
        if isinstance(rank, int | float) and rank <= 3:
            best.append((name, ws.cell(r, total_col).value))
        if isinstance(rank, int | float) and sum(numbers) == 0:
            none.append(name)
    return {"total": total, "levels": levels, "best": best, "none": none}


def _number(v) -> Fraction | None:
    """A count as the sheet holds it; a hand-made table may hold "8" as text."""
    try:
        return Fraction(str(v).strip())
    except ValueError:
        return None


def _n(x) -> str:
    return f"{float(x):.2f}".rstrip("0").rstrip(".")


@pytest.fixture(scope="module")
def paragraphs(made):
    return [p.text for p in docx.Document(str(made.docx)).paragraphs if p.text.strip()]


def test_body_figures_are_the_workbooks(made, paragraphs):
    wb = openpyxl.load_workbook(made.workbook)
    towns, depts = (_figures(wb[name]) for name in ("附件1（镇）", "附件2（部门）"))
    total = towns["total"] + depts["total"]
    province = towns["levels"]["省级"] + depts["levels"]["省级"]
    city = towns["levels"]["市级"] + depts["levels"]["市级"]
    overall = next(p for p in paragraphs if "全县共有" in p)
    assert f"全县共有{_n(total)}条信息被各级采用" in overall
    assert f"市政府办公室《政务信息专报》采用{_n(city)}条" in overall
    assert f"省政府办公厅采用{_n(province)}条" in overall
    assert "国务院办公厅" not in overall  # no State Council adoption: its clause is left out
    for figures, units in ((towns, "各镇"), (depts, "县直各部门")):
        best = "、".join(f"{name}（{_n(score)}分）" for name, score in figures["best"])
        assert any(p.startswith(f"{units}中，累计得分前三名的是：{best}。") for p in paragraphs)
    assert towns["none"] == []
    assert f"县直各部门中，{'、'.join(depts['none'])}本期没有信息被采用。" in paragraphs
    assert not any(p.startswith("各镇中，") and "没有信息" in p for p in paragraphs)


def test_comparison_with_last_quarter_uses_its_table(made, paragraphs):
    prev = openpyxl.load_workbook(Path("sample_data/石泉县2020年7-9月信息采用情况统计表.xlsx"))
    before = sum(_figures(prev[ws.title])["total"] for ws in prev.worksheets[:2])
    wb = openpyxl.load_workbook(made.workbook)
    now = sum(_figures(wb[ws.title])["total"] for ws in wb.worksheets[:2])
    word = "增加" if now > before else "减少"
    overall = next(p for p in paragraphs if "全县共有" in p)
    assert f"比上季度{word}{_n(abs(now - before))}条" in overall


def test_placeholders_and_closing(made, paragraphs):
    assert "2021年1月15日" in paragraphs
    assert "石泉县人民政府办公室" in paragraphs
    assert "【联系人及电话】" in paragraphs  # the scheme gives no contact: a visible placeholder
    assert "各镇人民政府，县政府各工作部门、直属机构：" in paragraphs
    assert "附件：1．石泉县2020年信息采用情况统计表（镇）" in paragraphs
    assert "2．石泉县2020年信息采用情况统计表（部门）" in paragraphs
    assert "（此件主动公开）" in paragraphs
    assert paragraphs.index("附件1") < paragraphs.index("附件2")


def _tables(scheme, period, edit):
    """The sample-like standings of both tables after `edit`, as the notice receives them."""
    out = []
    for key, spec in scheme.tables.items():
        units = scheme.units[scheme.units["table"] == key]
        frame = pd.DataFrame(index=pd.Index(units["unit"], name="unit"))
        frame["ranked"] = units["ranked"].to_numpy()
        for j, c in enumerate(spec.columns):
            if c.value == "count":
                frame[f"count_{j}"] = 0.0
        frame["current"] = frame["previous"] = frame["total"] = 0.0
        frame["rank"] = pd.array([1 if r else pd.NA for r in frame["ranked"]], dtype=object)
        frame["note"] = ""
        edit(key, frame)
        out.append(NoticeTable(key, spec, frame, build_grid(spec, scheme, frame, period)))
    return out


def test_a_clause_appears_only_when_its_count_is_not_zero(scheme):
    notice = load_notice(DEFAULT_NOTICE, scheme)
    period = Period(2021, 1)

    def one_state_adoption(key, frame):
        if key == "部门":
            j = next(
                j
                for j, c in enumerate(scheme.tables[key].columns)
                if c.count == (("政务动态", "国家级"),)
            )
            frame.loc["财政局", f"count_{j}"] = 1.0

    texts = [
        t for _, t in body(_tables(scheme, period, one_state_adoption), scheme, notice, period)
    ]
    overall = next(t for t in texts if "全县共有" in t)
    assert overall == "2021年1-3月，全县共有1条信息被各级采用。其中，国务院办公厅采用1条。"
    assert "财政局有信息被国务院办公厅采用。" in " ".join(texts)
    assert not any("省政府办公厅" in t for t in texts)
    assert not any("比上季度" in t for t in texts)  # Q1: no last quarter to compare with


def test_headings_are_numbered_after_a_dropped_one(scheme):
    notice = load_notice(DEFAULT_NOTICE, scheme)
    period = Period(2021, 1)

    def everyone_adopted(key, frame):
        frame[next(c for c in frame.columns if c.startswith("count_"))] = 1.0

    headings = [
        t
        for s, t in body(_tables(scheme, period, everyone_adopted), scheme, notice, period)
        if s == "heading"
    ]
    assert headings == ["一、总体情况", "二、先进单位", "三、工作要求"]


def test_numerals_and_date():
    class N:
        numerals = ("〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十")

    assert [numeral(n, N) for n in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]
