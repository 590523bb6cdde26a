"""Load and validate templates/notice.toml: the notice's wording, placeholders and fonts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from shiquan_score import DEFAULT_NOTICE
from shiquan_score.errors import SchemeError
from shiquan_score.messages import listing, msg
from shiquan_score.scheme.loader import Scheme, load_toml
from shiquan_score.scheme.notice_paragraphs import Paragraph, field_problems, read_paragraphs
from shiquan_score.scheme.placeholders import raise_all

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
        raise SchemeError(msg("NOTICE_NOT_DATE", where=where, text=text)) from None


def _text(data: dict, key: str, where: str) -> str:
    if key not in data:
        raise SchemeError(msg("SCHEME_KEY_MISSING", where=where, key=key))
    value = data[key]
    if not isinstance(value, str):
        raise SchemeError(
            msg("SCHEME_KEY_KIND", where=where, key=key, kind=msg("KIND_TEXT"), value=repr(value))
        )
    return value


def _header(column) -> str:
    """A column's header path as one line: 新闻动态/{months}采用情况（条）/部门动态."""
    return "/".join(dict.fromkeys(h.replace("\n", "") for h in column.header))


def _counts(data: dict, scheme: Scheme, where: str) -> dict[str, tuple[str, ...]]:
    counts = data.get("counts", {})
    if not isinstance(counts, dict) or not counts:
        raise SchemeError(msg("NOTICE_COUNTS_EMPTY", where=where))
    known = {chan for spec in scheme.tables.values() for c in spec.columns for _, chan in c.count}
    out = {}
    for name, channels in counts.items():
        if name in DOC_FIGURES or name in TABLE_FIGURES:
            raise SchemeError(msg("NOTICE_COUNTS_NAME_TAKEN", where=where, name=name))
        if not isinstance(channels, list) or not all(isinstance(c, str) for c in channels):
            raise SchemeError(msg("NOTICE_COUNTS_NOT_CHANNELS", where=where, name=name))
        for chan in channels:
            if chan not in known:
                raise SchemeError(
                    msg(
                        "NOTICE_COUNTS_UNKNOWN_CHANNEL",
                        where=where,
                        name=name,
                        channel=chan,
                        known=listing(sorted(known)),
                    )
                )
        for spec in scheme.tables.values():
            for column in spec.columns:
                inside = {chan in channels for _, chan in column.count}
                if len(inside) > 1:
                    raise SchemeError(
                        msg(
                            "NOTICE_COUNTS_PART_COLUMN",
                            where=where,
                            name=name,
                            column=_header(column),
                        )
                    )
        out[name] = tuple(channels)
    return out


def load_notice(path: Path, scheme: Scheme) -> NoticeScheme:
    """Read notice.toml and check every key, template field and channel against the rules."""
    data = load_toml(path)
    where = path.name
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        raise SchemeError(msg("NOTICE_UNKNOWN_KEYS", where=where, keys=listing(unknown)))
    enabled = data.get("enabled", False)
    if not isinstance(enabled, bool):
        raise SchemeError(msg("NOTICE_ENABLED", file=where, value=repr(enabled)))
    texts = {key: _text(data, key, where) for key in TEXT_KEYS}
    date = data.get("date", "")
    if isinstance(date, str):
        date = parse_date(date, msg("NOTICE_AT_DATE", where=where)) if date.strip() else None
    elif not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        raise SchemeError(msg("NOTICE_DATE", where=where, value=repr(date)))
    top = data.get("top", 3)
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise SchemeError(msg("NOTICE_TOP", where=where, value=repr(top)))
    numerals = data.get("numerals", [])
    if (
        not isinstance(numerals, list)
        or len(numerals) < 11
        or not all(isinstance(n, str) for n in numerals)
    ):
        raise SchemeError(msg("NOTICE_NUMERALS", where=where))
    quarters = data.get("quarters", [])
    if not isinstance(quarters, list) or len(quarters) != 4:
        raise SchemeError(msg("NOTICE_QUARTERS", where=where))
    tables = data.get("table_names", {})
    for key in scheme.tables:
        if not isinstance(tables.get(key), str):
            raise SchemeError(msg("NOTICE_TABLE_NAME", where=where, key=key))
    placeholders = {
        k: _text(data.get("placeholders", {}), k, f"{where} [placeholders]")
        for k in PLACEHOLDER_KEYS
    }
    change = {
        k: _text(data.get("change", {}), k, f"{where} [change]") for k in ("more", "less", "same")
    }
    found: list[str] = []  # template typos: every one of the file named in one run
    for key in ("more", "less"):
        found += field_problems(change[key], {"n"}, msg("NOTICE_AT_CHANGE", where=where, key=key))
    fonts_data = data.get("fonts", {})
    fonts = {k: _text(fonts_data, k, f"{where} [fonts]") for k in FONT_KEYS}
    sizes = {}
    for key in SIZE_KEYS:
        size = fonts_data.get(key)
        if not isinstance(size, int | float) or isinstance(size, bool) or not 5 <= size <= 72:
            raise SchemeError(msg("NOTICE_FONT_SIZE", where=where, key=key, value=repr(size)))
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
        found += field_problems(texts[key], doc, msg("NOTICE_AT_KEY", where=where, key=key))
    for key, allowed in (
        ("best_item", {"name", "score"}),
        ("heading_number", {"n"}),
        ("date_format", {"year", "month", "day"}),
    ):
        found += field_problems(texts[key], allowed, msg("NOTICE_AT_KEY", where=where, key=key))
    paragraphs = read_paragraphs(data, notice, where, found)
    raise_all(found)
    return NoticeScheme(**{**notice.__dict__, "paragraphs": paragraphs})
