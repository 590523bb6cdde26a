"""Load and validate templates/notice.toml: the notice's wording, placeholders and fonts."""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass
from pathlib import Path

from shiquan_score import TEMPLATES
from shiquan_score.errors import SchemeError
from shiquan_score.messages import msg
from shiquan_score.scheme.loader import Scheme, load_toml
from shiquan_score.scheme.placeholders import raise_all

DEFAULT_NOTICE = TEMPLATES / "notice.toml"
STYLES = ("body", "heading", "subheading", "plain")
TEXT_KEYS = ("title", "number", "recipients", "signature", "public", "contact", "attachments")
TEXT_KEYS += ("best_item", "joiner", "heading_number", "date_format")
PLACEHOLDER_KEYS = ("recipients", "signature", "date", "contact")
FONT_KEYS = ("title", "body", "heading", "subheading", "page_number")
SIZE_KEYS = ("title_size", "body_size", "page_number_size", "line_spacing")
TOP_KEYS = {
    *TEXT_KEYS,
    "enabled",
    "date",
    "top",
    "numerals",
    "quarters",
    "placeholders",
    "counts",
    "change",
    "table_names",
    "fonts",
    "paragraph",
}
# Figures every paragraph may name; per-table ones only in for_each = "table" paragraphs,
# where the document-wide lists (none, province_units, …) are those of the one table.
DOC_FIGURES = ("period", "year", "months", "quarter", "last_period", "county", "total", "change")
DOC_FIGURES += ("none",)
TABLE_FIGURES = ("units", "top", "best")


@dataclass(frozen=True)
class Group:
    """Clauses joined by `between` behind `before`; the whole group goes when none is left."""

    before: str
    between: str
    items: tuple[str, ...]

    def templates(self) -> tuple[str, ...]:
        return self.items


@dataclass(frozen=True)
class Paragraph:
    style: str
    parts: tuple[str | Group, ...]
    whole: bool  # text = one template, always written; parts = dropped piece by piece
    for_each: str | None
    when: tuple[str, ...]


@dataclass(frozen=True)
class NoticeScheme:
    enabled: bool
    texts: dict[str, str]
    date: dt.date | None
    top: int
    numerals: tuple[str, ...]
    quarters: tuple[str, ...]
    placeholders: dict[str, str]
    counts: dict[str, tuple[str, ...]]  # figure name -> channels
    change: dict[str, str]
    table_names: dict[str, str]
    fonts: dict[str, str]
    sizes: dict[str, float]
    paragraphs: tuple[Paragraph, ...]
    source: Path = DEFAULT_NOTICE

    def figure_names(self, per_table: bool) -> set[str]:
        names = {*DOC_FIGURES, *self.counts, *(f"{c}_units" for c in self.counts)}
        return names | set(TABLE_FIGURES) if per_table else names


def parse_date(text: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise SchemeError(f"{where}“{text}”不是日期，请写成 2021-01-15 这样的格式") from None


def _text(data: dict, key: str, where: str) -> str:
    if key not in data:
        raise SchemeError(f"{where} 缺少“{key}”一项")
    value = data[key]
    if not isinstance(value, str):
        raise SchemeError(f"{where} 的“{key}”应为文字，现为 {value!r}")
    return value


def fields(template: str, where: str) -> list[str]:
    """The names in braces of a template; a stray brace is an error, not a crash later."""
    try:
        return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError:
        raise SchemeError(
            f"{where}“{template}”的花括号不成对；要印出花括号本身请写 {{{{ 或 }}}}"
        ) from None


def _field_problems(template: str, allowed: set[str], where: str) -> list[str]:
    """Every unknown name of one template (a stray brace: that alone), each said once."""
    try:
        names = fields(template, where)
    except SchemeError as exc:
        return [str(exc)]
    return [
        f"{where}用到了不认识的“{{{name}}}”，可用的有：{'、'.join(sorted(allowed))}"
        for name in dict.fromkeys(names)
        if name not in allowed
    ]


def _header(column) -> str:
    """A column's header path as one line: 新闻动态/{months}采用情况（条）/部门动态."""
    return "/".join(dict.fromkeys(h.replace("\n", "") for h in column.header))


def _counts(data: dict, scheme: Scheme, where: str) -> dict[str, tuple[str, ...]]:
    counts = data.get("counts", {})
    if not isinstance(counts, dict) or not counts:
        raise SchemeError(f'{where} 的 [counts] 应列出至少一种条数，如 province = ["省级"]')
    known = {chan for spec in scheme.tables.values() for c in spec.columns for _, chan in c.count}
    out = {}
    for name, channels in counts.items():
        if name in DOC_FIGURES or name in TABLE_FIGURES:
            raise SchemeError(f"{where} [counts] 的名字“{name}”与程序的数字重名，请换一个名字")
        if not isinstance(channels, list) or not all(isinstance(c, str) for c in channels):
            raise SchemeError(f"{where} [counts] 的“{name}”应为渠道名称的列表")
        for chan in channels:
            if chan not in known:
                raise SchemeError(
                    f"{where} [counts] 的“{name}”中渠道“{chan}”不在统计表的任何一列中，"
                    f"可用的有：{'、'.join(sorted(known))}"
                )
        for spec in scheme.tables.values():
            for column in spec.columns:
                inside = {chan in channels for _, chan in column.count}
                if len(inside) > 1:
                    raise SchemeError(
                        f"{where} [counts] 的“{name}”只包含了统计表一列（{_header(column)}）"
                        "中的部分渠道：条数无法拆开，请把这一列的渠道都列上或都不列"
                    )
        out[name] = tuple(channels)
    return out


def _paragraphs(
    data: dict, notice: NoticeScheme, where: str, found: list[str]
) -> tuple[Paragraph, ...]:
    """The [[paragraph]] entries; their template problems go to `found` (told all at once)."""
    entries = data.get("paragraph", [])
    if not isinstance(entries, list) or not entries:
        raise SchemeError(f"{where} 应至少有一个 [[paragraph]]（正文段落）")
    out = []
    for i, p in enumerate(entries, start=1):
        label = f"{where} 第{i}个 [[paragraph]] "
        style = p.get("style", "body")
        if style not in STYLES:
            raise SchemeError(f"{label}的 style “{style}”应为 {'、'.join(STYLES)} 之一")
        for_each = p.get("for_each")
        if for_each not in (None, "table"):
            raise SchemeError(f'{label}的 for_each 只能写 "table"（每张表重复一段）')
        if ("text" in p) == ("parts" in p):
            raise SchemeError(f"{label}应写 text（一整段）或 parts（可省略的几小段）中的一项")
        whole = "text" in p
        raw = [p["text"]] if whole else p["parts"]
        if not isinstance(raw, list) or not raw:
            raise SchemeError(f"{label}的 {'text' if whole else 'parts'} 应为文字")
        allowed = notice.figure_names(per_table=for_each == "table")
        parts = []
        for part in raw:
            if isinstance(part, dict) and not whole:
                part = _group(part, label)
                for text in part.items:
                    found += _field_problems(text, allowed, label)
            elif isinstance(part, str):
                found += _field_problems(part, allowed, label)
            else:
                raise SchemeError(
                    f"{label}的 parts 每一项应为文字，或 {{ before, between, items }} 一组，现为 {part!r}"
                )
            parts.append(part)
        when = p.get("when", [])
        if not isinstance(when, list) or not all(isinstance(w, str) for w in when):
            raise SchemeError(f'{label}的 when 应为数字或名单名称的列表，如 ["none"]')
        for name in when:
            if name not in allowed:
                raise SchemeError(
                    f"{label}的 when 中“{name}”不认识，可用的有：{'、'.join(sorted(allowed))}"
                )
        out.append(Paragraph(style, tuple(parts), whole, for_each, tuple(when)))
    return tuple(out)


def _group(data: dict, label: str) -> Group:
    unknown = sorted(set(data) - {"before", "between", "items"})
    items = data.get("items")
    if (
        unknown
        or not isinstance(items, list)
        or not items
        or not all(isinstance(t, str) for t in items)
    ):
        raise SchemeError(f"{label}的一组 parts 应写 items（文字列表），可另写 before、between")
    before, between = data.get("before", ""), data.get("between", "")
    if not isinstance(before, str) or not isinstance(between, str):
        raise SchemeError(f"{label}的一组 parts 中 before、between 应为文字")
    return Group(before, between, tuple(items))


def load_notice(path: Path, scheme: Scheme) -> NoticeScheme:
    """Read notice.toml and check every key, template field and channel against the rules."""
    data = load_toml(path)
    where = path.name
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        raise SchemeError(
            f"{where} 有不认识的项：{'、'.join(unknown)}，请对照 templates/notice.toml"
        )
    enabled = data.get("enabled", False)
    if not isinstance(enabled, bool):
        raise SchemeError(msg("NOTICE_ENABLED", file=where, value=repr(enabled)))
    texts = {key: _text(data, key, where) for key in TEXT_KEYS}
    date = data.get("date", "")
    if isinstance(date, str):
        date = parse_date(date, f"{where} 的 date ") if date.strip() else None
    elif not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        raise SchemeError(f"{where} 的“date”应为日期，如 2021-01-15，现为 {date!r}")
    top = data.get("top", 3)
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise SchemeError(f"{where} 的“top”应为不小于1的整数，现为 {top!r}")
    numerals = data.get("numerals", [])
    if (
        not isinstance(numerals, list)
        or len(numerals) < 11
        or not all(isinstance(n, str) for n in numerals)
    ):
        raise SchemeError(f"{where} 的“numerals”应列出〇到十这11个数字的写法")
    quarters = data.get("quarters", [])
    if not isinstance(quarters, list) or len(quarters) != 4:
        raise SchemeError(f"{where} 的“quarters”应列出四个季度的写法")
    tables = data.get("table_names", {})
    for key in scheme.tables:
        if not isinstance(tables.get(key), str):
            raise SchemeError(
                f'{where} 的 [table_names] 缺少表“{key}”的单位称呼，如 {key} = "各{key}"'
            )
    placeholders = {
        k: _text(data.get("placeholders", {}), k, f"{where} [placeholders]")
        for k in PLACEHOLDER_KEYS
    }
    change = {
        k: _text(data.get("change", {}), k, f"{where} [change]") for k in ("more", "less", "same")
    }
    found: list[str] = []  # template typos: every one of the file named in one run
    for key in ("more", "less"):
        found += _field_problems(change[key], {"n"}, f"{where} [change] 的“{key}”")
    fonts_data = data.get("fonts", {})
    fonts = {k: _text(fonts_data, k, f"{where} [fonts]") for k in FONT_KEYS}
    sizes = {}
    for key in SIZE_KEYS:
        size = fonts_data.get(key)
        if not isinstance(size, int | float) or isinstance(size, bool) or not 5 <= size <= 72:
            raise SchemeError(f"{where} [fonts] 的“{key}”应为5到72之间的磅值，现为 {size!r}")
        sizes[key] = float(size)
    notice = NoticeScheme(
        enabled=enabled,
        texts=texts,
        date=date,
        top=top,
        numerals=tuple(numerals),
        quarters=tuple(quarters),
        placeholders=placeholders,
        counts=_counts(data, scheme, where),
        change=change,
        table_names={k: tables[k] for k in scheme.tables},
        fonts=fonts,
        sizes=sizes,
        paragraphs=(),
        source=path,
    )
    doc = notice.figure_names(per_table=False)
    for key in ("title", "number", "recipients", "signature", "contact"):
        found += _field_problems(texts[key], doc, f"{where} 的“{key}”")
    found += _field_problems(texts["best_item"], {"name", "score"}, f"{where} 的“best_item”")
    found += _field_problems(texts["heading_number"], {"n"}, f"{where} 的“heading_number”")
    found += _field_problems(
        texts["date_format"], {"year", "month", "day"}, f"{where} 的“date_format”"
    )
    paragraphs = _paragraphs(data, notice, where, found)
    raise_all(found)
    return NoticeScheme(**{**notice.__dict__, "paragraphs": paragraphs})
