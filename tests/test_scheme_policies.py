"""Other counties' rules through the real command line: deductions, a floor at 0, joint-item
credit, bonuses that stack or take the highest, weights by unit class. Every figure is
computed again here, with fractions, and compared with the workbook read back."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction as F
from pathlib import Path

import openpyxl
import pytest

from shiquan_score.cli import main
from tests.conftest import ledger_rows, write_ledger
from tests.schemes import MINI_UNITS, mini_scheme

D = dt.date
COLUMNS = ["县网站", "市网站", "批示", "约稿未报送"]


def convert(capsys, inbox: Path, out: Path, scheme: tuple[Path, Path], period: str = "2021Q1"):
    rules, roster = scheme
    code = main(
        [
            str(inbox),
            "--out",
            str(out),
            "--rules",
            str(rules),
            "--roster",
            str(roster),
            "--period",
            period,
        ]
    )
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert code == 0, captured.err
    (book,) = [
        p for p in out.glob("*.xlsx") if "问题" not in p.name and period_months(period) in p.name
    ]
    return book, captured.out


def period_months(period: str) -> str:
    quarter = int(period[-1])
    return f"{3 * quarter - 2}-{3 * quarter}月"


def body(book: Path) -> dict[str, dict[str, object]]:
    """unit → {column header: value} of the table, read back with openpyxl."""
    ws = openpyxl.load_workbook(book)["统计表"]
    rows = list(ws.iter_rows(values_only=True))
    heads = [r[0] for r in rows]
    last_header = heads.index("单位") + 1  # header rows: 单位 merged over two rows
    names = ["单位", *COLUMNS, "本期", "上期", "累计", "排名"]
    return {
        r[0]: dict(zip(names, r, strict=True))
        for r in rows[last_header + 1 :]
        if r[0] in MINI_UNITS
    }


def detail_rules(book: Path) -> list[tuple[str, str, object]]:
    ws = openpyxl.load_workbook(book)["明细"]
    rows = list(ws.iter_rows(values_only=True))
    at = next(i for i, r in enumerate(rows) if r and r[0] == "来源（文件/工作表）")
    head = rows[at]
    return [
        (r[head.index("单位")], r[head.index("计分说明")], r[head.index("得分")])
        for r in rows[at + 1 :]
    ]


def ranks(totals: dict[str, F]) -> dict[str, int]:
    """Standard competition ranking: 1 + the number of units strictly ahead."""
    return {u: 1 + sum(t > v for t in totals.values()) for u, v in totals.items()}


def shown(value) -> F:
    return F(str(value)) if value not in (None, "——") else F(0)


DEDUCTION_LEDGER = ledger_rows(
    (D(2021, 1, 4), "甲局", "甲一", None, "县网站"),
    (D(2021, 1, 5), "甲局", "甲二", None, "县网站"),
    (D(2021, 2, 1), "甲局", "约稿：春耕", "扣分", "约稿未报送"),
    (D(2021, 2, 2), "乙局", "乙一", None, "市网站"),
    (D(2021, 3, 1), "丁局", "约稿：防汛", None, "约稿未报送"),
)


def test_deductions_make_scores_negative_and_ranks_stay_right(capsys, tmp_path):
    scheme = mini_scheme(tmp_path)
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(inbox / "台账.xlsx", DEDUCTION_LEDGER)
    book, _ = convert(capsys, inbox, tmp_path / "out", scheme)
    expected = {"甲局": F(1) + 1 - 10, "乙局": F(2), "丙局": F(0), "丁局": F(-10)}
    table = body(book)
    for unit, points in expected.items():
        assert shown(table[unit]["本期"]) == points
        assert shown(table[unit]["累计"]) == points
        assert table[unit]["排名"] == ranks(expected)[unit]
    assert shown(table["甲局"]["约稿未报送"]) == 1 and shown(table["丁局"]["约稿未报送"]) == 1
    assert ("甲局", "扣分：“约稿未报送”扣10分", -10) in detail_rules(book)
    # Order printed: by rank
    assert list(table) == ["乙局", "丙局", "甲局", "丁局"]

    # Next quarter: last quarter's negative 累计 is this quarter's 上期.
    q2 = tmp_path / "二季度"
    q2.mkdir()
    book.rename(q2 / book.name)
    write_ledger(q2 / "台账.xlsx", ledger_rows((D(2021, 4, 6), "甲局", "甲三", None, "县网站")))
    book2, _ = convert(capsys, q2, tmp_path / "out2", scheme, "2021Q2")
    table = body(book2)
    assert shown(table["甲局"]["上期"]) == -8
    assert shown(table["甲局"]["累计"]) == -7
    assert shown(table["丁局"]["累计"]) == -10
    assert table["丁局"]["排名"] == 4


@pytest.mark.parametrize("floor", ["current", "total"])
def test_a_floor_stops_a_score_at_zero_and_says_so(capsys, tmp_path, floor):
    scheme = mini_scheme(tmp_path, scoring=f'floor = "{floor}"')
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(inbox / "台账.xlsx", DEDUCTION_LEDGER)
    book, out = convert(capsys, inbox, tmp_path / "out", scheme)
    table = body(book)
    # floor = "total": 本期 shows the deduction, 累计 stops at 0 (first quarter: 上期 is 0)
    raw = {"甲局": F(-8), "丁局": F(-10)}
    for unit, points in raw.items():
        assert shown(table[unit]["本期"]) == (0 if floor == "current" else points)
        assert shown(table[unit]["累计"]) == 0
    assert shown(table["乙局"]["累计"]) == 2
    assert [table[u]["排名"] for u in ("乙局", "甲局", "丙局", "丁局")] == [1, 2, 2, 2]
    word = {"current": "本期", "total": "累计"}[floor]
    ws = openpyxl.load_workbook(book)["问题"]
    messages = [r[-1] for r in ws.iter_rows(values_only=True)]
    assert (
        f'甲局{word}为-8分，按规则（[scoring] floor = "{floor}"）{word}不低于0，表中记为0分'
        in messages
    )
    assert (
        f'丁局{word}为-10分，按规则（[scoring] floor = "{floor}"）{word}不低于0，表中记为0分'
        in messages
    )
    assert "有 2 条提示" in out


JOINT_LEDGER = ledger_rows(
    (D(2021, 1, 4), "甲局、乙局", "联合一", None, "市网站"),
    (D(2021, 1, 9), "甲局、乙局、丙局", "联合二", None, "县网站"),
)


@pytest.mark.parametrize(
    ("scoring", "per_unit", "count", "rule"),
    [
        ("", lambda pts, n: F(pts, n), lambda n: F(1, n), "；{n}个单位联合报送，各得{s}分"),
        (
            'joint = "full"',
            lambda pts, n: F(pts),
            lambda n: F(1),
            "；{n}个单位联合报送，按规则每个单位各计{s}分",
        ),
        (
            'joint = "fixed"\njoint_points = 3',
            lambda pts, n: F(3),
            lambda n: F(1),
            "；{n}个单位联合报送，按规则每个单位各计{s}分",
        ),
    ],
)
def test_joint_item_credit_follows_the_policy(capsys, tmp_path, scoring, per_unit, count, rule):
    scheme = mini_scheme(tmp_path, scoring=scoring)
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(inbox / "台账.xlsx", JOINT_LEDGER)
    book, _ = convert(capsys, inbox, tmp_path / "out", scheme)
    table = body(book)
    first, second = per_unit(2, 2), per_unit(1, 3)
    expected = {"甲局": first + second, "乙局": first + second, "丙局": second, "丁局": F(0)}
    for unit, points in expected.items():
        assert abs(shown(table[unit]["本期"]) - points) <= F(1, 200)  # shown to 2 decimals
        assert table[unit]["排名"] == ranks(expected)[unit]
    assert abs(shown(table["甲局"]["市网站"]) - count(2)) <= F(1, 200)
    assert abs(shown(table["丙局"]["县网站"]) - count(3)) <= F(1, 200)
    s = str(float(first)).removesuffix(".0")
    assert (
        "甲局",
        "新闻被“市网站”采用计2分" + rule.format(n=2, s=s),
        float(first),
    ) in detail_rules(book)


BONUS_LEDGER = ledger_rows(
    (D(2021, 1, 4), "甲局", "春耕备耕", None, "县网站"),
    (D(2021, 1, 20), "甲局", "春耕备耕", "新闻", "批示"),
    (D(2021, 2, 4), "乙局", "乙一", None, "市网站"),
)


@pytest.mark.parametrize(
    ("news", "甲"),
    [("", F(1) + 5), ('best_of = ["县网站", "市网站", "批示"]', max(F(1), F(5)))],
)
def test_a_leader_instruction_stacks_or_takes_the_highest(capsys, tmp_path, news, 甲):
    scheme = mini_scheme(tmp_path, news=news)
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(inbox / "台账.xlsx", BONUS_LEDGER)
    book, _ = convert(capsys, inbox, tmp_path / "out", scheme)
    table = body(book)
    assert shown(table["甲局"]["本期"]) == 甲
    assert shown(table["甲局"]["批示"]) == 1 and shown(table["甲局"]["县网站"]) == 1
    assert shown(table["乙局"]["本期"]) == 2


def test_weights_differ_by_unit_class(capsys, tmp_path):
    scheme = mini_scheme(
        tmp_path,
        weights='  { category = "新闻", channel = "县网站", points = 0.5, class = "一类单位" },\n',
        classes={"甲局": "一类单位", "乙局": "一类单位", "丙局": "二类单位"},
    )
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(
        inbox / "台账.xlsx",
        ledger_rows(*((D(2021, 1, 4), u, f"{u}稿", None, "县网站") for u in MINI_UNITS)),
    )
    book, _ = convert(capsys, inbox, tmp_path / "out", scheme)
    table = body(book)
    expected = {"甲局": F(1, 2), "乙局": F(1, 2), "丙局": F(1), "丁局": F(1)}
    for unit, points in expected.items():
        assert shown(table[unit]["本期"]) == points
        assert table[unit]["排名"] == ranks(expected)[unit]


def test_unit_classes_ranked_apart_in_blocks_under_their_headings(capsys, tmp_path):
    classes = {"甲局": "一类单位", "乙局": "二类单位", "丙局": "一类单位", "丁局": "二类单位"}
    scheme = mini_scheme(tmp_path, table='classes = ["一类单位", "二类单位"]', classes=classes)
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(
        inbox / "台账.xlsx",
        ledger_rows(
            (D(2021, 1, 4), "甲局", "甲一", None, "县网站"),
            (D(2021, 1, 5), "丙局", "丙一", None, "市网站"),
            (D(2021, 1, 6), "乙局", "乙一", None, "县网站"),
            (D(2021, 1, 7), "丁局", "丁一", None, "县网站、市网站"),
        ),
    )
    book, _ = convert(capsys, inbox, tmp_path / "out", scheme)
    expected = {"甲局": F(1), "丙局": F(2), "乙局": F(1), "丁局": F(3)}
    table = body(book)
    for klass in ("一类单位", "二类单位"):
        block = {u: expected[u] for u in expected if classes[u] == klass}
        for unit, points in block.items():
            assert shown(table[unit]["本期"]) == points
            assert table[unit]["排名"] == ranks(block)[unit]  # ranked within the block
    ws = openpyxl.load_workbook(book)["统计表"]
    names = [r[0] for r in ws.iter_rows(min_row=6, values_only=True) if r[0]]
    assert names[:6] == ["一类单位", "丙局", "甲局", "二类单位", "丁局", "乙局"]
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert "A6:I6" in merged and "A9:I9" in merged  # each heading spans the table

    # Next quarter reads this table back: the headings are not units.
    q2 = tmp_path / "二季度"
    q2.mkdir()
    book.rename(q2 / book.name)
    write_ledger(q2 / "台账.xlsx", ledger_rows((D(2021, 4, 6), "甲局", "甲二", None, "市网站")))
    book2, _ = convert(capsys, q2, tmp_path / "out2", scheme, "2021Q2")
    table = body(book2)
    assert shown(table["甲局"]["累计"]) == 3 and table["甲局"]["排名"] == 1
    assert table["丙局"]["排名"] == 2 and table["丁局"]["排名"] == 1
