"""Small readers shared by the scheme's loaders: a required key of a given type, alias maps."""

from __future__ import annotations

from shiquan_score.errors import SchemeError
from shiquan_score.normalise.text import norm


def need(data: dict, key: str, where: str, kind: type = str):
    if key not in data:
        raise SchemeError(f"{where} 缺少“{key}”一项")
    value = data[key]
    if not isinstance(value, kind):
        raise SchemeError(
            f"{where} 的“{key}”应为{_KIND_NAMES.get(kind, '正确的类型')}，现为 {value!r}"
        )
    return value


_KIND_NAMES = {str: "文字", list: "列表", dict: "表", bool: "true 或 false"}


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
                    f"{where}：{what}别名“{alias}”同时指向“{mapping[key]}”和“{name}”，请删去其中一个"
                )
            mapping[key] = name
    return mapping
