"""Draw docs/通报示例.png for the README: the sample inbox's notice, first page of the body
and of each attachment, as LibreOffice renders it.

    python tools/notice_picture.py

Needs LibreOffice Writer and poppler-utils (pdftoppm, pdftotext); the picture is kept small
(grayscale, 16 shades) so the repository does not grow by more than a few hundred KB.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402  (matplotlib's dependency, in the [notice] extra)

from shiquan_score.cli import main  # noqa: E402

TARGET = ROOT / "docs" / "通报示例.png"
DPI = 50


def first_pages(pdf: Path) -> list[int]:
    """Page 1, and the first page of each attachment (附件N at the top of the page)."""
    count = int(
        next(
            line.split()[-1]
            for line in subprocess.run(
                ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
            ).stdout.splitlines()
            if line.startswith("Pages:")
        )
    )
    pages = [1]
    for n in range(2, count + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        if text.replace(" ", "").lstrip().startswith("附件"):
            pages.append(n)
    return pages


def main_picture() -> int:
    with tempfile.TemporaryDirectory() as work:
        out = Path(work)
        code = main(
            [str(ROOT / "sample_data"), "--out", str(out), "--notice", "--date", "2021-01-15"]
        )
        pdf = next(out.glob("*_通报.pdf"), None)
        if code or pdf is None:
            print("没有生成通报 PDF（需要 LibreOffice Writer）", file=sys.stderr)
            return 1
        images = []
        for n in first_pages(pdf):
            stem = out / f"page{n}"
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    str(DPI),
                    "-png",
                    "-singlefile",
                    "-f",
                    str(n),
                    "-l",
                    str(n),
                    str(pdf),
                    str(stem),
                ],
                check=True,
            )
            images.append(Image.open(f"{stem}.png").convert("L"))
        gap = 12
        width = sum(i.width for i in images) + gap * (len(images) + 1)
        height = max(i.height for i in images) + 2 * gap
        sheet = Image.new("L", (width, height), 200)
        x = gap
        for image in images:
            sheet.paste(image, (x, gap))
            x += image.width + gap
        TARGET.parent.mkdir(exist_ok=True)
        sheet.quantize(16).save(TARGET, optimize=True)
    print(f"{TARGET.relative_to(ROOT)}：{TARGET.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main_picture())
