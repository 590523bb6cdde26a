"""Is this sheet an official table? Its title matched against the scheme's title templates.

A title names its table and year (石泉县2020年信息采用情况统计表（部门）); a title without its
table's bracket is told by the sheet's units when the sheet has a 累计 header.
"""

from __future__ import annotations

import re

import pandas as pd

from shiquan_score.messages import msg
from shiquan_score.normalise.text import norm
from shiquan_score.read.sheets import RawSheet
from shiquan_score.scheme.loader import Scheme
from shiquan_score.scheme.vocabulary import Vocabulary

_TITLE_SCAN_ROWS = 12


def _title_pattern(template: str, county: str) -> re.Pattern:
    """A title template as a pattern: {year} captured, {months} any months (7-9月, 三季度)."""
    parts = re.split(r"(\{county\}|\{year\}|\{months\})", norm(template))
    regex = "".join(
        re.escape(county)
        if p == "{county}"
        else r"(?P<year>\d{4})"
        if p == "{year}"
        else r".{0,12}?"
        if p == "{months}"
        else re.escape(p)
        for p in parts
    )
    return re.compile(regex)


def identify(raw: RawSheet, scheme: Scheme) -> tuple[str, int, int] | None:
    """(table key, year, title row position) when this sheet is an official table.

    A title matching several tables' titles (one a prefix of another) is the longest one's.
    A title without its table's bracket (石泉县2021年信息采用情况统计表, no （部门）) is an
    official table when the sheet has a 累计 header; its units then say which table it is.
    """
    top = raw.cells.head(_TITLE_SCAN_ROWS)
    county = norm(scheme.county)
    full = {k: _title_pattern(t.title, county) for k, t in scheme.tables.items()}
    stems = {k: _title_pattern(_stem(t.title), county) for k, t in scheme.tables.items()}
    texts = [
        (pos, norm(value))
        for pos, values in enumerate(top.itertuples(index=False, name=None))
        for value in values
        if isinstance(value, str)
    ]
    for pos, text in texts:
        hits = [
            (len(scheme.tables[k].title), k, m)
            for k, p in full.items()
            if (m := p.search(text)) and _is_title(text, m)
        ]
        if hits:
            _, key, match = max(hits, key=lambda h: h[0])
            return key, int(match.group("year")), pos
    for pos, text in texts:
        match = next(
            (m for p in stems.values() if (m := p.search(text)) and _is_title(text, m)), None
        )
        if match and _has_total_header(texts, scheme):
            key = _table_by_units(raw, scheme)
            if key is not None:
                return key, int(match.group("year")), pos
    return None


# What may stand beside the table's title in its cell: 附件2 before it, a note in brackets
# after it. A ledger's news title that quotes the table (我县《…统计表（部门）》印发) is not one.
_BEFORE_TITLE = re.compile(r"(?:附件\d{0,2}[:：]?)?")
_AFTER_TITLE = re.compile(r"(?:[(（][^()（）]{0,20}[)）]){0,2}[。.]?")


def _is_title(text: str, match: re.Match) -> bool:
    return bool(
        _BEFORE_TITLE.fullmatch(text[: match.start()])
        and _AFTER_TITLE.fullmatch(text[match.end() :])
    )


def _stem(title: str) -> str:
    """A title template without its last bracketed part: …统计表（部门） → …统计表."""
    cut = max(title.rfind("（"), title.rfind("("))
    return title[:cut] if cut > 0 and title.rstrip().endswith(("）", ")")) else title


def _has_total_header(texts: list[tuple[int, str]], scheme: Scheme) -> bool:
    words = {
        norm(w)
        for spec in scheme.tables.values()
        for c in spec.columns
        if c.value == "total"
        for w in (c.header[-1], *c.aliases)
    }
    return any(text in words for _, text in texts)


def _table_by_units(raw: RawSheet, scheme: Scheme) -> str | None:
    """The table most of the sheet's unit names belong to; None if none or a tie."""
    vocab = Vocabulary(scheme)
    table_of = dict(zip(scheme.units["unit"], scheme.units["table"], strict=True))
    names = pd.unique(raw.cells.to_numpy().ravel())
    found = pd.Series(
        [table_of[u] for v in names if isinstance(v, str) and (u := vocab.unit(v))], dtype=object
    ).value_counts()
    if found.empty or (len(found) > 1 and found.iloc[0] == found.iloc[1]):
        return None
    return str(found.index[0])


def title_notice(raw: RawSheet, scheme: Scheme, found: tuple[str, int, int]) -> str | None:
    """A notice when the table was told by its units because its title names no table."""
    key, _, pos = found
    if pos < 0:  # our own workbook, told by its mark
        return None
    spec = scheme.tables[key]
    county = norm(scheme.county)
    row = [v.strip() for v in raw.cells.iloc[pos] if isinstance(v, str)]
    if any(_title_pattern(spec.title, county).search(norm(v)) for v in row):
        return None
    stem = _title_pattern(_stem(spec.title), county)
    title = next((v for v in row if stem.search(norm(v))), "")
    return msg(
        "PREV_TITLE_GUESSED", where=raw.where, title=title, attachment=spec.attachment, table=key
    )
