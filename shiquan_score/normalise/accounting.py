"""The accounting identity of a run: every ledger row read ends in exactly one place."""

from __future__ import annotations

from shiquan_score.normalise.ledger import (
    DUP,
    ERROR,
    OUT,
    PROBLEM,
    SCORED,
    Ledger,
)


def accounting(ledger: Ledger) -> dict[str, int]:
    """rows read = scored + outside the period + duplicates + problems."""
    status = ledger.rows["status"].value_counts()
    return {
        "read": len(ledger.rows),
        "scored": int(status.get(SCORED, 0)),
        "out": int(status.get(OUT, 0)),
        "duplicate": int(status.get(DUP, 0)),
        "problem": int(status.get(PROBLEM, 0)),
        "total_rows": int((ledger.problems["code"] == "TOTAL_ROW").sum()),
        "footer_rows": int((ledger.problems["code"] == "FOOTER_ROW").sum()),
        "hidden_sheet_rows": int(ledger.rows["code"].eq("HIDDEN_SHEET").sum()),
        "errors": int((ledger.problems["level"] == ERROR).sum()),
    }
