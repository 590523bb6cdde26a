"""Look-ups of units, channels and categories in the scheme, with the nearest names."""

from __future__ import annotations

import difflib

import numpy as np
import pandas as pd

from shiquan_score.messages import msg
from shiquan_score.normalise.text import norm, split_cell, visible
from shiquan_score.scheme.loader import Scheme


class Vocabulary:
    """Look-ups of units, channels and categories, with the nearest names for a misspelling."""

    def __init__(self, scheme: Scheme):
        self.scheme = scheme
        self.prefixes = [norm(p) for p in scheme.unit_prefixes if norm(p)]
        self._memo: dict[str, dict] = {}
        self.roster_file = scheme.sources[1].name
        self.rules_file = scheme.sources[0].name
        weights = scheme.weights
        self.weighted = set(zip(weights["category"], weights["channel"], strict=True))
        self.table_of = dict(zip(scheme.units["unit"], scheme.units["table"], strict=True))
        self.pairs_in_table = {
            key: {pair for column in spec.columns for pair in column.count}
            for key, spec in scheme.tables.items()
        }

    def unit(self, text: str) -> str | None:
        return self._cached(self._unit, text)

    def _unit(self, text: str) -> str | None:
        key = norm(text)
        found = self.scheme.unit_alias.get(key)
        for prefix in self.prefixes:
            if found is None and key.startswith(prefix):
                found = self.scheme.unit_alias.get(key[len(prefix) :])
        return found

    def nearest_units(self, text: str) -> list[str]:
        key = norm(text)
        for prefix in self.prefixes:
            key = key[len(prefix) :] if key.startswith(prefix) else key
        names = difflib.get_close_matches(key, list(self.scheme.unit_alias), n=6, cutoff=0.5)
        contained = [k for k in self.scheme.unit_alias if len(key) > 1 and (key in k or k in key)]
        units = dict.fromkeys(self.scheme.unit_alias[n] for n in [*names, *contained])
        return list(units)[:3]

    def units_of(self, unit_raw: str) -> tuple[tuple[str, ...], tuple, tuple[str, ...]]:
        """A 单位 cell → its units (in order, once each), issues, units written twice."""
        units, issues = self._cached(self._units, unit_raw)
        return tuple(dict.fromkeys(units)), tuple(issues), _twice(units)

    def kind_of(self, category_raw: str, channel_raw: str):
        """类别 and 采用渠道 cells → category, channels, issues, channels written twice."""
        channels, issues = self._cached(self._channels, channel_raw)
        issues = list(issues)
        once = tuple(dict.fromkeys(channels))
        category = self._category(category_raw, list(channels), issues)  # as written
        return category, once, tuple(issues), _twice(channels)

    def columns_of(self, units: tuple, category: str, channels: tuple) -> tuple:
        """Issues of a valid combination: no weight, or no column in the unit's table."""
        return tuple(self._cached(self._columns, (units, category, channels)))

    def fitting(
        self, unit_sets: list[tuple], categories: list, channels: list[tuple]
    ) -> tuple[np.ndarray, np.ndarray]:
        """columns_of() worked out for every (unit cell, kind) at once: the number of each unit
        cell's set of tables (`unit_sets`: its units), and per (set of tables, kind) whether
        columns_of() finds nothing. columns_of() sees a unit only through its table, so it is
        asked once per (set of tables, kind), for one unit of each table."""
        tables_of = [tuple(sorted({self.table_of[u] for u in units})) for units in unit_sets]
        tables, sets = pd.factorize(pd.Series(tables_of, dtype=object))
        one_unit = {}  # table -> a unit of it
        for unit, table in self.table_of.items():
            one_unit.setdefault(table, unit)
        fits = np.array(
            [
                [
                    category is not None
                    and not self.columns_of(tuple(one_unit[t] for t in group), category, chans)
                    for category, chans in zip(categories, channels, strict=True)
                ]
                for group in sets
            ],
            dtype=bool,
        ).reshape(len(sets), len(categories))
        return np.asarray(tables, dtype=np.int64), fits

    def _cached(self, method, key):
        cache = self._memo.setdefault(method.__name__, {})
        if key not in cache:
            cache[key] = method(*key) if isinstance(key, tuple) else method(key)
        return cache[key]

    def _units(self, unit_raw: str) -> tuple[list[str], list[tuple]]:
        units, issues = [], []
        parts = split_cell(unit_raw, self.scheme.unit_separators)
        if not unit_raw:
            issues.append(("unit", "", "NO_UNIT", msg("NO_UNIT")))
        elif not parts:  # only separators, such as "/" for "none": nothing to score
            issues.append(
                ("unit", unit_raw, "NO_UNIT", msg("UNIT_ONLY_SEPARATORS", value=unit_raw))
            )
        for part in parts:
            found = self.unit(part)
            if found:
                units.append(found)
                continue
            near = self.nearest_units(part)
            hint = msg("NEAREST_UNITS", names="、".join(near)) if near else msg("NO_NEAREST_UNIT")
            value = visible(part).strip()  # an invisible mark would make two names look alike
            issues.append(
                (
                    "unit",
                    value,
                    "UNKNOWN_UNIT",
                    msg("UNKNOWN_UNIT", value=value, hint=hint, roster=self.roster_file),
                )
            )
        return units, issues

    def _channels(self, channel_raw: str) -> tuple[list[str], list[tuple]]:
        channels, issues = [], []
        parts = split_cell(channel_raw, self.scheme.channel_separators)
        if not channel_raw:
            issues.append(("channel", "", "NO_CHANNEL", msg("NO_CHANNEL")))
        elif not parts:
            issues.append(
                (
                    "channel",
                    channel_raw,
                    "NO_CHANNEL",
                    msg("CHANNEL_ONLY_SEPARATORS", value=channel_raw),
                )
            )
        for part in parts:
            found = self.scheme.channel_alias.get(norm(part))
            if found:
                channels.append(found)
                continue
            known = "、".join(dict.fromkeys(self.scheme.channel_alias.values()))
            issues.append(
                (
                    "channel",
                    part.strip(),
                    "UNKNOWN_CHANNEL",
                    msg("UNKNOWN_CHANNEL", value=part.strip(), known=known, rules=self.rules_file),
                )
            )
        return channels, issues

    def _columns(self, units, category, channels) -> list[tuple]:
        issues: list[tuple] = []
        self._check_columns(units, category, channels, issues)
        return issues

    def _category(self, raw: str, channels: list[str], issues: list) -> str | None:
        if raw:
            found = self.scheme.category_alias.get(norm(raw))
            if not found:
                known = "、".join(dict.fromkeys(self.scheme.category_alias.values()))
                issues.append(
                    (
                        "category",
                        raw.strip(),
                        "UNKNOWN_CATEGORY",
                        msg(
                            "UNKNOWN_CATEGORY",
                            value=raw.strip(),
                            known=known,
                            rules=self.rules_file,
                        ),
                    )
                )
            return found
        implied = {self.scheme.implies.get(c) for c in channels}
        if len(implied) == 1 and None not in implied:
            return implied.pop()
        if channels:
            issues.append(
                (
                    "category",
                    "",
                    "NO_CATEGORY",
                    msg("NO_CATEGORY", channels="、".join(channels)),
                )
            )
        return None

    def _check_columns(self, units, category, channels, issues) -> None:
        for channel in channels:
            if (category, channel) not in self.weighted:
                issues.append(
                    (
                        "channel",
                        channel,
                        "NO_WEIGHT",
                        msg("NO_WEIGHT", category=category, channel=channel),
                    )
                )
                continue
            for unit in units:
                spec = self.scheme.tables[self.table_of[unit]]
                if (category, channel) not in self.pairs_in_table[spec.key]:
                    issues.append(
                        (
                            "channel",
                            channel,
                            "NO_COLUMN",
                            msg("NO_COLUMN", unit=unit, table=spec.key, channel=channel),
                        )
                    )


def _twice(items: list[str]) -> tuple[str, ...]:
    return tuple(x for x in dict.fromkeys(items) if items.count(x) > 1)
