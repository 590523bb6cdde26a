"""Ledger rows → canonical adoption events, every row's fate, and the problems table.

Every ledger row ends in exactly one place: 计分 (scored), 不在本期, 重复 or 有问题.
Cells are checked once per distinct text, and the results joined back onto the rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from shiquan_score.dates import OK, parse_dates
from shiquan_score.period import Period
from shiquan_score.scheme import Scheme
from shiquan_score.text import has_word, norm_many
from shiquan_score.vocabulary import Vocabulary

ERROR, NOT_SCORED, INFO = "错误", "未计分", "提示"
SCORED, OUT, DUP, PROBLEM = "计分", "不在本期", "重复", "有问题"
PROBLEM_COLUMNS = ["where", "row", "column", "value", "level", "code", "message"]
_KEYS = ["unit", "category", "channel"]
_NO_TITLE = ("title", "", "标题为空", "标题为空，无法判断是否同一条信息，请补上标题")
_DATE_MESSAGES = {
    "blank": "日期为空，无法判断属于哪一期，请补上采用日期",
    "ambiguous": "日期“{v}”有歧义（月和日分不清），请写成 2020-10-12 或 2020年10月12日",
    "bad": "日期“{v}”无法识别，请写成 2020-10-12 或 2020年10月12日",
}


@dataclass
class Ledger:
    rows: pd.DataFrame  # one per ledger row, with status and reason
    events: pd.DataFrame  # one per scored (row, unit, channel), with share and item keys
    problems: pd.DataFrame  # PROBLEM_COLUMNS, sorted by where and row
    history: pd.DataFrame | None = None  # valid events earlier in the same year (research best-of)


def _text(col: pd.Series) -> pd.Series:
    if isinstance(col.dtype, pd.CategoricalDtype):
        col = col.astype(object)
    return col.fillna("").astype(str)


def _analysed(rows: pd.DataFrame, vocab: Vocabulary) -> pd.DataFrame:
    """units, category_name, channels, issues and repeated for every row.

    A 单位 cell is looked up once per distinct text, 类别 and 采用渠道 once per distinct pair,
    and their combination once per distinct canonical (units, category, channels): a big
    ledger holds a few thousand of each, however many rows it has.
    """
    unit_ids, unit_texts = pd.factorize(rows["unit"])
    units = [vocab.units_of(text) for text in unit_texts]
    cat_ids, cats = pd.factorize(rows["category"])
    chan_ids, chans = pd.factorize(rows["channel"])
    kind_ids, kinds = pd.factorize(cat_ids.astype(np.int64) * len(chans) + chan_ids)
    kind = [vocab.kind_of(cats[k // len(chans)], chans[k % len(chans)]) for k in kinds]
    out = pd.DataFrame(index=rows.index)
    out["units"] = pd.Series([u[0] for u in units], dtype=object).take(unit_ids).to_numpy()
    out["category_name"] = pd.Series([k[0] for k in kind], dtype=object).take(kind_ids).to_numpy()
    out["channels"] = pd.Series([k[1] for k in kind], dtype=object).take(kind_ids).to_numpy()
    unit_issues = pd.Series([u[1] for u in units], dtype=object).take(unit_ids).to_numpy()
    kind_issues = pd.Series([k[2] for k in kind], dtype=object).take(kind_ids).to_numpy()
    unit_repeats = pd.Series([u[2] for u in units], dtype=object).take(unit_ids).to_numpy()
    kind_repeats = pd.Series([k[3] for k in kind], dtype=object).take(kind_ids).to_numpy()
    out["repeated"] = _joined(unit_repeats, kind_repeats)
    out["issues"] = _joined(unit_issues, kind_issues)
    valid = (out["issues"].map(len).eq(0) & out["category_name"].notna()).to_numpy()
    if valid.any():
        pairs = unit_ids[valid].astype(np.int64) * len(kind) + kind_ids[valid]
        pair_ids, distinct = pd.factorize(pairs)
        found = [
            vocab.columns_of(
                units[p // len(kind)][0], kind[p % len(kind)][0], kind[p % len(kind)][1]
            )
            for p in distinct
        ]
        out.loc[valid, "issues"] = pd.Series(found, dtype=object).take(pair_ids).to_numpy()
    return out


def _joined(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Tuples joined row by row, building new ones only where the second is not empty (rare):
    a million rows keep sharing the few distinct tuples they point to."""
    joined = first.copy()
    some = np.fromiter((bool(t) for t in second), dtype=bool, count=len(second))
    joined[some] = first[some] + second[some]
    return joined


def _is_total(rows: pd.DataFrame, scheme: Scheme) -> pd.Series:
    """A 合计/小计 row (also `10月小计`): the word in the first column, the unit or the date
    cell, or alone as the title (a title may well contain 合计)."""
    words = scheme.total_words
    total = has_word(rows["title"], words, exact=True)
    for col in ["lead", "unit", "date_raw"]:
        total |= has_word(rows[col], words)
    return total


def _problem_frame(rows: pd.DataFrame, column, value, level, code, message) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "where": rows["where"].to_numpy(),
            "row": rows["row"].to_numpy(),
            "column": column,
            "value": value,
            "level": level,
            "code": code,
            "message": message,
        }
    )


def normalise(rows: pd.DataFrame, scheme: Scheme, period: Period) -> Ledger:
    """Ledger rows → (rows with status, scored events, problems). Nothing is dropped."""
    rows = rows.reset_index(drop=True).rename(columns={"date": "date_raw"})
    headers = rows.attrs.get("headers", {})
    vocab = Vocabulary(scheme)
    for key in _KEYS:
        rows[key] = _text(rows[key]).str.strip()
    rows = rows.join(_analysed(rows, vocab))
    rows = rows.join(parse_dates(rows["date_raw"]))
    # Every subset below copies each column: keep repetitive text as categories (cheap to take).
    for col in ("where", "date_raw"):
        rows[col] = rows[col].astype("category")

    untitled = _text(rows["title"]).str.strip() == ""
    rows.loc[untitled, "issues"] = rows.loc[untitled, "issues"].map(
        lambda found: (*found, _NO_TITLE)
    )

    total = _is_total(rows, scheme)
    rows = rows.drop(
        columns=["unit", "category", "channel", "remark", "source", "sheet", "lead"],
        errors="ignore",
    )
    bad_date = ~total & (rows["date_status"] != OK)
    dated = ~total & ~bad_date
    day = pd.to_datetime(rows["date"].where(dated, None))
    in_period = dated & day.between(pd.Timestamp(period.start), pd.Timestamp(period.end))
    out = dated & ~in_period
    broken = in_period & rows["issues"].map(len).gt(0)
    rows["status"] = SCORED
    rows.loc[total | bad_date | broken, "status"] = PROBLEM
    rows.loc[out, "status"] = OUT
    rows["reason"] = ""
    rows.loc[total, "reason"] = "合计行，不是采用记录，未计分"
    rows.loc[out, "reason"] = "不在本期（" + period.label + "）"

    problems = [
        _problem_frame(rows[total], "", "", NOT_SCORED, "合计行", rows.loc[total, "reason"]),
        _date_problems(rows[bad_date], headers.get("date", "日期")),
        _issue_problems(rows[broken], headers),
        _out_of_period(rows[out], headers.get("date", "日期"), period),
        _repeated_in_cell(rows[rows["repeated"].map(len).gt(0) & (rows["status"] == SCORED)]),
        _problem_frame(
            rows[rows["hidden"] & (rows["status"] == SCORED)],
            "",
            "",
            INFO,
            "隐藏行",
            "该行在 Excel 中被隐藏，已照常计分，请确认",
        ),
    ]
    year_start = pd.Timestamp(period.year, 1, 1)
    earlier = out & (day >= year_start) & rows["issues"].map(len).eq(0)
    # Only what scoring and the 明细 sheet need goes on: every column is copied per event.
    rows["date_status"] = rows["date_status"].astype("category")
    # One title key for the whole ledger (one normalisation path): earlier quarters' rows and
    # this quarter's must agree on what "the same item" is.
    # As integer codes: equal keys, equal codes; far lighter than strings through two explodes.
    rows["title_key"] = pd.factorize(norm_many(rows["title"]).str.rstrip("。.．"))[0]
    keep = ["where", "row", "date", "title_key", "units", "category_name", "channels"]
    history = _explode_units(
        _explode_channels(rows.loc[earlier & (day < pd.Timestamp(period.start)), keep])
    )
    events, dup_rows, dup_problems = _dedup(rows.loc[rows["status"] == SCORED, keep])
    rows.loc[dup_rows.index, "status"] = DUP
    rows.loc[dup_rows.index, "reason"] = dup_rows
    problems.append(dup_problems)
    found = [p for p in problems if len(p)]
    problem_table = (
        pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=PROBLEM_COLUMNS)
    )
    problem_table = problem_table.sort_values(["where", "row"], kind="stable", ignore_index=True)
    events = _explode_units(events)
    # The title rides along only once, at the end: by the position of its ledger row.
    events.insert(3, "title", rows["title"].array.take(events.pop("pos").to_numpy()))
    history = history.drop(columns="pos")
    rows = rows[["where", "row", "status", "reason"]]
    return Ledger(rows=rows, events=events, problems=problem_table, history=history)


def _repeated_in_cell(rows: pd.DataFrame) -> pd.DataFrame:
    """`财政局、财政局` or `部门动态、部门动态`: counted once, and said so (maybe a typo)."""
    parts = rows["repeated"].map("、".join)
    message = "同一格里“" + parts + "”写了两次，只计一次；如是笔误请改正台账"
    return _problem_frame(rows, "", parts, INFO, "重复", message)


def _out_of_period(out: pd.DataFrame, header: str, period: Period) -> pd.DataFrame:
    """One line per run of consecutive out-of-period rows: a year's ledger stays readable."""
    if out.empty:
        return _problem_frame(out, header, "", NOT_SCORED, "不在本期", "")
    where, row = out["where"], out["row"]
    starts = (where != where.shift()) | (row != row.shift() + 1)
    run = starts.cumsum()
    runs = (
        out.assign(run=run)
        .groupby("run", sort=False)
        .agg(
            where=("where", "first"),
            row=("row", "first"),
            last=("row", "last"),
            first_date=("date", "first"),
            n=("row", "size"),
        )
    )
    single = runs["n"] == 1
    message = (
        "不在本期（"
        + period.label
        + "）：第"
        + runs["row"].astype(str)
        + "行至第"
        + runs["last"].astype(str)
        + "行，共"
        + runs["n"].astype(str)
        + "行"
    )
    message[single] = "不在本期（" + period.label + "）"
    value = runs["first_date"].map(lambda d: d.isoformat()).where(single, "")
    return _problem_frame(runs, header, value, NOT_SCORED, "不在本期", message)


def _date_problems(bad: pd.DataFrame, header: str) -> pd.DataFrame:
    values = _text(bad["date_raw"])
    messages = [
        _DATE_MESSAGES[s].format(v=v) for s, v in zip(bad["date_status"], values, strict=True)
    ]
    return _problem_frame(bad, header, values, ERROR, "日期有误", messages)


def _issue_problems(broken: pd.DataFrame, headers: dict) -> pd.DataFrame:
    flat = broken[["where", "row", "issues"]].explode("issues")
    parts = pd.DataFrame(
        flat["issues"].tolist(), columns=["field", "value", "code", "message"], index=flat.index
    )
    columns = parts["field"].map(lambda f: headers.get(f, f))
    return _problem_frame(
        flat,
        columns.to_numpy(),
        parts["value"].to_numpy(),
        ERROR,
        parts["code"].to_numpy(),
        parts["message"].to_numpy(),
    )


def _explode_channels(rows: pd.DataFrame) -> pd.DataFrame:
    """One event per channel of a row, with the units' key (any order: the same item)."""
    events = rows.assign(channel_name=rows["channels"]).explode("channel_name")
    units = events["units"]
    events["units_key"] = units.map({u: "、".join(sorted(u)) for u in pd.unique(units)}).astype(str)
    return events


def _dedup(scored: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series, pd.DataFrame]:
    """Same unit(s), title and channel twice → count once; report every repeat."""
    events = _explode_channels(scored)
    key = ["units_key", "title_key", "channel_name"]
    involved = events.duplicated(key, keep=False)
    repeat = involved & events.duplicated(key, keep="first")
    # Only events with a twin need the "与第N行重复" note: a big ledger has few of them.
    twins = events[involved]
    first_row = twins.groupby(key, sort=False)["row"].transform("first")[repeat[involved]]
    first_where = twins.groupby(key, sort=False)["where"].transform("first")[repeat[involved]]
    dup_events = events[repeat]
    first_where = first_where.astype(str)
    origin = ("第" + first_row.astype(str) + "行").where(
        first_where == dup_events["where"].astype(str),
        first_where + " 第" + first_row.astype(str) + "行",
    )
    note = "与" + origin + "重复（单位、标题、渠道相同），只计一次"
    whole = repeat.groupby(level=0).all()
    dup_rows = note.groupby(level=0).first().reindex(whole[whole].index)
    level = [NOT_SCORED if whole[i] else INFO for i in dup_events.index]
    problems = _problem_frame(dup_events, "", dup_events["channel_name"], level, "重复", note)
    return events[~repeat], dup_rows, problems


def _explode_units(events: pd.DataFrame) -> pd.DataFrame:
    """One event per unit; a joint item gives each of its n units 1/n of count and points."""
    n_units = events["units"].map(len)
    out = events.assign(unit_name=events["units"], share=1.0 / n_units).explode("unit_name")
    out["pos"] = out.index  # the ledger row's position, kept through the explodes
    return out.drop(columns=["units", "channels"]).reset_index(drop=True)
