"""[scoring] of the rules file: the weights (with deductions and class weights) and the policies.

- A category marked `deduction = true` holds deductions: its weights are negative (约稿未报送 −10).
- A weight may name a unit `class` (一类单位): units of that class score by it instead of the
  weight without a class.
- `joint` says how a joint item's points are credited: split (each of n units 1/n, the
  default), full (each unit the whole points), fixed (each unit `joint_points`).
- `floor` stops a score at 0: "current" (本期 never below 0) or "total" (累计 never below 0).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from shiquan_score.errors import SchemeError
from shiquan_score.messages import listing, msg

JOINT = {
    "split": msg("SCHEME_JOINT_SPLIT"),
    "full": msg("SCHEME_JOINT_FULL"),
    "fixed": msg("SCHEME_JOINT_FIXED"),
}
FLOORS = {"current": msg("SCHEME_FLOOR_CURRENT"), "total": msg("SCHEME_FLOOR_TOTAL")}
WEIGHT_COLUMNS = ["category", "channel", "points", "best_of", "class"]


@dataclass(frozen=True)
class Policy:
    """How points are credited beyond the weights themselves."""

    joint: str = "split"
    joint_points: float = 0.0
    floor: str | None = None  # "current", "total" or None


def read_policy(scoring: dict, where: str) -> Policy:
    """[scoring] joint, joint_points and floor, checked."""
    place = f"{where} [scoring]"
    joint = scoring.get("joint", "split")
    if joint not in JOINT:
        choices = listing(msg("SCHEME_CHOICE", key=k, meaning=v) for k, v in JOINT.items())
        raise SchemeError(msg("SCHEME_JOINT", place=place, choices=choices, value=repr(joint)))
    points = scoring.get("joint_points")
    if joint == "fixed":
        if not _number(points) or points <= 0:
            raise SchemeError(msg("SCHEME_JOINT_POINTS", place=place, value=repr(points)))
    elif points is not None:
        raise SchemeError(msg("SCHEME_JOINT_POINTS_UNUSED", place=place))
    floor = scoring.get("floor")
    if floor is not None and floor not in FLOORS:
        choices = listing(msg("SCHEME_FLOOR_CHOICE", key=k, score=v) for k, v in FLOORS.items())
        raise SchemeError(msg("SCHEME_FLOOR", place=place, choices=choices, value=repr(floor)))
    return Policy(joint, float(points or 0), floor)


def read_weights(rules: dict, categories: set[str], channels: set[str], where: str) -> pd.DataFrame:
    """The weights as a frame (category, channel, points, best_of, class); refuse what is wrong."""
    scoring = rules.get("scoring")
    if not isinstance(scoring, dict) or "weights" not in scoring:
        key = "weights" if isinstance(scoring, dict) else "scoring"
        raise SchemeError(msg("SCHEME_KEY_MISSING", where=where, key=key))
    rows = scoring["weights"]
    best_of = {c["name"]: set(c.get("best_of", [])) for c in rules["category"]}
    deduction = {c["name"] for c in rules["category"] if c.get("deduction")}
    records = []
    for i, entry in enumerate(rows, start=1):
        label = msg("SCHEME_AT_WEIGHT", where=where, i=i)
        cat, chan = _text(entry, "category", label), _text(entry, "channel", label)
        points = entry.get("points")
        if cat not in categories:
            raise SchemeError(msg("SCHEME_WEIGHT_CATEGORY", label=label, category=cat))
        if chan not in channels:
            raise SchemeError(msg("SCHEME_WEIGHT_CHANNEL", label=label, channel=chan))
        if cat in deduction:
            if best_of.get(cat):
                raise SchemeError(msg("SCHEME_DEDUCTION_BEST_OF", where=where, category=cat))
            if not _number(points) or points >= 0:
                raise SchemeError(
                    msg("SCHEME_DEDUCTION_POINTS", label=label, category=cat, value=repr(points))
                )
        elif not _number(points) or points < 0:
            hint = msg("SCHEME_DEDUCTION_ELSEWHERE") if _number(points) else ""
            raise SchemeError(msg("SCHEME_POINTS", label=label, value=repr(points), hint=hint))
        klass = entry.get("class", "")
        records.append((cat, chan, float(points), chan in best_of.get(cat, set()), klass))
    frame = pd.DataFrame(records, columns=WEIGHT_COLUMNS)
    repeated = frame.duplicated(["category", "channel", "class"])
    if repeated.any():
        dup = frame[repeated].iloc[0]
        which = msg("SCHEME_IN_CLASS", klass=dup["class"]) if dup["class"] else ""
        pair = f"{dup['category']}·{dup['channel']}"
        raise SchemeError(msg("SCHEME_WEIGHT_TWICE", where=where, pair=pair, which=which))
    for cat, names in best_of.items():
        missing = names - set(frame.loc[frame["category"] == cat, "channel"])
        if missing:
            raise SchemeError(
                msg(
                    "SCHEME_BEST_OF_UNWEIGHTED",
                    where=where,
                    category=cat,
                    channels=listing(sorted(missing)),
                )
            )
    return frame


def check_classes(weights: pd.DataFrame, units: pd.DataFrame, where: str, rwhere: str) -> None:
    """Every class a weight names is a class of the roster; every unit finds its weight."""
    classes = set(units["class"])
    for klass in weights["class"]:
        if klass and klass not in classes:
            named = listing(sorted(c for c in classes if c)) or msg("SCHEME_NO_CLASSES")
            raise SchemeError(
                msg("SCHEME_CLASS_UNKNOWN", where=where, klass=klass, roster=rwhere, named=named)
            )
    special = weights[weights["class"] != ""]
    if special.empty:  # no weight names a class (most schemes): each is every class's
        return
    generic = set(
        zip(
            weights.loc[weights["class"] == "", "category"],
            weights.loc[weights["class"] == "", "channel"],
            strict=True,
        )
    )
    for (cat, chan), given in special.groupby(["category", "channel"])["class"]:
        if (cat, chan) in generic:
            continue
        lacking = sorted(classes - set(given))
        if lacking:
            who = listing(c or msg("SCHEME_UNIT_WITHOUT_CLASS") for c in lacking)
            raise SchemeError(
                msg(
                    "SCHEME_CLASS_WEIGHT_MISSING",
                    where=where,
                    pair=f"{cat}·{chan}",
                    given=listing(given),
                    who=who,
                )
            )


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _text(entry: dict, key: str, label: str) -> str:
    if key not in entry:
        raise SchemeError(msg("SCHEME_KEY_MISSING", where=label, key=key))
    value = entry[key]
    if not isinstance(value, str):
        raise SchemeError(
            msg("SCHEME_KEY_KIND", where=label, key=key, kind=msg("KIND_TEXT"), value=repr(value))
        )
    return value
