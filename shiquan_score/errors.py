"""Errors the core raises; only cli.py turns them into a message and an exit code."""

# The exit codes (README): done; an input could not be used; the command was mistyped;
# an error that is not the project's own (cli.main's last resort).
EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class ShiquanError(Exception):
    """Base class: the message is one Chinese line for the clerk."""

    # What the run had found out before it stopped (files read, quarter chosen), for the CLI.
    notices: list[str] = []  # noqa: RUF012 - replaced per instance, never mutated


class InputError(ShiquanError):
    """An input file cannot be used at all (unreadable, hostile, wrong kind)."""


class SchemeError(ShiquanError):
    """The rules or roster file in templates/ is wrong."""


class OutputError(ShiquanError):
    """The workbook cannot be written (folder missing, file open in Excel/WPS)."""
