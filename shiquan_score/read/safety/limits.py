"""What the safety scans refuse and when: the thresholds, and the refusal itself."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024
EXCEL_ROWS = 1_048_576
EXCEL_COLS = 16_384


@dataclass(frozen=True)
class Limits:
    """Refusal thresholds; the tool uses the defaults, tests may shrink them."""

    max_total: int = 500 * MB  # all members inflated; a 1M-row x 7-column sheet is ~376 MB
    max_ratio: int = 200  # inflated : compressed; real sheets measure 7-30
    ratio_min_size: int = 10 * MB  # smaller members may be repetitive (styles) and are harmless
    max_cells: int = 20 * EXCEL_ROWS  # rectangle calamine allocates: every row x 20 columns
    max_text: int = 32_767  # characters in one cell, Excel's own limit
    max_members: int = 10_000
    max_part: int = 16 * MB  # workbook.xml and its rels, read whole
    chunk: int = 4 * MB


class Refused(Exception):
    """Why a workbook is refused: a reason code plus details for the message."""

    def __init__(self, reason: str, **detail: object) -> None:
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail
