"""read/safety (sniff, xlsx_scan, xls_scan): every hostile or broken file is refused with its exact message,
before calamine is ever loaded, in bounded memory; benign files pass with their facts."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import hostile_files as hf
import pytest
from hostile_files import REFUSED
from hypothesis import given, settings
from hypothesis import strategies as st

from shiquan_score.errors import InputError
from shiquan_score.messages import MESSAGES
from shiquan_score.read.safety.limits import Limits, Refused
from shiquan_score.read.safety.refs import col_letters, upto_re
from shiquan_score.read.safety.sheet_xml import Irregular, PartScan
from shiquan_score.read.safety.sniff import (
    REFUSALS,
    WHAT,
    SheetInfo,
    check,
    check_xlsx,
    plain,
    sniff,
)
from shiquan_score.read.safety.zip_stream import ZipStream

HERE = Path(__file__).resolve().parents[2]  # tests/, the helpers hostile_files lives in

# (generator, extra arguments, the exact message)


@pytest.mark.parametrize(
    ("make", "args", "message"), REFUSED, ids=[f"{m.__name__}{''.join(a)}" for m, a, _ in REFUSED]
)
def test_refused_with_exact_message(tmp_path, make, args, message):
    path = make(tmp_path, *args)
    with pytest.raises(InputError) as caught:
        check(path)
    assert str(caught.value) == message
    assert "\n" not in message
    message.encode("gbk")  # the CLI may print to a GBK console


def test_every_generated_hostile_file_has_a_message_test():
    covered = {make.__name__ for make, _, _ in REFUSED}
    benign = {
        "customxml_utf16",
        "ledger_xlsx",
        "ledger_xls",
        "empty_sheet_xlsx",
        "csv_file",
        "rows_bomb",
        "with_sheet",
    }
    generators = {
        name
        for name, value in vars(hf).items()
        if callable(value) and getattr(value, "__module__", "") == hf.__name__
        and not name.startswith("_") and value.__code__.co_varnames[:1] == ("folder",)
    }  # fmt: skip
    assert generators - benign == covered


def test_check_xlsx_itself_names_a_password_protected_file(tmp_path):
    with pytest.raises(InputError, match=r"^加密\.xlsx 设置了打开密码"):
        check_xlsx(hf.password_xlsx(tmp_path))


def test_every_message_is_one_gbk_line():
    fields = {"name": "台账.xlsx", "kind": "xlsx", "sheet": "台账", "ref": "XFD1048576"}
    fields |= {"limit": 500, "member": "xl/a.xml", "ratio": 300, "what": "x", "size": 9}
    for code in [*REFUSALS.values(), *WHAT.values()]:
        text = MESSAGES[code].format(**fields)
        assert "\n" not in text
        text.encode("gbk")


def test_names_are_made_printable_and_gbk_safe(tmp_path):
    path = tmp_path / "台账\U0001f600\u00a0第\u2028一.xlsx"
    path.write_bytes(b"")
    with pytest.raises(InputError) as caught:
        sniff(path)
    assert str(caught.value) == "台账??第?一.xlsx 是空文件，请确认是否保存了台账"
    assert plain("a\nb") == "a?b"


def test_the_extension_is_never_trusted(tmp_path):
    xlsx = hf.ledger_xlsx(tmp_path).rename(tmp_path / "台账.csv")
    assert sniff(xlsx) == "xlsx"
    xls = hf.ledger_xls(tmp_path).rename(tmp_path / "台账.xlsx")
    assert sniff(xls) == "xls"


def test_unreadable_path(tmp_path):
    folder = tmp_path / "台账.xlsx"
    folder.mkdir()
    with pytest.raises(
        InputError, match=r"^台账\.xlsx 无法打开，可能正被其他程序占用或没有读取权限$"
    ):
        sniff(folder)


# --- benign files ----------------------------------------------------------------------------


def test_ledger_xlsx_reports_sheets_in_order_with_hidden_ones_and_hidden_rows(tmp_path):
    kind, sheets = check(hf.ledger_xlsx(tmp_path))
    assert kind == "xlsx"
    assert sheets == [
        SheetInfo("台账", True, hf.HIDDEN_ROWS, 1),
        SheetInfo("名单", False, frozenset(), None),
        SheetInfo("设置", False, frozenset(), None),
    ]


def test_utf16_parts_calamine_never_reads_are_fine(tmp_path):
    assert check(hf.customxml_utf16(tmp_path))[1][0] == SheetInfo("台账", True, hf.HIDDEN_ROWS, 1)


def test_empty_sheet_is_left_for_the_reader(tmp_path):
    assert check(hf.empty_sheet_xlsx(tmp_path)) == (
        "xlsx",
        [SheetInfo("台账", True, frozenset(), None)],
    )


@pytest.mark.parametrize("pad", [True, False], ids=["regular-sectors", "mini-stream"])
def test_ledger_xls_agrees_with_xlrd(tmp_path, pad):
    import xlrd

    path = hf.ledger_xls(tmp_path, pad=pad)
    kind, sheets = check(path)
    assert kind == "xls"
    assert sheets == [
        SheetInfo("台账", True, hf.HIDDEN_ROWS, 1),
        SheetInfo("名单", False, frozenset(), 1),
    ]
    book = xlrd.open_workbook(path, formatting_info=True, on_demand=True)
    first = book.sheet_by_index(0)
    assert book.sheet_names() == ["台账", "名单"]
    assert [book.sheet_by_index(i).visibility for i in range(2)] == [0, 1]
    assert {r + 1 for r, info in first.rowinfo_map.items() if info.hidden} == hf.HIDDEN_ROWS
    assert first.row_values(1) == [44116.0, "政府办", "第1条"]


def test_gbk_csv_with_a_character_cut_at_the_sniffed_block_is_still_csv(tmp_path):
    path = tmp_path / "长.csv"
    path.write_bytes(("日期,单位\r\n" + "政府办,标题\r\n" * 2000).encode("gbk")[:8193])
    assert sniff(path) == "csv"


# --- the sheet scanner -----------------------------------------------------------------------

SMALL = Limits(chunk=64)  # many regions even for small sheets


def _scan_sheet(xml: bytes, sizes: list[int], limits: Limits = SMALL, full: bool = False):
    """Feed sheet XML in pieces of the given sizes, as the inflater would."""
    part = PartScan("sheet", limits, full=full)
    at = 0
    for size in [*sizes, len(xml)]:
        if at < len(xml):
            part.feed(xml[at : at + max(size, 1)])
            at += max(size, 1)
    part.finish()
    return part


ROWS = st.lists(
    st.tuples(st.integers(1, 5000), st.integers(1, 40), st.booleans()), min_size=1, max_size=30
)


def _sheet_xml(cells: list[tuple[int, int, bool]]) -> bytes:
    """Rows in order; a row is hidden if any of its cells asks for it."""
    body = ""
    for row in sorted({r for r, _, _ in cells}):
        hidden = ' hidden="1"' if any(h for r, _, h in cells if r == row) else ""
        columns = sorted({c for r, c, _ in cells if r == row})
        body += f'<row r="{row}"{hidden}>'
        body += "".join(f'<c r="{col_letters(c)}{row}"><v>{c}</v></c>' for c in columns)
        body += "</row>"
    return hf._sheet(body)


@settings(max_examples=60, deadline=None)
@given(ROWS, st.lists(st.integers(1, 200), max_size=40))
def test_fast_and_exact_scans_agree_however_the_bytes_arrive(cells, sizes):
    xml = _sheet_xml(cells)
    fast, exact = _scan_sheet(xml, sizes), _scan_sheet(xml, [], full=True)
    assert fast.hidden == exact.hidden == {r for r, _, h in cells if h}
    assert fast.first_row == exact.first_row == min(r for r, _, _ in cells)
    assert (exact.max_row, exact.max_col) == (
        max(r for r, _, _ in cells),
        max(c for _, c, _ in cells),
    )


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 50), max_size=60), st.sampled_from(["<!DOCTYPE x>", "<!ENTITY a 'b'>", "<!doctype x>"]))  # fmt: skip
def test_entity_declarations_are_found_wherever_chunks_split_them(sizes, token):
    xml = b'<?xml version="1.0"?>' + token.encode() + b"<sst><si><t>a</t></si></sst>"
    with pytest.raises(Refused) as caught:
        part = PartScan("xml", Limits())
        at = 0
        for size in [*sizes, len(xml)]:
            part.feed(xml[at : at + size])
            at += size
        part.finish()
    assert caught.value.reason == "entity"


@settings(max_examples=20, deadline=None)
@given(
    st.integers(32_760, 32_775),
    st.sampled_from(["a", "字", "&amp;", "_x000D_"]),
    st.integers(700, 70_000),
)
def test_cell_text_limit_is_counted_in_characters_across_chunks(length, unit, chunk):
    cell = f'<c r="A1" t="inlineStr"><is><t xml:space="preserve">{unit * length}</t></is></c>'
    xml = hf._sheet(f'<row r="1">{cell}</row>')
    if length > 32_767:
        with pytest.raises(Refused, match="long_text"):
            _scan_sheet(xml, [chunk] * (len(xml) // chunk + 1), Limits(chunk=chunk))
    else:
        _scan_sheet(xml, [chunk] * (len(xml) // chunk + 1), Limits(chunk=chunk))


def test_irregular_but_harmless_sheets_pass_with_their_hidden_rows(tmp_path):
    body = (
        '<x:row r="2" hidden="1"><x:c r="A2"><x:v>1</x:v></x:c></x:row>'  # prefixed
        '<row hidden="1"><c><v>1</v></c><c><v>2</v></c></row>'  # no r: row 3
        '<row r="5"><c s="1" r="b5"><v>1</v></c></row>'  # r not first, lower case
    )
    with pytest.raises(Irregular):
        _scan_sheet(hf._sheet(body), [])
    _, sheets = check(hf.with_sheet(tmp_path, "不规范.xlsx", body))
    assert sheets[0] == SheetInfo("台账", True, frozenset({2, 3}), 2)


def test_a_wide_sheet_passes_and_a_late_wide_cell_needs_a_second_pass():
    wide = "".join(f'<c r="{col_letters(c)}1"><v>1</v></c>' for c in range(1, 41))
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c></row>' for r in range(2, 400))
    part = _scan_sheet(hf._sheet(f'<row r="1">{wide}</row>{rows}'), [])
    assert not part.full and part.verdict() is None
    wide_late = wide.replace('1"', '400"')
    late = _scan_sheet(hf._sheet(f'{rows}<row r="400">{wide_late}</row>'), [64] * 1000)
    assert late.verdict() is not None  # the box (20 columns) was too narrow: rescan


def test_the_streaming_byte_count_stops_at_the_limit(tmp_path):
    path = hf.ledger_xlsx(tmp_path)
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(hf.SHEET)
    z = ZipStream(path, Limits(max_total=1000, chunk=256))
    with pytest.raises(Refused, match="bomb_total"):
        for _ in z.chunks(info):
            pass


@given(st.integers(1, 2_000_000), st.integers(0, 2_100_000))
def test_row_range_regex(n, k):
    assert bool(re.fullmatch(upto_re(n, letters=False), str(k))) == (1 <= k <= n)


@given(st.integers(1, 16_384), st.integers(1, 20_000))
def test_column_range_regex(n, k):
    assert bool(re.fullmatch(upto_re(n, letters=True), col_letters(k))) == (k <= n)


def test_default_limits():
    limits = Limits()
    assert limits.max_total == 500 * 1024 * 1024
    assert limits.max_cells == 20 * 1_048_576
    assert limits.max_text == 32_767


# --- isolation: calamine never loaded, memory bounded ----------------------------------------

CHILD = """
import json, resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
import hostile_files as hf
from shiquan_score.errors import InputError
from shiquan_score.read.safety.limits import Limits
from shiquan_score.read.safety.sniff import check
from shiquan_score.read.safety.xlsx_scan import scan_xlsx
folder = Path(sys.argv[1])
out = {}
for name in json.loads(sys.argv[2]):
    sub = folder / name
    sub.mkdir()
    try:
        check(getattr(hf, name)(sub))
        out[name] = "passed"
    except InputError as e:
        out[name] = str(e)
# 200 MB of plain rows, inflated and scanned in full (ratio check off): memory stays flat
sub = folder / "big"
sub.mkdir()
scan_xlsx(hf.rows_bomb(sub, 200 << 20), Limits(max_ratio=10**9))
status = Path("/proc/self/status").read_text()  # VmHWM, unlike ru_maxrss, is not inherited
out["peak_mb"] = int(status.split("VmHWM:")[1].split()[0]) // 1024
out["modules"] = sorted(m for m in ("python_calamine", "fastexcel", "openpyxl") if m in sys.modules)
print(json.dumps(out))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux rlimits, /proc")
def test_refusals_never_load_calamine_and_stay_under_one_gib(tmp_path):
    names = [make.__name__ for make, args, _ in REFUSED if not args]
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path), json.dumps(names)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), str(HERE.parent)])},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = json.loads(result.stdout)
    assert out.pop("modules") == []
    assert out.pop("peak_mb") < 120  # the 200 MB sheet was never held whole
    expected = {make.__name__: message for make, args, message in REFUSED if not args}
    assert out == expected


def test_fastexcel_really_aborts_on_a_far_corner(tmp_path):
    """Why this module exists: the whole process dies, no exception to catch (fastexcel 0.21)."""
    path = hf.sparse_far_corner(tmp_path)
    code = f"import fastexcel; fastexcel.read_excel({str(path)!r}).load_sheet(0)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60, check=False)  # fmt: skip
    if result.returncode not in (-signal.SIGABRT, 134):
        # A newer fastexcel no longer dies here: the pre-checks stay, but say so loudly.
        pytest.skip(f"fastexcel {_fastexcel_version()} no longer aborts on a far corner")


def _fastexcel_version() -> str:
    from importlib.metadata import version

    return version("fastexcel")
