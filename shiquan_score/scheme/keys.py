"""Every key of both scheme files is known: a misspelt key is an error, never silently ignored.

The two files' shapes are declared here as data. A dict is a TOML table, a one-element list
holding a dict is an array of tables ([[category]], weights = [{ … }]), and a leaf names the
type its value must have (None: checked by the loader, which gives a more specific message).
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from shiquan_score.errors import SchemeError
from shiquan_score.messages import msg
from shiquan_score.scheme.style import FONT_KEYS, HEIGHT_KEYS, MARGIN_KEYS, SIZE_KEYS

TEXT, TEXTS, FLAG, WHOLE, NUMBER, DAY = "文字", "文字列表", "true 或 false", "整数", "数字", "日期"
ANY = None

LEDGER_FIELDS = ("date", "unit", "title", "category", "channel", "remark")
# The word for a field when the rules file lists no header for it (catalogue codes).
FIELD_CODES = {
    "date": "FIELD_DATE",
    "unit": "FIELD_UNIT",
    "title": "FIELD_TITLE",
    "category": "FIELD_CATEGORY",
    "channel": "FIELD_CHANNEL",
    "remark": "FIELD_REMARK",
}

RULES: dict[str, Any] = {
    "county": ANY,
    "name": TEXT,
    "period": ANY,
    "ledger": {
        "columns": dict.fromkeys(LEDGER_FIELDS, TEXTS),
        "unit_separators": TEXTS,
        "channel_separators": TEXTS,
        "unit_prefixes": TEXTS,
        "note_sheet": TEXT,
        "common_notes": TEXTS,
        "total_words": TEXTS,
        "footer_words": TEXTS,
    },
    "category": [{"name": ANY, "aliases": TEXTS, "best_of": TEXTS, "deduction": FLAG}],
    "channel": [{"name": ANY, "aliases": TEXTS, "implies": TEXT}],
    "scoring": {
        "weights": [{"category": ANY, "channel": ANY, "points": ANY, "class": TEXT}],
        "joint": TEXT,
        "joint_points": ANY,
        "floor": ANY,
    },
    "layout": {
        "header_rows": ANY,
        "first_row": WHOLE,
        "widths": {"count": WHOLE, "score": WHOLE, "rank": WHOLE, "name_min": WHOLE},
        "zero_text": TEXT,
        "output_name": ANY,
    },
    "table": [
        {
            "key": ANY,
            "attachment": ANY,
            "title": ANY,
            "sheet": ANY,
            "unranked_text": TEXT,
            "classes": TEXTS,
            "columns": [
                {
                    "header": ANY,
                    "value": ANY,
                    "count": ANY,
                    "optional": FLAG,
                    "note": FLAG,
                    "aliases": ANY,
                }
            ],
        }
    ],
    "remarks": {"text": TEXT},
    "style": {
        "fonts": dict.fromkeys(FONT_KEYS, TEXT),
        "sizes": dict.fromkeys(SIZE_KEYS, NUMBER),
        "heights": dict.fromkeys(HEIGHT_KEYS, NUMBER),
        "margins": dict.fromkeys(MARGIN_KEYS, NUMBER),
        "paper": TEXT,
        "landscape": FLAG,
    },
}

ROSTER: dict[str, Any] = {
    "unit": [
        {
            "table": ANY,
            "name": ANY,
            "ranked": ANY,
            "aliases": TEXTS,
            "class": TEXT,
            "former": [{"name": TEXT, "until": DAY}],
        }
    ],
}

_TYPES = {
    TEXT: lambda v: isinstance(v, str),
    TEXTS: lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    FLAG: lambda v: isinstance(v, bool),
    WHOLE: lambda v: isinstance(v, int) and not isinstance(v, bool),
    NUMBER: lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    DAY: lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime),
}


def check_keys(data: dict, shape: dict, file: str) -> None:
    """Walk a loaded file against its shape; SchemeError names the file, the place and the key."""
    _table(data, shape, file, "")


def unknown_key(where: str, key: str, valid: list[str]) -> str:
    """不认识的项“best_off”，是不是“best_of”？ — or the keys that may be written here."""
    near = difflib.get_close_matches(key, valid, n=1, cutoff=0.5)
    if near:
        return msg("SCHEME_UNKNOWN_KEY_NEAR", where=where, key=key, near=near[0])
    return msg("SCHEME_UNKNOWN_KEY", where=where, key=key, valid="、".join(valid))


def _table(data: dict, shape: dict, file: str, place: str) -> None:
    where = f"{file} {place}".rstrip() if place else file
    for key, value in data.items():
        if key not in shape:
            raise SchemeError(unknown_key(where, key, list(shape)))
        _value(value, shape[key], file, place, key)


def _value(value: Any, kind: Any, file: str, place: str, key: str) -> None:
    here = _child(place, key, isinstance(kind, list))
    if isinstance(kind, dict):
        if isinstance(value, list) and not place:
            raise SchemeError(msg("SCHEME_ONE_TABLE", file=file, key=key))
        if not isinstance(value, dict):
            raise SchemeError(
                msg("SCHEME_NOT_TABLE", owner=_owner(file, place), key=key, value=repr(value))
            )
        _table(value, kind, file, here)
    elif isinstance(kind, list):
        if not isinstance(value, list):
            raise SchemeError(msg("SCHEME_NOT_LIST", owner=_owner(file, place), key=key, here=here))
        for i, entry in enumerate(value, start=1):
            label = f"{here} 第{i}项"
            if not isinstance(entry, dict):
                raise SchemeError(
                    msg("SCHEME_ENTRY_NOT_TABLE", file=file, label=label, value=repr(entry))
                )
            _table(entry, kind[0], file, label)
    elif kind is not None and not _TYPES[kind](value):
        raise SchemeError(
            msg(
                "SCHEME_WRONG_KIND",
                owner=_owner(file, place),
                key=key,
                kind=kind,
                value=repr(value),
            )
        )


def _child(place: str, key: str, array: bool) -> str:
    """How the file itself names a key's place: [ledger], [ledger].columns, [[category]],
    [scoring].weights, [[table]] 第2项 columns."""
    if not place:
        return f"[[{key}]]" if array else f"[{key}]"
    if place.endswith("]"):
        return f"{place}.{key}"
    return f"{place} {key}"


def _owner(file: str, place: str) -> str:
    return f"{file} {place} " if place else f"{file} "
