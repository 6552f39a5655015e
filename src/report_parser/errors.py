"""Errors a user can cause, each with the exit code the CLI gives it (see README)."""
from __future__ import annotations

EXIT_OK = 0
EXIT_INTERNAL = 1        # a bug of ours, still told in one line
EXIT_USAGE = 2
EXIT_UNREADABLE = 3
EXIT_NOT_A_REPORT = 4
EXIT_SOME_FAILED = 5     # a batch in which some files failed (listed in errors.csv)
EXIT_INTERRUPTED = 130   # Ctrl-C, as a shell reports SIGINT


class ReportParserError(Exception):
    """Base class: a one-line, user-facing message and an exit code."""

    exit_code = EXIT_UNREADABLE


class UnreadableInput(ReportParserError):
    """The file cannot be read: missing, empty, corrupt, encrypted or of an unsupported format."""

    exit_code = EXIT_UNREADABLE


class MissingTool(UnreadableInput):
    """A converter the input needs (Tesseract, LibreOffice) is not installed."""


class NotAReport(ReportParserError):
    """The file was read but holds no report structure (no header, no title, no sections)."""

    exit_code = EXIT_NOT_A_REPORT


class UsageError(ReportParserError, ValueError):
    """An option given to the API or the command line is invalid (or cannot apply to this input)."""

    exit_code = EXIT_USAGE
