"""The demo inbox reproduces the real 2020 Q4 table, checked without the converter.

A deliberately tiny, independent reading of sample_data/: split units and channels, map the
aliases from templates/, skip rows outside Oct-Dec and the one exact duplicate, and count.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import tomllib
from collections import Counter, defaultdict
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample_data"
LEDGER = SAMPLE / "2020年信息采用台账.xlsx"
PREVIOUS = SAMPLE / "石泉县2020年7-9月信息采用情况统计表.xlsx"
SEED_CSV = REPO / "tests" / "data" / "seed_2020q4_departments.csv"
TOWNS_CSV = REPO / "tests" / "data" / "sample_expected_towns.csv"

# Table column -> (category, channel), as in rules.toml [[table]] columns.
DEPT_COLUMNS = {
    "部门动态": ("新闻动态", "部门动态"),
    "聚焦石泉": ("新闻动态", "聚焦石泉"),
    "市政府网站": ("新闻动态", "市政府网站"),
    "动态省级": ("政务动态", "省级"),
    "动态市级": ("政务动态", "市级"),
}
TOWN_COLUMNS = {"各镇快讯": ("新闻动态", "各镇快讯")} | {
    k: v for k, v in DEPT_COLUMNS.items() if k != "部门动态"
}
WEIGHTS = {"各镇快讯": "0.5", "部门动态": "0.5", "聚焦石泉": "0.5", "市政府网站": "1"}
WEIGHTS |= {"动态省级": "10", "动态市级": "5"}
Q4 = (dt.date(2020, 10, 1), dt.date(2020, 12, 31))


def load_toml(name: str) -> dict:
    with (REPO / "templates" / name).open("rb") as fh:
        return tomllib.load(fh)


def clean(text: object) -> str:
    """Spaces, full-width spaces and quotes mean nothing; half-width brackets are full-width."""
    text = re.sub(r"[\s\u3000“”\"'‘’]", "", str(text or ""))
    return text.replace("(", "（").replace(")", "）")


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def as_number(value: object) -> Fraction:
    text = clean(value)
    return Fraction(0) if text in ("", "——", "—", "-") else Fraction(text)


class Vocabulary:
    """Aliases from templates/, read directly: text -> canonical name."""

    def __init__(self) -> None:
        rules, roster = load_toml("rules.toml"), load_toml("roster.toml")
        ledger = rules["ledger"]
        self.fields = {clean(a): f for f, aliases in ledger["columns"].items() for a in aliases}
        self.unit_seps = ledger["unit_separators"]
        self.channel_seps = ledger["channel_separators"]
        self.prefixes = ledger["unit_prefixes"]
        self.units = {
            clean(a): u["name"] for u in roster["unit"] for a in [u["name"], *u["aliases"]]
        }
        self.table_of = {u["name"]: u["table"] for u in roster["unit"]}
        self.categories = {
            clean(a): c["name"] for c in rules["category"] for a in [c["name"], *c["aliases"]]
        }
        self.channels = {
            clean(a): c["name"] for c in rules["channel"] for a in [c["name"], *c["aliases"]]
        }
        self.implies = {c["name"]: c.get("implies") for c in rules["channel"]}

    @staticmethod
    def split(text: str, seps: list[str]) -> list[str]:
        parts = re.split("|".join(map(re.escape, seps)), text)
        return [p for p in map(clean, parts) if p]

    def unit(self, text: str) -> str:
        if text in self.units:
            return self.units[text]
        for prefix in self.prefixes:
            if text.startswith(prefix) and text[len(prefix) :] in self.units:
                return self.units[text[len(prefix) :]]
        raise AssertionError(f"unknown unit {text!r}")


def parse_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    match = re.fullmatch(r"(\d{4})\D(\d{1,2})\D(\d{1,2})\D?", clean(value))
    assert match, f"unreadable date {value!r}"
    return dt.date(*map(int, match.groups()))


@pytest.fixture(scope="module")
def counted() -> dict:
    """Count the ledger: {unit: Counter[(category, channel)]}, plus what was skipped."""
    vocab = Vocabulary()
    wb = openpyxl.load_workbook(LEDGER, data_only=True)
    ws = wb.worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    header_at = next(i for i, r in enumerate(rows) if sum(clean(c) in vocab.fields for c in r) >= 4)
    col = {
        vocab.fields[clean(c)]: i for i, c in enumerate(rows[header_at]) if clean(c) in vocab.fields
    }

    counts: dict[str, Counter] = defaultdict(Counter)
    seen: set[tuple] = set()
    skipped = {"outside": 0, "duplicate": 0, "scored": 0}
    for row in rows[header_at + 1 :]:
        if not any(row):
            continue
        if not Q4[0] <= parse_date(row[col["date"]]) <= Q4[1]:
            skipped["outside"] += 1
            continue
        key = (clean(row[col["unit"]]), clean(row[col["title"]]), clean(row[col["channel"]]))
        if key in seen:
            skipped["duplicate"] += 1
            continue
        seen.add(key)
        skipped["scored"] += 1
        units = [vocab.unit(u) for u in vocab.split(row[col["unit"]], vocab.unit_seps)]
        channels = [vocab.channels[c] for c in vocab.split(row[col["channel"]], vocab.channel_seps)]
        written = clean(row[col["category"]])
        for channel in channels:
            category = vocab.categories[written] if written else vocab.implies[channel]
            assert category, f"row {row}: no category for {channel}"
            for unit in units:
                counts[unit][(category, channel)] += Fraction(1, len(units))
    notes = {clean(r[0]): clean(r[1]) for r in wb["备注"].iter_rows(min_row=2, values_only=True)}
    return {"counts": counts, "skipped": skipped, "notes": notes, "vocab": vocab}


def test_every_row_is_accounted_for(counted: dict) -> None:
    assert counted["skipped"]["outside"] == 3
    assert counted["skipped"]["duplicate"] == 1
    assert counted["skipped"]["scored"] == 512  # README: 516 rows = 512 + 3 + 1 + 0


def test_department_counts_equal_the_seed(counted: dict) -> None:
    counts = counted["counts"]
    seed = read_csv(SEED_CSV)
    assert len(seed) == 40
    for row in seed:
        got = {col: counts[row["name"]][key] for col, key in DEPT_COLUMNS.items()}
        assert got == {col: Fraction(row[col]) for col in DEPT_COLUMNS}, row["name"]


def test_nothing_counted_outside_the_table_columns(counted: dict) -> None:
    vocab = counted["vocab"]
    for unit, counter in counted["counts"].items():
        columns = TOWN_COLUMNS if vocab.table_of[unit] == "镇" else DEPT_COLUMNS
        assert set(counter) <= set(columns.values()), unit


def test_notes_sheet_matches_the_seed(counted: dict) -> None:
    seed_notes = {r["name"]: r["note"] for r in read_csv(SEED_CSV) if r["note"]}
    assert counted["notes"] == seed_notes


def test_town_counts_and_expected_figures(counted: dict) -> None:
    towns = read_csv(TOWNS_CSV)
    assert len(towns) == 11
    totals = [Fraction(t["累计"]) for t in towns]
    assert totals == sorted(totals, reverse=True)
    for town in towns:
        got = {col: counted["counts"][town["name"]][key] for col, key in TOWN_COLUMNS.items()}
        assert got == {col: Fraction(town[col]) for col in TOWN_COLUMNS}, town["name"]
        current = sum(Fraction(WEIGHTS[c]) * Fraction(town[c]) for c in TOWN_COLUMNS)
        assert current == Fraction(town["本期"]), town["name"]
        assert current + Fraction(town["上期"]) == Fraction(town["累计"]), town["name"]
        assert int(town["排名"]) == 1 + sum(t > Fraction(town["累计"]) for t in totals)


def previous_totals(sheet: str) -> dict[str, Fraction]:
    """Name -> 累计 from the hand-made Q3 table (the 累计 column found by its header)."""
    ws = openpyxl.load_workbook(PREVIOUS, data_only=True)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    header = next(r for r in rows if "累计" in map(clean, r))
    total_col = [clean(c) for c in header].index("累计")
    return {
        clean(r[0]): as_number(r[total_col])
        for r in rows
        if r[0] and r[total_col] is not None and clean(r[total_col]) != "累计"
    }


def test_previous_table_totals_are_this_quarters_previous() -> None:
    seed = {r["name"]: Fraction(r["上期"]) for r in read_csv(SEED_CSV) if r["ranked"] == "true"}
    assert previous_totals("附件2") == seed
    towns = {r["name"]: Fraction(r["上期"]) for r in read_csv(TOWNS_CSV)}
    assert previous_totals("附件1") == towns
