"""What the 单位, 类别, 采用渠道 and 标题 cells say, as integer codes per row.

A million-row ledger names a few thousand distinct unit cells and a few hundred distinct
(类别, 采用渠道) pairs: each is looked up once, and the rows hold codes into `Codes`. The
events (one per row, channel and unit) are spread from those codes with numpy, not by
exploding lists row by row.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from shiquan_score.normalise.text import ARROW_ROWS, arrow_text, norm_arrow_array, norm_many
from shiquan_score.scheme.vocabulary import Vocabulary

_FINAL_STOPS = "。.．"


@dataclass
class Codes:
    """The distinct unit sets and kinds the rows point to by integer code."""

    unit_sets: list[tuple[str, ...]]  # per unit set: its units in the order written
    set_key: np.ndarray  # per unit set: code of its units in any order (the same item)
    keys: list[str]  # per key code: the units sorted and joined, e.g. 统计局、财政局
    channels: list[tuple[str, ...]]  # per kind: its channels


def analyse(rows: pd.DataFrame, vocab: Vocabulary) -> tuple[pd.DataFrame, Codes]:
    """unit_set, kind, category_name, issues and repeated for every row.

    A 单位 cell is looked up once per distinct text, 类别 and 采用渠道 once per distinct pair,
    and their combination once per distinct (unit set, kind). Rows with issues or repeats
    (few) get their own tuples; every other row shares the empty one.
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
    row_sets = text_set[unit_ids]
    out = pd.DataFrame(index=rows.index)
    out["unit_set"] = row_sets
    out["kind"] = kind_ids
    out["category_name"] = pd.array([k[0] for k in per_kind], dtype="str").take(kind_ids)

    n_issues = (
        _lengths([u[1] for u in per_text])[unit_ids] + _lengths([k[2] for k in per_kind])[kind_ids]
    )
    issues = _empties(len(rows))
    for i in np.flatnonzero(n_issues):  # rows with a problem: few, and each reported anyway
        issues[i] = per_text[unit_ids[i]][1] + per_kind[kind_ids[i]][2]
    # A valid row may still pair a channel with no weight, or name a unit whose table lacks
    # the column: asked once per distinct (unit set, kind).
    has_category = np.array([k[0] is not None for k in per_kind], dtype=bool)
    valid = np.flatnonzero((n_issues == 0) & has_category[kind_ids])
    if len(valid):
        pair_ids, pairs = pd.factorize(
            row_sets[valid].astype(np.int64) * len(kinds) + kind_ids[valid]
        )
        found = [
            vocab.columns_of(unit_sets[p // len(kinds)], *per_kind[p % len(kinds)][:2])
            for p in pairs
        ]
        n_issues[valid] = _lengths(found)[pair_ids]
        for i, p in zip(valid[n_issues[valid] > 0], pair_ids[n_issues[valid] > 0], strict=True):
            issues[i] = found[p]
    out["issues"] = issues
    out["n_issues"] = n_issues

    n_repeated = (
        _lengths([u[2] for u in per_text])[unit_ids] + _lengths([k[3] for k in per_kind])[kind_ids]
    )
    repeated = _empties(len(rows))
    for i in np.flatnonzero(n_repeated):
        repeated[i] = per_text[unit_ids[i]][2] + per_kind[kind_ids[i]][3]
    out["repeated"] = repeated
    out["n_repeated"] = n_repeated
    return out, Codes(unit_sets, key_of_set, list(keys), [k[1] for k in per_kind])


def title_keys(titles: pd.Series) -> np.ndarray:
    """Equal titles (by norm, without a final 。), equal integer codes; far lighter than
    strings through the events. One path for a whole ledger: earlier quarters' rows and this
    quarter's must agree on what "the same item" is."""
    if len(titles) < ARROW_ROWS:
        return pd.factorize(norm_many(titles).str.rstrip(_FINAL_STOPS))[0]
    return arrow_title_keys(arrow_text(titles))


def title_texts(titles: pd.Series) -> pd.Series:
    """The text title_keys() compares: normalised, without a final 。 (for a few titles, such
    as the research items of last quarter's record, matched against this quarter's)."""
    return norm_many(titles).str.rstrip(_FINAL_STOPS)


def arrow_title_keys(titles) -> np.ndarray:
    """title_keys() of a pyarrow array. Touches no pandas object: safe on a second thread."""
    import pyarrow as pa
    import pyarrow.compute as pc

    trimmed = pc.utf8_rtrim(norm_arrow_array(titles), characters=_FINAL_STOPS)
    if trimmed.nbytes < 2**31 - 1:  # 32-bit offsets hash faster (0.34 s against 0.58 at 1M rows)
        trimmed = trimmed.cast(pa.string())
    encoded = pc.dictionary_encode(trimmed)  # codes in order of first appearance
    # Several sheets concatenated are several chunks; they share one dictionary.
    chunks = encoded.chunks if isinstance(encoded, pa.ChunkedArray) else [encoded]
    codes = [chunk.indices.to_numpy(zero_copy_only=False) for chunk in chunks]
    return np.concatenate(codes).astype(np.int64) if codes else np.zeros(0, np.int64)


def by_channel(rows: pd.DataFrame, codes: Codes) -> pd.DataFrame:
    """One event per channel of a row, with channel_name and the code of its units in any
    order (units_key). The row's label is kept as the event's label."""
    kind = rows["kind"].to_numpy()
    take, names = _spread(kind, codes.channels, "a scored row without a channel")
    events = rows.take(take)
    events["channel_name"] = names
    events["units_key"] = codes.set_key[events["unit_set"].to_numpy()]
    return events.drop(columns="kind")


def by_unit(events: pd.DataFrame, codes: Codes) -> pd.DataFrame:
    """One event per unit; a joint item gives each of its n units 1/n of count and points.
    `pos` keeps the ledger row's label; units_key becomes its text (统计局、财政局)."""
    unit_set = events["unit_set"].to_numpy()
    take, unit_name = _spread(unit_set, codes.unit_sets, "a scored row without a unit")
    out = events.take(take)
    out["units_key"] = pd.array(codes.keys, dtype="str").take(out["units_key"].to_numpy())
    out["unit_name"] = unit_name
    out["share"] = 1.0 / _lengths(codes.unit_sets)[unit_set[take]]
    out["pos"] = out.index
    return out.drop(columns="unit_set").reset_index(drop=True)


def _spread(code: np.ndarray, tuples: list[tuple[str, ...]], empty: str):
    """Rows repeated once per item of their code's tuple: (positions to take, the items)."""
    per_code = _lengths(tuples)
    counts = per_code[code]
    if (counts == 0).any():  # such a row carries an issue and is never scored: a bug
        raise AssertionError(empty)
    flat = pd.array([item for items in tuples for item in items], dtype="str")
    first = np.cumsum(per_code) - per_code  # where each code's items start in `flat`
    nth = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    return np.repeat(np.arange(len(code)), counts), flat.take(first[code].repeat(counts) + nth)


def combinations(columns: list) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the number of its combination of values (numbered in order of appearance),
    and the position of each combination's first row. Any column dtype: factorize only.

    The columns' codes are packed into one integer (renumbered whenever the next column
    could make it overflow), and that integer is factorized once at the end.
    """
    key, size = np.zeros(len(columns[0]), dtype=np.int64), 1
    for column in columns:
        codes, uniques = pd.factorize(column)  # a missing value is -1: one more value
        base = len(uniques) + 1
        if size * base >= 2**63:
            key, uniques = pd.factorize(key)
            size = len(uniques)
        key, size = key * base + (codes + 1), size * base
    key, _ = pd.factorize(key)
    first = np.flatnonzero(~pd.Series(key).duplicated().to_numpy())
    return key, first


def _distinct(col: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Codes of a column's cells and the distinct texts, stripped; a blank cell is ""."""
    codes, values = pd.factorize(col)
    texts = [str(v).strip() for v in values] + [""]
    return np.where(codes < 0, len(values), codes), texts


def _objects(items: list) -> np.ndarray:
    """A 1-d object array of `items` (tuples stay elements, never become a 2-d array)."""
    out = np.empty(len(items), dtype=object)
    for i, item in enumerate(items):
        out[i] = item
    return out


def _lengths(tuples: list[tuple]) -> np.ndarray:
    return np.fromiter((len(t) for t in tuples), dtype=np.int64, count=len(tuples))


def _empties(n: int) -> np.ndarray:
    """n references to the one empty tuple."""
    out = np.empty(n, dtype=object)
    out.fill(())
    return out
