"""--check-against: the computed table compared with a hand-made one, read back from the 核对 sheet."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pandas as pd

from shiquan_score.cli import main
from shiquan_score.previous.headers import column_key, header_paths, match_columns
from tests.conftest import PREVIOUS_Q3, SAMPLE
from tests.handmade import seed_rows, write_handmade

BOOK = "石泉县2020年10-12月信息采用情况统计表.xlsx"
HEAD = ("表", "行号", "单位", "列", "核对表", "程序计算", "可能原因", "说明")


def run(capsys, *args) -> tuple[int, list[str], list[str]]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


def check_sheet(book: Path) -> tuple[list[str], list[tuple]]:
    """The 核对 sheet: its preamble lines and its rows (header row checked)."""
    rows = list(openpyxl.load_workbook(book)["核对"].iter_rows(values_only=True))
    cut = next(i for i, r in enumerate(rows) if r[:8] == HEAD)
    return [r[0] for r in rows[:cut] if r[0]], [r[:8] for r in rows[cut + 1 :]]


def test_the_seed_typed_in_by_hand_differs_only_in_the_split_tie(tmp_path, capsys):
    table = write_handmade(tmp_path / "手工表.xlsx", seed_rows())
    code, out, err = run(capsys, SAMPLE, "--out", tmp_path / "out", "--check-against", table)
    assert code == 0, err
    book = tmp_path / "out" / BOOK
    assert out[-6:] == [
        "核对 手工表.xlsx：",
        "  附件2（部门）：40 个单位逐格比较，1 处不一致",
        "  核对表中没有附件1（镇），该表未核对",
        "  附件2 经贸局 排名：核对表 31，程序 30"
        "（并列名次被排开：与统计局累计同为 2.5 分，应并列第30名）",
        "  详见工作簿的“核对”表",
        f"已生成：{book}",
    ]
    preamble, rows = check_sheet(book)
    assert preamble == [
        "核对：本次计算的统计表与 手工表.xlsx 逐格比较（以本次计算为准，核对表只作对照）",
        "附件2（部门）：40 个单位逐格比较，1 处不一致",
        "核对表中没有附件1（镇），该表未核对",
    ]
    assert rows == [
        ("附件2", 38, "经贸局", "排名", 31, 30, "并列名次被排开",
         "与统计局累计同为 2.5 分，应并列第30名"),
    ]  # fmt: skip
    # The official sheets are untouched by the check.
    assert openpyxl.load_workbook(book).sheetnames == [
        "附件1（镇）",
        "附件2（部门）",
        "明细",
        "问题",
        "核对",
        "调研加分",
    ]


def _edited_seed() -> list[dict[str, str]]:
    rows = {r["name"]: dict(r) for r in seed_rows()}
    rows["政府办"]["本期"] = "38"  # its own counts give 37
    rows["人社局"]["累计"] = "86"  # 8.5 + 77 = 85.5
    rows["司法局"] |= {"部门动态": "22", "本期": "18.5", "累计": "70"}  # one item missed
    rows["发改局"]["排名"] = "9"  # 38 points is 8th
    rows["卫健局"]["聚焦石泉"] = "10"  # a joint item's half left out
    rows["统计局"]["排名"] = "31"  # the tie split the other way round
    rows["经贸局"]["排名"] = "30"
    del rows["总工会"]
    return list(rows.values())


def test_each_difference_names_its_likely_cause(tmp_path, capsys):
    table = write_handmade(tmp_path / "手工表.xlsx", _edited_seed())
    code, out, err = run(capsys, SAMPLE, "--out", tmp_path / "out", "--check-against", table)
    assert code == 0, err
    assert "  附件2（部门）：40 个单位逐格比较，9 处不一致" in out
    assert out[-2] == "  详见工作簿的“核对”表"
    _, rows = check_sheet(tmp_path / "out" / BOOK)
    s = "得分情况（分）/"
    assert rows == [
        ("附件2", 8, "政府办", s + "本期", 38, 37, "本期分数与各项条数不符",
         "按核对表本行的条数算，本期应为 37 分"),
        ("附件2", 10, "人社局", s + "累计", 86, 85.5, "累计≠本期+上期",
         "核对表本行本期 + 上期 = 85.5 分，累计却是 86 分"),
        ("附件2", 11, "司法局", "新闻动态/部门动态", 22, 23, "条数不同",
         "该单位此项的每一条记录见“明细”表"),
        ("附件2", 11, "司法局", s + "本期", 18.5, 19, "条数不同",
         "核对表本行的条数与台账不同，本期分数随之不同"),
        ("附件2", 11, "司法局", s + "累计", 70, 70.5, "本期或上期不同",
         "本期或上期分数不同，累计随之不同"),
        ("附件2", 15, "发改局", "排名", 9, 8, "排名与累计分不符", "按核对表的累计分应为第8名"),
        ("附件2", 17, "卫健局", "新闻动态/聚焦石泉", 10, 10.5, "条数不同",
         "该单位此项的每一条记录见“明细”表；"
         "联合报送的信息每个单位各计一份（如0.5条），请核对是否按份额计"),
        ("附件2", 37, "统计局", "排名", 31, 30, "并列名次被排开",
         "与经贸局累计同为 2.5 分，应并列第30名"),
        ("附件2", "", "总工会", "单位名称", "", "总工会", "单位缺失", "核对表中没有这个单位"),
    ]  # fmt: skip


def test_our_own_table_checks_clean(tmp_path, capsys):
    first = tmp_path / "first"
    assert main([str(SAMPLE), "--out", str(first)]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, SAMPLE, "--out", tmp_path / "again", "--check-against", first / BOOK)
    assert code == 0
    assert out[-4:-1] == [
        f"核对 {BOOK}：",
        "  附件1（镇）：11 个单位逐格比较，全部一致",
        "  附件2（部门）：40 个单位逐格比较，全部一致",
    ]
    assert check_sheet(tmp_path / "again" / BOOK)[1] == []


def test_a_table_of_another_quarter_is_refused(tmp_path, capsys):
    table = shutil.copy(PREVIOUS_Q3, tmp_path / PREVIOUS_Q3.name)
    code, _, err = run(capsys, SAMPLE, "--out", tmp_path / "out", "--check-against", table)
    assert code == 1
    assert err == [
        f"错误：核对表 {PREVIOUS_Q3.name}（附件1） 是2020年7-9月的，本次统计的是2020年10-12月，"
        "请换用同一期的核对表，或用 --period 指定期别"
    ]
    assert not (tmp_path / "out" / BOOK).exists()


def test_a_missing_file_is_refused_before_any_work(tmp_path, capsys):
    code, _, err = run(capsys, tmp_path / "无收件箱", "--check-against", tmp_path / "无.xlsx")
    assert (code, err) == (1, [f"错误：找不到核对表 {tmp_path / '无.xlsx'}，请确认路径"])


def test_a_file_without_a_table_is_refused(tmp_path, capsys):
    ledger = next(SAMPLE.glob("*台账.xlsx"))
    shutil.copy(ledger, tmp_path / "台账.xlsx")
    code, _, err = run(
        capsys, SAMPLE, "--out", tmp_path / "out", "--check-against", tmp_path / "台账.xlsx"
    )
    assert code == 1
    assert err == [
        "错误：核对表 台账.xlsx 里没有找到统计表（标题应为 “石泉县××××年信息采用情况统计表（镇）”、"
        "“石泉县××××年信息采用情况统计表（部门）”），请确认文件"
    ]


def test_unknown_and_misplaced_units_are_named(tmp_path, capsys):
    rows = {r["name"]: dict(r) for r in seed_rows()}
    rows["县委党校"]["name"] = "县委党史办"
    extra = dict(rows["农商银行"], name="城关镇")  # a town in the departments' table
    rows["创建办"]["ranked"] = "false"  # a ranked unit typed among the unranked …
    rows["总工会"] |= {
        "ranked": "true",
        "本期": "1",
        "上期": "1",
        "累计": "2",
        "排名": "32",
    }  # … and back
    table = write_handmade(tmp_path / "手工表.xlsx", [*rows.values(), extra])
    code, _, err = run(capsys, SAMPLE, "--out", tmp_path / "out", "--check-against", table)
    assert code == 0, err
    _, found = check_sheet(tmp_path / "out" / BOOK)
    assert found == [
        ("附件2", 44, "县委党史办", "单位名称", "县委党史办", "", "单位不在名单中",
         "单位名单中没有“县委党史办”，最接近的是：县委办公室、县委党校"),
        ("附件2", 48, "城关镇", "单位名称", "城关镇", "", "单位放错表", "城关镇属于附件1，不应列在本表"),
        ("附件2", 39, "创建办", "排名", "", 29, "计分单位未计分",
         "该单位计分、排名，核对表却没有给它分数和名次"),
        ("附件2", 37, "经贸局", "排名", 31, 30, "并列名次被排开",
         "与统计局累计同为 2.5 分，应并列第29名"),  # 29: 创建办 is not ranked in their table
        ("附件2", "", "县委党校", "单位名称", "", "县委党校", "单位缺失", "核对表中没有这个单位"),
        ("附件2", 38, "总工会", "排名", 32, "", "不计分单位有分数",
         "该单位不计分、不排名，核对表却给出了分数或名次"),
    ]  # fmt: skip


# ------------------------------------------------------------------ header paths, as data
def test_merged_header_cells_are_filled_from_the_left_or_from_above():
    grid = pd.DataFrame(
        [
            ["单位名称", "新闻动态", None, "政务信息", None, "得分情况（分）", None, "排名"],
            [None, "10-12月采用情况（条）", None, "10-12月采用情况（条）", None, None, None, None],
            [None, "部门\n动态", "聚焦\n石泉", "动态信息", None, "本期", "累计", None],
            [None, None, None, "省级", "市级", None, None, None],
        ],
        dtype=object,
    )
    paths = header_paths(grid, 0, 3)
    assert [column_key(p) for p in paths] == [
        ("单位名称",),
        ("新闻动态", "部门动态"),
        ("新闻动态", "聚焦石泉"),
        ("政务信息", "动态信息", "省级"),
        ("政务信息", "动态信息", "市级"),
        ("得分情况(分)", "本期"),
        ("得分情况(分)", "累计"),
        ("排名",),
    ]


def test_columns_match_by_full_path_or_by_a_unique_tail(scheme):
    spec = scheme.tables["部门"]
    kinds = lambda js: [spec.columns[j].value if j is not None else None for j in js]  # noqa: E731
    keys = [
        ("累计",),
        ("排名",),
        ("动态信息", "省级"),
        ("省级",),
        ("新闻动态", "部门动态"),
        ("合计",),
    ]
    matched = match_columns(spec, keys)
    assert kinds(matched) == ["total", "rank", "count", None, "count", None]
    assert spec.columns[matched[2]].count == (("政务动态", "省级"),)


def test_a_table_inside_the_inbox_is_refused(tmp_path, capsys):
    inbox = tmp_path / "收件箱"
    shutil.copytree(SAMPLE, inbox)
    table = write_handmade(inbox / "手工表.xlsx", seed_rows())
    code, _, err = run(capsys, inbox, "--check-against", table)
    assert (code, err) == (
        1,
        ["错误：核对表 手工表.xlsx 在收件箱里，会被当作上期表读取；请把它移到收件箱以外，再运行"],
    )
