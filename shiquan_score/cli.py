"""Command line: arguments → run(); the only place that prints or picks an exit code."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import traceback
from pathlib import Path

from shiquan_score.arguments import Parser, build_parser, scheme_span
from shiquan_score.errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, ShiquanError
from shiquan_score.messages import msg
from shiquan_score.period import Period, parse_any

LOG_NAME = "错误日志_{stamp}.txt"
SHOWN_PROBLEMS = 20


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


def _main(parser: Parser, args: argparse.Namespace) -> int:
    if args.template is not None:  # the template needs no inbox
        return _template(args)
    if args.inbox is None:
        parser.fail(msg("USAGE_NO_INBOX"))
    if args.period is not None:
        try:
            span = scheme_span(args.rules)
            Period.parse(args.period, span) if span else parse_any(args.period)
        except ShiquanError as exc:
            parser.fail(str(exc))
    if args.tables is not None:
        _check_tables(parser, args)
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


def _check_tables(parser: Parser, args: argparse.Namespace) -> None:
    """A --tables word the rules file has no table for is a wrong command value (exit 2, as
    for --period); a rules file that cannot be read is left for the run to explain."""
    from shiquan_score.errors import InputError
    from shiquan_score.scheme.loader import load_scheme
    from shiquan_score.table_choice import parse_tables

    try:
        scheme = load_scheme(args.rules, args.roster)
    except ShiquanError:
        return
    try:
        parse_tables(args.tables, scheme)
    except InputError as exc:
        parser.fail(str(exc))


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
    for line in result.hints:
        _say(line)
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
