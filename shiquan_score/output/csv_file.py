"""The 明细 and 问题 tables of a big ledger as CSV files: Arrow text, quoted against formulas."""

from __future__ import annotations

import functools
import itertools
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from shiquan_score.normalise.text import arrow_text
from shiquan_score.output.atomic import share_mode, temp_beside
from shiquan_score.output.replace import replace

# Rows of such a CSV converted and written at a time (see write_csv).
CSV_SLICE_ROWS = 100_000
# In a CSV, text starting with one of these would be a formula to Excel: it gets a leading '.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_csv(target: Path, frame: pd.DataFrame) -> Path:
    """A CSV Excel opens correctly (UTF-8 with BOM), text that looks like a formula quoted
    with ', written atomically.

    Written CSV_SLICE_ROWS rows at a time: the text of a categorical column (each row's
    rule, unit and date) then exists for one slice only, not for a million rows at once.
    """
    with temp_beside(target, ".csv") as temp:
        csv_into(temp, frame)
        share_mode(temp)
        replace(temp, target)
    return target


def csv_into(temp: Path, frame: pd.DataFrame) -> None:
    """The CSV of `frame` into the (temporary) file `temp`."""
    import pyarrow.csv as pa_csv

    columns = {str(col): _csv_column(frame[col]) for col in frame.columns}
    slices = (
        pa.table(
            {
                name: _csv_cells(column.slice(start, CSV_SLICE_ROWS))
                for name, column in columns.items()
            }
        )
        for start in range(0, max(len(frame), 1), CSV_SLICE_ROWS)
    )
    with temp.open("wb") as out:
        out.write(b"\xef\xbb\xbf")
        first = next(slices)
        with pa_csv.CSVWriter(out, first.schema) as writer:
            for table in itertools.chain([first], slices):
                writer.write_table(table)


def _csv_column(values: pd.Series) -> pa.Array | pa.ChunkedArray:
    """A column in Arrow without text made per row: numbers as they are, Arrow strings
    shared, a categorical as its codes and a dictionary of its words (quoted already)."""
    if pd.api.types.is_numeric_dtype(values):
        return pa.array(values.to_numpy())
    if isinstance(values.dtype, pd.CategoricalDtype):
        words = _quoted(arrow_text(pd.Series(values.cat.categories.astype(object))))
        if isinstance(words, pa.ChunkedArray):
            words = words.combine_chunks()
        codes = values.cat.codes.to_numpy()
        return pa.DictionaryArray.from_arrays(pa.array(codes, mask=codes < 0), words)
    return arrow_text(values)


def _csv_cells(column: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """One slice of a column as the CSV shows it: text quoted, a missing category ""."""
    if pa.types.is_dictionary(column.type):
        return pc.fill_null(column.cast(pa.large_string()), "")
    if pa.types.is_large_string(column.type):
        return _quoted(column)
    return column


def _quoted(text: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Text that Excel would take for a formula (= + - @ tab CR first) gets a leading '.

    Six starts_with take half the time of the regex used before, and say the same."""
    risky = functools.reduce(pc.or_, (pc.starts_with(text, s) for s in FORMULA_STARTS))
    if not pc.any(risky).as_py():
        return text
    quote, nothing = pa.scalar("'", pa.large_string()), pa.scalar("", pa.large_string())
    return pc.if_else(risky, pc.binary_join_element_wise(quote, text, nothing), text)
