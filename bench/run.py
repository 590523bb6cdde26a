"""Benchmark of issue 4: the converter against the raw read of the same ledger, side by side.

    python -m bench [--sizes 300,200000,1000000] [--repeat 3] [--smoke] [--data DIR] [--against DIR]

For each size it generates (once, cached in bench_data/) an inbox holding a ledger .xlsx laid out
as Excel saves it (shared strings, real date cells, a title row, a 备注 sheet) and last quarter's
table from sample_data/. Then, each in a fresh process, interleaved, median of --repeat:

    端到端        python -m shiquan_score INBOX --out TMP
    纯读取        python -c "import pandas, fastexcel; fastexcel.read_excel(P).load_sheet(0, eager=True).to_pandas()"
    检查+读取     the same after safety.check_xlsx(P), the scan every safe run must do first
    import pandas python -c "import pandas"
    openpyxl脚本  bench/openpyxl_baseline.py, the row loop a colleague would write
    旧版端到端    with --against DIR: the same conversion by the checkout in DIR (an older commit)

Wall time is taken around each child; peak memory is the child's own maximum RSS, both by
bench/child.py (see there why a launcher).
Every converter run is checked: exit code, scored rows and each unit's 本期 against what the
generator put in the ledger. Not a timed test: CI runs `--smoke` (or tests/test_bench.py).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.ledgers import (
    BASELINE,
    BASELINE_FACTOR,
    BASELINE_SIZE,
    CHECKED_READ,
    DEFAULT_DATA,
    DEFAULT_SIZES,
    E2E_OVER_READ,
    GENERATOR_VERSION,
    LARGE_MIN,
    MEMORY_SIZE,
    NORMAL_QUARTER_MAX,
    PEAK_MB,
    QUARTER_OVER_IMPORT,
    RAW_READ,
    REPO,
    SMOKE_SIZES,
    Expected,
    make_inbox,
)


@dataclass
class Sample:
    seconds: float
    peak_mb: float | None  # the child's own maximum resident set, 10^6 bytes
    returncode: int
    stdout: str
    stderr: str


LAUNCHER = Path(__file__).resolve().parent / "child.py"


def run_child(cmd: list[str], cwd: Path = REPO) -> Sample:
    """Run one fresh process; its wall time and its own peak RSS, taken by bench/child.py (a
    child spawned from this big process would start from this process's high-water mark)."""
    # As on a clerk's PC: bytecode is cached (a sandbox may set PYTHONDONTWRITEBYTECODE).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONIOENCODING"] = "utf-8"
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory(prefix="shiquan-child-") as scratch,
    ):
        report = Path(scratch) / "report"
        launcher = [sys.executable, "-S", str(LAUNCHER), str(report)]
        done = subprocess.run([*launcher, *cmd], cwd=cwd, env=env, stdout=out, stderr=err)
        out.seek(0)
        err.seek(0)
        text = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
        if done.returncode != 0 or not report.exists():
            return Sample(0.0, None, done.returncode or 1, text[0], text[1])
        seconds, peak, code = report.read_text(encoding="ascii").split()
    peak_mb = None if peak == "-" else int(peak) / 1e6
    return Sample(float(seconds), peak_mb, int(code), *text)


@dataclass
class SizeResult:
    rows: int
    expected: Expected
    e2e: list[Sample] = field(default_factory=list)
    raw: list[Sample] = field(default_factory=list)
    checked: list[Sample] = field(default_factory=list)  # the raw read after our safety scan
    baseline: list[Sample] = field(default_factory=list)
    old: list[Sample] = field(default_factory=list)  # the conversion by the --against checkout
    problems: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(s.returncode != 0 for s in self.e2e + self.old)

    def median(self, kind: str) -> float | None:
        samples = getattr(self, kind)
        return statistics.median(s.seconds for s in samples) if samples else None

    def peak(self, kind: str) -> float | None:
        peaks = [s.peak_mb for s in getattr(self, kind) if s.peak_mb is not None]
        return max(peaks) if peaks else None


def scored_rows(sample: Sample) -> int | None:
    match = re.search(r"计分 (\d+)", sample.stdout)
    return int(match.group(1)) if match else None


def table_points(path: Path) -> dict[str, float]:
    """本期 per ranked unit, as printed in the official sheets of a workbook we wrote."""
    import fastexcel

    reader = fastexcel.read_excel(path)
    points = {}
    for name in reader.sheet_names:
        if not name.startswith("附件"):
            continue
        frame = reader.load_sheet(name, header_row=None).to_pandas()
        cells = frame.to_numpy().tolist()
        col = next((row.index("本期") for row in cells[:10] if "本期" in row), None)
        for row in cells if col is not None else []:
            if isinstance(row[0], str) and isinstance(row[col], int | float):
                points[row[0]] = float(row[col])
    return points


def baseline_points(path: Path) -> dict[str, float]:
    import openpyxl

    sheet = openpyxl.load_workbook(path, read_only=True).active
    return {r[0]: float(r[1]) for r in sheet.iter_rows(min_row=2, values_only=True)}


def compare_points(found: dict[str, float], expected: Expected, who: str) -> list[str]:
    """Every ranked unit's 本期 against the generator's exact figure (2-decimal display)."""
    if not found:
        return [f"{who}：没有读到本期得分"]
    wrong = [
        f"{unit} {value} != {expected.points.get(unit, 0.0):.4f}"
        for unit, value in found.items()
        if abs(value - expected.points.get(unit, 0.0)) > 0.006
    ]
    return [f"{who}：本期与生成数据不符：{'；'.join(wrong[:5])}"] if wrong else []


def check_e2e(sample: Sample, out: Path, expected: Expected) -> list[str]:
    """The converter succeeded, scored every row the generator made scorable, scored right."""
    if sample.returncode != 0:
        tail = (sample.stderr.strip() or sample.stdout.strip()).splitlines()[-3:]
        return [f"转换失败（退出码 {sample.returncode}）：{' / '.join(tail)}"]
    problems = []
    if scored_rows(sample) != expected.scored:
        problems.append(f"计分行数 {scored_rows(sample)}，应为 {expected.scored}")
    books = [p for p in out.glob("*.xlsx") if not p.name.endswith("_问题清单.xlsx")]
    if len(books) != 1:
        return [*problems, f"输出文件夹里应有一个统计表，实有 {len(books)} 个"]
    return problems + compare_points(table_points(books[0]), expected, "端到端")


def commands(inbox: Path, out: Path) -> dict[str, list[str]]:
    ledger = next(inbox.glob("*台账.xlsx"))
    py = sys.executable
    return {
        "import": [py, "-c", "import pandas"],
        "raw": [py, "-c", RAW_READ, str(ledger)],
        "checked": [py, "-c", CHECKED_READ, str(ledger)],
        "e2e": [py, "-m", "shiquan_score", str(inbox), "--out", str(out / "e2e")],
        "old": [py, "-m", "shiquan_score", str(inbox), "--out", str(out / "old")],
        "baseline": [py, str(BASELINE), str(inbox), str(out / "baseline.xlsx"), "2020Q4"],
    }


def run_bench(
    sizes: list[int],
    repeat: int,
    data: Path,
    baseline_max: int,
    log=print,
    against: Path | None = None,
) -> tuple[list[SizeResult], list[Sample]]:
    """Every measurement of every size, interleaved so that drift hits all of them alike.
    With `against` (another checkout), its conversion too, run from that folder."""
    results, imports = [], []
    inboxes = {}
    for n in sizes:
        start = time.perf_counter()
        inboxes[n], expected = make_inbox(data / f"v{GENERATOR_VERSION}" / str(n), n)
        log(f"台账 {n} 行：{inboxes[n]}（{time.perf_counter() - start:.1f} 秒）")
        results.append(SizeResult(n, expected))
        for path in inboxes[n].iterdir():  # into the page cache, so no one pays the first read
            path.read_bytes()
    with tempfile.TemporaryDirectory(prefix="shiquan-bench-") as scratch:
        for repo in [REPO] if against is None else [REPO, against]:  # compile .pyc once
            run_child(commands(inboxes[sizes[0]], Path(scratch) / "warm")["e2e"], cwd=repo)
        for r in range(repeat):
            for result in results:
                out = Path(scratch) / f"{result.rows}-{r}"
                out.mkdir()
                cmds = commands(inboxes[result.rows], out)
                kinds = ["import", "raw", "checked", "e2e", "baseline", "old"]
                if result.rows > baseline_max or not BASELINE.exists():
                    kinds.remove("baseline")
                if against is None:
                    kinds.remove("old")
                for kind in kinds[r % len(kinds) :] + kinds[: r % len(kinds)]:
                    sample = run_child(cmds[kind], cwd=against if kind == "old" else REPO)
                    if kind == "import":
                        imports.append(sample)
                        continue
                    getattr(result, kind).append(sample)
                    if r == 0 and kind == "e2e":
                        result.problems += check_e2e(sample, out / "e2e", result.expected)
                    elif r == 0 and kind == "old":
                        found = check_e2e(sample, out / "old", result.expected)
                        result.problems += [f"旧版：{p}" for p in found]
                    elif r == 0 and kind == "baseline":
                        found = (
                            baseline_points(out / "baseline.xlsx") if sample.returncode == 0 else {}
                        )
                        result.problems += compare_points(found, result.expected, "openpyxl脚本")
                    elif r == 0 and kind in ("raw", "checked") and sample.returncode != 0:
                        result.problems.append(f"{kind} 读取失败：{sample.stderr.strip()[-200:]}")
                log(f"  第{r + 1}轮 {result.rows} 行：端到端 {result.e2e[-1].seconds:.2f} 秒")
                shutil.rmtree(out)
    return results, imports


# ------------------------------------------------------------------ reporting
def _fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _verdict(ok: bool | None) -> str:
    return "未测" if ok is None else "PASS" if ok else "FAIL"


def targets(
    results: list[SizeResult], import_s: float | None
) -> list[tuple[str, bool | None, str]]:
    """The four targets of issue 4: (what, passed or None when not measured, the figures).

    A size whose conversion failed fails every target it is part of, whatever its times.
    """

    def judge(what, sizes, figure, ok, unit=""):
        measured = [(r, figure(r)) for r in sizes]
        measured = [(r, x) for r, x in measured if x is not None]
        if not measured:
            return what, None, ""
        text = "，".join(
            f"{r.rows:,} 行 {x:.2f}{unit}" + ("（转换失败）" if r.failed else "")
            for r, x in measured
        )
        return what, all(ok(x) and not r.failed for r, x in measured), text

    def ratio(a, b):
        return a / b if a and b else None

    return [
        judge(
            f"20万行以上：端到端 <= {E2E_OVER_READ} x 纯读取",
            [r for r in results if r.rows >= LARGE_MIN],
            lambda r: ratio(r.median("e2e"), r.median("raw")),
            lambda x: x <= E2E_OVER_READ,
        ),
        judge(
            f"正常季度：端到端 <= {QUARTER_OVER_IMPORT} x import pandas",
            [r for r in results if r.rows <= NORMAL_QUARTER_MAX][:1],
            lambda r: ratio(r.median("e2e"), import_s),
            lambda x: x <= QUARTER_OVER_IMPORT,
        ),
        judge(
            f"100万行：峰值内存 < {PEAK_MB} MB",
            [r for r in results if r.rows >= MEMORY_SIZE][:1],
            lambda r: r.peak("e2e"),
            lambda x: x < PEAK_MB,
            " MB",
        ),
        judge(
            f"20万行：比 openpyxl 脚本快 >= {BASELINE_FACTOR} 倍",
            [r for r in results if r.rows == BASELINE_SIZE],
            lambda r: ratio(r.median("baseline"), r.median("e2e")),
            lambda x: x >= BASELINE_FACTOR,
            " 倍",
        ),
    ]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        text = Path("/proc/cpuinfo").read_text()
        cpu = re.search(r"model name\s*:\s*(.+)", text).group(1).strip()
        mem = Path("/proc/meminfo").read_text().split()[1]
        cpu += f"，内存 {int(mem) / 2**20:.0f} GiB"
    except (OSError, AttributeError, IndexError, ValueError):
        pass
    import fastexcel
    import pandas

    return (
        f"{platform.system()} {platform.release()}，{cpu}，{os.cpu_count()} 核；"
        f"Python {platform.python_version()}，pandas {pandas.__version__}，fastexcel {fastexcel.__version__}"
    )


def revision(repo: Path = REPO) -> str:
    """The commit measured, and whether the working tree differed from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=repo,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "未知"
    return (head or "未知") + ("（另有未提交的改动）" if dirty else "")


def change(old: float | None, new: float | None) -> str:
    """New against old in percent, +12.3% when worse (slower, more memory)."""
    return "-" if not old or new is None else f"{(new - old) / old * 100:+.1f}%"


def compare_table(results: list[SizeResult], against: Path | None) -> list[str]:
    """Old checkout against this one, measured in the same run (empty without --against)."""
    if not any(r.old for r in results):
        return []
    lines = [
        f"对比：旧版 {revision(against) if against else '未知'}（{against}） 与 本版 {revision()}",
        "",
        "| 行数 | 端到端 旧(秒) | 端到端 新(秒) | 变化 | 峰值 旧(MB) | 峰值 新(MB) | 变化 |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        old, new = r.median("old"), r.median("e2e")
        old_mb, new_mb = r.peak("old"), r.peak("e2e")
        lines.append(
            f"| {r.rows:,} | {_fmt(old)} | {_fmt(new)} | {change(old, new)} "
            f"| {_fmt(old_mb, 0)} | {_fmt(new_mb, 0)} | {change(old_mb, new_mb)} |"
        )
    return [*lines, ""]


def render(
    results: list[SizeResult], imports: list[Sample], repeat: int, against: Path | None = None
) -> str:
    """The results table (Markdown, GBK-safe), the targets and any failed check."""
    import_s = statistics.median(s.seconds for s in imports) if imports else None
    lines = [
        f"机器：{machine()}",
        f"代码：{revision()}",
        f"每项为 {repeat} 次的中位数，每次一个新进程；峰值内存为该进程自身的最大常驻内存（MB = 10^6 字节）。",
        "",
        "| 行数 | 端到端(秒) | 纯读取(秒) | 比值 | 检查+读取(秒) | 其比值 | 峰值内存(MB) | 读取峰值(MB) | openpyxl脚本(秒) | 倍数 |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        e2e, raw, base = r.median("e2e"), r.median("raw"), r.median("baseline")
        checked = r.median("checked")
        lines.append(
            f"| {r.rows:,} | {_fmt(e2e)}{' 失败' if r.failed else ''} | {_fmt(raw)} | {_fmt(e2e / raw if e2e and raw else None)} "
            f"| {_fmt(checked)} | {_fmt(checked / raw if checked and raw else None)} "
            f"| {_fmt(r.peak('e2e'), 0)} | {_fmt(r.peak('raw'), 0)} | {_fmt(base)} "
            f"| {_fmt(base / e2e if base and e2e else None, 1)} |"
        )
    lines += ["", f"import pandas：{_fmt(import_s)} 秒（{len(imports)} 次中位数）", ""]
    lines += compare_table(results, against)
    for what, ok, figures in targets(results, import_s):
        lines.append(f"[{_verdict(ok)}] {what}{'：' + figures if figures else ''}")
    floors = [
        f"{r.rows:,} 行 {r.median('checked') / r.median('raw'):.2f}"
        for r in results
        if r.rows >= LARGE_MIN and r.median("checked") and r.median("raw")
    ]
    if floors:
        lines.append(
            f"       其中只做安全检查再读取（不计分、不写表）已是纯读取的：{'，'.join(floors)} 倍"
        )
    for r in results:
        lines += [f"[错误] {r.rows} 行：{p}" for p in r.problems]
    return "\n".join(lines)


def profile(inbox: Path, top: int = 30) -> str:
    """cProfile of one end-to-end run: the costliest calls in our code and in the writer."""
    import io
    import pstats

    with tempfile.TemporaryDirectory(prefix="shiquan-profile-") as scratch:
        dump = Path(scratch) / "run.prof"
        cmd = [sys.executable, "-m", "cProfile", "-o", str(dump), "-m", "shiquan_score"]
        sample = run_child([*cmd, str(inbox), "--out", str(Path(scratch) / "out")])
        if not dump.exists():
            return f"剖析失败：{sample.stderr.strip()[-300:]}"
        text = io.StringIO()
        stats = pstats.Stats(str(dump), stream=text).sort_stats("cumulative")
        stats.print_stats(r"shiquan_score|xlsxwriter/workbook.py:\d+\(close\)", top)
    return f"cProfile（{sample.seconds:.1f} 秒，含剖析开销）：\n" + text.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", help="台账行数，逗号分隔（默认 300,200000,1000000）")
    parser.add_argument("--repeat", type=int, default=3, help="每项测几次，取中位数（默认 3）")
    parser.add_argument("--smoke", action="store_true", help="CI 用：300 和 5000 行，各测 1 次")
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="生成的台账放在这里（默认 bench_data/）"
    )
    parser.add_argument(
        "--baseline-max",
        type=int,
        default=BASELINE_SIZE,
        help="openpyxl 脚本只测到这个行数（默认 200000）",
    )
    parser.add_argument(
        "--profile", action="store_true", help="另用 cProfile 跑一次最大的台账，列出最耗时的函数"
    )
    parser.add_argument(
        "--against",
        type=Path,
        help="另一份代码（如旧版本的 git worktree）所在文件夹：同一轮中交替测它的端到端，列出对比",
    )
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")] if args.sizes else None
    if args.smoke:
        sizes, args.repeat = sizes or list(SMOKE_SIZES), 1
    sizes = sorted(sizes or DEFAULT_SIZES)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    against = args.against.resolve() if args.against else None
    if against is not None and not (against / "shiquan_score").is_dir():
        parser.error(f"--against {args.against}：该文件夹中没有 shiquan_score")
    results, imports = run_bench(sizes, args.repeat, args.data, args.baseline_max, against=against)
    print()
    print(render(results, imports, args.repeat, against))
    if args.profile:
        largest = args.data / f"v{GENERATOR_VERSION}" / str(sizes[-1]) / "inbox"
        print()
        print(profile(largest))
    return 1 if any(r.problems for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
