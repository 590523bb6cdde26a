"""Small readers shared by the scheme's loaders: a required key of a given type, alias maps."""

from __future__ import annotations

from shiquan_score.errors import SchemeError
from shiquan_score.messages import msg
from shiquan_score.normalise.text import norm


def need(data: dict, key: str, where: str, kind: type = str):
    if key not in data:
        raise SchemeError(msg("SCHEME_KEY_MISSING", where=where, key=key))
    value = data[key]
    if not isinstance(value, kind):
        shown = msg(_KIND_NAMES.get(kind, "KIND_OTHER"))
        raise SchemeError(
            msg("SCHEME_KEY_KIND", where=where, key=key, kind=shown, value=repr(value))
        )
    return value


_KIND_NAMES = {str: "KIND_TEXT", list: "KIND_LIST", dict: "KIND_TABLE", bool: "KIND_BOOL"}


def alias_map(entries: list[tuple[str, list[str]]], what: str, where: str) -> dict[str, str]:
    """Map each name and alias (normalised) to its canonical name; refuse ambiguous aliases."""
    mapping: dict[str, str] = {}
    for name, aliases in entries:
        for alias in [name, *aliases]:
            key = norm(alias)
            if not key:
                continue
            if mapping.get(key, name) != name:
                raise SchemeError(
                    msg(
                        "SCHEME_ALIAS_TWICE",
                        where=where,
                        what=what,
                        alias=alias,
                        first=mapping[key],
                        second=name,
                    )
                )
            mapping[key] = name
    return mapping
