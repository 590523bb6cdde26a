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
