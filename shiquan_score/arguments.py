"""The command line's arguments: the parser and its Chinese help, argparse's own English
complaints said again in Chinese, and the cheap look at the rules file that --period needs."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from shiquan_score import DEFAULT_ROSTER, DEFAULT_RULES
from shiquan_score.errors import EXIT_USAGE
from shiquan_score.messages import MESSAGES, fields, msg
from shiquan_score.period import SPANS


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="用法：")


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        """argparse's own complaint, always in English: said again in Chinese."""
        self.fail(_translate(message))

    def fail(self, what: str) -> None:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, msg("USAGE", what=what) + "\n")


# argparse's messages (Python 3.11 argparse.py) that this parser can produce.
_ARGPARSE = [
    (r"the following arguments are required: (?P<names>.+)", "USAGE_MISSING"),
    (r"unrecognized arguments: (?P<args>.+)", "USAGE_UNKNOWN"),
    (r"argument (?P<option>\S+): expected one argument", "USAGE_NEEDS_VALUE"),
    (r"argument (?P<option>\S+): ignored explicit argument '(?P<value>.*)'", "USAGE_NO_VALUE"),
    (r"ambiguous option: (?P<option>\S+?)(=.*)? could match (?P<matches>.+)", "USAGE_AMBIGUOUS"),
]


def _translate(message: str) -> str:
    """Its Chinese message; anything not foreseen gets a general one, never the English."""
    for pattern, code in _ARGPARSE:
        found = re.fullmatch(pattern, message)
        if found:
            values = {k: v for k, v in found.groupdict().items() if k in fields(MESSAGES[code])}
            if "matches" in values:
                values["matches"] = "、".join(values["matches"].split(", "))
            return msg(code, **values)
    return msg("USAGE_OTHER")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="python convert.py",
        description="信息采用情况统计：读取收件箱里的台账和上期统计表，按规则文件生成各张统计表"
        "（默认：附件1 镇、附件2 部门）。",
        epilog="示例：python convert.py sample_data\n      python convert.py 收件箱 --period 2020Q4 --out 输出"
        "\n      python convert.py --template 台账模板.xlsx --period 2021"
        "\n      python convert.py 收件箱 --check-against 手工统计表.xlsx",
        formatter_class=_Formatter,
        add_help=False,
    )
    parser._positionals.title = "参数"
    parser._optionals.title = "选项"
    parser.add_argument(
        "inbox",
        nargs="?",
        type=Path,
        metavar="收件箱",
        help="放台账（.xlsx/.xls/.csv）和上期统计表的文件夹",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("output"),
        metavar="文件夹",
        help="生成的工作簿放在这里（默认：当前目录下的 output）",
    )
    parser.add_argument(
        "--period",
        metavar="期别",
        help="统计哪一季度，如 2020Q4；不写则按上期表的下一季度，没有上期表时按台账中日期最多的季度",
    )
    parser.add_argument(
        "--tables",
        metavar="表",
        help="生成哪几张表，如 --tables 部门 或 --tables 镇,部门（也可写附件1、附件2）；"
        "不写则生成台账本期有记录或收件箱里有上期表的表",
    )
    parser.add_argument(
        "--rules",
        type=Path,
        default=DEFAULT_RULES,
        metavar="文件",
        help="计分规则文件（默认：templates/rules.toml）",
    )
    parser.add_argument(
        "--roster",
        type=Path,
        default=DEFAULT_ROSTER,
        metavar="文件",
        help="单位名单文件（默认：templates/roster.toml）",
    )
    # --- issue 5: ledger template and checking a hand-made table ---
    parser.add_argument(
        "--template",
        type=Path,
        metavar="文件.xlsx",
        help="生成一份空白台账模板后退出，不需要收件箱；"
        "年份取 --period（如 2021 或 2021Q1），不写则不限年份",
    )
    parser.add_argument(
        "--check-against",
        type=Path,
        metavar="文件.xlsx",
        help="把本次计算的统计表与手工做的统计表逐格核对，不一致之处写入工作簿的“核对”表"
        "（核对表不要放进收件箱）",
    )
    # --- end issue 5 ---
    # --- issue 13: the notice ---
    parser.add_argument(
        "--notice",
        action="store_true",
        default=None,
        help="同时生成通报草稿（Word .docx，与工作簿放在一起；装有 LibreOffice 时另生成 PDF）；"
        "文字见 templates/notice.toml",
    )
    parser.add_argument(
        "--date",
        metavar="日期",
        help="通报的成文日期，如 2021-01-15；不写则留【成文日期】待填",
    )
    parser.add_argument(
        "--notice-template",
        type=Path,
        metavar="文件.docx",
        help="用办公室自己的 Word 模板（含【正文】【附件1】等占位段落），不写则用内置的公文格式",
    )
    parser.add_argument(
        "--notice-rules",
        type=Path,
        metavar="文件",
        help="通报文字和格式文件（默认：templates/notice.toml）",
    )
    parser.add_argument(
        "--chart",
        action="store_true",
        help="在工作簿每张表旁边加一张累计得分图（上期＋本期）；生成通报时图也放进通报",
    )
    # --- end issue 13 ---
    parser.add_argument("--debug", action="store_true", help="出错时显示程序内部信息（给开发人员）")
    parser.add_argument("-h", "--help", action="help", help="显示本说明")
    return parser


def scheme_span(rules: Path) -> int | None:
    """The period length the rules file asks for (period = "month" …), read cheaply for the
    --period check; None when the file cannot be read (the run then says why)."""
    import tomllib

    try:
        data = tomllib.loads(Path(rules).read_text(encoding="utf-8"))
    except (OSError, UnicodeError, tomllib.TOMLDecodeError):
        return None
    period = data.get("period", "quarter")
    return SPANS.get(period) if isinstance(period, str) else None
