"""The notice rendered by LibreOffice Writer: pages, orientation, the header on every table page."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from shiquan_score.output.notice.pdf import soffice

pytestmark = pytest.mark.skipif(
    soffice() is None or shutil.which("pdfinfo") is None,
    reason="LibreOffice (soffice) 或 poppler-utils (pdfinfo) 未安装：.ci/run 会安装，本机跳过渲染检查",
)


def _pages(pdf) -> list[tuple[float, float, str]]:
    info = subprocess.run(["pdfinfo", "-l", "999", str(pdf)], capture_output=True, text=True).stdout
    sizes = [
        tuple(float(x) for x in line.split("size:")[1].split("pts")[0].split(" x "))
        for line in info.splitlines()
        if line.startswith("Page") and "size:" in line
    ]
    out = []
    for i, (w, h) in enumerate(sizes, start=1):
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", str(i), "-l", str(i), str(pdf), "-"],
            capture_output=True,
            text=True,
        ).stdout
        out.append((w, h, text))
    return out


def test_attachment_pages_are_landscape_and_start_with_the_header(made):
    assert made.pdf.exists(), made.out
    pages = _pages(made.pdf)
    first_table = next(
        i for i, (_, _, t) in enumerate(pages) if t.replace(" ", "").lstrip().startswith("附件1")
    )
    body, tables = pages[:first_table], pages[first_table:]
    assert 1 <= len(body) <= 5
    assert all(round(w) == 595 and round(h) == 842 for w, h, _ in body)  # portrait A4
    assert tables and all(round(w) == 842 and round(h) == 595 for w, h, _ in tables)
    for _, _, text in tables:
        lines = [line.replace(" ", "") for line in text.splitlines() if line.strip()]
        start = next(i for i, line in enumerate(lines) if "新闻动态" in line)
        # before the header at most the 附件 line and the title: no unit row above it
        assert all(line.startswith("附件") or "统计表" in line for line in lines[:start])
        assert "政务信息" in lines[start] and "得分情况（分）" in "".join(lines[start : start + 3])
    joined = "\n".join(t for _, _, t in pages)
    assert "—1—" in pages[0][2].replace(" ", "")  # pdftotext drops the thin spaces
    assert f"—{len(pages)}—" in pages[-1][2].replace(
        " ", ""
    )  # numbering runs on through the attachments
    assert "附件2" in joined.replace(" ", "") and "备注" in joined
