"""tools/check_cells: each difference of a hand-made row with its likely cause, word for word."""

from __future__ import annotations

import pandas as pd

from shiquan_score.period import Period
from shiquan_score.previous.headers import label
from shiquan_score.previous.official import OfficialTable
from shiquan_score.score.standings import count_key
from shiquan_score.tools.check_cells import COLUMNS, TableDiff

Q4 = Period(2020, 4)


def _diff(scheme, mine_counts, mine_scores, their_counts, their_scores):
    spec = scheme.tables["部门"]
    kind = {c.value: j for j, c in enumerate(spec.columns)}
    counts = [j for j, c in enumerate(spec.columns) if c.value == "count"]
    theirs = pd.Series({"row": 7, "name": "财政局"}, dtype=object)
    mine = pd.Series({"ranked": True, "note": ""}, dtype=object, name="财政局")
    for j in counts:
        theirs[j] = their_counts.get(j, "——")
        mine[count_key(j)] = mine_counts.get(j, 0.0)
    for k in ("current", "previous", "total", "rank"):
        theirs[kind[k]] = their_scores[k]
        mine[k] = mine_scores[k]
    table = OfficialTable(
        table="部门",
        where="手工表.xlsx（附件2）",
        year=2020,
        quarter=4,
        labels={j: label(c.header) for j, c in enumerate(spec.columns)},
        unmatched=[],
        rows=pd.DataFrame([theirs]).set_index(pd.Index(["财政局"])),
    )
    diff = TableDiff(spec, scheme, Q4, table)
    diff.unit(mine, theirs)
    return spec, kind, diff.frame()


def test_a_total_that_is_not_current_plus_previous(scheme):
    j = 1  # 新闻动态/部门动态, 0.5 points each
    spec, kind, found = _diff(
        scheme,
        {j: 2.0},
        {"current": 1.0, "previous": 10.0, "total": 11.0, "rank": 1},
        {j: 2},
        {"current": 1, "previous": 10, "total": 12, "rank": 1},
    )
    assert list(found.columns) == COLUMNS
    assert found.to_numpy().tolist() == [
        [
            spec.attachment,
            7,
            "财政局",
            label(spec.columns[kind["total"]].header),
            12.0,
            11.0,
            "累计≠本期+上期",
            "核对表本行本期 + 上期 = 11 分，累计却是 12 分",
        ]
    ]


def test_a_count_half_an_item_off_explains_the_scores(scheme):
    j = 1
    spec, kind, found = _diff(
        scheme,
        {j: 2.5},
        {"current": 1.25, "previous": 10.0, "total": 11.25, "rank": 1},
        {j: 2},
        {"current": 1, "previous": 10, "total": 11, "rank": 1},
    )
    header = {k: label(spec.columns[kind[k]].header) for k in kind}
    assert found.to_numpy().tolist() == [
        [spec.attachment, 7, "财政局", label(spec.columns[j].header), 2.0, 2.5, "条数不同",
         "该单位此项的每一条记录见“明细”表；联合报送的信息每个单位各计一份（如0.5条），请核对是否按份额计"],
        [spec.attachment, 7, "财政局", header["current"], 1.0, 1.25, "条数不同",
         "核对表本行的条数与台账不同，本期分数随之不同"],
        [spec.attachment, 7, "财政局", header["total"], 11.0, 11.25, "本期或上期不同",
         "本期或上期分数不同，累计随之不同"],
    ]  # fmt: skip
