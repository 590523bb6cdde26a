"""Turn the text dump of the office's real 2020 Q4 附件2 into the test oracle CSV.

The dump is a table copied out of a Word document: a cell starts with a tab at the start of a
line; a line without a tab continues the cell before it (a cell can hold blank lines, e.g.
``行政审批\\n\\n服务局``); a blank line followed by a tab line ends a table row.

Usage: python tools/seed_to_csv.py [SEED_TXT] [--out CSV]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tomllib
from fractions import Fraction
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SEED = REPO / ".." / "shared" / "seed" / "000_77fead1c14dbda8b.txt"
DEFAULT_OUT = REPO / "tests" / "data" / "seed_2020q4_departments.csv"
ROSTER = REPO / "templates" / "roster.toml"

COUNT_COLUMNS = ("部门动态", "聚焦石泉", "市政府网站", "动态省级", "动态市级")
SCORE_COLUMNS = ("本期", "上期", "累计", "排名")
FIELDS = ("name", "ranked", *COUNT_COLUMNS, "note", *SCORE_COLUMNS)
WEIGHTS = dict(zip(COUNT_COLUMNS, map(Fraction, ("0.5", "0.5", "1", "10", "5")), strict=True))
ZERO_TEXTS = {"", "——", "—", "-"}
NOTE = "省市暂未反馈"
UNRANKED_MARK = "非政府序列部门"


def split_rows(text: str) -> list[list[str]]:
    """Dump text -> rows of raw cell texts (continuation lines joined with newlines)."""
    rows: list[list[str]] = []
    cells: list[str] = []
    pending_blank = 0
    for line in text.splitlines():
        if line.startswith("\t"):
            if pending_blank and cells:
                rows.append(cells)
                cells = []
            pending_blank = 0
            cells.append(line[1:])
        elif not line.strip():
            pending_blank += 1
        elif cells:
            # A line without a tab belongs to the current cell, blank lines included.
            cells[-1] += "\n" * (pending_blank + 1) + line
            pending_blank = 0
        else:
            pending_blank = 0  # text before the table (附件2, the title)
    if cells:
        rows.append(cells)
    return rows


def squeeze(text: str) -> str:
    """Drop every kind of whitespace: the dump pads Chinese names and notes with spaces."""
    return re.sub(r"\s+", "", text)


def number(text: str) -> Fraction:
    text = squeeze(text)
    return Fraction(0) if text in ZERO_TEXTS else Fraction(text)


def show(value: Fraction) -> str:
    """12.5 -> '12.5', 178 -> '178', 0 -> '0'."""
    if value.denominator == 1:
        return str(value.numerator)
    return str(float(value))


def roster_departments() -> list[tuple[str, bool]]:
    with ROSTER.open("rb") as fh:
        roster = tomllib.load(fh)
    return [(u["name"], u["ranked"]) for u in roster["unit"] if u["table"] == "部门"]


def parse(text: str, roster: list[tuple[str, bool]]) -> list[dict[str, str]]:
    """Rows of the dump whose first cell is a roster department -> CSV records."""
    ranked_of = dict(roster)
    records = []
    for cells in split_rows(text):
        name = squeeze(cells[0])
        if name not in ranked_of:
            continue
        if len(cells) < 7:
            raise ValueError(f"{name}: expected at least 7 cells, got {cells!r}")
        counts = [number(c) for c in cells[1:6]]
        note = squeeze(cells[6])
        if note not in ("", NOTE):
            raise ValueError(f"{name}: unexpected research cell {cells[6]!r}")
        scores = [squeeze(c) for c in cells[7:11]]
        ranked = bool(scores) and UNRANKED_MARK not in scores[0] and any(scores)
        if ranked:
            if len(scores) != 4:
                raise ValueError(f"{name}: expected 本期/上期/累计/排名, got {scores!r}")
            score_texts = [show(number(s)) for s in scores]
        else:
            score_texts = ["", "", "", ""]
        if ranked != ranked_of[name]:
            raise ValueError(f"{name}: ranked={ranked} in the dump, {ranked_of[name]} in roster")
        records.append(
            {
                "name": name,
                "ranked": "true" if ranked else "false",
                **{col: show(v) for col, v in zip(COUNT_COLUMNS, counts, strict=True)},
                "note": note,
                **dict(zip(SCORE_COLUMNS, score_texts, strict=True)),
            }
        )
    return records


def check(records: list[dict[str, str]], roster: list[tuple[str, bool]]) -> None:
    """The published arithmetic and the roster must both hold, or the oracle is wrong."""
    names = [r["name"] for r in records]
    expected = [name for name, _ in roster]
    if sorted(names) != sorted(expected) or len(set(names)) != len(names):
        raise AssertionError(f"names differ from the roster: {set(names) ^ set(expected)}")
    ranked = [r for r in records if r["ranked"] == "true"]
    if len(ranked) != 31 or len(records) - len(ranked) != 9:
        raise AssertionError(f"expected 31 ranked + 9 unranked, got {len(ranked)} ranked")
    for r in ranked:
        current = sum(WEIGHTS[c] * Fraction(r[c]) for c in COUNT_COLUMNS)
        if current != Fraction(r["本期"]):
            raise AssertionError(f"{r['name']}: 本期 {r['本期']} != weighted counts {current}")
        if Fraction(r["本期"]) + Fraction(r["上期"]) != Fraction(r["累计"]):
            raise AssertionError(f"{r['name']}: 累计 != 本期 + 上期")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", nargs="?", type=Path, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)

    roster = roster_departments()
    records = parse(args.seed.read_text(encoding="utf-8"), roster)
    check(records, roster)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    ranked = sum(r["ranked"] == "true" for r in records)
    print(f"{args.out}: {len(records)} rows ({ranked} ranked)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
