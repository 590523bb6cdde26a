"""Read every column of an official table (ours or hand-made) by its header path.

The sheet arrives as a text grid: a merged cell's text stands in its top-left cell only, the
rest are blank. The header rows are flattened into paths such as 新闻动态/部门动态 by filling
each blank header cell from the left (same parent, so a horizontal merge) or else from above
(a vertical merge). Each path is then matched to a column of the scheme's table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from shiquan_score.errors import InputError
from shiquan_score.messages import msg
from shiquan_score.normalise.text import norm
from shiquan_score.period import months_to_quarter, names_period
from shiquan_score.read.sheets import RawSheet
from shiquan_score.scheme.loader import Scheme, TableSpec
from shiquan_score.scheme.vocabulary import Vocabulary

ZERO_MARKS = {"", "——", "—", "-", "－", "–", "0"}
NAME_WORDS = {"单位名称", "单位"}
_TITLE_SCAN_ROWS = 12
MAX_HEADER_ROWS = 6


@dataclass
class OfficialTable:
    """One official table as read: matched columns, one row per recognised unit."""

    table: str  # scheme table key
    where: str
    year: int
    quarter: int | None
    labels: dict[int, str]  # scheme column index → the column's header path as written
    unmatched: list[str]  # header paths that match no column of the scheme's table
    rows: pd.DataFrame  # index unit; columns: row (Excel row), name, and one per matched j
    unknown: list[tuple[int, str]] = field(default_factory=list)  # (Excel row, name)
    total_rows: list[tuple[int, str]] = field(default_factory=list)  # (Excel row, 合计)
    repeated: list[tuple[int, str, str]] = field(default_factory=list)  # (row, name, unit)
    repeated_rows: pd.DataFrame = field(default_factory=pd.DataFrame)  # their cells, like rows
    positions: dict[int, int] = field(default_factory=dict)  # scheme column j → sheet column


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


def name_words(spec: TableSpec) -> set[str]:
    """The name column's header, its aliases and 单位名称/单位, normalised."""
    column = next(c for c in spec.columns if c.value == "name")
    return NAME_WORDS | {norm(column.header[-1]), *(norm(a) for a in column.aliases)}


def _find_name_header(cells: pd.DataFrame, start: int, words: set[str]) -> tuple[int, int] | None:
    for r in range(start, min(start + 10, len(cells))):
        for c, value in enumerate(cells.iloc[r]):
            if isinstance(value, str) and norm(value) in words:
                return r, c
    return None


def read_official(raw: RawSheet, scheme: Scheme, found: tuple[str, int, int]) -> OfficialTable:
    """Find the header by 单位名称, flatten it, match columns, read each unit's cells."""
    key, year, title_pos = found
    spec = scheme.tables[key]
    cells = raw.cells
    grid = cells.to_numpy()
    at = _find_name_header(cells, max(title_pos, 0), name_words(spec))
    if at is None:
        raise InputError(msg("PREV_NO_NAME_HEADER", where=raw.where))
    header_row, name_col = at
    body = header_row + 1
    while body < min(len(cells), header_row + MAX_HEADER_ROWS) and not _text(grid[body, name_col]):
        body += 1
    paths = header_paths(cells, header_row, body - 1)
    quarter = next(
        (q for p in paths for part in p if (q := months_to_quarter(part, scheme.span)) is not None),
        None,
    )
    positions = [c for c, p in enumerate(paths) if any(p) and c != name_col]
    keys = [column_key(paths[c]) for c in positions]
    matched = match_columns(spec, keys)
    shown = [label(paths[c]) for c in positions]
    labels: dict[int, str] = {}
    unmatched: list[str] = []
    take: dict[int, int] = {}  # scheme column index → sheet column position
    for c, text, j in zip(positions, shown, matched, strict=True):
        if j is None or j in take or spec.columns[j].value == "name":
            unmatched.append(text)
        else:
            take[j], labels[j] = c, text
    vocab = Vocabulary(scheme)
    headings = {norm(c) for c in spec.classes}
    # The 备注 block under the table: 备注… as published, or the scheme's own first words.
    remarks = {"备注"} | ({norm(scheme.remarks.split("\n")[0])[:6]} if scheme.remarks else set())
    records, repeats, seen = [], [], {}
    table = OfficialTable(key, raw.where, year, quarter, labels, unmatched, pd.DataFrame())
    for r in range(body, len(cells)):
        name = _text(grid[r, name_col])
        if not name:
            continue
        if any(norm(name).startswith(head) for head in remarks if head):
            break
        unit = vocab.unit(name)
        excel_row = int(raw.rows[r])
        if unit is None and norm(name) in headings:  # 一类单位 above a block of units
            continue
        if unit is None and norm(name) in scheme.total_words:
            table.total_rows.append((excel_row, name))
            continue
        if unit is None:
            table.unknown.append((excel_row, name))
            continue
        record = {"unit": unit, "row": excel_row, "name": name} | {
            j: grid[r, c] for j, c in take.items()
        }
        if unit in seen:
            table.repeated.append((excel_row, name, unit))
            repeats.append(record)
            continue
        seen[unit] = excel_row
        records.append(record)
    columns = ["unit", "row", "name", *take]
    table.rows = pd.DataFrame(records, columns=columns).set_index("unit")
    table.repeated_rows = pd.DataFrame(repeats, columns=columns)
    table.positions = take
    return table


def _text(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    return "" if value is None or pd.isna(value) else str(value)


def cell_number(value: object) -> float | None:
    """A count or score cell → number (——, blank → 0); None when it holds words."""
    text = norm(_text(value))
    if text in ZERO_MARKS:
        return 0.0
    try:
        return float(text)
    except ValueError:
        return None
