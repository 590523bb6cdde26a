"""roster.toml: the units, their tables, ranking, aliases, former names and classes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pandas as pd

from shiquan_score.errors import SchemeError
from shiquan_score.messages import msg
from shiquan_score.normalise.text import norm
from shiquan_score.scheme.fields import alias_map, need

if TYPE_CHECKING:
    from shiquan_score.scheme.loader import TableSpec


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
                        classes="、".join(spec.classes),
                    )
                )


def read_roster(roster: dict, tables: dict[str, TableSpec], prefixes: list[str], where: str):
    entries = need(roster, "unit", where, list)
    records, aliases = [], []
    for i, u in enumerate(entries):
        label = f"{where} 第{i + 1}个单位"
        name = need(u, "name", label)
        table = need(u, "table", f"{label}（{name}）")
        if table not in tables:
            raise SchemeError(
                f"{label}（{name}）的 table “{table}”不是规则文件中的表（{'、'.join(tables)}）"
            )
        ranked = need(u, "ranked", f"{label}（{name}）", bool)
        former = []
        for f in u.get("former", []):
            until = f.get("until")
            if not isinstance(until, dt.date) or not f.get("name"):
                raise SchemeError(
                    f"{label}（{name}）的 former 每项应写 name 和 until（日期，如 2021-05-31）"
                )
            former.append({"name": f["name"], "until": until})
        former.sort(key=lambda f: f["until"])
        records.append((name, table, ranked, i, former, u.get("class", "")))
        aliases.append((name, [*u.get("aliases", []), *(f["name"] for f in former)]))
    units = pd.DataFrame(records, columns=["unit", "table", "ranked", "order", "former", "class"])
    if units["unit"].duplicated().any():
        raise SchemeError(
            f"{where} 中单位“{units.loc[units['unit'].duplicated(), 'unit'].iloc[0]}”出现了两次"
        )
    mapping = alias_map(aliases, "单位", where)
    # Names written with a county prefix ("石泉县财政局", "县财政局") are stripped before lookup,
    # so a roster alias that itself starts with a prefix must not collide after stripping.
    for key, unit in list(mapping.items()):
        for prefix in (norm(p) for p in prefixes):
            if prefix and key.startswith(prefix) and key[len(prefix) :]:
                mapping.setdefault(key[len(prefix) :], unit)
    return units, mapping
