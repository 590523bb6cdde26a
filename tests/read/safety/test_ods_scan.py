"""read/safety/ods_scan: an .ods is checked like an .xlsx before calamine reads it."""

from __future__ import annotations

import zipfile

import pytest

from shiquan_score.read.safety.limits import Limits, Refused
from shiquan_score.read.safety.ods_scan import scan_ods
from tests import messy_files as mf


def test_an_ods_as_libreoffice_writes_it_passes(tmp_path):
    assert scan_ods(mf.ods_ledger(tmp_path)) is None


def test_an_ods_without_content_xml_is_corrupt(tmp_path):
    path = tmp_path / "台账.ods"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(Refused) as refused:
        scan_ods(path)
    assert refused.value.reason == "corrupt"


def test_an_entity_declaration_in_content_xml_is_refused(tmp_path):
    good = mf.ods_ledger(tmp_path)
    with zipfile.ZipFile(good) as zf:
        content = zf.read("content.xml").decode()
    content = content.replace(
        "<office:document-content", '<!DOCTYPE x [<!ENTITY a "aaaa">]><office:document-content', 1
    )
    path = tmp_path / "坏.ods"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    with pytest.raises(Refused) as refused:
        scan_ods(path)
    assert refused.value.reason == "entity"


def test_the_limits_apply_to_its_members(tmp_path):
    path = mf.ods_ledger(tmp_path)
    with pytest.raises(Refused) as refused:
        scan_ods(path, Limits(max_members=2))  # it has three
    assert (refused.value.reason, refused.value.detail) == ("structure", {"what": "members"})
    with pytest.raises(Refused) as refused:
        scan_ods(path, Limits(max_total=100))
    assert refused.value.reason == "bomb_total"
