"""Load and validate the scheme in templates/: rules (weights, vocabularies, layout) and roster."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from shiquan_score import DEFAULT_ROSTER, DEFAULT_RULES
from shiquan_score.errors import SchemeError
from shiquan_score.messages import msg
from shiquan_score.normalise.text import norm
from shiquan_score.period import SPANS
from shiquan_score.scheme.fields import alias_map, need
from shiquan_score.scheme.keys import FIELD_CODES, ROSTER, RULES, check_keys
from shiquan_score.scheme.keys import LEDGER_FIELDS as LEDGER_FIELDS  # re-exported
from shiquan_score.scheme.placeholders import plain_problems, raise_all, template_problems
from shiquan_score.scheme.roster import check_blocks, read_roster
from shiquan_score.scheme.style import Style, read_style
from shiquan_score.scheme.table_specs import TableSpec, read_tables
from shiquan_score.scheme.weights import Policy, check_classes, read_policy, read_weights

REQUIRED_FIELDS = ("date", "unit", "title", "channel")


@dataclass(frozen=True)
class Scheme:
    """Everything a county might change, read from templates/."""

    county: str
    name: str
    header_aliases: dict[str, str]  # norm(header text) -> field
    unit_separators: list[str]
    channel_separators: list[str]
    unit_prefixes: list[str]
    note_sheet: str
    total_words: frozenset[str]
    footer_words: frozenset[str]  # a signature footer starts with one: 制表人：…
    category_alias: dict[str, str]  # norm(alias) -> category
    channel_alias: dict[str, str]  # norm(alias) -> channel
    implies: dict[str, str]  # channel -> category when 类别 is blank
    weights: pd.DataFrame  # category, channel, points, best_of, class ("" for every class)
    units: pd.DataFrame  # unit, table, ranked, order, display names over time, class
    unit_alias: dict[str, str]  # norm(name) -> unit
    tables: dict[str, TableSpec]
    layout: dict
    remarks: str
    sources: tuple[Path, Path] = field(default=(DEFAULT_RULES, DEFAULT_ROSTER))
    policy: Policy = field(default_factory=Policy)
    span: int = 3  # months per period: rules.toml period = "month" | "quarter" | "half" | "year"
    style: Style = field(default_factory=Style)  # fonts, sizes, heights, margins ([style])
    # field -> its header spellings as [ledger].columns lists them (the first is the one a
    # template prints and a message names)
    field_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    common_notes: list[str] = field(default_factory=list)  # 省市暂未反馈: offered in the template

    def field_word(self, name: str) -> str:
        """The header a ledger column is named by: 日期 for date (the catalogue's word when
        the rules list no spelling)."""
        words = self.field_words.get(name, ())
        return words[0] if words else msg(FIELD_CODES[name])

    @cached_property
    def class_weights(self) -> bool:
        """Some weight differs by the unit's class."""
        return bool((self.weights["class"] != "").any())

    def display_name(self, unit: str, on: dt.date) -> str:
        """The unit's name in force on a date (a renamed unit keeps its score)."""
        for former in self.former_names.get(unit, ()):
            if on <= former["until"]:
                return former["name"]
        return unit

    @cached_property
    def former_names(self) -> dict[str, list[dict]]:
        """unit → its former names with their last day, oldest first."""
        return dict(zip(self.units["unit"], self.units["former"], strict=True))


def load_toml(path: Path) -> dict:
    """A scheme file (rules, roster, notice) as TOML data; a missing file or a syntax error
    is a SchemeError in Chinese that names the file (and the line and column)."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise SchemeError(msg("SCHEME_FILE_MISSING", path=path)) from None
    except tomllib.TOMLDecodeError as exc:  # its text is English: only the place is kept
        at = re.search(r"at line (\d+), column (\d+)", str(exc))
        message = (
            msg("SCHEME_SYNTAX_AT", file=path.name, line=at[1], column=at[2])
            if at
            else msg("SCHEME_SYNTAX", file=path.name)
        )
        raise SchemeError(message) from exc


def _header_aliases(ledger: dict, where: str) -> dict[str, str]:
    columns = need(ledger, "columns", f"{where} [ledger]", dict)
    for required in REQUIRED_FIELDS:
        if required not in columns:
            raise SchemeError(msg("SCHEME_LEDGER_FIELD", where=where, field=required))
    return alias_map(
        [(f, list(a)) for f, a in columns.items()],
        msg("SCHEME_WHAT_HEADER"),
        f"{where} [ledger].columns",
    )


def _span(rules: dict, where: str) -> int:
    period = rules.get("period", "quarter")
    if period not in SPANS:
        raise SchemeError(msg("SCHEME_PERIOD", where=where, value=repr(period)))
    return SPANS[period]


def load_scheme(rules_path: Path = DEFAULT_RULES, roster_path: Path = DEFAULT_ROSTER) -> Scheme:
    """Read both scheme files and check them; SchemeError names the file and the entry."""
    rules, roster = load_toml(rules_path), load_toml(roster_path)
    where, rwhere = rules_path.name, roster_path.name
    check_keys(rules, RULES, where)
    check_keys(roster, ROSTER, rwhere)
    ledger = need(rules, "ledger", where, dict)
    cats = need(rules, "category", where, list)
    chans = need(rules, "channel", where, list)
    cat_names = {need(c, "name", f"{where} [[category]]") for c in cats}
    chan_names = {need(c, "name", f"{where} [[channel]]") for c in chans}
    implies = {c["name"]: c["implies"] for c in chans if c.get("implies")}
    for chan, cat in implies.items():
        if cat not in cat_names:
            raise SchemeError(msg("SCHEME_IMPLIES", where=where, channel=chan, category=cat))
    weights = read_weights(rules, cat_names, chan_names, where)
    found: list[str] = []  # template typos: every one of the file named in one run
    tables = read_tables(rules, weights, where, found)
    prefixes = list(ledger.get("unit_prefixes", []))
    units, unit_alias = read_roster(roster, tables, prefixes, rwhere)
    check_classes(weights, units, where, rwhere)
    check_blocks(units, tables, rwhere)
    layout = need(rules, "layout", where, dict)
    found += template_problems(
        need(layout, "output_name", f"{where} [layout]"),
        f"{where} [layout] output_name",
        ("county", "year", "months"),
    )
    remarks = str(rules.get("remarks", {}).get("text", "")).strip()
    found += plain_problems(remarks, f"{where} [remarks] text")
    raise_all(found)
    return Scheme(
        county=need(rules, "county", where),
        name=rules.get("name", ""),
        header_aliases=_header_aliases(ledger, where),
        unit_separators=list(ledger.get("unit_separators", ["、"])),
        channel_separators=list(ledger.get("channel_separators", ["、"])),
        unit_prefixes=prefixes,
        note_sheet=ledger.get("note_sheet", "备注"),
        total_words=frozenset(norm(w) for w in ledger.get("total_words", ["合计"])),
        footer_words=frozenset(norm(w) for w in ledger.get("footer_words", [])),
        category_alias=alias_map(
            [(c["name"], c.get("aliases", [])) for c in cats], msg("SCHEME_WHAT_CATEGORY"), where
        ),
        channel_alias=alias_map(
            [(c["name"], c.get("aliases", [])) for c in chans], msg("SCHEME_WHAT_CHANNEL"), where
        ),
        implies=implies,
        weights=weights,
        units=units,
        unit_alias=unit_alias,
        tables=tables,
        layout=dict(layout),
        remarks=remarks,
        sources=(rules_path, roster_path),
        policy=read_policy(rules["scoring"], where),
        span=_span(rules, where),
        style=read_style(rules, where),
        field_words={f: tuple(a) for f, a in ledger["columns"].items()},
        common_notes=list(ledger.get("common_notes", [])),
    )
