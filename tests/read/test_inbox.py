"""The inbox → ledgers, 备注 sheets and previous tables, told apart by content, never by name;
every file and sheet not used is said with its reason."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
import xlsxwriter

from shiquan_score.cli import main
from shiquan_score.errors import InputError
from shiquan_score.read.inbox import ledger_frame, read_contents, read_inbox
from tests.conftest import PREVIOUS_Q3, SAMPLE, ledger_rows, write_ledger

D = dt.date
ROWS = ledger_rows(
    (D(2020, 10, 12), "城关镇", "秋收进度", "政务动态", "市级"),
    (D(2020, 11, 3), "财政局", "预算执行", "新闻动态", "省级"),
)


def workbook(path, sheets: dict[str, list[list]], hidden: tuple[str, ...] = ()):
    """A workbook of plain text sheets; the named ones hidden."""
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": dt.datetime(2020, 12, 31)})
    for name, rows in sheets.items():
        ws = wb.add_worksheet(name)
        for r, row in enumerate(rows):
            ws.write_row(r, 0, row)
        if name in hidden:
            ws.hide()
    wb.close()
    return path


def test_ledger_notes_and_previous_tables_told_apart_by_content(scheme, inbox):
    write_ledger(inbox / "随便起的名字.xlsx", ROWS, notes=[("城关镇", "省市暂未反馈")])
    shutil.copy(PREVIOUS_Q3, inbox / "上期.xlsx")  # named like nothing in particular
    (inbox / "说明.txt").write_text("不是表格", encoding="utf-8")
    (inbox / "~$随便起的名字.xlsx").write_bytes(b"lock")
    found = read_inbox(inbox, scheme)
    assert [raw.where for raw in found.ledgers] == ["随便起的名字.xlsx（台账）"]
    assert [raw.sheet for raw in found.notes] == ["备注"]
    assert sorted(hit[0] for _, hit in found.previous) == ["部门", "镇"]
    assert found.hidden == [] and found.own == {}
    assert found.notices == [
        "已跳过 ~$随便起的名字.xlsx：是 Excel/WPS 打开文件时留下的临时文件",
        "已跳过 说明.txt：不是表格文件（.xlsx/.xls/.csv）",
    ]


def test_a_sheet_that_is_neither_is_said_and_skipped(scheme, inbox):
    write_ledger(inbox / "台账.xlsx", ROWS)
    workbook(inbox / "杂项.xlsx", {"通讯录": [["姓名", "电话"], ["张三", "123"]]})
    found = read_inbox(inbox, scheme)
    assert len(found.ledgers) == 1
    assert (
        "杂项.xlsx（通讯录） 的前 2 行里没有台账表头（一行或上下两行里写着“日期、单位、标题、采用渠道”），"
        "也不是上期统计表，已跳过"
    ) in found.notices


def test_hidden_sheets_a_ledger_kept_apart_anything_else_said(scheme, inbox):
    header = ["序号", "日期", "单位", "标题", "类别", "采用渠道"]
    workbook(
        inbox / "台账.xlsx",
        {
            "台账": [header, [1, "2020-10-12", "城关镇", "秋收", "政务动态", "市级"]],
            "旧台账": [header, [1, "2020-10-13", "城关镇", "冬修", "政务动态", "市级"]],
            "草稿": [["随手记"]],
        },
        hidden=("旧台账", "草稿"),
    )
    found = read_inbox(inbox, scheme)
    assert [raw.sheet for raw in found.ledgers] == ["台账"]
    assert [raw.sheet for raw, _ in found.hidden] == ["旧台账"]
    assert "台账.xlsx 的工作表“草稿”是隐藏的，已跳过" in found.notices


def test_no_ledger_is_refused_and_what_was_found_stays_said(scheme, inbox):
    shutil.copy(PREVIOUS_Q3, inbox / PREVIOUS_Q3.name)
    (inbox / "说明.txt").write_bytes(b"\x00\x01")
    notices: list[str] = []
    with pytest.raises(InputError) as exc:
        read_inbox(inbox, scheme, notices)
    assert str(exc.value) == (
        f"文件夹 {inbox} 里没有找到台账（需要有“日期、单位、标题、采用渠道”等表头的表格）"
    )
    assert notices  # the run's own list kept what was read before it stopped


def test_ledger_frame_joins_the_ledgers_in_file_name_order_first_headers_kept(scheme, inbox):
    write_ledger(inbox / "一.xlsx", ROWS[:1])
    write_ledger(
        inbox / "二.xlsx",
        ROWS[1:],
        header=["序号", "采用日期", "报送单位", "信息标题", "类别", "渠道"],
    )
    rows = ledger_frame(read_inbox(inbox, scheme), scheme)
    assert list(rows["where"]) == ["一.xlsx（台账）", "二.xlsx（台账）"]
    assert list(rows["unit"]) == ["城关镇", "财政局"]
    assert rows.attrs["headers"]["date"] == "日期"  # the first file's wording


def test_ledgers_with_only_headers_are_refused_by_name(scheme, inbox):
    write_ledger(inbox / "一.xlsx", [])
    write_ledger(inbox / "二.xlsx", [])
    with pytest.raises(InputError) as exc:
        ledger_frame(read_inbox(inbox, scheme), scheme)
    assert (
        str(exc.value)
        == "台账 一.xlsx（台账）、二.xlsx（台账） 只有表头，没有采用记录，请先填写台账"
    )


def test_our_own_workbook_is_a_previous_table_by_its_mark(scheme, inbox, tmp_path):
    out = tmp_path / "输出"
    assert main([str(SAMPLE), "--out", str(out)]) == 0
    (book,) = out.glob("*.xlsx")
    shutil.copy(book, inbox / "上期自己的.xlsx")
    write_ledger(inbox / "台账.xlsx", ROWS)
    contents = read_contents(inbox, scheme)
    assert sorted((p.table, p.year, p.quarter) for p in contents.previous) == [
        ("部门", 2020, 4),
        ("镇", 2020, 4),
    ]
    assert all(p.record is not None for p in contents.previous)  # the year's bonus record
    skipped = [n for n in contents.notices if n.startswith("上期自己的.xlsx 是本工具生成的工作簿")]
    assert len(skipped) == 1 and "“明细”" in skipped[0] and "“问题”" in skipped[0]
    assert list(contents.rows["unit"]) == ["城关镇", "财政局"]  # its 明细 is never a ledger


# --- through the command line ---


def test_every_unusable_file_is_named_in_one_run(tmp_path, capsys):
    """Three files the tool cannot use: all named at once, not one per run."""
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(
        inbox / "台账.xlsx", ledger_rows((D(2021, 3, 9), "财政局", "一", None, "部门动态"))
    )
    (inbox / "空的.xlsx").write_bytes(b"")
    (inbox / "网页.xls").write_bytes(
        b"<html><body><table><tr><td>1</td></tr></table></body></html>"
    )
    (inbox / "坏的.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    assert main([str(inbox), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        "错误：收件箱里有 3 个文件不能使用，请逐个处理后重新运行："
        "\n  1. 坏的.xlsx 文件已损坏或不完整（无法按 xlsx 打开），请重新保存或重新复制该文件"
        "\n  2. 空的.xlsx 是空文件，请确认是否保存了台账"
        "\n  3. 网页.xls 实际是网页（HTML）文件，不是 Excel 工作簿，请用 Excel/WPS 打开后“另存为” .xlsx 再放入\n"
    )
    assert not (tmp_path / "out").exists()


def test_one_unusable_file_keeps_its_own_line(tmp_path, capsys):
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    write_ledger(
        inbox / "台账.xlsx", ledger_rows((D(2021, 3, 9), "财政局", "一", None, "部门动态"))
    )
    (inbox / "空的.xlsx").write_bytes(b"")
    assert main([str(inbox), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == "错误：空的.xlsx 是空文件，请确认是否保存了台账\n"


Q1_ROWS = [
    (D(2021, 2, 5), "财政局", "一季度一", None, "部门动态"),
    (D(2021, 2, 9), "审计局", "一季度二", None, "部门动态"),
    (D(2021, 3, 9), "审计局", "一季度三", None, "部门动态"),
]
Q1_BOOK = "石泉县2021年1-3月信息采用情况统计表.xlsx"


def _q1_out_folder(tmp_path):
    """Q1 run three times, the ledger corrected each time: the current workbook and its two
    替换前 copies (output/replace.py names them by today's date)."""
    inbox = tmp_path / "q1"
    inbox.mkdir()
    out = tmp_path / "q1_out"
    for n in range(3):
        write_ledger(inbox / "台账.xlsx", ledger_rows(*Q1_ROWS[: n + 1]))
        assert main([str(inbox), "--out", str(out), "--period", "2021Q1"]) == 0
    today = dt.date.today().isoformat()
    kept = [f"石泉县2021年1-3月信息采用情况统计表（{today} 替换前{n}）.xlsx" for n in ("2", "")]
    assert sorted(p.name for p in out.glob("*.xlsx")) == sorted([Q1_BOOK, *kept])
    return out, kept


def test_our_replaced_copies_are_skipped_with_one_line_each(tmp_path, capsys):
    out, kept = _q1_out_folder(tmp_path)
    inbox = tmp_path / "q2"
    inbox.mkdir()
    for path in out.glob("*.xlsx"):
        (inbox / path.name).write_bytes(path.read_bytes())
    write_ledger(
        inbox / "台账.xlsx", ledger_rows((D(2021, 5, 2), "财政局", "二季度", None, "部门动态"))
    )
    capsys.readouterr()
    assert main([str(inbox), "--out", str(tmp_path / "q2_out")]) == 0
    screen = capsys.readouterr().out.splitlines()
    for name in kept:
        assert (
            f"已跳过 {name}：是本工具重新生成统计表时保留的替换前旧版，已被现行的统计表取代，不作上期表"
            in screen
        )
    assert f"附件2上期累计取自：{Q1_BOOK}（附件2（部门））" in screen


def test_only_replaced_copies_of_last_quarter_are_refused(tmp_path, capsys):
    out, kept = _q1_out_folder(tmp_path)
    inbox = tmp_path / "q2"
    inbox.mkdir()
    for name in kept:
        (inbox / name).write_bytes((out / name).read_bytes())
    write_ledger(
        inbox / "台账.xlsx", ledger_rows((D(2021, 5, 2), "财政局", "二季度", None, "部门动态"))
    )
    capsys.readouterr()
    assert main([str(inbox), "--out", str(tmp_path / "q2_out")]) == 1
    assert capsys.readouterr().err == (
        f"错误：收件箱里2021年1-3月的统计表只有本工具保留的替换前旧版（{kept[0]}、{kept[1]}），"
        "旧版已被取代，不能作上期表。"
        "请把同一文件夹中文件名不带“替换前”的现行统计表放进收件箱后重新运行\n"
    )
    assert not (tmp_path / "q2_out").exists()


def test_a_hand_renamed_file_is_not_taken_for_a_replaced_copy(tmp_path, capsys):
    """The name alone is not enough: a table the clerk saved as …（替换前）.xlsx without our
    mark is read like any other file (here the 替换前 name on a ledger)."""
    inbox = tmp_path / "in"
    inbox.mkdir()
    name = "台账（2021-10-11 替换前）.xlsx"
    write_ledger(inbox / name, ledger_rows(*Q1_ROWS))
    assert main([str(inbox), "--out", str(tmp_path / "out"), "--period", "2021Q1"]) == 0
    assert "替换前旧版" not in capsys.readouterr().out
