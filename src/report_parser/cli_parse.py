"""The single-file parse of the command line, without the command-line framework: the
options' defaults, its one-line errors (:func:`.cli_common.fail`) and exit codes, writing
the JSON. Both ways in use it: :mod:`.cli_run` (a plain ``parse-report FILE``) and
typer's ``parse`` command in :mod:`.cli`.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from .cli_common import fail
from .errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_UNREADABLE, EXIT_USAGE, ReportParserError
from .limits import DEFAULT_TIMEOUT
from .options import OcrMode

# the typer app's commands (and its help options): a first argument not among them is a file
COMMANDS = {"parse", "schema", "batch", "aggregate", "review", "correct", "-h", "--help"}


def run_parse(file: Path, output: Path | None = None, fmt: str = "json", pretty: bool = False,
              ocr: OcrMode = OcrMode.auto, lenient: bool = False, timeout: float = DEFAULT_TIMEOUT,
              patterns=None) -> None:
    """Parse ``file`` and write its JSON (``fmt`` "json" or "jsonl") to ``output`` or stdout
    (``patterns``: the environment's Patterns made already, see :func:`.pattern_cache.preload`)."""
    report = parse_file(file, ocr, lenient, timeout, patterns)
    text = report.to_json(pretty=pretty and fmt == "json")
    if output is None:
        write_stdout(text + "\n")
    else:
        write_file(output, text + "\n")


def checked_patterns(*, full: bool, made=None):
    """The Patterns of the environment (ours plus ``REPORT_PARSER_PATTERNS``; ``made``: that object
    made already), checked now: every file when ``full`` (a batch, once), else only when a
    district's overlay is there (one parse). Raises PatternError."""
    from .patterns import Patterns

    p = made if made is not None else Patterns.from_env()
    if not (full or p.overlay):
        return p
    from . import pattern_cache

    if full and pattern_cache.checked(p):  # these very files and code passed an earlier batch's check
        return p
    from .aggregate import words
    from .pipeline import check_patterns
    from .review.render import words as review_words

    checked = check_patterns(p, more=(words, review_words))
    if full:
        pattern_cache.mark_checked(p)
    return checked


def parse_file(file: Path, ocr, lenient: bool, timeout: float, patterns=None):
    """The Report, or a one-line error and the exit code of its kind."""
    from . import pattern_cache
    from .deadline import Overtime, deadline
    from .limits import memory_note
    from .patterns import PatternError

    too_long = f"{file}: parsing took longer than {timeout:g} s and was stopped (--timeout)"
    try:
        with deadline(timeout, f"parse-report: error: {too_long}", EXIT_UNREADABLE):
            patterns = checked_patterns(full=False, made=patterns)
            restored = pattern_cache.restore(patterns)  # the compiled patterns of an earlier run
            from .pipeline import parse  # after the restore: its modules' patterns are in regex's cache

            report = parse(file, ocr=ocr, require_report=not lenient, patterns=patterns)
            pattern_cache.save(patterns, restored)  # when this file needed more of them
            return report
    except ReportParserError as e:
        fail(str(e), e.exit_code)
    except PatternError as e:  # a district's own patterns file (REPORT_PARSER_PATTERNS) is broken: for it to fix
        fail(str(e), EXIT_USAGE)
    except Overtime:
        fail(too_long, EXIT_UNREADABLE)
    except MemoryError:
        fail(f"{file}: the file needs more memory than allowed: {memory_note()}; it is too large to parse",
             EXIT_UNREADABLE)
    except KeyboardInterrupt:
        raise SystemExit(EXIT_INTERRUPTED) from None
    except Exception as e:  # a bug of ours: still one line, never a traceback
        fail(f"{file}: internal error while parsing ({type(e).__name__}: {e}); please report it", EXIT_INTERNAL)


def write_stdout(text: str) -> None:
    """Write to standard output; a full device or a closed pipe is one line and exit 3."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as e:
        # nothing more may reach the broken stream, not even the interpreter's flush at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        fail(f"cannot write to standard output: {e.strerror or e}", EXIT_UNREADABLE)


def write_file(output: Path, text: str) -> None:
    """Write ``output`` (creating its folder); a failure is one line and exit 3."""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as e:
        fail(f"cannot write {output}: {e.strerror or e}", EXIT_UNREADABLE)
