"""The look of the outputs as data: rules.toml [style] (fonts, sizes, row heights, margins).

Every value has a default, today's look of the office's table, so a rules file without a
[style] section (or with only a few of its keys) prints exactly as before. keys.py refuses
unknown keys and wrong types; the ranges are checked here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from shiquan_score.errors import SchemeError
from shiquan_score.messages import msg

# Paper names → XlsxWriter's paper codes (Excel's own numbering).
PAPERS = {"A4": 9, "A3": 8}
FONT_KEYS = ("body", "header", "title")
SIZE_KEYS = ("attachment", "title", "header", "body", "remarks", "audit_title", "ledger_title")
HEIGHT_KEYS = ("attachment", "title", "row", "header_wrapped", "remarks_line", "notice_row")
MARGIN_KEYS = ("left", "right", "top", "bottom", "notice_cell")
# (least, most): font sizes in points as Word offers them; Excel's tallest row is 409 pt.
SIZE_RANGE, HEIGHT_RANGE, MARGIN_RANGE = (5, 72), (5, 409), (0, 100)


def _fonts() -> dict[str, str]:
    return {"body": "仿宋_GB2312", "header": "黑体", "title": "方正小标宋简体"}


def _sizes() -> dict[str, float]:
    return {
        "attachment": 16,
        "title": 22,
        "header": 12,
        "body": 12,
        "remarks": 12,
        "audit_title": 12,
        "ledger_title": 16,
    }


def _heights() -> dict[str, float]:
    return {
        "attachment": 24.75,
        "title": 39.75,
        "row": 21.75,
        "header_wrapped": 36.75,
        "remarks_line": 18,
        "notice_row": 18,
    }


def _margins() -> dict[str, float]:
    return {"left": 36, "right": 36, "top": 28, "bottom": 26, "notice_cell": 1}


@dataclass(frozen=True)
class Style:
    """Fonts by role, sizes and heights in points, margins in millimetres, the paper."""

    fonts: dict[str, str] = field(default_factory=_fonts)
    sizes: dict[str, float] = field(default_factory=_sizes)
    heights: dict[str, float] = field(default_factory=_heights)
    margins: dict[str, float] = field(default_factory=_margins)
    paper: str = "A4"
    landscape: bool = True

    @property
    def paper_code(self) -> int:
        return PAPERS[self.paper]

    def margins_inches(self) -> dict[str, float]:
        """The official sheet's page margins as Excel takes them (inches)."""
        return {side: self.margins[side] / 25.4 for side in ("left", "right", "top", "bottom")}


def _within(
    given: dict, defaults: dict, limits: tuple[int, int], code: str, where: str, group: str
) -> dict:
    out = dict(defaults)
    least, most = limits
    for key, value in given.items():
        if not least <= value <= most:
            raise SchemeError(
                msg(code, where=where, group=group, key=key, least=least, most=most, value=value)
            )
        out[key] = value
    return out


def read_style(rules: dict, where: str) -> Style:
    """rules.toml [style] over the defaults; a size, height or margin out of range, an empty
    font name or an unknown paper is refused, naming the key and what it may be."""
    data = rules.get("style", {})
    fonts = _fonts()
    for key, name in data.get("fonts", {}).items():
        if not name.strip() or "\n" in name:
            raise SchemeError(msg("SCHEME_STYLE_FONT", where=where, key=key, value=repr(name)))
        fonts[key] = name
    paper = data.get("paper", "A4")
    if paper not in PAPERS:
        raise SchemeError(
            msg("SCHEME_STYLE_PAPER", where=where, choices="、".join(PAPERS), value=repr(paper))
        )
    return Style(
        fonts=fonts,
        sizes=_within(
            data.get("sizes", {}), _sizes(), SIZE_RANGE, "SCHEME_STYLE_SIZE", where, "sizes"
        ),
        heights=_within(
            data.get("heights", {}),
            _heights(),
            HEIGHT_RANGE,
            "SCHEME_STYLE_HEIGHT",
            where,
            "heights",
        ),
        margins=_within(
            data.get("margins", {}),
            _margins(),
            MARGIN_RANGE,
            "SCHEME_STYLE_MARGIN",
            where,
            "margins",
        ),
        paper=paper,
        landscape=data.get("landscape", True),
    )
