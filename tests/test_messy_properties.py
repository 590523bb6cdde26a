"""Randomised messy ledgers through cli.main (issue 11 "Done when"): whatever the file's
shape (CSV dialects, title and blank rows, totals and signature rows, header spellings,
invisible marks, joint items, repeats, rows of another quarter), the run exits 0 or 1 without
a traceback, the accounting line's N is the rows written, and 本期 equals an independent
scorer written here with fractions. Bounded: a few small ledgers, in-process."""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
from fractions import Fraction
from pathlib import Path

import messy_files as mf
import openpyxl
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shiquan_score.cli import main
from tests.conftest import table_by_name

POINTS = {"部门动态": Fraction(1, 2), "各镇快讯": Fraction(1, 2), "聚焦石泉": Fraction(1, 2)}
POINTS["市政府网站"] = Fraction(1)
DEPARTMENTS = {
    "财政局": ["财政局", "石泉县财政局", "县财政局", "\u200b财政局"],
    "审计局": ["审计局"],
}
TOWNS = {"城关镇": ["城关镇", "城关镇\ufeff"], "饶峰镇": ["饶峰镇"]}
CHANNELS = {
    "dept": ["部门动态", "聚焦石泉", "市政府网站"],
    "town": ["各镇快讯", "聚焦石泉", "市政府网站"],
}
HEADERS = {
    "date": ["日期", "采用日期", "刊发日期"],
    "unit": ["单位", "报送单位", "供稿单位"],
    "title": ["标题", "信息标题", "稿件标题"],
    "channel": ["采用渠道", "采用栏目"],
}
DATE_FORMS = ["{y}-{m:02d}-{d:02d}", "{y}.{m}.{d}", "{y}年{m}月{d}日", "{y}/{m}/{d}"]
BOOK = "石泉县2021年1-3月信息采用情况统计表.xlsx"
TABLES = {"附件1（镇）", "附件2（部门）"}


@st.composite
def items(draw):
    """One adoption: (units, title, channel, date as written, in Q1 2021?)."""
    kind = draw(st.sampled_from(["dept", "town"]))
    pool = DEPARTMENTS if kind == "dept" else TOWNS
    names = draw(st.lists(st.sampled_from(sorted(pool)), min_size=1, max_size=2, unique=True))
    written = [draw(st.sampled_from(pool[n])) for n in names]
    channel = draw(st.sampled_from(CHANNELS[kind]))
    in_period = draw(st.booleans()) or draw(st.booleans())
    month = draw(st.integers(1, 3)) if in_period else 12
    year = 2021 if in_period else 2020
    day = draw(st.integers(1, 28))
    form = draw(st.sampled_from(DATE_FORMS))
    number = draw(st.integers(1, 10**6))
    mention = draw(st.sampled_from(["", "合计签约", "总计划"]))
    title = f"{names[0]}第{number}项工作{mention}推进"
    return (
        tuple(names),
        "、".join(written),
        title,
        channel,
        form.format(y=year, m=month, d=day),
        in_period,
    )


@st.composite
def ledgers(draw):
    rows = draw(st.lists(items(), min_size=1, max_size=8))
    repeats = draw(st.lists(st.sampled_from(range(len(rows))), max_size=2))
    return {
        "rows": rows + [rows[i] for i in repeats],
        "headers": {f: draw(st.sampled_from(v)) for f, v in HEADERS.items()},
        "format": draw(st.sampled_from(["xlsx", "csv,", "csv;", "csv\t", "csv-sep", "csv-cr"])),
        "title_rows": draw(st.integers(0, 2)),
        "blank_between": draw(st.booleans()),
        "total": draw(st.booleans()),
        "footer": draw(st.booleans()),
        "lead_total": draw(st.booleans()),  # 小计 in a real row's 序号: still a record
    }


def _write(folder: Path, ledger: dict) -> int:
    """The ledger as a file; returns the number of non-blank rows below the header."""
    h = ledger["headers"]
    header = ["序号", h["date"], h["unit"], h["title"], "类别", h["channel"]]
    body = [
        [str(i), date, units, title, "新闻动态" if i % 2 else "", channel]
        for i, (_, units, title, channel, date, _) in enumerate(ledger["rows"], start=1)
    ]
    if ledger["lead_total"]:
        body[0][0] = "小计"
    if ledger["blank_between"]:
        body.insert(len(body) // 2, ["", "", "", "", "", ""])
    if ledger["total"]:
        body.append(["合计", "", "", "", "", str(len(ledger["rows"]))])
    if ledger["footer"]:
        body.append(["制表人：张三", "", "审核：李四", "", "", ""])
    above = [[mf.TITLE]] * ledger["title_rows"]
    kind = ledger["format"]
    if kind == "xlsx":
        book = xlsxwriter.Workbook(str(folder / "台账.xlsx"))
        sheet = book.add_worksheet("台账")
        for r, cells in enumerate([*above, header, *body]):
            for c, value in enumerate(cells):
                if value:
                    sheet.write_string(r, c, value)
        book.close()
    else:
        delimiter = {"csv,": ",", "csv;": ";", "csv\t": "\t"}.get(kind, ",")
        text = mf.csv_text(
            delimiter,
            title=mf.TITLE if ledger["title_rows"] else None,
            header=header,
            rows=body,
            newline="\r" if kind == "csv-cr" else "\r\n",
            sep_line=kind == "csv-sep",
        )
        (folder / "台账.csv").write_bytes(text.encode("utf-8-sig" if kind == "csv;" else "utf-8"))
    return sum(1 for cells in body if any(cells))


def _expected(rows: list) -> dict[str, Fraction]:
    """The independent scorer: news points per adoption, a joint item split equally, a row
    repeated (same units, title, channel) counted once, rows outside Q1 2021 not at all."""
    seen, points = set(), {}
    for units, _, title, channel, _, in_period in rows:
        key = (frozenset(units), title, channel)
        if not in_period or key in seen:
            continue
        seen.add(key)
        for unit in units:
            points[unit] = points.get(unit, Fraction(0)) + POINTS[channel] / len(units)
    return points


def _shown(value: Fraction) -> float:
    """四舍五入 to 2 decimals, as the table prints 本期."""
    return float((value * 100 + Fraction(1, 2)) // 1 / 100)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(ledgers())
def test_messy_ledgers_convert_exactly(ledger):
    with tempfile.TemporaryDirectory() as tmp:
        inbox, out = Path(tmp) / "收件箱", Path(tmp) / "out"
        inbox.mkdir()
        written = _write(inbox, ledger)
        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main([str(inbox), "--out", str(out), "--period", "2021Q1"])
        assert code in (0, 1), stderr.getvalue()
        assert "Traceback" not in stdout.getvalue() + stderr.getvalue()
        if not any(row[5] for row in ledger["rows"]):  # all of another quarter: refused
            assert code == 1
            assert stderr.getvalue().startswith("错误：台账里没有2021年1-3月（2021Q1）的行")
            return
        line = next(x for x in stdout.getvalue().splitlines() if x.startswith("期别："))
        n = int(re.search(r"台账共 (\d+) 行", line).group(1))
        assert n == written
        expected = _expected(ledger["rows"])
        assert code == 0, stderr.getvalue()
        found = {}
        # A table with no ledger rows (and no previous table) is left out of the workbook.
        for sheet in set(openpyxl.load_workbook(out / BOOK).sheetnames) & TABLES:
            for name, row in table_by_name(out / BOOK, sheet).items():
                if isinstance(row[-4], int | float) and row[-4]:
                    found[name] = row[-4]
        assert found == {unit: _shown(p) for unit, p in expected.items()}
