"""Scheme files for tests: the default ones with one edit, written to a temporary folder."""

from __future__ import annotations

from pathlib import Path

from shiquan_score import DEFAULT_ROSTER, DEFAULT_RULES


def variant(
    folder: Path,
    old: str | tuple[str, ...],
    new: str | tuple[str, ...],
    source: Path = DEFAULT_RULES,
) -> Path:
    """`source` with its first `old` replaced by `new` (or each of several in turn)."""
    text = source.read_text(encoding="utf-8")
    olds, news = (old, new) if isinstance(old, tuple) else ((old,), (new,))
    for o, n in zip(olds, news, strict=True):
        assert o in text, o
        text = text.replace(o, n, 1)
    target = folder / source.name
    target.write_text(text, encoding="utf-8")
    return target


def rules_variant(folder: Path, old: str, new: str) -> tuple[Path, Path]:
    return variant(folder, old, new), DEFAULT_ROSTER


def roster_variant(folder: Path, old: str, new: str) -> tuple[Path, Path]:
    return DEFAULT_RULES, variant(folder, old, new, DEFAULT_ROSTER)
