"""Cell-by-cell comparison of one unit's row, and the likely cause of each difference.

The causes are read off the hand-made row itself: a 本期 that its own counts do not give, a
累计 that is not its 本期 + 上期, a rank that splits a tie. Only when the row is consistent in
itself does the cause point at the ledger (条数不同) or the previous table (上期).
"""

from __future__ import annotations

import pandas as pd

from shiquan_score.normalise.text import fmt_number, norm
from shiquan_score.period import Period
from shiquan_score.previous.headers import label
from shiquan_score.previous.official import OfficialTable, cell_number
from shiquan_score.scheme.loader import Scheme, TableSpec
from shiquan_score.score.standings import count_key

COLUMNS = ["表", "行号", "单位", "列", "核对表", "程序计算", "可能原因", "说明"]
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
                    self.add(row, name, label(column.header), "", ours, "核对表缺少此列",
                             "本单位在这一列有采用，核对表没有这一列")  # fmt: skip
                continue
            value = theirs[j]
            got = cell_number(value)
            their_counts[j] = got or 0.0
            if got is None:
                if ours == 0 and mine["note"] and norm(value) == norm(mine["note"]):
                    continue  # the same note (省市暂未反馈) on both sides
                self.add(row, name, self.theirs.labels[j], str(value), ours, "条数格是文字",
                         "核对表此格写的是文字，不是条数")  # fmt: skip
                differ = True
            elif abs(got - ours) >= EPS:
                detail = "该单位此项的每一条记录见“明细”表"
                if abs(abs(got - ours) % 1 - 0.5) < EPS:
                    detail += "；联合报送的信息每个单位各计一份（如0.5条），请核对是否按份额计"
                self.add(row, name, self.theirs.labels[j], got, ours, "条数不同", detail)
                differ = True
        return their_counts, differ

    def _unranked(self, theirs: pd.Series) -> None:
        """A unit outside the ranking: one row when the hand-made table scores or ranks it."""
        for kind in ("rank", "total", "current", "previous"):
            j = self.kind[kind]
            got = cell_number(theirs[j]) if j in self.theirs.labels else None
            if got:
                self.add(int(theirs["row"]), theirs["name"], self.theirs.labels[j], got, "",
                         "不计分单位有分数", "该单位不计分、不排名，核对表却给出了分数或名次")  # fmt: skip
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
                     "计分单位未计分", "该单位计分、排名，核对表却没有给它分数和名次")  # fmt: skip
            return
        for kind in shown:
            if got[kind] is None:
                j = self.kind[kind]
                self.add(row, name, self.theirs.labels[j], str(theirs[j]), _num(mine[kind]),
                         "分数格是文字", "核对表此格写的是文字，不是分数")  # fmt: skip
        differ = {k: v is not None and abs(v - _num(mine[k])) >= EPS for k, v in got.items()}
        causes = {
            "current": lambda: self._why_current(mine, got, their_counts, counts_differ),
            "previous": lambda: (
                "上期与上期表不符",
                f"本次的上期取自上期表的累计（{fmt_number(_num(mine['previous']))} 分）",
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
                "本期分数与各项条数不符",
                f"按核对表本行的条数算，本期应为 {fmt_number(expected)} 分",
            )
        if counts_differ:
            return "条数不同", "核对表本行的条数与台账不同，本期分数随之不同"
        return "本期分数不同", "请对照“明细”表中该单位的每一条记录"

    def _why_total(self, got, differ) -> tuple[str, str]:
        if got["current"] is not None and got["previous"] is not None:
            added = got["current"] + got["previous"]
            if abs(added - got["total"]) >= EPS:
                return "累计≠本期+上期", (
                    f"核对表本行本期 + 上期 = {fmt_number(added)} 分，"
                    f"累计却是 {fmt_number(got['total'])} 分"
                )
        if differ["current"] or differ["previous"]:
            return "本期或上期不同", "本期或上期分数不同，累计随之不同"
        return "累计不同", "请核对本行的本期、上期和累计"

    def _why_rank(self, unit: str, got) -> tuple[str, str]:
        total = got["total"]
        if total is None:
            return "名次不同", "核对表没有累计分，无法判断原因"
        rank = 1 + sum(v > total + EPS for v in self.their_totals.values())
        tied = [u for u, v in self.their_totals.items() if u != unit and abs(v - total) < EPS]
        if rank != got["rank"] and tied:
            others = "、".join(self.scheme.display_name(u, self.period.end) for u in tied)
            return "并列名次被排开", f"与{others}累计同为 {fmt_number(total)} 分，应并列第{rank}名"
        if rank != got["rank"]:
            return "排名与累计分不符", f"按核对表的累计分应为第{rank}名"
        return "累计不同", "累计分不同，名次随之变化"


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
