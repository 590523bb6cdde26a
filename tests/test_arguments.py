"""The command line's arguments: Chinese help, argparse's English said in Chinese, and the
period length read from the rules file for the --period check."""

from __future__ import annotations

import re

import pytest

from shiquan_score import DEFAULT_RULES, arguments
from shiquan_score.cli import main
from shiquan_score.errors import EXIT_USAGE


def usage_error(capsys, *args: str) -> str:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    assert exc.value.code == EXIT_USAGE
    err = capsys.readouterr().err
    err.encode("gbk")
    assert err.startswith("用法：python convert.py")
    return err.splitlines()[-1]


def test_help_has_no_english_but_names(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["-h"])
    assert exc.value.code == 0
    text = capsys.readouterr().out
    words = set(re.findall(r"[A-Za-z]{2,}", text))
    # option names, file names and paths, the 2020Q4 example: nothing of argparse's own
    assert words <= {
        "python", "convert", "py", "out", "period", "rules", "roster", "template", "check",
        "against", "debug", "tables", "help", "xlsx", "xls", "csv", "templates", "toml", "output",
        "sample_data", "sample", "data",
        # issue 13: the notice's options, its file types and the programs it names
        "notice", "date", "chart", "docx", "PDF", "LibreOffice", "Word", "WPS",
    }, words  # fmt: skip


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (["x", "--frobnicate"], "不认识的参数：--frobnicate"),
        (["x", "y"], "不认识的参数：y"),
        (["x", "--period"], "--period 后面要跟一个值"),
        (["x", "--out"], "--out 后面要跟一个值"),
        (["--help=3"], "-h/--help 后面不能跟值，却写了“3”"),
        (["x", "--r", "a.toml"], "--r 不完整，可能是 --rules、--roster 中的任何一个，请写全"),
        (["x", "--period", "2020Q9"], "期别“2020Q9”写法不对，请写成年份加季度，如 2020Q4"),
        ([], "缺少参数 收件箱"),
    ],
)
def test_argparse_complaints_in_chinese(capsys, args, what):
    assert (
        usage_error(capsys, *args)
        == f"错误：命令写法不对（{what}）。查看说明：python convert.py -h"
    )


def test_an_unforeseen_argparse_message_never_shows_its_english():
    assert arguments._translate("argument --x: not allowed with argument --y") == (
        "请对照说明检查各个选项的写法"
    )


def test_scheme_span_reads_the_rules_files_period():
    assert arguments.scheme_span(DEFAULT_RULES) == 3  # templates/rules.toml: quarters


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ('period = "month"\n', 1),
        ('period = "quarter"\n', 3),
        ('period = "half"\n', 6),
        ("", 3),  # no period key: quarters, as the scheme loader assumes
        ('period = "fortnight"\n', None),  # unknown: the run itself says why
        ("period = 3\n", None),
        ("period = [\n", None),  # not TOML
    ],
)
def test_scheme_span_of_any_rules_file(tmp_path, text, span):
    rules = tmp_path / "rules.toml"
    rules.write_text(text, encoding="utf-8")
    assert arguments.scheme_span(rules) == span


def test_scheme_span_of_a_missing_or_undecodable_file(tmp_path):
    assert arguments.scheme_span(tmp_path / "none.toml") is None
    bad = tmp_path / "gbk.toml"
    bad.write_bytes('period = "季"'.encode("gbk"))
    assert arguments.scheme_span(bad) is None
