"""Text normalisation shared by the scheme, the ledger and the previous-table reader."""

from __future__ import annotations

import functools
import re
import unicodedata

import numpy as np
import pandas as pd

# Quotes and title marks mean nothing around a name (domain.md §5); neither do the marks a
# screen does not show (zero-width space and joiners, BOM, word joiner, soft hyphen, direction
# marks, variation selectors), which a name pasted from a web page or chat carries.
INVISIBLE = "\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff"
_NOISE = re.compile(f"[\\s\u3000\"'“”‘’《》「」〈〉{INVISIBLE}]+")
_INVISIBLE = re.compile(f"[{INVISIBLE}]+")


def visible(text: str) -> str:
    """The text without its invisible marks (U+200B, U+FEFF …), as a message should quote it."""
    return _INVISIBLE.sub("", text)


# What Excel shows in a cell whose formula failed; never a unit, title or date.
EXCEL_ERRORS = frozenset(
    [
        "#N/A",
        "#REF!",
        "#DIV/0!",
        "#VALUE!",
        "#NAME?",
        "#NUM!",
        "#NULL!",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#GETTING_DATA",
        "#EXTERNAL!",
        "#PYTHON!",
    ]
)


def norm(value: object) -> str:
    """Canonical form for matching names: NFKC (full-width → half-width), no spaces or quotes."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    return _NOISE.sub("", text)


def split_cell(value: str, separators: list[str]) -> list[str]:
    """Split an NFKC-normalised cell on any of the separators; drop empty parts."""
    text = unicodedata.normalize("NFKC", value)
    pattern = _splitter(tuple(separators))
    if pattern is None:
        return [text]
    return [part for part in pattern.split(text) if norm(part)]


@functools.lru_cache(maxsize=16)
def _splitter(separators: tuple[str, ...]) -> re.Pattern[str] | None:
    """The separators as one pattern, longest first; built once, not once per cell."""
    seps = sorted({unicodedata.normalize("NFKC", s) for s in separators}, key=len, reverse=True)
    return re.compile("|".join(re.escape(s) for s in seps)) if seps else None


def fmt_number(value: float) -> str:
    """A score or count as the table shows it: 37, 18.75, 0.5 (never 37.0)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def text_px(text: str, cjk: int = 16, other: int = 8) -> int:
    """Width in pixels at 12 pt: a CJK character 16 px, anything else about 8 px."""
    return sum(cjk if ord(ch) > 0x2E80 else other for ch in text)


# The same characters as _NOISE for Arrow's RE2, whose \\s is ASCII only.
_NOISE_RE2 = (
    "[\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}"
    "\\x{202f}\\x{205f}\\x{3000}\"'“”‘’《》「」〈〉"
    "\\x{ad}\\x{34f}\\x{61c}\\x{180e}\\x{200b}-\\x{200f}\\x{202a}-\\x{202e}\\x{2060}-\\x{2064}"
    "\\x{2066}-\\x{206f}\\x{fe00}-\\x{fe0f}\\x{feff}]+"
)

# Characters on which Arrow's NFKC (utf8proc) and Python's (unicodedata) cannot differ: every
# one was assigned by Unicode 3.2 (unicodedata.ucd_3_2_0, frozen in every Python; the test
# checks it), and by Unicode's normalisation stability policy a string of assigned characters
# normalises alike in every later version. Python's unicodedata is the one normaliser; Arrow
# may do its work only on cells made of these (what a Chinese ledger holds: ASCII, Latin-1,
# punctuation, symbols, enclosed and full-width forms, CJK ideographs of Unicode 3.2).
ARROW_SAFE = (
    (0x09, 0x0D), (0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x2052), (0x2057, 0x2057),
    (0x205F, 0x2063), (0x206A, 0x206F), (0x2100, 0x213A), (0x213D, 0x214B), (0x2153, 0x2183),
    (0x2190, 0x21FF), (0x2460, 0x24FE), (0x2500, 0x2613), (0x2616, 0x2617), (0x2619, 0x267D),
    (0x2680, 0x2689), (0x2701, 0x2704), (0x2706, 0x2709), (0x270C, 0x2727), (0x2729, 0x274B),
    (0x274D, 0x274D), (0x274F, 0x2752), (0x2756, 0x2756), (0x2758, 0x275E), (0x2761, 0x2794),
    (0x2798, 0x27AF), (0x27B1, 0x27BE), (0x3000, 0x303F), (0x3200, 0x321C), (0x3220, 0x3243),
    (0x3251, 0x327B), (0x327F, 0x32CB), (0x32D0, 0x32FE), (0x3300, 0x3376), (0x337B, 0x33DD),
    (0x33E0, 0x33FE), (0x3400, 0x4DB5), (0x4E00, 0x9FA5), (0xF900, 0xFA2D), (0xFA30, 0xFA6A),
    (0xFE30, 0xFE46), (0xFE49, 0xFE4F), (0xFF01, 0xFFBE), (0xFFC2, 0xFFC7), (0xFFCA, 0xFFCF),
    (0xFFD2, 0xFFD7), (0xFFDA, 0xFFDC), (0xFFE0, 0xFFE6), (0xFFE8, 0xFFEE),
)  # fmt: skip
_OUTSIDE_SAFE_RE2 = "[^" + "".join(f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in ARROW_SAFE) + "]"


def norm_many(values: pd.Series) -> pd.Series:
    """norm() over a column, in Arrow (see norm_arrow_array)."""
    cleaned = norm_arrow_array(arrow_text(values))
    as_str = {cleaned.type: pd.StringDtype("pyarrow", na_value=float("nan"))}.get
    # .array: positional. A Series here would be aligned on its index, not placed.
    return pd.Series(cleaned.to_pandas(types_mapper=as_str).array, index=values.index)


def arrow_text(values: pd.Series):
    """A text column as pyarrow large strings, a blank cell "". Arrow-backed text (what the
    reader gives) is taken as it is, without a copy; anything else goes through str()."""
    import pyarrow as pa
    import pyarrow.compute as pc

    dtype = values.dtype
    if isinstance(dtype, pd.ArrowDtype):
        arrow = pa.types.is_string(dtype.pyarrow_dtype) or pa.types.is_large_string(
            dtype.pyarrow_dtype
        )
    else:
        arrow = isinstance(dtype, pd.StringDtype)
    if arrow:
        return pc.fill_null(pa.array(values, type=pa.large_string()), "")
    text = values.astype(object) if isinstance(dtype, pd.CategoricalDtype) else values
    return pa.array(text.fillna("").astype(str), type=pa.large_string())


def norm_arrow_array(arrow):
    """norm() over a pyarrow text array: in Arrow (C++) for cells of ARROW_SAFE characters
    only, by norm() itself for the others (once per distinct cell; rarely any)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    elsewhere = pc.match_substring_regex(arrow, pattern=_OUTSIDE_SAFE_RE2)
    cleaned = pc.replace_substring_regex(
        pc.utf8_normalize(arrow, form="NFKC"), pattern=_NOISE_RE2, replacement=""
    )
    if not pc.any(elsewhere).as_py():
        return cleaned
    others = pc.filter(arrow, elsewhere).to_pylist()
    by_python = {text: norm(text) for text in set(others)}
    return pc.replace_with_mask(
        cleaned, elsewhere, pa.array([by_python[t] for t in others], type=cleaned.type)
    )


def has_word(values: pd.Series, words: frozenset[str], exact: bool = False) -> pd.Series:
    """Cells whose normalised text is (exact) or contains one of `words`. A cheap character
    filter first: in a million-row ledger only a handful of cells can hold the words."""
    hits = pd.Series(False, index=values.index)
    chars = "".join(sorted({ch for word in words for ch in word}))
    if not chars or values.empty:
        return hits
    pattern = f"[{re.escape(chars)}]"
    if isinstance(values.dtype, pd.CategoricalDtype):  # decide per category, then per row
        categories = pd.Series(values.cat.categories.astype(str), index=values.cat.categories)
        per_category = has_word(categories, words, exact)
        return values.map(per_category).astype(object).fillna(False).astype(bool)  # blank: no
    text = values.fillna("").astype(str)
    candidates = text[text.str.contains(pattern, regex=True)]
    if candidates.empty:
        return hits
    normed = norm_many(candidates)
    found = normed.isin(words) if exact else normed.map(lambda n: any(w in n for w in words))
    hits.loc[candidates.index] = found.to_numpy(dtype=bool)
    return hits


def marked(values: pd.Series, tests: list, longest: int = 40) -> list[pd.Series]:
    """Per (prefilter, pattern) of `tests`: the cells whose normalised text fullmatches the
    pattern. A prefilter takes the column as a pyarrow text array and gives a boolean array
    (C++, a literal search where it can); only short cells it lets through are normalised:
    in a million-row ledger that is a handful."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if values.empty:
        return [pd.Series(False, index=values.index) for _ in tests]
    if isinstance(values.dtype, pd.CategoricalDtype):  # decide per category, then per row
        categories = pd.Series(values.cat.categories.astype(str), index=values.cat.categories)
        return [  # blank: no
            values.map(found).astype(object).fillna(False).astype(bool)
            for found in marked(categories, tests, longest)
        ]
    arrow = arrow_text(values)
    short = pc.less_equal(pc.utf8_length(arrow), longest)
    out = []
    for prefilter, pattern in tests:
        mask = pc.and_(short, prefilter(arrow)).to_numpy(zero_copy_only=False)
        hits = np.zeros(len(values), dtype=bool)
        if mask.any():  # the candidates normalised and matched in C++ too (RE2)
            normed = norm_arrow_array(pc.filter(arrow, pa.array(mask)))
            found = pc.match_substring_regex(normed, f"^(?:{pattern.pattern})$")
            hits[np.flatnonzero(mask)] = found.to_numpy(zero_copy_only=False)
        out.append(pd.Series(hits, index=values.index))
    return out
