"""The command line's arguments: the parser and its Chinese help, argparse's own English
complaints said again in Chinese, and the cheap look at the rules file that --period needs."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from shiquan_score import DEFAULT_ROSTER, DEFAULT_RULES
from shiquan_score.errors import EXIT_USAGE
from shiquan_score.messages import MESSAGES, fields, listing, msg
from shiquan_score.period import SPANS


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix=msg("HELP_USAGE"))

    def format_help(self) -> str:
        """Group headings (参数, 选项) end in a Chinese colon, not argparse's ASCII one."""
        return re.sub(r"^(\S[^\n]*):$", r"\1：", super().format_help(), flags=re.M)


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
                values["matches"] = listing(values["matches"].split(", "))
            return msg(code, **values)
    return msg("USAGE_OTHER")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="python convert.py",
        description=msg("HELP_DESCRIPTION"),
        epilog=msg("HELP_EXAMPLES"),
        formatter_class=_Formatter,
        add_help=False,
    )
    parser._positionals.title = msg("HELP_ARGUMENTS")
    parser._optionals.title = msg("HELP_OPTIONS")
    parser.add_argument(
        "inbox",
        nargs="?",
        type=Path,
        metavar=msg("HELP_INBOX_NAME"),
        help=msg("HELP_INBOX"),
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("output"),
        metavar=msg("HELP_FOLDER_NAME"),
        help=msg("HELP_OUT"),
    )
    parser.add_argument(
        "--period",
        metavar=msg("HELP_PERIOD_NAME"),
        help=msg("HELP_PERIOD"),
    )
    parser.add_argument(
        "--tables",
        metavar=msg("HELP_TABLES_NAME"),
        help=msg("HELP_TABLES"),
    )
    parser.add_argument(
        "--rules",
        type=Path,
        default=DEFAULT_RULES,
        metavar=msg("HELP_FILE_NAME"),
        help=msg("HELP_RULES"),
    )
    parser.add_argument(
        "--roster",
        type=Path,
        default=DEFAULT_ROSTER,
        metavar=msg("HELP_FILE_NAME"),
        help=msg("HELP_ROSTER"),
    )
    # --- issue 5: ledger template and checking a hand-made table ---
    parser.add_argument(
        "--template",
        type=Path,
        metavar=msg("HELP_XLSX_NAME"),
        help=msg("HELP_TEMPLATE"),
    )
    parser.add_argument(
        "--check-against",
        type=Path,
        metavar=msg("HELP_XLSX_NAME"),
        help=msg("HELP_CHECK_AGAINST"),
    )
    # --- end issue 5 ---
    # --- issue 13: the notice ---
    parser.add_argument(
        "--notice",
        action="store_true",
        default=None,
        help=msg("HELP_NOTICE"),
    )
    parser.add_argument(
        "--date",
        metavar=msg("HELP_DATE_NAME"),
        help=msg("HELP_DATE"),
    )
    parser.add_argument(
        "--notice-template",
        type=Path,
        metavar=msg("HELP_DOCX_NAME"),
        help=msg("HELP_NOTICE_TEMPLATE"),
    )
    parser.add_argument(
        "--notice-rules",
        type=Path,
        metavar=msg("HELP_FILE_NAME"),
        help=msg("HELP_NOTICE_RULES"),
    )
    parser.add_argument(
        "--chart",
        action="store_true",
        help=msg("HELP_CHART"),
    )
    # --- end issue 13 ---
    parser.add_argument("--debug", action="store_true", help=msg("HELP_DEBUG"))
    parser.add_argument("-h", "--help", action="help", help=msg("HELP_HELP"))
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
