"""Writing the notice: same inputs give the same bytes, the file appears atomically, and an
earlier draft that differs is renamed …_旧版N, never overwritten."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shiquan_score.errors import OutputError
from shiquan_score.output.notice import save


def zip_of(members: dict[str, bytes], when=(2026, 12, 1, 9, 30, 0)) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members.items():
            z.writestr(zipfile.ZipInfo(name, when), data)
    return out.getvalue()


@given(
    st.dictionaries(
        st.text("abcdefgh/_.", min_size=1, max_size=12).filter(lambda n: not n.endswith("/")),
        st.binary(max_size=200),
        max_size=5,
    ),
    st.tuples(
        st.integers(1980, 2100),
        st.integers(1, 12),
        st.integers(1, 28),
        st.integers(0, 23),
        st.integers(0, 59),
        st.integers(0, 58),
    ),
)
def test_stable_zip_keeps_members_and_order_and_forgets_the_time(members, when):
    fixed = save.stable_zip(zip_of(members, when))
    assert fixed == save.stable_zip(zip_of(members))  # any time stamp: the same bytes
    with zipfile.ZipFile(io.BytesIO(fixed)) as z:
        assert [i.filename for i in z.infolist()] == list(members)
        assert {n: z.read(n) for n in z.namelist()} == members
        assert {i.date_time for i in z.infolist()} <= {save.ZIP_TIME}


def test_docx_bytes_are_the_same_for_the_same_document():
    docx = pytest.importorskip("docx", reason="python-docx is the notice's optional dependency")

    def document():
        d = docx.Document()
        d.add_paragraph("关于2020年第四季度信息采用情况的通报")
        d.core_properties.author = "某人"
        return d

    first = save.docx_bytes(document(), "通报")
    assert first == save.docx_bytes(document(), "通报")
    again = docx.Document(io.BytesIO(first)).core_properties
    assert (again.title, again.author, again.revision) == ("通报", "", 1)
    assert again.created == again.modified and again.created.year == 2000


def test_kept_name_takes_the_first_free_number(tmp_path):
    target = tmp_path / "表_通报.docx"
    assert save.kept_name(target).name == "表_通报_旧版1.docx"
    (tmp_path / "表_通报_旧版1.docx").write_bytes(b"")
    (tmp_path / "表_通报_旧版2.docx").write_bytes(b"")
    assert save.kept_name(target).name == "表_通报_旧版3.docx"


def test_a_new_file_is_written_and_nothing_kept(tmp_path):
    target = tmp_path / "新文件夹" / "表_通报.docx"
    assert save.write_kept(target, b"one") is None
    assert target.read_bytes() == b"one"
    assert [p.name for p in target.parent.iterdir()] == ["表_通报.docx"]  # no temporary file


def test_the_same_bytes_leave_the_file_as_it_was(tmp_path):
    target = tmp_path / "表_通报.docx"
    save.write_kept(target, b"one")
    before = target.stat()
    assert save.write_kept(target, b"one") is None
    after = target.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_different_earlier_draft_is_kept_under_a_new_name_each_time(tmp_path):
    target = tmp_path / "表_通报.docx"
    save.write_kept(target, b"one")
    assert save.write_kept(target, b"two") == tmp_path / "表_通报_旧版1.docx"
    assert save.write_kept(target, b"three") == tmp_path / "表_通报_旧版2.docx"
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {
        "表_通报.docx": b"three",
        "表_通报_旧版1.docx": b"one",
        "表_通报_旧版2.docx": b"two",
    }


def test_the_file_gets_the_usual_permissions(tmp_path):
    target = tmp_path / "表_通报.docx"
    save.write_kept(target, b"one")
    mask = os.umask(0)
    os.umask(mask)
    if os.name != "nt":
        assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_a_draft_open_in_word_stops_with_nothing_changed(tmp_path, monkeypatch):
    target = tmp_path / "表_通报.docx"
    save.write_kept(target, b"one")

    def locked(src, dst):
        raise PermissionError(13, "locked")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputError) as exc:
        save.write_kept(target, b"two")
    assert str(exc.value) == "请先关闭 Word/WPS 中打开的 表_通报.docx，再重新运行"
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {"表_通报.docx": b"one"}


def test_another_system_refusal_names_the_target_and_the_reason(tmp_path, monkeypatch):
    target = tmp_path / "表_通报.docx"

    def full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OutputError) as exc:
        save.write_kept(target, b"one")
    assert str(exc.value) == f"无法写入 {target}：磁盘已满"
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_made(tmp_path):
    blocker = tmp_path / "一个文件"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as exc:
        save.write_kept(blocker / "表_通报.docx", b"one")
    assert str(exc.value) == f"无法创建输出文件夹 {blocker}：已有同名的文件"
