"""The project's own errors and the exit codes the README documents."""

from __future__ import annotations

import re

import pytest

from shiquan_score.errors import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    InputError,
    OutputError,
    SchemeError,
    ShiquanError,
)
from tests.conftest import ROOT


def test_exit_codes_are_the_ones_the_readme_documents():
    assert (EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL) == (0, 1, 2, 3)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if x.startswith("程序结束时的退出码"))
    assert re.findall(r"(\d) ", line) == ["0", "1", "2", "3"]


@pytest.mark.parametrize("cls", [InputError, SchemeError, OutputError])
def test_every_error_of_the_project_is_a_shiquan_error(cls):
    error = cls("台账.xlsx 无法读取")
    assert isinstance(error, ShiquanError)
    assert str(error) == "台账.xlsx 无法读取"  # the one Chinese line, as given


def test_the_three_kinds_are_distinct():
    kinds = [InputError, SchemeError, OutputError]
    for cls in kinds:
        assert [issubclass(cls, other) for other in kinds].count(True) == 1


def test_notices_start_empty_and_belong_to_each_error():
    first, second = InputError("一"), InputError("二")
    assert first.notices == [] and second.notices == []
    first.notices = ["本期：2020年10-12月"]
    assert second.notices == [] and ShiquanError.notices == []
