"""累计 per unit as stacked horizontal bars (上期 + 本期), grayscale: in the workbook as a
native XlsxWriter chart beside each table, in the notice as a PNG drawn by matplotlib.

matplotlib is imported inside chart_png only: a run without --chart never pays its 0.4 s.
The bars read the very cells the table shows (the workbook chart references them).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pandas as pd

from shiquan_score.messages import msg
from shiquan_score.output.layout import Grid, visible_columns
from shiquan_score.period import Period
from shiquan_score.scheme.loader import Scheme
from shiquan_score.scheme.table_specs import TableSpec

SHADES = ("#808080", "#D9D9D9")  # 上期 dark, 本期 light: prints in black and white
CJK_FONTS = [
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "SimHei",
    "Microsoft YaHei",
    "黑体",
    "WenQuanYi Zen Hei",
]
DPI = 150


@dataclass(frozen=True)
class Bars:
    names: list[str]
    previous: list[float]
    current: list[float]
    first_row: int  # 0-based sheet row of the first ranked unit
    name_col: int
    previous_col: int
    current_col: int
    title: str
    previous_label: str  # the table's own words for its 上期 and 本期 columns
    current_label: str


def bars(spec: TableSpec, table: pd.DataFrame, grid: Grid, scheme: Scheme, period: Period) -> Bars:
    """The ranked units in table order with their 上期 and 本期, and where the grid has them."""
    columns = [c.value for _, c in visible_columns(spec, table)]
    words = {c.value: c.header[-1].replace("\n", "") for c in spec.columns}
    ranked = table[table["ranked"]]
    return Bars(
        names=[scheme.display_name(u, period.end) for u in ranked.index],
        previous=[float(v) for v in ranked["previous"]],
        current=[float(v) for v in ranked["current"]],
        first_row=grid.header[1] + 1,
        name_col=columns.index("name"),
        previous_col=columns.index("previous"),
        current_col=columns.index("current"),
        title=msg(
            "CHART_TITLE",
            attachment=spec.attachment,
            total=words["total"],
            previous=words["previous"],
            current=words["current"],
        ),
        previous_label=words["previous"],
        current_label=words["current"],
    )


def add_workbook_chart(workbook, sheet_name: str, b: Bars, anchor_col: int) -> None:
    """A stacked bar chart beside the table, outside its print area, reading its cells."""
    sheet = workbook.get_worksheet_by_name(sheet_name)
    chart = workbook.add_chart({"type": "bar", "subtype": "stacked"})
    last = b.first_row + len(b.names) - 1
    quoted = "'" + sheet_name.replace("'", "''") + "'"
    for label, col, shade in (
        (b.previous_label, b.previous_col, SHADES[0]),
        (b.current_label, b.current_col, SHADES[1]),
    ):
        chart.add_series(
            {
                "name": label,
                "categories": f"={quoted}!${_col(b.name_col)}${b.first_row + 1}:${_col(b.name_col)}${last + 1}",
                "values": f"={quoted}!${_col(col)}${b.first_row + 1}:${_col(col)}${last + 1}",
                "fill": {"color": shade},
                "border": {"color": "#000000", "width": 0.5},
                "gap": 40,
            }
        )
    chart.set_title({"name": b.title, "name_font": {"size": 12, "bold": False}})
    chart.set_y_axis({"reverse": True, "num_font": {"size": 9}})
    chart.set_x_axis({"major_gridlines": {"visible": True, "line": {"color": "#BFBFBF"}}})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 560, "height": max(320, 22 * len(b.names) + 120)})
    sheet.insert_chart(b.first_row - 4, anchor_col, chart)


def _col(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def chart_png(b: Bars) -> bytes:
    """The same bars as a PNG; identical bytes for identical figures (no date, no version)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    with matplotlib.rc_context(
        {
            "font.family": "sans-serif",
            "font.sans-serif": CJK_FONTS,
            "axes.unicode_minus": False,
            "svg.hashsalt": "0",
        }
    ):
        height = 0.32 * len(b.names) + 1.4
        fig, ax = plt.subplots(figsize=(6.3, height), dpi=DPI)
        y = range(len(b.names))
        ax.barh(
            y, b.previous, color=SHADES[0], edgecolor="black", linewidth=0.5, label=b.previous_label
        )
        ax.barh(
            y,
            b.current,
            left=b.previous,
            color=SHADES[1],
            edgecolor="black",
            linewidth=0.5,
            label=b.current_label,
        )
        ax.set_yticks(list(y), b.names, fontsize=9)
        ax.invert_yaxis()
        ax.set_title(b.title, fontsize=11)
        ax.grid(axis="x", color="#BFBFBF", linewidth=0.5)
        ax.set_axisbelow(True)
        ax.legend(loc="lower right", fontsize=9, frameon=False)
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png", metadata={"Software": None})
        plt.close(fig)
    return out.getvalue()
