"""The notice's text from the figures: templates of notice.toml filled, empty clauses left out.

Every number comes from the standings the workbook shows (counts and 累计 as rounded
there); nothing is recounted from the ledger.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from shiquan_score.normalise.text import fmt_number
from shiquan_score.output.layout import Grid
from shiquan_score.period import Period
from shiquan_score.scheme.loader import Scheme
from shiquan_score.scheme.notice import NoticeScheme
from shiquan_score.scheme.notice_paragraphs import Group, Paragraph, fields
from shiquan_score.scheme.table_specs import TableSpec
from shiquan_score.score.standings import count_key


@dataclass(frozen=True)
class NoticeTable:
    """One published table: its spec, its standings, its laid-out grid, last quarter's count."""

    key: str
    spec: TableSpec
    table: pd.DataFrame
    grid: Grid
    previous_count: float | None = None  # all adoptions in last quarter's table; None: unknown


def numeral(n: int, notice: NoticeScheme) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 with the scheme's numerals (str(n) past 99)."""
    d = notice.numerals
    if n <= 10:
        return d[n]
    if n < 20:
        return d[10] + d[n - 10]
    if n < 100:
        return d[n // 10] + d[10] + (d[n % 10] if n % 10 else "")
    return str(n)


def _columns(spec: TableSpec, channels: tuple[str, ...]) -> list[int]:
    """Layout columns whose every channel is one of `channels` (the loader refused splits)."""
    return [
        j
        for j, c in enumerate(spec.columns)
        if c.value == "count" and c.count and all(chan in channels for _, chan in c.count)
    ]


def _count_columns(spec: TableSpec) -> list[int]:
    return [j for j, c in enumerate(spec.columns) if c.value == "count"]


def table_figures(
    t: NoticeTable, scheme: Scheme, notice: NoticeScheme, period: Period
) -> dict[str, object]:
    """Figures of one table: counts per [counts] name, the best units, units with none."""
    frame = t.table
    names = {u: scheme.display_name(u, period.end) for u in frame.index}
    out: dict[str, object] = {
        "units": notice.table_names[t.key],
        "top": numeral(notice.top, notice),
    }
    every = _count_columns(t.spec)
    out["total"] = float(frame[[count_key(j) for j in every]].to_numpy().sum()) if every else 0.0
    for name, channels in notice.counts.items():
        cols = [count_key(j) for j in _columns(t.spec, channels)]
        per_unit = frame[cols].sum(axis=1) if cols else pd.Series(0.0, index=frame.index)
        out[name] = float(per_unit.sum())
        out[f"{name}_units"] = [names[u] for u in per_unit.index[per_unit.to_numpy() != 0]]
    ranked = frame[frame["ranked"]]
    adopted = ranked[[count_key(j) for j in every]].to_numpy().sum(axis=1) if every else None
    out["none"] = [] if adopted is None else [names[u] for u in ranked.index[adopted == 0]]
    best = ranked[ranked["rank"].astype(float) <= notice.top]
    out["best"] = [
        notice.texts["best_item"].format(name=names[u], score=fmt_number(score))
        for u, score in zip(best.index, best["total"], strict=True)
    ]
    return out


def document_figures(
    tables: list[NoticeTable], scheme: Scheme, notice: NoticeScheme, period: Period
) -> tuple[dict[str, object], list[dict[str, object]]]:
    """Figures of the whole notice (sums and joined lists over its tables) and of each table."""
    each = [table_figures(t, scheme, notice, period) for t in tables]
    doc: dict[str, object] = {
        "period": period.label,
        "year": str(period.year),
        "months": period.months,
        # a quarterly scheme names its quarter; a monthly or half-year one its label
        "quarter": notice.quarters[period.quarter - 1] if period.span == 3 else period.label,
        "last_period": period.before_word,
        "county": scheme.county,
        "total": sum(f["total"] for f in each),
        "none": [u for f in each for u in f["none"]],
    }
    for name in notice.counts:
        doc[name] = sum(f[name] for f in each)
        doc[f"{name}_units"] = [u for f in each for u in f[f"{name}_units"]]
    previous = [t.previous_count for t in tables]
    doc["change"] = None
    if tables and period.previous() is not None and None not in previous:
        diff = doc["total"] - sum(previous)
        key = "more" if diff > 0 else "less" if diff < 0 else "same"
        doc["change"] = notice.change[key].format(n=fmt_number(abs(diff)))
    return doc, [{**doc, **f} for f in each]


def _shown(value: object, notice: NoticeScheme) -> str | None:
    """A figure as text, or None when it is zero, empty or unknown (its clause is left out)."""
    if value is None:
        return None
    if isinstance(value, list):
        return notice.texts["joiner"].join(value) if value else None
    if isinstance(value, float | int):
        return fmt_number(value) if value != 0 else None
    return str(value) if value != "" else None


def fill(template: str, figures: dict[str, object], notice: NoticeScheme) -> str | None:
    """The template with its figures; None when one of them is zero, empty or unknown."""
    values = {}
    for name in fields(template, notice.source.name):
        shown = _shown(figures.get(name), notice)
        if shown is None:
            return None
        values[name] = shown
    return template.format(**values)


def fill_always(template: str, figures: dict[str, object], notice: NoticeScheme) -> str:
    """A whole paragraph or a title: zero shown as 0, an empty list as nothing."""
    values = {}
    for name in fields(template, notice.source.name):
        value = figures.get(name)
        if isinstance(value, list):
            values[name] = notice.texts["joiner"].join(value)
        elif isinstance(value, float | int):
            values[name] = fmt_number(value)
        else:
            values[name] = "" if value is None else str(value)
    return template.format(**values)


def _names(part: str | Group, where: str) -> bool:
    """Whether a part names a figure (a group always does through its items)."""
    return isinstance(part, Group) or bool(fields(part, where))


def _part(part: str | Group, figures: dict[str, object], notice: NoticeScheme) -> str | None:
    if isinstance(part, str):
        return fill(part, figures, notice)
    kept = [t for item in part.items if (t := fill(item, figures, notice)) is not None]
    return part.before + part.between.join(kept) if kept else None


def _paragraph(p: Paragraph, figures: dict[str, object], notice: NoticeScheme) -> str | None:
    if any(_shown(figures.get(name), notice) is None for name in p.when):
        return None
    if p.whole:
        return fill_always(p.parts[0], figures, notice)
    where = notice.source.name
    kept = [
        (text, _names(part, where))
        for part in p.parts
        if (text := _part(part, figures, notice)) is not None
    ]
    # Written when a clause naming a figure survived (a lone "。" is not a paragraph).
    if any(named for _, named in kept) or not any(_names(q, where) for q in p.parts):
        return "".join(text for text, _ in kept) or None
    return None


def body(
    tables: list[NoticeTable], scheme: Scheme, notice: NoticeScheme, period: Period
) -> list[tuple[str, str]]:
    """(style, text) of every body paragraph, headings numbered in the order they appear."""
    doc, each = document_figures(tables, scheme, notice, period)
    out: list[tuple[str, str]] = []
    headings = 0
    for p in notice.paragraphs:
        for figures in each if p.for_each == "table" else [doc]:
            text = _paragraph(p, figures, notice)
            if text is None:
                continue
            if p.style == "heading":
                headings += 1
                text = notice.texts["heading_number"].format(n=numeral(headings, notice)) + text
            out.append((p.style, text))
    return out


def date_text(day: dt.date | None, notice: NoticeScheme) -> str:
    """成文日期 as the scheme writes it, or its placeholder: never derived from today."""
    if day is None:
        return notice.placeholders["date"]
    return notice.texts["date_format"].format(year=day.year, month=day.month, day=day.day)


def or_placeholder(key: str, figures: dict[str, object], notice: NoticeScheme) -> str:
    """主送, 落款, contact: the scheme's text, or the placeholder when it is empty."""
    text = fill_always(notice.texts[key], figures, notice).strip()
    return text or notice.placeholders[key]
