"""The accounting identity: rows read = scored + out + duplicates + problems, kinds by code."""

from __future__ import annotations

import pandas as pd

from shiquan_score.normalise.accounting import accounting
from shiquan_score.normalise.ledger import (
    DUP,
    ERROR,
    NOT_SCORED,
    OUT,
    PROBLEM,
    PROBLEM_COLUMNS,
    SCORED,
    Ledger,
)


def test_counts_key_on_codes_never_on_the_reason_text():
    rows = pd.DataFrame(
        {
            "where": ["甲.xlsx"] * 6,
            "row": [2, 3, 4, 5, 6, 7],
            "status": [SCORED, OUT, DUP, PROBLEM, PROBLEM, PROBLEM],
            # the texts say nothing to the count: only the code does
            "reason": ["", "不在本期", "重复", "任意文字", "在隐藏的工作表中，未计分", "合计行"],
            "code": ["", "", "", "HIDDEN_SHEET", "", ""],
        }
    )
    problems = pd.DataFrame(
        [dict.fromkeys(PROBLEM_COLUMNS, "") for _ in range(2)], columns=PROBLEM_COLUMNS
    )
    problems["code"] = ["TOTAL_ROW", "NO_UNIT"]
    problems["level"] = [NOT_SCORED, ERROR]
    ledger = Ledger(rows=rows, events=pd.DataFrame(), problems=problems)
    assert accounting(ledger) == {
        "read": 6,
        "scored": 1,
        "out": 1,
        "duplicate": 1,
        "problem": 3,
        "total_rows": 1,
        "footer_rows": 0,
        "hidden_sheet_rows": 1,
        "errors": 1,
    }
