"""Rows that close a ledger rather than record an adoption: 合计/小计 and signature footers."""

from __future__ import annotations

import functools
import operator
import re

import pandas as pd

from shiquan_score.normalise.text import marked, norm
from shiquan_score.scheme.loader import Scheme


def _text(col: pd.Series) -> pd.Series:
    if isinstance(col.dtype, pd.CategoricalDtype):
        col = col.astype(object)
    return col.fillna("").astype(str)


@functools.lru_cache(maxsize=8)
def closing_patterns(totals: frozenset[str], footers: frozenset[str]):
    """(prefilter, pattern) of a totals cell (合计, 10月小计, 合计：35条) and of a signature
    footer cell (制表人：张三, 审核：), and the pattern of a cell a totals row may hold
    instead of a unit or title (blank, a count)."""
    alternatives = {
        key: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
        for key, words in (("total", totals), ("footer", footers))
    }
    count = r"共?\d+(?:\.\d+)?[条项篇个分]?"
    total = re.compile(f".{{0,6}}?(?:{alternatives['total']}):?(?:{count})?")
    footer = re.compile(f"(?:{alternatives['footer']})(?::.*)?")
    # The prefilters run on the raw text (spaces in 总 计 not yet removed), in Arrow's RE2,
    # whose \s is ASCII only.
    space = "[\\s\u3000\u00a0]*"
    total_filter = "|".join(f"{space.join(re.escape(ch) for ch in w)}" for w in sorted(totals))
    firsts = "".join(sorted({w[0] for w in footers}))
    return (
        (total_filter or "(?!)", total),
        (f"^{space}[{re.escape(firsts)}]" if firsts else "(?!)", footer),
        re.compile(f"(?:{count})?"),
    )


def closing_rows(rows: pd.DataFrame, scheme: Scheme) -> tuple[pd.Series, pd.Series]:
    """合计/小计 rows and signature footers (制表人：…, 审核：…): a row whose first column,
    unit, date or title cell IS such a word (`10月小计`), with no real unit and no real
    title. A title that mentions one (招商引资合计签约12亿元, 总计划投资) is a title."""
    (total_filter, total), (footer_filter, footer), count = closing_patterns(
        scheme.total_words, scheme.footer_words
    )
    columns = [c for c in ("lead", "unit", "date_raw", "title") if c in rows]
    is_total = {c: marked(rows[c], total_filter, total) for c in columns}
    is_footer = {c: marked(rows[c], footer_filter, footer) for c in columns}
    any_total = functools.reduce(operator.or_, is_total.values())
    any_footer = functools.reduce(operator.or_, is_footer.values())
    candidate = any_total | any_footer
    if candidate.any():
        for c in ("unit", "title"):
            text = _text(rows.loc[candidate, c]).map(norm)
            filler = text.map(lambda t: count.fullmatch(t) is not None)
            filler |= is_total[c][candidate] | is_footer[c][candidate]
            candidate.loc[candidate] = filler.to_numpy(dtype=bool)
    return candidate & any_total, candidate & ~any_total


def closing_cells(values: pd.Series, scheme: Scheme) -> pd.Series:
    """Cells that are a totals word or a signature footer, whatever the rest of the row."""
    (total_filter, total), (footer_filter, footer), _ = closing_patterns(
        scheme.total_words, scheme.footer_words
    )
    return marked(values, total_filter, total) | marked(values, footer_filter, footer)
