"""Run one command and report its own wall time and peak memory: python bench/child.py REPORT CMD...

Why a launcher: on Linux a child's maximum resident size (os.wait4, RUSAGE_CHILDREN) starts from
its parent's high-water mark, which exec() carries over. Spawned straight from the bench, which has
just generated a million-row ledger, even `python -c pass` reports 600 MB. Spawned from this small
process (about 10 MB), a child's figure is its own peak.

The report is one line "seconds peak_bytes returncode" (peak "-" where os.wait4 is missing, on
Windows). The command's stdout and stderr are the launcher's own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    report, cmd = argv[0], argv[1:]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd)
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        code = proc.returncode = os.waitstatus_to_exitcode(status)
        peak = str(usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024))
    else:
        code = proc.wait()
        seconds, peak = time.perf_counter() - start, "-"
    with open(report, "w", encoding="ascii") as out:
        out.write(f"{seconds!r} {peak} {code}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
