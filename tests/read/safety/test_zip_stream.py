"""read/safety/zip_stream: members inflated here, every byte counted against the limits."""

from __future__ import annotations

import zipfile

import hostile_files as hf
import pytest

from shiquan_score.read.safety.limits import Limits, Refused
from shiquan_score.read.safety.zip_stream import ZipStream, open_zip


def test_the_streaming_byte_count_stops_at_the_limit(tmp_path):
    path = hf.ledger_xlsx(tmp_path)
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(hf.SHEET)
    z = ZipStream(path, Limits(max_total=1000, chunk=256))
    with pytest.raises(Refused, match="bomb_total"):
        for _ in z.chunks(info):
            pass


def test_a_member_is_inflated_whole_and_counted(tmp_path):
    path = hf.ledger_xlsx(tmp_path)
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(hf.SHEET)
        expected = zf.read(info)
    z = ZipStream(path, Limits(chunk=256))
    assert b"".join(z.chunks(info)) == expected
    assert z.total == len(expected) == info.file_size
    assert b"".join(z.chunks(info, count=False)) == expected
    assert z.total == info.file_size  # not counted twice


def test_open_zip_refuses_a_file_that_is_no_zip(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(Refused) as caught:
        open_zip(path, Limits())
    assert (caught.value.reason, caught.value.detail) == ("corrupt", {})
