"""Text normalisation shared by the scheme, the ledger and the previous-table reader."""

from __future__ import annotations

import re
import unicodedata

# Quotes and title marks mean nothing around a name (domain.md §5).
_NOISE = re.compile(r"[\s\u3000\"'“”‘’《》「」〈〉]+")


def norm(value: object) -> str:
    """Canonical form for matching names: NFKC (full-width → half-width), no spaces or quotes."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    return _NOISE.sub("", text)


def split_cell(value: str, separators: list[str]) -> list[str]:
    """Split an NFKC-normalised cell on any of the separators; drop empty parts."""
    text = unicodedata.normalize("NFKC", value)
    seps = sorted({unicodedata.normalize("NFKC", s) for s in separators}, key=len, reverse=True)
    if not seps:
        return [text]
    pattern = "|".join(re.escape(s) for s in seps)
    return [part for part in re.split(pattern, text) if norm(part)]


def fmt_number(value: float) -> str:
    """A score or count as the table shows it: 37, 18.75, 0.5 (never 37.0)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def text_px(text: str, cjk: int = 16, other: int = 8) -> int:
    """Width in pixels at 12 pt: a CJK character 16 px, anything else about 8 px."""
    return sum(cjk if ord(ch) > 0x2E80 else other for ch in text)
