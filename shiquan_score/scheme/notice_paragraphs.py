"""The [[paragraph]] entries of notice.toml: each paragraph's style, its templates (a whole
text, or parts and groups of clauses dropped when empty), for_each and when, every figure a
template names checked against those the notice knows."""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import TYPE_CHECKING

from shiquan_score.errors import SchemeError
from shiquan_score.messages import listing, msg

if TYPE_CHECKING:
    from shiquan_score.scheme.notice import NoticeScheme

STYLES = ("body", "heading", "subheading", "plain")


@dataclass(frozen=True)
class Group:
    """Clauses joined by `between` behind `before`; the whole group goes when none is left."""

    before: str
    between: str
    items: tuple[str, ...]

    def templates(self) -> tuple[str, ...]:
        return self.items


@dataclass(frozen=True)
class Paragraph:
    style: str
    parts: tuple[str | Group, ...]
    whole: bool  # text = one template, always written; parts = dropped piece by piece
    for_each: str | None
    when: tuple[str, ...]


def fields(template: str, where: str) -> list[str]:
    """The names in braces of a template; a stray brace is an error, not a crash later."""
    try:
        return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError:
        raise SchemeError(msg("NOTICE_BRACES", where=where, template=template)) from None


def field_problems(template: str, allowed: set[str], where: str) -> list[str]:
    """Every unknown name of one template (a stray brace: that alone), each said once."""
    try:
        names = fields(template, where)
    except SchemeError as exc:
        return [str(exc)]
    return [
        msg("NOTICE_UNKNOWN_FIELD", where=where, name=name, allowed=listing(sorted(allowed)))
        for name in dict.fromkeys(names)
        if name not in allowed
    ]


def read_paragraphs(
    data: dict, notice: NoticeScheme, where: str, found: list[str]
) -> tuple[Paragraph, ...]:
    """The [[paragraph]] entries; their template problems go to `found` (told all at once)."""
    entries = data.get("paragraph", [])
    if not isinstance(entries, list) or not entries:
        raise SchemeError(msg("NOTICE_NO_PARAGRAPH", where=where))
    out = []
    for i, p in enumerate(entries, start=1):
        label = msg("NOTICE_AT_PARAGRAPH", where=where, i=i)
        style = p.get("style", "body")
        if style not in STYLES:
            raise SchemeError(msg("NOTICE_STYLE", label=label, style=style, styles=listing(STYLES)))
        for_each = p.get("for_each")
        if for_each not in (None, "table"):
            raise SchemeError(msg("NOTICE_FOR_EACH", label=label))
        if ("text" in p) == ("parts" in p):
            raise SchemeError(msg("NOTICE_TEXT_OR_PARTS", label=label))
        whole = "text" in p
        raw = [p["text"]] if whole else p["parts"]
        if not isinstance(raw, list) or not raw:
            raise SchemeError(
                msg("NOTICE_PARTS_TEXT", label=label, key="text" if whole else "parts")
            )
        allowed = notice.figure_names(per_table=for_each == "table")
        parts = []
        for part in raw:
            if isinstance(part, dict) and not whole:
                part = _group(part, label)
                for text in part.items:
                    found += field_problems(text, allowed, label)
            elif isinstance(part, str):
                found += field_problems(part, allowed, label)
            else:
                raise SchemeError(msg("NOTICE_PART_KIND", label=label, value=repr(part)))
            parts.append(part)
        when = p.get("when", [])
        if not isinstance(when, list) or not all(isinstance(w, str) for w in when):
            raise SchemeError(msg("NOTICE_WHEN", label=label))
        for name in when:
            if name not in allowed:
                raise SchemeError(
                    msg(
                        "NOTICE_WHEN_UNKNOWN",
                        label=label,
                        name=name,
                        allowed=listing(sorted(allowed)),
                    )
                )
        out.append(Paragraph(style, tuple(parts), whole, for_each, tuple(when)))
    return tuple(out)


def _group(data: dict, label: str) -> Group:
    unknown = sorted(set(data) - {"before", "between", "items"})
    items = data.get("items")
    if (
        unknown
        or not isinstance(items, list)
        or not items
        or not all(isinstance(t, str) for t in items)
    ):
        raise SchemeError(msg("NOTICE_GROUP_ITEMS", label=label))
    before, between = data.get("before", ""), data.get("between", "")
    if not isinstance(before, str) or not isinstance(between, str):
        raise SchemeError(msg("NOTICE_GROUP_TEXT", label=label))
    return Group(before, between, tuple(items))
