"""The year's research bonuses carried in our own workbook (issue 10 item 3), through the CLI."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from shiquan_score.cli import main
from tests.conftest import ledger_rows, table_by_name, write_ledger
from tests.handmade import write_simple_tables

D = dt.date
Q1 = [(D(2021, 3, 1), "财政局", "一季度新闻", None, "部门动态")]
Q2 = [
    (D(2021, 5, 6), "农业农村局", "调研一", "调研信息", "县政府网站政务信息、市级"),
    (D(2021, 6, 2), "财政局、审计局", "调研二", "调研信息", "市级"),
]
Q3 = [
    (D(2021, 8, 5), "农业农村局", "调研一", "调研信息", "省级"),
    (D(2021, 8, 9), "财政局、审计局", "调研二", "调研信息", "省级"),
]
BOOK = "石泉县2021年{}信息采用情况统计表.xlsx"


def _quarter(tmp_path, name, rows, previous=None, *args):
    inbox = tmp_path / f"in_{name}"
    inbox.mkdir()
    if previous is not None:
        shutil.copy(previous, inbox)
    write_ledger(inbox / "台账.xlsx", ledger_rows(*rows))
    code = main([str(inbox), "--out", str(tmp_path / f"out_{name}"), *args])
    return code, tmp_path / f"out_{name}"


def _q2_workbook(tmp_path):
    code, out1 = _quarter(tmp_path, "q1", Q1)
    assert code == 0
    code, out2 = _quarter(tmp_path, "q2", Q2, out1 / BOOK.format("1-3月"))
    assert code == 0
    return out2 / BOOK.format("4-6月")


def _scores(book):
    dept = table_by_name(book, "附件2（部门）")
    return {u: dept[u][8:11] for u in ("农业农村局", "财政局", "审计局")}


def _hints(book, kind):
    rows = openpyxl.load_workbook(book)["问题"].iter_rows(values_only=True)
    return [r[6] for r in rows if r[5] == kind]


def test_the_q2_workbook_records_the_bonuses_granted(tmp_path):
    book = _q2_workbook(tmp_path)
    rows = list(openpyxl.load_workbook(book)["调研加分"].iter_rows(min_row=3, values_only=True))
    assert rows == [
        ("期别", "单位", "报送单位", "标题", "类别", "已计加分的渠道", "加分"),
        ("2021Q2", "农业农村局", "农业农村局", "调研一", "调研信息", "市级", 10),
        ("2021Q2", "审计局", "审计局、财政局", "调研二", "调研信息", "市级", 10),
        ("2021Q2", "财政局", "审计局、财政局", "调研二", "调研信息", "市级", 10),
    ]


def test_one_file_per_quarter_grants_only_the_top_up(tmp_path, capsys):
    q2 = _q2_workbook(tmp_path)
    code, out = _quarter(tmp_path, "q3", Q3, q2)
    assert code == 0, capsys.readouterr().err
    book = out / BOOK.format("7-9月")
    # 20 - 10 already granted; the joint item's top-up split in two
    assert _scores(book) == {
        "农业农村局": (10, 13, 23),
        "财政局": (5, 5.5, 10.5),
        "审计局": (5, 5, 10),
    }
    assert _hints(book, "加分记录不一致") == []
    record = list(openpyxl.load_workbook(book)["调研加分"].iter_rows(min_row=4, values_only=True))
    assert ("2021Q3", "农业农村局", "农业农村局", "调研一", "调研信息", "省级", 20) in record


def test_a_record_edited_to_repeat_an_item_counts_it_once(tmp_path, capsys):
    """An item written twice into last quarter's 调研加分 sheet (by hand) is still one item:
    its highest bonus is the one granted, and the new record holds it once."""
    q2 = _q2_workbook(tmp_path)
    book = openpyxl.load_workbook(q2)
    sheet = book["调研加分"]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    item = next(r for r in rows if r[1] == "农业农村局")
    sheet.append(list(item))  # the same item again, as a clerk's paste would leave it
    sheet.append([*item[:6], 3])  # and once more with a lower bonus
    book.save(q2)
    code, out = _quarter(tmp_path, "q3", Q3, q2)
    assert code == 0, capsys.readouterr().err
    book = out / BOOK.format("7-9月")
    assert _scores(book)["农业农村局"] == (10, 13, 23)  # 20 - 10 granted, as unedited
    record = list(openpyxl.load_workbook(book)["调研加分"].iter_rows(min_row=4, values_only=True))
    mine = [r for r in record if r[1] == "农业农村局"]
    assert mine == [("2021Q3", "农业农村局", "农业农村局", "调研一", "调研信息", "省级", 20)]


def test_running_ledger_and_record_never_double_count(tmp_path):
    q2 = _q2_workbook(tmp_path)
    code, out = _quarter(tmp_path, "q3", Q1 + Q2 + Q3, q2)
    assert code == 0
    book = out / BOOK.format("7-9月")
    assert _scores(book) == {
        "农业农村局": (10, 13, 23),
        "财政局": (5, 5.5, 10.5),
        "审计局": (5, 5, 10),
    }
    assert _hints(book, "加分记录不一致") == []


def test_record_and_ledger_disagreeing_gives_a_hint_naming_both(tmp_path):
    q2 = _q2_workbook(tmp_path)
    # the running ledger lost 调研二's Q2 row but covers Q1 and Q2 otherwise (13.5 of the
    # published 23.5 points): the record says what the Q2 table paid
    ledger = Q1 + Q2[:1] + Q3
    code, out = _quarter(tmp_path, "q3", ledger, q2)
    assert code == 0
    book = out / BOOK.format("7-9月")
    assert _scores(book)["财政局"] == (5, 5.5, 10.5)
    assert _hints(book, "加分记录不一致") == [
        "调研信息“调研二”（审计局、财政局）：上期工作簿 石泉县2021年4-6月信息采用情况统计表.xlsx"
        " 记录此前已计市级+10，台账中此前各期的记录为没有加分；"
        "按上期工作簿扣除（已发布的表计过的才算已计），本期计10分。请核对上期工作簿和台账"
    ]


LATE = (D(2021, 6, 20), "统计局", "调研三", "调研信息", "县政府网站政务信息、市级")
LATER = (D(2021, 8, 20), "统计局", "调研三", "调研信息", "省级")


def test_a_bonus_logged_late_into_a_published_quarter_was_never_paid(tmp_path):
    """调研三's June row was logged after the Q2 table went out: that table paid nothing for
    it, so the province's adoption in Q3 earns the full +20, and 明细, the 调研加分 record and
    the 上期 cross-check all say so."""
    q2 = _q2_workbook(tmp_path)
    code, out = _quarter(tmp_path, "q3", [*Q1, *Q2, LATE, *Q3, LATER], q2)
    assert code == 0
    book = out / BOOK.format("7-9月")
    assert table_by_name(book, "附件2（部门）")["统计局"][8:11] == (20, 0, 20)
    wb = openpyxl.load_workbook(book)
    detail = [r for r in wb["明细"].iter_rows(values_only=True) if r[5] == "调研三"]
    assert [(r[1], r[7], r[8], r[9], r[10]) for r in detail] == [
        (10, "省级", 20, 20, "调研信息被“省级”采用计20分")
    ]
    record = list(wb["调研加分"].iter_rows(min_row=4, values_only=True))
    assert ("2021Q3", "统计局", "统计局", "调研三", "调研信息", "省级", 20) in record
    assert _hints(book, "加分记录不一致") == [
        "调研信息“调研三”（统计局）：上期工作簿 石泉县2021年4-6月信息采用情况统计表.xlsx"
        " 记录此前已计没有加分，台账中此前各期的记录为市级+10；"
        "按上期工作簿扣除（已发布的表计过的才算已计），本期计20分。请核对上期工作簿和台账"
    ]
    assert _hints(book, "上期核对") == [
        "统计局：按台账中2021年1-6月的记录算得累计 13 分，上期表为 0 分（台账比上期表多 13 分）。"
        "本期仍按上期表计算；如上期表有误，请更正后重新运行"
    ]


def test_hand_made_table_and_a_late_bonus_point_at_each_other(tmp_path, scheme):
    """No record with a hand-made table: the ledger's earlier bonus is deducted (all there is),
    and since the cross-check finds 统计局's ledger 累计 13 above the table, a 提示 says the
    bonus may never have been paid and how to put it right."""
    inbox = tmp_path / "in"
    inbox.mkdir()
    published = {"财政局": 5.5, "农业农村局": 13, "审计局": 5}
    write_simple_tables(inbox / "二季度.xlsx", scheme, published, months="4-6月", year=2021)
    write_ledger(inbox / "台账.xlsx", ledger_rows(*Q1, *Q2, LATE, *Q3, LATER))
    assert main([str(inbox), "--out", str(tmp_path / "out")]) == 0
    book = tmp_path / "out" / BOOK.format("7-9月")
    assert table_by_name(book, "附件2（部门）")["统计局"][8:11] == (10, 0, 10)
    assert _hints(book, "加分可能未计") == [
        "调研信息“调研三”（统计局）：按台账中此前的记录已计市级+10，本期计10分；"
        "但上期核对显示统计局按台账算得的累计比上期表多 13 分，这条加分上期表可能没有计。"
        "如上期表漏计了，请更正上期表的累计后重新运行"
    ]
    assert len(_hints(book, "上期核对")) == 1


def test_hand_made_previous_table_gets_a_hint_per_bonus(tmp_path, scheme, capsys):
    inbox = tmp_path / "in"
    inbox.mkdir()
    write_simple_tables(
        inbox / "二季度.xlsx", scheme, {"农业农村局": 13}, months="4-6月", year=2021
    )
    write_ledger(inbox / "台账.xlsx", ledger_rows(*Q3))
    assert main([str(inbox), "--out", str(tmp_path / "out")]) == 0
    book = tmp_path / "out" / BOOK.format("7-9月")
    screen = capsys.readouterr().out.splitlines()
    # The screen says it too, right under the count of 提示: 2 items, 3 units of 20 each.
    notes = screen.index("有 1 条提示，请在工作簿的“问题”表中核对")
    assert screen[notes + 1] == (
        "提示：上期表是手工做的，本期 2 条调研信息的加分无法与此前各季度核对"
        "（涉及 农业农村局 20 分、财政局 20 分、审计局 20 分），如此前已计过就会重复计分。"
        "请把此前各季度的台账行一并放进收件箱，或改用本工具上季度生成的统计表作上期表，然后重新运行"
    )
    assert _hints(book, "加分无法核对") == [
        "上期表是手工做的，没有记录此前各期已计的调研加分：本期有 2 条调研信息计了加分"
        "（如调研信息“调研一”（农业农村局）），无法核对此前是否已计过，逐条见“调研加分”表的“核对”一列；"
        "如已计过，请在台账中补上此前的采用记录后重新运行"
    ]
    rows = list(openpyxl.load_workbook(book)["调研加分"].iter_rows(min_row=3, values_only=True))
    unchecked = "上期表是手工做的，此前各期的加分未能核对"
    assert rows == [
        ("期别", "单位", "报送单位", "标题", "类别", "已计加分的渠道", "加分", "核对"),
        ("2021Q3", "农业农村局", "农业农村局", "调研一", "调研信息", "省级", 20, unchecked),
        ("2021Q3", "审计局", "审计局、财政局", "调研二", "调研信息", "省级", 20, unchecked),
        ("2021Q3", "财政局", "审计局、财政局", "调研二", "调研信息", "省级", 20, unchecked),
    ]


def test_a_record_of_many_items_is_carried_too(tmp_path, scheme):
    """Past 1,000 items the 调研加分 sheet holds JSON lines in a few cells: read back alike."""
    ranked = scheme.units[(scheme.units["table"] == "部门") & scheme.units["ranked"]]["unit"]
    units = list(ranked)[:10]
    q2 = [
        (D(2021, 5, 1 + i % 28), units[i % 10], f"调研第{i}号", "调研信息", "市级")
        for i in range(1010)
    ]
    q3 = [(D(2021, 8, 3), u, t, c, "省级") for _, u, t, c, _ in q2]
    inbox = tmp_path / "in_q2"
    inbox.mkdir()
    write_simple_tables(inbox / "一季度.xlsx", scheme, {}, months="1-3月", year=2021)
    write_ledger(inbox / "台账.xlsx", ledger_rows(*q2))
    assert main([str(inbox), "--out", str(tmp_path / "out_q2")]) == 0
    book = tmp_path / "out_q2" / BOOK.format("4-6月")
    sheet = openpyxl.load_workbook(book)["调研加分"]
    assert sheet.cell(3, 1).value == "调研加分记录（每行一条，JSON）"
    code, out = _quarter(tmp_path, "q3", q3, book)
    assert code == 0
    dept = table_by_name(out / BOOK.format("7-9月"), "附件2（部门）")
    assert {u: dept[u][8] for u in units} == {u: 10 * 101 for u in units}  # +10 each, not +20


def test_the_screen_names_five_units_and_counts_the_rest():
    """Seven units with unchecked bonuses: five named, then the count and the sum of all."""
    import pandas as pd

    from shiquan_score.period import Period
    from shiquan_score.score.record import unchecked_line

    units = [f"单位{i}" for i in range(7)]
    research = pd.DataFrame(
        {
            "where": "台账.xlsx",
            "row": range(2, 9),
            "unit_name": units,
            "units_key": units,
            "title": "调研",
            "category_name": "调研信息",
            "awarded": [20.0, 10, 10, 20, 10, 10, 20],
        }
    )
    assert unchecked_line(research, None, False, Period(2021, 3)) == (
        "提示：上期表是手工做的，本期 7 条调研信息的加分无法与此前各季度核对"
        "（涉及 单位0 20 分、单位1 10 分、单位2 10 分、单位3 20 分、单位4 10 分等，共 7 个单位 100 分），"
        "如此前已计过就会重复计分。"
        "请把此前各季度的台账行一并放进收件箱，或改用本工具上季度生成的统计表作上期表，然后重新运行"
    )
    assert unchecked_line(research, "上期.xlsx", False, Period(2021, 3)) is None  # a record
    assert unchecked_line(research, None, True, Period(2021, 3)) is None  # ledger covers it
    assert unchecked_line(research, None, False, Period(2021, 1)) is None  # Q1


def test_an_item_is_named_by_the_schemes_category(tmp_path, scheme, capsys):
    """A scheme calling its best-of category 专题调研: the 提示 and the screen use that name."""
    rules = tmp_path / "rules.toml"
    text = (Path(__file__).parents[2] / "templates" / "rules.toml").read_text(encoding="utf-8")
    rules.write_text(text.replace("调研信息", "专题调研"), encoding="utf-8")
    inbox = tmp_path / "in"
    inbox.mkdir()
    write_simple_tables(
        inbox / "二季度.xlsx", scheme, {"农业农村局": 13}, months="4-6月", year=2021
    )
    write_ledger(inbox / "台账.xlsx", ledger_rows((*Q3[0][:3], "专题调研", "省级")))
    assert main([str(inbox), "--out", str(tmp_path / "out"), "--rules", str(rules)]) == 0
    assert capsys.readouterr().out.splitlines()[-2] == (
        "提示：上期表是手工做的，本期 1 条专题调研的加分无法与此前各季度核对"
        "（涉及 农业农村局 20 分），如此前已计过就会重复计分。"
        "请把此前各季度的台账行一并放进收件箱，或改用本工具上季度生成的统计表作上期表，然后重新运行"
    )
    book = tmp_path / "out" / BOOK.format("7-9月")
    (hint,) = _hints(book, "加分无法核对")
    assert "本期有 1 条专题调研计了加分（如专题调研“调研一”（农业农村局））" in hint


def test_a_monthly_schemes_record_names_the_month_of_an_earlier_bonus(tmp_path, capsys):
    """A monthly scheme, a hand-made February table and a running ledger: the earlier bonus
    the ledger shows is recorded under 2021M02 (once it read 2021Q1, in a quarter's form),
    and the record is in month order."""
    from shiquan_score.scheme.loader import load_scheme
    from tests.schemes import mini_scheme

    rules, roster = mini_scheme(tmp_path, news='best_of = ["县网站", "市网站", "批示"]')
    text = rules.read_text(encoding="utf-8").replace(  # the hand-made table's 单位名称 too
        '["单位"], value = "name"', '["单位"], value = "name", aliases = ["单位名称"]'
    )
    rules.write_text('period = "month"\n' + text, encoding="utf-8")
    inbox = tmp_path / "in"
    inbox.mkdir()
    scheme = load_scheme(rules, roster)
    write_simple_tables(
        inbox / "二月.xlsx", scheme, {"丙局": 2}, months="2月", year=2021, tables=("单位",)
    )
    ledger = [
        (D(2021, 2, 3), "丙局", "调研丙", None, "市网站"),
        (D(2021, 3, 4), "甲局", "调研甲", None, "县网站"),
    ]
    write_ledger(inbox / "台账.xlsx", ledger_rows(*ledger))
    args = ["--rules", str(rules), "--roster", str(roster), "--out", str(tmp_path / "out")]
    assert main([str(inbox), *args]) == 0
    (book,) = (tmp_path / "out").glob("*.xlsx")
    sheet = openpyxl.load_workbook(book)["调研加分"]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert [row[:4] + row[5:7] for row in rows] == [
        ("2021M02", "丙局", "丙局", "调研丙", "市网站", 2),
        ("2021M03", "甲局", "甲局", "调研甲", "县网站", 1),
    ]
    # The words are the scheme's: months, not quarters.
    assert sheet["A1"].value.endswith("。下个月运行时读取本表，只补计差额，不重复计分。")
    assert capsys.readouterr().out.splitlines()[-2] == (
        "提示：上期表是手工做的，本期 1 条新闻的加分无法与此前各月核对（涉及 甲局 1 分），"
        "如此前已计过就会重复计分。请把此前各月的台账行一并放进收件箱，"
        "或改用本工具上个月生成的统计表作上期表，然后重新运行"
    )


_UNITS = [("财政局", "财政局"), ("审计局", "财政局、审计局"), ("财政局", "财政局、审计局")]
_TITLES = ["调研一", "“调研一”。", "调研二", "调研 二"]  # two items, each written two ways


@settings(max_examples=80, deadline=None)
@given(
    granted=st.lists(
        st.tuples(st.sampled_from(_UNITS), st.sampled_from(_TITLES), st.sampled_from([3.0, 10.0])),
        max_size=4,
    ),
    now=st.lists(
        st.tuples(
            st.sampled_from(_UNITS), st.sampled_from(_TITLES), st.sampled_from([3.0, 10.0, 20.0])
        ),
        max_size=4,
    ),
)
def test_the_record_keeps_each_items_highest_bonus_and_when_it_was_reached(granted, now):
    """Against a plain model: per item (units, title as compared, unit, category) the highest
    points, the earlier period on a tie. This period's rows hold an item once; last period's
    record may hold one twice (edited by hand) and still gives it once."""
    from shiquan_score.normalise.text import norm
    from shiquan_score.period import Period
    from shiquan_score.scheme.loader import load_scheme
    from shiquan_score.score.record import INTERNAL, year_record

    def once(items):  # a part holds an item once (as the record and this period's rows do)
        seen, kept = set(), []
        for (unit, units), title, points in items:
            key = (units, norm(title).rstrip("。"), unit)
            if key not in seen:
                seen.add(key)
                kept.append(((unit, units), title, points))
        return kept

    def frame(items, period):
        return pd.DataFrame(
            [(period, u, us, t, "调研信息", "市级", p) for (u, us), t, p in items], columns=INTERNAL
        )

    now = once(now)  # the record read back may repeat an item (edited by hand): kept as drawn
    research = frame(now, "2021Q3").drop(columns="period").assign(awarded=0.0)
    record = year_record(research, None, frame(granted, "2021Q2"), load_scheme(), Period(2021, 3))
    best: dict = {}
    for period, items in (("2021Q2", granted), ("2021Q3", now)):
        for (unit, units), title, points in items:
            key = (units, norm(title).rstrip("。"), unit)
            if key not in best or points > best[key][1]:
                best[key] = (period, points)
    got = {
        (r.units_key, norm(r.title).rstrip("。"), r.unit_name): (r.period, r.points)
        for r in record.itertuples()
    }
    assert len(record) == len(got) == len(best)
    assert got == best
    assert list(record["period"]) == sorted(record["period"])
