"""read/safety/limits: the refusal thresholds and the refusal itself."""

from __future__ import annotations

from shiquan_score.read.safety.limits import Limits, Refused


def test_default_limits():
    limits = Limits()
    assert limits.max_total == 500 * 1024 * 1024
    assert limits.max_cells == 20 * 1_048_576
    assert limits.max_text == 32_767
    assert (limits.max_ratio, limits.ratio_min_size, limits.max_members) == (200, 10 << 20, 10_000)
    assert (limits.max_part, limits.chunk) == (16 << 20, 4 << 20)


def test_a_refusal_carries_its_reason_and_details():
    refusal = Refused("bomb_ratio", member="xl/worksheets/sheet1.xml", ratio=900)
    assert refusal.reason == "bomb_ratio"
    assert refusal.detail == {"member": "xl/worksheets/sheet1.xml", "ratio": 900}
