"""Cell-by-cell comparison of one unit's row, and the likely cause of each difference.

The causes are read off the hand-made row itself: a 本期 that its own counts do not give, a
累计 that is not its 本期 + 上期, a rank that splits a tie. Only when the row is consistent in
itself does the cause point at the ledger (条数不同) or the previous table (上期).
"""

from __future__ import annotations

import pandas as pd

from shiquan_score.messages import listing, msg
from shiquan_score.normalise.text import fmt_number, norm
from shiquan_score.period import Period
from shiquan_score.previous.headers import label
from shiquan_score.previous.official import OfficialTable, cell_number
from shiquan_score.scheme.loader import Scheme
from shiquan_score.scheme.table_specs import TableSpec
from shiquan_score.score.standings import count_key

COLUMNS = ["table", "row", "unit", "column", "theirs", "ours", "cause", "detail"]
# The 核对 sheet's headers, in the order of COLUMNS.
HEADERS = {
    "table": "CHECK_COL_TABLE",
    "row": "CHECK_COL_ROW",
    "unit": "CHECK_COL_UNIT",
    "column": "CHECK_COL_COLUMN",
    "theirs": "CHECK_COL_THEIRS",
    "ours": "CHECK_COL_OURS",
    "cause": "CHECK_COL_CAUSE",
    "detail": "CHECK_COL_DETAIL",
}
SCORES = ("current", "previous", "total", "rank")
EPS = 0.005  # scores are shown to 2 decimals


class TableDiff:
    """Collects the differences of one table (rows of COLUMNS)."""

    def __init__(self, spec: TableSpec, scheme: Scheme, period: Period, theirs: OfficialTable):
        self.spec, self.scheme, self.period, self.theirs = spec, scheme, period, theirs
        self.records: list[list] = []
        self.kind = {c.value: j for j, c in enumerate(spec.columns)}
        self.weights = _column_weights(spec, scheme)
        ranked = scheme.units.set_index("unit")["ranked"]
        total = self.kind["total"]
        self.their_totals = {}
        if total in theirs.labels:
            for unit, value in theirs.rows[total].items():
                number = cell_number(value)
                if number is not None and ranked.get(unit, False):
                    self.their_totals[unit] = number

    def add(self, row, unit, column, theirs, ours, cause, detail) -> None:
        self.records.append([self.spec.attachment, row, unit, column, theirs, ours, cause, detail])

    def frame(self) -> pd.DataFrame:
        # object dtype: a blank 行号 stays "" (a float NaN cannot be written as a number)
        return pd.DataFrame(self.records, columns=COLUMNS, dtype=object)

    def unit(self, mine: pd.Series, theirs: pd.Series) -> None:
        """Compare the counts, then 本期/上期/累计/排名 (ranked units) or their absence."""
        their_counts, counts_differ = self._counts(mine, theirs)
        if mine["ranked"]:
            self._scores(mine, theirs, their_counts, counts_differ)
        else:
            self._unranked(theirs)

    def _counts(self, mine: pd.Series, theirs: pd.Series) -> tuple[dict[int, float], bool]:
        row, name = int(theirs["row"]), theirs["name"]
        their_counts: dict[int, float] = {}
        differ = False
        for j, column in enumerate(self.spec.columns):
            if column.value != "count":
                continue
            ours = float(mine[count_key(j)])
            if j not in self.theirs.labels:
                their_counts[j] = ours
                if ours:
                    self.add(row, name, label(column.header), "", ours,
                             msg("CHECK_CAUSE_NO_COLUMN"), msg("CHECK_DETAIL_NO_COLUMN"))  # fmt: skip
                continue
            value = theirs[j]
            got = cell_number(value)
            their_counts[j] = got or 0.0
            if got is None:
                if ours == 0 and mine["note"] and norm(value) == norm(mine["note"]):
                    continue  # the same note (省市暂未反馈) on both sides
                self.add(row, name, self.theirs.labels[j], str(value), ours,
                         msg("CHECK_CAUSE_COUNT_TEXT"), msg("CHECK_DETAIL_COUNT_TEXT"))  # fmt: skip
                differ = True
            elif abs(got - ours) >= EPS:
                detail = msg("CHECK_DETAIL_COUNT")
                if abs(abs(got - ours) % 1 - 0.5) < EPS:
                    detail += msg("CHECK_DETAIL_COUNT_SHARE")
                cause = msg("CHECK_CAUSE_COUNT")
                self.add(row, name, self.theirs.labels[j], got, ours, cause, detail)
                differ = True
        return their_counts, differ

    def _unranked(self, theirs: pd.Series) -> None:
        """A unit outside the ranking: one row when the hand-made table scores or ranks it."""
        for kind in ("rank", "total", "current", "previous"):
            j = self.kind[kind]
            got = cell_number(theirs[j]) if j in self.theirs.labels else None
            if got:
                self.add(int(theirs["row"]), theirs["name"], self.theirs.labels[j], got, "",
                         msg("CHECK_CAUSE_UNRANKED_SCORED"),
                         msg("CHECK_DETAIL_UNRANKED_SCORED"))  # fmt: skip
                return

    def _scores(self, mine, theirs, their_counts, counts_differ) -> None:
        row, name = int(theirs["row"]), theirs["name"]
        shown = [k for k in SCORES if self.kind[k] in self.theirs.labels]
        got: dict[str, float | None] = dict.fromkeys(SCORES)
        got |= {k: cell_number(theirs[self.kind[k]]) for k in shown}
        if shown and not any(got.values()):
            # Blank, —— or 不计分、不排名 in every score cell: listed among the unranked.
            j = self.kind["rank" if "rank" in shown else shown[0]]
            kind = self.spec.columns[j].value
            self.add(row, name, self.theirs.labels[j], _text(theirs[j]), _num(mine[kind]),
                     msg("CHECK_CAUSE_RANKED_UNSCORED"),
                     msg("CHECK_DETAIL_RANKED_UNSCORED"))  # fmt: skip
            return
        for kind in shown:
            if got[kind] is None:
                j = self.kind[kind]
                self.add(row, name, self.theirs.labels[j], str(theirs[j]), _num(mine[kind]),
                         msg("CHECK_CAUSE_SCORE_TEXT"), msg("CHECK_DETAIL_SCORE_TEXT"))  # fmt: skip
        differ = {k: v is not None and abs(v - _num(mine[k])) >= EPS for k, v in got.items()}
        causes = {
            "current": lambda: self._why_current(mine, got, their_counts, counts_differ),
            "previous": lambda: (
                msg("CHECK_CAUSE_PREVIOUS"),
                msg("CHECK_DETAIL_PREVIOUS", points=fmt_number(_num(mine["previous"]))),
            ),
            "total": lambda: self._why_total(got, differ),
            "rank": lambda: self._why_rank(mine.name, got),
        }
        for kind in SCORES:
            if differ[kind]:
                cause, detail = causes[kind]()
                j = self.kind[kind]
                self.add(
                    row, name, self.theirs.labels[j], got[kind], _num(mine[kind]), cause, detail
                )

    def _why_current(self, mine, got, their_counts, counts_differ) -> tuple[str, str]:
        plain = sum(float(mine[count_key(j)]) * w for j, w in self.weights.items())
        best_of = float(mine["current"]) - plain  # research items: bonuses not added twice
        expected = sum(their_counts.get(j, 0.0) * w for j, w in self.weights.items()) + best_of
        if abs(expected - got["current"]) >= EPS:
            return (
                msg("CHECK_CAUSE_CURRENT_VS_COUNTS"),
                msg("CHECK_DETAIL_CURRENT_VS_COUNTS", points=fmt_number(expected)),
            )
        if counts_differ:
            return msg("CHECK_CAUSE_COUNT"), msg("CHECK_DETAIL_CURRENT_FROM_COUNTS")
        return msg("CHECK_CAUSE_CURRENT"), msg("CHECK_DETAIL_CURRENT")

    def _why_total(self, got, differ) -> tuple[str, str]:
        if got["current"] is not None and got["previous"] is not None:
            added = got["current"] + got["previous"]
            if abs(added - got["total"]) >= EPS:
                return msg("CHECK_CAUSE_TOTAL_SUM"), msg(
                    "CHECK_DETAIL_TOTAL_SUM",
                    added=fmt_number(added),
                    total=fmt_number(got["total"]),
                )
        if differ["current"] or differ["previous"]:
            return msg("CHECK_CAUSE_TOTAL_PARTS"), msg("CHECK_DETAIL_TOTAL_PARTS")
        return msg("CHECK_CAUSE_TOTAL"), msg("CHECK_DETAIL_TOTAL")

    def _why_rank(self, unit: str, got) -> tuple[str, str]:
        total = got["total"]
        if total is None:
            return msg("CHECK_CAUSE_RANK"), msg("CHECK_DETAIL_RANK_NO_TOTAL")
        rank = 1 + sum(v > total + EPS for v in self.their_totals.values())
        tied = [u for u, v in self.their_totals.items() if u != unit and abs(v - total) < EPS]
        if rank != got["rank"] and tied:
            others = listing(self.scheme.display_name(u, self.period.end) for u in tied)
            return msg("CHECK_CAUSE_TIE_SPLIT"), msg(
                "CHECK_DETAIL_TIE_SPLIT", others=others, total=fmt_number(total), rank=rank
            )
        if rank != got["rank"]:
            return msg("CHECK_CAUSE_RANK_VS_TOTAL"), msg("CHECK_DETAIL_RANK_VS_TOTAL", rank=rank)
        return msg("CHECK_CAUSE_TOTAL"), msg("CHECK_DETAIL_RANK_FROM_TOTAL")


def _column_weights(spec: TableSpec, scheme: Scheme) -> dict[int, float]:
    """Count column → points per item, when all the pairs it counts weigh the same."""
    weights = scheme.weights
    by_class = weights["class"] != ""  # a pair whose points differ by class has no one weight
    varying = set(
        zip(weights.loc[by_class, "category"], weights.loc[by_class, "channel"], strict=True)
    )
    table = weights[~by_class].set_index(["category", "channel"])["points"]
    weights = {}
    for j, column in enumerate(spec.columns):
        if any(pair in varying for pair in column.count):
            continue
        points = {float(table[pair]) for pair in column.count}
        if column.value == "count" and len(points) == 1:
            weights[j] = points.pop()
    return weights


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _num(value) -> float:
    return 0.0 if pd.isna(value) else float(value)
