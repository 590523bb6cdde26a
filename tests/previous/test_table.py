"""Reading last quarter's table: hand-made or our own output."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from shiquan_score.cli import main
from shiquan_score.errors import InputError
from shiquan_score.period import Period
from shiquan_score.previous.table import check_period, identify, read_previous
from shiquan_score.read.files import read_file
from tests.conftest import DATA, PREVIOUS_Q3, ledger_rows, table_by_name, write_ledger

D = dt.date


def _tables(path, scheme):
    sheets, _ = read_file(path)
    found = {}
    for raw in sheets:
        hit = identify(raw, scheme)
        if hit:
            found[hit[0]] = read_previous(raw, scheme, hit)
    return found


def test_hand_made_table(scheme):
    found = _tables(PREVIOUS_Q3, scheme)
    assert set(found) == {"镇", "部门"}
    dept = found["部门"]
    assert (dept.year, dept.quarter) == (2020, 3)
    seed = {}
    for line in (DATA / "seed_2020q4_departments.csv").read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split(",")
        if parts[1] == "true":
            seed[parts[0]] = float(parts[9])
    # numbers typed as text ('12.5') and —— for zero are read as numbers
    assert dept.totals.to_dict() == seed
    assert len(found["镇"].totals) == 11


def test_unranked_rows_are_not_read_as_scores(scheme):
    dept = _tables(PREVIOUS_Q3, scheme)["部门"]
    assert "县委办公室" not in dept.totals


def test_own_output_is_next_quarters_previous_table(tmp_path, capsys):
    q1 = tmp_path / "q1"
    q1.mkdir()
    write_ledger(
        q1 / "台账.xlsx",
        ledger_rows(
            (D(2021, 1, 5), "财政局", "一", None, "部门动态、市政府网站"),
            (D(2021, 2, 5), "财政局、审计局", "二", "政务动态", "市级"),
            (D(2021, 3, 5), "城关镇", "三", None, "各镇快讯"),
        ),
    )
    assert main([str(q1), "--out", str(tmp_path / "o1")]) == 0
    q2 = tmp_path / "q2"
    q2.mkdir()
    shutil.copy(tmp_path / "o1" / "石泉县2021年1-3月信息采用情况统计表.xlsx", q2)
    write_ledger(q2 / "台账.xlsx", ledger_rows((D(2021, 4, 5), "审计局", "四", None, "聚焦石泉")))
    assert main([str(q2), "--out", str(tmp_path / "o2")]) == 0
    dept = table_by_name(
        tmp_path / "o2" / "石泉县2021年4-6月信息采用情况统计表.xlsx", "附件2（部门）"
    )
    assert dept["财政局"][8:12] == (0, 4, 4, 1)
    assert dept["审计局"][8:12] == (0.5, 2.5, 3, 2)
    town = table_by_name(
        tmp_path / "o2" / "石泉县2021年4-6月信息采用情况统计表.xlsx", "附件1（镇）"
    )
    assert town["城关镇"][8:12] == (0, 0.5, 0.5, 1)
    assert (
        "附件2上期累计取自：石泉县2021年1-3月信息采用情况统计表.xlsx（附件2（部门））"
        in capsys.readouterr().out
    )


def test_period_check(scheme):
    dept = _tables(PREVIOUS_Q3, scheme)["部门"]
    check_period(dept, Period(2020, 4), "附件2")
    check_period(dept, Period(2021, 1), "附件2")  # Q1 needs none: nothing to check
    with pytest.raises(InputError) as exc:
        check_period(dept, Period(2021, 4), "附件2")
    assert str(exc.value) == (
        f"上期表 {PREVIOUS_Q3.name}（附件2） 是2020年7-9月的，本期是2021年10-12月，"
        "应放入2021年7-9月的附件2（隔期会漏算分数）"
    )


def test_this_quarters_own_table_in_the_inbox(scheme):
    dept = _tables(PREVIOUS_Q3, scheme)["部门"]
    with pytest.raises(InputError) as exc:
        check_period(dept, Period(2020, 3), "附件2")
    assert str(exc.value) == (
        f"{PREVIOUS_Q3.name}（附件2） 是本期（2020年7-9月）的统计表，不是上期的；"
        "请把它移出收件箱，放入2020年4-6月的附件2"
    )
    with pytest.raises(InputError) as exc:
        check_period(dept, Period(2020, 2), "附件2")
    assert str(exc.value) == (
        f"上期表 {PREVIOUS_Q3.name}（附件2） 是2020年7-9月的，晚于本期2020年4-6月；"
        "请确认期别（--period），或放入2020年1-3月的附件2"
    )


# --- issue 10 item 9: hand-made previous tables as offices really type them ---------------

Q4_ROWS = ledger_rows(
    (D(2020, 10, 9), "财政局", "十月一", None, "部门动态"),
    (D(2020, 11, 9), "城关镇", "十一月一", None, "各镇快讯"),
)


def _q4_run(tmp_path, scheme, capsys, **table):
    from tests.handmade import write_simple_tables

    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(inbox / "台账.xlsx", Q4_ROWS)
    write_simple_tables(inbox / "上期表.xlsx", scheme, **table)
    code = main([str(inbox), "--out", str(tmp_path / "out")])
    return code, capsys.readouterr()


@pytest.mark.parametrize("header", ["上期累计", "累计得分"])
def test_total_header_synonyms(tmp_path, scheme, capsys, header):
    code, out = _q4_run(
        tmp_path, scheme, capsys, totals={"财政局": 7.5, "城关镇": 3}, total_header=header
    )
    assert code == 0, out.err
    book = tmp_path / "out" / "石泉县2020年10-12月信息采用情况统计表.xlsx"
    assert table_by_name(book, "附件2（部门）")["财政局"][8:11] == (0.5, 7.5, 8)
    assert table_by_name(book, "附件1（镇）")["城关镇"][8:11] == (0.5, 3, 3.5)


def test_total_header_unknown_names_what_was_read(tmp_path, scheme, capsys):
    code, out = _q4_run(tmp_path, scheme, capsys, totals={}, total_header="总分")
    assert code == 1
    assert out.err == (
        "错误：上期表 上期表.xlsx（附件1（镇）） 里找不到“累计”一列"
        "（没有认出的表头：得分情况（分）/总分）。"
        "请把该列表头改为“累计”，或在 rules.toml “镇”表“累计”一列的 aliases 中加入它的写法\n"
    )


def test_total_row_is_skipped_and_named(tmp_path, scheme, capsys):
    code, out = _q4_run(
        tmp_path,
        scheme,
        capsys,
        totals={"财政局": 7.5},
        extra={"部门": [("合计", 7.5)], "镇": [("合  计", 0)]},
    )
    assert code == 0, out.err
    assert "上期表 上期表.xlsx（附件2（部门）） 第38行“合计”是合计行，不是单位，已跳过" in out.out
    assert "上期表 上期表.xlsx（附件1（镇）） 第18行“合  计”是合计行，不是单位，已跳过" in out.out


def test_misspelt_unit_gets_the_nearest_names(tmp_path, scheme, capsys):
    code, out = _q4_run(tmp_path, scheme, capsys, totals={}, extra={"部门": [("市场监管局", 2)]})
    assert code == 1
    assert out.err == (
        "错误：上期表 上期表.xlsx（附件2（部门）） 中有单位名单里没有的单位："
        "第38行“市场监管局”（最接近的是：市场监理局）。请改正上期表，或在 roster.toml 中为该单位加入别名；"
        "如果是单位更名，请在 roster.toml 新名称的单位下写 "
        'former = [{ name = "市场监管局", until = 更名日期 }]，累计分不断\n'
    )


def test_renamed_unit_without_former_gets_a_rename_hint(tmp_path, scheme, capsys):
    code, out = _q4_run(tmp_path, scheme, capsys, totals={}, rename={"扶贫局": "乡村振兴局"})
    assert code == 1
    assert out.err == (
        "错误：上期表 上期表.xlsx（附件2（部门）） 中有单位名单里没有的单位："
        "第15行“乡村振兴局”（单位名单中没有相近的名称）。请改正上期表，或在 roster.toml 中为该单位加入别名；"
        "如果是单位更名，请在 roster.toml 新名称的单位下写 "
        'former = [{ name = "乡村振兴局", until = 更名日期 }]，累计分不断\n'
    )


def test_title_without_the_table_bracket_is_told_by_its_units(tmp_path, scheme, capsys):
    titles = {"镇": "石泉县2020年信息采用情况统计表", "部门": "石泉县2020年信息采用情况统计表"}
    code, out = _q4_run(tmp_path, scheme, capsys, totals={"财政局": 7.5}, titles=titles)
    assert code == 0, out.err
    for sheet, name in (("附件1（镇）", "附件1（镇）"), ("附件2（部门）", "附件2（部门）")):
        assert (
            f"上期表.xlsx（{sheet}） 的标题“石泉县2020年信息采用情况统计表”没有写明是哪张表，"
            f"按表中的单位认作{name}"
        ) in out.out
    book = tmp_path / "out" / "石泉县2020年10-12月信息采用情况统计表.xlsx"
    assert table_by_name(book, "附件2（部门）")["财政局"][8:11] == (0.5, 7.5, 8)


def test_months_header_written_as_a_quarter(tmp_path, scheme, capsys):
    code, out = _q4_run(tmp_path, scheme, capsys, totals={"财政局": 7.5}, months="三季度")
    assert code == 0, out.err
    assert "附件2上期累计取自：上期表.xlsx（附件2（部门））" in out.out
    book = tmp_path / "out" / "石泉县2020年10-12月信息采用情况统计表.xlsx"
    assert table_by_name(book, "附件2（部门）")["财政局"][8:11] == (0.5, 7.5, 8)
