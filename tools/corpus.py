"""Byte corpus: every output byte of the command line, over a fixed set of inboxes.

    python tools/corpus.py record [--small] [--repo DIR]   write tests/data/corpus_digests.json
    python tools/corpus.py check  [--small] [--repo DIR]   recompute, print what changed, exit 1
    python tools/corpus.py list                            the inboxes and what each exercises

    --keep DIR   leave the inboxes and outputs in DIR to look at; --jobs N   runs at a time

Each inbox is generated here, deterministically (fixed seeds, dates and workbook properties),
under a temporary folder; the large bench ledgers are cached in bench_data/ as the bench does.
For each inbox the real command line runs in a fresh process from the repo under test (--repo,
default: the repo holding this script):

    python convert.py INBOX --out OUT [extra arguments]

and the corpus keeps: the exit code; stdout and stderr lines with the temporary paths replaced
by <INBOX>, <OUT>, <WORK> (the case's own folder), <REPO> and <HERE> (this script's repo); for
each file written in OUT the sha256 of each zip member's uncompressed bytes (.xlsx: zip
timestamps are not content) or of the file's bytes; None when OUT was not even created. The
digests of the generated inputs are kept too (one per file), so that a changed generator is not
mistaken for a changed converter. `record --small` replaces only the small inboxes' entries.

The inboxes are built by the code of the repo holding this script (bench/ledgers.py, the test
writers in tests/), never by the repo under test: `check --repo OTHER` feeds OTHER exactly the
same files. Nothing here imports shiquan_score, so moving its modules cannot break the corpus,
and a restructured tree can be checked against these digests before it is committed:

    python tools/corpus.py check --repo ../restructured-worktree

--small leaves out the 5,000- and 200,000-row bench ledgers (tests/test_corpus.py runs it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import hashlib
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).resolve().parent.parent  # the repo whose generators build the inboxes
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from bench import ledgers as bench_ledgers  # noqa: E402  (stdlib only)
from tests import handmade  # noqa: E402  (xlsxwriter and tools/make_sample_data.py only)
from tests import hostile_files as hf  # noqa: E402  (xlsxwriter only)

DIGESTS = HERE / "tests" / "data" / "corpus_digests.json"
SAMPLE = HERE / "sample_data"
PREVIOUS_Q3 = SAMPLE / "石泉县2020年7-9月信息采用情况统计表.xlsx"
OLD_XLS = HERE / "tests" / "data" / "台账_旧版.xls"
ROSTER = HERE / "templates" / "roster.toml"
CREATED = dt.datetime(2020, 12, 31, 9, 0, 0)  # every workbook generated here
HEADER = ["序号", "日期", "单位", "标题", "类别", "采用渠道"]
TIMEOUT = 900  # seconds for one conversion (the 200,000-row one takes a few)
D = dt.date


# ------------------------------------------------------------------ writers


def write_ledger(
    path: Path,
    items: list[tuple],
    header: list[str] = HEADER,
    title: str | None = "2020年信息采用台账",
    notes: list[tuple[str, str]] | None = None,
    sheet: str = "台账",
) -> Path:
    """A ledger .xlsx as a clerk keeps it: a title row, a blank row, the header, numbered rows
    (序号 first), real date cells; an optional 备注 sheet. Like tests/conftest.write_ledger."""
    book = xlsxwriter.Workbook(str(path))
    book.set_properties({"created": CREATED})
    ws = book.add_worksheet(sheet)
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    r = 0
    if title:
        ws.write_string(0, 0, title)
        r = 2
    ws.write_row(r, 0, header)
    for i, item in enumerate(items, start=1):
        row = item if header[0] != "序号" else (i, *item)
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                ws.write_datetime(r + i, c, dt.datetime.combine(value, dt.time()), date_format)
            elif isinstance(value, int | float):
                ws.write_number(r + i, c, value)
            elif value:
                ws.write_string(r + i, c, value)
    if notes is not None:
        ns = book.add_worksheet("备注")
        ns.write_row(0, 0, ["单位", "备注"])
        for i, (unit, note) in enumerate(notes, start=1):
            ns.write_row(i, 0, [unit, note])
    book.close()
    return path


_DATE_XF = 16  # after the 16 XFs of hf.biff_formats(): a cell XF with the built-in date format 14


def write_xls(path: Path, rows: list[list], sheet: str = "台账") -> Path:
    """A BIFF8 .xls of `rows` (text, numbers, dates), written record by record with the
    primitives of tests/hostile_files.py: no Python library writes .xls any more."""
    cells = []
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                serial = (value - D(1899, 12, 30)).days
                cells.append(hf.biff_record(0x0203, struct.pack("<HHHd", r, c, _DATE_XF, serial)))
            elif isinstance(value, int | float):
                cells.append(hf.biff_number(r, c, value))
            elif value:
                cells.append(hf.biff_label(r, c, value))
    width = max(len(row) for row in rows)
    bof = hf.biff_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
    dims = hf.biff_record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, width, 0))
    body = bof + dims + b"".join(cells) + hf.biff_record(0x000A)
    date_xf = struct.pack("<HHHBBBBIIH", 0, 14, 0x0001, 0x20, 0, 0, 0x04, 0, 0x20C0, 0)
    head = hf.biff_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    head += hf.biff_record(0x0042, struct.pack("<H", 1200)) + hf.biff_formats()
    head += hf.biff_record(0x00E0, date_xf)
    name = sheet.encode("utf-16-le")
    offset = len(head) + 12 + len(name) + 4  # after BOUNDSHEET (4 + 8 + name) and EOF
    head += hf.biff_record(0x0085, struct.pack("<IBBBB", offset, 0, 0, len(sheet), 1) + name)
    stream = head + hf.biff_record(0x000A) + body
    path.write_bytes(hf.cfb({"Workbook": stream.ljust(4096, b"\0")}))
    return path


def write_csv(path: Path, lines: list[list[str]], encoding: str) -> Path:
    """A CSV as Excel saves it: CRLF, quotes only where a cell holds a comma or a quote."""

    def cell(text: str) -> str:
        return '"' + text.replace('"', '""') + '"' if ("," in text or '"' in text) else text

    text = "".join(",".join(cell(c) for c in line) + "\r\n" for line in lines)
    path.write_bytes(text.encode(encoding))
    return path


def _previous(inbox: Path) -> None:
    shutil.copy(PREVIOUS_Q3, inbox / PREVIOUS_Q3.name)


# ------------------------------------------------------------------ the inboxes


@dataclass
class Context:
    """Where a case builds: its inbox (to fill), its own folder for files kept outside the
    inbox (a roster, a table to check against) and the output folders of earlier cases."""

    inbox: Path
    work: Path
    outs: dict[str, Path]


@dataclass(frozen=True)
class Case:
    name: str
    what: str  # what it exercises (printed, not recorded)
    build: Callable[[Context], Path | None]  # fills ctx.inbox, or returns another inbox
    args: tuple[str, ...] = ()  # after INBOX --out OUT; <WORK> and <OUT> are expanded
    small: bool = True
    after: str | None = None  # a case whose OUT this one reads (run just before it, same job)
    argv: tuple[str, ...] | None = None  # the whole command line instead, when not an inbox


def _sample(ctx: Context) -> None:
    shutil.copytree(SAMPLE, ctx.inbox, dirs_exist_ok=True)


def _bench(rows: int) -> Callable[[Context], Path]:
    def build(ctx: Context) -> Path:
        folder = bench_ledgers.DEFAULT_DATA / f"v{bench_ledgers.GENERATOR_VERSION}" / str(rows)
        inbox, _ = bench_ledgers.make_inbox(folder, rows)
        return inbox

    return build


def _old_xls(ctx: Context) -> None:
    shutil.copy(OLD_XLS, ctx.inbox / OLD_XLS.name)
    _previous(ctx.inbox)


def _hidden_and_skipped(ctx: Context) -> None:
    hf.ledger_xlsx(ctx.inbox)  # rows 6-7 hidden, a hidden and a very hidden sheet
    hf.customxml_utf16(ctx.inbox)  # a second ledger carrying SharePoint's UTF-16 parts
    _previous(ctx.inbox)
    (ctx.inbox / "说明.txt").write_text("本季度台账\n", encoding="utf-8")
    (ctx.inbox / "~$台账.xlsx").write_bytes(b"\0" * 162)
    (ctx.inbox / ".DS_Store").write_bytes(b"\0" * 16)
    (ctx.inbox / "旧表").mkdir()
    (ctx.inbox / "旧表" / "说明.txt").write_text("旧表\n", encoding="utf-8")


def _good_rows() -> list[tuple]:
    return [
        (D(2020, 10, 12), "财政局", "县财政局落实减税降费政策", None, "部门动态、市政府网站"),
        (D(2020, 11, 3), "城关镇", "城关镇开展冬季防火宣传", "新闻", "各镇快讯"),
    ]


def _refused(make: Callable[[Path], Path]) -> Callable[[Context], None]:
    def build(ctx: Context) -> None:
        write_ledger(ctx.inbox / "台账.xlsx", _good_rows())
        make(ctx.inbox)
        _previous(ctx.inbox)

    return build


def _ledger_errors(ctx: Context) -> None:
    write_ledger(
        ctx.inbox / "台账.xlsx",
        [
            (D(2020, 10, 5), "财政局", "好的一条", None, "部门动态"),
            (D(2020, 10, 6), "教体局", "单位写错", None, "部门动态"),
            (D(2020, 10, 7), "财政局", "渠道写错", None, "公众号"),
            (D(2020, 10, 8), "人社局", "类别写错", "通知", "市级"),
            ("10/12/2020", "司法局", "日期分不清月日", None, "聚焦石泉"),
            ("2020-13-45", "审计局", "日期不存在", None, "部门动态"),
            (None, "民政局", "没有日期", None, "部门动态"),
            (D(2020, 10, 9), None, "没有单位", None, "部门动态"),
            (D(2020, 10, 9), "财政局、城关镇", "部门与镇联合", None, "部门动态"),
            (D(2020, 10, 9), "财政局", "部门用了镇的栏目", None, "各镇快讯"),
            (D(2020, 10, 10), "林业局", "林业局开展巡山", None, "部门动态"),
            (D(2020, 10, 10), "林业局", "林业局开展巡山", None, "部门动态"),  # duplicate
            ("合计", None, None, None, None),
        ],
    )
    _previous(ctx.inbox)


def _many_errors(ctx: Context) -> None:
    """25 misspelt units: the screen shows 20 and says how many more the list holds."""
    units = ["财政所", "教体局", "人设局", "石泉县财正局", "公安交警"]
    items = [
        (D(2020, 10, 1) + dt.timedelta(days=i), units[i % 5], f"第{i + 1}条信息", None, "部门动态")
        for i in range(25)
    ]
    write_ledger(ctx.inbox / "台账.xlsx", items)
    _previous(ctx.inbox)


def _notes_errors(ctx: Context) -> None:
    write_ledger(
        ctx.inbox / "台账.xlsx",
        [(D(2020, 10, 5), "财政局", "财政局一条", None, "部门动态")],
        notes=[("", "省市暂未反馈"), ("组织部", "省市暂未反馈"), ("县政府办", "省市暂未反馈")],
    )
    _previous(ctx.inbox)


def _joint_units(ctx: Context) -> None:
    write_ledger(
        ctx.inbox / "台账.xlsx",
        [
            (D(2020, 10, 12), "财政局、审计局", "财政审计联合开展专项检查", None, "部门动态"),
            (D(2020, 10, 20), "司法局，民政局，人社局", "三部门联合开展法律援助进社区", None,
             "聚焦石泉、市政府网站"),
            (D(2020, 11, 3), "城关镇/饶峰镇", "两镇联合开展森林防火演练", "新闻", "各镇快讯"),
            (D(2020, 11, 9), "县财政局;石泉县人力资源和社会保障局", "联合开展就业补贴资金核查",
             "动态信息", "市政务信息专报"),
            (D(2020, 11, 17), "教体科技局；卫健局；医保局", "三部门联合推进校园卫生健康工作",
             "政务动态", "省政府办公厅"),
            (D(2020, 12, 1), "两河镇,迎丰镇,池河镇", "三镇联合开展产业发展观摩", None, "各镇快讯"),
            (D(2020, 12, 8), "县委办公室、政府办", "关于优化营商环境的调研", "调研信息",
             "县政府网站政务信息、市级"),
            (D(2020, 12, 9), "财政局", "县财政局单独报送一条", None, "部门动态"),
            (D(2020, 12, 10), "石泉县 交通运输局 、　住建局", "交通住建联合整治道路", None,
             "聚焦石泉"),
        ],
    )  # fmt: skip
    _previous(ctx.inbox)


RESEARCH = "农业农村局关于冬季农业生产的调研报告"


def _research_history(ctx: Context) -> None:
    """A running ledger: Q3 adoptions of research items, then Q4 adoptions of the same items
    (city in Q3, province in Q4: Q4 adds only the difference), and the first Q1 row."""
    write_ledger(
        ctx.inbox / "2020年台账.xlsx",
        [
            (D(2020, 8, 14), "农业农村局", RESEARCH, "调研信息", "县政府网站政务信息"),
            (D(2020, 9, 10), "农业农村局", RESEARCH, "调研信息", "市政府办公室《政务信息专报》"),
            (D(2020, 9, 22), "林业局", "林业局关于森林防火的调研", "调研", "市级"),
            (D(2020, 9, 25), "财政局", "县财政局开展国庆前安全检查", None, "部门动态"),
            (D(2020, 10, 28), "农业农村局", RESEARCH, "调研信息", "省政府办公厅"),
            (D(2020, 11, 12), "林业局", "林业局关于森林防火的调研", "调研信息", "市级"),
            (D(2020, 10, 15), "水利局", "水利局关于河长制的调研", "调研类",
             "县政府网站政务信息、市级、省级"),
            (D(2020, 12, 3), "统计局", "统计局关于就业服务的调研", "政务信息（调研）", "市级"),
            (D(2020, 12, 10), "统计局", "统计局关于就业服务的调研", "调研信息", "省级"),
            (D(2020, 12, 14), "两河镇", "两河镇关于产业发展的调研", "调研信息",
             "县政府网站政务信息"),
            (D(2020, 12, 15), "发改局、财政局", "关于项目建设资金的联合调研", "调研信息",
             "县政府网站政务信息、省级"),
            (D(2021, 1, 6), "农业农村局", "农业农村局部署春耕备耕", None, "部门动态"),
        ],
        title="石泉县2020年信息采用台账（全年）",
    )  # fmt: skip
    _previous(ctx.inbox)


def _state_council(ctx: Context) -> None:
    write_ledger(
        ctx.inbox / "台账.xlsx",
        [
            (D(2020, 10, 5), "财政局", "调研", "调研信息", "县政府网站政务信息、市级"),
            (D(2020, 11, 5), "财政局", "调研", "调研信息", "国务院办公厅"),
            (D(2020, 11, 6), "城关镇", "城关镇动态", "动态", "国办"),
        ],
    )
    _previous(ctx.inbox)


def _duplicates(ctx: Context) -> None:
    """The same rows in two ledger files (and once twice in one): each counted once."""
    first = [
        (D(2020, 10, 12), "财政局", "县财政局落实减税降费政策", None, "部门动态、市政府网站"),
        (D(2020, 10, 19), "人社局", "人社局开展就业援助月活动", None, "聚焦石泉"),
        (D(2020, 10, 19), "人社局", "人社局开展就业援助月活动", None, "聚焦石泉"),
        (D(2020, 11, 2), "城关镇", "城关镇开展冬季防火宣传", "新闻", "各镇快讯"),
        (D(2020, 11, 20), "民政局", "民政局社会救助提标", "动态信息", "市级"),
    ]
    second = [
        (D(2020, 11, 2), "城关镇", "城关镇开展冬季防火宣传", "新闻", "各镇快讯"),
        (D(2020, 11, 20), "民政局", "民政局社会救助提标", "动态信息", "市级"),
        (D(2020, 11, 20), "民政局", "民政局社会救助提标", "动态信息", "省级"),  # not a duplicate
        (D(2020, 12, 1), "审计局", "审计局开展经济责任审计", None, "部门动态"),
    ]
    write_ledger(ctx.inbox / "台账（办公室）.xlsx", first)
    write_ledger(ctx.inbox / "台账（信息科）.xlsx", second, title="信息科台账")
    _previous(ctx.inbox)


def _csv_gbk(ctx: Context) -> None:
    lines = [
        ["石泉县2020年四季度信息采用台账", "", "", "", "", "", ""],
        ["", "", "", "", "", "", ""],
        ["序号", "采用日期", "报送单位", "信息标题", "信息类别", "采用渠道", "备注"],
        ["1", "2020.10.12", "县财政局", "县财政局落实减税降费政策", "", "部门动态、市政府网站", ""],
        ["2", "2020年10月20日", "石泉县人力资源和社会保障局", "人社局开展“就业援助月”活动",
         "新闻", "聚焦石泉", ""],
        ["3", "2020/11/03", "城关镇", "城关镇开展冬季防火宣传", "", "县政府网站各镇快讯", ""],
        ["4", "2020-11-20", "财政局,审计局", "财政审计联合开展专项检查", "动态信息", "市级",
         "联合报送"],
        ["5", "2020-12-01", "水利局", "水利局关于河长制的调研", "调研信息",
         "县政府网站政务信息、省政府办公厅", ""],
        ["6", "2020-09-29", "林业局", "林业局开展秋季森林防火", "", "部门动态", "上季度补录"],
        ["", "", "", "", "", "", ""],
        ["合计", "", "", "", "", "", ""],
    ]  # fmt: skip
    write_csv(ctx.inbox / "台账.csv", lines, "gbk")
    _previous(ctx.inbox)


def _xls_ledger(ctx: Context) -> None:
    rows = [
        ["石泉县2020年信息采用台账"],
        [],
        ["序号", "刊发日期", "供稿单位", "稿件标题", "类别", "采用栏目"],
        [1, D(2020, 10, 9), "县财政局", "财政局落实减税降费政策", "", "部门动态、市政府网站"],
        [2, "2020.11.3", "城关镇", "城关镇开展冬季防火宣传", "新闻", "各镇快讯"],
        [3, "2020年12月1日", "司法局、审计局", "联合开展普法进企业活动", "", "聚焦石泉"],
        [4, D(2020, 12, 7), "政府办", "政府办关于政务公开的调研", "调研信息", "县政府网站政务信息、市级"],
        [5, D(2020, 12, 18), "饶峰镇", "饶峰镇推进人居环境整治", "动态信息", "省政府办公厅"],
    ]  # fmt: skip
    write_xls(ctx.inbox / "台账.xls", rows)
    _previous(ctx.inbox)


def _notes_sheet(ctx: Context) -> None:
    write_ledger(
        ctx.inbox / "台账.xlsx",
        [
            (D(2020, 10, 5), "政府办", "政府办一条", None, "部门动态"),
            (D(2020, 10, 6), "财政局", "财政局关于预算绩效的调研", "调研信息", "县政府网站政务信息"),
            (D(2020, 10, 7), "城关镇", "城关镇一条", None, "各镇快讯"),
        ],
        notes=[
            ("政府办", "省市暂未反馈"),
            ("石泉县行政审批服务局", "省市暂未反馈"),
            ("县委办公室", "省市暂未反馈"),
            ("城关镇", "省市暂未反馈"),
            ("财政局", "省市暂未反馈"),  # it has a research adoption: the count wins (提示)
        ],
    )  # fmt: skip
    _previous(ctx.inbox)


def _first_quarter(ctx: Context) -> None:
    write_ledger(
        ctx.inbox / "2021年台账.xlsx",
        [
            (D(2021, 1, 5), "财政局", "一季度", None, "部门动态"),
            (D(2021, 2, 5), "城关镇", "镇里", None, "各镇快讯、市政府网站"),
            (D(2021, 3, 29), "政府办", "政府办一季度", "动态信息", "省级"),
        ],
        title="2021年信息采用台账",
    )
    _previous(ctx.inbox)  # last year's table: ignored, with a line saying so


OLD, NEW = "扶贫局", "乡村振兴局"
RENAME_LEDGER = [
    (D(2021, 1, 10), OLD, "扶贫小额信贷助脱贫户增收", None, "部门动态"),
    (D(2021, 2, 10), "石泉县扶贫开发局", "防返贫监测帮扶机制见效", "动态信息", "市级"),
    (D(2021, 2, 11), "财政局、民政局、人社局", "三部门联合开展春节慰问", None, "聚焦石泉"),
    (D(2021, 3, 10), NEW, "衔接推进乡村振兴", None, "聚焦石泉"),
    (D(2021, 4, 10), OLD, "消费帮扶产品进机关", None, "市政府网站"),
    (D(2021, 6, 10), NEW, "乡村振兴局挂牌成立", "动态信息", "省级"),
    (D(2021, 7, 10), NEW, "乡村建设行动推进会", None, "部门动态"),
]


def _renamed_roster(work: Path) -> None:
    """扶贫局 renamed 乡村振兴局 on 2021-06-01 (as tests/test_renames.py does it)."""
    old_entry = f'name = "{OLD}"\nranked = true\naliases = ["石泉县扶贫开发局"]'
    new_entry = (
        f'name = "{NEW}"\nranked = true\naliases = ["石泉县扶贫开发局", "石泉县乡村振兴局"]\n'
        f'former = [{{ name = "{OLD}", until = 2021-05-31 }}]'
    )
    text = ROSTER.read_text(encoding="utf-8")
    if old_entry not in text:
        raise SystemExit(f"{ROSTER} 中找不到 {OLD} 的条目，无法生成改名的名单")
    (work / "roster.toml").write_text(text.replace(old_entry, new_entry), encoding="utf-8")


def _rename_q1(ctx: Context) -> None:
    _renamed_roster(ctx.work)
    write_ledger(ctx.inbox / "2021年台账.xlsx", RENAME_LEDGER, title="2021年信息采用台账")


def _rename_q2(ctx: Context) -> None:
    _rename_q1(ctx)
    book = ctx.outs["rename_q1"] / "石泉县2021年1-3月信息采用情况统计表.xlsx"
    if book.exists():  # else rename_q1 failed: this run then says what is missing
        shutil.copy(book, ctx.inbox / book.name)


def _check_against(ctx: Context) -> None:
    _sample(ctx)
    handmade.write_handmade(ctx.work / "手工表.xlsx", handmade.seed_rows())


CASES = [
    Case("sample_data", "sample_data/ 原样：2020年四季度真实数据", _sample),
    Case("bench_300", "bench 台账 300 行（Excel 方式保存、备注表、上期表）", _bench(300)),
    Case("bench_5000", "bench 台账 5,000 行", _bench(5_000), small=False),
    Case("bench_200000", "bench 台账 200,000 行：明细、问题另存 CSV", _bench(200_000), small=False),
    Case("old_xls", "tests/data/台账_旧版.xls（LibreOffice 存的 .xls）与上期表", _old_xls),
    Case("xls_ledger", "自己写的 BIFF8 .xls 台账：日期单元格、文字日期、表头别名", _xls_ledger),
    Case("csv_gbk", "GBK 编码的 CSV 台账：各种文字日期、引号里的逗号、合计行、上季度补录", _csv_gbk),
    Case("joint_units", "联合报送：2 家、3 家，各种分隔符，镇与部门，非政府序列", _joint_units),
    Case("research_history", "全年台账：调研信息三季度市级、四季度省级，只取最高", _research_history),
    Case("state_council", "国务院办公厅采用：表格增加国家级、县级列", _state_council),
    Case("duplicates_two_files", "两本台账里的同一行，及一本里的重复行", _duplicates),
    Case("notes_sheet", "备注表：省市暂未反馈；有调研采用的单位备注不印（提示）", _notes_sheet),
    Case("first_quarter", "2021年一季度：无需上期表，去年的上期表被忽略", _first_quarter),
    Case("rename_q1", "单位改名（--roster）：2021年一季度", _rename_q1,
         ("--period", "2021Q1", "--roster", "<WORK>/roster.toml")),
    Case("rename_q2", "改名之后的二季度：上期表是本工具上季度生成的工作簿，上期核对", _rename_q2,
         ("--roster", "<WORK>/roster.toml"), after="rename_q1"),
    Case("check_against", "--check-against 手工做的附件2：核对表", _check_against,
         ("--check-against", "<WORK>/手工表.xlsx")),
    Case("template", "--template：2021年台账模板", lambda ctx: None,
         argv=("--template", "<OUT>/2021年台账模板.xlsx", "--period", "2021")),
    Case("hidden_and_skipped", "隐藏行、隐藏工作表、SharePoint 的 UTF-16 部件、跳过的文件（提示）",
         _hidden_and_skipped),
    Case("errors_ledger", "台账错误（单位、渠道、类别、日期）→ 只生成问题清单，退出码 1", _ledger_errors),
    Case("errors_many", "25 处错误：屏幕只列 20 处", _many_errors),
    Case("errors_notes", "备注表的单位写错或没写 → 问题清单，退出码 1", _notes_errors),
    Case("refused_password", "加密的工作簿：拒绝，一行说明", _refused(hf.password_xlsx)),
    Case("refused_entities", "XML 实体炸弹：拒绝，一行说明", _refused(hf.billion_laughs)),
]  # fmt: skip


# ------------------------------------------------------------------ running and digesting


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str | dict[str, str]:
    """.xlsx (any zip): member name → sha256 of its uncompressed bytes; else sha256 of the file."""
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as zf:
                return {info.filename: sha(zf.read(info)) for info in zf.infolist()}
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
            pass  # a deliberately broken zip among the inputs: its bytes then
    return sha(path.read_bytes())


# Inputs only: tests/hostile_files.py lets xlsxwriter stamp the creation time into this member
# (the converter never reads it: the outputs stay the same).
UNSTAMPED = "docProps/core.xml"


def folder_digests(folder: Path, members: bool) -> dict | None:
    """Every file under folder by relative path; with members=False (inputs) a zip is one
    digest of its members' digests but the time stamp: enough to tell that a generator changed."""
    if not folder.is_dir():
        return None
    out: dict = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest = file_digest(path)
        if isinstance(digest, dict) and not members:
            digest.pop(UNSTAMPED, None)
            digest = sha(json.dumps(digest, sort_keys=True).encode())
        out[path.relative_to(folder).as_posix()] = digest
    return out


def _env() -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")
    }
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run_case(case: Case, root: Path, repo: Path, outs: dict[str, Path]) -> tuple[dict, float]:
    """Build the case's inbox under root/NAME, run the command line, digest what it wrote."""
    work = root / case.name
    inbox, out = work / "收件箱", work / "输出"
    inbox.mkdir(parents=True)
    inbox = case.build(Context(inbox, work, outs)) or inbox
    outs[case.name] = out
    tail = [str(inbox), "--out", str(out), *case.args] if case.argv is None else [*case.argv]
    places = {"<INBOX>": str(inbox), "<OUT>": str(out), "<WORK>": str(work)}
    for key, value in places.items():
        tail = [a.replace(key, value) for a in tail]
    if case.argv is not None:
        out.mkdir()
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "convert.py", *tail],
        cwd=repo,
        env=_env(),
        capture_output=True,
        timeout=TIMEOUT,
    )
    seconds = time.perf_counter() - started
    # Longest first: <INBOX> and <OUT> lie inside <WORK>; a bench inbox inside this repo.
    places |= {"<REPO>": str(repo), "<HERE>": str(HERE)}
    order = sorted(places.items(), key=lambda kv: -len(kv[1]))

    def lines(raw: bytes) -> list[str]:
        text = raw.decode("utf-8", "replace")
        for key, value in order:
            text = text.replace(value, key)
        return text.splitlines()

    def placed(arg: str) -> str:
        for key, value in order:
            arg = arg.replace(value, key)
        return arg

    record = {
        "argv": [placed(a) for a in tail],
        "exit": done.returncode,
        "stdout": lines(done.stdout),
        "stderr": lines(done.stderr),
        "inputs": folder_digests(inbox, members=False),
        "outputs": folder_digests(out, members=True),
    }
    return record, seconds


def run_corpus(
    names: list[str], repo: Path, jobs: int, keep: Path | None = None, log=print
) -> dict[str, dict]:
    """Run the named cases (a case and those `after` it in one job; jobs in parallel)."""
    chosen = [c for c in CASES if c.name in names]
    chains: list[list[Case]] = []
    for case in chosen:
        chain = next((ch for ch in chains if case.after in {c.name for c in ch}), None)
        if chain is None:
            chains.append([case])
        else:
            chain.append(case)
    # The big ones first, so that the small ones fill the other workers meanwhile.
    chains.sort(key=lambda ch: all(c.small for c in ch))
    results: dict[str, dict] = {}
    root = Path(tempfile.mkdtemp(prefix="corpus-")).resolve() if keep is None else keep.resolve()
    root.mkdir(parents=True, exist_ok=True)

    def job(chain: list[Case]) -> None:
        outs: dict[str, Path] = {}
        for case in chain:
            results[case.name], seconds = run_case(case, root, repo, outs)
            log(f"  {case.name:<22} 退出码 {results[case.name]['exit']}  {seconds:5.1f} 秒")

    try:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            for future in [pool.submit(job, chain) for chain in chains]:
                future.result()
    finally:
        if keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return {name: results[name] for name in sorted(results)}


# ------------------------------------------------------------------ comparing


def diff(recorded: dict[str, dict], current: dict[str, dict]) -> list[str]:
    """What changed, one line per inbox, file and member (stdout/stderr as a line diff)."""
    lines: list[str] = []
    for name in sorted(set(recorded) | set(current)):
        if name not in recorded:
            lines.append(f"收件箱 {name}：没有记录（请先 record）")
            continue
        if name not in current:
            lines.append(f"收件箱 {name}：已记录，但本次没有运行（语料里已没有这个收件箱）")
            continue
        old, new, found = recorded[name], current[name], []
        if old["argv"] != new["argv"]:
            found.append(f"  命令行：{old['argv']} → {new['argv']}")
        if old["exit"] != new["exit"]:
            found.append(f"  退出码：{old['exit']} → {new['exit']}")
        for stream in ("stdout", "stderr"):
            if old[stream] != new[stream]:
                found.append(f"  {stream} 变了：")
                changed = difflib.unified_diff(old[stream], new[stream], lineterm="", n=0)
                found += [f"    {t}" for t in list(changed)[2:]]
        found += _files(old["inputs"], new["inputs"], "输入", " （语料生成器变了，不是转换程序）")
        found += _files(old["outputs"], new["outputs"], "输出", "")
        if found:
            lines.append(f"收件箱 {name}：")
            lines += found
    return lines


def _files(old: dict | None, new: dict | None, kind: str, why: str) -> list[str]:
    if old is None or new is None:
        if old is new:
            return []
        said = {True: "没有文件夹", False: "有文件夹"}
        return [f"  {kind}：原来{said[old is None]}，现在{said[new is None]}{why}"]
    found = []
    for name in sorted(set(old) | set(new)):
        a, b = old.get(name), new.get(name)
        if a == b:
            continue
        if a is None or b is None:
            found.append(f"  {kind}文件 {name}：{'新增' if a is None else '缺少'}{why}")
        elif isinstance(a, dict) and isinstance(b, dict):
            for member in sorted(set(a) | set(b)):
                x, y = a.get(member), b.get(member)
                if x != y:
                    what = "新增" if x is None else "缺少" if y is None else "内容变了"
                    found.append(f"  {kind}文件 {name} 成员 {member}：{what}{why}")
        else:
            found.append(f"  {kind}文件 {name}：内容变了{why}")
    return found


def load_recorded(path: Path = DIGESTS) -> dict[str, dict]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def dump(data: dict[str, dict]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def selected(small: bool) -> list[str]:
    return [c.name for c in CASES if c.small or not small]


def check(repo: Path, small: bool, jobs: int, keep: Path | None = None, log=print) -> list[str]:
    """Differences between the recorded corpus and this run (empty: identical)."""
    names = selected(small)
    recorded = {k: v for k, v in load_recorded().items() if k in names or not small}
    return diff(recorded, run_corpus(names, repo, jobs, keep, log))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python tools/corpus.py",
        description="输出字节语料：对一组固定的收件箱运行命令行，记录或核对退出码、屏幕输出和每个输出文件的摘要。",
    )
    parser.add_argument("command", choices=("record", "check", "list"))
    parser.add_argument(
        "--small", action="store_true", help="只用几秒内跑完的收件箱（不含 5,000、200,000 行）"
    )
    parser.add_argument(
        "--repo", type=Path, default=HERE, help="被测的仓库（默认：本脚本所在的仓库）"
    )
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="同时运行几个（默认：CPU 数）"
    )
    parser.add_argument(
        "--keep", type=Path, help="收件箱和输出留在这个文件夹里（便于查看），不删除"
    )
    args = parser.parse_args(argv)
    if args.command == "list":
        for case in CASES:
            print(f"{case.name:<22} {'' if case.small else '[大] '}{case.what}")
        return 0
    repo = args.repo.resolve()
    if not (repo / "convert.py").is_file():
        parser.error(f"{repo} 里没有 convert.py")
    started = time.perf_counter()
    print(f"被测仓库：{repo}")
    if args.command == "record":
        current = run_corpus(selected(args.small), repo, args.jobs, args.keep)
        data = {**load_recorded(), **current} if args.small else current
        DIGESTS.write_text(dump(data), encoding="utf-8")
        print(
            f"已记录 {len(current)} 个收件箱：{DIGESTS}（{time.perf_counter() - started:.1f} 秒）"
        )
        return 0
    changes = check(repo, args.small, args.jobs, args.keep)
    seconds = time.perf_counter() - started
    if changes:
        print("\n".join(changes))
        print(f"与记录不一致（{DIGESTS.name}），见上（{seconds:.1f} 秒）")
        return 1
    print(f"与记录一致：{len(selected(args.small))} 个收件箱（{seconds:.1f} 秒）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
