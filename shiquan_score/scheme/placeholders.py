"""Template strings of the rules file checked when the scheme is loaded: no KeyError, ever.

Each string that the program fills in ({county}, {year}, {months}) may use only the
placeholders that have a meaning there; a string printed as written may use none.
"""

from __future__ import annotations

import difflib
import re
import string

from shiquan_score.errors import SchemeError

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
        raise SchemeError(
            f"{where}：“{{”和“}}”没有配对。要印出大括号本身，请写成“{{{{”或“}}}}”"
        ) from None
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
            raise SchemeError(f"{where}：占位符“{shown}”只能写成“{{{name}}}”")
        if name not in allowed:
            raise SchemeError(_not_here(where, name, allowed))
    if required and required[0] not in {f[1] for f in fields}:
        raise SchemeError(f"{where}：缺少占位符“{{{required[0]}}}”（{required[1]}）")


def check_plain(text: str, where: str) -> None:
    """A string printed exactly as written: a {placeholder} in it would be printed as such."""
    match = _WORD.search(text)
    if match:
        raise SchemeError(
            f"{where}：这一项原样印出，不能用占位符“{match.group(0)}”；请删去或改成具体文字"
        )


def _not_here(where: str, name: str, allowed: tuple[str, ...]) -> str:
    may = "、".join(f"{{{a}}}" for a in allowed)
    if name in EVERY:
        return f"{where}：这里不能用占位符“{{{name}}}”，可以用的只有：{may}"
    near = difflib.get_close_matches(name, allowed, n=1, cutoff=0.5)
    guess = f"是不是“{{{near[0]}}}”？" if near else ""
    return f"{where}：不认识的占位符“{{{name}}}”，{guess}这里可以用：{may}"
