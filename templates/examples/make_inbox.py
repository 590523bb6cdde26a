"""Write an example's sample inbox: its ledger (台账.xlsx) from the rows in its sample.py.

    python templates/examples/make_inbox.py 平安县_扣分与批示 收件箱
    python convert.py 收件箱 --rules templates/examples/平安县_扣分与批示/rules.toml \\
        --roster templates/examples/平安县_扣分与批示/roster.toml --period 2021-01
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).resolve().parent
HEADER = ["序号", "日期", "单位", "标题", "类别", "采用渠道"]


def sample_rows(example: str) -> list[tuple]:
    """The example's ledger rows: (date, unit(s), title, category, channel(s))."""
    spec = importlib.util.spec_from_file_location(f"sample_{example}", HERE / example / "sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.ROWS


def write_inbox(example: str, folder: Path) -> Path:
    """The inbox folder with the example's 台账.xlsx in it, as a clerk keeps it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "台账.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.set_properties({"created": dt.datetime(2021, 4, 1)})  # same bytes on every run
    sheet = book.add_worksheet("台账")
    dates = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_string(0, 0, f"{example.split('_')[0]}2021年信息采用台账")
    sheet.write_row(2, 0, HEADER)
    for i, (day, unit, title, category, channel) in enumerate(sample_rows(example), start=1):
        r = i + 2
        sheet.write_number(r, 0, i)
        sheet.write_datetime(r, 1, dt.datetime.combine(day, dt.time()), dates)
        for c, text in enumerate([unit, title, category, channel], start=2):
            if text:
                sheet.write_string(r, c, text)
    sheet.set_column(1, 1, 12)
    sheet.set_column(2, 3, 24)
    sheet.set_column(4, 5, 16)
    book.close()
    return folder


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("用法：python templates/examples/make_inbox.py 示例名 收件箱文件夹")
    print(f"已生成：{write_inbox(sys.argv[1], Path(sys.argv[2])) / '台账.xlsx'}")
