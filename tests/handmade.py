"""Hand-made official tables for tests, drawn with tools/make_sample_data.py's writer.

`write_handmade` lays out 附件2 exactly as the office typed it by hand (merged headers, ——
for zero, the merged non-ranked block); rows are dicts as in the seed CSV.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from fractions import Fraction
from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
SEED_CSV = ROOT / "tests" / "data" / "seed_2020q4_departments.csv"
_COUNTS = {"部门动态": "news", "各镇快讯": "news", "聚焦石泉": "focus", "市政府网站": "city_site"}
_COUNTS |= {"动态省级": "province", "动态市级": "city"}


def _tool():
    name = "make_sample_data"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while it loads
        spec.loader.exec_module(module)
    return sys.modules[name]


def seed_rows() -> list[dict[str, str]]:
    """The published 附件2 of 2020 Q4, one dict per unit (ranked first, as published)."""
    with SEED_CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _unit(row: dict[str, str]) -> dict:
    def number(text: str) -> Fraction:
        return Fraction(text) if text else Fraction(0)

    unit = {"name": row["name"], "note": row.get("note", "")}
    for col, key in _COUNTS.items():
        unit[key] = unit.get(key, 0) + number(row.get(col, ""))
    if row["ranked"] == "true":
        unit |= {k: number(row[k]) for k in ("本期", "上期", "累计")} | {"rank": int(row["排名"])}
    return unit


def write_handmade(
    path: Path,
    rows: list[dict[str, str]],
    months: str = "10-12月",
    year: int = 2020,
    text_cells: set[tuple[str, str]] = frozenset(),
    towns: list[dict[str, str]] | None = None,
) -> Path:
    """附件2 (and 附件1 when `towns` is given) as a hand-made workbook; rows like seed_rows()."""
    tool = _tool()
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": tool.CREATED})
    fmt = tool.table_formats(wb)
    tables = [("附件1", "镇", "各镇快讯", towns)] if towns is not None else []
    for att, key, first, table_rows in [*tables, ("附件2", "部门", "部门动态", rows)]:
        ranked = [_unit(r) for r in table_rows if r["ranked"] == "true"]
        unranked = [_unit(r) for r in table_rows if r["ranked"] != "true"]
        tool.write_table(
            wb.add_worksheet(att), fmt, att, key, first, ranked, unranked, tool.REMARKS,
            set(text_cells), months=months, year=year,
        )  # fmt: skip
    wb.close()
    return path


def roster_rows(scheme, key: str, scores: dict[str, tuple[str, str, str]]) -> list[dict[str, str]]:
    """Every roster unit of table `key`, no counts; `scores` gives (本期, 上期, 累计) by name.

    Ranked units are sorted by 累计 and ranked 1, 2, 2, 4; the rest follow in roster order.
    """
    units = scheme.units[scheme.units["table"] == key]
    rows = []
    for name, ranked in zip(units["unit"], units["ranked"], strict=True):
        row = {"name": name, "ranked": "true" if ranked else "false"}
        if ranked:
            row |= dict(
                zip(("本期", "上期", "累计"), scores.get(name, ("0", "0", "0")), strict=True)
            )
        rows.append(row)
    ranked_rows = sorted((r for r in rows if "累计" in r), key=lambda r: -Fraction(r["累计"]))
    for r in ranked_rows:
        r["排名"] = str(1 + sum(Fraction(o["累计"]) > Fraction(r["累计"]) for o in ranked_rows))
    return ranked_rows + [r for r in rows if "累计" not in r]


def write_simple_tables(
    path: Path,
    scheme,
    totals: dict[str, str | float],
    *,
    months: str = "7-9月",
    year: int = 2020,
    titles: dict[str, str] | None = None,
    total_header: str = "累计",
    extra: dict[str, list[tuple[str, object]]] | None = None,
    tables: tuple[str, ...] = ("镇", "部门"),
    rename: dict[str, str] | None = None,
) -> Path:
    """A hand-made previous table as offices type it: one sheet per table key in `tables`,
    a months header (`months`, e.g. 7-9月 or 三季度), only 部门动态/各镇快讯 as a count column,
    本期/上期/`total_header`, every ranked roster unit with its 累计 from `totals` (0 else).

    `titles` overrides a table's title; `extra` appends (name, 累计) rows below a table's
    units (a 合计 row, a misspelt unit); `rename` prints a unit under another name."""
    rename = rename or {}
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": _tool().CREATED})
    for key in tables:
        spec = scheme.tables[key]
        ws = wb.add_worksheet(spec.sheet)
        ws.write_string(0, 0, spec.attachment)
        title = (titles or {}).get(key) or spec.title.format(county=scheme.county, year=year)
        ws.merge_range(2, 0, 2, 5, title)
        ws.merge_range(3, 0, 5, 0, "单位名称")
        ws.write_string(3, 1, "新闻动态")
        ws.write_string(4, 1, f"{months}采用情况（条）")
        ws.write_string(5, 1, "各镇快讯" if key == "镇" else "部门动态")
        ws.merge_range(3, 2, 4, 4, "得分情况（分）")
        ws.write_row(5, 2, ["本期", "上期", total_header])
        ws.merge_range(3, 5, 5, 5, "排名")
        units = scheme.units[(scheme.units["table"] == key) & scheme.units["ranked"]]["unit"]
        rows = [(rename.get(u, u), totals.get(u, 0)) for u in units]
        rows += (extra or {}).get(key, [])
        for r, (name, total) in enumerate(rows, start=6):
            ws.write_string(r, 0, name)
            ws.write_string(r, 1, "——")
            for c, value in ((2, total), (3, "——"), (4, total)):
                if isinstance(value, str):
                    ws.write_string(r, c, value)
                else:
                    ws.write_number(r, c, value)
            ws.write_number(r, 5, 1)
    wb.close()
    return path
