"""Template strings of the rules file checked when the scheme is loaded: no KeyError, ever.

Each string that the program fills in ({county}, {year}, {months}) may use only the
placeholders that have a meaning there; a string printed as written may use none.
"""

from __future__ import annotations

import difflib
import re
import string

from shiquan_score.errors import SchemeError
from shiquan_score.messages import msg

EVERY = ("county", "year", "months")
_WORD = re.compile(r"\{(\w*)\}")


def check_template(
    text: str, where: str, allowed: tuple[str, ...], required: tuple[str, str] | None = None
) -> None:
    """`text` is filled with str.format(**allowed): refuse what would crash or mean nothing.

    `required` is (placeholder, why) when the string must hold it.
    """
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        raise SchemeError(msg("SCHEME_BRACES", where=where)) from None
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if spec or conversion:
            shown = (
                "{"
                + name
                + (f"!{conversion}" if conversion else "")
                + (f":{spec}" if spec else "")
                + "}"
            )
            raise SchemeError(
                msg("SCHEME_PLACEHOLDER_SPEC", where=where, shown=shown, plain=f"{{{name}}}")
            )
        if name not in allowed:
            raise SchemeError(_not_here(where, name, allowed))
    if required and required[0] not in {f[1] for f in fields}:
        raise SchemeError(
            msg(
                "SCHEME_PLACEHOLDER_MISSING",
                where=where,
                name=f"{{{required[0]}}}",
                why=required[1],
            )
        )


def check_plain(text: str, where: str) -> None:
    """A string printed exactly as written: a {placeholder} in it would be printed as such."""
    match = _WORD.search(text)
    if match:
        raise SchemeError(msg("SCHEME_PLAIN_TEXT", where=where, name=match.group(0)))


def _not_here(where: str, name: str, allowed: tuple[str, ...]) -> str:
    may = "、".join(f"{{{a}}}" for a in allowed)
    shown = f"{{{name}}}"
    if name in EVERY:
        return msg("SCHEME_PLACEHOLDER_NOT_HERE", where=where, name=shown, allowed=may)
    near = difflib.get_close_matches(name, allowed, n=1, cutoff=0.5)
    if near:
        return msg(
            "SCHEME_PLACEHOLDER_UNKNOWN_NEAR",
            where=where,
            name=shown,
            near=f"{{{near[0]}}}",
            allowed=may,
        )
    return msg("SCHEME_PLACEHOLDER_UNKNOWN", where=where, name=shown, allowed=may)
