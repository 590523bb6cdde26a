"""roster.toml: the units, their tables, ranking, aliases, former names and classes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pandas as pd

from shiquan_score.errors import SchemeError
from shiquan_score.messages import listing, msg
from shiquan_score.normalise.text import norm
from shiquan_score.scheme.fields import alias_map, need

if TYPE_CHECKING:
    from shiquan_score.scheme.table_specs import TableSpec


def check_blocks(units: pd.DataFrame, tables: dict[str, TableSpec], where: str) -> None:
    """A table ranked in blocks: each of its ranked units belongs to one of its classes."""
    for key, spec in tables.items():
        if not spec.classes:
            continue
        mine = units[(units["table"] == key) & units["ranked"]]
        for name, klass in zip(mine["unit"], mine["class"], strict=True):
            if klass not in spec.classes:
                shown = f"“{klass}”" if klass else msg("SCHEME_NO_CLASS")
                raise SchemeError(
                    msg(
                        "SCHEME_BLOCK_CLASS",
                        where=where,
                        unit=name,
                        shown=shown,
                        table=key,
                        classes=listing(spec.classes),
                    )
                )


def read_roster(roster: dict, tables: dict[str, TableSpec], prefixes: list[str], where: str):
    entries = need(roster, "unit", where, list)
    records, aliases = [], []
    for i, u in enumerate(entries):
        label = msg("SCHEME_AT_UNIT", where=where, n=i + 1)
        name = need(u, "name", label)
        named = msg("SCHEME_AT_UNIT_NAMED", label=label, name=name)
        table = need(u, "table", named)
        if table not in tables:
            raise SchemeError(
                msg("SCHEME_UNIT_TABLE", label=named, table=table, tables=listing(tables))
            )
        ranked = need(u, "ranked", named, bool)
        former = []
        for f in u.get("former", []):
            until = f.get("until")
            if not isinstance(until, dt.date) or not f.get("name"):
                raise SchemeError(msg("SCHEME_UNIT_FORMER", label=named))
            former.append({"name": f["name"], "until": until})
        former.sort(key=lambda f: f["until"])
        records.append((name, table, ranked, i, former, u.get("class", "")))
        aliases.append((name, [*u.get("aliases", []), *(f["name"] for f in former)]))
    units = pd.DataFrame(records, columns=["unit", "table", "ranked", "order", "former", "class"])
    if units["unit"].duplicated().any():
        twice = units.loc[units["unit"].duplicated(), "unit"].iloc[0]
        raise SchemeError(msg("SCHEME_UNIT_TWICE", where=where, unit=twice))
    mapping = alias_map(aliases, msg("SCHEME_WHAT_UNIT"), where)
    # Names written with a county prefix ("石泉县财政局", "县财政局") are stripped before lookup,
    # so a roster alias that itself starts with a prefix must not collide after stripping.
    for key, unit in list(mapping.items()):
        for prefix in (norm(p) for p in prefixes):
            if prefix and key.startswith(prefix) and key[len(prefix) :]:
                mapping.setdefault(key[len(prefix) :], unit)
    return units, mapping
