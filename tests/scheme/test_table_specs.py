"""The [[table]] entries of rules.toml read into TableSpecs, each mistake said by its place."""

from __future__ import annotations

import copy

import pytest

from shiquan_score.errors import SchemeError
from shiquan_score.scheme.loader import DEFAULT_RULES, load_scheme, load_toml
from shiquan_score.scheme.table_specs import MAX_HEADER_ROWS, Column, read_tables

RULES = load_toml(DEFAULT_RULES)
WHERE = "rules.toml"
WEIGHTS = load_scheme().weights  # (category, channel) pairs a count column may name


def _read(rules: dict) -> tuple[dict, list[str]]:
    found: list[str] = []
    return read_tables(rules, WEIGHTS, WHERE, found), found


def test_the_default_tables_with_every_header_as_deep_as_the_layout():
    tables, found = _read(RULES)
    assert found == []
    assert list(tables) == [t["key"] for t in RULES["table"]]
    rows = RULES.get("layout", {}).get("header_rows", 4)
    for spec, entry in zip(tables.values(), RULES["table"], strict=True):
        assert spec.sheet == entry["sheet"] and len(spec.columns) == len(entry["columns"])
        assert all(isinstance(c, Column) and len(c.header) == rows for c in spec.columns)
        kinds = [c.value for c in spec.columns]
        assert all(kinds.count(k) == 1 for k in ("name", "current", "previous", "total", "rank"))


def test_a_column_of_an_unknown_kind_is_named_by_table_and_column():
    rules = copy.deepcopy(RULES)
    rules["table"][0]["columns"][0]["value"] = "sum"
    with pytest.raises(SchemeError) as caught:
        _read(rules)
    assert str(caught.value) == (
        "rules.toml 表“镇” 第1列 的 value 应为 name、count、current、previous、total、rank 之一"
    )


def test_header_rows_beyond_the_most_are_refused():
    rules = copy.deepcopy(RULES)
    rules.setdefault("layout", {})["header_rows"] = MAX_HEADER_ROWS + 1
    with pytest.raises(SchemeError) as caught:
        _read(rules)
    assert str(caught.value) == (
        f"{WHERE} [layout] 的“header_rows”应为1到{MAX_HEADER_ROWS}的整数（表头的行数），"
        f"现为 {MAX_HEADER_ROWS + 1}"
    )
