"""roster.toml read: each unit's table, ranking, class and order; a class a block table lacks."""

from __future__ import annotations

import pytest

from shiquan_score.errors import SchemeError
from shiquan_score.scheme.loader import load_scheme
from tests.schemes import mini_scheme


def test_units_keep_their_class_and_order(tmp_path):
    scheme = load_scheme(*mini_scheme(tmp_path, classes={"甲局": "一类单位", "丙局": "二类单位"}))
    units = scheme.units.set_index("unit")
    assert units["class"].to_dict() == {
        "甲局": "一类单位",
        "乙局": "",
        "丙局": "二类单位",
        "丁局": "",
    }
    assert units["order"].tolist() == [0, 1, 2, 3]


def test_a_ranked_unit_outside_the_tables_classes_is_refused(tmp_path):
    classes = dict.fromkeys(("甲局", "乙局", "丙局"), "一类单位") | {"丁局": "四类单位"}
    with pytest.raises(SchemeError) as exc:
        load_scheme(*mini_scheme(tmp_path, table='classes = ["一类单位"]', classes=classes))
    assert str(exc.value) == (
        "roster.toml 单位“丁局”“四类单位”：表“单位”分类排名，每个计分单位的 class 应为 一类单位 之一"
    )
