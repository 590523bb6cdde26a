"""The mark on every workbook this tool writes: custom document properties naming the tool,
the period, the scheme and the role of each sheet. Next quarter's run recognises its own
workbook by this mark, whatever the scheme's wording (read/own.py reads it back)."""

from __future__ import annotations

import json

TOOL = "ShiquanScore"
VERSION = "1"
PERIOD, SCHEME, KIND, SHEET = "ShiquanPeriod", "ShiquanScheme", "ShiquanKind", "ShiquanSheet"
TABLES, PROBLEM_LIST = "tables", "problems"
# Roles of sheets that are not an official table (an official table's role is its table key).
DETAIL, PROBLEMS, CHECK, RECORD = "detail", "problems", "check", "record"
_MAX = 255  # Excel's limit for a custom property's text


def mark(period_code: str, scheme_name: str, kind: str, sheets: list[tuple[str, str]]) -> dict:
    """The custom properties: `sheets` are (role, sheet name) in workbook order."""
    props = {TOOL: VERSION, PERIOD: period_code, SCHEME: scheme_name[:_MAX], KIND: kind}
    for i, (role, name) in enumerate(sheets, start=1):
        props[f"{SHEET}{i}"] = json.dumps([role, name], ensure_ascii=False)
    return props
