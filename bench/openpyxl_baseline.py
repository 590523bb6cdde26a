"""The script a helpful colleague would write instead of shiquan_score: openpyxl, one loop, dicts.

It is the yardstick of issue 4 ("at 200,000 rows, at least 3x faster than a plain openpyxl
row-loop script doing the same scoring"), so it is meant to be fair, not slow: read-only
workbooks, one pass over the rows, aliases and weights from templates/ in plain dicts, the same
scoring rules (joint items split, research bonus best-of, exact duplicates counted once), the
previous table's 累计 added, and a small result workbook written with openpyxl.

Usage: python bench/openpyxl_baseline.py INBOX OUT.xlsx [2020Q4]
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

import openpyxl

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SEPARATORS = re.compile(r"[、，,；;/／+＋]")
TEXT_DATE = re.compile(r"(\d{4})\D{1,2}(\d{1,2})\D{1,2}(\d{1,2})")


def clean(text) -> str:
    text = re.sub(r"[\s\u3000“”\"'《》]", "", str(text or ""))
    return text.replace("(", "（").replace(")", "）")


def load_templates():
    with (TEMPLATES / "rules.toml").open("rb") as fh:
        rules = tomllib.load(fh)
    with (TEMPLATES / "roster.toml").open("rb") as fh:
        roster = tomllib.load(fh)["unit"]
    units = {clean(a): u["name"] for u in roster for a in [u["name"], *u["aliases"]]}
    channels = {clean(a): c["name"] for c in rules["channel"] for a in [c["name"], *c["aliases"]]}
    categories = {
        clean(a): c["name"] for c in rules["category"] for a in [c["name"], *c["aliases"]]
    }
    implies = {c["name"]: c["implies"] for c in rules["channel"] if "implies" in c}
    best_of = {(c["name"], ch) for c in rules["category"] for ch in c.get("best_of", [])}
    weights = {(w["category"], w["channel"]): w["points"] for w in rules["scoring"]["weights"]}
    ranked = {u["name"]: u["table"] for u in roster if u["ranked"]}
    return units, channels, categories, implies, best_of, weights, ranked


def unit_of(text: str, units: dict) -> str | None:
    key = clean(text)
    for candidate in (key, key.removeprefix("石泉县"), key.removeprefix("县")):
        if candidate in units:
            return units[candidate]
    return None


def as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    match = TEXT_DATE.search(str(value or ""))
    return dt.date(*map(int, match.groups())) if match else None


def header_of(rows) -> tuple[int, dict[str, int]] | None:
    for position, row in enumerate(rows):
        names = {clean(v): i for i, v in enumerate(row) if v is not None}
        found = {
            key: next((names[n] for n in options if n in names), None)
            for key, options in {
                "date": ("日期", "采用日期", "刊发日期"),
                "unit": ("单位", "报送单位", "单位名称", "供稿单位"),
                "title": ("标题", "信息标题", "稿件标题"),
                "category": ("类别", "信息类别"),
                "channel": ("采用渠道", "采用情况", "采用栏目"),
            }.items()
        }
        if found["date"] is not None and found["unit"] is not None:
            return position, found
    return None


def main(inbox: Path, out: Path, quarter: str = "2020Q4") -> int:
    units, channels, categories, implies, best_of, weights, ranked = load_templates()
    year, q = int(quarter[:4]), int(quarter[-1])
    first, last = dt.date(year, 3 * q - 2, 1), dt.date(year + q // 4, 3 * q % 12 + 1, 1)
    points: dict[str, float] = defaultdict(float)
    research: dict[tuple, float] = {}
    previous: dict[str, float] = {}
    seen: set[tuple] = set()
    read = scored = problems = 0
    for path in sorted(inbox.glob("*.xlsx")):
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for worksheet in workbook.worksheets:
            rows = worksheet.iter_rows(values_only=True)
            head = [next(rows, ()) for _ in range(8)]
            header = header_of(head)
            if header is None:  # a previous table: unit names in A, 累计 under its header
                total_col = next(
                    (i for row in head for i, v in enumerate(row) if clean(v) == "累计"), None
                )
                for row in rows if total_col is not None else ():
                    if len(row) > total_col and isinstance(row[total_col], int | float):
                        previous[clean(row[0])] = float(row[total_col])
                continue
            position, columns = header
            for row in itertools.chain(head[position + 1 :], rows):
                if not any(v is not None for v in row):
                    continue
                read += 1
                date = as_date(row[columns["date"]])
                if date is None or not first <= date < last:
                    continue
                unit_parts = SEPARATORS.split(str(row[columns["unit"]] or ""))
                channel_parts = SEPARATORS.split(str(row[columns["channel"]] or ""))
                cell_units = [unit_of(p, units) for p in unit_parts if clean(p)]
                cell_channels = [channels.get(clean(p)) for p in channel_parts if clean(p)]
                raw = clean(row[columns["category"]]) if columns["category"] is not None else ""
                category = categories.get(raw) if raw else None
                if not raw and len({implies.get(c) for c in cell_channels}) == 1:
                    category = implies.get(cell_channels[0])
                if None in cell_units or None in cell_channels or not cell_units or not category:
                    problems += 1
                    continue
                item = (tuple(dict.fromkeys(cell_units)), clean(row[columns["title"]]))
                counted = False
                for channel in cell_channels:
                    weight = weights.get((category, channel))
                    if weight is None or (*item, channel) in seen:
                        continue
                    seen.add((*item, channel))
                    counted = True
                    if (category, channel) in best_of:
                        research[item] = max(research.get(item, 0), weight)
                    else:
                        for unit in item[0]:
                            points[unit] += weight / len(item[0])
                scored += counted
        workbook.close()
    for (item_units, _), bonus in research.items():
        for unit in item_units:
            points[unit] += bonus / len(item_units)

    result = openpyxl.Workbook()
    sheet = result.active
    sheet.append(["单位", "本期", "上期", "累计", "排名"])
    totals = {u: round(points[u], 2) + previous.get(u, 0.0) for u in ranked}
    for unit in sorted(ranked, key=lambda u: (ranked[u], -totals[u])):
        rank = 1 + sum(t > totals[unit] for u, t in totals.items() if ranked[u] == ranked[unit])
        sheet.append([unit, round(points[unit], 2), previous.get(unit, 0.0), totals[unit], rank])
    result.save(out)
    print(f"读取 {read} 行，计分 {scored} 行，有问题 {problems} 行")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), *sys.argv[3:]))
