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
    """`text` is filled with str.format(**allowed): refuse what would crash or mean nothing."""
    raise_all(template_problems(text, where, allowed, required))


def template_problems(
    text: str, where: str, allowed: tuple[str, ...], required: tuple[str, str] | None = None
) -> list[str]:
    """Everything wrong with one template, each placeholder said once: a file with three
    typos is mended in one go, not in three runs.

    `required` is (placeholder, why) when the string must hold it.
    """
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        return [msg("SCHEME_BRACES", where=where)]
    found = []
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
            found.append(
                msg("SCHEME_PLACEHOLDER_SPEC", where=where, shown=shown, plain=f"{{{name}}}")
            )
        elif name not in allowed:
            found.append(_not_here(where, name, allowed))
    # A typo of the required one ({yaer}) is said once, as the typo.
    if required and not found and required[0] not in {f[1] for f in fields}:
        found.append(
            msg(
                "SCHEME_PLACEHOLDER_MISSING",
                where=where,
                name=f"{{{required[0]}}}",
                why=required[1],
            )
        )
    return list(dict.fromkeys(found))


def check_plain(text: str, where: str) -> None:
    """A string printed exactly as written: a {placeholder} in it would be printed as such."""
    raise_all(plain_problems(text, where))


def plain_problems(text: str, where: str) -> list[str]:
    names = dict.fromkeys(match.group(0) for match in _WORD.finditer(text))
    return [msg("SCHEME_PLAIN_TEXT", where=where, name=name) for name in names]


def raise_all(found: list[str]) -> None:
    """One problem as itself; several numbered, one a line, in one SchemeError."""
    if len(found) == 1:
        raise SchemeError(found[0])
    if found:
        lines = "".join(msg("SCHEME_PROBLEM_LINE", n=i, why=w) for i, w in enumerate(found, 1))
        raise SchemeError(msg("SCHEME_PROBLEMS", n=len(found), lines=lines))


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
