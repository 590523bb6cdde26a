"""Header rows of an official table → one path per column, matched to the scheme's columns.

The sheet arrives as a text grid: a merged cell's text stands in its top-left cell only, the
rest are blank. The header rows are flattened into paths such as 新闻动态/部门动态 by filling
each blank header cell from the left (same parent, so a horizontal merge) or else from above
(a vertical merge). Each path is then matched to a column of the scheme's table.
"""

from __future__ import annotations

import re

import pandas as pd

from shiquan_score.normalise.text import norm
from shiquan_score.period import names_period
from shiquan_score.scheme.table_specs import TableSpec


def column_key(path: tuple[str, ...]) -> tuple[str, ...]:
    """A header path for matching: months row dropped, normalised, consecutive repeats removed."""
    return _squeeze(norm(p) for p in path if not _is_months(p))


def label(path: tuple[str, ...]) -> str:
    """A header path as the clerk reads it: 新闻动态/部门动态, 得分情况（分）/本期."""
    return "/".join(_squeeze(re.sub(r"\s+", "", str(p)) for p in path if not _is_months(p)))


def _is_months(part: str) -> bool:
    return names_period(part) or "{months}" in str(part)


def _squeeze(parts) -> tuple[str, ...]:
    out: list[str] = []
    for p in parts:
        if p and (not out or out[-1] != p):
            out.append(p)
    return tuple(out)


def match_columns(spec: TableSpec, keys: list[tuple[str, ...]]) -> list[int | None]:
    """Each read key → the scheme column it names: exact path, else the one shortest unique
    suffix; a key still unmatched whose last part is one of a column's aliases (上期累计 for
    累计) takes that column when nothing else did."""
    ours = [column_key(c.header) for c in spec.columns]
    matched: list[int | None] = []
    for key in keys:
        found = [j for j, k in enumerate(ours) if k == key]
        for n in range(1, len(key) + 1):
            if found:
                break
            tail = key[-n:]
            hits = [j for j, k in enumerate(ours) if k[-n:] == tail]
            found = hits if len(hits) == 1 else []
        matched.append(found[0] if found else None)
    alias_of = {norm(a): j for j, c in enumerate(spec.columns) for a in c.aliases}
    taken = set(matched)
    for i, key in enumerate(keys):
        j = alias_of.get(key[-1]) if key and matched[i] is None else None
        if j is not None and j not in taken:
            matched[i] = j
            taken.add(j)
    return matched


def header_paths(cells: pd.DataFrame, first: int, last: int) -> list[tuple[str, ...]]:
    """Header rows first..last (positions) → one path per column, merged cells filled in."""
    grid = cells.to_numpy()
    width = cells.shape[1]
    paths: list[list[str]] = [[] for _ in range(width)]
    for r in range(first, last + 1):
        for c in range(width):
            value = grid[r, c]
            text = str(value).strip() if isinstance(value, str) and value.strip() else ""
            if not text:
                same_parent = c > 0 and paths[c - 1][: r - first] == paths[c][: r - first]
                if same_parent and paths[c - 1][r - first]:
                    text = paths[c - 1][r - first]
                elif r > first:
                    text = paths[c][r - first - 1]
            paths[c].append(text)
    return [tuple(p) for p in paths]
