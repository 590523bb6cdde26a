"""What the 单位, 类别, 采用渠道 and 标题 cells say, looked up once per distinct cell.

A million-row ledger names a few thousand distinct unit cells and a few hundred distinct
(类别, 采用渠道) pairs: each is looked up once, into a small table of `Cells`, and every row
keeps the number of its unit cell and of its pair (its kind). The events (one per row,
channel and unit) are the rows merged with those tables' channels and units.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from shiquan_score.normalise.text import arrow_text, norm_arrow_array, norm_many
from shiquan_score.scheme.vocabulary import Vocabulary

_FINAL_STOPS = "。.．"
ISSUE_COLUMNS = ["field", "value", "code", "message"]


@dataclass
class Cells:
    """The distinct cells the rows point to, each looked up once."""

    units: pd.DataFrame  # per unit cell: units (in the order written), units_key, issues, repeated
    kinds: pd.DataFrame  # per (类别, 采用渠道): category_name, channels, issues, repeated
    checks: pd.DataFrame  # per valid (unit_cell, kind): issues (no weight, no column)


def analyse(rows: pd.DataFrame, vocab: Vocabulary) -> tuple[pd.DataFrame, Cells]:
    """unit_cell, kind, category_name, n_issues and n_repeated for every row.

    A 单位 cell is looked up once per distinct text, 类别 and 采用渠道 once per distinct pair,
    and a valid row's units against its kind once per distinct (unit cell, kind).
    """
    unit_cell = rows.groupby("unit", sort=False, dropna=False).ngroup().to_numpy()
    kind = rows.groupby(["category", "channel"], sort=False, dropna=False).ngroup().to_numpy()
    found = [vocab.units_of(_strip(text)) for text in rows["unit"].drop_duplicates()]
    units = pd.DataFrame(
        {
            "units": [f[0] for f in found],
            "units_key": pd.array(["、".join(sorted(f[0])) for f in found], dtype="str"),
            "issues": [f[1] for f in found],
            "repeated": [f[2] for f in found],
        }
    )
    pairs = rows[["category", "channel"]].drop_duplicates()
    said = [
        vocab.kind_of(_strip(c), _strip(ch))
        for c, ch in zip(pairs["category"], pairs["channel"], strict=True)
    ]
    kinds = pd.DataFrame(
        {
            "category_name": [k[0] for k in said],
            "channels": [k[1] for k in said],
            "issues": [k[2] for k in said],
            "repeated": [k[3] for k in said],
        }
    )
    out = pd.DataFrame({"unit_cell": unit_cell, "kind": kind}, index=rows.index)
    out["category_name"] = pd.array(kinds["category_name"], dtype="str").take(kind)
    n_issues = _count(units["issues"], unit_cell) + _count(kinds["issues"], kind)
    # A valid row may still pair a channel with no weight, or name a unit whose table lacks
    # the column. Whether it can is known per (set of tables, kind): only the rows that can
    # are asked about, once per distinct (unit cell, kind); usually there are none.
    unit_sets = [f[0] for f in found]
    category, channels = [k[0] for k in said], [k[1] for k in said]
    tables, fits = vocab.fitting(unit_sets, category, channels)
    valid = (n_issues == 0) & kinds["category_name"].notna().to_numpy()[kind]
    doubt = valid & ~fits[tables[unit_cell], kind]
    checks = out.loc[doubt, ["unit_cell", "kind"]].drop_duplicates(ignore_index=True)
    checks["issues"] = [
        vocab.columns_of(unit_sets[u], category[k], channels[k])
        for u, k in zip(checks["unit_cell"].tolist(), checks["kind"].tolist(), strict=True)
    ]
    if checks["issues"].map(len).any():  # then only the rows in doubt need the merge
        checked = out.loc[doubt, ["unit_cell", "kind"]].merge(
            checks, on=["unit_cell", "kind"], how="left", validate="many_to_one"
        )
        n_issues[doubt] = checked["issues"].map(len).to_numpy()
    out["n_issues"] = n_issues
    out["n_repeated"] = _count(units["repeated"], unit_cell) + _count(kinds["repeated"], kind)
    return out, Cells(units, kinds, checks)


def issues_of(rows: pd.DataFrame, cells: Cells) -> pd.DataFrame:
    """One line per issue of each row (`rows`: unit_cell, kind, n_issues): the unit cell's,
    then the kind's, then its units against its kind; indexed by the row's label."""
    keyed = rows[["unit_cell", "kind"]].reset_index(names="pos")
    found = [
        keyed.merge(_long(cells.units["issues"], "unit_cell"), on="unit_cell", validate="m:m"),
        keyed.merge(_long(cells.kinds["issues"], "kind"), on="kind", validate="m:m"),
        keyed.merge(_long(cells.checks.set_index(["unit_cell", "kind"])["issues"], None),
                    on=["unit_cell", "kind"], validate="m:m"),
    ]  # fmt: skip
    issues = pd.concat(found, ignore_index=True).sort_values("pos", kind="stable")
    return issues.set_index("pos")[ISSUE_COLUMNS]


def repeated_of(rows: pd.DataFrame, cells: Cells) -> pd.Series:
    """What each row's cells wrote twice (`财政局、部门动态`), by the row's label."""
    units = cells.units["repeated"].take(rows["unit_cell"].to_numpy()).to_numpy()
    kinds = cells.kinds["repeated"].take(rows["kind"].to_numpy()).to_numpy()
    both = ["、".join(u + k) for u, k in zip(units, kinds, strict=True)]
    return pd.Series(both, index=rows.index, dtype=object)


def title_keys(titles: pd.Series) -> np.ndarray:
    """Equal titles (by norm, without a final 。), equal integer codes, in order of first
    appearance; far lighter than strings through the events. Hashed in Arrow."""
    import pyarrow as pa
    import pyarrow.compute as pc

    trimmed = pc.utf8_rtrim(norm_arrow_array(arrow_text(titles)), characters=_FINAL_STOPS)
    if trimmed.nbytes < 2**31 - 1:  # 32-bit offsets hash faster (0.34 s against 0.58 at 1M rows)
        trimmed = trimmed.cast(pa.string())
    encoded = pc.dictionary_encode(trimmed)  # codes in order of first appearance
    # Several sheets concatenated are several chunks; they share one dictionary.
    chunks = encoded.chunks if isinstance(encoded, pa.ChunkedArray) else [encoded]
    codes = [chunk.indices.to_numpy(zero_copy_only=False) for chunk in chunks]
    return np.concatenate(codes).astype(np.int64) if codes else np.zeros(0, np.int64)


def title_texts(titles: pd.Series) -> pd.Series:
    """The text title_keys() compares: normalised, without a final 。 (for a few titles, such
    as the research items of last quarter's record, matched against this quarter's)."""
    return norm_many(titles).str.rstrip(_FINAL_STOPS)


def by_channel(rows: pd.DataFrame, cells: Cells) -> pd.DataFrame:
    """One event per channel of a row, with channel_name and units_key (its units in any
    order); `pos` is the row's label."""
    channels = _long(cells.kinds["channels"], "kind", "channel_name")
    events = rows.reset_index(names="pos").merge(
        channels, on="kind", how="left", validate="many_to_many"
    )
    if events["channel_name"].isna().any():  # such a row carries an issue: never scored
        raise AssertionError("a scored row without a channel")
    # The unit cell's key, taken by its number: a second merge would copy every column again.
    events["units_key"] = cells.units["units_key"].array.take(events["unit_cell"].to_numpy())
    return events.drop(columns="kind")


def by_unit(events: pd.DataFrame, cells: Cells) -> pd.DataFrame:
    """One event per unit; a joint item gives each of its n units 1/n of count and points."""
    units = _long(cells.units["units"], "unit_cell", "unit_name")
    shares = 1.0 / cells.units["units"].map(len).replace(0, np.nan)
    units["share"] = shares.to_numpy()[units["unit_cell"].to_numpy()]
    out = events.merge(units, on="unit_cell", how="left", validate="many_to_many")
    if out["unit_name"].isna().any():  # such a row carries an issue: never scored
        raise AssertionError("a scored row without a unit")
    return out.drop(columns="unit_cell")


def combinations(columns: list) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the number of its combination of values (numbered in order of appearance, a
    missing value a value of its own), and the position of each combination's first row."""
    frame = pd.DataFrame({i: _positional(c) for i, c in enumerate(columns)})
    key = frame.groupby(list(frame.columns), sort=False, dropna=False, observed=True).ngroup()
    first = np.flatnonzero(~key.duplicated().to_numpy())
    return key.to_numpy(), first


def _positional(column) -> pd.Series:
    """A column by position (a Series' own index would align it with the others)."""
    if isinstance(column, pd.Series):
        return column.reset_index(drop=True)
    return pd.Series(column)


def _long(per_cell: pd.Series, key, name: str | None = None) -> pd.DataFrame:
    """Tuples per cell → one line per item, in order, keyed like the cell; tuples of issues
    become ISSUE_COLUMNS, anything else a column `name`."""
    flat = per_cell.explode().dropna()
    if name is not None:
        frame = flat.rename(name).astype("str").to_frame()
    else:
        frame = pd.DataFrame(flat.tolist(), columns=ISSUE_COLUMNS, index=flat.index)
    names = [key] if key is not None else list(per_cell.index.names)
    return frame.rename_axis(names).reset_index()


def _count(tuples: pd.Series, code: np.ndarray) -> np.ndarray:
    return tuples.map(len).to_numpy(dtype=np.int64)[code]


def _strip(value) -> str:
    """A cell's text, stripped; a blank cell is ""."""
    return "" if pd.isna(value) else str(value).strip()
