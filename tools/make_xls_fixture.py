"""Make tests/data/台账_旧版.xls: a small ledger saved as legacy .xls by LibreOffice.

Run where LibreOffice (soffice) is installed; the .xls is committed because CI has no
LibreOffice and no Python library writes .xls any more.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "tests" / "data" / "台账_旧版.xls"
ROWS = [
    (dt.datetime(2020, 10, 9), "县财政局", "财政局落实减税降费政策", "", "部门动态、市政府网站"),
    ("2020.11.3", "城关镇", "城关镇开展冬季防火宣传", "新闻", "各镇快讯"),
    ("2020年12月1日", "司法局、审计局", "联合开展普法进企业活动", "", "聚焦石泉"),
]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "ledger.xlsx"
        wb = xlsxwriter.Workbook(str(source))
        ws = wb.add_worksheet("台账")
        date_format = wb.add_format({"num_format": "yyyy-mm-dd"})
        ws.write_string(0, 0, "石泉县2020年信息采用台账")
        ws.write_row(2, 0, ["序号", "日期", "单位", "标题", "类别", "采用渠道"])
        for r, (day, unit, title, category, channel) in enumerate(ROWS, start=3):
            ws.write_number(r, 0, r - 2)
            if isinstance(day, dt.datetime):
                ws.write_datetime(r, 1, day, date_format)
            else:
                ws.write_string(r, 1, day)
            ws.write_row(r, 2, [unit, title, category, channel])
        wb.close()
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "xls", "--outdir", tmp, str(source)],
            check=True,
            capture_output=True,
        )
        shutil.copy(Path(tmp) / "ledger.xls", TARGET)
    print(TARGET)


if __name__ == "__main__":
    main()
