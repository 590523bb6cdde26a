"""The big 明细/问题 tables as CSV: UTF-8 with BOM, text that looks like a formula quoted."""

from __future__ import annotations

import os

import pandas as pd
import pyarrow as pa
import pytest

from shiquan_score.output.csv_file import FORMULA_STARTS, write_csv


@pytest.mark.parametrize(
    "dtype",
    ["object", "str", "category", pd.StringDtype("python"), pd.ArrowDtype(pa.string())],
    ids=str,
)
def test_csv_text_is_the_same_for_any_text_dtype(tmp_path, monkeypatch, dtype):
    monkeypatch.setattr("shiquan_score.output.csv_file.CSV_SLICE_ROWS", 2)  # slices meet mid-frame
    text = pd.Series(["=1+1", None, "普通", "-2", "\t制表", 'a,"b"', "@x", "+3", "＝全角"])
    scores = [0.5, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]
    frame = pd.DataFrame({"标题": text.astype(object).astype(dtype), "得分": scores})
    write_csv(tmp_path / "明细.csv", frame)
    assert (tmp_path / "明细.csv").read_bytes().decode("utf-8-sig").splitlines() == [
        '"标题","得分"',
        '"\'=1+1",0.5',
        '"",1',
        '"普通",2',
        '"\'-2",3',
        '"\'\t制表",4',
        '"a,""b""",5',
        '"\'@x",6',
        '"\'+3",7',
        '"＝全角",8',
    ]


def test_every_formula_start_is_quoted_and_nothing_else(tmp_path):
    text = [f"{start}x" for start in FORMULA_STARTS] + ["x=1", "＋全角", "'已引"]
    write_csv(tmp_path / "a.csv", pd.DataFrame({"t": text}))
    lines = (tmp_path / "a.csv").read_bytes().decode("utf-8-sig").split("\n")
    assert lines[1:-1] == [
        '"\'=x"', '"\'+x"', '"\'-x"', '"\'@x"', '"\'\tx"', '"\'\rx"',
        '"x=1"', '"＋全角"', '"\'已引"',
    ]  # fmt: skip


def test_written_in_place_with_the_mode_of_any_new_file(tmp_path):
    target = tmp_path / "a.csv"
    target.write_bytes(b"old")
    write_csv(target, pd.DataFrame({"n": [1, 2]}))
    mask = os.umask(0)
    os.umask(mask)
    assert target.read_bytes() == b'\xef\xbb\xbf"n"\n1\n2\n'
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"]  # no temporary file left
