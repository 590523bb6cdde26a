"""The [[table]] entries of rules.toml: each official table's columns (header path, what the
cells hold, which adoptions a count column counts), header depth, first row and classes."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from shiquan_score.errors import SchemeError
from shiquan_score.messages import listing, msg
from shiquan_score.scheme.fields import need
from shiquan_score.scheme.placeholders import plain_problems, template_problems

VALUE_KINDS = ("name", "count", "current", "previous", "total", "rank")


@dataclass(frozen=True)
class Column:
    """One column of an official table: its header path and what its cells hold."""

    header: tuple[str, ...]
    value: str
    count: tuple[tuple[str, str], ...] = ()
    optional: bool = False
    note: bool = False
    # Other headers a hand-made table may give this column (上期累计, 累计得分 for 累计).
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableSpec:
    key: str
    attachment: str
    title: str
    sheet: str
    unranked_text: str
    columns: tuple[Column, ...]
    classes: tuple[str, ...] = ()  # blocks of units, each ranked on its own (一类单位 …)


MAX_HEADER_ROWS = 6


def _header_rows(rules: dict, where: str) -> int:
    rows = rules.get("layout", {}).get("header_rows", 4)
    if not isinstance(rows, int) or isinstance(rows, bool) or not 1 <= rows <= MAX_HEADER_ROWS:
        raise SchemeError(
            msg("SCHEME_HEADER_ROWS", where=where, most=MAX_HEADER_ROWS, value=repr(rows))
        )
    return rows


# Rows 1 to 3 of a sheet hold the 附件 line, a blank row and the title (output/layout.py).
MIN_FIRST_ROW, MAX_FIRST_ROW = 4, 20


def _first_row(rules: dict, where: str) -> int:
    row = rules.get("layout", {}).get("first_row", MIN_FIRST_ROW)
    valid = isinstance(row, int) and not isinstance(row, bool)
    if not valid or not MIN_FIRST_ROW <= row <= MAX_FIRST_ROW:
        raise SchemeError(
            msg(
                "SCHEME_FIRST_ROW",
                where=where,
                least=MIN_FIRST_ROW,
                most=MAX_FIRST_ROW,
                value=repr(row),
            )
        )
    return row


def read_tables(
    rules: dict, weights: pd.DataFrame, where: str, found: list[str]
) -> dict[str, TableSpec]:
    """The [[table]] entries; problems of their templates go to `found` (told all at once)."""
    rows = _header_rows(rules, where)
    _first_row(rules, where)
    weighted = set(zip(weights["category"], weights["channel"], strict=True))
    tables: dict[str, TableSpec] = {}
    for i, t in enumerate(need(rules, "table", where, list), start=1):
        key = need(t, "key", f"{where} [[table]]")
        label = msg("SCHEME_AT_TABLE", where=where, key=key)
        place = msg("SCHEME_AT_TABLE_ENTRY", where=where, i=i)
        found += template_problems(
            need(t, "title", label),
            f"{place} title",
            ("county", "year", "months"),  # previous/official.py reads a title with months
            ("year", msg("SCHEME_WHY_TITLE_YEAR")),
        )
        for plain in ("attachment", "sheet", "unranked_text"):
            if isinstance(t.get(plain), str):
                found += plain_problems(t[plain], f"{place} {plain}")
        columns = []
        for j, c in enumerate(need(t, "columns", label, list), start=1):
            clabel = msg("SCHEME_AT_COLUMN", label=label, j=j)
            header = [str(h) for h in need(c, "header", clabel, list)]
            if not 1 <= len(header) <= rows:
                raise SchemeError(msg("SCHEME_HEADER_DEPTH", label=clabel, rows=rows))
            for part in header:
                found += template_problems(
                    part, msg("SCHEME_AT_HEADER", place=place, j=j), ("months",)
                )
            header += [header[-1]] * (rows - len(header))
            value = c.get("value", "count" if "count" in c else None)
            if value not in VALUE_KINDS:
                raise SchemeError(
                    msg("SCHEME_COLUMN_VALUE", label=clabel, kinds=listing(VALUE_KINDS))
                )
            pairs = tuple(tuple(p) for p in c.get("count", []))
            for pair in pairs:
                if len(pair) != 2 or pair not in weighted:
                    raise SchemeError(msg("SCHEME_COLUMN_PAIR", label=clabel, pair="·".join(pair)))
            aliases = c.get("aliases", [])
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise SchemeError(msg("SCHEME_COLUMN_ALIASES", label=clabel))
            columns.append(
                Column(
                    tuple(header),
                    value,
                    pairs,
                    bool(c.get("optional")),
                    bool(c.get("note")),
                    tuple(aliases),
                )
            )
        kinds = [c.value for c in columns]
        for needed in ("name", "current", "previous", "total", "rank"):
            if kinds.count(needed) != 1:
                raise SchemeError(msg("SCHEME_TABLE_NEEDS", label=label, value=needed))
        covered = [p for c in columns for p in c.count]
        if len(covered) != len(set(covered)):
            raise SchemeError(msg("SCHEME_TABLE_TWICE", label=label))
        tables[key] = TableSpec(
            key=key,
            attachment=need(t, "attachment", label),
            title=need(t, "title", label),
            sheet=need(t, "sheet", label),
            unranked_text=t.get("unranked_text", "不计分、不排名"),
            columns=tuple(columns),
            classes=_classes(t, place),
        )
    return tables


def _classes(table: dict, place: str) -> tuple[str, ...]:
    classes = table.get("classes", [])
    if len(set(classes)) != len(classes) or not all(classes):
        raise SchemeError(msg("SCHEME_CLASSES", place=place, value=repr(classes)))
    return tuple(classes)
