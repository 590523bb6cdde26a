"""Totals rows and signature footers: a cell that IS the word, never a title mentioning it."""

from __future__ import annotations

import pandas as pd
import pytest

from shiquan_score.normalise.closing import closing_cells, closing_rows


def _rows(*cells: tuple) -> pd.DataFrame:
    return pd.DataFrame(cells, columns=["lead", "unit", "date_raw", "title"], dtype=object)


@pytest.mark.parametrize(
    ("row", "total", "footer"),
    [
        (("合计", None, None, None), True, False),
        (("总 计", None, None, "35条"), True, False),
        ((None, "10月小计", None, None), True, False),
        ((None, None, "一季度合计：１２", None), True, False),
        (("制表人：张三", "审核：李四", None, None), False, True),
        ((None, None, "制表日期：2021年4月2日", None), False, True),
        (("我县一季度招商引资合计签约12亿元", "财政局", "2021-01-05", "t"), False, False),
        (("1", None, None, "全县总计划投资再创新高"), False, False),
        (("合计", "财政局", "2021-01-05", "财政局推进预算公开"), False, False),
        (("审核", "财政局", None, "审核工作推进"), False, False),
        # The title column first: its cell is both "lead" and "title".
        (("制表人：张三", None, None, "制表人：张三"), False, True),
        (("审核：李四 制表：王五", None, None, "审核：李四 制表：王五"), False, True),
        (("审核：县政府办", "财政局", None, "审核：县政府办"), False, False),
    ],
)
def test_closing_rows(scheme, row, total, footer):
    is_total, is_footer = closing_rows(_rows(row), scheme)
    assert (bool(is_total.iloc[0]), bool(is_footer.iloc[0])) == (total, footer)


def test_closing_cells_on_categories_and_blanks(scheme):
    values = pd.Series(["合计", None, "小 计", "统计局", "制表：王五"], dtype="category")
    assert closing_cells(values, scheme).tolist() == [True, False, True, False, True]
