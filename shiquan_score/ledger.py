"""Ledger rows → canonical adoption events, every row's fate, and the problems table.

Every ledger row ends in exactly one place: 计分 (scored), 不在本期, 重复 or 有问题.
Cells are checked once per distinct text, and the results joined back onto the rows.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pandas as pd

from shiquan_score.dates import OK, parse_dates
from shiquan_score.period import Period
from shiquan_score.scheme import Scheme
from shiquan_score.text import has_word, norm_arrow, norm_many
from shiquan_score.vocabulary import Vocabulary

ERROR, NOT_SCORED, INFO = "错误", "未计分", "提示"
SCORED, OUT, DUP, PROBLEM = "计分", "不在本期", "重复", "有问题"
PROBLEM_COLUMNS = ["where", "row", "column", "value", "level", "code", "message"]
_NO_TITLE = ("title", "", "标题为空", "标题为空，无法判断是否同一条信息，请补上标题")
_DATE_MESSAGES = {
    "blank": "日期为空，无法判断属于哪一期，请补上采用日期",
    "ambiguous": "日期“{v}”有歧义（月和日分不清），请写成 2020-10-12 或 2020年10月12日",
    "bad": "日期“{v}”无法识别，请写成 2020-10-12 或 2020年10月12日",
}


@dataclass
class Ledger:
    rows: pd.DataFrame  # one per ledger row, with status and reason
    events: pd.DataFrame  # one per scored (row, unit, channel), with share and item keys
    problems: pd.DataFrame  # PROBLEM_COLUMNS, sorted by where and row
    history: pd.DataFrame | None = None  # valid events earlier in the same year (research best-of)


def _text(col: pd.Series) -> pd.Series:
    if isinstance(col.dtype, pd.CategoricalDtype):
        col = col.astype(object)
    return col.fillna("").astype(str)


@dataclass
class _Codes:
    """The distinct unit sets and kinds the rows point to by integer code.

    A million rows name a few thousand unit sets and a few hundred (category, channels)
    kinds: per-row columns hold codes, the tuples live here once.
    """

    unit_sets: list[tuple[str, ...]]  # per unit set: its units in the order written
    set_key: np.ndarray  # per unit set: code of its units in any order (the same item)
    keys: list[str]  # per key code: the units sorted and joined, e.g. 统计局、财政局
    channels: list[tuple[str, ...]]  # per kind: its channels


def _objects(items: list) -> np.ndarray:
    """A 1-d object array of `items` (tuples stay elements, never become a 2-d array)."""
    out = np.empty(len(items), dtype=object)
    for i, item in enumerate(items):
        out[i] = item
    return out


def _analysed(rows: pd.DataFrame, vocab: Vocabulary) -> tuple[pd.DataFrame, _Codes]:
    """unit_set, kind, category_name, issues and repeated for every row.

    A 单位 cell is looked up once per distinct text, 类别 and 采用渠道 once per distinct pair,
    and the combination once per distinct (unit set, kind): a big ledger holds a few
    thousand of each, however many rows it has. Rows with issues or repeats (few) get
    their own tuples; every other row shares the empty one.
    """
    unit_ids, unit_texts = _distinct(rows["unit"])
    per_text = [vocab.units_of(text) for text in unit_texts]
    text_set, set_index = pd.factorize(pd.Series(_objects([u[0] for u in per_text])))
    unit_sets = list(set_index)
    key_of_set, keys = pd.factorize(pd.Series(["、".join(sorted(u)) for u in unit_sets]))
    cat_ids, cats = _distinct(rows["category"])
    chan_ids, chans = _distinct(rows["channel"])
    kind_ids, kinds = pd.factorize(cat_ids.astype(np.int64) * len(chans) + chan_ids)
    per_kind = [vocab.kind_of(cats[k // len(chans)], chans[k % len(chans)]) for k in kinds]
    out = pd.DataFrame(index=rows.index)
    out["unit_set"] = text_set[unit_ids]
    out["kind"] = kind_ids
    categories = pd.array([k[0] for k in per_kind], dtype="str")
    out["category_name"] = categories.take(kind_ids)

    n_issues = (
        _lengths([u[1] for u in per_text])[unit_ids] + _lengths([k[2] for k in per_kind])[kind_ids]
    )
    issues = _empties(len(rows))
    for i in np.flatnonzero(n_issues):  # rows with a problem: few, and each reported anyway
        issues[i] = per_text[unit_ids[i]][1] + per_kind[kind_ids[i]][2]
    # A row may still pair a channel with no weight, or name a unit whose table lacks the
    # column: told apart by bit masks of tables (per unit set, per kind) for all rows at once;
    # the messages are written only for the pairs that lack something.
    has_category = np.array([k[0] is not None for k in per_kind], dtype=bool)
    set_tables = np.array([vocab.tables_mask(u) for u in unit_sets], dtype=np.int64)
    kind_tables = np.array([vocab.columns_mask(k[0], k[1]) for k in per_kind], dtype=np.int64)
    row_sets = text_set[unit_ids]
    lacking = (n_issues == 0) & has_category[kind_ids]
    lacking &= (set_tables[row_sets] & ~kind_tables[kind_ids]) != 0
    lacking_rows = np.flatnonzero(lacking)
    if len(lacking_rows):
        pairs = row_sets[lacking_rows].astype(np.int64) * len(kinds) + kind_ids[lacking_rows]
        pair_ids, distinct = pd.factorize(pairs)
        found = [
            vocab.columns_of(unit_sets[p // len(kinds)], *per_kind[p % len(kinds)][:2])
            for p in distinct
        ]
        for i, p in zip(lacking_rows, pair_ids, strict=True):
            issues[i] = found[p]
        n_issues[lacking_rows] = _lengths(found)[pair_ids]
    out["issues"] = issues
    out["n_issues"] = n_issues

    repeated = _empties(len(rows))
    n_repeated = (
        _lengths([u[2] for u in per_text])[unit_ids] + _lengths([k[3] for k in per_kind])[kind_ids]
    )
    for i in np.flatnonzero(n_repeated):
        repeated[i] = per_text[unit_ids[i]][2] + per_kind[kind_ids[i]][3]
    out["repeated"] = repeated
    out["n_repeated"] = n_repeated
    codes = _Codes(unit_sets, key_of_set, list(keys), [k[1] for k in per_kind])
    return out, codes


def _title_keys(titles: pd.Series) -> np.ndarray:
    """Equal titles (by norm, without a final 。), equal integer codes; far lighter than strings
    through two explodes. One path for the whole ledger: earlier quarters' rows and this
    quarter's must agree on what "the same item" is."""
    if len(titles) < 5000:
        return pd.factorize(norm_many(titles).str.rstrip("。.．"))[0]
    import pyarrow as pa
    import pyarrow.compute as pc

    trimmed = pc.utf8_rtrim(norm_arrow(titles), characters="。.．")
    if trimmed.nbytes < 2**31 - 1:  # 32-bit offsets hash faster (0.34 s against 0.58 at 1M rows)
        trimmed = trimmed.cast(pa.string())
    encoded = pc.dictionary_encode(trimmed)
    # Several sheets concatenated are several chunks; they share one dictionary.
    chunks = encoded.chunks if isinstance(encoded, pa.ChunkedArray) else [encoded]
    codes = [chunk.indices.to_numpy(zero_copy_only=False) for chunk in chunks]
    return np.concatenate(codes).astype(np.int64) if codes else np.zeros(0, np.int64)


def _distinct(col: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Codes of a column's cells and the distinct texts, stripped; a blank cell is ""."""
    codes, values = pd.factorize(col)
    texts = [str(v).strip() for v in values] + [""]
    return np.where(codes < 0, len(values), codes), texts


def _lengths(tuples: list[tuple]) -> np.ndarray:
    return np.fromiter((len(t) for t in tuples), dtype=np.int64, count=len(tuples))


def _empties(n: int) -> np.ndarray:
    """n references to the one empty tuple."""
    out = np.empty(n, dtype=object)
    out.fill(())
    return out


def _is_total(rows: pd.DataFrame, scheme: Scheme) -> pd.Series:
    """A 合计/小计 row (also `10月小计`): the word in the first column, the unit or the date
    cell, or alone as the title (a title may well contain 合计)."""
    words = scheme.total_words
    total = has_word(rows["title"], words, exact=True)
    for col in ["lead", "unit", "date_raw"]:
        total |= has_word(rows[col], words)
    return total


def _problem_frame(rows: pd.DataFrame, column, value, level, code, message) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "where": rows["where"].to_numpy(),
            "row": rows["row"].to_numpy(),
            "column": column,
            "value": value,
            "level": level,
            "code": code,
            "message": message,
        }
    )


def normalise(rows: pd.DataFrame, scheme: Scheme, period: Period) -> Ledger:
    """Ledger rows → (rows with status, scored events, problems). Nothing is dropped."""
    rows = rows.reset_index(drop=True).rename(columns={"date": "date_raw"})
    headers = rows.attrs.get("headers", {})
    vocab = Vocabulary(scheme)
    with ThreadPoolExecutor(max_workers=1) as pool:
        # A big ledger's titles are normalised in Arrow, which releases the GIL: on a second
        # core while the cells are looked up here.
        title_keys = pool.submit(_title_keys, rows["title"])
        analysed, codes = _analysed(rows, vocab)
    rows = rows.join(analysed)
    rows = rows.join(parse_dates(rows["date_raw"]))
    # Every subset below copies each column: keep repetitive text as categories (cheap to take).
    for col in ("where", "date_raw"):
        rows[col] = rows[col].astype("category")

    untitled = _text(rows["title"]).str.strip() == ""
    rows.loc[untitled, "issues"] = rows.loc[untitled, "issues"].map(
        lambda found: (*found, _NO_TITLE)
    )
    rows.loc[untitled, "n_issues"] += 1

    total = _is_total(rows, scheme)
    rows = rows.drop(
        columns=["unit", "category", "channel", "remark", "source", "sheet", "lead"],
        errors="ignore",
    )
    bad_date = ~total & (rows["date_status"] != OK)
    dated = ~total & ~bad_date
    day = pd.to_datetime(rows["date"].where(dated, None))
    in_period = dated & day.between(pd.Timestamp(period.start), pd.Timestamp(period.end))
    out = dated & ~in_period
    broken = in_period & rows["n_issues"].gt(0)
    rows["status"] = SCORED
    rows.loc[total | bad_date | broken, "status"] = PROBLEM
    rows.loc[out, "status"] = OUT
    rows["reason"] = ""
    rows.loc[total, "reason"] = "合计行，不是采用记录，未计分"
    rows.loc[out, "reason"] = "不在本期（" + period.label + "）"

    problems = [
        _problem_frame(rows[total], "", "", NOT_SCORED, "合计行", rows.loc[total, "reason"]),
        _date_problems(rows[bad_date], headers.get("date", "日期")),
        _issue_problems(rows[broken], headers),
        _out_of_period(rows[out], headers.get("date", "日期"), period),
        _repeated_in_cell(rows[rows["n_repeated"].gt(0) & (rows["status"] == SCORED)]),
        _problem_frame(
            rows[rows["hidden"] & (rows["status"] == SCORED)],
            "",
            "",
            INFO,
            "隐藏行",
            "该行在 Excel 中被隐藏，已照常计分，请确认",
        ),
    ]
    year_start = pd.Timestamp(period.year, 1, 1)
    earlier = out & (day >= year_start) & rows["n_issues"].eq(0)
    # Only what scoring and the 明细 sheet need goes on: every column is copied per event.
    rows["date_status"] = rows["date_status"].astype("category")
    rows["title_key"] = title_keys.result()
    keep = ["where", "row", "date", "title_key", "unit_set", "category_name", "kind"]
    history = _explode_units(
        _explode_channels(rows.loc[earlier & (day < pd.Timestamp(period.start)), keep], codes),
        codes,
    )
    events, dup_rows, dup_problems = _dedup(rows.loc[rows["status"] == SCORED, keep], codes)
    rows.loc[dup_rows.index, "status"] = DUP
    rows.loc[dup_rows.index, "reason"] = dup_rows
    problems.append(dup_problems)
    found = [p for p in problems if len(p)]
    problem_table = (
        pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=PROBLEM_COLUMNS)
    )
    problem_table = problem_table.sort_values(["where", "row"], kind="stable", ignore_index=True)
    events = _explode_units(events, codes)
    # The title rides along only once, at the end: by the position of its ledger row.
    events.insert(3, "title", rows["title"].array.take(events.pop("pos").to_numpy()))
    history = history.drop(columns="pos")
    rows = rows[["where", "row", "status", "reason"]]
    return Ledger(rows=rows, events=events, problems=problem_table, history=history)


def _repeated_in_cell(rows: pd.DataFrame) -> pd.DataFrame:
    """`财政局、财政局` or `部门动态、部门动态`: counted once, and said so (maybe a typo)."""
    parts = rows["repeated"].map("、".join)
    message = "同一格里“" + parts + "”写了两次，只计一次；如是笔误请改正台账"
    return _problem_frame(rows, "", parts, INFO, "重复", message)


def _out_of_period(out: pd.DataFrame, header: str, period: Period) -> pd.DataFrame:
    """One line per run of consecutive out-of-period rows: a year's ledger stays readable."""
    if out.empty:
        return _problem_frame(out, header, "", NOT_SCORED, "不在本期", "")
    where, row = out["where"], out["row"]
    starts = (where != where.shift()) | (row != row.shift() + 1)
    run = starts.cumsum()
    runs = (
        out.assign(run=run)
        .groupby("run", sort=False)
        .agg(
            where=("where", "first"),
            row=("row", "first"),
            last=("row", "last"),
            first_date=("date", "first"),
            n=("row", "size"),
        )
    )
    single = runs["n"] == 1
    message = (
        "不在本期（"
        + period.label
        + "）：第"
        + runs["row"].astype(str)
        + "行至第"
        + runs["last"].astype(str)
        + "行，共"
        + runs["n"].astype(str)
        + "行"
    )
    message[single] = "不在本期（" + period.label + "）"
    value = runs["first_date"].map(lambda d: d.isoformat()).where(single, "")
    return _problem_frame(runs, header, value, NOT_SCORED, "不在本期", message)


def _date_problems(bad: pd.DataFrame, header: str) -> pd.DataFrame:
    values = _text(bad["date_raw"])
    messages = [
        _DATE_MESSAGES[s].format(v=v) for s, v in zip(bad["date_status"], values, strict=True)
    ]
    return _problem_frame(bad, header, values, ERROR, "日期有误", messages)


def _issue_problems(broken: pd.DataFrame, headers: dict) -> pd.DataFrame:
    flat = broken[["where", "row", "issues"]].explode("issues")
    parts = pd.DataFrame(
        flat["issues"].tolist(), columns=["field", "value", "code", "message"], index=flat.index
    )
    columns = parts["field"].map(lambda f: headers.get(f, f))
    return _problem_frame(
        flat,
        columns.to_numpy(),
        parts["value"].to_numpy(),
        ERROR,
        parts["code"].to_numpy(),
        parts["message"].to_numpy(),
    )


def _explode_channels(rows: pd.DataFrame, codes: _Codes) -> pd.DataFrame:
    """One event per channel of a row, with the code of its units in any order (the same
    item). The row's label (its position in the ledger) is kept as the event's label."""
    kind = rows["kind"].to_numpy()
    per_kind = _lengths(codes.channels)
    counts = per_kind[kind]
    if (counts == 0).any():  # such a row carries an issue and is never scored: a bug
        raise AssertionError("a scored row without a channel")
    events = rows.take(np.repeat(np.arange(len(rows)), counts))
    flat = pd.array([c for channels in codes.channels for c in channels], dtype="str")
    first = np.cumsum(per_kind) - per_kind  # where each kind's channels start in `flat`
    nth = np.arange(len(events)) - np.repeat(np.cumsum(counts) - counts, counts)
    events["channel_name"] = flat.take(first[kind].repeat(counts) + nth)
    events["units_key"] = codes.set_key[events["unit_set"].to_numpy()]
    return events.drop(columns="kind")


def _dedup(scored: pd.DataFrame, codes: _Codes) -> tuple[pd.DataFrame, pd.Series, pd.DataFrame]:
    """Same unit(s), title and channel twice → count once; report every repeat."""
    events = _explode_channels(scored, codes)
    channel = pd.factorize(events["channel_name"])[0].astype(np.int64)
    titles = int(events["title_key"].max()) + 1 if len(events) else 1
    item = (events["units_key"].to_numpy(np.int64) * titles + events["title_key"].to_numpy()) * (
        int(channel.max()) + 1 if len(channel) else 1
    ) + channel
    key = pd.Series(item, index=events.index)
    involved = key.duplicated(keep=False)
    repeat = involved & key.duplicated(keep="first")
    # Only events with a twin need the "与第N行重复" note: a big ledger has few of them.
    twins = events[involved]
    twin_key = key[involved]
    first_row = twins.groupby(twin_key, sort=False)["row"].transform("first")[repeat[involved]]
    first_where = twins.groupby(twin_key, sort=False)["where"].transform("first")[repeat[involved]]
    dup_events = events[repeat]
    first_where = first_where.astype(str)
    origin = ("第" + first_row.astype(str) + "行").where(
        first_where == dup_events["where"].astype(str),
        first_where + " 第" + first_row.astype(str) + "行",
    )
    note = "与" + origin + "重复（单位、标题、渠道相同），只计一次"
    whole = repeat.groupby(level=0).all()
    dup_rows = note.groupby(level=0).first().reindex(whole[whole].index)
    level = [NOT_SCORED if whole[i] else INFO for i in dup_events.index]
    problems = _problem_frame(dup_events, "", dup_events["channel_name"], level, "重复", note)
    return _keyed(events[~repeat], codes), dup_rows, problems


def _keyed(events: pd.DataFrame, codes: _Codes) -> pd.DataFrame:
    """units_key as the text scoring and the 明细 sheet know: 统计局、财政局."""
    keys = pd.array(codes.keys, dtype="str")
    return events.assign(units_key=keys.take(events["units_key"].to_numpy()))


def _explode_units(events: pd.DataFrame, codes: _Codes) -> pd.DataFrame:
    """One event per unit; a joint item gives each of its n units 1/n of count and points."""
    if events["units_key"].dtype.kind in "iu":  # history comes here without _dedup
        events = _keyed(events, codes)
    unit_set = events["unit_set"].to_numpy()
    per_set = _lengths(codes.unit_sets)
    counts = per_set[unit_set]
    if (counts == 0).any():
        raise AssertionError("a scored row without a unit")
    out = events.take(np.repeat(np.arange(len(events)), counts))
    flat = pd.array([u for units in codes.unit_sets for u in units], dtype="str")
    first = np.cumsum(per_set) - per_set
    nth = np.arange(len(out)) - np.repeat(np.cumsum(counts) - counts, counts)
    out["unit_name"] = flat.take(first[unit_set].repeat(counts) + nth)
    out["share"] = 1.0 / counts.repeat(counts)
    out["pos"] = out.index  # the ledger row's position, kept through the explodes
    return out.drop(columns="unit_set").reset_index(drop=True)
