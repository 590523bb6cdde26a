"""A unit renamed mid-year (扶贫局 → 乡村振兴局 on 2021-06-01) keeps its cumulative score.

The roster entry carries `former = [{ name = "扶贫局", until = 2021-05-31 }]`: either name in
the ledger or in a previous table is the same unit; the table prints the name in force at the
end of the period.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest

from shiquan_score.cli import main
from shiquan_score.scheme.loader import DEFAULT_ROSTER, DEFAULT_RULES, load_scheme
from tests.conftest import ledger_rows, table_by_name, write_ledger
from tests.handmade import roster_rows, write_handmade

D = dt.date
DEPT = "附件2（部门）"
BOOK = "石泉县2021年{}信息采用情况统计表.xlsx"
OLD, NEW = "扶贫局", "乡村振兴局"
# Counts: 部门动态 1 | 聚焦石泉 2 | 市政府网站 3 | 动态省级 4 | 动态市级 5; then 本期, 上期, 累计, 排名.
LEDGER = ledger_rows(
    (D(2021, 1, 10), OLD, "扶贫小额信贷助脱贫户增收", None, "部门动态"),  # 0.5
    (D(2021, 2, 10), "石泉县扶贫开发局", "防返贫监测帮扶机制见效", "动态信息", "市级"),  # 5
    (D(2021, 3, 10), NEW, "衔接推进乡村振兴", None, "聚焦石泉"),  # 0.5 → Q1 6
    (D(2021, 4, 10), OLD, "消费帮扶产品进机关", None, "市政府网站"),  # 1
    (D(2021, 6, 10), NEW, "乡村振兴局挂牌成立", "动态信息", "省级"),  # 10 → Q2 11
    (D(2021, 7, 10), NEW, "乡村建设行动推进会", None, "部门动态"),  # 0.5
    (D(2021, 8, 10), OLD, "易地搬迁后续扶持", None, "聚焦石泉"),  # 0.5 → Q3 1
)


@pytest.fixture(scope="module")
def roster(tmp_path_factory) -> Path:
    old_entry = f'name = "{OLD}"\nranked = true\naliases = ["石泉县扶贫开发局"]'
    new_entry = (
        f'name = "{NEW}"\nranked = true\naliases = ["石泉县扶贫开发局", "石泉县乡村振兴局"]\n'
        f'former = [{{ name = "{OLD}", until = 2021-05-31 }}]'
    )
    text = DEFAULT_ROSTER.read_text(encoding="utf-8")
    assert old_entry in text
    path = tmp_path_factory.mktemp("scheme") / "roster.toml"
    path.write_text(text.replace(old_entry, new_entry), encoding="utf-8")
    return path


def convert(capsys, inbox: Path, out: Path, quarter: int, roster: Path) -> list[str]:
    code = main(
        [str(inbox), "--out", str(out), "--period", f"2021Q{quarter}", "--roster", str(roster)]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out.splitlines()


def inbox_with_ledger(folder: Path) -> Path:
    folder.mkdir()
    write_ledger(folder / "2021年台账.xlsx", LEDGER, title="2021年信息采用台账")
    return folder


@pytest.fixture(scope="module")
def first_quarter(tmp_path_factory, roster) -> Path:
    base = tmp_path_factory.mktemp("q1")
    inbox = inbox_with_ledger(base / "收件箱")
    assert (
        main(
            [str(inbox), "--out", str(base / "out"), "--period", "2021Q1", "--roster", str(roster)]
        )
        == 0
    )
    return base / "out" / BOOK.format("1-3月")


def test_before_the_rename_the_table_shows_the_old_name(first_quarter):
    table = table_by_name(first_quarter, DEPT)
    assert NEW not in table
    row = table[OLD]  # the ledger wrote 扶贫局, 石泉县扶贫开发局 and 乡村振兴局: one unit
    assert row[1:6] == (1, 1, 0, 0, 1)
    assert row[8:] == (6, 0, 6, 1)
    assert _detail_units(first_quarter) == {OLD}  # 明细 names it as the table does


def test_after_the_rename_the_new_name_carries_the_cumulative(
    first_quarter, tmp_path, capsys, roster
):
    inbox = inbox_with_ledger(tmp_path / "收件箱")
    shutil.copy(first_quarter, inbox)  # last quarter's table, printed under the old name
    out = convert(capsys, inbox, tmp_path / "out", 2, roster)
    assert "上期核对：按台账中2021年1-3月的记录算得的累计与上期表一致" in out
    table = table_by_name(tmp_path / "out" / BOOK.format("4-6月"), DEPT)
    assert OLD not in table
    assert table[NEW][1:6] == (0, 0, 1, 1, 0)
    assert table[NEW][8:] == (11, 6, 17, 1)


def test_a_hand_made_table_under_the_old_name_still_gives_the_previous_score(
    tmp_path, capsys, roster
):
    scheme = load_scheme(DEFAULT_RULES, roster)
    inbox = inbox_with_ledger(tmp_path / "收件箱")
    write_handmade(
        inbox / "石泉县2021年4-6月信息采用情况统计表.xlsx",
        [dict(r, name=OLD if r["name"] == NEW else r["name"]) for r in
         roster_rows(scheme, "部门", {NEW: ("11", "6", "17")})],
        months="4-6月",
        year=2021,
        towns=roster_rows(scheme, "镇", {}),
    )  # fmt: skip
    out = convert(capsys, inbox, tmp_path / "out", 3, roster)
    assert "上期核对：按台账中2021年1-6月的记录算得的累计与上期表一致" in out
    book = tmp_path / "out" / BOOK.format("7-9月")
    row = table_by_name(book, DEPT)[NEW]
    assert row[1:6] == (1, 1, 0, 0, 0)
    assert row[8:] == (1, 17, 18, 1)
    assert _detail_units(book) == {NEW}


def _detail_units(book: Path) -> set[str]:
    rows = list(openpyxl.load_workbook(book)["明细"].iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] == "来源（文件/工作表）")
    return {r[rows[head].index("单位")] for r in rows[head + 1 :]}


def test_two_rows_of_merged_units_in_a_previous_table_add_up(tmp_path, capsys, roster):
    scheme = load_scheme(DEFAULT_RULES, roster)
    inbox = inbox_with_ledger(tmp_path / "收件箱")
    rows = roster_rows(scheme, "部门", {NEW: ("5", "2", "7")})
    merged = dict(next(r for r in rows if r["name"] == NEW), name=OLD, 累计="10", 排名="1")
    write_handmade(
        inbox / "石泉县2021年4-6月信息采用情况统计表.xlsx",
        [merged, *rows],
        months="4-6月",
        year=2021,
        towns=roster_rows(scheme, "镇", {}),
    )
    out = convert(capsys, inbox, tmp_path / "out", 3, roster)
    assert (
        "上期表 石泉县2021年4-6月信息采用情况统计表.xlsx（附件2） 第8行“扶贫局”和第9行“乡村振兴局”"
        "都是单位名单中的乡村振兴局，上期累计相加：10 + 7 = 17"
    ) in out
    assert table_by_name(tmp_path / "out" / BOOK.format("7-9月"), DEPT)[NEW][8:] == (1, 17, 18, 1)


def test_the_same_name_twice_in_a_previous_table_is_refused(tmp_path, capsys, roster):
    scheme = load_scheme(DEFAULT_RULES, roster)
    inbox = inbox_with_ledger(tmp_path / "收件箱")
    rows = roster_rows(scheme, "部门", {NEW: ("5", "2", "7")})
    write_handmade(
        inbox / "石泉县2021年4-6月信息采用情况统计表.xlsx",
        [rows[0], *rows],
        months="4-6月",
        year=2021,
        towns=roster_rows(scheme, "镇", {}),
    )
    code = main(
        [str(inbox), "--out", str(tmp_path / "out"), "--period", "2021Q3", "--roster", str(roster)]
    )
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        "错误：上期表 石泉县2021年4-6月信息采用情况统计表.xlsx（附件2） 第8行和第9行都是“乡村振兴局”，"
        "请删去重复的一行"
    ]
