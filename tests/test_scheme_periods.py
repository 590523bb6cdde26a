"""A scheme's period through the command line: half-years and a year; the previous table's
months checked; --period in the scheme's form."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import openpyxl
import pytest

from shiquan_score.cli import main
from tests.conftest import ledger_rows, write_ledger
from tests.schemes import mini_scheme

D = dt.date
LEDGER = ledger_rows(
    (D(2021, 2, 4), "甲局", "甲一", None, "县网站"),
    (D(2021, 5, 5), "乙局", "乙一", None, "市网站"),
    (D(2021, 8, 1), "甲局", "甲二", None, "市网站"),
    (D(2021, 11, 2), "丙局", "丙一", None, "县网站"),
)


def _scheme(tmp_path, period: str):
    rules, roster = mini_scheme(tmp_path)
    rules.write_text(f'period = "{period}"\n' + rules.read_text(encoding="utf-8"), encoding="utf-8")
    return ["--rules", str(rules), "--roster", str(roster)]


def _kinds(tmp_path, *kinds: str) -> dict[str, list]:
    """_scheme() for each period kind, each in a folder of its own."""
    for kind in kinds:
        (tmp_path / kind).mkdir()
    return {kind: _scheme(tmp_path / kind, kind) for kind in kinds}


def _run(capsys, *args):
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out, captured.err


def _scores(book) -> tuple[dict, list]:
    ws = openpyxl.load_workbook(book)["统计表"]
    rows = list(ws.iter_rows(values_only=True))
    body = {r[0]: r[5:9] for r in rows if r[0] in ("甲局", "乙局", "丙局", "丁局")}
    return body, [v for r in rows[:5] for v in r if v]


def test_half_years_carry_the_total_within_the_year(capsys, tmp_path):
    scheme = _scheme(tmp_path, "half")
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(inbox / "台账.xlsx", LEDGER)
    code, _, err = _run(capsys, inbox, *scheme, "--period", "2021H1", "--out", tmp_path / "h1")
    assert code == 0, err
    (h1,) = (tmp_path / "h1").glob("*.xlsx")
    assert h1.name == "某县2021年1-6月统计表.xlsx"
    body, header = _scores(h1)
    assert "1-6月采用（条）" in header
    assert body["甲局"] == (1, 0, 1, 2) and body["乙局"] == (2, 0, 2, 1)
    h1.rename(inbox / h1.name)
    code, out, err = _run(capsys, inbox, *scheme, "--out", tmp_path / "h2")
    assert code == 0, err
    assert (
        "本期：2021年7-12月（2021H2）。依据：上期表 某县2021年1-6月统计表.xlsx 是2021年1-6月的"
        in out
    )
    (h2,) = (tmp_path / "h2").glob("*.xlsx")
    body, header = _scores(h2)
    assert "7-12月采用（条）" in header
    # 本期, 上期, 累计, 排名
    assert body["甲局"] == (2, 1, 3, 1) and body["乙局"] == (0, 2, 2, 2)
    assert body["丙局"] == (1, 0, 1, 3)


def test_a_year_scheme_needs_no_previous_table(capsys, tmp_path):
    scheme = _scheme(tmp_path, "year")
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(inbox / "台账.xlsx", LEDGER)
    code, _, err = _run(capsys, inbox, *scheme, "--period", "2021", "--out", tmp_path / "y")
    assert code == 0, err
    (book,) = (tmp_path / "y").glob("*.xlsx")
    body, header = _scores(book)
    assert book.name == "某县2021年1-12月统计表.xlsx" and "1-12月采用（条）" in header
    assert body["甲局"] == (3, 0, 3, 1) and body["乙局"] == (2, 0, 2, 2)


def test_a_monthly_table_with_a_gap_is_refused(capsys, tmp_path):
    scheme = _scheme(tmp_path, "month")
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    # A January row: a month the ledger has no row of would be refused (an all-0 table).
    january = ledger_rows((D(2021, 1, 8), "丁局", "丁一", None, "县网站"))
    write_ledger(inbox / "台账.xlsx", [*LEDGER, [5, *january[0][1:]]])
    code, _, err = _run(capsys, inbox, *scheme, "--period", "2021-01", "--out", tmp_path / "m1")
    assert code == 0, err
    (jan,) = (tmp_path / "m1").glob("*.xlsx")
    assert jan.name == "某县2021年1月统计表.xlsx"
    jan.rename(inbox / jan.name)
    code, _, err = _run(capsys, inbox, *scheme, "--period", "2021M05", "--out", tmp_path / "m5")
    assert code == 1
    assert err.splitlines()[-1] == (
        "错误：上期表 某县2021年1月统计表.xlsx（统计表） 是2021年1月的，本期是2021年5月，"
        "应放入2021年4月的附件（隔期会漏算分数）"
    )


@pytest.mark.parametrize(
    ("period", "text", "message"),
    [
        ("month", "2021Q1", "期别“2021Q1”写法不对：本办法按月份统计，请写成 2021-03 或 2021M03"),
        (
            "half",
            "2021-03",
            "期别“2021-03”写法不对：本办法按半年（H1 上半年、H2 下半年）统计，请写成 2021H1",
        ),
    ],
)
def test_period_in_the_schemes_form_or_a_usage_error(capsys, tmp_path, period, text, message):
    scheme = _scheme(tmp_path, period)
    with pytest.raises(SystemExit) as exc:
        main([str(tmp_path), *scheme, "--period", text])
    assert exc.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"错误：命令写法不对（{message}）。查看说明：python convert.py -h"
    )


def test_an_unknown_period_kind_is_named(capsys, tmp_path):
    scheme = _scheme(tmp_path, "week")
    code, _, err = _run(capsys, tmp_path, *scheme, "--out", tmp_path / "o")
    assert code == 1
    assert err.splitlines()[-1] == (
        "错误：rules.toml 的“period”应为 month（按月）、quarter（按季度）、half（按半年）、year（按年）之一，"
        "现为 'week'"
    )


@pytest.mark.parametrize(
    ("period", "first", "then", "code"),
    [
        ("half", D(2021, 3, 1), D(2021, 8, 2), "2021H1"),
        ("month", D(2021, 1, 5), D(2021, 2, 3), "2021-01"),
    ],
)
def test_one_file_per_period_grants_a_research_item_only_its_top_up(
    capsys, tmp_path, period, first, then, code
):
    """Half-years and months, a ledger file each: the record in our own workbook of the
    period before is used (it was taken for a hand-made table, and the item scored twice)."""
    rules, roster = mini_scheme(tmp_path, news='best_of = ["县网站", "市网站", "批示"]')
    rules.write_text(f'period = "{period}"\n' + rules.read_text(encoding="utf-8"), encoding="utf-8")
    scheme = ["--rules", rules, "--roster", roster]
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(inbox / "台账.xlsx", ledger_rows((first, "甲局", "调研甲", None, "县网站")))
    assert _run(capsys, inbox, *scheme, "--period", code, "--out", tmp_path / "one")[0] == 0
    (book,) = (tmp_path / "one").glob("*.xlsx")
    book.rename(inbox / book.name)
    write_ledger(inbox / "台账.xlsx", ledger_rows((then, "甲局", "调研甲", None, "市网站")))
    status, out, err = _run(capsys, inbox, *scheme, "--out", tmp_path / "two")
    assert status == 0, err
    assert "手工" not in out
    (book,) = (tmp_path / "two").glob("*.xlsx")
    body, _ = _scores(book)
    assert body["甲局"] == (1, 1, 2, 1)  # 2 for 市网站 less the 1 granted: 本期, 上期, 累计, 排名


def test_our_own_workbook_of_another_kind_of_period_is_no_previous_table(capsys, tmp_path):
    """A quarter's workbook in a monthly scheme's inbox (or a month's in a quarterly one):
    skipped with a line saying why, never read as the month before (its 1-3月 totals taken
    for January's, exit 0, as it was)."""
    kinds = _kinds(tmp_path, "quarter", "month")
    first = tmp_path / "一季度"
    first.mkdir()
    rows = [
        (D(2021, 1, 5), "甲局", "甲一", None, "县网站"),
        (D(2021, 3, 25), "乙局", "乙一", None, "县网站"),
    ]
    write_ledger(first / "台账.xlsx", ledger_rows(*rows))
    assert (
        _run(capsys, first, *kinds["quarter"], "--period", "2021Q1", "--out", tmp_path / "q1")[0]
        == 0
    )
    inbox = tmp_path / "二月"
    inbox.mkdir()
    (book,) = (tmp_path / "q1").glob("*.xlsx")
    book.rename(inbox / book.name)
    write_ledger(inbox / "台账.xlsx", ledger_rows((D(2021, 2, 5), "丙局", "丙一", None, "县网站")))
    code, out, err = _run(capsys, inbox, *kinds["month"], "--out", tmp_path / "m2")
    assert code == 1
    assert out.splitlines()[0] == (
        "已跳过 某县2021年1-3月统计表.xlsx：是本工具按季度统计时生成的（2021Q1），"
        "本办法按月统计，不能作上期表"
    )
    assert err.splitlines()[-1].startswith("错误：收件箱里没有附件（单位）的上期表（2021年1月）。")
    assert not (tmp_path / "m2").exists()


def test_a_monthly_schemes_messages_speak_of_months(capsys, tmp_path):
    """No date to go by: the --period example is a month's. A January row logged late into
    February's file (January's four rows in a file of their own): its 提示 says the ledger
    lacks the earlier months (前几个月)."""
    scheme = _scheme(tmp_path, "month")
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(inbox / "台账.xlsx", ledger_rows(("待补", "甲局", "甲一", None, "县网站")))
    code, _, err = _run(capsys, inbox, *scheme, "--out", tmp_path / "x")
    assert code == 1
    assert err.splitlines()[-1] == (
        "错误：台账里没有一行能识别的日期，无法判断期别，请用 --period 指定，"
        "如 --period 2021-03 或 2021M03"
    )
    january = [(D(2021, 1, 8 + i), "丁局", f"丁{i}", None, "县网站") for i in range(4)]
    write_ledger(inbox / "台账.xlsx", ledger_rows(*january))
    assert _run(capsys, inbox, *scheme, "--period", "2021-01", "--out", tmp_path / "m1")[0] == 0
    (book,) = (tmp_path / "m1").glob("*.xlsx")
    book.rename(inbox / book.name)
    february = [
        (D(2021, 2, 3), "甲局", "甲二", None, "县网站"),
        (D(2021, 1, 28), "丙局", "丙一", None, "县网站"),
    ]
    write_ledger(inbox / "台账.xlsx", ledger_rows(*february))
    code, _, err = _run(capsys, inbox, *scheme, "--period", "2021-02", "--out", tmp_path / "m2")
    assert code == 0, err
    (book,) = (tmp_path / "m2").glob("*.xlsx")
    late = [r[6] for r in openpyxl.load_workbook(book)["问题"].iter_rows(values_only=True)]
    assert (
        "日期2021-01-28在已发布的2021年1月内：本期（2021年2月）不计分；台账没有记全前几个月，"
        "是否已计入上期表无法核对。如上期漏计了，请更正上期表的累计后重新运行；"
        "如日期记错了，请改正台账后重新运行"
    ) in late


def _with_mark_period(book, value: str):
    """The workbook with its mark's period (a custom property) rewritten, as a hand edit would."""
    with zipfile.ZipFile(book) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    custom = parts["docProps/custom.xml"].decode("utf-8")
    parts["docProps/custom.xml"] = re.sub(
        r'(name="ShiquanPeriod"><vt:lpwstr>)[^<]*', rf"\g<1>{value}", custom
    ).encode("utf-8")
    assert parts["docProps/custom.xml"] != custom.encode("utf-8")
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)


def test_a_kept_copy_of_another_kind_blocks_nothing_and_a_broken_mark_names_its_file(
    capsys, tmp_path
):
    """A quarter's 替换前 copy beside January's workbook in a monthly inbox: skipped, the run
    goes on (it asked for a quarter's table before). Our January workbook with its period
    edited to 2021H3: the error names the file, not a --period the clerk never typed."""
    kinds = _kinds(tmp_path, "quarter", "month")
    q1, inbox = tmp_path / "一季度", tmp_path / "收件箱"
    q1.mkdir()
    inbox.mkdir()
    write_ledger(q1 / "台账.xlsx", ledger_rows((D(2021, 3, 5), "乙局", "乙一", None, "县网站")))
    assert (
        _run(capsys, q1, *kinds["quarter"], "--period", "2021Q1", "--out", tmp_path / "q")[0] == 0
    )
    (quarter,) = (tmp_path / "q").glob("*.xlsx")
    quarter.rename(inbox / "某县2021年1-3月统计表（2021-04-01 替换前）.xlsx")
    write_ledger(inbox / "台账.xlsx", ledger_rows((D(2021, 1, 5), "甲局", "甲一", None, "县网站")))
    assert (
        _run(capsys, inbox, *kinds["month"], "--period", "2021-01", "--out", tmp_path / "m1")[0]
        == 0
    )
    (january,) = (tmp_path / "m1").glob("*.xlsx")
    january = january.rename(inbox / january.name)
    write_ledger(inbox / "台账.xlsx", ledger_rows((D(2021, 2, 3), "丙局", "丙一", None, "县网站")))
    code, out, err = _run(capsys, inbox, *kinds["month"], "--out", tmp_path / "m2")
    assert code == 0, err
    assert "已跳过 某县2021年1-3月统计表（2021-04-01 替换前）.xlsx：" in out
    _with_mark_period(january, "2021H3")
    code, out, err = _run(capsys, inbox, *kinds["month"], "--out", tmp_path / "m3")
    assert code == 1
    assert err.splitlines()[-1] == (
        "错误：某县2021年1月统计表.xlsx 是本工具生成的工作簿，但文件属性里记下的期别“2021H3”"
        "读不出来（可能被改过）：请换成本工具生成的原文件，或把它移出收件箱"
    )
