"""A blank ledger (台账) for the scheme: canonical columns, dropdowns, a date check, instructions.

Everything a clerk sees comes from the scheme: header words from rules.toml [ledger].columns,
units from roster.toml, categories and channels from rules.toml. The lists sit on a hidden
sheet because an inline dropdown list is limited to 255 characters.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from shiquan_score.errors import InputError
from shiquan_score.output.workbook import atomic_workbook
from shiquan_score.period import parse_any
from shiquan_score.scheme.loader import LEDGER_FIELDS, Scheme, load_scheme

LEDGER_SHEET, GUIDE_SHEET, LIST_SHEET = "台账", "填写说明", "下拉名单"
TEMPLATE_NAME = "台账模板.xlsx"
HEADER_ROW = 1  # 0-based: the title in row 1, the header in row 2
FILLABLE_ROWS = 3000  # rows below the header that carry the dropdowns and the date check
# Defined names for the dropdown lists (ASCII: every Excel and WPS version accepts them).
LIST_NAMES = {"unit": "UnitList", "category": "CategoryList", "channel": "ChannelList"}
_WIDTHS = {"date": 14, "unit": 26, "title": 56, "category": 12, "channel": 30, "remark": 16}
_NEUTRAL_YEARS = (2000, 2099)
GUIDE_WIDTH = 100  # characters (Calibri 11: 7 px each)
_LINE_PT = 15.0


def _lines(text: str) -> int:
    """Lines a paragraph takes in the guide column: a CJK character is about 15 px wide."""
    px = sum(15 if ord(ch) > 0x2E80 else 8 for ch in text)
    return max(1, -(-px // (GUIDE_WIDTH * 7 - 10)))


def make_template(
    target: Path, rules: Path, roster: Path, period: str | None
) -> tuple[Path, int | None]:
    """The --template command: check the file name and the year, load the scheme, write."""
    if target.suffix.lower() != ".xlsx":
        raise InputError(
            f"台账模板的文件名应以 .xlsx 结尾，如 --template 台账模板.xlsx（现为 {target.name}）"
        )
    year = None
    if period:
        try:  # a year, or any period of it: 2021, 2021Q1, 2021-03, 2021H1
            year = parse_any(period).year
        except InputError:
            raise InputError(f"年份“{period}”写法不对，请写成 2021 或 2021Q1") from None
    return write_template(load_scheme(rules, roster), target, year), year


def header_words(scheme: Scheme) -> dict[str, str]:
    """field → the header text a template uses: the first spelling listed in rules.toml."""
    return {f: scheme.field_word(f) for f in LEDGER_FIELDS if scheme.field_words.get(f)}


def unit_choices(scheme: Scheme, year: int | None) -> list[str]:
    """Roster names in roster order, then former names still in use during `year`."""
    names = list(scheme.units["unit"])
    for formers in scheme.units["former"]:
        for former in formers:
            if year is None or former["until"] >= dt.date(year, 1, 1):
                names.append(former["name"])
    return list(dict.fromkeys(names))


def choices(scheme: Scheme, year: int | None) -> dict[str, list[str]]:
    """The three dropdown lists: units, categories and channels."""
    return {
        "unit": unit_choices(scheme, year),
        "category": list(dict.fromkeys(scheme.category_alias.values())),
        "channel": list(dict.fromkeys(scheme.channel_alias.values())),
    }


def guide_lines(scheme: Scheme, year: int | None, words: dict[str, str]) -> list[str]:
    """The 填写说明 sheet, one paragraph per line."""
    w = {f: f"“{words.get(f, f)}”" for f in LEDGER_FIELDS}
    years = f"{year}年" if year else ""
    example = f"{year or 2021}-03-15"
    implied = "、".join(scheme.implies)
    rules, roster = (p.name for p in scheme.sources)
    lines = [
        f"{scheme.county}{years}政府信息采用台账 填写说明",
        f"本模板按 {rules}（{scheme.name or '计分规则'}）和 {roster}（单位名单）生成。",
        f"1. 在“{LEDGER_SHEET}”表中，每一条被采用的信息填一行。不要改动表头文字，不要合并单元格。"
        "一年的台账可以记在同一个表里，程序只统计所选的季度。",
        f"2. {w['date']}：填采用日期，如 {example}"
        + (f"（只能填{year}年的日期）" if year else "")
        + "。请填真正的日期，不要写成文字。",
        f"3. {w['unit']}：从下拉列表中选择。两个以上单位联合报送的，写在一个格子里，用“、”隔开"
        "（Excel/WPS 会提示不在列表中，点“是”即可），每个单位各得相同的份额。"
        f"名单里没有的单位，请先加入 {roster}。",
        f"4. {w['category']}：从下拉列表中选择。采用渠道为 {implied} 的可以不填类别。",
        f"5. {w['channel']}：从下拉列表中选择。同一信息被几个渠道采用的，可以每个渠道填一行"
        "（标题相同），也可以写在一个格子里，用“、”隔开。",
        "6. 同一单位、同一标题、同一渠道只计一次，重复的行会在“问题”表中列出。",
        f"7. “{scheme.note_sheet}”表：某单位的调研信息省市暂未反馈时，在该表填写单位和"
        "“省市暂未反馈”，统计表会在该单位的调研信息格中印出这句话。",
        "8. 单位更名后，新旧名称都可以用，累计分不断；统计表印出该期使用的名称。",
        "9. 填好后把本文件放进收件箱文件夹，运行：python convert.py 收件箱文件夹。",
    ]
    if scheme.remarks:
        lines += ["", "计分规则（印在统计表下方的备注）：", *scheme.remarks.splitlines()]
    return lines


def write_template(scheme: Scheme, target: Path, year: int | None = None) -> Path:
    """Write the blank ledger to `target` atomically; `year` limits the date check to that year."""
    words = header_words(scheme)
    lists = choices(scheme, year)
    first, last = (dt.date(year, 1, 1), dt.date(year, 12, 31)) if year else _neutral_range()
    with atomic_workbook(target) as wb:
        fmt = {
            "title": wb.add_format({"bold": True, "font_size": 16, "valign": "vcenter"}),
            "head": wb.add_format(
                {"bold": True, "border": 1, "align": "center", "valign": "vcenter"}
            ),
            "head_fill": wb.add_format(
                {"bold": True, "border": 1, "align": "center", "bg_color": "#D9E1F2"}
            ),
            "date": wb.add_format({"num_format": "yyyy-mm-dd", "align": "center"}),
            "text": wb.add_format({"num_format": "@"}),
            "guide": wb.add_format({"text_wrap": True, "valign": "top"}),
        }
        ledger = wb.add_worksheet(LEDGER_SHEET)
        notes = wb.add_worksheet(scheme.note_sheet)
        guide = wb.add_worksheet(GUIDE_SHEET)
        hidden = wb.add_worksheet(LIST_SHEET)
        _list_sheet(wb, hidden, lists, fmt)
        _ledger_sheet(ledger, scheme, words, year, (first, last), fmt)
        _notes_sheet(notes, words, fmt)
        guide.set_column(0, 0, GUIDE_WIDTH, fmt["guide"])
        for sheet in (ledger, notes, guide):
            _print_setup(sheet)
        ledger.repeat_rows(HEADER_ROW)
        for r, line in enumerate(guide_lines(scheme, year, words)):
            guide.write_string(r, 0, line, fmt["title"] if r == 0 else fmt["guide"])
            if r:  # a wrapped cell is not always re-measured on opening: set its height
                guide.set_row(r, _LINE_PT * _lines(line))
        ledger.activate()
    return target


def _print_setup(sheet) -> None:
    """A4 landscape, one page wide: the clerk may print the ledger or the instructions."""
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)


def _neutral_range() -> tuple[dt.date, dt.date]:
    return dt.date(_NEUTRAL_YEARS[0], 1, 1), dt.date(_NEUTRAL_YEARS[1], 12, 31)


def _list_sheet(wb, sheet, lists: dict[str, list[str]], fmt) -> None:
    titles = {"unit": "单位", "category": "类别", "channel": "采用渠道"}
    for c, (key, values) in enumerate(lists.items()):
        sheet.write_string(0, c, titles[key], fmt["head"])
        sheet.set_column(c, c, 24)
        for r, value in enumerate(values, start=1):
            sheet.write_string(r, c, value)
        col = chr(ord("A") + c)
        wb.define_name(LIST_NAMES[key], f"='{LIST_SHEET}'!${col}$2:${col}${len(values) + 1}")
    sheet.hide()


def _ledger_sheet(sheet, scheme, words, year, dates, fmt) -> None:
    fields = list(words)
    title = f"{scheme.county}{f'{year}年' if year else ''}政府信息采用台账"
    sheet.write_string(0, 0, title, fmt["title"])
    sheet.set_row(0, 30)
    for c, field in enumerate(fields):
        sheet.write_string(HEADER_ROW, c, words[field], fmt["head_fill"])
        style = fmt["date"] if field == "date" else fmt["text"]
        sheet.set_column(c, c, _WIDTHS.get(field, 16), style)
    sheet.freeze_panes(HEADER_ROW + 1, 0)
    top, bottom = HEADER_ROW + 1, HEADER_ROW + FILLABLE_ROWS
    col = {f: c for c, f in enumerate(fields)}
    year_text = f"{year}年内" if year else f"{dates[0].year}年至{dates[1].year}年之间"
    sheet.data_validation(
        top,
        col["date"],
        bottom,
        col["date"],
        {
            "validate": "date",
            "criteria": "between",
            "minimum": dates[0],
            "maximum": dates[1],
            "input_title": words["date"],
            "input_message": f"填采用日期，如 {dates[0].year if year else 2021}-03-15",
            "error_title": "日期不对",
            "error_message": f"请填写{year_text}的日期，如 {year or 2021}-03-15。"
            "不要写成文字或只写月份。",
        },
    )
    _list_check(sheet, (top, col["unit"], bottom), "unit", words, lenient=True)
    if "category" in col:
        _list_check(sheet, (top, col["category"], bottom), "category", words, lenient=False)
    _list_check(sheet, (top, col["channel"], bottom), "channel", words, lenient=True)


def _list_check(sheet, cells, key: str, words, lenient: bool) -> None:
    """A dropdown; lenient ones only warn, so a joint item (甲、乙) can still be typed."""
    messages = {
        "unit": "不在单位名单中。联合报送写多个单位、用“、”隔开时，请点“是”；"
        "其他情况请从下拉列表选择，或先把单位加入单位名单。",
        "category": "请从下拉列表选择类别；新闻栏目的采用可以不填类别。",
        "channel": "不在渠道列表中。同一信息被几个渠道采用、用“、”隔开时，请点“是”；"
        "其他情况请从下拉列表选择。",
    }
    top, col, bottom = cells
    options = {
        "validate": "list",
        "source": f"={LIST_NAMES[key]}",
        "error_title": f"{words[key]}不在列表中",
        "error_message": messages[key],
    }
    if lenient:
        options["error_type"] = "warning"
    sheet.data_validation(top, col, bottom, col, options)


def _notes_sheet(sheet, words, fmt) -> None:
    """The 备注 sheet: 单位 and 备注, read by the converter (e.g. 省市暂未反馈)."""
    for c, field in enumerate(("unit", "remark")):
        sheet.write_string(0, c, words[field], fmt["head_fill"])
        sheet.set_column(c, c, 26 if field == "unit" else 20, fmt["text"])
    sheet.freeze_panes(1, 0)
    sheet.data_validation(
        1,
        0,
        FILLABLE_ROWS,
        0,
        {
            "validate": "list",
            "source": f"={LIST_NAMES['unit']}",
            "error_title": f"{words['unit']}不在列表中",
            "error_message": "请从下拉列表选择单位（一行写一个单位）。",
        },
    )
    sheet.data_validation(
        1,
        1,
        FILLABLE_ROWS,
        1,
        {
            "validate": "list",
            "source": ["省市暂未反馈"],
            "error_type": "information",
            "error_title": "备注",
            "error_message": "常用的备注是“省市暂未反馈”，也可以写其他文字。",
        },
    )
