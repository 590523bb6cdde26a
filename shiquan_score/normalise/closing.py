"""Rows that close a ledger rather than record an adoption: 合计/小计 and signature footers."""

from __future__ import annotations

import functools
import operator
import re

import numpy as np
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
    # The prefilters run on the raw text (spaces in 总 计 not yet removed, full-width
    # digits not yet folded) in Arrow's RE2: a cell ending in a totals word and maybe a
    # count; a cell starting with the first character of a footer word.
    space = "[\\s\u3000\u00a0]*"
    spaced = "|".join(space.join(re.escape(ch) for ch in w) for w in sorted(totals))
    tail = "[\\s\u3000:：共0-9０-９.．条项篇个分]*"
    ending = f"^.{{0,12}}(?:{spaced}){tail}$"
    firsts = "".join(sorted({w[0] for w in footers}))
    start = f"^{space}[{re.escape(firsts)}]"

    lasts = sorted({w[-1] for w in totals})

    def total_filter(arrow):
        """A literal search for 计 first (fast), the regex only where it is found."""
        import pyarrow as pa
        import pyarrow.compute as pc

        found = np.zeros(len(arrow), dtype=bool)
        if lasts:
            has = functools.reduce(pc.or_, [pc.match_substring(arrow, ch) for ch in lasts])
            at = np.flatnonzero(has.to_numpy(zero_copy_only=False))
            if len(at):
                sure = pc.match_substring_regex(pc.take(arrow, pa.array(at)), ending)
                found[at] = sure.to_numpy(zero_copy_only=False)
        return pa.array(found)

    def footer_filter(arrow):
        import pyarrow.compute as pc

        return (
            pc.match_substring_regex(arrow, start) if firsts else pc.less(pc.utf8_length(arrow), 0)
        )

    return (total_filter, total), (footer_filter, footer), re.compile(f"(?:{count})?")


def closing_rows(rows: pd.DataFrame, scheme: Scheme) -> tuple[pd.Series, pd.Series]:
    """合计/小计 rows and signature footers (制表人：…, 审核：…): a row whose first column,
    unit, date or title cell IS such a word (`10月小计`), with no real unit and no real
    title. A title that mentions one (招商引资合计签约12亿元, 总计划投资) is a title."""
    (total_filter, total), (footer_filter, footer), count = closing_patterns(
        scheme.total_words, scheme.footer_words
    )
    columns = [c for c in ("lead", "unit", "date_raw", "title") if c in rows]
    # A footer is looked for where clerks sign, not in the title column (long text, a
    # million rows): a title column that is the first column is looked at as "lead".
    is_total, is_footer = {}, {}
    for c in columns:
        tests = [(total_filter, total)] + ([(footer_filter, footer)] if c != "title" else [])
        found = marked(rows[c], tests)
        is_total[c] = found[0]
        is_footer[c] = found[1] if c != "title" else pd.Series(False, index=rows.index)
    any_total = functools.reduce(operator.or_, is_total.values())
    any_footer = functools.reduce(operator.or_, is_footer.values())
    candidate = any_total | any_footer
    if candidate.any():
        lead_marked = is_total.get("lead", False) | is_footer.get("lead", False)
        for c in ("unit", "title"):
            texts = [norm(t) for t in _text(rows.loc[candidate, c])]
            filler = np.array([count.fullmatch(t) is not None for t in texts], dtype=bool)
            filler |= (is_total[c][candidate] | is_footer[c][candidate]).to_numpy(dtype=bool)
            if "lead" in rows:  # the title column may be the first column: its footer is "lead"
                same = _text(rows.loc[candidate, c]) == _text(rows.loc[candidate, "lead"])
                filler |= (same & lead_marked[candidate]).to_numpy(dtype=bool)
            candidate.loc[candidate] = filler
    return candidate & any_total, candidate & ~any_total


def closing_cells(values: pd.Series, scheme: Scheme) -> pd.Series:
    """Cells that are a totals word or a signature footer, whatever the rest of the row."""
    (total_filter, total), (footer_filter, footer), _ = closing_patterns(
        scheme.total_words, scheme.footer_words
    )
    is_total, is_footer = marked(values, [(total_filter, total), (footer_filter, footer)])
    return is_total | is_footer
