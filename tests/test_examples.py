"""The schemes in templates/examples/ through the real command line: each sample inbox is
generated, converted, read back with openpyxl, and every figure compared with a scoring
done again here from the example's published rules (its 备注), in fractions."""

from __future__ import annotations

import importlib.util
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction as F

import openpyxl
import pytest

from shiquan_score.cli import main
from tests.conftest import ROOT

EXAMPLES = ROOT / "templates" / "examples"


def _maker():
    spec = importlib.util.spec_from_file_location("make_inbox", EXAMPLES / "make_inbox.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Rules:
    """An example's rules as its 备注 states them, written out here independently."""

    example: str
    sheet: str
    columns: list[str]  # the count columns' channel, left to right
    points: dict[tuple[str, str], int]  # (category, channel) → points
    implies: dict[str, str]
    ranked: dict[str, str]  # ranked unit → its block ("" when one block), roster order
    unranked: list[str]
    joint: str = "split"
    fixed: int = 0
    best_of: dict[str, set[str]] = field(default_factory=dict)
    by_class: dict[tuple[str, str, str], int] = field(default_factory=dict)
    floor: bool = False
    blocks: list[str] = field(default_factory=lambda: [""])
    # The periods run one after another: (--period, its months, the header's months).
    periods: list[tuple[str, set[int], str]] = field(
        default_factory=lambda: [("2021Q1", {1, 2, 3}, "1-3月")]
    )


PINGAN = Rules(
    example="平安县_扣分与批示",
    sheet="计分表",
    columns=[
        "县政府网站",
        "市政府网站",
        "市政务专报",
        "省政务专报",
        "县领导批示",
        "市领导批示",
        "约稿未报送",
        "信息失实",
    ],
    points={
        ("新闻信息", "县政府网站"): 1,
        ("新闻信息", "市政府网站"): 2,
        ("政务信息", "市政务专报"): 5,
        ("政务信息", "省政务专报"): 10,
        ("政务信息", "县领导批示"): 3,
        ("政务信息", "市领导批示"): 5,
        ("扣分", "约稿未报送"): -10,
        ("扣分", "信息失实"): -20,
    },
    implies={
        "县政府网站": "新闻信息",
        "市政府网站": "新闻信息",
        "市政务专报": "政务信息",
        "省政务专报": "政务信息",
        "约稿未报送": "扣分",
        "信息失实": "扣分",
    },
    ranked=dict.fromkeys(["发改局", "教育局", "财政局", "农业农村局", "卫健局", "城关镇"], ""),
    unranked=["县委办"],
    joint="full",
    periods=[("2021-01", {1}, "1月"), ("2021M02", {2}, "2月"), ("2021-03", {3}, "3月")],
)

ANNING = Rules(
    example="安宁县_分类排名",
    sheet="考核表",
    columns=["县政府网站", "市政府网站", "市政务专报", "省政务专报", "迟报"],
    points={
        ("动态信息", "县政府网站"): 1,
        ("动态信息", "市政府网站"): 2,
        ("调研信息", "市政务专报"): 8,
        ("调研信息", "省政务专报"): 15,
        ("扣分", "迟报"): -2,
    },
    by_class={("动态信息", "市政府网站", "三类单位"): 3},
    implies={"县政府网站": "动态信息", "市政府网站": "动态信息", "迟报": "扣分"},
    ranked={
        "政府办": "一类单位",
        "发改局": "一类单位",
        "财政局": "一类单位",
        "教体局": "二类单位",
        "卫健局": "二类单位",
        "民政局": "二类单位",
        "供销社": "三类单位",
        "档案馆": "三类单位",
    },
    unranked=["人大办"],
    joint="fixed",
    fixed=3,
    best_of={"调研信息": {"市政务专报", "省政务专报"}},
    floor=True,
    blocks=["一类单位", "二类单位", "三类单位"],
)


def expected(
    rules: Rules, rows: list[tuple], months: set[int] = frozenset({1, 2, 3}), before=None
) -> tuple[dict, dict, list[str]]:
    """(points per unit, counts per (unit, channel), rows of the table in printed order: by
    累计, i.e. these months' points plus `before`, the earlier months' of the year)."""
    points: dict[str, F] = defaultdict(F)
    counts: dict[tuple[str, str], F] = defaultdict(F)
    best: dict[tuple, tuple[F, str]] = {}  # research item of one unit → its highest bonus
    for day, units_text, title, category, channels_text in rows:
        if day.year != 2021 or day.month not in months:
            continue  # outside the period
        units = units_text.split("、")
        for channel in channels_text.split("、"):
            cat = category or rules.implies[channel]
            for unit in units:
                klass = rules.ranked.get(unit, "")
                p = F(rules.by_class.get((cat, channel, klass), rules.points[(cat, channel)]))
                n = len(units)
                share = F(1, n) if rules.joint == "split" else F(1)
                counts[(unit, channel)] += share
                if rules.joint == "split":
                    credit = p / n
                elif rules.joint == "fixed" and n > 1 and p > 0:
                    credit = F(rules.fixed)
                else:
                    credit = p
                if channel in rules.best_of.get(cat, ()):
                    key = (tuple(sorted(units)), title, cat, unit)
                    best[key] = max(best.get(key, (F(-1000), "")), (credit, channel))
                else:
                    points[unit] += credit
    for (_, _, _, unit), (credit, _) in best.items():
        points[unit] += credit
    if rules.floor:
        points = defaultdict(F, {u: max(p, F(0)) for u, p in points.items()})
    total = {u: points[u] + (before or {}).get(u, F(0)) for u in rules.ranked}
    order = []
    for block in rules.blocks:
        members = [u for u, b in rules.ranked.items() if b == block]
        order += ([block] if block else []) + sorted(
            members, key=lambda u: (-total[u], members.index(u))
        )
    return points, counts, order + rules.unranked


def _rank(rules: Rules, points: dict[str, F], unit: str) -> int:
    block = rules.ranked[unit]
    rivals = [u for u, b in rules.ranked.items() if b == block]
    return 1 + sum(points[u] > points[unit] for u in rivals)


def _number(value) -> F:
    return F(0) if value in (None, "——") else F(str(value))


@pytest.mark.parametrize("rules", [PINGAN, ANNING], ids=lambda r: r.example)
def test_example_scheme_every_figure(tmp_path, capsys, rules):
    """Each period of the example in turn, last period's table moved into the inbox: 上期 is
    the earlier periods' 累计 of the same year, 累计 = 上期 + 本期."""
    maker = _maker()
    inbox = maker.write_inbox(rules.example, tmp_path / "收件箱")
    folder = EXAMPLES / rules.example
    scheme = ["--rules", str(folder / "rules.toml"), "--roster", str(folder / "roster.toml")]
    ledger = maker.sample_rows(rules.example)
    before: dict[str, F] = {}
    for n, (period, months, header) in enumerate(rules.periods):
        out = tmp_path / f"out{n}"
        code = main([str(inbox), *scheme, "--period", period, "--out", str(out)])
        captured = capsys.readouterr()
        assert code == 0, captured.err
        (book,) = out.glob("*.xlsx")
        assert header in book.name
        points, counts, order = expected(rules, ledger, months, before)
        _check_table(book, rules, points, counts, order, before, header)
        # Every scored adoption is one 明细 row: one per unit and channel of the period.
        events = sum(
            len(u.split("、")) * len(c.split("、")) for d, u, _, _, c in ledger if d.month in months
        )
        detail = openpyxl.load_workbook(book)["明细"]
        body = [r for r in detail.iter_rows(values_only=True) if r and isinstance(r[1], int)]
        assert len(body) == events
        before = {u: before.get(u, F(0)) + points[u] for u in rules.ranked}
        book.rename(inbox / book.name)  # next period's previous table


def _check_table(book, rules, points, counts, order, before, header) -> None:
    ws = openpyxl.load_workbook(book)[rules.sheet]
    cells = [v for r in ws.iter_rows(max_row=6, values_only=True) for v in r]
    assert any(isinstance(v, str) and v.startswith(header) for v in cells)  # {months}
    rows = [r for r in ws.iter_rows(min_row=7, values_only=True) if r[0]]
    printed = [r[0] for r in rows if not str(r[0]).startswith("备注")]
    assert printed == order
    total = {u: points[u] + before.get(u, F(0)) for u in rules.ranked}
    for row in rows:
        unit = row[0]
        if str(unit).startswith("备注"):
            continue
        if unit not in rules.ranked and unit not in rules.unranked:
            assert unit in rules.blocks  # a block heading, nothing else in its row
            assert all(v is None for v in row[1:])
            continue
        for c, channel in enumerate(rules.columns, start=1):
            assert _number(row[c]) == counts[(unit, channel)], (unit, channel)
        k = len(rules.columns) + 1
        if unit in rules.unranked:
            assert row[k] == "不计分、不排名"
            continue
        current, previous, cumulative, rank = row[k : k + 4]
        assert _number(current) == points[unit], unit
        assert _number(previous) == before.get(unit, 0)
        assert _number(cumulative) == total[unit]
        assert rank == _rank(rules, total, unit)


def test_pingan_figures_as_published():
    """The example's table, stated once by hand: the scorer above is itself checked."""
    points, _, order = expected(PINGAN, _maker().sample_rows(PINGAN.example), {1, 2, 3})
    assert order == ["农业农村局", "发改局", "教育局", "城关镇", "财政局", "卫健局", "县委办"]
    assert [points[u] for u in order[:-1]] == [15, 11, 3, 3, -9, -17]


def test_anning_figures_as_published():
    points, _, order = expected(ANNING, _maker().sample_rows(ANNING.example))
    assert order == [
        "一类单位",
        "发改局",
        "政府办",
        "财政局",
        "二类单位",
        "民政局",
        "教体局",
        "卫健局",
        "三类单位",
        "档案馆",
        "供销社",
        "人大办",
    ]
    assert [points[u] for u in ("发改局", "政府办", "财政局", "民政局", "教体局", "卫健局")] == [
        18,
        3,
        1,
        5,
        1,
        0,
    ]
    assert (points["档案馆"], points["供销社"]) == (7, 6)


def test_make_inbox_writes_the_same_bytes_twice(tmp_path):
    maker = _maker()
    a = maker.write_inbox(PINGAN.example, tmp_path / "a") / "台账.xlsx"
    b = maker.write_inbox(PINGAN.example, tmp_path / "b") / "台账.xlsx"
    assert a.read_bytes() == b.read_bytes()
