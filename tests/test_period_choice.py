"""The quarter is never guessed where the inputs disagree (issue 10 item 1), through the CLI."""

from __future__ import annotations

import datetime as dt
import shutil

import openpyxl

from shiquan_score.cli import main
from tests.conftest import ledger_rows, write_ledger
from tests.handmade import write_simple_tables

D = dt.date


def _rows(year: int, months: list[int], per_month: int = 3, until: int = 28) -> list[tuple]:
    """Department news items spread over the given months (days 1..until)."""
    items = []
    for m in months:
        for i in range(per_month):
            day = 1 + (i * (until - 1)) // max(per_month - 1, 1)
            items.append((D(year, m, day), "财政局", f"{m}月第{i}条", None, "部门动态"))
    return items


def _run(tmp_path, capsys, items, tables=None, *args):
    inbox = tmp_path / "收件箱"
    inbox.mkdir(exist_ok=True)
    write_ledger(inbox / "台账.xlsx", ledger_rows(*items))
    for name, months, year in tables or []:
        write_simple_tables(inbox / name, _scheme(), {"财政局": 1}, months=months, year=year)
    code = main([str(inbox), "--out", str(tmp_path / "out"), *args])
    return code, capsys.readouterr()


def _scheme():
    from shiquan_score.scheme.loader import load_scheme

    return load_scheme()


def test_q2_without_last_quarters_table_is_refused_not_turned_into_q1(tmp_path, capsys):
    items = _rows(2021, [1, 2, 3, 4, 5, 6]) + _rows(2021, [7], per_month=2, until=10)
    code, out = _run(tmp_path, capsys, items)
    assert code == 1
    assert out.out.splitlines()[0] == (
        "本期：2021年4-6月（2021Q2）。依据：收件箱里没有上期表，取台账中已记完整的最后一个季度；"
        "台账各季度行数：2021年1-3月 9 行、4-6月 9 行、7-9月 2 行（只到7月10日）"
    )
    assert out.err == (
        "错误：收件箱里没有附件2（部门）的上期表（2021年1-3月）。"
        "二至四季度需要上期累计分：请把上季度发布的附件2放入收件箱。"
        "本期2021年4-6月是程序判断的（见上方“本期”一行）；如果要统计别的期，请用 --period 指定，"
        "如 --period 2021Q1（一季度不需要上期表）\n"
    )
    assert not (tmp_path / "out").exists()


def test_q4_with_the_wrong_previous_table_is_refused_with_the_facts(tmp_path, capsys):
    """The 4-6月 table dropped in by mistake: never a 7-9月 table re-issued."""
    items = _rows(2021, list(range(1, 13))) + _rows(2022, [1], per_month=2, until=12)
    code, out = _run(tmp_path, capsys, items, [("上期.xlsx", "4-6月", 2021)])
    assert code == 1
    assert out.err == (
        "错误：无法确定本期：上期表 上期.xlsx 是2021年4-6月的，据此本期应是2021年7-9月；"
        "但台账中2021年10-12月已有 9 行、记到了12月，是完整的一个季度（台账各季度行数："
        "2021年1-3月 9 行、4-6月 9 行、7-9月 9 行、10-12月 9 行、2022年1-3月 2 行（只到1月12日））。"
        "如果本期是2021年10-12月，请换入2021年7-9月的统计表；如果本期确是2021年7-9月，请用 --period 2021Q3\n"
    )
    assert not (tmp_path / "out").exists()


def test_a_few_weeks_of_next_quarter_do_not_block(tmp_path, capsys):
    """The Q3 table made in mid-October from a running ledger."""
    items = _rows(2021, list(range(1, 10))) + _rows(2021, [10], per_month=4, until=15)
    code, out = _run(tmp_path, capsys, items, [("上期.xlsx", "4-6月", 2021)])
    assert code == 0, out.err
    assert (
        "本期：2021年7-9月（2021Q3）。依据：上期表 上期.xlsx 是2021年4-6月的；台账各季度行数："
        "2021年1-3月 9 行、4-6月 9 行、7-9月 9 行、10-12月 4 行（只到10月15日）"
    ) in out.out.splitlines()
    assert (tmp_path / "out" / "石泉县2021年7-9月信息采用情况统计表.xlsx").exists()


def test_previous_quarter_without_rows_in_the_ledger_is_refused(tmp_path, capsys):
    code, out = _run(tmp_path, capsys, _rows(2021, [1, 2, 3]), [("上期.xlsx", "7-9月", 2021)])
    assert code == 1
    assert out.err == (
        "错误：无法确定本期：上期表 上期.xlsx 是2021年7-9月的，据此本期应是2021年10-12月；"
        "但台账中没有2021年10-12月的行（台账各季度行数：2021年1-3月 9 行）。"
        "请放入2021年10-12月的台账，或换入正确的上期表，或用 --period 指定期别，如 --period 2021Q1\n"
    )


def test_last_years_table_in_a_q1_inbox_is_ignored(tmp_path, capsys):
    items = _rows(2021, [1, 2, 3]) + _rows(2020, [12], per_month=1)
    code, out = _run(tmp_path, capsys, items, [("去年四季度.xlsx", "10-12月", 2020)])
    assert code == 0, out.err
    lines = out.out.splitlines()
    assert lines[0] == (
        "本期：2021年1-3月（2021Q1）。依据：上期表是上一年的，取台账中已记完整的最后一个季度；"
        "台账各季度行数：2020年10-12月 1 行、2021年1-3月 9 行"
    )
    assert "本期是一季度，累计从0开始，已忽略上期表 去年四季度.xlsx（附件2（部门））" in lines


def test_period_option_is_announced(tmp_path, capsys):
    code, out = _run(tmp_path, capsys, _rows(2021, [1, 2, 3]), None, "--period", "2021Q1")
    assert code == 0, out.err
    assert out.out.splitlines()[0] == "本期：2021年1-3月（2021Q1），按 --period 指定"


def test_suggested_period_says_which_previous_table_it_needs(tmp_path, capsys):
    """Last quarter's table is 7-9月 but the ledger ends in June: --period 2021Q2 alone would
    be refused again (the 7-9月 table is later), so the suggestion says what else it takes —
    and with that done, the suggested run passes."""
    code, out = _run(
        tmp_path, capsys, _rows(2021, list(range(1, 7))), [("上期.xlsx", "7-9月", 2021)]
    )
    assert code == 1
    assert out.err == (
        "错误：无法确定本期：上期表 上期.xlsx 是2021年7-9月的，据此本期应是2021年10-12月；"
        "但台账中没有2021年10-12月的行（台账各季度行数：2021年1-3月 9 行、4-6月 9 行）。"
        "请放入2021年10-12月的台账，或换入正确的上期表，或用 --period 指定期别，"
        "如 --period 2021Q2（还要把上期表 上期.xlsx 换成2021年1-3月的）\n"
    )
    inbox = tmp_path / "收件箱"
    assert main([str(inbox), "--out", str(tmp_path / "out"), "--period", "2021Q2"]) == 1
    assert capsys.readouterr().err == (
        "错误：上期表 上期.xlsx（附件1（镇）） 是2021年7-9月的，晚于本期2021年4-6月；"
        "请确认期别（--period），或放入2021年1-3月的附件1\n"
    )
    (inbox / "上期.xlsx").unlink()
    write_simple_tables(inbox / "一季度.xlsx", _scheme(), {"财政局": 1}, months="1-3月", year=2021)
    assert main([str(inbox), "--out", str(tmp_path / "out"), "--period", "2021Q2"]) == 0


def test_suggested_period_without_rows_says_the_ledger_is_needed(tmp_path, capsys):
    """Last year's 10-12月 table and a ledger whose 2021 rows start in April: 2021Q1 has no
    rows, so --period 2021Q1 would be refused; the suggestion says so."""
    code, out = _run(tmp_path, capsys, _rows(2021, [4, 5, 6]), [("上期.xlsx", "10-12月", 2020)])
    assert code == 1
    assert out.err == (
        "错误：无法确定本期：上期表 上期.xlsx 是2020年10-12月的，据此本期应是2021年1-3月；"
        "但台账中2021年4-6月已有 9 行、记到了6月，是完整的一个季度（台账各季度行数：2021年4-6月 9 行）。"
        "如果本期是2021年4-6月，请换入2021年1-3月的统计表；"
        "如果本期确是2021年1-3月，请用 --period 2021Q1（还要放入2021年1-3月的台账）\n"
    )
    inbox = tmp_path / "收件箱"
    assert main([str(inbox), "--out", str(tmp_path / "out"), "--period", "2021Q1"]) == 1
    assert capsys.readouterr().err.startswith("错误：台账里没有2021年1-3月（2021Q1）的行")


def _table_row(path, unit: str) -> list:
    """The values of `unit`'s row in the 附件2 sheet of a produced workbook."""
    sheet = openpyxl.load_workbook(path, data_only=True)["附件2（部门）"]
    return next(
        [c.value for c in row] for row in sheet.iter_rows() if any(c.value == unit for c in row)
    )


def test_rows_two_quarters_after_the_implied_one_are_no_notice_lag(tmp_path, capsys):
    """A running ledger snapshot of mid-October for Q3 (a small office: Q3 rows stop on
    1 August) with the 1-3月 table dropped in by mistake: never a 4-6月 table re-issued."""
    q3 = [(D(2021, 7, 5), "财政局", "7月", None, "部门动态")]
    q3 += [(D(2021, 8, 1), "财政局", "8月", None, "部门动态")]
    october = [(D(2021, 10, 12), "财政局", "10月", None, "部门动态")]
    items = _rows(2021, list(range(1, 7))) + q3 + october
    code, out = _run(tmp_path, capsys, items, [("上期.xlsx", "1-3月", 2021)])
    assert code == 1
    assert out.err == (
        "错误：无法确定本期：上期表 上期.xlsx 是2021年1-3月的，据此本期应是2021年4-6月；"
        "但台账中已有2021年10-12月的行，比2021年4-6月晚两个季度以上（台账各季度行数："
        "2021年1-3月 9 行、4-6月 9 行、7-9月 2 行（只到8月1日）、10-12月 1 行（只到10月12日））；"
        "上期表发出时台账只会多出其后几周的行，这些行说明本期不是2021年4-6月，上期表可能放错了。"
        "如果本期是2021年7-9月，请用 --period 2021Q3（还要把上期表 上期.xlsx 换成2021年4-6月的）；"
        "如果本期确是2021年4-6月，请用 --period 2021Q2\n"
    )
    assert not (tmp_path / "out").exists()
    # The first suggestion, done: the 4-6月 table in place of the 1-3月 one gives 7-9月.
    inbox = tmp_path / "收件箱"
    (inbox / "上期.xlsx").unlink()
    write_simple_tables(inbox / "二季度.xlsx", _scheme(), {"财政局": 1}, months="4-6月", year=2021)
    assert main([str(inbox), "--out", str(tmp_path / "out")]) == 0
    assert (
        "本期：2021年7-9月（2021Q3）。依据：上期表 二季度.xlsx 是2021年4-6月的；台账各季度行数："
        "2021年1-3月 9 行、4-6月 9 行、7-9月 2 行（只到8月1日）、10-12月 1 行（只到10月12日）"
    ) in capsys.readouterr().out.splitlines()
    assert (tmp_path / "out" / "石泉县2021年7-9月信息采用情况统计表.xlsx").exists()


def _rerun_inbox(tmp_path, capsys, items) -> tuple:
    """Q3 made from `items` with the 4-6月 table, then its workbook put back in the inbox
    (a re-run after a correction). Returns the inbox and 财政局's row of the first run."""
    code, out = _run(tmp_path, capsys, items, [("上期.xlsx", "4-6月", 2021)])
    assert code == 0, out.err
    made = tmp_path / "out" / "石泉县2021年7-9月信息采用情况统计表.xlsx"
    inbox = tmp_path / "收件箱"
    shutil.copy(made, inbox / made.name)
    return inbox, _table_row(made, "财政局")


SKIPPED_OWN = (
    "石泉县2021年7-9月信息采用情况统计表.xlsx 是本工具生成的工作簿，"
    "其中的“明细”、“问题”、“调研加分”表是附表，已跳过"
)


def test_a_rerun_with_this_quarters_own_output_is_refused_then_passes(tmp_path, capsys):
    """Running ledger (Q3 complete, one October row), the 4-6月 table and the 7-9月 workbook
    this tool just wrote: never a 10-12月 table from one October row; with --period 2021Q3
    the 7-9月 workbook is ignored and the 4-6月 table used, as in the first run."""
    october = (D(2021, 10, 12), "财政局", "10月", None, "部门动态")
    items = [*_rows(2021, list(range(1, 10))), october]
    inbox, first = _rerun_inbox(tmp_path, capsys, items)
    again = ["--out", str(tmp_path / "again")]
    assert main([str(inbox), *again]) == 1
    out = capsys.readouterr()
    assert out.err == (
        "错误：无法确定本期：上期表 石泉县2021年7-9月信息采用情况统计表.xlsx 是2021年7-9月的，"
        "据此本期应是2021年10-12月；但台账中2021年7-9月已记完整，2021年10-12月还没有记完整"
        "（台账各季度行数：2021年1-3月 9 行、4-6月 9 行、7-9月 9 行、10-12月 1 行（只到10月12日））。"
        "石泉县2021年7-9月信息采用情况统计表.xlsx 像是本期（2021年7-9月）早先生成的统计表"
        "（例如改正台账后重新运行，上次的结果留在了收件箱里）。如果本期是2021年7-9月，请用 --period 2021Q3；"
        "如果本期确是2021年10-12月（台账已记全），请用 --period 2021Q4\n"
    )
    assert not (tmp_path / "again").exists()
    assert main([str(inbox), *again, "--period", "2021Q3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    for attachment, table in (("附件1", "镇"), ("附件2", "部门")):
        assert (
            f"已忽略 石泉县2021年7-9月信息采用情况统计表.xlsx（{attachment}（{table}））："
            "它是本期（2021年7-9月）的统计表（例如本工具早先为本期生成的），上期累计用2021年4-6月的"
        ) in lines
        assert f"{attachment}上期累计取自：上期.xlsx（{attachment}（{table}））" in lines
    made = tmp_path / "again" / "石泉县2021年7-9月信息采用情况统计表.xlsx"
    assert _table_row(made, "财政局") == first


def test_a_per_quarter_rerun_suggests_the_period_that_passes(tmp_path, capsys):
    """One ledger file per quarter: the Q3 file, the 4-6月 table and this tool's 7-9月
    workbook. The suggestion asks for nothing already in the inbox, and it passes."""
    inbox, first = _rerun_inbox(tmp_path, capsys, _rows(2021, [7, 8, 9]))
    again = ["--out", str(tmp_path / "again")]
    assert main([str(inbox), *again]) == 1
    assert capsys.readouterr().err == (
        "错误：无法确定本期：上期表 石泉县2021年7-9月信息采用情况统计表.xlsx 是2021年7-9月的，"
        "据此本期应是2021年10-12月；但台账中没有2021年10-12月的行（台账各季度行数：2021年7-9月 9 行）。"
        "请放入2021年10-12月的台账，或换入正确的上期表，或用 --period 指定期别，如 --period 2021Q3\n"
    )
    assert main([str(inbox), *again, "--period", "2021Q3"]) == 0
    assert SKIPPED_OWN in capsys.readouterr().out.splitlines()
    assert (
        _table_row(tmp_path / "again" / "石泉县2021年7-9月信息采用情况统计表.xlsx", "财政局")
        == first
    )
