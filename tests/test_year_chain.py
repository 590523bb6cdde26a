"""A clerk's year through the real command line (issue 10, "Done when"): 2021 Q1 → Q2 → Q3 →
Q4 → 2022 Q1, each quarter's inbox holding the workbook the previous run just wrote, no
--period. Once with a running year-long ledger (each snapshot holds the first rows of the next
quarter, and from Q3 on a row logged late into Q2), once with one file per quarter (Q2's a GBK
CSV); then a departments-only office. Every figure is checked against the rules worked out
here with exact fractions — never by the package's own scoring code.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from fractions import Fraction as F
from pathlib import Path

import openpyxl

from shiquan_score.cli import main
from tests.conftest import write_ledger

D = dt.date
TOWNS = {"城关镇", "饶峰镇"}
# The rules (domain.md §2), as the office publishes them.
NEWS = {"部门动态": F(1, 2), "各镇快讯": F(1, 2), "聚焦石泉": F(1, 2), "市政府网站": F(1)}
DYNAMIC = {"市级": F(5), "省级": F(10), "国家级": F(20)}
COUNTY_RESEARCH = F(3)
BONUS = {"市级": F(10), "省级": F(20), "国家级": F(30)}

# (date, units, title, category, channels, quarter it was logged in: 1-4, 5 = 2022 Q1)
ROWS = [
    (D(2021, 1, 10), "财政局", "财政一季度", None, "部门动态、市政府网站", 1),
    (D(2021, 2, 3), "财政局、民政局、审计局", "三家联合慰问", None, "聚焦石泉", 1),
    (D(2021, 2, 15), "农业农村局", "调研甲", "调研信息", "县政府网站政务信息", 1),
    (D(2021, 3, 5), "民政局", "民政动态", "动态信息", "市级", 1),
    (D(2021, 3, 20), "城关镇", "城关快讯", None, "各镇快讯、市政府网站", 1),
    (D(2021, 4, 12), "农业农村局", "调研乙", "调研信息", "县政府网站政务信息、市级", 2),
    (D(2021, 5, 20), "财政局、审计局", "联合调研", "调研信息", "市级", 2),
    (D(2021, 6, 2), "饶峰镇", "饶峰快讯", None, "各镇快讯", 2),
    (D(2021, 6, 15), "统计局", "统计动态", "动态信息", "省级", 2),
    (D(2021, 6, 25), "统计局", "六月底补记", None, "部门动态", 3),  # late: after Q2 went out
    (D(2021, 7, 8), "农业农村局", "调研乙", "调研信息", "省级", 3),  # top-up +10
    (D(2021, 8, 9), "财政局、审计局", "联合调研", "调研信息", "省级", 3),  # top-up, split
    (D(2021, 9, 1), "民政局", "民政新闻", None, "部门动态", 3),
    (D(2021, 10, 10), "财政局", "财政四季度", None, "市政府网站", 4),
    (D(2021, 11, 11), "城关镇", "城关调研", "调研信息", "县政府网站政务信息、市级", 4),
    (D(2021, 12, 1), "农业农村局", "调研甲", "调研信息", "市级", 4),
    (D(2022, 1, 15), "财政局", "新年第一条", None, "部门动态", 5),
    (D(2022, 2, 20), "农业农村局", "调研乙", "调研信息", "省级", 5),  # a new year: full +20
    (D(2022, 3, 10), "饶峰镇", "饶峰新年", None, "各镇快讯", 5),
    (D(2022, 4, 6), "财政局", "新年二季度", None, "部门动态", 6),
]
RUNS = [(2021, 1), (2021, 2), (2021, 3), (2021, 4), (2022, 1)]
HEADER = ["序号", "日期", "单位", "标题", "类别", "采用渠道"]


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def step(year: int, quarter: int) -> int:
    """The run's number, 1-5 (2022 Q1 is 5), as ROWS' last field counts."""
    return (year - 2021) * 4 + quarter


def half_up(value: F) -> F:
    return F(int(value * 100 + F(1, 2)), 100)  # 四舍五入 to 2 places (values are ≥ 0)


def expected() -> dict[tuple[int, int], dict[str, tuple[F, F, F]]]:
    """Per run, per unit: (本期, 上期, 累计) from the rules, by hand."""
    result, total, paid = {}, {}, {}
    for year, quarter in RUNS:
        if quarter == 1:
            total, paid = {}, {}  # 累计 and the research bonuses start afresh each year
        now: dict[str, F] = {}
        best: dict[tuple, F] = {}
        for day, units, title, category, channels, logged in ROWS:
            # scored in its own quarter's run, if the clerk had logged it by then
            if quarter_of(day) != (year, quarter) or logged > step(year, quarter):
                continue
            names = units.split("、")
            share = F(1, len(names))
            for channel in channels.split("、"):
                if category == "调研信息" and channel in BONUS:
                    key = (tuple(sorted(names)), title)
                    best[key] = max(best.get(key, F(0)), BONUS[channel])
                    continue
                if category == "调研信息":
                    points = COUNTY_RESEARCH
                elif category == "动态信息":
                    points = DYNAMIC[channel]
                else:
                    points = NEWS[channel]
                for unit in names:
                    now[unit] = now.get(unit, F(0)) + points * share
        for key, bonus in best.items():  # only the top-up over what the year already paid
            top_up = max(bonus - paid.get(key, F(0)), F(0))
            paid[key] = max(paid.get(key, F(0)), bonus)
            for unit in key[0]:
                now[unit] = now.get(unit, F(0)) + top_up / len(key[0])
        shown = {u: half_up(v) for u, v in now.items()}
        units = set(shown) | set(total)
        result[(year, quarter)] = {
            u: (shown.get(u, F(0)), total.get(u, F(0)), shown.get(u, F(0)) + total.get(u, F(0)))
            for u in units
        }
        total = {u: v[2] for u, v in result[(year, quarter)].items()}
    return result


EXPECTED = expected()


def test_the_expected_figures_follow_the_rules():
    """A few figures worked out on paper, so the hand model itself is checked."""
    assert EXPECTED[(2021, 1)]["财政局"] == (F(167, 100), 0, F(167, 100))  # 1.5 + 1/6
    assert EXPECTED[(2021, 2)]["农业农村局"] == (13, 3, 16)  # 3 + 10 in one quarter
    assert EXPECTED[(2021, 3)]["农业农村局"] == (10, 16, 26)  # the province: +20 - 10
    assert EXPECTED[(2021, 3)]["审计局"] == (5, F(517, 100), F(1017, 100))
    assert "统计局" not in {u for u, v in EXPECTED[(2021, 3)].items() if v[0]}  # late row
    assert EXPECTED[(2021, 4)]["农业农村局"] == (10, 26, 36)  # 调研甲's first bonus
    assert EXPECTED[(2022, 1)]["农业农村局"] == (20, 0, 20)  # a new year's full bonus


# ------------------------------------------------------------------ the inboxes
def snapshot(k: int, year: int) -> list[tuple]:
    """The running ledger of `year` as it stands when run k's table is made, three weeks
    into the next quarter: every row logged by then, and the next quarter's first rows."""
    y, q = RUNS[k - 1]
    start = D(y + q // 4, q % 4 * 3 + 1, 1)  # the next quarter's first day
    cutoff = start + dt.timedelta(days=21)
    return [
        r
        for r in ROWS
        if r[0].year == year and (r[5] <= k or (r[5] == k + 1 and start <= r[0] < cutoff))
    ]


def quarter_file(k: int) -> list[tuple]:
    return [r for r in ROWS if r[5] == k]


def numbered(rows: list[tuple]) -> list[list]:
    return [
        [i, day, units, title, category, channels]
        for i, (day, units, title, category, channels, _) in enumerate(rows, 1)
    ]


def write_gbk_csv(path: Path, rows: list[tuple]) -> None:
    with path.open("w", encoding="gbk", newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADER)
        for line in numbered(rows):
            out.writerow([v.isoformat() if isinstance(v, dt.date) else v or "" for v in line])


def run_year(tmp_path: Path, capsys, ledger_for, *args) -> dict:
    """Runs the five quarters; each inbox gets the workbook the run before wrote. Returns
    per run: the tables read back, the screen lines and the 问题 rows."""
    previous, runs = None, {}
    for k, (year, quarter) in enumerate(RUNS, start=1):
        box = tmp_path / f"收件箱{k}"
        box.mkdir()
        ledger_for(box, k, year)
        if previous is not None:
            shutil.copy(previous, box)
        out_dir = tmp_path / f"输出{k}"
        code = main([str(box), "--out", str(out_dir), *args])
        captured = capsys.readouterr()
        assert code == 0, captured.out + captured.err
        months = f"{3 * quarter - 2}-{3 * quarter}月"
        previous = out_dir / f"石泉县{year}年{months}信息采用情况统计表.xlsx"
        book = openpyxl.load_workbook(previous)
        tables = {
            name: read_scores(book[name]) for name in book.sheetnames if name.startswith("附件")
        }
        problems = list(book["问题"].iter_rows(values_only=True))
        runs[(year, quarter)] = (tables, captured.out.splitlines(), problems)
    return runs


def read_scores(sheet) -> dict[str, tuple]:
    """Ranked rows: name → (本期, 上期, 累计, 排名), read back from the table."""
    out = {}
    for row in sheet.iter_rows(min_row=8, values_only=True):
        if row[0] and isinstance(row[-1], int):
            out[row[0]] = tuple(row[-4:])
    return out


def assert_figures(runs: dict, tables: tuple[str, ...]) -> None:
    for when, (found, _, _) in runs.items():
        assert sorted(found) == sorted(tables), when
        for unit, figures in EXPECTED[when].items():  # every unit with points is in its table
            sheet = "附件1（镇）" if unit in TOWNS else "附件2（部门）"
            assert not any(figures) or sheet not in found or unit in found[sheet], (when, unit)
        for sheet, rows in found.items():
            want = {u: tuple(float(x) for x in EXPECTED[when].get(u, (0, 0, 0))) for u in rows}
            got = {u: tuple(float(x) for x in v[:3]) for u, v in rows.items()}
            assert got == want, (when, sheet)
            ranks = {u: 1 + sum(w[2] > want[u][2] for w in want.values()) for u in rows}
            assert {u: v[3] for u, v in rows.items()} == ranks, (when, sheet)


def _running(box: Path, k: int, year: int) -> None:
    write_ledger(
        box / f"{year}年信息采用台账.xlsx", numbered(snapshot(k, year)), title=f"{year}年台账"
    )


def _per_quarter(box: Path, k: int, year: int) -> None:
    if k == 2:
        write_gbk_csv(box / "二季度台账.csv", quarter_file(k))
    else:
        write_ledger(box / f"台账{k}.xlsx", numbered(quarter_file(k)), title=f"{year}年台账")


BOTH = ("附件1（镇）", "附件2（部门）")


def test_a_running_ledger_year(tmp_path, capsys):
    runs = run_year(tmp_path, capsys, _running)
    assert_figures(runs, BOTH)
    _, out, problems = runs[(2021, 3)]
    # The late row: the ledger covers Q1-Q2, so the cross-check names the one unit it affects.
    assert [r[6] for r in problems if r[5] == "上期核对"] == [
        "统计局：按台账中2021年1-6月的记录算得累计 10.5 分，上期表为 10 分（台账比上期表多 0.5 分）。"
        "本期仍按上期表计算；如上期表有误，请更正后重新运行"
    ]
    checks = [line for _, out, _ in runs.values() for line in out if line.startswith("上期核对")]
    differs = "的记录算得的累计与上期表有 1 个单位不同，已列入“问题”表（本期仍按上期表计算）"
    assert checks == [
        "上期核对：按台账中2021年1-3月的记录算得的累计与上期表一致",
        f"上期核对：按台账中2021年1-6月{differs}",  # the late row, and nothing else
        f"上期核对：按台账中2021年1-9月{differs}",
    ]
    # Next-quarter rows in each snapshot do not block; they are 不在本期.
    accounts = [line for _, out, _ in runs.values() for line in out if line.startswith("期别")]
    assert accounts == [
        "期别：2021年1-3月。台账共 6 行 = 计分 5 + 不在本期 1 + 重复 0 + 有问题 0",
        "期别：2021年4-6月。台账共 10 行 = 计分 4 + 不在本期 6 + 重复 0 + 有问题 0",
        "期别：2021年7-9月。台账共 14 行 = 计分 3 + 不在本期 11 + 重复 0 + 有问题 0",
        "期别：2021年10-12月。台账共 16 行 = 计分 3 + 不在本期 13 + 重复 0 + 有问题 0",
        "期别：2022年1-3月。台账共 4 行 = 计分 3 + 不在本期 1 + 重复 0 + 有问题 0",
    ]
    _, out, _ = runs[(2022, 1)]
    book = "石泉县2021年10-12月信息采用情况统计表.xlsx"
    assert [line for line in out if "已忽略上期表" in line] == [
        f"本期是一季度，累计从0开始，已忽略上期表 {book}（附件1（镇））",
        f"本期是一季度，累计从0开始，已忽略上期表 {book}（附件2（部门））",
    ]


def test_one_file_per_quarter_gives_the_same_year(tmp_path, capsys):
    runs = run_year(tmp_path, capsys, _per_quarter)
    assert_figures(runs, BOTH)
    _, _, problems = runs[(2021, 3)]
    assert [r[6] for r in problems if r[5] == "上期核对"] == []
    assert [(r[1], r[3]) for r in problems if r[5] == "上期补记"] == [(4, "2021-06-25")]


def _departments(box: Path, k: int, year: int) -> None:
    rows = [r for r in snapshot(k, year) if not set(r[1].split("、")) & TOWNS]
    write_ledger(box / f"{year}年台账.xlsx", numbered(rows), title=f"{year}年台账")


def test_a_departments_only_office_year(tmp_path, capsys):
    runs = run_year(tmp_path, capsys, _departments)
    assert_figures(runs, ("附件2（部门）",))
    left_out = "附件1（镇）：台账中本期没有镇的采用记录，收件箱里也没有它的上期表，本次不生成这张表"
    for when, (_, out, _) in runs.items():
        assert out.count(left_out) == 1, (when, out)
