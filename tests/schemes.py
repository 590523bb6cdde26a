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


MINI_RULES = """
county = "某县"
name = "测试计分办法"

[ledger]
columns.date = ["日期"]
columns.unit = ["单位"]
columns.title = ["标题"]
columns.category = ["类别"]
columns.channel = ["采用渠道"]
unit_separators = ["、"]
channel_separators = ["、"]

[[category]]
name = "新闻"
{news}

[[category]]
name = "扣分"
deduction = true

[[channel]]
name = "县网站"
implies = "新闻"

[[channel]]
name = "市网站"
implies = "新闻"

[[channel]]
name = "批示"

[[channel]]
name = "约稿未报送"
implies = "扣分"

[scoring]
{scoring}
weights = [
  {{ category = "新闻", channel = "县网站", points = 1 }},
  {{ category = "新闻", channel = "市网站", points = 2 }},
  {{ category = "新闻", channel = "批示", points = 5 }},
  {{ category = "扣分", channel = "约稿未报送", points = -10 }},
{weights}]

[layout]
header_rows = 2
output_name = "{{county}}{{year}}年{{months}}统计表"

[[table]]
key = "单位"
attachment = "附件"
title = "{{county}}{{year}}年信息采用统计表"
sheet = "统计表"
{table}
columns = [
  {{ header = ["单位"], value = "name" }},
  {{ header = ["{{months}}采用（条）", "县网站"], count = [["新闻", "县网站"]] }},
  {{ header = ["{{months}}采用（条）", "市网站"], count = [["新闻", "市网站"]] }},
  {{ header = ["{{months}}采用（条）", "批示"], count = [["新闻", "批示"]] }},
  {{ header = ["{{months}}采用（条）", "约稿未报送"], count = [["扣分", "约稿未报送"]] }},
  {{ header = ["得分", "本期"], value = "current" }},
  {{ header = ["得分", "上期"], value = "previous" }},
  {{ header = ["得分", "累计"], value = "total" }},
  {{ header = ["排名"], value = "rank" }},
]
"""

MINI_UNITS = ("甲局", "乙局", "丙局", "丁局")


def mini_scheme(
    folder: Path,
    scoring: str = "",
    news: str = "",
    weights: str = "",
    table: str = "",
    classes: dict[str, str] | None = None,
) -> tuple[Path, Path]:
    """A four-unit scheme with a deduction category, written to `folder`; the slots take
    extra lines of [scoring], of the 新闻 category, of weights and of the table."""
    rules = folder / "rules.toml"
    rules.write_text(
        MINI_RULES.format(scoring=scoring, news=news, weights=weights, table=table),
        encoding="utf-8",
    )
    roster = folder / "roster.toml"
    lines = []
    for unit in MINI_UNITS:
        lines += ["[[unit]]", 'table = "单位"', f'name = "{unit}"', "ranked = true"]
        if classes and unit in classes:
            lines.append(f'class = "{classes[unit]}"')
        lines.append("")
    roster.write_text("\n".join(lines), encoding="utf-8")
    return rules, roster
