"""Command line: arguments → run(); the only place that prints or picks an exit code."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import traceback
from pathlib import Path

from shiquan_score import DEFAULT_ROSTER, DEFAULT_RULES
from shiquan_score.errors import ShiquanError
from shiquan_score.messages import MESSAGES, fields, msg
from shiquan_score.period import SPANS, Period, parse_any

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
LOG_NAME = "错误日志_{stamp}.txt"
SHOWN_PROBLEMS = 20


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="用法：")


class _Parser(argparse.ArgumentParser):
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
    parser = _Parser(
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


def _say(text: str = "", stream=None) -> None:
    print(text, file=stream or sys.stdout)


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A Chinese Windows console is GBK: never crash on a character it cannot show.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _main(parser, args)
    except Exception:
        if args.debug:
            raise
        return _last_resort(args.out, sys.argv[1:] if argv is None else argv)


def _scheme_span(rules: Path) -> int | None:
    """The period length the rules file asks for (period = "month" …), read cheaply for the
    --period check; None when the file cannot be read (the run then says why)."""
    import tomllib

    try:
        data = tomllib.loads(Path(rules).read_text(encoding="utf-8"))
    except (OSError, UnicodeError, tomllib.TOMLDecodeError):
        return None
    period = data.get("period", "quarter")
    return SPANS.get(period) if isinstance(period, str) else None


def _main(parser: _Parser, args: argparse.Namespace) -> int:
    if args.template is not None:  # the template needs no inbox
        return _template(args)
    if args.inbox is None:
        parser.fail(msg("USAGE_NO_INBOX"))
    if args.period is not None:
        try:
            span = _scheme_span(args.rules)
            Period.parse(args.period, span) if span else parse_any(args.period)
        except ShiquanError as exc:
            parser.fail(str(exc))
    day = None
    if args.date is not None:  # issue 13
        import datetime as dt

        try:
            day = dt.date.fromisoformat(args.date.strip())
        except ValueError:
            parser.fail(msg("USAGE_BAD_DATE", value=args.date))
    from shiquan_score.output.notice.hook import NoticeRequest
    from shiquan_score.pipeline import Config, run

    request = NoticeRequest(
        notice=args.notice, date=day, template=args.notice_template, chart=args.chart
    )
    if args.notice_rules is not None:
        request.rules = args.notice_rules

    config = Config(
        inbox=args.inbox,
        out=args.out,
        period=args.period,
        rules=args.rules,
        roster=args.roster,
        check_against=args.check_against,
        tables=args.tables,
        notice=request,
    )
    try:
        result = run(config)
    except ShiquanError as exc:
        if args.debug:
            raise
        for line in exc.notices:
            _say(line)
        _say(msg("ERROR_LINE", message=exc), sys.stderr)
        return EXIT_INPUT
    return _report(result)


def _last_resort(out: Path, argv: list[str]) -> int:
    """An error that is not the project's own: one line for the clerk, the details in a log.

    Nothing else is written: the workbook and CSV writers work on temporary files that an
    exception removes, so the inbox and earlier outputs stay as they were.
    """
    details = traceback.format_exc()
    try:
        log = _write_log(out, details, argv)
    except OSError:
        _say(msg("INTERNAL_NO_LOG", out=out), sys.stderr)
    else:
        _say(msg("INTERNAL", log=log), sys.stderr)
    return EXIT_INTERNAL


def _write_log(out: Path, details: str, argv: list[str]) -> Path:
    """A new file in `out` (never one written before), named by the time of the error."""
    out.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now()
    stamp = now.strftime("%Y%m%d-%H%M%S")
    head = msg("INTERNAL_LOG_HEAD", time=now.isoformat(" ", "seconds"), argv=" ".join(argv))
    for n in range(1, 1000):
        log = out / LOG_NAME.format(stamp=stamp if n == 1 else f"{stamp}_{n}")
        try:
            with log.open("x", encoding="utf-8") as fh:
                fh.write(head + "\n" + details)
        except FileExistsError:
            continue
        return log
    raise FileExistsError(out)


def _report(result) -> int:
    from shiquan_score.normalise.ledger import ERROR, INFO
    from shiquan_score.output.audit import not_records

    for line in result.notices:
        _say(line)
    c = result.counts
    _say(
        msg(
            "RUN_ACCOUNT",
            period=result.period.label,
            read=c["read"],
            scored=c["scored"],
            out=c["out"],
            duplicate=c["duplicate"],
            problem=c["problem"],
            not_records=not_records(c),
        )
    )
    if not result.ok:
        errors = result.problems[result.problems["level"] == ERROR]
        _say(msg("RUN_ERRORS", n=len(errors), file=result.problems_file), sys.stderr)
        for _, p in errors.head(SHOWN_PROBLEMS).iterrows():
            _say(
                msg("RUN_ERROR_ROW", where=p["where"], row=p["row"], message=p["message"]),
                sys.stderr,
            )
        if len(errors) > SHOWN_PROBLEMS:
            _say(msg("RUN_ERRORS_MORE", n=len(errors) - SHOWN_PROBLEMS), sys.stderr)
        return EXIT_INPUT
    notes = int((result.problems["level"] == INFO).sum())
    if notes:
        _say(msg("RUN_NOTES", n=notes))
    if result.check is not None:  # --check-against
        from shiquan_score.tools.check import summary

        for line in summary(result.check):
            _say(line)
    _say(msg("RUN_WRITTEN", file=result.workbook))
    if result.notice is not None:
        _say(msg("NOTICE_WRITTEN", file=result.notice))
    if result.notice_pdf is not None:
        _say(msg("NOTICE_PDF_WRITTEN", file=result.notice_pdf))
    return EXIT_OK


def _template(args) -> int:
    from shiquan_score.tools.template import make_template

    try:
        target, year = make_template(args.template, args.rules, args.roster, args.period)
    except ShiquanError as exc:
        if args.debug:
            raise
        _say(msg("ERROR_LINE", message=exc), sys.stderr)
        return EXIT_INPUT
    scope = msg("TEMPLATE_YEAR", year=year) if year else msg("TEMPLATE_ANY_YEAR")
    _say(msg("TEMPLATE_WRITTEN", scope=scope, file=target))
    if args.inbox is not None:
        _say(msg("TEMPLATE_ONLY"))
    return EXIT_OK


def run_console() -> None:
    """Entry of convert.py and `python -m shiquan_score`: main(), then leave at once.

    Every file is closed (and atomically in place) when main() returns; the interpreter's own
    teardown of pandas and Arrow would only add about 0.1 s to a quarter's one-second run.
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
