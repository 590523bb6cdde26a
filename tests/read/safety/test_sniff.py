"""read/safety (sniff, xlsx_scan, xls_scan): every hostile or broken file is refused with its exact message,
before calamine is ever loaded, in bounded memory; benign files pass with their facts."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import hostile_files as hf
import pytest
from hostile_files import REFUSED

from shiquan_score.errors import InputError
from shiquan_score.messages import MESSAGES
from shiquan_score.read.safety.sniff import (
    REFUSALS,
    WHAT,
    SheetInfo,
    check,
    check_xlsx,
    plain,
    sniff,
)

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


def test_gbk_csv_with_a_character_cut_at_the_sniffed_block_is_still_csv(tmp_path):
    path = tmp_path / "长.csv"
    path.write_bytes(("日期,单位\r\n" + "政府办,标题\r\n" * 2000).encode("gbk")[:8193])
    assert sniff(path) == "csv"


# --- the sheet scanner -----------------------------------------------------------------------

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
