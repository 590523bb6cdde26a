"""A blank ledger (台账) for the scheme: canonical columns, dropdowns, a date check, instructions.

Everything a clerk sees comes from the scheme: header words from rules.toml [ledger].columns,
units from roster.toml, categories and channels from rules.toml, the usual notes from
[ledger].common_notes, the title's size from [style]; the instructions are the catalogue's
(messages.py, TEMPLATE_* and GUIDE_*). The lists sit on a hidden sheet because an inline
dropdown list is limited to 255 characters.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from shiquan_score.errors import InputError
from shiquan_score.messages import msg
from shiquan_score.output.workbook import atomic_workbook
from shiquan_score.period import Period, parse_any
from shiquan_score.scheme.loader import LEDGER_FIELDS, Scheme, load_scheme
from shiquan_score.scheme.style import Style

LEDGER_SHEET, GUIDE_SHEET = msg("TEMPLATE_LEDGER_SHEET"), msg("TEMPLATE_GUIDE_SHEET")
LIST_SHEET = msg("TEMPLATE_LIST_SHEET")
TEMPLATE_NAME = msg("TEMPLATE_FILE_NAME")
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
        raise InputError(msg("TEMPLATE_NOT_XLSX", example=TEMPLATE_NAME, name=target.name))
    year = None
    if period:
        try:  # a year, or any period of it: 2021, 2021Q1, 2021-03, 2021H1
            year = parse_any(period).year
        except InputError:
            raise InputError(msg("TEMPLATE_BAD_YEAR", text=period)) from None
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


def ledger_title(scheme: Scheme, year: int | None) -> str:
    years = msg("TEMPLATE_YEAR", year=year) if year else ""
    return msg("TEMPLATE_TITLE", county=scheme.county, years=years)


def note_categories(scheme: Scheme) -> list[str]:
    """The categories of the note columns (调研信息): where a 备注 is printed."""
    pairs = [p for spec in scheme.tables.values() for c in spec.columns if c.note for p in c.count]
    return list(dict.fromkeys(category for category, _ in pairs))


def takes_notes(scheme: Scheme) -> bool:
    """The scheme prints 备注 notes (it has note columns) and names the note sheet's 备注 header:
    only then does the template carry the 备注 sheet and its line in 填写说明."""
    return bool(note_categories(scheme)) and bool(scheme.field_words.get("remark"))


def guide_lines(scheme: Scheme, year: int | None, words: dict[str, str]) -> list[str]:
    """The 填写说明 sheet, one paragraph per line."""
    w = {f: f"“{words.get(f, scheme.field_word(f))}”" for f in LEDGER_FIELDS}
    example = f"{year or 2021}-03-15"
    rules, roster = (p.name for p in scheme.sources)
    items = [
        msg("GUIDE_ROWS", sheet=LEDGER_SHEET, kind=Period(2000, 1, scheme.span).kind),
        msg("GUIDE_DATE", column=w["date"], example=example)
        + (msg("GUIDE_DATE_YEAR", year=year) if year else "")
        + msg("GUIDE_DATE_REAL"),
        msg("GUIDE_UNIT", column=w["unit"], roster=roster),
        msg("GUIDE_CATEGORY", column=w["category"], channels="、".join(scheme.implies)),
        msg("GUIDE_CHANNEL", column=w["channel"]),
        msg("GUIDE_DUPLICATES"),
    ]
    categories, notes = "、".join(note_categories(scheme)), scheme.common_notes
    if takes_notes(scheme) and notes:
        items.append(
            msg("GUIDE_NOTES", sheet=scheme.note_sheet, category=categories, note=notes[0])
        )
    elif takes_notes(scheme):
        items.append(msg("GUIDE_NOTES_ANY", sheet=scheme.note_sheet, category=categories))
    items += [msg("GUIDE_RENAMED"), msg("GUIDE_RUN")]
    lines = [
        msg("GUIDE_TITLE", title=ledger_title(scheme, year), sheet=GUIDE_SHEET),
        msg("GUIDE_SOURCE", rules=rules, name=scheme.name or msg("GUIDE_RULES"), roster=roster),
        *(f"{n}. {text}" for n, text in enumerate(items, start=1)),
    ]
    if scheme.remarks:
        lines += ["", msg("GUIDE_REMARKS"), *scheme.remarks.splitlines()]
    return lines


def write_template(scheme: Scheme, target: Path, year: int | None = None) -> Path:
    """Write the blank ledger to `target` atomically; `year` limits the date check to that year."""
    words = header_words(scheme)
    lists = choices(scheme, year)
    first, last = (dt.date(year, 1, 1), dt.date(year, 12, 31)) if year else _neutral_range()
    with atomic_workbook(target) as wb:
        fmt = {
            "title": wb.add_format(
                {
                    "bold": True,
                    "font_size": scheme.style.sizes["ledger_title"],
                    "valign": "vcenter",
                }
            ),
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
        notes = wb.add_worksheet(scheme.note_sheet) if takes_notes(scheme) else None
        guide = wb.add_worksheet(GUIDE_SHEET)
        hidden = wb.add_worksheet(LIST_SHEET)
        _list_sheet(wb, hidden, lists, fmt, scheme)
        _ledger_sheet(ledger, scheme, words, year, (first, last), fmt)
        if notes is not None:
            _notes_sheet(notes, words, fmt, scheme.common_notes)
        guide.set_column(0, 0, GUIDE_WIDTH, fmt["guide"])
        for sheet in (s for s in (ledger, notes, guide) if s is not None):
            _print_setup(sheet, scheme.style)
        ledger.repeat_rows(HEADER_ROW)
        for r, line in enumerate(guide_lines(scheme, year, words)):
            guide.write_string(r, 0, line, fmt["title"] if r == 0 else fmt["guide"])
            if r:  # a wrapped cell is not always re-measured on opening: set its height
                guide.set_row(r, _LINE_PT * _lines(line))
        ledger.activate()
    return target


def _print_setup(sheet, style: Style) -> None:
    """The scheme's paper ([style] paper, landscape), one page wide: the clerk may print the
    ledger or the instructions."""
    sheet.set_paper(style.paper_code)
    if style.landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.fit_to_pages(1, 0)


def _neutral_range() -> tuple[dt.date, dt.date]:
    return dt.date(_NEUTRAL_YEARS[0], 1, 1), dt.date(_NEUTRAL_YEARS[1], 12, 31)


def _list_sheet(wb, sheet, lists: dict[str, list[str]], fmt, scheme: Scheme) -> None:
    for c, (key, values) in enumerate(lists.items()):
        sheet.write_string(0, c, scheme.field_word(key), fmt["head"])
        sheet.set_column(c, c, 24)
        for r, value in enumerate(values, start=1):
            sheet.write_string(r, c, value)
        col = chr(ord("A") + c)
        wb.define_name(LIST_NAMES[key], f"='{LIST_SHEET}'!${col}$2:${col}${len(values) + 1}")
    sheet.hide()


def _ledger_sheet(sheet, scheme, words, year, dates, fmt) -> None:
    fields = list(words)
    sheet.write_string(0, 0, ledger_title(scheme, year), fmt["title"])
    sheet.set_row(0, 30)
    for c, field in enumerate(fields):
        sheet.write_string(HEADER_ROW, c, words[field], fmt["head_fill"])
        style = fmt["date"] if field == "date" else fmt["text"]
        sheet.set_column(c, c, _WIDTHS.get(field, 16), style)
    sheet.freeze_panes(HEADER_ROW + 1, 0)
    top, bottom = HEADER_ROW + 1, HEADER_ROW + FILLABLE_ROWS
    col = {f: c for c, f in enumerate(fields)}
    year_text = (
        msg("TEMPLATE_WITHIN_YEAR", year=year)
        if year
        else msg("TEMPLATE_BETWEEN_YEARS", first=dates[0].year, last=dates[1].year)
    )
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
            "input_message": msg("TEMPLATE_DATE_INPUT", year=dates[0].year if year else 2021),
            "error_title": msg("TEMPLATE_DATE_TITLE"),
            "error_message": msg("TEMPLATE_DATE_ERROR", within=year_text, year=year or 2021),
        },
    )
    _list_check(sheet, (top, col["unit"], bottom), "unit", words, lenient=True)
    if "category" in col:
        _list_check(sheet, (top, col["category"], bottom), "category", words, lenient=False)
    _list_check(sheet, (top, col["channel"], bottom), "channel", words, lenient=True)


def _list_check(sheet, cells, key: str, words, lenient: bool) -> None:
    """A dropdown; lenient ones only warn, so a joint item (甲、乙) can still be typed."""
    messages = {
        "unit": "TEMPLATE_UNIT_ERROR",
        "category": "TEMPLATE_CATEGORY_ERROR",
        "channel": "TEMPLATE_CHANNEL_ERROR",
    }
    top, col, bottom = cells
    options = {
        "validate": "list",
        "source": f"={LIST_NAMES[key]}",
        "error_title": msg("TEMPLATE_NOT_LISTED", column=words[key]),
        "error_message": msg(messages[key]),
    }
    if lenient:
        options["error_type"] = "warning"
    sheet.data_validation(top, col, bottom, col, options)


def _notes_sheet(sheet, words, fmt, common: list[str]) -> None:
    """The 备注 sheet: 单位 and 备注, read by the converter; the usual notes offered (e.g.
    省市暂未反馈, [ledger].common_notes), any other text allowed."""
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
            "error_title": msg("TEMPLATE_NOT_LISTED", column=words["unit"]),
            "error_message": msg("TEMPLATE_NOTE_UNIT_ERROR"),
        },
    )
    if not common:
        return
    sheet.data_validation(
        1,
        1,
        FILLABLE_ROWS,
        1,
        {
            "validate": "list",
            "source": list(common),
            "error_type": "information",
            "error_title": words["remark"],
            "error_message": msg("TEMPLATE_NOTE_HINT", notes="、".join(f"“{n}”" for n in common)),
        },
    )
