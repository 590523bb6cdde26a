"""The notice as PDF: LibreOffice found where it is installed, called with a private profile,
its PDF moved beside the .docx; without it, or when it fails, one line saying so."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from shiquan_score.output.notice import pdf

posix = pytest.mark.skipif(os.name == "nt", reason="the stand-in soffice is a POSIX script")


def stand_in(folder: Path, body: str) -> Path:
    """A program called soffice that runs `body` (Python) with the command line in `args`."""
    program = folder / "soffice"
    program.write_text(
        f"#!{sys.executable}\nimport sys, pathlib\nargs = sys.argv[1:]\n" + textwrap.dedent(body),
        encoding="utf-8",
    )
    program.chmod(0o755)
    return program


WRITES_PDF = """
    import os
    out = pathlib.Path(args[args.index("--outdir") + 1])
    docx = pathlib.Path(args[-1])
    (out / (docx.stem + ".pdf")).write_bytes(b"%PDF-1.4 " + docx.read_bytes())
    log = pathlib.Path(os.environ["STAND_IN_LOG"])
    (log / "called.txt").write_text("\\n".join(args), encoding="utf-8")
    (log / "env.txt").write_text(os.environ.get("FONTCONFIG_FILE", ""), encoding="utf-8")
"""


@pytest.fixture
def no_soffice(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    monkeypatch.setenv("PROGRAMFILES", str(tmp_path / "没有"))


@pytest.fixture
def fake(monkeypatch, tmp_path):
    """soffice on the PATH is a stand-in; returns a function installing its body."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("STAND_IN_LOG", str(bin_dir))

    def install(body: str) -> Path:
        program = stand_in(bin_dir, body)
        monkeypatch.setattr(
            pdf.shutil, "which", lambda name: str(program) if name == "soffice" else None
        )
        return program

    return install


def docx(folder: Path, data: bytes = b"draft") -> Path:
    path = folder / "表_通报.docx"
    path.write_bytes(data)
    return path


def test_without_libreoffice_one_line_and_no_pdf(no_soffice, tmp_path):
    assert pdf.soffice() is None
    assert pdf.convert(docx(tmp_path), tmp_path) is None
    assert pdf.to_pdf(docx(tmp_path), None) == (
        None,
        "未找到 LibreOffice（soffice），没有生成通报的 PDF；需要时用 Word/WPS 另存为 PDF",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["表_通报.docx"]


def test_found_under_program_files_on_windows(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    exe = tmp_path / "LibreOffice" / "program" / "soffice.exe"
    exe.parent.mkdir(parents=True)
    exe.write_bytes(b"")
    monkeypatch.setenv("PROGRAMFILES", str(tmp_path))
    assert pdf.soffice() == str(exe)


def test_libreoffice_is_also_found_by_its_other_name(monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda n: "/opt/lo" if n == "libreoffice" else None)
    assert pdf.soffice() == "/opt/lo"


@posix
def test_the_pdf_lands_beside_the_docx_from_a_headless_private_run(fake, tmp_path):
    fake(WRITES_PDF)
    folder = tmp_path / "输出"
    folder.mkdir()
    made, line = pdf.to_pdf(docx(folder), None)
    assert (made, line) == (folder / "表_通报.pdf", None)
    assert made.read_bytes() == b"%PDF-1.4 draft"
    assert sorted(p.name for p in folder.iterdir()) == ["表_通报.docx", "表_通报.pdf"]
    # the work folder, with anything else LibreOffice left there, is gone


@posix
def test_the_command_line(fake, tmp_path):
    fake(WRITES_PDF)
    work = tmp_path / "work"
    work.mkdir()
    assert pdf.convert(docx(tmp_path), work) == work / "表_通报.pdf"
    args = (tmp_path / "bin" / "called.txt").read_text(encoding="utf-8").splitlines()
    assert args[0].startswith("-env:UserInstallation=file://")  # never the clerk's profile
    assert args[1:] == [
        "--headless", "--convert-to", "pdf", "--outdir", str(work), str(tmp_path / "表_通报.docx"),
    ]  # fmt: skip


@posix
def test_the_fonts_file_is_given_on_linux_unless_one_is_set(fake, tmp_path, monkeypatch):
    fake(WRITES_PDF)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.delenv("FONTCONFIG_FILE", raising=False)
    pdf.convert(docx(tmp_path), work)
    assert (tmp_path / "bin" / "env.txt").read_text() == str(pdf.FONTS_CONF)
    monkeypatch.setenv("FONTCONFIG_FILE", "/etc/mine.conf")
    pdf.convert(docx(tmp_path), work)
    assert (tmp_path / "bin" / "env.txt").read_text() == "/etc/mine.conf"


@posix
def test_a_libreoffice_that_makes_nothing_is_said(fake, tmp_path):
    fake("sys.exit(1)\n")
    assert pdf.to_pdf(docx(tmp_path), None) == (
        None,
        "LibreOffice 没能把 表_通报.docx 转成 PDF，需要时用 Word/WPS 另存为 PDF",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "表_通报.docx"]


@posix
def test_a_libreoffice_that_hangs_is_given_up(fake, tmp_path, monkeypatch):
    fake("import time\ntime.sleep(30)\n")
    monkeypatch.setattr(pdf, "TIMEOUT_S", 0.5)
    assert pdf.convert(docx(tmp_path), tmp_path) is None


@posix
def test_an_earlier_pdf_follows_the_earlier_draft_that_was_kept(fake, tmp_path):
    fake(WRITES_PDF)
    (tmp_path / "表_通报.pdf").write_bytes(b"%PDF old")
    kept = tmp_path / "表_通报_旧版1.docx"
    kept.write_bytes(b"old draft")
    made, _ = pdf.to_pdf(docx(tmp_path, b"new"), kept)
    assert made.read_bytes() == b"%PDF-1.4 new"
    assert (tmp_path / "表_通报_旧版1.pdf").read_bytes() == b"%PDF old"


@pytest.mark.skipif(
    pdf.soffice() is None, reason="LibreOffice (soffice) 未安装：.ci/run 会安装，本机跳过"
)
def test_real_libreoffice_converts_a_small_notice(tmp_path):
    docx_module = pytest.importorskip(
        "docx", reason="python-docx is the notice's optional dependency"
    )
    document = docx_module.Document()
    document.add_paragraph("关于2020年第四季度信息采用情况的通报")
    path = tmp_path / "表_通报.docx"
    document.save(path)
    made, line = pdf.to_pdf(path, None)
    assert line is None and made == tmp_path / "表_通报.pdf"
    assert made.read_bytes().startswith(b"%PDF")
