"""Cell references: column letters and numbers, and regexes for "1..n" as row or column."""

from __future__ import annotations


def col_number(letters: bytes | str) -> int:
    n = 0
    for ch in letters.upper() if isinstance(letters, str) else letters.decode().upper():
        n = n * 26 + ord(ch) - 64
    return n


def col_letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _same_len(lo: str, hi: str, a: str, z: str) -> str:
    """Regex for the strings of one length from lo to hi over the alphabet a..z."""
    if lo == hi:
        return lo
    if lo[0] == hi[0]:
        return lo[0] + _same_len(lo[1:], hi[1:], a, z)
    k = len(lo) - 1
    low_full, high_full = lo[1:] == a * k, hi[1:] == z * k
    parts = [] if low_full else [lo[0] + _same_len(lo[1:], z * k, a, z)]
    first = lo[0] if low_full else chr(ord(lo[0]) + 1)
    last = hi[0] if high_full else chr(ord(hi[0]) - 1)
    if first <= last:
        parts.append(f"[{first}-{last}]" + (f"[{a}-{z}]{{{k}}}" if k else ""))
    if not high_full:
        parts.append(hi[0] + _same_len(a * k, hi[1:], a, z))
    return "(?:" + "|".join(parts) + ")"


def upto_re(n: int, letters: bool) -> str:
    """Regex for 1..n written as row digits (no leading zero) or as column letters."""
    text = col_letters(n) if letters else str(n)
    a, z, first = ("A", "Z", "A") if letters else ("0", "9", "1")
    lo = first + a * (len(text) - 1)
    shorter = f"[{first}-{z}][{a}-{z}]{{0,{len(text) - 2}}}+|" if len(text) > 1 else ""
    return f"(?:{shorter}{_same_len(lo, text, a, z)})"
